//! Quotation marks: pairs them into top-level quoted regions.
//!
//! « », “ ”, „ “ and straight " are quote pairs; ‘ ’ and ‹ › only nest
//! inside them (a lone ’ is an apostrophe far more often than a quote).
//! A paragraph that reopens a quote without the previous one closing
//! continues it: each paragraph gives its own region, linked to the one
//! before.

use crate::analysis::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the end of the paragraph
    /// content when the quote is continued in the next paragraph).
    pub close_end: usize,
    /// The quoted words, trimmed, without marks.
    pub content: Span,
    /// Closed by a mark (false for a paragraph continued in the next one).
    pub closed: bool,
    /// Continues the region before it (a reopened paragraph).
    pub reopens: bool,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Trims spaces (including no-break ones) from both ends of a byte range.
pub fn trim(text: &str, mut s: usize, mut e: usize) -> Span {
    while s < e {
        let c = text[s..].chars().next().unwrap_or(' ');
        if !is_space(c) {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = text[..e].chars().next_back().unwrap_or(' ');
        if !is_space(c) {
            break;
        }
        e -= c.len_utf8();
    }
    Span::new(s, e)
}

/// Whether the gap between two byte offsets holds a paragraph break.
pub fn paragraph_break(text: &str, from: usize, to: usize) -> bool {
    text[from..to].matches('\n').count() >= 2
}

/// Pairs the marks of `text` into top-level regions, in text order.
pub fn scan(text: &str) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    // (mark, byte offset of the mark, content start)
    let mut stack: Vec<(char, usize, usize)> = Vec::new();
    let mut reopens = false;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut newlines = 0usize;
    let mut last_text_end = 0usize;
    while pos < bytes.len() {
        let b = bytes[pos];
        // Most characters: ASCII, not a mark nor a line break, not opening a
        // line: text or a space, read without decoding (below, what the
        // loop does with them).
        if b < 0x80 && b != b'"' && b != b'\n' && newlines == 0 {
            let c = char::from(b);
            if !is_space(c) {
                last_text_end = pos + 1;
            }
            prev = Some(c);
            pos += 1;
            continue;
        }
        let i = pos;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        pos = after;
        let next = text[after..].chars().next();
        if c == '\n' {
            newlines += 1;
            prev = Some(c);
            continue;
        }
        if is_space(c) {
            prev = Some(c);
            continue;
        }
        // a paragraph: a blank line, or a line break before a capital or a mark
        let new_paragraph =
            newlines >= 2 || newlines == 1 && (c.is_uppercase() || "«“\"„".contains(c));
        if new_paragraph {
            // a new paragraph: an open quote continues only if this paragraph reopens it
            if let Some(&(m, o, cs)) = stack.first() {
                let reopen = matches!(
                    (m, c),
                    ('«', '«')
                        | ('«', '»')
                        | ('“', '“')
                        | ('"', '"')
                        | ('„', '„')
                        | ('“', '"')
                        | ('"', '“')
                );
                stack.clear();
                if reopen {
                    out.push(Region {
                        open: o,
                        close_end: last_text_end,
                        content: trim(text, cs, last_text_end),
                        closed: false,
                        reopens,
                    });
                    reopens = true;
                    stack.push((c, i, after));
                    newlines = 0;
                    last_text_end = after;
                    prev = Some(c);
                    continue;
                }
                reopens = false;
            }
        }
        newlines = 0;
        if !matches!(c, '«' | '„' | '‹' | '‘' | '“' | '”' | '»' | '›' | '’' | '"') {
            last_text_end = after;
            prev = Some(c);
            continue;
        }
        let opening_context = prev.is_none_or(|p| is_space(p) || "([{—–-/«“„:".contains(p));
        match c {
            '«' | '„' => push(&mut stack, &mut reopens, c, i, after),
            '‹' | '‘' if !stack.is_empty() && opening_context => {
                push(&mut stack, &mut reopens, c, i, after)
            }
            '“' => {
                let attached = prev.is_some_and(|p| !is_space(p));
                let detached_after = next.is_none_or(|n| is_space(n) || ",.;:!?)".contains(n));
                // "“They see that. “" at a line end: a closing mark typed the wrong way
                let line_end = next.is_none_or(|n| n == '\n');
                if stack.last().is_some_and(|&(m, _, _)| m == '„')
                    || ((attached && detached_after || line_end)
                        && stack.iter().any(|&(m, _, _)| m == '“'))
                {
                    let opener = if stack.last().is_some_and(|&(m, _, _)| m == '„') {
                        '„'
                    } else {
                        '“'
                    };
                    close(text, &mut stack, &mut out, &mut reopens, opener, i, after);
                } else {
                    push(&mut stack, &mut reopens, c, i, after)
                }
            }
            // mixed marks: "…” and “…" close each other when nothing else can
            '”' if !stack.iter().any(|&(m, _, _)| m == '“')
                && stack.iter().any(|&(m, _, _)| m == '"') =>
            {
                close(text, &mut stack, &mut out, &mut reopens, '"', i, after)
            }
            '”' => close(text, &mut stack, &mut out, &mut reopens, '“', i, after),
            '"' if !stack.iter().any(|&(m, _, _)| m == '"')
                && stack.iter().any(|&(m, _, _)| m == '“')
                && prev.is_some_and(|p| !is_space(p)) =>
            {
                close(text, &mut stack, &mut out, &mut reopens, '“', i, after)
            }
            '»' => close(text, &mut stack, &mut out, &mut reopens, '«', i, after),
            '›' => close(text, &mut stack, &mut out, &mut reopens, '‹', i, after),
            '’' if stack.iter().any(|&(m, _, _)| m == '‘')
                && !next.is_some_and(char::is_alphanumeric) =>
            {
                close(text, &mut stack, &mut out, &mut reopens, '‘', i, after)
            }
            '"' => {
                if stack.iter().any(|&(m, _, _)| m == '"') {
                    close(text, &mut stack, &mut out, &mut reopens, '"', i, after)
                } else {
                    push(&mut stack, &mut reopens, c, i, after)
                }
            }
            _ => {}
        }
        last_text_end = after;
        prev = Some(c);
    }
    out
}

fn push(
    stack: &mut Vec<(char, usize, usize)>,
    reopens: &mut bool,
    c: char,
    i: usize,
    after: usize,
) {
    if stack.is_empty() {
        *reopens = false;
    }
    stack.push((c, i, after));
}

/// Closes the innermost `opener` on the stack (and anything opened inside
/// it); a top-level close yields a region.
fn close(
    text: &str,
    stack: &mut Vec<(char, usize, usize)>,
    out: &mut Vec<Region>,
    reopens: &mut bool,
    opener: char,
    i: usize,
    after: usize,
) {
    let Some(pos) = stack.iter().rposition(|&(m, _, _)| m == opener) else {
        return;
    };
    let (_, o, cs) = stack[pos];
    stack.truncate(pos);
    if pos == 0 {
        out.push(Region {
            open: o,
            close_end: after,
            content: trim(text, cs, i),
            closed: true,
            reopens: *reopens,
        });
        *reopens = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(t: &str) -> Vec<&str> {
        scan(t).iter().map(|r| r.content.text(t)).collect()
    }

    #[test]
    fn pairs_every_kind_of_mark() {
        assert_eq!(contents("« a b » x"), vec!["a b"]);
        assert_eq!(
            contents("«\u{a0}a\u{a0}» «\u{202f}b\u{202f}» «c»"),
            vec!["a", "b", "c"]
        );
        assert_eq!(
            contents("“a ‘b’ c” and \"d\" „e“"),
            vec!["a ‘b’ c", "d", "e"]
        );
        assert_eq!(
            contents("« il dit ‹ non › et “oui” »"),
            vec!["il dit ‹ non › et “oui”"]
        );
        assert_eq!(
            contents("l’IA, don’t, the Smiths’ album"),
            Vec::<&str>::new()
        );
        assert_eq!(
            contents("“I said ‘don’t’ twice”"),
            vec!["I said ‘don’t’ twice"]
        );
    }

    #[test]
    fn marks_after_line_breaks_and_ascii_text() {
        // a line break before a capital or a mark opens a paragraph; spaces
        // and text between marks move neither
        assert_eq!(contents("« Un\nDeux » \"a\" b\t\"c\""), vec!["a", "c"]);
        assert_eq!(contents("« un\n deux »"), vec!["un\n deux"]);
        assert_eq!(contents("« Un.\n« Deux. »"), vec!["Un.", "Deux."]);
        assert_eq!(contents("x \"a b\" \"c\"d\""), vec!["a b", "c"]);
    }

    #[test]
    fn reopened_paragraphs_link() {
        let t = "« Un.\n\n« Deux.\n\n« Trois. » fin";
        let r = scan(t);
        assert_eq!(contents(t), vec!["Un.", "Deux.", "Trois."]);
        assert_eq!(
            r.iter().map(|r| (r.closed, r.reopens)).collect::<Vec<_>>(),
            vec![(false, false), (false, true), (true, true)]
        );
        // an unclosed quote not reopened is dropped
        assert_eq!(contents("“Un.\n\nDeux. “trois”"), vec!["trois"]);
    }
}
