//! Bookmarks: `[[bookmarks]]` tables in the user's config.
//!
//! ```toml
//! [[bookmarks]]
//! id = "597a4e4c925c446d"        # Article::id: hash of normalised title + body
//! title = "Les IA rattrapent…"
//! path = "/home/me/news/a.txt"   # last known; the id finds a moved file
//! added = 2026-11-27T09:12:00+01:00
//! note = "for Monday"            # optional
//! paragraph = 5                  # optional: where to come back to (1 = the first)
//! ```
//!
//! `paragraph` counts from 1, as the reader's status line does. Files from
//! before it may hold `position` instead, counted from 0: still read, and
//! replaced by `paragraph` when that bookmark's place changes.
//!
//! [`Bookmarks`] is the store the reader and the CLI use. Changes apply to
//! the in-memory list at once and are queued; [`Bookmarks::flush`] saves
//! them: it locks the config, re-reads it, replays the queued changes onto
//! the file's current bookmarks (so another quoth window's changes survive),
//! edits the document with `toml_edit` (comments and layout survive), and
//! writes atomically. If the file cannot be used (it was broken by hand
//! meanwhile, or the disk is full) nothing is written, the error comes back,
//! and the changes stay queued for the next `flush`.
//!
//! Reader wiring:
//! - start: `let mut marks = loaded.bookmarks();` (from [`super::open`]);
//! - list marker: [`Bookmarks::contains`]`(&article.id)`;
//! - `b`: [`Bookmarks::toggle`]`(&article, Some(paragraph))` then `flush()`;
//! - `B`: filter the list with [`Bookmarks::contains`]; bookmarks whose
//!   article is gone come from [`Bookmarks::missing`];
//! - `m`: [`Bookmarks::set_note`] then `flush()`;
//! - opening a bookmarked article: [`Bookmark::position`];
//! - a `flush` error: show it in the status line (its text says the change
//!   is kept), leave [`Bookmarks::pending`] > 0 as the "unsaved" sign, and
//!   call `flush` again on the next change and before quitting.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, SecondsFormat, Timelike};
use toml_edit::{DocumentMut, Item, Table, value};

use super::edit::{self, table_str};
use super::{ConfigError, Ctx, wrong_type};
use crate::article::Article;

/// One bookmark as stored in the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The article's stable id ([`Article::id`]).
    pub id: String,
    pub title: String,
    /// Last known file of the article.
    pub path: Option<PathBuf>,
    /// When it was bookmarked.
    pub added: Option<DateTime<FixedOffset>>,
    /// One-line note.
    pub note: Option<String>,
    /// Paragraph index (from 0) to return to when the article is opened;
    /// the file stores it as `paragraph`, counted from 1.
    pub position: Option<usize>,
}

impl Bookmark {
    /// A new bookmark, added now. The title is made one clean line.
    pub fn new(id: &str, title: &str, path: Option<PathBuf>) -> Bookmark {
        let now = chrono::Local::now().fixed_offset();
        // Whole seconds: what the file stores, so a re-read compares equal.
        let added = now.with_nanosecond(0).unwrap_or(now);
        Bookmark {
            id: id.to_string(),
            title: one_line(title),
            path,
            added: Some(added),
            note: None,
            position: None,
        }
    }

    /// A bookmark for this article, with its absolute path (the library may
    /// have been opened with a relative one).
    pub fn for_article(article: &Article) -> Bookmark {
        let path = std::path::absolute(&article.path).unwrap_or_else(|_| article.path.clone());
        Bookmark::new(&article.id, &article.title, Some(path))
    }

    fn to_table(&self) -> Table {
        let mut t = Table::new();
        t.insert("id", value(self.id.as_str()));
        t.insert("title", value(self.title.as_str()));
        if let Some(p) = &self.path {
            t.insert("path", value(p.to_string_lossy().as_ref()));
        }
        if let Some(added) = self.added {
            let s = added.to_rfc3339_opts(SecondsFormat::Secs, true);
            // Written as a native TOML datetime (RFC 3339); a string if
            // toml_datetime ever disagrees with chrono's rendering.
            match s.parse::<toml_edit::Datetime>() {
                Ok(dt) => t.insert("added", value(dt)),
                Err(_) => t.insert("added", value(s)),
            };
        }
        if let Some(n) = &self.note {
            t.insert("note", value(n.as_str()));
        }
        if let Some(p) = self.position {
            t.insert("paragraph", value(paragraph_number(p)));
        }
        t
    }
}

/// A queued change, replayed onto the file's current content at flush.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    Add(Bookmark),
    Remove(String),
    Note(String, Option<String>),
    Position(String, Option<usize>),
    Path(String, PathBuf),
}

/// Bookmarks could not be saved. The changes are still queued in the
/// [`Bookmarks`] value, so nothing is lost.
#[derive(Debug)]
pub struct SaveError(pub edit::SaveError);

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.describe("bookmark", Some("kept")))
    }
}

impl std::error::Error for SaveError {}

impl SaveError {
    /// The message for a command, which exits at once: nothing is kept for
    /// a retry there, so it says only what went wrong and where.
    pub fn for_command(&self) -> String {
        self.0.describe("bookmarks", None)
    }
}

/// The bookmark store: the list as the user sees it, plus unsaved changes.
#[derive(Debug, Clone, Default)]
pub struct Bookmarks {
    path: Option<PathBuf>,
    list: Vec<Bookmark>,
    /// Position in `list` of the first bookmark with each id: the reader
    /// asks for every article whether it is bookmarked.
    index: HashMap<String, usize>,
    pending: Vec<Change>,
}

impl Bookmarks {
    /// A store over `path` (the config file, which may not exist yet)
    /// holding `list` as read from it. Usually from
    /// [`super::Loaded::bookmarks`].
    pub fn new(path: Option<PathBuf>, list: Vec<Bookmark>) -> Bookmarks {
        let mut b = Bookmarks {
            path,
            list,
            index: HashMap::new(),
            pending: Vec::new(),
        };
        b.reindex();
        b
    }

    /// Reads the bookmarks of the config at `path` (missing file: none).
    pub fn open(path: &Path) -> Result<Bookmarks, ConfigError> {
        let loaded = super::load_file(path, false)?;
        Ok(loaded.bookmarks())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every bookmark, in file order, unsaved changes included.
    pub fn list(&self) -> &[Bookmark] {
        &self.list
    }

    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The bookmarks whose article is not among `library_ids`.
    pub fn missing(&self, library_ids: &HashSet<&str>) -> Vec<&Bookmark> {
        self.list
            .iter()
            .filter(|b| !library_ids.contains(b.id.as_str()))
            .collect()
    }

    /// Number of changes not yet saved.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// `b`: bookmarks the article (at `position`, a paragraph index) or
    /// removes its bookmark. Returns whether it is bookmarked now. Queued:
    /// call [`Bookmarks::flush`].
    pub fn toggle(&mut self, article: &Article, position: Option<usize>) -> bool {
        if self.contains(&article.id) {
            self.remove(&article.id);
            false
        } else {
            let mut b = Bookmark::for_article(article);
            b.position = position;
            self.add(b);
            true
        }
    }

    /// Adds a bookmark; if one with this id exists, keeps it and its note
    /// but refreshes title and path. Queued.
    pub fn add(&mut self, bookmark: Bookmark) {
        self.change(Change::Add(bookmark));
    }

    /// Removes the bookmark with this id; false if there is none. Queued.
    pub fn remove(&mut self, id: &str) -> bool {
        if !self.contains(id) {
            return false;
        }
        self.change(Change::Remove(id.to_string()));
        true
    }

    /// `m`: sets (or with `None` / an empty string, clears) the note. The
    /// note is made one line. False if there is no such bookmark. Queued.
    pub fn set_note(&mut self, id: &str, note: Option<&str>) -> bool {
        if !self.contains(id) {
            return false;
        }
        let note = note.map(one_line).filter(|n| !n.is_empty());
        self.change(Change::Note(id.to_string(), note));
        true
    }

    /// Stores the paragraph to come back to. False if not bookmarked. Queued.
    pub fn set_position(&mut self, id: &str, position: Option<usize>) -> bool {
        if !self.contains(id) {
            return false;
        }
        self.change(Change::Position(id.to_string(), position));
        true
    }

    /// Records where the article is now (it moved). Queued only if it
    /// differs from the stored path.
    pub fn update_path(&mut self, id: &str, path: &Path) -> bool {
        match self.get(id) {
            Some(b) if b.path.as_deref() != Some(path) => {
                self.change(Change::Path(id.to_string(), path.to_path_buf()));
                true
            }
            _ => false,
        }
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, b) in self.list.iter().enumerate() {
            self.index.entry(b.id.clone()).or_insert(i);
        }
    }

    fn change(&mut self, c: Change) {
        apply_to_list(&mut self.list, &c);
        self.reindex();
        self.pending.push(c);
    }

    /// Saves the queued changes (see the module docs). On error they stay
    /// queued and the file is untouched.
    pub fn flush(&mut self) -> Result<(), SaveError> {
        self.flush_with(&mut |_| Ok(()))
    }

    /// [`Bookmarks::flush`] with a hook run between writing the temporary
    /// file and renaming it over the config (tests inject failures here).
    pub fn flush_with(
        &mut self,
        before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let path = self
            .path
            .clone()
            .ok_or(SaveError(edit::SaveError::NoLocation))?;
        let pending = &self.pending;
        let parsed = edit::edit(
            &path,
            &mut |doc| pending.iter().for_each(|c| apply_to_doc(doc, c)),
            before_rename,
        )
        .map_err(SaveError)?;
        self.list = parsed.bookmarks;
        self.reindex();
        self.pending.clear();
        Ok(())
    }

    /// Re-reads the file (another window's changes) and re-applies the
    /// queued changes on top.
    pub fn reload(&mut self) -> Result<(), ConfigError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut list = super::load_file(path, false)?.bookmarks;
        for c in &self.pending {
            apply_to_list(&mut list, c);
        }
        self.list = list;
        self.reindex();
        Ok(())
    }
}

/// The number a paragraph index is stored and shown as (from 1).
fn paragraph_number(index: usize) -> i64 {
    i64::try_from(index).map_or(i64::MAX, |i| i.saturating_add(1))
}

fn one_line(s: &str) -> String {
    let clean = crate::article::sanitise::sanitise(s);
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn apply_to_list(list: &mut Vec<Bookmark>, c: &Change) {
    match c {
        Change::Add(b) => match list.iter_mut().find(|x| x.id == b.id) {
            Some(x) => {
                x.title.clone_from(&b.title);
                x.path.clone_from(&b.path);
            }
            None => list.push(b.clone()),
        },
        Change::Remove(id) => list.retain(|x| &x.id != id),
        Change::Note(id, n) => list
            .iter_mut()
            .filter(|x| &x.id == id)
            .for_each(|x| x.note.clone_from(n)),
        Change::Position(id, p) => list
            .iter_mut()
            .filter(|x| &x.id == id)
            .for_each(|x| x.position = *p),
        Change::Path(id, p) => list
            .iter_mut()
            .filter(|x| &x.id == id)
            .for_each(|x| x.path = Some(p.clone())),
    }
}

const ARRAY: &str = "bookmarks";

/// Sets or removes `key` in each bookmark table with this id.
fn set_in_matching(doc: &mut DocumentMut, id: &str, key: &str, new: Option<toml_edit::Value>) {
    edit::set_in_matching(doc, ARRAY, &|t| table_str(t, "id") == Some(id), key, new);
}

fn apply_to_doc(doc: &mut DocumentMut, c: &Change) {
    match c {
        Change::Add(b) => {
            if edit::any_table(doc, ARRAY, &|t| table_str(t, "id") == Some(b.id.as_str())) {
                set_in_matching(doc, &b.id, "title", Some(b.title.as_str().into()));
                if let Some(p) = &b.path {
                    set_in_matching(
                        doc,
                        &b.id,
                        "path",
                        Some(p.to_string_lossy().as_ref().into()),
                    );
                }
            } else {
                edit::push_last(doc, ARRAY, b.to_table());
            }
        }
        Change::Remove(id) => {
            edit::remove_matching(doc, ARRAY, &|t| table_str(t, "id") == Some(id.as_str()))
        }
        Change::Note(id, n) => {
            set_in_matching(doc, id, "note", n.as_deref().map(Into::into));
        }
        Change::Position(id, p) => {
            let item = p.map(|p| paragraph_number(p).into());
            set_in_matching(doc, id, "paragraph", item);
            // one numbering: the old 0-based key goes
            set_in_matching(doc, id, "position", None);
        }
        Change::Path(id, p) => {
            set_in_matching(doc, id, "path", Some(p.to_string_lossy().as_ref().into()));
        }
    }
}

/// Validates the `bookmarks` item of a config.
pub(crate) fn parse_all(ctx: &mut Ctx<'_>, item: &Item) -> Result<Vec<Bookmark>, ConfigError> {
    let tables = super::tables_of(ctx, item, "bookmarks")?;
    let mut out: Vec<Bookmark> = Vec::new();
    let mut ids = HashSet::new();
    for (i, t) in tables.into_iter().enumerate() {
        let b = parse_one(ctx, t, i + 1)?;
        if !ids.insert(b.id.clone()) {
            let span = t.get("id").and_then(Item::span);
            ctx.warn(
                span,
                &format!("bookmark id \"{}\" appears twice; both are kept", b.id),
            );
        }
        out.push(b);
    }
    Ok(out)
}

fn parse_one(ctx: &mut Ctx<'_>, t: &Table, n: usize) -> Result<Bookmark, ConfigError> {
    let required = |ctx: &Ctx<'_>, key: &str| -> Result<String, ConfigError> {
        match t.get(key) {
            Some(item) => {
                let s = ctx.string(item, &format!("bookmarks.{key}"))?;
                if s.trim().is_empty() {
                    return Err(ctx.err(item.span(), &format!("bookmark {n}: `{key}` is empty")));
                }
                Ok(s.to_string())
            }
            None => Err(ctx.err(t.span(), &format!("bookmark {n} has no `{key}`"))),
        }
    };
    let id = required(ctx, "id")?;
    let title = one_line(&required(ctx, "title")?);
    let mut b = Bookmark {
        id,
        title,
        path: None,
        added: None,
        note: None,
        position: None,
    };
    for (key, item) in t.iter() {
        match key {
            "id" | "title" => {}
            "path" => b.path = Some(PathBuf::from(ctx.string(item, "bookmarks.path")?)),
            "note" => {
                b.note =
                    Some(one_line(ctx.string(item, "bookmarks.note")?)).filter(|s| !s.is_empty())
            }
            "added" => b.added = Some(parse_added(ctx, item)?),
            "paragraph" => {
                let p = integer(ctx, item, "bookmarks.paragraph")?;
                let index = usize::try_from(p.saturating_sub(1)).ok().filter(|_| p >= 1);
                let index = index.ok_or_else(|| {
                    ctx.err(
                        item.span(),
                        &format!("`bookmarks.paragraph` counts from 1, found {p}"),
                    )
                })?;
                b.position = Some(index);
            }
            // the old key, counted from 0; `paragraph` wins if both are there
            "position" if !t.contains_key("paragraph") => {
                let p = integer(ctx, item, "bookmarks.position")?;
                b.position = Some(usize::try_from(p).map_err(|_| {
                    ctx.err(
                        item.span(),
                        &format!("`bookmarks.position` must be 0 or more, found {p}"),
                    )
                })?);
            }
            "position" => {}
            other => ctx.warn_foreign_key(t, other, "bookmarks", "bookmark", n),
        }
    }
    Ok(b)
}

fn integer(ctx: &Ctx<'_>, item: &Item, name: &str) -> Result<i64, ConfigError> {
    item.as_integer()
        .ok_or_else(|| ctx.err(item.span(), &wrong_type(name, "an integer", item)))
}

/// RFC 3339 with an offset, as a TOML datetime or a string.
fn parse_added(ctx: &Ctx<'_>, item: &Item) -> Result<DateTime<FixedOffset>, ConfigError> {
    let raw = match item.as_value() {
        Some(toml_edit::Value::Datetime(d)) => d.value().to_string(),
        Some(toml_edit::Value::String(s)) => s.value().clone(),
        _ => {
            return Err(ctx.err(
                item.span(),
                &wrong_type("bookmarks.added", "an RFC 3339 date-time", item),
            ));
        }
    };
    DateTime::parse_from_rfc3339(&raw).map_err(|_| {
        ctx.err(
            item.span(),
            &format!(
                "`bookmarks.added` must be an RFC 3339 date-time with offset (e.g. 2026-11-27T09:12:00+01:00), found {raw}"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str) -> Article {
        Article::new(
            PathBuf::from(format!("/lib/{title}.txt")),
            title.into(),
            "Body.".into(),
        )
    }

    #[test]
    fn first_bookmark_creates_the_file_and_last_removal_keeps_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quoth/config.toml");
        let mut m = Bookmarks::open(&path).unwrap();
        assert!(!path.exists());
        let a = article("One");
        assert!(m.toggle(&a, Some(3)));
        assert_eq!(m.pending(), 1);
        m.flush().unwrap();
        assert_eq!(m.pending(), 0);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# quoth configuration"), "{text}");
        assert!(
            text.contains("[[bookmarks]]") && text.contains("paragraph = 4"),
            "{text}"
        );
        let again = Bookmarks::open(&path).unwrap();
        assert_eq!(again.list(), m.list());
        assert!(again.get(&a.id).unwrap().added.is_some());
        assert!(!m.toggle(&a, None));
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(edit::NEW_FILE_HEADER), "{text}");
        assert!(!text.contains("id = "), "{text}");
    }

    #[test]
    fn note_and_position_edit_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# mine\nwidth = 70 # narrow\n\n[[bookmarks]]\nid = \"a1\" # keep\ntitle = \"T\"\nparagraph = 3 # here\n";
        std::fs::write(&path, original).unwrap();
        let mut m = Bookmarks::open(&path).unwrap();
        assert!(m.set_position("a1", Some(5)));
        assert!(m.set_note("a1", Some("  read\nagain ")));
        assert!(!m.set_note("zz", Some("x")));
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("paragraph = 6 # here"), "{text}");
        assert!(text.contains("note = \"read again\""), "{text}");
        m.set_note("a1", None);
        m.set_position("a1", Some(2));
        m.flush().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    }

    #[test]
    fn comment_above_removed_bookmark_moves_to_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "width = 80\n\n# my reading list\n[[bookmarks]]\nid = \"a\"\ntitle = \"A\"\n\n# theme\n[theme]\nquote = \"red\"\n";
        std::fs::write(&path, original).unwrap();
        let mut m = Bookmarks::open(&path).unwrap();
        assert!(m.remove("a"));
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "width = 80\n\n# my reading list\n\n# theme\n[theme]\nquote = \"red\"\n"
        );
        std::fs::write(&path, "[[bookmarks]]\nid = \"a\"\ntitle = \"A\"\n# last words\n[[bookmarks]]\nid = \"b\"\ntitle = \"B\"\n").unwrap();
        let mut m = Bookmarks::open(&path).unwrap();
        m.remove("b");
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "[[bookmarks]]\nid = \"a\"\ntitle = \"A\"\n# last words\n"
        );
    }

    #[test]
    fn line_ends_bom_and_last_newline_survive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for original in [
            "width = 80",
            "width = 80\r\n# c\r\n[theme]\r\nquote = \"red\"\r\n",
            "\u{feff}width = 80\n",
            "\u{feff}# only a comment, no newline",
        ] {
            std::fs::write(&path, original).unwrap();
            let mut m = Bookmarks::open(&path).unwrap();
            m.add(Bookmark::new("01", "T", None));
            m.flush().unwrap();
            let mid = std::fs::read_to_string(&path).unwrap();
            assert!(mid.contains("id = \"01\""), "{mid:?}");
            if original.contains('\r') {
                assert!(!mid.replace("\r\n", "").contains('\n'), "{mid:?}");
            }
            assert_eq!(Bookmarks::open(&path).unwrap().list().len(), 1);
            m.remove("01");
            m.flush().unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
        }
    }

    #[test]
    fn broken_file_keeps_changes_pending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "width = 80\n").unwrap();
        let mut m = Bookmarks::open(&path).unwrap();
        m.toggle(&article("One"), None);
        std::fs::write(&path, "width = = 80\n").unwrap();
        let err = m.flush().unwrap_err();
        assert!(
            matches!(
                err,
                SaveError(edit::SaveError::Config(ConfigError::Syntax { .. }))
            ),
            "{err}"
        );
        assert!(
            err.to_string().contains("kept until the config is fixed"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "width = = 80\n");
        assert_eq!(m.pending(), 1);
        assert_eq!(m.list().len(), 1);
        std::fs::write(&path, "width = 81\n").unwrap();
        m.flush().unwrap();
        let again = Bookmarks::open(&path).unwrap();
        assert_eq!(again.list().len(), 1);
    }

    #[test]
    fn flush_merges_with_other_handle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut a = Bookmarks::open(&path).unwrap();
        let mut b = Bookmarks::open(&path).unwrap();
        a.toggle(&article("One"), None);
        b.toggle(&article("Two"), None);
        a.flush().unwrap();
        b.flush().unwrap();
        assert_eq!(b.list().len(), 2);
        a.reload().unwrap();
        assert_eq!(a.list().len(), 2);
        let missing = a.missing(&HashSet::from([article("One").id.as_str()]));
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].title, "Two");
    }
}
