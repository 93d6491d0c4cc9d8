//! Stage 3: the choice. Each found quote carries its cue and candidate
//! source; this resolves them to people, and gives quotes without a source
//! the speaker of the sentence before or of the previous quote.

use super::*;
use crate::analysis::people::mentions::is_det;
use crate::analysis::people::phrases::clause_head;

/// Speaker name, entity group, speaker mention.
pub(super) type Resolved = (Option<String>, Option<usize>, Option<Span>);

/// Resolves speakers in text order; quotes without a cue continue the
/// previous speaker when they follow it closely.
pub(super) fn attribute(doc: &Doc, found: &[Found], res: &mut Resolver) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    // (end byte of the previous attributed quote, its attribution)
    let mut prev: Option<(usize, Resolved)> = None;
    // attribution of each chain of reopened paragraphs: (chain, attribution, cue)
    let mut chains: Vec<(usize, Resolved, Option<Span>)> = Vec::new();
    for f in found {
        let (r, cue): (Resolved, Option<Span>) = if let Some(m) = f.mention {
            let (s, g) = res.resolve(doc, &m);
            ((s, g, Some(m.span)), f.cue)
        } else if let Some(c) = f.chain.and_then(|c| chains.iter().find(|x| x.0 == c)) {
            (c.1.clone(), c.2)
        } else if f.kind == QuoteKind::Direct {
            // after a sentence without quotes: its cue or its subject introduces the quote
            // ("X said on a call with reporters. “…”", "Le président de l'UVM se montre prudent. « … »")
            if let Some(m) = introducer(doc, f.span.start) {
                let (s, g) = res.resolve(doc, &m);
                ((s, g, Some(m.span)), None)
            } else {
                match &prev {
                    Some((end, r))
                        if close_enough(doc, *end, f.span.start)
                            && !named_subject_other_than(doc, f.span.start, r.0.as_deref())
                            && !narrative_between(doc, *end, f.span.start) =>
                    {
                        (r.clone(), None)
                    }
                    _ => ((None, None, None), f.cue),
                }
            }
        } else {
            ((None, None, None), f.cue)
        };
        if let Some(c) = f.chain
            && !chains.iter().any(|x| x.0 == c)
            && (r.0.is_some() || r.2.is_some())
        {
            chains.push((c, r.clone(), cue));
        }
        // "selon le baromètre YouGov, …": a fact reported from another
        // source breaks the thread; a later quote without cue does not
        // continue either speaker
        let reported = f.kind == QuoteKind::Indirect
            && f.cue.is_some_and(|c| {
                let w = c.text(doc.text).to_lowercase();
                w.starts_with("selon") || w.starts_with("d'après") || w.starts_with("d’après")
            });
        if reported {
            if prev.as_ref().is_some_and(|p| p.1.0 != r.0) {
                prev = None;
            }
        } else if r.0.is_some() || r.2.is_some() {
            prev = Some((f.span.end, r.clone()));
        }
        let (speaker, group, speaker_span) = r;
        out.push(Quote {
            span: f.span,
            kind: f.kind,
            speaker,
            group,
            speaker_span,
            cue_span: cue,
            person: None,
        });
    }
    // a chain attributed by a cue on a later piece: give it to the earlier pieces
    for (q, f) in out.iter_mut().zip(found) {
        if let Some(c) = f.chain
            && let Some(a) = chains.iter().find(|x| x.0 == c)
            && q.speaker.is_none()
            && q.speaker_span.is_none()
        {
            q.speaker = a.1.0.clone();
            q.group = a.1.1;
            q.speaker_span = a.1.2;
        }
    }
    out
}

/// The subject of the sentence just before a quote without cue, when that
/// sentence holds no quote: the subject of its speech verb, else a name
/// opening it.
pub(super) fn introducer(doc: &Doc, start: usize) -> Option<mentions::Mention> {
    let b = doc.tok_at(start).min(doc.toks.len().checked_sub(1)?);
    let mut si = doc.sent_of[b] as usize;
    // the quote's own sentence may begin before its mark (a colon introducer is a cue)
    if doc.sents[si].tokens.start + 1 < b {
        return None;
    }
    if doc.sents[si].tokens.start == b || doc.sents[si].tokens.start + 1 == b {
        si = si.checked_sub(1)?;
    }
    let r = doc.sents[si].tokens.clone();
    if r.clone()
        .all(|k| doc.info[k].region.is_some() || doc.punct(k))
        || r.len() < 3
    {
        return None;
    }
    // at most one paragraph back
    if doc.text[doc.toks[r.end - 1].span.end..start]
        .matches("\n\n")
        .count()
        > 1
    {
        return None;
    }
    for k in r.clone() {
        // "closed the meeting with a promise that …": after an article the
        // word is a noun, not a speech verb
        let noun = doc.lang == Lang::En
            && (k.saturating_sub(2).max(r.start)..k)
                .any(|x| doc.is(x, &["a", "an", "the", "his", "her", "their", "its", "this"]));
        if !noun
            && let Some(e) = doc.cue_at(k)
            && !matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive))
        {
            // a cue with its own content ("said that …") is not an introducer
            if (e + 1..r.end).any(|x| doc.is(x, &["que", "qu'", "qu’", "that"]))
                || bare_clause(doc, k, e + 1).is_some()
            {
                return None;
            }
            return sources::inverted(doc, k)
                .map(|x| x.0)
                .or_else(|| sources::subject_left(doc, k))
                .or_else(|| sources::subject_right(doc, e + 1).map(|x| x.0))
                .filter(|m| m.kind != mentions::Kind::FirstPerson);
        }
    }
    if r.clone().any(|k| doc.info[k].region.is_some()) {
        return None;
    }
    // the subject: a name or pronoun opening the sentence, or a name in
    // apposition to its first phrase ("Le président de l'UVM, Jean-Marc Lhuillier, se montre…")
    // past an opening adverbial ("Vers 9h30, Eric Drouet a appelé …")
    let cs = if doc.lang == Lang::Fr {
        clause_head(doc, r.start).min(r.end)
    } else {
        r.start
    };
    let limit = (cs + 12).min(r.end);
    let mut k = cs;
    while k < limit {
        let m = sources::first_mention(doc, k, limit)?;
        let a = doc.tok_at(m.span.start);
        let b = doc.tok_at(m.span.end);
        let opening = a <= cs + 2 && (cs..a).all(|x| doc.det(x) || mentions::is_title(doc, x));
        let apposition = a > cs
            && doc.t(a - 1) == ","
            && b < r.end
            && doc.t(b) == ","
            && !(cs..a - 1).any(|x| doc.punct(x));
        if m.kind == mentions::Kind::Pronoun && a == cs
            || m.kind == mentions::Kind::Name && (opening || apposition)
        {
            return Some(m);
        }
        k = b.max(k + 1);
    }
    None
}

/// Whether the sentence holding a quote without cue opens on a name other
/// than the previous speaker's ("Le Groupe Centre France … a reçu un mail …
/// dans lequel est écrit « … »"): the quote is then not that speaker's.
fn named_subject_other_than(doc: &Doc, start: usize, prev: Option<&str>) -> bool {
    let b = doc.tok_at(start).min(doc.toks.len().saturating_sub(1));
    let r = doc.sents[doc.sent_of[b] as usize].tokens.clone();
    if b <= r.start + 1 {
        return false;
    }
    let cs = if doc.lang == Lang::Fr {
        clause_head(doc, r.start).min(b)
    } else {
        r.start
    };
    let Some(m) = sources::first_mention(doc, cs, b) else {
        return false;
    };
    if m.kind != mentions::Kind::Name || doc.tok_at(m.span.start) > cs + 2 {
        return false;
    }
    let said = prev.unwrap_or("").to_lowercase();
    !m.span
        .text(doc.text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().count() > 2 && said.contains(&w.to_lowercase()))
}

/// Whether a whole sentence without quotes, opening on a noun phrase (no
/// pronoun), lies between two quotes: the story moved on to another subject.
fn narrative_between(doc: &Doc, prev_end: usize, start: usize) -> bool {
    let last = doc.toks.len().saturating_sub(1);
    let (a, b) = (doc.tok_at(prev_end).min(last), doc.tok_at(start).min(last));
    if a >= b {
        return false;
    }
    let (sa, sb) = (doc.sent_of[a] as usize, doc.sent_of[b] as usize);
    (sa + 1..sb).any(|si| {
        let r = doc.sents[si].tokens.clone();
        r.len() >= 6
            && r.clone().all(|k| doc.info[k].region.is_none())
            && is_det(doc, r.start)
            && !doc.is(r.start, &["ce", "cet", "cette", "ces"])
    })
}

/// A quote without cue continues the previous speaker when it is in the
/// same or the next paragraph, at most two sentences later.
pub(super) fn close_enough(doc: &Doc, prev_end: usize, start: usize) -> bool {
    let gap = &doc.text[prev_end.min(start)..start];
    let paragraphs = gap.matches("\n\n").count();
    if paragraphs > 1 {
        return false;
    }
    let a = doc.tok_at(prev_end);
    let b = doc.tok_at(start);
    let sents = doc
        .sent_of
        .get(b.min(doc.toks.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0) as i64
        - doc
            .sent_of
            .get(a.min(doc.toks.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as i64;
    sents <= 3
}
