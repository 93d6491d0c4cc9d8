//! Cues around a quote: what introduces it on the left, what attributes it
//! on the right, incises inside it.

use super::*;
use crate::analysis::people::phrases;

/// What precedes a quote: an introducing cue ("X a déclaré :", "he said,",
/// "selon X,") and whether the quote starts a clause there.
pub(super) fn left_context(doc: &Doc, open: usize) -> Left {
    if open == 0 {
        return Left::Clause(None);
    }
    let p = open - 1;
    // "Elle a résumé la situation :" then the quote in its own paragraph
    if doc.t(p) == ":" && doc.info[p].region.is_none() {
        return Left::Clause(clause_cue(doc, p));
    }
    // a new line before the mark (some sources break paragraphs with one newline)
    let line_break = doc.text[doc.toks[p].span.end..doc.toks[open].span.start].contains('\n');
    if line_break || doc.info[p].region.is_some() {
        // a new paragraph, or right after another quote ("“A,” he said. “B”")
        return Left::Clause(None);
    }
    match doc.t(p) {
        "." | "!" | "?" | "…" | "..." | "(" | "—" | "–" | "-" | ";" | ">" => {
            return Left::Clause(None);
        }
        // an initial or abbreviation ending a sentence: "a racheté X. « … »"
        w if w.len() > 1 && w.ends_with('.') => return Left::Clause(None),
        ":" | "," => {
            // "he said, “…”", "X a déclaré : « … »", "selon X, « … »"
            return match clause_cue(doc, p) {
                // "said that under Obama, “…”": inside indirect speech
                Some(c)
                    if (doc.tok_at(c.cue.end)..p)
                        .any(|x| doc.is(x, &["que", "qu'", "qu’", "that"])) =>
                {
                    Left::That(c)
                }
                Some(c) => Left::Clause(Some(c)),
                None if doc.t(p) == ":" => Left::Clause(None),
                None => Left::Inside,
            };
        }
        _ => {}
    }
    // "a déclaré que « … »", "he said that “…”": a quote inside indirect speech
    if doc.is(p, &["que", "qu'", "qu’", "that"])
        && p > 0
        && let Some(a) = cue_ending_at(doc, p - 1)
    {
        return Left::That(a);
    }
    // "he said “…”"
    if let Some(a) = cue_ending_at(doc, p) {
        return Left::Verb(a);
    }
    Left::Inside
}

pub(super) fn left_attribution(l: Left) -> Option<Attribution> {
    match l {
        Left::Clause(c) => c,
        Left::Verb(a) | Left::That(a) => Some(a),
        Left::Inside => None,
    }
}

/// What precedes a quote.
#[derive(Debug, Clone, Copy)]
pub(super) enum Left {
    /// The quote starts a clause (sentence start, colon, cue and comma).
    Clause(Option<Attribution>),
    /// Right after a speech verb, no punctuation.
    Verb(Attribution),
    /// After "que" / "that": quoted words inside indirect speech.
    That(Attribution),
    /// Inside a sentence: a name, a title or a scare quote, unless a cue follows.
    Inside,
}

/// The cue ending at token `e` (its last token), with its subject.
pub(super) fn cue_ending_at(doc: &Doc, e: usize) -> Option<Attribution> {
    // find a verb start v with cue_at(v) == Some(e) (look back over aux/adverbs)
    let lo = e.saturating_sub(4);
    for v in (lo..=e).rev() {
        // "the chant “…”", "his claim “…”": after an article, the word is a noun
        if doc.lang == Lang::En
            && v > 0
            && doc.is(
                v - 1,
                &[
                    "the", "a", "an", "this", "his", "her", "its", "their", "another",
                ],
            )
        {
            continue;
        }
        // ("a fait baisser" is no speech: "faire" only with its completions)
        if doc.cue_at(v) == Some(e)
            || (v == e && doc.info[e].cue == Some(Form::Finite) && !doc.info[e].faire)
        {
            let cue = Span::new(doc.toks[v].span.start, doc.toks[e].span.end);
            if let Some((m, _)) = sources::inverted(doc, v) {
                return Some(Attribution {
                    cue,
                    mention: Some(m),
                });
            }
            // "…, singing “…”": a gerund after a comma has the clause's subject
            // "en répondant « … »": a French gerund too
            let mention = if doc.info[v].cue == Some(Form::Gerund)
                && v > 0
                && (doc.t(v - 1) == "," || doc.lang == Lang::Fr && doc.is(v - 1, &["en"]))
            {
                sources::gerund_subject(doc, v)
            } else {
                sources::subject_left(doc, v)
                    .or_else(|| sources::subject_right(doc, e + 1).map(|(m, _)| m))
            };
            return Some(Attribution { cue, mention });
        }
    }
    None
}

/// Who a body speaks through between tokens `a` and `b`: "Le Rwanda a
/// répondu par la voix du lieutenant-colonel René Ngendahimana", "l'ONG,
/// par la voix de sa porte-parole Anne Roux, a dénoncé".
fn voice(doc: &Doc, a: usize, b: usize) -> Option<mentions::Mention> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let v = (a + 2..b)
        .find(|&x| doc.is(x, &["voix"]) && doc.is(x - 1, &["la"]) && doc.is(x - 2, &["par"]))?;
    if !doc.is(v + 1, &["de", "du", "d'", "d’"]) {
        return None;
    }
    // a name, or a phrase holding one the resolver reads ("de sa
    // porte-parole Anne Roux")
    let (m, end) = sources::subject_right(doc, v + 2)?;
    (m.kind == mentions::Kind::Name
        || (doc.tok_at(m.span.start)..end)
            .any(|x| doc.info[x].entity == Some(crate::analysis::Label::Per)))
    .then_some(m)
}

/// A cue in the clause ending at token `p` (a colon or comma before a quote).
pub(super) fn clause_cue(doc: &Doc, p: usize) -> Option<Attribution> {
    let start = doc.sentence_start(p);
    // "Pour le ministre, « … »", "For Smith, “…”", and after a conjunction
    // ("…, tandis que, pour le président de la Commission, « … »")
    if doc.t(p) == ","
        && let Some(f) = (start..p).rev().take(12).find(|&k| {
            doc.is(k, &["pour", "for"])
                && (k == start
                    || doc.lang == Lang::Fr
                        && doc.is(k - 1, &[",", "que", "qu'", "qu’", "et", "mais"]))
        })
        && let Some((m, end)) = sources::subject_right(doc, f + 1)
        && end == p
        && (m.kind != mentions::Kind::Phrase || mentions::is_role(doc, m.head))
        && m.kind != mentions::Kind::FirstPerson
    {
        return Some(Attribution {
            cue: doc.toks[f].span,
            mention: Some(m),
        });
    }
    let mut k = p;
    // "selon X," / "according to X,"
    let mut best: Option<Attribution> = None;
    // not into an opening participial clause ("N'ayant pas apprécié la
    // fakenews de BFMTV affirmant …, il a rétabli la vérité :")
    let start = if phrases::opens_on_participle(doc, start) {
        phrases::clause_head(doc, start).min(p)
    } else {
        start
    };
    while k > start {
        k -= 1;
        if doc.info[k].region.is_some() {
            break;
        }
        if let Some(a) = sources::according(doc, k)
            && a.1 + 1 >= p
        {
            return Some(Attribution {
                cue: a.0,
                mention: Some(a.2),
            });
        }
        if let Some(e) = doc.cue_at(k)
            && e < p
        {
            let cue = Span::new(doc.toks[k].span.start, doc.toks[e].span.end);
            // "telling Reuters, “…”": a gerund's subject is the clause's
            let mention = if doc.info[k].cue == Some(Form::Gerund) {
                sources::gerund_subject(doc, k)
            } else {
                sources::inverted(doc, k)
                    .map(|x| x.0)
                    .or_else(|| sources::subject_left(doc, k))
                    .or_else(|| sources::subject_right(doc, e + 1).map(|x| x.0))
            };
            let mention = voice(doc, start, p).or(mention);
            best = Some(Attribution { cue, mention });
            break;
        }
    }
    if best.is_none() && doc.t(p) == ":" {
        // "la nouvelle est accueillie avec soulagement par l'ACLU : « … »":
        // the agent of a passive clause ending on the colon
        if let Some(m) = passive_agent(doc, start, p) {
            return Some(Attribution {
                cue: doc.toks[p].span,
                mention: Some(m),
            });
        }
        // "HEADLINE - Jane Doe: “…”", "by the Post's John Roe: “…”": a name
        // just before the colon introduces the quote
        let mut k = p;
        while k > start && doc.info[k - 1].cap && !doc.punct(k - 1) {
            k -= 1;
        }
        // "a posté sur Instagram :", "un tweet à partir de Bruxelles :", "un
        // post à Neymar après Lionel Messi :": a place, a medium or someone
        // else, not the speaker
        const BEFORE: &[&str] = &[
            "sur", "à", "de", "depuis", "dans", "en", "via", "par", "au", "aux", "du", "des",
            "devant", "on", "in", "at", "from", "après", "avant", "avec", "contre", "chez",
            "envers", "after", "before", "with", "against",
        ];
        // ("la décision de la CE :": past the article too)
        let complement = k > start
            && (doc.is(k - 1, BEFORE)
                || k > start + 1
                    && doc.is(k - 1, &["la", "le", "les", "l'", "l’", "the"])
                    && doc.is(k - 2, BEFORE));
        if k < p
            && !complement
            && let Some(m) = sources::first_mention(doc, k, p)
            && m.span.end == doc.toks[p - 1].span.end
        {
            return Some(Attribution {
                cue: doc.toks[p].span,
                mention: Some(m),
            });
        }
        // "Jean Dupont a reçu Marie Martin, qui a tenu à préciser : « … »":
        // a relative clause running to the colon is its antecedent's
        if doc.lang == Lang::Fr
            && let Some(q) = (start + 1..p).rev().find(|&x| doc.is(x, &["qui"]))
            && !(q + 1..p).any(|x| doc.punct(x) || doc.info[x].region.is_some())
            && let Some(m) = sources::antecedent(doc, q, start)
            && m.kind == mentions::Kind::Name
        {
            return Some(Attribution {
                cue: doc.toks[p].span,
                mention: Some(m),
            });
        }
        // "Mr. Smith was blunt: “…”": the clause's first named subject, past
        // an opening phrase ("In a Fox interview, Trump went further: “…”")
        let m = sources::clause_subject(doc, p)?;
        return Some(Attribution {
            cue: doc.toks[p].span,
            mention: Some(m),
        });
    }
    best
}

/// The name after the last "par" of a passive French clause (an
/// auxiliary before it) that runs to the colon at `p`, past a bracketed
/// acronym: "est saluée par l'Union américaine pour les libertés civiles
/// (ACLU) :".
pub(super) fn passive_agent(doc: &Doc, start: usize, p: usize) -> Option<mentions::Mention> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let par = (start..p)
        .rev()
        .find(|&k| doc.is(k, &["par"]) && doc.info[k].region.is_none())?;
    if !(start..par).any(|k| doc.info[k].aux) {
        return None;
    }
    let (m, end) = sources::subject_right(doc, par + 1)?;
    let bracketed = end + 2 < p && doc.t(end) == "(" && doc.t(p - 1) == ")" && end + 3 >= p - 1;
    (m.kind == mentions::Kind::Name && (end == p || bracketed)).then_some(m)
}

/// What follows a quote: a cue ("a-t-il déclaré", "he said", "said X",
/// "– Name, title") and whether the quote ends a clause there.
pub(super) fn right_context(doc: &Doc, after: usize, n: usize) -> (Option<Attribution>, bool) {
    if after >= n {
        return (None, true);
    }
    // a new line after the mark ends the paragraph ("Editor’s note: …"
    // below), unless it holds the credit ("– Name, title")
    // (also on a line of its own after the quote's paragraph: "— Jennifer
    // Psaki, directrice de la communication")
    let credit =
        is_dash(doc, after) && (!doc.gap_paragraph(after - 1) || signature_line(doc, after));
    if !credit && doc.text[doc.toks[after - 1].span.end..doc.toks[after].span.start].contains('\n')
    {
        return (None, true);
    }
    let mut p = after;
    while p < n && matches!(doc.t(p), "," | "." | "!" | "?" | "…" | "..." | ";") {
        p += 1;
    }
    // "… « pour leur contribution » .\n\n— Académie royale des sciences":
    // a signature line credits the quote ending the paragraph above, past
    // its full stop, when no speech verb of its own sentence gives it
    // another ("Des météorologues ajoutent qu'« … » .")
    let signed = p > after
        && p < n
        && is_dash(doc, p)
        && doc.gap_paragraph(p - 1)
        && signature_line(doc, p)
        && !(doc.sentence_start(after - 1)..after)
            .any(|k| doc.info[k].region.is_none() && doc.info[k].cue.is_some());
    let ends = p > after || p >= n || doc.info[p].region.is_some() || doc.gap_paragraph(p - 1);
    // French: after a full stop, a verb belongs to the next sentence ("« … ».
    // Il ajoute que …", "« … ». La direction a confirmé « … »")
    let closed = doc.text[..doc.toks[after - 1].span.start]
        .trim_end()
        .ends_with(['.', '!', '?', '…']);
    if doc.lang == Lang::Fr
        && !signed
        && ((after..p).any(|x| matches!(doc.t(x), "." | "!" | "?"))
            || closed && p < n && doc.info[p].cap)
    {
        return (None, true);
    }
    if p < n && doc.info[p].region.is_none() && (signed || !(p > after && doc.gap_paragraph(p - 1)))
    {
        // "– Name, title"
        if is_dash(doc, p) {
            if let Some((m, e)) = sources::subject_right(doc, p + 1)
                && matches!(m.kind, mentions::Kind::Name)
            {
                // "— X et Y, au nom de la Société des journalistes": the body
                // they sign for
                let m = (e..(e + 12).min(n))
                    .take_while(|&k| doc.info[k].region.is_none() && !doc.gap_paragraph(k - 1))
                    .find(|&k| doc.is(k, &["nom"]) && doc.is(k - 1, &["au"]))
                    .and_then(|k| {
                        let c = k + 1;
                        doc.is(c, &["de", "du", "des", "d'", "d’"])
                            .then(|| sources::subject_right(doc, c + 1))
                            .flatten()
                    })
                    .map_or(m, |(body, _)| body);
                return (
                    Some(Attribution {
                        cue: doc.toks[p].span,
                        mention: Some(m),
                    }),
                    true,
                );
            }
            return (None, true);
        }
        // "“We’ll see,” when asked whether…": a subordinate clause follows
        // the quote, which ends the main one; its verb is no cue
        if p == after && after >= 2 && doc.t(after - 2) == "," && doc.is(p, sources::SUBORDINATORS)
        {
            return (None, true);
        }
        // "“… fees.” Asked if …": a capitalised verb after a full stop opens
        // the next sentence
        let new_sentence = p == after
            && after >= 2
            && matches!(doc.t(after - 2), "." | "!" | "?")
            && doc.info[p].cap
            && doc.info[p].cue.is_some();
        if !new_sentence && let Some(a) = cue_after(doc, p) {
            return (Some(a), true);
        }
    }
    let next_upper = p < n && doc.info[p].cap && p > after;
    (
        None,
        ends || next_upper || (p < n && doc.is(p, &["(", ")"])),
    )
}

fn is_dash(doc: &Doc, k: usize) -> bool {
    matches!(doc.t(k), "—" | "–" | "-" | "―")
}

/// Whether the paragraph opening at token `p` is short, a signature line.
fn signature_line(doc: &Doc, p: usize) -> bool {
    let n = doc.toks.len();
    let mut k = p;
    while k + 1 < n && k < p + 20 && !doc.gap_paragraph(k) {
        k += 1;
    }
    k + 1 >= n || doc.gap_paragraph(k)
}

/// A cue starting at token `p` just after a quote.
pub(super) fn cue_after(doc: &Doc, p: usize) -> Option<Attribution> {
    let n = doc.toks.len();
    // inversion: a-t-il déclaré, dit-il, ajoute-t-elle
    if let Some((m, e)) = sources::inverted(doc, p) {
        return Some(Attribution {
            cue: Span::new(doc.toks[p].span.start, doc.toks[e].span.end),
            mention: Some(m),
        });
    }
    // selon X / according to X
    if let Some((cue, _, m)) = sources::according(doc, p) {
        return Some(Attribution {
            cue,
            mention: Some(m),
        });
    }
    // verb then subject: "a réagi le ministre", "said Smith", "explique Marie Dupont",
    // "s'est félicité le ministre"; after "comme" the object pronoun stands
    // for the quote: "comme l'a lancé un porte-parole, Olivier Goudet"
    let p = if doc.lang == Lang::Fr
        && doc.is(p, &["comme"])
        && doc.is(p + 1, &["l'", "l’", "le"])
        && doc.cue_at(p + 2).is_some()
    {
        p + 2
    } else {
        p
    };
    let p = if doc.lang == Lang::Fr && doc.is(p, &["s'", "s’", "se"]) && doc.cue_at(p + 1).is_some()
    {
        p + 1
    } else {
        p
    };
    if let Some(e) = doc.cue_at(p) {
        let cue = Span::new(doc.toks[p].span.start, doc.toks[e].span.end);
        // "…, garantissant à tout diplômé le droit de …": a participle's
        // subject is never after it; what follows is its object
        let mention = if matches!(doc.info[p].cue, Some(Form::Gerund | Form::Infinitive)) {
            None
        } else {
            sources::subject_right(doc, e + 1).map(|x| x.0)
        };
        return Some(Attribution { cue, mention });
    }
    // subject then verb: "he said", "Flynn, a top Trump surrogate, said", "X told Reuters"
    subject_then_verb(doc, p).or_else(|| {
        // "Senate minority leader Harry Reid told": the verb first, then its subject
        let mut j = p;
        while j < n
            && j < p + 20
            // a short quoted name may sit in it ("wearing “Ted Cruz” pins")
            && (j > p && doc.in_quoted_name(j)
                || doc.info[j].region.is_none()
                    && (!doc.punct(j)
                        || doc.is(j, &["&", ",", "(", ")", "-"])
                        || doc.t(j) == "." && j + 1 < n && doc.t(j + 1) == ","))
            // a subject, not a clause: "host Trevor Noah on Thursday showed" is no cue
            && (!doc.function(j) || doc.is(j, &["of", "for", "and"]))
        {
            if let Some(e) = doc.cue_at(j)
                && !matches!(doc.info[j].cue, Some(Form::Gerund | Form::Infinitive))
            {
                return Some(Attribution {
                    cue: Span::new(doc.toks[j].span.start, doc.toks[e].span.end),
                    mention: sources::subject_left(doc, j),
                });
            }
            j += 1;
        }
        None
    })
}

pub(super) fn subject_then_verb(doc: &Doc, p: usize) -> Option<Attribution> {
    let n = doc.toks.len();
    let (m, mut k) = sources::subject_right(doc, p)?;
    // appositive: ", a top Trump surrogate,"; ", R-Ky.," (a period right
    // before the closing comma ends an abbreviation, not the sentence)
    if k < n && doc.t(k) == "," {
        let mut j = k + 1;
        // a quoted name inside is passed over (", wearing “Ted Cruz” pins,")
        while j < n
            && j < k + 40
            && (doc.in_quoted_name(j)
                || doc.info[j].region.is_none()
                    && doc.t(j) != ","
                    && !matches!(doc.t(j), ";" | ":")
                    && (doc.t(j) != "." || j + 1 < n && doc.t(j + 1) == ","))
        {
            j += 1;
        }
        if j < n && doc.t(j) == "," && doc.info[j].region.is_none() {
            k = j + 1;
        }
    }
    // "Rep. Gwen Moore (D-Wis.) said"
    if k < n && doc.t(k) == "(" {
        let mut j = k + 1;
        while j < n && j < k + 8 && doc.t(j) != ")" {
            j += 1;
        }
        if j < n && doc.t(j) == ")" {
            k = j + 1;
        }
    }
    while k < n && (doc.is_adverb(k) || sources::is_modal(doc, k) || sources::loose_adverb(doc, k))
    {
        k += 1;
    }
    let e = doc.cue_at(k)?;
    if matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive)) {
        return None;
    }
    Some(Attribution {
        cue: Span::new(doc.toks[k].span.start, doc.toks[e].span.end),
        mention: Some(m),
    })
}

/// Splits « A, a-t-il dit, B » at the incise; each piece with the incise's
/// attribution (None when there is no incise).
pub(super) fn split_incise(doc: &Doc, content: Span) -> Vec<(Span, Option<Attribution>)> {
    let a = doc.tok_at(content.start);
    let b = doc.tok_at(content.end);
    let mut k = a;
    while k + 2 < b {
        // "dit-il", "confiait d'ailleurs Hamon en 2010", "dit Jean Roux"
        let incise = if doc.t(k) == "," {
            sources::inverted(doc, k + 1).or_else(|| incise_with_name(doc, k + 1, b))
        } else {
            None
        };
        // the incise ends at a comma or a full stop, a few words on ("en 2010.")
        let close = incise
            .and_then(|(_, e)| (e + 1..(e + 6).min(b)).find(|&x| matches!(doc.t(x), "," | ".")));
        if let (Some((m, e)), Some(c)) = (incise, close) {
            let first = marks::trim(doc.text, content.start, doc.toks[k].span.start);
            let second = marks::trim(doc.text, doc.toks[c].span.end, content.end);
            if !first.is_empty() && !second.is_empty() {
                let att = Attribution {
                    cue: Span::new(doc.toks[k + 1].span.start, doc.toks[e].span.end),
                    mention: Some(m),
                };
                return vec![(first, Some(att)), (second, Some(att))];
            }
        }
        k += 1;
    }
    vec![(content, None)]
}

/// A French incise of a verb and a name inside a quote ("…, dit Jean Roux,
/// …", "…, confiait d'ailleurs Hamon en 2010. …"): the name and the last
/// token of the name.
fn incise_with_name(doc: &Doc, v: usize, b: usize) -> Option<(Mention, usize)> {
    if doc.lang != Lang::Fr || doc.info[v].cap || doc.info[v].cue != Some(Form::Finite) {
        return None;
    }
    let mut a = v + 1;
    while a < b && (doc.is_adverb(a) || doc.is(a, &["d'", "d’", "ailleurs"])) {
        a += 1;
    }
    let mut e = a;
    while e < b && doc.info[e].cap && !doc.punct(e) {
        e += 1;
    }
    (e > a).then(|| (mentions::name_mention(doc, a, e), e - 1))
}
