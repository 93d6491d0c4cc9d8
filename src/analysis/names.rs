//! First names and their usual gender, for pronoun resolution and entity features.
//! Data: `assets/gazetteer/first_names.tsv` (sources in its header), and for
//! gender only `first_names_gender.tsv`.

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
const MORE_NAMES: &str = include_str!("../../assets/gazetteer/first_names_gender.tsv");

fn table() -> &'static FastMap<&'static str, Gender> {
    static TABLE: OnceLock<FastMap<&'static str, Gender>> = OnceLock::new();
    TABLE.get_or_init(|| parse(FIRST_NAMES))
}

/// The names the entity recogniser does not read (see the file's header).
fn more() -> &'static FastMap<&'static str, Gender> {
    static TABLE: OnceLock<FastMap<&'static str, Gender>> = OnceLock::new();
    TABLE.get_or_init(|| parse(MORE_NAMES))
}

fn parse(data: &'static str) -> FastMap<&'static str, Gender> {
    data.lines()
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
}

/// The gender of a first name as written in text ("Audrey", "AUDREY",
/// "audrey"); a compound of first names not listed has its first part's
/// ("Jean-Christophe", "Marie-Amélie").
pub fn first_name_gender(word: &str) -> Option<Gender> {
    listed(word, table())
        .or_else(|| listed(word, more()))
        .or_else(|| {
            // every part a first name ("France-Inter" is no one); a word
            // without a hyphen is its only part, looked up above
            if !word.contains('-') {
                return None;
            }
            let mut parts = word
                .split('-')
                .map(|p| listed(p, table()).or_else(|| listed(p, more())));
            let first = parts.next()??;
            (first != Gender::Either && parts.all(|g| g.is_some())).then_some(first)
        })
}

fn listed(word: &str, t: &FastMap<&'static str, Gender>) -> Option<Gender> {
    if let Some(g) = t.get(word) {
        return Some(*g);
    }
    // Already written as the table writes names ("Mistral"): nothing to
    // normalise. Most words are, and this runs for every capitalised word.
    // (one pass over the characters: splitting at hyphens first cost a
    // search per word)
    let mut part_start = true;
    if word.chars().all(|c| {
        if c == '-' {
            part_start = true;
            true
        } else if part_start {
            part_start = false;
            !c.is_lowercase()
        } else {
            !c.is_uppercase()
        }
    }) {
        return None;
    }
    t.get(title_case(word).as_str()).copied()
}

/// Each hyphenated part capitalised, the rest lowercase: "JEAN-PIERRE" →
/// "Jean-Pierre", "NATIONS" → "Nations" (in one string: a string per part,
/// then joined, were three allocations for every lowercase word asked
/// about).
pub(crate) fn title_case(word: &str) -> String {
    let mut normal = String::with_capacity(word.len() + 4);
    for (k, part) in word.split('-').enumerate() {
        if k > 0 {
            normal.push('-');
        }
        let mut cs = part.chars();
        if let Some(c) = cs.next() {
            normal.extend(c.to_uppercase());
            normal.extend(cs.flat_map(char::to_lowercase));
        }
    }
    normal
}

/// A first name of the list the entity recogniser was trained with.
pub fn is_first_name(word: &str) -> bool {
    listed(word, table()).is_some()
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
        assert_eq!(first_name_gender("Jean-Christophe"), Some(Gender::Male));
        assert_eq!(first_name_gender("Marie-Amélie"), Some(Gender::Female));
        assert_eq!(first_name_gender("Matthias"), Some(Gender::Male));
        assert_eq!(first_name_gender("Vallaud-Belkacem"), None);
        assert_eq!(first_name_gender("France-Inter"), None);
        // the recogniser's features stay those it was trained with
        assert!(!is_first_name("Matthias"));
    }
}
