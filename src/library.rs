//! The collection: where it comes from, folder scan, loading (blocking or in
//! the background), problems. No terminal code.
//!
//! A file of a known type that cannot be used becomes a [`Problem`] and the
//! rest still loads; only an unreadable root is an error.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::Context;

use crate::article::{Article, article_id, files, formats};
use crate::config;

pub mod codec;
pub mod entry;
pub mod index;
pub mod pace;
pub mod reconcile;
pub mod worker;

pub use entry::{Entry, Origin, SortOrder};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Where bundled articles appear to come from (their `Article::path` prefix).
pub const BUNDLED_DIR: &str = "assets/articles";

/// Files loaded at once, at most.
const MAX_WORKERS: usize = 8;

/// Where a library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `assets/articles/`, embedded in the binary.
    Bundled,
    /// A folder (read recursively) or one file.
    Path(PathBuf),
    /// Several folders or files: one library (the library and the feeds'
    /// folder).
    Paths(Vec<PathBuf>),
}

impl Source {
    /// The command-line path as it is; else the config's `library` folders
    /// (else the bundled one) with the fetched feeds' folder when there is one.
    pub fn resolve(cli: Option<&Path>, settings: &config::Settings) -> Source {
        Self::resolve_with(cli, settings, crate::feeds::folder().as_deref())
    }

    /// [`Source::resolve`] with the feeds folder given (tests).
    pub fn resolve_with(
        cli: Option<&Path>,
        settings: &config::Settings,
        feeds: Option<&Path>,
    ) -> Source {
        if let Some(p) = cli {
            return Source::Path(p.to_path_buf());
        }
        crate::feeds::with_feeds_folder(Source::of_paths(settings.library.clone()), feeds)
    }

    /// One path, several, or (none) the bundled library.
    pub fn of_paths(mut paths: Vec<PathBuf>) -> Source {
        match paths.len() {
            0 => Source::Bundled,
            1 => Source::Path(paths.remove(0)),
            _ => Source::Paths(paths),
        }
    }

    /// Adds a folder to the library (the feeds' folder, for one): the
    /// bundled sample gives way to it.
    pub fn with_root(self, path: PathBuf) -> Source {
        let mut paths: Vec<PathBuf> = self.roots().into_iter().flatten().collect();
        if !paths.contains(&path) {
            paths.push(path);
        }
        Source::of_paths(paths)
    }

    /// Each root: a path, or `None` for the bundled library.
    pub fn roots(&self) -> Vec<Option<PathBuf>> {
        match self {
            Source::Bundled => vec![None],
            Source::Path(p) => vec![Some(p.clone())],
            Source::Paths(ps) => ps.iter().cloned().map(Some).collect(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Source::Bundled => "bundled sample library".to_string(),
            Source::Path(p) => p.display().to_string(),
            Source::Paths(ps) => ps
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// An error naming the path if it does not exist or cannot be read.
    pub fn check_root(&self) -> anyhow::Result<()> {
        for path in self.roots().into_iter().flatten() {
            check_path(&path)?;
        }
        Ok(())
    }
}

/// An error naming the path if it does not exist or cannot be read.
fn check_path(path: &Path) -> anyhow::Result<()> {
    let meta = std::fs::metadata(path)
        .with_context(|| format!("cannot open library {}", path.display()))?;
    if meta.is_dir() {
        std::fs::read_dir(path)
            .with_context(|| format!("cannot read library folder {}", path.display()))?;
    } else {
        // a pipe or device would block the loader or never end
        files::open_regular(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(())
}

impl From<PathBuf> for Source {
    fn from(p: PathBuf) -> Self {
        Source::Path(p)
    }
}

impl From<&Path> for Source {
    fn from(p: &Path) -> Self {
        Source::Path(p.to_path_buf())
    }
}

/// What [`load`] accepts: a [`Source`], or a path (read as `Source::Path`).
pub trait AsSource {
    fn as_source(&self) -> Cow<'_, Source>;
}

impl AsSource for Source {
    fn as_source(&self) -> Cow<'_, Source> {
        Cow::Borrowed(self)
    }
}

impl AsSource for Path {
    fn as_source(&self) -> Cow<'_, Source> {
        Cow::Owned(Source::Path(self.to_path_buf()))
    }
}

impl AsSource for PathBuf {
    fn as_source(&self) -> Cow<'_, Source> {
        Cow::Owned(Source::Path(self.clone()))
    }
}

/// A file of a known type that could not be used (or a folder that could
/// not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Library {
    /// In list order (see [`sort`]).
    pub articles: Vec<Article>,
    /// Sorted by path.
    pub problems: Vec<Problem>,
    /// Files of other types in the folder, not read (sorted).
    pub skipped: Vec<PathBuf>,
}

pub use crate::article::formats::READ_FORMATS;

/// Loads a whole library, blocking; the result does not depend on timing.
pub fn load(source: &(impl AsSource + ?Sized)) -> anyhow::Result<Library> {
    let source = source.as_source();
    source.check_root()?;
    let (candidates, mut problems, skipped) = scan(&source);
    let mut results: Vec<(usize, Vec<Result<Article, Problem>>)> = Vec::new();
    let next = AtomicUsize::new(0);
    let workers = worker_count(candidates.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(c) = candidates.get(i) else { break };
                        mine.push((i, c.load()));
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            results.extend(h.join().expect("loader thread panicked"));
        }
    });
    results.sort_by_key(|(i, _)| *i);
    let mut lib = Library::default();
    let mut ids = HashSet::new();
    for result in results.into_iter().flat_map(|(_, r)| r) {
        match result {
            Ok(mut a) => {
                distinct_id(&mut a, &mut ids);
                lib.articles.push(a);
            }
            Err(p) => problems.push(p),
        }
    }
    sort(&mut lib.articles);
    problems.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.reason.cmp(&b.reason)));
    lib.problems = problems;
    lib.skipped = skipped;
    Ok(lib)
}

/// Progress of a background load.
#[derive(Debug)]
pub enum LoadEvent {
    /// First event: the number of candidate files (a JSON file may then
    /// yield several articles, so count events against it with care).
    Found {
        total: usize,
    },
    Article(Box<Article>),
    Problem(Problem),
    /// Files of other types, not read (sent once, after `Found`, if any).
    Skipped(Vec<PathBuf>),
    /// The list is complete (with the index: the folders have been looked
    /// at; more events may follow when they change).
    Done,
    /// Catalogue rows: from the index at launch, or new, changed or moved
    /// articles (an entry whose key is already listed replaces it).
    Entries(Vec<Entry>),
    /// Articles gone from the folders (index keys).
    Removed(Vec<i64>),
    /// New or changed files being read.
    Reconciling {
        done: usize,
        total: usize,
    },
    /// The folders have been looked at (each time).
    Reconciled,
    /// Background analysis progress.
    Analysing {
        done: usize,
        total: usize,
        bytes: u64,
        total_bytes: u64,
        seconds: f64,
    },
    /// Articles analysed and stored: (key, quotes, detected language).
    Analysed(Vec<(i64, u32, String)>),
    /// Something to tell the reader (the index was rebuilt, a refresh).
    Note(String),
}

/// Loads in a background thread, files in parallel, sending events as they
/// come: `Found`, then one `Article` or `Problem` per article or problem (in
/// no fixed order), then `Done`. An unreadable root arrives as a single
/// `Problem` (call [`Source::check_root`] first to fail early instead).
/// Dropping the receiver stops the loading.
pub fn spawn(source: Source) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("quoth-loader".into())
        .spawn(move || run_background(&source, &tx))
        .expect("cannot start the loader thread");
    rx
}

fn run_background(source: &Source, tx: &Sender<LoadEvent>) {
    if let Err(e) = source.check_root() {
        let path = match source {
            Source::Path(p) => p.clone(),
            Source::Bundled => PathBuf::from(BUNDLED_DIR),
            Source::Paths(ps) => ps.first().cloned().unwrap_or_default(),
        };
        let _ = tx.send(LoadEvent::Found { total: 0 });
        let _ = tx.send(LoadEvent::Problem(Problem {
            path,
            reason: format!("{e:#}"),
        }));
        let _ = tx.send(LoadEvent::Done);
        return;
    }
    let (candidates, problems, skipped) = scan(source);
    if tx
        .send(LoadEvent::Found {
            total: candidates.len(),
        })
        .is_err()
    {
        return;
    }
    if !skipped.is_empty() {
        let _ = tx.send(LoadEvent::Skipped(skipped));
    }
    for p in problems {
        let _ = tx.send(LoadEvent::Problem(p));
    }
    let next = AtomicUsize::new(0);
    let (inner_tx, inner_rx) = mpsc::channel::<Result<Article, Problem>>();
    std::thread::scope(|s| {
        for _ in 0..worker_count(candidates.len()) {
            let inner_tx = inner_tx.clone();
            let (next, candidates) = (&next, &candidates);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(c) = candidates.get(i) else { break };
                    for r in c.load() {
                        if inner_tx.send(r).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(inner_tx);
        // ids are made distinct here, in arrival order
        let mut ids = HashSet::new();
        for r in inner_rx {
            let event = match r {
                Ok(mut a) => {
                    distinct_id(&mut a, &mut ids);
                    LoadEvent::Article(Box::new(a))
                }
                Err(p) => LoadEvent::Problem(p),
            };
            if tx.send(event).is_err() {
                // nobody listens: make the workers stop at their next file
                next.store(usize::MAX / 2, Ordering::Relaxed);
                return;
            }
        }
    });
    let _ = tx.send(LoadEvent::Done);
}

/// List order: newest first, undated last, then by title (case-insensitive),
/// then path and id so the order is total.
pub fn sort(articles: &mut [Article]) {
    articles.sort_by_cached_key(order_key);
}

/// The list order of two articles, for inserting one as it arrives.
pub fn compare(a: &Article, b: &Article) -> std::cmp::Ordering {
    order_key(a).cmp(&order_key(b))
}

/// Newest first (Reverse(Some(_)) < Reverse(None): undated sink to the
/// end), then title ignoring case, then path and id so the order is total.
type OrderKey = (
    std::cmp::Reverse<Option<chrono::DateTime<chrono::FixedOffset>>>,
    String,
    String,
    PathBuf,
    String,
);

fn order_key(a: &Article) -> OrderKey {
    (
        std::cmp::Reverse(a.date),
        a.title.to_lowercase(),
        a.title.clone(),
        a.path.clone(),
        a.id.clone(),
    )
}

/// The same article in two files gets a second id derived from its path.
fn distinct_id(a: &mut Article, seen: &mut HashSet<String>) {
    let mut n = 0;
    while !seen.insert(a.id.clone()) {
        a.id = article_id(&a.id, &format!("{}#{n}", a.path.display()));
        n += 1;
    }
}

fn worker_count(files: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.clamp(1, MAX_WORKERS).min(files).max(1)
}

/// A file to load.
enum Candidate {
    File(PathBuf),
    Bundled(&'static str, &'static [u8]),
}

impl Candidate {
    fn path(&self) -> PathBuf {
        match self {
            Candidate::File(p) => p.clone(),
            Candidate::Bundled(name, _) => Path::new(BUNDLED_DIR).join(name),
        }
    }

    fn load(&self) -> Vec<Result<Article, Problem>> {
        let path = self.path();
        let problem = |reason: String| {
            vec![Err(Problem {
                path: path.clone(),
                reason,
            })]
        };
        let Some(kind) = formats::Kind::of(&path) else {
            return problem(format!("not an article file: quoth reads {READ_FORMATS}"));
        };
        let bytes: Cow<'_, [u8]> = match self {
            Candidate::Bundled(_, b) => Cow::Borrowed(b),
            Candidate::File(p) => match files::read_capped(p, formats::MAX_FILE_BYTES) {
                Ok(b) => Cow::Owned(b),
                Err(e) => return problem(format!("{e:#}")),
            },
        };
        match formats::parse_each(kind, &path, &bytes) {
            Err(e) => problem(format!("{e:#}")),
            Ok(results) => results
                .into_iter()
                .map(|r| {
                    r.map_err(|e| Problem {
                        path: path.clone(),
                        reason: format!("{e:#}"),
                    })
                })
                .collect(),
        }
    }
}

/// Candidate files, sorted; folders and entries that could not be read;
/// files of other types.
fn scan(source: &Source) -> (Vec<Candidate>, Vec<Problem>, Vec<PathBuf>) {
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    let candidates = match source {
        Source::Bundled => bundled::BUNDLED
            .iter()
            .filter(|(name, _)| formats::Kind::of(Path::new(name)).is_some())
            .map(|&(name, bytes)| Candidate::Bundled(name, bytes))
            .collect(),
        Source::Path(root) if !root.is_dir() => vec![Candidate::File(root.clone())],
        Source::Path(root) => {
            let found = files::walk(root, &|p| formats::Kind::of(p).is_some());
            problems.extend(
                found
                    .problems
                    .into_iter()
                    .map(|(path, reason)| Problem { path, reason }),
            );
            skipped = found.skipped;
            found.files.into_iter().map(Candidate::File).collect()
        }
        Source::Paths(roots) => roots
            .iter()
            .flat_map(|r| {
                let (c, p, s) = scan(&Source::Path(r.clone()));
                problems.extend(p);
                skipped.extend(s);
                c
            })
            .collect(),
    };
    (candidates, problems, skipped)
}

/// The articles of one file (several for JSON), each loaded or a problem.
pub fn load_file(path: &Path) -> Vec<Result<Article, Problem>> {
    Candidate::File(path.to_path_buf()).load()
}

/// The articles of one bundled file, by its name under assets/articles.
pub fn load_bundled(name: &str) -> Vec<Result<Article, Problem>> {
    match bundled::BUNDLED.iter().find(|(n, _)| *n == name) {
        Some(&(n, bytes)) => Candidate::Bundled(n, bytes).load(),
        None => vec![Err(Problem {
            path: PathBuf::from(name),
            reason: "no such bundled article".into(),
        })],
    }
}
/// The bundled files: (name under assets/articles, bytes).
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundled::BUNDLED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, date: Option<&str>) -> Article {
        let mut a = Article::new(PathBuf::from("x.txt"), title.into(), "b".into());
        a.date = date.map(|d| formats::parse_date(d).unwrap());
        a
    }

    #[test]
    fn sort_newest_first_undated_last_then_title() {
        let mut v = vec![
            art("b", None),
            art("old", Some("2020-01-01")),
            art("A", None),
            art("new", Some("2024-01-01")),
            art("also new", Some("2024-01-01")),
        ];
        sort(&mut v);
        let titles: Vec<_> = v.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["also new", "new", "old", "A", "b"]);
    }

    #[test]
    fn resolve_prefers_cli_then_config() {
        let mut s = config::Settings::default();
        assert_eq!(Source::resolve_with(None, &s, None), Source::Bundled);
        s.library = vec!["lib".into()];
        assert_eq!(
            Source::resolve_with(None, &s, None),
            Source::Path("lib".into())
        );
        assert_eq!(
            Source::resolve_with(Some(Path::new("cli")), &s, None),
            Source::Path("cli".into())
        );
        // The fetched feeds' folder joins the library, not a given path.
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Source::resolve_with(None, &s, Some(dir.path())),
            Source::Paths(vec!["lib".into(), dir.path().into()])
        );
        // It takes the bundled sample's place.
        assert_eq!(
            Source::resolve_with(None, &config::Settings::default(), Some(dir.path())),
            Source::Path(dir.path().into())
        );
        assert_eq!(
            Source::resolve_with(Some(Path::new("cli")), &s, Some(dir.path())),
            Source::Path("cli".into())
        );
        assert_eq!(Source::Bundled.describe(), "bundled sample library");
    }

    #[test]
    fn bundled_library_has_the_sample() {
        let lib = load(&Source::Bundled).unwrap();
        let sample = lib
            .articles
            .iter()
            .find(|a| a.path == Path::new("assets/articles/000_597a4e4c925c446d.txt"))
            .expect("the sample story is bundled");
        assert_eq!(sample.credit.as_deref(), Some("AFP"));
        assert!(sample.title.starts_with("Le lancement de ChatGPT"));
    }

    #[test]
    fn several_roots_load_as_one_library() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            "---\ntitle: Fetched\n---\n\nText.\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.md"), "---\n---\n").unwrap();
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("c.txt"), "Mine\n\nBody.\n").unwrap();
        let source = Source::Path(other.path().into()).with_root(dir.path().into());
        source.check_root().unwrap();
        let lib = load(&source).unwrap();
        let mut titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
        titles.sort_unstable();
        assert_eq!(titles, ["Fetched", "Mine"]);
        assert_eq!(lib.problems.len(), 1);
        assert!(source.describe().contains(", "));
        let gone = source.with_root(dir.path().join("nope"));
        assert!(gone.check_root().is_err());
    }

    #[test]
    fn distinct_ids_across_files() {
        let mut seen = HashSet::new();
        let mut a = art("t", None);
        let mut b = art("t", None);
        b.path = "y.txt".into();
        distinct_id(&mut a, &mut seen);
        distinct_id(&mut b, &mut seen);
        assert_ne!(a.id, b.id);
    }
}
