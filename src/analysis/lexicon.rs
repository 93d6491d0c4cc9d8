//! Speech-verb lexicons for French and English.
//!
//! Only lemmas are listed; every inflected form (present, imperfect, simple
//! past, future, conditional, participles, gerund, infinitive; English -s,
//! -ed, -ing) is generated from them once, by conjugation class, into a hash
//! table. Lookups take a lowercase word.

use std::sync::OnceLock;

use super::Lang;
use super::gazetteer::FastMap;

/// How a verb form can head a speech cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Conjugated: "déclare", "affirmait", "says", "said" (English past
    /// tense and participle share this when they coincide).
    Finite,
    /// Needs an auxiliary: "déclaré", "dite", "written".
    Participle,
    /// "déclarer", "say".
    Infinitive,
    /// "déclarant", "saying".
    Gerund,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub lemma: &'static str,
    pub form: Form,
}

/// English speech verbs whose reported clause may come without "that"
/// ("He said the vote was rigged"): finite forms of the lexicon.
pub const EN_BARE_CLAUSE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "argued",
    "claimed",
    "insisted",
    "noted",
    "warned",
    "acknowledged",
    "predicted",
    "stressed",
    "contended",
    "argues",
    "claims",
    "insists",
    "notes",
    "warns",
    "stated",
    "explained",
    "suggested",
    "wrote",
    "writes",
    "reported",
    "announced",
    "admitted",
    "conceded",
    "maintained",
    "asserted",
    "promised",
    "vowed",
    "complained",
    "recalled",
];

/// French speech verbs by conjugation class. First group (-er) verbs get
/// their spelling changes (annonçait, jugeait, martèle, rappelle) from
/// their ending.
const FR_ER: &[&str] = &[
    "déclarer",
    "affirmer",
    "estimer",
    "souligner",
    "expliquer",
    "ajouter",
    "indiquer",
    "préciser",
    "assurer",
    "confier",
    "annoncer",
    "rappeler",
    "insister",
    "noter",
    "juger",
    "regretter",
    "déplorer",
    "dénoncer",
    "marteler",
    "lancer",
    "lâcher",
    "rétorquer",
    "commenter",
    "raconter",
    "témoigner",
    "confirmer",
    "tweeter",
    "twitter",
    "résumer",
    "observer",
    "constater",
    "remarquer",
    "relever",
    "signaler",
    "déplorer",
    "fustiger",
    "critiquer",
    "accuser",
    "alerter",
    "avouer",
    "concéder",
    "nuancer",
    "relativiser",
    "plaider",
    "argumenter",
    "arguer",
    "détailler",
    "développer",
    "répéter",
    "répliquer",
    "objecter",
    "protester",
    "s'indigner",
    "indigner",
    "exclamer",
    "écrier",
    "glisser",
    "souffler",
    "murmurer",
    "crier",
    "plaisanter",
    "ironiser",
    "tonner",
    "trancher",
    "analyser",
    "justifier",
    "nier",
    "contester",
    "réfuter",
    "certifier",
    "jurer",
    "révéler",
    "dévoiler",
    "demander",
    "interroger",
    "questionner",
    "s'interroger",
    "considérer",
    "penser",
    "espérer",
    "souhaiter",
    "rassurer",
    "menacer",
    "enchaîner",
    "continuer",
    "compléter",
    "renchérir",
    "féliciter",
    "inquiéter",
    "alarmer",
    "insurger",
    "confesser",
    "exhorter",
    "tempêter",
    "railler",
    "claironner",
    "proclamer",
    "clamer",
    "réclamer",
    "avancer",
    "informer",
    "rapporter",
    "exprimer",
    "évoquer",
    "exiger",
    "suggérer",
    "réaffirmer",
    "réitérer",
    "mentionner",
    "recommander",
    "préconiser",
    "ordonner",
    "relater",
    "spécifier",
    // reporting verbs of news copy, often inverted after a quote ("« … »,
    // s'enthousiasme X", "a salué X", "tempère la diplomatie")
    "saluer",
    "pester",
    "tempérer",
    "rajouter",
    "enthousiasmer",
    "désoler",
    "étonner",
    "encourager",
    "inviter",
    "maugréer",
    "grommeler",
    "bougonner",
    "scander",
    // more of them, missing from sentences written to test the lexicon
    // ("Marie Martin, qui s'agace : « … »", "« … », tacle-t-il")
    "interpeller",
    "hurler",
    "implorer",
    "supplier",
    "agacer",
    "amuser",
    "soupirer",
    "offusquer",
    "moquer",
    "fulminer",
    "tacler",
    "cingler",
    "étriller",
    "prôner",
    "corriger",
    "rectifier",
    "riposter",
    "minimiser",
    "temporiser",
    "remercier",
    "chuchoter",
    "asséner",
    "assener",
    "divulguer",
    "narrer",
    "énumérer",
    "abonder",
    "esclaffer",
    "gronder",
    "énerver",
];

/// Second group (-ir, -issons).
const FR_IR: &[&str] = &[
    "réagir",
    "avertir",
    "renchérir",
    "surenchérir",
    "réjouir",
    "applaudir",
    "rugir",
    "réfléchir",
    "garantir",
];

/// Irregular verbs as (lemma, paradigm, prefix): the prefix is glued to the
/// paradigm's forms (pré + venir → prévenir).
const FR_IRREGULAR: &[(&str, Paradigm, &str)] = &[
    ("dire", Paradigm::Dire, ""),
    ("redire", Paradigm::Dire, "re"),
    ("prédire", Paradigm::Dire, "pré"),
    ("contredire", Paradigm::Dire, "contre"),
    ("écrire", Paradigm::Crire, "é"),
    ("décrire", Paradigm::Crire, "dé"),
    ("reconnaître", Paradigm::Naitre, "recon"),
    ("prévenir", Paradigm::Venir, "pré"),
    ("convenir", Paradigm::Venir, "con"),
    ("souvenir", Paradigm::Venir, "sou"),
    ("soutenir", Paradigm::Tenir, "sou"),
    ("maintenir", Paradigm::Tenir, "main"),
    ("conclure", Paradigm::Clure, "con"),
    ("admettre", Paradigm::Mettre, "ad"),
    ("promettre", Paradigm::Mettre, "pro"),
    ("reprendre", Paradigm::Prendre, "re"),
    ("poursuivre", Paradigm::Suivre, "pour"),
    ("répondre", Paradigm::Dre, "répon"),
    ("défendre", Paradigm::Dre, "défen"),
    ("prétendre", Paradigm::Dre, "préten"),
    ("démentir", Paradigm::Mentir, "dé"),
    ("faire", Paradigm::Faire, ""),
];

#[derive(Debug, Clone, Copy)]
enum Paradigm {
    Dire,
    Crire,
    Naitre,
    Venir,
    Tenir,
    Clure,
    Mettre,
    Prendre,
    Suivre,
    Dre,
    Mentir,
    Faire,
}

/// Forms of each irregular paradigm, without prefix: (finite, participles,
/// gerund, infinitive).
fn paradigm_forms(
    p: Paradigm,
) -> (
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
) {
    match p {
        Paradigm::Dire => (
            &[
                "dis", "dit", "disons", "dites", "disez", "disent", "disait", "disaient", "dirent",
                "dira", "diront", "dirait", "diraient", "disais",
            ],
            &["dit", "dite", "dits", "dites"],
            "disant",
            "dire",
        ),
        Paradigm::Crire => (
            &[
                "cris",
                "crit",
                "crivons",
                "crivez",
                "crivent",
                "crivait",
                "crivaient",
                "crivit",
                "crivirent",
                "crira",
                "criront",
                "crirait",
                "criraient",
            ],
            &["crit", "crite", "crits", "crites"],
            "crivant",
            "crire",
        ),
        Paradigm::Naitre => (
            &[
                "nais",
                "naît",
                "nait",
                "naissons",
                "naissez",
                "naissent",
                "naissait",
                "naissaient",
                "nut",
                "nurent",
                "naîtra",
                "naitra",
                "naîtront",
                "naîtrait",
                "naitrait",
                "naîtraient",
            ],
            &["nu", "nue", "nus", "nues"],
            "naissant",
            "naître",
        ),
        Paradigm::Venir => (
            &[
                "viens",
                "vient",
                "venons",
                "venez",
                "viennent",
                "venait",
                "venaient",
                "vint",
                "vinrent",
                "viendra",
                "viendront",
                "viendrait",
                "viendraient",
            ],
            &["venu", "venue", "venus", "venues"],
            "venant",
            "venir",
        ),
        Paradigm::Tenir => (
            &[
                "tiens",
                "tient",
                "tenons",
                "tenez",
                "tiennent",
                "tenait",
                "tenaient",
                "tint",
                "tinrent",
                "tiendra",
                "tiendront",
                "tiendrait",
                "tiendraient",
            ],
            &["tenu", "tenue", "tenus", "tenues"],
            "tenant",
            "tenir",
        ),
        Paradigm::Clure => (
            &[
                "clus",
                "clut",
                "cluons",
                "cluez",
                "cluent",
                "cluait",
                "cluaient",
                "clurent",
                "clura",
                "cluront",
                "clurait",
                "cluraient",
            ],
            &["clu", "clue", "clus", "clues"],
            "cluant",
            "clure",
        ),
        Paradigm::Mettre => (
            &[
                "mets",
                "met",
                "mettons",
                "mettez",
                "mettent",
                "mettait",
                "mettaient",
                "mit",
                "mirent",
                "mettra",
                "mettront",
                "mettrait",
                "mettraient",
            ],
            &["mis", "mise", "mises"],
            "mettant",
            "mettre",
        ),
        Paradigm::Prendre => (
            &[
                "prends",
                "prend",
                "prenons",
                "prenez",
                "prennent",
                "prenait",
                "prenaient",
                "prit",
                "prirent",
                "prendra",
                "prendront",
                "prendrait",
                "prendraient",
            ],
            &["pris", "prise", "prises"],
            "prenant",
            "prendre",
        ),
        Paradigm::Suivre => (
            &[
                "suis",
                "suit",
                "suivons",
                "suivez",
                "suivent",
                "suivait",
                "suivaient",
                "suivit",
                "suivirent",
                "suivra",
                "suivront",
                "suivrait",
                "suivraient",
            ],
            &["suivi", "suivie", "suivis", "suivies"],
            "suivant",
            "suivre",
        ),
        Paradigm::Dre => (
            &[
                "ds", "d", "dons", "dez", "dent", "dait", "daient", "dit", "dirent", "dra",
                "dront", "drait", "draient",
            ],
            &["du", "due", "dus", "dues"],
            "dant",
            "dre",
        ),
        Paradigm::Mentir => (
            &[
                "mens",
                "ment",
                "mentons",
                "mentez",
                "mentent",
                "mentait",
                "mentaient",
                "mentit",
                "mentirent",
                "mentira",
                "mentiront",
                "mentirait",
            ],
            &["menti", "mentie", "mentis", "menties"],
            "mentant",
            "mentir",
        ),
        Paradigm::Faire => (
            &[
                "fais",
                "fait",
                "faisons",
                "faites",
                "font",
                "faisait",
                "faisaient",
                "fit",
                "firent",
                "fera",
                "feront",
                "ferait",
                "feraient",
            ],
            &["fait", "faite", "faits"],
            "faisant",
            "faire",
        ),
    }
}

/// English speech verbs; regular ones get -s/-ed/-ing by spelling rule.
const EN_REGULAR: &[&str] = &[
    "answer",
    "confess",
    "add",
    "explain",
    "note",
    "state",
    "warn",
    "argue",
    "insist",
    "claim",
    "acknowledge",
    "admit",
    "tweet",
    "reply",
    "declare",
    "announce",
    "assert",
    "contend",
    "maintain",
    "suggest",
    "predict",
    "promise",
    "vow",
    "pledge",
    "complain",
    "recall",
    "report",
    "confirm",
    "deny",
    "respond",
    "remark",
    "observe",
    "comment",
    "stress",
    "emphasize",
    "emphasise",
    "concede",
    "boast",
    "quip",
    "joke",
    "shout",
    "bark",
    "growl",
    "snarl",
    "hiss",
    "chant",
    "rave",
    "tease",
    "grumble",
    "exult",
    "retaliate",
    "yell",
    "scream",
    "ask",
    "wonder",
    "continue",
    "conclude",
    "testify",
    "caution",
    "urge",
    "allege",
    "agree",
    "recount",
    "reiterate",
    "repeat",
    "muse",
    "proclaim",
    "counter",
    "retort",
    "thunder",
    "scoff",
    "laugh",
    "sigh",
    "whisper",
    "mutter",
    "exclaim",
    "reckon",
    "inform",
    "advise",
    "elaborate",
    "describe",
    "demand",
    "predict",
    "insist",
    "estimate",
    "reveal",
    "disclose",
    "acknowledge",
    "lament",
    "blast",
    "criticize",
    "criticise",
    "accuse",
    "tout",
    "cheer",
    "praise",
    "mock",
    "chide",
    "scold",
    "recall",
    "recollect",
    "assure",
    "reassure",
    "guarantee",
    "threaten",
    "plead",
    "beg",
    "cry",
    "murmur",
    "snap",
    "fume",
    "gush",
    "marvel",
    "interject",
    "interrupt",
    "rebut",
    "refute",
    "dispute",
    "contest",
    "object",
    "protest",
    "summarize",
    "summarise",
    "conclude",
    "surmise",
    "speculate",
    "opine",
    "write",
    "tell",
];

/// English irregulars: (lemma, past, participle).
const EN_IRREGULAR: &[(&str, &str, &str)] = &[
    ("say", "said", "said"),
    ("tell", "told", "told"),
    ("write", "wrote", "written"),
    ("speak", "spoke", "spoken"),
    ("swear", "swore", "sworn"),
    ("sing", "sang", "sung"),
];

/// English verbs doubling their final consonant (admitted, quipped).
const EN_DOUBLE: &[&str] = &[
    "admit", "quip", "regret", "commit", "submit", "omit", "snap", "beg", "rebut",
];

// looked up for every word of every text: a fast hash, not SipHash
type Table = FastMap<String, Cue>;

fn insert(t: &mut Table, form: String, lemma: &'static str, f: Form) {
    // A finite reading wins over a participle one (English "said" is both).
    match t.get(&form) {
        Some(c) if c.form == Form::Finite => {}
        _ => {
            t.insert(form, Cue { lemma, form: f });
        }
    }
}

fn french() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::default();
        for &lemma in FR_ER {
            let lemma: &'static str = lemma.strip_prefix("s'").unwrap_or(lemma);
            if !lemma.ends_with("er") {
                continue;
            }
            french_er(&mut t, lemma);
        }
        for &lemma in FR_IR {
            let stem = &lemma[..lemma.len() - 2];
            for e in [
                "is", "it", "issons", "issez", "issent", "issait", "issaient", "irent", "ira",
                "iront", "irait", "iraient",
            ] {
                insert(&mut t, format!("{stem}{e}"), lemma, Form::Finite);
            }
            for e in ["i", "ie", "is", "ies"] {
                insert(&mut t, format!("{stem}{e}"), lemma, Form::Participle);
            }
            insert(&mut t, format!("{stem}issant"), lemma, Form::Gerund);
            insert(&mut t, lemma.to_string(), lemma, Form::Infinitive);
        }
        for &(lemma, p, prefix) in FR_IRREGULAR {
            let (finite, parts, ger, inf) = paradigm_forms(p);
            for f in finite {
                insert(&mut t, format!("{prefix}{f}"), lemma, Form::Finite);
            }
            for f in parts {
                insert(&mut t, format!("{prefix}{f}"), lemma, Form::Participle);
            }
            insert(&mut t, format!("{prefix}{ger}"), lemma, Form::Gerund);
            insert(&mut t, format!("{prefix}{inf}"), lemma, Form::Infinitive);
        }
        t
    })
}

/// All forms of a first-group verb, with its spelling changes.
fn french_er(t: &mut Table, lemma: &'static str) {
    let stem = &lemma[..lemma.len() - 2];
    // Before a / o: annonç-, juge-.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    // Stressed stem: martèl-, rappell-, répèt-.
    let stressed = stressed_stem(stem);
    let stems: Vec<&str> = match &stressed {
        Some(s) => vec![stem, s.as_str()],
        None => vec![stem],
    };
    for s in &stems {
        for e in ["e", "es", "ent", "era", "eront", "erait", "eraient", "erai"] {
            insert(t, format!("{s}{e}"), lemma, Form::Finite);
        }
    }
    for e in ["ons", "ez", "iez", "ions"] {
        insert(t, format!("{stem}{e}"), lemma, Form::Finite);
    }
    for e in ["ais", "ait", "aient", "a", "as", "ai", "èrent", "âmes"] {
        let s = if e.starts_with('è') {
            stem
        } else {
            soft.as_str()
        };
        insert(t, format!("{s}{e}"), lemma, Form::Finite);
    }
    if soft != stem {
        insert(t, format!("{soft}ons"), lemma, Form::Finite);
    }
    for e in ["é", "ée", "és", "ées"] {
        insert(t, format!("{stem}{e}"), lemma, Form::Participle);
    }
    insert(t, format!("{soft}ant"), lemma, Form::Gerund);
    insert(t, lemma.to_string(), lemma, Form::Infinitive);
}

/// The stem used when the ending is a mute e: e or é before the last
/// consonant becomes è, except -eler/-eter verbs that double it.
fn stressed_stem(stem: &str) -> Option<String> {
    const DOUBLING: &[&str] = &["rappel", "appel", "jet", "interpel"];
    if DOUBLING.contains(&stem) {
        let last = stem.chars().last()?;
        return Some(format!("{stem}{last}"));
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    // find the last vowel; it must be e/é followed only by consonants (1 or 2)
    let pos = chars.iter().rposition(|c| "aeiouyéèêâîôûà".contains(*c))?;
    let tail = n - pos - 1;
    if !(1..=2).contains(&tail) || !matches!(chars[pos], 'e' | 'é') || pos == 0 {
        return None;
    }
    let mut out: String = chars[..pos].iter().collect();
    out.push('è');
    out.extend(&chars[pos + 1..]);
    Some(out)
}

fn english() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::default();
        for &(lemma, past, part) in EN_IRREGULAR {
            insert(&mut t, lemma.to_string(), lemma, Form::Finite);
            insert(&mut t, third_person(lemma), lemma, Form::Finite);
            insert(&mut t, past.to_string(), lemma, Form::Finite);
            insert(&mut t, part.to_string(), lemma, Form::Participle);
            insert(&mut t, ing(lemma), lemma, Form::Gerund);
        }
        for &lemma in EN_REGULAR {
            if t.contains_key(lemma) {
                continue;
            }
            insert(&mut t, lemma.to_string(), lemma, Form::Finite);
            insert(&mut t, third_person(lemma), lemma, Form::Finite);
            insert(&mut t, past_ed(lemma), lemma, Form::Finite);
            insert(&mut t, ing(lemma), lemma, Form::Gerund);
        }
        t
    })
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn third_person(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with('s')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn past_ed(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if w.ends_with('e') {
        format!("{w}d")
    } else if EN_DOUBLE.contains(&w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

fn ing(w: &str) -> String {
    if w.ends_with('e') && !w.ends_with("ee") {
        format!("{}ing", &w[..w.len() - 1])
    } else if EN_DOUBLE.contains(&w) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// The speech verb a lowercase word is a form of, if any.
pub fn lookup(lang: Lang, lower: &str) -> Option<Cue> {
    match lang {
        Lang::Fr => french().get(lower).copied(),
        _ => english().get(lower).copied(),
    }
}

/// Auxiliaries that take a speech participle (a déclaré, avait dit, s'est
/// exclamé; has said, had told).
pub fn is_auxiliary(lang: Lang, lower: &str) -> bool {
    match lang {
        Lang::Fr => matches!(
            lower,
            "a" | "ont"
                | "avait"
                | "avaient"
                | "aura"
                | "auront"
                | "aurait"
                | "auraient"
                | "eut"
                | "est"
                | "sont"
                | "était"
                | "étaient"
                | "ai"
                | "avons"
                | "avez"
        ),
        _ => matches!(lower, "has" | "have" | "had" | "'s" | "'ve" | "'d"),
    }
}

/// Whether a form of `faire` is a cue with this next word (fait valoir,
/// a fait savoir, fait remarquer).
pub fn completes_faire(next_lower: &str) -> bool {
    matches!(
        next_lower,
        "valoir" | "savoir" | "remarquer" | "observer" | "part" | "état"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(w: &str) -> Option<Form> {
        lookup(Lang::Fr, w).map(|c| c.form)
    }
    fn en(w: &str) -> Option<Form> {
        lookup(Lang::En, w).map(|c| c.form)
    }

    #[test]
    fn french_forms_are_generated() {
        for w in [
            "déclare",
            "déclarait",
            "déclara",
            "déclarent",
            "déclarera",
            "affirme",
            "estimait",
            "annonçait",
            "annonça",
            "jugeait",
            "martèle",
            "rappelle",
            "répète",
            "réagit",
            "réagissait",
            "avertit",
            "dit",
            "disait",
            "écrit",
            "écrivait",
            "reconnaît",
            "reconnait",
            "prévient",
            "conclut",
            "poursuit",
            "répond",
            "soutient",
            "admet",
            "reprend",
            "dément",
            "lance",
            "lâche",
            "tweete",
            "confie",
        ] {
            assert_eq!(fr(w), Some(Form::Finite), "{w}");
        }
        for w in [
            "déclaré",
            "déclarée",
            "dit",
            "écrit",
            "reconnu",
            "prévenu",
            "conclu",
            "poursuivi",
            "répondu",
            "réagi",
            "ajouté",
            "lancé",
            "soutenu",
            "admis",
            "repris",
            "démenti",
        ] {
            assert!(
                matches!(fr(w), Some(Form::Participle | Form::Finite)),
                "{w}"
            );
        }
        assert_eq!(fr("déclaré"), Some(Form::Participle));
        assert_eq!(fr("déclarant"), Some(Form::Gerund));
        assert_eq!(fr("préciser"), Some(Form::Infinitive));
        assert_eq!(fr("maison"), None);
        assert_eq!(fr("lancement"), None);
    }

    #[test]
    fn english_forms_are_generated() {
        // the bare-clause verbs must be cues, or their rule never fires
        for w in EN_BARE_CLAUSE
            .iter()
            .chain(&["adds", "tweeted", "replied", "replies", "denied", "quipped"])
        {
            assert_eq!(en(w), Some(Form::Finite), "{w}");
        }
        assert_eq!(en("saying"), Some(Form::Gerund));
        assert_eq!(en("arguing"), Some(Form::Gerund));
        assert_eq!(en("written"), Some(Form::Participle));
        assert_eq!(en("house"), None);
    }

    #[test]
    fn auxiliaries() {
        assert!(is_auxiliary(Lang::Fr, "avait"));
        assert!(is_auxiliary(Lang::En, "has"));
        assert!(!is_auxiliary(Lang::Fr, "le"));
    }
}
