//! Titles of works written between quotation marks.

use super::{M, ORG_HEADS, is_cap};
use crate::analysis::Label;
use crate::analysis::gazetteer::Gazetteer;

/// Opening and closing quotation marks, as the tokeniser gives them.
fn opens(w: &str) -> bool {
    matches!(w, "\"" | "«" | "“")
}

fn closes(w: &str) -> bool {
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
    "album",
    "albums",
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
    let k = if w(k) == "," { k + 1 } else { k };
    if MADE.contains(&w(k)) {
        return matches!(w(k + 1), "par" | "en" | "chez");
    }
    w(k) == "est" && matches!(w(k + 1), "un" | "une") && KINDS_OF_WORKS.contains(&w(k + 2))
}

/// Words a title between quotation marks has at most.
const MAX_TITLE_WORDS: usize = 6;

/// Words at most of a title its kind announces ("le film « Vol au-dessus
/// d'un nid de coucou »") or describes after it.
const MAX_KIND_TITLE_WORDS: usize = 12;

/// Words at most of a title in which the labeller found no name.
const MAX_UNSEEN_TITLE_WORDS: usize = 4;

/// French writes the title of a book, film, song, show or game between
/// quotation marks with a capital first ("le roman « Vol de nuit »", "dans
/// « The Good Wife »"): a works title is MISC (GUIDELINES.md), and the
/// labeller, which reads the title's own words, takes it for a person, a
/// place, an organisation or pieces of names. Only where the quotation
/// follows what titles follow; known names and organisations keep their
/// label ("« Le Monde »", "« İyi Parti »").
pub(super) fn quoted_titles(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    // where the closing mark of the last title found is
    let mut last_title = None;
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
        let title = &words[start..end];
        // a title follows what titles follow; with an organisation's head
        // word, it is an organisation ("« İyi Parti »"); long or punctuated,
        // a sentence
        let listed =
            i >= 2 && matches!(words[i - 1], "," | "et" | "ou") && last_title == Some(i - 2);
        // the kind of work just before ("le film « … »", "le célèbre jeu ,
        // « … »") or described after: a title, however long, with its
        // subtitle and its punctuation ("le film « Astérix et Obélix : Au
        // service de Sa Majesté »", "« Moi , moche et méchant 2 » ( 2013 )")
        // (not "titre" nor "histoire", which also head a newspaper's
        // headline and a story told: "sous le titre « Nous irons … »")
        let kind_noun =
            |w: &str| KINDS_OF_WORKS.contains(&w) && !matches!(w, "titre" | "titres" | "histoire");
        let kind = (i > 0 && kind_noun(words[i - 1]))
            || (i > 1 && words[i - 1] == "," && kind_noun(words[i - 2]))
            || described_after(words, end + 1);
        let before = i > 0
            && (BEFORE_TITLES.contains(&words[i - 1]) || KINDS_OF_WORKS.contains(&words[i - 1]));
        // a subtitle after a colon opens on a capital ("dans « Mortal
        // Kombat : Mystification »")
        let subtitle =
            |k: usize| title[k] == ":" && k > 0 && title.get(k + 1).is_some_and(|w| is_cap(w));
        if !(listed || before || kind)
            || title.len() > if kind { MAX_KIND_TITLE_WORDS } else { MAX_TITLE_WORDS }
            // a quotation closed on a comma is cut from a sentence
            || title.last() == Some(&",")
            || title.iter().enumerate().any(|(k, w)| {
                (matches!(*w, "." | ";" | "(" | ")")
                    || matches!(*w, "," | ":" | "?" | "!") && !kind && !subtitle(k))
                    || ORG_HEADS.contains(&w.to_lowercase().as_str())
            })
        {
            i = end;
            continue;
        }
        // the mentions inside the quotation marks, and none across them
        let first = ms.partition_point(|m| m.0.end <= start);
        let last = first + ms[first..].partition_point(|m| m.0.start < end);
        let inside = &ms[first..last];
        if inside.iter().any(|m| m.0.start < start || m.0.end > end) {
            i = end;
            continue;
        }
        // a name the gazetteers know keeps its label ("dans « Le Monde »");
        // a quoted stretch the labeller found nothing in is a title only
        // when short ("de « Wish »"), longer ones being sayings
        let known = Gazetteer::get().known(title);
        if known.first().is_some_and(|k| k.0 == (0..title.len()))
            || (inside.is_empty() && !kind && title.len() > MAX_UNSEEN_TITLE_WORDS)
        {
            i = end;
            continue;
        }
        ms.splice(first..last, [(start..end, Label::Misc)]);
        last_title = Some(end);
        i = end;
    }
    ms
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
