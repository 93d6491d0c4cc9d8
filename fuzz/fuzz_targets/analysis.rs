//! The whole analysis (tokens, sentences, entities, people, quotes) on any
//! text, in each language: no panic, no hang, and every span inside the
//! text on character boundaries.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quoth::analysis::{Analyzer, Lang, Span};

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fn check(text: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {}", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let analyzer = ANALYZER.get_or_init(|| Analyzer::new().expect("the models load"));
    let text = String::from_utf8_lossy(bytes);
    let lang = [None, Some(Lang::Fr), Some(Lang::En)][usize::from(which % 3)];
    let a = analyzer.analyze(&text, lang);
    for q in &a.quotes {
        check(&text, q.span);
        for s in [q.speaker_span, q.cue_span].into_iter().flatten() {
            check(&text, s);
        }
    }
    for e in &a.entities {
        check(&text, e.span);
        assert!(e.group < a.groups.len());
    }
    for g in &a.groups {
        assert!(g.mentions.iter().all(|&m| m < a.entities.len()));
    }
});
