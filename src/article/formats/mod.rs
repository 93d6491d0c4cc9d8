//! Loaders for each stored format.

pub mod txt;

use std::path::Path;

use super::Article;

/// The formats quoth reads; other files are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Txt,
}

impl Kind {
    pub fn of(path: &Path) -> Option<Kind> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Kind::Txt),
            _ => None,
        }
    }
}

/// Parses one file's bytes into its articles. The error says what is wrong,
/// not which file (the caller adds that).
pub fn parse(kind: Kind, path: &Path, bytes: &[u8]) -> anyhow::Result<Vec<Article>> {
    let text = std::str::from_utf8(bytes).map_err(|e| anyhow::anyhow!("invalid UTF-8: {e}"))?;
    match kind {
        Kind::Txt => txt::parse(path, text).map(|a| vec![a]),
    }
}
