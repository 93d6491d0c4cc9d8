//! The collection: folder scan, loading, problems. No terminal code.
//!
//! (Compile-level version for the reader's branch: the loaders' branch owns
//! this module and replaces it with the full implementation at merge.)

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::Context;

use crate::article::{Article, formats};
use crate::config;

/// The bundled sample library, embedded so an installed binary works anywhere.
const BUNDLED: &[(&str, &[u8])] = &[(
    "000_597a4e4c925c446d.txt",
    include_bytes!("../assets/articles/000_597a4e4c925c446d.txt"),
)];

/// Where the library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    Path(PathBuf),
}

impl Source {
    /// The command-line path, else the config's library, else the bundled sample.
    pub fn resolve(cli: Option<&Path>, settings: &config::Settings) -> Source {
        match cli.or(settings.library.as_deref()) {
            Some(p) => Source::Path(p.to_path_buf()),
            None => Source::Bundled,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Source::Bundled => "bundled sample library".to_string(),
            Source::Path(p) => p.display().to_string(),
        }
    }

    /// Fails when the root itself cannot be read (missing path).
    pub fn check_root(&self) -> anyhow::Result<()> {
        match self {
            Source::Bundled => Ok(()),
            Source::Path(p) => std::fs::metadata(p)
                .map(|_| ())
                .with_context(|| format!("cannot open library {}", p.display())),
        }
    }
}

/// A file of a known type that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Progress of a background load.
#[derive(Debug)]
pub enum LoadEvent {
    Found { total: usize },
    Article(Box<Article>),
    Problem(Problem),
    Done,
}

/// Loads the whole library, sorted.
pub fn load(source: &Source) -> anyhow::Result<Library> {
    source.check_root()?;
    let mut lib = Library::default();
    for entry in entries(source)? {
        match entry.parse() {
            Ok(arts) => lib.articles.extend(arts),
            Err(problem) => lib.problems.push(problem),
        }
    }
    sort(&mut lib.articles);
    Ok(lib)
}

/// Loads in a background thread; events arrive in file order, then `Done`.
pub fn spawn(source: Source) -> mpsc::Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let list = match source.check_root().and_then(|()| entries(&source)) {
            Ok(list) => list,
            Err(e) => {
                let path = match &source {
                    Source::Path(p) => p.clone(),
                    Source::Bundled => PathBuf::new(),
                };
                let _ = tx.send(LoadEvent::Problem(Problem {
                    path,
                    reason: format!("{e:#}"),
                }));
                let _ = tx.send(LoadEvent::Done);
                return;
            }
        };
        let _ = tx.send(LoadEvent::Found { total: list.len() });
        for entry in list {
            let events: Vec<LoadEvent> = match entry.parse() {
                Ok(arts) => arts
                    .into_iter()
                    .map(|a| LoadEvent::Article(Box::new(a)))
                    .collect(),
                Err(p) => vec![LoadEvent::Problem(p)],
            };
            for e in events {
                if tx.send(e).is_err() {
                    return;
                }
            }
        }
        let _ = tx.send(LoadEvent::Done);
    });
    rx
}

/// Newest first, undated last, then by title.
pub fn sort(articles: &mut [Article]) {
    articles.sort_by(|a, b| {
        b.date
            .is_some()
            .cmp(&a.date.is_some())
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| a.title.cmp(&b.title))
    });
}

/// One file of a known type, read when parsed.
enum Entry {
    Embedded(&'static str, &'static [u8]),
    File(PathBuf, formats::Kind),
}

impl Entry {
    fn parse(self) -> Result<Vec<Article>, Problem> {
        let (path, kind, bytes) = match self {
            Entry::Embedded(name, bytes) => {
                let path = PathBuf::from(name);
                let kind = formats::Kind::of(&path).unwrap_or(formats::Kind::Txt);
                (path, kind, bytes.to_vec())
            }
            Entry::File(path, kind) => match std::fs::read(&path) {
                Ok(b) => (path, kind, b),
                Err(e) => {
                    return Err(Problem {
                        path,
                        reason: e.to_string(),
                    });
                }
            },
        };
        formats::parse(kind, &path, &bytes).map_err(|e| Problem {
            path,
            reason: format!("{e:#}"),
        })
    }
}

/// Every file of a known type under the source, in path order.
fn entries(source: &Source) -> anyhow::Result<Vec<Entry>> {
    match source {
        Source::Bundled => Ok(BUNDLED
            .iter()
            .map(|(name, bytes)| Entry::Embedded(name, bytes))
            .collect()),
        Source::Path(root) => {
            let mut paths = Vec::new();
            collect(root, &mut paths)?;
            paths.sort();
            Ok(paths
                .into_iter()
                .filter_map(|p| formats::Kind::of(&p).map(|k| Entry::File(p, k)))
                .collect())
        }
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.is_dir() {
        let dir =
            std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))?;
        for entry in dir {
            collect(&entry?.path(), out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}
