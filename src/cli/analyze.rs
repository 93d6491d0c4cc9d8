//! `quoth analyze`: quotes, speakers and entities as JSON lines or text.
//!
//! The JSON contract is relied on by scripts and measurements: offsets count
//! code points in "text", end exclusive.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use super::{Format, LangArg, Outcome};
use crate::analysis::{Analysis, Analyzer, Lang, MentionKind, QuoteKind, Span};
use crate::article::{formats, sanitise::sanitise};

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
        for file in expand(path, raw)? {
            match inputs(&file, raw) {
                Ok(docs) => {
                    for doc in docs {
                        let lang = forced.or(doc.declared);
                        let analysis = analyzer.analyze(&doc.text, lang);
                        match format {
                            Format::Json => write_json(&mut out, &doc, &analysis)?,
                            Format::Text => write_text(&mut out, &doc, &analysis)?,
                        }
                    }
                }
                Err(e) => {
                    out.flush()?;
                    eprintln!("quoth: {}: {}", file.display(), super::error_chain(&e));
                    failed = true;
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

/// Files under `path`: a folder is read recursively (known article types,
/// or every visible file with --raw); `-` is standard input.
fn expand(path: &Path, raw: bool) -> anyhow::Result<Vec<PathBuf>> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
        {
            let p = entry?.path();
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if raw || formats::Kind::of(&p).is_some() {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn inputs(file: &Path, raw: bool) -> anyhow::Result<Vec<Doc>> {
    let bytes = if file.as_os_str() == "-" {
        let mut b = Vec::new();
        io::stdin()
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        b
    } else {
        std::fs::read(file).context("cannot read file")?
    };
    let path = file.display().to_string();
    if raw {
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())
        })?;
        return Ok(vec![Doc {
            path,
            title: None,
            declared: None,
            text,
        }]);
    }
    let kind = formats::Kind::of(file).unwrap_or(formats::Kind::Txt);
    let articles = formats::parse(kind, file, &bytes)?;
    Ok(articles
        .into_iter()
        .map(|a| Doc {
            path: path.clone(),
            title: Some(a.title),
            declared: Lang::declared(a.language.as_deref()),
            text: a.body,
        })
        .collect())
}

/// Byte offset → code point offset, for every char boundary of `text`.
struct CharIndex(Vec<u32>);

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut map = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, _) in text.char_indices() {
            map[b] = n;
            n += 1;
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
    serde_json::to_writer(&mut *out, &json)?;
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
            clean(&doc.path),
            clean(t),
            a.language.code()
        )?,
        None => writeln!(out, "{} [{}]", clean(&doc.path), a.language.code())?,
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
