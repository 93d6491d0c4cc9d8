//! Settings from the TOML config. (First version: reads the file if given;
//! the full config with bookmarks and validation replaces this.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Settings the reader and the commands use.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Default library path.
    pub library: Option<PathBuf>,
    /// Reading measure in columns.
    pub width: u16,
    /// strftime-style date format for the list and metadata.
    pub date_format: String,
    /// Key name → command name overrides.
    pub keys: BTreeMap<String, String>,
    /// Theme colour overrides: element → colour name or #rrggbb.
    pub theme: BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            library: None,
            width: 80,
            date_format: "%Y-%m-%d".to_string(),
            keys: BTreeMap::new(),
            theme: BTreeMap::new(),
        }
    }
}

pub fn load(explicit: Option<&Path>) -> anyhow::Result<Settings> {
    let mut s = Settings::default();
    if let Some(path) = explicit {
        let text = std::fs::read_to_string(path)?;
        let doc: toml::Table = toml::from_str(&text)?;
        if let Some(l) = doc.get("library").and_then(|v| v.as_str()) {
            s.library = Some(PathBuf::from(l));
        }
        if let Some(w) = doc.get("width").and_then(|v| v.as_integer()) {
            s.width = u16::try_from(w)?;
        }
    }
    Ok(s)
}
