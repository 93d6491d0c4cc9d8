//! Corrections after the labeller, all generic: trim words that cannot
//! border a name, apply the known-name gazetteers, and make the labels of
//! one text consistent ("Musk" after "Elon Musk", "Mistral" after
//! "Mistral AI", a name labelled in one place and missed in another).

use std::ops::Range;

use crate::analysis::gazetteer::{FastMap, FastSet, Gazetteer};
use crate::analysis::names;
use crate::analysis::{Label, Lang};

type M = (Range<usize>, Label);

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && !w.chars().any(char::is_uppercase)
}

/// Applies every correction; `initial[i]` says whether word `i` opens its
/// sentence.
pub fn refine(words: &[&str], initial: &[bool], lang: Lang, mentions: Vec<M>) -> Vec<M> {
    let mut ms: Vec<M> = mentions
        .into_iter()
        .filter_map(|m| trim(words, lang, m))
        .collect();
    ms = apply_known(words, initial, ms);
    ms = short_forms(words, initial, ms);
    ms = propagate(words, initial, ms);
    ms.sort_by_key(|m| m.0.start);
    ms
}

/// Words that never end a name ("Azure AI de"); lowercase adjectives may
/// ("la Révolution française").
const NEVER_LAST: &[&str] = &[
    "de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "à", "au", "aux", "en",
    "par", "pour", "sur", "avec", "dans", "of", "the", "and", "in", "for", "on", "at", "to", "a",
    "an", "by", "with",
];

/// Titles before a name, not part of it ("M. Macron", "Mrs. Smith").
const TITLES: &[&str] = &[
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Pr",
    "Pr.", "Mgr", "Prof.",
];

/// Drops titles from the start of a mention ("Mme Borne"), function words
/// from its end ("Azure AI de"), punctuation from both ends, and mentions
/// without a capital or a digit. Lowercase words may open a name in the
/// WikiNEuRal convention ("lac Michigan", "bataille de Carrhes").
fn trim(words: &[&str], lang: Lang, (mut r, l): M) -> Option<M> {
    let edge_junk = |w: &str| !w.chars().any(char::is_alphanumeric);
    // "M." is Monsieur in French, an initial in English ("M. Atherton")
    let title = |w: &str| TITLES.contains(&w) && (lang == Lang::Fr || !matches!(w, "M." | "MM."));
    while r.start < r.end && (edge_junk(words[r.start]) || title(words[r.start])) {
        r.start += 1;
    }
    // an elided word ("qu'", "l’") never ends a name either
    let elided = |w: &str| w.len() > 1 && (w.ends_with('\'') || w.ends_with('’'));
    while r.start < r.end && {
        let w = words[r.end - 1];
        (edge_junk(w) && !matches!(w, "." | ")")) || NEVER_LAST.contains(&w) || elided(w)
    } {
        r.end -= 1;
    }
    // an acronym of a common noun alone is no name ("l'IA", "une ONG")
    if r.len() == 1 && Gazetteer::get().is_common_acronym(words[r.start]) {
        return None;
    }
    // a name has a capital or a digit somewhere ("iPhone", "GPT-4");
    // "française" alone is not one
    let named = words[r.clone()]
        .iter()
        .any(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()));
    (r.start < r.end && named).then_some((r, l))
}

/// A mention made only of several known names and function words between
/// them ("Azure AI de Microsoft") is those names. `ms` and `known` are
/// sorted and do not overlap among themselves; linear in their lengths.
fn split_known(words: &[&str], known: &[M], ms: Vec<M>) -> Vec<M> {
    let mut known_at: Vec<Option<usize>> = vec![None; words.len()];
    for (k, (r, _)) in known.iter().enumerate() {
        known_at[r.clone()].iter_mut().for_each(|x| *x = Some(k));
    }
    let mut out = Vec::with_capacity(ms.len());
    for m in ms {
        let a = known.partition_point(|(k, _)| k.start < m.0.start);
        let b = a + known[a..].partition_point(|(k, _)| k.end <= m.0.end);
        let inside = &known[a..b];
        let covered = |i: usize| {
            known_at[i].is_some_and(|k| (a..b).contains(&k)) || NEVER_LAST.contains(&words[i])
        };
        if inside.len() >= 2 && m.0.clone().all(covered) {
            out.extend(inside.iter().cloned());
        } else {
            out.push(m);
        }
    }
    out
}

/// Known products and organisations take their gazetteer label; a match the
/// labeller missed is added unless it is part of a longer capitalised name,
/// or a first name the labeller took for a person ("Claude").
fn apply_known(words: &[&str], initial: &[bool], ms: Vec<M>) -> Vec<M> {
    let known = Gazetteer::get().known(words);
    let ms = split_known(words, &known, ms);
    // `ms` is sorted and without overlaps, so are the known names: one
    // sweep, each mention removed at most once.
    let mut removed = vec![false; ms.len()];
    let mut added = Vec::new();
    for (k, label) in known {
        let first = ms.partition_point(|m| m.0.end <= k.start);
        let overlapping: Vec<usize> = (first..ms.len())
            .take_while(|&j| ms[j].0.start < k.end)
            .filter(|&j| !removed[j])
            .collect();
        // A longer mention around the match is a different name
        // ("Google Cloud"): leave it.
        if overlapping
            .iter()
            .any(|&j| ms[j].0.start <= k.start && k.end <= ms[j].0.end && ms[j].0 != k)
        {
            continue;
        }
        let single_first_name = k.len() == 1 && names::is_first_name(words[k.start]);
        if single_first_name && overlapping.iter().any(|&j| ms[j].1 == Label::Per) {
            continue;
        }
        if overlapping.is_empty() {
            let next_cap = words.get(k.end).is_some_and(|w| is_cap(w));
            let prev_cap = k.start > 0 && !initial[k.start] && is_cap(words[k.start - 1]);
            if next_cap || prev_cap || single_first_name {
                continue;
            }
        }
        for j in overlapping {
            removed[j] = true;
        }
        added.push((k, label));
    }
    let mut out: Vec<M> = ms
        .into_iter()
        .zip(removed)
        .filter_map(|(m, r)| (!r).then_some(m))
        .chain(added)
        .collect();
    out.sort_by_key(|m| m.0.start);
    out
}

/// Every word written in lowercase in the text (borrowed: this runs on
/// every text and the words are already lowercase).
fn lowercase_words<'a>(words: &[&'a str]) -> FastSet<&'a str> {
    words.iter().copied().filter(|w| is_lower_word(w)).collect()
}

fn text_of(words: &[&str], r: &Range<usize>) -> String {
    words[r.clone()].join(" ")
}

/// Short forms of names mentioned in full elsewhere: a person's surname
/// ("Musk" for "Elon Musk") and an organisation's name without its legal or
/// field suffix ("Mistral" for "Mistral AI"), whichever comes first.
fn short_forms(words: &[&str], initial: &[bool], mut ms: Vec<M>) -> Vec<M> {
    let g = Gazetteer::get();
    let mut short: FastMap<&str, Label> = FastMap::default();
    let mut ambiguous: Vec<&str> = Vec::new();
    for (r, l) in &ms {
        if r.len() < 2 {
            continue;
        }
        let key = match l {
            Label::Per => Some(words[r.end - 1]),
            Label::Org if r.len() == 2 && g.is_org_suffix(words[r.end - 1]) => Some(words[r.start]),
            _ => None,
        };
        if let Some(k) = key.filter(|k| is_cap(k)) {
            match short.get(k) {
                Some(prev) if prev != l => ambiguous.push(k),
                _ => {
                    short.insert(k, *l);
                }
            }
        }
    }
    for k in ambiguous {
        short.remove(k);
    }
    if short.is_empty() {
        return ms;
    }
    let lower_seen = lowercase_words(words);
    let mut covered = vec![false; words.len()];
    for (r, _) in &ms {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    // relabel one-word mentions
    for (r, l) in ms.iter_mut() {
        if r.len() == 1
            && let Some(sl) = short.get(words[r.start])
        {
            *l = *sl;
        }
    }
    // add missed one-word occurrences that stand alone (at a sentence start
    // only if the word is never written in lowercase here)
    for i in 0..words.len() {
        if covered[i] || initial[i] && lower_seen.contains(words[i].to_lowercase().as_str()) {
            continue;
        }
        let Some(sl) = short.get(words[i]) else {
            continue;
        };
        let next_cap = words.get(i + 1).is_some_and(|w| is_cap(w));
        let prev_cap = i > 0 && is_cap(words[i - 1]) && !initial[i - 1];
        let alone = !next_cap && !prev_cap;
        if alone {
            ms.push((i..i + 1, *sl));
        }
    }
    ms
}

/// Longer mentions are not looked for elsewhere in the text: names are
/// shorter, and a run of a thousand capitalised words is no name to repeat.
const MAX_NAME_WORDS: usize = 12;

/// One label per name in a text: a name labelled differently in different
/// places takes its majority label (when there is one), and occurrences the
/// labeller missed are added.
fn propagate(words: &[&str], initial: &[bool], mut ms: Vec<M>) -> Vec<M> {
    let mut votes: FastMap<String, [u32; 4]> = FastMap::default();
    for (r, l) in &ms {
        votes.entry(text_of(words, r)).or_default()[*l as usize] += 1;
    }
    let winner = |v: &[u32; 4]| -> Option<Label> {
        let mut idx: Vec<usize> = (0..4).collect();
        idx.sort_by_key(|&i| std::cmp::Reverse(v[i]));
        (v[idx[0]] > v[idx[1]]).then(|| Label::ALL[idx[0]])
    };
    for (r, l) in ms.iter_mut() {
        if let Some(w) = votes.get(&text_of(words, r)).and_then(winner) {
            *l = w;
        }
    }
    // Missed occurrences of a multi-word name, or of a one-word name that
    // never appears in lowercase in this text.
    let lower_seen = lowercase_words(words);
    let mut covered = vec![false; words.len()];
    for (r, _) in &ms {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    // Names to look for, by their words, and for each first word the
    // lengths to try, longest first: each position costs a few lookups
    // however many names share a first word.
    let mut names: FastMap<Vec<&str>, Label> = FastMap::default();
    let mut lengths: FastMap<&str, Vec<usize>> = FastMap::default();
    for (name, v) in &votes {
        let ws: Vec<&str> = name.split(' ').collect();
        let Some(label) = winner(v) else { continue };
        if ws.len() > MAX_NAME_WORDS || ws.iter().any(|w| w.is_empty()) || !is_cap(ws[0]) {
            continue;
        }
        if ws.len() == 1 && lower_seen.contains(ws[0].to_lowercase().as_str()) {
            continue;
        }
        lengths.entry(ws[0]).or_default().push(ws.len());
        names.insert(ws, label);
    }
    for ls in lengths.values_mut() {
        ls.sort_unstable_by(|a, b| b.cmp(a));
        ls.dedup();
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = lengths.get(words[i]).and_then(|ls| {
            ls.iter().find_map(|&n| {
                if i + n > words.len() {
                    return None;
                }
                let label = *names.get(&words[i..i + n])?;
                let blocked = covered[i..i + n].iter().any(|c| *c)
                    || words.get(i + n).is_some_and(|w| is_cap(w))
                    || i > 0 && is_cap(words[i - 1]) && !initial[i - 1];
                (!blocked).then_some((n, label))
            })
        });
        match hit {
            Some((n, label)) => {
                added.push((i..i + n, label));
                i += n;
            }
            None => i += 1,
        }
    }
    ms.extend(added);
    ms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, ms: Vec<M>) -> Vec<(String, Label)> {
        let words: Vec<&str> = s.split(' ').collect();
        let mut initial = vec![false; words.len()];
        initial[0] = true;
        refine(&words, &initial, Lang::Fr, ms)
            .into_iter()
            .map(|(r, l)| (words[r].join(" "), l))
            .collect()
    }

    #[test]
    fn trims_lowercase_edges() {
        assert_eq!(
            run("la startup Mistral AI de ,", vec![(2..6, Label::Misc)]),
            vec![("Mistral AI".to_string(), Label::Org)]
        );
        assert_eq!(
            run("avec Mme Borne", vec![(1..3, Label::Per)]),
            vec![("Borne".to_string(), Label::Per)]
        );
        assert_eq!(
            run("la startup française", vec![(2..3, Label::Org)]),
            vec![]
        );
        assert_eq!(
            run("le quotidien Le Monde qu' il lit", vec![(2..5, Label::Org)]),
            vec![("Le Monde".to_string(), Label::Org)]
        );
    }

    #[test]
    fn acronyms_of_common_nouns_are_no_names() {
        assert_eq!(
            run(
                "une ONG et l' IA selon l' ONU",
                vec![(1..2, Label::Org), (4..5, Label::Org), (7..8, Label::Org)]
            ),
            vec![("ONU".to_string(), Label::Org)]
        );
    }

    #[test]
    fn a_mention_of_known_names_splits_into_them() {
        let got = run("sur Azure AI de Microsoft hier", vec![(1..5, Label::Per)]);
        assert_eq!(
            got,
            vec![
                ("Azure AI".to_string(), Label::Misc),
                ("Microsoft".to_string(), Label::Org)
            ]
        );
        let got = run("la Banque de France hier", vec![(1..4, Label::Org)]);
        assert_eq!(got, vec![("Banque de France".to_string(), Label::Org)]);
    }

    #[test]
    fn surname_and_short_org_join_their_full_form() {
        let r = run(
            "selon Mistral , Elon Musk dit que Musk et Mistral AI",
            vec![
                (1..2, Label::Loc),
                (3..5, Label::Per),
                (7..8, Label::Loc),
                (9..11, Label::Org),
            ],
        );
        assert_eq!(
            r,
            vec![
                ("Mistral".to_string(), Label::Org),
                ("Elon Musk".to_string(), Label::Per),
                ("Musk".to_string(), Label::Per),
                ("Mistral AI".to_string(), Label::Org),
            ]
        );
    }

    #[test]
    fn majority_label_and_missed_occurrences() {
        let r = run(
            "Kervadec a vu Kervadec puis Kervadec à Brest",
            vec![(0..1, Label::Org), (3..4, Label::Org), (5..6, Label::Loc)],
        );
        assert_eq!(
            r,
            vec![
                ("Kervadec".to_string(), Label::Org),
                ("Kervadec".to_string(), Label::Org),
                ("Kervadec".to_string(), Label::Org),
            ]
        );
    }
}
