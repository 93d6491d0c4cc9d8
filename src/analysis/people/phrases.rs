//! Noun phrases that mention people and bodies: the phrase starting at a
//! token (a subject after a verb or a quote, the X of "selon X"), the
//! phrase ending at a token (a subject before its verb), the first name or
//! pronoun of a clause, and where a clause starts past a fronted adverbial.
//! The quote stage asks these which mention a cue points to; the people
//! stage reads sentence subjects with them for pronouns in focus.

use crate::analysis::Label;
use crate::analysis::Lang;
use crate::analysis::Span;
use crate::analysis::people::mentions::*;
use crate::analysis::view::Doc;

/// The subject starting at token `p` (after a verb, or after a quote):
/// pronoun, name, or noun phrase. Returns it and the index after it.
pub fn subject_right(doc: &Doc, p: usize) -> Option<(Mention, usize)> {
    let n = doc.toks.len();
    if p >= n || doc.info[p].region.is_some() {
        return None;
    }
    if let Some((kind, g, pl)) = pronoun(doc, p) {
        return Some((mention(doc, p, p + 1, kind, g, pl, p), p + 1));
    }
    // "s'était expliqué le 26 juin 2016 pendant …": a date is no subject
    if doc.lang == Lang::Fr
        && doc.is(p, &["le"])
        && p + 1 < n
        && doc.t(p + 1).starts_with(|c: char| c.is_ascii_digit())
    {
        let mut j = p + 1;
        while j < n && (doc.t(j).starts_with(|c: char| c.is_ascii_digit()) || doc.is_date(j)) {
            j += 1;
        }
        // "Le 6 août 2018, le YouTubeur Squeezie poste"
        if j < n && doc.t(j) == "," {
            j += 1;
        }
        return subject_right(doc, j);
    }
    // "a assuré lundi soir le ministre…": past the time and adverbs
    if doc.lang == Lang::Fr
        && (doc.is_date(p)
            || doc.is_adverb(p)
            || doc.is(p, &["soir", "matin", "midi", "hier", "dernier", "encore"]))
    {
        return subject_right(doc, p + 1);
    }
    // "estime pour sa part Neil Hyatt", "a réagi quant à elle la ministre"
    if let Some(e) = doc.parenthetical(p) {
        return subject_right(doc, e);
    }
    // "a déclaré à l'AFP Jean Dupont", "a indiqué à l'AFP le parquet de
    // Paris", "a réagi sur X la présidente du RN", "a annoncé dans un
    // communiqué le ministère": past the complement, to the subject's
    // capital or article
    // ("a regretté après la réunion Sophie Binet", "a déclaré lors d'une
    // conférence de presse le préfet")
    // (a time or circumstance only after the verb, never opening a clause)
    let time = doc.is(
        p,
        &["après", "avant", "lors", "pendant", "depuis", "dès", "en"],
    ) && p > doc.sentence_start(p)
        && doc.info[p - 1].cue.is_some();
    if (time || doc.is(p, &["à", "au", "aux", "devant", "sur", "dans", "auprès"]))
        && doc.lang == Lang::Fr
    {
        let mut j = p + 1;
        if doc.is(j, &["de", "du", "d'", "d’"]) && doc.is(p, &["lors", "auprès"]) {
            j += 1;
        }
        if doc.is(j, &["l'", "l’", "la", "le", "les", "un", "une", "de", "du"]) {
            j += 1;
        }
        j += 1;
        while j < n && is_word(doc, j) && !doc.info[j].cap && !is_det(doc, j) && j < p + 6 {
            j += 1;
        }
        // ("pendant son retour d'Albanie": a complement, not a subject)
        let complement = time && doc.is(j - 1, &["de", "du", "des", "d'", "d’"]);
        if j < n && j < p + 7 && (is_cap(doc, j) || is_det(doc, j)) && !complement {
            return subject_right(doc, j);
        }
        return None;
    }
    let mut a = p;
    let mut gender = None;
    while a < n && (doc.is(a, TITLES_M) || doc.is(a, TITLES_F)) {
        gender = title_gender(doc, a);
        a += 1;
    }
    // a recognised name with lowercase words: "Le Canard enchaîné",
    // "Parti socialiste", "François de Rugy"
    if doc.lang == Lang::Fr
        && let Some((na, nb)) = entity_name_at(doc, a)
    {
        let g = gender.or_else(|| name_gender(doc, na, nb));
        return Some((mention(doc, na, nb, Kind::Name, g, false, na), nb));
    }
    if let Some(b) = name_run(doc, a)
        && !is_det(doc, a)
    {
        let (na, nb) = strip_name(doc, p, b)?;
        let g = gender.or_else(|| name_gender(doc, na, nb));
        return Some((mention(doc, na, nb, Kind::Name, g, false, na), nb));
    }
    // noun phrase: det + words up to a verb, a relative, or punctuation;
    // "former Gov. Jim Doyle" opens like one
    let modifier = doc.lang == Lang::En
        && doc.is(
            p,
            &[
                "former", "retired", "outgoing", "acting", "longtime", "veteran", "late", "then-",
            ],
        );
    let det = is_det(doc, p) || modifier;
    // "“We’ll see,” when asked": no phrase opens on a subordinator
    if doc.is(p, SUBORDINATORS) {
        return None;
    }
    let mut j = if det { p + 1 } else { p };
    let start_words = j;
    while j < n
        && j < p + 14
        && is_word(doc, j)
        && doc.cue_at(j).is_none()
        && !doc.info[j].aux
        && !loose_adverb(doc, j)
        && !doc.is(
            j,
            &[
                "que", "qui", "qu'", "qu’", "that", "who", "which", "et", "and", "mais", "but",
                "is", "was", "has", "had", "est", "a", "in", "on", "to", "from", "at", "for",
                "with", "dans", "pour", "sur", "avec", "lors", "après", "avant", "on", "selon",
            ],
        )
        // "le président Emmanuel Macron à Paris", "Bruno Le Maire mardi à
        // Bercy", "son plan vélo devant le conseil": a place or a time
        // after the subject is a complement, not part of it
        && !(doc.lang == Lang::Fr
            && (doc.is_date(j)
                || doc.is(
                    j,
                    &[
                        "à", "au", "aux", "devant", "en", "chez", "par", "vers", "contre",
                        "depuis", "pendant", "auprès", "hier", "lundi", "soir", "matin", "se",
                        "s'", "s’", "ne", "n'", "n’", "y", "lui", "leur",
                    ],
                )
                // "…Donald Tusk tandis que", "…, lorsqu'il": a subordinate clause
                || doc.is(j, FR_SUBORDINATORS)
                // "Le candidat de Debout la France veut également": the verb
                || doc.is(j, FR_MODALS)))
    {
        j += 1;
    }
    if j == start_words {
        return None;
    }
    // "le service départemental d'incendie et de secours (Sdis) du Var": the
    // bracketed acronym names the body; its place ends the phrase
    if det {
        let mut q = j;
        while q < n && q < j + 6 && is_word(doc, q) && !doc.info[q].cap {
            q += 1;
        }
        if q + 2 < n && doc.t(q) == "(" && doc.t(q + 2) == ")" && bracket_acronym(doc.t(q + 1)) {
            let a = q + 1;
            let mut end = q + 3;
            if end + 1 < n && doc.is(end, &["de", "du", "d'", "d’", "of"]) && is_cap(doc, end + 1)
            {
                end = name_run(doc, end + 1).unwrap_or(end + 2);
            }
            // "la présidente de l'UCAF, Catherine Morvan": the person named
            // after it speaks, as below
            let person_after = end + 1 < n
                && doc.t(end) == ","
                && subject_right(doc, end + 1).is_some_and(|(m, _)| m.kind == Kind::Name);
            if !person_after {
                return Some((mention(doc, a, a + 1, Kind::Name, None, false, a), end));
            }
        }
    }
    if doc.lang == Lang::Fr && det {
        return Some(french_phrase(doc, p, start_words, j));
    }
    // bare nouns only right before a verb ("sources said", "officials say"),
    // or ending on a name ("said conservative activist Bob Klaus")
    let bare_ok = det || j < n && doc.cue_at(j).is_some() && j - p <= 3;
    // a name inside the phrase: "le ministre de l'Économie Bruno Le Maire", "White House spokesman Josh Earnest"
    let mut k = j;
    while k > start_words && is_cap(doc, k - 1) {
        k -= 1;
    }
    if k < j
        && (k > start_words || !det || modifier)
        && let Some((na, nb)) = strip_name(doc, k, j)
    {
        let connector_before = na > 0
            && doc.is(
                na - 1,
                &["de", "du", "des", "d'", "d’", "l'", "l’", "of", "the"],
            )
            && na == k
            // "La préfète de la Seine-Maritime": a place after "de la"
            || doc.lang == Lang::Fr
                && na == k
                && na > 1
                && doc.is(na - 1, &["la", "le", "les"])
                && doc.is(na - 2, &["de", "à", "pour", "sur"]);
        // after "de", a name only if it reads as a person's full name: "le
        // parquet de Paris" is the prosecutor's office, not someone called Paris
        if (!connector_before || nb - na >= 2 && name_gender(doc, na, nb).is_some())
            && (bare_ok || nb == j && j - p <= 6)
        {
            let g = name_gender(doc, na, nb).or(phrase_gender(doc, p));
            return Some((mention(doc, na, nb, Kind::Name, g, false, na), j));
        }
    }
    if !bare_ok {
        return None;
    }
    // "l'UCAF", "the Met Office": a name behind its article
    if det && (start_words..j).all(|x| doc.info[x].cap) {
        let g = name_gender(doc, start_words, j);
        return Some((
            mention(doc, start_words, j, Kind::Name, g, false, start_words),
            j,
        ));
    }
    if let Some(named) = name_in_apposition(doc, p, j) {
        return Some(named);
    }
    let head = (start_words..j)
        .find(|&x| doc.is(x, ROLES) || doc.is(x, COMPANY))
        .unwrap_or(start_words);
    let plural = doc.t(head).ends_with('s') && !doc.t(head).ends_with("ss");
    // keep the phrase short: up to its head's complement
    let end = if j - p > 5 { (head + 2).min(j) } else { j };
    Some((phrase_mention(doc, p, end, plural, head), j))
}

/// A French noun phrase opening with a determiner at `p`, its words in
/// `start..j`. A name in apposition is the mention ("le ministre de la
/// Justice Alberto Ruiz-Gallardón", "le président du Conseil européen
/// Donald Tusk", "la présidente du jury, l'actrice Hélène Vandamme"); a
/// name after a preposition is the head's complement, and the phrase
/// stays the mention ("un proche de Brigitte Troadec", "le candidat de
/// Debout la France", "le parquet de Paris").
fn french_phrase(doc: &Doc, p: usize, start: usize, j: usize) -> (Mention, usize) {
    let mut x = start;
    while x < j {
        // "Le Premier ministre Bernard Cazeneuve": a capitalised role is no name
        if !is_cap(doc, x) || is_role(doc, x) && !is_cap(doc, x + 1) {
            x += 1;
            continue;
        }
        // "maugrée un Gilet jaune", "une Américaine": after an indefinite
        // article, a capitalised word the recogniser left is a description
        if x == start
            && doc.is(p, &["un", "une"])
            && matches!(doc.info[x].entity, None | Some(Label::Misc))
        {
            x += 1;
            continue;
        }
        let mut e = doc
            .named_entity_at(x)
            .unwrap_or_else(|| name_run(doc, x).unwrap_or(x + 1))
            .min(j)
            .max(x + 1);
        // "la Banque de France", "la Fédération de Russie": a body noun
        // written with a capital opens a name that runs through its complement
        if x == start
            && e == x + 1
            && e + 1 < j
            && doc.is(e, &["de", "du", "des", "d'", "d’"])
            && is_cap(doc, e + 1)
            && super::ORG_NOUNS_FR.contains(&doc.t(x).to_lowercase().as_str())
        {
            e = connected_name_end(doc, x, j - 1);
        }
        // "le député LFI Eric Coquerel": a party after a role, then the
        // person, who is the subject
        if x > start
            && is_role(doc, x - 1)
            && doc.info[x].entity == Some(Label::Org)
            && e < j
            && doc.info[e].entity == Some(Label::Per)
        {
            x = e;
            continue;
        }
        let complement = x > start
            && (doc.is(x - 1, &["de", "du", "des", "d'", "d’"])
                || doc.is(x - 1, &["la", "l'", "l’", "le", "les"])
                    && x > start + 1
                    && doc.is(x - 2, &["de", "à", "pour", "sur", "par"]));
        if let Some((na, nb)) = strip_name(doc, x, e)
            && (!complement || na > x)
        {
            let g = name_gender(doc, na, nb).or(phrase_gender(doc, p));
            return (mention(doc, na, nb, Kind::Name, g, false, na), nb);
        }
        x = e;
    }
    if let Some(named) = name_in_apposition(doc, p, j) {
        return named;
    }
    // the head: the first noun past the adjectives before it
    let head = (start..j)
        .find(|&x| !doc.is(x, PRE_ADJECTIVES))
        .unwrap_or(start);
    let h = doc.t(head);
    let plural = (h.ends_with('s') || h.ends_with('x')) && !h.ends_with("ss")
        || doc.is(
            p,
            &["les", "des", "ses", "leurs", "ces", "plusieurs", "certains"],
        );
    // a long phrase ends with the head's complement (a name kept whole)
    let mut end = j;
    if j - p > 8 {
        end = (head + 3).min(j);
        while end < j && is_cap(doc, end) {
            end += 1;
        }
    }
    (phrase_mention(doc, p, end, plural, head), j)
}

/// Adjectives that come before a French noun ("le nouveau gouvernement",
/// "l'ancien ministre").
pub(crate) const PRE_ADJECTIVES: &[&str] = &[
    "nouveau",
    "nouvelle",
    "nouveaux",
    "nouvelles",
    "ancien",
    "ancienne",
    "anciens",
    "futur",
    "future",
    "jeune",
    "vieux",
    "actuel",
    "actuelle",
    "grand",
    "grande",
    "principal",
    "principale",
    "haut",
    "haute",
    "ex",
    "même",
    "autre",
    "seul",
    "seule",
    "deux",
    "trois",
    "quatre",
];

/// The name a recognised person or body spans from token `a` (or from the
/// word after an article), when it holds lowercase words that a run of
/// capitals would cut: "Le Canard enchaîné", "Parti socialiste".
pub(crate) fn entity_name_at(doc: &Doc, a: usize) -> Option<(usize, usize)> {
    let s = if doc.named_entity_at(a).is_some() {
        a
    } else if is_det(doc, a) {
        a + 1
    } else {
        return None;
    };
    let e = doc.named_entity_at(s)?;
    let lowercase = (s..e).any(|x| is_word(doc, x) && !doc.info[x].cap);
    if !lowercase || (s..e).any(|x| doc.info[x].region.is_some()) {
        return None;
    }
    // "le service départemental d'incendie et de secours (SDIS) de
    // Seine-Maritime": the acronym and its place name the body (below)
    if e + 2 < doc.toks.len()
        && doc.t(e) == "("
        && doc.t(e + 2) == ")"
        && bracket_acronym(doc.t(e + 1))
    {
        return None;
    }
    // "Le Canard enchaîné" keeps its article when the recogniser does
    strip_name(doc, s, e)
}

/// Whether tokens `a..b` are exactly a name (a run of capitals, or a
/// recognised name with lowercase words): the name without titles.
pub(crate) fn name_spanning(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    if a >= b {
        return None;
    }
    if name_run(doc, a) == Some(b) {
        return strip_name(doc, a, b);
    }
    let e = doc.named_entity_at(a).or_else(|| {
        doc.named_entity_at(a + 1)
            .filter(|_| is_det(doc, a) || is_title(doc, a))
    })?;
    (e == b).then(|| strip_name(doc, a, b)).flatten()
}

/// French modal and aspect verbs, which end a subject phrase before the
/// verb they govern ("Le candidat veut également prohiber …").
const FR_MODALS: &[&str] = &[
    "veut",
    "veulent",
    "voudrait",
    "voudraient",
    "doit",
    "doivent",
    "devrait",
    "devraient",
    "peut",
    "peuvent",
    "pourrait",
    "pourraient",
    "souhaite",
    "souhaitent",
    "entend",
    "entendent",
    "va",
    "vont",
    "vient",
    "viennent",
];

/// French words opening a subordinate clause, which end a noun phrase.
const FR_SUBORDINATORS: &[&str] = &[
    "tandis",
    "lorsque",
    "lorsqu'",
    "lorsqu’",
    "quand",
    "puisque",
    "puisqu'",
    "puisqu’",
    "parce",
    "comme",
    "alors",
    "afin",
    "bien",
    "où",
    "dont",
    "si",
    "car",
    "ou",
    "ni",
];

/// Words opening a subordinate clause.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "when", "as", "while", "before", "after", "because", "since", "if", "until", "unless",
    "although", "though", "whether", "where", "quand", "lorsque", "alors", "avant", "après",
    "parce", "puisque", "si", "tandis",
];

/// English forms of "be", which make a speech verb passive.
pub(crate) const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "'s", "’s",
];

/// An English adverb the word lists miss: "then", "-ly" words ("reportedly",
/// "enthusiastically"), but not names or nouns like "Kelly", "ally".
pub(crate) fn loose_adverb(doc: &Doc, i: usize) -> bool {
    doc.lang == Lang::En && {
        let w = doc.t(i);
        w == "then" || w.len() > 5 && w.ends_with("ly") && !doc.info[i].cap
    }
}

/// English modals between a subject and its verb ("he will say", "she
/// would later write"); lowercase only, so "May said" keeps its subject.
pub fn is_modal(doc: &Doc, i: usize) -> bool {
    doc.lang == Lang::En
        && i < doc.toks.len()
        && matches!(
            doc.t(i),
            "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "should"
                | "must"
                | "'ll"
                | "’ll"
        )
}

pub(crate) fn np_ending_at(doc: &Doc, k: usize, ss: usize) -> Option<Mention> {
    // a phrase never ends on a function word ("the car and", "one of the")
    // or on a verb ("Trump was", "the group has")
    if !is_word(doc, k)
        || doc.function(k)
        || is_det(doc, k)
        || doc.lang == Lang::En && (doc.is(k, BE) || doc.info[k].aux)
    {
        return None;
    }
    if let Some((kind, g, pl)) = pronoun(doc, k) {
        return Some(mention(doc, k, k + 1, kind, g, pl, k));
    }
    // "Moody's", "McDonald's": French has no possessive 's, so one glued to
    // a capitalised word ends a name
    if doc.lang == Lang::Fr && doc.is(k, &["'s", "’s"]) && k > ss && doc.info[k - 1].cap {
        let mut a = k - 1;
        while a > ss && is_cap(doc, a - 1) {
            a -= 1;
        }
        return Some(name_mention(doc, a, k + 1));
    }
    // "ce qu'a confié X": a relative pronoun is no subject
    if doc.is(k, &["que", "qu'", "qu’", "qui", "dont", "où"]) {
        return None;
    }
    if doc.info[k].cap {
        let mut a = k;
        while a > ss
            && (is_cap(doc, a - 1)
                || (a >= ss + 2
                    && doc.is(a - 1, CONNECTORS)
                    && is_cap(doc, a - 2)
                    && doc.lang == Lang::En))
        {
            a -= 1;
        }
        // a recognised name with lowercase connectors ("Department of Parks
        // and Recreation") is whole
        if let Some(x) =
            (k.saturating_sub(8).max(ss)..a).find(|&x| doc.named_entity_at(x) == Some(k + 1))
        {
            a = x;
        }
        let (na, nb) = strip_name(doc, a, k + 1)?;
        if nb - na == 1 && na == ss && doc.info[na].cue.is_some() {
            return None;
        }
        // "un porte-parole de l'entreprise RTE": a body named after its kind
        // noun, itself a complement (not a person after it: "le premier
        // secrétaire du parti Jean-Christophe Cambadélis"); `c` is where the
        // complement starts
        let mut c = a;
        if c > ss
            && doc.info[a].entity != Some(Label::Per)
            && given_name(doc.t(a).split('-').next().unwrap_or_default()).is_none()
            && super::ORG_NOUNS_FR.contains(&doc.t(c - 1).to_lowercase().as_str())
        {
            c -= 1;
            if c > ss && is_det(doc, c - 1) {
                c -= 1;
            }
        }
        // "le chef de l'État a estimé", "the mayor of Paris said": one
        // capitalised word completing a phrase is not the speaker; the
        // phrase is
        let complement = nb - na == 1
            && na == a
            && a > ss + 1
            && doc.is(a - 1, &["de", "du", "des", "d'", "d’", "l'", "l’", "of"])
            && is_word(doc, a - 2)
            && !doc.info[a - 2].cap

            // "le candidat du Front national", "l'archevêque de Rouen", "le
            // président de la République", "un proche de Brigitte Troadec",
            // "la police de Fort Meyers": a role's, a relation's or an
            // institution's complement, not a person
            || doc.lang == Lang::Fr
                && na == a
                && c > ss + 1
                && doc.is(
                    c - 1,
                    &["de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les"],
                )
                && (c.saturating_sub(4).max(ss)..c - 1).any(|x| {
                    is_role(doc, x)
                        || doc.is(x, RELATIONS)
                        || super::INSTITUTIONS_FR.contains(&doc.t(x).to_lowercase().as_str())
                })
            // "un spécialiste de la France": a place or a body completing a
            // noun (not a group, who speak for the body: "les scientifiques
            // de l'Université Yale"), unless a relative clause follows it
            // ("à l'initiative du CHRU de Reims qui souhaitait")
            || doc.lang == Lang::Fr
                && na == a
                && !(k + 1 < doc.toks.len() && doc.is(k + 1, &["qui", "dont"]))
                && doc.info[a].entity.is_some_and(|l| l != Label::Per)
                && noun_of(doc, a, ss).is_some_and(|n| {
                    doc.info[a].entity == Some(Label::Loc)
                        || !doc.t(n).ends_with('s') && !doc.t(n).ends_with('x')
                });
        if !complement {
            return Some(name_mention(doc, na, nb));
        }
        // "Le politologue Filip Reyntjens spécialiste de l'Afrique des Grands
        // Lacs considère": the person the noun stands beside, with no comma
        if let Some(n) = noun_of(doc, a, ss)
            && let Some(x) = (n.saturating_sub(6).max(ss)..n).find(|&x| {
                doc.info[x].entity == Some(Label::Per) && doc.named_entity_at(x) == Some(n)
            })
        {
            return Some(name_mention(doc, x, n));
        }
        // the phrase from its article; "Gaston Sindimwo, premier
        // vice-président du Burundi a réagi": a role without article after a
        // comma stands beside the name before it
        let mut d = (ss.max(c.saturating_sub(6))..c - 1)
            .rev()
            .find(|&x| is_det(doc, x) || doc.t(x) == ",")?;
        // "un porte-parole de la police de Londres": through the complements
        // to the phrase's own article
        while d > ss + 1
            && is_det(doc, d)
            && doc.is(d - 1, &["de", "du", "des", "d'", "d’"])
            && let Some(e) = (ss.max(d.saturating_sub(6))..d - 1)
                .rev()
                .find(|&x| is_det(doc, x) || doc.punct(x))
                .filter(|&e| is_det(doc, e))
        {
            d = e;
        }
        if doc.t(d) == "," {
            return (d > ss)
                .then(|| np_ending_at(doc, d - 1, ss))
                .flatten()
                .filter(|m| m.kind == Kind::Name);
        }
        return Some(phrase_mention(doc, d, k + 1, false, d + 1));
    }
    // a recognised name with lowercase words ("Le Canard enchaîné déplore"),
    // unless it completes a phrase ("le ministère de l'Éducation nationale")
    if let Some(x) =
        (k.saturating_sub(6).max(ss)..k).find(|&x| doc.named_entity_at(x) == Some(k + 1))
        && !(x > ss
            && doc.is(
                x - 1,
                &[
                    "de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les", "of",
                ],
            ))
    {
        // "François Ruffin, député La France insoumise a affirmé": a body
        // right after a role noun, in apposition to a name, is the role's
        if doc.lang == Lang::Fr
            && x > ss + 2
            && is_role(doc, x - 1)
            && doc.t(x - 2) == ","
            && doc.info[x].entity != Some(Label::Per)
            && let Some(m) = np_ending_at(doc, x - 3, ss).filter(|m| m.kind == Kind::Name)
        {
            return Some(m);
        }
        return Some(name_mention(doc, x, k + 1));
    }
    // lowercase phrase: back to its determiner, through "of" / "de" / "’s"
    let mut a = k;
    let mut det = None;
    while a > ss && k - a < 7 {
        if is_det(doc, a) {
            det = Some(a);
            if a > ss && doc.is(a - 1, &["of", "de", "du", "des", "'s", "’s"]) {
                a -= 1;
                continue;
            }
            break;
        }
        let prev = a - 1;
        // "the world's largest asset manager", "Europe's biggest bank",
        // "the company's chief executive": the possessor opens the phrase
        // (its "'s" is read as "is" elsewhere)
        if doc.lang == Lang::En
            && doc.is(prev, &["'s", "’s"])
            && let Some(p) = possessor_start(doc, prev, ss)
        {
            det = Some(p);
            a = p;
            break;
        }
        if !(is_word(doc, prev) || doc.is(prev, &["'s", "’s"]))
            || doc.is(
                prev,
                &[
                    "que", "qui", "that", "who", "which", "et", "and", "mais", "but",
                ],
            )
            || doc.info[prev].aux
            || doc.cue_at(prev).is_some()
        {
            break;
        }
        a -= 1;
    }
    if is_det(doc, a) {
        det = Some(a);
    }
    let a = match det {
        Some(d) => d,
        None if k - a <= 2
            && !(a..=k).any(|x| doc.function(x) || is_det(doc, x))
            && (doc.t(k).ends_with('s') || doc.is(k, ROLES) || doc.is(k, COMPANY)) =>
        {
            a
        }
        None => return None,
    };
    let head = (a..=k)
        .rev()
        .find(|&x| doc.is(x, ROLES) || doc.is(x, COMPANY))
        .unwrap_or(k);
    let plural = doc.t(head).ends_with('s') && !doc.t(head).ends_with("ss");
    Some(phrase_mention(doc, a, k + 1, plural, head))
}

/// Where the possessor before an English "'s" at `s` starts: a name
/// ("Europe's", "BlackRock Inc's") or a short phrase from its article ("the
/// world's", "the country's"); `None` for anything else.
fn possessor_start(doc: &Doc, s: usize, ss: usize) -> Option<usize> {
    let e = s.checked_sub(1).filter(|&e| e >= ss && is_word(doc, e))?;
    if doc.info[e].cap {
        let mut p = e;
        while p > ss && doc.info[p - 1].cap && is_word(doc, p - 1) {
            p -= 1;
        }
        // "the Fed's chair": the article before the name
        return Some(if p > ss && doc.is(p - 1, &["the"]) {
            p - 1
        } else {
            p
        });
    }
    (e.saturating_sub(3).max(ss)..e)
        .rev()
        .find(|&x| is_det(doc, x))
        .filter(|&d| (d + 1..e).all(|x| is_word(doc, x) && !doc.function(x)))
}

/// The lowercase noun a name starting at token `a` completes ("spécialiste"
/// in "spécialiste de la France").
fn noun_of(doc: &Doc, a: usize, ss: usize) -> Option<usize> {
    let of = |x: usize| doc.is(x, &["de", "du", "des", "d'", "d’"]);
    let n = if a > ss + 1 && of(a - 1) {
        a - 2
    } else if a > ss + 2 && doc.is(a - 1, &["la", "l'", "l’"]) && of(a - 2) {
        a - 3
    } else {
        return None;
    };
    (is_word(doc, n)
        && !doc.info[n].cap
        && !doc.function(n)
        && !is_det(doc, n)
        && !doc.info[n].aux
        && doc.cue_at(n).is_none())
    .then_some(n)
}

/// Whether a French clause opens at token `ss` on a participial clause
/// ("Ayant appris …,", "N'ayant pas apprécié …,").
pub(crate) fn opens_on_participle(doc: &Doc, ss: usize) -> bool {
    let p = if doc.is(ss, &["n'", "n’"]) {
        ss + 1
    } else {
        ss
    };
    doc.lang == Lang::Fr
        && p < doc.toks.len()
        && (doc.is(p, &["ayant", "étant"]) || present_participle(doc, p))
}

/// A past participle opening a sentence ("Reçu par …", "Condamnée en
/// appel, …"): a word the recogniser left out of any name, ending in -é(e)(s)
/// or one of the common irregular ones, before a lowercase word or a comma.
fn opens_on_past_participle(doc: &Doc, p: usize) -> bool {
    let w = doc.t(p).to_lowercase();
    doc.lang == Lang::Fr
        && p + 1 < doc.toks.len()
        && doc.info[p].entity.is_none()
        && (doc.t(p + 1) == "," || !doc.info[p + 1].cap && !doc.punct(p + 1))
        && (w.chars().count() >= 4 && ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
            || matches!(
                w.as_str(),
                "reçu"
                    | "reçue"
                    | "reçus"
                    | "reçues"
                    | "élu"
                    | "élue"
                    | "élus"
                    | "joint"
                    | "jointe"
                    | "joints"
                    | "battu"
                    | "battue"
                    | "connu"
                    | "connue"
                    | "entendu"
                    | "entendue"
                    | "détenu"
                    | "détenue"
                    | "mis"
                    | "mise"
                    | "pris"
                    | "prise"
                    | "sorti"
                    | "sortie"
                    | "parti"
                    | "partie"
                    | "venu"
                    | "venue"
            ))
}

/// A present participle opening a clause ("Soulignant la passivité des
/// jeunes, le pape …", "Évoquant …, elle"): a word of six letters or more
/// ending in -ant that the recogniser left out of any name, followed by a
/// lowercase word (a name like "Bryant" is followed by its verb).
fn present_participle(doc: &Doc, p: usize) -> bool {
    let w = doc.t(p);
    w.len() >= 6
        && w.ends_with("ant")
        && !doc.is(
            p,
            &["pendant", "durant", "cependant", "maintenant", "pourtant"],
        )
        && doc.info[p].entity.is_none()
        && p + 1 < doc.toks.len()
        && !doc.info[p + 1].cap
        && !doc.punct(p + 1)
}

/// The first name or pronoun of the clause holding token `v`, past an
/// opening prepositional phrase ("In Iowa, Trump …").
pub fn clause_subject(doc: &Doc, v: usize) -> Option<Mention> {
    first_mention(doc, clause_start(doc, v), v)
}

/// Where the clause holding token `v` starts, past an opening prepositional
/// phrase ("In Iowa, …", "On “Face the Nation,” …").
pub(crate) fn clause_start(doc: &Doc, v: usize) -> usize {
    let s = doc.sentence_start(v);
    // French fronted adverbials ("Vers 16h15, Place de la République, …")
    if doc.lang == Lang::Fr {
        let h = clause_head(doc, s);
        if h > s && h < v {
            return h;
        }
    }
    if doc.is(
        s,
        &[
            "at", "in", "on", "during", "after", "before", "since", "with", "from", "by", "under",
            "over", "as", "while", "when", "for", "later", "earlier", "à", "au", "dans", "lors",
            "après", "avant", "pendant", "en", "depuis", "sur",
        ],
    ) && let Some(c) = (s + 1..v).find(|&k| doc.t(k) == ",")
    {
        // a comma inside a quoted name ("On “Face the Nation,” …") ends the
        // phrase with the name
        let mut e = c + 1;
        if let Some(r) = doc.info[c].region {
            while e < v && doc.info[e].region == Some(r) {
                e += 1;
            }
        }
        return e;
    }
    s
}

/// The first name or pronoun in tokens [a, b).
pub fn first_mention(doc: &Doc, a: usize, b: usize) -> Option<Mention> {
    for k in a..b {
        if doc.info[k].region.is_some() {
            continue;
        }
        if let Some((kind, g, pl)) = pronoun(doc, k) {
            return (kind == Kind::Pronoun).then(|| mention(doc, k, k + 1, kind, g, pl, k));
        }
        let Some(e) = name_run(doc, k) else {
            continue;
        };
        // "Le président de la République, Emmanuel Macron, a émis un tweet :":
        // one capitalised word completing a role is no subject
        if doc.lang == Lang::Fr
            && k > a + 1
            && e == k + 1
            && (doc.is(k - 1, &["de", "du", "des", "d'", "d’"])
                || k > a + 2
                    && doc.is(k - 1, &["la", "l'", "l’", "le", "les"])
                    && doc.is(k - 2, &["de"]))
            && (a..k).any(|x| is_role(doc, x))
        {
            continue;
        }
        // "ce Gilet jaune du Vaucluse": a demonstrative description, not a
        // name (the person named last, for the resolver)
        if doc.lang == Lang::Fr
            && k > a
            && doc.is(k - 1, &["ce", "cet", "cette"])
            && doc.info[k].entity != Some(Label::Per)
        {
            return Some(phrase_mention(doc, k - 1, e, false, k));
        }
        // "des Gilets jaunes ont distribué …", "un groupe de Gilets jaunes a
        // chanté": a crowd, whose slogans have no speaker (GUIDELINES)
        if doc.lang == Lang::Fr
            && k > a
            && (doc.is(k - 1, &["des"]) && k - 1 == a
                || doc.is(k - 1, &["de", "d'", "d’"]) && k >= a + 2 && doc.is(k - 2, CROWDS))
        {
            return None;
        }
        // "des Camerounais manifestent": a people after its article (a MISC
        // of the recogniser) is no one's name
        if doc.info[k].entity == Some(Label::Misc)
            && k > a
            && doc.is(
                k - 1,
                &[
                    "des",
                    "les",
                    "un",
                    "une",
                    "deux",
                    "trois",
                    "quelques",
                    "plusieurs",
                ],
            )
        {
            continue;
        }
        // a lone first name is no mention, unless recognised as a person
        // ("Carson shared…"); nor is one letter ("l'hépatite C")
        if let Some((na, nb)) = strip_name(doc, k, e)
            && (nb - na >= 2
                || doc.t(na).chars().count() > 1
                    && (given_name(doc.t(na)).is_none() || doc.info[na].entity == Some(Label::Per)))
        {
            // "La Corée du Sud … et exige": the recognised name, whole
            if let Some(x) = (na..nb).find(|&x| doc.info[x].entity.is_some())
                && let Some(end) = doc.info[x].entity_end
                && end as usize > nb
            {
                return Some(name_mention(doc, x, end as usize));
            }
            return Some(name_mention(doc, na, nb));
        }
    }
    None
}

/// Nouns of a number of people before "de": "un groupe de", "une
/// quinzaine de", "des milliers de".
const CROWDS: &[&str] = &[
    "groupe",
    "groupes",
    "dizaine",
    "dizaines",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "centaine",
    "centaines",
    "millier",
    "milliers",
    "foule",
    "cortège",
    "poignée",
    "nombre",
];

/// The start of the clause opening at `ss`, past a fronted adverbial
/// ("Toujours", "Néanmoins,", "En 2016,").
/// Words opening a French sentence's fronted adverbial of place or time
/// ("À Épernay,", "Lors de la cérémonie,", "Vers 14h30,", "Hier,").
/// `Doc::is` ignores ASCII case only, hence "À".
pub(crate) const OPENING_PREPOSITIONS_FR: &[&str] = &[
    "à",
    "À",
    "au",
    "aux",
    "en",
    "dans",
    "lors",
    "après",
    "avant",
    "pendant",
    "depuis",
    "dès",
    "sur",
    "vers",
    "hier",
    "concernant",
    "avec",
    "sans",
    "malgré",
];

pub(crate) fn clause_head(doc: &Doc, ss: usize) -> usize {
    // "À Épernay, …", "Lors de la cérémonie, …", "En 2016, …", "Mardi, …",
    // live coverage's "Vers 14h30, …": past an opening adverbial up to its
    // comma
    if (doc.is_date(ss)
        || doc.is(ss, OPENING_PREPOSITIONS_FR)
        // "Ce matin, …", "Cette semaine, …"
        || doc.is(ss, &["ce", "cet", "cette"])
            && ss + 1 < doc.toks.len()
            && (doc.is_date(ss + 1)
                || doc.is(
                    ss + 1,
                    &[
                        "matin", "soir", "midi", "après-midi", "week-end", "jour", "semaine",
                        "mois", "printemps", "été", "automne", "hiver",
                    ],
                ))
        || doc.is(
            ss,
            &["face", "interrogé", "interrogée", "invité", "invitée"],
        ))
        // ("Vers 10h00, avec un badge des Gilets jaunes accroché au revers
        // de sa veste, …": a phrase of manner runs longer)
        // and so does an infinitive one ("Après avoir qualifié le programme
        // du candidat de la droite François Fillon de dangereux, il …")
        && let Some(c) = (ss + 1..doc.sentence_end(ss))
            // (words in quotation marks inside it do not count: "Face à la
            // « France en colère » d'Eric Drouet « qui veut … », …")
            .scan(0, |words, k| {
                *words += usize::from(doc.info[k].region.is_none());
                Some((k, *words))
            })
            .take_while(|&(_, w)| {
                w < if doc.is(ss + 1, &["avoir", "être", "de", "d'", "d’"]) {
                    20
                } else if doc.is(ss, &["avec", "sans", "malgré"]) {
                    14
                } else {
                    16
                }
            })
            .map(|(k, _)| k)
            .find(|&k| doc.t(k) == "," && doc.info[k].region.is_none())
        // past ten words, only a phrase without a verb ("À la suite de
        // l'annonce de la consternation de la SDJ, …") before what can open
        // a subject
        && (c <= ss + 10
            || !(ss..c).any(|k| doc.info[k].aux || doc.cue_at(k).is_some())
                && c + 1 < doc.toks.len()
                && (is_det(doc, c + 1) || doc.info[c + 1].cap || pronoun(doc, c + 1).is_some()))
    {
        return clause_head(doc, c + 1);
    }
    // "N'ayant pas apprécié la fakenews de BFMTV affirmant qu'il a été payé
    // …, il a rétabli la vérité": a participial clause opening the sentence
    // runs to its comma, verbs and all
    if opens_on_participle(doc, ss)
        && let Some(c) = (ss + 1..(ss + 25).min(doc.sentence_end(ss)))
            .find(|&k| doc.t(k) == "," && doc.info[k].region.is_none())
        && c + 1 < doc.toks.len()
        && (is_det(doc, c + 1) || doc.info[c + 1].cap || pronoun(doc, c + 1).is_some())
    {
        return clause_head(doc, c + 1);
    }
    // "Reçu à l'Élysée par Emmanuel Macron, le président sénégalais …",
    // "Jointe par téléphone, la cinéaste …": a past participle opening the
    // sentence, without a verb up to its comma, describes the subject after it
    if opens_on_past_participle(doc, ss)
        && let Some(c) = (ss + 1..(ss + 25).min(doc.sentence_end(ss)))
            .find(|&k| doc.t(k) == "," && doc.info[k].region.is_none())
        && !(ss..c).any(|k| doc.info[k].aux || doc.cue_at(k).is_some())
        && c + 1 < doc.toks.len()
        && (is_det(doc, c + 1) || doc.info[c + 1].cap || pronoun(doc, c + 1).is_some())
    {
        return clause_head(doc, c + 1);
    }
    // "Vers 16h15, Place de la République, des Camerounais …": after an
    // opening adverbial, a place alone up to its comma is one more
    if ss > doc.sentence_start(ss)
        && doc.t(ss - 1) == ","
        && let Some(c) = (ss + 1..(ss + 8).min(doc.sentence_end(ss))).find(|&k| doc.t(k) == ",")
        && (ss..c).all(|k| doc.info[k].entity == Some(Label::Loc) || is_det(doc, k))
        && doc.info[ss].entity == Some(Label::Loc)
    {
        return clause_head(doc, c + 1);
    }
    if doc.is(
        ss,
        &[
            "toujours",
            "néanmoins",
            "cependant",
            "ainsi",
            "mais",
            "et",
            "or",
            "enfin",
        ],
    ) {
        if doc.is(ss + 1, &[","]) {
            return ss + 2;
        }
        return ss + 1;
    }
    ss
}

/// "selon X" / "d'après X" / "according to X" at `k`: the cue, the index of
/// the last token of X, and X.
pub fn according(doc: &Doc, k: usize) -> Option<(Span, usize, Mention)> {
    let n = doc.toks.len();
    let after = if doc.is(k, &["selon"]) {
        k + 1
    } else if doc.is(k, &["d'", "d’"]) && doc.is(k + 1, &["après"])
        || doc.is(k, &["according"]) && doc.is(k + 1, &["to"])
    {
        k + 2
    } else {
        return None;
    };
    let cue = Span::new(doc.toks[k].span.start, doc.toks[after - 1].span.end);
    // "D'après, Jean Petaux, …": a stray comma after the cue
    let after = if after < n && doc.t(after) == "," {
        after + 1
    } else {
        after
    };
    if after >= n {
        return None;
    }
    // "Selon « Quotidien », …": a medium named in quotation marks (the
    // marks are tokens of the region)
    if doc.in_quoted_name(after) {
        return doc
            .quoted_name_words(after)
            .filter(|&(na, nb, _)| !(na..nb).any(|x| doc.punct(x)))
            .map(|(na, nb, e)| (cue, e - 1, name_mention(doc, na, nb)));
    }
    // "selon ce qu'a confié Rodrigue", "d'après ce qu'il a déclaré": the
    // subject of the speech verb in the relative
    if doc.is(after, &["ce"]) && doc.is(after + 1, &["qu'", "qu’", "que"]) {
        let j = after + 2;
        let (m, end) = match doc.cue_at(j) {
            Some(e) => subject_right(doc, e + 1)?,
            None => {
                let (m, e) = subject_right(doc, j)?;
                (m, doc.cue_at(e)? + 1)
            }
        };
        return (m.kind != Kind::FirstPerson).then_some((cue, end - 1, m));
    }
    let (m, end) = subject_right(doc, after)?;
    if m.kind == Kind::FirstPerson {
        return None;
    }
    if m.kind == Kind::Phrase
        && !doc.is(
            after,
            &[
                "le", "la", "les", "l'", "l’", "the", "a", "an", "un", "une", "son", "sa", "ses",
                "his", "her", "their",
            ],
        )
    {
        return None;
    }
    Some((cue, end - 1, m))
}

/// "la présidente du jury, l’actrice belge Hélène Vandamme": the name in
/// apposition after the comma that ends the phrase from `p` to `j` ("la
/// cofondatrice et directrice générale d’Orbalis (…), Anouk Perrin"), with
/// the phrase's gender when the name has none.
fn name_in_apposition(doc: &Doc, p: usize, j: usize) -> Option<(Mention, usize)> {
    let n = doc.toks.len();
    let mut q = j;
    while q < n
        && q < j + 10
        && doc.info[q].region.is_none()
        && !matches!(doc.t(q), "," | "." | ";" | ":" | "!" | "?")
    {
        q += 1;
    }
    if q + 1 < n && doc.t(q) == "," {
        let (m2, e2) = subject_right(doc, q + 1)?;
        if m2.kind == Kind::Name {
            let g = m2.gender.or(phrase_gender(doc, p));
            return Some((Mention { gender: g, ..m2 }, e2));
        }
    }
    None
}
