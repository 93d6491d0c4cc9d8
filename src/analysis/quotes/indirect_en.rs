//! Stage 1b, English: indirect quotes (speech verb + that or a bare clause,
//! "according to X", postposed cues as in "…, the agency said.").

use super::*;
use crate::analysis::lexicon;

/// Indirect speech: "he said (that) …", "according to X, …", "…, X said.".
pub(super) fn english(doc: &Doc, out: &mut Vec<Found>) {
    let n = doc.toks.len();
    let taken: Vec<Span> = out.iter().map(|f| f.span).collect();
    let overlaps = |s: Span| taken.iter().any(|t| t.overlaps(s));
    // the last cue's subject, with its sentence
    let mut last: Option<(u32, mentions::Mention)> = None;
    let mut k = 0;
    while k < n {
        if doc.info[k].region.is_some() {
            k += 1;
            continue;
        }
        // selon X, CLAUSE / CLAUSE, selon X / …, selon X, CLAUSE,
        if let Some((cue, e, m)) = sources::according(doc, k) {
            if let Some(span) = according_content(doc, k, e)
                && !overlaps(span)
            {
                out.push(Found {
                    span,
                    kind: QuoteKind::Indirect,
                    mention: Some(m),
                    cue: Some(cue),
                    chain: None,
                });
            }
            k = e + 1;
            continue;
        }
        let Some(e) = doc.cue_at(k) else {
            k += 1;
            continue;
        };
        // "…, estimant que …": the gerund's subject is the sentence's speaker
        if doc.info[k].cue == Some(Form::Gerund)
            && k > 0
            && doc.t(k - 1) == ","
            && doc.is(k + 1, &["que", "qu'", "qu’", "that"])
            && let Some(m) = sentence_speaker(doc, k)
        {
            let s = k + 2;
            let endt = clause_end(doc, s);
            if endt > s + 1 {
                let span = marks::trim(
                    doc.text,
                    doc.toks[s].span.start,
                    doc.toks[endt - 1].span.end,
                );
                if !overlaps(span) {
                    out.push(Found {
                        span,
                        kind: QuoteKind::Indirect,
                        mention: Some(m),
                        cue: Some(doc.toks[k].span),
                        chain: None,
                    });
                    k = endt;
                    continue;
                }
            }
        }
        if matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive)) && !doc.info[k].aux {
            k += 1;
            continue;
        }
        // "a claim that", "his promise that": a noun, not a verb
        if doc.lang == Lang::En
            && k > 0
            && doc.is(
                k - 1,
                &[
                    "a", "an", "the", "his", "her", "their", "its", "this", "that", "our", "my",
                    "your", "whose",
                ],
            )
        {
            k += 1;
            continue;
        }
        // "CLAUSE, the agency said." / "CLAUSE, a indiqué le ministre."
        if let Some((span, mention)) = postposed(doc, k, e)
            && !overlaps(span)
        {
            out.push(Found {
                span,
                kind: QuoteKind::Indirect,
                mention: Some(mention),
                cue: Some(Span::new(doc.toks[k].span.start, doc.toks[e].span.end)),
                chain: None,
            });
            k = e + 1;
            continue;
        }
        // the complement: skip a short adjunct (lundi, au quotidien Le Monde, to reporters)
        let mut j = e + 1;
        let limit = (e + 9).min(doc.sentence_end(k));
        let mut start = None;
        let mut inverted_mention = None;
        if let Some((m, ie)) = sources::inverted(doc, k) {
            inverted_mention = Some(m);
            j = ie + 1;
        }
        while j < limit && doc.info[j].region.is_none() {
            if doc.is(j, &["que", "qu'", "qu’", "that"]) {
                start = Some(j + 1);
                break;
            }
            if doc.punct(j) && !matches!(doc.t(j), "'" | "’") {
                break;
            }
            j += 1;
        }
        if start.is_none() && doc.lang == Lang::En && doc.is(k, lexicon::EN_BARE_CLAUSE) {
            start = bare_clause(doc, k, e + 1);
        }
        if let Some(s) = start
            && s < n
            && doc.info[s].region.is_none()
        {
            let endt = clause_end(doc, s);
            if endt > s {
                let span = marks::trim(
                    doc.text,
                    doc.toks[s].span.start,
                    doc.toks[endt - 1].span.end,
                );
                let words = count_words(doc, s, endt);
                if words >= 2 && !overlaps(span) {
                    // "… but added that": the subject of the previous cue
                    let coordinated = || {
                        let mut b = k;
                        while b > 0 && doc.is_adverb(b - 1) {
                            b -= 1;
                        }
                        if b > 0 && doc.is(b - 1, &["and", "but", "et", "mais", "puis"]) {
                            last.filter(|l: &(u32, mentions::Mention)| l.0 == doc.sent_of[k])
                                .map(|l| l.1)
                        } else {
                            None
                        }
                    };
                    let mention = inverted_mention
                        .or_else(|| sources::subject_left(doc, k))
                        .or_else(coordinated);
                    if let Some(m) = mention {
                        last = Some((doc.sent_of[k], m));
                        out.push(Found {
                            span,
                            kind: QuoteKind::Indirect,
                            mention,
                            cue: Some(Span::new(doc.toks[k].span.start, doc.toks[e].span.end)),
                            chain: None,
                        });
                        k = endt;
                        continue;
                    }
                }
            }
        }
        k = e + 1;
    }
}

/// Reported words before a comma and a cue ending the sentence:
/// "The river peaked early on Sunday, the Environment Agency said."
fn postposed(doc: &Doc, k: usize, e: usize) -> Option<(Span, mentions::Mention)> {
    let ss = doc.sentence_start(k);
    let se = doc.sentence_end(k);
    if doc.info[k].cue != Some(Form::Finite) && !doc.info[k].aux {
        return None;
    }
    let (m, comma, after) = if k > ss + 3 && doc.t(k - 1) == "," {
        // verb first: "…, said Tom Castleford", "…, estime-t-elle"
        if let Some((m, ie)) = sources::inverted(doc, k) {
            (m, k - 1, ie + 1)
        } else {
            let (m, end) = sources::subject_right(doc, e + 1)?;
            (m, k - 1, end)
        }
    } else {
        let m = sources::subject_left(doc, k)?;
        let mut a = doc.tok_at(m.span.start);
        // ", the Port of Rotterdam Authority said"
        while a > ss && doc.is(a - 1, &["the", "le", "la", "les", "l'", "l’", "a", "an"]) {
            a -= 1;
        }
        // (the words before the comma are counted below)
        if a <= ss + 1 || doc.t(a - 1) != "," {
            return None;
        }
        (m, a - 1, e + 1)
    };
    if m.kind == mentions::Kind::FirstPerson {
        return None;
    }
    // the cue ends the sentence or opens a comma clause
    let mut t = after;
    while t < se
        && (doc.is_adverb(t) || doc.is(t, &["on", "in", "at", "to"]) || doc.is_date(t))
        && t < after + 3
    {
        t += 1;
    }
    if t < se && !matches!(doc.t(t), "." | "," | "!" | "?" | ";") {
        return None;
    }
    // "The average weekly benefit, it says, would be $300": a cue set in
    // the middle of the clause it reports, which resumes with its verb
    // after the incise; the report is the whole clause, incise inside it
    let resumes = doc.lang == Lang::En
        && t + 1 < se
        && doc.t(t) == ","
        && doc.is(t + 1, EN_CLAUSE_VERBS)
        && (ss + 1..comma).all(|x| !doc.is(x, EN_CLAUSE_VERBS));
    let end = if resumes {
        clause_end(doc, t + 1)
    } else {
        comma
    };
    let resumed = if resumes { t + 1..end } else { end..end };
    if (ss + 1..comma).chain(resumed).any(|x| {
        doc.info[x].region.is_some()
            || doc
                .cue_at(x)
                .is_some_and(|_| doc.info[x].cue == Some(Form::Finite))
    }) {
        return None;
    }
    if count_words(doc, ss, end) < 4 {
        return None;
    }
    Some((
        marks::trim(
            doc.text,
            doc.toks[ss].span.start,
            doc.toks[end - 1].span.end,
        ),
        m,
    ))
}

/// Auxiliaries, modals and copulas that carry an English clause's verb: a
/// clause resuming with one after an incise is the one the incise reports.
const EN_CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "would", "will", "could", "can", "should", "may", "might", "must",
    "has", "have", "had", "does", "did", "remains", "remained",
];

/// English bare complement clause after a verb: "said the deal was off",
/// "told reporters the deal was off", "said Tuesday he would".
pub(super) fn bare_clause(doc: &Doc, verb: usize, mut j: usize) -> Option<usize> {
    let n = doc.toks.len();
    // the object of "told": a pronoun, a name or a short noun phrase
    if doc.is(verb, &["told", "tells", "tell", "telling"]) && j < n {
        if doc.is(j, &["the", "a", "an", "his", "her", "their"]) {
            j += 2;
        } else if doc.info[j].cap
            || doc.is(
                j,
                &[
                    "reporters",
                    "me",
                    "us",
                    "him",
                    "her",
                    "them",
                    "supporters",
                    "journalists",
                ],
            )
        {
            j += 1;
        }
    }
    // "said Tuesday", "said on Monday", "said last week": a time, not a clause
    if j < n
        && (doc.is_date(j)
            || doc.is(
                j,
                &[
                    "yesterday",
                    "today",
                    "on",
                    "in",
                    "at",
                    "last",
                    "earlier",
                    "later",
                ],
            ))
    {
        return None;
    }
    if j >= n || doc.punct(j) || doc.info[j].region.is_some() {
        return None;
    }
    // a clause starts with a subject-like word and has a finite verb soon
    // (not "said goodbye", "told the story")
    let subject_like = !doc.is(
        j,
        &[
            "to",
            "so",
            "in",
            "on",
            "at",
            "for",
            "with",
            "about",
            "of",
            "from",
            "by",
            "as",
            "goodbye",
            "yes",
            "no",
            "nothing",
            "something",
            "hello",
            "thanks",
        ],
    ) || doc.is(
        j,
        &[
            "he", "she", "they", "it", "i", "we", "you", "there", "this", "the", "his", "her",
            "their", "its", "a", "an", "some", "many", "most", "all", "no", "any", "smaller",
            "larger",
        ],
    ) || doc.info[j].cap
        || doc.toks[j].kind == TokenKind::Number;
    let end = (j + 16).min(n);
    let has_verb = (j + 1..end)
        .take_while(|&x| !doc.punct(x) || doc.is(x, &[","]))
        .any(|x| {
            doc.is(
                x,
                &[
                    "is", "was", "are", "were", "will", "would", "could", "should", "can", "has",
                    "had", "have", "did", "does", "do", "might", "must", "may", "remained",
                    "remains",
                ],
            )
        });
    (subject_like && has_verb).then_some(j)
}

/// End (exclusive token index) of the clause starting at `s`: the sentence
/// end, without final punctuation, stopping before a quote mark.
fn clause_end(doc: &Doc, s: usize) -> usize {
    let end = doc.sentence_end(s);
    let mut e = s;
    while e < end {
        // a quoted name inside the clause belongs to it ("its flagship the “Nordic Aurora”")
        if let Some(r) = doc.info[e].region {
            let mut x = e;
            while x < end && doc.info[x].region == Some(r) {
                x += 1;
            }
            if count_words(doc, e, x) > 4 {
                break;
            }
            e = x;
            continue;
        }
        // the reporter's words resume: "…, sans en préciser le montant", "… but declined"
        if doc.is(e, &["but", "mais"])
            && e > s + 2
            && !doc.is(e + 1, &["que", "qu'", "qu’", "that"])
            || doc.t(e) == ","
                && e + 1 < end
                && (doc.is(
                    e + 1,
                    &[
                        "sans",
                        "avant",
                        "adding",
                        "ajoutant",
                        "saying",
                        "estimant",
                        "précisant",
                        "according",
                        "selon",
                    ],
                ) || doc.info[e + 1].cue == Some(Form::Gerund))
        {
            break;
        }
        e += 1;
    }
    while e > s && doc.punct(e - 1) {
        e -= 1;
    }
    e
}

/// The words "selon X" reports: the clause around it, bounded by commas.
fn according_content(doc: &Doc, k: usize, e: usize) -> Option<Span> {
    let ss = doc.sentence_start(k);
    let se = doc.sentence_end(k);
    let before_comma = k > ss && doc.t(k - 1) == ",";
    let at_start = k == ss;
    let after_comma = e + 1 < se && doc.t(e + 1) == ",";
    // "…, selon la société Alpstein Capital, qui a mené le tour" ends the clause too
    let after_end = e + 1 >= se
        || matches!(doc.t(e + 1), "." | "!" | "?")
        || after_comma && doc.is(e + 2, &["qui", "who", "which", "dont", "où"]);
    let after_comma = after_comma && !after_end;
    let (a, b) = if (at_start || before_comma) && after_comma {
        // "Selon X, CLAUSE." or "…, selon X, CLAUSE, …"
        let mut a = e + 2;
        // "According to Priya Raman, a semiconductor analyst at Westbrook, CLAUSE."
        if doc.lang == Lang::En
            && doc.is(a, &["a", "an", "the"])
            && let Some(c) = (a + 1..(a + 15).min(se)).find(|&x| doc.t(x) == ",")
        {
            a = c + 1;
        }
        let mut b = a;
        while b < se && doc.info[b].region.is_none() && !(before_comma && doc.t(b) == ",") {
            b += 1;
        }
        (a, b)
    } else if before_comma && after_end {
        // "CLAUSE, selon X."
        (ss, k - 1)
    } else {
        return None;
    };
    let mut b = b;
    while b > a && doc.punct(b - 1) {
        b -= 1;
    }
    if b <= a || count_words(doc, a, b) < 2 || (a..b).any(|x| doc.info[x].region.is_some()) {
        return None;
    }
    Some(marks::trim(
        doc.text,
        doc.toks[a].span.start,
        doc.toks[b - 1].span.end,
    ))
}
