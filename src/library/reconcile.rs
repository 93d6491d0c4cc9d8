//! Bringing the index up to date with the folders: every file is looked at
//! (size and modification time), and only new or changed files are read.
//! A file that moved (renamed, or carried to another folder of the library)
//! keeps its articles' rows, and so their analysis and full text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::entry::{Entry, Origin};
use super::index::{FileRow, Index};
use super::pace::pace;
use super::{Problem, Source};
use crate::article::Article;

/// Files parsed, then written in one transaction, at a time.
const CHUNK: usize = 256;

/// The same in a first build, after its first chunk (the first screen):
/// fewer, bigger transactions write fewer pages twice and leave fewer
/// full-text segments to merge (at 100,000 articles, 22.7–23.2 s of CPU
/// against 23.6–24.7 with 256, two alternating runs each, then with
/// FTS5's merges off during the build).
const BUILD_CHUNK: usize = 1024;

/// One root of the library, as the index knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// A folder, read recursively (absolute path).
    Folder(PathBuf),
    /// One article file (absolute path).
    File(PathBuf),
    /// The sample articles inside the binary.
    Bundled,
}

impl Root {
    /// The key rows of this root carry in the index.
    pub fn key(&self) -> String {
        match self {
            Root::Folder(p) | Root::File(p) => p.to_string_lossy().into_owned(),
            Root::Bundled => "bundled:".to_string(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Root::Folder(p) | Root::File(p) => p.display().to_string(),
            Root::Bundled => "bundled sample library".to_string(),
        }
    }
}

/// The roots of a source, with absolute paths (so the index means the same
/// whatever the current directory).
pub fn roots(source: &Source) -> Vec<Root> {
    source
        .roots()
        .into_iter()
        .map(|r| match r {
            None => Root::Bundled,
            Some(p) => {
                let abs = std::path::absolute(&p).unwrap_or(p);
                if abs.is_dir() {
                    Root::Folder(abs)
                } else {
                    Root::File(abs)
                }
            }
        })
        .collect()
}

/// The keys of `roots`, for the index's queries.
pub fn keys(roots: &[Root]) -> Vec<String> {
    roots.iter().map(Root::key).collect()
}

/// What a reconcile tells as it goes.
#[derive(Debug)]
pub enum Change {
    /// Files to read (new or changed): the total for progress.
    ToRead(usize),
    /// Files read so far.
    Read(usize),
    /// New or changed articles, and moved ones (same key, new origin).
    Entries(Vec<Entry>),
    /// Articles gone (keys).
    Removed(Vec<i64>),
    /// A file or folder that could not be read, found now.
    Problem(Problem),
}

/// What a reconcile did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub unchanged: usize,
    pub read: usize,
    pub moved: usize,
    pub removed: usize,
}

/// A file seen on this pass.
struct Seen {
    origin: Origin,
    root: String,
    size: u64,
    mtime: i64,
}

/// Brings the index in line with the files under `roots`.
pub fn reconcile(
    index: &mut Index,
    roots: &[Root],
    sink: &mut dyn FnMut(Change),
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    // what the index knows, under any of these roots
    let mut known: HashMap<String, FileRow> = HashMap::new();
    for root in roots {
        known.extend(index.files(&root.key())?);
    }
    if known.is_empty() {
        return first_build(index, roots, sink);
    }
    let mut seen = Vec::new();
    for root in roots {
        list_root(root, &mut seen, sink);
    }
    summary.files = seen.len();
    let mut to_read = Vec::new();
    for s in seen {
        pace();
        match known.remove(&s.origin.to_key()) {
            Some(k) if k.size == s.size && k.mtime == s.mtime => summary.unchanged += 1,
            Some(_) => to_read.push((s, true)),
            None => to_read.push((s, false)),
        }
    }
    // Left in `known`: files gone. Their single articles may turn up at a
    // new path (moved): by id.
    let mut gone_ids: HashMap<String, String> = HashMap::new();
    for path in known.keys() {
        if let Some(e) = single_article_of(index, path)? {
            gone_ids.insert(e, path.clone());
        }
    }
    sink(Change::ToRead(to_read.len()));
    for chunk in to_read.chunks(CHUNK) {
        read_chunk(index, chunk, &mut gone_ids, &mut known, &mut summary, sink)?;
    }
    if !known.is_empty() {
        let mut w = index.write()?;
        let mut removed = Vec::new();
        for path in known.keys() {
            removed.extend(w.remove_file(&Origin::from_key(path))?);
        }
        w.commit()?;
        summary.removed = known.len();
        if !removed.is_empty() {
            sink(Change::Removed(removed));
        }
    }
    if summary.read + summary.removed > 0 {
        index.empty_log();
    }
    Ok(summary)
}

/// Nothing indexed yet under these roots: no file to compare, none can have
/// moved; files are read a chunk at a time, each shown as it is stored.
fn first_build(
    index: &mut Index,
    roots: &[Root],
    sink: &mut dyn FnMut(Change),
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    // an empty index: its unordered indexes are made once, at the end
    let deferred = index.start_build()?;
    // all new: nothing known, nothing gone
    let mut read_new = |seen: Vec<Seen>, summary: &mut Summary, sink: &mut dyn FnMut(Change)| {
        let chunk: Vec<(Seen, bool)> = seen.into_iter().map(|s| (s, false)).collect();
        read_chunk(
            index,
            &chunk,
            &mut HashMap::new(),
            &mut HashMap::new(),
            summary,
            sink,
        )
    };
    // files per transaction: a first screen soon, then bigger ones
    let mut chunk = CHUNK;
    for root in roots {
        let key = root.key();
        let Root::Folder(dir) = root else {
            let mut seen = Vec::new();
            list_root(root, &mut seen, sink);
            summary.files += seen.len();
            read_new(seen, &mut summary, sink)?;
            continue;
        };
        // read as the walk goes: the first screen does not wait for the
        // walk of a big library to end
        let mut seen = Vec::new();
        let mut failed = None;
        let mut flush = |seen: &mut Vec<Seen>,
                         summary: &mut Summary,
                         sink: &mut dyn FnMut(Change)|
         -> anyhow::Result<()> {
            let seen = std::mem::take(seen);
            summary.files += seen.len();
            // the total grows with the walk
            sink(Change::ToRead(summary.files));
            read_new(seen, summary, sink)
        };
        let walked = crate::article::files::walk_each(
            dir,
            &|p| crate::article::formats::Kind::of(p).is_some(),
            &mut |p, meta| {
                if failed.is_some() {
                    return;
                }
                pace();
                seen.push(Seen::of(p, meta, &key));
                if seen.len() >= chunk {
                    chunk = BUILD_CHUNK;
                    if let Err(e) = flush(&mut seen, &mut summary, sink) {
                        failed = Some(e);
                    }
                }
            },
        );
        if let Some(e) = failed {
            return Err(e);
        }
        flush(&mut seen, &mut summary, sink)?;
        for (path, reason) in walked.problems {
            sink(Change::Problem(Problem { path, reason }));
        }
    }
    if deferred {
        index.finish_build()?;
    }
    Ok(summary)
}

/// Reads a chunk of new or changed files (in parallel) and writes them in
/// one transaction; a new file whose only article left another path (in
/// `gone_ids`) is a move.
fn read_chunk(
    index: &mut Index,
    chunk: &[(Seen, bool)],
    gone_ids: &mut HashMap<String, String>,
    known: &mut HashMap<String, FileRow>,
    summary: &mut Summary,
    sink: &mut dyn FnMut(Change),
) -> anyhow::Result<()> {
    let parsed: Vec<Vec<Result<Article, Problem>>> = chunk
        .par_iter()
        .map(|(s, _)| {
            pace();
            load(&s.origin)
        })
        .collect();
    let mut w = index.write()?;
    let mut entries = Vec::new();
    let mut removed = Vec::new();
    let mut problems_found = Vec::new();
    for ((s, existed), results) in chunk.iter().zip(parsed) {
        pace();
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for r in results {
            match r {
                Ok(a) => articles.push(a),
                Err(p) => problems.push(p),
            }
        }
        // a new single-article file whose article left another path: a move
        if !existed
            && problems.is_empty()
            && let [a] = articles.as_slice()
            && let Some(from) = gone_ids.remove(&a.id)
        {
            known.remove(&from);
            let keys = w.move_file(
                &Origin::from_key(&from),
                &s.origin,
                &s.root,
                s.size,
                s.mtime,
            )?;
            summary.moved += 1;
            for k in keys {
                let mut e = Entry::of(a, s.origin.clone(), 0);
                e.key = k;
                entries.push(e);
            }
            continue;
        }
        let problem = (!problems.is_empty()).then(|| {
            problems
                .iter()
                .map(|p| p.reason.replace('\n', " "))
                .collect::<Vec<_>>()
                // one line each: the index gives them back one by one
                .join("\n")
        });
        let content = match &problem {
            Some(p) if articles.is_empty() => Err(p.as_str()),
            _ => Ok(articles.as_slice()),
        };
        let (mut e, r) = w.put_file(&s.origin, &s.root, s.size, s.mtime, content)?;
        // a file with some bad records keeps its good ones and its problem
        if let (Some(p), false) = (&problem, articles.is_empty()) {
            w.set_problem(&s.origin, p)?;
        }
        entries.append(&mut e);
        removed.extend(r);
        problems_found.extend(problems);
    }
    w.commit()?;
    summary.read += chunk.len();
    sink(Change::Read(summary.read));
    for p in problems_found {
        sink(Change::Problem(p));
    }
    if !removed.is_empty() {
        sink(Change::Removed(removed));
    }
    // the reader takes one event between keys: pieces of the first chunk's size
    while !entries.is_empty() {
        let rest = entries.split_off(entries.len().min(CHUNK));
        sink(Change::Entries(std::mem::replace(&mut entries, rest)));
    }
    Ok(())
}

/// The id of a file's only article, if it has exactly one.
fn single_article_of(index: &Index, path: &str) -> anyhow::Result<Option<String>> {
    let mut st = index
        .connection()
        .prepare_cached("SELECT id FROM articles WHERE path = ? LIMIT 2")?;
    let ids: Vec<String> = st
        .query_map([path], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(match ids.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

/// The files of a root with their size and modification time; folders
/// that cannot be read are problems.
fn list_root(root: &Root, out: &mut Vec<Seen>, sink: &mut dyn FnMut(Change)) {
    let key = root.key();
    match root {
        Root::Bundled => {
            for &(name, bytes) in super::bundled_files() {
                if crate::article::formats::Kind::of(Path::new(name)).is_none() {
                    continue;
                }
                out.push(Seen {
                    origin: Origin::Bundled(name.to_string()),
                    root: key.clone(),
                    size: bytes.len() as u64,
                    // no time inside the binary: a hash of the bytes tells a change
                    mtime: fingerprint(bytes),
                });
            }
        }
        Root::File(p) => {
            if let Some(s) = stat(p, &key) {
                out.push(s);
            } else {
                sink(Change::Problem(Problem {
                    path: p.clone(),
                    reason: "cannot read".into(),
                }));
            }
        }
        Root::Folder(dir) => {
            // every article file under it, each real file once (the one
            // walker, whose stat gives the size and time), giving way to
            // the reader between files on a busy machine
            let walked = crate::article::files::walk_each(
                dir,
                &|p| crate::article::formats::Kind::of(p).is_some(),
                &mut |p, meta| {
                    pace();
                    out.push(Seen::of(p, meta, &key));
                },
            );
            for (path, reason) in walked.problems {
                sink(Change::Problem(Problem { path, reason }));
            }
        }
    }
}

impl Seen {
    fn of(path: PathBuf, meta: &std::fs::Metadata, root: &str) -> Seen {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Seen {
            origin: Origin::File(path),
            root: root.to_string(),
            size: meta.len(),
            mtime,
        }
    }
}

fn stat(path: &Path, root: &str) -> Option<Seen> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Seen::of(path.to_path_buf(), &meta, root))
}

/// FNV-1a of some bytes, as a signed integer for SQLite.
fn fingerprint(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// Reads the articles of one origin.
pub fn load(origin: &Origin) -> Vec<Result<Article, Problem>> {
    match origin {
        Origin::File(p) => super::load_file(p),
        Origin::Bundled(name) => super::load_bundled(name),
    }
}

/// The article of an entry, read from its file (the body is not kept in
/// memory nor in the index). An error names the file and says what is wrong.
pub fn read_article(origin: &Origin, record: u32, id: &str) -> anyhow::Result<Article> {
    let results = load(origin);
    let mut first_problem = None;
    let mut articles = Vec::new();
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(p) => {
                first_problem.get_or_insert(p);
            }
        }
    }
    // by id first (records may have shifted), then by place in the file
    if let Some(pos) = articles.iter().position(|a| a.id == id) {
        return Ok(articles.swap_remove(pos));
    }
    if let Some(p) = first_problem {
        anyhow::bail!("{}: {}", p.path.display(), p.reason);
    }
    let n = articles.len();
    articles.into_iter().nth(record as usize).ok_or_else(|| {
        anyhow::anyhow!(
            "{}: the article is no longer in the file ({n} left)",
            origin.display()
        )
    })
}
