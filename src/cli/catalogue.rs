//! The library as the commands see it: the index, brought up to date with
//! the folders first, so `quoth list`, `show`, `bookmarks` and `quotes`
//! agree with the reader (same articles, same ids, same order).

use std::path::PathBuf;

use crate::library::index::Index;
use crate::library::reconcile::{self, Change};
use crate::library::{Entry, Problem, Source};

pub(crate) struct Catalogue {
    pub index: Index,
    pub source: Source,
    /// The index's keys of the source's roots.
    pub roots: Vec<String>,
    /// In list order (newest first).
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

impl Catalogue {
    /// Files of other types in the library's folders (for the message
    /// when there is nothing to list).
    pub fn skipped(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for root in self.source.roots().into_iter().flatten() {
            if root.is_dir() {
                out.extend(
                    crate::article::files::walk(&root, &|p| {
                        crate::article::formats::Kind::of(p).is_some()
                    })
                    .skipped,
                );
            }
        }
        out
    }

    /// Opens the index (rebuilding a broken one, with a warning), reads the
    /// new and changed files of `source`, and lists its articles.
    pub fn open(source: Source) -> anyhow::Result<Catalogue> {
        source.check_root()?;
        let path = Index::default_path().unwrap_or_else(|| {
            std::env::temp_dir().join(format!("quoth-{}.sqlite3", std::process::id()))
        });
        let (mut index, note) = Index::open(&path)?;
        if let Some(n) = note {
            eprintln!("quoth: warning: {n}");
        }
        let roots = reconcile::roots(&source);
        let keys = reconcile::keys(&roots);
        reconcile::reconcile(&mut index, &roots, &mut |c: Change| {
            // problems are read back from the index below, with the old ones
            let _ = c;
        })?;
        let entries = index.entries(&keys)?;
        let mut problems: Vec<Problem> = index
            .problems(&keys)?
            .into_iter()
            .map(|(path, reason)| Problem {
                path: PathBuf::from(path),
                reason,
            })
            .collect();
        problems.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.reason.cmp(&b.reason)));
        Ok(Catalogue {
            index,
            source,
            roots: keys,
            entries,
            problems,
        })
    }
}
