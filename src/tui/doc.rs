//! An article laid out for a given measure: header lines and pre-wrapped body
//! lines that remember their byte range in `Article::body`, so any analysis
//! offset maps exactly to a (line, column) on screen. We wrap ourselves
//! (textwrap with unicode-width) because ratatui cannot tell where a
//! character lands after its own wrapping.

use std::borrow::Cow;

use textwrap::{Options, WordSplitter};
use unicode_width::UnicodeWidthStr;

use crate::article::Article;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    Title,
    Meta,
    Credit,
    Url,
    /// The bookmark's note.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    Header(HeaderKind, String),
    Blank,
    /// Bytes `start..end` of the body, from paragraph `para`.
    Body {
        start: usize,
        end: usize,
        para: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub width: usize,
    pub lines: Vec<DocLine>,
    /// Indices into `lines` of the body lines, in body order.
    body_lines: Vec<usize>,
    /// First line of each paragraph.
    pub para_first: Vec<usize>,
    /// Paragraphs that are block quotes (Markdown `>`): drawn indented
    /// behind a bar, wrapped [`QUOTE_INDENT`] columns narrower.
    quoted: Vec<bool>,
}

/// Columns a block quote is set in by ("▎ ").
pub const QUOTE_INDENT: usize = 2;

/// What stands before each line of a block quote.
pub const QUOTE_BAR: &str = "▎ ";

impl Doc {
    /// Lays out `article` at `width` columns; `meta` is the metadata line,
    /// `note` the bookmark's note if it has one.
    pub fn build(article: &Article, meta: &str, note: Option<&str>, width: usize) -> Doc {
        let width = width.max(1);
        let mut lines = Vec::new();
        let header = |kind, text: &str, lines: &mut Vec<DocLine>| {
            for l in wrap(text, width) {
                lines.push(DocLine::Header(kind, l.1.to_string()));
            }
        };
        header(HeaderKind::Title, &article.title, &mut lines);
        header(HeaderKind::Meta, meta, &mut lines);
        if let Some(c) = &article.credit {
            header(HeaderKind::Credit, &format!("Credit: {c}"), &mut lines);
        }
        if let Some(u) = &article.url {
            header(HeaderKind::Url, u, &mut lines);
        }
        // The reader's own words come after the article's.
        if let Some(n) = note {
            header(HeaderKind::Note, &format!("Note: {n}"), &mut lines);
        }
        let mut body_lines = Vec::new();
        let mut para_first = Vec::new();
        let mut quoted = Vec::new();
        for (para, (offset, text)) in article.paragraphs().enumerate() {
            lines.push(DocLine::Blank);
            para_first.push(lines.len());
            let is_quote = width > QUOTE_INDENT + 10
                && article.styles.iter().any(|s| {
                    s.style == crate::article::TextStyle::BlockQuote
                        && s.start <= offset
                        && s.end >= offset + text.len()
                });
            quoted.push(is_quote);
            let measure = if is_quote {
                width - QUOTE_INDENT
            } else {
                width
            };
            for (start, l) in wrap(text, measure) {
                body_lines.push(lines.len());
                lines.push(DocLine::Body {
                    start: offset + start,
                    end: offset + start + l.len(),
                    para,
                });
            }
        }
        Doc {
            width,
            lines,
            body_lines,
            para_first,
            quoted,
        }
    }

    /// Columns paragraph `para` is set in by (a block quote's bar).
    pub fn indent(&self, para: usize) -> usize {
        if self.quoted.get(para).copied().unwrap_or(false) {
            QUOTE_INDENT
        } else {
            0
        }
    }

    /// The line showing body byte `offset` (a byte between two wrapped lines
    /// belongs to the line before).
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        let i = self
            .body_lines
            .partition_point(|&l| self.body_start(l) <= offset);
        let i = i.checked_sub(1).or(if self.body_lines.is_empty() {
            None
        } else {
            Some(0)
        })?;
        Some(self.body_lines[i])
    }

    /// The (line, display column) of body byte `offset`.
    pub fn position(&self, body: &str, offset: usize) -> Option<(usize, usize)> {
        let line = self.line_of(offset)?;
        match self.lines[line] {
            DocLine::Body {
                start, end, para, ..
            } => {
                let upto = offset.clamp(start, end);
                Some((
                    line,
                    self.indent(para) + body.get(start..upto).map_or(0, UnicodeWidthStr::width),
                ))
            }
            _ => None,
        }
    }

    /// The body offset shown at (or first after) `line`, to keep the place across a re-wrap.
    pub fn anchor(&self, line: usize) -> Option<usize> {
        self.lines[line.min(self.lines.len().saturating_sub(1))..]
            .iter()
            .find_map(|l| match l {
                DocLine::Body { start, .. } => Some(*start),
                _ => None,
            })
    }

    /// The paragraph shown at `line`, if any body is shown there or later.
    pub fn para_at(&self, line: usize) -> Option<usize> {
        self.lines.get(line..)?.iter().find_map(|l| match l {
            DocLine::Body { para, .. } => Some(*para),
            _ => None,
        })
    }

    fn body_start(&self, line: usize) -> usize {
        match self.lines[line] {
            DocLine::Body { start, .. } => start,
            _ => 0,
        }
    }
}

/// Wraps one paragraph; each line with its byte offset in `text`.
fn wrap(text: &str, width: usize) -> Vec<(usize, Cow<'_, str>)> {
    let opts = Options::new(width)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true);
    let base = text.as_ptr() as usize;
    let mut cursor = 0;
    textwrap::wrap(text, opts)
        .into_iter()
        .map(|line| {
            let start = match &line {
                Cow::Borrowed(s) if s.as_ptr() as usize >= base => s.as_ptr() as usize - base,
                // textwrap only copies a line when it changes it; find it in the text then.
                _ => text[cursor..]
                    .find(line.trim_end())
                    .map_or(cursor, |i| cursor + i),
            };
            cursor = (start + line.len()).min(text.len());
            (start, line)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Article {
        Article::new("a.txt".into(), "Title".into(), body.into())
    }

    #[test]
    fn body_lines_slice_the_body_exactly() {
        let body =
            "Élodie a dit « bonjour à tous » hier.\n\n日本語の文章はとても長いです。もっと長く。";
        let a = article(body);
        for width in 1..30 {
            let doc = Doc::build(&a, "meta", None, width);
            let mut joined = String::new();
            for l in &doc.lines {
                if let DocLine::Body { start, end, .. } = *l {
                    let s = &body[start..end];
                    assert!(
                        s.width() <= width || s.chars().count() == 1,
                        "{s:?} > {width}"
                    );
                    joined.push_str(s);
                }
            }
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squeeze(&joined), squeeze(body));
        }
    }

    #[test]
    fn offsets_map_to_line_and_column() {
        let body = "aaa bbb ccc ddd\n\neee fff";
        let a = article(body);
        let doc = Doc::build(&a, "m", None, 7);
        let (line, col) = doc.position(body, body.find("ccc").unwrap()).unwrap();
        assert_eq!(
            doc.lines[line],
            DocLine::Body {
                start: 8,
                end: 15,
                para: 0
            }
        );
        assert_eq!(col, 0);
        let (line, col) = doc.position(body, body.find("fff").unwrap()).unwrap();
        assert_eq!(col, 4);
        assert_eq!(doc.para_at(line), Some(1));
        assert_eq!(
            doc.line_of(body.find("eee").unwrap()),
            Some(doc.para_first[1])
        );
    }

    #[test]
    fn note_is_a_header_after_the_articles_own() {
        let mut a = article("Body text.");
        a.credit = Some("AFP".into());
        let doc = Doc::build(&a, "m", Some("ask the desk"), 40);
        let headers: Vec<_> = doc
            .lines
            .iter()
            .filter_map(|l| match l {
                DocLine::Header(k, t) => Some((*k, t.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            headers,
            [
                (HeaderKind::Title, "Title"),
                (HeaderKind::Meta, "m"),
                (HeaderKind::Credit, "Credit: AFP"),
                (HeaderKind::Note, "Note: ask the desk"),
            ]
        );
        // Body offsets do not move with the header.
        let without = Doc::build(&a, "m", None, 40);
        assert_eq!(doc.lines.len(), without.lines.len() + 1);
        assert_eq!(doc.anchor(0), without.anchor(0));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let body = "日本語 abc";
        let a = article(body);
        let doc = Doc::build(&a, "m", None, 40);
        let (_, col) = doc.position(body, body.find("abc").unwrap()).unwrap();
        assert_eq!(col, 7);
    }
}
