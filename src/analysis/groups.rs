//! Mention grouping: the mentions of one entity share a group and a canonical
//! name ("Musk" joins "Elon Musk", "Mistral" joins "Mistral AI", whichever
//! comes first).

use super::gazetteer::FastMap;
use super::{Entity, Group, Label, Mention};

/// Words of a name for matching: lowercase, without a possessive 's.
fn words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Groups mentions. Full names (the mentions not contained in a longer one
/// of the same label) found first make the groups; a shorter mention joins
/// the one full name whose words contain its words. When two different
/// full names could take it ("Musk" with "Elon Musk" and "Kimbal Musk"), it
/// stays on its own rather than be merged with the wrong one.
pub fn group(text: &str, mentions: &[Mention]) -> (Vec<Entity>, Vec<Group>) {
    // distinct names (label and words), each with its first mention
    let mut name_of: FastMap<(Label, Vec<String>), usize> = FastMap::default();
    let mut names: Vec<(Label, Vec<String>, usize)> = Vec::new();
    let mut mention_name = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let ws = words(m.span.text(text));
        let n = *name_of.entry((m.label, ws.clone())).or_insert_with(|| {
            names.push((m.label, ws, i));
            names.len() - 1
        });
        mention_name.push(n);
    }
    // names by (label, word), to find the fuller names containing a name
    let mut by_word: FastMap<(Label, &str), Vec<usize>> = FastMap::default();
    for (n, (l, ws, _)) in names.iter().enumerate() {
        for w in ws {
            let v = by_word.entry((*l, w.as_str())).or_default();
            if v.last() != Some(&n) {
                v.push(n);
            }
        }
    }
    let contains = |big: &[String], small: &[String]| small.iter().all(|w| big.contains(w));
    let mut target: Vec<usize> = (0..names.len()).collect();
    for (n, (l, ws, _)) in names.iter().enumerate() {
        let Some(first) = ws.first() else { continue };
        let fuller: Vec<usize> = by_word[&(*l, first.as_str())]
            .iter()
            .copied()
            .filter(|&k| names[k].1.len() > ws.len() && contains(&names[k].1, ws))
            .collect();
        // keep the maximal ones ("Elon Musk" inside "Elon Reeve Musk" is one)
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
                name: mentions[names[t].2].span.text(text).to_string(),
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
