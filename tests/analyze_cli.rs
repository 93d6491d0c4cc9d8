//! `quoth analyze`: the JSON contract scripts and measurements rely on.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const SAMPLE: &str = "assets/articles/000_597a4e4c925c446d.txt";

fn quoth() -> Command {
    let mut cmd = Command::cargo_bin("quoth").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Every span indexes "text" in code points and its "text" is that slice.
fn check_spans(doc: &Value) {
    let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let slice = |s: &Value| -> String {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(a <= b && b <= chars.len(), "span {a}..{b} within the text");
        chars[a..b].iter().collect()
    };
    for q in doc["quotes"].as_array().unwrap() {
        assert_eq!(slice(q), q["text"].as_str().unwrap());
        assert!(matches!(q["kind"].as_str(), Some("direct" | "indirect")));
        for key in ["speaker_span", "cue_span"] {
            if !q[key].is_null() {
                slice(&q[key]);
            }
        }
    }
    let groups = doc["groups"].as_array().unwrap();
    for e in doc["entities"].as_array().unwrap() {
        assert_eq!(slice(e), e["text"].as_str().unwrap());
        assert!(matches!(
            e["label"].as_str(),
            Some("PER" | "ORG" | "LOC" | "MISC")
        ));
        let g = e["entity"].as_u64().unwrap() as usize;
        assert_eq!(groups[g]["id"].as_u64().unwrap() as usize, g);
    }
    // each quote's speaker is a person of "people", named as that person
    let people = doc["people"].as_array().unwrap();
    for (i, p) in people.iter().enumerate() {
        assert_eq!(p["id"].as_u64().unwrap() as usize, i);
        for m in p["mentions"].as_array().unwrap() {
            assert_eq!(slice(m), m["text"].as_str().unwrap());
            assert!(matches!(
                m["kind"].as_str(),
                Some("name" | "role" | "pronoun")
            ));
        }
    }
    for q in doc["quotes"].as_array().unwrap() {
        match q["speaker_id"].as_u64() {
            Some(id) => assert_eq!(people[id as usize]["name"], q["speaker"]),
            None => assert!(q["speaker"].is_null()),
        }
    }
}

#[test]
fn one_speaker_id_for_a_name_its_surname_a_role_and_a_pronoun() {
    let text = "Le président américain Barack Obama a reçu les journalistes. « Nous tiendrons nos promesses », a déclaré Barack Obama. « Le pays avance », a ajouté Obama. Le président a ensuite répété que « la croissance est de retour ». « Rien ne nous arrêtera », a-t-il conclu.";
    let out = quoth()
        .args(["analyze", "--raw", "--format", "json", "--lang", "fr", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc = &json_lines(&out.stdout)[0];
    check_spans(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 4);
    let id = &quotes[0]["speaker_id"];
    assert!(id.is_u64());
    assert!(
        quotes
            .iter()
            .all(|q| &q["speaker_id"] == id && q["speaker"] == "Barack Obama")
    );
    let person = &doc["people"][id.as_u64().unwrap() as usize];
    let kinds: Vec<(&str, &str)> = person["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["kind"].as_str().unwrap()))
        .collect();
    for want in [
        ("Barack Obama", "name"),
        ("Obama", "name"),
        ("Le président", "role"),
        ("il", "pronoun"),
    ] {
        assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
    }
}

#[test]
fn raw_json_indexes_the_exact_file_content() {
    let out = quoth()
        .args(["analyze", "--raw", "--format", "json", SAMPLE])
        .output()
        .unwrap();
    assert!(out.status.success());
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    let content =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    assert_eq!(doc["text"].as_str().unwrap(), content);
    assert!(doc["title"].is_null());
    assert_eq!(doc["language"], "fr");
    assert_eq!(doc["path"], SAMPLE);
    check_spans(doc);
}

#[test]
fn stdin_and_forced_language() {
    let out = quoth()
        .args(["analyze", "--raw", "--format", "json", "--lang", "en", "-"])
        .write_stdin("\u{1b}[31m« Bonjour », a-t-il dit.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc = &json_lines(&out.stdout)[0];
    assert_eq!(doc["path"], "-");
    assert_eq!(doc["language"], "en");
    // raw text is analysed as it is; JSON escapes it
    assert!(doc["text"].as_str().unwrap().starts_with('\u{1b}'));
    check_spans(doc);
}

#[test]
fn articles_are_analysed_by_body_with_their_title() {
    let out = quoth()
        .args(["analyze", "--format", "json", "assets/articles"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let docs = json_lines(&out.stdout);
    assert!(
        docs.len() >= 9,
        "every bundled article, the JSON one included"
    );
    for doc in &docs {
        assert!(doc["title"].is_string());
        assert!(
            !doc["text"]
                .as_str()
                .unwrap()
                .starts_with(doc["title"].as_str().unwrap())
        );
        check_spans(doc);
    }
}

#[test]
fn text_format_is_sanitised_and_a_missing_file_fails() {
    let out = quoth()
        .args(["analyze", "--raw", "-"])
        .write_stdin("He said: \"I am \u{1b}]0;pwned\u{7}here.\"")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        !out.stdout.contains(&0x1b),
        "no escape reaches the terminal"
    );
    let out = quoth()
        .args(["analyze", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/file.txt"), "{err}");
}
