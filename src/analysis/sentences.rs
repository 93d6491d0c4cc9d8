//! Sentence splitting over tokens.

use super::Span;
use super::tokens::{Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
}

/// The news agencies whose credit a dateline gives in brackets.
pub const AGENCIES: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "ATS",
    "Belga",
    "dpa",
    "DPA",
    "ANSA",
    "EFE",
    "Xinhua",
    "UPI",
    "Bloomberg",
    "Kyodo",
    "Yonhap",
    "TASS",
    "Tass",
    "APS",
    "MAP",
    "PA",
    "CP",
    "Keystone",
];

/// Splits at . ! ? … (with any closing quotes or brackets after them) when the
/// next token starts a new sentence, and always at line breaks: in news a
/// line of its own is a title, a byline, a dateline or a paragraph. A
/// dateline that opens the first paragraph ("PARIS, 3 mars (AFP) -") is a
/// sentence of its own too: it is no part of what the lead sentence says.
pub fn split(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let close = |t: &Token| matches!(t.text(text), "»" | "”" | "\"" | ")" | "’" | "'" | "]");
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut end_here = false;
        let mut last = i;
        if i == first
            && (i == 0 || gap_has_paragraph(text, toks, i - 1))
            && let Some(dash) = dateline_end(text, &toks[i..])
        {
            last = i + dash;
            out.push(Sentence {
                span: Span::new(toks[first].span.start, toks[last].span.end),
                tokens: first..last + 1,
            });
            first = last + 1;
            i = first;
            continue;
        }
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

/// The index of the dash that ends an agency dateline opening `toks`: a
/// capitalised town, maybe its region or the date, the agency in brackets
/// and a dash, on the paragraph's line, with words after it.
fn dateline_end(text: &str, toks: &[Token]) -> Option<usize> {
    // the town, its region and the date take a few words ("LOCARNO
    // (Suisse), 12 août (AFP) –")
    const WITHIN: usize = 12;
    let starts_cap = |t: &Token| t.text(text).chars().next().is_some_and(char::is_uppercase);
    if !toks
        .first()
        .is_some_and(|t| t.kind == TokenKind::Word && starts_cap(t))
    {
        return None;
    }
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let line_break = |k: usize| {
        k > 0 && k < toks.len() && text[toks[k - 1].span.end..toks[k].span.start].contains('\n')
    };
    // "(AFP)", "(AFP/Reuters)" and a dash: the credit, not a region's brackets
    let credit = |open: usize| {
        let close = (open + 2..toks.len().min(open + 5)).find(|&c| word(c) == ")")?;
        let agencies = (open + 1..close).all(|k| AGENCIES.contains(&word(k)) || word(k) == "/");
        let dash = matches!(word(close + 1), "-" | "–" | "—" | "--");
        (agencies && dash).then_some(close + 1)
    };
    let dash = (1..toks.len().min(WITHIN))
        .filter(|&k| word(k) == "(")
        .find_map(credit)?;
    // one line of capitalised names, dates, commas and brackets ("Nov." has
    // its full stop), with words after it
    let plain = toks[..dash].iter().enumerate().all(|(k, t)| match t.kind {
        TokenKind::Word => {
            let w = t.text(text);
            // the view leaves out "mars" and "mai", words too; here a month
            starts_cap(t) || matches!(w, "mars" | "mai") || super::view::DATE_WORDS.contains(&w)
        }
        TokenKind::Number => true,
        TokenKind::Punct => {
            matches!(t.text(text), "," | "-" | "(" | ")" | "/")
                || t.text(text) == "." && k > 0 && toks[k - 1].span.end == t.span.start
        }
        _ => false,
    });
    (plain && dash + 1 < toks.len() && !(1..=dash + 1).any(line_break)).then_some(dash)
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

    #[test]
    fn an_agency_dateline_is_a_sentence_of_its_own() {
        assert_eq!(
            sents(
                "Titre\n\nNEW YORK, Nov. 12 (Reuters) - BlackRock will cut jobs, the company said."
            ),
            vec![
                "Titre",
                "NEW YORK, Nov. 12 (Reuters) -",
                "BlackRock will cut jobs, the company said."
            ]
        );
        assert_eq!(
            sents("PARIS, 3 mars (AFP) – Le gouvernement a annoncé une hausse. Elle vaut 2 %."),
            vec![
                "PARIS, 3 mars (AFP) –",
                "Le gouvernement a annoncé une hausse.",
                "Elle vaut 2 %."
            ]
        );
        // the region in brackets and a date before the credit
        assert_eq!(
            sents("LOCARNO (Suisse), 12 août (AFP) – Le jury a rendu son palmarès samedi."),
            vec![
                "LOCARNO (Suisse), 12 août (AFP) –",
                "Le jury a rendu son palmarès samedi."
            ]
        );
        // no agency, or not at a paragraph's start: an ordinary sentence
        assert_eq!(
            sents("Le Monde (Paris) - un titre. Il dit (AFP) - rien."),
            vec!["Le Monde (Paris) - un titre.", "Il dit (AFP) - rien."]
        );
        // a sentence that names an agency is no dateline
        assert_eq!(
            sents("Selon une source (AFP) - rien de plus. Fin."),
            vec!["Selon une source (AFP) - rien de plus.", "Fin."]
        );
    }
}
