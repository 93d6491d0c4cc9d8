//! Feed items → article files, and what quoth remembers of each feed.
//!
//! Each item becomes a Markdown file with YAML front matter in the feed's
//! folder under the feeds folder of the data directory:
//!
//! ```text
//! <data>/feeds/<feed-name>-<8 hex of its address>/<title>-<8 hex of the item's key>.md
//! ```
//!
//! ```yaml
//! ---
//! title: "…"
//! source: "Example News"          # the feed's name (config), else its title
//! url: "https://example.com/a/1"  # the item's page
//! author: "…"
//! date: "2026-02-27T09:30:00+00:00"
//! language: "fr"
//! tags: ["tech"]                  # the feed's tags
//! feed: "https://example.com/rss" # the subscription
//! guid: "…"                       # the feed's id for the item
//! ---
//! ```
//!
//! Names are stable: an item keeps its file for life (the 8 hex digits of
//! its key find it even if the state file is lost). The same item fetched
//! again (same guid, or same address) is never stored twice; an item whose
//! feed data changed replaces its file; an unchanged one is not touched and
//! its page is not fetched again. Everything written is sanitised first,
//! and read back through the same Markdown loader as any article.
//!
//! The state (`feeds-state.json` in the data directory, outside the
//! library) keeps per feed its folder, the server's validators (ETag,
//! Last-Modified) and per item its file and a digest of its feed data.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::html;
use super::http::Validators;
use super::parse::{Item, Parsed};
use crate::article::article_id;
use crate::article::sanitise::{sanitise, sanitise_line};
use crate::config::Feed;
use crate::store::atomic_write;

/// The state file, in the data directory.
pub const STATE_FILE: &str = "feeds-state.json";

/// Bumped when the file layout changes, so every item is written anew.
const FORMAT: &str = "quoth-feed-item-1";

/// What quoth remembers of all feeds, by feed address.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct State {
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedState>,
}

/// What quoth remembers of one feed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FeedState {
    /// Its folder's name under the feeds folder.
    #[serde(default)]
    pub folder: String,
    #[serde(default)]
    pub validators: Validators,
    /// The feed's own title, last seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it was last fetched (RFC 3339) and how that went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// By item key ([`Item::key`]).
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ItemRecord {
    /// File name in the feed's folder.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Digest of the item's feed data and of how it was stored.
    pub digest: String,
}

impl State {
    /// Reads the state; a missing file is an empty state, an unreadable or
    /// corrupt one is moved aside (`.corrupt`) with a warning, never lost.
    pub fn load(path: &Path) -> (State, Vec<String>) {
        // Capped (50 feeds of 100 items take about 1 MB), and never
        // blocked by a FIFO put in its place.
        let bytes = match crate::article::files::read_capped_io(path, 256 * 1024 * 1024) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (State::default(), vec![]);
            }
            Err(e) => {
                return (
                    State::default(),
                    vec![format!(
                        "cannot read {}: {e}; starting afresh",
                        path.display()
                    )],
                );
            }
        };
        match serde_json::from_slice(&bytes) {
            Ok(s) => (s, Vec::new()),
            Err(e) => {
                let aside = path.with_extension("json.corrupt");
                let moved = std::fs::rename(path, &aside).is_ok();
                let what = if moved {
                    format!("moved to {}", aside.display())
                } else {
                    "left in place".to_string()
                };
                (
                    State::default(),
                    vec![format!(
                        "{} is corrupt ({e}); {what}, every feed is fetched afresh",
                        path.display()
                    )],
                )
            }
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        atomic_write(path, text.as_bytes())
    }
}

/// What storing one feed's items did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// The server said nothing changed (304).
    pub not_modified: bool,
    pub new: Vec<PathBuf>,
    pub updated: Vec<PathBuf>,
    pub unchanged: usize,
    /// Items kept as a summary: why the full text could not be had.
    pub notes: Vec<String>,
}

/// The feed's folder under `root`: the one on record, else one found by
/// its address's hash (the state was lost), else a new name.
pub fn feed_folder(root: &Path, feed: &Feed, title: Option<&str>, state: &FeedState) -> PathBuf {
    if !state.folder.is_empty() && !state.folder.contains(['/', '\\']) && state.folder != ".." {
        return root.join(&state.folder);
    }
    let tag = short_hash(&feed.url);
    if let Some(found) = find_by_suffix(root, &format!("-{tag}"), true) {
        return root.join(found);
    }
    let name = feed.name.as_deref().or(title).unwrap_or("feed");
    root.join(format!("{}-{tag}", slug(name, 40)))
}

/// Stores the items of `parsed` for `feed` in `folder`. `page` fetches an
/// item's page for full text (only called when the feed asks for it and
/// the item has only a summary). Each file written is atomic.
pub fn store_items(
    folder: &Path,
    feed: &Feed,
    parsed: &Parsed,
    state: &mut FeedState,
    page: &dyn Fn(&str) -> Result<String, String>,
) -> std::io::Result<Stored> {
    std::fs::create_dir_all(folder)?;
    let mut existing: HashMap<String, String> = HashMap::new();
    for entry in std::fs::read_dir(folder)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".md")
            && let Some((_, tag)) = stem.rsplit_once('-')
        {
            existing.insert(tag.to_string(), name);
        }
    }
    let source = feed
        .name
        .clone()
        .or_else(|| parsed.title.clone())
        .unwrap_or_else(|| feed.label());
    let mut out = Stored::default();
    // The same item twice in one feed document: the first one counts.
    let mut seen = std::collections::HashSet::new();
    for item in &parsed.items {
        let key = item.key();
        if !seen.insert(key.clone()) {
            continue;
        }
        let by_url = item.url.as_deref().and_then(|u| {
            state
                .items
                .iter()
                .find(|(k, r)| **k != key && r.url.as_deref() == Some(u))
                .map(|(k, _)| k.clone())
        });
        let record = state
            .items
            .get(&key)
            .or_else(|| by_url.as_ref().and_then(|k| state.items.get(k)))
            .cloned();
        let digest = digest(feed, &source, parsed, item);
        let file = record
            .as_ref()
            .map(|r| r.file.clone())
            .filter(|f| !f.contains(['/', '\\']) && f.ends_with(".md"))
            .or_else(|| existing.get(&short_hash(&key)).cloned())
            .unwrap_or_else(|| {
                let title = item.title.as_deref().unwrap_or("item");
                format!("{}-{}.md", slug(title, 60), short_hash(&key))
            });
        let path = folder.join(&file);
        // An empty file is what a crash between write and flush can leave.
        let exists = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() > 0);
        if exists && record.as_ref().is_some_and(|r| r.digest == digest) {
            out.unchanged += 1;
            continue;
        }
        let (body, note) = body_of(feed, item, page);
        if let Some(n) = &note {
            out.notes.push(format!(
                "{}: {n}",
                sanitise_line(item.url.as_deref().unwrap_or("item"))
            ));
        }
        let text = render(feed, &source, parsed, item, &body, note.as_deref());
        let same = exists && std::fs::read(&path).is_ok_and(|old| old == text.as_bytes());
        if same {
            out.unchanged += 1;
        } else {
            write_file(folder, &path, text.as_bytes())?;
            if exists {
                out.updated.push(path);
            } else {
                out.new.push(path);
            }
        }
        if let Some(old) = by_url.filter(|_| !state.items.contains_key(&key)) {
            state.items.remove(&old);
        }
        state.items.insert(
            key,
            ItemRecord {
                file,
                url: item.url.clone(),
                digest,
            },
        );
    }
    if !out.new.is_empty() || !out.updated.is_empty() {
        sync_dir(folder)?;
    }
    Ok(out)
}

/// Writes a whole file under its name by renaming a temporary file over
/// it: a reader sees the old file or the new one, never half of one. Not
/// synced one by one (thousands of items would cost thousands of fsyncs):
/// the folder is synced once per feed, and a file a crash left empty is
/// written again by the next fetch.
fn write_file(folder: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut tmp = tempfile::Builder::new()
        .prefix(".quoth-item.")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    tmp.as_file_mut().write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The article's Markdown body, and a note when the full text was wanted
/// but could not be had.
fn body_of(
    feed: &Feed,
    item: &Item,
    page: &dyn Fn(&str) -> Result<String, String>,
) -> (String, Option<String>) {
    let from_feed = || {
        let content = item
            .content
            .as_deref()
            .filter(|_| !item.summary_only())
            .or(item.summary.as_deref())
            .or(item.content.as_deref())
            .unwrap_or("");
        html::to_markdown(content)
    };
    let mut note = None;
    if feed.full_text && item.summary_only() {
        match item.url.as_deref() {
            Some(url) => match page(url) {
                Ok(md) => {
                    let summary = from_feed();
                    // A page whose main text is shorter than the summary
                    // was not the article (a paywall, a consent page).
                    if md.len() >= summary.len() {
                        return (md, None);
                    }
                    note = Some("the page's text is shorter than the feed's summary".to_string());
                }
                Err(e) => note = Some(e),
            },
            None => note = Some("the item has no address".to_string()),
        }
    }
    (from_feed(), note)
}

fn digest(feed: &Feed, source: &str, parsed: &Parsed, item: &Item) -> String {
    let meta = [
        FORMAT,
        &item.key(),
        item.title.as_deref().unwrap_or(""),
        item.url.as_deref().unwrap_or(""),
        item.author.as_deref().unwrap_or(""),
        &item.date.map(|d| d.to_rfc3339()).unwrap_or_default(),
        &language(feed, parsed, item).unwrap_or_default(),
        source,
        &feed.tags.join(","),
        if feed.full_text { "full" } else { "feed" },
    ]
    .join("\u{1}");
    let text = format!(
        "{}\u{1}{}",
        item.content.as_deref().unwrap_or(""),
        item.summary.as_deref().unwrap_or("")
    );
    article_id(&meta, &text)
}

/// The config's language wins (the user set it because the feed is
/// wrong or silent), then the item's, then the feed's.
fn language(feed: &Feed, parsed: &Parsed, item: &Item) -> Option<String> {
    feed.language
        .clone()
        .or_else(|| item.language.clone())
        .or_else(|| parsed.language.clone())
        .map(|l| sanitise_line(&l))
        .filter(|l| !l.is_empty())
}

/// The file: YAML front matter, then the Markdown body.
fn render(
    feed: &Feed,
    source: &str,
    parsed: &Parsed,
    item: &Item,
    body: &str,
    note: Option<&str>,
) -> String {
    let mut fm = String::from("---\n");
    let mut field = |key: &str, value: Option<&str>| {
        if let Some(v) = value.map(sanitise_line).filter(|v| !v.is_empty()) {
            fm.push_str(&format!("{key}: {}\n", yaml_string(&v)));
        }
    };
    // An article needs a title: a title of nothing but escape sequences
    // is none.
    let title = [item.title.as_deref(), item.url.as_deref()]
        .into_iter()
        .flatten()
        .map(sanitise_line)
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled)".to_string());
    field("title", Some(&title));
    field("source", Some(source));
    field("url", item.url.as_deref());
    field("author", item.author.as_deref());
    field("date", item.date.map(|d| d.to_rfc3339()).as_deref());
    field("language", language(feed, parsed, item).as_deref());
    field("feed", Some(&feed.url));
    field("guid", item.guid.as_deref());
    if !feed.tags.is_empty() {
        let tags: Vec<String> = feed
            .tags
            .iter()
            .map(|t| yaml_string(&sanitise_line(t)))
            .collect();
        fm.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    fm.push_str("---\n\n");
    let body = sanitise(body);
    fm.push_str(match body.trim() {
        // The loader needs a body; text of nothing but escapes is none.
        "" => "*The feed gives no text for this item.*",
        b => b,
    });
    fm.push('\n');
    if let Some(n) = note {
        fm.push_str(&format!(
            "\n*Summary only: the full article could not be fetched ({}).*\n",
            escape_md(&sanitise_line(n))
        ));
    }
    fm
}

/// A YAML double-quoted scalar. JSON's string syntax is a subset of it.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Backslash-escapes Markdown's punctuation in a line of plain text.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '(' | ')'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// 8 hex digits naming `key` in file names.
pub fn short_hash(key: &str) -> String {
    article_id(key, "")[..8].to_string()
}

/// A file-name-safe, lowercase ASCII form of `s`: accents dropped,
/// everything else a hyphen, at most `max` bytes.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    let s = out.trim_matches('-').to_string();
    if s.is_empty() { "item".to_string() } else { s }
}

/// A name in `dir` ending with `suffix` (a folder if `dirs`, else a `.md`).
fn find_by_suffix(dir: &Path, suffix: &str, dirs: bool) -> Option<String> {
    std::fs::read_dir(dir).ok()?.flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        (is_dir == dirs && name.ends_with(suffix)).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::formats;

    fn feed() -> Feed {
        let mut f = Feed::new("https://news.example/rss").unwrap();
        f.name = Some("Example News".into());
        f.tags = vec!["world".into()];
        f
    }

    fn item(guid: &str, title: &str, text: &str) -> Item {
        Item {
            guid: Some(guid.into()),
            url: Some(format!("https://news.example/{guid}")),
            title: Some(title.into()),
            author: Some("A. Writer".into()),
            date: formats::parse_date("2026-02-27T10:30:00+01:00").ok(),
            language: None,
            content: Some(format!("<p>{text}</p>")),
            summary: None,
        }
    }

    fn no_page(_: &str) -> Result<String, String> {
        panic!("no page should be fetched")
    }

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(
            slug("Élève à l'école : « Oui » !", 60),
            "eleve-a-l-ecole-oui"
        );
        assert_eq!(slug("***", 60), "item");
        assert!(slug(&"word ".repeat(40), 20).len() <= 21);
    }

    #[test]
    fn stored_items_read_back_as_articles_and_are_not_duplicated() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("example");
        let mut state = FeedState::default();
        let mut parsed = Parsed {
            title: Some("Feed title".into()),
            language: Some("en".into()),
            items: vec![
                item(
                    "1",
                    "First: \"quoted\" & more",
                    "Hello \u{1b}[31mworld *not* em.",
                ),
                item("2", "Second", "Two."),
            ],
        };
        let s = store_items(&folder, &feed(), &parsed, &mut state, &no_page).unwrap();
        assert_eq!((s.new.len(), s.updated.len(), s.unchanged), (2, 0, 0));
        let text = std::fs::read_to_string(&s.new[0]).unwrap();
        assert!(!text.contains('\u{1b}'), "{text}");
        let a = formats::parse(formats::Kind::Markdown, &s.new[0], text.as_bytes()).unwrap();
        let a = &a[0];
        assert_eq!(a.title, "First: \"quoted\" & more");
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/1"));
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.tags, ["world"]);
        assert_eq!(a.date.unwrap().to_rfc3339(), "2026-02-27T10:30:00+01:00");
        assert_eq!(a.body, "Hello [31mworld *not* em.");
        // Again: nothing written.
        let s = store_items(&folder, &feed(), &parsed, &mut state, &no_page).unwrap();
        assert_eq!((s.new.len(), s.updated.len(), s.unchanged), (0, 0, 2));
        // The state lost: files are found by name.
        let mut lost = FeedState::default();
        let s = store_items(&folder, &feed(), &parsed, &mut lost, &no_page).unwrap();
        assert_eq!((s.new.len(), s.updated.len(), s.unchanged), (0, 0, 2));
        // An edited item replaces its file; a new guid with the same
        // address is the same item.
        parsed.items[1].content = Some("<p>Two, corrected.</p>".into());
        parsed.items[0].guid = Some("1-renamed".into());
        let s = store_items(&folder, &feed(), &parsed, &mut state, &no_page).unwrap();
        assert_eq!((s.new.len(), s.updated.len(), s.unchanged), (0, 2, 0));
        let s = store_items(&folder, &feed(), &parsed, &mut state, &no_page).unwrap();
        assert_eq!((s.new.len(), s.updated.len(), s.unchanged), (0, 0, 2));
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(200))]
        /// Whatever the feed says, the file reads back: the same one-line
        /// fields (sanitised), no control character anywhere.
        #[test]
        fn any_text_round_trips_through_the_front_matter(
            title in "\\PC{0,40}|[\"'\\\\:#\\-\\[\\]{}&*!|>%@` \u{1b}\u{7}\u{9b}\u{2028}\u{202e}]{1,20}",
            author in "\\PC{0,20}",
            body in "\\PC{0,80}|[\u{1b}\u{7} ]{0,5}",
        ) {
            let dir = tempfile::tempdir().unwrap();
            let mut it = item("p", &title, "");
            it.author = Some(author.clone());
            it.content = Some(format!("<p>{}</p>", body.replace('<', "&lt;")));
            let parsed = Parsed { items: vec![it], ..Parsed::default() };
            let mut state = FeedState::default();
            let s = store_items(dir.path(), &feed(), &parsed, &mut state, &no_page).unwrap();
            let text = std::fs::read_to_string(&s.new[0]).unwrap();
            proptest::prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{:?}", text);
            let a = formats::parse(formats::Kind::Markdown, &s.new[0], text.as_bytes());
            let a = a.map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:#}\n{text}")))?;
            let want = Some(sanitise_line(&title)).filter(|t| !t.is_empty())
                .unwrap_or_else(|| "https://news.example/p".into());
            proptest::prop_assert_eq!(&a[0].title, &want);
            let want_author = Some(sanitise_line(&author)).filter(|t| !t.is_empty());
            proptest::prop_assert_eq!(&a[0].author, &want_author);
        }
    }

    #[test]
    fn full_text_falls_back_to_the_summary_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = feed();
        f.full_text = true;
        let mut it = item("9", "Nine", "");
        it.content = None;
        it.summary = Some("A short summary.".into());
        let parsed = Parsed {
            items: vec![it],
            ..Parsed::default()
        };
        let mut state = FeedState::default();
        let s = store_items(dir.path(), &f, &parsed, &mut state, &|_| {
            Err("HTTP 404 Not Found".into())
        })
        .unwrap();
        assert_eq!(s.notes.len(), 1);
        let text = std::fs::read_to_string(&s.new[0]).unwrap();
        assert!(text.contains("A short summary."), "{text}");
        assert!(
            text.contains(
                "Summary only: the full article could not be fetched (HTTP 404 Not Found)"
            ),
            "{text}"
        );
        let page = |_: &str| Ok("The whole story, far longer than the summary.".to_string());
        let mut state = FeedState::default();
        let other = tempfile::tempdir().unwrap();
        let s = store_items(other.path(), &f, &parsed, &mut state, &page).unwrap();
        let text = std::fs::read_to_string(&s.new[0]).unwrap();
        assert!(
            text.contains("The whole story") && !text.contains("Summary only"),
            "{text}"
        );
    }
}
