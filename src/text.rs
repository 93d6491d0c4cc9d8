//! Display-width helpers shared by the reader and the commands.

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
}
