//! `quoth bookmarks`: list, add, remove.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::SecondsFormat;
use clap::Args;
use serde::Serialize;

use super::catalogue::Catalogue;
use super::{BookmarkAction, Format, Outcome};
use crate::config::{Bookmark, Bookmarks, Settings};
use crate::library::Origin;
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
            let cat = library(settings).with_context(|| {
                format!("no library to look up article {}; give --title", args.id)
            })?;
            // the library's, else one the index knows in another folder
            // (read there before), as the reader's bookmarks open
            let elsewhere = || cat.index.live_entry_by_id(&args.id).ok().flatten();
            let Some(e) = cat
                .entries
                .iter()
                .find(|a| a.id == args.id)
                .cloned()
                .or_else(elsewhere)
            else {
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
    /// Where the article is when it is outside the library (a bookmark
    /// made while reading another folder): it still opens.
    elsewhere: Option<String>,
}

/// Where a bookmark's article is, seen from the library.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// No library to check against.
    Unknown,
    InLibrary,
    /// Outside the library's folders, at this file.
    Elsewhere(PathBuf),
    Missing,
}

/// In the library; else in a folder the index has seen (the reader
/// opens it from there); else at the path the bookmark recorded, if
/// that file still holds an article with its id; else missing.
fn place(cat: Option<&Catalogue>, known: &HashSet<&str>, b: &Bookmark) -> Place {
    let Some(cat) = cat else {
        return Place::Unknown;
    };
    if known.contains(b.id.as_str()) {
        return Place::InLibrary;
    }
    if let Ok(Some(e)) = cat.index.live_entry_by_id(&b.id) {
        return match e.origin.as_ref().and_then(Origin::path) {
            Some(p) => Place::Elsewhere(p.to_path_buf()),
            // bundled: always there
            None => Place::InLibrary,
        };
    }
    if let Some(p) = b.path.as_deref().filter(|p| p.is_file())
        && crate::library::load(&crate::library::Source::Path(p.to_path_buf()))
            .is_ok_and(|lib| lib.articles.iter().any(|a| a.id == b.id))
    {
        return Place::Elsewhere(p.to_path_buf());
    }
    Place::Missing
}

fn list(settings: &Settings, marks: &Bookmarks, format: Format) -> anyhow::Result<Outcome> {
    let cat = if marks.list().is_empty() {
        None
    } else {
        library(settings)
    };
    let known: HashSet<&str> = cat
        .iter()
        .flat_map(|c| c.entries.iter().map(|e| e.id.as_str()))
        .collect();
    let places: Vec<Place> = marks
        .list()
        .iter()
        .map(|b| place(cat.as_ref(), &known, b))
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let rows: Vec<Row<'_>> = marks
                .list()
                .iter()
                .zip(&places)
                .map(|(b, place)| Row {
                    id: &b.id,
                    title: &b.title,
                    path: b.path.as_ref().map(|p| p.to_string_lossy()),
                    added: b
                        .added
                        .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true)),
                    note: b.note.as_deref(),
                    paragraph: b.position.map(|p| p.saturating_add(1)),
                    missing: (*place != Place::Unknown).then_some(*place == Place::Missing),
                    elsewhere: match place {
                        Place::Elsewhere(p) => Some(p.to_string_lossy().into_owned()),
                        _ => None,
                    },
                })
                .collect();
            text::write_json_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Text => {
            if marks.list().is_empty() {
                eprintln!("quoth: no bookmarks in {}", where_(marks));
            }
            for (b, place) in marks.list().iter().zip(&places) {
                let added = b.added.map_or_else(
                    || "-".to_string(),
                    |d| d.format(&settings.date_format).to_string(),
                );
                let flag = match place {
                    Place::Missing => "  [missing]".to_string(),
                    Place::Elsewhere(p) => format!("  [outside the library: {}]", escape_path(p)),
                    Place::Unknown | Place::InLibrary => String::new(),
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
fn library(settings: &Settings) -> Option<Catalogue> {
    let source = crate::library::Source::resolve(None, settings);
    let describe = source.describe();
    match Catalogue::open(source) {
        Ok(cat) => Some(cat),
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
