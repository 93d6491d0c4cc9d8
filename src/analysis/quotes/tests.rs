use super::*;
use crate::analysis::{Analyzer, sentences, tokens};

#[allow(dead_code)]
pub(super) fn run(text: &str, lang: Lang) -> Vec<Quote> {
    let toks = tokens::tokenize(text);
    let sents = sentences::split(text, &toks);
    find(text, &toks, &sents, lang, &[], &[])
}

#[test]
fn seed_smoke() {
    let text = include_str!("../../../assets/articles/000_597a4e4c925c446d.txt");
    let a = Analyzer::new().unwrap().analyze(text, None);
    assert!(!a.quotes.is_empty());
}
