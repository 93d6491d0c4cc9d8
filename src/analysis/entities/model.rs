//! The weights of the labeller, the model file format, and decoding.
//!
//! Features hash into `2^HASH_BITS` rows of one weight per tag. A shipped
//! model keeps only the rows that matter (a bitmap says which) quantised to
//! a bfloat16 per weight, so it stays under 4 MB and loads by copying.
//!
//! File layout (little endian): magic `QNER`, format version u32, features
//! version u32, hash bits u8, tag count u8, row count u32, bitmap
//! (`2^HASH_BITS / 8` bytes), rows (`row count × ROW_BYTES`), then an
//! FNV-1a 64 checksum of everything before it.

use anyhow::{Context, bail};

use super::features::{
    self, ALLOWED_AFTER, Doc, FEATURES_VERSION, N_TAGS, Prepared, allowed, context_features,
    prev_tag_feature, prev_tags_feature, static_features, tag_features, word_features,
    word_tag_features,
};

pub const HASH_BITS: u32 = 20;
pub const N_ROWS: usize = 1 << HASH_BITS;
const MAGIC: &[u8; 4] = b"QNER";
const FORMAT_VERSION: u32 = 1;
/// Bytes of a row: one bfloat16 per tag.
pub const ROW_BYTES: usize = 2 * N_TAGS;

#[inline]
pub fn bucket(h: u64) -> usize {
    (h >> (64 - HASH_BITS)) as usize
}

/// Anything that scores features per tag.
pub trait Scorer {
    /// Adds the weights of `feats`, in order.
    fn add(&self, feats: &[u64], scores: &mut [f32; N_TAGS]);
    /// Where a feature's weights are, `NO_ROW` when it has none: `add` of
    /// one feature is `add_row` of its row, so a caller that meets the same
    /// feature again can keep its row instead of hashing and searching.
    fn row(&self, feat: u64) -> u32;
    /// Adds the weights of one row from `row`.
    fn add_row(&self, row: u32, scores: &mut [f32; N_TAGS]);
    /// Asks the CPU to start loading row `row` (`NO_ROW`: nothing), which
    /// `add_row` will read.
    #[inline(always)]
    fn prefetch_row(&self, row: u32) {
        let _ = row;
    }
    /// `add`, for code compiled with AVX2 (8 lanes at a time instead of 4,
    /// each lane the same f32 addition).
    ///
    /// # Safety
    /// The CPU has AVX2 and popcnt.
    #[inline(always)]
    unsafe fn add_wide(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        self.add(feats, scores);
    }
    /// `add_row` of each of `rows` but `NO_ROW`, in order, for code
    /// compiled with AVX2.
    ///
    /// # Safety
    /// The CPU has AVX2.
    #[inline(always)]
    unsafe fn add_rows_wide(&self, rows: [u32; 4], scores: &mut [f32; N_TAGS]) {
        for r in rows {
            if r != NO_ROW {
                self.add_row(r, scores);
            }
        }
    }
}

/// Whether the CPU has what the wide (AVX2) paths need; the check is one
/// cached load.
#[inline]
fn wide() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("popcnt")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// `Scorer::row` of a feature without weights.
pub const NO_ROW: u32 = u32::MAX;

/// 64 bits of the bitmap of kept rows, with the number of rows kept before
/// them: one cache line read per feature looked up, where a bitmap and a
/// separate array of counts (together 192 KB, more than the first-level
/// cache) took two.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
#[repr(C, align(16))]
struct Block {
    bits: u64,
    rank: u32,
}

/// The compact, quantised model that ships.
pub struct Model {
    /// The bitmap of kept rows, 64 buckets a block.
    /// Fixed-size, so that indexing by a bucket (always < `N_ROWS`) needs
    /// no bounds check: a check per feature looked up.
    index: Box<[Block; N_ROWS / 64]>,
    /// bfloat16 weights, `N_TAGS` per kept row.
    /// (rows of a fixed size: one bounds check per row, not two)
    rows: Vec<[u16; N_TAGS]>,
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU has popcnt (the check is one cached load)
            return unsafe { self.add_popcnt(feats, scores) };
        }
        self.add_any(feats, scores);
    }

    #[inline]
    fn row(&self, feat: u64) -> u32 {
        let b = bucket(feat);
        let Block { bits: word, rank } = self.index[b >> 6];
        let bit = 1u64 << (b & 63);
        if word & bit == 0 {
            NO_ROW
        } else {
            rank + (word & (bit - 1)).count_ones()
        }
    }

    #[inline]
    fn add_row(&self, row: u32, scores: &mut [f32; N_TAGS]) {
        add_bf16(&self.rows[row as usize], scores);
    }

    #[inline(always)]
    fn prefetch_row(&self, row: u32) {
        if let Some(row) = self.rows.get(row as usize) {
            prefetch(&row[0]);
            prefetch(&row[N_TAGS - 1]);
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn add_wide(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        // SAFETY: the caller's promise
        unsafe { self.add_avx2(feats, scores) }
    }

    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn add_rows_wide(&self, rows: [u32; 4], scores: &mut [f32; N_TAGS]) {
        // SAFETY: the caller's promise
        unsafe { self.add_rows_avx2(rows, scores) }
    }
}

impl Model {
    /// `Scorer::add`, where `count_ones` is the CPU's popcnt instruction
    /// instead of a dozen (the baseline x86_64 target lacks it; every row
    /// looked up counts the bits below it).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn add_popcnt(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        self.add_any(feats, scores);
    }

    /// The rows of the features in `chunk` (at most 96) that the model
    /// has, prefetched: they go to `found[..n]`, and n is returned.
    #[inline(always)]
    fn find_rows<'a>(
        &'a self,
        chunk: &[u64],
        found: &mut [std::mem::MaybeUninit<&'a [u16; N_TAGS]>; 96],
    ) -> usize {
        debug_assert!(chunk.len() <= found.len());
        let rows = self.rows.as_ptr();
        let mut n = 0;
        for &h in chunk {
            let b = bucket(h);
            let Block { bits: word, rank } = self.index[b >> 6];
            let bit = 1u64 << (b & 63);
            if word & bit != 0 {
                let r = rank + (word & (bit - 1)).count_ones();
                // SAFETY: a kept bucket's rank is below the number of rows
                // (`from_parts` checks that the bitmap has one bit per row);
                // the row and index checks were a fifth of this loop and
                // of the one reading the rows
                let row = unsafe { &*rows.add(r as usize) };
                // both ends: a row of 34 bytes may straddle two lines
                prefetch(&row[0]);
                prefetch(&row[N_TAGS - 1]);
                // SAFETY: n <= the features seen so far < chunk.len() <= 96
                unsafe { found.get_unchecked_mut(n) }.write(row);
                n += 1;
            }
        }
        n
    }

    #[inline(always)]
    fn add_any(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        // Two phases: find the rows first (the bitmap and its rank index stay
        // in cache), then read them, so that the cache misses on rows overlap.
        // The sums stay in registers until the end (through `scores`, the
        // compiler stores them back after every row).
        let mut acc = *scores;
        // not zeroed: filling 768 bytes per call was 0.4% of all the work
        let mut found = [std::mem::MaybeUninit::<&[u16; N_TAGS]>::uninit(); 96];
        for chunk in feats.chunks(found.len()) {
            let n = self.find_rows(chunk, &mut found);
            for r in &found[..n] {
                // SAFETY: found[..n] were all written in this chunk's loop
                add_bf16(unsafe { r.assume_init() }, &mut acc);
            }
        }
        *scores = acc;
    }

    /// `add_any` with the sums in two AVX2 registers and a float.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    #[inline]
    fn add_avx2(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        let mut acc = Acc8::load(scores);
        let mut found = [std::mem::MaybeUninit::<&[u16; N_TAGS]>::uninit(); 96];
        for chunk in feats.chunks(found.len()) {
            let n = self.find_rows(chunk, &mut found);
            for r in &found[..n] {
                // SAFETY: found[..n] were all written in this chunk's loop
                acc.add(unsafe { r.assume_init() });
            }
        }
        acc.store(scores);
    }

    /// `Scorer::add_rows_wide`.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    fn add_rows_avx2(&self, rows: [u32; 4], scores: &mut [f32; N_TAGS]) {
        let mut acc = Acc8::load(scores);
        for r in rows {
            if r != NO_ROW {
                acc.add(&self.rows[r as usize]);
            }
        }
        acc.store(scores);
    }
}

/// Sums of the 17 tags held in registers: tags 0-7, 8-15 in AVX2 lanes,
/// tag 16 alone.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
struct Acc8 {
    lo: std::arch::x86_64::__m256,
    hi: std::arch::x86_64::__m256,
    last: f32,
}

#[cfg(target_arch = "x86_64")]
impl Acc8 {
    #[target_feature(enable = "avx2")]
    #[inline]
    fn load(s: &[f32; N_TAGS]) -> Acc8 {
        use std::arch::x86_64::_mm256_loadu_ps;
        // SAFETY: reads s[0..16] of 17
        unsafe {
            Acc8 {
                lo: _mm256_loadu_ps(s.as_ptr()),
                hi: _mm256_loadu_ps(s.as_ptr().add(8)),
                last: s[16],
            }
        }
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn store(self, s: &mut [f32; N_TAGS]) {
        use std::arch::x86_64::_mm256_storeu_ps;
        // SAFETY: writes s[0..16] of 17
        unsafe {
            _mm256_storeu_ps(s.as_mut_ptr(), self.lo);
            _mm256_storeu_ps(s.as_mut_ptr().add(8), self.hi);
        }
        s[16] = self.last;
    }

    /// Adds a row of bfloat16 weights: each widened to its f32 (a bfloat16
    /// is the top half of one), then the same single addition per tag as
    /// `add_bf16`.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn add(&mut self, w: &[u16; N_TAGS]) {
        use std::arch::x86_64::{
            __m128i, _mm_loadu_si128, _mm256_add_ps, _mm256_castsi256_ps, _mm256_cvtepu16_epi32,
            _mm256_slli_epi32,
        };
        let src = w.as_ptr().cast::<__m128i>();
        // SAFETY: reads w[0..16] of 17
        let (a, b) = unsafe { (_mm_loadu_si128(src), _mm_loadu_si128(src.add(1))) };
        let lo = _mm256_castsi256_ps(_mm256_slli_epi32::<16>(_mm256_cvtepu16_epi32(a)));
        let hi = _mm256_castsi256_ps(_mm256_slli_epi32::<16>(_mm256_cvtepu16_epi32(b)));
        self.lo = _mm256_add_ps(self.lo, lo);
        self.hi = _mm256_add_ps(self.hi, hi);
        self.last += from_bf16(w[16]);
    }
}

const _: () = assert!(
    N_TAGS == 17,
    "add_bf16 and not_below take 16 weights, then one"
);

/// Adds a row of bfloat16 weights, 4 at a time on x86_64 (inlined into the
/// beam search, the compiler's own vectorising gives up and adds one by one).
/// Each lane is the same single f32 addition either way.
#[inline(always)]
fn add_bf16(w: &[u16; N_TAGS], scores: &mut [f32; N_TAGS]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_add_ps, _mm_castsi128_ps, _mm_loadu_ps, _mm_loadu_si128,
            _mm_setzero_si128, _mm_storeu_ps, _mm_unpackhi_epi16, _mm_unpacklo_epi16,
        };
        // SAFETY: SSE2 is part of x86_64; the loads read w[0..16] and the
        // loads and stores touch scores[0..16], in bounds of 17.
        unsafe {
            let z = _mm_setzero_si128();
            let src = w.as_ptr().cast::<__m128i>();
            let dst = scores.as_mut_ptr();
            for half in 0..2 {
                let v = _mm_loadu_si128(src.add(half));
                // a bfloat16 is the top half of its f32: interleaving with
                // zeros below makes the four f32 of each half
                let lo = _mm_castsi128_ps(_mm_unpacklo_epi16(z, v));
                let hi = _mm_castsi128_ps(_mm_unpackhi_epi16(z, v));
                let d = dst.add(8 * half);
                _mm_storeu_ps(d, _mm_add_ps(_mm_loadu_ps(d), lo));
                _mm_storeu_ps(d.add(4), _mm_add_ps(_mm_loadu_ps(d.add(4)), hi));
            }
        }
        scores[16] += from_bf16(w[16]);
    }
    #[cfg(not(target_arch = "x86_64"))]
    for (s, &c) in scores.iter_mut().zip(w) {
        *s += from_bf16(c);
    }
}

/// Asks the CPU to start loading a row: the rows of one word's features
/// are scattered over megabytes, and loading them all at once instead of
/// one after the other is most of the labeller's speed.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch is only a hint; it never faults, and the pointer
        // comes from a live reference.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Rounds to bfloat16 (the top 16 bits of an f32): 8 bits of exponent keep
/// the range of averaged-perceptron weights (bias-like features against rare
/// words), 7 bits of mantissa are plenty for a linear model.
fn bf16(w: f32) -> u16 {
    let b = w.to_bits();
    let round = 0x7FFF + ((b >> 16) & 1);
    (b.wrapping_add(round) >> 16) as u16
}

#[inline]
fn from_bf16(c: u16) -> f32 {
    f32::from_bits(u32::from(c) << 16)
}

/// The rows of little-endian u16s in `b` (whole rows): a copy on a little-endian CPU,
/// where decoding 4 M weights one by one was 27 M instructions per start.
fn rows_le(b: &[u8]) -> Vec<[u16; N_TAGS]> {
    let mut v = vec![[0u16; N_TAGS]; b.len() / ROW_BYTES];
    #[cfg(target_endian = "little")]
    // SAFETY: `v` owns `b.len() / ROW_BYTES` rows of ROW_BYTES bytes each,
    // that many bytes are written, from a distinct slice at least that
    // long; any bits are a u16.
    unsafe {
        std::ptr::copy_nonoverlapping(b.as_ptr(), v.as_mut_ptr().cast::<u8>(), ROW_BYTES * v.len());
    }
    #[cfg(not(target_endian = "little"))]
    for (d, c) in v.iter_mut().flatten().zip(b.chunks_exact(2)) {
        *d = u16::from_le_bytes([c[0], c[1]]);
    }
    v
}

fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

impl Model {
    /// Builds the shipped form from dense weights (`N_ROWS × N_TAGS`): keeps
    /// at most `max_rows` rows, the strongest ones, rounded to bfloat16.
    pub fn quantise(dense: &[f32], max_rows: usize) -> Model {
        let strength = |r: usize| {
            dense[r * N_TAGS..(r + 1) * N_TAGS]
                .iter()
                .fold(0f32, |m, w| m.max(w.abs()))
        };
        let mut order: Vec<(f32, usize)> = (0..N_ROWS)
            .map(|r| (strength(r), r))
            .filter(|(s, _)| *s > 0.0)
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        order.truncate(max_rows);
        let mut keep: Vec<usize> = order.iter().map(|(_, r)| *r).collect();
        keep.sort_unstable();
        let mut bitmap = vec![0u64; N_ROWS / 64];
        let mut rows = Vec::with_capacity(keep.len());
        for &r in &keep {
            bitmap[r >> 6] |= 1 << (r & 63);
            rows.push(std::array::from_fn(|t| bf16(dense[r * N_TAGS + t])));
        }
        Model::from_parts(bitmap, rows)
    }

    fn from_parts(bitmap: Vec<u64>, rows: Vec<[u16; N_TAGS]>) -> Model {
        assert_eq!(bitmap.len(), N_ROWS / 64, "a bitmap of N_ROWS bits");
        let mut n = 0u32;
        let index: Vec<Block> = bitmap
            .iter()
            .map(|&bits| {
                let b = Block { bits, rank: n };
                n += bits.count_ones();
                b
            })
            .collect();
        // `find_rows` reads the rows unchecked on this
        assert_eq!(n as usize, rows.len(), "one row per bit of the bitmap");
        let index = index
            .into_boxed_slice()
            .try_into()
            .expect("N_ROWS / 64 blocks");
        Model { index, rows }
    }

    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(32 + self.index.len() * 8 + self.rows.len() * ROW_BYTES);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        b.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
        b.push(HASH_BITS as u8);
        b.push(N_TAGS as u8);
        b.extend_from_slice(&(self.n_rows() as u32).to_le_bytes());
        for w in self.index.iter() {
            b.extend_from_slice(&w.bits.to_le_bytes());
        }
        for w in self.rows.iter().flatten() {
            b.extend_from_slice(&w.to_le_bytes());
        }
        let sum = fnv64(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Parses a model file's bytes; every inconsistency is a clear error.
    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Model> {
        Model::parse(b, true)
    }

    /// As `from_bytes`, for the models compiled into the binary, without
    /// their checksum: FNV over 8 MB, one byte at a time, was 27 M of the
    /// 125 M instructions of starting `quoth analyze`, and these bytes are
    /// those the tests check (`bundled_models_pass_their_checksum`).
    pub fn from_bundled(b: &[u8]) -> anyhow::Result<Model> {
        Model::parse(b, false)
    }

    fn parse(b: &[u8], check_sum: bool) -> anyhow::Result<Model> {
        const HEAD: usize = 4 + 4 + 4 + 1 + 1 + 4;
        if b.len() < HEAD + 8 || &b[..4] != MAGIC {
            bail!("not a quoth entity model (bad magic or too short)");
        }
        let u32_at = |o: usize| u32::from_le_bytes(b[o..o + 4].try_into().expect("4 bytes"));
        let (body, tail) = b.split_at(b.len() - 8);
        let stored = u64::from_le_bytes(tail.try_into().expect("8 bytes"));
        if check_sum && fnv64(body) != stored {
            bail!("model file is corrupt (checksum mismatch)");
        }
        let version = u32_at(4);
        if version != FORMAT_VERSION {
            bail!("model format version {version}, this quoth reads {FORMAT_VERSION}");
        }
        let fv = u32_at(8);
        if fv != FEATURES_VERSION {
            bail!(
                "model trained with features version {fv}, this quoth uses {FEATURES_VERSION}; retrain it"
            );
        }
        if u32::from(b[12]) != HASH_BITS || usize::from(b[13]) != N_TAGS {
            bail!(
                "model has an unexpected shape ({} hash bits, {} tags)",
                b[12],
                b[13]
            );
        }
        let n_rows = u32_at(14) as usize;
        let bm_len = N_ROWS / 8;
        if body.len() != HEAD + bm_len + n_rows * ROW_BYTES {
            bail!("model file is truncated or malformed");
        }
        let bitmap: Vec<u64> = body[HEAD..HEAD + bm_len]
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let ones: usize = bitmap.iter().map(|w| w.count_ones() as usize).sum();
        if ones != n_rows {
            bail!("model file is malformed (row count does not match its index)");
        }
        Ok(Model::from_parts(bitmap, rows_le(&body[HEAD + bm_len..])))
    }
}

/// Greedy left-to-right tagging of one sentence; BILOU transitions are
/// enforced. `own` is None in the first pass, else the first pass's labels
/// of this sentence.
pub fn tag_sentence<S: Scorer>(
    s: &S,
    p: &Prepared,
    sent: &std::ops::Range<usize>,
    own: Option<&features::OwnLabels>,
    buf: &mut Vec<u64>,
    out: &mut Vec<u8>,
) {
    let (mut prev, mut prev2) = (0u8, 0u8);
    for i in sent.clone() {
        static_features(p, sent, i, own, buf);
        tag_features(p, i, prev, prev2, buf);
        let mut scores = [0f32; N_TAGS];
        s.add(buf, &mut scores);
        let best = best_allowed(prev, &scores);
        out.push(best);
        prev2 = prev;
        prev = best;
    }
}

fn best_allowed(prev: u8, scores: &[f32; N_TAGS]) -> u8 {
    let mut best = 0u8;
    for t in 1..N_TAGS as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

/// Hypotheses kept at each word by the beam search: wide enough to repair
/// the boundaries greedy decoding gets wrong ("Rio de Janeiro" cut at "de"),
/// narrow enough to cost little (the tag features are a handful of lookups
/// per hypothesis, the word's own features are scored once).
pub const BEAM: usize = 4;

#[derive(Clone, Copy)]
struct Hyp {
    score: f32,
    prev: u8,
    prev2: u8,
    /// Index of this hypothesis's last step in the history.
    back: u32,
}

/// Reusable memory for the beam search.
pub struct Beam {
    hyps: Vec<Hyp>,
    next: Vec<Hyp>,
    /// Each hypothesis's scores of the next tags, at the current word.
    scores: Vec<[f32; N_TAGS]>,
    /// The best candidates of a step, best first, as `rank` keys.
    top: Vec<u64>,
    /// All the candidates of a step, (score, tag, hypothesis), listed only
    /// when the best ones in `top` run out.
    cands: Vec<(f32, u8, u32)>,
    /// (tag, previous step) of every step kept.
    history: Vec<(u8, u32)>,
    /// Rows of the tag features, each looked up the first time a sentence
    /// needs it (`UNSET` until then): the previous tag's by tag, the two
    /// previous tags' by pair, and the current word's two by previous tag.
    /// Hypotheses share most of them, and the first two recur at every word.
    prev_rows: [u32; N_TAGS],
    pair_rows: [[u32; N_TAGS]; N_TAGS],
    word_rows: [[u32; 2]; N_TAGS],
}

const UNSET: u32 = NO_ROW - 1;

impl Default for Beam {
    fn default() -> Self {
        Beam {
            hyps: Vec::new(),
            next: Vec::new(),
            scores: Vec::new(),
            top: Vec::new(),
            cands: Vec::new(),
            history: Vec::new(),
            prev_rows: [UNSET; N_TAGS],
            pair_rows: [[UNSET; N_TAGS]; N_TAGS],
            word_rows: [[UNSET; 2]; N_TAGS],
        }
    }
}

/// A candidate (score, tag, hypothesis) as one integer, larger when better
/// in the beam's order: score by `f32::total_cmp`, then the earlier
/// hypothesis, then the lower tag. Candidates are unique, so are their keys.
#[inline]
fn rank(score: f32, t: u8, h: usize) -> u64 {
    let b = score.to_bits() as i32;
    // total_cmp's integer, then shifted so that unsigned order agrees
    let key = (b ^ (((b >> 31) as u32) >> 1) as i32) as u32 ^ 0x8000_0000;
    u64::from(key) << 32 | u64::from(!((h as u32) << 8 | u32::from(t)))
}

/// Sets `sums[t]` to `base + scores[t]` and returns the bits of the tags
/// whose sum is not below `floor` (a NaN is not below): the beam's
/// candidates, 4 at a time on x86_64, each the same single f32 addition as
/// one by one, so that most tags, far below the best ones kept, cost
/// nothing more.
#[inline(always)]
fn not_below(base: f32, scores: &[f32; N_TAGS], floor: f32, sums: &mut [f32; N_TAGS]) -> u32 {
    let mut mask = 0u32;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_add_ps, _mm_cmpnlt_ps, _mm_loadu_ps, _mm_movemask_ps, _mm_set1_ps, _mm_storeu_ps,
        };
        // SAFETY: SSE is part of x86_64; loads and stores touch [0..16] of
        // arrays of 17.
        unsafe {
            let b = _mm_set1_ps(base);
            let f = _mm_set1_ps(floor);
            for q in 0..4 {
                let v = _mm_add_ps(b, _mm_loadu_ps(scores.as_ptr().add(4 * q)));
                _mm_storeu_ps(sums.as_mut_ptr().add(4 * q), v);
                mask |= (_mm_movemask_ps(_mm_cmpnlt_ps(v, f)) as u32) << (4 * q);
            }
        }
        sums[16] = base + scores[16];
        if sums[16].partial_cmp(&floor) != Some(std::cmp::Ordering::Less) {
            mask |= 1 << 16;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for t in 0..N_TAGS {
        sums[t] = base + scores[t];
        if sums[t].partial_cmp(&floor) != Some(std::cmp::Ordering::Less) {
            mask |= 1 << t;
        }
    }
    mask
}

/// `not_below`, 8 tags at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn not_below_avx2(base: f32, scores: &[f32; N_TAGS], floor: f32, sums: &mut [f32; N_TAGS]) -> u32 {
    use std::arch::x86_64::{
        _CMP_NLT_UQ, _mm256_add_ps, _mm256_cmp_ps, _mm256_loadu_ps, _mm256_movemask_ps,
        _mm256_set1_ps, _mm256_storeu_ps,
    };
    let mut mask = 0u32;
    let b = _mm256_set1_ps(base);
    let f = _mm256_set1_ps(floor);
    for q in 0..2 {
        // SAFETY: loads and stores touch [0..16] of arrays of 17
        let v = unsafe { _mm256_add_ps(b, _mm256_loadu_ps(scores.as_ptr().add(8 * q))) };
        unsafe { _mm256_storeu_ps(sums.as_mut_ptr().add(8 * q), v) };
        // not less than, or unordered (NaN): as `_mm_cmpnlt_ps`
        mask |= (_mm256_movemask_ps(_mm256_cmp_ps::<_CMP_NLT_UQ>(v, f)) as u32) << (8 * q);
    }
    sums[16] = base + scores[16];
    if sums[16].partial_cmp(&floor) != Some(std::cmp::Ordering::Less) {
        mask |= 1 << 16;
    }
    mask
}

/// The score of a `rank` key.
#[inline]
fn rank_score(x: u64) -> f32 {
    let key = ((x >> 32) as u32 ^ 0x8000_0000) as i32;
    // the same exclusive or undoes itself (it keeps the sign bit)
    f32::from_bits((key ^ (((key >> 31) as u32) >> 1) as i32) as u32)
}

/// The (tag, hypothesis) of a `rank` key.
#[inline]
fn unrank(x: u64) -> (u8, usize) {
    let low = !(x as u32);
    ((low & 0xFF) as u8, (low >> 8) as usize)
}

impl Beam {
    /// Tags sentence `sent` given each word's score without the tag
    /// features (`local`, one row per word of the sentence), keeping `width`
    /// hypotheses; BILOU transitions are enforced, and a sentence ends on a
    /// complete mention when any hypothesis does.
    pub fn decode<S: Scorer>(
        &mut self,
        s: &S,
        p: &Prepared,
        sent: &std::ops::Range<usize>,
        local: &[[f32; N_TAGS]],
        width: usize,
        out: &mut Vec<u8>,
    ) {
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: the CPU has AVX2 and popcnt
            return unsafe { self.decode_avx2(s, p, sent, local, width, out) };
        }
        self.decode_with::<S, false>(s, p, sent, local, width, out);
    }

    /// `decode` compiled with AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    fn decode_avx2<S: Scorer>(
        &mut self,
        s: &S,
        p: &Prepared,
        sent: &std::ops::Range<usize>,
        local: &[[f32; N_TAGS]],
        width: usize,
        out: &mut Vec<u8>,
    ) {
        self.decode_with::<S, true>(s, p, sent, local, width, out);
    }

    /// `decode`; `WIDE`: only called from code compiled with AVX2 and
    /// popcnt.
    #[inline(always)]
    fn decode_with<S: Scorer, const WIDE: bool>(
        &mut self,
        s: &S,
        p: &Prepared,
        sent: &std::ops::Range<usize>,
        local: &[[f32; N_TAGS]],
        width: usize,
        out: &mut Vec<u8>,
    ) {
        const ROOT: u32 = u32::MAX;
        self.hyps.clear();
        self.history.clear();
        self.hyps.push(Hyp {
            score: 0.0,
            prev: 0,
            prev2: 0,
            back: ROOT,
        });
        // rows depend on the scorer alone, but a `Beam` may serve several
        self.prev_rows = [UNSET; N_TAGS];
        self.pair_rows = [[UNSET; N_TAGS]; N_TAGS];
        // Only the best few candidates of a step are kept in order (the
        // width and two more, for the ones the same-future rule skips), by
        // insertion: most candidates lose to the worst kept one in a single
        // comparison. All of them are listed and sorted only if those run
        // out. (callgrind, 200 WiNER-fr texts: twice the width 632.3 M
        // instructions, width + 3 634.7 M, + 2 627.1 M, + 1 644.2 M: the
        // sort then runs too often.)
        let cap = (width + 2).max(1);
        // `top[..head]` are kept; `top` never grows during the search
        self.top.clear();
        self.top.resize(cap, 0);
        for (k, i) in sent.clone().enumerate() {
            self.scores.clear();
            let mut head = 0;
            self.word_rows = [[UNSET; 2]; N_TAGS];
            let mut floor = f32::NEG_INFINITY;
            // every hypothesis's rows first, each asked for from memory as
            // soon as it is known, so that their cache misses overlap
            for hyp in &self.hyps {
                let (pv, pv2) = (usize::from(hyp.prev), usize::from(hyp.prev2));
                if self.prev_rows[pv] == UNSET {
                    self.prev_rows[pv] = s.row(prev_tag_feature(hyp.prev));
                }
                if self.pair_rows[pv2][pv] == UNSET {
                    let r = s.row(prev_tags_feature(hyp.prev, hyp.prev2));
                    s.prefetch_row(r);
                    self.pair_rows[pv2][pv] = r;
                }
                if self.word_rows[pv][0] == UNSET {
                    self.word_rows[pv] = word_tag_features(p, i, hyp.prev).map(|f| {
                        let r = s.row(f);
                        s.prefetch_row(r);
                        r
                    });
                }
            }
            for (h, hyp) in self.hyps.iter().enumerate() {
                let (pv, pv2) = (usize::from(hyp.prev), usize::from(hyp.prev2));
                // the weights in `tag_features` order, as `add` would
                let mut scores = local[k];
                let [w1, w2] = self.word_rows[pv];
                let rows = [self.prev_rows[pv], self.pair_rows[pv2][pv], w1, w2];
                let mut sums = [0f32; N_TAGS];
                let below;
                #[cfg(target_arch = "x86_64")]
                if WIDE {
                    // SAFETY: WIDE: the CPU has AVX2
                    unsafe {
                        s.add_rows_wide(rows, &mut scores);
                        below = not_below_avx2(hyp.score, &scores, floor, &mut sums);
                    }
                } else {
                    for r in rows {
                        if r != NO_ROW {
                            s.add_row(r, &mut scores);
                        }
                    }
                    below = not_below(hyp.score, &scores, floor, &mut sums);
                }
                #[cfg(not(target_arch = "x86_64"))]
                {
                    for r in rows {
                        if r != NO_ROW {
                            s.add_row(r, &mut scores);
                        }
                    }
                    below = not_below(hyp.score, &scores, floor, &mut sums);
                }
                let mut tags = ALLOWED_AFTER[pv] & below;
                while tags != 0 {
                    let t = tags.trailing_zeros() as u8;
                    tags &= tags - 1;
                    let sc = sums[t as usize];
                    // strictly below the worst kept score is below its key
                    // (false for NaN and for -0 against 0: those take the
                    // exact way)
                    if sc < floor {
                        continue;
                    }
                    let x = rank(sc, t, h);
                    let top = &mut self.top[..cap];
                    if head == cap {
                        if x < top[cap - 1] {
                            continue;
                        }
                    } else {
                        head += 1;
                    }
                    // a handful kept: moving up from the end beats a search
                    let mut j = head - 1;
                    while j > 0 && top[j - 1] < x {
                        top[j] = top[j - 1];
                        j -= 1;
                    }
                    top[j] = x;
                    if head == cap {
                        floor = rank_score(top[cap - 1]);
                    }
                }
                self.scores.push(scores);
            }
            // the order of `rank`: best first; ties to the earlier
            // hypothesis, then the lower tag
            let best = |a: &(f32, u8, u32), b: &(f32, u8, u32)| {
                b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1))
            };
            self.next.clear();
            let mut c = 0;
            while self.next.len() < width {
                let (score, t, h) = if c < head {
                    // the same addition as when it was ranked
                    let (t, h) = unrank(self.top[c]);
                    let score = self.hyps[h].score + self.scores[h][t as usize];
                    (score, t, h as u32)
                } else if head == cap {
                    // (fewer than `cap` candidates: `top` has them all)
                    if c == head {
                        self.cands.clear();
                        for (h, (hyp, sc)) in self.hyps.iter().zip(&self.scores).enumerate() {
                            for t in 0..N_TAGS as u8 {
                                if ALLOWED_AFTER[usize::from(hyp.prev)] & 1 << t != 0 {
                                    self.cands.push((hyp.score + sc[t as usize], t, h as u32));
                                }
                            }
                        }
                        self.cands.sort_unstable_by(best);
                    }
                    match self.cands.get(c) {
                        Some(&x) => x,
                        None => break,
                    }
                } else {
                    break;
                };
                c += 1;
                let from = self.hyps[h as usize];
                // two hypotheses with the same last two tags have the same
                // future: the better one is enough
                if self
                    .next
                    .iter()
                    .any(|n| n.prev == t && n.prev2 == from.prev)
                {
                    continue;
                }
                self.history.push((t, from.back));
                self.next.push(Hyp {
                    score,
                    prev: t,
                    prev2: from.prev,
                    back: (self.history.len() - 1) as u32,
                });
            }
            std::mem::swap(&mut self.hyps, &mut self.next);
        }
        let complete = |h: &&Hyp| !matches!(features::tag_parts(h.prev), Some((_, 0 | 1)));
        let best = self
            .hyps
            .iter()
            .find(complete)
            .or(self.hyps.first())
            .map_or(ROOT, |h| h.back);
        let start = out.len();
        let mut at = best;
        while at != ROOT {
            let (t, back) = self.history[at as usize];
            out.push(t);
            at = back;
        }
        out[start..].reverse();
    }
}

/// Tags a whole text in two passes: the second sees how the first labelled
/// the same words elsewhere in the text. The label-free part of each word's
/// score is computed once and kept for the second pass.
pub fn tag_doc<S: Scorer>(s: &S, doc: &Doc) -> Vec<u8> {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: the CPU has AVX2 and popcnt
        return unsafe { tag_doc_avx2(s, doc) };
    }
    tag_doc_with::<S, false>(s, doc)
}

/// `tag_doc` compiled with AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn tag_doc_avx2<S: Scorer>(s: &S, doc: &Doc) -> Vec<u8> {
    tag_doc_with::<S, true>(s, doc)
}

/// `tag_doc`; `WIDE`: only called from code compiled with AVX2 and popcnt.
#[inline(always)]
fn tag_doc_with<S: Scorer, const WIDE: bool>(s: &S, doc: &Doc) -> Vec<u8> {
    // `add` of the scorer, or its AVX2 form
    let add = |feats: &[u64], scores: &mut [f32; N_TAGS]| {
        if WIDE {
            // SAFETY: WIDE: the CPU has AVX2 and popcnt
            unsafe { s.add_wide(feats, scores) }
        } else {
            s.add(feats, scores)
        }
    };
    let width = BEAM;
    let mut p = features::prepare(doc);
    let live = p.live(doc);
    let mut buf = Vec::with_capacity(64);
    let n = doc.words.len();
    let mut base = vec![[0f32; N_TAGS]; n];
    let mut first = Vec::with_capacity(n);
    let mut beam = Beam::default();
    // The score of a word's own features, by word form (`Prepared::form`):
    // a text repeats its words ("de", "la", names), and these are a quarter
    // of each word's features.
    let mut by_form: Vec<Option<[f32; N_TAGS]>> = vec![None; p.n_forms()];
    for sent in &doc.sents {
        for i in sent.clone() {
            if !live[i] {
                continue;
            }
            let known = &mut by_form[p.form(i)];
            if let Some(sc) = known {
                base[i] = *sc;
            } else {
                buf.clear();
                word_features(&p.infos[i], &mut buf);
                add(&buf, &mut base[i]);
                *known = Some(base[i]);
            }
            // `add` of all the static features at once would add the same
            // weights in the same order
            buf.clear();
            context_features(&p, sent, i, None, &mut buf);
            add(&buf, &mut base[i]);
        }
        for (run, is_live) in live_runs(sent, &live) {
            if is_live {
                beam.decode_with::<S, WIDE>(s, &p, &run, &base[run.clone()], width, &mut first);
            } else {
                first.resize(first.len() + run.len(), 0);
            }
        }
    }
    p.evidence.record_labels(&p.infos, &first);
    let mut second = Vec::with_capacity(n);
    let mut local: Vec<[f32; N_TAGS]> = vec![[0f32; N_TAGS]; n];
    let mut own_labels = features::OwnLabels::default();
    for sent in &doc.sents {
        own_labels.fill(&p, sent, &first[sent.clone()]);
        for (run, is_live) in live_runs(sent, &live) {
            // A run without evidence sees exactly what it saw in the first
            // pass (runs are decoded alone): keep its tags.
            let mut any = false;
            for i in run.clone().filter(|_| is_live) {
                buf.clear();
                features::evidence_features(&p, sent, i, &own_labels, &mut buf);
                local[i] = base[i];
                if !buf.is_empty() {
                    any = true;
                    add(&buf, &mut local[i]);
                }
            }
            if any {
                beam.decode_with::<S, WIDE>(s, &p, &run, &local[run.clone()], width, &mut second);
            } else {
                second.extend_from_slice(&first[run]);
            }
        }
    }
    second
}

/// The runs of sentence `sent`: maximal ranges of live words
/// (`Prepared::live`, true) and of the others (false), in order. The others
/// are O, and a run after an O starts as a sentence does (the previous
/// tags O), so each live run is decoded alone.
fn live_runs<'a>(
    sent: &std::ops::Range<usize>,
    live: &'a [bool],
) -> impl Iterator<Item = (std::ops::Range<usize>, bool)> + 'a {
    let end = sent.end;
    let mut i = sent.start;
    std::iter::from_fn(move || {
        if i >= end {
            return None;
        }
        let start = i;
        let l = live[i];
        while i < end && live[i] == l {
            i += 1;
        }
        Some((start..i, l))
    })
}

/// Reads a model file, naming it in any error.
pub fn load_file(path: &std::path::Path) -> anyhow::Result<Model> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read entity model {}", path.display()))?;
    Model::from_bytes(&bytes).with_context(|| format!("entity model {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rank_key_gives_back_its_score_and_orders_as_the_scores() {
        let xs = [-3.5f32, -0.0, 0.0, 1e-30, 2.25, f32::MAX, f32::NEG_INFINITY];
        for &a in &xs {
            assert_eq!(rank_score(rank(a, 5, 2)).to_bits(), a.to_bits());
            for &b in &xs {
                if a < b {
                    assert!(rank(a, 0, 0) < rank(b, 16, 3), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn not_below_sums_and_keeps_the_tags_at_or_over_the_floor() {
        let mut scores = [0f32; N_TAGS];
        for (t, s) in scores.iter_mut().enumerate() {
            *s = t as f32 - 8.0;
        }
        scores[3] = f32::NAN;
        let mut sums = [0f32; N_TAGS];
        let mask = not_below(0.5, &scores, 2.5, &mut sums);
        for t in 0..N_TAGS {
            if t != 3 {
                assert_eq!(sums[t], 0.5 + scores[t]);
            }
            let kept = t == 3 || t >= 10;
            assert_eq!(mask & 1 << t != 0, kept, "tag {t}");
        }
        assert_eq!(
            not_below(0.0, &scores, f32::NEG_INFINITY, &mut sums),
            (1 << N_TAGS) - 1
        );
    }

    #[test]
    fn model_bytes_read_back_the_same_weights() {
        let mut dense = vec![0f32; N_ROWS * N_TAGS];
        dense[7 * N_TAGS + 3] = 1.5;
        dense[900 * N_TAGS + 16] = -0.25;
        let m = Model::quantise(&dense, 10);
        let back = Model::from_bytes(&m.to_bytes()).expect("reads back");
        assert_eq!(back.rows, m.rows);
        assert_eq!(back.index, m.index);
    }
}
