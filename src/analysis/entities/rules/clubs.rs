//! Sports clubs named by their kind's word and their town.

use super::M;
use crate::analysis::Label;

/// First words of sports clubs' names, in the languages French news
/// quotes them in ("FC Barcelone", "Real Madrid", "Olympique de
/// Marseille", "VfB Stuttgart", "Dynamo Kiev"): written by hand for quoth.
const CLUB_FIRST_WORDS: &[&str] = &[
    "AC",
    "AFC",
    "AJ",
    "AS",
    "Athletic",
    "Atlético",
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
    "Hapoel",
    "Hertha",
    "Lokomotiv",
    "Maccabi",
    "Olympiakos",
    "Olympique",
    "RC",
    "Racing",
    "Real",
    "SC",
    "SK",
    "SS",
    "SSC",
    "SV",
    "Spartak",
    "Sporting",
    "TSG",
    "VfB",
    "VfL",
];

/// A name of two words or more that opens on a club's word is a sports
/// club, an organisation (GUIDELINES.md), whatever the town in it made the
/// labeller read ("Real Madrid" a place, "Sporting Braga" a person).
pub(super) fn clubs(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    for (r, l) in &mut ms {
        if r.len() >= 2 && CLUB_FIRST_WORDS.contains(&words[r.start]) {
            *l = Label::Org;
        }
    }
    ms
}

#[cfg(test)]
mod tests {
    use super::*;

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
