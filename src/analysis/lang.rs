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

/// Detects the language of `text`; short or unclear text falls back to English.
pub fn detect(text: &str) -> Lang {
    let sample: String = text.chars().take(4000).collect();
    match whatlang::detect(&sample) {
        Some(info) => match info.lang() {
            whatlang::Lang::Fra => Lang::Fr,
            whatlang::Lang::Eng => Lang::En,
            other if info.is_reliable() => Lang::Other(other.code()),
            _ => Lang::En,
        },
        None => Lang::En,
    }
}
