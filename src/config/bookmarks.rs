//! Bookmarks: `[[bookmarks]]` tables in the user's config.
//!
//! ```toml
//! [[bookmarks]]
//! id = "597a4e4c925c446d"        # Article::id: hash of normalised title + body
//! title = "Les IA rattrapent…"
//! path = "/home/me/news/a.txt"   # last known; the id finds a moved file
//! added = 2026-11-27T09:12:00+01:00
//! note = "for Monday"            # optional
//! position = 4                   # optional paragraph index
//! ```
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
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::{ConfigError, Ctx, key_span, wrong_type};
use crate::article::Article;
use crate::store::{FileLock, atomic_write_with};

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
    /// Paragraph index to return to when the article is opened.
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
            t.insert("position", value(i64::try_from(p).unwrap_or(i64::MAX)));
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
pub enum SaveError {
    /// No config location: no `--config`, no `$QUOTH_CONFIG`, no home.
    NoLocation,
    /// The config is broken (edited by hand meanwhile): not touched.
    Config(ConfigError),
    /// Locking, reading or writing failed.
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::NoLocation => write!(
                f,
                "bookmark not saved (kept for this session): no config location; use --config or set $QUOTH_CONFIG"
            ),
            SaveError::Config(e) => write!(
                f,
                "bookmark not saved (kept until the config is fixed): {e}"
            ),
            SaveError::Io { path, source } => write!(
                f,
                "bookmark not saved (kept for a retry): {}: {source}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SaveError {}

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

/// First lines of a config that quoth creates for the first bookmark.
const NEW_FILE_HEADER: &str = "# quoth configuration. Every setting is documented in config.example.toml.\n\
# quoth itself only adds and removes [[bookmarks]] here; your edits and comments stay.\n";

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
        let path = self.path.clone().ok_or(SaveError::NoLocation)?;
        let io_err = |source| SaveError::Io {
            path: path.clone(),
            source,
        };
        let _lock = FileLock::acquire(&path).map_err(io_err)?;
        let (text, existed) =
            match crate::article::files::read_capped_io(&path, super::MAX_CONFIG_BYTES) {
                Ok(bytes) => {
                    // Same validation as at start: never edit a file we would
                    // refuse to start with.
                    super::parse(&path, &bytes).map_err(SaveError::Config)?;
                    (String::from_utf8_lossy(&bytes).into_owned(), true)
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => (String::new(), false),
                Err(e) => return Err(io_err(e)),
            };
        let mut doc: DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| SaveError::Io {
                    path: path.clone(),
                    source: io::Error::other(e.message().to_string()),
                })?;
        for c in &self.pending {
            apply_to_doc(&mut doc, c);
        }
        let mut out = doc.to_string();
        if existed {
            out = keep_file_style(&text, out);
        } else {
            out = format!("{NEW_FILE_HEADER}\n{out}");
        }
        // Our own edit must give a config we would accept.
        let parsed = super::parse(&path, out.as_bytes()).map_err(SaveError::Config)?;
        if out != text || !existed {
            atomic_write_with(&path, out.as_bytes(), before_rename).map_err(io_err)?;
        }
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

/// toml_edit writes `\n` line ends, drops a byte-order mark and ends the
/// file with a newline; give the output the original file's habits instead,
/// so an edit changes only the lines it must.
fn keep_file_style(original: &str, out: String) -> String {
    let crlf = original.matches("\r\n").count();
    let lf = original.matches('\n').count() - crlf;
    let mut out = out.replace("\r\n", "\n");
    if crlf > lf {
        out = out.replace('\n', "\r\n");
    }
    if !original.is_empty() && !original.ends_with('\n') {
        if out.ends_with("\r\n") {
            out.truncate(out.len() - 2);
        } else if out.ends_with('\n') {
            out.pop();
        }
    }
    if original.starts_with('\u{feff}') && !out.starts_with('\u{feff}') {
        out.insert(0, '\u{feff}');
    }
    out
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

/// The `[[bookmarks]]` array, created at the end of the document if absent.
fn bookmarks_mut(doc: &mut DocumentMut) -> &mut ArrayOfTables {
    let is_aot = matches!(doc.get("bookmarks"), Some(Item::ArrayOfTables(_)));
    if !is_aot {
        // Absent, or `bookmarks = []` (validation rejects anything else).
        doc.remove("bookmarks");
        doc.insert("bookmarks", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    match doc.get_mut("bookmarks") {
        Some(Item::ArrayOfTables(a)) => a,
        _ => unreachable!("just inserted"),
    }
}

fn table_id(t: &Table) -> Option<&str> {
    t.get("id").and_then(Item::as_str)
}

/// Sets or removes `key` in each bookmark table with this id. A changed
/// value keeps its decoration (spacing, trailing comment); an equal one is
/// left alone, quote style included.
fn set_in_matching(doc: &mut DocumentMut, id: &str, key: &str, new: Option<toml_edit::Value>) {
    let Some(Item::ArrayOfTables(aot)) = doc.get_mut("bookmarks") else {
        return;
    };
    for t in aot.iter_mut().filter(|t| table_id(t) == Some(id)) {
        let Some(new) = &new else {
            t.remove(key);
            continue;
        };
        match t.get_mut(key) {
            Some(Item::Value(v)) => {
                if !same_value(v, new) {
                    let decor = v.decor().clone();
                    *v = new.clone();
                    *v.decor_mut() = decor;
                }
            }
            _ => {
                t.insert(key, Item::Value(new.clone()));
            }
        }
    }
}

fn same_value(a: &toml_edit::Value, b: &toml_edit::Value) -> bool {
    match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => x == y,
        _ => a.as_integer().is_some() && a.as_integer() == b.as_integer(),
    }
}

fn apply_to_doc(doc: &mut DocumentMut, c: &Change) {
    match c {
        Change::Add(b) => {
            let exists = matches!(doc.get("bookmarks"), Some(Item::ArrayOfTables(a))
                if a.iter().any(|t| table_id(t) == Some(b.id.as_str())));
            if exists {
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
                bookmarks_mut(doc).push(b.to_table());
            }
        }
        Change::Remove(id) => remove_from_doc(doc, id),
        Change::Note(id, n) => {
            set_in_matching(doc, id, "note", n.as_deref().map(Into::into));
        }
        Change::Position(id, p) => {
            let item = p.map(|p| i64::try_from(p).unwrap_or(i64::MAX).into());
            set_in_matching(doc, id, "position", item);
        }
        Change::Path(id, p) => {
            set_in_matching(doc, id, "path", Some(p.to_string_lossy().as_ref().into()));
        }
    }
}

/// Removes the bookmark tables with this id. Comments written above a
/// removed `[[bookmarks]]` header belong to it for toml_edit; they are moved
/// to whatever follows in the file, so no comment is lost.
fn remove_from_doc(doc: &mut DocumentMut, id: &str) {
    let Some(Item::ArrayOfTables(aot)) = doc.get_mut("bookmarks") else {
        return;
    };
    let mut orphans: Vec<(isize, String)> = Vec::new();
    for t in aot.iter().filter(|t| table_id(t) == Some(id)) {
        let prefix = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
        if prefix.contains('#') {
            orphans.push((t.position().unwrap_or(isize::MAX), prefix.to_string()));
        }
    }
    aot.retain(|t| table_id(t) != Some(id));
    if aot.is_empty() {
        // Leave no trace of an array quoth created.
        doc.remove("bookmarks");
    }
    for (pos, comment) in orphans {
        let mut next: Option<isize> = None;
        visit_tables(doc.as_table_mut(), &mut |t| {
            if let Some(p) = t.position().filter(|&p| p > pos) {
                next = Some(next.map_or(p, |n| n.min(p)));
            }
        });
        let mut placed = false;
        if let Some(next) = next {
            visit_tables(doc.as_table_mut(), &mut |t| {
                if !placed && t.position() == Some(next) {
                    let old = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
                    let joined = format!("{comment}{old}");
                    t.decor_mut().set_prefix(joined);
                    placed = true;
                }
            });
        }
        if !placed {
            let old = doc.trailing().as_str().unwrap_or("").to_string();
            doc.set_trailing(format!("{comment}{old}"));
        }
    }
}

/// Calls `f` on every table below `table` (not `table` itself).
fn visit_tables(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                f(t);
                visit_tables(t, f);
            }
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    f(t);
                    visit_tables(t, f);
                }
            }
            _ => {}
        }
    }
}

/// Validates the `bookmarks` item of a config.
pub(crate) fn parse_all(ctx: &mut Ctx<'_>, item: &Item) -> Result<Vec<Bookmark>, ConfigError> {
    let aot = match item {
        Item::ArrayOfTables(a) => a,
        Item::Value(toml_edit::Value::Array(a)) if a.is_empty() => return Ok(Vec::new()),
        Item::Value(toml_edit::Value::Array(_)) => {
            return Err(ctx.err(
                item.span(),
                "`bookmarks` must be written as [[bookmarks]] tables, not an inline array",
            ));
        }
        other => {
            return Err(ctx.err(
                other.span(),
                &wrong_type("bookmarks", "[[bookmarks]] tables", other),
            ));
        }
    };
    let mut out: Vec<Bookmark> = Vec::new();
    let mut ids = HashSet::new();
    for (i, t) in aot.iter().enumerate() {
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
            "position" => {
                let p = item.as_integer().ok_or_else(|| {
                    ctx.err(
                        item.span(),
                        &wrong_type("bookmarks.position", "an integer", item),
                    )
                })?;
                b.position = Some(usize::try_from(p).map_err(|_| {
                    ctx.err(
                        item.span(),
                        &format!("`bookmarks.position` must be 0 or more, found {p}"),
                    )
                })?);
            }
            other => {
                let span = key_span(t, other);
                ctx.warn(span, &format!("unknown key `bookmarks.{other}` (ignored)"));
            }
        }
    }
    Ok(b)
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
            text.contains("[[bookmarks]]") && text.contains("position = 3"),
            "{text}"
        );
        let again = Bookmarks::open(&path).unwrap();
        assert_eq!(again.list(), m.list());
        assert!(again.get(&a.id).unwrap().added.is_some());
        assert!(!m.toggle(&a, None));
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(NEW_FILE_HEADER), "{text}");
        assert!(!text.contains("id = "), "{text}");
    }

    #[test]
    fn note_and_position_edit_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# mine\nwidth = 70 # narrow\n\n[[bookmarks]]\nid = \"a1\" # keep\ntitle = \"T\"\nposition = 2 # here\n";
        std::fs::write(&path, original).unwrap();
        let mut m = Bookmarks::open(&path).unwrap();
        assert!(m.set_position("a1", Some(5)));
        assert!(m.set_note("a1", Some("  read\nagain ")));
        assert!(!m.set_note("zz", Some("x")));
        m.flush().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("position = 5 # here"), "{text}");
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
            matches!(err, SaveError::Config(ConfigError::Syntax { .. })),
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
