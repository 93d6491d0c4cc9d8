//! The People screen (`P`): every speaker across the library, most quoted
//! first, with how many quotes and in how many articles; `/` narrows the
//! list by name; Enter shows all of a speaker's quotes, each with its
//! article and date; Enter on a quote opens the article at it.
//!
//! Its own component, gitui style: its state, its keys, its drawing
//! (`view::people`); it answers the `App` with an [`Action`].

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keymap::{Command, Key, Keymap};
use crate::library::index::{Index, LibraryQuote, Speaker, name_key};

/// Speakers listed at most (the filter finds the others).
pub const MAX_SPEAKERS: usize = 2000;

/// A speaker's quotes shown at most, newest first (`quoth quotes` prints
/// them all).
pub const MAX_QUOTES: usize = 2000;

/// What the App must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    /// Leave the People screen.
    Close,
    /// Open an article (index key and id) at a byte offset of its body.
    Open {
        key: i64,
        id: String,
        start: usize,
    },
}

/// One speaker's quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerQuotes {
    pub speaker: Speaker,
    pub quotes: Vec<LibraryQuote>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeopleView {
    /// The name filter as typed.
    pub filter: String,
    /// Keys go to the filter.
    pub editing: bool,
    pub speakers: Vec<Speaker>,
    /// Speakers in the library (unfiltered).
    pub total: usize,
    pub selected: usize,
    /// A speaker's quotes, when one is chosen.
    pub detail: Option<SpeakerQuotes>,
    /// How long the last query took.
    pub took: Duration,
    /// What went wrong with the last query, if anything.
    pub error: Option<String>,
    /// The library's folders (index root keys) whose quotes are shown.
    roots: Vec<String>,
}

impl PeopleView {
    /// Opens the screen: the most quoted speakers.
    pub fn open(index: &Index, roots: Vec<String>) -> PeopleView {
        let mut v = PeopleView {
            filter: String::new(),
            editing: false,
            speakers: Vec::new(),
            total: 0,
            selected: 0,
            detail: None,
            took: Duration::ZERO,
            error: None,
            roots,
        };
        v.total = index.speaker_count().unwrap_or(0);
        v.query(index);
        v
    }

    fn query(&mut self, index: &Index) {
        let started = Instant::now();
        match index.speakers(&self.filter, MAX_SPEAKERS) {
            Ok(s) => {
                self.speakers = s;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{e:#}")),
        }
        self.took = started.elapsed();
        self.selected = self.selected.min(self.speakers.len().saturating_sub(1));
    }

    fn choose(&mut self, index: &Index) {
        let Some(s) = self.speakers.get(self.selected).cloned() else {
            return;
        };
        let started = Instant::now();
        match index.quotes_limited(Some(&name_key(&s.key)), None, &self.roots, MAX_QUOTES) {
            Ok(quotes) => {
                self.detail = Some(SpeakerQuotes {
                    speaker: s,
                    quotes,
                    selected: 0,
                });
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{e:#}")),
        }
        self.took = started.elapsed();
    }

    /// A key. `page` is the number of rows shown.
    pub fn key(
        &mut self,
        ev: &KeyEvent,
        key: Key,
        keymap: &Keymap,
        index: &Index,
        page: usize,
    ) -> Action {
        if self.editing {
            match ev.code {
                KeyCode::Esc => {
                    self.editing = false;
                    self.filter.clear();
                }
                KeyCode::Enter => self.editing = false,
                KeyCode::Backspace => {
                    self.filter.pop();
                }
                KeyCode::Char('u') if key.ctrl => self.filter.clear(),
                KeyCode::Char(c) if !key.ctrl && !key.alt => self.filter.push(c),
                _ => return Action::None,
            }
            self.selected = 0;
            self.query(index);
            return Action::None;
        }
        let Some(command) = keymap.command(key) else {
            return Action::None;
        };
        let (len, pos) = match &mut self.detail {
            Some(d) => (d.quotes.len(), &mut d.selected),
            None => (self.speakers.len(), &mut self.selected),
        };
        let last = len.saturating_sub(1);
        let page = page.max(1);
        match command {
            Command::Down => *pos = (*pos + 1).min(last),
            Command::Up => *pos = pos.saturating_sub(1),
            Command::PageDown | Command::HalfDown => *pos = (*pos + page).min(last),
            Command::PageUp | Command::HalfUp => *pos = pos.saturating_sub(page),
            Command::Top => *pos = 0,
            Command::Bottom => *pos = last,
            Command::Search if self.detail.is_none() => self.editing = true,
            Command::Open => match &self.detail {
                None => self.choose(index),
                Some(d) => {
                    if let Some(q) = d.quotes.get(d.selected) {
                        return Action::Open {
                            key: q.article,
                            id: q.id.clone(),
                            start: q.start,
                        };
                    }
                }
            },
            // from a speaker's quotes back to the people (the guard's take
            // closes them); from the people, the filter goes, then the screen
            Command::Back | Command::SwitchFocus if self.detail.take().is_none() => {
                if self.filter.is_empty() {
                    return Action::Close;
                }
                self.filter.clear();
                self.query(index);
            }
            Command::People | Command::Quit => return Action::Close,
            _ => {}
        }
        Action::None
    }
}
