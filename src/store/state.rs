//! Reading state: read/unread and the last reading position of each article,
//! kept in `state.toml` in the data directory (not in the user's config).
//!
//! Use from the reader:
//! - at start: `let (mut state, warnings) = ReadingState::open_default();`
//!   show the warnings (a corrupt file was moved aside); quoth runs anyway;
//! - opening an article: [`ReadingState::mark_read`], then scroll to
//!   [`ReadingState::position`] if any;
//! - `u`: [`ReadingState::toggle_read`];
//! - while reading: [`ReadingState::set_position`] with the paragraph index
//!   at the top of the reading pane (cheap: memory only);
//! - on leaving an article and on quit: [`ReadingState::save`]. It merges with
//!   what other quoth processes saved meanwhile, so only the articles changed
//!   here overwrite theirs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileLock, atomic_write};

/// What quoth remembers about one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredArticle", into = "StoredArticle")]
pub struct ArticleState {
    /// Opened at least once (or marked read with `u`).
    pub read: bool,
    /// Paragraph index (as in `Article::paragraphs()`, from 0) last shown at
    /// the top; stored as `paragraph`, counted from 1 as the reader shows it.
    pub position: Option<usize>,
}

/// An article as `state.toml` has it: `paragraph` counts from 1, like the
/// status line ("paragraph 2"); `position`, counted from 0, is what older
/// files hold: read, never written.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct StoredArticle {
    #[serde(default)]
    read: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    #[serde(default, skip_serializing)]
    position: Option<usize>,
}

impl From<StoredArticle> for ArticleState {
    fn from(s: StoredArticle) -> Self {
        ArticleState {
            read: s.read,
            position: match s.paragraph {
                Some(p) => p.checked_sub(1),
                None => s.position,
            },
        }
    }
}

impl From<ArticleState> for StoredArticle {
    fn from(a: ArticleState) -> Self {
        StoredArticle {
            read: a.read,
            paragraph: a.position.map(|p| p.saturating_add(1)),
            position: None,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct StateFile {
    #[serde(default)]
    articles: BTreeMap<String, ArticleState>,
}

/// The state could not be saved; the in-memory state is kept, so a later
/// [`ReadingState::save`] can still succeed.
#[derive(Debug)]
pub struct StateError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot save reading state {}: {}",
            self.path.display(),
            self.message
        )
    }
}

impl std::error::Error for StateError {}

/// Read/unread marks and positions, with the ids changed since the last save.
#[derive(Debug, Default)]
pub struct ReadingState {
    path: Option<PathBuf>,
    articles: BTreeMap<String, ArticleState>,
    changed: BTreeSet<String>,
    /// Set when the file exists but could not be read (permissions…): saving
    /// would overwrite data we never saw, so it is refused.
    unreadable: Option<String>,
}

/// A state file larger than this is refused, not read into memory (a
/// hundred thousand articles take about 5 MB).
pub const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// Name of the state file in the data directory.
pub const STATE_FILE: &str = "state.toml";

const HEADER: &str = "# quoth reading state: read marks and positions. Written by quoth.\n\n";

impl ReadingState {
    /// `state.toml` in [`super::data_dir`].
    pub fn default_path() -> Option<PathBuf> {
        super::data_dir().map(|d| d.join(STATE_FILE))
    }

    /// Opens the default state file. Never fails: problems come back as
    /// warnings for the user and quoth starts with what it could read.
    pub fn open_default() -> (ReadingState, Vec<String>) {
        match Self::default_path() {
            Some(path) => Self::open(&path),
            None => (
                ReadingState::default(),
                vec!["no home directory: reading state will not be saved".into()],
            ),
        }
    }

    /// Opens `path`. A missing file is an empty state. A corrupt one is moved
    /// aside to `state.toml.corrupt-<unix time>` with a warning.
    pub fn open(path: &Path) -> (ReadingState, Vec<String>) {
        let mut warnings = Vec::new();
        let mut state = ReadingState {
            path: Some(path.to_path_buf()),
            ..ReadingState::default()
        };
        match read_state(path, &mut warnings) {
            Ok(articles) => state.articles = articles,
            Err(e) => {
                let msg = e.to_string();
                warnings.push(format!(
                    "cannot read reading state {}: {msg}; it will not be saved",
                    path.display()
                ));
                state.unreadable = Some(msg);
            }
        }
        (state, warnings)
    }

    /// A state that lives in memory only ([`ReadingState::save`] is a no-op).
    pub fn in_memory() -> ReadingState {
        ReadingState::default()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The state of one article (default: unread, no position).
    pub fn get(&self, id: &str) -> ArticleState {
        self.articles.get(id).copied().unwrap_or_default()
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.get(id).read
    }

    /// Marks an article read (call when it is opened).
    pub fn mark_read(&mut self, id: &str) {
        self.set_read(id, true);
    }

    pub fn set_read(&mut self, id: &str, read: bool) {
        self.update(id, |s| s.read = read);
    }

    /// `u`: flips read/unread; returns the new value.
    pub fn toggle_read(&mut self, id: &str) -> bool {
        let read = !self.is_read(id);
        self.set_read(id, read);
        read
    }

    /// Last paragraph index shown for this article, if any.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.get(id).position
    }

    pub fn set_position(&mut self, id: &str, paragraph: usize) {
        self.update(id, |s| s.position = Some(paragraph));
    }

    /// Unsaved changes exist.
    pub fn is_dirty(&self) -> bool {
        !self.changed.is_empty()
    }

    fn update(&mut self, id: &str, f: impl FnOnce(&mut ArticleState)) {
        let entry = self.articles.entry(id.to_string()).or_default();
        let before = *entry;
        f(entry);
        if *entry != before {
            self.changed.insert(id.to_string());
        }
    }

    /// Saves the changed articles: lock, re-read (keeping other processes'
    /// changes), write atomically. Returns warnings (the file on disk had
    /// become corrupt and was moved aside). On error nothing is lost: the
    /// changes stay pending for the next call.
    pub fn save(&mut self) -> Result<Vec<String>, StateError> {
        let Some(path) = self.path.clone() else {
            return Ok(Vec::new());
        };
        if !self.is_dirty() {
            return Ok(Vec::new());
        }
        let err = |message: String| StateError {
            path: path.clone(),
            message,
        };
        if let Some(why) = &self.unreadable {
            return Err(err(format!("the file could not be read ({why})")));
        }
        let _lock = FileLock::acquire(&path).map_err(|e| err(e.to_string()))?;
        let mut warnings = Vec::new();
        let mut merged = read_state(&path, &mut warnings).map_err(|e| err(e.to_string()))?;
        for id in &self.changed {
            if let Some(s) = self.articles.get(id) {
                merged.insert(id.clone(), *s);
            }
        }
        let file = StateFile { articles: merged };
        let body = toml::to_string(&file).map_err(|e| err(e.to_string()))?;
        atomic_write(&path, format!("{HEADER}{body}").as_bytes())
            .map_err(|e| err(e.to_string()))?;
        self.articles = file.articles;
        self.changed.clear();
        Ok(warnings)
    }
}

/// Reads the state file. Missing → empty. Unparsable → moved aside, warning,
/// empty. Other I/O errors are returned.
fn read_state(
    path: &Path,
    warnings: &mut Vec<String>,
) -> io::Result<BTreeMap<String, ArticleState>> {
    let bytes = match crate::article::files::read_capped_io(path, MAX_STATE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(e),
    };
    let parsed = String::from_utf8(bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str::<StateFile>(&text).map_err(|e| e.message().to_string()));
    match parsed {
        Ok(file) => Ok(file.articles),
        Err(why) => {
            let aside = move_aside(path)?;
            warnings.push(format!(
                "reading state {} was corrupt ({}); moved to {}, starting afresh",
                path.display(),
                why.trim_end(),
                aside.display()
            ));
            Ok(BTreeMap::new())
        }
    }
}

/// Renames a corrupt file to `<name>.corrupt-<unix time>` (never over an
/// earlier one) so the user can still inspect or repair it.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut aside = path.with_file_name(format!("{name}.corrupt-{secs}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.corrupt-{secs}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_merges_with_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(STATE_FILE);
        let (mut a, w) = ReadingState::open(&path);
        assert!(w.is_empty());
        let (mut b, _) = ReadingState::open(&path);
        a.mark_read("aaa");
        a.set_position("aaa", 4);
        b.mark_read("bbb");
        assert!(a.save().unwrap().is_empty());
        b.save().unwrap();
        // b picked up a's article while saving.
        assert_eq!(b.position("aaa"), Some(4));
        let (c, _) = ReadingState::open(&path);
        assert!(c.is_read("aaa") && c.is_read("bbb"));
        assert!(!c.is_read("ccc"));
        assert!(!c.is_dirty());
    }

    #[test]
    fn paragraphs_are_stored_from_1_and_old_positions_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(STATE_FILE);
        let (mut s, _) = ReadingState::open(&path);
        s.set_position("a", 1);
        s.save().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("paragraph = 2") && !text.contains("position ="),
            "{text}"
        );
        fs::write(&path, "[articles.old]\nread = true\nposition = 4\n").unwrap();
        let (s, w) = ReadingState::open(&path);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.position("old"), Some(4));
    }

    #[test]
    fn toggle_and_dirty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(STATE_FILE);
        let (mut s, _) = ReadingState::open(&path);
        assert!(!s.is_dirty());
        assert!(s.toggle_read("x"));
        assert!(s.is_dirty());
        assert!(!s.toggle_read("x"));
        s.save().unwrap();
        assert!(!s.is_dirty());
        assert!(fs::read_to_string(&path).unwrap().contains("read = false"));
    }
}
