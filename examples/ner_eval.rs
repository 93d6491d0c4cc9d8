//! Evaluates an entity model on a CoNLL file (`index<TAB>token<TAB>BIO-tag`)
//! and prints the conlleval-style report (exact spans, micro and per label).
//!
//!     cargo run --release --example ner_eval -- FILE [--lang fr|en] [--model PATH] [--labeller-only] [--diff] [--errors] [--confusion]
//!
//! Without --model it uses the bundled model of --lang (default en).
//! --labeller-only skips the document-level corrections; --diff prints the
//! mentions those corrections change, marked + (now right) or - (now wrong);
//! --errors prints every wrong mention with its sentence; --confusion prints
//! only counts: for each gold label, what became of its mentions (found,
//! found with another label, found too long, too short or crossing, missed),
//! and the predictions that touch no gold mention.

use std::path::PathBuf;

use quoth::analysis::Lang;
use quoth::analysis::entities::train::{evaluate, gold_mentions, read_conll};
use quoth::analysis::entities::{Model, Models, label_doc, model::load_file};

const USAGE: &str = "usage: ner_eval FILE [--lang fr|en] [--model PATH] [--labeller-only] [--diff] [--errors] [--confusion]";

fn main() -> anyhow::Result<()> {
    let mut file = None;
    let mut lang = Lang::En;
    let mut model_path: Option<PathBuf> = None;
    let (mut refine, mut diff, mut errors, mut confusion) = (true, false, false, false);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--lang" => lang = Lang::from_tag(&args.next().unwrap_or_default()),
            "--model" => model_path = args.next().map(PathBuf::from),
            "--labeller-only" => refine = false,
            "--diff" => diff = true,
            "--errors" => errors = true,
            "--confusion" => confusion = true,
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let Some(file) = file else {
        anyhow::bail!(USAGE);
    };
    let docs = read_conll(&file, 1)?;
    let models;
    let loaded: Model;
    let model: &Model = match &model_path {
        Some(p) => {
            loaded = load_file(p)?;
            &loaded
        }
        None => {
            models = Models::bundled()?;
            models.for_lang(lang)
        }
    };
    if errors {
        // every wrong mention, with its sentence: "FP" found but not gold,
        // "FN" gold but not found ("~" when the span was found with
        // another label)
        for d in &docs {
            let v = d.view();
            let gold = gold_mentions(d);
            let pred = label_doc(model, &v, refine.then_some(lang));
            let sent_of = |i: usize| {
                let s = v.sents.iter().find(|s| s.contains(&i)).expect("sentence");
                v.words[s.clone()].join(" ")
            };
            for m in pred.iter().filter(|m| !gold.contains(m)) {
                let other = gold
                    .iter()
                    .find(|g| g.0 == m.0)
                    .map(|g| format!("{:?}", g.1));
                println!(
                    "FP {:?} {} | gold {} | {}",
                    m.1,
                    v.words[m.0.clone()].join(" "),
                    other.unwrap_or_else(|| "-".into()),
                    sent_of(m.0.start)
                );
            }
            for g in gold.iter().filter(|g| !pred.contains(g)) {
                if pred.iter().any(|m| m.0 == g.0) {
                    continue;
                }
                println!(
                    "FN {:?} {} | {}",
                    g.1,
                    v.words[g.0.clone()].join(" "),
                    sent_of(g.0.start)
                );
            }
        }
    }
    if confusion {
        print_confusion(model, &docs, refine.then_some(lang));
    }
    if diff {
        for d in &docs {
            let v = d.view();
            let gold = gold_mentions(d);
            let a = label_doc(model, &v, None);
            let b = label_doc(model, &v, Some(lang));
            for m in b.iter().filter(|m| !a.contains(m)) {
                let ok = if gold.contains(m) { "+" } else { "-" };
                println!("{ok} added   {} {:?}", v.words[m.0.clone()].join(" "), m.1);
            }
            for m in a.iter().filter(|m| !b.contains(m)) {
                let ok = if gold.contains(m) { "-" } else { "+" };
                println!("{ok} removed {} {:?}", v.words[m.0.clone()].join(" "), m.1);
            }
        }
    }
    print!(
        "{}",
        evaluate(model, &docs, refine.then_some(lang)).report()
    );
    Ok(())
}

/// Aggregate error counts per gold label (see the module comment).
fn print_confusion(
    model: &Model,
    docs: &[quoth::analysis::entities::train::CorpusDoc],
    rules: Option<Lang>,
) {
    use std::collections::BTreeMap;
    let mut fate: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs {
        let v = d.view();
        let gold = gold_mentions(d);
        let pred = label_doc(model, &v, rules);
        let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
            a.start < b.end && b.start < a.end
        };
        for (g, gl) in &gold {
            let what = if let Some((_, pl)) = pred.iter().find(|(p, _)| p == g) {
                if pl == gl {
                    "right".to_string()
                } else {
                    format!("as {pl:?}")
                }
            } else if let Some((p, pl)) = pred.iter().find(|(p, _)| overlaps(p, g)) {
                let shape = if p.start <= g.start && g.end <= p.end {
                    "too long"
                } else if g.start <= p.start && p.end <= g.end {
                    "too short"
                } else {
                    "crossing"
                };
                let same = if pl == gl {
                    "same label"
                } else {
                    "other label"
                };
                format!("{shape}, {same}")
            } else {
                "missed".to_string()
            };
            *fate.entry((format!("{gl:?}"), what)).or_default() += 1;
        }
        for (p, pl) in &pred {
            if !gold.iter().any(|(g, _)| overlaps(p, g)) {
                *spurious.entry(format!("{pl:?}")).or_default() += 1;
            }
        }
    }
    for ((gl, what), n) in &fate {
        println!("gold {gl:5} {what:28} {n}");
    }
    for (pl, n) in &spurious {
        println!("pred {pl:5} touching no gold {n}");
    }
}
