//! Sports clubs named by their kind's word and their town.

use super::{M, NEVER_LAST, NOT_TEAMS, is_acronym, is_cap, natural_place_names};
use crate::analysis::gazetteer::Gazetteer;
use crate::analysis::{Label, names};

/// First words of sports clubs' names, in the languages French news
/// quotes them in ("FC Barcelone", "Real Madrid", "Olympique de
/// Marseille", "VfB Stuttgart", "Dynamo Kiev", "Standard de Liège",
/// "PSV Eindhoven"): written by hand for quoth from general knowledge.
/// Sorted (byte order), for a binary search.
const CLUB_FIRST_WORDS: &[&str] = &[
    "AC",
    "AEK",
    "AFC",
    "AIK",
    "AJ",
    "APOEL",
    "AS",
    "Ajax",
    "Athletic",
    "Atlético",
    "Bayer",
    "Bayern",
    "Borussia",
    "CD",
    "CF",
    "CSKA",
    "Deportivo",
    "Dinamo",
    "Dynamo",
    "Eintracht",
    "FC",
    "FK",
    "Fortuna",
    "GNK",
    "HNK",
    "Hapoel",
    "Hertha",
    "IFK",
    "KAA",
    "KRC",
    "LOSC",
    "Legia",
    "Lokomotiv",
    "Maccabi",
    "NK",
    "OGC",
    "Olympiakos",
    "Olympique",
    "PAOK",
    "PSV",
    "Partizan",
    "RB",
    "RC",
    "RCD",
    "RSC",
    "Racing",
    "Real",
    "SC",
    "SD",
    "SK",
    "SS",
    "SSC",
    "SV",
    "Shakhtar",
    "Slavia",
    "Sparta",
    "Spartak",
    "Sporting",
    "Standard",
    "Steaua",
    "TSG",
    "UD",
    "VfB",
    "VfL",
    "Werder",
    "Zenit",
];

/// A name of two words or more that opens on a club's word is a sports
/// club, an organisation (GUIDELINES.md), whatever the town in it made the
/// labeller read ("Real Madrid" a place, "Sporting Braga" a person).
pub(super) fn clubs(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    for (r, l) in &mut ms {
        if r.len() >= 2 && CLUB_FIRST_WORDS.binary_search(&words[r.start]).is_ok() {
            *l = Label::Org;
        }
    }
    ms
}

/// Nicknames of North American teams that French writes in the singular
/// after "le" or "l'" ("le Heat de Miami", "l'Avalanche du Colorado", "le
/// Canadien de Montréal"), and the plural ones that read as a people
/// ("les Canadiens de Montréal", "les Texans de Houston"): written by hand
/// for quoth from general knowledge. Sorted (byte order).
const TEAM_NICKNAMES: &[&str] = &[
    "Avalanche",
    "Canadien",
    "Canadiens",
    "Crew",
    "Dream",
    "Fever",
    "Fire",
    "Galaxy",
    "Heat",
    "Impact",
    "Jazz",
    "Kraken",
    "Lightning",
    "Lynx",
    "Magic",
    "Mercury",
    "Rocket",
    "Sky",
    "Storm",
    "Texans",
    "Thunder",
    "Wild",
];

/// Words that end a town's name when they follow it ("de Détroit de la
/// Ligue", "de New York aux Nuggets", "de Denver en 31 minutes").
fn is_connector(w: &str) -> bool {
    matches!(w, "de" | "du" | "d'" | "d’")
}

/// The team named at `s` by its nickname and its town, after a plural
/// (`plural`) or a singular article: "Maple Leafs de Toronto", "Heat de
/// Miami", "Jazz de l' Utah". The town must be a known place or read as a
/// place, or the labeller must have read nickname and town as one name.
/// The town ends with its sentence: a headline has no full stop before the
/// dateline in capitals ("face à l'Olympique de Cressange" then
/// "VALBREUIL, 2 décembre (AFP)").
fn team_at(
    words: &[&str],
    initial: &[bool],
    s: usize,
    plural: bool,
    ms: &[M],
) -> Option<std::ops::Range<usize>> {
    let c = (s + 1..(s + 4).min(words.len())).find(|&k| is_connector(words[k]))?;
    let g = Gazetteer::get();
    let head = &words[s..c];
    if !head
        .iter()
        .all(|w| is_cap(w) && w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let last = head[head.len() - 1];
    let listed = |w: &str| TEAM_NICKNAMES.binary_search(&w).is_ok();
    let nickname = if plural {
        // "les Maple Leafs": a first name may open it, not end it
        (last.ends_with('s') || last.ends_with('x'))
            && !names::is_first_name(last)
            && head.iter().all(|w| {
                !is_acronym(w)
                    && !g.is_place(w)
                    && (!g.is_demonym_fr(w) || listed(w))
                    && !NOT_TEAMS.contains(w)
                    && !natural_place_names().contains_key(w)
            })
    } else {
        let club = |w: &str| CLUB_FIRST_WORDS.binary_search(&w).is_ok();
        match head {
            [w] => listed(w) || club(w),
            [w, "Club"] => club(w),
            _ => false,
        }
    };
    if !nickname {
        return None;
    }
    // "de Détroit", "de la Caroline", "de l' Utah"
    let mut t = c + 1;
    if words[c] == "de" && matches!(words.get(t), Some(&("la" | "l'" | "l’"))) {
        t += 1;
    }
    // a first name and a name after the town are a player ("des Nets de
    // Brooklyn Reggie Evans"), unless the labeller read them in the town
    // ("de San Francisco Giants")
    let player = |k: usize| {
        names::is_first_name(words[k])
            && words.get(k + 1).is_some_and(|w| is_cap(w))
            && !ms
                .iter()
                .any(|(r, l)| *l == Label::Loc && r.start == t && k < r.end)
    };
    let mut e = t;
    while e < words.len()
        && e - t < 3
        && is_cap(words[e])
        && (e == t || (!player(e) && !initial[e]))
    {
        e += 1;
    }
    if e == t || names::is_first_name(words[t]) {
        return None;
    }
    // a town the labeller read longer ("de la République démocratique du
    // Congo")
    for (r, l) in ms {
        let town = (t..e).contains(&r.start) && *l == Label::Loc;
        // or nickname and town read as one name, on past an adjective
        let adjective = r.start < c
            && r.start < e
            && r.end > e
            && !NEVER_LAST.contains(&words[e])
            && words[e].chars().all(char::is_lowercase);
        if town || adjective {
            e = e.max(r.end);
        }
    }
    let evidence = g.is_place(words[t])
        || ms
            .iter()
            .any(|(r, l)| r.start <= t && t < r.end && (*l == Label::Loc || r.start < c));
    evidence.then_some(s..e)
}

/// Sports teams named by their nickname and their town, after an article,
/// are one ORG, as GUIDELINES.md rules (sports teams are organisations):
/// "le Heat de Miami", "l'Avalanche du Colorado", "les Maple Leafs de
/// Toronto", "Les Celtics de Boston" opening a sentence. What the labeller
/// found across the team's edges keeps only its part outside the team
/// ("Red Wings de Détroit de la Ligue nationale de hockey": the league).
pub(super) fn teams_by_nickname(words: &[&str], initial: &[bool], mut ms: Vec<M>) -> Vec<M> {
    let mut i = 0;
    while i + 3 < words.len() {
        let plural = matches!(words[i], "les" | "Les" | "aux" | "Aux" | "des" | "Des");
        let singular = matches!(
            words[i],
            "le" | "Le" | "l'" | "L'" | "l’" | "L’" | "du" | "Du" | "au" | "Au"
        );
        // the cheap test first: an article, then a capital
        let team = if (plural || singular) && is_cap(words[i + 1]) {
            team_at(words, initial, i + 1, plural, &ms)
        } else {
            None
        };
        // not inside a longer name ("Football Club des Girondins", "Ligue
        // des Champions") nor a title's first word ("« Les Demoiselles de
        // Rochefort »", which the labeller may read as a work); a player's
        // or a league's name may come first ("Andy Pettitte des Yankees",
        // "A. J. Burnett des Yankees", "LNH au Wild")
        let team = team.filter(|_| {
            let after_name = i > 1
                && (is_acronym(words[i - 1])
                    || names::is_first_name(words[i - 2])
                    || words[i - 2].ends_with('.'));
            let inside = i > 0
                && ((is_cap(words[i - 1]) && !initial[i - 1] && !after_name)
                    || matches!(words[i - 1], "\"" | "«" | "“" | "'"));
            let work = ms
                .iter()
                .any(|(r, l)| *l == Label::Misc && r.start <= i && i < r.end);
            !inside && !work
        });
        let Some(team) = team else {
            i += 1;
            continue;
        };
        if !ms.iter().any(|m| m.0 == team && m.1 == Label::Org) {
            let mut out: Vec<M> = Vec::with_capacity(ms.len() + 1);
            for (r, l) in ms {
                if r.end <= team.start || r.start >= team.end {
                    out.push((r, l));
                    continue;
                }
                // the part before the article, then the part after the
                // team, without the lowercase words at their edges
                let mut before = i.min(r.end);
                while before > r.start && !is_cap(words[before - 1]) {
                    before -= 1;
                }
                if before > r.start {
                    // a player named before his team ("Andy Pettitte des
                    // Yankees de New York")
                    let l = if names::is_first_name(words[r.start]) {
                        Label::Per
                    } else {
                        l
                    };
                    out.push((r.start..before, l));
                }
                let mut after = team.end.max(r.start);
                while after < r.end && !is_cap(words[after]) {
                    after += 1;
                }
                let mut end = r.end;
                while end > after && NEVER_LAST.contains(&words[end - 1]) {
                    end -= 1;
                }
                if after < end {
                    let l = if names::is_first_name(words[after]) {
                        Label::Per
                    } else {
                        l
                    };
                    out.push((after..end, l));
                }
            }
            out.push((team.clone(), Label::Org));
            out.sort_by_key(|m| m.0.start);
            ms = out;
        }
        i = team.end;
    }
    ms
}

#[cfg(test)]
mod tests {
    use super::super::tests::{owned, run_lines};
    use super::*;

    #[test]
    fn club_words_are_sorted_for_the_binary_search() {
        assert!(CLUB_FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_opening_on_a_clubs_word_is_an_organisation() {
        let words: Vec<&str> = "le Real Madrid bat le Sporting Braga et Real"
            .split(' ')
            .collect();
        let ms = vec![(1..3, Label::Loc), (5..7, Label::Per), (8..9, Label::Per)];
        let got: Vec<Label> = clubs(&words, ms).into_iter().map(|m| m.1).collect();
        // one word alone is no club's name
        assert_eq!(got, vec![Label::Org, Label::Org, Label::Per]);
    }

    #[test]
    fn nicknames_are_sorted_for_the_binary_search() {
        assert!(TEAM_NICKNAMES.windows(2).all(|w| w[0] < w[1]));
    }

    fn teams(s: &str, ms: Vec<M>) -> Vec<(String, Label)> {
        let words: Vec<&str> = s.split(' ').collect();
        let initial: Vec<bool> = (0..words.len()).map(|i| i == 0).collect();
        teams_by_nickname(&words, &initial, ms)
            .into_iter()
            .map(|(r, l)| (words[r].join(" "), l))
            .collect()
    }

    #[test]
    fn a_team_in_the_singular_is_one_organisation() {
        assert_eq!(
            teams(
                "Il signe avec le Heat de Miami puis rejoint l' Avalanche du Colorado .",
                vec![(6..7, Label::Loc), (12..13, Label::Loc)]
            ),
            owned(&[
                ("Heat de Miami", Label::Org),
                ("Avalanche du Colorado", Label::Org)
            ])
        );
        assert_eq!(
            teams(
                "Il joue contre le Jazz de l' Utah et le Standard de Liège .",
                vec![(7..8, Label::Loc), (12..13, Label::Loc)]
            ),
            owned(&[
                ("Jazz de l' Utah", Label::Org),
                ("Standard de Liège", Label::Org)
            ])
        );
        // a word no team is called by stays out
        assert_eq!(
            teams(
                "Il visite le Palais de Tokyo .",
                vec![(3..4, Label::Org), (5..6, Label::Loc)]
            ),
            owned(&[("Palais", Label::Org), ("Tokyo", Label::Loc)])
        );
    }

    #[test]
    fn a_plural_nickname_may_open_on_a_first_name_or_a_people() {
        assert_eq!(
            teams(
                "Il joue pour les Maple Leafs de Toronto et les Canadiens de Montréal .",
                vec![
                    (4..6, Label::Per),
                    (7..8, Label::Loc),
                    (10..11, Label::Misc),
                    (12..13, Label::Loc)
                ]
            ),
            owned(&[
                ("Maple Leafs de Toronto", Label::Org),
                ("Canadiens de Montréal", Label::Org)
            ])
        );
        // a sentence may open on the article; a first name is no town
        assert_eq!(
            teams(
                "Les Celtics de Boston lisent les Misérables de Victor Hugo .",
                vec![(3..4, Label::Loc), (6..7, Label::Misc), (8..10, Label::Per)]
            ),
            owned(&[
                ("Celtics de Boston", Label::Org),
                ("Misérables", Label::Misc),
                ("Victor Hugo", Label::Per)
            ])
        );
    }

    #[test]
    fn no_team_inside_a_longer_name_or_a_title() {
        assert_eq!(
            teams(
                "Il rejoint le Football Club des Girondins de Bordeaux .",
                vec![(3..9, Label::Org)]
            ),
            owned(&[("Football Club des Girondins de Bordeaux", Label::Org)])
        );
        assert_eq!(
            teams(
                "le film « Les Demoiselles de Rochefort » et les Alpes de l' Ötztal",
                vec![(4..5, Label::Org), (6..7, Label::Loc), (10..14, Label::Loc)]
            ),
            owned(&[
                ("Demoiselles", Label::Org),
                ("Rochefort", Label::Loc),
                ("Alpes de l' Ötztal", Label::Loc)
            ])
        );
    }

    #[test]
    fn a_player_before_his_team_and_after_it() {
        assert_eq!(
            teams(
                "face à Andy Pettitte des Yankees de New York",
                vec![(2..9, Label::Org)]
            ),
            owned(&[
                ("Andy Pettitte", Label::Per),
                ("Yankees de New York", Label::Org)
            ])
        );
        assert_eq!(
            teams(
                "ses coéquipiers des Nets de Brooklyn Reggie Evans",
                vec![(3..8, Label::Org)]
            ),
            owned(&[
                ("Nets de Brooklyn", Label::Org),
                ("Reggie Evans", Label::Per)
            ])
        );
    }

    #[test]
    fn what_crosses_a_teams_edges_keeps_its_part_outside() {
        assert_eq!(
            teams(
                "repêché par les Red Wings de Détroit de la Ligue nationale de hockey",
                vec![(3..13, Label::Org)]
            ),
            owned(&[
                ("Red Wings de Détroit", Label::Org),
                ("Ligue nationale de hockey", Label::Org)
            ])
        );
        assert_eq!(
            teams(
                "la rencontre des Knicks de New York aux Nuggets de Denver",
                vec![(3..11, Label::Org)]
            ),
            owned(&[
                ("Knicks de New York", Label::Org),
                ("Nuggets de Denver", Label::Org)
            ])
        );
        // the town as long as the labeller read it
        assert_eq!(
            teams(
                "face aux Léopards de la République démocratique du Congo",
                vec![(5..9, Label::Loc)]
            ),
            owned(&[(
                "Léopards de la République démocratique du Congo",
                Label::Org
            )])
        );
    }

    #[test]
    fn a_teams_town_ends_with_its_headline() {
        // a headline without a full stop, then the dateline in capitals:
        // the town read on into the dateline gave one organisation
        // across the paragraph's break
        assert_eq!(
            run_lines(
                &[
                    "Le FC Valbreuil s'impose face à l' Olympique de Cressange",
                    "VALBREUIL , 2 décembre ( AFP ) – Le FC Valbreuil a battu",
                ],
                vec![
                    (1..3, Label::Org),
                    (7..10, Label::Loc),
                    (10..11, Label::Org),
                    (15..16, Label::Org),
                    (19..21, Label::Org)
                ]
            ),
            owned(&[
                ("FC Valbreuil", Label::Org),
                ("Olympique de Cressange", Label::Org),
                ("VALBREUIL", Label::Loc),
                ("AFP", Label::Org),
                ("FC Valbreuil", Label::Org)
            ])
        );
    }
}
