//! `quoth list`: the articles of a library, as aligned columns or JSON lines.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::text::{self, escape, escape_path, truncate};

use super::catalogue::Catalogue;
use super::{Format, Outcome};
use crate::article::format_date;
use crate::library::index::Details;
use crate::library::{Entry, Origin, Source};

/// Widest title and source shown in text output (display columns).
const TITLE_COLUMNS: usize = 60;
const SOURCE_COLUMNS: usize = 20;

pub fn run(config: Option<&Path>, path: Option<&Path>, format: Format) -> anyhow::Result<Outcome> {
    let settings = super::settings(config)?;
    let source = Source::resolve(path, &settings);
    let cat = Catalogue::open(source)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Text => write_text(&mut out, &cat.entries, &settings.date_format)?,
        Format::Json => {
            for e in &cat.entries {
                let details = cat.index.details(e.key)?.unwrap_or_default();
                text::write_json(&mut out, &Row::of(e, &details))?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    if cat.entries.is_empty() {
        let skipped = cat.skipped();
        if !skipped.is_empty() {
            eprintln!(
                "quoth: no articles in {}: {}",
                escape(&cat.source.describe()),
                super::check::skipped_line(&skipped)
            );
        }
    }
    if !cat.problems.is_empty() {
        // the listing is still complete for what could be read
        eprintln!(
            "quoth: {} in {} could not be read; run `quoth check` for details",
            super::problem_files(&cat.problems),
            escape(&cat.source.describe())
        );
    }
    Ok(Outcome::Ok)
}

/// One article in `--format json` (one object per line).
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    /// RFC 3339
    date: Option<String>,
    language: &'a str,
    words: u32,
    /// The file; null for an article bundled with quoth
    path: Option<String>,
    /// The bundled article's name, for one bundled with quoth
    #[serde(skip_serializing_if = "Option::is_none")]
    bundled: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    credit: Option<&'a str>,
    tags: &'a [String],
}

impl<'a> Row<'a> {
    fn of(e: &'a Entry, d: &'a Details) -> Self {
        Row {
            id: &e.id,
            title: &e.title,
            source: d.source.as_deref(),
            date: e.date.map(|d| d.to_rfc3339()),
            language: e.language.as_deref().unwrap_or("und"),
            words: e.words,
            path: e
                .origin
                .as_ref()
                .and_then(Origin::path)
                .map(|p| p.display().to_string()),
            bundled: match &e.origin {
                Some(Origin::Bundled(name)) => Some(name),
                Some(Origin::File(_)) | None => None,
            },
            author: d.author.as_deref(),
            url: d.url.as_deref(),
            credit: d.credit.as_deref(),
            tags: &d.tags,
        }
    }
}

/// The path column: the file, or "(bundled) name".
pub(crate) fn shown_path(o: &Origin) -> String {
    match o {
        Origin::File(p) => escape_path(p),
        Origin::Bundled(name) => format!("(bundled) {}", escape(name)),
    }
}

fn write_text(out: &mut impl Write, entries: &[Entry], date_format: &str) -> anyhow::Result<()> {
    let header = ["ID", "TITLE", "SOURCE", "DATE", "LANG", "WORDS", "PATH"];
    let mut rows: Vec<[String; 7]> = vec![header.map(String::from)];
    for e in entries {
        rows.push([
            e.id.clone(),
            truncate(&escape(&e.title), TITLE_COLUMNS),
            truncate(&escape(e.source.as_deref().unwrap_or("-")), SOURCE_COLUMNS),
            e.date
                .map_or_else(|| "-".to_string(), |d| format_date(&d, date_format)),
            e.language.as_deref().unwrap_or("-").to_string(),
            e.words.to_string(),
            e.origin.as_ref().map_or_else(String::new, shown_path),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            match i {
                5 => line.push_str(&format!("{pad}{cell}  ")), // numbers align right
                6 => line.push_str(cell),
                _ => line.push_str(&format!("{cell}{pad}  ")),
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::article::Article;

    #[test]
    fn text_columns_align() {
        let mut a = Article::new("a/x.txt".into(), "Été".into(), "one two".into());
        a.source = Some("AFP".into());
        let b = Article::new("b.md".into(), "Longer title".into(), "w".into());
        let entries = [
            Entry::of(&a, Origin::File("a/x.txt".into()), 0),
            Entry::of(&b, Origin::File("b.md".into()), 0),
        ];
        let mut out = Vec::new();
        write_text(&mut out, &entries, "%Y-%m-%d").unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("ID "));
        // the path column starts at the same display column on every line
        let col = |l: &str, p: &str| l[..l.find(p).unwrap()].width();
        assert_eq!(col(lines[0], "PATH"), col(lines[1], "a/x.txt"));
        assert_eq!(col(lines[1], "a/x.txt"), col(lines[2], "b.md"));
        assert!(lines[1].contains(&a.id) && lines[2].contains(&b.id));
    }
}
