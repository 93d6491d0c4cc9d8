//! `quoth check`: every file of a library that cannot be used, then a
//! summary; exit 1 if there is any.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::Outcome;
use crate::library::{self, Source};
use crate::text::{escape, escape_path};

pub fn run(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<Outcome> {
    let settings = super::settings(config)?;
    let source = Source::resolve(path, &settings);
    let lib = library::load(&source)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for p in &lib.problems {
        writeln!(out, "{}: {}", escape_path(&p.path), escape(&p.reason))?;
    }
    let n = lib.articles.len();
    let articles = if n == 1 { "article" } else { "articles" };
    match lib.problems.len() {
        0 => writeln!(
            out,
            "{n} {articles}, no problems in {}",
            escape(&source.describe())
        )?,
        m => writeln!(
            out,
            "{n} {articles}, {m} problem{} in {}",
            if m == 1 { "" } else { "s" },
            escape(&source.describe())
        )?,
    }
    out.flush()?;
    Ok(if lib.problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
