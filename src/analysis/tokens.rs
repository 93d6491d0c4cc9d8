//! Tokenisation for news text, with exact byte offsets.
//!
//! French elision (l', d', qu', jusqu') splits after the apostrophe; English
//! clitics ('s, n't) split before it; hyphenated words (Herblin-Stoop, GPT-4,
//! a-t-elle) stay whole; known abbreviations and initials keep their period;
//! URLs and e-mail addresses are single tokens.

use super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Url,
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// Words that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "St", "Ste", "Mr", "Mrs", "Ms", "Jr", "Sr",
    "Inc", "Ltd", "Corp", "Co", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Prof",
    "vs", "etc", "cf", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "av", "bd", "janv", "févr", "juil", "déc", "env",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// `char::is_alphanumeric`, with the accented letters of Latin-1 (most
/// letters beyond ASCII in French news) answered without the Unicode tables.
#[inline]
fn alnum(c: char) -> bool {
    if ('\u{c0}'..='\u{ff}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    // (allocated once at its full size: collecting grew it a few times)
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // URL: scheme or www. up to whitespace, minus trailing punctuation.
        let rest = &text[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            let mut j = i;
            while j < n && !chars[j].1.is_whitespace() && !"«»“”\"<>".contains(chars[j].1) {
                j += 1;
            }
            while j > i + 1 && ".,;:!?)]'’".contains(chars[j - 1].1) {
                j -= 1;
            }
            out.push(Token {
                span: Span::new(start, end_of(j)),
                kind: TokenKind::Url,
            });
            i = j;
            continue;
        }
        if alnum(c)
            && let Some(len) = bare_domain(&chars[i..])
        {
            out.push(Token {
                span: Span::new(start, end_of(i + len)),
                kind: TokenKind::Url,
            });
            i += len;
            continue;
        }
        if alnum(c) {
            let mut j = i;
            // alphanumerics, joined by inner hyphens, apostrophes, dots and @
            loop {
                while j < n && (alnum(chars[j].1) || chars[j].1 == '_') {
                    j += 1;
                }
                if j + 1 < n
                    && (is_hyphen(chars[j].1)
                        || is_apostrophe(chars[j].1)
                        || chars[j].1 == '@'
                        || matches!(chars[j].1, '.' | ',' | '/' | ':')
                            && chars[j - 1].1.is_ascii_digit()
                            && chars[j + 1].1.is_ascii_digit()
                        || chars[j].1 == '.' && is_email_tail(&chars[i..]))
                    && alnum(chars[j + 1].1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let word = &text[start..end_of(j)];
            if word.bytes().any(|b| b == b'@') {
                out.push(Token {
                    span: Span::new(start, end_of(j)),
                    kind: TokenKind::Email,
                });
                i = j;
                continue;
            }
            // an elided article before a quotation mark: l'«IA»
            if j + 1 < n
                && is_apostrophe(chars[j].1)
                && ELISIONS.contains(&word.to_lowercase().as_str())
            {
                out.push(Token {
                    span: Span::new(start, end_of(j + 1)),
                    kind: TokenKind::Word,
                });
                i = j + 1;
                continue;
            }
            push_word(text, start, end_of(j), &mut out);
            // digit groups: 1 000 000 (space, no-break or narrow no-break)
            if out.last().is_some_and(|t| {
                t.kind == TokenKind::Number && t.span.len() <= 3 && t.span.start == start
            }) {
                let mut k = j;
                while k + 3 < n
                    && matches!(chars[k].1, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
                    && chars[k + 1..k + 4].iter().all(|c| c.1.is_ascii_digit())
                    && chars.get(k + 4).is_none_or(|c| !alnum(c.1))
                {
                    k += 4;
                }
                if k > j {
                    // a decimal part after the groups: 1 000,50
                    if k + 1 < n
                        && matches!(chars[k].1, ',' | '.')
                        && chars[k + 1].1.is_ascii_digit()
                    {
                        k += 1;
                        while k < n && chars[k].1.is_ascii_digit() {
                            k += 1;
                        }
                    }
                    out.last_mut().expect("a number").span.end = end_of(k);
                    j = k;
                }
            }
            // keep the period of abbreviations and initials (U.S., M., J.)
            if j < n && chars[j].1 == '.' {
                let last = out.last_mut().expect("a word was pushed");
                let w = last.text(text);
                let single = w.chars().count() == 1;
                let initials = single && w.chars().all(|c| c.is_uppercase());
                // lowercase initials only in a run: "a.m.", "e.g.", "i.e."
                let lower_run = single
                    && w.chars().all(|c| c.is_lowercase())
                    && j + 2 < n
                    && chars[j + 1].1.is_lowercase()
                    && chars[j + 2].1 == '.';
                if initials || lower_run || ABBREVIATIONS.contains(&w) {
                    // "U.S." : letters and dots alternating
                    let mut k = j + 1;
                    while k + 1 < n
                        && (chars[k].1.is_uppercase() || lower_run && chars[k].1.is_lowercase())
                        && chars[k + 1].1 == '.'
                    {
                        k += 2;
                    }
                    last.span.end = end_of(if k > j + 1 { k } else { j + 1 });
                    j = if k > j + 1 { k } else { j + 1 };
                }
            }
            i = j;
            continue;
        }
        // punctuation: runs of the same mark ("...", "--") are one token
        let mut j = i + 1;
        if matches!(c, '.' | '-' | '!' | '?') {
            while j < n && chars[j].1 == c {
                j += 1;
            }
        }
        out.push(Token {
            span: Span::new(start, end_of(j)),
            kind: TokenKind::Punct,
        });
        i = j;
    }
    out
}

/// Top-level domains recognised in bare addresses such as "lemonde.fr".
const TLDS: &[&str] = &[
    "com", "fr", "org", "net", "io", "ai", "eu", "gov", "edu", "uk", "de", "be", "ch", "ca",
    "info", "tv", "co",
];

/// Length in chars of a bare domain address at the start of `chars`
/// ("lemonde.fr", "afp.com/fr/a"), with its path; None if there is none.
fn bare_domain(chars: &[(usize, char)]) -> Option<usize> {
    let label = |k: usize| {
        let mut e = k;
        while e < chars.len()
            && (chars[e].1.is_ascii_lowercase() || chars[e].1.is_ascii_digit() || chars[e].1 == '-')
        {
            e += 1;
        }
        e
    };
    let mut k = label(0);
    let mut labels = 1;
    let mut last = (0, k);
    while k + 1 < chars.len() && chars[k].1 == '.' && chars[k + 1].1.is_ascii_alphanumeric() {
        let e = label(k + 1);
        if e == k + 1 {
            break;
        }
        last = (k + 1, e);
        labels += 1;
        k = e;
    }
    // (compared in place: this runs at every word)
    let tld = &chars[last.0..last.1];
    if labels < 2 || !TLDS.iter().any(|t| t.chars().eq(tld.iter().map(|c| c.1))) {
        return None;
    }
    // the domain must end the word: not "afp.fr@x" nor "a.fr2b"
    match chars.get(k).map(|c| c.1) {
        Some(c) if c.is_alphanumeric() || c == '@' || c == '_' => None,
        Some('/') => {
            let mut e = k;
            while e < chars.len() && !chars[e].1.is_whitespace() && !"«»“”\"<>".contains(chars[e].1)
            {
                e += 1;
            }
            while e > k && ".,;:!?)]'’".contains(chars[e - 1].1) {
                e -= 1;
            }
            Some(e)
        }
        _ => Some(k),
    }
}

fn is_email_tail(chars: &[(usize, char)]) -> bool {
    chars
        .iter()
        .take_while(|(_, c)| !c.is_whitespace())
        .any(|(_, c)| *c == '@')
}

/// Splits elisions and clitics off a word and pushes the pieces.
fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let kind = |w: &str| {
        if w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        }
    };
    // the first apostrophe, found on the bytes (both marks start with a
    // byte no other character's middle holds): decoding every character
    // of every word was most of this function
    let bytes = word.as_bytes();
    let apostrophe = (0..bytes.len()).find_map(|p| match bytes[p] {
        b'\'' => Some((p, 1)),
        0xE2 if bytes[p..].starts_with("’".as_bytes()) => Some((p, 3)),
        _ => None,
    });
    if let Some((pos, ap_len)) = apostrophe {
        let head = &word[..pos];
        let after = pos + ap_len;
        let tail = &word[after..];
        if ELISIONS.contains(&head.to_lowercase().as_str()) {
            out.push(Token {
                span: Span::new(start, start + after),
                kind: TokenKind::Word,
            });
            push_word(text, start + after, end, out);
            return;
        }
        if tail == "s"
            || tail == "S"
            || tail == "ll"
            || tail == "re"
            || tail == "ve"
            || tail == "d"
            || tail == "m"
        {
            out.push(Token {
                span: Span::new(start, start + pos),
                kind: kind(head),
            });
            out.push(Token {
                span: Span::new(start + pos, end),
                kind: TokenKind::Word,
            });
            return;
        }
        if tail == "t" && head.ends_with(['n', 'N']) && head.len() > 1 {
            let split = start + pos - 1;
            out.push(Token {
                span: Span::new(start, split),
                kind: TokenKind::Word,
            });
            out.push(Token {
                span: Span::new(split, end),
                kind: TokenKind::Word,
            });
            return;
        }
    }
    out.push(Token {
        span: Span::new(start, end),
        kind: kind(word),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn french_elision_and_hyphens() {
        assert_eq!(
            toks("l'open source d’Audrey Herblin-Stoop, a-t-elle déclaré."),
            vec![
                "l'",
                "open",
                "source",
                "d’",
                "Audrey",
                "Herblin-Stoop",
                ",",
                "a-t-elle",
                "déclaré",
                "."
            ]
        );
        assert_eq!(
            toks("jusqu'à aujourd'hui"),
            vec!["jusqu'", "à", "aujourd'hui"]
        );
    }

    #[test]
    fn english_clitics_abbreviations_numbers() {
        assert_eq!(
            toks("Mr. Smith's U.S. firm doesn't pay 1,000.50 dollars."),
            vec![
                "Mr.", "Smith", "'s", "U.S.", "firm", "does", "n't", "pay", "1,000.50", "dollars",
                "."
            ]
        );
        assert_eq!(
            toks("M. Macron et Mme Borne"),
            vec!["M.", "Macron", "et", "Mme", "Borne"]
        );
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            toks("See https://example.com/a?b=1. Mail jo.doe@afp.fr now"),
            vec![
                "See",
                "https://example.com/a?b=1",
                ".",
                "Mail",
                "jo.doe@afp.fr",
                "now"
            ]
        );
    }

    #[test]
    fn domains_numbers_dates_and_lowercase_initials() {
        assert_eq!(
            toks("Voir lemonde.fr/a, à 10:30 le 12/03/2024, 1 000 000 d’euros, 3 250,50 €."),
            vec![
                "Voir",
                "lemonde.fr/a",
                ",",
                "à",
                "10:30",
                "le",
                "12/03/2024",
                ",",
                "1 000 000",
                "d’",
                "euros",
                ",",
                "3 250,50",
                "€",
                "."
            ]
        );
        assert_eq!(
            toks("At 9 a.m. e.g. in 2023 200 people. L'«IA» de J.R.R. Tolkien"),
            vec![
                "At", "9", "a.m.", "e.g.", "in", "2023", "200", "people", ".", "L'", "«", "IA",
                "»", "de", "J.R.R.", "Tolkien"
            ]
        );
        let t = tokenize("le 1 000 et lemonde.fr");
        assert_eq!(t[1].kind, TokenKind::Number);
        assert_eq!(t[3].kind, TokenKind::Url);
        // the abbreviation keeps its period, the full stop after a name stays apart
        assert_eq!(toks("Dr. No. End."), vec!["Dr.", "No.", "End", "."]);
    }

    #[test]
    fn alnum_is_the_standard_test() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn product_names_stay_whole() {
        assert_eq!(toks("GPT-4 d'OpenAI"), vec!["GPT-4", "d'", "OpenAI"]);
    }
}
