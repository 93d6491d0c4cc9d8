//! `quoth list`: the articles of a library, as aligned columns or JSON lines.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::text::{self, escape, escape_path, truncate};

use super::{Format, Outcome};
use crate::article::{Article, format_date};
use crate::library::{self, Source};

/// Widest title and source shown in text output (display columns).
const TITLE_COLUMNS: usize = 60;
const SOURCE_COLUMNS: usize = 20;

pub fn run(config: Option<&Path>, path: Option<&Path>, format: Format) -> anyhow::Result<Outcome> {
    let settings = super::settings(config)?;
    let source = Source::resolve(path, &settings);
    let lib = library::load(&source)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Text => write_text(&mut out, &lib.articles, &settings.date_format)?,
        Format::Json => {
            for a in &lib.articles {
                text::write_json(&mut out, &Row::of(a))?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    if lib.articles.is_empty() && !lib.skipped.is_empty() {
        eprintln!(
            "quoth: no articles in {}: {}",
            escape(&source.describe()),
            super::check::skipped_line(&lib.skipped)
        );
    }
    if !lib.problems.is_empty() {
        // the listing is still complete for what could be read
        eprintln!(
            "quoth: {} in {} could not be read; run `quoth check` for details",
            super::problem_files(&lib.problems),
            escape(&source.describe())
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
    language: String,
    words: usize,
    path: String,
    author: Option<&'a str>,
    url: Option<&'a str>,
    credit: Option<&'a str>,
    tags: &'a [String],
}

impl<'a> Row<'a> {
    fn of(a: &'a Article) -> Self {
        Row {
            id: &a.id,
            title: &a.title,
            source: a.source.as_deref(),
            date: a.date.map(|d| d.to_rfc3339()),
            language: language_code(a),
            words: a.word_count(),
            path: a.path.display().to_string(),
            author: a.author.as_deref(),
            url: a.url.as_deref(),
            credit: a.credit.as_deref(),
            tags: &a.tags,
        }
    }
}

fn write_text(out: &mut impl Write, articles: &[Article], date_format: &str) -> anyhow::Result<()> {
    let header = ["ID", "TITLE", "SOURCE", "DATE", "LANG", "WORDS", "PATH"];
    let mut rows: Vec<[String; 7]> = vec![header.map(String::from)];
    for a in articles {
        rows.push([
            a.id.clone(),
            truncate(&escape(&a.title), TITLE_COLUMNS),
            truncate(&escape(a.source_or_credit().unwrap_or("-")), SOURCE_COLUMNS),
            a.date
                .map_or_else(|| "-".to_string(), |d| format_date(&d, date_format)),
            language_code(a),
            a.word_count().to_string(),
            escape_path(&a.path),
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

/// The declared language, else the one detected from the body.
fn language_code(a: &Article) -> String {
    match &a.language {
        Some(l) => l.clone(),
        None => crate::analysis::lang::detect(&a.body).code().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_columns_align() {
        let mut a = Article::new("a/x.txt".into(), "Été".into(), "one two".into());
        a.source = Some("AFP".into());
        let b = Article::new("b.md".into(), "Longer title".into(), "w".into());
        let mut out = Vec::new();
        write_text(&mut out, &[a.clone(), b.clone()], "%Y-%m-%d").unwrap();
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
