//! A catalogue entry: what the list needs to know about an article, without
//! its body. A library of 100,000 articles is 100,000 of these in memory;
//! the body is read from its file when the article is opened.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Timelike};

use crate::article::Article;

/// Where an article's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// A file on disk (absolute path).
    File(PathBuf),
    /// One of the sample articles embedded in the binary: no path on disk.
    Bundled(String),
}

/// How the index stores a bundled article's origin.
const BUNDLED_PREFIX: &str = "bundled:";

impl Origin {
    /// As stored in the index and printed by `quoth list`.
    pub fn to_key(&self) -> String {
        match self {
            Origin::File(p) => p.to_string_lossy().into_owned(),
            Origin::Bundled(name) => format!("{BUNDLED_PREFIX}{name}"),
        }
    }

    pub fn from_key(key: &str) -> Origin {
        match key.strip_prefix(BUNDLED_PREFIX) {
            Some(name) => Origin::Bundled(name.to_string()),
            None => Origin::File(PathBuf::from(key)),
        }
    }

    /// The origin of an article loaded by [`super::load`]: the bundled
    /// library's articles carry a path under `assets/articles` that is not
    /// on disk.
    pub fn of_loaded(path: &Path) -> Origin {
        if let Ok(name) = path.strip_prefix(super::BUNDLED_DIR)
            && path.is_relative()
        {
            let name = name.to_string_lossy().replace('\\', "/");
            if super::bundled_files().iter().any(|(n, _)| *n == name) {
                return Origin::Bundled(name);
            }
        }
        Origin::File(path.to_path_buf())
    }

    /// The file, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(p) => Some(p),
            Origin::Bundled(_) => None,
        }
    }

    /// For people: the path, or "bundled: name".
    pub fn display(&self) -> String {
        match self {
            Origin::File(p) => p.display().to_string(),
            Origin::Bundled(name) => format!("bundled: {name}"),
        }
    }
}

/// One article of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Row id in the index (0 for an entry that is not indexed).
    pub key: i64,
    /// The article's stable id ([`Article::id`]).
    pub id: String,
    /// Where its bytes are; `None` when the reader's list left it in the
    /// index (read by key when the article is opened: the list of 100,000
    /// articles does not carry 100,000 paths).
    pub origin: Option<Origin>,
    /// Which article of its file (a JSON file may hold several), from 0.
    pub record: u32,
    pub title: String,
    /// Source, else credit (shared: a library has few of them).
    pub source: Option<Arc<str>>,
    pub date: Option<DateTime<FixedOffset>>,
    /// Declared language, else the detected one once known (shared).
    pub language: Option<Arc<str>>,
    pub words: u32,
    /// Quotes found, once analysed.
    pub quotes: Option<u32>,
}

impl Entry {
    /// The entry of a loaded article (`record`: its place in the file).
    pub fn of(article: &Article, origin: Origin, record: u32) -> Entry {
        Entry {
            key: 0,
            id: article.id.clone(),
            origin: Some(origin),
            record,
            title: article.title.clone(),
            source: article.source_or_credit().map(Arc::from),
            // to the second, as the index keeps it: the list's order is the index's
            date: article.date.map(|d| d.with_nanosecond(0).unwrap_or(d)),
            language: article.language.as_deref().map(Arc::from),
            words: u32::try_from(article.word_count()).unwrap_or(u32::MAX),
            quotes: None,
        }
    }

    /// The date as the index sorts it: seconds, undated the smallest.
    pub fn sort_date(&self) -> i64 {
        self.date.map_or(i64::MIN, |d| d.timestamp())
    }
}

/// A title folded for ordering (ignoring case), char by char: the index's
/// `sort_title` is this collected, and the reader compares titles this way
/// without making a lowercase copy of each.
pub fn fold_title(title: &str) -> impl Iterator<Item = char> + '_ {
    title.chars().flat_map(char::to_lowercase)
}

/// `fold_title(a).cmp(fold_title(b))`, byte by byte while both are ASCII
/// (most titles, most of the way): the list compares many titles of the
/// same day as it arrives.
pub fn cmp_folded(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < x.len() && i < y.len() && x[i].is_ascii() && y[i].is_ascii() {
        match x[i].to_ascii_lowercase().cmp(&y[i].to_ascii_lowercase()) {
            Ordering::Equal => i += 1,
            other => return other,
        }
    }
    // the same ASCII so far: `i` is a char boundary in both
    fold_title(&a[i..]).cmp(fold_title(&b[i..]))
}

/// List orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Newest first, undated last, then title.
    #[default]
    Date,
    /// By title (ignoring case), then newest first.
    Title,
    /// By source (none last), then newest first.
    Source,
}

impl SortOrder {
    pub const NAMES: [&'static str; 3] = ["date", "title", "source"];

    pub fn parse(s: &str) -> Option<SortOrder> {
        match s {
            "date" | "new" | "newest" => Some(SortOrder::Date),
            "title" => Some(SortOrder::Title),
            "source" => Some(SortOrder::Source),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Date => "date",
            SortOrder::Title => "title",
            SortOrder::Source => "source",
        }
    }

    /// A total order, the index's own for [`SortOrder::Date`] (newest
    /// first, then title ignoring case, then title, then index key); ties
    /// between entries outside the index end on the origin, record and id.
    pub fn compare(self, a: &Entry, b: &Entry) -> Ordering {
        // newest first; undated (the smallest) last
        let by_date = || b.sort_date().cmp(&a.sort_date());
        let by_title = || cmp_folded(&a.title, &b.title).then_with(|| a.title.cmp(&b.title));
        let first = match self {
            SortOrder::Date => by_date().then_with(by_title),
            SortOrder::Title => by_title().then_with(by_date),
            SortOrder::Source => match (a.source.as_deref(), b.source.as_deref()) {
                (Some(x), Some(y)) => cmp_folded(x, y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(by_date)
            .then_with(by_title),
        };
        first
            .then_with(|| a.key.cmp(&b.key))
            .then_with(|| a.origin.cmp(&b.origin))
            .then_with(|| a.record.cmp(&b.record))
            .then_with(|| a.id.cmp(&b.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, date: Option<&str>, source: Option<&str>) -> Entry {
        let mut a = Article::new(PathBuf::from("x.txt"), title.into(), "b".into());
        a.date = date.map(|d| crate::article::formats::parse_date(d).unwrap());
        a.source = source.map(str::to_string);
        Entry::of(&a, Origin::File(format!("/l/{title}.txt").into()), 0)
    }

    #[test]
    fn orders() {
        let mut v = vec![
            entry("b", None, Some("AFP")),
            entry("old", Some("2020-01-01"), None),
            entry("A", None, Some("afp")),
            entry("new", Some("2024-01-01"), Some("Reuters")),
            entry("also new", Some("2024-01-01"), None),
        ];
        let titles = |v: &[Entry]| v.iter().map(|e| e.title.clone()).collect::<Vec<_>>();
        v.sort_by(|a, b| SortOrder::Date.compare(a, b));
        assert_eq!(titles(&v), ["also new", "new", "old", "A", "b"]);
        v.sort_by(|a, b| SortOrder::Title.compare(a, b));
        assert_eq!(titles(&v), ["A", "also new", "b", "new", "old"]);
        v.sort_by(|a, b| SortOrder::Source.compare(a, b));
        assert_eq!(titles(&v), ["A", "b", "new", "also new", "old"]);
    }

    #[test]
    fn folded_comparison_is_the_folded_titles_order() {
        let titles = [
            "", "a", "A", "ab", "aB", "Ab", "b", "É", "é", "e", "Ez", "ÉCOLE", "école", "Ǆ", "ǅ",
            "ǆ", "İ", "i", "straße", "STRASSE", "Zoë", "zoe", "ΣΑΣ", "σας",
        ];
        for a in titles {
            for b in titles {
                assert_eq!(
                    cmp_folded(a, b),
                    fold_title(a).cmp(fold_title(b)),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn origin_keys_round_trip() {
        for o in [
            Origin::File("/a/b.txt".into()),
            Origin::Bundled("000_x.txt".into()),
        ] {
            assert_eq!(Origin::from_key(&o.to_key()), o);
        }
        assert_eq!(Origin::Bundled("a.txt".into()).path(), None);
    }
}
