//! Every loader on any bytes: no panic, no hang, and what loads is safe to
//! draw (no control, escape or bidi character), with styles inside the
//! body on character boundaries. The config parser takes the same bytes.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use quoth::article::formats::{self, Kind};
use quoth::text::is_unsafe;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let kind = [Kind::Txt, Kind::Markdown, Kind::Json, Kind::JsonLines][usize::from(which % 4)];
    if let Ok(results) = formats::parse_each(kind, Path::new("fuzz.txt"), bytes) {
        for a in results.into_iter().flatten() {
            assert!(!a.title.is_empty() && !a.title.chars().any(is_unsafe));
            assert!(!a.body.chars().any(|c| c != '\n' && is_unsafe(c)));
            for field in [&a.source, &a.author, &a.url, &a.language, &a.credit] {
                assert!(!field.as_deref().unwrap_or("").chars().any(is_unsafe));
            }
            assert!(a.paragraphs().all(|(_, p)| !p.is_empty()));
            for s in &a.styles {
                assert!(s.start <= s.end && s.end <= a.body.len());
                assert!(a.body.is_char_boundary(s.start) && a.body.is_char_boundary(s.end));
            }
        }
    }
    if which >= 128 {
        let _ = quoth::config::parse(Path::new("config.toml"), bytes);
    }
});
