//! Stage 2: candidate sources. The mention a cue points to: the subject
//! left of a verb, the subject after an inverted verb or a quote, "selon X",
//! a gerund's or a clause's subject. The noun phrases themselves are read
//! by the people stage ([`phrases`](crate::analysis::people::phrases)).

use crate::analysis::lexicon::Form;
use crate::analysis::names::Gender;
use crate::analysis::people::mentions::*;
pub(crate) use crate::analysis::people::phrases::{
    BE, SUBORDINATORS, clause_subject, first_mention, is_modal, loose_adverb, np_ending_at,
    subject_right,
};
use crate::analysis::people::phrases::{clause_head, name_spanning};
use crate::analysis::view::Doc;
use crate::analysis::{Label, Lang, Span};

/// "selon X" / "d'après X" / "according to X" at token `k`: the cue, the
/// index of X's last token and X ([`phrases::according`]), except that a
/// French pronoun after "que" ("Idriss Déby, qui a rappelé … que selon lui
/// « … »") is the subject of the reporting verb before "que", not whoever
/// was in focus before the sentence.
pub fn according(doc: &Doc, k: usize) -> Option<(Span, usize, Mention)> {
    let (cue, end, m) = crate::analysis::people::phrases::according(doc, k)?;
    if doc.lang != Lang::Fr || m.kind != Kind::Pronoun || k < 2 {
        return Some((cue, end, m));
    }
    let ss = doc.sentence_start(k);
    if k - 1 <= ss || !doc.is(k - 1, &["que", "qu'", "qu’"]) {
        return Some((cue, end, m));
    }
    let reporter = (k.saturating_sub(16).max(ss)..k - 1)
        .rev()
        .take_while(|&x| doc.info[x].region.is_none() && !matches!(doc.t(x), "." | ";" | ":"))
        .find(|&x| doc.cue_at(x).is_some_and(|e| e < k - 1))
        .and_then(|v| subject_left(doc, v))
        .filter(|s| s.kind != Kind::FirstPerson);
    Some((cue, end, reporter.unwrap_or(m)))
}

/// The subject ending just before the cue at `v`: "Musk a déclaré",
/// "la responsable de X, Audrey Herblin-Stoop, a déclaré", "Arthur Mensch,
/// co-fondateur de Mistral, avait déclaré", "sources said".
pub fn subject_left(doc: &Doc, v: usize) -> Option<Mention> {
    let ss = doc.sentence_start(v);
    let mut k = v;
    // "The star then recalled", "the crowd enthusiastically chanted"
    // "had previously said": past the auxiliary too; "X a, quant à lui,
    // dénoncé": past an incidental phrase between commas
    loop {
        if k > ss
            && (doc.is_adverb(k - 1)
                || is_modal(doc, k - 1)
                || loose_adverb(doc, k - 1)
                || doc.info[k - 1].aux)
        {
            k -= 1;
        } else if let Some(c) = incidental_before(doc, k, ss) {
            k = c;
        } else if let Some(c) = circumstance_before(doc, k, ss) {
            k = c;
        } else {
            break;
        }
    }
    if k <= ss {
        return None;
    }
    let mut k = k - 1;
    // "Prisca Thevenot l'a confirmé", "elle le répète": past an object clitic
    if doc.lang == Lang::Fr
        && k > ss
        && doc.is(
            k,
            &["l'", "l’", "le", "la", "les", "lui", "leur", "y", "en"],
        )
    {
        k -= 1;
    }
    // "Barroso se dit", "elle s'est dite": past the reflexive; opening the
    // sentence ("Se disant « confiant », le conseil a estimé"), it has no
    // subject before it
    if doc.lang == Lang::Fr && doc.is(k, &["se", "s'", "s’"]) {
        if k == ss {
            return None;
        }
        k -= 1;
    }
    // "Obama, qui estimait": the relative's antecedent
    if doc.lang == Lang::Fr && k > ss && doc.is(k, &["qui"]) {
        return antecedent(doc, k, ss);
    }
    // "Trump was asked": a passive; its subject is spoken to
    if doc.lang == Lang::En && doc.is(k, BE) {
        return None;
    }
    // "Trump called on her to resign and said", "n'a pas précisé …, mais a
    // annoncé": the clause's subject
    if doc.is(k, &["and", "et", "mais", "puis"]) {
        return clause_subject(doc, k);
    }
    // "Rep. Jason Chaffetz (R-Utah) said": past the parenthesis
    if doc.t(k) == ")"
        && let Some(o) = (ss.max(k.saturating_sub(8))..k)
            .rev()
            .find(|&x| doc.t(x) == "(")
        && o > ss
    {
        k = o - 1;
    }
    if doc.info[k].region.is_some() {
        return None;
    }
    if let Some((kind, g, pl)) = pronoun(doc, k) {
        return Some(mention(doc, k, k + 1, kind, g, pl, k));
    }
    // "Some chanted", "Many said": a quantifier standing for people
    if doc.is(k, &["some", "many", "others", "several", "most", "both"])
        && (k == ss || doc.punct(k - 1) || doc.function(k - 1))
    {
        return Some(mention(doc, k, k + 1, Kind::Phrase, None, true, k));
    }
    if doc.t(k) == "," {
        // the chunk between this comma and the one before
        let mut b0 = k;
        while b0 > ss
            && (doc.in_quoted_name(b0 - 1)
                || doc.t(b0 - 1) != ","
                    && doc.info[b0 - 1].region.is_none()
                    && !matches!(doc.t(b0 - 1), ":" | ";" | "(" | ")"))
        {
            b0 -= 1;
        }
        if b0 < k {
            if let Some((na, nb)) = name_spanning(doc, b0, k) {
                return Some(name_mention(doc, na, nb));
            }
            // "Brian Teefey, beau-père de la chanteuse Selena Gomez, qui a
            // été son manager, a ouvert": past a relative and appositions,
            // the name opening the clause
            if doc.lang == Lang::Fr
                && doc.is(b0, &["qui"])
                && b0 > ss + 2
                && doc.t(b0 - 1) == ","
                // the chunk before the relative is an apposition, not a name
                && (ss..b0 - 1).rev().find(|&x| doc.t(x) == ",").is_some_and(|c| {
                    c + 1 < b0 - 1 && is_word(doc, c + 1) && !doc.info[c + 1].cap
                })
                && let Some((m, end)) = subject_right(doc, clause_head(doc, ss))
                && m.kind == Kind::Name
                && end < b0
                && doc.t(end) == ","
            {
                return Some(m);
            }
            // "Le manager de Manchester United, José Mourinho, qui a dépensé
            // … pour signer Paul Pogba, et …, a déclaré": the antecedent of
            // the relative clause running up to the verb
            if doc.lang == Lang::Fr
                && let Some(q) = (ss + 2..b0)
                    .rev()
                    .find(|&x| doc.is(x, &["qui"]) && doc.t(x - 1) == ",")
                && !(q..k).any(|x| {
                    doc.info[x].region.is_some() || matches!(doc.t(x), ":" | ";" | "(" | ")")
                })
                && let Some(m) = np_ending_at(doc, q - 2, ss).filter(|m| m.kind == Kind::Name)
            {
                return Some(m);
            }
            // "Vers 23h56, le président américain Donald Trump, a commenté":
            // a stray comma between the subject and its verb
            // (not an apposition: "Mary Lou McDonald, chef du parti Sinn
            // Féin, a déclaré", "Maxime Nicolle, alias Fly Rider, commente")
            if doc.lang == Lang::Fr
                && (is_det(doc, b0) || doc.info[b0].cap)
                && !(b0 >= ss + 2 && doc.info[b0 - 2].cap)
                && let Some((m, end)) = subject_right(doc, b0)
                && end == k
                && m.kind == Kind::Name
            {
                return Some(m);
            }
            if b0 > ss + 1 && doc.t(b0 - 1) == "," {
                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
                let mut e = b0 - 2;
                if doc.t(e) == ")" {
                    while e > ss && doc.t(e) != "(" {
                        e -= 1;
                    }
                    e = e.checked_sub(1)?;
                }
                return np_ending_at(doc, e, ss);
            }
        }
        return None;
    }
    let m = np_ending_at(doc, k, ss)
        .and_then(|m| past_place(doc, m, ss))
        .and_then(|m| inside_modifier(doc, &m, ss).unwrap_or(Some(m)));
    // "celui qui est considéré comme le chef du groupe avait affirmé": an
    // attribute after a participle and "comme" is not the subject
    if doc.lang == Lang::Fr
        && let Some(m) = &m
        && let a = doc.tok_at(m.span.start)
        && a >= ss + 2
        && doc.is(a - 1, &["comme"])
        && doc.t(a - 2).ends_with(['é', 'e', 's', 't'])
        && doc.t(a - 2).chars().count() > 4
        && !doc.function(a - 2)
    {
        return None;
    }
    // "Barroso, le président de la Commission se dit", "François Ruffin,
    // député La France insoumise a affirmé": the name opening the clause,
    // its apposition left without a closing comma
    // (also when the apposition ends on a name: "Laetitia Dewalle,
    // porte-parole des Gilets jaunes du Val d'Oise affirme")
    let complement = |m: &Mention| {
        let a = doc.tok_at(m.span.start);
        m.kind == Kind::Name
            && a > ss
            && doc.is(
                a - 1,
                &["de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"],
            )
    };
    if doc.lang == Lang::Fr
        && let Some(found) = m.filter(|m| m.kind == Kind::Phrase || complement(m))
    {
        let cs = clause_head(doc, ss);
        if let Some(c) = (cs + 1..k).find(|&x| doc.t(x) == ",")
            && doc.toks[c].span.end <= found.span.start
            && (found.kind == Kind::Phrase || c + 1 < k && !doc.info[c + 1].cap)
            && !(c + 1..k).any(|x| doc.punct(x) || doc.info[x].aux || doc.cue_at(x).is_some())
            && let Some((na, nb)) = name_spanning(doc, cs, c)
        {
            return Some(name_mention(doc, na, nb));
        }
    }
    m
}

/// "Les avocats qui représentent Trump arguent", "Un témoin cité par Le
/// Parisien a estimé": a French name ending a relative clause or an agent
/// phrase is their object, not the subject of the verb after them; the
/// subject is the noun phrase they complete (a description: no one).
/// `Some(subject)` when the name is such an object, `None` otherwise.
fn inside_modifier(doc: &Doc, m: &Mention, ss: usize) -> Option<Option<Mention>> {
    if doc.lang != Lang::Fr || m.kind != Kind::Name {
        return None;
    }
    let p = with_article(doc, m, ss);
    // "cité par", "analysés par", "interrogée par", "repris par"
    let participle = |x: usize| {
        let w = doc.t(x);
        is_word(doc, x)
            && !doc.info[x].cap
            && !doc.function(x)
            && w.chars().count() > 3
            && ["é", "és", "ée", "ées", "is", "u", "us", "ue", "ues"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    if p >= ss + 3 && doc.is(p - 1, &["par"]) && participle(p - 2) {
        return Some(np_ending_at(doc, p - 3, ss));
    }
    // "qui représentent", "qui ont défendu", "qui ne soutient pas"
    let q = (p.saturating_sub(4).max(ss + 1)..p.saturating_sub(1))
        .rev()
        .find(|&x| doc.is(x, &["qui"]))?;
    if (q + 1..p).any(|x| !is_word(doc, x) || doc.info[x].cap || doc.info[x].region.is_some()) {
        return None;
    }
    Some(np_ending_at(doc, q - 1, ss))
}

/// The first token of mention `m` with the article before it, if any
/// ("l'Union africaine", "le Parisien"), no further back than `ss`.
fn with_article(doc: &Doc, m: &Mention, ss: usize) -> usize {
    let a = doc.tok_at(m.span.start);
    if a > ss && is_det(doc, a - 1) {
        a - 1
    } else {
        a
    }
}

/// A French name right after a preposition other than "de" ("Le chef de
/// l'État en déplacement à Égletons a dit", "le chef de mission de MSF
/// pour la Syrie qui considère") completes the subject, which is the
/// phrase holding it, or the name that phrase stands in apposition to.
fn past_place(doc: &Doc, m: Mention, ss: usize) -> Option<Mention> {
    if doc.lang != Lang::Fr || m.kind != Kind::Name {
        return Some(m);
    }
    let a = doc.tok_at(m.span.start);
    // a person stays ("a écrit à Jean Dupont, qui a répondu")
    if doc.info[a].entity == Some(Label::Per) || given_name(doc.t(a)).is_some() {
        return Some(m);
    }
    let p = with_article(doc, &m, ss);
    const PLACE_PREPOSITIONS: &[&str] = &[
        "à", "au", "aux", "en", "pour", "dans", "sur", "chez", "depuis", "vers",
    ];
    if p <= ss || !doc.is(p - 1, PLACE_PREPOSITIONS) {
        return Some(m);
    }
    // the phrase holding it, back to a comma or the clause's start
    let mut b0 = p - 1;
    while b0 > ss
        && is_word(doc, b0 - 1)
        && doc.info[b0 - 1].region.is_none()
        && !doc.is(b0 - 1, &["qui", "que", "qu'", "qu’", "et"])
        && !doc.info[b0 - 1].aux
        && doc.cue_at(b0 - 1).is_none()
    {
        b0 -= 1;
    }
    b0 = b0.max(clause_head(doc, ss));
    // "Massimiliano Rebaudengo, le chef de mission …": the name it describes
    if b0 > ss + 1
        && doc.t(b0 - 1) == ","
        && let Some(named) = np_ending_at(doc, b0 - 2, ss).filter(|x| x.kind == Kind::Name)
    {
        return Some(named);
    }
    subject_right(doc, b0)
        .map(|(x, _)| x)
        .filter(|x| x.span.start < m.span.start && x.kind != Kind::FirstPerson)
}

/// A French incidental phrase between commas ending just before token `k`
/// (", quant à lui,", ", pour sa part,", ", cependant,"): the index of its
/// opening comma.
fn incidental_before(doc: &Doc, k: usize, ss: usize) -> Option<usize> {
    if doc.lang != Lang::Fr || k < ss + 3 || doc.t(k - 1) != "," {
        return None;
    }
    let c = (k.saturating_sub(6).max(ss)..k - 1)
        .rev()
        .find(|&x| doc.t(x) == ",")?;
    (doc.parenthetical(c + 1) == Some(k - 1) || c + 2 == k - 1 && doc.is_adverb(c + 1)).then_some(c)
}

/// "Le pape François au cours de son enseignement a exhorté": a phrase of
/// time between the subject and its verb, without commas; where it starts.
fn circumstance_before(doc: &Doc, k: usize, ss: usize) -> Option<usize> {
    if doc.lang != Lang::Fr {
        return None;
    }
    // "Le Canard enchaîné de ce 22 mars ajoute", "Le Monde du 3 janvier
    // révèle": a date completing the subject
    // ("mars" and "mai" are no date words elsewhere: a planet, a tree)
    if k >= ss + 3 && (doc.is_date(k - 1) || doc.is(k - 1, &["mars", "mai"])) {
        let mut x = k - 1;
        if doc.t(x - 1).bytes().all(|c| c.is_ascii_digit()) {
            x -= 1;
        }
        if x > ss + 1 && doc.is(x - 1, &["ce", "le"]) {
            x -= 1;
        }
        if x > ss + 1
            && doc.is(x - 1, &["de", "du"])
            && is_word(doc, x - 2)
            && !doc.function(x - 2)
            && !is_det(doc, x - 2)
        {
            return Some(x - 1);
        }
    }
    let x = (k.saturating_sub(8).max(ss + 1)..k)
        .rev()
        .take_while(|&x| doc.info[x].region.is_none() && !doc.punct(x))
        .find(|&x| {
            doc.is(x, &["lors", "pendant", "durant"])
                || doc.is(x, &["au"]) && doc.is(x + 1, &["cours"])
        })?;
    (is_word(doc, x - 1) && !doc.function(x - 1) && !is_det(doc, x - 1)).then_some(x)
}

/// French inversion at `p`: "a-t-il déclaré", "dit-il", "ajoute-t-elle",
/// "ont-ils indiqué", and the typos "a t-il", "a-t'il", "a t'il". Returns
/// the pronoun mention and the last token of the cue.
pub fn inverted(doc: &Doc, p: usize) -> Option<(Mention, usize)> {
    if doc.lang != Lang::Fr || p >= doc.toks.len() {
        return None;
    }
    let n = doc.toks.len();
    let w = doc.t(p);
    let tok = doc.toks[p].span;
    // (verb part end byte, pronoun span, last token index of the verb+pronoun)
    let (verb_end, pron, last) = if let Some((v, pr)) = split_inversion(w) {
        (tok.start + v, Span::new(tok.start + pr, tok.end), p)
    } else if p + 1 < n {
        // "a t-il", "a t'il" (tokens: a, t', il), "a -t-il"
        let nx = doc.t(p + 1);
        let gap_ok = doc.toks[p + 1].span.start - tok.end <= 1;
        if !gap_ok {
            return None;
        }
        if let Some(rest) = nx
            .strip_prefix("t-")
            .or_else(|| nx.strip_prefix("-t-"))
            .or_else(|| nx.strip_prefix("t'"))
            .or_else(|| nx.strip_prefix("t’"))
            .filter(|r| !r.is_empty())
        {
            if is_subject_clitic(rest) {
                let s = doc.toks[p + 1].span;
                (tok.end, Span::new(s.end - rest.len(), s.end), p + 1)
            } else {
                return None;
            }
        } else if (nx == "t'" || nx == "t’") && p + 2 < n && is_subject_clitic(doc.t(p + 2)) {
            (tok.end, doc.toks[p + 2].span, p + 2)
        } else {
            return None;
        }
    } else {
        return None;
    };
    let verb = &doc.text[tok.start..verb_end];
    let lower = verb.to_lowercase();
    let pr = &doc.text[pron.start..pron.end];
    let (g, pl, kind) = match pr.to_lowercase().as_str() {
        "il" => (Some(Gender::Male), false, Kind::Pronoun),
        "elle" => (Some(Gender::Female), false, Kind::Pronoun),
        "ils" => (Some(Gender::Male), true, Kind::Pronoun),
        "elles" => (Some(Gender::Female), true, Kind::Pronoun),
        _ => (None, false, Kind::FirstPerson),
    };
    let m = Mention {
        span: pron,
        kind,
        gender: g,
        plural: pl,
        head: last,
    };
    let cue = crate::analysis::lexicon::lookup(Lang::Fr, &lower);
    if cue.is_some_and(|c| c.form == Form::Finite) {
        return Some((m, last));
    }
    if matches!(lower.as_str(), "fait" | "faisait" | "fera" | "font" | "fit") {
        return (last + 1 < n
            && crate::analysis::lexicon::completes_faire(&doc.t(last + 1).to_lowercase()))
        .then_some((m, last + 1));
    }
    if crate::analysis::lexicon::is_auxiliary(Lang::Fr, &lower) {
        let mut j = last + 1;
        while j < n && j <= last + 4 {
            match doc.info[j].cue {
                Some(Form::Participle | Form::Finite) => return Some((m, j)),
                _ if doc.info[j].faire => return Some((m, (j + 1).min(n - 1))),
                _ if doc.is_adverb(j) || doc.is(j, &["à", "au", "l'", "l’", "AFP"]) => j += 1,
                _ => return None,
            }
        }
    }
    None
}

fn is_subject_clitic(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "il" | "elle" | "on" | "ils" | "elles"
    )
}

/// Splits "a-t-il" / "dit-il" / "a-t'il" into (verb end, pronoun start) byte
/// offsets within the word.
fn split_inversion(w: &str) -> Option<(usize, usize)> {
    let cut = w.rfind(['-', '\'', '’'])?;
    let pr = &w[cut + w[cut..].chars().next()?.len_utf8()..];
    if !is_subject_clitic(pr) {
        return None;
    }
    let head = &w[..cut];
    let verb_end = head.strip_suffix("-t").map(str::len).unwrap_or(head.len());
    (verb_end > 0).then_some((verb_end, w.len() - pr.len()))
}

/// The subject of a gerund cue at `v`: the name it hangs on ("footage of
/// Hillary Clinton asking, “…”"), else the subject opening its clause past
/// an opening phrase ("In Iowa, Trump doubled down, telling reporters, “…”").
pub fn gerund_subject(doc: &Doc, v: usize) -> Option<Mention> {
    if doc.lang == Lang::Fr {
        return french_gerund_subject(doc, v);
    }
    // "with Trump reportedly yelling"
    let mut e = v;
    while e > 0 && (doc.is_adverb(e - 1) || loose_adverb(doc, e - 1)) {
        e -= 1;
    }
    // a person, when the recogniser tells ("his Facebook page, writing" is not)
    if e > 0
        && is_cap(doc, e - 1)
        && !opens_sentence(doc, e - 1)
        && (!doc.recognised || doc.info[e - 1].entity == Some(Label::Per))
    {
        let mut a = e - 1;
        while a > 0 && is_cap(doc, a - 1) && !opens_sentence(doc, a) {
            a -= 1;
        }
        if name_run(doc, a) == Some(e)
            && let Some((na, nb)) = strip_name(doc, a, e)
        {
            return Some(name_mention(doc, na, nb));
        }
    }
    clause_subject(doc, v)
}

/// The subject of a French gerund at `v` ("…, ajoutant que", "en
/// insistant sur le fait que"): the subject of the nearest verb before it
/// in its sentence ("Le député X a dénoncé ce projet en insistant", "a
/// déclaré Jean Roux, ajoutant"), not the noun just before it ("sur
/// Twitter, ajoutant", "à Bruxelles en répondant"); else the clause's first
/// name or pronoun.
fn french_gerund_subject(doc: &Doc, v: usize) -> Option<Mention> {
    let ss = doc.sentence_start(v);
    let mut x = v;
    while x > ss {
        x -= 1;
        if doc.info[x].region.is_some() || doc.info[x].cue == Some(Form::Gerund) {
            continue;
        }
        if let Some((m, _)) = inverted(doc, x) {
            return Some(m);
        }
        let verb = doc.info[x].aux || doc.cue_at(x).is_some();
        if !verb {
            continue;
        }
        // the verb's first word: "a déclaré" from "déclaré"
        let mut a = x;
        while a > ss && doc.info[a - 1].aux {
            a -= 1;
        }
        if let Some(m) = subject_left(doc, a) {
            return Some(m);
        }
        let e = doc.cue_at(x).unwrap_or(x);
        if let Some((m, _)) = subject_right(doc, e + 1) {
            return Some(m);
        }
        break;
    }
    // "Le candidat de Debout la France, Nicolas Dupont-Aignan, veut …,
    // estimant": the phrase opening the sentence, not a name inside it
    let head = clause_head(doc, ss);
    if let Some((m, end)) = subject_right(doc, head)
        && end < v
        && m.kind != Kind::FirstPerson
    {
        return Some(m);
    }
    clause_subject(doc, v)
}

/// The antecedent of the relative pronoun "qui" at token `q` (after the
/// sentence start `ss`): "Obama, qui estimait", "Le Canard enchaîné qui y
/// voit".
pub(super) fn antecedent(doc: &Doc, q: usize, ss: usize) -> Option<Mention> {
    let mut e = q - 1;
    if doc.t(e) == "," && e > ss {
        e -= 1;
    }
    let m = np_ending_at(doc, e, ss)?;
    // "selon Mario Joseph, l'un de ses avocats, qui précise": the name
    // the apposition describes
    if m.kind == Kind::Phrase {
        let mut a = doc.tok_at(m.span.start);
        if a > ss && doc.is(a - 1, &["l'", "l’"]) {
            a -= 1;
        }
        if a > ss + 1
            && is_det(doc, a)
            && doc.t(a - 1) == ","
            && let Some(n) = np_ending_at(doc, a - 2, ss).filter(|n| n.kind == Kind::Name)
        {
            return Some(n);
        }
        // "C'est le cas de Cyprien, qui commente": a thing ending on a
        // person's name; the one who speaks is the person
        let b = doc.tok_at(m.span.end);
        if doc.lang == Lang::Fr
            && !crate::analysis::people::person_like(doc, &m)
            && let Some(x) = (doc.tok_at(m.span.start)..b).find(|&x| {
                doc.info[x].entity == Some(Label::Per)
                    && doc.info[x].entity_end == Some(b as u32)
                    && x > 0
                    && doc.is(x - 1, &["de", "d'", "d’"])
            })
        {
            return Some(name_mention(doc, x, b));
        }
    }
    // "Idriss Déby, Président du Tchad et de l'Union africaine, qui a
    // rappelé": a name completing an apposition; the relative is the
    // named person's
    if doc.lang == Lang::Fr && matches!(m.kind, Kind::Name | Kind::Phrase) {
        let a = with_article(doc, &m, ss);
        if a > ss
            && doc.is(a - 1, &["de", "du", "des", "d'", "d’"])
            && let Some(c) = (ss + 1..a - 1).rev().find(|&x| doc.t(x) == ",")
            && !(c + 1..a).any(|x| doc.punct(x) || doc.info[x].region.is_some())
            && let Some(n) = np_ending_at(doc, c - 1, ss).filter(|n| n.kind == Kind::Name)
        {
            return Some(n);
        }
    }
    past_place(doc, m, ss)
}
