//! The collection: folder scan, loading, problems. No terminal code.

use std::path::{Path, PathBuf};

use crate::article::{Article, formats};

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

/// Loads a folder (recursively) or one file.
pub fn load(path: &Path) -> anyhow::Result<Library> {
    let mut lib = Library::default();
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    for file in files {
        let Some(kind) = formats::Kind::of(&file) else {
            continue;
        };
        match std::fs::read(&file)
            .map_err(anyhow::Error::from)
            .and_then(|b| formats::parse(kind, &file, &b))
        {
            Ok(arts) => lib.articles.extend(arts),
            Err(e) => lib.problems.push(Problem {
                path: file,
                reason: e.to_string(),
            }),
        }
    }
    Ok(lib)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}
