//! The one keymap table: key → command. The help overlay, the hint bar and
//! the config's `[keys]` overrides all go through it.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can do in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Down,
    Up,
    Open,
    SwitchFocus,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    Search,
    NextMatch,
    PrevMatch,
    Back,
    NextQuote,
    PrevQuote,
    NextSpeaker,
    PrevSpeaker,
    Speakers,
    Entities,
    Layers,
    Help,
    Problems,
    ToggleBookmark,
    BookmarksOnly,
    EditNote,
    ToggleRead,
    LibrarySearch,
    Sort,
    NextUnread,
    MarkAllRead,
    People,
    Reload,
    Fetch,
    OpenInBrowser,
    CopyQuote,
    Quit,
}

impl Command {
    /// Every command with its config name and help text, in help order.
    pub const ALL: [(Command, &'static str, &'static str); 37] = [
        (Command::Down, "down", "move down / scroll the text"),
        (Command::Up, "up", "move up / scroll the text"),
        (Command::Open, "open", "open the selected article"),
        (
            Command::SwitchFocus,
            "switch-focus",
            "switch focus list ⇄ reader",
        ),
        (Command::PageDown, "page-down", "page down"),
        (Command::PageUp, "page-up", "page up"),
        (Command::HalfDown, "half-page-down", "half a page down"),
        (Command::HalfUp, "half-page-up", "half a page up"),
        (Command::Top, "top", "go to the top"),
        (Command::Bottom, "bottom", "go to the bottom"),
        (Command::Search, "search", "search the article"),
        (
            Command::NextMatch,
            "next-match",
            "next match, or chosen quote/mention",
        ),
        (
            Command::PrevMatch,
            "prev-match",
            "previous match, quote or mention",
        ),
        (Command::Back, "back", "clear, close, back to the list"),
        (Command::NextQuote, "next-quote", "next quote"),
        (Command::PrevQuote, "prev-quote", "previous quote"),
        (
            Command::NextSpeaker,
            "next-speaker",
            "next quote by another speaker",
        ),
        (
            Command::PrevSpeaker,
            "prev-speaker",
            "previous quote by another speaker",
        ),
        (
            Command::Speakers,
            "speakers",
            "speakers: choose whose quotes n walks",
        ),
        (
            Command::Entities,
            "entities",
            "entities: choose what n walks",
        ),
        (
            Command::Layers,
            "layers",
            "highlights: all/quotes/entities/plain",
        ),
        (Command::Help, "help", "this help"),
        (
            Command::Problems,
            "problems",
            "files that could not be read",
        ),
        (
            Command::ToggleBookmark,
            "toggle-bookmark",
            "bookmark / unbookmark (keeps the paragraph)",
        ),
        (
            Command::BookmarksOnly,
            "bookmarks-only",
            "show only bookmarks ⇄ all articles",
        ),
        (
            Command::EditNote,
            "edit-note",
            "edit the bookmark's one-line note",
        ),
        (Command::ToggleRead, "toggle-read", "mark read / unread"),
        (
            Command::LibrarySearch,
            "library-search",
            "search the library: words, unread, source:, speaker:…",
        ),
        (
            Command::Sort,
            "sort",
            "sort the list by date / title / source",
        ),
        (
            Command::NextUnread,
            "next-unread",
            "open the next unread article",
        ),
        (
            Command::MarkAllRead,
            "mark-all-read",
            "mark every listed article read (twice)",
        ),
        (
            Command::People,
            "people",
            "people: every speaker across the library",
        ),
        (
            Command::Reload,
            "reload",
            "look for new and changed files now",
        ),
        (
            Command::Fetch,
            "fetch",
            "fetch the subscribed feeds (quoth feeds add URL)",
        ),
        (
            Command::OpenInBrowser,
            "open-in-browser",
            "open the article's web page in the browser",
        ),
        (
            Command::CopyQuote,
            "copy-quote",
            "copy the quote with its speaker, title and address",
        ),
        (Command::Quit, "quit", "quit"),
    ];

    pub fn name(self) -> &'static str {
        Self::entry(self).1
    }

    pub fn help(self) -> &'static str {
        Self::entry(self).2
    }

    fn entry(self) -> (Command, &'static str, &'static str) {
        Self::ALL
            .into_iter()
            .find(|e| e.0 == self)
            .unwrap_or((self, "", ""))
    }

    pub fn parse(name: &str) -> Option<Command> {
        Self::ALL.into_iter().find(|e| e.1 == name).map(|e| e.0)
    }
}

/// A key with the modifiers that matter (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut code = ev.code;
        // Terminals report Shift-Tab as BackTab, and capitals with Shift: fold both.
        if let KeyCode::Char(c) = code
            && ev.modifiers.contains(KeyModifiers::CONTROL)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
        }
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses "j", "G", "ctrl-f", "pagedown", "enter", "space", "?", "alt-x", "f1".
    pub fn parse(name: &str) -> Result<Key, String> {
        let bad = || {
            format!(
                "unknown key name {name:?} (names look like \"j\", \"G\", \"?\", \"ctrl-f\", \"alt-x\", \"enter\", \"space\", \"tab\", \"esc\", \"pagedown\", \"up\", \"f1\")"
            )
        };
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = name;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                ctrl = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else if rest.chars().count() > 1
                && (lower.starts_with("alt-") || lower.starts_with("m-"))
            {
                alt = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            (None, _) => return Err(bad()),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "space" => KeyCode::Char(' '),
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "esc" | "escape" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Key → command, in a fixed order (the help lists keys in this order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Command)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Command as C;
        use KeyCode as K;
        let bindings = vec![
            (Key::ch('j'), C::Down),
            (Key::plain(K::Down), C::Down),
            (Key::ch('k'), C::Up),
            (Key::plain(K::Up), C::Up),
            (Key::plain(K::Enter), C::Open),
            (Key::ch('l'), C::Open),
            (Key::plain(K::Right), C::Open),
            (Key::plain(K::Tab), C::SwitchFocus),
            (Key::plain(K::BackTab), C::SwitchFocus),
            (Key::ch('h'), C::SwitchFocus),
            (Key::plain(K::Left), C::SwitchFocus),
            (Key::ch(' '), C::PageDown),
            (Key::plain(K::PageDown), C::PageDown),
            (Key::ctrl('f'), C::PageDown),
            (Key::plain(K::PageUp), C::PageUp),
            (Key::ctrl('b'), C::PageUp),
            (Key::ctrl('d'), C::HalfDown),
            (Key::ctrl('u'), C::HalfUp),
            (Key::ch('g'), C::Top),
            (Key::plain(K::Home), C::Top),
            (Key::ch('G'), C::Bottom),
            (Key::plain(K::End), C::Bottom),
            (Key::ch('/'), C::Search),
            (Key::ch('n'), C::NextMatch),
            (Key::ch('N'), C::PrevMatch),
            (Key::plain(K::Esc), C::Back),
            (Key::ch(']'), C::NextQuote),
            (Key::ch('['), C::PrevQuote),
            (Key::ch('}'), C::NextSpeaker),
            (Key::ch('{'), C::PrevSpeaker),
            (Key::ch('s'), C::Speakers),
            (Key::ch('e'), C::Entities),
            (Key::ch('v'), C::Layers),
            (Key::ch('?'), C::Help),
            (Key::ch('!'), C::Problems),
            (Key::ch('b'), C::ToggleBookmark),
            (Key::ch('B'), C::BookmarksOnly),
            (Key::ch('m'), C::EditNote),
            (Key::ch('u'), C::ToggleRead),
            (Key::ch('f'), C::LibrarySearch),
            (Key::ch('S'), C::Sort),
            (Key::ch('U'), C::NextUnread),
            (Key::ch('A'), C::MarkAllRead),
            (Key::ch('P'), C::People),
            (Key::ch('r'), C::Reload),
            (Key::ch('R'), C::Fetch),
            (Key::ch('o'), C::OpenInBrowser),
            (Key::ch('y'), C::CopyQuote),
            (Key::ch('q'), C::Quit),
            (Key::ctrl('c'), C::Quit),
        ];
        Keymap { bindings }
    }
}

/// Checks one `[keys]` entry (key name and command name), as the config
/// loader asks: the error says what is wrong with it.
pub fn check_binding(key: &str, command: &str) -> Result<(), String> {
    Keymap::with_overrides(&BTreeMap::from([(key.to_string(), command.to_string())])).map(|_| ())
}

impl Keymap {
    /// The default keymap with the config's `[keys]` table applied: each entry
    /// binds a key name to a command name ("none" unbinds the key).
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (key_name, command_name) in overrides {
            let key = Key::parse(key_name)?;
            let command = match command_name.as_str() {
                "none" => None,
                name => Some(Command::parse(name).ok_or_else(|| {
                    format!(
                        "unknown command {name:?} (known: {}, none)",
                        Command::ALL.map(|e| e.1).join(", ")
                    )
                })?),
            };
            // the user's own keys come first, so the hint bar and the help
            // show them rather than a default ("x quit", not "Ctrl-c quit")
            map.bindings.retain(|(k, _)| *k != key);
            if let Some(c) = command {
                map.bindings.insert(0, (key, c));
            }
        }
        Ok(map)
    }

    pub fn command(&self, key: Key) -> Option<Command> {
        // Ctrl-c always quits, whatever the config says: a user must never be stuck.
        if key == Key::ctrl('c') {
            return Some(Command::Quit);
        }
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| *c)
    }

    /// Keys bound to a command, in table order.
    pub fn keys_for(&self, command: Command) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| *k)
            .collect()
    }

    pub fn bindings(&self) -> &[(Key, Command)] {
        &self.bindings
    }

    /// Help rows: the keys of each command, then what it does.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        Command::ALL
            .iter()
            .filter_map(|(c, _, help)| {
                let keys = self.keys_for(*c);
                (!keys.is_empty()).then(|| {
                    let names: Vec<String> = keys.iter().map(Key::to_string).collect();
                    (names.join(" "), *help)
                })
            })
            .collect()
    }

    /// A short summary for the hint bar: first key of the commonest commands,
    /// help and quit last (the hint bar always keeps those two).
    pub fn hint(&self) -> Vec<(String, &'static str)> {
        let wanted = [
            (Command::Down, "move"),
            (Command::Open, "open"),
            (Command::SwitchFocus, "focus"),
            (Command::Search, "search"),
            (Command::LibrarySearch, "find"),
            (Command::People, "people"),
            (Command::NextQuote, "quote"),
            (Command::NextSpeaker, "speaker"),
            (Command::Speakers, "speakers"),
            (Command::Entities, "entities"),
            (Command::Layers, "layers"),
            (Command::Help, "help"),
            (Command::Quit, "quit"),
        ];
        wanted
            .iter()
            .filter_map(|(c, label)| {
                let keys = self.keys_for(*c);
                let first = keys.first()?;
                let pair = match c {
                    Command::Down => self
                        .keys_for(Command::Up)
                        .first()
                        .map(|k| format!("{first}/{k}")),
                    Command::NextQuote => self
                        .keys_for(Command::PrevQuote)
                        .first()
                        .map(|k| format!("{first}{k}")),
                    Command::NextSpeaker => self
                        .keys_for(Command::PrevSpeaker)
                        .first()
                        .map(|k| format!("{first}{k}")),
                    _ => None,
                };
                Some((pair.unwrap_or_else(|| first.to_string()), *label))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_key_names() {
        assert_eq!(Key::parse("j"), Ok(Key::ch('j')));
        assert_eq!(Key::parse("G"), Ok(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-f"), Ok(Key::ctrl('f')));
        assert_eq!(Key::parse("Ctrl-F"), Ok(Key::ctrl('f')));
        assert_eq!(Key::parse("pagedown"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("enter"), Ok(Key::plain(KeyCode::Enter)));
        assert_eq!(Key::parse("space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("?"), Ok(Key::ch('?')));
        assert_eq!(Key::parse("-"), Ok(Key::ch('-')));
        assert_eq!(Key::parse("f5"), Ok(Key::plain(KeyCode::F(5))));
        assert!(Key::parse("hyperspace").unwrap_err().contains("hyperspace"));
        assert!(Key::parse("").is_err());
        assert!(Key::parse("f13").is_err());
    }

    #[test]
    fn every_command_name_round_trips() {
        for (c, name, help) in Command::ALL {
            assert_eq!(Command::parse(name), Some(c));
            assert_eq!(c.name(), name);
            assert!(!help.is_empty());
        }
    }

    #[test]
    fn overrides_rebind_add_and_unbind() {
        let mut o = BTreeMap::new();
        o.insert("x".to_string(), "quit".to_string());
        o.insert("q".to_string(), "none".to_string());
        o.insert("j".to_string(), "next-quote".to_string());
        let map = Keymap::with_overrides(&o).unwrap();
        assert_eq!(map.command(Key::ch('x')), Some(Command::Quit));
        assert_eq!(map.command(Key::ch('q')), None);
        assert_eq!(map.command(Key::ch('j')), Some(Command::NextQuote));
        assert_eq!(map.command(Key::ctrl('c')), Some(Command::Quit));
    }

    #[test]
    fn overrides_report_unknown_key_or_command() {
        let mut o = BTreeMap::new();
        o.insert("ctrl-zz".to_string(), "quit".to_string());
        let e = Keymap::with_overrides(&o).unwrap_err();
        assert!(
            e.contains("unknown key name") && e.contains("ctrl-zz"),
            "{e}"
        );
        let mut o = BTreeMap::new();
        o.insert("x".to_string(), "explode".to_string());
        let e = Keymap::with_overrides(&o).unwrap_err();
        assert!(
            e.contains("unknown command") && e.contains("explode"),
            "{e}"
        );
    }

    #[test]
    fn shifted_and_ctrl_events_fold() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().command(Key::from_event(&ev)),
            Some(Command::Bottom)
        );
        let ev = KeyEvent::new(
            KeyCode::Char('F'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(&ev), Key::ctrl('f'));
    }

    #[test]
    fn help_lists_every_bound_command() {
        let rows = Keymap::default().help_rows();
        assert_eq!(rows.len(), Command::ALL.len());
        assert!(rows.iter().any(|(k, _)| k == "Space PgDn Ctrl-f"));
    }
}
