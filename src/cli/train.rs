//! `quoth train-ner`: trains an entity model from CoNLL-style corpora,
//! deterministically (fixed seeds, fixed document order before shuffling):
//! the same command rebuilds the same bytes. `scripts/train_models.sh`
//! rebuilds the shipped models: word clusters from each training corpus
//! (`scripts/word_clusters.py`, which the model embeds, so the binary is
//! rebuilt after them), then
//!
//! ```text
//! target/release/quoth train-ner --lang fr \
//!     --train ../shared/data/ner/fr/winer-fr-train.conllu --out assets/models/fr.qner
//! target/release/quoth train-ner --lang en --epochs 20 \
//!     --train ../shared/data/ner/en/conll2003-train.conllu \
//!     --dev ../shared/data/ner/en/conll2003-val.conllu --out assets/models/en.qner
//! ```
//!
//! (French: every 10th article is the dev part, the rest trains.) It prints
//! the dev F1 of each epoch and the conlleval-style report of the shipped
//! model, alone and with its document-level corrections.

use std::path::PathBuf;

use anyhow::Context;

use super::Outcome;
use crate::analysis::Lang;
use crate::analysis::entities::train::{self, Config, CorpusDoc};

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Language of the model: fr or en (only used in messages)
    #[arg(long)]
    pub lang: String,
    /// Training files (CoNLL-style: index, token, BIO tag)
    #[arg(long, required = true)]
    pub train: Vec<PathBuf>,
    /// Dev files; without them every --dev-every-th document of the
    /// training files is held out as dev
    #[arg(long)]
    pub dev: Vec<PathBuf>,
    /// Hold out every N-th document as dev when no --dev is given
    #[arg(long, default_value_t = 10)]
    pub dev_every: usize,
    /// Sentences per pseudo-document for corpora without -DOCSTART- lines
    /// (1: each sentence stands alone, as in WikiNEuRal, whose neighbouring
    /// sentences mostly come from different articles)
    #[arg(long, default_value_t = 1)]
    pub doc_size: usize,
    /// Passes over the training data; the epoch with the best dev F1 is kept
    #[arg(long, default_value_t = 15)]
    pub epochs: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Beam width for training (1: greedy); must match the reader's
    #[arg(long, default_value_t = crate::analysis::entities::model::BEAM)]
    pub beam: usize,
    /// Training runs on different shuffles (seeds seed, seed+1…), averaged
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// After picking the epoch count on dev, train again on train and dev
    /// together for that many epochs
    #[arg(long)]
    pub refit: bool,
    /// Keep at most this many weight rows (34 bytes each): bounds the file size (113 000 rows: 3.97 MB)
    #[arg(long, default_value_t = 113_000)]
    pub max_rows: usize,
    /// Chance that a word's gazetteer marks are hidden in an epoch
    #[arg(long, default_value_t = 0.0)]
    pub drop_gaz: f32,
    /// Chance that a capitalised word's identity is hidden in an epoch
    #[arg(long, default_value_t = 0.0)]
    pub drop_word: f32,
    /// Also train on each training sentence alone, as a one-sentence
    /// document with no evidence from the rest of its article
    #[arg(long)]
    pub sentence_copies: bool,
    /// Where to write the model (e.g. assets/models/fr.qner)
    #[arg(long)]
    pub out: PathBuf,
}

fn read_all(paths: &[PathBuf], doc_size: usize) -> anyhow::Result<Vec<CorpusDoc>> {
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(train::read_conll(p, doc_size)?);
    }
    Ok(docs)
}

pub fn run(args: &TrainArgs) -> anyhow::Result<Outcome> {
    // Without -DOCSTART- lines, the dev split is made on sentences, and the
    // training sentences are then grouped into pseudo-documents.
    let all = read_all(
        &args.train,
        if args.dev.is_empty() {
            1
        } else {
            args.doc_size
        },
    )?;
    let (train_docs, dev_docs) = if args.dev.is_empty() {
        let every = args.dev_every.max(2);
        let mut tr = Vec::new();
        let mut dv = Vec::new();
        for (i, d) in all.into_iter().enumerate() {
            if i % every == every - 1 {
                dv.push(d);
            } else {
                tr.push(d);
            }
        }
        (train::regroup(tr, args.doc_size), dv)
    } else {
        (all, read_all(&args.dev, args.doc_size)?)
    };
    let train_docs = if args.sentence_copies {
        let singles: Vec<CorpusDoc> = train_docs.iter().flat_map(CorpusDoc::sentences).collect();
        train_docs.into_iter().chain(singles).collect()
    } else {
        train_docs
    };
    let count = |ds: &[CorpusDoc]| {
        (
            ds.iter().map(|d| d.sents.len()).sum::<usize>(),
            ds.iter().map(|d| d.words.len()).sum::<usize>(),
        )
    };
    let (ts, tt) = count(&train_docs);
    let (ds, dt) = count(&dev_docs);
    eprintln!(
        "train-ner {}: {} documents, {ts} sentences, {tt} tokens for training; {} documents, {ds} sentences, {dt} tokens for dev",
        args.lang,
        train_docs.len(),
        dev_docs.len()
    );
    let cfg = Config {
        epochs: args.epochs,
        runs: args.runs,
        seed: args.seed,
        max_rows: args.max_rows,
        beam: args.beam,
        refit: args.refit,
        drop_gaz: args.drop_gaz,
        drop_word: args.drop_word,
    };
    let (model, eval) = train::train(&train_docs, &dev_docs, &cfg, |l| eprintln!("{l}"))?;
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!(
        "wrote {} ({} rows, {} bytes)",
        args.out.display(),
        model.n_rows(),
        bytes.len()
    );
    println!("dev evaluation of the shipped (quantised) model, labeller alone:");
    print!("{}", eval.report());
    println!("dev evaluation of the shipped model with its document-level corrections:");
    print!(
        "{}",
        train::evaluate(&model, &dev_docs, Some(Lang::from_tag(&args.lang))).report()
    );
    Ok(Outcome::Ok)
}
