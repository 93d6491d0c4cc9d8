//! Plain text: the first non-empty line is the title, blank lines separate
//! paragraphs, single line breaks inside a paragraph are joined.
//!
//! Agency copy often repeats the title on the next line as a photo caption
//! followed by the credit ("… rattraper leur retard AFP"): that line gives
//! `credit` and is not body.

use std::path::Path;

use anyhow::bail;

use super::plain_paragraphs;
use crate::article::{Article, sanitise::sanitise};

/// A credit longer than this is more likely a sentence than an agency name.
const MAX_CREDIT_CHARS: usize = 40;

pub fn parse(path: &Path, text: &str) -> anyhow::Result<Article> {
    let text = sanitise(text);
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).peekable();
    let Some(title) = lines.next().map(|l| collapse(l.trim())) else {
        bail!("empty file");
    };
    // the caption line must follow the title directly (same paragraph)
    let mut credit = None;
    if let Some(next) = lines.peek()
        && let Some(c) = caption_credit(&title, next)
    {
        credit = c;
        lines.next();
    }
    let rest: Vec<&str> = lines.collect();
    let body = plain_paragraphs(&rest.join("\n"));
    if body.is_empty() {
        bail!("no body: only a title line");
    }
    let mut article = Article::new(path.to_path_buf(), title, body);
    article.credit = credit;
    Ok(article)
}

/// `Some(credit)` if `line` is the title repeated, with an optional short
/// credit after it; `None` if it is ordinary text.
fn caption_credit(title: &str, line: &str) -> Option<Option<String>> {
    let line = collapse(line.trim());
    let rest = line.strip_prefix(title)?;
    // the title must end at a word boundary ("Title AFP", not "Titles …")
    if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || "-–—|/(:".contains(c)))
    {
        return None;
    }
    let credit = rest
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—|/(:".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || c == ')')
        .trim_start_matches("Photo")
        .trim_start_matches([' ', ':'])
        .trim();
    if credit.chars().count() > MAX_CREDIT_CHARS {
        return None;
    }
    Some(Some(credit.to_string()).filter(|c| !c.is_empty()))
}

/// Runs of spaces become one, so a caption with doubled spaces still matches.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> anyhow::Result<Article> {
        parse(Path::new("a.txt"), text)
    }

    #[test]
    fn title_caption_credit_and_paragraphs() {
        let a = p(
            "\n\nBig news today\nBig news today AFP\n\nFirst line\njoined here.\n\n\n\nSecond.\n",
        )
        .unwrap();
        assert_eq!(a.title, "Big news today");
        assert_eq!(a.credit.as_deref(), Some("AFP"));
        assert_eq!(a.body, "First line joined here.\n\nSecond.");
    }

    #[test]
    fn dialogue_dashes_start_lines_of_their_own() {
        // issue 13: an interview was joined into one paragraph
        let a = p("Entretien\n\nNous avons rencontré Anne Roy.\n– Pourquoi partir ?\n– Parce que le moment est venu.\nEt je le crois.\n— Et ensuite ?\n- a hyphen inside-a-line stays joined\n").unwrap();
        assert_eq!(
            a.body,
            "Nous avons rencontré Anne Roy.\n\n– Pourquoi partir ?\n\n– Parce que le moment est venu. Et je le crois.\n\n— Et ensuite ? - a hyphen inside-a-line stays joined"
        );
    }

    #[test]
    fn caption_variants() {
        assert_eq!(caption_credit("T x", "T x"), Some(None));
        assert_eq!(
            caption_credit("T x", "T x - Reuters"),
            Some(Some("Reuters".into()))
        );
        assert_eq!(
            caption_credit("T x", "T x (Photo: AP)"),
            Some(Some("AP".into()))
        );
        assert_eq!(caption_credit("T x", "T xylophone"), None);
        assert_eq!(caption_credit("T x", "Other text"), None);
        let long = format!("T x {}", "word ".repeat(20));
        assert_eq!(caption_credit("T x", &long), None);
    }

    #[test]
    fn a_second_line_that_is_text_stays_body() {
        let a = p("Title\nThe story starts here.\nAnd goes on.").unwrap();
        assert_eq!(a.credit, None);
        assert_eq!(a.body, "The story starts here. And goes on.");
    }

    #[test]
    fn title_only_is_refused() {
        assert_eq!(
            p("Just a title\n\n").unwrap_err().to_string(),
            "no body: only a title line"
        );
    }

    #[test]
    fn text_is_sanitised() {
        let a = p("Ti\x1b[31mtle\r\n\r\nBo\x07dy\tend").unwrap();
        assert_eq!(a.title, "Title");
        assert_eq!(a.body, "Body    end");
    }
}
