//! Mentions of people and bodies in text: names (capitalised runs, titles,
//! first names and their gender), pronouns, role nouns and acronyms. The
//! pieces the people stage builds chains from and the quote stage reads
//! subjects with.

use crate::analysis::Lang;
use crate::analysis::Span;
use crate::analysis::names::{Gender, first_name_gender};
use crate::analysis::tokens::TokenKind;
use crate::analysis::view::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
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
pub(crate) struct Mention {
    pub span: Span,
    pub kind: Kind,
    pub gender: Option<Gender>,
    pub plural: bool,
    /// Head token of a phrase (ministre, spokesman).
    pub head: usize,
}

pub(crate) const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "des", "d'", "d’", "van", "von", "der", "den", "da", "di", "del",
    "bin", "ben", "al", "el", "la", "le", "y",
];

pub(crate) const TITLES_M: &[&str] = &["M.", "Mr.", "Mr", "Monsieur", "Sir", "Lord"];

pub(crate) const TITLES_F: &[&str] = &[
    "Mme", "Mme.", "Mrs.", "Mrs", "Ms.", "Ms", "Madame", "Mlle", "Miss", "Lady", "Dame",
];

/// Role nouns a bare phrase can resolve through ("le ministre" → the
/// minister named earlier).
pub(crate) const ROLES: &[&str] = &[
    // regnal and religious titles ("le pape François … le pape")
    "pape",
    "roi",
    "reine",
    "prince",
    "princesse",
    "émir",
    "sultan",
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
    "technicien",
    "technicienne",
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
    // French roles of religion, universities, media, sport, the army and
    // elected office that stand for a person named with them
    "archevêque",
    "évêque",
    "cardinal",
    "imam",
    "rabbin",
    "pasteur",
    "prêtre",
    "universitaire",
    "sélectionneur",
    "sélectionneuse",
    "animateur",
    "animatrice",
    "présentateur",
    "présentatrice",
    "journaliste",
    "éditorialiste",
    "chroniqueur",
    "chroniqueuse",
    "philosophe",
    "historien",
    "historienne",
    "sociologue",
    "politologue",
    "paléontologue",
    "astronome",
    "astrophysicien",
    "astrophysicienne",
    "physicien",
    "physicienne",
    "biologiste",
    "scientifique",
    "élu",
    "élue",
    "adjoint",
    "adjointe",
    "vice-président",
    "vice-présidente",
    "coordinateur",
    "coordinatrice",
    "trésorier",
    "trésorière",
    "pdg",
    "PDG",
    "commandant",
    "colonel",
    "capitaine",
    "nageur",
    "nageuse",
    "athlète",
    "cycliste",
    "skieur",
    "skieuse",
    "attaquant",
    "attaquante",
    "gardien",
    "gardienne",
    "défenseur",
    "buteur",
    "footballeur",
    "footballeuse",
    "tennisman",
    "boxeur",
    "boxeuse",
    "coureur",
    "coureuse",
    "rugbyman",
    "basketteur",
    "basketteuse",
    "handballeur",
    "handballeuse",
    "navigateur",
    "navigatrice",
    "alpiniste",
    "souverain",
    "souveraine",
    "monarque",
    "plaignant",
    "plaignante",
    // more French roles of news that stand for a person named with them
    "entrepreneur",
    "entrepreneure",
    "édile",
    "chancelier",
    "chancelière",
    "diplomate",
    "magistrat",
    "magistrate",
    "négociateur",
    "négociatrice",
    "médiateur",
    "médiatrice",
    "eurodéputé",
    "eurodéputée",
    "parlementaire",
    "milliardaire",
    "artiste",
    "cinéaste",
    "romancier",
    "romancière",
    "musicien",
    "musicienne",
    "photographe",
    "architecte",
    "créateur",
    "créatrice",
    "styliste",
    "champion",
    "championne",
    "footballeur",
    "footballeuse",
    "tennisman",
    "boxeur",
    "boxeuse",
    "pilote",
    "navigateur",
    "navigatrice",
    "alpiniste",
    "astronaute",
    "virologue",
    "épidémiologiste",
    "infectiologue",
    "climatologue",
    "juriste",
    "constitutionnaliste",
    "psychiatre",
    "chirurgien",
    "chirurgienne",
    "généticien",
    "généticienne",
    "archéologue",
    "anthropologue",
    "démographe",
    "lauréat",
    "lauréate",
    "opposant",
    "opposante",
    "dissident",
    "dissidente",
    "activiste",
];

pub(crate) const COMPANY: &[&str] = &[
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

/// English nouns by which business news calls a company it has named
/// ("the lender", "the carmaker", "Europe's biggest bank"). Written for
/// quoth; "company", "firm" and "group" are in COMPANY; not "party" or
/// "union", bodies of people the text may not have named.
pub(crate) const BUSINESSES_EN: &[&str] = &[
    "bank",
    "lender",
    "insurer",
    "retailer",
    "carmaker",
    "automaker",
    "airline",
    "manufacturer",
    "maker",
    "chipmaker",
    "drugmaker",
    "miner",
    "conglomerate",
    "broadcaster",
    "brewer",
];

pub(crate) fn pronoun(doc: &Doc, i: usize) -> Option<(Kind, Option<Gender>, bool)> {
    let w = doc.t(i);
    let l = |x: &str| w.eq_ignore_ascii_case(x);
    Some(if l("il") || l("he") || l("lui") {
        (Kind::Pronoun, Some(Gender::Male), false)
    } else if l("elle") || l("she") {
        (Kind::Pronoun, Some(Gender::Female), false)
    } else if l("ils") || l("eux") {
        (Kind::Pronoun, Some(Gender::Male), true)
    } else if l("elles") || l("celles-ci") {
        (Kind::Pronoun, Some(Gender::Female), true)
    } else if l("celui-ci") {
        (Kind::Pronoun, Some(Gender::Male), false)
    } else if l("celle-ci") {
        (Kind::Pronoun, Some(Gender::Female), false)
    } else if l("ceux-ci") {
        (Kind::Pronoun, Some(Gender::Male), true)
    } else if l("ceci") || l("cela") || l("ça") {
        // a thing, never a speaker
        (Kind::FirstPerson, None, false)
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
pub(crate) fn name_mention(doc: &Doc, a: usize, b: usize) -> Mention {
    mention(doc, a, b, Kind::Name, name_gender(doc, a, b), false, a)
}

/// A described noun phrase from token `a` to `b` (exclusive), its gender
/// read from its determiner.
pub(crate) fn phrase_mention(doc: &Doc, a: usize, b: usize, plural: bool, head: usize) -> Mention {
    mention(doc, a, b, Kind::Phrase, phrase_gender(doc, a), plural, head)
}

pub(crate) fn mention(
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

pub(crate) fn is_word(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len()
        && matches!(doc.toks[i].kind, TokenKind::Word | TokenKind::Number)
        && doc.info[i].region.is_none()
}

pub(crate) fn is_cap(doc: &Doc, i: usize) -> bool {
    is_word(doc, i) && doc.info[i].cap
}

pub(crate) fn is_det(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len() && doc.det(i)
}

/// The gender of a word read as a first name; acronyms ("AI") are not names.
pub(crate) fn given_name(w: &str) -> Option<Gender> {
    if w.chars().count() < 2 || !w.chars().skip(1).any(char::is_lowercase) {
        return None;
    }
    first_name_gender(w)
}

/// Title gender just before a name ("Mme Borne", "Mr. Smith").
pub(crate) fn title_gender(doc: &Doc, i: usize) -> Option<Gender> {
    if doc.is(i, TITLES_M) {
        Some(Gender::Male)
    } else if doc.is(i, TITLES_F) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The end (exclusive) of a name opening at `a` that runs through its
/// complements, no further than token `last`: "Banque de France", "Conseil
/// de l'Europe" (capitalised words, and de / du / des / la between them).
pub(crate) fn connected_name_end(doc: &Doc, a: usize, last: usize) -> usize {
    let mut b = a + 1;
    while b <= last
        && (doc.info[b].cap && !doc.punct(b)
            || b < last
                && doc.is(b, &["de", "du", "des", "d'", "d’", "la", "l'", "l’"])
                && (doc.info[b + 1].cap
                    || b + 2 <= last && doc.is(b + 1, &["la", "l'", "l’"]) && doc.info[b + 2].cap))
    {
        b += 1;
    }
    b
}

/// The capitalised name run starting at `i`: returns its end (exclusive).
pub(crate) fn name_run(doc: &Doc, i: usize) -> Option<usize> {
    if !is_cap(doc, i) || is_det(doc, i) && !doc.is(i, &["La", "Le"]) || doc.is_date(i) {
        return None;
    }
    // "Ceci, afin de « … »", "Celle-ci ne devant …": a demonstrative
    if doc.is(
        i,
        &[
            "ceci",
            "cela",
            "ça",
            "celui-ci",
            "celle-ci",
            "ceux-ci",
            "celles-ci",
            "celui-là",
            "celle-là",
        ],
    ) {
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
    // A lone adverb, function word or clitic opening a sentence ("Là, il y
    // présente", "Ensuite,", "Se disant « confiant »,") is never a name,
    // whatever the recogniser says
    if j == i + 1
        && opens_sentence(doc, i)
        && (doc.is_adverb(i) || doc.function(i) || doc.is(i, &["se", "s'", "s’", "ne", "n'", "n’"]))
    {
        return None;
    }
    // A lone capitalised word opening a sentence ("Hours later,", "Within a
    // year,", "Editor’s note") is a name only if the recogniser says so.
    if j == i + 1
        && doc.recognised
        && doc.info[i].entity.is_none()
        && opens_sentence(doc, i)
        && !doc.name_words.contains_key(doc.t(i))
    {
        return None;
    }
    Some(j)
}

/// Whether token `i` opens a sentence, a quote or a line, where every word
/// is capitalised.
pub(crate) fn opens_sentence(doc: &Doc, i: usize) -> bool {
    i == doc.sentence_start(i)
        || doc.is(i - 1, &[".", "!", "?", "“", "\"", "«", ":", "—", "–", "("])
        || doc.text[doc.toks[i - 1].span.end..doc.toks[i].span.start].contains('\n')
}

/// Titles carrying no gender, which may open a sentence before a name.
pub(crate) const TITLES_NEUTRAL: &[&str] = &["Dr.", "Prof.", "Sen.", "Rep.", "Gov."];

/// Whether token `i` is a title before a name ("Mme", "Mr.", "Sen.").
pub(crate) fn is_title(doc: &Doc, i: usize) -> bool {
    doc.is(i, TITLES_M) || doc.is(i, TITLES_F) || doc.is(i, TITLES_NEUTRAL)
}

/// Gender of a name from its title or first name.
pub(crate) fn name_gender(doc: &Doc, a: usize, b: usize) -> Option<Gender> {
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
pub(crate) fn strip_name(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut a = a;
    // "Le Monde", "Le Maire" keep their article
    // ("La RATP" is the RATP)
    let keeps_article = |a: usize| {
        b - a >= 2
            && doc.is(a, &["Le", "La", "Les"])
            && doc.t(a).starts_with(char::is_uppercase)
            && !(b - a == 2
                && doc.t(a + 1).len() >= 3
                && doc.t(a + 1).chars().all(|c| c.is_ascii_uppercase()))
    };
    // "l'ONG Greenpeace France", "le quotidien Le Monde": the kind noun
    // before a name is no word of it (capitalised, it opens one: "Union
    // européenne", "Banque de France")
    let kind_noun = |a: usize| {
        b - a >= 2
            && doc.t(a + 1).starts_with(char::is_uppercase)
            && (doc.t(a) == "ONG"
                || doc.t(a).starts_with(char::is_lowercase)
                    && super::ORG_NOUNS_FR.contains(&doc.t(a)))
    };
    while a < b
        && (doc.is(a, TITLES_M)
            || doc.is(a, TITLES_F)
            || (is_det(doc, a) && !keeps_article(a))
            || doc.function(a)
            || kind_noun(a))
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

pub(crate) fn phrase_gender(doc: &Doc, p: usize) -> Option<Gender> {
    if doc.is(p, &["la", "une", "cette", "sa", "she"]) {
        Some(Gender::Female)
    } else if doc.is(p, &["le", "un", "ce", "cet", "son"]) {
        Some(Gender::Male)
    } else {
        None
    }
}

pub(crate) fn compatible_gender(a: Option<Gender>, b: Option<Gender>) -> bool {
    !matches!(
        (a, b),
        (Some(Gender::Male), Some(Gender::Female)) | (Some(Gender::Female), Some(Gender::Male))
    )
}

/// Nouns of a relation to someone ("un proche de", "la mère de"): the
/// person named after them is not who speaks.
pub(crate) const RELATIONS: &[&str] = &[
    "proche",
    "proches",
    "ami",
    "amie",
    "amis",
    "amies",
    "mère",
    "père",
    "frère",
    "sœur",
    "fils",
    "fille",
    "femme",
    "mari",
    "épouse",
    "époux",
    "compagne",
    "compagnon",
    "voisin",
    "voisine",
    "voisins",
    "entourage",
    "famille",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "parents",
    "enfants",
];

/// Whether token `i` is a role noun (ministre, spokesman).
pub(crate) fn is_role(doc: &Doc, i: usize) -> bool {
    doc.is(i, ROLES)
}

/// Last words that make a name an organisation ("Sirocco Films SA").
pub(crate) fn org_suffix(w: &str) -> bool {
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
pub(crate) fn strip_titles(name: &str) -> &str {
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
pub(crate) fn contains_words(name: &str, part: &str) -> bool {
    let pw: Vec<&str> = part.split_whitespace().collect();
    let nw: Vec<&str> = name.split_whitespace().collect();
    !pw.is_empty() && nw.windows(pw.len()).any(|w| w == pw.as_slice())
}

/// A bracketed acronym at token `t` with the place after it: "(SDIS) de
/// Seine-Maritime" → "SDIS de Seine-Maritime".
pub(crate) fn acronym_with_place(doc: &Doc, t: usize) -> Option<String> {
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
pub(crate) fn bracket_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len())
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_alphabetic())
}

/// "ROTTERDAM (Reuters) -", "PARIS, 3 mars (AFP) –": the word in the
/// brackets of a dateline is the agency's credit, not an acronym of the
/// place before it. A dateline opens its line, and a dash follows it.
pub(crate) fn dateline_credit(doc: &Doc, t: usize) -> bool {
    const WITHIN: usize = 8;
    if t == 0 || doc.t(t - 1) != "(" || doc.t(t + 1) != ")" || !doc.is(t + 2, &["-", "–", "—"])
    {
        return false;
    }
    let mut k = t - 1;
    while k > 0 && t - k <= WITHIN {
        if line_break_before(doc, k) {
            return true;
        }
        k -= 1;
    }
    k == 0
}

/// Whether a line ends between token `k - 1` and token `k`.
pub(crate) fn line_break_before(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.text[doc.toks[k - 1].span.end..doc.toks[k].span.start].contains('\n')
}

/// The name a bracketed acronym at token `t` stands for: "l'Union des
/// compagnies aériennes françaises (UCAF)" for "UCAF".
pub(crate) fn expand_acronym(doc: &Doc, t: usize) -> Option<String> {
    let end = t - 1;
    let mut a = end;
    // an article inside the name, after its preposition, is part of it
    // ("Union américaine pour les libertés civiles (ACLU)")
    // (within its line: a title above is no part of it)
    while a > 0
        && end - a < 10
        && is_word(doc, a - 1)
        && !line_break_before(doc, a)
        && (!is_det(doc, a - 1)
            || a >= 2 && doc.is(a - 2, &["de", "pour", "à", "sur", "contre", "et"]))
    {
        a -= 1;
    }
    let from = a;
    while a < end && !doc.info[a].cap {
        a += 1;
    }
    if a < end {
        return Some(doc.text[doc.toks[a].span.start..doc.toks[end - 1].span.end].to_string());
    }
    // "la régie autonome des transports parisiens (RATP)": a lowercase
    // expansion when its words' initials spell the acronym; a service named
    // with its place goes by both ("Sdis du Var")
    if acronym_with_place(doc, t).is_some() {
        return None;
    }
    let letters: String = doc.t(t).chars().map(|c| c.to_ascii_lowercase()).collect();
    (from..end).find_map(|s| {
        let initials: String = (s..end)
            .filter(|&k| !doc.function(k) && !is_det(doc, k) && !doc.is(k, ACRONYM_SKIPPED))
            .filter_map(|k| doc.t(k).chars().next())
            .map(|c| fold_char(c).to_ascii_lowercase())
            .collect();
        (initials == letters)
            .then(|| doc.text[doc.toks[s].span.start..doc.toks[end - 1].span.end].to_string())
    })
}

/// The name in brackets right after an acronym, when its words' initials
/// spell it: "Le SNJ (Syndicat national des journalistes)", "l'Ufip (Union
/// française des industries pétrolières)".
pub(crate) fn expand_bracketed_after(doc: &Doc, t: usize) -> Option<String> {
    let n = doc.toks.len();
    let s = t + 2;
    if s >= n || doc.t(t + 1) != "(" || !is_cap(doc, s) {
        return None;
    }
    let letters: String = doc.t(t).chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut initials = String::new();
    let mut k = s;
    while k < n && k < s + 14 && doc.t(k) != ")" {
        if !is_word(doc, k) {
            return None;
        }
        if let Some(c) = acronym_letter(doc, k) {
            initials.push(c);
        }
        k += 1;
    }
    // a translated name need not spell it: "du YSK (Haut-Conseil
    // électoral)", for an acronym in capitals and a name of a few words
    let translated = doc.t(t).chars().all(|c| c.is_ascii_uppercase()) && (2..=8).contains(&(k - s));
    (k < n && k > s && doc.t(k) == ")" && (initials == letters || translated))
        .then(|| doc.text[doc.toks[s].span.start..doc.toks[k - 1].span.end].to_string())
}

/// The name an acronym at token `t` stands for when an apposition spells
/// it out: "du BEA, le Bureau d'enquêtes et d'analyses de la DGAC" gives
/// "Bureau d'enquêtes et d'analyses" (the shortest run whose initials spell
/// the acronym; what follows only places the body).
pub(crate) fn expand_apposed_acronym(doc: &Doc, t: usize) -> Option<String> {
    let w = doc.t(t);
    if !w.chars().all(|c| c.is_ascii_uppercase()) || doc.t(t + 1) != "," || !is_det(doc, t + 2) {
        return None;
    }
    let s = t + 3;
    if !is_cap(doc, s) {
        return None;
    }
    let letters: String = w.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut initials = String::new();
    let mut k = s;
    while k < doc.toks.len() && k < s + 12 && is_word(doc, k) {
        if let Some(c) = acronym_letter(doc, k) {
            initials.push(c);
            if !letters.starts_with(&initials) {
                return None;
            }
            if initials == letters {
                return Some(doc.text[doc.toks[s].span.start..doc.toks[k].span.end].to_string());
            }
        }
        k += 1;
    }
    None
}

/// The letter word `k` gives an acronym, without its accent; None for the
/// small words acronyms leave out.
fn acronym_letter(doc: &Doc, k: usize) -> Option<char> {
    if doc.function(k) || is_det(doc, k) || doc.is(k, ACRONYM_SKIPPED) {
        return None;
    }
    doc.t(k)
        .chars()
        .next()
        .map(|c| fold_char(c).to_ascii_lowercase())
}

/// The acronym the initials of an organisation's name make, in capitals
/// ("Médecins sans frontières" → "MSF", "Organisation mondiale de la santé"
/// → "OMS"), for a name of two significant words or more; None for a name
/// already in capitals or with a word that gives no letter.
pub(crate) fn spelled_initials(name: &str) -> Option<String> {
    let mut out = String::new();
    for w in name.split_whitespace() {
        // "d'enquêtes": the word after the elided article
        let w = w.rsplit(['\'', '’']).next().unwrap_or(w);
        if w.is_empty() || ACRONYM_SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            continue;
        }
        let c = fold_char(w.chars().next()?);
        if !c.is_ascii_alphabetic()
            || w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            return None;
        }
        out.push(c.to_ascii_uppercase());
    }
    (2..=8).contains(&out.len()).then_some(out)
}

/// Small words an acronym leaves out ("régie autonome des transports
/// parisiens", "Organisation mondiale de la santé").
const ACRONYM_SKIPPED: &[&str] = &[
    "de", "des", "du", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "à", "au", "aux", "pour",
    "en", "sur", "of", "the", "and", "for",
];

/// A word without its diacritics ("Erdoğan" → "Erdogan", "Hélène" →
/// "Helene"): articles spell foreign names both ways. Borrowed when there
/// is nothing to fold, as for most words.
pub(crate) fn fold(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        return std::borrow::Cow::Borrowed(w);
    }
    std::borrow::Cow::Owned(w.chars().map(fold_char).collect())
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ď' | 'đ' => 'd',
        'Ď' | 'Đ' => 'D',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' => 'g',
        'Ğ' => 'G',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ł' => 'l',
        'Ł' => 'L',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ř' => 'r',
        'Ř' => 'R',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ť' | 'ţ' | 'ț' => 't',
        'Ť' | 'Ţ' | 'Ț' => 'T',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        c => c,
    }
}
