//! Training and evaluation of the labeller on CoNLL-style corpora
//! (`index<TAB>token<TAB>BIO-tag`, blank line between sentences,
//! `-DOCSTART-` lines between documents).

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use anyhow::{Context, bail};

use super::features::{self, Doc, N_TAGS, bio_to_bilou, parse_bio, static_features, tag_features};
use super::mentions_from_tags;
use super::model::{self, Model, N_ROWS, Scorer, bucket};
use crate::analysis::{Label, Lang};

/// A document of a corpus: words, gold tags, sentences.
#[derive(Debug, Default, Clone)]
pub struct CorpusDoc {
    pub words: Vec<String>,
    /// BILOU tags.
    pub tags: Vec<u8>,
    pub sents: Vec<Range<usize>>,
    /// BIO tags as read, until the sentence is complete.
    bio: Vec<Option<(Label, bool)>>,
}

impl CorpusDoc {
    pub fn view(&self) -> Doc<'_> {
        Doc {
            words: self.words.iter().map(String::as_str).collect(),
            sents: self.sents.clone(),
        }
    }

    /// Each sentence as a document of its own.
    pub fn sentences(&self) -> impl Iterator<Item = CorpusDoc> + '_ {
        self.sents.iter().map(|s| CorpusDoc {
            words: self.words[s.clone()].to_vec(),
            tags: self.tags[s.clone()].to_vec(),
            sents: std::iter::once(0..s.len()).collect(),
            bio: Vec::new(),
        })
    }
}

/// Reads a CoNLL file. Documents end at `-DOCSTART-` lines; a corpus
/// without them is cut into pseudo-documents of `doc_size` sentences.
pub fn read_conll(path: &Path, doc_size: usize) -> anyhow::Result<Vec<CorpusDoc>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read corpus {}", path.display()))?;
    let has_docstart = text.contains("-DOCSTART-");
    let mut docs = vec![CorpusDoc::default()];
    let mut sent_start = 0;
    let close_sent = |docs: &mut Vec<CorpusDoc>, sent_start: &mut usize| {
        let d = docs.last_mut().expect("a document");
        if d.words.len() > *sent_start {
            d.sents.push(*sent_start..d.words.len());
            let tags = bio_to_bilou(&d.bio);
            d.tags.extend(tags);
            d.bio.clear();
        }
        *sent_start = d.words.len();
        if !has_docstart && d.sents.len() >= doc_size.max(1) {
            docs.push(CorpusDoc::default());
            *sent_start = 0;
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            close_sent(&mut docs, &mut sent_start);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (word, tag) = match cols.as_slice() {
            [_, w, t] => (*w, *t),
            [w, t] => (*w, *t),
            _ => bail!(
                "{}:{}: expected `index<TAB>token<TAB>tag`",
                path.display(),
                n + 1
            ),
        };
        if word == "-DOCSTART-" {
            close_sent(&mut docs, &mut sent_start);
            if !docs.last().expect("a document").words.is_empty() {
                docs.push(CorpusDoc::default());
                sent_start = 0;
            }
            continue;
        }
        let tag = parse_bio(tag)
            .with_context(|| format!("{}:{}: unknown tag {tag:?}", path.display(), n + 1))?;
        let d = docs.last_mut().expect("a document");
        d.words.push(word.to_string());
        d.bio.push(tag);
    }
    close_sent(&mut docs, &mut sent_start);
    docs.retain(|d| !d.words.is_empty());
    Ok(docs)
}

/// Joins consecutive one-sentence documents into documents of `n`
/// sentences (documents of several sentences are kept as they are).
pub fn regroup(docs: Vec<CorpusDoc>, n: usize) -> Vec<CorpusDoc> {
    if n <= 1 {
        return docs;
    }
    let mut out: Vec<CorpusDoc> = Vec::new();
    // whether the last document is a group of one-sentence documents
    let mut grouping = false;
    for d in docs {
        let single = d.sents.len() == 1;
        let join = single && grouping && out.last().is_some_and(|l| l.sents.len() < n);
        if !join {
            grouping = single;
            out.push(d);
            continue;
        }
        let l = out.last_mut().expect("a document");
        let off = l.words.len();
        l.sents
            .extend(d.sents.iter().map(|s| s.start + off..s.end + off));
        l.words.extend(d.words);
        l.tags.extend(d.tags);
    }
    out
}

/// Span-exact evaluation, as conlleval prints it.
#[derive(Debug, Default, Clone)]
pub struct Eval {
    pub tokens: usize,
    pub correct_tokens: usize,
    /// Per label: gold, found, correct.
    pub per_label: [(usize, usize, usize); 4],
}

fn prf(gold: usize, found: usize, correct: usize) -> (f64, f64, f64) {
    let p = if found == 0 {
        0.0
    } else {
        correct as f64 / found as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

type M = (Range<usize>, Label);

/// Per-token labels (None outside mentions), for token accuracy.
fn token_labels(n: usize, ms: &[M]) -> Vec<Option<Label>> {
    let mut out = vec![None; n];
    for (r, l) in ms {
        out[r.clone()].iter_mut().for_each(|x| *x = Some(*l));
    }
    out
}

/// Gold mentions of a corpus document.
pub fn gold_mentions(d: &CorpusDoc) -> Vec<M> {
    let mut ms = Vec::new();
    for s in &d.sents {
        ms.extend(
            mentions_from_tags(&d.tags[s.clone()])
                .into_iter()
                .map(|(r, l)| (r.start + s.start..r.end + s.start, l)),
        );
    }
    ms
}

impl Eval {
    pub fn add(&mut self, n_tokens: usize, gold: &[M], pred: &[M]) {
        self.tokens += n_tokens;
        self.correct_tokens += token_labels(n_tokens, gold)
            .iter()
            .zip(token_labels(n_tokens, pred))
            .filter(|(a, b)| **a == *b)
            .count();
        for (_, l) in gold {
            self.per_label[*l as usize].0 += 1;
        }
        for m in pred {
            self.per_label[m.1 as usize].1 += 1;
            if gold.contains(m) {
                self.per_label[m.1 as usize].2 += 1;
            }
        }
    }

    pub fn micro(&self) -> (f64, f64, f64) {
        let (g, f, c) = self
            .per_label
            .iter()
            .fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2));
        prf(g, f, c)
    }

    pub fn f1(&self) -> f64 {
        self.micro().2
    }

    /// The conlleval report: totals, then one line per label.
    pub fn report(&self) -> String {
        let (g, f, c) = self
            .per_label
            .iter()
            .fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2));
        let (p, r, f1) = self.micro();
        let mut s = String::new();
        let _ = writeln!(
            s,
            "processed {} tokens with {g} phrases; found: {f} phrases; correct: {c}.",
            self.tokens
        );
        let _ = writeln!(
            s,
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            100.0 * self.correct_tokens as f64 / self.tokens.max(1) as f64,
            100.0 * p,
            100.0 * r,
            100.0 * f1
        );
        for (i, l) in Label::ALL.iter().enumerate() {
            let (g, f, c) = self.per_label[i];
            let (p, r, f1) = prf(g, f, c);
            let _ = writeln!(
                s,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {f}",
                l.as_str(),
                100.0 * p,
                100.0 * r,
                100.0 * f1
            );
        }
        s
    }
}

/// Evaluates any scorer on gold documents, with the corrections of
/// `rules` for a language, or without them.
pub fn evaluate<S: Scorer>(s: &S, docs: &[CorpusDoc], rules: Option<Lang>) -> Eval {
    let mut e = Eval::default();
    for d in docs {
        let pred = super::label_doc(s, &d.view(), rules);
        e.add(d.words.len(), &gold_mentions(d), &pred);
    }
    e
}

/// Plain f32 weights, for training and for scoring averaged weights.
pub struct Dense(pub Vec<f32>);

impl Scorer for Dense {
    #[inline]
    fn add(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        for &h in feats {
            let b = bucket(h) * N_TAGS;
            for (s, w) in scores.iter_mut().zip(&self.0[b..b + N_TAGS]) {
                *s += w;
            }
        }
    }

    #[inline]
    fn row(&self, feat: u64) -> u32 {
        // every row is there: a feature never seen adds zeros, as in `add`
        bucket(feat) as u32
    }

    #[inline]
    fn add_row(&self, row: u32, scores: &mut [f32; N_TAGS]) {
        let b = row as usize * N_TAGS;
        for (s, w) in scores.iter_mut().zip(&self.0[b..b + N_TAGS]) {
            *s += w;
        }
    }
}

pub struct Config {
    pub epochs: usize,
    /// Training runs (seeds `seed`, `seed + 1`…) whose weights are averaged.
    pub runs: usize,
    pub seed: u64,
    pub max_rows: usize,
    /// Beam width of training (1: greedy, learning word by word).
    pub beam: usize,
    /// After picking each run's epoch count on dev, train again on train
    /// and dev together for that many epochs (the dev figures printed after
    /// it are then on seen data).
    pub refit: bool,
    /// Training only: the chance that a word's gazetteer marks are hidden
    /// in an epoch (see `Prepared::dropout`).
    pub drop_gaz: f32,
    /// Training only: the chance that a capitalised word's identity is
    /// hidden in an epoch.
    pub drop_word: f32,
}

/// Averaged perceptron with lazy averaging: `avg = w - acc / c`.
struct Perceptron {
    w: Dense,
    acc: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn update(&mut self, feats: &[u64], tag: u8, delta: f32) {
        for &h in feats {
            let k = bucket(h) * N_TAGS + tag as usize;
            self.w.0[k] += delta;
            self.acc[k] += self.c * f64::from(delta);
        }
    }

    fn averaged(&self) -> Dense {
        Dense(
            self.w
                .0
                .iter()
                .zip(&self.acc)
                .map(|(w, a)| (f64::from(*w) - a / self.c.max(1.0)) as f32)
                .collect(),
        )
    }
}

/// Deterministic xorshift, for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// One epoch over one document as a structured perceptron: a first pass
/// with the current weights gives the document evidence; the second pass
/// decodes each sentence with the beam search used at run time and, where
/// the best sequence is wrong, moves the weights toward the gold sequence's
/// features and away from the predicted one's (only at the words where the
/// two differ in tag or history).
fn train_doc_beam(
    pc: &mut Perceptron,
    d: &CorpusDoc,
    width: usize,
    w: &mut Work,
    drop: (f32, f32, &mut Rng),
) {
    let view = d.view();
    let mut p = features::prepare(&view);
    let (drop_gaz, drop_word, rng) = drop;
    if drop_gaz > 0.0 || drop_word > 0.0 {
        p.dropout(|| rng.unit(), drop_gaz, drop_word);
    }
    let mut first = Vec::with_capacity(d.words.len());
    for s in &view.sents {
        w.local.clear();
        for i in s.clone() {
            static_features(&p, s, i, None, &mut w.buf);
            let mut sc = [0f32; N_TAGS];
            pc.w.add(&w.buf, &mut sc);
            w.local.push(sc);
        }
        w.beam.decode(&pc.w, &p, s, &w.local, width, &mut first);
    }
    p.evidence.record_labels(&p.infos, &first);
    let mut own = features::OwnLabels::default();
    for s in &view.sents {
        own.fill(&p, s, &first[s.start..s.end]);
        w.feats.clear();
        w.ends.clear();
        w.local.clear();
        for i in s.clone() {
            static_features(&p, s, i, Some(&own), &mut w.buf);
            w.feats.extend_from_slice(&w.buf);
            w.ends.push(w.feats.len());
            let mut sc = [0f32; N_TAGS];
            pc.w.add(&w.buf, &mut sc);
            w.local.push(sc);
        }
        w.pred.clear();
        w.beam.decode(&pc.w, &p, s, &w.local, width, &mut w.pred);
        let gold = &d.tags[s.clone()];
        if w.pred[..] != gold[..] {
            let hist = |tags: &[u8], k: usize| {
                (
                    if k >= 1 { tags[k - 1] } else { 0 },
                    if k >= 2 { tags[k - 2] } else { 0 },
                )
            };
            for (k, i) in s.clone().enumerate() {
                let (g, pr) = (gold[k], w.pred[k]);
                let (gh, ph) = (hist(gold, k), hist(&w.pred, k));
                if g == pr && gh == ph {
                    continue;
                }
                let f = &w.feats[if k == 0 { 0 } else { w.ends[k - 1] }..w.ends[k]];
                w.buf.clear();
                tag_features(&p, i, gh.0, gh.1, &mut w.buf);
                pc.update(f, g, 1.0);
                pc.update(&w.buf, g, 1.0);
                w.buf.clear();
                tag_features(&p, i, ph.0, ph.1, &mut w.buf);
                pc.update(f, pr, -1.0);
                pc.update(&w.buf, pr, -1.0);
            }
        }
        pc.c += s.len() as f64;
    }
}

/// Reusable memory for `train_doc_beam`.
#[derive(Default)]
struct Work {
    beam: model::Beam,
    buf: Vec<u64>,
    feats: Vec<u64>,
    ends: Vec<usize>,
    local: Vec<[f32; N_TAGS]>,
    pred: Vec<u8>,
}

/// One epoch over one document: a first pass with the current weights gives
/// the document evidence, the second pass learns.
fn train_doc(pc: &mut Perceptron, d: &CorpusDoc, buf: &mut Vec<u64>) {
    let view = d.view();
    let mut p = features::prepare(&view);
    let mut first = Vec::with_capacity(d.words.len());
    for s in &view.sents {
        model::tag_sentence(&pc.w, &p, s, None, buf, &mut first);
    }
    p.evidence.record_labels(&p.infos, &first);
    let mut own = features::OwnLabels::default();
    for s in &view.sents {
        own.fill(&p, s, &first[s.start..s.end]);
        let (mut prev, mut prev2) = (0u8, 0u8);
        for i in s.clone() {
            static_features(&p, s, i, Some(&own), buf);
            tag_features(&p, i, prev, prev2, buf);
            let mut scores = [0f32; N_TAGS];
            pc.w.add(buf, &mut scores);
            let mut best = 0u8;
            for t in 1..N_TAGS as u8 {
                if features::allowed(prev, t) && scores[t as usize] > scores[best as usize] {
                    best = t;
                }
            }
            let gold = d.tags[i];
            if best != gold {
                pc.update(buf, gold, 1.0);
                pc.update(buf, best, -1.0);
            }
            pc.c += 1.0;
            prev2 = prev;
            prev = best;
        }
    }
}

/// One training run: the averaged weights of the epoch with the best dev F1.
fn train_run(
    train: &[CorpusDoc],
    dev: &[CorpusDoc],
    epochs: usize,
    cfg: &Config,
    seed: u64,
    log: &mut impl FnMut(&str),
) -> anyhow::Result<(Dense, usize)> {
    let beam = cfg.beam;
    let mut pc = Perceptron {
        w: Dense(vec![0.0; N_ROWS * N_TAGS]),
        acc: vec![0.0; N_ROWS * N_TAGS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // its own stream, so the shuffles stay those of runs without dropout
    let mut drop_rng = Rng(seed.max(1).wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
    let mut best: Option<(f64, usize, Dense)> = None;
    let mut buf = Vec::with_capacity(64);
    let mut work = Work::default();
    for epoch in 1..=epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let t0 = std::time::Instant::now();
        for &di in &order {
            if beam > 1 {
                train_doc_beam(
                    &mut pc,
                    &train[di],
                    beam,
                    &mut work,
                    (cfg.drop_gaz, cfg.drop_word, &mut drop_rng),
                );
            } else {
                train_doc(&mut pc, &train[di], &mut buf);
            }
        }
        let avg = pc.averaged();
        let e = evaluate(&avg, dev, None);
        let (p, r, f) = e.micro();
        log(&format!(
            "seed {seed} epoch {epoch:2}: dev precision {:.2}% recall {:.2}% F1 {:.2} ({:.1}s)",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            t0.elapsed().as_secs_f64()
        ));
        // without a dev set (a refit), the last epoch is the one asked for
        if dev.is_empty() || best.as_ref().is_none_or(|(bf, _, _)| f > *bf) {
            best = Some((f, epoch, avg));
        }
    }
    let (f, epoch, avg) = best.context("no epochs run")?;
    log(&format!(
        "seed {seed}: best epoch {epoch} (dev F1 {:.2} before quantisation)",
        100.0 * f
    ));
    Ok((avg, epoch))
}

/// Trains, keeping the epoch with the best dev F1, then quantises. `log`
/// receives one line per epoch.
pub fn train(
    train: &[CorpusDoc],
    dev: &[CorpusDoc],
    cfg: &Config,
    mut log: impl FnMut(&str),
) -> anyhow::Result<(Model, Eval)> {
    if train.is_empty() {
        bail!("no training sentences");
    }
    // Several runs on different shuffles, their weights averaged: a cheap
    // ensemble that evens out the luck of one order.
    let mut sum: Option<Dense> = None;
    for run in 0..cfg.runs.max(1) {
        let seed = cfg.seed.wrapping_add(run as u64);
        let (mut avg, epoch) = train_run(train, dev, cfg.epochs, cfg, seed, &mut log)?;
        if cfg.refit {
            // the epoch count is chosen; now learn from the dev part too
            log(&format!(
                "seed {seed}: refit on train and dev, {epoch} epochs"
            ));
            let all: Vec<CorpusDoc> = train.iter().chain(dev).cloned().collect();
            avg = train_run(&all, &[], epoch, cfg, seed, &mut log)?.0;
        }
        match sum.as_mut() {
            None => sum = Some(avg),
            Some(s) => s.0.iter_mut().zip(&avg.0).for_each(|(a, b)| *a += b),
        }
    }
    let mut avg = sum.context("no runs")?;
    let n = cfg.runs.max(1) as f32;
    avg.0.iter_mut().for_each(|w| *w /= n);
    if cfg.runs > 1 {
        let f = evaluate(&avg, dev, None).f1();
        log(&format!(
            "{} runs averaged: dev F1 {:.2} before quantisation",
            cfg.runs,
            100.0 * f
        ));
    }
    let m = Model::quantise(&avg.0, cfg.max_rows);
    let e = evaluate(&m, dev, None);
    Ok((m, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = "0\t-DOCSTART-\tO\n\n\
0\tAnne\tB-PER\n1\tDupont\tI-PER\n2\tvisite\tO\n3\tParis\tB-LOC\n4\t.\tO\n\n\
0\tGoogle\tB-ORG\n1\trachète\tO\n2\tle\tO\n3\tjeu\tO\n4\tSuper\tB-MISC\n5\tMario\tI-MISC\n6\tBros\tI-MISC\n\n\
0\t-DOCSTART-\tO\n\n\
0\tMarc\tB-PER\n1\tquitte\tO\n2\tLyon\tB-LOC\n\n";

    #[test]
    fn reads_documents_and_converts_to_bilou() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.conllu");
        std::fs::write(&path, CORPUS).expect("write");
        let docs = read_conll(&path, 1).expect("corpus reads");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sents, vec![0..5, 5..12]);
        let singles = read_conll(&path, 1).expect("corpus reads");
        let grouped = regroup(singles.iter().flat_map(CorpusDoc::sentences).collect(), 2);
        assert_eq!(grouped.len(), 2);
        assert_eq!(grouped[0].sents, vec![0..5, 5..12]);
        assert_eq!(grouped[1].sents.len(), 1);
        assert_eq!(grouped[1].words, ["Marc", "quitte", "Lyon"]);
        let tags: Vec<&str> = docs[0]
            .tags
            .iter()
            .map(|&t| features::TAGS[t as usize])
            .collect();
        assert_eq!(
            tags,
            vec![
                "B-PER", "L-PER", "O", "U-LOC", "O", "U-ORG", "O", "O", "O", "B-MISC", "I-MISC",
                "L-MISC"
            ]
        );
        std::fs::write(&path, "0\tAnne\tB-PERSON\n").expect("write");
        let err = read_conll(&path, 1).expect_err("bad tag");
        assert!(format!("{err:#}").contains("c.conllu:1"), "{err:#}");
    }

    /// A small training run: three epochs, one run, no dropout.
    fn small_config() -> Config {
        Config {
            epochs: 3,
            runs: 1,
            seed: 7,
            max_rows: 10_000,
            beam: model::BEAM,
            refit: false,
            drop_gaz: 0.0,
            drop_word: 0.0,
        }
    }

    #[test]
    fn sentence_copies_and_dropout_train_deterministically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.conllu");
        std::fs::write(&path, CORPUS).expect("write");
        let docs = read_conll(&path, 1).expect("corpus reads");
        // each sentence alone, with its own tags
        let singles: Vec<CorpusDoc> = docs[0].sentences().collect();
        assert_eq!(singles.len(), 2);
        assert_eq!(
            singles[1].words,
            ["Google", "rachète", "le", "jeu", "Super", "Mario", "Bros"]
        );
        assert_eq!(singles[1].sents.len(), 1);
        assert_eq!(singles[1].sents[0], 0..7);
        assert_eq!(singles[1].tags, docs[0].tags[5..12]);
        let all: Vec<CorpusDoc> = docs.iter().cloned().chain(singles).collect();
        let cfg = Config {
            drop_gaz: 0.5,
            drop_word: 0.5,
            ..small_config()
        };
        let (m, _) = train(&all, &docs, &cfg, |_| {}).expect("trains");
        let (m2, _) = train(&all, &docs, &cfg, |_| {}).expect("trains");
        assert_eq!(m.to_bytes(), m2.to_bytes());
        // hiding words changes what is learnt
        let (m3, _) = train(&all, &docs, &small_config(), |_| {}).expect("trains");
        assert_ne!(m.to_bytes(), m3.to_bytes());
    }

    #[test]
    fn training_learns_the_training_set_deterministically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.conllu");
        std::fs::write(&path, CORPUS).expect("write");
        let docs = read_conll(&path, 1).expect("corpus reads");
        let cfg = small_config();
        let (m, e) = train(&docs, &docs, &cfg, |_| {}).expect("trains");
        assert!(e.f1() > 0.99, "{}", e.report());
        let (m2, _) = train(&docs, &docs, &cfg, |_| {}).expect("trains");
        assert_eq!(m.to_bytes(), m2.to_bytes());
        assert!(m.n_rows() <= 10_000);
        // a refit learns the dev part too, for the epoch count chosen on it
        let (train_part, dev_part) = docs.split_at(1);
        let refit = Config { refit: true, ..cfg };
        let mut lines = Vec::new();
        let (r, e) =
            train(train_part, dev_part, &refit, |l| lines.push(l.to_string())).expect("trains");
        assert!(lines.iter().any(|l| l.contains("refit")), "{lines:?}");
        assert!(e.f1() > 0.99, "{}", e.report());
        assert_ne!(r.to_bytes(), m.to_bytes());
    }
}
