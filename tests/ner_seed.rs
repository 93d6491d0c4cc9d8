//! The sample article: all 31 gold entity mentions with the right label and
//! nothing else, and the mentions of one entity grouped.

use std::collections::BTreeSet;

use quoth::analysis::{Analyzer, Lang};

const TEXT: &str = include_str!("../assets/articles/000_597a4e4c925c446d.txt");
const GOLD: &str = include_str!("gold/seed.json");

/// Byte offset → code point offset.
fn cp(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[test]
fn seed_entities_exactly() {
    let gold: serde_json::Value = serde_json::from_str(GOLD).expect("seed.json parses");
    let want: BTreeSet<(u64, u64, String)> = gold["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            (
                e["start"].as_u64().expect("start"),
                e["end"].as_u64().expect("end"),
                e["label"].as_str().expect("label").to_string(),
            )
        })
        .collect();
    assert_eq!(want.len(), 31);
    let a = Analyzer::new().expect("models load").analyze(TEXT, None);
    assert_eq!(a.language, Lang::Fr);
    let got: BTreeSet<(u64, u64, String)> = a
        .entities
        .iter()
        .map(|e| {
            (
                cp(TEXT, e.span.start) as u64,
                cp(TEXT, e.span.end) as u64,
                e.label.as_str().to_string(),
            )
        })
        .collect();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

#[test]
fn seed_groups_join_short_forms() {
    let a = Analyzer::new().expect("models load").analyze(TEXT, None);
    let group_named = |name: &str| {
        a.groups
            .iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("no group {name}"))
    };
    let texts = |name: &str| -> Vec<&str> {
        group_named(name)
            .mentions
            .iter()
            .map(|&m| a.entities[m].span.text(TEXT))
            .collect()
    };
    assert_eq!(texts("Elon Musk"), vec!["Elon Musk", "Musk"]);
    assert_eq!(
        texts("Mistral AI"),
        vec![
            "Mistral AI",
            "Mistral AI",
            "Mistral",
            "Mistral",
            "Mistral AI"
        ]
    );
    assert_eq!(
        texts("Mistral Large"),
        vec!["Mistral Large", "Mistral Large"]
    );
    for (i, e) in a.entities.iter().enumerate() {
        assert!(a.groups[e.group].mentions.contains(&i));
    }
}
