//! Mention grouping: the mentions of one entity share a group and a canonical
//! name ("Musk" joins "Elon Musk", "Mistral" joins "Mistral AI", whichever
//! comes first).

use std::collections::hash_map::Entry;

use super::gazetteer::FastMap;
use super::{Entity, Group, Label, Mention};

/// A word of a name for matching: lowercase, without a possessive 's
/// (written into `buf` when it changes); None when nothing is left.
fn match_word<'b>(w: &'b str, buf: &'b mut String) -> Option<&'b str> {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let w = super::lang::lowercase(w, buf);
    (!w.is_empty()).then_some(w)
}

/// Names longer than this take no part in joining (a run of a thousand
/// capitalised words is no one's name): they stay alone. Long enough for
/// "100e édition de la foire internationale Art & Antiquités de l'Isle sur
/// la Sorgue" (14 words); the cap bounds the cost of comparing two names.
const MAX_NAME_WORDS: usize = 32;

/// A short form sharing its rarest word with more than this many names of
/// its label is too ambiguous to join any of them; the cap also keeps the
/// grouping linear in the mentions (a sentence of a million names).
const MAX_SHARING: usize = 32;

/// Does `big` hold every word of `small`? Both are sorted word ids.
fn holds(big: &[u32], small: &[u32]) -> bool {
    small.iter().all(|w| big.binary_search(w).is_ok())
}

/// Groups mentions. Full names (the mentions not contained in a longer one
/// of the same label) found first make the groups; a shorter mention joins
/// the one full name whose words contain its words. When two different
/// full names could take it ("Musk" with "Elon Musk" and "Kimbal Musk"), it
/// stays on its own rather than be merged with the wrong one. Linear in the
/// mentions: each name looks only at the names sharing its rarest word,
/// and at most `MAX_SHARING` of them.
pub fn group(text: &str, mentions: &[Mention]) -> (Vec<Entity>, Vec<Group>) {
    // Words are interned with their label (names of different labels never
    // join), so a name is a short list of integers and the names holding a
    // word are found by indexing, not hashing.
    // (one table per label, looked up by the lowercased word without
    // making it a String: a String per word and SipHash were most of the
    // grouping's time)
    let mut word_id: [FastMap<String, u32>; 4] = Default::default();
    let mut lower = String::new();
    let mut by_word: Vec<Vec<usize>> = Vec::new();
    // distinct names (label and words), each with its first mention
    let mut name_of: FastMap<(Label, Vec<u32>), usize> = FastMap::default();
    let mut names: Vec<(Vec<u32>, usize)> = Vec::new();
    let mut mention_name = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let ids = &mut word_id[m.label as usize];
        let ws: Vec<u32> = m
            .span
            .text(text)
            .split_whitespace()
            .filter_map(|w| {
                let w = match_word(w, &mut lower)?;
                Some(match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = by_word.len() as u32;
                        ids.insert(w.to_string(), id);
                        by_word.push(Vec::new());
                        id
                    }
                })
            })
            .collect();
        let n = match name_of.entry((m.label, ws)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let n = names.len();
                // words sorted, for `holds` (a name is still its words in
                // their order: "Musk Elon" is not "Elon Musk")
                let mut sorted = e.key().1.clone();
                sorted.sort_unstable();
                names.push((sorted, i));
                if e.key().1.len() <= MAX_NAME_WORDS {
                    for &w in &e.key().1 {
                        let v = &mut by_word[w as usize];
                        if v.last() != Some(&n) {
                            v.push(n);
                        }
                    }
                }
                e.insert(n);
                n
            }
        };
        mention_name.push(n);
    }
    let mut target: Vec<usize> = (0..names.len()).collect();
    for (n, (ws, _)) in names.iter().enumerate() {
        if ws.is_empty() || ws.len() >= MAX_NAME_WORDS {
            continue;
        }
        // every fuller name holds the rarest word too
        let Some(sharing) = ws
            .iter()
            .map(|&w| &by_word[w as usize])
            .min_by_key(|v| v.len())
        else {
            continue;
        };
        if sharing.len() > MAX_SHARING {
            continue;
        }
        let fuller = sharing
            .iter()
            .copied()
            .filter(|&k| names[k].0.len() > ws.len() && holds(&names[k].0, ws));
        // The one maximal fuller name ("Elon Musk" inside "Elon Reeve Musk"
        // is one) is the longest, alone at its length, holding the others.
        let Some(longest) = fuller.clone().max_by_key(|&k| names[k].0.len()) else {
            continue;
        };
        let top = &names[longest].0;
        if fuller
            .clone()
            .all(|k| k == longest || names[k].0.len() < top.len() && holds(top, &names[k].0))
        {
            target[n] = longest;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of_name: Vec<Option<usize>> = vec![None; names.len()];
    let mut entities = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let t = target[mention_name[i]];
        // a dateline or headline in capitals ("YORK") gives way to the name
        // as written in running text ("York")
        if mention_name[i] == t
            && let Some(g) = group_of_name[t]
            && shouted(&groups[g].name)
            && !shouted(m.span.text(text))
        {
            groups[g].name = m.span.text(text).to_string();
        }
        let gi = *group_of_name[t].get_or_insert_with(|| {
            groups.push(Group {
                id: groups.len(),
                name: mentions[names[t].1].span.text(text).to_string(),
                label: m.label,
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[gi].mentions.push(entities.len());
        entities.push(Entity {
            span: m.span,
            label: m.label,
            group: gi,
        });
    }
    (entities, groups)
}

/// All in capitals, with at least two letters ("YORK", not "AFP"-style
/// acronyms alone: those have no lower-case form in text either).
fn shouted(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() > 1 && !name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;
    use std::collections::HashMap;

    /// Words of a name for matching.
    fn words(name: &str) -> Vec<String> {
        let mut buf = String::new();
        name.split_whitespace()
            .filter_map(|w| match_word(w, &mut buf).map(str::to_string))
            .collect()
    }

    #[test]
    fn match_words_are_lowercase_without_possessive() {
        assert_eq!(
            words("Elon Musk's ÉLYSÉE Macron’s 's"),
            vec!["elon", "musk", "élysée", "macron"]
        );
    }

    fn run(text: &str, ms: &[(&str, Label)]) -> Vec<(String, Vec<String>)> {
        let mut from = 0;
        let mentions: Vec<Mention> = ms
            .iter()
            .map(|(s, l)| {
                let start = from + text[from..].find(s).expect("mention in text");
                from = start + s.len();
                Mention {
                    span: Span::new(start, start + s.len()),
                    label: *l,
                }
            })
            .collect();
        let (entities, groups) = group(text, &mentions);
        groups
            .iter()
            .map(|g| {
                (
                    g.name.clone(),
                    g.mentions
                        .iter()
                        .map(|&e| entities[e].span.text(text).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    /// The grouping as first written (quadratic: every name against every
    /// name sharing its first word), the reference the linear one must match
    /// when no short form is shared by more than `MAX_SHARING` names.
    fn reference_targets(text: &str, mentions: &[Mention]) -> Vec<usize> {
        let mut name_of: HashMap<(Label, Vec<String>), usize> = HashMap::new();
        let mut names: Vec<(Label, Vec<String>, usize)> = Vec::new();
        let mut mention_name = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let ws = words(m.span.text(text));
            let n = *name_of.entry((m.label, ws.clone())).or_insert_with(|| {
                names.push((m.label, ws, i));
                names.len() - 1
            });
            mention_name.push(n);
        }
        let contains = |big: &[String], small: &[String]| small.iter().all(|w| big.contains(w));
        let mut target: Vec<usize> = (0..names.len()).collect();
        for (n, (l, ws, _)) in names.iter().enumerate() {
            let Some(first) = ws.first() else { continue };
            let fuller: Vec<usize> = (0..names.len())
                .filter(|&k| {
                    names[k].0 == *l
                        && names[k].1.contains(first)
                        && names[k].1.len() > ws.len()
                        && contains(&names[k].1, ws)
                })
                .collect();
            let maximal: Vec<usize> = fuller
                .iter()
                .copied()
                .filter(|&j| {
                    !fuller.iter().any(|&k| {
                        names[k].1.len() > names[j].1.len() && contains(&names[k].1, &names[j].1)
                    })
                })
                .collect();
            if let [j] = maximal.as_slice() {
                target[n] = *j;
            }
        }
        // each mention's group, as the first mention of its target name
        mention_name.iter().map(|&n| names[target[n]].2).collect()
    }

    #[test]
    fn linear_grouping_matches_the_quadratic_reference() {
        const WORDS: &[&str] = &[
            "Jean", "Musk", "Elon", "Reeve", "Marie", "AI", "Mistral", "de",
        ];
        const LABELS: &[Label] = &[Label::Per, Label::Org, Label::Loc];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        for _ in 0..3000 {
            let mut text = String::new();
            let mut mentions = Vec::new();
            for _ in 0..1 + next(16) {
                let start = text.len();
                for k in 0..1 + next(4) {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(WORDS[next(WORDS.len() as u64) as usize]);
                }
                mentions.push(Mention {
                    span: Span::new(start, text.len()),
                    label: LABELS[next(LABELS.len() as u64) as usize],
                });
                text.push_str(", ");
            }
            let (entities, groups) = group(&text, &mentions);
            let got: Vec<usize> = entities
                .iter()
                .map(|e| groups[e.group].mentions[0])
                .collect();
            // first mention of the group's full name, as the reference says
            let want = reference_targets(&text, &mentions);
            let got_names: Vec<&str> = entities
                .iter()
                .map(|e| groups[e.group].name.as_str())
                .collect();
            let want_names: Vec<&str> =
                want.iter().map(|&i| mentions[i].span.text(&text)).collect();
            assert_eq!(got_names, want_names, "{text}");
            // and the same partition of the mentions
            for (a, b) in (0..mentions.len()).flat_map(|a| (0..mentions.len()).map(move |b| (a, b)))
            {
                assert_eq!(got[a] == got[b], want[a] == want[b], "{text}");
            }
        }
    }

    #[test]
    fn a_name_in_capitals_gives_way_to_running_text() {
        let text = "YORK, England - Flooding in York.";
        let m = |a: usize, b: usize| Mention {
            span: Span::new(a, b),
            label: Label::Loc,
        };
        let (_, g) = group(text, &[m(0, 4), m(28, 32)]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].name, "York");
    }

    #[test]
    fn short_forms_join_full_names_in_either_order() {
        let g = run(
            "Musk a parlé. Elon Musk et Mistral. Mistral AI et Musk.",
            &[
                ("Musk", Label::Per),
                ("Elon Musk", Label::Per),
                ("Mistral", Label::Org),
                ("Mistral AI", Label::Org),
                ("Musk", Label::Per),
            ],
        );
        assert_eq!(
            g,
            vec![
                (
                    "Elon Musk".to_string(),
                    vec!["Musk".into(), "Elon Musk".into(), "Musk".into()]
                ),
                (
                    "Mistral AI".to_string(),
                    vec!["Mistral".into(), "Mistral AI".into()]
                ),
            ]
        );
    }

    #[test]
    fn ambiguous_surname_stays_apart_and_labels_separate() {
        let g = run(
            "Elon Musk, Kimbal Musk, Musk, Mistral Large, Mistral AI",
            &[
                ("Elon Musk", Label::Per),
                ("Kimbal Musk", Label::Per),
                ("Musk", Label::Per),
                ("Mistral Large", Label::Misc),
                ("Mistral AI", Label::Org),
            ],
        );
        let names: Vec<&str> = g.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Elon Musk",
                "Kimbal Musk",
                "Musk",
                "Mistral Large",
                "Mistral AI"
            ]
        );
    }
}
