//! The TOML config: where it lives, what it may contain, and its validation.
//! No terminal code here (the TUI checks key bindings against its keymap).
//!
//! The config is the user's file: quoth reads it with positions so every
//! mistake is reported as `file:line:column: message`, and only ever writes
//! it to store bookmarks ([`bookmarks::Bookmarks`]) and subscriptions
//! ([`feeds`]), through one machinery ([`edit`], on `toml_edit`) so the
//! user's comments, order and formatting survive.
//!
//! Location, first match wins: `--config FILE` (must exist), `$QUOTH_CONFIG`
//! (may be missing: it is created on the first bookmark), `config.toml` in
//! [`default_dir`] (may be missing: defaults).
//!
//! Entry points:
//! - commands: [`load_for_cli`] (settings; warnings printed to stderr; a
//!   broken config is an error, exit 1), or [`open_for_cli`] for the
//!   bookmarks too;
//! - the reader: [`open`] gives [`Loaded`]: settings, warnings (show them in
//!   the status line: stderr is hidden by the alternate screen), the path,
//!   and the bookmarks ([`Loaded::bookmarks`] → [`Bookmarks`], see
//!   [`bookmarks`] for `b`, `B`, `m`). Then [`Loaded::check_keys`] with the
//!   keymap. Reading state (`u`, positions) is [`crate::store::state`].

pub mod bookmarks;
pub mod edit;
pub mod feeds;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use toml_edit::{Document, Item, TableLike};

pub use bookmarks::{Bookmark, Bookmarks};
pub use feeds::Feed;

/// Environment variable naming the config file (tests use it so they never
/// touch the real home).
pub const CONFIG_ENV: &str = "QUOTH_CONFIG";

/// File name of the config in [`default_dir`].
pub const CONFIG_FILE: &str = "config.toml";

/// A config larger than this is refused (a link to `/dev/zero` must not
/// fill the memory); ten thousand bookmarks take about 1.5 MB.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024 * 1024;

/// The top-level settings (outside any table, or tables of their own).
pub const SETTINGS: &[&str] = &["library", "width", "date_format", "layers", "keys", "theme"];

/// Accepted reading widths, in columns.
pub const WIDTH_RANGE: std::ops::RangeInclusive<i64> = 20..=300;

/// Theme elements the config may colour. Unknown names get a warning.
pub const THEME_ELEMENTS: &[&str] = &[
    "text",
    "title",
    "meta",
    "border",
    "focus",
    "selection",
    "status",
    "search",
    "quote",
    "speaker",
    "person",
    "organisation",
    "location",
    "misc",
    "bookmark",
    "unread",
    "error",
];

/// Colour names accepted in the theme: the names ratatui's
/// `Color::from_str` knows, compared after [`normalise_colour_name`].
pub const COLOUR_NAMES: &[&str] = &[
    "reset",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// Which highlight layers the reading pane shows when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layers {
    /// Quotes and entities.
    #[default]
    All,
    /// Quotes and speakers only.
    Quotes,
    /// Named entities only.
    Entities,
    /// Plain text.
    None,
}

impl Layers {
    pub const NAMES: [&'static str; 4] = ["all", "quotes", "entities", "none"];

    pub fn as_str(self) -> &'static str {
        match self {
            Layers::All => "all",
            Layers::Quotes => "quotes",
            Layers::Entities => "entities",
            Layers::None => "none",
        }
    }

    pub fn shows_quotes(self) -> bool {
        matches!(self, Layers::All | Layers::Quotes)
    }

    pub fn shows_entities(self) -> bool {
        matches!(self, Layers::All | Layers::Entities)
    }
}

impl FromStr for Layers {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "all" => Ok(Layers::All),
            "quotes" => Ok(Layers::Quotes),
            "entities" => Ok(Layers::Entities),
            "none" => Ok(Layers::None),
            _ => Err(format!(
                "must be one of {}, found \"{s}\"",
                quoted_list(&Layers::NAMES)
            )),
        }
    }
}

/// Settings the reader and the commands use.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The library's folders (or files), in order: one library. `~` is
    /// expanded; a relative path is taken from the config file's directory.
    /// Empty: the bundled sample library.
    pub library: Vec<PathBuf>,
    /// Reading measure in columns, within [`WIDTH_RANGE`].
    pub width: u16,
    /// strftime-style date format for the list and metadata (checked valid).
    pub date_format: String,
    /// Key name → command name overrides, unchecked here: the TUI validates
    /// them with its keymap.
    pub keys: BTreeMap<String, String>,
    /// Theme colour overrides: element (one of [`THEME_ELEMENTS`]) → colour
    /// name or `#rrggbb` (checked; parse with ratatui's `Color::from_str`).
    pub theme: BTreeMap<String, String>,
    /// Highlight layers shown when an article opens.
    pub layers: Layers,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            library: Vec::new(),
            width: 80,
            date_format: "%Y-%m-%d".to_string(),
            keys: BTreeMap::new(),
            theme: BTreeMap::new(),
            layers: Layers::All,
        }
    }
}

/// A problem that does not stop quoth (an unknown key): shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// A config quoth must not start with (and must not write to).
#[derive(Debug)]
pub enum ConfigError {
    /// `--config FILE` names a file that does not exist.
    NotFound { path: PathBuf },
    /// The file exists but cannot be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not UTF-8, or not TOML: `message` is the TOML parser's.
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid TOML, but a value quoth cannot use.
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl ConfigError {
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::NotFound { path }
            | ConfigError::Read { path, .. }
            | ConfigError::Syntax { path, .. }
            | ConfigError::Invalid { path, .. } => path,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::NotFound { path } => {
                write!(f, "config file {} does not exist", path.display())
            }
            ConfigError::Read { path, source } => {
                write!(f, "cannot read config {}: {source}", path.display())
            }
            ConfigError::Syntax {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "{}:{line}:{column}: invalid TOML: {message}",
                path.display()
            ),
            ConfigError::Invalid {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A loaded config: settings, warnings to show, and the bookmarks it holds.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub settings: Settings,
    pub warnings: Vec<Warning>,
    /// The config file in use (it may not exist yet); `None` only when no
    /// home directory can be found and no path was given.
    pub path: Option<PathBuf>,
    pub bookmarks: Vec<Bookmark>,
    /// Subscriptions (`[[feeds]]`), see [`feeds`].
    pub feeds: Vec<Feed>,
    /// Line and column of each `[keys]` entry, for [`Loaded::check_keys`].
    key_positions: BTreeMap<String, (usize, usize)>,
}

impl Loaded {
    /// Checks each key binding with `check(key, command)` (the TUI's keymap
    /// does the checking) and reports the first bad one as a config error at
    /// its line and column, like every other mistake in the file:
    ///
    /// ```text
    /// loaded.check_keys(|key, command| {
    ///     Keymap::with_overrides(&BTreeMap::from([(key.into(), command.into())])).map(|_| ())
    /// })?;
    /// ```
    pub fn check_keys(
        &self,
        mut check: impl FnMut(&str, &str) -> Result<(), String>,
    ) -> Result<(), ConfigError> {
        for (key, command) in &self.settings.keys {
            if let Err(why) = check(key, command) {
                let (line, column) = self.key_positions.get(key).copied().unwrap_or((1, 1));
                return Err(ConfigError::Invalid {
                    path: self.path.clone().unwrap_or_default(),
                    line,
                    column,
                    message: format!("`keys.{key}`: {why}"),
                });
            }
        }
        Ok(())
    }

    /// The bookmark store for this config (no second read of the file).
    pub fn bookmarks(&self) -> Bookmarks {
        Bookmarks::new(self.path.clone(), self.bookmarks.clone())
    }
}

/// `quoth` directory for the config: `$XDG_CONFIG_HOME/quoth` or
/// `~/.config/quoth` on Linux and on macOS (where terminal users expect it
/// rather than `~/Library/Application Support`), the platform's elsewhere.
pub fn default_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        let xdg = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        if let Some(dir) = xdg {
            return Some(dir.join("quoth"));
        }
        return directories::BaseDirs::new().map(|b| b.home_dir().join(".config").join("quoth"));
    }
    directories::ProjectDirs::from("", "", "quoth").map(|p| p.config_dir().to_path_buf())
}

/// Where the config is, and whether it must exist (only with `--config`).
pub fn location(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = explicit {
        return Some((path.to_path_buf(), true));
    }
    if let Some(env) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(env), false));
    }
    default_dir().map(|d| (d.join(CONFIG_FILE), false))
}

/// Finds and loads the config (see the module docs for the location):
/// settings, warnings for the user, bookmarks. The reader uses this.
pub fn open(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    match location(explicit) {
        Some((path, required)) => load_file(&path, required),
        None => Ok(Loaded {
            settings: Settings::default(),
            warnings: Vec::new(),
            path: None,
            bookmarks: Vec::new(),
            feeds: Vec::new(),
            key_positions: BTreeMap::new(),
        }),
    }
}

/// Loads one file. A missing file gives the defaults unless `required`.
pub fn load_file(path: &Path, required: bool) -> Result<Loaded, ConfigError> {
    let bytes = match crate::article::files::read_capped_io(path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required {
                return Err(ConfigError::NotFound {
                    path: path.to_path_buf(),
                });
            }
            return Ok(Loaded {
                settings: Settings::default(),
                warnings: Vec::new(),
                path: Some(path.to_path_buf()),
                bookmarks: Vec::new(),
                feeds: Vec::new(),
                key_positions: BTreeMap::new(),
            });
        }
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let parsed = parse(path, &bytes)?;
    Ok(Loaded {
        settings: parsed.settings,
        warnings: parsed.warnings,
        path: Some(path.to_path_buf()),
        bookmarks: parsed.bookmarks,
        feeds: parsed.feeds,
        key_positions: parsed.key_positions,
    })
}

/// For the commands: loads the config, prints each warning to stderr
/// (`quoth: warning: FILE:LINE:COL: …`), and turns a broken config into an
/// error (the CLI prints it and exits 1).
pub fn load_for_cli(explicit: Option<&Path>) -> anyhow::Result<Settings> {
    Ok(open_for_cli(explicit)?.settings)
}

/// [`open`] for commands that also need the bookmarks: warnings printed to
/// stderr, a broken config is an error.
pub fn open_for_cli(explicit: Option<&Path>) -> anyhow::Result<Loaded> {
    let loaded = open(explicit)?;
    for line in warning_lines(&loaded.warnings, MAX_WARNINGS_SHOWN) {
        eprintln!("quoth: warning: {line}");
    }
    Ok(loaded)
}

/// Warnings printed one by one; past this, a count.
pub const MAX_WARNINGS_SHOWN: usize = 20;

/// The warnings as printable lines (key names come from the file: escaped),
/// at most `max` of them, then one line counting the rest, so a file of
/// 80,000 unknown keys does not bury the terminal.
pub fn warning_lines(warnings: &[Warning], max: usize) -> Vec<String> {
    let mut lines: Vec<String> = warnings
        .iter()
        .take(max)
        .map(|w| crate::text::escape(&w.to_string()).into_owned())
        .collect();
    if warnings.len() > max {
        let rest = warnings.len() - max;
        let path = warnings[0].path.as_path();
        lines.push(format!(
            "{}: and {} more {}",
            crate::text::escape_path(path),
            crate::text::thousands(rest),
            if rest == 1 { "warning" } else { "warnings" }
        ));
    }
    lines
}

/// Everything read from a config file.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub settings: Settings,
    pub warnings: Vec<Warning>,
    pub bookmarks: Vec<Bookmark>,
    pub feeds: Vec<Feed>,
    /// Line and column of each `[keys]` entry.
    pub key_positions: BTreeMap<String, (usize, usize)>,
}

/// Parses and validates config text; `path` is used in messages and to
/// resolve a relative `library`.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Parsed, ConfigError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by definition.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_col(prefix, prefix.len());
            return Err(ConfigError::Syntax {
                path: path.to_path_buf(),
                line,
                column,
                message: "the file is not valid UTF-8".into(),
            });
        }
    };
    let doc = Document::parse(text.to_string()).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let (line, column) = line_col(text, span.start);
        let mut message = e.message().trim_end().to_string();
        // toml_edit does not say which key; its span does.
        if message == "duplicate key"
            && let Some(key) = text
                .get(span)
                .filter(|k| !k.is_empty() && !k.contains('\n'))
        {
            message = format!("duplicate key `{}`", key.trim());
        }
        ConfigError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    let mut ctx = Ctx {
        path,
        lines: LineIndex::new(text),
        warnings: Vec::new(),
    };
    let mut settings = Settings::default();
    let mut bookmarks = Vec::new();
    let mut feeds = Vec::new();
    let mut key_positions = BTreeMap::new();
    for (key, item) in doc.as_table().iter() {
        let span = doc.as_table().key(key).and_then(|k| k.span());
        match key {
            "library" => settings.library = ctx.library(item, path)?,
            "width" => settings.width = ctx.width(item)?,
            "date_format" => settings.date_format = ctx.date_format(item)?,
            "layers" => {
                let s = ctx.string(item, "layers")?;
                settings.layers = s
                    .parse()
                    .map_err(|why| ctx.err(item.span(), &format!("`layers` {why}")))?;
            }
            "keys" => {
                settings.keys = ctx.string_table(item, "keys")?;
                if let Some(t) = item.as_table_like() {
                    for (k, _) in t.iter() {
                        let at = ctx.lines.line_col(key_span(t, k).map_or(0, |s| s.start));
                        key_positions.insert(k.to_string(), at);
                    }
                }
            }
            "theme" => {
                settings.theme = ctx.string_table(item, "theme")?;
                ctx.check_theme(item)?;
            }
            "bookmarks" => bookmarks = bookmarks::parse_all(&mut ctx, item)?,
            "feeds" => feeds = feeds::parse_all(&mut ctx, item)?,
            other => ctx.warn(span, &format!("unknown key `{other}` (ignored)")),
        }
    }
    Ok(Parsed {
        settings,
        warnings: ctx.warnings,
        bookmarks,
        feeds,
        key_positions,
    })
}

/// `~/x` → home/x; a relative path is relative to the config's directory,
/// so the setting means the same whatever the current directory.
fn resolve_library(config: &Path, value: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    if value == "~"
        && let Some(h) = home()
    {
        return h;
    }
    if let Some(rest) = value.strip_prefix("~/")
        && let Some(h) = home()
    {
        return h.join(rest);
    }
    let p = PathBuf::from(value);
    if p.is_absolute() {
        return p;
    }
    match config.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(p),
        _ => p,
    }
}

/// Validation context: turns spans into line/column for messages.
pub(crate) struct Ctx<'a> {
    path: &'a Path,
    lines: LineIndex<'a>,
    warnings: Vec<Warning>,
}

impl Ctx<'_> {
    pub(crate) fn err(&self, span: Option<Range<usize>>, message: &str) -> ConfigError {
        let (line, column) = self.lines.line_col(span.map_or(0, |s| s.start));
        ConfigError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.to_string(),
        }
    }

    pub(crate) fn warn(&mut self, span: Option<Range<usize>>, message: &str) {
        let (line, column) = self.lines.line_col(span.map_or(0, |s| s.start));
        self.warnings.push(Warning {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.to_string(),
        });
    }

    /// A key of a `[[array]]` table (its `n`th, called `what`) that is not
    /// one of its own: a setting written by hand below the table went into
    /// it, and the warning says so; anything else is unknown.
    pub(crate) fn warn_foreign_key(
        &mut self,
        t: &toml_edit::Table,
        key: &str,
        array: &str,
        what: &str,
        n: usize,
    ) {
        let span = key_span(t, key);
        let message = if SETTINGS.contains(&key) {
            format!(
                "`{key}` is inside {what} {n}: in TOML every line after a [[{array}]] header belongs to that {what}; move `{key}` above the first [[{array}]] to set it (ignored)"
            )
        } else {
            format!("unknown key `{array}.{key}` (ignored)")
        };
        self.warn(span, &message);
    }

    pub(crate) fn string<'i>(&self, item: &'i Item, name: &str) -> Result<&'i str, ConfigError> {
        item.as_str()
            .ok_or_else(|| self.err(item.span(), &wrong_type(name, "a string", item)))
    }

    /// `library = "~/news"` or `library = ["~/news", "~/archive"]`.
    fn library(&self, item: &Item, config: &Path) -> Result<Vec<PathBuf>, ConfigError> {
        let one = |v: &toml_edit::Value| -> Result<PathBuf, ConfigError> {
            let s = v.as_str().ok_or_else(|| {
                self.err(
                    v.span(),
                    &format!(
                        "`library` entries must be strings (folders), found {}",
                        v.type_name()
                    ),
                )
            })?;
            if s.is_empty() {
                return Err(self.err(v.span(), "`library` has an empty folder name"));
            }
            Ok(resolve_library(config, s))
        };
        if let Some(v) = item.as_value() {
            if let Some(list) = v.as_array() {
                let mut out = Vec::new();
                for v in list.iter() {
                    let p = one(v)?;
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
                if out.is_empty() {
                    return Err(self.err(
                        item.span(),
                        "`library` is an empty list (leave it out for the bundled sample library)",
                    ));
                }
                return Ok(out);
            }
            if v.is_str() {
                return Ok(vec![one(v)?]);
            }
        }
        Err(self.err(
            item.span(),
            &wrong_type("library", "a folder or a list of folders", item),
        ))
    }

    fn width(&self, item: &Item) -> Result<u16, ConfigError> {
        let w = item
            .as_integer()
            .ok_or_else(|| self.err(item.span(), &wrong_type("width", "an integer", item)))?;
        if !WIDTH_RANGE.contains(&w) {
            return Err(self.err(
                item.span(),
                &format!(
                    "`width` must be between {} and {} columns, found {w}",
                    WIDTH_RANGE.start(),
                    WIDTH_RANGE.end()
                ),
            ));
        }
        // In range, so it fits.
        Ok(u16::try_from(w).unwrap_or(u16::MAX))
    }

    fn date_format(&self, item: &Item) -> Result<String, ConfigError> {
        let s = self.string(item, "date_format")?;
        check_date_format(s).map_err(|why| self.err(item.span(), &why))?;
        Ok(s.to_string())
    }

    fn string_table(
        &self,
        item: &Item,
        name: &str,
    ) -> Result<BTreeMap<String, String>, ConfigError> {
        let table = item
            .as_table_like()
            .ok_or_else(|| self.err(item.span(), &wrong_type(name, "a table", item)))?;
        let mut out = BTreeMap::new();
        for (k, v) in table.iter() {
            let s = self.string(v, &format!("{name}.{k}"))?;
            out.insert(k.to_string(), s.to_string());
        }
        Ok(out)
    }

    fn check_theme(&mut self, item: &Item) -> Result<(), ConfigError> {
        let Some(table) = item.as_table_like() else {
            return Ok(());
        };
        for (k, v) in table.iter() {
            let colour = v.as_str().unwrap_or_default();
            if !is_colour(colour) {
                return Err(self.err(
                    v.span(),
                    &format!(
                        "`theme.{k}`: unknown colour \"{colour}\" (use a name such as \"light blue\", or #rrggbb)"
                    ),
                ));
            }
            if !THEME_ELEMENTS.contains(&k) {
                let span = key_span(table, k);
                self.warn(
                    span,
                    &format!(
                        "unknown theme element `theme.{k}` (ignored; known: {})",
                        THEME_ELEMENTS.join(", ")
                    ),
                );
            }
        }
        Ok(())
    }
}

/// The tables of a `[[name]]` array (none for `name = []`), or the error
/// for anything else written under that name.
pub(crate) fn tables_of<'i>(
    ctx: &Ctx<'_>,
    item: &'i Item,
    name: &str,
) -> Result<Vec<&'i toml_edit::Table>, ConfigError> {
    match item {
        Item::ArrayOfTables(a) => Ok(a.iter().collect()),
        Item::Value(toml_edit::Value::Array(a)) if a.is_empty() => Ok(Vec::new()),
        Item::Value(toml_edit::Value::Array(_)) => Err(ctx.err(
            item.span(),
            &format!("`{name}` must be written as [[{name}]] tables, not an inline array"),
        )),
        other => Err(ctx.err(
            other.span(),
            &wrong_type(name, &format!("[[{name}]] tables"), other),
        )),
    }
}

pub(crate) fn key_span(table: &dyn TableLike, key: &str) -> Option<Range<usize>> {
    table.get_key_value(key).and_then(|(k, _)| k.span())
}

pub(crate) fn wrong_type(name: &str, expected: &str, item: &Item) -> String {
    format!("`{name}` must be {expected}, found {}", describe(item))
}

fn describe(item: &Item) -> String {
    let t = item.type_name();
    let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {t}")
}

/// Line and column of many offsets in one text without rescanning it: the
/// line starts are found once (a count from the start for every warning
/// made a file of unknown keys quadratic). Columns are counted from the
/// line start, or from the previous offset on the same line, so a long
/// line of keys stays linear too.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// The last answer: (offset, line index, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last_off, last_line, last_col) = self.last.get();
        let (from, col) = if last_line == line && last_off <= offset {
            (last_off, last_col)
        } else {
            (self.starts[line], 1)
        };
        let column = col + self.text[from..offset].chars().count();
        self.last.set((offset, line, column));
        (line + 1, column)
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// ratatui's spelling rules for colour names: case, spaces, `-`, `_`,
/// bright/light, grey/gray, silver…
pub fn normalise_colour_name(s: &str) -> String {
    s.to_lowercase()
        .replace([' ', '-', '_'], "")
        .replace("bright", "light")
        .replace("grey", "gray")
        .replace("silver", "gray")
        .replace("lightblack", "darkgray")
        .replace("lightwhite", "white")
        .replace("lightgray", "white")
}

/// A colour name ratatui knows, or `#rrggbb`.
pub fn is_colour(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix('#') {
        return hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    COLOUR_NAMES.contains(&normalise_colour_name(s).as_str())
}

/// A date format chrono can use, without `Item::Error` parts.
pub fn check_date_format(fmt: &str) -> Result<(), String> {
    if fmt.is_empty() {
        return Err("`date_format` is empty".into());
    }
    chrono::format::StrftimeItems::new(fmt)
        .parse()
        .map(|_| ())
        .map_err(|_| {
            format!("`date_format` \"{fmt}\" is not a valid strftime format (e.g. \"%Y-%m-%d\")")
        })
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Parsed, ConfigError> {
        parse(Path::new("/c/config.toml"), text.as_bytes())
    }

    #[test]
    fn empty_is_default() {
        let p = parse_str("").unwrap();
        assert_eq!(p.settings, Settings::default());
        assert!(p.warnings.is_empty() && p.bookmarks.is_empty());
    }

    #[test]
    fn values_are_read() {
        let p = parse_str(
            "library = \"news\"\nwidth = 72\nlayers = \"quotes\"\ndate_format = \"%d/%m/%Y\"\n\
             [keys]\nj = \"down\"\n[theme]\nquote = \"Bright Blue\"\nspeaker = \"#A0b0c0\"\n",
        )
        .unwrap();
        let s = p.settings;
        assert_eq!(s.library, vec![PathBuf::from("/c/news")]);
        assert_eq!(s.width, 72);
        assert_eq!(s.layers, Layers::Quotes);
        assert_eq!(s.date_format, "%d/%m/%Y");
        assert_eq!(s.keys["j"], "down");
        assert_eq!(s.theme["quote"], "Bright Blue");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn library_is_one_folder_or_a_list() {
        let p = parse_str("library = [\"a\", \"/b\", \"a\"]\n").unwrap();
        assert_eq!(
            p.settings.library,
            vec![PathBuf::from("/c/a"), PathBuf::from("/b")]
        );
        let e = parse_str("library = []\n").unwrap_err().to_string();
        assert!(e.contains("empty list"), "{e}");
        let e = parse_str("library = [\"a\", 3]\n").unwrap_err().to_string();
        assert!(
            e.starts_with("/c/config.toml:1:17:") && e.contains("strings"),
            "{e}"
        );
        let e = parse_str("library = \"\"\n").unwrap_err().to_string();
        assert!(e.contains("empty folder name"), "{e}");
        let e = parse_str("library = 3\n").unwrap_err().to_string();
        assert!(e.contains("a folder or a list of folders"), "{e}");
    }

    #[test]
    fn unknown_key_warns_with_position() {
        let p = parse_str("width = 80\n  colour = \"red\"\n").unwrap();
        assert_eq!(p.warnings.len(), 1);
        let w = &p.warnings[0];
        assert_eq!((w.line, w.column), (2, 3));
        assert!(w.message.contains("`colour`"), "{}", w.message);
    }

    #[test]
    fn errors_have_positions() {
        let e = parse_str("width = 80\nwidth = 5\n").unwrap_err();
        assert!(matches!(e, ConfigError::Syntax { line: 2, .. }), "{e}");
        let e = parse_str("\n\nwidth = 5\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "/c/config.toml:3:9: `width` must be between 20 and 300 columns, found 5"
        );
        let e = parse(Path::new("c.toml"), b"a = \"\xff\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml:1:6: invalid TOML: the file is not valid UTF-8"
        );
    }

    #[test]
    fn key_errors_point_at_the_binding() {
        let text = "[keys]\nj = \"down\"\n  \"ctrl-q\" = \"fly\"\n";
        let p = parse_str(text).unwrap();
        let loaded = Loaded {
            settings: p.settings,
            warnings: p.warnings,
            path: Some(PathBuf::from("/c/config.toml")),
            bookmarks: p.bookmarks,
            feeds: p.feeds,
            key_positions: p.key_positions,
        };
        let e = loaded
            .check_keys(|_, cmd| match cmd {
                "down" => Ok(()),
                other => Err(format!("unknown command \"{other}\"")),
            })
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "/c/config.toml:3:3: `keys.ctrl-q`: unknown command \"fly\""
        );
        assert!(loaded.check_keys(|_, _| Ok(())).is_ok());
    }

    #[test]
    fn colours_and_dates() {
        for ok in [
            "red",
            "Light Blue",
            "bright-cyan",
            "grey",
            "dark_gray",
            "#00ff7F",
        ] {
            assert!(is_colour(ok), "{ok}");
        }
        for bad in ["", "#fff", "#gg0000", "purple", "12"] {
            assert!(!is_colour(bad), "{bad}");
        }
        assert!(check_date_format("%e %b %Y, %H:%M").is_ok());
        assert!(check_date_format("%Q").is_err());
        assert!(check_date_format("%").is_err());
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é = 1", 3), (1, 3));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
        let text = "é = 1\nab = { x = 1, y = 2 }\n\nz";
        let ix = LineIndex::new(text);
        for off in [0, 3, 4, 7, 8, 15, 9, 22, 30, 31, 40, 2, 1] {
            assert_eq!(ix.line_col(off), line_col(text, off), "{off}");
        }
    }
}
