//! First names and their usual gender, for pronoun resolution and entity features.
//! Data: `assets/gazetteer/first_names.tsv` (sources in its header).

use std::sync::OnceLock;

use super::gazetteer::FastMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
    /// Common for both.
    Either,
}

const FIRST_NAMES: &str = include_str!("../../assets/gazetteer/first_names.tsv");

fn table() -> &'static FastMap<&'static str, Gender> {
    static TABLE: OnceLock<FastMap<&'static str, Gender>> = OnceLock::new();
    TABLE.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                let g = match g {
                    "f" => Gender::Female,
                    "m" => Gender::Male,
                    _ => Gender::Either,
                };
                Some((name, g))
            })
            .collect()
    })
}

/// The gender of a first name as written in text ("Audrey", "AUDREY", "audrey").
pub fn first_name_gender(word: &str) -> Option<Gender> {
    let t = table();
    if let Some(g) = t.get(word) {
        return Some(*g);
    }
    // Already written as the table writes names ("Mistral"): nothing to
    // normalise. Most words are, and this runs for every capitalised word.
    if word.split('-').all(|part| {
        let mut cs = part.chars();
        cs.next().is_none_or(|c| !c.is_lowercase()) && cs.all(|c| !c.is_uppercase())
    }) {
        return None;
    }
    // Capitalise each hyphenated part: "JEAN-PIERRE" → "Jean-Pierre".
    let normal: String = word
        .split('-')
        .map(|part| {
            let mut cs = part.chars();
            match cs.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-");
    t.get(normal.as_str()).copied()
}

pub fn is_first_name(word: &str) -> bool {
    first_name_gender(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_first_names() {
        assert_eq!(first_name_gender("Audrey"), Some(Gender::Female));
        assert_eq!(first_name_gender("Arthur"), Some(Gender::Male));
        assert_eq!(first_name_gender("Jean"), Some(Gender::Male));
        assert_eq!(first_name_gender("JEAN-PIERRE"), Some(Gender::Male));
        assert_eq!(first_name_gender("Camille"), Some(Gender::Either));
        assert_eq!(first_name_gender("Mistral"), None);
    }
}
