//! The token view the people and quote stages read: per-token facts
//! computed once (cue forms, word classes, quote regions, entity labels)
//! and sentence lookups.

use super::gazetteer::FastMap;
use super::lexicon::{self, Form};
pub(crate) use super::quotes::marks::{self, Region};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind};
use super::{Entity, Label, Lang};

/// Word classes of a token (bits of `Info::class`).
pub(crate) const ADVERB: u8 = 1;
pub(crate) const FUNCTION_WORD: u8 = 2;
pub(crate) const DET: u8 = 4;
pub(crate) const DATE: u8 = 8;

/// Adverbs allowed between a subject, an auxiliary and a speech verb.
pub(crate) const ADVERBS: &[&str] = &[
    "encore",
    "aussi",
    "également",
    "notamment",
    "ainsi",
    "pourtant",
    "déjà",
    "alors",
    "ensuite",
    "enfin",
    "simplement",
    "juste",
    "seulement",
    "plus",
    "tard",
    "ne",
    "pas",
    "jamais",
    "toujours",
    "par",
    "ailleurs",
    "récemment",
    "publiquement",
    "vivement",
    "clairement",
    "là",
    "ici",
    "désormais",
    "aujourd'hui",
    "cependant",
    "néanmoins",
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "repeatedly",
    "publicly",
    "never",
    "not",
    "n't",
    "already",
    "again",
    "even",
    "often",
    "frequently",
    "just",
    "long",
    "privately",
    "explicitly",
    "reportedly",
    "flatly",
    "still",
    "first",
    "been",
    "since",
    "further",
];

/// Lowercase word → its classes, built once.
pub(crate) fn classes() -> &'static FastMap<&'static str, u8> {
    static T: std::sync::OnceLock<FastMap<&'static str, u8>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = FastMap::default();
        for (list, bit) in [
            (ADVERBS, ADVERB),
            (FUNCTION, FUNCTION_WORD),
            (DETERMINERS, DET),
            (DATE_WORDS, DATE),
        ] {
            for w in list {
                *m.entry(*w).or_insert(0) |= bit;
            }
        }
        m
    })
}

/// Per-token facts computed once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Info {
    pub cue: Option<Form>,
    /// ADVERB | FUNCTION | DET bits.
    pub class: u8,
    /// A form of `faire` (a cue only with valoir / savoir…).
    pub faire: bool,
    pub aux: bool,
    pub cap: bool,
    /// Index of the quote region the token lies in, if any.
    pub region: Option<u32>,
    /// Label of the recognised entity the token lies in, if any.
    pub entity: Option<Label>,
    /// On the first token of a recognised entity: its end (exclusive).
    pub entity_end: Option<u32>,
}

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lang: Lang,
    pub info: Vec<Info>,
    /// Sentence index of each token.
    pub sent_of: Vec<u32>,
    pub sents: &'a [Sentence],
    /// Per region: whether it holds a name, a few words starting with a capital.
    pub quoted_name: Vec<bool>,
    /// Whether the entity recogniser's output came with the text.
    pub recognised: bool,
    /// Words the recogniser marked inside a person's or a body's name
    /// somewhere in the text ("Vermeulen" of "Dirk Vermeulen").
    pub name_words: FastMap<&'a str, ()>,
}

impl<'a> Doc<'a> {
    #[inline]
    pub fn t(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    /// Whether token `i` is one of `words`, ASCII case aside. Inlined: the
    /// lists are constants, so each call site compares lengths first
    /// without a call (this ran about three times per token).
    #[inline(always)]
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.toks.len() && {
            let w = self.t(i);
            words.iter().any(|x| x.eq_ignore_ascii_case(w))
        }
    }
    pub fn punct(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
    }
    /// A French incidental phrase at `i` ("pour sa part", "quant à lui", "de
    /// son côté", "à son tour", "lui aussi"): the index after it.
    pub fn parenthetical(&self, i: usize) -> Option<usize> {
        if self.lang != Lang::Fr || i + 1 >= self.toks.len() {
            return None;
        }
        let three = |a: &[&str], b: &[&str], c: &[&str]| {
            self.is(i, a) && self.is(i + 1, b) && self.is(i + 2, c)
        };
        if three(
            &["pour"],
            &["sa", "leur", "ma", "notre", "votre"],
            &["part"],
        ) || three(&["quant"], &["à"], &["lui", "elle", "eux", "elles"])
            || three(&["de"], &["son", "leur", "notre"], &["côté"])
            || three(&["à"], &["son", "leur", "mon"], &["tour"])
        {
            return Some(i + 3);
        }
        if self.is(i, &["lui", "elle", "eux", "elles"]) && self.is(i + 1, &["aussi", "non", "même"])
        {
            return Some(i + 2);
        }
        if self.is(i, &["en"]) && self.is(i + 1, &["revanche", "outre", "effet"]) {
            return Some(i + 2);
        }
        None
    }
    /// Whether a speech verb starts at `i`; returns the index of its last token.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        let n = self.toks.len();
        if i >= n || self.info[i].region.is_some() {
            return None;
        }
        let inf = self.info[i];
        if inf.faire {
            return (i + 1 < n && lexicon::completes_faire(&self.t(i + 1).to_lowercase()))
                .then_some(i + 1);
        }
        // phrasal cues: "shot back", "chimed in", "pointed out"
        if self.lang == Lang::En
            && inf.cue.is_none()
            && i + 1 < n
            && matches!(
                self.t(i),
                "shot" | "fired" | "hit" | "chimed" | "pointed" | "went" | "points" | "fires"
            )
            && self.is(i + 1, &["back", "in", "out", "on"])
        {
            return Some(i + 1);
        }
        match inf.cue {
            Some(Form::Finite | Form::Gerund) => Some(i),
            // "a-t-il expliqué, avant d'ajouter : « … »": the infinitive
            // shares the main clause's subject
            Some(Form::Infinitive)
                if self.lang == Lang::Fr
                    && i >= 2
                    && self.is(i - 1, &["de", "d'", "d’"])
                    && self.is(i - 2, &["avant"]) =>
            {
                Some(i)
            }
            _ if inf.aux => {
                // a déclaré, a-t-il encore déclaré, has told, avait notamment souligné
                let mut j = i + 1;
                let mut limit = i + 3;
                while j < n && j <= limit && self.info[j].region.is_none() {
                    match self.info[j].cue {
                        // "a fait savoir", not "a fait baisser"
                        _ if self.info[j].faire => {
                            return (j + 1 < n
                                && lexicon::completes_faire(&self.t(j + 1).to_lowercase()))
                            .then_some(j + 1);
                        }
                        Some(Form::Participle | Form::Finite) => return Some(j),
                        // "a tenu à préciser", "a voulu rappeler", "a souhaité
                        // rappeler": the infinitive shares the subject
                        _ if self.lang == Lang::Fr
                            && self.is(j, &["tenu", "voulu", "souhaité"]) =>
                        {
                            let mut k = j + 1;
                            if self.is(k, &["à", "de", "d'", "d’"]) {
                                k += 1;
                            }
                            return (k < n
                                && self.info[k].region.is_none()
                                && self.info[k].cue == Some(Form::Infinitive))
                            .then_some(k);
                        }
                        // "a longuement expliqué", "has repeatedly said"
                        _ if self.is_adverb(j) || self.manner_adverb(j) => j += 1,
                        // "a pour sa part déclaré"
                        _ if let Some(e) = self.parenthetical(j) => {
                            limit += e - j;
                            j = e;
                        }
                        _ => return None,
                    }
                }
                None
            }
            _ => None,
        }
    }
    /// Whether token `i` lies in a quoted name: a few words starting with a
    /// capital ("wearing “Ted Cruz” pins"), which a clause can run through.
    pub fn in_quoted_name(&self, i: usize) -> bool {
        self.info[i]
            .region
            .is_some_and(|r| self.quoted_name[r as usize])
    }
    /// The words of the quoted name whose opening mark is token `i` ("«
    /// Quotidien »"; the marks are tokens of the region): their token range
    /// when they start with a capital, and the token after the closing mark.
    pub fn quoted_name_words(&self, i: usize) -> Option<(usize, usize, usize)> {
        if !self.in_quoted_name(i) {
            return None;
        }
        let r = self.info[i].region;
        let mut e = i;
        while e < self.toks.len() && self.info[e].region == r {
            e += 1;
        }
        let (a, b) = (i + 1, e - 1);
        (b > a && self.info[a].cap).then_some((a, b, e))
    }
    /// The recognised person or body starting at token `i`: its end
    /// (exclusive), so that names with lowercase words ("Le Canard
    /// enchaîné", "Parti socialiste") read whole.
    pub fn named_entity_at(&self, i: usize) -> Option<usize> {
        let inf = self.info.get(i)?;
        matches!(inf.entity, Some(Label::Per | Label::Org))
            .then_some(inf.entity_end? as usize)
            .filter(|&e| e > i && e <= self.toks.len())
    }
    /// A month or a day ("December", "lundi").
    pub fn is_date(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & DATE != 0)
    }
    /// A manner adverb by its ending ("longuement", "repeatedly"); only
    /// safe where a noun cannot stand, as between an auxiliary and its verb.
    pub fn manner_adverb(&self, i: usize) -> bool {
        let w = self.t(i);
        !self.info[i].cap
            && w.len() > 6
            && match self.lang {
                Lang::Fr => w.ends_with("ment"),
                _ => w.ends_with("ly"),
            }
    }
    pub fn is_adverb(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & ADVERB != 0)
    }
    /// A function word (preposition, conjunction, pronoun determiner…).
    pub fn function(&self, i: usize) -> bool {
        self.info
            .get(i)
            .is_some_and(|x| x.class & FUNCTION_WORD != 0)
    }
    pub fn det(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & DET != 0)
    }
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sents[self.sent_of[i] as usize].tokens.start
    }
    pub fn sentence_end(&self, i: usize) -> usize {
        self.sents[self.sent_of[i] as usize].tokens.end
    }
    /// Token index of the first token starting at or after byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < b)
    }
    pub fn gap_paragraph(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && marks::paragraph_break(
                self.text,
                self.toks[i].span.end,
                self.toks[i + 1].span.start,
            )
    }
}

pub(crate) fn prepare<'a>(
    text: &'a str,
    toks: &'a [Token],
    sents: &'a [Sentence],
    lang: Lang,
    regions: &[marks::Region],
    entities: &[Entity],
) -> Doc<'a> {
    let mut info = vec![Info::default(); toks.len()];
    let mut lower = String::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        let first = w.chars().next().unwrap_or(' ');
        let inf = &mut info[k];
        inf.cap = first.is_uppercase();
        let w = if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
            lower.clear();
            // ASCII letters without the general case's iterator (this
            // line was a sixth of `prepare`)
            for c in w.chars() {
                if c.is_ascii() {
                    lower.push(c.to_ascii_lowercase());
                } else if ('\u{df}'..='\u{ff}').contains(&c) {
                    // lowercase Latin-1 ("é", "ç", "ß"): itself, without
                    // the Unicode tables
                    lower.push(c);
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
            lower.as_str()
        } else {
            w
        };
        // a capitalised word inside a sentence is a name ("Network Rail"), not a verb
        let inside = k > 0
            && !matches!(
                toks[k - 1].text(text),
                "." | "!" | "?" | "«" | "“" | "\"" | "»" | "”" | ":" | "—" | "–" | "("
            );
        // French: after an article that follows a preposition, or after a
        // determiner that is never an object pronoun, the word is a noun
        // ("À la suite de l'annonce", "une critique"), not a verb ("il
        // l'annonce")
        let noun = || {
            lang == Lang::Fr
                && k > 0
                && (matches!(
                    toks[k - 1].text(text),
                    "un" | "une"
                        | "des"
                        | "du"
                        | "au"
                        | "aux"
                        | "ce"
                        | "cette"
                        | "son"
                        | "sa"
                        | "ses"
                        | "notre"
                        | "votre"
                        | "nos"
                        | "vos"
                        | "mon"
                        | "ma"
                        | "mes"
                ) || k > 1
                    && matches!(toks[k - 1].text(text), "l'" | "l’" | "la" | "le" | "les")
                    && matches!(
                        toks[k - 2].text(text),
                        "de" | "à"
                            | "par"
                            | "pour"
                            | "sur"
                            | "après"
                            | "avant"
                            | "dans"
                            | "depuis"
                            | "pendant"
                            | "lors"
                            | "malgré"
                            | "avec"
                            | "sans"
                            | "contre"
                            | "vers"
                            | "selon"
                            | "dès"
                            | "sous"
                            | "chez"
                            | "entre"
                    ))
        };
        inf.cue = if inf.cap && inside {
            None
        } else {
            lexicon::lookup(lang, w)
                .map(|c| c.form)
                .or_else(|| english_in_french(lang, w))
                .filter(|_| !noun())
        };
        inf.faire = lang == Lang::Fr
            && matches!(w, "fait" | "faisait" | "fera" | "ferait" | "font" | "fit");
        inf.aux = lexicon::is_auxiliary(lang, w);
        // acronyms ("SA", "ON") are names, not function words
        // (no lowercase letter first: most words stop at their second letter)
        let acronym = t.text(text).chars().all(|c| !c.is_lowercase())
            && t.text(text).chars().filter(|c| c.is_alphabetic()).count() >= 2;
        inf.class = if acronym {
            0
        } else {
            classes().get(w).copied().unwrap_or(0)
        };
    }
    for e in entities {
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let b = toks.partition_point(|t| t.span.start < e.span.end);
        for inf in &mut info[a..b] {
            inf.entity = Some(e.label);
        }
        if a < b {
            info[a].entity_end = Some(b as u32);
        }
    }
    for (ri, r) in regions.iter().enumerate() {
        let a = toks.partition_point(|t| t.span.start < r.open);
        let b = toks.partition_point(|t| t.span.start < r.close_end);
        for inf in &mut info[a..b] {
            inf.region = Some(ri as u32);
        }
    }
    let mut sent_of = vec![0u32; toks.len()];
    for (si, s) in sents.iter().enumerate() {
        for x in &mut sent_of[s.tokens.clone()] {
            *x = si as u32;
        }
    }
    let name_words = toks
        .iter()
        .zip(&info)
        .filter(|(t, i)| {
            matches!(i.entity, Some(Label::Per | Label::Org)) && t.kind == TokenKind::Word
        })
        .map(|(t, _)| (t.text(text), ()))
        .collect();
    Doc {
        text,
        toks,
        lang,
        info,
        sent_of,
        sents,
        quoted_name: regions
            .iter()
            .map(|r| {
                let t = r.content.text(text);
                t.chars().next().is_some_and(char::is_uppercase)
                    && t.split_whitespace().count() <= 4
            })
            .collect(),
        recognised: !entities.is_empty(),
        name_words,
    }
}

/// An English quote inside a French article ("“…,” said Anne Hidalgo"):
/// English reporting verbs that no French word spells, as finite cues.
fn english_in_french(lang: Lang, lower: &str) -> Option<Form> {
    // the spelling first: looking every French word up in the English
    // lexicon was a third of the lexicon's work
    if lang != Lang::Fr
        || !(lower.ends_with("ed") || matches!(lower, "said" | "says" | "told" | "wrote"))
    {
        return None;
    }
    let c = lexicon::lookup(Lang::En, lower)?;
    (c.form == Form::Finite).then_some(Form::Finite)
}

pub(crate) const DETERMINERS: &[&str] = &[
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

/// Function words, capitalised at a sentence start, that never begin a name.
pub(crate) const FUNCTION: &[&str] = &[
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

/// Months and days, English and French, lowercase (capitalised in English,
/// or opening a sentence), which name no speaker. Looked up once per token
/// as a word class.
pub(crate) const DATE_WORDS: &[&str] = &[
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
