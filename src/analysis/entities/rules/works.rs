//! Titles of works written between quotation marks.

use super::{M, ORG_HEADS, is_cap};
use crate::analysis::Label;
use crate::analysis::gazetteer::Gazetteer;

/// Opening and closing quotation marks, as the tokeniser gives them.
pub(super) fn opens(w: &str) -> bool {
    matches!(w, "\"" | "«" | "“")
}

pub(super) fn closes(w: &str) -> bool {
    matches!(w, "\"" | "»" | "”")
}

/// What a title between quotation marks follows: a preposition ("dans
/// « Evita »", "de « Phèdre »") or the noun of its kind ("le film « Vol de
/// nuit »", "une vidéo intitulée « … »"). After anything else (an article,
/// a colon, a verb of saying, a nickname's "alias") a capitalised
/// quotation is a coined word, a nickname, a slogan or what someone said;
/// after a comma or a conjunction, what the quotation before it was.
const BEFORE_TITLES: &[&str] = &[
    "à",
    "avec",
    "d'",
    "d’",
    "dans",
    "de",
    "du",
    "en",
    "par",
    "pour",
    "sur",
    "Dans",
    // what names one or more works among others ("comme « Metroid »",
    // "notamment « Donjons et Dragons »", "après « Super Mario Land »")
    "après",
    "avant",
    "comme",
    "depuis",
    "dont",
    "entre",
    "notamment",
    // the kinds of works are in KINDS_OF_WORKS
    // what qualifies them ("série télévisée", "bande dessinée", "album
    // studio", "série animée") and names them ("intitulé")
    "animé",
    "animée",
    "dessinée",
    "dessinées",
    "studio",
    "télévisé",
    "télévisée",
    "intitulé",
    "intitulée",
    "intitulés",
    "intitulées",
];

/// Kinds of works, in the singular and the plural: a title follows them
/// ("les albums « … »") or is said to be one ("« Evita » est un film").
const KINDS_OF_WORKS: &[&str] = &[
    "adaptation",
    "album",
    "albums",
    "autobiographie",
    "ballade",
    "biographie",
    "bd",
    "comics",
    "compilation",
    "concerto",
    "conte",
    "contes",
    "court-métrage",
    "diptyque",
    "ep",
    "EP",
    "fable",
    "fresque",
    "hymne",
    "long-métrage",
    "morceau",
    "morceaux",
    "mini-série",
    "opus",
    "peinture",
    "podcast",
    "saga",
    "sitcom",
    "sketch",
    "sonate",
    "suite",
    "symphonie",
    "toile",
    "trilogie",
    "volet",
    "websérie",
    "bande",
    "chanson",
    "chansons",
    "clip",
    "clips",
    "comédie",
    "disque",
    "disques",
    "documentaire",
    "drame",
    "émission",
    "émissions",
    "épisode",
    "épisodes",
    "essai",
    "feuilleton",
    "film",
    "films",
    "histoire",
    "jeu",
    "jeux",
    "livre",
    "livres",
    "magazine",
    "manga",
    "mangas",
    "œuvre",
    "œuvres",
    "opéra",
    "ouvrage",
    "ouvrages",
    "pièce",
    "pièces",
    "poème",
    "poèmes",
    "recueil",
    "revue",
    "roman",
    "romans",
    "série",
    "séries",
    "single",
    "singles",
    "spectacle",
    "tableau",
    "tableaux",
    "téléfilm",
    "titre",
    "titres",
    "tube",
    "vidéo",
];

/// Past participles that tell, after a title, who made it or when it came
/// out ("« Evita », réalisé par Alan Parker", "« Ravage » paru en 1943").
const MADE: &[&str] = &[
    "composé",
    "composée",
    "créé",
    "créée",
    "écrit",
    "écrite",
    "paru",
    "parue",
    "publié",
    "publiée",
    "réalisé",
    "réalisée",
    "sorti",
    "sortie",
];

/// Whether what follows a closing mark at `k` describes the quotation as a
/// work: its year in brackets ("« Low Cost » ( 2011 )"), who made it or
/// when it came out ("« Evita » , réalisé par", "« Ravage » paru en
/// 1943"), or its kind ("« Evita » est un film"). Not a participle alone,
/// which may report what was said ("« … » , écrit le ministre").
fn described_after(words: &[&str], k: usize) -> bool {
    let w = |j: usize| words.get(j).copied().unwrap_or("");
    if w(k) == "(" && w(k + 2) == ")" && w(k + 1).len() == 4 {
        return w(k + 1).chars().all(|c| c.is_ascii_digit());
    }
    let comma = w(k) == ",";
    let k = if comma { k + 1 } else { k };
    if MADE.contains(&w(k)) {
        return matches!(w(k + 1), "par" | "en" | "chez");
    }
    // "« Evita » est un film", "« Loose » est l' album le plus vendu", "«
    // Astérix gladiateur » , quatrième volet de la série", "« … » , un
    // autre roman de"
    let mut j = if !comma && matches!(w(k), "est" | "fut" | "était") {
        k + 1
    } else if comma {
        k
    } else {
        return false;
    };
    if matches!(
        w(j),
        "un" | "une" | "le" | "la" | "l'" | "l’" | "son" | "sa" | "leur"
    ) {
        j += 1;
    }
    for _ in 0..3 {
        if kind_at(words, j) {
            return j < words.len();
        }
        if !(qualifies(w(j)) || matches!(w(j), "autre" | "premier" | "dernier" | "second")) {
            return false;
        }
        j += 1;
    }
    false
}

/// Words a title between quotation marks has at most.
const MAX_TITLE_WORDS: usize = 6;

/// Words at most of a title its kind announces ("le film « Vol au-dessus
/// d'un nid de coucou »") or describes after it.
const MAX_KIND_TITLE_WORDS: usize = 12;

/// Words at most of a title after "de" or "dans", where French writes the
/// works one is the author of, plays in or quotes from ("l'auteur de « La
/// Possibilité d'une île »", "le premier rôle dans « Le Baiser de la femme
/// araignée »").
const MAX_WORK_OF_WORDS: usize = 9;

/// Words at most of a title in which the labeller found no name.
const MAX_UNSEEN_TITLE_WORDS: usize = 4;

#[derive(Clone, Copy)]
/// A quotation with a capital first, between its marks: `open` is the
/// opening mark, `end` the closing one.
struct Quotation {
    open: usize,
    end: usize,
    /// what announces or describes it says it is a work, which lets it be
    /// long and punctuated
    kind: bool,
    /// what titles follow comes before it
    before: bool,
    /// "de" or "dans" comes before it
    work_of: bool,
}

/// The quotations opening on a capital, in text order.
fn quotations(words: &[&str]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !opens(words[i]) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let Some(len) = words[start..]
            .iter()
            .take(MAX_KIND_TITLE_WORDS + 3)
            .position(|w| closes(w) || opens(w))
        else {
            i += 1;
            continue;
        };
        let end = start + len;
        if len == 0 || !closes(words[end]) || !is_cap(words[start]) {
            i = end.max(start);
            continue;
        }
        out.push(Quotation {
            open: i,
            end,
            kind: kind_before(words, i)
                || described_after(words, end + 1)
                || kind_in_apposition(words, i),
            before: i > 0
                && (BEFORE_TITLES.contains(&words[i - 1])
                    || KINDS_OF_WORKS.contains(&words[i - 1]))
                || kind_in_apposition(words, i),
            work_of: i > 0 && matches!(words[i - 1], "de" | "d'" | "d’" | "du" | "dans" | "Dans"),
        });
        // a straight mark closing a quotation may open the next one (where a
        // title in a sentence was lost, its marks are unpaired)
        i = end;
    }
    out
}

/// Whether the quotations `a` and `b` follow each other in a list: a
/// comma, "et" or "ou" between them ("« A » , « B » et « C »").
fn listed(words: &[&str], a: &Quotation, b: &Quotation) -> bool {
    a.end < b.open
        && matches!(
            &words[a.end + 1..b.open],
            [","]
                | ["et"]
                | ["ou"]
                | [",", "et"]
                | [",", "ou"]
                | ["ou", "encore"]
                | [",", "ou", "encore"]
        )
}

/// French writes the title of a book, film, song, show or game between
/// quotation marks with a capital first ("le roman « Vol de nuit »", "dans
/// « The Good Wife »"): a works title is MISC (GUIDELINES.md), and the
/// labeller, which reads the title's own words, takes it for a person, a
/// place, an organisation or pieces of names. Only where the quotation
/// follows what titles follow, or is listed with one that does; known names
/// and organisations keep their label ("« Le Monde »", "« İyi Parti »").
pub(super) fn quoted_titles(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    let qs = quotations(words);
    if qs.is_empty() {
        return ms;
    }
    // the quotations that are titles on their own, then those listed with
    // one (before or after it: "« A » , « B » et le film « C »" is not a
    // list, "le film « A » , « B » et « C »" and "« A » et « B » ( 2012 )"
    // are)
    let own: Vec<bool> = qs
        .iter()
        .map(|q| (q.kind || q.before) && title_fits(words, &ms, q))
        .collect();
    let mut take = own.clone();
    let mut g = 0;
    while g < qs.len() {
        let mut h = g + 1;
        while h < qs.len() && listed(words, &qs[h - 1], &qs[h]) {
            h += 1;
        }
        if own[g..h].iter().any(|&t| t) {
            // the items of a list of works after "de" or "dans" may be as
            // long as its first ("auteur de « A » , « B » ou encore « C »")
            let work_of = qs[g..h].iter().any(|q| q.work_of || q.kind);
            for k in g..h {
                let q = Quotation { work_of, ..qs[k] };
                take[k] = own[k] || title_fits(words, &ms, &q);
            }
        }
        g = h;
    }
    for (q, _) in qs.iter().zip(&take).filter(|(_, t)| **t) {
        ms = make_title(words, ms, q.open + 1..q.end);
    }
    ms
}

/// Whether the words of a quotation read as a title: a title follows what
/// titles follow; with an organisation's head word, it is an organisation
/// ("« İyi Parti »"); long or punctuated, a sentence (unless its kind
/// announces it, which lets it have a subtitle and punctuation: "le film
/// « Astérix et Obélix : Au service de Sa Majesté »"); a name the
/// gazetteers know keeps its label ("dans « Le Monde »"); a quoted stretch
/// the labeller found nothing in is a title only when short ("de
/// « Wish »"), longer ones being sayings.
fn title_fits(words: &[&str], ms: &[M], q: &Quotation) -> bool {
    let (start, end) = (q.open + 1, q.end);
    let title = &words[start..end];
    let kind = q.kind;
    // a subtitle after a colon opens on a capital ("dans « Mortal
    // Kombat : Mystification »")
    let subtitle =
        |k: usize| title[k] == ":" && k > 0 && title.get(k + 1).is_some_and(|w| is_cap(w));
    let longest = if kind {
        MAX_KIND_TITLE_WORDS
    } else if q.work_of {
        MAX_WORK_OF_WORDS
    } else {
        MAX_TITLE_WORDS
    };
    if title.len() > longest
        // a quotation closed on a comma is cut from a sentence
        || title.last() == Some(&",")
        || title.iter().enumerate().any(|(k, w)| {
            (matches!(*w, "." | ";" | "(" | ")")
                || matches!(*w, "," | ":" | "?" | "!") && !kind && !subtitle(k))
                || ORG_HEADS.contains(&w.to_lowercase().as_str())
        })
    {
        return false;
    }
    let first = ms.partition_point(|m| m.0.end <= start);
    let last = first + ms[first..].partition_point(|m| m.0.start < end);
    let inside = &ms[first..last];
    let known = Gazetteer::get().known(title);
    !(known.first().is_some_and(|k| k.0 == (0..title.len()))
        || (inside.is_empty() && !kind && !q.work_of && title.len() > MAX_UNSEEN_TITLE_WORDS))
}

/// The quoted title at `r` becomes one MISC mention, in place of the
/// mentions inside it; a mention the labeller ran across a mark keeps what
/// it has outside, from its first capitalised word ("le comité de rédaction
/// de « Politica hermetica »", "« The Dark Knight Rises » et Snyder").
fn make_title(words: &[&str], mut ms: Vec<M>, r: std::ops::Range<usize>) -> Vec<M> {
    let first = ms.partition_point(|m| m.0.end <= r.start);
    let last = first + ms[first..].partition_point(|m| m.0.start < r.end);
    let mut kept: Vec<M> = Vec::new();
    let mut after: Vec<M> = Vec::new();
    for m in &ms[first..last] {
        // before the opening mark, up to its last capitalised word
        if m.0.start + 1 < r.start {
            let mut e = r.start - 1;
            while e > m.0.start && !is_cap(words[e - 1]) {
                e -= 1;
            }
            if e > m.0.start {
                kept.push((m.0.start..e, m.1));
            }
        }
        // past the closing mark, from its first capitalised word
        if m.0.end > r.end + 1 {
            let mut b = r.end + 1;
            while b < m.0.end && !is_cap(words[b]) {
                b += 1;
            }
            if b < m.0.end {
                after.push((b..m.0.end, m.1));
            }
        }
    }
    kept.push((r, Label::Misc));
    kept.extend(after);
    ms.splice(first..last, kept);
    ms
}

/// Whether the kind of a work comes before the mark at `i`, right before
/// it ("le film « … »", "le célèbre jeu , « … »") or past what qualifies it
/// ("le film parodique « … »", "la série télé à succès « … »", "son
/// premier album solo « … »") (not "titre" nor "histoire", which also head
/// a newspaper's headline and a story told: "sous le titre « Nous irons
/// … »").
fn kind_before(words: &[&str], i: usize) -> bool {
    let kind_noun =
        |j: usize| kind_at(words, j) && !matches!(words[j], "titre" | "titres" | "histoire");
    let mut k = i;
    if k > 1 && words[k - 1] == "," {
        k -= 1;
    }
    // up to three qualifiers, "à succès" one of them
    for _ in 0..=3 {
        if k == 0 {
            return false;
        }
        let w = words[k - 1];
        if kind_noun(k - 1) {
            return true;
        }
        if k > 1 && w == "succès" && words[k - 2] == "à" {
            k -= 2;
        } else if qualifies(w) {
            k -= 1;
        } else {
            return false;
        }
    }
    false
}

/// Whether the word at `j` is the kind of a work (not "suite" in "par la
/// suite", "à la suite", "de suite").
fn kind_at(words: &[&str], j: usize) -> bool {
    KINDS_OF_WORKS.contains(&words[j])
        && !(words[j] == "suite"
            && j > 1
            && matches!(words[j - 2], "par" | "à" | "de" | "Par" | "À"))
}

/// Words a noun phrase naming the kind of a work has at most before the
/// title it is in apposition with.
const MAX_APPOSED_PHRASE: usize = 8;

/// Whether the quotation at `i` is in apposition with a noun phrase that
/// names the kind of a work, which says it is one as the kind right before
/// it does: "son dernier roman , « … »", "le sixième album
/// d' Oasis , « … »", "une chanson du groupe Slade , « … »", "la troisième
/// histoire , « … »" (not "par la suite , « … »").
fn kind_in_apposition(words: &[&str], i: usize) -> bool {
    if i < 2 || words[i - 1] != "," {
        return false;
    }
    for j in (i.saturating_sub(2 + MAX_APPOSED_PHRASE)..i - 1).rev() {
        let w = words[j];
        if !w.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        if kind_at(words, j) && !matches!(w, "titre" | "titres") {
            return true;
        }
    }
    false
}

/// Whether a lowercase word after the kind of a work qualifies it: an
/// adjective or participle by its ending ("dramatique", "policière",
/// "télévisée", "américaine", "culte"), or a word of kinds and genres
/// ("télé", "solo", "rock").
fn qualifies(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "é", "ée", "és", "ées", "ique", "iques", "if", "ive", "ifs", "ives", "el", "elle", "els",
        "elles", "al", "ale", "aux", "ales", "aire", "aires", "eux", "euse", "euses", "ien",
        "ienne", "iens", "iennes", "ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois",
        "oise", "oises", "ier", "ière", "iers", "ières", "ant", "ante", "ants", "antes", "iste",
        "istes", "ème", "ièmes",
    ];
    const WORDS: &[&str] = &[
        "télé",
        "solo",
        "culte",
        "rock",
        "pop",
        "jazz",
        "rap",
        "folk",
        "punk",
        "metal",
        "soul",
        "live",
        "original",
        "originale",
        "jeunesse",
        "phare",
        "inédit",
        "inédite",
        "posthume",
        "court",
        "long",
        "suivant",
        "suivante",
        "précédent",
        "précédente",
        "nouveau",
        "nouvel",
    ];
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && w.chars().count() > 2
        && !w.ends_with("ment")
        && (WORDS.contains(&w) || ENDINGS.iter().any(|e| w.ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, ms: Vec<M>) -> Vec<(String, Label)> {
        let words: Vec<&str> = s.split(' ').collect();
        quoted_titles(&words, ms)
            .into_iter()
            .map(|(r, l)| (words[r].join(" "), l))
            .collect()
    }

    fn misc(s: &str) -> Vec<(String, Label)> {
        vec![(s.to_string(), Label::Misc)]
    }

    #[test]
    fn a_quoted_title_after_its_noun_or_a_preposition_is_misc() {
        // pieces of names inside a film's title
        assert_eq!(
            run(
                "Elle joue dans le film « Le Retour de Don Camillo » en 1953 .",
                vec![(7..8, Label::Per), (9..11, Label::Per)]
            ),
            misc("Le Retour de Don Camillo")
        );
        // a series the labeller took for a place, after a preposition
        assert_eq!(
            run(
                "Il apparaît dans « Grey's Anatomy » en 2010 .",
                vec![(4..6, Label::Loc)]
            ),
            misc("Grey's Anatomy")
        );
        // a short title in which the labeller found nothing, and the
        // titles listed after it
        assert_eq!(
            run(
                "Elle chante « Wish » sur l' album « Silence éternel » , « Nuit » et « Aube » .",
                vec![]
            ),
            vec![
                ("Silence éternel".to_string(), Label::Misc),
                ("Nuit".to_string(), Label::Misc),
                ("Aube".to_string(), Label::Misc),
            ]
        );
        // after a plural kind, and a kind's qualifier
        assert_eq!(
            run(
                "les albums « Nuit blanche » et « Aube » , la série animée « Kiko »",
                vec![(3..5, Label::Loc)]
            ),
            vec![
                ("Nuit blanche".to_string(), Label::Misc),
                ("Aube".to_string(), Label::Misc),
                ("Kiko".to_string(), Label::Misc),
            ]
        );
        // words listed after what is no title
        assert_eq!(
            run(
                "les mots « Liberté » , « Égalité » et « Fraternité »",
                vec![]
            ),
            vec![]
        );
    }

    #[test]
    fn a_title_its_kind_announces_may_be_long_with_a_subtitle() {
        // long, and the labeller found nothing in it
        assert_eq!(
            run(
                "Elle compare cette expérience au film « Vol au-dessus d' un nid de coucou » .",
                vec![]
            ),
            misc("Vol au-dessus d' un nid de coucou")
        );
        // a subtitle and a comma, after the kind and a comma
        assert_eq!(
            run(
                "Il joue dans le célèbre jeu , « Star Wars , épisode I : La Menace fantôme » .",
                vec![(8..10, Label::Misc), (14..17, Label::Misc)]
            ),
            misc("Star Wars , épisode I : La Menace fantôme")
        );
        // a subtitle after a preposition
        assert_eq!(
            run(
                "Il apparaît dans « Mortal Kombat : Mystification » en 1997 .",
                vec![(4..6, Label::Org)]
            ),
            misc("Mortal Kombat : Mystification")
        );
        // after a preposition, a long quotation or one with a comma stays
        // what it was
        assert_eq!(
            run(
                "Il parle de « Nous , les Français de Paris » hier .",
                vec![(7..8, Label::Misc), (9..10, Label::Loc)]
            ),
            vec![
                ("Français".to_string(), Label::Misc),
                ("Paris".to_string(), Label::Loc)
            ]
        );
    }

    #[test]
    fn a_quoted_title_described_after_it_is_misc() {
        // its kind, its year in brackets, who made it
        assert_eq!(
            run("« Evita » est un film musical de 1996 .", vec![]),
            misc("Evita")
        );
        assert_eq!(
            run(
                "après « Les Nuits rouges de Harlem » ( 1971 ) , il tourne",
                vec![(5..6, Label::Loc)]
            ),
            misc("Les Nuits rouges de Harlem")
        );
        assert_eq!(
            run(
                "« Le Roi danse » , réalisé par Gérard Corbiau , montre",
                vec![(8..10, Label::Per)]
            ),
            vec![
                ("Le Roi danse".to_string(), Label::Misc),
                ("Gérard Corbiau".to_string(), Label::Per)
            ]
        );
        // what someone said and wrote, a year in brackets that is no year
        assert_eq!(
            run(
                "« Nous partons » , écrit le ministre Jean Dupont .",
                vec![(8..10, Label::Per)]
            ),
            vec![("Jean Dupont".to_string(), Label::Per)]
        );
        assert_eq!(run("« Nous partons » ( 12 ) .", vec![]), vec![]);
    }

    #[test]
    fn a_title_after_its_qualified_kind_in_apposition_or_in_a_list() {
        // the kind past its qualifiers
        assert_eq!(
            run(
                "Elle tient le rôle principal de la série télé à succès « Les Voisins » .",
                vec![]
            ),
            misc("Les Voisins")
        );
        assert_eq!(
            run(
                "Il tourne le film parodique « Grands Moyens » en 1991 .",
                vec![(5..7, Label::Org)]
            ),
            misc("Grands Moyens")
        );
        // a noun phrase naming its kind, in apposition before it
        assert_eq!(
            run(
                "Il sort en 2004 son troisième album chez Sony , « Nuits de Lune » .",
                vec![(8..9, Label::Org), (13..14, Label::Loc)]
            ),
            vec![
                ("Sony".to_string(), Label::Org),
                ("Nuits de Lune".to_string(), Label::Misc)
            ]
        );
        // which lets it be long, with its subtitle
        assert_eq!(
            run(
                "Elle joue dans la série de Jean Roy , « Les Voisins : Une nouvelle vie à la mer » .",
                vec![(6..8, Label::Per)]
            ),
            vec![
                ("Jean Roy".to_string(), Label::Per),
                (
                    "Les Voisins : Une nouvelle vie à la mer".to_string(),
                    Label::Misc
                )
            ]
        );
        // the first of a list the next ones make a list of titles, and a
        // name the labeller ran across a mark keeps its outside part
        assert_eq!(
            run(
                "Il écrit « Marée basse » , « Le Phare » et « Brume » ( 2012 ) avec Jean Roy .",
                vec![
                    (3..4, Label::Loc),
                    (8..10, Label::Per),
                    (19..21, Label::Per)
                ]
            ),
            vec![
                ("Marée basse".to_string(), Label::Misc),
                ("Le Phare".to_string(), Label::Misc),
                ("Brume".to_string(), Label::Misc),
                ("Jean Roy".to_string(), Label::Per),
            ]
        );
        assert_eq!(
            run(
                "les films « Le Phare » et « Marée basse » et Jean Roy joue",
                vec![(8..14, Label::Per)]
            ),
            vec![
                ("Le Phare".to_string(), Label::Misc),
                ("Marée basse".to_string(), Label::Misc),
                ("Jean Roy".to_string(), Label::Per),
            ]
        );
        // a longer title after "dans"; not after "par la suite"
        assert_eq!(
            run(
                "Il joue dans « Le Retour du grand voyageur de la nuit » .",
                vec![]
            ),
            misc("Le Retour du grand voyageur de la nuit")
        );
        assert_eq!(
            run(
                "Par la suite , « Paris » a répondu le maire .",
                vec![(5..6, Label::Loc)]
            ),
            vec![("Paris".to_string(), Label::Loc)]
        );
    }

    #[test]
    fn a_title_among_others_or_described_by_its_kind_after_it() {
        // works named among others
        assert_eq!(
            run(
                "Il a écrit trente romans , dont « Les Grands Chemins » et « Marée basse » .",
                vec![(8..10, Label::Loc)]
            ),
            vec![
                ("Les Grands Chemins".to_string(), Label::Misc),
                ("Marée basse".to_string(), Label::Misc),
            ]
        );
        // its kind after it, past an article and what qualifies it
        assert_eq!(
            run(
                "« Nuits de Lune » est l' album le plus vendu de 2004 .",
                vec![(3..4, Label::Loc)]
            ),
            misc("Nuits de Lune")
        );
        assert_eq!(
            run(
                "« Astérix en Corse » , quatrième volet de la série , sort .",
                vec![(1..2, Label::Per), (3..4, Label::Loc)]
            ),
            misc("Astérix en Corse")
        );
        // what someone said before a verb of saying stays speech
        assert_eq!(
            run(
                "« Merci Paris » , a déclaré le maire .",
                vec![(2..3, Label::Loc)]
            ),
            vec![("Paris".to_string(), Label::Loc)]
        );
    }

    #[test]
    fn quotations_that_are_not_titles_keep_their_labels() {
        // what someone said, a slogan, a nickname, a coined word
        let said = "Il a répondu : « Merci Paris » avant de partir .";
        assert_eq!(
            run(said, vec![(6..7, Label::Loc)]),
            vec![("Paris".to_string(), Label::Loc)]
        );
        let nickname = "Maxime Nicolle alias « Fly Rider » était là .";
        assert_eq!(
            run(nickname, vec![(0..2, Label::Per), (4..6, Label::Per)]),
            vec![
                ("Maxime Nicolle".to_string(), Label::Per),
                ("Fly Rider".to_string(), Label::Per)
            ]
        );
        assert_eq!(run("remplacer l' « Obamacare » vite", vec![]), vec![]);
        // a known newspaper, a party named by its head word
        assert_eq!(
            run(
                "un article dans « Le Monde » hier",
                vec![(4..6, Label::Org)]
            ),
            vec![("Le Monde".to_string(), Label::Org)]
        );
        assert_eq!(
            run(
                "le chef du « Parti des travailleurs » dit",
                vec![(4..7, Label::Org)]
            ),
            vec![("Parti des travailleurs".to_string(), Label::Org)]
        );
        // a long quotation with nothing found is a saying, not a title
        assert_eq!(
            run("sous le titre « Nous irons tous au bois demain » .", vec![]),
            vec![]
        );
    }
}
