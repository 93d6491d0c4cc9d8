//! Stage 1a: which quoted regions are direct quotes, and the cues around them.

use super::*;

pub(super) fn direct(doc: &Doc, regions: &[marks::Region]) -> Vec<Found> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    // chains of reopened paragraphs
    let mut ri = 0;
    while ri < regions.len() {
        let mut rj = ri + 1;
        while rj < regions.len() && regions[rj].reopens {
            rj += 1;
        }
        let chain = &regions[ri..rj];
        let first = chain[0];
        let last = chain[chain.len() - 1];
        let open_tok = doc.tok_at(first.open);
        let after_tok = doc.tok_at(last.close_end);
        let inner_a = doc.tok_at(first.content.start);
        let words = count_words(doc, inner_a, doc.tok_at(last.content.end));
        let left = left_context(doc, open_tok);
        let right = right_context(doc, after_tok, n);
        let (right_cue, mut right_ok) = right;
        // a quote ending with its own full stop ends its sentence
        right_ok |= last.content.text(doc.text).ends_with(['.', '!', '?', '…']);
        let multi = chain.len() > 1;
        let starts_upper = first
            .content
            .text(doc.text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic());
        // "“…,” Tester said. “Very good.”": a short sentence of its own,
        // right after a quote in the same paragraph, goes on with it
        let follows_quote = out.last().is_some_and(|f: &Found| {
            let a = doc.tok_at(f.span.end).min(n - 1);
            f.span.end <= first.open
                && !doc.text[f.span.end..first.open].contains("\n\n")
                && doc.sent_of[open_tok] <= doc.sent_of[a] + 2
        });
        let own_sentence =
            starts_upper && right_ok && last.content.text(doc.text).ends_with(['.', '!', '?', '…']);
        let mut kind = QuoteKind::Direct;
        let (left_cue, mut is_speech) = match left {
            _ if first.content.is_empty() => (None, false),
            _ if multi => (left_attribution(left), true),
            Left::Clause(c) => (
                c,
                right_ok && (c.is_some() || right_cue.is_some() || (words >= 3 && starts_upper))
                    || c.is_none() && own_sentence && follows_quote
                    || c.is_some()
                        && words >= 2
                        && (right_ok || open_tok == 0 || doc.t(open_tok - 1) == ":")
                    || right_cue.is_some() && (words >= 2 || starts_upper),
            ),
            Left::Verb(a) => (Some(a), right_ok && (words >= 2 || starts_upper)),
            Left::That(a) => {
                kind = QuoteKind::Indirect;
                (Some(a), right_ok)
            }
            Left::Inside => (None, false),
        };
        // "named “Game of Thrones” and…", "the slogan “Make America Great
        // Again.”": a short capitalised phrase with no cue after it is a title
        if is_speech && !multi && right_cue.is_none() && title_like(doc, inner_a, last.content.end)
        {
            is_speech = false;
        }
        // "“Yes to minaret ban” (2009)", "“…” (campaign poster, 2003)": a dated
        // work or poster, not words spoken
        if is_speech && right_cue.is_none() && dated_after(doc, after_tok) {
            is_speech = false;
        }
        if is_speech {
            let att = right_cue.or(left_cue);
            for r in chain {
                for (span, inc) in split_incise(doc, r.content) {
                    let a = inc.or(att);
                    out.push(Found {
                        span,
                        kind,
                        mention: a.and_then(|a| a.mention),
                        cue: a.map(|a| a.cue),
                        chain: if multi { Some(ri) } else { None },
                    });
                }
            }
        }
        ri = rj;
    }
    out
}

/// Whether the words from token `a` to byte `end` read as a title: three to
/// six words, each capitalised but for short function words ("Game of
/// Thrones", "Peace Through Strength"), and no exclamation or question
/// (a chant or a cry). Two capitalised words are as often a short cry
/// ("Dump Trump.") as a name.
pub(super) fn title_like(doc: &Doc, a: usize, end: usize) -> bool {
    let mut caps = 0;
    let mut words = 0;
    let mut stop = false;
    let mut k = a;
    while k < doc.toks.len() && doc.toks[k].span.start < end {
        let w = doc.t(k);
        if doc.punct(k) {
            if matches!(w, "!" | "?" | ":" | ";") {
                return false;
            }
            stop |= matches!(w, "." | "…" | "...");
        } else if stop {
            // two sentences ("The Donald. Big Daddy."): speech
            return false;
        } else if doc.info[k].cap {
            caps += 1;
            words += 1;
        } else if w.len() <= 4 && (doc.function(k) || doc.det(k)) {
            words += 1;
        } else {
            return false;
        }
        k += 1;
        if words > 6 {
            return false;
        }
    }
    caps >= 2 && words >= 3
}

/// Whether a parenthesis holding a year (1800–2099) opens at token `p`.
pub(super) fn dated_after(doc: &Doc, p: usize) -> bool {
    let n = doc.toks.len();
    if p >= n || doc.t(p) != "(" {
        return false;
    }
    (p + 1..n.min(p + 12))
        .take_while(|&k| doc.t(k) != ")")
        .any(|k| {
            let w = doc.t(k);
            w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
        })
}

pub(super) fn count_words(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b.min(doc.toks.len()))
        .filter(|&k| doc.toks[k].kind != TokenKind::Punct)
        .count()
}
