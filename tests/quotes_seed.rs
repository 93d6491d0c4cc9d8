//! The sample article: all 8 quotes of `tests/gold/seed.json` with the right
//! kind, speaker, spans and cues; nothing for the product name "Mistral Large".

use quoth::analysis::{Analyzer, QuoteKind, Span};
use serde_json::Value;

/// Byte offset → code point offset.
fn cp(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn cps(text: &str, s: Span) -> (u64, u64) {
    (cp(text, s.start) as u64, cp(text, s.end) as u64)
}

fn pair(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap())
}

#[test]
fn seed_quotes_kinds_speakers_and_spans() {
    let text = include_str!("../assets/articles/000_597a4e4c925c446d.txt");
    let gold: Value = serde_json::from_str(include_str!("gold/seed.json")).unwrap();
    let analysis = Analyzer::new().unwrap().analyze(text, None);
    let quotes = &analysis.quotes;
    let gq = gold["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), gq.len(), "{quotes:#?}");
    for (q, g) in quotes.iter().zip(gq) {
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Answer => "answer",
        };
        assert_eq!(kind, g["kind"].as_str().unwrap(), "{q:?}");
        assert_eq!(q.speaker.as_deref(), g["speaker"].as_str(), "{q:?}");
        assert_eq!(cps(text, q.span), pair(g), "span of {q:?}");
        if !g["speaker_mention"].is_null() {
            assert_eq!(
                q.speaker_span.map(|s| cps(text, s)),
                Some(pair(&g["speaker_mention"])),
                "{q:?}"
            );
        }
        if !g["cue"].is_null() {
            assert_eq!(
                q.cue_span.map(|s| cps(text, s)),
                Some(pair(&g["cue"])),
                "{q:?}"
            );
        }
    }
    // the quoted product name is not speech
    let large = text.find("\"Mistral Large\"").unwrap() + 1;
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.overlaps(Span::new(large, large + 13)))
    );
}
