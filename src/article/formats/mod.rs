//! Loaders for each stored format: `.txt`, `.md`, `.json` / `.jsonl`.
//!
//! Each loader sanitises every string it takes from the file (see
//! `article::sanitise`) and returns articles or an error saying what is wrong
//! (not which file: the caller adds that).

pub mod json;
pub mod md;
pub mod txt;

use std::borrow::Cow;
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

use super::sanitise::{sanitise, sanitise_line};
use super::{Article, PARAGRAPH_SEP};

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The formats quoth reads; other files are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Txt,
    Markdown,
    Json,
    JsonLines,
}

/// The extensions [`Kind::of`] knows, for messages about other files.
pub const READ_FORMATS: &str = ".txt, .md, .markdown, .json, .jsonl and .ndjson";

impl Kind {
    pub fn of(path: &Path) -> Option<Kind> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Kind::Txt),
            "md" | "markdown" => Some(Kind::Markdown),
            "json" => Some(Kind::Json),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            _ => None,
        }
    }
}

/// Parses one file's bytes into its articles. The error says what is wrong,
/// not which file (the caller adds that).
/// Every article must load; a dropped optional field is no failure.
pub fn parse(kind: Kind, path: &Path, bytes: &[u8]) -> anyhow::Result<Vec<Article>> {
    parse_each(kind, path, bytes)?
        .into_iter()
        .filter(|r| !r.as_ref().is_err_and(is_dropped_field))
        .collect()
}

/// Like [`parse`], but a file holding several records (JSON) yields one
/// result per record, so one bad record does not hide the others; an
/// optional field that could not be used is an extra error after its
/// article ([`is_dropped_field`]). The outer error is for the file as a
/// whole.
pub fn parse_each(
    kind: Kind,
    path: &Path,
    bytes: &[u8],
) -> anyhow::Result<Vec<anyhow::Result<Article>>> {
    let text = decode(bytes)?;
    let text = text.as_ref();
    let mut results = match kind {
        Kind::Txt => vec![txt::parse(path, text)],
        Kind::Markdown => match md::parse_noting(path, text) {
            Ok((a, notes)) => std::iter::once(Ok(a))
                .chain(notes.into_iter().map(Err))
                .collect(),
            Err(e) => vec![Err(e)],
        },
        Kind::Json | Kind::JsonLines => json::parse_records(path, text)?,
    };
    let mut ok: Vec<&mut Article> = results.iter_mut().filter_map(|r| r.as_mut().ok()).collect();
    distinct_ids(&mut ok);
    Ok(results)
}

/// The text of a file: UTF-8 (a byte-order mark is dropped) or UTF-16 with
/// a byte-order mark, decoded. Refuses what cannot be an article: too
/// large, binary, another encoding, empty.
pub fn decode(bytes: &[u8]) -> anyhow::Result<Cow<'_, str>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!("{}", too_large(bytes.len() as u64));
    }
    let text = match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            bail!("UTF-32 text: quoth reads UTF-8 and UTF-16; save the file as UTF-8")
        }
        [0xFF, 0xFE, rest @ ..] => Cow::Owned(utf16(rest, u16::from_le_bytes)?),
        [0xFE, 0xFF, rest @ ..] => Cow::Owned(utf16(rest, u16::from_be_bytes)?),
        [0xEF, 0xBB, 0xBF, rest @ ..] => Cow::Borrowed(utf8(rest, 3)?),
        _ => Cow::Borrowed(utf8(bytes, 0)?),
    };
    if text.trim().is_empty() {
        bail!("empty file");
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> anyhow::Result<String> {
    if bytes.len() % 2 == 1 {
        bail!("invalid UTF-16: an odd number of bytes after the byte-order mark");
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            // a NUL in UTF-16 text is as binary as in UTF-8
            Ok('\0') => bail!("binary file (contains NUL characters)"),
            Ok(c) => out.push(c),
            Err(_) => bail!("invalid UTF-16 at byte {} (a lone surrogate)", 2 + 2 * i),
        }
    }
    Ok(out)
}

/// `bytes` as UTF-8; `offset` is where they start in the file (after a BOM),
/// for the byte number in messages.
fn utf8(bytes: &[u8], offset: usize) -> anyhow::Result<&str> {
    if bytes.contains(&0) {
        // UTF-16 without a byte-order mark: every other byte of ASCII is 0
        let head = &bytes[..bytes.len().min(64)];
        let zeros = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b == 0);
        if head.len() >= 4 && (zeros(0) || zeros(1)) {
            bail!(
                "looks like UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)"
            );
        }
        bail!("binary file (contains NUL bytes)");
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow!(
            "invalid UTF-8 at byte {} (line {line}): quoth reads UTF-8 and UTF-16 with a byte-order mark",
            at + offset
        )
    })
}

/// The reason given for a file over [`MAX_FILE_BYTES`].
pub fn too_large(len: u64) -> String {
    super::files::too_large(len, MAX_FILE_BYTES)
}

/// Articles of one file that share title and body get distinct ids.
fn distinct_ids(articles: &mut [&mut Article]) {
    let mut seen = std::collections::HashSet::new();
    for (i, a) in articles.iter_mut().enumerate() {
        let mut n = i;
        while !seen.insert(a.id.clone()) {
            a.id = super::article_id(&a.id, &format!("#{n}"));
            n += 1;
        }
    }
}

/// Paragraphs of plain text: blank lines separate them, single line breaks
/// inside one are joined with a space. `text` must be sanitised.
pub(crate) fn plain_paragraphs(text: &str) -> String {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            paragraphs.push(Vec::new());
            continue;
        }
        // an interview's "– Question ?" / "– Réponse." lines each start a
        // paragraph of their own, even without a blank line between them
        if dialogue_line(line) && paragraphs.last().is_some_and(|p| !p.is_empty()) {
            paragraphs.push(Vec::new());
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push(line);
        }
    }
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(PARAGRAPH_SEP)
}

/// A line opening with a dialogue dash and a space ("– Pourquoi ?").
pub(crate) fn dialogue_line(line: &str) -> bool {
    let mut cs = line.chars();
    matches!(cs.next(), Some('–' | '—' | '―')) && cs.next().is_some_and(char::is_whitespace)
}

/// Metadata shared by front matter and JSON records, already sanitised.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub body: Option<String>,
    pub date: Option<DateTime<FixedOffset>>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
    pub credit: Option<String>,
    /// Optional fields that could not be used, each with why.
    pub dropped: Vec<String>,
}

/// A field left out of an article that loaded anyway: reported with the
/// file's problems, but the article is there (see [`is_dropped_field`]).
#[derive(Debug)]
pub struct Dropped(pub String);

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; the article is loaded without it", self.0)
    }
}

impl std::error::Error for Dropped {}

/// Whether a problem from [`parse_each`] only notes a dropped field (its
/// article is among the results) rather than an article that failed.
pub fn is_dropped_field(e: &anyhow::Error) -> bool {
    e.downcast_ref::<Dropped>().is_some()
}

impl Meta {
    /// Reads the known fields of a JSON-like object; others are ignored.
    /// `body_fields` lists the names accepted for the body (none for front
    /// matter, whose body is the Markdown).
    pub fn from_object(value: &Value, body_fields: &[&str]) -> anyhow::Result<Meta> {
        let Value::Object(map) = value else {
            bail!("expected an object with a title, found {}", kind_of(value));
        };
        let text = |name: &str| -> anyhow::Result<Option<String>> {
            match map.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => {
                    let s = scalar(v).with_context(|| format!("field `{name}`"))?;
                    Ok(Some(sanitise_line(&s)).filter(|s| !s.is_empty()))
                }
            }
        };
        // Only the title and the body are needed: a bad optional field is
        // dropped, noted, and the article still loads.
        let mut dropped = Vec::new();
        let mut optional = |r: anyhow::Result<Option<String>>| {
            r.unwrap_or_else(|e| {
                dropped.push(format!("{e:#}"));
                None
            })
        };
        let mut meta = Meta {
            title: text("title")?,
            source: optional(text("source")),
            url: optional(text("url")),
            language: match optional(text("language")) {
                Some(l) => Some(l),
                None => optional(text("lang")),
            },
            credit: optional(text("credit")),
            ..Meta::default()
        };
        meta.author = optional(match map.get("author").or_else(|| map.get("authors")) {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| scalar(v).map(|s| sanitise_line(&s)))
                .collect::<anyhow::Result<Vec<_>>>()
                .context("field `author`")
                .map(|names| Some(names.join(", ")).filter(|s| !s.is_empty())),
            None | Some(Value::Null) => Ok(None),
            Some(_) if map.contains_key("author") => text("author"),
            Some(_) => text("authors"),
        });
        let tags = match map.get("tags") {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| scalar(v).map(|s| sanitise_line(&s)))
                .collect::<anyhow::Result<Vec<_>>>()
                .context("field `tags`"),
            Some(v) => scalar(v)
                .context("field `tags`")
                .map(|s| s.split(',').map(sanitise_line).collect()),
        };
        meta.tags = tags.unwrap_or_else(|e| {
            dropped.push(format!("{e:#}"));
            Vec::new()
        });
        meta.tags.retain(|t| !t.is_empty());
        if let Some(d) = map.get("date").filter(|v| !v.is_null()) {
            let raw = match d {
                // TOML datetimes arrive as {"$__toml_private_datetime": "…"}
                Value::Object(o) if o.len() == 1 => o.values().next().and_then(Value::as_str),
                v => v.as_str(),
            };
            match raw.map(parse_date) {
                Some(Ok(date)) => meta.date = Some(date),
                Some(Err(e)) => dropped.push(format!("field `date`: {e:#}")),
                None => dropped.push(format!(
                    "field `date`: expected a string, found {}",
                    kind_of(d)
                )),
            }
        }
        for name in body_fields {
            if let Some(v) = map.get(*name).filter(|v| !v.is_null()) {
                let raw = v
                    .as_str()
                    .ok_or_else(|| anyhow!("field `{name}`: expected a string"))?;
                meta.body = Some(plain_paragraphs(&sanitise(raw)));
                break;
            }
        }
        meta.dropped = dropped;
        Ok(meta)
    }

    /// The dropped fields as problems to report beside the article.
    pub fn dropped_problems(&mut self) -> Vec<anyhow::Error> {
        std::mem::take(&mut self.dropped)
            .into_iter()
            .map(|m| anyhow::Error::new(Dropped(m)))
            .collect()
    }

    /// Copies the metadata onto an article.
    pub fn apply(self, article: &mut Article) {
        article.date = self.date;
        article.source = self.source;
        article.author = self.author;
        article.url = self.url;
        article.language = self.language;
        article.tags = self.tags;
        if self.credit.is_some() {
            article.credit = self.credit;
        }
    }
}

/// A string, number or boolean as text.
fn scalar(v: &Value) -> anyhow::Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => bail!("expected text, found {}", kind_of(other)),
    }
}

pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// RFC 3339, ISO date-times without offset (taken as UTC), plain ISO dates
/// (midnight UTC) and RFC 2822.
pub fn parse_date(s: &str) -> anyhow::Result<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Ok(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Ok(d);
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(Utc.from_utc_datetime(&d).fixed_offset());
        }
    }
    if let Ok(d) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f %z") {
        return Ok(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let midnight = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        return Ok(Utc.from_utc_datetime(&midnight).fixed_offset());
    }
    bail!("cannot read date {s:?} (expected RFC 3339, YYYY-MM-DD or RFC 2822)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(Kind::of(Path::new("a/b.TXT")), Some(Kind::Txt));
        assert_eq!(Kind::of(Path::new("b.md")), Some(Kind::Markdown));
        assert_eq!(Kind::of(Path::new("b.json")), Some(Kind::Json));
        assert_eq!(Kind::of(Path::new("b.jsonl")), Some(Kind::JsonLines));
        assert_eq!(Kind::of(Path::new("b.pdf")), None);
        assert_eq!(Kind::of(Path::new("README")), None);
    }

    #[test]
    fn dates_in_three_shapes() {
        let d = parse_date("2024-02-27T10:30:00+01:00").unwrap();
        assert_eq!(d.to_rfc3339(), "2024-02-27T10:30:00+01:00");
        let d = parse_date("2024-02-27").unwrap();
        assert_eq!(d.to_rfc3339(), "2024-02-27T00:00:00+00:00");
        let d = parse_date("Tue, 27 Feb 2024 10:30:00 +0100").unwrap();
        assert_eq!(d.to_rfc3339(), "2024-02-27T10:30:00+01:00");
        let d = parse_date("2024-02-27 10:30:00").unwrap();
        assert_eq!(d.to_rfc3339(), "2024-02-27T10:30:00+00:00");
        let e = parse_date("yesterday").unwrap_err().to_string();
        assert!(e.contains("\"yesterday\""), "{e}");
    }

    #[test]
    fn refuses_unusable_bytes() {
        let p = Path::new("x.txt");
        let err = |b: &[u8]| parse(Kind::Txt, p, b).unwrap_err().to_string();
        assert_eq!(err(b""), "empty file");
        assert_eq!(err(b" \n\n\t"), "empty file");
        assert_eq!(err(b"ab\0cd"), "binary file (contains NUL bytes)");
        assert_eq!(
            err(b"ok\nbad \xff"),
            "invalid UTF-8 at byte 7 (line 2): quoth reads UTF-8 and UTF-16 with a byte-order mark"
        );
        assert_eq!(
            err(b"T\0i\0t\0l\0e\0\n\0"),
            "looks like UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)"
        );
        assert!(err(b"\xff\xfe\0\0T\0\0\0").starts_with("UTF-32 text"));
        assert!(err(b"\xff\xfeT\0x").starts_with("invalid UTF-16: an odd number"));
        assert_eq!(
            err(b"\xff\xfeT\0\x00\xd8\n\0"),
            "invalid UTF-16 at byte 4 (a lone surrogate)"
        );
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(err(&big).starts_with("file too large: 10.0 MB"));
    }

    #[test]
    fn utf16_with_a_bom_and_utf8_bom_json_are_read() {
        let text = "Été à Paris\n\nLe maire a dit « oui ».\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for bytes in [le, be] {
            let a = &parse(Kind::Txt, Path::new("u.txt"), &bytes).unwrap()[0];
            assert_eq!(a.title, "Été à Paris");
            assert_eq!(a.body, "Le maire a dit « oui ».");
        }
        let json = "\u{feff}{\"title\": \"T\", \"body\": \"B\"}";
        let a = &parse(Kind::Json, Path::new("b.json"), json.as_bytes()).unwrap()[0];
        assert_eq!((a.title.as_str(), a.body.as_str()), ("T", "B"));
    }

    #[test]
    fn meta_reads_known_fields() {
        let v: Value = serde_json::json!({
            "title": " A \u{1b}[1mtitle\n", "date": "2024-01-02", "author": ["A", "B"],
            "tags": "x, y,", "lang": "fr", "text": "p1\nline\n\np2", "extra": 3
        });
        let m = Meta::from_object(&v, &["body", "content", "text"]).unwrap();
        assert_eq!(m.title.as_deref(), Some("A title"));
        assert_eq!(m.author.as_deref(), Some("A, B"));
        assert_eq!(m.tags, ["x", "y"]);
        assert_eq!(m.language.as_deref(), Some("fr"));
        assert_eq!(m.body.as_deref(), Some("p1 line\n\np2"));
        let bad = serde_json::json!({"title": {"a": 1}});
        let e = format!("{:#}", Meta::from_object(&bad, &[]).unwrap_err());
        assert_eq!(e, "field `title`: expected text, found an object");
    }
}
