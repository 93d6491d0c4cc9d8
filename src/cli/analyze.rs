//! `quoth analyze`: quotes, speakers and entities as JSON lines or text.
//!
//! The JSON contract is relied on by scripts and measurements: offsets count
//! code points in "text", end exclusive.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use super::{Format, LangArg, Outcome};
use crate::analysis::{Analysis, Analyzer, Lang, MentionKind, QuoteKind, Span};
use crate::article::{files, formats, sanitise::sanitise};
use crate::text::{self, escape, escape_path};

pub fn run(paths: &[PathBuf], raw: bool, format: Format, lang: LangArg) -> anyhow::Result<Outcome> {
    let analyzer = Analyzer::new()?;
    let forced = match lang {
        LangArg::Auto => None,
        LangArg::Fr => Some(Lang::Fr),
        LangArg::En => Some(Lang::En),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for path in paths {
        let (files, problems) = expand(path, raw);
        for (p, reason) in problems {
            out.flush()?;
            eprintln!("quoth: {}: {}", escape_path(&p), escape(&reason));
            failed = true;
        }
        for file in files {
            let docs = match inputs(&file, raw) {
                Ok(docs) => docs,
                Err(e) => vec![Err(e)],
            };
            for doc in docs {
                match doc {
                    Ok(doc) => {
                        let lang = forced.or(doc.declared);
                        let analysis = analyzer.analyze(&doc.text, lang);
                        match format {
                            Format::Json => write_json(&mut out, &doc, &analysis)?,
                            Format::Text => write_text(&mut out, &doc, &analysis)?,
                        }
                    }
                    Err(e) => {
                        out.flush()?;
                        // a field left out: the article was analysed all the same
                        let warning = if formats::is_dropped_field(&e) {
                            "warning: "
                        } else {
                            failed = true;
                            ""
                        };
                        eprintln!(
                            "quoth: {warning}{}: {}",
                            escape_path(&file),
                            escape(&super::error_chain(&e))
                        );
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// One text to analyse.
struct Doc {
    path: String,
    title: Option<String>,
    declared: Option<Lang>,
    text: String,
}

/// Files under `path`, and what could not be walked: a folder is read
/// recursively (known article types, or every visible file with --raw),
/// each real file once; `-` is standard input; anything else is read as a
/// file, and reading it says what is wrong with it.
fn expand(path: &Path, raw: bool) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let is_dir = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
    if path.as_os_str() == "-" || !is_dir {
        return (vec![path.to_path_buf()], Vec::new());
    }
    let found = files::walk(path, &|p| raw || formats::Kind::of(p).is_some());
    (found.files, found.problems)
}

/// The texts of one input: each article of a file (a JSON file may hold
/// several; one that fails does not hide the others), or the whole input
/// as one body with --raw. Standard input is a body too, unless it is
/// JSON or Markdown with front matter.
fn inputs(file: &Path, raw: bool) -> anyhow::Result<Vec<anyhow::Result<Doc>>> {
    let stdin = file.as_os_str() == "-";
    let bytes = if stdin {
        files::read_capped_from(io::stdin().lock(), formats::MAX_FILE_BYTES)
            .context("standard input")?
    } else {
        files::read_capped(file, formats::MAX_FILE_BYTES)?
    };
    let path = file.display().to_string();
    let kind = match formats::Kind::of(file) {
        _ if raw => None,
        _ if stdin => sniff(&bytes),
        Some(k) => Some(k),
        // an unknown extension named on the command line: plain text
        None => Some(formats::Kind::Txt),
    };
    let Some(kind) = kind else {
        let text = formats::decode(&bytes)?.into_owned();
        return Ok(vec![Ok(Doc {
            path,
            title: None,
            declared: None,
            text,
        })]);
    };
    let name = if stdin { Path::new("stdin") } else { file };
    Ok(formats::parse_each(kind, name, &bytes)?
        .into_iter()
        .map(|r| {
            r.map(|a| Doc {
                path: path.clone(),
                title: Some(a.title),
                declared: Lang::declared(a.language.as_deref()),
                text: a.body,
            })
        })
        .collect())
}

/// What standard input holds: JSON (an object or an array, or one per
/// line), Markdown with front matter, else plain text, taken as a body.
fn sniff(bytes: &[u8]) -> Option<formats::Kind> {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("").trim_end();
    if text.trim_start().starts_with(['{', '[']) {
        Some(formats::Kind::JsonLines)
    } else if first == "---" || first == "+++" {
        Some(formats::Kind::Markdown)
    } else {
        None
    }
}

/// Byte offset → code point offset, for every char boundary of `text`.
struct CharIndex(Vec<u32>);

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut map = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        // a char starts at every byte that is not a continuation byte
        // (read on the bytes: decoding each char cost twice as much)
        for (b, &byte) in text.as_bytes().iter().enumerate() {
            if byte & 0xC0 != 0x80 {
                map[b] = n;
                n += 1;
            }
        }
        map[text.len()] = n;
        CharIndex(map)
    }
    fn at(&self, byte: usize) -> usize {
        self.0[byte] as usize
    }
    fn span(&self, s: Span) -> JsonSpan {
        JsonSpan {
            start: self.at(s.start),
            end: self.at(s.end),
        }
    }
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    /// Index into "people": the speaker's chain.
    speaker_id: Option<usize>,
    speaker_span: Option<JsonSpan>,
    cue_span: Option<JsonSpan>,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: MentionKind,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: usize,
    name: &'a str,
    label: Option<&'static str>,
    mentions: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    entity: usize,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    id: usize,
    name: &'a str,
    label: &'static str,
    /// Indices into "entities".
    mentions: &'a [usize],
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    title: Option<&'a str>,
    language: &'static str,
    text: &'a str,
    quotes: Vec<JsonQuote<'a>>,
    entities: Vec<JsonEntity<'a>>,
    groups: Vec<JsonGroup<'a>>,
    people: Vec<JsonPerson<'a>>,
}

fn write_json(out: &mut impl Write, doc: &Doc, a: &Analysis) -> anyhow::Result<()> {
    let text = doc.text.as_str();
    let ix = CharIndex::new(text);
    let json = JsonDoc {
        path: &doc.path,
        title: doc.title.as_deref(),
        language: a.language.code(),
        text,
        quotes: a
            .quotes
            .iter()
            .map(|q| JsonQuote {
                start: ix.at(q.span.start),
                end: ix.at(q.span.end),
                text: q.span.text(text),
                kind: q.kind,
                speaker: q.speaker.as_deref(),
                speaker_id: q.person,
                speaker_span: q.speaker_span.map(|s| ix.span(s)),
                cue_span: q.cue_span.map(|s| ix.span(s)),
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| JsonEntity {
                start: ix.at(e.span.start),
                end: ix.at(e.span.end),
                text: e.span.text(text),
                label: e.label.as_str(),
                entity: e.group,
            })
            .collect(),
        groups: a
            .groups
            .iter()
            .map(|g| JsonGroup {
                id: g.id,
                name: &g.name,
                label: g.label.as_str(),
                mentions: &g.mentions,
            })
            .collect(),
        people: a
            .people
            .iter()
            .map(|p| JsonPerson {
                id: p.id,
                name: &p.name,
                label: p.label.map(|l| l.as_str()),
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        start: ix.at(m.span.start),
                        end: ix.at(m.span.end),
                        text: m.span.text(text),
                        kind: m.kind,
                    })
                    .collect(),
            })
            .collect(),
    };
    text::write_json(&mut *out, &json)?;
    writeln!(out)?;
    Ok(())
}

/// Speakers with their quotes, then the entities; all text sanitised,
/// since --raw input has not been.
fn write_text(out: &mut impl Write, doc: &Doc, a: &Analysis) -> anyhow::Result<()> {
    let text = doc.text.as_str();
    let clean = |s: &str| sanitise(s).replace('\n', " ");
    match &doc.title {
        Some(t) => writeln!(
            out,
            "{} — {} [{}]",
            escape(&doc.path),
            clean(t),
            a.language.code()
        )?,
        None => writeln!(out, "{} [{}]", escape(&doc.path), a.language.code())?,
    }
    // attributed speakers in order of appearance; unattributed last
    let mut speakers: Vec<Option<&str>> = a.speakers().into_iter().map(Some).collect();
    if a.quotes.iter().any(|q| q.speaker.is_none()) {
        speakers.push(None);
    }
    for sp in speakers {
        let qs: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| q.speaker.as_deref() == sp)
            .collect();
        writeln!(
            out,
            "  {} ({})",
            clean(sp.unwrap_or("(no speaker)")),
            qs.len()
        )?;
        for q in qs {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
                QuoteKind::Answer => "answer",
            };
            writeln!(out, "    {kind:<8} “{}”", clean(q.span.text(text)))?;
        }
    }
    if !a.groups.is_empty() {
        writeln!(out, "  entities:")?;
        for g in &a.groups {
            writeln!(
                out,
                "    {:<4} {} ({})",
                g.label.as_str(),
                clean(&g.name),
                g.mentions.len()
            )?;
        }
    }
    Ok(())
}
