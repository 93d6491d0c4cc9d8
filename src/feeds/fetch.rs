//! Fetching every subscription: a few feeds at once, each one's failure its
//! own (reported with its address and reason, the others stored), progress
//! reported feed by feed to whoever watches (`quoth fetch`, the reader).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;

use super::http::{Client, Fetched};
use super::parse;
use super::store::{self, FeedState, STATE_FILE, State, Stored};
use crate::config::Feed;
use crate::store::FileLock;

/// Feeds fetched at once by default.
pub const DEFAULT_JOBS: usize = 4;

const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const PAGE_ACCEPT: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Options {
    pub http: super::http::Options,
    /// Feeds fetched at once.
    pub jobs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            http: super::http::Options::default(),
            jobs: DEFAULT_JOBS,
        }
    }
}

/// Progress, feed by feed.
#[derive(Debug, Clone)]
pub enum Event {
    /// Feed `index` (into the list given) is being fetched.
    Started { index: usize, label: String },
    /// It is done, well or not.
    Finished(Report),
    /// Something to tell that is about no one feed (the state file was
    /// corrupt and was moved aside).
    Warning(String),
}

/// How one feed went.
#[derive(Debug, Clone)]
pub struct Report {
    pub index: usize,
    pub url: String,
    pub label: String,
    /// The reason is one line, sanitised, without the address.
    pub result: Result<Stored, String>,
}

/// Where fetched feeds go: `feeds/` in `data_dir` (a library root), and
/// the state file beside it.
pub fn folder_in(data_dir: &Path) -> PathBuf {
    data_dir.join(super::FOLDER)
}

/// Fetches `feeds` into `data_dir`, calling `on_event` as each starts and
/// ends (from worker threads). Only a problem with the data directory
/// itself is an error; each feed's failure is in its [`Report`]. Reports
/// come back in the order of `feeds`.
pub fn run(
    feeds: &[Feed],
    data_dir: &Path,
    options: &Options,
    on_event: &(dyn Fn(Event) + Sync),
) -> anyhow::Result<Vec<Report>> {
    let state_path = data_dir.join(STATE_FILE);
    // One fetch at a time writes a feed's folder and the state.
    let _lock = FileLock::acquire(&state_path).with_context(|| {
        format!(
            "cannot lock {} (is another quoth fetching?)",
            state_path.display()
        )
    })?;
    let (state, warnings) = State::load(&state_path);
    for w in warnings {
        on_event(Event::Warning(w));
    }
    let root = folder_in(data_dir);
    std::fs::create_dir_all(&root)
        .with_context(|| format!("cannot create the feeds folder {}", root.display()))?;
    let client = Client::new(options.http.clone());
    let state = Mutex::new(state);
    let next = AtomicUsize::new(0);
    let reports = Mutex::new(Vec::new());
    let workers = options.jobs.clamp(1, 16).min(feeds.len()).max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(index) else { break };
                    let mut fs = lock(&state)
                        .feeds
                        .get(&feed.url)
                        .cloned()
                        .unwrap_or_default();
                    on_event(Event::Started {
                        index,
                        label: label(feed, &fs),
                    });
                    let result = fetch_one(&client, &root, feed, &mut fs);
                    let now =
                        chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                    fs.last_fetch = Some(now);
                    fs.last_error = result.as_ref().err().cloned();
                    let label = label(feed, &fs);
                    lock(&state).feeds.insert(feed.url.clone(), fs);
                    let report = Report {
                        index,
                        url: feed.url.clone(),
                        label,
                        result: result.map_err(|e| crate::article::sanitise::sanitise_line(&e)),
                    };
                    on_event(Event::Finished(report.clone()));
                    lock(&reports).push(report);
                }
            });
        }
    });
    let state = state.into_inner().unwrap_or_else(|e| e.into_inner());
    state
        .save(&state_path)
        .with_context(|| format!("cannot save {}", state_path.display()))?;
    let mut reports = reports.into_inner().unwrap_or_else(|e| e.into_inner());
    reports.sort_by_key(|r| r.index);
    Ok(reports)
}

/// The configured name, else the feed's own title, else its host.
fn label(feed: &Feed, fs: &FeedState) -> String {
    let l = match (&feed.name, &fs.title) {
        (Some(n), _) => n.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => feed.label(),
    };
    crate::article::sanitise::sanitise_line(&l)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One feed: fetch (conditionally), parse, store. On error nothing of the
/// feed's state changes but the error, so the next fetch starts over.
fn fetch_one(
    client: &Client,
    root: &Path,
    feed: &Feed,
    fs: &mut FeedState,
) -> Result<Stored, String> {
    let folder = store::feed_folder(root, feed, fs.title.as_deref(), fs);
    // Validators only while the files they stand for are there.
    let validators = (folder.is_dir() && !fs.validators.is_empty()).then_some(&fs.validators);
    let (bytes, url, validators) = match client.get(&feed.url, FEED_ACCEPT, validators)? {
        Fetched::NotModified => {
            return Ok(Stored {
                not_modified: true,
                ..Stored::default()
            });
        }
        Fetched::Body {
            bytes,
            url,
            validators,
            ..
        } => (bytes, url, validators),
    };
    let parsed = parse::parse(&bytes, &url)?;
    let folder = if fs.folder.is_empty() {
        store::feed_folder(root, feed, parsed.title.as_deref(), fs)
    } else {
        folder
    };
    let page = |url: &str| -> Result<String, String> {
        match client.get(url, PAGE_ACCEPT, None)? {
            Fetched::NotModified => Err("the page answered 304 to a plain request".into()),
            Fetched::Body {
                bytes,
                url,
                content_type,
                ..
            } => super::html::extract_article(
                &super::html::decode_page(&bytes, content_type.as_deref()),
                &url,
            ),
        }
    };
    let stored = store::store_items(&folder, feed, &parsed, fs, &page)
        .map_err(|e| format!("cannot store its articles in {}: {e}", folder.display()))?;
    fs.folder = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs.title.clone_from(&parsed.title);
    fs.validators = validators;
    Ok(stored)
}
