//! JSON and JSON lines: one article object, an array of them (or an object
//! holding one under `articles` / `items`), or one object per line. Fields:
//! title, body (or content / text), date, source, author, url, language,
//! tags, credit; others are ignored.
//!
//! Every article of a file keeps the file's path; ids stay distinct.

use std::path::Path;

use anyhow::{anyhow, bail};
use serde_json::Value;

use super::{Meta, kind_of};
use crate::article::Article;

const BODY_FIELDS: [&str; 3] = ["body", "content", "text"];

/// All records must be good (a dropped optional field is no failure).
pub fn parse(path: &Path, text: &str) -> anyhow::Result<Vec<Article>> {
    parse_records(path, text)?
        .into_iter()
        .filter(|r| !r.as_ref().is_err_and(super::is_dropped_field))
        .collect()
}

/// The file must be valid JSON; each record then succeeds or fails alone, so
/// one bad record in a feed does not hide the others.
pub fn parse_records(path: &Path, text: &str) -> anyhow::Result<Vec<anyhow::Result<Article>>> {
    let mut values = Vec::new();
    // a stream covers one document and one value per line alike
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut lines = LineCounter::default();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => values.push((lines.line_of(text, start), v)),
            Some(Err(e)) => return Err(anyhow!("invalid JSON: {e}")),
        }
    }
    if values.is_empty() {
        bail!("empty file");
    }
    let records: Vec<(Option<usize>, Value)> = if values.len() == 1 {
        let (line, v) = values.pop().expect("one value");
        match v {
            Value::Array(items) => items.into_iter().map(|v| (None, v)).collect(),
            Value::Object(mut map) if !map.contains_key("title") => {
                match map.remove("articles").or_else(|| map.remove("items")) {
                    Some(Value::Array(items)) => items.into_iter().map(|v| (None, v)).collect(),
                    Some(other) => {
                        map.insert("articles".into(), other);
                        vec![(Some(line), Value::Object(map))]
                    }
                    None => vec![(Some(line), Value::Object(map))],
                }
            }
            v => vec![(Some(line), v)],
        }
    } else {
        values.into_iter().map(|(l, v)| (Some(l), v)).collect()
    };
    if records.is_empty() {
        bail!("no articles: the JSON array is empty");
    }
    let many = records.len() > 1;
    let mut out = Vec::with_capacity(records.len());
    for (i, (line, v)) in records.into_iter().enumerate() {
        let which = || match line {
            Some(l) => format!("record {} (line {l})", i + 1),
            None => format!("record {}", i + 1),
        };
        match record(path, &v) {
            Ok((article, notes)) => {
                out.push(Ok(article));
                out.extend(notes.into_iter().map(|e| {
                    if many {
                        Err(e.context(which()))
                    } else {
                        Err(e)
                    }
                }));
            }
            Err(e) if many => out.push(Err(e.context(which()))),
            Err(e) => out.push(Err(e)),
        }
    }
    Ok(out)
}

/// The article, and the optional fields left out of it.
fn record(path: &Path, v: &Value) -> anyhow::Result<(Article, Vec<anyhow::Error>)> {
    if !v.is_object() {
        bail!("expected an article object, found {}", kind_of(v));
    }
    let mut meta = Meta::from_object(v, &BODY_FIELDS)?;
    let title = meta
        .title
        .take()
        .ok_or_else(|| anyhow!("missing `title`"))?;
    let body = meta
        .body
        .take()
        .filter(|b| !b.is_empty())
        .ok_or_else(|| anyhow!("missing `body` (or `content` / `text`)"))?;
    let notes = meta.dropped_problems();
    let mut article = Article::new(path.to_path_buf(), title, body);
    meta.apply(&mut article);
    Ok((article, notes))
}

/// Line numbers of increasing offsets, counting each newline once (a
/// count from the start for every record made a big file quadratic).
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    /// 1-based line of the value starting at or after `byte` (after any
    /// whitespace); `byte` never goes back.
    fn line_of(&mut self, text: &str, byte: usize) -> usize {
        let rest = &text[byte..];
        let start = byte + (rest.len() - rest.trim_start().len());
        self.line += text[self.at..start].bytes().filter(|&b| b == b'\n').count();
        self.at = start;
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> anyhow::Result<Vec<Article>> {
        parse(Path::new("f.json"), text)
    }

    #[test]
    fn one_object() {
        let a = p(r#"{"title":"T","content":"Hello\n\nWorld","date":"2024-03-01","tags":["a"]}"#)
            .unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "T");
        assert_eq!(a[0].body, "Hello\n\nWorld");
        assert_eq!(a[0].tags, ["a"]);
        assert!(a[0].date.is_some());
        assert_eq!(a[0].path, Path::new("f.json"));
    }

    #[test]
    fn array_lines_and_wrapper() {
        assert_eq!(
            p(r#"[{"title":"A","body":"x"},{"title":"B","text":"y"}]"#)
                .unwrap()
                .len(),
            2
        );
        let lines = "{\"title\":\"A\",\"body\":\"x\"}\n\n{\"title\":\"B\",\"body\":\"y\"}\n";
        assert_eq!(parse(Path::new("f.jsonl"), lines).unwrap().len(), 2);
        assert_eq!(
            p(r#"{"articles":[{"title":"A","body":"x"}]}"#)
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn duplicates_get_distinct_ids() {
        let two = r#"[{"title":"A","body":"x"},{"title":"A","body":"x"}]"#;
        let a = crate::article::formats::parse(
            crate::article::formats::Kind::Json,
            Path::new("f.json"),
            two.as_bytes(),
        )
        .unwrap();
        assert_ne!(a[0].id, a[1].id);
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = p("{\"title\": \"A\",").unwrap_err().to_string();
        assert!(e.starts_with("invalid JSON: EOF while parsing"), "{e}");
        let e = p(r#"{"body":"x"}"#).unwrap_err().to_string();
        assert_eq!(e, "missing `title`");
        let e = p("[]").unwrap_err().to_string();
        assert_eq!(e, "no articles: the JSON array is empty");
        let recs = parse_records(
            Path::new("f.jsonl"),
            "{\"title\":\"A\",\"body\":\"x\"}\n{\"title\":\"B\"}\n",
        )
        .unwrap();
        assert!(recs[0].is_ok());
        let e = format!("{:#}", recs[1].as_ref().unwrap_err());
        assert_eq!(
            e,
            "record 2 (line 2): missing `body` (or `content` / `text`)"
        );
        let e = format!("{:#}", p("[1]").unwrap_err());
        assert_eq!(e, "expected an article object, found a number");
    }

    #[test]
    fn a_bad_optional_field_is_dropped_and_reported() {
        let text = "{\"title\":\"A\",\"body\":\"x\",\"date\":\"yesterday\",\"tags\":{\"a\":1}}\n{\"title\":\"B\",\"body\":\"y\",\"date\":\"2024-01-02\"}\n";
        let recs = parse_records(Path::new("f.jsonl"), text).unwrap();
        assert_eq!(recs.len(), 4);
        let a = recs[0].as_ref().unwrap();
        assert_eq!((a.title.as_str(), a.date, a.tags.len()), ("A", None, 0));
        let e = format!("{:#}", recs[2].as_ref().unwrap_err());
        assert_eq!(
            e,
            "record 1 (line 1): field `date`: cannot read date \"yesterday\" (expected RFC 3339, YYYY-MM-DD or RFC 2822); the article is loaded without it"
        );
        let e = format!("{:#}", recs[1].as_ref().unwrap_err());
        assert!(
            e.starts_with("record 1 (line 1): field `tags`: expected text"),
            "{e}"
        );
        assert!(recs[3].as_ref().unwrap().date.is_some());
        // the strict parse keeps both articles
        assert_eq!(parse(Path::new("f.jsonl"), text).unwrap().len(), 2);
    }
}
