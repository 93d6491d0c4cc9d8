//! `quoth bookmarks`: list, add, remove.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::SecondsFormat;
use clap::Args;
use serde::Serialize;

use super::{BookmarkAction, Format, Outcome};
use crate::config::{Bookmark, Bookmarks, Settings};
use crate::library::{Entry, Origin};
use crate::text::{self, escape, escape_path};

/// `quoth bookmarks add ID`: for scripts, and for the concurrency tests.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Article id (from `quoth list`)
    pub id: String,
    /// Title to store (default: the article's, looked up in the library)
    #[arg(long)]
    pub title: Option<String>,
    /// Path to store (default: the article's file in the library)
    #[arg(long, value_name = "FILE")]
    pub path: Option<PathBuf>,
    /// One-line note
    #[arg(long)]
    pub note: Option<String>,
    /// Paragraph to come back to, counted from 1 as the reader shows it
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub paragraph: Option<u64>,
    /// The paragraph counted from 0 (older scripts); prefer --paragraph
    #[arg(long, value_name = "N", hide = true, conflicts_with = "paragraph")]
    pub position: Option<usize>,
}

pub fn run(
    config: Option<&Path>,
    format: Format,
    action: Option<BookmarkAction>,
) -> anyhow::Result<Outcome> {
    let loaded = super::open_config(config)?;
    let mut marks = loaded.bookmarks();
    match action {
        None => list(&loaded.settings, &marks, format),
        Some(BookmarkAction::Remove { id }) => {
            let (id, title) = {
                let b = find(&marks, &id)?;
                (b.id.clone(), b.title.clone())
            };
            marks.remove(&id);
            marks
                .flush()
                .map_err(|e| anyhow::anyhow!(e.for_command()))?;
            println!("removed {}  {}", escape(&id), escape(&title));
            Ok(Outcome::Ok)
        }
        Some(BookmarkAction::Add(args)) => add(&loaded.settings, &mut marks, args),
    }
}

/// Exact id, or an unambiguous prefix of one.
fn find<'a>(marks: &'a Bookmarks, id: &str) -> anyhow::Result<&'a Bookmark> {
    if let Some(b) = marks.get(id) {
        return Ok(b);
    }
    let matches: Vec<_> = marks
        .list()
        .iter()
        .filter(|b| !id.is_empty() && b.id.starts_with(id))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => bail!("no bookmark with id {id} in {}", where_(marks)),
        _ => bail!(
            "id {id} matches {} bookmarks; give more of it",
            matches.len()
        ),
    }
}

fn where_(marks: &Bookmarks) -> String {
    marks
        .path()
        .map_or_else(|| "the config".into(), escape_path)
}

fn add(settings: &Settings, marks: &mut Bookmarks, args: AddArgs) -> anyhow::Result<Outcome> {
    let mut bookmark = match args.title {
        Some(title) => Bookmark::new(&args.id, &title, None),
        None => {
            let articles = library(settings).with_context(|| {
                format!("no library to look up article {}; give --title", args.id)
            })?;
            let Some(e) = articles.iter().find(|a| a.id == args.id) else {
                bail!(
                    "article {} is not in the library; give --title to bookmark it anyway",
                    args.id
                );
            };
            // a bundled article has no file to point to
            Bookmark::new(
                &e.id,
                &e.title,
                e.origin
                    .as_ref()
                    .and_then(Origin::path)
                    .map(Path::to_path_buf),
            )
        }
    };
    if let Some(p) = args.path {
        bookmark.path = Some(std::path::absolute(&p).unwrap_or(p));
    }
    let (id, title) = (bookmark.id.clone(), bookmark.title.clone());
    marks.add(bookmark);
    if args.note.is_some() {
        marks.set_note(&id, args.note.as_deref());
    }
    let index = args
        .paragraph
        .map(|p| usize::try_from(p - 1).unwrap_or(usize::MAX))
        .or(args.position);
    if index.is_some() {
        marks.set_position(&id, index);
    }
    marks
        .flush()
        .map_err(|e| anyhow::anyhow!(e.for_command()))?;
    println!("bookmarked {}  {}", escape(&id), escape(&title));
    Ok(Outcome::Ok)
}

/// One bookmark in `--format json`; `missing` is null when there is no
/// library to check against.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    path: Option<Cow<'a, str>>,
    added: Option<String>,
    note: Option<&'a str>,
    /// Counted from 1, as in the file and the reader.
    paragraph: Option<usize>,
    missing: Option<bool>,
}

fn list(settings: &Settings, marks: &Bookmarks, format: Format) -> anyhow::Result<Outcome> {
    let known: Option<HashSet<String>> =
        library(settings).map(|arts| arts.into_iter().map(|a| a.id).collect());
    let missing = |b: &Bookmark| known.as_ref().map(|k| !k.contains(&b.id));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let rows: Vec<Row<'_>> = marks
                .list()
                .iter()
                .map(|b| Row {
                    id: &b.id,
                    title: &b.title,
                    path: b.path.as_ref().map(|p| p.to_string_lossy()),
                    added: b
                        .added
                        .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true)),
                    note: b.note.as_deref(),
                    paragraph: b.position.map(|p| p.saturating_add(1)),
                    missing: missing(b),
                })
                .collect();
            text::write_json_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Text => {
            if marks.list().is_empty() {
                eprintln!("quoth: no bookmarks in {}", where_(marks));
            }
            for b in marks.list() {
                let added = b.added.map_or_else(
                    || "-".to_string(),
                    |d| d.format(&settings.date_format).to_string(),
                );
                let flag = if missing(b) == Some(true) {
                    "  [missing]"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{}  {added}  {}{flag}",
                    escape(&b.id),
                    escape(&b.title)
                )?;
                if let Some(note) = &b.note {
                    writeln!(out, "    note: {}", escape(note))?;
                }
            }
        }
    }
    Ok(Outcome::Ok)
}

/// The library bookmarks are checked against: the config's `library`, else
/// the bundled sample. `None` when there is none to check (then nothing is
/// marked missing). The same catalogue as `quoth list` and the reader.
fn library(settings: &Settings) -> Option<Vec<Entry>> {
    let source = crate::library::Source::resolve(None, settings);
    let describe = source.describe();
    match super::catalogue::Catalogue::open(source) {
        Ok(cat) => Some(cat.entries),
        Err(e) => {
            eprintln!(
                "quoth: warning: cannot load library {}: {}",
                escape(&describe),
                escape(&super::error_chain(&e))
            );
            None
        }
    }
}
