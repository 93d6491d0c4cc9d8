//! An acronym the text uses without defining it, made of the initials of a
//! name it writes in full elsewhere ("l'Olympique de Marseille … L'OM",
//! "le Paris Saint-Germain … le PSG"): the acronym names the same thing
//! and takes its label. Bracketed definitions are `acronyms`' work.

use super::{M, acronym_letters, is_acronym, spells};
use crate::analysis::Label;
use crate::analysis::gazetteer::{FastMap, Gazetteer};

pub(super) fn initials_of_names(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    // the names an acronym could abbreviate: two capitalised words or more
    let names: Vec<&M> = ms
        .iter()
        .filter(|m| {
            m.0.len() >= 2
                && words[m.0.clone()]
                    .iter()
                    .filter(|w| super::is_cap(w))
                    .count()
                    >= 2
        })
        .collect();
    if names.is_empty() {
        return ms;
    }
    let mut covered = vec![false; words.len()];
    for m in &ms {
        covered[m.0.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut found: FastMap<&str, Option<Label>> = FastMap::default();
    let mut add: Vec<M> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // an acronym of a common noun ("PME", "TVA") is no name's
        if covered[i] || !is_acronym(w) || Gazetteer::get().is_common_acronym(w) {
            continue;
        }
        // with figures it is a code ("le vol AF447" of Air France)
        if w.chars().any(|c| !c.is_alphabetic()) {
            continue;
        }
        // among capitals it is a headline's word ("SHEARER NAMED AS ENGLAND")
        let shouted = |j: usize| {
            words.get(j).is_some_and(|x| {
                x.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !x.chars().any(char::is_lowercase)
            })
        };
        if shouted(i + 1) || i > 0 && shouted(i - 1) {
            continue;
        }
        let label = *found.entry(w).or_insert_with(|| {
            let letters = acronym_letters(w);
            // one name only: two names of the same initials leave it open
            let mut spelt = names
                .iter()
                .filter(|m| spells(&words[m.0.clone()], &letters));
            match (spelt.next(), spelt.next()) {
                (Some(m), None) => Some(m.1),
                (Some(m), Some(n)) if m.1 == n.1 && words[m.0.clone()] == words[n.0.clone()] => {
                    Some(m.1)
                }
                _ => None,
            }
        });
        if let Some(l) = label {
            add.push((i..i + 1, l));
        }
    }
    if add.is_empty() {
        return ms;
    }
    ms.extend(add);
    ms.sort_by_key(|m| m.0.start);
    ms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, ms: Vec<M>) -> Vec<(String, Label)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        initials_of_names(&words, ms)
            .into_iter()
            .map(|(r, l)| (words[r].join(" "), l))
            .collect()
    }

    fn owned(xs: &[(&str, Label)]) -> Vec<(String, Label)> {
        xs.iter().map(|(w, l)| (w.to_string(), *l)).collect()
    }

    #[test]
    fn an_acronym_of_a_name_written_in_full_takes_its_label() {
        assert_eq!(
            run(
                "Le PSG a battu l' Olympique de Marseille dimanche . L' OM reste cinquième , \
                 loin de l' OM des années 1990 .",
                vec![(1..2, Label::Org), (5..8, Label::Org)]
            ),
            owned(&[
                ("PSG", Label::Org),
                ("Olympique de Marseille", Label::Org),
                ("OM", Label::Org),
                ("OM", Label::Org)
            ])
        );
        // hyphenated words give one initial a part
        assert_eq!(
            run(
                "le Paris Saint-Germain a gagné ; le PSG est premier",
                vec![(1..3, Label::Org)]
            ),
            owned(&[("Paris Saint-Germain", Label::Org), ("PSG", Label::Org)])
        );
    }

    #[test]
    fn no_acronym_among_capitals_or_of_two_names() {
        // a headline's word spells a name by chance
        assert_eq!(
            run(
                "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN . Alan Shearer will lead",
                vec![(8..10, Label::Per)]
            ),
            owned(&[("Alan Shearer", Label::Per)])
        );
        // two names of the same initials: which one is not said
        assert_eq!(
            run(
                "la Banque centrale européenne et le Bureau central électoral : la BCE",
                vec![(1..4, Label::Org), (6..9, Label::Org)]
            ),
            owned(&[
                ("Banque centrale européenne", Label::Org),
                ("Bureau central électoral", Label::Org)
            ])
        );
        // a flight's or a model's code is no acronym of its maker
        assert_eq!(
            run(
                "le vol AF447 assuré par Air France",
                vec![(5..7, Label::Org)]
            ),
            owned(&[("Air France", Label::Org)])
        );
        // a common noun's acronym is nobody's
        assert_eq!(
            run(
                "la Taxe Villes Aériennes et la TVA",
                vec![(1..4, Label::Misc)]
            ),
            owned(&[("Taxe Villes Aériennes", Label::Misc)])
        );
    }
}
