//! Features of the sequence labeller, hashed to 64-bit keys without
//! allocating: each token's strings are hashed once, and a feature is a mix
//! of a template id with those hashes.

use std::ops::Range;

use crate::analysis::Label;
use crate::analysis::gazetteer::{FastMap, Gazetteer, flag};

/// Bumped whenever features or decoding change, so an old model file is
/// refused (6: beam-search decoding, trained as a structured perceptron).
pub const FEATURES_VERSION: u32 = 6;

pub const N_TAGS: usize = 17;
/// BILOU tags: Begin, Inside, Last, Unit (one-word mention), Outside.
pub const TAGS: [&str; N_TAGS] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];

pub const B: u8 = 0;
pub const I: u8 = 1;
pub const L: u8 = 2;
pub const U: u8 = 3;

/// The label of a tag and its role (`B`, `I`, `L` or `U`); None for O.
pub fn tag_parts(tag: u8) -> Option<(Label, u8)> {
    if tag == 0 || tag as usize >= N_TAGS {
        return None;
    }
    Some((Label::ALL[(tag as usize - 1) / 4], (tag - 1) % 4))
}

pub fn tag_of(label: Label, role: u8) -> u8 {
    let li = Label::ALL.iter().position(|l| *l == label).unwrap_or(0) as u8;
    1 + 4 * li + role
}

/// May `tag` follow `prev`? After B-X or I-X only I-X or L-X; elsewhere
/// anything but I and L.
pub fn allowed(prev: u8, tag: u8) -> bool {
    match (tag_parts(prev), tag_parts(tag)) {
        (Some((pl, B | I)), Some((l, I | L))) => pl == l,
        (Some((_, B | I)), _) => false,
        (_, Some((_, I | L))) => false,
        _ => true,
    }
}

/// The tags that may follow each tag, as bit masks (bit `t`: `allowed(prev, t)`),
/// for the beam search, which asks for every tag after every hypothesis.
pub const ALLOWED_AFTER: [u32; N_TAGS] = {
    let mut m = [0u32; N_TAGS];
    let mut prev = 0;
    while prev < N_TAGS {
        let mut t = 0;
        while t < N_TAGS {
            // as `allowed`, in integers: label (t - 1) / 4, role (t - 1) % 4
            let open = prev > 0 && matches!((prev - 1) % 4, 0 | 1);
            let cont = t > 0 && matches!((t - 1) % 4, 1 | 2);
            let ok = if open {
                cont && (prev - 1) / 4 == (t - 1) / 4
            } else {
                !cont
            };
            if ok {
                m[prev] |= 1 << t;
            }
            t += 1;
        }
        prev += 1;
    }
    m
};

/// Converts one sentence's BIO tags (as (label, begins) pairs) to BILOU.
pub fn bio_to_bilou(bio: &[Option<(Label, bool)>]) -> Vec<u8> {
    (0..bio.len())
        .map(|i| {
            let Some((l, b)) = bio[i] else { return 0 };
            let begins = b
                || !matches!(bio.get(i.wrapping_sub(1)), Some(Some((pl, _))) if *pl == l)
                || i == 0;
            let ends = !matches!(bio.get(i + 1), Some(Some((nl, false))) if *nl == l);
            let role = match (begins, ends) {
                (true, true) => U,
                (true, false) => B,
                (false, false) => I,
                (false, true) => L,
            };
            tag_of(l, role)
        })
        .collect()
}

/// Parses a BIO tag ("B-PER", "I-ORG", "O").
pub fn parse_bio(s: &str) -> Option<Option<(Label, bool)>> {
    if s == "O" {
        return Some(None);
    }
    let (p, l) = s.split_once('-')?;
    let l = Label::parse(l)?;
    match p {
        "B" => Some(Some((l, true))),
        "I" => Some(Some((l, false))),
        _ => None,
    }
}

const K1: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[inline]
fn step(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x0000_0100_0000_01B3).rotate_left(5) ^ K1
}

#[inline]
pub const fn feat(template: u32, a: u64) -> u64 {
    mix(a ^ (template as u64).wrapping_mul(K1))
}

#[inline]
fn feat2(template: u32, a: u64, b: u64) -> u64 {
    mix(mix(a ^ (u64::from(template)).wrapping_mul(K1)) ^ b.rotate_left(17))
}

// Token flags.
const CAP: u32 = 1;
const ALLCAP: u32 = 1 << 1;
const HAS_DIGIT: u32 = 1 << 2;
const ALL_DIGIT: u32 = 1 << 3;
const HAS_HYPHEN: u32 = 1 << 4;
const HAS_DOT: u32 = 1 << 5;
const INITIAL: u32 = 1 << 6;
const PUNCT: u32 = 1 << 7;
const HAS_APOS: u32 = 1 << 8;
const INNER_CAP: u32 = 1 << 9;
/// Between quotation marks in its sentence (titles of works, slogans).
const IN_QUOTE: u32 = 1 << 10;
const N_FLAGS: u32 = 11;

/// Everything the features need about one token, hashed once.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct TokInfo {
    pub word: u64,
    pub lower: u64,
    shape: u64,
    sshape: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    flags: u32,
    len: u32,
    gaz: u16,
    /// Word clusters (fine, coarse) from each language's table, +1 (0: not
    /// in the table).
    clusters: [[u16; 2]; 2],
}

/// Distributional word clusters learned from each training corpus by
/// `scripts/word_clusters.py` (`word<TAB>fine<TAB>coarse`, lowercase).
const CLUSTERS: [&str; 2] = [
    include_str!("../../../assets/models/clusters_en.tsv"),
    include_str!("../../../assets/models/clusters_fr.tsv"),
];

/// The hash of a word's lowercase form, as `TokInfo::lower`.
fn lower_hash(word: &str) -> u64 {
    let mut hl = 0xCBF2_9CE4_8422_2325u64;
    for c in word.chars() {
        if c.is_ascii() {
            // what `to_lowercase` gives, without its iterator (the cluster
            // tables hash 10,000 words at each start)
            hl = step(hl, c.to_ascii_lowercase() as u64);
        } else {
            for lc in c.to_lowercase() {
                hl = step(hl, lc as u64);
            }
        }
    }
    mix(hl)
}

/// Lowercase hash → clusters (+1) in each table, parsed once.
fn clusters() -> &'static FastMap<u64, [[u16; 2]; 2]> {
    static C: std::sync::OnceLock<FastMap<u64, [[u16; 2]; 2]>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut m: FastMap<u64, [[u16; 2]; 2]> = FastMap::default();
        for (t, src) in CLUSTERS.iter().enumerate() {
            for line in src.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(w), Some(f), Some(c)) = (cols.next(), cols.next(), cols.next()) else {
                    continue;
                };
                let (Ok(f), Ok(c)) = (f.parse::<u16>(), c.parse::<u16>()) else {
                    continue;
                };
                m.entry(lower_hash(w)).or_default()[t] = [f + 1, c + 1];
            }
        }
        m
    })
}

/// What the token features ask of a character: (uppercase, lowercase,
/// alphabetic, numeric), as `char::is_uppercase`, `is_lowercase`,
/// `is_alphabetic` and `is_numeric` say, each asked once. ASCII and the
/// Latin-1 letters (most characters of news) without the Unicode tables.
#[inline]
fn char_class(c: char) -> (bool, bool, bool, bool) {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => (true, false, true, false),
        'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' => (false, true, true, false),
        '0'..='9' => (false, false, false, true),
        '\0'..='\u{7F}' => (false, false, false, false),
        _ => (
            c.is_uppercase(),
            c.is_lowercase(),
            c.is_alphabetic(),
            c.is_numeric(),
        ),
    }
}

/// A character's class in a word shape: 'X' uppercase, 'x' lowercase, 'd'
/// numeric, else itself.
#[inline]
fn shape_class(c: char, (upper, lower, _, numeric): (bool, bool, bool, bool)) -> u64 {
    if upper {
        'X' as u64
    } else if lower {
        'x' as u64
    } else if numeric {
        'd' as u64
    } else {
        c as u64
    }
}

impl TokInfo {
    fn new(word: &str, initial: bool, gaz: u16) -> TokInfo {
        let mut t = TokInfo {
            gaz,
            ..TokInfo::default()
        };
        let mut hw = 0xCBF2_9CE4_8422_2325u64;
        let mut hl = hw;
        let mut hs = hw;
        let mut hss = hw;
        let (mut last_class, mut run) = (0u64, 0u32);
        let mut last4 = ['\0'; 4];
        let (mut letters, mut uppers, mut digits, mut alnum) = (0u32, 0u32, 0u32, 0u32);
        for (n, c) in word.chars().enumerate() {
            hw = step(hw, c as u64);
            if c.is_ascii() {
                // what `to_lowercase` gives, without its iterator (most letters)
                let lc = c.to_ascii_lowercase();
                hl = step(hl, lc as u64);
                last4 = [last4[1], last4[2], last4[3], lc];
            } else {
                for lc in c.to_lowercase() {
                    hl = step(hl, lc as u64);
                    last4 = [last4[1], last4[2], last4[3], lc];
                }
            }
            if n < 4 {
                t.pre[n] = hl;
            }
            let class = char_class(c);
            let (upper, _, alphabetic, numeric) = class;
            let cl = shape_class(c, class);
            if cl == last_class {
                run += 1;
            } else {
                run = 1;
                last_class = cl;
                hss = step(hss, cl);
            }
            if run <= 2 {
                hs = step(hs, cl);
            }
            if alphabetic {
                letters += 1;
                if upper {
                    uppers += 1;
                    if n == 0 {
                        t.flags |= CAP;
                    } else {
                        t.flags |= INNER_CAP;
                    }
                }
            }
            if numeric {
                digits += 1;
            }
            // (`is_alphanumeric` is alphabetic or numeric)
            if alphabetic || numeric {
                alnum += 1;
            }
            match c {
                '-' | '‐' | '‑' => t.flags |= HAS_HYPHEN,
                '.' => t.flags |= HAS_DOT,
                '\'' | '’' => t.flags |= HAS_APOS,
                _ => {}
            }
            t.len = n as u32 + 1;
        }
        for k in 0..4 {
            if k as u32 >= t.len {
                t.pre[k] = 0;
                t.suf[k] = 0;
                continue;
            }
            let mut h = 0x1234_5678u64;
            for c in last4[3 - k..].iter() {
                h = step(h, *c as u64);
            }
            t.suf[k] = h;
        }
        if letters > 1 && uppers == letters {
            t.flags |= ALLCAP;
        }
        if digits > 0 {
            t.flags |= HAS_DIGIT;
            if digits == t.len {
                t.flags |= ALL_DIGIT;
            }
        }
        if alnum == 0 {
            t.flags |= PUNCT;
        }
        if initial {
            t.flags |= INITIAL;
        }
        t.word = mix(hw);
        t.lower = mix(hl);
        if let Some(c) = clusters().get(&t.lower) {
            t.clusters = *c;
        }
        t.shape = mix(hs);
        t.sshape = mix(hss);
        t
    }

    fn is_cap(&self) -> bool {
        self.flags & CAP != 0
    }
}

/// A text ready for labelling: its words and sentences (word index ranges).
pub struct Doc<'a> {
    pub words: Vec<&'a str>,
    pub sents: Vec<Range<usize>>,
}

/// Document-level evidence: how each capitalised word form is written and
/// labelled elsewhere in the same text.
#[derive(Default)]
pub struct Evidence {
    /// Lowercase hash of words seen written in lowercase.
    lower_seen: FastMap<u64, u32>,
    /// Exact hash of capitalised words seen away from sentence starts.
    cap_inside: FastMap<u64, u32>,
    /// Exact word hash → counts per (label, role): role 0 single-word
    /// mention, 1 first word, 2 later word.
    labels: FastMap<u64, [u16; 12]>,
}

pub struct Prepared {
    pub infos: Vec<TokInfo>,
    pub evidence: Evidence,
    /// For a capitalised word, the run of capitalised words around it in its
    /// sentence (start, end), computed once: a run of a million names costs
    /// a million steps, not a million per word.
    runs: Vec<(u32, u32)>,
    /// Each word's form: 0 for the first form met (sentence by sentence,
    /// word by word), 1 for the next new one…
    forms: Vec<u32>,
    n_forms: usize,
}

/// How far from a capitalised word the labeller looks for the rest of its
/// name: two words before it ("golfe du Morbihan"), three after it, and
/// three more past each linking word on the way ("cour d'appel de Paris",
/// "Organisation mondiale de la santé", "Autorité de régulation
/// professionnelle de la publicité"). Smaller reaches lost F1 on WiNER-fr;
/// these lose none on WiNER-fr dev, its held-out train articles,
/// WikiNEuRal or CoNLL-2003, and change no quote.
const LIVE_BEFORE: usize = 2;
const LIVE_AFTER: usize = 3;
const LIVE_PER_LINK: usize = 3;
/// Nor further than this in all: a string of links ("de la … de la")
/// would otherwise carry every capitalised word to its sentence's end.
const LIVE_MAX: usize = 12;

/// Marks live the words of `order` (away from a capitalised word) that
/// `first` words, and three more per link word, cover.
fn mark_reach(
    live: &mut [bool],
    words: &[&str],
    order: impl Iterator<Item = usize>,
    first: usize,
    after: bool,
) {
    let mut left = first;
    for j in order {
        if left == 0 {
            break;
        }
        live[j] = true;
        left -= 1;
        if is_link(words[j], after) {
            left += LIVE_PER_LINK;
        }
    }
}

/// Words that link a name's lowercase head (`after` false) or tail to it.
fn is_link(w: &str, after: bool) -> bool {
    matches!(
        w,
        "de" | "d'" | "d’" | "du" | "des" | "of" | "et" | "and" | "&"
    ) || after && matches!(w, "la" | "l'" | "l’" | "le" | "les" | "the")
}

impl Prepared {
    /// Training only: hides, at random, the gazetteer marks of some words
    /// and the identity of some capitalised words, so the labeller learns
    /// to read names from their context, letters and clusters too, as it
    /// must for names no list or training text knows. `coin` gives a
    /// uniform number in [0, 1) for each draw.
    pub fn dropout(&mut self, mut coin: impl FnMut() -> f32, gaz: f32, word: f32) {
        // one stand-in for every hidden word, as if it were an unknown one
        const UNKNOWN: u64 = 0x5155_4F54_485F_554E;
        for t in &mut self.infos {
            if gaz > 0.0 && t.gaz != 0 && coin() < gaz {
                t.gaz = 0;
            }
            if word > 0.0 && t.is_cap() && coin() < word {
                t.word = UNKNOWN;
                t.lower = UNKNOWN;
            }
        }
    }

    /// Which words the labeller scores: those with a capital letter or a
    /// gazetteer mark, and the words near one in its sentence (see
    /// `LIVE_BEFORE`). The others are outside any name: in the training
    /// sets well under 1% of them are in one, almost all lowercase names
    /// the labeller misses anyway, and they are nearly half the words of
    /// French news, a quarter of English.
    pub fn live(&self, doc: &Doc) -> Vec<bool> {
        let mut live = vec![false; self.infos.len()];
        for s in &doc.sents {
            for i in s.clone() {
                let t = &self.infos[i];
                if t.flags & (CAP | INNER_CAP) == 0 && t.gaz == 0 {
                    continue;
                }
                live[i] = true;
                let before = (s.start..i).rev().take(LIVE_MAX);
                mark_reach(&mut live, &doc.words, before, LIVE_BEFORE, false);
                let after = (i + 1..s.end).take(LIVE_MAX);
                mark_reach(&mut live, &doc.words, after, LIVE_AFTER, true);
            }
        }
        live
    }

    /// The form of word `i` (see `forms`).
    #[inline]
    pub fn form(&self, i: usize) -> usize {
        self.forms[i] as usize
    }

    /// The number of distinct word forms.
    pub fn n_forms(&self) -> usize {
        self.n_forms
    }
}

fn is_opening(w: &str) -> bool {
    matches!(
        w,
        "«" | "“" | "\"" | "(" | "[" | "-" | "—" | "–" | "‘" | "'" | "„" | "*" | "•"
    )
}

/// Whether each word opens its sentence (opening quotes and dashes aside).
pub fn initial_flags(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.words.len()];
    for s in &doc.sents {
        for i in s.clone() {
            out[i] = true;
            if !is_opening(doc.words[i]) {
                break;
            }
        }
    }
    out
}

/// Hashes every token and gathers the label-free document evidence.
pub fn prepare(doc: &Doc) -> Prepared {
    let mut gaz = Vec::new();
    Gazetteer::get().mark(&doc.words, &mut gaz);
    let mut infos = Vec::with_capacity(doc.words.len());
    // (the lowercase forms: about one word in four once repeats are counted)
    let mut ev = Evidence {
        lower_seen: FastMap::with_capacity_and_hasher(doc.words.len() / 4, Default::default()),
        ..Evidence::default()
    };
    // Each word form hashed once: a text repeats its words, and hashing a
    // word's letters, prefixes, suffixes and shapes was most of `prepare`.
    // (`TokInfo::new` of a form, not initial and in no gazetteer; the
    // place in the sentence and the gazetteer bits are set per word)
    let mut by_form: FastMap<&str, (TokInfo, u32)> =
        FastMap::with_capacity_and_hasher(doc.words.len() / 2, Default::default());
    let mut forms = Vec::with_capacity(doc.words.len());
    for s in &doc.sents {
        let mut initial = true;
        let mut quoted = false;
        for i in s.clone() {
            let w = doc.words[i];
            let next = by_form.len() as u32;
            let (mut info, form) = *by_form
                .entry(w)
                .or_insert_with(|| (TokInfo::new(w, false, 0), next));
            forms.push(form);
            info.gaz = gaz[i];
            if initial {
                info.flags |= INITIAL;
            }
            match w {
                "«" | "“" => quoted = true,
                "»" | "”" => quoted = false,
                "\"" => quoted = !quoted,
                _ if quoted => info.flags |= IN_QUOTE,
                _ => {}
            }
            if info.flags & (CAP | PUNCT) == 0 && info.flags & HAS_DIGIT == 0 {
                *ev.lower_seen.entry(info.lower).or_default() += 1;
            }
            if info.is_cap() && !initial {
                *ev.cap_inside.entry(info.word).or_default() += 1;
            }
            infos.push(info);
            if !is_opening(w) {
                initial = false;
            }
        }
    }
    let mut runs = vec![(0u32, 0u32); infos.len()];
    for s in &doc.sents {
        let mut i = s.start;
        while i < s.end {
            if !infos[i].is_cap() {
                i += 1;
                continue;
            }
            let a = i;
            while i < s.end && infos[i].is_cap() {
                i += 1;
            }
            runs[a..i].fill((a as u32, i as u32));
        }
    }
    Prepared {
        infos,
        evidence: ev,
        runs,
        n_forms: by_form.len(),
        forms,
    }
}

impl Evidence {
    /// Records the labels of a first pass over the whole text.
    pub fn record_labels(&mut self, infos: &[TokInfo], tags: &[u8]) {
        self.labels.clear();
        for (i, &t) in tags.iter().enumerate() {
            if let Some((l, role)) = tag_parts(t) {
                let role = evidence_role(role);
                let li = l as usize;
                if infos[i].is_cap() {
                    self.labels.entry(infos[i].word).or_default()[li * 3 + role] += 1;
                }
            }
        }
    }
}

/// Evidence role: 0 one-word mention, 1 first word, 2 later word.
fn evidence_role(role: u8) -> usize {
    match role {
        U => 0,
        B => 1,
        _ => 2,
    }
}

const BOS: u64 = 0x0B05;
const EOS: u64 = 0x0E05;

/// What the first pass labelled in one sentence, per capitalised word:
/// subtracted from the text's counts so that a sentence is not its own
/// evidence. Built once per sentence, so evidence stays linear in the
/// sentence's length (a sentence of 100,000 names included).
#[derive(Default)]
pub struct OwnLabels(FastMap<u64, [u16; 12]>);

impl OwnLabels {
    /// The counts of sentence `sent` from its first-pass tags `first_pass`.
    pub fn of(p: &Prepared, sent: &Range<usize>, first_pass: &[u8]) -> OwnLabels {
        let mut own = OwnLabels::default();
        own.fill(p, sent, first_pass);
        own
    }

    /// As `of`, reusing this map's memory.
    pub fn fill(&mut self, p: &Prepared, sent: &Range<usize>, first_pass: &[u8]) {
        self.0.clear();
        for (j, &t) in sent.clone().zip(first_pass) {
            if let Some((l, role)) = tag_parts(t)
                && p.infos[j].is_cap()
            {
                self.0.entry(p.infos[j].word).or_default()[l as usize * 3 + evidence_role(role)] +=
                    1;
            }
        }
    }
}

/// Label evidence for token `i` from other sentences (the counts recorded
/// for its own sentence, `own`, are subtracted).
fn label_evidence(p: &Prepared, own: &OwnLabels, i: usize) -> Option<[u16; 12]> {
    let info = &p.infos[i];
    if !info.is_cap() {
        return None;
    }
    let mut c = *p.evidence.labels.get(&info.word)?;
    if let Some(o) = own.0.get(&info.word) {
        for (x, y) in c.iter_mut().zip(o) {
            *x = x.saturating_sub(*y);
        }
    }
    if c.iter().all(|&x| x == 0) {
        None
    } else {
        Some(c)
    }
}

fn majority(c: &[u16; 12]) -> usize {
    let mut best = (0, 0);
    for l in 0..4 {
        let s = c[l * 3] + c[l * 3 + 1] + c[l * 3 + 2];
        if s > best.0 {
            best = (s, l);
        }
    }
    best.1
}

/// `feat(14, b)` of each token flag `b`, computed once.
const FLAG_FEATS: [u64; N_FLAGS as usize] = {
    let mut a = [0; N_FLAGS as usize];
    let mut b = 0;
    while b < a.len() {
        a[b] = feat(14, b as u64);
        b += 1;
    }
    a
};

/// `feat(29, len)` of each length up to 12.
const LEN_FEATS: [u64; 13] = {
    let mut a = [0; 13];
    let mut n = 0;
    while n < a.len() {
        a[n] = feat(29, n as u64);
        n += 1;
    }
    a
};

/// `feat(30 + k, b)` of each gazetteer flag `b` of the word (k = 0), the
/// previous one (1) and the next one (2).
const GAZ_FEATS: [[u64; flag::COUNT as usize]; 3] = {
    let mut a = [[0; flag::COUNT as usize]; 3];
    let mut k = 0;
    while k < 3 {
        let mut b = 0;
        while b < flag::COUNT as usize {
            a[k][b] = feat(30 + k as u32, b as u64);
            b += 1;
        }
        k += 1;
    }
    a
};

/// The features of one token as they are gathered, at most `Feats::MAX`,
/// written in place after the end of a `Vec` (`done` makes them its own):
/// a count in a register, not the `Vec`'s length in memory stored back at
/// every push, and no copy (a fixed array on the stack was cleared, 1 KB,
/// then copied at every word: 1% of the analysis).
struct Feats<'a> {
    a: &'a mut [std::mem::MaybeUninit<u64>],
    n: usize,
}

impl<'a> Feats<'a> {
    /// More than `context_features` gives: 11 flags, 8 gazetteer flags
    /// for each of 3 words, 55 others at most.
    const MAX: usize = 128;

    #[inline(always)]
    fn new(out: &'a mut Vec<u64>) -> Feats<'a> {
        out.reserve(Feats::MAX);
        Feats {
            a: &mut out.spare_capacity_mut()[..Feats::MAX],
            n: 0,
        }
    }

    #[inline(always)]
    fn push(&mut self, x: u64) {
        self.a[self.n].write(x);
        self.n += 1;
    }
}

/// Pushes the hashed features of token `i` of `sent` that do not depend on
/// the tags being predicted. `own` holds the first pass's labels of this
/// sentence, or is None during the first pass (no label evidence yet).
pub fn static_features(
    p: &Prepared,
    sent: &Range<usize>,
    i: usize,
    own: Option<&OwnLabels>,
    out: &mut Vec<u64>,
) {
    out.clear();
    word_features(&p.infos[i], out);
    context_features(p, sent, i, own, out);
}

/// The first of `static_features`: those of the word's own letters, the
/// same wherever the word is (so its score for them can be reused).
pub fn word_features(t: &TokInfo, out: &mut Vec<u64>) {
    out.push(feat(1, 0));
    out.push(feat(2, t.word));
    out.push(feat(3, t.lower));
    for k in 0..4 {
        if t.pre[k] != 0 {
            out.push(feat(4 + k as u32, t.pre[k]));
            out.push(feat(8 + k as u32, t.suf[k]));
        }
    }
    out.push(feat(12, t.shape));
    out.push(feat(13, t.sshape));
}

/// The rest of `static_features`, after `word_features`: flags, context,
/// gazetteer and document evidence.
pub fn context_features(
    p: &Prepared,
    sent: &Range<usize>,
    i: usize,
    own: Option<&OwnLabels>,
    out: &mut Vec<u64>,
) {
    let t = &p.infos[i];
    // the neighbours, looked up once
    let at = |k: isize| -> Option<&TokInfo> {
        let j = i as isize + k;
        if j < sent.start as isize || j >= sent.end as isize {
            None
        } else {
            Some(&p.infos[j as usize])
        }
    };
    let (m2, m1, p1, p2) = (at(-2), at(-1), at(1), at(2));
    let lower = |x: Option<&TokInfo>, edge| x.map_or(edge, |x| x.lower);
    let sshape = |x: Option<&TokInfo>, edge| x.map_or(edge, |x| x.sshape);
    let (lw_m2, lw_m1, lw_p1, lw_p2) = (
        lower(m2, BOS),
        lower(m1, BOS),
        lower(p1, EOS),
        lower(p2, EOS),
    );
    let (sh_m2, sh_m1, sh_p1, sh_p2) = (
        sshape(m2, BOS),
        sshape(m1, BOS),
        sshape(p1, EOS),
        sshape(p2, EOS),
    );
    let before = out.len();
    let mut f = Feats::new(out);

    let mut flags = t.flags & ((1 << N_FLAGS) - 1);
    while flags != 0 {
        f.push(FLAG_FEATS[flags.trailing_zeros() as usize]);
        flags &= flags - 1;
    }
    f.push(feat(15, u64::from(t.flags & (CAP | INITIAL | ALLCAP))));
    f.push(feat(16, lw_m1));
    f.push(feat(17, lw_p1));
    f.push(feat(18, lw_m2));
    f.push(feat(19, lw_p2));
    f.push(feat(20, sh_m1));
    f.push(feat(21, sh_p1));
    f.push(feat(22, sh_m2));
    f.push(feat(23, sh_p2));
    f.push(feat2(24, lw_m1, t.lower));
    f.push(feat2(25, t.lower, lw_p1));
    f.push(feat2(26, sh_m1, feat2(0, t.sshape, sh_p1)));
    f.push(feat2(27, lw_m1, t.sshape));
    f.push(feat2(28, t.sshape, lw_p1));
    f.push(LEN_FEATS[t.len.min(12) as usize]);
    f.push(feat2(44, lw_m2, lw_m1));
    f.push(feat2(45, lw_p1, lw_p2));
    f.push(feat(46, m1.map_or(BOS, |x| x.suf[2])));
    f.push(feat(47, p1.map_or(EOS, |x| x.suf[2])));
    f.push(feat2(48, t.sshape, lw_m1 ^ lw_p1.rotate_left(7)));
    f.push(feat2(49, t.lower, u64::from(t.flags & INITIAL)));
    if t.is_cap() {
        // the run of capitalised words around this one: its length and our place
        let (a, b) = (p.runs[i].0 as usize, p.runs[i].1 as usize);
        let place = ((b - a).min(5) as u64) << 4 | (i - a).min(4) as u64;
        f.push(feat(50, place));
        // the words around the run ("le"/"la" + capitals, "de", "a déclaré")
        let before = if a > sent.start {
            p.infos[a - 1].lower
        } else {
            BOS
        };
        let after = if b < sent.end { p.infos[b].lower } else { EOS };
        f.push(feat2(51, before, place));
        f.push(feat2(52, after, place));
        f.push(feat2(53, before, u64::from(t.flags & IN_QUOTE)));
    }
    // Word clusters of the word and its neighbours, per table.
    for tb in 0..2 {
        let cl_m1 = m1.map_or([0xFFFE; 2], |x| x.clusters[tb]);
        let cl_p1 = p1.map_or([0xFFFF; 2], |x| x.clusters[tb]);
        let base = 60 + 10 * tb as u32;
        if t.clusters[tb][0] != 0 {
            f.push(feat(base, u64::from(t.clusters[tb][0])));
            f.push(feat(base + 1, u64::from(t.clusters[tb][1])));
            f.push(feat2(base + 2, u64::from(t.clusters[tb][0]), t.sshape));
        }
        f.push(feat(base + 3, u64::from(cl_m1[0])));
        f.push(feat(base + 4, u64::from(cl_p1[0])));
        f.push(feat2(
            base + 5,
            u64::from(cl_m1[1]),
            u64::from(cl_p1[1]) << 16 | u64::from(t.clusters[tb][1]),
        ));
        f.push(feat2(base + 6, u64::from(cl_m1[0]), t.sshape));
    }
    for (k, g) in [t.gaz, m1.map_or(0, |x| x.gaz), p1.map_or(0, |x| x.gaz)]
        .into_iter()
        .enumerate()
    {
        let mut g = u32::from(g) & ((1 << flag::COUNT) - 1);
        while g != 0 {
            f.push(GAZ_FEATS[k][g.trailing_zeros() as usize]);
            g &= g - 1;
        }
    }
    if t.gaz & (flag::PLACE_B | flag::PRODUCT_B) != 0 {
        f.push(feat2(33, u64::from(t.gaz), t.sshape));
    }
    // Document-level evidence.
    let ev = &p.evidence;
    if t.is_cap() && t.flags & ALLCAP == 0 {
        let lower = ev.lower_seen.contains_key(&t.lower);
        let inside = ev.cap_inside.get(&t.word).copied().unwrap_or(0);
        // (a word hidden by training's dropout has no count: it is unknown)
        let inside_else = inside.saturating_sub(u32::from(t.flags & INITIAL == 0));
        f.push(feat(
            34,
            u64::from(lower) | u64::from(inside_else > 0) << 1 | u64::from(t.flags & INITIAL),
        ));
    }
    let n = f.n;
    // SAFETY: `Feats::new` reserved room for them, and `push` wrote the
    // n after the end
    unsafe { out.set_len(before + n) };
    if let Some(own) = own {
        evidence_features(p, sent, i, own, out);
    }
}

/// Pushes the features from the first pass's labels elsewhere in the text
/// (the second-pass part of `static_features`).
pub fn evidence_features(
    p: &Prepared,
    sent: &Range<usize>,
    i: usize,
    own: &OwnLabels,
    out: &mut Vec<u64>,
) {
    {
        if let Some(c) = label_evidence(p, own, i) {
            for (k, &n) in c.iter().enumerate() {
                if n > 0 {
                    out.push(feat(35, k as u64));
                }
            }
            out.push(feat(36, majority(&c) as u64));
        }
        for (tpl, k) in [(37, -1isize), (38, 1)] {
            let j = i as isize + k;
            if j >= sent.start as isize
                && (j as usize) < sent.end
                && let Some(c) = label_evidence(p, own, j as usize)
            {
                out.push(feat(tpl, majority(&c) as u64));
            }
        }
    }
}

/// Pushes the features that depend on the two previous tags.
#[inline]
pub fn tag_features(p: &Prepared, i: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
    out.push(prev_tag_feature(prev));
    out.push(prev_tags_feature(prev, prev2));
    out.extend(word_tag_features(p, i, prev));
}

/// The first of `tag_features`: the previous tag alone, the same at every
/// word (so the beam search looks its weights up once per sentence).
#[inline]
pub fn prev_tag_feature(prev: u8) -> u64 {
    feat(40, u64::from(prev))
}

/// The second of `tag_features`: the two previous tags.
#[inline]
pub fn prev_tags_feature(prev: u8, prev2: u8) -> u64 {
    feat(41, u64::from(prev2) << 8 | u64::from(prev))
}

/// The last two of `tag_features`: the previous tag with word `i`.
#[inline]
pub fn word_tag_features(p: &Prepared, i: usize, prev: u8) -> [u64; 2] {
    let t = &p.infos[i];
    [
        feat2(42, u64::from(prev), t.lower),
        feat2(43, u64::from(prev), t.sshape),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_far_from_any_capital_are_not_labelled() {
        // A court named by its lowercase noun, four words before the town;
        // a long lowercase tail after the institution; plain words between.
        let text = "la décision a été confirmée lundi par la cour d' appel de Paris , \
                    après une audience qui a duré toute la journée , \
                    selon l' Autorité de régulation professionnelle de la publicité";
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut doc = Doc {
            sents: Vec::new(),
            words: words.clone(),
        };
        doc.sents.push(0..words.len());
        let live = prepare(&doc).live(&doc);
        let live_words: Vec<&str> = words
            .iter()
            .zip(&live)
            .filter(|(_, l)| **l)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(
            live_words,
            [
                "confirmée",
                "lundi",
                "par",
                "la",
                "cour",
                "d'",
                "appel",
                "de",
                "Paris",
                ",",
                "après",
                "une",
                "selon",
                "l'",
                "Autorité",
                "de",
                "régulation",
                "professionnelle",
                "de",
                "la",
                "publicité"
            ]
        );
    }

    #[test]
    fn each_word_form_is_hashed_once_with_the_same_result() {
        // "Paris" opens a sentence, then is inside one; "paris" is another form
        let words = vec![
            "Paris",
            "accueille",
            "le",
            "sommet",
            ".",
            "Le",
            "sommet",
            "de",
            "Paris",
            "«",
            "Paris",
            "»",
            "et",
            "paris",
            ".",
        ];
        let doc = Doc {
            words: words.clone(),
            sents: vec![0..5, 5..15],
        };
        let p = prepare(&doc);
        let forms: Vec<usize> = (0..words.len()).map(|i| p.form(i)).collect();
        assert_eq!(forms, vec![0, 1, 2, 3, 4, 5, 3, 6, 0, 7, 0, 8, 9, 10, 4]);
        assert_eq!(p.n_forms(), 11);
        let initial = initial_flags(&doc);
        for (i, w) in words.iter().enumerate() {
            let mut fresh = TokInfo::new(w, initial[i], p.infos[i].gaz);
            fresh.flags |= p.infos[i].flags & IN_QUOTE;
            assert_eq!(p.infos[i], fresh, "{w} at {i}");
        }
        assert!(p.infos[0].flags & INITIAL != 0 && p.infos[8].flags & INITIAL == 0);
        assert!(p.infos[10].flags & IN_QUOTE != 0 && p.infos[8].flags & IN_QUOTE == 0);
    }

    #[test]
    fn char_classes_are_the_standard_librarys() {
        for c in (0..0x3000)
            .chain(0x1_0000..0x1_0500)
            .filter_map(char::from_u32)
        {
            let want = (
                c.is_uppercase(),
                c.is_lowercase(),
                c.is_alphabetic(),
                c.is_numeric(),
            );
            assert_eq!(char_class(c), want, "{c:?}");
        }
    }

    #[test]
    fn allowed_table_matches_allowed() {
        for prev in 0..N_TAGS as u8 {
            for t in 0..N_TAGS as u8 {
                assert_eq!(
                    ALLOWED_AFTER[prev as usize] & (1 << t) != 0,
                    allowed(prev, t),
                    "{} then {}",
                    TAGS[prev as usize],
                    TAGS[t as usize]
                );
            }
        }
        // spot checks against the BILOU rules themselves
        let t = |s: &str| TAGS.iter().position(|x| *x == s).expect("tag") as u8;
        assert!(allowed(t("B-PER"), t("I-PER")));
        assert!(!allowed(t("B-PER"), t("O")));
        assert!(!allowed(t("O"), t("L-LOC")));
        assert!(allowed(t("L-LOC"), t("U-ORG")));
    }
}
