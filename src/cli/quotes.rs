//! `quoth quotes`: who said what across the library, from the index (the
//! articles not analysed yet are analysed first, with progress on stderr).

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use super::catalogue::Catalogue;
use super::{Format, Outcome};
use crate::article::format_date;
use crate::library::index::{LibraryQuote, name_key};
use crate::library::worker::{COMMIT_EVERY, Progress, analyse_pending};
use crate::library::{LoadEvent, Source};

/// Speakers matched by part of a name, at most.
const MAX_MATCHED: usize = 10_000;

pub fn run(
    config: Option<&Path>,
    path: Option<&Path>,
    speaker: Option<&str>,
    since: Option<&str>,
    format: Format,
) -> anyhow::Result<Outcome> {
    let settings = super::settings(config)?;
    let since = since
        .map(|s| {
            crate::article::formats::parse_date(s)
                .with_context(|| format!("--since {s:?}: expected a date such as 2024-02-27"))
        })
        .transpose()?;
    let mut cat = Catalogue::open(Source::resolve(path, &settings))?;
    let tty = std::io::stderr().is_terminal();
    let (n, _) = analyse_pending(
        &mut cat.index,
        &cat.roots,
        0,
        COMMIT_EVERY,
        &mut |p| {
            if let Progress::Done(LoadEvent::Analysing { done, total, .. }) = p
                && tty
            {
                eprint!("\rquoth: analysing {done} / {total} articles");
            }
            if let Progress::Failed(reason) = p {
                eprintln!("\nquoth: warning: {reason}");
            }
        },
        &mut || false,
    )?;
    if n > 0 && tty {
        eprintln!();
    }
    // the speakers asked for: the one with that name, else every speaker
    // whose name contains it
    let keys: Option<Vec<String>> = match speaker {
        None => None,
        Some(name) => {
            let key = name_key(name);
            let found = cat.index.speakers(&key, MAX_MATCHED)?;
            Some(if found.iter().any(|s| s.key == key) {
                vec![key]
            } else {
                found.into_iter().map(|s| s.key).collect()
            })
        }
    };
    let quotes: Vec<LibraryQuote> = match &keys {
        None => cat.index.quotes_of(None, since, &cat.roots)?,
        Some(keys) => {
            let mut all = Vec::new();
            for k in keys {
                all.extend(cat.index.quotes_of(Some(k), since, &cat.roots)?);
            }
            all
        }
    };
    if quotes.is_empty() {
        let what = match speaker {
            Some(s) => format!("no quotes by {s:?}"),
            None => "no quotes".to_string(),
        };
        eprintln!("quoth: {what} in {}", cat.source.describe());
        return Ok(Outcome::Problems);
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            for q in &quotes {
                // a closed pipe must stay an io::Error (see is_broken_pipe)
                writeln!(out, "{}", serde_json::to_string(&Row::of(q))?)?;
            }
        }
        Format::Text => write_text(&mut out, &quotes, &settings.date_format)?,
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

/// One quote in `--format json`.
#[derive(Serialize)]
struct Row<'a> {
    speaker: &'a str,
    text: &'a str,
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    path: Option<String>,
}

impl<'a> Row<'a> {
    fn of(q: &'a LibraryQuote) -> Row<'a> {
        Row {
            speaker: &q.speaker,
            text: &q.text,
            kind: if q.direct { "direct" } else { "indirect" },
            id: &q.id,
            title: &q.title,
            date: q.date.map(|d| d.to_rfc3339()),
            path: q.origin.path().map(|p| p.display().to_string()),
        }
    }
}

/// By speaker, most quoted first; each quote under its article's date and
/// title, newest first.
fn write_text(
    out: &mut impl Write,
    quotes: &[LibraryQuote],
    date_format: &str,
) -> anyhow::Result<()> {
    let mut by_speaker: BTreeMap<String, Vec<&LibraryQuote>> = BTreeMap::new();
    for q in quotes {
        by_speaker.entry(name_key(&q.speaker)).or_default().push(q);
    }
    let mut groups: Vec<Vec<&LibraryQuote>> = by_speaker.into_values().collect();
    groups.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then_with(|| a[0].speaker.cmp(&b[0].speaker))
    });
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let articles = {
            let mut ids: Vec<i64> = g.iter().map(|q| q.article).collect();
            ids.dedup();
            ids.len()
        };
        writeln!(
            out,
            "{} — {} quote{} in {} article{}",
            g[0].speaker,
            g.len(),
            if g.len() == 1 { "" } else { "s" },
            articles,
            if articles == 1 { "" } else { "s" },
        )?;
        let mut last_article = None;
        for q in g {
            if last_article != Some(q.article) {
                let date = q
                    .date
                    .map_or_else(|| "undated".to_string(), |d| format_date(&d, date_format));
                writeln!(out, "  {date}  {}  [{}]", q.title, q.id)?;
                last_article = Some(q.article);
            }
            let text = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if q.direct {
                writeln!(out, "    “{text}”")?;
            } else {
                writeln!(out, "    ({text})")?;
            }
        }
    }
    Ok(())
}
