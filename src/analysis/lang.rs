//! Language detection: French and English, with a clear fallback for others.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Lang {
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "en")]
    En,
    /// Any other language, by ISO 639-3 code (whatlang's), or "und".
    #[serde(untagged)]
    Other(&'static str),
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other(c) => c,
        }
    }

    /// The language a file declares, when the analyser has a model for it
    /// (French or English); otherwise the analyser detects it.
    pub fn declared(tag: Option<&str>) -> Option<Lang> {
        tag.map(Lang::from_tag)
            .filter(|l| matches!(l, Lang::Fr | Lang::En))
    }

    /// Parses "fr", "en", "French", "fr-FR"…; anything else is `Other`.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        let primary = t.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Lang::Fr,
            "en" | "eng" | "english" => Lang::En,
            _ => Lang::Other("und"),
        }
    }
}

/// Detects the language of `text`. Another language is reported only when
/// whatlang is sure of it on enough text; otherwise French or English,
/// whichever fits better (short texts and titles), English when unclear.
pub fn detect(text: &str) -> Lang {
    // 600 characters of prose settle the language; whatlang's cost grows
    // with the sample and would rival the entity recogniser's
    let end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    // Plain French or English prose says so in its function words; whatlang
    // (a good part of the analysis's time) is only asked about the rest.
    let (fr, en) = function_words(sample);
    let other = other_function_words(sample);
    if other * 4 < fr + en {
        if fr >= 8 && fr >= 3 * en {
            return Lang::Fr;
        }
        if en >= 8 && en >= 3 * fr {
            return Lang::En;
        }
    }
    let guess = whatlang::detect(sample);
    if let Some(info) = &guess
        && !matches!(info.lang(), whatlang::Lang::Fra | whatlang::Lang::Eng)
        && info.is_reliable()
        && sample.chars().count() >= 100
    {
        return Lang::Other(info.lang().code());
    }
    // French or English: function words decide when they clearly can (on
    // titles, and on tables of names where trigrams mislead), else whatlang.
    if fr >= 2 && fr >= 2 * en {
        return Lang::Fr;
    }
    if en >= 2 && en >= 2 * fr {
        return Lang::En;
    }
    // On a line or two, whatlang's trigrams are a guess ("L'OM a battu
    // Lyon dimanche soir." reads as English to them); a function word of one
    // language and none of the other says more.
    let sure = guess.as_ref().is_some_and(|i| i.is_reliable());
    if !sure && fr != en && fr.min(en) == 0 {
        return if fr > en { Lang::Fr } else { Lang::En };
    }
    match guess.as_ref().map(|i| i.lang()) {
        Some(whatlang::Lang::Fra) => return Lang::Fr,
        Some(whatlang::Lang::Eng) => return Lang::En,
        _ => {}
    }
    if fr != en {
        return if fr > en { Lang::Fr } else { Lang::En };
    }
    let fr_en = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
    match fr_en.detect_lang(sample) {
        Some(whatlang::Lang::Fra) => Lang::Fr,
        _ => Lang::En,
    }
}

// a `match` (length first) rather than a list scanned word by word:
// the scans were most of `detect`'s cost
fn is_fr_word(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "de"
            | "des"
            | "du"
            | "un"
            | "une"
            | "et"
            | "est"
            | "à"
            | "au"
            | "aux"
            | "en"
            | "pour"
            | "que"
            | "qui"
            | "dans"
            | "sur"
            | "avec"
            | "par"
            | "pas"
            | "il"
            | "elle"
            | "sont"
            | "ont"
            | "son"
            | "sa"
            | "ses"
            | "l'"
            | "d'"
            | "s'"
            | "qu'"
            | "l’"
            | "d’"
            | "s’"
            | "qu’"
            | "ne"
            | "se"
            | "ce"
            | "cette"
            | "ces"
            | "mais"
            | "ou"
            | "nous"
            | "vous"
            | "ils"
            | "leur"
            | "leurs"
            | "été"
            | "était"
            | "selon"
            | "après"
            | "lors"
            | "chez"
            | "n'"
            | "c'"
            | "n’"
            | "c’"
    )
}
fn is_en_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "of"
            | "and"
            | "to"
            | "in"
            | "is"
            | "for"
            | "on"
            | "with"
            | "as"
            | "by"
            | "at"
            | "that"
            | "its"
            | "it"
            | "an"
            | "was"
            | "over"
            | "from"
            | "he"
            | "she"
            | "said"
            | "are"
            | "has"
            | "have"
            | "his"
            | "her"
            | "this"
            | "were"
            | "been"
            | "will"
            | "they"
            | "their"
            | "who"
            | "which"
            | "but"
            | "not"
            | "had"
            | "would"
            | "after"
            | "says"
    )
}

/// Function words of neighbouring languages (Spanish, Italian, Portuguese,
/// Catalan, German, Dutch) that French or English text hardly uses.
fn is_other_word(w: &str) -> bool {
    matches!(
        w,
        "el" | "los"
            | "las"
            | "y"
            | "del"
            | "por"
            | "una"
            | "con"
            | "il"
            | "di"
            | "che"
            | "per"
            | "della"
            | "non"
            | "não"
            | "um"
            | "uma"
            | "und"
            | "der"
            | "das"
            | "ist"
            | "nicht"
            | "het"
            | "een"
            | "van"
            | "amb"
            | "els"
            | "és"
            | "ein"
            | "eine"
            | "zu"
            | "mit"
            | "sie"
    )
}

fn other_function_words(text: &str) -> usize {
    let mut buf = String::new();
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| short(w) && is_other_word(lowercase(w, &mut buf)))
        .count()
}

/// At most five characters, as every function word above: lowercasing
/// never makes fewer characters, so longer words need no lowercasing to be
/// ruled out (most of `detect`'s time was lowercasing them).
fn short(w: &str) -> bool {
    w.len() <= 5 || w.chars().nth(5).is_none()
}

/// `w.to_lowercase()` into a reused buffer, without allocating for ASCII
/// words (allocating for every word made up most of `detect`'s cost), and
/// without copying those already in lowercase ASCII, most of them.
pub(crate) fn lowercase<'a>(w: &'a str, buf: &'a mut String) -> &'a str {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return w;
    }
    if w.is_ascii() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        *buf = w.to_lowercase();
    }
    buf
}

/// Counts French and English function words (elided articles included).
fn function_words(text: &str) -> (usize, usize) {
    let (mut fr, mut en) = (0, 0);
    let mut buf = String::new();
    for w in text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’') {
        if !short(w) {
            // only an elided article can start it ("qu'il", "l'économie")
            if let Some(i) = w.find(['\'', '’'])
                && short(&w[..i])
                && is_fr_word(lowercase(
                    &w[..i + w[i..].chars().next().map_or(1, char::len_utf8)],
                    &mut buf,
                ))
            {
                fr += 1;
            }
            continue;
        }
        let w = lowercase(w, &mut buf);
        let elided = w
            .find(['\'', '’'])
            .map(|i| &w[..i + w[i..].chars().next().map_or(1, char::len_utf8)]);
        if is_fr_word(w) || elided.is_some_and(is_fr_word) {
            fr += 1;
        }
        if is_en_word(w) {
            en += 1;
        }
    }
    (fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_short_texts() {
        assert_eq!(
            detect("Le lancement de ChatGPT a déclenché une ruée"),
            Lang::Fr
        );
        assert_eq!(detect("Mistral AI s'allie à Microsoft"), Lang::Fr);
        assert_eq!(detect("Musk sues OpenAI over its mission"), Lang::En);
        assert_eq!(detect("Stocks fall as oil prices rise"), Lang::En);
        // one function word against none, where trigrams guess wrong
        assert_eq!(detect("L'OM a battu Lyon dimanche soir."), Lang::Fr);
        assert_eq!(detect("L'OM reste cinquième."), Lang::Fr);
        assert_eq!(detect("Lyon beat Marseille on Sunday."), Lang::En);
        assert_eq!(detect(""), Lang::En);
        assert_eq!(detect("12 345"), Lang::En);
    }

    #[test]
    fn other_languages_need_enough_text() {
        let de = "Die Bundesregierung hat am Montag beschlossen, dass die neuen Regeln für \
                  Unternehmen ab dem ersten Januar gelten sollen, wie ein Sprecher mitteilte.";
        assert_eq!(detect(de), Lang::Other("deu"));
        let es = "El gobierno de España anunció el lunes que las nuevas normas para las \
                  empresas entrarán en vigor en enero, según un portavoz del ministerio.";
        assert_eq!(detect(es), Lang::Other("spa"));
        let fr = "Le gouvernement a annoncé lundi que les nouvelles règles pour les \
                  entreprises entreront en vigueur en janvier, selon un porte-parole du ministère.";
        assert_eq!(detect(fr), Lang::Fr);
        let en = "The government said on Monday that the new rules for companies would \
                  come into force in January, according to a spokesman for the ministry.";
        assert_eq!(detect(en), Lang::En);
        assert_eq!(Lang::from_tag("fr-FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("English"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::Other("und"));
    }
}
