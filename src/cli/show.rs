//! `quoth show ID|PATH`: one article as wrapped plain text, for pipes.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{anyhow, bail};

use super::Outcome;
use super::catalogue::Catalogue;
use super::list::shown_path;
use crate::article::{Article, TextStyle};
use crate::library::reconcile::read_article;
use crate::library::{self, Entry, Origin, Source};
use crate::text::{escape, escape_path};

/// Shortest id prefix accepted, so a typo does not pick an article at random.
const MIN_PREFIX: usize = 4;

pub fn run(config: Option<&Path>, article: &str, width: Option<u16>) -> anyhow::Result<Outcome> {
    let loaded = super::open_config(config)?;
    let settings = &loaded.settings;
    let width = usize::from(width.unwrap_or(settings.width)).max(1);
    let as_path = Path::new(article);
    // anything at that name but a folder is read as a file, and loading
    // says what is wrong with it (a FIFO, a device…)
    let meta = std::fs::metadata(as_path).ok();
    let (articles, problems) = if meta.as_ref().is_some_and(|m| !m.is_dir()) {
        // a file given by path: all its articles (a JSON file may hold several)
        let lib = library::load(&Source::Path(as_path.to_path_buf()))?;
        if lib.articles.is_empty() {
            let p = lib
                .problems
                .first()
                .ok_or_else(|| anyhow!("{article}: no article found"))?;
            bail!("{}: {}", escape_path(&p.path), p.reason);
        }
        (lib.articles, lib.problems)
    } else if meta.is_some() {
        bail!("{article} is a folder: give an article file or an id from `quoth list`");
    } else {
        let source = Source::resolve(None, settings);
        let cat = Catalogue::open(source)?;
        let found = match find(&cat.entries, article) {
            Ok(e) => e.clone(),
            // a bookmark made while reading another folder opens, as in
            // the reader
            Err(e) => elsewhere(&cat, &loaded, article)
                .ok_or_else(|| anyhow!("{e} in {}", cat.source.describe()))?,
        };
        let origin = found
            .origin
            .as_ref()
            .ok_or_else(|| anyhow!("{article}: the index has no file for it"))?;
        let a = read_article(origin, found.record, &found.id)?;
        (vec![a], Vec::new())
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            writeln!(out, "\n{}\n", "─".repeat(width.min(40)))?;
        }
        write_article(&mut out, a, width, &settings.date_format)?;
    }
    out.flush()?;
    for p in &problems {
        eprintln!("quoth: {}: {}", escape_path(&p.path), escape(&p.reason));
    }
    Ok(if problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// The article of id `id` outside the library: in a folder the index has
/// seen, or at the file a bookmark of that id recorded.
fn elsewhere(cat: &Catalogue, loaded: &crate::config::Loaded, id: &str) -> Option<Entry> {
    if let Ok(Some(e)) = cat.index.live_entry_by_id(id) {
        return Some(e);
    }
    let path = loaded.bookmarks().get(id)?.path.clone()?;
    let lib = library::load(&Source::Path(path.clone())).ok()?;
    let record = lib.articles.iter().position(|a| a.id == id)?;
    let record = u32::try_from(record).ok()?;
    Some(Entry::of(
        &lib.articles[record as usize],
        Origin::File(path),
        record,
    ))
}

/// By id, by unique id prefix, or by the path shown in `quoth list`.
fn find<'a>(entries: &'a [Entry], key: &str) -> anyhow::Result<&'a Entry> {
    if let Some(e) = entries.iter().find(|e| e.id == key) {
        return Ok(e);
    }
    // the path shown by `quoth list`, or just the file name, with or without extension
    let mut by_path: Vec<_> = entries
        .iter()
        .filter(|e| {
            e.origin
                .as_ref()
                .is_some_and(|o| shown_path(o) == key || o.to_key() == key)
        })
        .collect();
    if by_path.is_empty() {
        by_path = entries
            .iter()
            .filter(|e| {
                let name = match &e.origin {
                    Some(Origin::File(p)) => p.clone(),
                    Some(Origin::Bundled(n)) => Path::new(n).to_path_buf(),
                    None => return false,
                };
                name.file_name().is_some_and(|n| n == key)
                    || name.file_stem().is_some_and(|n| n == key)
            })
            .collect();
    }
    if let [e] = by_path.as_slice() {
        return Ok(e);
    }
    if key.len() >= MIN_PREFIX {
        let matches: Vec<_> = entries.iter().filter(|e| e.id.starts_with(key)).collect();
        match matches.as_slice() {
            [e] => return Ok(e),
            [] => {}
            many => bail!("id prefix {key:?} matches {} articles", many.len()),
        }
    }
    if by_path.len() > 1 {
        bail!("{key:?} names {} articles: give an id", by_path.len());
    }
    bail!("no article with id {key:?} and no such file")
}

/// Title, metadata line, credit, then the paragraphs, wrapped at `width`.
pub(crate) fn write_article(
    out: &mut impl Write,
    a: &Article,
    width: usize,
    date_format: &str,
) -> std::io::Result<()> {
    let wrap = |text: &str, indent: &str| -> Vec<String> {
        let opts = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(indent);
        textwrap::wrap(text, opts)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    };
    for line in wrap(&a.title, "") {
        writeln!(out, "{line}")?;
    }
    let meta = a.meta_line(date_format, None);
    for line in wrap(&meta, "") {
        writeln!(out, "{line}")?;
    }
    if let Some(c) = &a.credit {
        writeln!(out, "Credit: {c}")?;
    }
    if let Some(u) = &a.url {
        writeln!(out, "{u}")?;
    }
    if !a.tags.is_empty() {
        for line in wrap(&format!("Tags: {}", a.tags.join(", ")), "") {
            writeln!(out, "{line}")?;
        }
    }
    for (start, para) in a.paragraphs() {
        let whole = |style: TextStyle| {
            a.styles
                .iter()
                .any(|s| s.style == style && s.start <= start && s.end >= start + para.len())
        };
        // block quotes and code are set off by an indent, as in Markdown
        let indent = if whole(TextStyle::BlockQuote) {
            "> "
        } else if whole(TextStyle::Code) {
            "    "
        } else {
            ""
        };
        writeln!(out)?;
        for line in wrap(para, indent) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Styled;

    fn lib() -> Vec<Entry> {
        let a = Article::new("a.txt".into(), "A".into(), "alpha".into());
        let b = Article::new("dir/b.txt".into(), "B".into(), "beta".into());
        vec![
            Entry::of(&a, Origin::File("a.txt".into()), 0),
            Entry::of(&b, Origin::File("dir/b.txt".into()), 0),
        ]
    }

    #[test]
    fn find_by_id_prefix_and_path() {
        let lib = lib();
        let id = lib[1].id.clone();
        assert_eq!(find(&lib, &id).unwrap().title, "B");
        assert_eq!(find(&lib, &id[..6]).unwrap().title, "B");
        assert_eq!(find(&lib, "dir/b.txt").unwrap().title, "B");
        assert_eq!(find(&lib, "b.txt").unwrap().title, "B");
        assert_eq!(find(&lib, "b").unwrap().title, "B");
        let e = find(&lib, "zzzzzz").unwrap_err().to_string();
        assert_eq!(e, "no article with id \"zzzzzz\" and no such file");
        // too short a prefix is not a match
        assert!(find(&lib, &id[..2]).is_err());
    }

    #[test]
    fn wraps_paragraphs_with_blank_lines() {
        let mut a = Article::new(
            "a.txt".into(),
            "Title".into(),
            "one two three four five six\n\nquoted text here".into(),
        );
        a.source = Some("AFP".into());
        a.credit = Some("AFP".into());
        a.styles.push(Styled {
            start: 29,
            end: 45,
            style: TextStyle::BlockQuote,
        });
        let mut out = Vec::new();
        write_article(&mut out, &a, 12, "%Y").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "Title\nAFP · 1 min\nread\nCredit: AFP\n\none two\nthree four\nfive six\n\n> quoted\n> text here\n"
        );
    }
}
