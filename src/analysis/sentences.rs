//! Sentence splitting over tokens.

use super::Span;
use super::tokens::{Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
}

/// Splits at . ! ? … (with any closing quotes or brackets after them) when the
/// next token starts a new sentence, and always at line breaks: in news a
/// line of its own is a title, a byline, a dateline or a paragraph.
pub fn split(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let close = |t: &Token| matches!(t.text(text), "»" | "”" | "\"" | ")" | "’" | "'" | "]");
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut end_here = false;
        let mut last = i;
        if t.kind == TokenKind::Punct
            && matches!(t.text(text).chars().next(), Some('.' | '!' | '?' | '…'))
        {
            // a straight mark after a space opens the next quote ("reasons.
            // "The…"); attached, it closes this one ("racism."")
            while last + 1 < toks.len()
                && close(&toks[last + 1])
                && !gap_has_paragraph(text, toks, last)
                && !(matches!(toks[last + 1].text(text), "\"" | "'")
                    && toks[last].span.end < toks[last + 1].span.start)
            {
                last += 1;
            }
            end_here = match toks.get(last + 1) {
                None => true,
                Some(next) => {
                    let c = next.text(text).chars().next().unwrap_or(' ');
                    c.is_uppercase() || c.is_numeric() || "«“\"—–-(".contains(c)
                }
            };
        }
        if !end_here && i + 1 < toks.len() && gap_has_paragraph(text, toks, i) {
            end_here = true;
            last = i;
        }
        if end_here || last + 1 == toks.len() {
            out.push(Sentence {
                span: Span::new(toks[first].span.start, toks[last].span.end),
                tokens: first..last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

fn gap_has_paragraph(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|n| text[toks[i].span.end..n.span.start].contains('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn sents(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        split(s, &t).iter().map(|x| x.span.text(s)).collect()
    }

    #[test]
    fn splits_after_closing_quote_and_keeps_abbreviations() {
        assert_eq!(
            sents("« C'est fini. » M. Dupont est parti. Il pleut\n\nNouveau paragraphe"),
            vec![
                "« C'est fini. »",
                "M. Dupont est parti.",
                "Il pleut",
                "Nouveau paragraphe"
            ]
        );
        assert_eq!(
            sents("He left. \"We won.\" She smiled."),
            vec!["He left.", "\"We won.\"", "She smiled."]
        );
        assert_eq!(
            sents("Le titre\nAFP\nLe Dr. Martin est là. Il rit!"),
            vec!["Le titre", "AFP", "Le Dr. Martin est là.", "Il rit!"]
        );
    }
}
