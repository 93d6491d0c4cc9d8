//! The library index: one SQLite database in the data directory holding the
//! catalogue (one row per article, with the size and modification time of
//! its file), each article's analysis tagged with the analysis version, the
//! quotes and entities across the library, and a full-text index (FTS5).
//!
//! It is a cache: everything in it is derived from the article files, so
//! deleting it loses nothing (bookmarks, notes and reading state live in the
//! config and state files). A corrupt index, or one of another schema, is
//! rebuilt with a message. WAL and a busy timeout let two quoth processes
//! share it: readers never wait for the writer, writers wait their turn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, FixedOffset, TimeZone};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, params};

use super::codec;
use super::entry::{Entry, Origin};
use crate::analysis::{Analysis, QuoteKind};
use crate::article::Article;

/// File name of the index in the data directory.
pub const INDEX_FILE: &str = "index.sqlite3";

/// Bump when the tables change: an index of another version is rebuilt.
pub const SCHEMA_VERSION: i64 = 5;

/// What made a stored analysis: stored analyses of another version are
/// redone, lazily, in the background. The codec's format is part of it,
/// and a fingerprint of the analysis's code, models and lists (build.rs):
/// a change of rules no longer waits for someone to bump a number.
pub fn analysis_version() -> String {
    format!(
        "{}/{}/{}/{}",
        env!("CARGO_PKG_VERSION"),
        ANALYSIS_REVISION,
        codec::FORMAT,
        fingerprint::ANALYSIS_FINGERPRINT
    )
}

mod fingerprint {
    include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));
}

/// The analysis pipeline's revision, for [`analysis_version`]: bump it for
/// a change the fingerprint does not see (what the store keeps of an
/// analysis, outside `src/analysis` and the model and list assets).
const ANALYSIS_REVISION: u32 = 1;

/// A connection's page cache (MB), unless [`Index::set_cache_mb`] says.
pub const CACHE_MB: u32 = 8;

/// SQLite's own length of the write-ahead log before a checkpoint, in pages.
pub const CHECKPOINT_PAGES: u32 = 1000;

/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Longest quote text kept in the quotes table (the full quote is in the
/// stored analysis and the article).
const QUOTE_TEXT_MAX: usize = 2000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per file seen, problems included, so an unchanged broken file is
-- neither read again nor forgotten.
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    problem TEXT
);
CREATE INDEX IF NOT EXISTS files_root ON files(root);
CREATE TABLE IF NOT EXISTS articles (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    path TEXT NOT NULL,
    record INTEGER NOT NULL,
    root TEXT NOT NULL,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    source TEXT,
    date INTEGER,
    date_offset INTEGER,
    -- the date, undated as the smallest: the list order is an index walk
    sort_date INTEGER NOT NULL,
    language TEXT,
    words INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    -- for `quoth list --format json`; the list itself needs none of them
    raw_source TEXT,
    credit TEXT,
    author TEXT,
    url TEXT,
    tags TEXT,
    -- a mirror of the state file, for queries; the state file rules
    read INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER,
    analysed TEXT,
    -- 1: an analysis stored whose quote count and language are not yet
    -- copied to `quotes` and `language` (see `Writer::defer_listing`)
    fresh INTEGER
);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_analysed ON articles(analysed);
CREATE INDEX IF NOT EXISTS articles_fresh ON articles(key) WHERE fresh IS NOT NULL;
CREATE TABLE IF NOT EXISTS analyses (
    key INTEGER PRIMARY KEY,
    version TEXT NOT NULL,
    -- what the list shows of it, copied to the catalogue row
    quotes INTEGER NOT NULL,
    language TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    article INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    direct INTEGER NOT NULL,
    start INTEGER NOT NULL,
    text TEXT NOT NULL
);
-- a speaker's quotes in the order they are stored (article keys come in
-- order), not by date: each new quote lands at the end of its speaker's
-- run, not on a random page (by date, a first analysis rewrote more of
-- this index at each commit as the library grew); a speaker's quotes are
-- sorted by date when asked, thousands in a few ms
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key, article, seq);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE TABLE IF NOT EXISTS speakers (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS speakers_quotes ON speakers(quotes DESC, key);
-- no index by key: an entity is looked for by a part of its name (a
-- scan), and one by key cost a random page per entity in a first analysis
CREATE TABLE IF NOT EXISTS entities (
    article INTEGER NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, body, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2'
);
";

/// FTS5 merges its segments when 16 wait at a level rather than 4
/// (blocking only at 64): each level rewrites the whole full-text index,
/// and with 4 there were about twice as many levels, whose share of a
/// first build grew with the library (perf, 100,000 articles, one run
/// each: merges 8.4% -> 3.5% of its CPU). A search reads more segments
/// (up to 16 a level), which it does in a few ms. Kept in the index
/// (made with it; an older index keeps FTS5's defaults).
const FTS_MERGES: &str = "
INSERT INTO fts(fts, rank) VALUES('automerge', 16);
INSERT INTO fts(fts, rank) VALUES('crisismerge', 64);
";

/// Indexes of the catalogue whose rows come in no order of theirs (random
/// ids, dates, titles): each new row lands on another page, so a first
/// build would rewrite most of their pages at each commit (at 100,000
/// articles its CPU went from 30.6 to 22.1 s without them). A first build into
/// an empty index makes them once its rows are in, in one sort, which also
/// lays each out in order in the file (see [`Index::start_build`]). An
/// index that lacks one (a build cut short, another process's open during
/// a build) makes it at open.
const DEFERRED_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
-- the list order (SortOrder::Date), covering what the reader's list reads
-- and no more (no path: it is read by key when an article is opened): the
-- list is one walk of this index, the first screen comes without a sort
CREATE INDEX IF NOT EXISTS articles_list ON articles(
    sort_date DESC, sort_title, title, key,
    root, id, record, source, date_offset, language, words, quotes
);
-- the count of a library's articles (told at launch, before the rest of
-- the list) from a small index, not a walk of articles_list
CREATE INDEX IF NOT EXISTS articles_root ON articles(root);
";

/// The names of the indexes `DEFERRED_INDEXES` makes.
const DEFERRED_NAMES: [&str; 3] = ["articles_id", "articles_list", "articles_root"];

/// A file as the index last saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
    pub problem: Option<String>,
}

/// An article's metadata beyond its entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    pub source: Option<String>,
    pub credit: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
}

/// An article waiting for (re-)analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub key: i64,
    pub id: String,
    pub origin: Origin,
    pub record: u32,
    pub language: Option<String>,
    pub bytes: u64,
}

/// One speaker across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Lowercased name, the speaker's key.
    pub key: String,
    pub name: String,
    pub quotes: u32,
    pub articles: u32,
}

/// One quote across the library, with its article.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryQuote {
    pub article: i64,
    pub id: String,
    pub title: String,
    pub date: Option<DateTime<FixedOffset>>,
    pub origin: Origin,
    pub speaker: String,
    pub direct: bool,
    /// Byte offset of the quote in the article's body.
    pub start: usize,
    pub text: String,
}

/// The key under which a name is grouped across the library.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub struct Index {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Copies the write-ahead log into the index when a writer asks (see
/// [`Index::checkpoint_aside`]), on its own connection.
pub struct Checkpointer {
    conn: Connection,
    wanted: std::sync::mpsc::Receiver<()>,
}

impl Checkpointer {
    /// Runs until the writer's connection stops asking
    /// ([`Index::set_checkpoint_pages`]).
    pub fn run(self) {
        for () in self.wanted.iter() {
            self.copy();
        }
    }

    fn copy(&self) {
        // PASSIVE waits for neither the writer nor a reader: what it
        // cannot copy now, the next one does; the writer starts the log
        // over once all of it is copied
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }

    /// One copy if one was asked, here and now (tests: no thread's timing).
    #[cfg(test)]
    fn copy_if_asked(&self) -> bool {
        let asked = self.wanted.try_recv().is_ok();
        if asked {
            self.copy();
        }
        asked
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

impl Index {
    /// `index.sqlite3` in the data directory.
    pub fn default_path() -> Option<PathBuf> {
        crate::store::data_dir().map(|d| d.join(INDEX_FILE))
    }

    /// Opens the index at `path`, creating it. A file that is not a usable
    /// index (corrupt, or of another schema) is rebuilt: the returned note
    /// says so, for the status line.
    pub fn open(path: &Path) -> anyhow::Result<(Index, Option<String>)> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        match Self::try_open(path) {
            Ok(Opened::Ready(index)) => Ok((index, None)),
            Ok(Opened::OldSchema(index, found)) => {
                index.reset()?;
                Ok((
                    index,
                    Some(format!(
                        "library index {} was of another version ({found}); rebuilding it",
                        path.display()
                    )),
                ))
            }
            Err(e) if is_corruption(&e) => {
                remove_database(path)?;
                let index = match Self::try_open(path)? {
                    Opened::Ready(i) | Opened::OldSchema(i, _) => i,
                };
                Ok((
                    index,
                    Some(format!(
                        "library index {} was damaged ({e:#}); rebuilding it",
                        path.display(),
                    )),
                ))
            }
            Err(e) => Err(e.context(format!("cannot open library index {}", path.display()))),
        }
    }

    /// A private index in memory (tests, and when there is no data directory).
    pub fn in_memory() -> anyhow::Result<Index> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(DEFERRED_INDEXES)?;
        conn.execute_batch(FTS_MERGES)?;
        set_meta(&conn, "schema", &SCHEMA_VERSION.to_string())?;
        Ok(Index { conn, path: None })
    }

    fn try_open(path: &Path) -> anyhow::Result<Opened> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers (the reader's queries, another quoth) never block on
        // the writer; NORMAL sync is safe with WAL (a crash may lose the last
        // transactions, never corrupt), and this is a cache.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -(i64::from(CACHE_MB) * 1000))?;
        let has_meta: bool = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'",
            [],
            |r| r.get::<_, i64>(0).map(|n| n > 0),
        )?;
        let index = Index {
            conn,
            path: Some(path.to_path_buf()),
        };
        if has_meta {
            let found: Option<String> = index
                .conn
                .query_row("SELECT value FROM meta WHERE key='schema'", [], |r| {
                    r.get(0)
                })
                .optional()?;
            if found.as_deref() != Some(SCHEMA_VERSION.to_string().as_str()) {
                let found = found.map_or("no version".into(), |v| format!("schema {v}"));
                return Ok(Opened::OldSchema(index, found));
            }
            // A cheap look at the catalogue catches most damage at once.
            index
                .conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?;
            index.add_missing_indexes()?;
        } else {
            index.create()?;
        }
        Ok(Opened::Ready(index))
    }

    /// Makes the indexes a first build left for the end (a build cut
    /// short, or running in another process: it then goes on with them),
    /// and those added to the schema without changing what the rows hold
    /// (made once in an index of this schema version that lacks them,
    /// rather than rebuilding it and analysing the library again).
    pub fn add_missing_indexes(&self) -> anyhow::Result<()> {
        // looked up first: an index that has them all is not written to
        let present: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({})",
                placeholders(DEFERRED_NAMES.len())
            ),
            rusqlite::params_from_iter(DEFERRED_NAMES),
            |r| r.get(0),
        )?;
        if (present as usize) < DEFERRED_NAMES.len() {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute_batch(DEFERRED_INDEXES)?;
            // read marks kept while `articles_id` was missing (see
            // `mirror_read`), in the same transaction as the index
            if has_table(&tx, "read_pending")? {
                tx.execute_batch(
                    "UPDATE articles SET read = p.read FROM read_pending p WHERE p.id = articles.id;
                     DELETE FROM read_pending;",
                )?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Before a first build into an empty index: drops the indexes whose
    /// rows come in no order (`DEFERRED_INDEXES`), for
    /// [`Index::finish_build`]. Returns whether it did; an index holding
    /// articles keeps them (a new folder beside a big library would pay
    /// for the whole table).
    ///
    /// (FTS5's merges also grow faster than the library during a build,
    /// 5% to 11% of its CPU from 10,000 to 100,000 articles; but with them
    /// off and one 'optimize' at the end, the next refresh of 1,000 files
    /// rewrote the whole full-text index once: 373 MB written, 100 MB left
    /// free in the file. They stay on.)
    pub fn start_build(&self) -> anyhow::Result<bool> {
        let tx = self.conn.unchecked_transaction()?;
        let empty = tx
            .query_row("SELECT 1 FROM articles LIMIT 1", [], |_| Ok(()))
            .optional()?
            .is_none();
        if empty {
            for name in DEFERRED_NAMES {
                tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
            }
        }
        tx.commit()?;
        Ok(empty)
    }

    /// After a first build that [`Index::start_build`] prepared: the
    /// catalogue's indexes made from the rows, one sort each; then the
    /// write-ahead log emptied ([`Index::empty_log`]): with the build's
    /// log left whole, the next launch at 100,000 articles took 83-92 ms
    /// to its first frame (195-236 ms with the index out of the page
    /// cache).
    pub fn finish_build(&self) -> anyhow::Result<()> {
        self.add_missing_indexes()?;
        self.empty_log();
        Ok(())
    }

    /// Copies the write-ahead log into the database and empties it, after
    /// a burst of writes (a build, a refresh). A process that ends without
    /// closing the index leaves its log, which the next launch reads
    /// through before its first frame (see [`Index::finish_build`]; the
    /// 25-55 MB a refresh of 1,000 files leaves made no clear difference
    /// in six launches, but it is disk space kept for nothing).
    pub fn empty_log(&self) {
        // a reader holding an old snapshot makes it wait (busy timeout),
        // then give up, leaving the log for the next checkpoint: no error
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }

    fn create(&self) -> anyhow::Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute_batch(SCHEMA)?;
        tx.execute_batch(DEFERRED_INDEXES)?;
        tx.execute_batch(FTS_MERGES)?;
        set_meta(&tx, "schema", &SCHEMA_VERSION.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Drops every table and creates them anew (another schema version).
    fn reset(&self) -> anyhow::Result<()> {
        let names: Vec<(String, String)> = {
            let mut st = self.conn.prepare(
                "SELECT type, name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%'",
            )?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?
        };
        let tx = self.conn.unchecked_transaction()?;
        for (kind, name) in names {
            let kind = if kind == "view" { "VIEW" } else { "TABLE" };
            tx.execute_batch(&format!(
                "DROP {kind} IF EXISTS \"{}\"",
                name.replace('"', "")
            ))?;
        }
        tx.commit()?;
        self.create()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// How many pages the write-ahead log may hold before a commit copies
    /// it into the index ([`CHECKPOINT_PAGES`] by default). Ends
    /// [`Index::checkpoint_aside`].
    pub fn set_checkpoint_pages(&mut self, pages: u32) -> anyhow::Result<()> {
        // the pragma replaces SQLite's hook but not rusqlite's closure:
        // dropped here, with it the checkpointer's channel
        self.conn.wal_hook(
            None::<fn(&mut rusqlite::hooks::Wal, std::ffi::c_int) -> rusqlite::Result<()>>,
        )?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", i64::from(pages))?;
        Ok(())
    }

    /// For a long run of writes: this connection's commits stop copying
    /// the write-ahead log into the index themselves. Each copy ends in
    /// waits for the disk (fsync), which the writing thread spent holding
    /// a core the analysis could use (100,000 articles: 4 of its 6.3 s of
    /// commits). Once the log holds `pages`, a commit asks the returned
    /// [`Checkpointer`], run on a thread of its own, to copy it; a log
    /// four times that long is copied by the commit itself, so it stays
    /// bounded if that thread falls behind. None for an index in memory
    /// (no log). [`Index::set_checkpoint_pages`] ends it.
    pub fn checkpoint_aside(&mut self, pages: u32) -> anyhow::Result<Option<Checkpointer>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let (tx, wanted) = std::sync::mpsc::sync_channel::<()>(1);
        let pages = pages as std::ffi::c_int;
        self.conn.wal_hook(Some(
            move |wal: &mut rusqlite::hooks::Wal, logged: std::ffi::c_int| {
                if logged >= pages.saturating_mul(4) {
                    wal.checkpoint()?;
                } else if logged >= pages {
                    // one asked is enough: it copies what is logged when it runs
                    let _ = tx.try_send(());
                }
                Ok(())
            },
        ))?;
        Ok(Some(Checkpointer { conn, wanted }))
    }

    /// Caps this connection's page cache (a reader's queries need less
    /// than the writer's transactions: memory stays low at 100,000 articles).
    pub fn set_cache_mb(&self, mb: u32) -> anyhow::Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -(i64::from(mb) * 1000))?;
        Ok(())
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Another connection to the same database (for another thread).
    pub fn reopen(&self) -> anyhow::Result<Index> {
        match &self.path {
            Some(p) => match Self::try_open(p)? {
                Opened::Ready(i) => Ok(i),
                Opened::OldSchema(_, found) => {
                    anyhow::bail!("library index changed under us ({found})")
                }
            },
            None => anyhow::bail!("an in-memory index cannot be shared"),
        }
    }

    // ------------------------------------------------------------ catalogue

    /// Every article under `roots`, in list order (newest first), with
    /// its file (what the commands print).
    pub fn entries(&self, roots: &[String]) -> anyhow::Result<Vec<Entry>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {LIST_COLUMNS}, path FROM articles WHERE root IN ({}) ORDER BY {LIST_ORDER}",
            placeholders(roots.len())
        ))?;
        let mut names = Names::default();
        let rows = st.query_map(rusqlite::params_from_iter(roots), |r| {
            let mut e = list_entry(r, &mut names)?;
            e.origin = Some(Origin::from_key(r.get_ref(LIST_WIDTH)?.as_str()?));
            Ok(e)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reader's list of `roots`: entries without their file (see
    /// [`Index::place`]), in list order, handed over in batches of `batch`
    /// after a first batch of `first` (the first screen).
    pub fn list_each(
        &self,
        roots: &[String],
        first: usize,
        batch: usize,
        sink: &mut dyn FnMut(Vec<Entry>) -> bool,
    ) -> anyhow::Result<()> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {LIST_COLUMNS} FROM articles INDEXED BY articles_list
             WHERE root IN ({}) ORDER BY {LIST_ORDER}",
            placeholders(roots.len())
        ))?;
        let mut rows = st.query(rusqlite::params_from_iter(roots))?;
        let mut names = Names::default();
        let mut limit = first.max(1);
        let mut chunk = Vec::with_capacity(limit);
        while let Some(r) = rows.next()? {
            chunk.push(list_entry(r, &mut names)?);
            if chunk.len() >= limit {
                limit = batch.max(1);
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(limit));
                if !sink(full) {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            sink(chunk);
        }
        Ok(())
    }

    /// The keys of every article under `roots` (one walk of `articles_root`).
    pub fn keys(&self, roots: &[String]) -> anyhow::Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT key FROM articles INDEXED BY articles_root WHERE root IN ({})",
            placeholders(roots.len())
        ))?;
        let rows = st.query_map(rusqlite::params_from_iter(roots), |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether another connection (another process, or this process's
    /// other connection) committed since the last call on this one.
    pub fn data_version(&self) -> anyhow::Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The first `n` rows of the reader's list (the first screen).
    pub fn first_entries(&self, roots: &[String], n: usize) -> anyhow::Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.list_each(roots, n, n, &mut |b| {
            out = b;
            false
        })?;
        Ok(out)
    }

    /// Where an indexed article's bytes are: its file (or bundled name)
    /// and its place in the file.
    pub fn place(&self, key: i64) -> anyhow::Result<Option<(Origin, u32)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT path, record FROM articles WHERE key = ?")?
            .query_row([key], |r| {
                Ok((Origin::from_key(r.get_ref(0)?.as_str()?), r.get(1)?))
            })
            .optional()?)
    }

    /// What `quoth list --format json` adds to an entry: source, credit,
    /// author, url, tags.
    pub fn details(&self, key: i64) -> anyhow::Result<Option<Details>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT raw_source, credit, author, url, tags FROM articles WHERE key = ?",
            )?
            .query_row([key], |r| {
                Ok(Details {
                    source: r.get(0)?,
                    credit: r.get(1)?,
                    author: r.get(2)?,
                    url: r.get(3)?,
                    tags: r
                        .get::<_, Option<String>>(4)?
                        .and_then(|t| serde_json::from_str(&t).ok())
                        .unwrap_or_default(),
                })
            })
            .optional()?)
    }

    /// Entries by key (for bookmarks and lookups); unknown keys are skipped.
    pub fn entry(&self, key: i64) -> anyhow::Result<Option<Entry>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {LIST_COLUMNS}, path FROM articles WHERE key = ?"
            ))?
            .query_row([key], full_entry)
            .optional()?)
    }

    /// An article with this id whose file is still there, under any root
    /// ever indexed (a bookmark made while reading another folder): the
    /// first by key.
    pub fn live_entry_by_id(&self, id: &str) -> anyhow::Result<Option<Entry>> {
        Ok(self.entries_by_id(id)?.into_iter().find(|e| {
            e.origin
                .as_ref()
                .is_some_and(|o| o.path().is_none_or(Path::exists))
        }))
    }

    /// Every article with this id, under any root ever indexed.
    pub fn entries_by_id(&self, id: &str) -> anyhow::Result<Vec<Entry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {LIST_COLUMNS}, path FROM articles WHERE id = ? ORDER BY key"
        ))?;
        let rows = st.query_map([id], full_entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The files of `root` as last seen.
    pub fn files(&self, root: &str) -> anyhow::Result<HashMap<String, FileRow>> {
        let mut st = self
            .conn
            .prepare("SELECT path, size, mtime, problem FROM files WHERE root = ?")?;
        let rows = st.query_map([root], |r| {
            Ok((
                r.get::<_, String>(0)?,
                FileRow {
                    size: r.get::<_, i64>(1)? as u64,
                    mtime: r.get(2)?,
                    problem: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Files of these roots that could not be read, and why (a file with
    /// several bad records: one row each).
    pub fn problems(&self, roots: &[String]) -> anyhow::Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT path, problem FROM files WHERE problem IS NOT NULL AND root IN ({}) ORDER BY path",
            placeholders(roots.len())
        ))?;
        let rows = st.query_map(rusqlite::params_from_iter(roots), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (path, reasons) = row?;
            out.extend(reasons.lines().map(|r| (path.clone(), r.to_string())));
        }
        Ok(out)
    }

    /// Number of articles under `roots`. A count with a condition steps
    /// through every row it counts (50 ms at 100,000 articles, before the
    /// rest of the list can come); the whole table's count reads only its
    /// smallest index's pages (5 ms). So: the whole count, less the rows
    /// of the index's other roots (a folder read once, usually small),
    /// which are found by one seek each on `articles_root`.
    pub fn count(&self, roots: &[String]) -> anyhow::Result<usize> {
        let mut next = self
            .conn
            .prepare_cached("SELECT min(root) FROM articles WHERE root > ?")?;
        let mut others = Vec::new();
        let mut after = String::new();
        while let Some(root) = next.query_row([&after], |r| r.get::<_, Option<String>>(0))? {
            if !roots.contains(&root) {
                others.push(root.clone());
            }
            after = root;
        }
        let all: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let elsewhere: i64 = if others.is_empty() {
            0
        } else {
            self.conn.query_row(
                &format!(
                    "SELECT count(*) FROM articles WHERE root IN ({})",
                    placeholders(others.len())
                ),
                rusqlite::params_from_iter(&others),
                |r| r.get(0),
            )?
        };
        Ok((all - elsewhere) as usize)
    }

    /// Starts a write transaction (waits for another writer, up to the busy
    /// timeout).
    pub fn write(&mut self) -> anyhow::Result<Writer<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Writer {
            tx,
            stored: Some(Vec::new()),
        })
    }

    /// Copies the quote count and language of every analysis stored with
    /// [`Writer::defer_listing`] to its catalogue row, in one transaction
    /// (nothing written when there are none: an analysis cut short left
    /// them).
    pub fn list_fresh(&mut self) -> anyhow::Result<()> {
        let any = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE fresh IS NOT NULL LIMIT 1")?
            .exists([])?;
        if any {
            let mut w = self.write()?;
            w.list_fresh()?;
            w.commit()?;
        }
        Ok(())
    }

    /// Mirrors read marks into the catalogue (the state file stays the
    /// authority; this lets queries filter on them).
    ///
    /// During a first build `articles_id` is not made yet (see
    /// [`Index::start_build`]), and each mark's UPDATE by id read the whole
    /// catalogue: a reader opening an article every half second made the
    /// build's CPU grow faster than the library (1.7% of it at 100,000
    /// articles, 0.2% at 10,000). The marks then wait in a small table,
    /// which [`Index::add_missing_indexes`] applies when it makes the
    /// index. The write lock is taken first, so a build cannot make the
    /// index between the look and the write.
    pub fn mirror_read(&mut self, marks: &[(String, bool)]) -> anyhow::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let sql = if has_index(&tx, "articles_id")? {
            "UPDATE articles SET read = ?1 WHERE id = ?2"
        } else {
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS read_pending (
                    id TEXT PRIMARY KEY, read INTEGER NOT NULL
                 ) WITHOUT ROWID",
            )?;
            "INSERT INTO read_pending(id, read) VALUES(?2, ?1)
             ON CONFLICT(id) DO UPDATE SET read = excluded.read"
        };
        {
            let mut st = tx.prepare_cached(sql)?;
            for (id, read) in marks {
                st.execute(params![*read as i64, id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    // ------------------------------------------------------------ analysis

    /// Articles under `roots` without an analysis of `version`, oldest rows
    /// first: the analyses, and the quotes' and entities' rows by article,
    /// then grow at their end. (Newest first, each article's went to
    /// another page of tables that outgrow the page cache: at 100,000
    /// articles the store's system time was a quarter of the analysis.)
    pub fn pending_analysis(
        &self,
        roots: &[String],
        version: &str,
    ) -> anyhow::Result<Vec<Pending>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT key, path, record, language, bytes, id FROM articles
             WHERE (analysed IS NULL OR analysed != ?) AND root IN ({}) ORDER BY key",
            placeholders(roots.len())
        ))?;
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&version];
        for r in roots {
            params.push(r);
        }
        let rows = st.query_map(params.as_slice(), |r| {
            Ok(Pending {
                key: r.get(0)?,
                origin: Origin::from_key(&r.get::<_, String>(1)?),
                record: r.get(2)?,
                language: r.get(3)?,
                bytes: r.get::<_, i64>(4)? as u64,
                id: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The stored analysis of an article, if it is of `version`.
    pub fn analysis(&self, key: i64, version: &str) -> anyhow::Result<Option<Analysis>> {
        let data: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT data FROM analyses WHERE key = ? AND version = ?")?
            .query_row(params![key, version], |r| r.get(0))
            .optional()?;
        Ok(data.and_then(|d| codec::decode(&d)))
    }

    // ------------------------------------------------------------ across the library

    /// Speakers across the library, most quoted first; `filter` keeps names
    /// containing it (case-insensitive). At most `limit`.
    pub fn speakers(&self, filter: &str, limit: usize) -> anyhow::Result<Vec<Speaker>> {
        let filter = name_key(filter);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let map = |r: &rusqlite::Row<'_>| {
            Ok(Speaker {
                key: r.get(0)?,
                name: r.get(1)?,
                quotes: r.get(2)?,
                articles: r.get(3)?,
            })
        };
        let rows = if filter.is_empty() {
            let mut st = self.conn.prepare_cached(
                "SELECT key, name, quotes, articles FROM speakers WHERE quotes > 0
                 ORDER BY quotes DESC, key LIMIT ?",
            )?;
            st.query_map([limit], map)?.collect::<Result<Vec<_>, _>>()?
        } else {
            let mut st = self.conn.prepare_cached(
                "SELECT key, name, quotes, articles FROM speakers WHERE quotes > 0 AND instr(key, ?) > 0
                 ORDER BY quotes DESC, key LIMIT ?",
            )?;
            st.query_map(params![filter, limit], map)?
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(rows)
    }

    /// Number of distinct speakers across the library.
    pub fn speaker_count(&self) -> anyhow::Result<usize> {
        let n: i64 =
            self.conn
                .query_row("SELECT count(*) FROM speakers WHERE quotes > 0", [], |r| {
                    r.get(0)
                })?;
        Ok(n as usize)
    }

    /// Every quote of a speaker (by key), newest article first, under
    /// `roots`; `since` keeps articles dated on or after it.
    pub fn quotes_of(
        &self,
        speaker_key: Option<&str>,
        since: Option<DateTime<FixedOffset>>,
        roots: &[String],
    ) -> anyhow::Result<Vec<LibraryQuote>> {
        self.quotes_limited(speaker_key, since, roots, usize::MAX)
    }

    /// [`Index::quotes_of`], the newest `limit` only.
    pub fn quotes_limited(
        &self,
        speaker_key: Option<&str>,
        since: Option<DateTime<FixedOffset>>,
        roots: &[String],
        limit: usize,
    ) -> anyhow::Result<Vec<LibraryQuote>> {
        let mut sql = String::from(
            "SELECT q.article, a.id, a.title, a.date, a.date_offset, a.path, q.speaker, q.direct, q.start, q.text
             FROM quotes q CROSS JOIN articles a ON a.key = q.article
             WHERE q.speaker_key IS NOT NULL",
        );
        let mut params: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(k) = speaker_key {
            sql.push_str(" AND q.speaker_key = ?");
            params.push(Box::new(k.to_string()));
        }
        if let Some(s) = since {
            sql.push_str(" AND a.date >= ?");
            params.push(Box::new(s.timestamp()));
        }
        sql.push_str(&format!(
            " AND a.root IN ({}) ORDER BY a.sort_date DESC, q.article, q.seq LIMIT ?",
            placeholders(roots.len())
        ));
        for r in roots {
            params.push(Box::new(r.clone()));
        }
        params.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(
            rusqlite::params_from_iter(params.iter().map(|b| b.as_ref())),
            |r| {
                Ok(LibraryQuote {
                    article: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    date: date_of(r.get(3)?, r.get(4)?),
                    origin: Origin::from_key(&r.get::<_, String>(5)?),
                    speaker: r.get(6)?,
                    direct: r.get::<_, i64>(7)? != 0,
                    start: r.get::<_, i64>(8)? as usize,
                    text: r.get(9)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keys of the articles whose title or body match `query` (words, all
    /// required; the last one may be the start of a word).
    pub fn search(&self, query: &str) -> anyhow::Result<Vec<i64>> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut st = self
            .conn
            .prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?")?;
        let rows = st.query_map([q], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keys of the articles where a speaker whose name contains `name` is quoted.
    pub fn articles_with_speaker(&self, name: &str) -> anyhow::Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT article FROM quotes WHERE speaker_key IN
             (SELECT key FROM speakers WHERE instr(key, ?) > 0)",
        )?;
        let rows = st.query_map([name_key(name)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keys of the articles that mention an entity whose name contains `name`.
    pub fn articles_with_entity(&self, name: &str) -> anyhow::Result<Vec<i64>> {
        let key = name_key(name);
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT article FROM entities WHERE key = ?1 OR instr(key, ?1) > 0",
        )?;
        let rows = st.query_map([key], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

enum Opened {
    Ready(Index),
    /// Opened, but made by another schema version (which it names).
    OldSchema(Index, String),
}

/// An open write transaction. Dropped without [`Writer::commit`], it rolls back.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    /// Articles whose analysis this transaction stored, for the list's
    /// columns at commit; `None` when [`Writer::defer_listing`] said.
    stored: Option<Vec<i64>>,
}

impl Writer<'_> {
    /// Commits, the list's columns of the analyses stored first (unless
    /// deferred).
    pub fn commit(self) -> anyhow::Result<()> {
        for key in self.stored.iter().flatten() {
            self.tx.prepare_cached(LIST_FRESH_ONE)?.execute([key])?;
        }
        self.tx.commit()?;
        Ok(())
    }

    /// Leaves the quote count and language of the analyses this
    /// transaction stores out of the catalogue rows, for
    /// [`Index::list_fresh`] to copy later in one pass. Those two columns
    /// are in the list's index (`articles_list`), in date order, while a
    /// library is analysed in row order: each article's update rewrote a
    /// page somewhere in it, and a larger library's list spreads one
    /// commit's updates over more pages (100,000 articles: a first
    /// analysis about 15% slower with them, two runs each).
    pub fn defer_listing(&mut self) {
        self.stored = None;
    }

    /// [`Index::list_fresh`] in this transaction.
    pub fn list_fresh(&mut self) -> anyhow::Result<()> {
        self.defer_listing();
        self.tx.execute(LIST_FRESH, [])?;
        Ok(())
    }

    /// Records a file and its articles (replacing what the index had for
    /// that path). Returns the entries, with their keys, and the keys of the
    /// articles that were replaced.
    pub fn put_file(
        &mut self,
        origin: &Origin,
        root: &str,
        size: u64,
        mtime: i64,
        content: Result<&[Article], &str>,
    ) -> anyhow::Result<(Vec<Entry>, Vec<i64>)> {
        let path = origin.to_key();
        let removed = self.remove_articles(&path)?;
        self.tx
            .prepare_cached(
                "INSERT INTO files(path, root, size, mtime, problem) VALUES(?,?,?,?,?)
                 ON CONFLICT(path) DO UPDATE SET root=excluded.root, size=excluded.size,
                 mtime=excluded.mtime, problem=excluded.problem",
            )?
            .execute(params![
                path,
                root,
                size as i64,
                mtime,
                content.as_ref().err()
            ])?;
        let mut entries = Vec::new();
        if let Ok(articles) = content {
            for (record, a) in articles.iter().enumerate() {
                let mut e = Entry::of(a, origin.clone(), record as u32);
                // the list shows a language before the analysis runs
                if e.language.is_none() {
                    e.language = Some(crate::analysis::lang::detect(&a.body).code().into());
                }
                e.key = self.insert_article(&e, &path, root, a)?;
                entries.push(e);
            }
        }
        Ok((entries, removed))
    }

    fn insert_article(
        &mut self,
        e: &Entry,
        path: &str,
        root: &str,
        a: &Article,
    ) -> anyhow::Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO articles(id, path, record, root, title, sort_title, source, date, date_offset, language, words, bytes,
                 raw_source, credit, author, url, tags, sort_date)
                 VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            )?
            .execute(params![
                e.id,
                path,
                e.record,
                root,
                e.title,
                super::entry::fold_title(&e.title).collect::<String>(),
                e.source.as_deref(),
                e.date.map(|d| d.timestamp()),
                e.date.map(|d| d.offset().local_minus_utc()),
                e.language.as_deref(),
                e.words,
                (a.title.len() + a.body.len()) as i64,
                a.source,
                a.credit,
                a.author,
                a.url,
                serde_json::to_string(&a.tags).unwrap_or_default(),
                e.sort_date(),
            ])?;
        let key = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached("INSERT INTO fts(rowid, title, body) VALUES(?,?,?)")?
            .execute(params![key, a.title, a.body])?;
        Ok(key)
    }

    /// Moves a file's articles to another path (a file renamed or moved
    /// between folders): they keep their keys, analysis and full text.
    pub fn move_file(
        &mut self,
        from: &Origin,
        to: &Origin,
        root: &str,
        size: u64,
        mtime: i64,
    ) -> anyhow::Result<Vec<i64>> {
        let (from, to) = (from.to_key(), to.to_key());
        self.tx
            .prepare_cached("DELETE FROM files WHERE path = ?")?
            .execute([&from])?;
        self.tx
            .prepare_cached(
                "INSERT INTO files(path, root, size, mtime, problem) VALUES(?,?,?,?,NULL)
                 ON CONFLICT(path) DO UPDATE SET root=excluded.root, size=excluded.size,
                 mtime=excluded.mtime, problem=NULL",
            )?
            .execute(params![to, root, size as i64, mtime])?;
        let keys: Vec<i64> = self
            .tx
            .prepare_cached("SELECT key FROM articles WHERE path = ?")?
            .query_map([&from], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        self.tx
            .prepare_cached("UPDATE articles SET path = ?, root = ? WHERE path = ?")?
            .execute(params![to, root, from])?;
        Ok(keys)
    }

    /// Records what is wrong with a file whose other records loaded.
    pub fn set_problem(&mut self, origin: &Origin, problem: &str) -> anyhow::Result<()> {
        self.tx
            .prepare_cached("UPDATE files SET problem = ? WHERE path = ?")?
            .execute(params![problem, origin.to_key()])?;
        Ok(())
    }

    /// Forgets a file and its articles; returns their keys.
    pub fn remove_file(&mut self, origin: &Origin) -> anyhow::Result<Vec<i64>> {
        let path = origin.to_key();
        let removed = self.remove_articles(&path)?;
        self.tx
            .prepare_cached("DELETE FROM files WHERE path = ?")?
            .execute([&path])?;
        Ok(removed)
    }

    fn remove_articles(&mut self, path: &str) -> anyhow::Result<Vec<i64>> {
        let keys: Vec<i64> = self
            .tx
            .prepare_cached("SELECT key FROM articles WHERE path = ?")?
            .query_map([path], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for &k in &keys {
            self.clear_analysis(k)?;
            self.tx
                .prepare_cached("DELETE FROM fts WHERE rowid = ?")?
                .execute([k])?;
            self.tx
                .prepare_cached("DELETE FROM articles WHERE key = ?")?
                .execute([k])?;
        }
        Ok(keys)
    }

    /// Removes an article's stored analysis and its share of the
    /// library-wide speaker counts.
    fn clear_analysis(&mut self, key: i64) -> anyhow::Result<()> {
        let counts: Vec<(String, i64)> = self
            .tx
            .prepare_cached(
                "SELECT speaker_key, count(*) FROM quotes WHERE article = ? AND speaker_key IS NOT NULL GROUP BY speaker_key",
            )?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (k, n) in counts {
            self.tx
                .prepare_cached(
                    "UPDATE speakers SET quotes = quotes - ?, articles = articles - 1 WHERE key = ?",
                )?
                .execute(params![n, k])?;
        }
        for sql in [
            "DELETE FROM quotes WHERE article = ?",
            "DELETE FROM entities WHERE article = ?",
            "DELETE FROM analyses WHERE key = ?",
        ] {
            self.tx.prepare_cached(sql)?.execute([key])?;
        }
        Ok(())
    }

    /// Stores an article's analysis (replacing an older one): the analysis
    /// itself, its quotes and entities for queries across the library, and
    /// the quote count and language on the catalogue row (at commit, or
    /// later: [`Writer::defer_listing`]).
    pub fn put_analysis(
        &mut self,
        key: i64,
        version: &str,
        body: &str,
        analysis: &Analysis,
    ) -> anyhow::Result<()> {
        self.put_rows(version, &AnalysisRows::of(key, body, analysis))
    }

    /// Stores an analysis made into rows ([`AnalysisRows::of`]).
    pub fn put_rows(&mut self, version: &str, rows: &AnalysisRows) -> anyhow::Result<()> {
        let key = rows.key;
        // the article may have gone meanwhile (file deleted while analysing)
        let Some(analysed) = self
            .tx
            .prepare_cached("SELECT analysed IS NOT NULL FROM articles WHERE key = ?")?
            .query_row([key], |r| r.get::<_, bool>(0))
            .optional()?
        else {
            return Ok(());
        };
        // an article never analysed has nothing to clear: its quotes,
        // entities and analysis are only written here, with `analysed`
        // (the clearing's query and three deletes were a fifth of this
        // function in a first analysis of the library)
        if analysed {
            self.clear_analysis(key)?;
        }
        self.tx
            .prepare_cached(
                "INSERT INTO analyses(key, version, quotes, language, data) VALUES(?,?,?,?,?)",
            )?
            .execute(params![
                key,
                version,
                rows.quotes.len() as i64,
                rows.language,
                rows.data
            ])?;
        for (seq, q) in rows.quotes.iter().enumerate() {
            self.tx
                .prepare_cached(
                    "INSERT INTO quotes(article, seq, speaker, speaker_key, direct, start, text)
                     VALUES(?,?,?,?,?,?,?)",
                )?
                .execute(params![
                    key,
                    seq as i64,
                    q.speaker,
                    q.speaker_key,
                    q.direct as i64,
                    q.start as i64,
                    q.text
                ])?;
        }
        for (k, name, n) in &rows.speakers {
            self.tx
                .prepare_cached(
                    "INSERT INTO speakers(key, name, quotes, articles) VALUES(?,?,?,1)
                     ON CONFLICT(key) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + 1",
                )?
                .execute(params![k, name, n])?;
        }
        for (k, label, mentions) in &rows.entities {
            self.tx
                .prepare_cached(
                    "INSERT INTO entities(article, key, label, mentions) VALUES(?,?,?,?)",
                )?
                .execute(params![key, k, label, mentions])?;
        }
        self.tx
            .prepare_cached("UPDATE articles SET analysed = ?, fresh = 1 WHERE key = ?")?
            .execute(params![version, key])?;
        if let Some(stored) = &mut self.stored {
            stored.push(key);
        }
        Ok(())
    }
}

/// An article's analysis as the rows the index keeps of it: made where it
/// is analysed, so the thread writing the index only writes (and a
/// transaction stays open only while it does).
#[derive(Debug)]
pub struct AnalysisRows {
    pub key: i64,
    /// Bytes of the article's body.
    pub bytes: usize,
    language: &'static str,
    data: Vec<u8>,
    quotes: Vec<QuoteRow>,
    /// (key, name, quotes) of each speaker.
    speakers: Vec<(String, String, i64)>,
    /// (key, label, mentions) of each entity.
    entities: Vec<(String, &'static str, i64)>,
}

#[derive(Debug)]
struct QuoteRow {
    speaker: Option<String>,
    speaker_key: Option<String>,
    direct: bool,
    start: usize,
    text: String,
}

impl AnalysisRows {
    pub fn of(key: i64, body: &str, analysis: &Analysis) -> AnalysisRows {
        let mut speakers: Vec<(String, String, i64)> = Vec::new();
        let mut quotes = Vec::with_capacity(analysis.quotes.len());
        for q in &analysis.quotes {
            let speaker_key = q.speaker.as_deref().map(name_key);
            if let (Some(k), Some(name)) = (&speaker_key, &q.speaker) {
                // few speakers an article: a scan
                match speakers.iter_mut().find(|(sk, _, _)| sk == k) {
                    Some(s) => s.2 += 1,
                    None => speakers.push((k.clone(), name.clone(), 1)),
                }
            }
            let text = body.get(q.span.start..q.span.end).unwrap_or_default();
            let text = match text.char_indices().nth(QUOTE_TEXT_MAX) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text.to_string(),
            };
            quotes.push(QuoteRow {
                speaker: q.speaker.clone(),
                speaker_key,
                direct: q.kind == QuoteKind::Direct,
                start: q.span.start,
                text,
            });
        }
        let entities = analysis
            .groups
            .iter()
            .map(|g| (name_key(&g.name), g.label.as_str(), g.mentions.len() as i64))
            .collect();
        AnalysisRows {
            key,
            bytes: body.len(),
            language: analysis.language.code(),
            data: codec::encode(analysis),
            quotes,
            speakers,
            entities,
        }
    }

    pub fn quotes(&self) -> usize {
        self.quotes.len()
    }

    pub fn language(&self) -> &'static str {
        self.language
    }
}

/// Copies stored analyses' quote counts and languages to their catalogue
/// rows (all of them, or with a condition on `articles.key` added).
macro_rules! list_fresh {
    () => {
        "UPDATE articles SET quotes = a.quotes,
         language = coalesce(articles.language, a.language), fresh = NULL
         FROM analyses a WHERE a.key = articles.key AND articles.fresh IS NOT NULL"
    };
}
const LIST_FRESH: &str = list_fresh!();
/// [`LIST_FRESH`] for one article.
const LIST_FRESH_ONE: &str = concat!(list_fresh!(), " AND articles.key = ?");

/// What the reader's list reads of an article, in [`list_entry`]'s order.
const LIST_COLUMNS: &str =
    "key, id, record, title, source, sort_date, date_offset, language, words, quotes";
/// Columns in [`LIST_COLUMNS`].
const LIST_WIDTH: usize = 10;
/// The list order: the `articles_list` index, and [`SortOrder::Date`].
///
/// [`SortOrder::Date`]: super::entry::SortOrder::Date
const LIST_ORDER: &str = "sort_date DESC, sort_title, title, key";

/// Source and language names already seen while reading a list: a library
/// has few of them, so each is one shared string, not one per article.
#[derive(Default)]
struct Names(Vec<Arc<str>>);

impl Names {
    fn get(&mut self, v: rusqlite::types::ValueRef<'_>) -> rusqlite::Result<Option<Arc<str>>> {
        let Some(s) = v.as_str_or_null()? else {
            return Ok(None);
        };
        if let Some(n) = self.0.iter().rev().find(|n| &***n == s) {
            return Ok(Some(Arc::clone(n)));
        }
        let n: Arc<str> = Arc::from(s);
        // a library of many sources: the newest few are looked at first
        if self.0.len() >= 64 {
            self.0.remove(0);
        }
        self.0.push(Arc::clone(&n));
        Ok(Some(n))
    }
}

/// An entry from a row of [`LIST_COLUMNS`], without its origin.
fn list_entry(r: &rusqlite::Row<'_>, names: &mut Names) -> rusqlite::Result<Entry> {
    let sort_date: i64 = r.get(5)?;
    let date = if sort_date == i64::MIN {
        None
    } else {
        date_of(Some(sort_date), r.get(6)?)
    };
    Ok(Entry {
        key: r.get(0)?,
        id: r.get(1)?,
        origin: None,
        record: r.get(2)?,
        title: r.get(3)?,
        source: names.get(r.get_ref(4)?)?,
        date,
        language: names.get(r.get_ref(7)?)?,
        words: r.get(8)?,
        quotes: r.get(9)?,
    })
}

/// An entry from [`LIST_COLUMNS`] and the path.
fn full_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    let mut e = list_entry(r, &mut Names::default())?;
    e.origin = Some(Origin::from_key(r.get_ref(LIST_WIDTH)?.as_str()?));
    Ok(e)
}

fn date_of(ts: Option<i64>, offset: Option<i32>) -> Option<DateTime<FixedOffset>> {
    let off = FixedOffset::east_opt(offset.unwrap_or(0))?;
    off.timestamp_opt(ts?, 0).single()
}

fn placeholders(n: usize) -> String {
    vec!["?"; n.max(1)].join(",")
}

fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn has_index(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    has_object(conn, "index", name)
}

fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    has_object(conn, "table", name)
}

fn has_object(conn: &Connection, kind: &str, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = ?1 AND name = ?2",
        [kind, name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// A user's words as an FTS5 query: each word a quoted phrase (so no word
/// is read as an operator), all required, the last one also as a prefix.
pub fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .flat_map(|w| w.split(['\'', '-']))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words.join(" ");
    if query.ends_with(|c: char| c.is_alphanumeric()) {
        q.push('*');
    }
    Some(q)
}

/// The error says the file is not a usable database.
fn is_corruption(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<rusqlite::Error>().is_some_and(|e| {
            matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
            )
        })
    })
}

/// Deletes a database and its WAL and shared-memory files.
fn remove_database(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot remove {}", Path::new(&p).display()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analysis's code, models and lists are part of the version, so a
    /// change of rules redoes the stored analyses.
    #[test]
    fn the_analysis_version_carries_a_fingerprint() {
        let v = analysis_version();
        let fp = v.rsplit('/').next().unwrap();
        assert_eq!(fp.len(), 16, "{v}");
        assert!(fp.bytes().all(|b| b.is_ascii_hexdigit()), "{v}");
        assert_ne!(fp, "cbf29ce484222325", "no file was hashed: {v}");
    }

    #[test]
    fn fts_queries_quote_each_word() {
        assert_eq!(
            fts_query("open source").as_deref(),
            Some("\"open\" \"source\"*")
        );
        assert_eq!(fts_query("l'IA ").as_deref(), Some("\"l\" \"IA\""));
        assert_eq!(
            fts_query("AND OR \"x"),
            Some("\"AND\" \"OR\" \"x\"*".into())
        );
        assert_eq!(fts_query("  ,; "), None);
    }

    /// Commits under [`Index::checkpoint_aside`] leave the log's copies to
    /// the checkpointer, whose copies let the log start over: it stays
    /// near the length asked (with none it would reach the commits' own
    /// fallback, four times it). The checkpointer's thread ends when the
    /// usual checkpoints return.
    #[test]
    fn a_checkpointer_keeps_the_log_short_and_ends_with_it() {
        const PAGES: u32 = 64;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.sqlite3");
        let (mut index, _) = Index::open(&path).unwrap();
        let c = index
            .checkpoint_aside(PAGES)
            .unwrap()
            .expect("a file has a log");
        let wal = dir.path().join("index.sqlite3-wal");
        let mut longest = 0;
        let mut copies = 0;
        for i in 0..200 {
            // about 8 pages a commit
            index
                .conn
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)",
                    params![format!("k{}", i % 40), "x".repeat(30_000)],
                )
                .unwrap();
            longest = longest.max(std::fs::metadata(&wal).unwrap().len());
            copies += usize::from(c.copy_if_asked());
        }
        assert!(copies >= 10, "{copies} copies");
        // a page and its frame header
        let frame = 4096 + 24;
        assert!(
            longest < 2 * u64::from(PAGES) * frame,
            "the log grew to {longest} bytes"
        );
        let (ended_tx, ended) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            c.run();
            ended_tx.send(()).unwrap();
        });
        index.set_checkpoint_pages(CHECKPOINT_PAGES).unwrap();
        ended
            .recv_timeout(Duration::from_secs(10))
            .expect("the checkpointer ended");
    }

    /// An index made before `articles_root` existed gets it at open,
    /// keeping its rows, and the count of a library uses it.
    #[test]
    fn an_index_without_the_root_index_gets_it_and_counts_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.sqlite3");
        let (mut index, _) = Index::open(&path).unwrap();
        let mut tx = index.write().unwrap();
        let a = Article::new("/lib/a.txt".into(), "A".into(), "Body.".into());
        tx.put_file(
            &Origin::File("/lib/a.txt".into()),
            "/lib",
            5,
            1,
            Ok(std::slice::from_ref(&a)),
        )
        .unwrap();
        tx.commit().unwrap();
        index
            .conn
            .execute_batch("DROP INDEX articles_root")
            .unwrap();
        drop(index);
        let (index, note) = Index::open(&path).unwrap();
        assert_eq!(note, None, "not rebuilt");
        let plan: String = index
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT min(root) FROM articles WHERE root > ?",
                [""],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("articles_root"), "{plan}");
    }

    /// The count of some roots: the whole table's less the others'.
    #[test]
    fn counts_are_per_root() {
        let mut index = Index::in_memory().unwrap();
        let mut tx = index.write().unwrap();
        for (root, files) in [("/a", 3), ("/b", 2), ("/c", 1)] {
            for i in 0..files {
                let path = format!("{root}/{i}.txt");
                let a = Article::new(path.clone().into(), format!("T{i}"), "Body.".into());
                tx.put_file(
                    &Origin::File(path.into()),
                    root,
                    5,
                    1,
                    Ok(std::slice::from_ref(&a)),
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
        let count = |roots: &[&str]| {
            let roots: Vec<String> = roots.iter().map(|r| r.to_string()).collect();
            index.count(&roots).unwrap()
        };
        assert_eq!(count(&["/a"]), 3);
        assert_eq!(count(&["/b", "/c"]), 3);
        assert_eq!(count(&["/a", "/b", "/c"]), 6);
        assert_eq!(count(&["/a", "/elsewhere"]), 3);
        assert_eq!(count(&["/elsewhere"]), 0);
        assert_eq!(count(&[]), 0);
    }

    #[test]
    fn name_keys_ignore_case_and_spacing() {
        assert_eq!(name_key(" Arthur  Mensch"), "arthur mensch");
    }
}
