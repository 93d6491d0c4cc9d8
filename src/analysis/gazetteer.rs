//! Gazetteers for the entity recogniser: place names (GeoNames, CC BY 4.0,
//! and a hand-made list of French names GeoNames lacks), organisation suffixes and technology products (hand-made). Sources are in
//! each file's header under `assets/gazetteer/`. First names live in
//! `analysis::names`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::tokens::tokenize;
use super::{Label, names};

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const PLACES_FR: &str = include_str!("../../assets/gazetteer/places_fr.tsv");
const PRODUCTS: &str = include_str!("../../assets/gazetteer/products.txt");
const ORG_SUFFIXES: &str = include_str!("../../assets/gazetteer/org_suffixes.txt");
const ORGANISATIONS: &str = include_str!("../../assets/gazetteer/organisations.txt");
const ORGANISATIONS_NEWS: &str = include_str!("../../assets/gazetteer/organisations_news.txt");
const PEOPLE_KNOWN: &str = include_str!("../../assets/gazetteer/people_known.txt");
const WORKS_KNOWN: &str = include_str!("../../assets/gazetteer/works_known.txt");
const COMMON_ACRONYMS: &str = include_str!("../../assets/gazetteer/common_acronyms.txt");
const DEMONYMS_FR: &str = include_str!("../../assets/gazetteer/demonyms_fr.txt");

/// Per-token gazetteer membership bits.
pub mod flag {
    /// First token of a place name.
    pub const PLACE_B: u16 = 1;
    /// Inside a multi-token place name.
    pub const PLACE_I: u16 = 1 << 1;
    /// The place is a country, continent or US state (not a city).
    pub const COUNTRY: u16 = 1 << 2;
    pub const PRODUCT_B: u16 = 1 << 3;
    pub const PRODUCT_I: u16 = 1 << 4;
    pub const ORG_SUFFIX: u16 = 1 << 5;
    pub const FIRST_NAME: u16 = 1 << 6;
    /// Inside a known organisation name.
    pub const ORG: u16 = 1 << 7;
    pub const COUNT: u32 = 8;
}

/// A known name found in a text: its word range and label.
pub type Known = (std::ops::Range<usize>, Label);

/// A fast, non-cryptographic hasher (FxHash) for the analysis's own maps:
/// the keys come from the text, but a slow map only costs speed, not safety.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.write_u64(u64::from(x));
    }
    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    City,
    Country,
    Product,
    Org,
    /// An organisation the document rules know but the labeller's features
    /// do not (`organisations_news.txt`, added after the models' training).
    OrgRulesOnly,
    /// People known by one name (`people_known.txt`), rules only too.
    PerRulesOnly,
    /// Products, works and events (`works_known.txt`), rules only too.
    MiscRulesOnly,
}

pub struct Gazetteer {
    /// First token → (all tokens, kind) of the names starting with it.
    by_first: FastMap<&'static str, Vec<(Vec<&'static str>, Kind)>>,
    /// The names `known` finds (not places), labelled, by first token, in
    /// `by_first`'s order: places are most of `by_first`.
    known_first: FastMap<&'static str, Vec<(Vec<&'static str>, Label)>>,
    /// Bit `len.min(63)` of `known_shape[byte]` is set when a key of
    /// `known_first` starts with `byte` and has `len` bytes: most words of a
    /// text (lowercase) have no such key and are not hashed.
    known_shape: [u64; 256],
    org_suffixes: FastSet<&'static str>,
    /// Whether some suffix starts without a capital (none does today):
    /// otherwise `mark` asks only about capitalised words.
    lowercase_suffix: bool,
    common_acronyms: FastSet<&'static str>,
    demonyms_fr: FastSet<String>,
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every form of a line of `demonyms_fr.txt`: the four it gives, or the
/// masculine singular and the forms derived from it ("Breton", "Bretonne",
/// "Bretons", "Bretonnes"; "Français", "Française", "Françaises").
fn demonym_forms(line: &str) -> Vec<String> {
    let given: Vec<&str> = line.split_whitespace().collect();
    if given.len() > 1 {
        return given.iter().map(|w| w.to_string()).collect();
    }
    let m = line.to_string();
    let f = if m.ends_with('e') {
        m.clone()
    } else if m.ends_with("en") || m.ends_with("on") {
        format!("{m}ne")
    } else {
        format!("{m}e")
    };
    let plural = |w: &str| {
        if w.ends_with(['s', 'x', 'z']) {
            w.to_string()
        } else {
            format!("{w}s")
        }
    };
    let (mp, fp) = (plural(&m), plural(&f));
    vec![m, f, mp, fp]
}

/// The words of a name, as the tokeniser splits it. Most names (two thirds
/// of GeoNames) are letters alone, one word: they skip the tokeniser, which
/// was most of the time of building the gazetteer at each start.
fn name_words(name: &'static str) -> Vec<&'static str> {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        vec![name]
    } else {
        tokenize(name).iter().map(|t| t.text(name)).collect()
    }
}

impl Gazetteer {
    fn build() -> Self {
        let mut by_first: FastMap<&'static str, Vec<(Vec<&'static str>, Kind)>> =
            FastMap::default();
        let mut add = |name: &'static str, kind: Kind| {
            let words = name_words(name);
            if let Some(first) = words.first() {
                by_first.entry(first).or_default().push((words, kind));
            }
        };
        for line in entries(PLACES).chain(entries(PLACES_FR)) {
            let (name, kind) = line.split_once('\t').unwrap_or((line, "city"));
            let kind = match kind {
                "country" | "continent" | "us_state" => Kind::Country,
                _ => Kind::City,
            };
            add(name, kind);
        }
        for name in entries(PRODUCTS) {
            add(name, Kind::Product);
        }
        for name in entries(ORGANISATIONS) {
            add(name, Kind::Org);
        }
        for name in entries(ORGANISATIONS_NEWS) {
            add(name, Kind::OrgRulesOnly);
        }
        for name in entries(PEOPLE_KNOWN) {
            add(name, Kind::PerRulesOnly);
        }
        for name in entries(WORKS_KNOWN) {
            add(name, Kind::MiscRulesOnly);
        }
        let mut known_first: FastMap<&'static str, Vec<(Vec<&'static str>, Label)>> =
            FastMap::default();
        let mut known_shape = [0u64; 256];
        for (first, cands) in &by_first {
            for (ws, kind) in cands {
                let label = match kind {
                    Kind::Product | Kind::MiscRulesOnly => Label::Misc,
                    Kind::Org | Kind::OrgRulesOnly => Label::Org,
                    Kind::PerRulesOnly => Label::Per,
                    Kind::City | Kind::Country => continue,
                };
                known_first
                    .entry(first)
                    .or_default()
                    .push((ws.clone(), label));
                known_shape[usize::from(first.as_bytes()[0])] |= 1 << first.len().min(63);
            }
        }
        Gazetteer {
            by_first,
            known_first,
            known_shape,
            org_suffixes: entries(ORG_SUFFIXES).collect(),
            lowercase_suffix: entries(ORG_SUFFIXES)
                .any(|w| !w.chars().next().is_some_and(char::is_uppercase)),
            common_acronyms: entries(COMMON_ACRONYMS).collect(),
            demonyms_fr: entries(DEMONYMS_FR).flat_map(demonym_forms).collect(),
        }
    }

    /// The gazetteers shipped with quoth, parsed once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    /// Marks each word with its gazetteer bits (`flag::*`); longest match wins.
    pub fn mark(&self, words: &[&str], out: &mut Vec<u16>) {
        out.clear();
        out.resize(words.len(), 0);
        for (i, w) in words.iter().enumerate() {
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            // (most words are lowercase, and no suffix is)
            if (cap || self.lowercase_suffix) && self.org_suffixes.contains(w) {
                out[i] |= flag::ORG_SUFFIX;
            }
            if cap && names::is_first_name(w) {
                out[i] |= flag::FIRST_NAME;
            }
            let Some(cands) = self.by_first.get(w) else {
                continue;
            };
            let mut best_place: Option<(usize, Kind)> = None;
            let mut best_product = 0;
            let mut best_org = 0;
            for (ws, kind) in cands {
                let len = ws.len();
                if i + len > words.len() || words[i..i + len] != ws[..] {
                    continue;
                }
                if matches!(
                    kind,
                    Kind::OrgRulesOnly | Kind::PerRulesOnly | Kind::MiscRulesOnly
                ) {
                    continue;
                } else if *kind == Kind::Product {
                    best_product = best_product.max(len);
                } else if *kind == Kind::Org {
                    best_org = best_org.max(len);
                } else if best_place.is_none_or(|(l, _)| len > l) {
                    best_place = Some((len, *kind));
                }
            }
            if let Some((len, kind)) = best_place {
                out[i] |= flag::PLACE_B;
                for o in &mut out[i + 1..i + len] {
                    *o |= flag::PLACE_I;
                }
                if kind == Kind::Country {
                    for o in &mut out[i..i + len] {
                        *o |= flag::COUNTRY;
                    }
                }
            }
            for o in &mut out[i..i + best_org] {
                *o |= flag::ORG;
            }
            if best_product > 0 {
                out[i] |= flag::PRODUCT_B;
                for o in &mut out[i + 1..i + best_product] {
                    *o |= flag::PRODUCT_I;
                }
            }
        }
    }

    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    /// Whether `word` alone is a known place name ("Montréal").
    pub fn is_place(&self, word: &str) -> bool {
        self.by_first.get(word).is_some_and(|c| {
            c.iter()
                .any(|(ws, k)| ws.len() == 1 && matches!(k, Kind::City | Kind::Country))
        })
    }

    /// An acronym of a common noun ("IA", "ONG", "PIB"): never a name alone.
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.common_acronyms.contains(word)
    }

    /// A French noun of nationality or people, capitalised ("Polonais",
    /// "Françaises", "Nord-Coréens").
    pub fn is_demonym_fr(&self, word: &str) -> bool {
        self.demonyms_fr.contains(word)
    }

    /// The adjective of a nationality, in lowercase ("turc", "allemande"):
    /// its noun is listed with a capital.
    pub fn is_demonym_adjective_fr(&self, word: &str) -> bool {
        let mut c = word.chars();
        c.next().is_some_and(|f| {
            let noun: String = f.to_uppercase().chain(c).collect();
            self.demonyms_fr.contains(&noun)
        })
    }

    /// Known products and works (MISC), organisations (ORG) and people
    /// (PER) in `words`, longest
    /// match first, not overlapping.
    pub fn known(&self, words: &[&str]) -> Vec<Known> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, Label)> = None;
            for (ws, label) in self.known_names(words[i]) {
                let len = ws.len();
                if i + len <= words.len()
                    && words[i..i + len] == ws[..]
                    && best.is_none_or(|(l, _)| len > l)
                {
                    best = Some((len, *label));
                }
            }
            match best {
                Some((len, label)) => {
                    out.push((i..i + len, label));
                    i += len;
                }
                None => {
                    if self.is_org_branch(words[i]) {
                        out.push((i..i + 1, Label::Org));
                    }
                    i += 1;
                }
            }
        }
        out
    }

    /// The names `known` finds starting with `word`.
    fn known_names(&self, word: &str) -> &[(Vec<&'static str>, Label)] {
        let Some(&b) = word.as_bytes().first() else {
            return &[];
        };
        if self.known_shape[usize::from(b)] >> word.len().min(63) & 1 == 0 {
            return &[];
        }
        self.known_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// A known organisation in capitals and its branch or trade joined by a
    /// hyphen ("CGT-Cheminots", "FO-Énergie", "CFDT-Santé"): unions name
    /// their federations this way, and the whole is one organisation.
    fn is_org_branch(&self, word: &str) -> bool {
        // a capital first, before looking for the hyphen: this runs at
        // every word the known names miss, and most are lowercase
        if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let Some((head, branch)) = word.split_once('-') else {
            return false;
        };
        head.len() >= 2
            && head.chars().all(|c| c.is_ascii_uppercase())
            && branch.chars().next().is_some_and(char::is_uppercase)
            && branch.chars().skip(1).any(char::is_lowercase)
            && self
                .known_names(head)
                .iter()
                .any(|(ws, l)| ws.len() == 1 && *l == Label::Org)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_words_are_the_tokenisers() {
        let lines = entries(PLACES)
            .chain(entries(PLACES_FR))
            .map(|l| l.split_once('\t').map_or(l, |(n, _)| n))
            .chain(entries(PRODUCTS))
            .chain(entries(ORGANISATIONS))
            .chain(entries(ORGANISATIONS_NEWS))
            .chain(entries(PEOPLE_KNOWN))
            .chain(entries(WORKS_KNOWN))
            .chain([
                "",
                "Paris",
                "Saint-Denis",
                "l'Aquila",
                "4G",
                "New York",
                "abc.fr",
                "O_o",
            ]);
        for name in lines {
            let toks: Vec<&str> = tokenize(name).iter().map(|t| t.text(name)).collect();
            assert_eq!(name_words(name), toks, "{name}");
        }
    }

    fn marks(s: &str) -> Vec<u16> {
        let words: Vec<&str> = s.split(' ').collect();
        let mut out = Vec::new();
        Gazetteer::get().mark(&words, &mut out);
        out
    }

    #[test]
    fn places_products_suffixes_and_first_names() {
        let m = marks("Audrey vit à Paris près de New York");
        assert!(m[0] & flag::FIRST_NAME != 0);
        assert!(m[3] & flag::PLACE_B != 0 && m[3] & flag::COUNTRY == 0);
        assert!(m[6] & flag::PLACE_B != 0 && m[7] & flag::PLACE_I != 0);
        let m = marks("Mistral Large sur Azure AI de Mistral AI en France");
        assert!(m[0] & flag::PRODUCT_B != 0 && m[1] & flag::PRODUCT_I != 0);
        assert!(m[3] & flag::PRODUCT_B != 0 && m[4] & flag::PRODUCT_I != 0);
        assert!(m[7] & flag::ORG_SUFFIX != 0);
        assert!(m[9] & flag::COUNTRY != 0);
        assert_eq!(marks("le lancement")[0], 0);
        let m = marks("Le Monde et OpenAI");
        assert!(m[0] & flag::ORG != 0 && m[1] & flag::ORG != 0 && m[3] & flag::ORG != 0);
    }

    #[test]
    fn known_names_longest_first() {
        let words: Vec<&str> = "selon Mistral Large et Azure AI de Microsoft , pas Azure"
            .split(' ')
            .collect();
        let got: Vec<(String, Label)> = Gazetteer::get()
            .known(&words)
            .into_iter()
            .map(|(r, l)| (words[r].join(" "), l))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Mistral Large".to_string(), Label::Misc),
                ("Azure AI".to_string(), Label::Misc),
                ("Microsoft".to_string(), Label::Org),
                ("Azure".to_string(), Label::Misc),
            ]
        );
    }
}
