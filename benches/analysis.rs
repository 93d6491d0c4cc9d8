//! Analysis speed: tokens/s and MB/s for tokenising, entity recognition,
//! quotes and the whole analysis, and the model load time.
//!
//!     cargo bench --bench analysis
//!
//! Rates are per core: on this thread's CPU time, which a busy machine
//! does not inflate the way it does elapsed time (also printed).
//!
//! Input: the shared NER corpora detokenised into plain text when the shared
//! data is there (`$QUOTH_SHARED`, else `../shared` or `../../shared`), else
//! the bundled articles repeated to a few MB; then, with the shared data,
//! the whole analysis of the WiNER-fr news articles.

use std::path::{Path, PathBuf};
use std::time::Instant;

use quoth::analysis::entities::Models;
use quoth::analysis::{Analyzer, Lang, lang, quotes, sentences, tokens};

const TARGET_BYTES: usize = 4 << 20;

fn shared_dir() -> Option<PathBuf> {
    let cands = std::env::var_os("QUOTH_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain(["../shared", "../../shared"].map(PathBuf::from));
    cands.into_iter().find(|p| p.join("data/ner").is_dir())
}

/// Joins CoNLL tokens back into text: no space before closing punctuation
/// or after an elided article; one sentence a line, documents apart.
fn detokenise(conll: &str) -> Vec<String> {
    let mut docs = vec![String::new()];
    let mut line = String::new();
    for l in conll.lines() {
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() < 2 {
            if !line.is_empty() {
                let d = docs.last_mut().expect("a doc");
                d.push_str(&line);
                d.push('\n');
                line.clear();
            }
            continue;
        }
        let w = cols[1];
        if w == "-DOCSTART-" {
            docs.push(String::new());
            continue;
        }
        let glue = line.is_empty()
            || matches!(
                w,
                "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "'s" | "n't"
            )
            || line.ends_with(['(', '[', '\'', '’']);
        if !glue {
            line.push(' ');
        }
        line.push_str(w);
    }
    docs.last_mut().expect("a doc").push_str(&line);
    docs.retain(|d| !d.trim().is_empty());
    docs
}

/// Article-sized texts with their language, about `TARGET_BYTES` in all.
fn inputs() -> (String, Vec<(String, Lang)>) {
    let mut docs = Vec::new();
    let mut source = "bundled articles, repeated".to_string();
    if let Some(dir) = shared_dir() {
        for (file, lang) in [
            ("data/ner/en/conll2003-train.conllu", Lang::En),
            ("data/ner/fr/wikineural-fr-a.conllu", Lang::Fr),
        ] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
                // WikiNEuRal has no documents: cut it into ~40-line texts
                for d in detokenise(&text) {
                    let lines: Vec<&str> = d.lines().collect();
                    for chunk in lines.chunks(40) {
                        docs.push((chunk.join("\n"), lang));
                    }
                }
            }
        }
        source = format!("{} corpora, detokenised", dir.display());
    }
    if docs.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("assets/articles")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("article");
            let l = lang::detect(&text);
            docs.push((text, l));
        }
    }
    let mut out = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for d in &docs {
            total += d.0.len();
            out.push(d.clone());
            if total >= TARGET_BYTES {
                break;
            }
        }
    }
    (source, out)
}

/// Elapsed and CPU time since a start.
struct Clock {
    wall: Instant,
    cpu: f64,
}

/// This thread's CPU time in seconds.
fn thread_cpu() -> f64 {
    quoth::cpu_time::thread().as_secs_f64()
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: thread_cpu(),
        }
    }
    /// (elapsed, CPU) seconds.
    fn read(&self) -> (f64, f64) {
        (self.wall.elapsed().as_secs_f64(), thread_cpu() - self.cpu)
    }
}

fn report(what: &str, bytes: usize, toks: usize, (wall, cpu): (f64, f64)) {
    // a stage that does (next to) nothing would print absurd rates
    let secs = cpu.max(1e-6);
    println!(
        "{what:<22} {:>8.2} MB/s {:>12.0} tokens/s  ({:.3} s CPU, {:.3} s elapsed)",
        bytes as f64 / 1e6 / secs,
        toks as f64 / secs,
        cpu,
        wall
    );
}

fn main() {
    let t = Instant::now();
    let runs = 5;
    for _ in 0..runs {
        std::hint::black_box(Models::bundled().expect("models"));
    }
    let load = t.elapsed().as_secs_f64() / runs as f64;
    let models = Models::bundled().expect("models");
    let analyzer = Analyzer::new().expect("models");
    let (source, docs) = inputs();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    println!(
        "input: {source}: {} texts, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!("model load (en + fr): {:.1} ms", load * 1e3);

    let t = Clock::start();
    let mut n_toks = 0;
    for (text, _) in &docs {
        n_toks += std::hint::black_box(tokens::tokenize(text)).len();
    }
    report("tokenise", bytes, n_toks, t.read());

    let pre: Vec<_> = docs
        .iter()
        .map(|(text, l)| {
            let toks = tokens::tokenize(text);
            let sents = sentences::split(text, &toks);
            (toks, sents, *l)
        })
        .collect();
    let t = Clock::start();
    let mut mentions = Vec::new();
    for ((text, _), (toks, sents, l)) in docs.iter().zip(&pre) {
        mentions.push(models.recognise(*l, text, toks, sents));
    }
    report("entities", bytes, n_toks, t.read());

    let grouped: Vec<_> = docs
        .iter()
        .zip(&mentions)
        .map(|((text, _), m)| quoth::analysis::groups::group(text, m))
        .collect();
    // best of three: the machine is shared, the minimum is the cost
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = Clock::start();
        for (((text, _), (toks, sents, l)), (ents, groups)) in docs.iter().zip(&pre).zip(&grouped) {
            std::hint::black_box(quotes::find(text, toks, sents, *l, ents, groups));
        }
        let (wall, cpu) = t.read();
        best = (best.0.min(wall), best.1.min(cpu));
    }
    report("quotes", bytes, n_toks, best);

    let whole = |docs: &[String]| {
        // best of three, as above
        let mut best = (f64::MAX, f64::MAX);
        for _ in 0..3 {
            let t = Clock::start();
            for text in docs {
                std::hint::black_box(analyzer.analyze(text, None));
            }
            let (wall, cpu) = t.read();
            best = (best.0.min(wall), best.1.min(cpu));
        }
        best
    };
    let texts: Vec<String> = docs.into_iter().map(|d| d.0).collect();
    report("whole analysis", bytes, n_toks, whole(&texts));

    // Real French news, as a reader's library holds it: the WiNER-fr
    // articles (names are rarer than in the corpora above).
    let news = news_articles();
    if !news.is_empty() {
        let bytes: usize = news.iter().map(String::len).sum();
        let toks: usize = news.iter().map(|t| tokens::tokenize(t).len()).sum();
        println!(
            "input: WiNER-fr news articles: {} texts, {:.1} MB",
            news.len(),
            bytes as f64 / 1e6
        );
        report("whole analysis, news", bytes, toks, whole(&news));
    }
}

/// The plain texts of the WiNER-fr articles in the shared data (none
/// without it).
fn news_articles() -> Vec<String> {
    let Some(dir) = shared_dir() else {
        return Vec::new();
    };
    let txt = |p: &Path| p.extension().is_some_and(|x| x == "txt");
    quoth::article::files::walk(&dir.join("data/ner/fr/winer-fr"), &txt)
        .files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}
