//! The article model. No terminal code here.

pub mod files;
pub mod formats;
pub mod sanitise;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

/// Paragraphs of `Article::body` are separated by this.
pub const PARAGRAPH_SEP: &str = "\n\n";

/// A styled stretch of the body (from Markdown), byte offsets into `body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styled {
    pub start: usize,
    pub end: usize,
    pub style: TextStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Heading,
    Emphasis,
    Strong,
    Code,
    BlockQuote,
    Link,
}

/// One article, sanitised: every string here is safe to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: a hash of the normalised title and body, so moving or
    /// renaming the file keeps bookmarks and reading state.
    pub id: String,
    /// The file it came from.
    pub path: PathBuf,
    pub title: String,
    pub date: Option<DateTime<FixedOffset>>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Language declared by the file (front matter, JSON), if any.
    pub language: Option<String>,
    pub tags: Vec<String>,
    /// Agency or photo credit ("AFP"), shown in the metadata, not the body.
    pub credit: Option<String>,
    /// Body text: paragraphs joined by `PARAGRAPH_SEP`, no paragraph empty.
    pub body: String,
    /// Styles over the body (Markdown emphasis, headings…), sorted by start
    /// (longer first at the same start). They may nest (a link inside a
    /// block quote, strong inside emphasis) but never cut a character.
    pub styles: Vec<Styled>,
}

impl Article {
    /// Builds an article, computing its id. Text must already be sanitised.
    pub fn new(path: PathBuf, title: String, body: String) -> Self {
        let id = article_id(&title, &body);
        Article {
            id,
            path,
            title,
            date: None,
            source: None,
            author: None,
            url: None,
            language: None,
            tags: Vec::new(),
            credit: None,
            body,
            styles: Vec::new(),
        }
    }

    /// Paragraphs with their byte offset in `body`.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        let base = self.body.as_ptr() as usize;
        self.body
            .split(PARAGRAPH_SEP)
            .filter(|p| !p.is_empty())
            .map(move |p| (p.as_ptr() as usize - base, p))
    }

    /// Where the story comes from, for lists: the source, else the credit
    /// (an agency such as "AFP" credited under a plain-text title).
    pub fn source_or_credit(&self) -> Option<&str> {
        self.source.as_deref().or(self.credit.as_deref())
    }

    /// The line under the title: source · date · by author · language ·
    /// reading time. `detected` stands in, marked so, when no language is
    /// declared.
    pub fn meta_line(&self, date_format: &str, detected: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.source {
            parts.push(s.clone());
        }
        if let Some(d) = &self.date {
            parts.push(format_date(d, date_format));
        }
        if let Some(au) = &self.author {
            parts.push(format!("by {au}"));
        }
        match (&self.language, detected) {
            (Some(l), _) => parts.push(l.clone()),
            (None, Some(d)) => parts.push(format!("{d} (detected)")),
            (None, None) => {}
        }
        parts.push(format!("{} read", reading_time(self.reading_minutes())));
        parts.join(" · ")
    }

    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }

    /// Minutes at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }
}

/// "4 min", "1 h 05 min", "67 h 22 min": a reading time a reader can take in
/// ("4042 min read" said little).
pub fn reading_time(minutes: usize) -> String {
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!(
            "{} h {:02} min",
            crate::text::thousands(minutes / 60),
            minutes % 60
        )
    }
}

/// Formats a date with a strftime-style format from the config; a format
/// chrono cannot apply falls back to YYYY-MM-DD instead of panicking.
pub fn format_date(date: &DateTime<FixedOffset>, format: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    match write!(out, "{}", date.format(format)) {
        Ok(()) => out,
        Err(_) => date.format("%Y-%m-%d").to_string(),
    }
}

/// 16 hex digits of FNV-1a over the whitespace-normalised title and body.
/// FNV is written out here because std's hasher is not stable across releases.
pub fn article_id(title: &str, body: &str) -> String {
    let h = fnv_words(0xcbf2_9ce4_8422_2325, title);
    let h = fnv_words(h, "\u{1}");
    let h = fnv_words(h, body);
    format!("{h:016x}")
}

/// FNV-1a over each whitespace-separated word of `s` followed by one space
/// (the bytes of `s.split_whitespace()`, each word then b' '), read on the
/// bytes: only a non-ASCII character is decoded, to ask whether it is
/// whitespace.
fn fnv_words(mut h: u64, s: &str) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    let bytes = s.as_bytes();
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if char::from(b).is_whitespace() {
                if in_word {
                    h = step(h, b' ');
                    in_word = false;
                }
            } else {
                h = step(h, b);
                in_word = true;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            let n = c.len_utf8();
            if c.is_whitespace() {
                if in_word {
                    h = step(h, b' ');
                    in_word = false;
                }
            } else {
                for &b in &bytes[i..i + n] {
                    h = step(h, b);
                }
                in_word = true;
            }
            i += n;
        }
    }
    if in_word {
        h = step(h, b' ');
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id as first written: `split_whitespace`, each word's bytes then a
    /// space. Ids are stored in the library, so the byte-level reading must
    /// give the same hash on every text.
    fn id_by_words(title: &str, body: &str) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |s: &str| {
            for word in s.split_whitespace() {
                for b in word.bytes().chain(std::iter::once(b' ')) {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
        };
        feed(title);
        feed("\u{1}");
        feed(body);
        format!("{h:016x}")
    }

    #[test]
    fn id_read_on_bytes_is_the_split_whitespace_id() {
        // every whitespace character, ASCII and not, and characters that are not
        // whitespace though near it (U+001C..U+001F, U+200B, U+180E, U+FEFF)
        let pieces = [
            "Le",
            "président",
            "a",
            "déclaré",
            "«",
            "»",
            "’",
            "l’État",
            "\u{1}",
            "é",
            "日本",
            "🙂",
            " ",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            "\u{1c}",
            "\u{1f}",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200a}",
            "\u{200b}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "\u{180e}",
            "\u{feff}",
            "",
            "x",
        ];
        let mut seed: u64 = 1;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..3000 {
            let mut text = [String::new(), String::new()];
            for t in &mut text {
                for _ in 0..next(12) {
                    t.push_str(pieces[next(pieces.len())]);
                }
            }
            assert_eq!(
                article_id(&text[0], &text[1]),
                id_by_words(&text[0], &text[1]),
                "{text:?}"
            );
        }
        for c in (0..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}b {c}");
            assert_eq!(article_id(&s, &s), id_by_words(&s, &s), "{c:?}");
        }
    }

    #[test]
    fn id_ignores_whitespace_layout_and_path() {
        let a = Article::new("a.txt".into(), "T".into(), "one  two\n\nthree".into());
        let b = Article::new("b/c.txt".into(), "T".into(), "one two\n\nthree".into());
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, article_id("T", "one two four"));
    }

    #[test]
    fn bad_date_format_falls_back() {
        let d = DateTime::parse_from_rfc3339("2024-02-27T10:30:00+01:00").unwrap();
        assert_eq!(format_date(&d, "%d/%m/%Y %H:%M"), "27/02/2024 10:30");
        assert_eq!(format_date(&d, "%Q %"), "2024-02-27");
    }

    #[test]
    fn reading_times_read_well() {
        assert_eq!(reading_time(1), "1 min");
        assert_eq!(reading_time(59), "59 min");
        assert_eq!(reading_time(65), "1 h 05 min");
        assert_eq!(reading_time(4042), "67 h 22 min");
        assert_eq!(reading_time(60 * 1500), "1,500 h 00 min");
    }

    #[test]
    fn paragraphs_carry_offsets() {
        let a = Article::new("a".into(), "T".into(), "ab\n\ncd".into());
        let ps: Vec<_> = a.paragraphs().collect();
        assert_eq!(ps, vec![(0, "ab"), (4, "cd")]);
    }
}
