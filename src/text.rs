//! Display-width helpers shared by the reader and the commands, and the one
//! escaping function for what is printed ([`escape`], [`write_json`]).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, PrettyFormatter};
use unicode_width::UnicodeWidthChar;

/// Display width of a string in terminal columns.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` display columns, ending with "…" if cut;
/// never splits a character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// "3,120": digits grouped by three, for every count shown to a reader.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 quote", "0 quotes", "10,562 quotes": a count with its noun in the
/// right number (English: 1 is singular, everything else plural).
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

// ------------------------------------------------------------ printing safely

/// Whether printing `c` raw could steer a terminal or mislead whoever reads
/// the output: C0 controls (tab and line breaks included: they split rows
/// and fields), DEL, C1 controls (U+009B is a CSI on many terminals), bidi
/// embeddings, overrides, isolates and marks, line and paragraph separators,
/// and the BOM. Article text is sanitised with the same test when it is
/// loaded (`article::sanitise`); everything else from outside goes through
/// [`escape`] when it is printed.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}'                  // Arabic letter mark
            | '\u{200E}' | '\u{200F}'   // LRM, RLM
            | '\u{202A}'..='\u{202E}'   // embeddings and overrides
            | '\u{2066}'..='\u{2069}'   // isolates
            | '\u{2028}' | '\u{2029}'   // line and paragraph separators
            | '\u{FEFF}'                // BOM / zero-width no-break space
        )
}

/// The one function every path, name, key or message from outside goes
/// through before it is printed (commands, warnings, errors, the reader's
/// status line and popups): each [`is_unsafe`] character becomes a visible
/// escape (`\n`, `\t`, `\r`, else `\u{1b}` style), so nothing can retitle,
/// clear or write to the terminal, reorder a line, or split a row; and the
/// user can still tell which file is meant. Safe text comes back borrowed.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for a path (lossy for bytes that are not UTF-8).
pub fn escape_path(p: &Path) -> String {
    escape(&p.to_string_lossy()).into_owned()
}

/// The UTF-8 lead bytes of every [`is_unsafe`] character: C0 controls, DEL,
/// 0xC2 (C1 controls), 0xD8 (U+061C), 0xE2 (U+2000 block) and 0xEF (U+FEFF).
/// None is a continuation byte (0x80..=0xBF).
const MAY_START_UNSAFE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF);
        b += 1;
    }
    t
};

/// serde_json escapes C0 controls, quotes and backslashes; this also
/// escapes every other [`is_unsafe`] character as `\uXXXX`, so JSON output
/// is as safe on a terminal as text output, and still decodes to the exact
/// original string.
struct SafeJson<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Only bytes that can begin an unsafe character are decoded: most
        // output is ASCII or accented letters, and decoding every char cost
        // about 2% of a whole `analyze --format json` run.
        let bytes = fragment.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            if !MAY_START_UNSAFE[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            // never a continuation byte, so `i` is a char boundary
            let c = fragment[i..].chars().next().unwrap_or_default();
            let end = i + c.len_utf8();
            if is_unsafe(c) {
                w.write_all(&bytes[start..i])?;
                // every unsafe character is in the Basic Multilingual Plane
                write!(w, "\\u{:04x}", u32::from(c))?;
                start = end;
            }
            i = end;
        }
        w.write_all(&bytes[start..])
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as one line of JSON (no newline), terminal-safe.
pub fn write_json<W: io::Write, T: Serialize + ?Sized>(w: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, SafeJson(CompactFormatter));
    value.serialize(&mut ser)
}

/// Writes `value` as indented JSON (no final newline), terminal-safe.
pub fn write_json_pretty<W: io::Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_never_cuts_a_character() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdefghijk", 5), "abcd…");
        assert_eq!(truncate("été", 3), "été");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("日本語テキスト", 6), "日本…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("日本語", 5), "日本…");
        assert_eq!(truncate("é", 0), "");
        for w in 0..8 {
            assert!(width(&truncate("Élodie 日本 x", w)) <= w);
        }
    }

    #[test]
    fn escape_makes_hostile_names_visible_and_inert() {
        assert_eq!(escape("plain été.txt"), "plain été.txt");
        assert!(matches!(escape("ok"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\x1b]0;pwned\x07b\nc\td"),
            "a\\u{1b}]0;pwned\\u{7}b\\nc\\td"
        );
        assert_eq!(escape("x\u{9b}2Jy"), "x\\u{9b}2Jy");
        assert_eq!(escape("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(escape_path(Path::new("d/\x1b[2J.txt")), "d/\\u{1b}[2J.txt");
    }

    #[test]
    fn every_unsafe_character_starts_with_a_flagged_byte() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            if is_unsafe(c) {
                assert!(MAY_START_UNSAFE[usize::from(lead)], "{c:?}");
            }
        }
        assert!(!MAY_START_UNSAFE[0x80..=0xBF].contains(&true));
    }

    #[test]
    fn json_escapes_c1_and_bidi_and_round_trips() {
        let s = "a\u{1b}[1m \u{9b}31m \u{202e}gnp \u{7f} \u{2028} é «\u{a0}»";
        let mut out = Vec::new();
        write_json(&mut out, &serde_json::json!({ "path": s })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(is_unsafe), "{text:?}");
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["path"], s);
        let mut pretty = Vec::new();
        write_json_pretty(&mut pretty, &[s]).unwrap();
        let pretty = String::from_utf8(pretty).unwrap();
        assert!(pretty.starts_with("[\n  \""), "{pretty}");
        assert!(!pretty.replace('\n', "").chars().any(is_unsafe));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever a file name, key or message holds, what is printed has
        /// no control, bidi or separator character left, and clean text is
        /// printed as it is.
        #[test]
        fn nothing_unsafe_survives_escaping(s in "(\\PC|\\p{Cc}|\\p{Cf}|[\u{80}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{2028}\u{2029}\u{1b}\\[\\]\\\\])*") {
            let e = escape(&s);
            proptest::prop_assert!(!e.chars().any(is_unsafe), "{:?}", e);
            if !s.chars().any(is_unsafe) {
                proptest::prop_assert_eq!(e.as_ref(), s.as_str());
            }
            let mut out = Vec::new();
            write_json(&mut out, &s).unwrap();
            let json = String::from_utf8(out).unwrap();
            proptest::prop_assert!(!json.chars().any(is_unsafe), "{:?}", json);
            let back: String = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(back, s);
        }
    }
}
