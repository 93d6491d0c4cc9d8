//! Library search, from the list pane: words searched in every title and
//! body (the index's full-text search), plus filters and a sort order,
//! typed on one line:
//!
//! ```text
//! open source unread source:AFP lang:fr since:2024-01-01 speaker:"Arthur Mensch" sort:title
//! ```
//!
//! Its own component: its state, its keys (while typing), and the query
//! language; the list pane shows what it lets through.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keymap::Key;
use crate::library::index::Index;
use crate::library::{Entry, SortOrder};

/// A parsed search line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Words looked for in titles and bodies.
    pub words: String,
    pub unread: bool,
    pub bookmarked: bool,
    pub source: Option<String>,
    pub language: Option<String>,
    pub since: Option<DateTime<FixedOffset>>,
    /// Up to and including this day.
    pub until: Option<DateTime<FixedOffset>>,
    pub speaker: Option<String>,
    pub entity: Option<String>,
    pub sort: Option<SortOrder>,
}

impl Query {
    /// Parses a search line. An unknown `name:` or a bad date is an error
    /// that says what is accepted.
    pub fn parse(line: &str) -> Result<Query, String> {
        let mut q = Query::default();
        let mut words = Vec::new();
        for token in tokens(line) {
            let Some((name, value)) = token
                .split_once(':')
                .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphabetic()))
            else {
                match token.to_lowercase().as_str() {
                    "unread" | "is:unread" => q.unread = true,
                    "bookmarked" | "★" => q.bookmarked = true,
                    _ => words.push(token),
                }
                continue;
            };
            let value = value.trim();
            let need = |v: &str| {
                if v.is_empty() {
                    Err(format!("{name}: needs a value"))
                } else {
                    Ok(v.to_string())
                }
            };
            match name.to_lowercase().as_str() {
                "is" => match value.to_lowercase().as_str() {
                    "unread" => q.unread = true,
                    "bookmarked" | "bookmark" => q.bookmarked = true,
                    other => return Err(format!("is:{other}: use is:unread or is:bookmarked")),
                },
                "source" => q.source = Some(need(value)?),
                "lang" | "language" => q.language = Some(need(value)?.to_lowercase()),
                "since" | "from" => q.since = Some(day(value, false)?),
                "until" | "to" => q.until = Some(day(value, true)?),
                "speaker" | "by" => q.speaker = Some(need(value)?),
                "entity" | "about" => q.entity = Some(need(value)?),
                "sort" => {
                    q.sort = Some(SortOrder::parse(&value.to_lowercase()).ok_or_else(|| {
                        format!("sort:{value}: use {}", SortOrder::NAMES.join(", "))
                    })?);
                }
                other => {
                    return Err(format!(
                        "{other}: unknown filter (is:unread, is:bookmarked, source:, lang:, since:, until:, speaker:, entity:, sort:)"
                    ));
                }
            }
        }
        q.words = words.join(" ");
        Ok(q)
    }

    /// Whether anything filters.
    pub fn filters(&self) -> bool {
        !self.words.trim().is_empty()
            || self.unread
            || self.bookmarked
            || self.source.is_some()
            || self.language.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.speaker.is_some()
            || self.entity.is_some()
    }
}

/// Words and `name:value` tokens; double quotes keep spaces in a value.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A day (YYYY-MM-DD, or YYYY-MM, or YYYY) as its first or last instant.
fn day(value: &str, end: bool) -> Result<DateTime<FixedOffset>, String> {
    let bad = || format!("{value:?}: dates are YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = match parts.as_slice() {
        [y] => (num(y)?, if end { 12 } else { 1 }, None),
        [y, m] => (num(y)?, num(m)?, None),
        [y, m, d] => (num(y)?, num(m)?, Some(num(d)?)),
        _ => return Err(bad()),
    };
    let y = i32::try_from(y).map_err(|_| bad())?;
    let date = match d {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d),
        None if end => NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .and_then(|n| n.pred_opt()),
        None => NaiveDate::from_ymd_opt(y, m, 1),
    }
    .ok_or_else(bad)?;
    let t = if end {
        date.and_hms_opt(23, 59, 59)
    } else {
        date.and_hms_opt(0, 0, 0)
    }
    .ok_or_else(bad)?;
    Ok(Utc.from_utc_datetime(&t).fixed_offset())
}

/// The library search's state.
#[derive(Debug, Clone, Default)]
pub struct LibrarySearch {
    /// The line as typed.
    pub input: String,
    /// Keys go to the line.
    pub editing: bool,
    /// The query in force (the last line that parsed).
    pub query: Query,
    /// What the index let through for words, speaker and entity (indices
    /// into `App::articles`); `None` when the query has none of them.
    allowed: Option<HashSet<usize>>,
    /// What is wrong with the line, if it does not parse.
    pub error: Option<String>,
    /// How long the index took to answer.
    pub took: Option<Duration>,
}

/// What a key did to the search line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The line changed: run the query again.
    Changed,
    /// Enter: keep the results, back to the list.
    Kept,
    /// Esc: the search is gone.
    Cleared,
    Ignored,
}

impl LibrarySearch {
    /// A query filters the list.
    pub fn is_active(&self) -> bool {
        self.query.filters()
    }

    /// Starts typing (the line keeps what was there, to refine it).
    pub fn start(&mut self) {
        self.editing = true;
    }

    pub fn clear(&mut self) {
        *self = LibrarySearch::default();
    }

    /// A key while typing.
    pub fn key(&mut self, ev: &KeyEvent, key: Key) -> Outcome {
        match ev.code {
            KeyCode::Esc => {
                self.clear();
                Outcome::Cleared
            }
            KeyCode::Enter => {
                self.editing = false;
                Outcome::Kept
            }
            KeyCode::Backspace => {
                self.input.pop();
                Outcome::Changed
            }
            KeyCode::Char('u') if key.ctrl => {
                self.input.clear();
                Outcome::Changed
            }
            KeyCode::Char(c) if !key.ctrl && !key.alt => {
                self.input.push(c);
                Outcome::Changed
            }
            _ => Outcome::Ignored,
        }
    }

    /// Parses the line and asks the index (or, without one, the bodies in
    /// memory) for the parts it answers. A line that does not parse keeps
    /// the previous query and says why.
    pub fn run(
        &mut self,
        index: Option<&Index>,
        articles: &[Entry],
        bodies: &dyn Fn(usize) -> Option<String>,
        by_key: &dyn Fn(i64) -> Option<usize>,
    ) {
        let query = match Query::parse(&self.input) {
            Ok(q) => q,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        self.error = None;
        let started = Instant::now();
        let mut allowed: Option<HashSet<usize>> = None;
        let mut narrow = |set: HashSet<usize>| {
            allowed = Some(match allowed.take() {
                None => set,
                Some(a) => a.intersection(&set).copied().collect(),
            });
        };
        let keys = |r: anyhow::Result<Vec<i64>>, what: &str| -> Result<HashSet<usize>, String> {
            r.map(|ks| ks.into_iter().filter_map(by_key).collect())
                .map_err(|e| format!("{what}: {e:#}"))
        };
        let mut failed = None;
        if !query.words.trim().is_empty() {
            match index {
                Some(ix) => match keys(ix.search(&query.words), "search") {
                    Ok(s) => narrow(s),
                    Err(e) => failed = Some(e),
                },
                None => {
                    let words: Vec<String> = query
                        .words
                        .split_whitespace()
                        .map(str::to_lowercase)
                        .collect();
                    let set = (0..articles.len())
                        .filter(|&i| {
                            let text =
                                format!("{} {}", articles[i].title, bodies(i).unwrap_or_default())
                                    .to_lowercase();
                            words.iter().all(|w| text.contains(w.as_str()))
                        })
                        .collect();
                    narrow(set);
                }
            }
        }
        for (name, what, f) in [
            (
                &query.speaker,
                "speaker",
                Index::articles_with_speaker as fn(&Index, &str) -> anyhow::Result<Vec<i64>>,
            ),
            (&query.entity, "entity", Index::articles_with_entity),
        ] {
            if let Some(name) = name {
                match index {
                    Some(ix) => match keys(f(ix, name), what) {
                        Ok(s) => narrow(s),
                        Err(e) => failed = Some(e),
                    },
                    None => narrow(HashSet::new()),
                }
            }
        }
        if let Some(e) = failed {
            self.error = Some(e);
        }
        self.took = Some(started.elapsed());
        self.allowed = allowed;
        self.query = query;
    }

    /// Whether the list shows this entry.
    pub fn accepts(&self, idx: usize, e: &Entry, read: bool, bookmarked: bool) -> bool {
        let q = &self.query;
        if q.unread && read || q.bookmarked && !bookmarked {
            return false;
        }
        if let Some(a) = &self.allowed
            && !a.contains(&idx)
        {
            return false;
        }
        if let Some(s) = &q.source {
            let s = s.to_lowercase();
            if !e
                .source
                .as_ref()
                .is_some_and(|x| x.to_lowercase().contains(&s))
            {
                return false;
            }
        }
        if let Some(l) = &q.language
            && e.language.as_deref().map(str::to_lowercase).as_deref() != Some(l.as_str())
        {
            return false;
        }
        if let Some(since) = q.since
            && e.date.is_none_or(|d| d < since)
        {
            return false;
        }
        if let Some(until) = q.until
            && e.date.is_none_or(|d| d > until)
        {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_filters_and_quotes() {
        let q = Query::parse(
            "open source unread source:AFP lang:FR since:2024-02 until:2024 speaker:\"Arthur Mensch\" entity:Microsoft sort:title",
        )
        .unwrap();
        assert_eq!(q.words, "open source");
        assert!(q.unread && !q.bookmarked);
        assert_eq!(q.source.as_deref(), Some("AFP"));
        assert_eq!(q.language.as_deref(), Some("fr"));
        assert_eq!(q.since.unwrap().to_rfc3339(), "2024-02-01T00:00:00+00:00");
        assert_eq!(q.until.unwrap().to_rfc3339(), "2024-12-31T23:59:59+00:00");
        assert_eq!(q.speaker.as_deref(), Some("Arthur Mensch"));
        assert_eq!(q.entity.as_deref(), Some("Microsoft"));
        assert_eq!(q.sort, Some(SortOrder::Title));
        assert!(q.filters());
        assert!(!Query::parse("sort:source").unwrap().filters());
        assert_eq!(
            Query::parse("until:2024-02")
                .unwrap()
                .until
                .unwrap()
                .to_rfc3339(),
            "2024-02-29T23:59:59+00:00"
        );
    }

    #[test]
    fn errors_say_what_is_accepted() {
        let e = Query::parse("colour:red").unwrap_err();
        assert!(
            e.contains("unknown filter") && e.contains("speaker:"),
            "{e}"
        );
        assert!(
            Query::parse("since:yesterday")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(
            Query::parse("sort:size")
                .unwrap_err()
                .contains("date, title, source")
        );
        // a colon inside a word is a word (a time, a URL)
        assert_eq!(Query::parse("10:30").unwrap().words, "10:30");
    }
}
