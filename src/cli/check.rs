//! `quoth check`: every file of a library that cannot be used, then a
//! summary; exit 1 if there is any.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::Outcome;
use crate::library::{self, Source};
use crate::text::{escape, escape_path};

/// Skipped files named on one line; past this, a count.
const SKIPPED_NAMED: usize = 5;

/// "2 other files skipped (quoth reads …): a.rss, b.html".
pub(crate) fn skipped_line(skipped: &[std::path::PathBuf]) -> String {
    let mut names: Vec<String> = skipped
        .iter()
        .take(SKIPPED_NAMED)
        .map(|p| escape_path(p))
        .collect();
    if skipped.len() > SKIPPED_NAMED {
        names.push(format!(
            "and {} more",
            crate::text::thousands(skipped.len() - SKIPPED_NAMED)
        ));
    }
    format!(
        "{} skipped (quoth reads {}): {}",
        crate::text::plural(skipped.len(), "other file", "other files"),
        library::READ_FORMATS,
        names.join(", ")
    )
}

pub fn run(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<Outcome> {
    let settings = super::settings(config)?;
    let source = Source::resolve(path, &settings);
    let lib = library::load(&source)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for p in &lib.problems {
        writeln!(out, "{}: {}", escape_path(&p.path), escape(&p.reason))?;
    }
    let articles = crate::text::plural(lib.articles.len(), "article", "articles");
    match lib.problems.len() {
        0 => writeln!(
            out,
            "{articles}, no problems in {}",
            escape(&source.describe())
        )?,
        m => writeln!(
            out,
            "{articles}, {} in {}",
            crate::text::plural(m, "problem", "problems"),
            escape(&source.describe())
        )?,
    }
    if !lib.skipped.is_empty() {
        writeln!(out, "{}", skipped_line(&lib.skipped))?;
    }
    out.flush()?;
    Ok(if lib.problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
