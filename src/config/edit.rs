//! Editing the user's config in place: the one machinery behind every
//! write quoth makes to it (`[[bookmarks]]`, `[[feeds]]`).
//!
//! [`edit`] locks the config, re-reads it, refuses it untouched if it is
//! broken (edited by hand meanwhile), lets the caller change the parsed
//! `toml_edit` document (so comments, order and layout survive), keeps the
//! file's own habits (line ends, BOM, last newline), checks that the result
//! is a config quoth would accept, and writes it atomically. Callers replay
//! their queued changes inside the closure, so another quoth process's
//! edits made since the file was read are merged, not lost.
//!
//! The helpers below edit arrays of tables (`[[name]]`) by a predicate on
//! each table, the way both bookmarks (by `id`) and feeds (by `url`) need.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::{ConfigError, Parsed};
use crate::store::{FileLock, atomic_write_with};

/// First lines of a config that quoth creates itself.
pub const NEW_FILE_HEADER: &str = "# quoth configuration. Every setting is documented in config.example.toml.\n\
# quoth itself only adds and removes [[bookmarks]] and [[feeds]] here; your edits and comments stay.\n\
# Write settings above the first [[bookmarks]] or [[feeds]]: in TOML a line below a table header belongs to that table.\n";

/// A change to the config could not be saved; the file is as it was.
#[derive(Debug)]
pub enum SaveError {
    /// No config location: no `--config`, no `$QUOTH_CONFIG`, no home.
    NoLocation,
    /// The config is broken (edited by hand meanwhile): not touched.
    Config(ConfigError),
    /// Locking, reading or writing failed.
    Io { path: PathBuf, source: io::Error },
}

impl SaveError {
    /// "`what` not saved (`kept`): why". `kept` says what became of the
    /// change ("kept for a retry"); `None` for a command that simply failed.
    pub fn describe(&self, what: &str, kept: Option<&str>) -> String {
        let (kept_now, kept_fix, kept_retry) = match kept {
            Some(k) => (
                format!(" ({k} for this session)"),
                format!(" ({k} until the config is fixed)"),
                format!(" ({k} for a retry)"),
            ),
            None => Default::default(),
        };
        match self {
            SaveError::NoLocation => format!(
                "{what} not saved{kept_now}: no config location; use --config or set $QUOTH_CONFIG"
            ),
            SaveError::Config(e) => format!("{what} not saved{kept_fix}: {e}"),
            SaveError::Io { path, source } => {
                format!("{what} not saved{kept_retry}: {}: {source}", path.display())
            }
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("change", None))
    }
}

impl std::error::Error for SaveError {}

/// Edits the config at `path` (created with [`NEW_FILE_HEADER`] if missing)
/// through `apply`, as the module docs describe, and returns the config as
/// written. `before_rename` runs between writing the temporary file and
/// renaming it over the config (tests inject failures there). Nothing is
/// written when the edit changes nothing.
pub fn edit(
    path: &Path,
    apply: &mut dyn FnMut(&mut DocumentMut),
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<Parsed, SaveError> {
    let io_err = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let _lock = FileLock::acquire(path).map_err(io_err)?;
    let (text, existed) = match crate::article::files::read_capped_io(path, super::MAX_CONFIG_BYTES)
    {
        Ok(bytes) => {
            // Same validation as at start: never edit a file we would
            // refuse to start with.
            super::parse(path, &bytes).map_err(SaveError::Config)?;
            (String::from_utf8_lossy(&bytes).into_owned(), true)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => (String::new(), false),
        Err(e) => return Err(io_err(e)),
    };
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| io_err(io::Error::other(e.message().to_string())))?;
    apply(&mut doc);
    let mut out = doc.to_string();
    if existed {
        out = keep_file_style(&text, out);
    } else {
        out = format!("{NEW_FILE_HEADER}\n{out}");
    }
    // Our own edit must give a config we would accept.
    let parsed = super::parse(path, out.as_bytes()).map_err(SaveError::Config)?;
    if out != text || !existed {
        atomic_write_with(path, out.as_bytes(), before_rename).map_err(io_err)?;
    }
    Ok(parsed)
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

/// The `[[name]]` array, created at the end of the document if absent.
pub(crate) fn tables_mut<'d>(doc: &'d mut DocumentMut, name: &str) -> &'d mut ArrayOfTables {
    let is_aot = matches!(doc.get(name), Some(Item::ArrayOfTables(_)));
    if !is_aot {
        // Absent, or `name = []` (validation rejects anything else).
        doc.remove(name);
        doc.insert(name, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    match doc.get_mut(name) {
        Some(Item::ArrayOfTables(a)) => a,
        _ => unreachable!("just inserted"),
    }
}

/// Appends `table` to the `[[name]]` array, placed after every table in
/// the file, so quoth's own tables stay together at the end, below the
/// user's settings and tables; unless comments end the file: they belong
/// to the table before them, and stay last.
pub(crate) fn push_last(doc: &mut DocumentMut, name: &str, mut table: Table) {
    let trailing = doc.trailing().as_str().unwrap_or("");
    if !trailing.contains('#') {
        let mut last: Option<isize> = None;
        visit_tables(doc.as_table_mut(), &mut |t| {
            if let Some(p) = t.position() {
                last = Some(last.map_or(p, |l| l.max(p)));
            }
        });
        table.set_position(last.map(|l| l + 1));
    }
    tables_mut(doc, name).push(table);
}

/// Whether some `[[name]]` table matches.
pub(crate) fn any_table(doc: &DocumentMut, name: &str, matches: &dyn Fn(&Table) -> bool) -> bool {
    matches!(doc.get(name), Some(Item::ArrayOfTables(a)) if a.iter().any(matches))
}

/// Sets or removes `key` in each `[[name]]` table that matches. A changed
/// value keeps its decoration (spacing, trailing comment); an equal one is
/// left alone, quote style included.
pub(crate) fn set_in_matching(
    doc: &mut DocumentMut,
    name: &str,
    matches: &dyn Fn(&Table) -> bool,
    key: &str,
    new: Option<toml_edit::Value>,
) {
    let Some(Item::ArrayOfTables(aot)) = doc.get_mut(name) else {
        return;
    };
    for t in aot.iter_mut().filter(|t| matches(t)) {
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
    match (a, b) {
        (toml_edit::Value::String(x), toml_edit::Value::String(y)) => x.value() == y.value(),
        (toml_edit::Value::Integer(x), toml_edit::Value::Integer(y)) => x.value() == y.value(),
        (toml_edit::Value::Boolean(x), toml_edit::Value::Boolean(y)) => x.value() == y.value(),
        (toml_edit::Value::Array(x), toml_edit::Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_value(p, q))
        }
        _ => false,
    }
}

/// Removes the `[[name]]` tables that match. Comments written above a
/// removed header belong to it for toml_edit; they are moved to whatever
/// follows in the file, so no comment is lost. An array left empty goes.
pub(crate) fn remove_matching(doc: &mut DocumentMut, name: &str, matches: &dyn Fn(&Table) -> bool) {
    let Some(Item::ArrayOfTables(aot)) = doc.get_mut(name) else {
        return;
    };
    let mut orphans: Vec<(isize, String)> = Vec::new();
    for t in aot.iter().filter(|t| matches(t)) {
        let prefix = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
        if prefix.contains('#') {
            orphans.push((t.position().unwrap_or(isize::MAX), prefix.to_string()));
        }
    }
    aot.retain(|t| !matches(t));
    if aot.is_empty() {
        // Leave no trace of an array quoth created.
        doc.remove(name);
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

/// The string value of `key` in a table.
pub(crate) fn table_str<'t>(t: &'t Table, key: &str) -> Option<&'t str> {
    t.get(key).and_then(Item::as_str)
}
