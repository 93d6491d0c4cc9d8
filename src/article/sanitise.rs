//! Untrusted article text is neutralised here, once, when it enters the program.
//!
//! Every string a loader produces (title, body, metadata) goes through
//! [`sanitise`] or [`sanitise_line`], so the rest of the program can draw it
//! without a terminal ever seeing an escape sequence or a bidi override.
//!
//! Steps, in this order (the order makes the function idempotent):
//! 1. CRLF and lone CR become LF; U+2028 / U+2029 and NEL become line breaks.
//! 2. Escape sequences are removed whole: ESC-introduced CSI, OSC, DCS, SOS,
//!    PM, APC, nF and two-character ones, and their C1 forms (U+009B CSI…).
//!    A string sequence (OSC, DCS…) with no terminator loses only its
//!    introducer, so a stray ESC cannot swallow the rest of an article.
//! 3. Remaining C0 controls other than LF and tab, DEL, C1 controls, bidi
//!    embeddings/overrides/isolates/marks and the BOM are dropped.
//! 4. Tabs expand to spaces up to the next multiple of [`TAB_WIDTH`] columns.
//! 5. NFC. U+00A0 and U+202F (French typography) are kept as they are.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Tab stops every this many characters.
pub const TAB_WIDTH: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 forms of the sequence introducers.
const C1_CSI: char = '\u{9b}';
const C1_ST: char = '\u{9c}';
const C1_STRINGS: [char; 5] = ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'];

/// Sanitises multi-line text (a body): see the module documentation.
pub fn sanitise(text: &str) -> String {
    // most text needs nothing but the NFC check: skip the rebuilding passes
    if !any_needs_work(text) {
        return nfc(text);
    }
    let text = normalise_newlines(text);
    let text = strip_escapes(&text);
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let n = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            c if is_unwanted(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    nfc(&out)
}

fn nfc(text: &str) -> String {
    match nfc_quick(text) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// `unicode_normalization::is_nfc_quick` over `text`, asked only about the
/// runs of characters from U+0300 on (their UTF-8 starts with a byte >= 0xCC).
/// Every character below U+0300 is a starter (combining class 0) whose quick
/// check is Yes, which is also the state the check starts in: cutting the text
/// at them gives the check of the whole text (tested on every such character).
fn nfc_quick(text: &str) -> IsNormalized {
    let bytes = text.as_bytes();
    let mut result = IsNormalized::Yes;
    let mut i = 0;
    while let Some(p) = bytes[i..].iter().position(|&b| b >= 0xCC) {
        let start = i + p;
        // the run ends at the next character below U+0300 (ASCII, or a lead byte below 0xCC)
        let end = bytes[start + 1..]
            .iter()
            .position(|&b| b < 0x80 || (0xC0..0xCC).contains(&b))
            .map_or(bytes.len(), |q| start + 1 + q);
        match unicode_normalization::is_nfc_quick(text[start..end].chars()) {
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::Yes => {}
        }
        i = end;
    }
    result
}

/// Characters the full passes change or remove.
fn needs_work(c: char) -> bool {
    c != '\n' && is_unwanted(c)
}

/// `text.chars().any(needs_work)`, read on the bytes: only non-ASCII
/// characters are decoded.
fn any_needs_work(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if needs_work(char::from(b)) {
                return true;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or('\n');
            if needs_work(c) {
                return true;
            }
            i += c.len_utf8();
        }
    }
    false
}

/// Sanitises a one-line field (title, author…): as [`sanitise`], then line
/// breaks become spaces and the ends are trimmed.
pub fn sanitise_line(text: &str) -> String {
    let clean = sanitise(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.trim().chars() {
        if c == '\n' {
            // collapse "a \n b" to one space
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c == ' ' && out.ends_with(' ') {
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters dropped outright: the ones unsafe to print (one test for
/// article text and for everything else printed, see `text::is_unsafe`);
/// line breaks and tabs are handled before this.
fn is_unwanted(c: char) -> bool {
    crate::text::is_unsafe(c)
}

fn normalise_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            c => out.push(c),
        }
    }
    out
}

/// Removes escape sequences whole (ECMA-48 shapes).
fn strip_escapes(text: &str) -> String {
    if !text.contains(|c| c == ESC || c == C1_CSI || C1_STRINGS.contains(&c)) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ESC {
            i = skip_esc(&chars, i);
        } else if c == C1_CSI {
            i = skip_csi_body(&chars, i + 1);
        } else if C1_STRINGS.contains(&c) {
            i = skip_string_body(&chars, i + 1);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `chars[i]` is ESC; returns the index after the sequence it starts.
fn skip_esc(chars: &[char], i: usize) -> usize {
    let Some(&next) = chars.get(i + 1) else {
        return i + 1;
    };
    match next {
        '[' => skip_csi_body(chars, i + 2),
        // OSC, DCS, SOS, PM, APC: strings ended by ST (or BEL for OSC)
        ']' | 'P' | 'X' | '^' | '_' => skip_string_body(chars, i + 2),
        // nF: intermediates then one final byte
        '\u{20}'..='\u{2f}' => {
            let mut j = i + 1;
            while j < chars.len() && ('\u{20}'..='\u{2f}').contains(&chars[j]) {
                j += 1;
            }
            if j < chars.len() && ('\u{30}'..='\u{7e}').contains(&chars[j]) {
                j + 1
            } else {
                j
            }
        }
        // Fp, Fe, Fs: two-character sequences
        '\u{30}'..='\u{7e}' => i + 2,
        // ESC followed by anything else: drop the ESC alone
        _ => i + 1,
    }
}

/// Parameters (0x30–0x3F), intermediates (0x20–0x2F), then a final byte
/// (0x40–0x7E). A malformed sequence ends at the first other character,
/// which is kept.
fn skip_csi_body(chars: &[char], mut j: usize) -> usize {
    while j < chars.len() && ('\u{30}'..='\u{3f}').contains(&chars[j]) {
        j += 1;
    }
    while j < chars.len() && ('\u{20}'..='\u{2f}').contains(&chars[j]) {
        j += 1;
    }
    if j < chars.len() && ('\u{40}'..='\u{7e}').contains(&chars[j]) {
        j + 1
    } else {
        j
    }
}

/// A control string runs to ST (ESC \ or U+009C) or BEL. Unterminated: only
/// the introducer goes, the text after it stays (its controls are dropped
/// later anyway).
fn skip_string_body(chars: &[char], start: usize) -> usize {
    let mut j = start;
    while j < chars.len() {
        match chars[j] {
            BEL | C1_ST => return j + 1,
            ESC if chars.get(j + 1) == Some(&'\\') => return j + 2,
            _ => j += 1,
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_below_u0300_are_nfc_starters() {
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            let s = c.to_string();
            assert_eq!(
                unicode_normalization::is_nfc_quick(s.chars()),
                IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn byte_reads_agree_with_the_char_reads() {
        // combining marks in and out of order (U+0316 class 220, U+0301 230),
        // Maybe (U+0300 after a letter), No (U+0340, U+212B), starters from
        // U+0300 on (’ U+2019), controls and other unsafe characters
        let pieces = [
            "e", "é", "\u{301}", "\u{300}", "\u{316}", "\u{340}", "\u{212b}", "’", "«", "ÿ",
            "\u{2ff}", "\u{1100}", "\u{1161}", "가", "🙂", " ", "\n", "\t", "\r", "\u{1b}",
            "\u{85}", "\u{9b}", "\u{a0}", "\u{202f}", "\u{200e}", "\u{2028}", "\u{feff}",
            "\u{61c}", "\u{7f}", "abc",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..next(10) {
                text.push_str(pieces[next(pieces.len())]);
            }
            assert_eq!(
                nfc_quick(&text),
                unicode_normalization::is_nfc_quick(text.chars()),
                "{text:?}"
            );
            assert_eq!(
                any_needs_work(&text),
                text.chars().any(needs_work),
                "{text:?}"
            );
        }
        for c in (0..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}\u{301}{c}");
            assert_eq!(
                nfc_quick(&s),
                unicode_normalization::is_nfc_quick(s.chars()),
                "{c:?}"
            );
            assert_eq!(any_needs_work(&s), s.chars().any(needs_work), "{c:?}");
        }
    }

    #[test]
    fn removes_whole_sequences() {
        assert_eq!(sanitise("a\x1b[31;1mred\x1b[0m b"), "ared b");
        assert_eq!(sanitise("x\x1b]0;pwned title\x07y"), "xy");
        assert_eq!(
            sanitise("x\x1b]8;;http://e.vil\x1b\\link\x1b]8;;\x1b\\y"),
            "xlinky"
        );
        assert_eq!(sanitise("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitise("x\x1bPq#0;2;0;0;0\x1b\\y"), "xy");
        assert_eq!(sanitise("x\x1b(By"), "xy");
        assert_eq!(sanitise("x\x1bcy"), "xy");
        assert_eq!(sanitise("x\x1b"), "x");
    }

    #[test]
    fn unterminated_string_keeps_the_text() {
        assert_eq!(sanitise("a\x1b]no end here"), "ano end here");
    }

    #[test]
    fn controls_bidi_and_newlines() {
        assert_eq!(sanitise("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitise("a\u{0}b\u{7f}c\u{85}d\u{8d}e"), "abc\nde");
        assert_eq!(
            sanitise("\u{feff}x\u{202e}gnp.exe\u{202c}\u{2067}y\u{2069}"),
            "xgnp.exey"
        );
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(sanitise("a\tb\n\tc"), "a   b\n    c");
    }

    #[test]
    fn keeps_french_spaces_and_composes() {
        let s = "«\u{a0}Oui\u{202f}!\u{a0}» e\u{301}te\u{301}";
        assert_eq!(sanitise(s), "«\u{a0}Oui\u{202f}!\u{a0}» été");
    }

    #[test]
    fn line_fields_are_one_line() {
        assert_eq!(
            sanitise_line("  A\n\ntitle \x1b[1m here\t "),
            "A title here"
        );
    }
}
