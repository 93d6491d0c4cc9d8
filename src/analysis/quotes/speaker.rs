//! Speaker mentions (the subject of a cue) and their resolution to a
//! canonical named person or organisation.

use super::Doc;
use super::marks::Region;
use crate::analysis::gazetteer::FastMap;
use crate::analysis::lexicon::Form;
use crate::analysis::names::{Gender, first_name_gender};
use crate::analysis::tokens::TokenKind;
use crate::analysis::{Entity, Group, Label, Lang, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// il, elle, he, she, they, it, lui.
    Pronoun,
    /// je, nous, I, we: never a speaker.
    FirstPerson,
    /// A capitalised name ("Arthur Mensch", "Mistral").
    Name,
    /// A noun phrase ("le ministre", "the spokesman", "sources").
    Phrase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    pub gender: Option<Gender>,
    pub plural: bool,
    /// Head token of a phrase (ministre, spokesman).
    pub head: usize,
}

pub(super) const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "un",
    "une",
    "ce",
    "cet",
    "cette",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "the",
    "a",
    "an",
    "this",
    "his",
    "her",
    "its",
    "their",
    "another",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "both",
    "all",
    "plusieurs",
    "most",
];

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "des", "d'", "d’", "van", "von", "der", "den", "da", "di", "del",
    "bin", "ben", "al", "el", "la", "le", "y",
];

/// Function words, capitalised at a sentence start, that never begin a name.
pub(super) const FUNCTION: &[&str] = &[
    "against",
    "despite",
    "about",
    "into",
    "upon",
    "without",
    "within",
    "through",
    "across",
    "among",
    "amid",
    "between",
    "toward",
    "towards",
    "until",
    "unless",
    "whether",
    "than",
    "during",
    "with",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "for",
    "but",
    "and",
    "if",
    "so",
    "then",
    "since",
    "because",
    "although",
    "though",
    "yet",
    "or",
    "from",
    "by",
    "to",
    "of",
    "under",
    "over",
    "meanwhile",
    "however",
    "still",
    "also",
    "later",
    "now",
    "today",
    "yesterday",
    "lors",
    "après",
    "avant",
    "pendant",
    "dans",
    "pour",
    "mais",
    "et",
    "ou",
    "donc",
    "puis",
    "alors",
    "ainsi",
    "selon",
    "depuis",
    "quand",
    "lorsque",
    "comme",
    "si",
    "en",
    "sur",
    "avec",
    "sans",
    "chez",
    "vers",
    "par",
    "not",
    "no",
    "yes",
    "oui",
    "non",
    "here",
    "there",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "that",
    "this",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "its",
    "ici",
    "voici",
    "voilà",
    "via",
    "like",
    "about",
    "than",
];

const TITLES_M: &[&str] = &["M.", "Mr.", "Mr", "Monsieur", "Sir", "Lord"];
const TITLES_F: &[&str] = &[
    "Mme", "Mme.", "Mrs.", "Mrs", "Ms.", "Ms", "Madame", "Mlle", "Miss", "Lady", "Dame",
];

/// Role nouns a bare phrase can resolve through ("le ministre" → the
/// minister named earlier).
const ROLES: &[&str] = &[
    "réalisateur",
    "réalisatrice",
    "comédien",
    "comédienne",
    "acteur",
    "actrice",
    "auteur",
    "autrice",
    "écrivain",
    "écrivaine",
    "chanteur",
    "chanteuse",
    "entraîneur",
    "entraîneuse",
    "joueur",
    "joueuse",
    "préfet",
    "préfète",
    "commissaire",
    "gouverneur",
    "ambassadeur",
    "ambassadrice",
    "délégué",
    "déléguée",
    "représentant",
    "représentante",
    "conseiller",
    "conseillère",
    "rapporteur",
    "rapporteure",
    "vigneron",
    "vigneronne",
    "syndicaliste",
    "head",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "economist",
    "scientist",
    "commissioner",
    "chairperson",
    "coach",
    "player",
    "actor",
    "actress",
    "author",
    "ministre",
    "président",
    "présidente",
    "porte-parole",
    "responsable",
    "directeur",
    "directrice",
    "patron",
    "patronne",
    "dirigeant",
    "dirigeante",
    "fondateur",
    "fondatrice",
    "co-fondateur",
    "cofondateur",
    "maire",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "secrétaire",
    "chef",
    "cheffe",
    "avocat",
    "avocate",
    "procureur",
    "procureure",
    "juge",
    "candidat",
    "candidate",
    "premier",
    "première",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "founder",
    "ceo",
    "mayor",
    "senator",
    "governor",
    "secretary",
    "candidate",
    "nominee",
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "leader",
    "manager",
    "executive",
    "official",
    "economiste",
    "économiste",
    "analyst",
    "expert",
    "researcher",
    "chercheur",
    "chercheuse",
    "professor",
    "professeur",
    "professeure",
];

const COMPANY: &[&str] = &[
    "company",
    "firm",
    "group",
    "entreprise",
    "société",
    "groupe",
    "startup",
    "start-up",
    "campaign",
    "agency",
    "ministry",
    "ministère",
    "organisation",
    "organization",
];

fn pronoun(doc: &Doc, i: usize) -> Option<(Kind, Option<Gender>, bool)> {
    let w = doc.t(i);
    let l = |x: &str| w.eq_ignore_ascii_case(x);
    Some(if l("il") || l("he") || l("lui") {
        (Kind::Pronoun, Some(Gender::Male), false)
    } else if l("elle") || l("she") {
        (Kind::Pronoun, Some(Gender::Female), false)
    } else if l("ils") || l("eux") {
        (Kind::Pronoun, Some(Gender::Male), true)
    } else if l("elles") {
        (Kind::Pronoun, Some(Gender::Female), true)
    } else if l("they") || l("it") {
        (Kind::Pronoun, None, l("they"))
    } else if (l("on") && doc.lang == Lang::Fr)
        || l("je")
        || l("j'")
        || l("j’")
        || l("nous")
        || l("i")
        || l("we")
        || l("you")
        || l("vous")
        || l("moi")
    {
        (Kind::FirstPerson, None, false)
    } else {
        return None;
    })
}

/// A name mention over tokens `a..b`, its gender from the name.
fn name_mention(doc: &Doc, a: usize, b: usize) -> Mention {
    mention(doc, a, b, Kind::Name, name_gender(doc, a, b), false, a)
}

fn mention(
    doc: &Doc,
    a: usize,
    b: usize,
    kind: Kind,
    gender: Option<Gender>,
    plural: bool,
    head: usize,
) -> Mention {
    Mention {
        span: Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end),
        kind,
        gender,
        plural,
        head,
    }
}

fn is_word(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len()
        && matches!(doc.toks[i].kind, TokenKind::Word | TokenKind::Number)
        && doc.info[i].region.is_none()
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    is_word(doc, i) && doc.info[i].cap
}

fn is_det(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len() && doc.det(i)
}

/// The gender of a word read as a first name; acronyms ("AI") are not names.
fn given_name(w: &str) -> Option<Gender> {
    if w.chars().count() < 2 || !w.chars().skip(1).any(char::is_lowercase) {
        return None;
    }
    first_name_gender(w)
}

/// Title gender just before a name ("Mme Borne", "Mr. Smith").
fn title_gender(doc: &Doc, i: usize) -> Option<Gender> {
    if doc.is(i, TITLES_M) {
        Some(Gender::Male)
    } else if doc.is(i, TITLES_F) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The capitalised name run starting at `i`: returns its end (exclusive).
fn name_run(doc: &Doc, i: usize) -> Option<usize> {
    if !is_cap(doc, i) || is_det(doc, i) && !doc.is(i, &["La", "Le"]) || doc.is_date(i) {
        return None;
    }
    let n = doc.toks.len();
    let mut j = i + 1;
    loop {
        if is_cap(doc, j) && !doc.gap_paragraph(j - 1) {
            j += 1;
            continue;
        }
        // connectors inside names: Le Maire, van Gogh, d'Estaing; not at a sentence break
        if j + 1 < n
            && doc.is(j, CONNECTORS)
            && !doc.info[j].cap
            && is_cap(doc, j + 1)
            && doc.lang == Lang::En
        {
            j += 2;
            continue;
        }
        break;
    }
    // A lone capitalised word opening a sentence ("Hours later,", "Within a
    // year,", "Editor’s note") is a name only if the recogniser says so.
    if j == i + 1 && doc.recognised && doc.info[i].entity.is_none() && opens_sentence(doc, i) {
        return None;
    }
    Some(j)
}

/// Whether token `i` opens a sentence, a quote or a line, where every word
/// is capitalised.
fn opens_sentence(doc: &Doc, i: usize) -> bool {
    i == doc.sentence_start(i)
        || doc.is(i - 1, &[".", "!", "?", "“", "\"", "«", ":", "—", "–", "("])
        || doc.text[doc.toks[i - 1].span.end..doc.toks[i].span.start].contains('\n')
}

/// Months and days, English and French, lowercase (capitalised in English,
/// or opening a sentence), which name no speaker. Looked up once per token
/// as a word class.
pub(super) const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "janvier",
    "février",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// Titles carrying no gender, which may open a sentence before a name.
const TITLES_NEUTRAL: &[&str] = &["Dr.", "Prof.", "Sen.", "Rep.", "Gov."];

/// Whether token `i` is a title before a name ("Mme", "Mr.", "Sen.").
pub(super) fn is_title(doc: &Doc, i: usize) -> bool {
    doc.is(i, TITLES_M) || doc.is(i, TITLES_F) || doc.is(i, TITLES_NEUTRAL)
}

/// Gender of a name from its title or first name.
fn name_gender(doc: &Doc, a: usize, b: usize) -> Option<Gender> {
    if a > 0
        && let Some(g) = title_gender(doc, a - 1)
    {
        return Some(g);
    }
    for k in a..b {
        if let Some(g) = title_gender(doc, k) {
            return Some(g);
        }
        if let Some(g) = given_name(doc.t(k)) {
            return Some(g);
        }
    }
    None
}

/// A name run starting with a capitalised word that is not a name: sentence
/// initial "Le", "Cette", "The".
fn strip_name(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut a = a;
    // "Le Monde", "Le Maire" keep their article
    let keeps_article = |a: usize| {
        b - a >= 2 && doc.is(a, &["Le", "La", "Les"]) && doc.t(a).starts_with(char::is_uppercase)
    };
    while a < b
        && (doc.is(a, TITLES_M)
            || doc.is(a, TITLES_F)
            || (is_det(doc, a) && !keeps_article(a))
            || doc.function(a))
    {
        a += 1;
    }
    // "Économie Bruno Le Maire": a first name inside starts the person's name
    if let Some(k) = (a + 1..b).find(|&k| {
        given_name(doc.t(k)).is_some()
            && doc.toks[k - 1].kind == TokenKind::Word
            && given_name(doc.t(k - 1)).is_none()
    }) && b - k >= 2
    {
        a = k;
    } else if b - a >= 3
        && a > 0
        && doc.is(a - 1, &["de", "du", "d'", "d’"])
        && doc.t(a).contains('-')
        && !doc.is(
            b - 1,
            &["SA", "AI", "Inc.", "Inc", "Group", "Groupe", "Ltd"],
        )
    {
        // "la députée de Haute-Savoie Élodie Garnier": the place is a complement
        a += 1;
    }
    (a < b).then_some((a, b))
}

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
    // "a assuré lundi soir le ministre…": past the time and adverbs
    if doc.lang == Lang::Fr
        && (doc.is_date(p)
            || doc.is_adverb(p)
            || doc.is(p, &["soir", "matin", "midi", "hier", "dernier", "encore"]))
    {
        return subject_right(doc, p + 1);
    }
    // "a déclaré à l'AFP Jean Dupont", "a indiqué à l'AFP le parquet de
    // Paris", "a réagi sur X la présidente du RN", "a annoncé dans un
    // communiqué le ministère": past the complement, to the subject's
    // capital or article
    if doc.is(p, &["à", "au", "aux", "devant", "sur", "dans", "auprès"]) && doc.lang == Lang::Fr {
        let mut j = p + 1;
        if doc.is(j, &["l'", "l’", "la", "le", "les", "un", "une", "de", "du"]) {
            j += 1;
        }
        j += 1;
        while j < n && is_word(doc, j) && !doc.info[j].cap && !is_det(doc, j) && j < p + 6 {
            j += 1;
        }
        if j < n && j < p + 7 && (is_cap(doc, j) || is_det(doc, j)) {
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
                        "depuis", "pendant", "auprès", "hier", "lundi", "soir", "matin",
                    ],
                )))
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
            && na == k;
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
    // "la présidente du jury, l’actrice belge Hélène Vandamme": the name in apposition
    // up to the comma: "la cofondatrice et directrice générale d’Orbalis (…), Anouk Perrin"
    let mut q = j;
    while q < n
        && q < j + 10
        && doc.info[q].region.is_none()
        && !matches!(doc.t(q), "," | "." | ";" | ":" | "!" | "?")
    {
        q += 1;
    }
    if q + 1 < n
        && doc.t(q) == ","
        && let Some((m2, e2)) = subject_right(doc, q + 1)
        && m2.kind == Kind::Name
    {
        let g = m2.gender.or(phrase_gender(doc, p));
        return Some((Mention { gender: g, ..m2 }, e2));
    }
    let head = (start_words..j)
        .find(|&x| doc.is(x, ROLES) || doc.is(x, COMPANY))
        .unwrap_or(start_words);
    let plural = doc.t(head).ends_with('s') && !doc.t(head).ends_with("ss");
    // keep the phrase short: up to its head's complement
    let end = if j - p > 5 { (head + 2).min(j) } else { j };
    Some((
        mention(
            doc,
            p,
            end,
            Kind::Phrase,
            phrase_gender(doc, p),
            plural,
            head,
        ),
        j,
    ))
}

fn phrase_gender(doc: &Doc, p: usize) -> Option<Gender> {
    if doc.is(p, &["la", "une", "cette", "sa", "she"]) {
        Some(Gender::Female)
    } else if doc.is(p, &["le", "un", "ce", "cet", "son"]) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Words opening a subordinate clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "as", "while", "before", "after", "because", "since", "if", "until", "unless",
    "although", "though", "whether", "where", "quand", "lorsque", "alors", "avant", "après",
    "parce", "puisque", "si", "tandis",
];

/// English forms of "be", which make a speech verb passive.
const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "'s", "’s",
];

/// An English adverb the word lists miss: "then", "-ly" words ("reportedly",
/// "enthusiastically"), but not names or nouns like "Kelly", "ally".
pub(super) fn loose_adverb(doc: &Doc, i: usize) -> bool {
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

/// The subject ending just before the cue at `v`: "Musk a déclaré",
/// "la responsable de X, Audrey Herblin-Stoop, a déclaré", "Arthur Mensch,
/// co-fondateur de Mistral, avait déclaré", "sources said".
pub fn subject_left(doc: &Doc, v: usize) -> Option<Mention> {
    let ss = doc.sentence_start(v);
    let mut k = v;
    // "The star then recalled", "the crowd enthusiastically chanted"
    // "had previously said": past the auxiliary too
    while k > ss
        && (doc.is_adverb(k - 1)
            || is_modal(doc, k - 1)
            || loose_adverb(doc, k - 1)
            || doc.info[k - 1].aux)
    {
        k -= 1;
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
    // "Trump was asked": a passive; its subject is spoken to
    if doc.lang == Lang::En && doc.is(k, BE) {
        return None;
    }
    // "Trump called on her to resign and said": the clause's subject
    if doc.is(k, &["and", "et"]) {
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
            if let Some(e) = name_run(doc, b0).filter(|&e| e == k)
                && let Some((na, nb)) = strip_name(doc, b0, e)
            {
                return Some(name_mention(doc, na, nb));
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
    np_ending_at(doc, k, ss)
}

fn np_ending_at(doc: &Doc, k: usize, ss: usize) -> Option<Mention> {
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
        let (na, nb) = strip_name(doc, a, k + 1)?;
        if nb - na == 1 && na == ss && doc.info[na].cue.is_some() {
            return None;
        }
        // "le chef de l'État a estimé", "the mayor of Paris said": one
        // capitalised word completing a phrase is not the speaker; the
        // phrase is
        let complement = nb - na == 1
            && na == a
            && a > ss + 1
            && doc.is(a - 1, &["de", "du", "des", "d'", "d’", "l'", "l’", "of"])
            && is_word(doc, a - 2)
            && !doc.info[a - 2].cap;
        if !complement {
            return Some(name_mention(doc, na, nb));
        }
        let d = (ss.max(a.saturating_sub(6))..a - 1)
            .rev()
            .find(|&x| is_det(doc, x))?;
        return Some(mention(
            doc,
            d,
            k + 1,
            Kind::Phrase,
            phrase_gender(doc, d),
            false,
            d + 1,
        ));
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
    let plural = doc.t(k).ends_with('s') && !doc.t(k).ends_with("ss");
    Some(mention(
        doc,
        a,
        k + 1,
        Kind::Phrase,
        phrase_gender(doc, a),
        plural,
        head,
    ))
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

/// "selon X" / "d'après X" / "according to X" at `k`: the cue, the index of
/// the last token of X, and X.
pub fn according(doc: &Doc, k: usize) -> Option<(Span, usize, Mention)> {
    let n = doc.toks.len();
    let after = if doc.is(k, &["selon"]) || (doc.is(k, &["d'", "d’"]) && doc.is(k + 1, &["après"]))
    {
        if doc.is(k, &["selon"]) { k + 1 } else { k + 2 }
    } else if doc.is(k, &["according"]) && doc.is(k + 1, &["to"]) {
        k + 2
    } else {
        return None;
    };
    if after >= n {
        return None;
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
    let cue = Span::new(doc.toks[k].span.start, doc.toks[after - 1].span.end);
    Some((cue, end - 1, m))
}

/// The subject of a gerund cue at `v`: the name it hangs on ("footage of
/// Hillary Clinton asking, “…”"), else the subject opening its clause past
/// an opening phrase ("In Iowa, Trump doubled down, telling reporters, “…”").
pub fn gerund_subject(doc: &Doc, v: usize) -> Option<Mention> {
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

/// The first name or pronoun of the clause holding token `v`, past an
/// opening prepositional phrase ("In Iowa, Trump …").
pub fn clause_subject(doc: &Doc, v: usize) -> Option<Mention> {
    first_mention(doc, clause_start(doc, v), v)
}

/// Where the clause holding token `v` starts, past an opening prepositional
/// phrase ("In Iowa, …", "On “Face the Nation,” …").
fn clause_start(doc: &Doc, v: usize) -> usize {
    let s = doc.sentence_start(v);
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
        // a lone first name is no mention, unless recognised as a person
        // ("Carson shared…")
        if let Some(e) = name_run(doc, k)
            && let Some((na, nb)) = strip_name(doc, k, e)
            && (nb - na >= 2
                || given_name(doc.t(na)).is_none()
                || doc.info[na].entity == Some(Label::Per))
        {
            return Some(name_mention(doc, na, nb));
        }
    }
    None
}

/// A named candidate referent: a capitalised run, or a recognised entity.
#[derive(Debug, Clone)]
struct Referent {
    span: Span,
    /// Token range.
    toks: (usize, usize),
    gender: Option<Gender>,
    org: bool,
    person: bool,
    group: Option<usize>,
}

pub struct Resolver<'a> {
    entities: &'a [Entity],
    groups: &'a [Group],
    referents: Vec<Referent>,
    /// Words of every name run, for canonical names.
    runs: Vec<(usize, usize)>,
    by_word: FastMap<&'a str, Vec<usize>>,
    /// The previous resolved speaker: (name, group, gender, byte position).
    last: Option<(String, Option<usize>, Option<Gender>, usize)>,
    quoted_names: Vec<&'a str>,
    /// "(UCAF)": the token of each bracketed acronym's first appearance.
    acronyms: FastMap<&'a str, usize>,
    /// Words of the PER and ORG group names → those groups, to find the
    /// group holding a name without scanning them all.
    group_words: FastMap<&'a str, Vec<usize>>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        doc: &Doc<'a>,
        entities: &'a [Entity],
        groups: &'a [Group],
        regions: &[Region],
    ) -> Self {
        let n = doc.toks.len();
        let mut runs = Vec::new();
        let mut k = 0;
        while k < n {
            if let Some(e) = name_run(doc, k) {
                if let Some((a, b)) = strip_name(doc, k, e) {
                    let initial = a == doc.sentence_start(a)
                        || (a > 0 && doc.is(a - 1, &["«", "“", "\"", "—", "–", "-", ":"]));
                    let common = b - a == 1
                        && initial
                        && (doc.info[a].cue.is_some()
                            || doc.is(
                                a,
                                &[
                                    "Il", "Elle", "Cette", "Lors", "Mais", "But", "He", "She",
                                    "They", "It", "In", "On", "At", "After", "Before", "For", "If",
                                    "When", "While", "As", "And", "So", "This", "That", "There",
                                    "We", "I", "Les", "Des", "Une", "Un", "En", "Dans", "Pour",
                                    "Selon", "Après", "Avant", "Depuis", "Alors", "Ainsi",
                                    "Pourtant", "Nous", "Ils", "Elles", "On", "Ce", "What", "Why",
                                    "How", "Who", "Yes", "No", "Oui", "Non",
                                ],
                            ));
                    if !common {
                        runs.push((a, b));
                    }
                }
                k = e.max(k + 1);
            } else {
                k += 1;
            }
        }
        let mut by_word: FastMap<&'a str, Vec<usize>> = FastMap::default();
        for (ri, &(a, b)) in runs.iter().enumerate() {
            for k in a..b {
                by_word.entry(doc.t(k)).or_default().push(ri);
            }
        }
        let quoted_names: Vec<&'a str> = regions
            .iter()
            .map(|r| r.content.text(doc.text))
            .filter(|c| {
                c.split_whitespace().count() <= 4
                    && c.split_whitespace()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
            .collect();
        let mut referents = Vec::new();
        if entities
            .iter()
            .any(|e| matches!(e.label, Label::Per | Label::Org))
        {
            for e in entities {
                if !matches!(e.label, Label::Per | Label::Org) {
                    continue;
                }
                let a = doc.tok_at(e.span.start);
                let b = doc.tok_at(e.span.end).max(a + 1);
                if a >= n || doc.info[a].region.is_some() {
                    continue;
                }
                let gender = groups
                    .get(e.group)
                    .and_then(|g| g.name.split_whitespace().next())
                    .and_then(given_name)
                    .or_else(|| name_gender(doc, a, b.min(n)));
                // the name inside the mention ("de Haute-Savoie Élodie Garnier" → "Élodie Garnier")
                let (na, nb) = strip_name(doc, a, b.min(n)).unwrap_or((a, b.min(n)));
                let span = if nb > na {
                    Span::new(doc.toks[na].span.start, doc.toks[nb - 1].span.end)
                } else {
                    e.span
                };
                referents.push(Referent {
                    span,
                    toks: (a, b),
                    gender,
                    org: e.label == Label::Org || org_suffix(doc.t(nb.max(na + 1) - 1)),
                    person: e.label == Label::Per && !org_suffix(doc.t(nb.max(na + 1) - 1)),
                    group: Some(e.group),
                });
            }
        }
        {
            // name runs the recogniser did not mark (or all of them without a recogniser)
            // covered spans by start, with the furthest end so far: an overlap
            // test in O(log n), since long articles have thousands of runs
            let mut covered: Vec<Span> = referents.iter().map(|r: &Referent| r.span).collect();
            covered.sort_unstable();
            let reach: Vec<usize> = covered
                .iter()
                .scan(0, |m, c| {
                    *m = c.end.max(*m);
                    Some(*m)
                })
                .collect();
            let is_covered = |span: Span| {
                let before = covered.partition_point(|c| c.start < span.end);
                before > 0 && reach[before - 1] > span.start
            };
            for &(a, b) in &runs {
                let span = Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end);
                if doc.info[a].region.is_some() || is_covered(span) {
                    continue;
                }
                let gender = name_gender(doc, a, b);
                let last = doc.t(b - 1);
                let org = org_suffix(last)
                    || matches!(
                        last,
                        "AI" | "Inc."
                            | "Inc"
                            | "Corp."
                            | "Corp"
                            | "SA"
                            | "Group"
                            | "Groupe"
                            | "Ltd"
                            | "LLC"
                            | "Party"
                            | "Parti"
                            | "Committee"
                            | "Department"
                            | "Ministry"
                            | "House"
                            | "Times"
                            | "Post"
                            | "News"
                    )
                    || (a > 0
                        && doc.is(
                            a - 1,
                            &[
                                "startup",
                                "entreprise",
                                "société",
                                "company",
                                "firm",
                                "groupe",
                                "group",
                            ],
                        ));
                let person = !org && (gender.is_some() || b - a >= 2);
                referents.push(Referent {
                    span,
                    toks: (a, b),
                    gender,
                    org,
                    person,
                    group: None,
                });
            }
        }
        referents.sort_by_key(|r| r.span.start);
        let mut acronyms = FastMap::default();
        for t in 1..n.saturating_sub(1) {
            let w = doc.t(t);
            if bracket_acronym(w) && doc.t(t - 1) == "(" && doc.t(t + 1) == ")" {
                acronyms.entry(w).or_insert(t);
            }
        }
        let mut group_words: FastMap<&'a str, Vec<usize>> = FastMap::default();
        for g in groups
            .iter()
            .filter(|g| matches!(g.label, Label::Per | Label::Org))
        {
            for w in g.name.split_whitespace() {
                let ids = group_words.entry(w).or_default();
                if ids.last() != Some(&g.id) {
                    ids.push(g.id);
                }
            }
        }
        Resolver {
            entities,
            groups,
            referents,
            runs,
            by_word,
            last: None,
            quoted_names,
            acronyms,
            group_words,
        }
    }

    /// Canonical speaker name and entity group for a mention.
    pub fn resolve(&mut self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let out = match m.kind {
            Kind::FirstPerson => (None, None),
            Kind::Name => self.name(doc, m.span),
            Kind::Pronoun => self.pronoun(doc, m),
            Kind::Phrase => self.phrase(doc, m),
        };
        if let Some(name) = &out.0 {
            let g = self.gender_of(doc, name, m);
            self.last = Some((name.clone(), out.1, g, m.span.start));
        }
        out
    }

    fn gender_of(&self, doc: &Doc, name: &str, m: &Mention) -> Option<Gender> {
        if m.kind == Kind::Pronoun {
            return m.gender;
        }
        name.split_whitespace()
            .next()
            .and_then(given_name)
            .or(m.gender)
            .or_else(|| {
                let a = doc.tok_at(m.span.start);
                (a > 0).then(|| title_gender(doc, a - 1)).flatten()
            })
    }

    fn name(&self, doc: &Doc, span: Span) -> (Option<String>, Option<usize>) {
        let text = span.text(doc.text);
        if let Some(full) = self
            .acronyms
            .get(text)
            .and_then(|&t| expand_acronym(doc, t).or_else(|| acronym_with_place(doc, t)))
        {
            return (Some(full), self.group_at(span));
        }
        // an entity overlapping the mention gives the group; the name is the
        // fullest of the group's name and the article's own name runs
        let group = self.group_at(span).or_else(|| {
            let first = text.split_whitespace().next()?;
            self.group_words
                .get(first)?
                .iter()
                .filter_map(|&id| self.groups.get(id))
                .filter(|g| contains_words(&g.name, text))
                .max_by_key(|g| g.mentions.len())
                .map(|g| g.id)
        });
        let mine = self.canonical(doc, span);
        let name = match group.and_then(|g| self.groups.get(g)) {
            Some(g) => {
                let theirs = strip_titles(&g.name);
                // prefer the group's name when it is fuller and holds ours
                // ("Musk" → "Elon Musk"); a place before a name is not fuller
                if mine.split_whitespace().count() == 1
                    && theirs.split_whitespace().count() > 1
                    && contains_words(theirs, &mine)
                    && mine == text
                    // "Prime Minister Keir Starmer": the person's name
                    // without the title the recogniser left out
                    || g.label == Label::Per
                        && theirs.split_whitespace().count() >= 2
                        && mine.len() > theirs.len()
                        && mine.ends_with(&format!(" {theirs}"))
                {
                    theirs.to_string()
                } else {
                    mine
                }
            }
            None => mine,
        };
        (Some(name), group)
    }

    /// The entity group of a recognised mention overlapping `span`.
    fn group_at(&self, span: Span) -> Option<usize> {
        let i = self.entities.partition_point(|e| e.span.end <= span.start);
        self.entities[i..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .find(|e| {
                e.span.overlaps(span)
                    && matches!(e.label, Label::Per | Label::Org)
                    && e.group < self.groups.len()
            })
            .map(|e| e.group)
    }

    /// The speaker name of a referent.
    fn referent_name(&self, doc: &Doc, r: &Referent) -> (Option<String>, Option<usize>) {
        let (name, group) = self.name(doc, r.span);
        (name, group.or(r.group))
    }

    /// The earliest longer name run of the article holding the words of `span`
    /// ("Musk" → "Elon Musk"); quoted product names are skipped.
    fn canonical(&self, doc: &Doc, span: Span) -> String {
        let text = span.text(doc.text);
        let a = doc.tok_at(span.start);
        let b = doc.tok_at(span.end);
        let words: Vec<&str> = (a..b).map(|k| doc.t(k)).collect();
        // "Mrs Smith" is not "Graham Smith"
        let title = if a > 0 {
            title_gender(doc, a - 1)
        } else {
            None
        };
        let mut best: Option<(usize, usize)> = None;
        // candidates: runs holding our first word
        if let Some(list) = words.first().and_then(|w| self.by_word.get(w)) {
            for &ri in list {
                let (ra, rb) = self.runs[ri];
                if rb - ra <= words.len()
                    || rb - ra > 5
                    || title.is_some_and(|g| {
                        given_name(doc.t(ra)).is_some_and(|h| h != g && h != Gender::Either)
                    })
                    || (ra + 1..rb).any(|k| doc.function(k) || is_det(doc, k))
                {
                    continue;
                }
                let rw: Vec<&str> = (ra..rb).map(|k| doc.t(k)).collect();
                if !rw.windows(words.len()).any(|w| w == words.as_slice()) {
                    continue;
                }
                let rtext = &doc.text[doc.toks[ra].span.start..doc.toks[rb - 1].span.end];
                if self.quoted_names.contains(&rtext) {
                    continue;
                }
                if best.is_none_or(|(ba, _)| ra < ba) {
                    best = Some((ra, rb));
                }
            }
        }
        match best {
            Some((ra, rb)) => {
                doc.text[doc.toks[ra].span.start..doc.toks[rb - 1].span.end].to_string()
            }
            None => text.to_string(),
        }
    }

    fn pronoun(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let compatible = |g: Option<Gender>, person: bool, org: bool| -> bool {
            if m.plural || doc.is(doc.tok_at(m.span.start), &["it", "they"]) {
                return org;
            }
            person
                && !matches!(
                    (m.gender, g),
                    (Some(Gender::Male), Some(Gender::Female))
                        | (Some(Gender::Female), Some(Gender::Male))
                )
        };
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        // a person introduced as a sentence subject since the last speaker
        // ("Le professeur Thomas Keller … juge … « … », a-t-il ajouté")
        let since = self.last.as_ref().map_or(0, |l| l.3);
        for r in self.referents[..i]
            .iter()
            .rev()
            .take_while(|r| r.span.start > since)
        {
            let ss = doc.sentence_start(r.toks.0);
            let subject = (ss..r.toks.0).all(|x| {
                is_det(doc, x)
                    || doc.is(x, TITLES_M)
                    || doc.is(x, TITLES_F)
                    || doc.is(x, ROLES)
                    || doc.function(x)
                    || !doc.info[x].cap && x + 3 > r.toks.0
            });
            let person = r.person || (!r.org && r.gender.is_some());
            if subject
                && !m.plural
                && person
                && compatible_gender(m.gender, r.gender.or_else(|| self.full_gender(doc, r)))
            {
                return self.referent_name(doc, r);
            }
        }
        // the previous speaker, when recent and compatible
        if let Some((name, group, g, pos)) = &self.last {
            let recent = !doc.text[*pos..m.span.start.max(*pos)].contains("\n\n")
                || doc.text[*pos..m.span.start.max(*pos)]
                    .matches("\n\n")
                    .count()
                    <= 1;
            if recent
                && compatible(*g, !m.plural, self.is_org_name(name))
                && (m.gender.is_some() || m.plural)
            {
                return (Some(name.clone()), *group);
            }
        }
        for r in self.referents[..i].iter().rev().take(60) {
            let person = r.person || (!r.org && r.gender.is_some());
            let gender = r.gender.or_else(|| self.full_gender(doc, r));
            if compatible(
                gender,
                person || (!r.org && self.full_gender(doc, r).is_some()),
                r.org,
            ) {
                return self.referent_name(doc, r);
            }
        }
        (None, None)
    }

    /// Gender of a referent through its canonical (fuller) name.
    fn full_gender(&self, doc: &Doc, r: &Referent) -> Option<Gender> {
        let c = self.canonical(doc, r.span);
        c.split_whitespace().next().and_then(given_name)
    }

    fn is_org_name(&self, name: &str) -> bool {
        self.referents.iter().any(|r| {
            r.org
                && self
                    .groups
                    .get(r.group.unwrap_or(usize::MAX))
                    .is_some_and(|g| g.name == name)
        }) || name.ends_with(" AI")
            // a bracketed acronym names a body ("SDIS de Seine-Maritime")
            || name
                .split_whitespace()
                .next()
                .is_some_and(|w| self.acronyms.contains_key(w))
    }

    fn phrase(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let head = doc.t(m.head).to_lowercase();
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        if COMPANY.contains(&head.as_str())
            && let Some(r) = self.referents[..i].iter().rev().take(40).find(|r| r.org)
        {
            return self.referent_name(doc, r);
        }
        if ROLES.contains(&head.as_str()) {
            // an earlier occurrence of this role next to a name
            let mut k = doc.tok_at(m.span.start);
            while k > 0 {
                k -= 1;
                if doc.t(k).eq_ignore_ascii_case(&head) && doc.info[k].region.is_none() {
                    let lo = k.saturating_sub(3);
                    let hi = (k + 8).min(doc.toks.len());
                    if let Some(r) = self
                        .referents
                        .iter()
                        .filter(|r| r.person && r.toks.0 >= lo && r.toks.0 < hi && r.toks.0 != k)
                        .min_by_key(|r| r.toks.0.abs_diff(k))
                    {
                        return self.referent_name(doc, r);
                    }
                }
            }
        }
        // "le comédien", "the senator": the last person of that gender
        if ROLES.contains(&head.as_str())
            && doc.is(doc.tok_at(m.span.start), &["le", "la", "l'", "l’", "the"])
            && !m.plural
        {
            let r = self.pronoun(
                doc,
                &Mention {
                    kind: Kind::Pronoun,
                    ..*m
                },
            );
            if r.0.is_some() {
                return r;
            }
        }
        // the phrase itself, without its article: "parquet de Rouen"
        let a = doc.tok_at(m.span.start);
        let start = if is_det(doc, a)
            && a + 1 < doc.toks.len()
            && doc.toks[a + 1].span.start < m.span.end
        {
            doc.toks[a + 1].span.start
        } else {
            m.span.start
        };
        (Some(doc.text[start..m.span.end].to_string()), None)
    }
}

fn compatible_gender(a: Option<Gender>, b: Option<Gender>) -> bool {
    !matches!(
        (a, b),
        (Some(Gender::Male), Some(Gender::Female)) | (Some(Gender::Female), Some(Gender::Male))
    )
}

/// Whether token `i` is a role noun (ministre, spokesman).
pub fn is_role(doc: &Doc, i: usize) -> bool {
    doc.is(i, ROLES)
}

/// Last words that make a name an organisation ("Sirocco Films SA").
fn org_suffix(w: &str) -> bool {
    matches!(
        w,
        "AI" | "Inc."
            | "Inc"
            | "Corp."
            | "Corp"
            | "SA"
            | "SAS"
            | "AG"
            | "GmbH"
            | "Group"
            | "Groupe"
            | "Ltd"
            | "LLC"
            | "plc"
            | "NV"
            | "BV"
    )
}

/// A name without its leading courtesy titles ("Mme Garnier" → "Garnier").
fn strip_titles(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((first, tail)) = rest.split_once(' ') {
        if TITLES_M.contains(&first)
            || TITLES_F.contains(&first)
            || matches!(first, "Dr" | "Dr." | "Pr" | "Pr.")
        {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    rest
}

/// Whether `name` holds the words of `part` in order ("Elon Musk" ⊇ "Musk").
fn contains_words(name: &str, part: &str) -> bool {
    let pw: Vec<&str> = part.split_whitespace().collect();
    let nw: Vec<&str> = name.split_whitespace().collect();
    !pw.is_empty() && nw.windows(pw.len()).any(|w| w == pw.as_slice())
}

/// A bracketed acronym at token `t` with the place after it: "(SDIS) de
/// Seine-Maritime" → "SDIS de Seine-Maritime".
fn acronym_with_place(doc: &Doc, t: usize) -> Option<String> {
    let c = t + 2;
    if !(doc.is(c, &["de", "du", "d'", "d’"]) && is_cap(doc, c + 1)) {
        return None;
    }
    let e = name_run(doc, c + 1)?;
    Some(format!(
        "{} {}",
        doc.t(t),
        &doc.text[doc.toks[c].span.start..doc.toks[e - 1].span.end]
    ))
}

/// An acronym as French news writes it in brackets: "SDIS", "Sdis", "DGS".
fn bracket_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len())
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_alphabetic())
}

/// The name a bracketed acronym at token `t` stands for: "l'Union des
/// compagnies aériennes françaises (UCAF)" for "UCAF".
fn expand_acronym(doc: &Doc, t: usize) -> Option<String> {
    let end = t - 1;
    let mut a = end;
    while a > 0 && end - a < 8 && is_word(doc, a - 1) && !is_det(doc, a - 1) {
        a -= 1;
    }
    while a < end && !doc.info[a].cap {
        a += 1;
    }
    (a < end).then(|| doc.text[doc.toks[a].span.start..doc.toks[end - 1].span.end].to_string())
}
