//! The sanitiser and the escaping of printed strings on any text: nothing
//! unsafe survives, sanitising twice changes nothing, escaped JSON decodes
//! to the original; search never panics and matches on char boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quoth::article::sanitise::{sanitise, sanitise_line};
use quoth::text::{escape, is_unsafe, write_json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let clean = sanitise(&text);
    assert!(!clean.chars().any(|c| c != '\n' && is_unsafe(c)), "{clean:?}");
    assert_eq!(sanitise(&clean), clean, "sanitise is idempotent");
    let line = sanitise_line(&text);
    assert!(!line.chars().any(is_unsafe), "{line:?}");
    let shown = escape(&text);
    assert!(!shown.chars().any(is_unsafe), "{shown:?}");
    let mut json = Vec::new();
    write_json(&mut json, text.as_ref()).unwrap();
    let json = String::from_utf8(json).unwrap();
    assert!(!json.chars().any(is_unsafe), "{json:?}");
    let back: String = serde_json::from_str(&json).unwrap();
    assert_eq!(back, text.as_ref());
    // search the clean text for a piece of it
    let cut = clean.char_indices().nth(clean.chars().count() / 2).map_or(0, |(i, _)| i);
    let query: String = clean[cut..].chars().take(4).collect();
    for m in quoth::tui::app::find_all(&clean, &query) {
        assert!(clean.is_char_boundary(m.start) && clean.is_char_boundary(m.end));
        assert!(m.start < m.end);
    }
});
