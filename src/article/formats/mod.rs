//! Loaders for each stored format: `.txt`, `.md`, `.json` / `.jsonl`.
//!
//! Each loader sanitises every string it takes from the file (see
//! `article::sanitise`) and returns articles or an error saying what is wrong
//! (not which file: the caller adds that).

pub mod json;
pub mod md;
pub mod txt;

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
pub fn parse(kind: Kind, path: &Path, bytes: &[u8]) -> anyhow::Result<Vec<Article>> {
    let text = check_bytes(bytes)?;
    let mut articles = match kind {
        Kind::Txt => vec![txt::parse(path, text)?],
        Kind::Markdown => vec![md::parse(path, text)?],
        Kind::Json | Kind::JsonLines => json::parse(path, text)?,
    };
    distinct_ids(&mut articles.iter_mut().collect::<Vec<_>>());
    Ok(articles)
}

/// Like [`parse`], but a file holding several records (JSON) yields one
/// result per record, so one bad record does not hide the others. The outer
/// error is for the file as a whole.
pub fn parse_each(
    kind: Kind,
    path: &Path,
    bytes: &[u8],
) -> anyhow::Result<Vec<anyhow::Result<Article>>> {
    let text = check_bytes(bytes)?;
    let mut results = match kind {
        Kind::Txt => vec![txt::parse(path, text)],
        Kind::Markdown => vec![md::parse(path, text)],
        Kind::Json | Kind::JsonLines => json::parse_records(path, text)?,
    };
    let mut ok: Vec<&mut Article> = results.iter_mut().filter_map(|r| r.as_mut().ok()).collect();
    distinct_ids(&mut ok);
    Ok(results)
}

/// Refuses what cannot be an article: too large, binary, not UTF-8, empty.
fn check_bytes(bytes: &[u8]) -> anyhow::Result<&str> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!("{}", too_large(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        bail!("binary file (contains NUL bytes)");
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow!("invalid UTF-8 at byte {at} (line {line})")
    })?;
    if text.trim().is_empty() {
        bail!("empty file");
    }
    Ok(text)
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
    let lines: Vec<&str> = text.lines().collect();
    lines
        .split(|l| l.trim().is_empty())
        .map(|p| p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(PARAGRAPH_SEP)
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
        let mut meta = Meta {
            title: text("title")?,
            source: text("source")?,
            url: text("url")?,
            language: match text("language")? {
                Some(l) => Some(l),
                None => text("lang")?,
            },
            credit: text("credit")?,
            ..Meta::default()
        };
        meta.author = match map.get("author").or_else(|| map.get("authors")) {
            Some(Value::Array(items)) => {
                let names = items
                    .iter()
                    .map(|v| scalar(v).map(|s| sanitise_line(&s)))
                    .collect::<anyhow::Result<Vec<_>>>()
                    .context("field `author`")?;
                Some(names.join(", ")).filter(|s| !s.is_empty())
            }
            None | Some(Value::Null) => None,
            Some(_) if map.contains_key("author") => text("author")?,
            Some(_) => text("authors")?,
        };
        meta.tags = match map.get("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| scalar(v).map(|s| sanitise_line(&s)))
                .collect::<anyhow::Result<Vec<_>>>()
                .context("field `tags`")?,
            Some(v) => scalar(v)
                .context("field `tags`")?
                .split(',')
                .map(sanitise_line)
                .collect(),
        };
        meta.tags.retain(|t| !t.is_empty());
        if let Some(d) = map.get("date").filter(|v| !v.is_null()) {
            let raw = match d {
                // TOML datetimes arrive as {"$__toml_private_datetime": "…"}
                Value::Object(o) if o.len() == 1 => o.values().next().and_then(Value::as_str),
                v => v.as_str(),
            }
            .ok_or_else(|| anyhow!("field `date`: expected a string, found {}", kind_of(d)))?;
            meta.date = Some(parse_date(raw).context("field `date`")?);
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
        Ok(meta)
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
        assert_eq!(err(b"ok\nbad \xff"), "invalid UTF-8 at byte 7 (line 2)");
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(err(&big).starts_with("file too large: 10.0 MB"));
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
