//! The entity stage and the grouping of its mentions must stay linear in
//! their input, whatever the input: one sentence of nothing but capitalised
//! names (the worst case for the document evidence, the runs of capitals,
//! the label propagation and the grouping of short forms with full names)
//! is timed at 128 KB, 256 KB, 512 KB and 1 MB (the whole analysis too,
//! for information), and the grouping alone on 100,000 to 800,000 person
//! mentions where every surname has many full names to choose from. Each
//! doubling is printed; caches make even linear code a little worse than 2
//! on big inputs, so the verdict is on 4n against n, as in `hostile`:
//! linear about 4 to 5, quadratic about 16. Exits 1 if either grows by more
//! than [`MAX_GROWTH`] there.
//!
//!     cargo bench --bench entity_scaling

use std::time::Instant;

use quoth::analysis::entities::Models;
use quoth::analysis::{Analyzer, Label, Lang, Mention, Span, groups, sentences, tokens};

/// One "sentence" of `bytes` bytes of names, no punctuation, deterministic.
fn names(bytes: usize) -> String {
    const NAMES: &[&str] = &[
        "Jean",
        "Dupont",
        "Marie",
        "Curie",
        "Paris",
        "Microsoft",
        "Google",
        "Lyon",
        "Anne",
        "Hidalgo",
        "Mistral",
        "AI",
        "Le",
        "Monde",
        "ONU",
        "Mme",
        "Claude",
    ];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut s = String::with_capacity(bytes + 16);
    while s.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(NAMES[(x % NAMES.len() as u64) as usize]);
        s.push(' ');
    }
    s
}

/// Best of three runs (the machine is shared: the minimum is the cost).
fn best_of_three<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..3 {
        let t = Instant::now();
        let r = std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("three runs"))
}

/// `n` person mentions in a text of names separated by commas: first names
/// from a short list, `n / 20` surnames, some names given in full and
/// others by surname alone (distinct names grow with `n`, and a first name
/// is shared by thousands of them).
fn people(n: usize) -> (String, Vec<Mention>) {
    const FIRST: &[&str] = &["Jean", "Marie", "Anne", "Paul", "Claude", "Louis"];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut text = String::new();
    let mut ms = Vec::with_capacity(n);
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let start = text.len();
        if !x.is_multiple_of(3) {
            text.push_str(FIRST[(x >> 8) as usize % FIRST.len()]);
            text.push(' ');
        }
        text.push_str(&format!("Nom{}", (x >> 20) as usize % (n / 20)));
        ms.push(Mention {
            span: Span::new(start, text.len()),
            label: Label::Per,
        });
        text.push_str(", ");
    }
    (text, ms)
}

/// Growth allowed for 4× the input (the geometric middle of linear, 4, and
/// quadratic, 16).
const MAX_GROWTH: f64 = 8.0;

/// The verdict on the last time against the one two doublings before.
fn verdict(what: &str, times: &[f64]) -> bool {
    let [.., n, _, n4] = times else { return false };
    let growth = n4 / n;
    println!("{what}: {growth:.2}× for 4× the input");
    growth > MAX_GROWTH
}

fn ratio(x: Option<f64>) -> String {
    x.map_or(String::new(), |r| format!(" ({r:.2}× the half)"))
}

fn main() {
    let models = Models::bundled().expect("models");
    let analyzer = Analyzer::new().expect("models");
    let mut times = Vec::new();
    let mut last: Option<f64> = None;
    for kb in [128usize, 256, 512, 1024] {
        let text = names(kb * 1024);
        let toks = tokens::tokenize(&text);
        let sents = sentences::split(&text, &toks);
        let (s, mentions) = best_of_three(|| models.recognise(Lang::Fr, &text, &toks, &sents));
        let t = Instant::now();
        std::hint::black_box(analyzer.analyze(&text, Some(Lang::Fr)));
        let whole = t.elapsed().as_secs_f64();
        let r = last.map(|l| s / l);
        println!(
            "entities on one sentence of names, {kb:>5} KB ({} sentence(s), {} tokens, {} mentions): {s:.3} s{}; whole analysis {whole:.2} s",
            sents.len(),
            toks.len(),
            mentions.len(),
            ratio(r),
        );
        times.push(s);
        last = Some(s);
    }
    let mut failed = verdict("entities", &times);
    let mut times = Vec::new();
    let mut last: Option<f64> = None;
    for n in [100_000usize, 200_000, 400_000, 800_000] {
        let (text, mentions) = people(n);
        let (s, (_, gs)) = best_of_three(|| groups::group(&text, &mentions));
        let r = last.map(|l| s / l);
        println!(
            "grouping {n:>7} person mentions ({} groups): {s:.3} s{}",
            gs.len(),
            ratio(r)
        );
        times.push(s);
        last = Some(s);
    }
    failed |= verdict("grouping", &times);
    if failed {
        eprintln!("entity_scaling: 4× the input cost more than {MAX_GROWTH}×: not linear");
        std::process::exit(1);
    }
}
