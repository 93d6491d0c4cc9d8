//! Terms of scholarship that look like names: periods of history, which
//! are MISC ("le Moyen Âge", "la Renaissance"), and the Latin names of
//! living things, which are no entity ("Aedes aegypti", "la famille des
//! Asteraceae").

use super::M;
use crate::analysis::Label;

/// Periods of history written as names, word by word. "Renaissance" and
/// "Antiquité" only after an article ("à la Renaissance"): alone,
/// "Renaissance" is also a French party.
const PERIODS: &[&[&str]] = &[
    &["Haut", "Moyen", "Âge"],
    &["Bas", "Moyen", "Âge"],
    &["Moyen", "Âge"],
    &["Moyen-Âge"],
    &["Belle", "Époque"],
    &["Trente", "Glorieuses"],
    &["Années", "folles"],
    &["Ancien", "Régime"],
    &["Guerre", "froide"],
];
const PERIODS_AFTER_ARTICLE: &[&str] = &["Renaissance", "Antiquité"];

/// A period of history is MISC, whatever the labeller read in its words
/// ("Moyen" a person, "Renaissance" an organisation).
pub(super) fn periods(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // (every period opens on a capital: most words are skipped at once)
        if !super::is_cap(words[i]) {
            i += 1;
            continue;
        }
        let len = PERIODS
            .iter()
            .find(|p| words[i..].starts_with(p))
            .map(|p| p.len())
            .or_else(|| {
                (PERIODS_AFTER_ARTICLE.contains(&words[i])
                    && i > 0
                    && matches!(words[i - 1], "la" | "La" | "l'" | "l’" | "L'" | "L’"))
                .then_some(1)
            });
        match len {
            Some(n) => {
                found.push(i..i + n);
                i += n;
            }
            None => i += 1,
        }
    }
    if found.is_empty() {
        return ms;
    }
    // a longer name holding the period keeps its label ("Musée du Moyen
    // Âge", a title in quotation marks)
    for r in found {
        let holder = ms
            .iter()
            .any(|(m, _)| m.start <= r.start && m.end >= r.end && m.len() > r.len());
        if holder {
            continue;
        }
        ms.retain(|(m, _)| m.end <= r.start || m.start >= r.end);
        ms.push((r, Label::Misc));
    }
    ms.sort_by_key(|m| m.0.start);
    ms
}

/// Endings of a Latin species epithet ("aegypti", "argus", "picta",
/// "australiensis"; not "-e", which French adjectives end with).
const EPITHET_ENDINGS: &[&str] = &["us", "a", "um", "is", "ae", "i", "ii", "ensis", "oides"];

/// Words a French title opens with, which no genus is ("« Mes ennuis »").
const NOT_GENERA: &[&str] = &[
    "Le", "La", "Les", "Un", "Une", "Des", "Du", "Au", "Aux", "Mon", "Ma", "Mes", "Ton", "Ta",
    "Tes", "Son", "Sa", "Ses", "Nos", "Vos", "Leur", "Leurs", "Ce", "Cet", "Cette", "Ces", "En",
    "Il", "Elle", "On", "Nous", "Vous", "Ils", "Elles", "Je", "Tu", "Et", "Ou", "Mais",
];

/// Nouns before a Latin name ("le moustique Aedes aegypti", "l'espèce
/// Papilio phorbanta", "du genre Cyclura").
const TAXON_NOUNS: &[&str] = &[
    "genre",
    "espèce",
    "espèces",
    "moustique",
    "moustiques",
    "bactérie",
    "bactéries",
    "champignon",
    "plante",
    "arbre",
    "insecte",
    "papillon",
];

/// Endings of the Latin names of families and subfamilies ("Asteraceae",
/// "Geometridae", "Papilioninae").
const FAMILY_ENDINGS: &[&str] = &["aceae", "idae", "inae", "oidea"];

fn is_quote_mark(w: &str) -> bool {
    super::works::opens(w) || super::works::closes(w)
}

/// Whether `w` reads as a species epithet: a lowercase Latin word.
fn epithet(w: &str) -> bool {
    w.chars().count() >= 4
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && EPITHET_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The Latin name of a living thing is no entity: a genus and its epithet
/// between quotation marks (as italics come through) or after a noun of a
/// kind of living thing, a genus after "genre", a family by its ending.
/// The labeller takes the genus for a person or a place.
pub(super) fn latin_names(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    ms.retain(|(r, _)| {
        let s = r.start;
        let genus = w(s);
        if r.len() == 1
            && genus.chars().count() >= 7
            && FAMILY_ENDINGS.iter().any(|e| genus.ends_with(e))
        {
            return false;
        }
        // a genus is a Latin word, without accents ("« État islamique »")
        if r.len() > 2
            || NOT_GENERA.contains(&genus)
            || !genus.chars().all(|c| c.is_ascii_alphabetic())
        {
            return true;
        }
        // past an opening mark
        let before = if s > 0 && is_quote_mark(w(s - 1)) {
            s.checked_sub(2)
        } else {
            s.checked_sub(1)
        };
        let after_taxon = before.is_some_and(|b| TAXON_NOUNS.contains(&w(b)));
        let binomial = epithet(w(s + 1))
            && (after_taxon || s > 0 && is_quote_mark(w(s - 1)) && is_quote_mark(w(s + 2)));
        let genus_alone = r.len() == 1 && before.is_some_and(|b| w(b) == "genre");
        !(binomial || genus_alone)
    });
    ms
}

#[cfg(test)]
mod tests {
    use super::super::tests::{owned, run};
    use crate::analysis::Label;

    #[test]
    fn periods_of_history_are_misc() {
        let got = run(
            "Au Moyen Âge , la ville prospère puis décline à la Renaissance .",
            vec![(1..2, Label::Per), (11..12, Label::Org)],
        );
        assert_eq!(
            got,
            owned(&[("Moyen Âge", Label::Misc), ("Renaissance", Label::Misc)])
        );
        // the party, without an article, keeps its label
        let got = run(
            "Les députés Renaissance ont voté le texte .",
            vec![(2..3, Label::Org)],
        );
        assert_eq!(got, owned(&[("Renaissance", Label::Org)]));
    }

    #[test]
    fn latin_names_of_living_things_are_no_entities() {
        let got = run(
            "Le virus est transmis par le moustique Aedes aegypti , de la famille des Culicidae , comme « Papilio phorbanta » , une espèce du genre Papilio , vit à La Réunion .",
            vec![
                (7..8, Label::Org),
                (14..15, Label::Loc),
                (18..19, Label::Per),
                (26..27, Label::Per),
                (30..32, Label::Loc),
            ],
        );
        assert_eq!(got, owned(&[("La Réunion", Label::Loc)]));
        // a title of two words keeps its label
        let got = run(
            "Il publie « Mes ennuis » en 1950 .",
            vec![(3..5, Label::Misc)],
        );
        assert_eq!(got, owned(&[("Mes ennuis", Label::Misc)]));
    }
}
