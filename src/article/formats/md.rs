//! Markdown with optional front matter: TOML between `+++` lines or YAML
//! between `---` lines (title, date, source, author, url, language, tags).
//!
//! The body is rendered to readable text with pulldown-cmark: one paragraph
//! per block (headings, paragraphs, list items with bullets or numbers, code
//! blocks); emphasis, strong, code, headings, block quotes and links are kept
//! as `Article::styles`; link targets are listed at the end with their URLs.
//! Without a title in the front matter, the first heading is the title.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use super::Meta;
use crate::article::sanitise::{sanitise, sanitise_line};
use crate::article::{Article, PARAGRAPH_SEP, Styled, TextStyle};

pub fn parse(path: &Path, text: &str) -> anyhow::Result<Article> {
    parse_noting(path, text).map(|(a, _)| a)
}

/// [`parse`], with the front matter fields left out (see `Meta::dropped`).
pub fn parse_noting(path: &Path, text: &str) -> anyhow::Result<(Article, Vec<anyhow::Error>)> {
    let text = sanitise(text);
    let (meta, markdown) = split_front_matter(&text)?;
    let mut meta = match meta {
        Some(v) => Meta::from_object(&v, &[]).context("front matter")?,
        None => Meta::default(),
    };
    let notes = meta
        .dropped_problems()
        .into_iter()
        .map(|e| e.context("front matter"))
        .collect();
    let rendered = render(markdown, meta.title.as_deref());
    let title = meta
        .title
        .take()
        .or(rendered.heading_title)
        .ok_or_else(|| anyhow!("no title: no `title` in front matter and no heading"))?;
    if rendered.body.is_empty() {
        bail!("no body: nothing after the front matter and title");
    }
    let mut article = Article::new(path.to_path_buf(), title, rendered.body);
    article.styles = rendered.styles;
    meta.apply(&mut article);
    Ok((article, notes))
}

/// Splits off the front matter, parsed to a JSON value (`None` if absent).
fn split_front_matter(text: &str) -> anyhow::Result<(Option<Value>, &str)> {
    let first = text.lines().next().unwrap_or("").trim_end();
    let (fence, toml) = match first {
        "+++" => ("+++", true),
        "---" => ("---", false),
        _ => return Ok((None, text)),
    };
    let lang = if toml { "TOML" } else { "YAML" };
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    let mut close = None;
    for line in text[after_open..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (!toml && bare == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((end, rest)) = close else {
        bail!("bad {lang} front matter: no closing `{fence}` line");
    };
    let raw = &text[after_open..end];
    let value = if toml {
        let table: toml::Table = toml::from_str(raw).map_err(|e| {
            let at = match e.span() {
                // the front matter starts on line 2 of the file
                Some(span) => {
                    let before = &raw[..span.start.min(raw.len())];
                    let line = before.matches('\n').count() + 2;
                    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                    format!("line {line}, column {column}: ")
                }
                None => String::new(),
            };
            anyhow!("bad TOML front matter: {at}{}", e.message().trim())
        })?;
        toml_to_json(toml::Value::Table(table))
    } else if raw.trim().is_empty() {
        Value::Null
    } else {
        serde_saphyr::from_str::<Value>(raw).map_err(|e| {
            let mut msg = one_line(&e);
            msg = msg.strip_prefix("error: ").unwrap_or(&msg).to_string();
            // a hint meant for programmers, not for the person fixing the file
            msg = msg
                .split(", set DuplicateKeyPolicy")
                .next()
                .unwrap_or("")
                .to_string();
            // lines are counted from the front matter, which starts on line 2:
            // every position in the message, not only the first
            msg = yaml_positions(&msg);
            msg = yaml_limits(&msg);
            // a second position is where the repeated part was defined: say
            // so, rather than give two places for one error
            if let Some((main, note)) = msg.split_once("; note: ")
                && let Some(at) = note.strip_suffix(": the error occurred here")
            {
                msg = format!("{main} (repeating what is defined at {at})");
            }
            anyhow!("bad YAML front matter: {msg}")
        })?
    };
    let value = match value {
        Value::Null => None,
        v @ Value::Object(_) => Some(v),
        other => bail!(
            "bad {lang} front matter: expected keys and values, found {}",
            super::kind_of(&other)
        ),
    };
    Ok((value, &text[rest..]))
}

/// "line L column C" → "line L+1, column C", for each position in a YAML
/// message (the parser counts from the front matter's first line, which is
/// the file's second).
fn yaml_positions(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find("line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 5..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let tail = &after[digits..];
        match (
            after[..digits].parse::<usize>(),
            tail.strip_prefix(" column "),
        ) {
            (Ok(line), Some(col)) => {
                out.push_str(&format!("line {}, column ", line + 1));
                rest = col;
            }
            _ => {
                out.push_str("line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// serde-saphyr reports a limit as "budget breached: Nodes { nodes: N }":
/// say what it is in words.
fn yaml_limits(msg: &str) -> String {
    let Some(i) = msg.find("budget breached: ") else {
        return msg.to_string();
    };
    let after = &msg[i + "budget breached: ".len()..];
    let Some(end) = after.find('}') else {
        return msg.to_string();
    };
    let inner = &after[..end];
    let detail = inner
        .split_once('{')
        .map(|(_, fields)| fields.trim().replace(':', ""))
        .unwrap_or_else(|| inner.trim().to_string());
    format!(
        "{}the front matter is too large or too deeply nested for quoth ({detail} reached){}",
        &msg[..i],
        &after[end + 1..]
    )
}

/// Parser messages span several lines (with a source excerpt): keep the
/// message, one line.
fn one_line(e: &dyn std::fmt::Display) -> String {
    let s = e.to_string();
    let lines: Vec<&str> = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('|') && !l.starts_with("-->"))
        .filter(|l| !l.chars().next().is_some_and(|c| c.is_ascii_digit()) || !l.contains('|'))
        .collect();
    lines.join("; ")
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

struct Rendered {
    body: String,
    styles: Vec<Styled>,
    /// The first heading, taken as title when the front matter has none.
    heading_title: Option<String>,
}

/// Builds the body paragraph by paragraph.
struct Renderer<'t> {
    declared_title: Option<&'t str>,
    body: String,
    styles: Vec<Styled>,
    heading_title: Option<String>,
    /// Paragraph being built, its styles (offsets into `cur`) and how much of
    /// it is a list bullet rather than content.
    cur: String,
    cur_styles: Vec<Styled>,
    cur_prefix: usize,
    /// Inline styles open, where they start in `cur`, and a link's target.
    open: Vec<(TextStyle, usize, Option<String>)>,
    quote_depth: usize,
    lists: Vec<Option<u64>>,
    code_block: bool,
    links: Vec<String>,
    /// Number of each URL in `links` (a search of the list for every link
    /// made a page of links quadratic).
    link_numbers: HashMap<String, usize>,
    seen_heading: bool,
}

fn render(markdown: &str, declared_title: Option<&str>) -> Rendered {
    let mut r = Renderer {
        declared_title,
        body: String::new(),
        styles: Vec::new(),
        heading_title: None,
        cur: String::new(),
        cur_styles: Vec::new(),
        cur_prefix: 0,
        open: Vec::new(),
        quote_depth: 0,
        lists: Vec::new(),
        code_block: false,
        links: Vec::new(),
        link_numbers: HashMap::new(),
        seen_heading: false,
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        r.event(event);
    }
    r.flush(None);
    r.finish()
}

impl Renderer<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if self.code_block {
                    self.cur.push_str(&sanitise(&t));
                } else {
                    self.push_inline(&t);
                }
            }
            Event::Code(t) => {
                let start = self.cur.len();
                self.push_inline(&t);
                self.style(TextStyle::Code, start);
            }
            Event::SoftBreak => self.push_inline(" "),
            // one line break at most, never at the start: "\n\n" separates paragraphs
            Event::HardBreak if self.cur.len() > self.cur_prefix && !self.cur.ends_with('\n') => {
                self.cur.push('\n')
            }
            Event::HardBreak => {}
            Event::Rule => self.flush(None),
            // raw HTML, math, footnotes (not enabled): nothing readable
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.flush(None),
            Tag::Heading { .. } => self.flush(None),
            Tag::BlockQuote(_) => {
                self.flush(None);
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush(None);
                self.code_block = true;
            }
            Tag::List(first) => {
                self.flush(None);
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush(None);
                let depth = self.lists.len();
                let bullet = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let b = format!("{n}. ");
                        *n += 1;
                        b
                    }
                    _ => match depth {
                        0 | 1 => "• ".to_string(),
                        2 => "◦ ".to_string(),
                        _ => "▪ ".to_string(),
                    },
                };
                self.cur.push_str(&bullet);
                self.cur_prefix = self.cur.len();
            }
            Tag::Emphasis => self.open.push((TextStyle::Emphasis, self.cur.len(), None)),
            Tag::Strong => self.open.push((TextStyle::Strong, self.cur.len(), None)),
            Tag::Link { dest_url, .. } => {
                self.open
                    .push((TextStyle::Link, self.cur.len(), Some(dest_url.to_string())))
            }
            Tag::Image { .. } => self.push_inline("[image: "),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item => self.flush(None),
            TagEnd::Heading(_) => {
                let first = !self.seen_heading;
                self.seen_heading = true;
                let text = sanitise_line(&self.cur);
                if first && self.declared_title.is_none() {
                    self.heading_title = Some(text.clone()).filter(|t| !t.is_empty());
                }
                // a first heading that opens the text is the title, or repeats
                // it: not body (one further down stays where it is)
                if first && self.body.is_empty() {
                    match self.declared_title {
                        None => return self.discard(),
                        Some(t) if t == text => return self.discard(),
                        Some(_) => {}
                    }
                }
                self.flush(Some(TextStyle::Heading));
            }
            TagEnd::BlockQuote(_) => {
                self.flush(None);
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                // blank lines inside code would split the paragraph; a list
                // item's bullet before the code stays whole (trimming its
                // space left the prefix inside the next character)
                let p = self.cur_prefix.min(self.cur.len());
                let mut code = self.cur[p..].trim_end().to_string();
                while code.contains("\n\n") {
                    code = code.replace("\n\n", "\n");
                }
                self.cur.truncate(p);
                self.cur.push_str(&code);
                self.code_block = false;
                self.flush(Some(TextStyle::Code));
            }
            TagEnd::List(_) => {
                self.flush(None);
                self.lists.pop();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                if let Some((style, start, url)) = self.open.pop() {
                    self.style(style, start);
                    if let Some(url) = url {
                        self.link_target(start, &url);
                    }
                }
            }
            TagEnd::Image => self.push_inline("]"),
            _ => {}
        }
    }

    /// Records the link's URL for the list at the end and marks the text.
    fn link_target(&mut self, start: usize, url: &str) {
        let url = sanitise_line(url);
        let text = &self.cur[start..];
        if url.is_empty() || text == url || text.trim_start_matches("mailto:") == url {
            return;
        }
        let n = match self.link_numbers.get(&url) {
            Some(&n) => n,
            None => {
                self.links.push(url.clone());
                self.link_numbers.insert(url, self.links.len());
                self.links.len()
            }
        };
        self.cur.push_str(&format!(" [{n}]"));
    }

    fn push_inline(&mut self, text: &str) {
        let clean = sanitise(text).replace('\n', " ");
        // no leading space at the start of a paragraph or after a bullet
        let clean = if self.cur.len() == self.cur_prefix {
            clean.trim_start().to_string()
        } else {
            clean
        };
        self.cur.push_str(&clean);
    }

    fn style(&mut self, style: TextStyle, start: usize) {
        if self.cur.len() > start {
            self.cur_styles.push(Styled {
                start,
                end: self.cur.len(),
                style,
            });
        }
    }

    fn discard(&mut self) {
        self.cur.clear();
        self.cur_styles.clear();
        self.cur_prefix = 0;
        self.open.clear();
    }

    /// Ends the current paragraph, if it has content, styling all of it with
    /// `whole` (and as a block quote inside one).
    fn flush(&mut self, whole: Option<TextStyle>) {
        let end = self.cur.trim_end().len();
        if end <= self.cur_prefix || self.cur[self.cur_prefix..end].trim().is_empty() {
            // a bullet waiting for its item's text stays
            if self.cur_prefix == 0 {
                self.discard();
            }
            return;
        }
        if !self.body.is_empty() {
            self.body.push_str(PARAGRAPH_SEP);
        }
        let base = self.body.len();
        self.body.push_str(&self.cur[..end]);
        let mut add = |start: usize, stop: usize, style: TextStyle| {
            let stop = stop.min(end);
            if stop > start {
                self.styles.push(Styled {
                    start: base + start,
                    end: base + stop,
                    style,
                });
            }
        };
        if let Some(style) = whole {
            add(0, end, style);
        }
        if self.quote_depth > 0 {
            add(0, end, TextStyle::BlockQuote);
        }
        for s in std::mem::take(&mut self.cur_styles) {
            add(s.start, s.end, s.style);
        }
        self.discard();
    }

    fn finish(mut self) -> Rendered {
        if !self.links.is_empty() && !self.body.is_empty() {
            self.cur.push_str("Links");
            self.flush(Some(TextStyle::Heading));
            for (i, url) in std::mem::take(&mut self.links).iter().enumerate() {
                let label = format!("[{}] ", i + 1);
                self.cur.push_str(&label);
                self.cur.push_str(url);
                self.style(TextStyle::Link, label.len());
                self.flush(None);
            }
        }
        self.styles
            .sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        Rendered {
            body: self.body,
            styles: self.styles,
            heading_title: self.heading_title,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> anyhow::Result<Article> {
        parse(Path::new("a.md"), text)
    }

    fn styled(a: &Article, style: TextStyle) -> Vec<&str> {
        a.styles
            .iter()
            .filter(|s| s.style == style)
            .map(|s| &a.body[s.start..s.end])
            .collect()
    }

    #[test]
    fn toml_front_matter() {
        let a = p("+++\ntitle = \"T\"\ndate = 2024-03-01T08:00:00+01:00\ntags = [\"a\", \"b\"]\nlanguage = \"fr\"\n+++\n\nHello *you*.\n")
            .unwrap();
        assert_eq!(a.title, "T");
        assert_eq!(a.date.unwrap().to_rfc3339(), "2024-03-01T08:00:00+01:00");
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.body, "Hello you.");
        assert_eq!(styled(&a, TextStyle::Emphasis), ["you"]);
    }

    #[test]
    fn toml_plain_date() {
        let a = p("+++\ntitle = \"T\"\ndate = 2024-03-01\n+++\nx\n").unwrap();
        assert_eq!(a.date.unwrap().to_rfc3339(), "2024-03-01T00:00:00+00:00");
    }

    #[test]
    fn yaml_front_matter() {
        let a = p("---\ntitle: \"T: y\"\nauthor: Ann\ndate: 2024-03-01\nsource: Le Monde\ntags: [x]\n---\n# T: y\n\nBody.\n")
            .unwrap();
        assert_eq!(a.title, "T: y");
        assert_eq!(a.author.as_deref(), Some("Ann"));
        assert_eq!(a.source.as_deref(), Some("Le Monde"));
        assert_eq!(a.tags, ["x"]);
        // the heading repeating the title is not body
        assert_eq!(a.body, "Body.");
    }

    #[test]
    fn first_heading_is_title_without_front_matter() {
        let a = p("# The title\n\nText.\n\n## Part\n\nMore.").unwrap();
        assert_eq!(a.title, "The title");
        assert_eq!(a.body, "Text.\n\nPart\n\nMore.");
        assert_eq!(styled(&a, TextStyle::Heading), ["Part"]);
    }

    #[test]
    fn lists_quotes_code_and_links() {
        let md = "# T\n\n- one\n- **two**\n  - inner\n\n3. a\n4. b\n\n> quoted\n> text\n\n```\nlet x;\n\n\nlet y;\n```\n\nSee [the site](https://e.org/x) and `code` and <https://auto.org>.\n";
        let a = p(md).unwrap();
        let paras: Vec<_> = a.paragraphs().map(|(_, p)| p).collect();
        assert_eq!(
            paras,
            [
                "• one",
                "• two",
                "◦ inner",
                "3. a",
                "4. b",
                "quoted text",
                "let x;\nlet y;",
                "See the site [1] and code and https://auto.org.",
                "Links",
                "[1] https://e.org/x"
            ]
        );
        assert_eq!(styled(&a, TextStyle::Strong), ["two"]);
        assert_eq!(styled(&a, TextStyle::BlockQuote), ["quoted text"]);
        assert_eq!(styled(&a, TextStyle::Code), ["let x;\nlet y;", "code"]);
        assert_eq!(
            styled(&a, TextStyle::Link),
            ["the site", "https://auto.org", "https://e.org/x"]
        );
        assert_eq!(styled(&a, TextStyle::Heading), ["Links"]);
        assert!(a.styles.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn entities_cannot_smuggle_controls() {
        let a = p("# T\n\nx&#27;[31my&#x9b;z &#7;\t").unwrap();
        assert!(
            !a.body.chars().any(|c| c.is_control() && c != '\n'),
            "{:?}",
            a.body
        );
    }

    #[test]
    fn broken_front_matter() {
        let e = p("+++\ntitle = \n+++\nx").unwrap_err().to_string();
        assert!(e.starts_with("bad TOML front matter: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        let e = p("---\ntitle: [unclosed\n---\nx").unwrap_err().to_string();
        assert!(e.starts_with("bad YAML front matter: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        let e = p("---\ntitle: T\nno end").unwrap_err().to_string();
        assert_eq!(e, "bad YAML front matter: no closing `---` line");
        let e = p("---\n- a\n- b\n---\nx").unwrap_err().to_string();
        assert_eq!(
            e,
            "bad YAML front matter: expected keys and values, found an array"
        );
        // a bad date is left out and said, the article still loads
        let (a, notes) =
            parse_noting(Path::new("a.md"), "---\ntitle: T\ndate: soon\n---\nx").unwrap();
        assert_eq!((a.title.as_str(), a.date), ("T", None));
        let e = format!("{:#}", notes[0]);
        assert!(
            e.starts_with("front matter: field `date`: cannot read date \"soon\""),
            "{e}"
        );
        assert!(e.ends_with("; the article is loaded without it"), "{e}");
    }

    #[test]
    fn yaml_limits_and_positions_read_well() {
        assert_eq!(
            yaml_positions("line 7 column 14: x; note: line 2 column 7: here; a line 3"),
            "line 8, column 14: x; note: line 3, column 7: here; a line 3"
        );
        assert_eq!(
            yaml_limits("line 8, column 14: budget breached: Nodes { nodes: 250001 }; note: y"),
            "line 8, column 14: the front matter is too large or too deeply nested for quoth (nodes 250001 reached); note: y"
        );
        let deep = format!(
            "---\ntitle: T\nx: {}{}\n---\nBody\n",
            "[".repeat(2000),
            "]".repeat(2000)
        );
        let e = p(&deep).unwrap_err().to_string();
        assert!(
            e.starts_with("bad YAML front matter: line 3, column "),
            "{e}"
        );
        // a billion laughs: one position for the error, one for the anchor
        let mut laughs = String::from("---\ntitle: T\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
        let mut prev = "a".to_string();
        for i in 1..12 {
            laughs.push_str(&format!(
                "b{i}: &b{i} [{}]\n",
                vec![format!("*{prev}"); 10].join(",")
            ));
            prev = format!("b{i}");
        }
        laughs.push_str("---\nBody\n");
        let e = p(&laughs).unwrap_err().to_string();
        assert_eq!(
            e,
            "bad YAML front matter: line 8, column 14: the front matter is too large or too deeply nested for quoth (nodes 250001 reached) (repeating what is defined at line 3, column 7)"
        );
    }

    #[test]
    fn a_later_heading_gives_the_title_and_stays() {
        let a = p("Intro text.\n\n## Later\n\nMore.").unwrap();
        assert_eq!(a.title, "Later");
        assert_eq!(a.body, "Intro text.\n\nLater\n\nMore.");
    }

    #[test]
    fn bom_and_crlf_before_front_matter() {
        let a = p("\u{feff}---\r\ntitle: T\r\n---\r\nBody\r\nline\r\n").unwrap();
        assert_eq!(a.title, "T");
        assert_eq!(a.body, "Body line");
    }

    #[test]
    fn needs_title_and_body() {
        let e = p("just text").unwrap_err().to_string();
        assert_eq!(e, "no title: no `title` in front matter and no heading");
        let e = p("+++\ntitle = \"T\"\n+++\n\n").unwrap_err().to_string();
        assert_eq!(e, "no body: nothing after the front matter and title");
    }
}
