//! Sports clubs named by their kind's word and their town.

use super::M;
use crate::analysis::Label;

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

#[cfg(test)]
mod tests {
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
}
