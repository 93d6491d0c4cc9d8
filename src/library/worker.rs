//! The library's background thread: the list from the index at once, then
//! the folders reconciled, then every article not yet analysed (with this
//! analysis version) analysed on all cores and stored; then it waits for a
//! reload or a change in the folders, and does it again. It talks to the
//! reader through [`LoadEvent`]s; no terminal code.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};

use std::time::{Duration, Instant};

use super::index::{self, AnalysisRows, Index, Pending};
use super::pace::Cores;
use super::reconcile::{self, Change, Root, Summary};
use super::{LoadEvent, Problem, Source};
use crate::analysis::{Analyzer, Lang};

/// How long the analyses stored in one transaction take to come, at most
/// (for [`analyse_pending`]).
/// Each transaction writes every page it changed; one per 32 articles
/// wrote most of them again and again (10,000 articles: 3.4 s of system
/// time, 1.8 s with one about every half second).
pub const COMMIT_EVERY: Duration = Duration::from_millis(500);

/// The storing connection's page cache while a library is analysed (MB).
const ANALYSIS_CACHE_MB: u32 = 40;

/// Analyses waiting to be stored, at most: the analysing threads wait
/// beyond that. Each is its rows for the index, about 3 KB; enough for
/// the threads to go on while a transaction is written.
const RESULTS_WAITING: usize = 1024;

/// The write-ahead log's length before a checkpoint copies it into the
/// index, while a library is analysed (64 MiB of 4 KiB pages), on a
/// thread of its own ([`Index::checkpoint_aside`]). Each checkpoint writes
/// the pages the commits since the last one changed; the same pages (the
/// speakers, the tails of the indexes) change in most commits. 100,000
/// articles, four alternated runs (checkpoints then in the commits):
/// 38.3–44.3 s (median 42.2) against 43.2–46.1 (43.9) with SQLite's 1,000
/// pages, and less CPU (median 72.9 s against 75.2). The log is emptied at
/// the end of the analysis.
const ANALYSIS_CHECKPOINT_PAGES: u32 = 16_384;

/// Rows read first, alone: a screenful.
const FIRST_SCREEN: usize = 200;

/// Catalogue rows per event when the list is read from the index: the
/// reader takes each in a fraction of a millisecond, so a key pressed
/// meanwhile waits no longer than that (4,096: up to 5 ms of the reader's
/// CPU for a key, measured at 100,000 articles).
const ENTRY_BATCH: usize = 1_024;

/// A burst of file events is taken as one change after this quiet time.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// How often an idle library thread looks whether another process changed
/// the index (one `PRAGMA data_version`, answered from shared memory).
const IDLE_LOOK: Duration = Duration::from_secs(1);

/// What the reader asks of the library thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Look at the folders again now.
    Reload,
    /// A file changed under a root (from the watcher).
    Changed,
    /// Stop analysing; quit.
    Stop,
}

/// The library thread's handle: its events and a way to ask things.
pub struct Handle {
    pub events: Receiver<LoadEvent>,
    pub requests: Sender<Request>,
}

/// Options of the library thread.
#[derive(Debug, Clone)]
pub struct Options {
    /// Analyse the library in the background.
    pub analyse: bool,
    /// Watch the folders for changes.
    pub watch: bool,
    /// Threads for the analysis (0: all cores).
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            analyse: true,
            watch: true,
            threads: 0,
        }
    }
}

/// Starts the library thread on `index` (opened by the caller, which keeps
/// its own connection for queries).
pub fn spawn(source: Source, index: Index, options: Options) -> Handle {
    let (tx, events) = mpsc::channel();
    let (requests, rx) = mpsc::channel();
    let watcher_tx = requests.clone();
    std::thread::Builder::new()
        .name("quoth-library".into())
        .spawn(move || {
            // the reconcile's parsing threads run below the reader (the pool
            // is made once); this thread too, once the list is read
            let _ = rayon::ThreadPoolBuilder::new()
                .start_handler(|_| background_priority())
                .thread_name(|i| format!("quoth-read-{i}"))
                .build_global();
            let mut w = Worker {
                index,
                roots: reconcile::roots(&source),
                tx,
                rx,
                options,
                watcher_tx,
                _watcher: None,
                listed: Listed::default(),
            };
            // A failure here must reach the reader, not vanish with the thread.
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| w.run()));
            let reason = match outcome {
                Ok(Ok(())) => return,
                Ok(Err(e)) => format!("{e:#}"),
                Err(p) => panic_text(p.as_ref()),
            };
            let _ = w.tx.send(LoadEvent::Problem(Problem {
                path: w
                    .index
                    .path()
                    .map_or_else(|| PathBuf::from("library index"), PathBuf::from),
                reason: format!("the library index failed: {reason}"),
            }));
            let _ = w.tx.send(LoadEvent::Done);
        })
        .expect("cannot start the library thread");
    Handle { events, requests }
}

struct Worker {
    index: Index,
    roots: Vec<Root>,
    tx: Sender<LoadEvent>,
    rx: Receiver<Request>,
    options: Options,
    watcher_tx: Sender<Request>,
    _watcher: Option<notify::RecommendedWatcher>,
    /// The keys of the reader's list.
    listed: Listed,
}

/// The reader has gone: stop quietly.
struct Gone;

impl Worker {
    fn send(&self, ev: LoadEvent) -> Result<(), Gone> {
        self.tx.send(ev).map_err(|_| Gone)
    }

    fn run(&mut self) -> anyhow::Result<()> {
        match self.run_inner() {
            Ok(Ok(())) | Ok(Err(Gone)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    fn run_inner(&mut self) -> anyhow::Result<Result<(), Gone>> {
        let keys = reconcile::keys(&self.roots);
        // 1. the list as the index has it: the first screen at once, then
        // the count, then the rest, in order (each batch is appended). The
        // reader waits for this: it runs at the reader's priority.
        let (index, tx) = (&self.index, &self.tx);
        let mut gone = false;
        let mut first = true;
        self.listed
            .list(index, &keys, FIRST_SCREEN, ENTRY_BATCH, &mut |ev| {
                gone |= tx.send(ev).is_err();
                if std::mem::take(&mut first) && !gone {
                    // nothing indexed yet (first build): the count grows as files are read
                    if let Ok(total) = index.count(&keys) {
                        gone |= tx.send(LoadEvent::Found { total }).is_err();
                    }
                }
                !gone
            })?;
        if gone {
            return Ok(Err(Gone));
        }
        for (path, reason) in self.index.problems(&keys)? {
            let p = Problem {
                path: super::Origin::from_key(&path)
                    .path()
                    .map_or_else(|| PathBuf::from(&path), PathBuf::from),
                reason,
            };
            if self.send(LoadEvent::Problem(p)).is_err() {
                return Ok(Err(Gone));
            }
        }
        background_priority();
        // Watched from now on: a change during the first look is seen too.
        if self.options.watch {
            self.watch();
        }
        // 2. the folders, then 3. the analysis; again on each change
        let mut first = true;
        loop {
            if let Err(Gone) = self.reconcile(first)? {
                return Ok(Err(Gone));
            }
            if first {
                first = false;
                if self.send(LoadEvent::Done).is_err() {
                    return Ok(Err(Gone));
                }
            }
            let next = if self.options.analyse {
                match self.analyse()? {
                    Ok(next) => next,
                    Err(Gone) => return Ok(Err(Gone)),
                }
            } else {
                None
            };
            let request = match next {
                Some(r) => r,
                None => match self.idle()? {
                    Ok(r) => r,
                    Err(Gone) => return Ok(Err(Gone)),
                },
            };
            match request {
                Request::Stop => return Ok(Ok(())),
                Request::Changed => self.debounce(),
                Request::Reload => {}
            }
        }
    }

    /// Waits for a request; meanwhile, another process's changes to the
    /// index reach the reader's list.
    fn idle(&mut self) -> anyhow::Result<Result<Request, Gone>> {
        loop {
            match self.rx.recv_timeout(IDLE_LOOK) {
                Ok(r) => return Ok(Ok(r)),
                Err(RecvTimeoutError::Disconnected) => return Ok(Err(Gone)),
                Err(RecvTimeoutError::Timeout) => {}
            }
            if self.listed.stale(&self.index)? {
                let keys = reconcile::keys(&self.roots);
                let tx = &self.tx;
                let mut gone = false;
                self.listed
                    .catch_up(&self.index, &keys, &mut |ev| gone |= tx.send(ev).is_err())?;
                if gone {
                    return Ok(Err(Gone));
                }
            }
        }
    }

    /// Waits until file events stop coming for a moment.
    fn debounce(&self) {
        loop {
            match self.rx.recv_timeout(DEBOUNCE) {
                Ok(Request::Changed) => continue,
                Ok(_) | Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return;
                }
            }
        }
    }

    fn reconcile(&mut self, first: bool) -> anyhow::Result<Result<(), Gone>> {
        let started = Instant::now();
        let tx = self.tx.clone();
        let mut gone = false;
        let summary = refresh(&mut self.index, &self.roots, &mut self.listed, &mut |ev| {
            gone |= tx.send(ev).is_err();
        })?;
        if gone {
            return Ok(Err(Gone));
        }
        let changed = summary.read + summary.removed + summary.moved;
        if !first && changed > 0 {
            let mut parts = Vec::new();
            if summary.read > 0 {
                parts.push(format!("{} read", summary.read));
            }
            if summary.moved > 0 {
                parts.push(format!("{} moved", summary.moved));
            }
            if summary.removed > 0 {
                parts.push(format!("{} gone", summary.removed));
            }
            let note = format!(
                "library refreshed: {} ({} ms)",
                parts.join(", "),
                started.elapsed().as_millis()
            );
            if self.send(LoadEvent::Note(note)).is_err() {
                return Ok(Err(Gone));
            }
        }
        if self.send(LoadEvent::Reconciled).is_err() {
            return Ok(Err(Gone));
        }
        Ok(Ok(()))
    }

    /// Analyses what the index lacks. Returns early with a request that
    /// came meanwhile (a reload, a change, stop).
    fn analyse(&mut self) -> anyhow::Result<Result<Option<Request>, Gone>> {
        let keys = reconcile::keys(&self.roots);
        let tx = self.tx.clone();
        let rx = &self.rx;
        let mut interrupted = None;
        let gone = std::cell::Cell::new(false);
        let outcome = analyse_pending(
            &mut self.index,
            &keys,
            self.options.threads,
            COMMIT_EVERY,
            &mut |p| {
                let ev = match p {
                    Progress::Stored(counts) => LoadEvent::Analysed(counts),
                    Progress::Done(ev) => ev,
                    Progress::Failed(reason) => LoadEvent::Note(reason),
                };
                if tx.send(ev).is_err() {
                    gone.set(true);
                }
            },
            &mut || {
                if gone.get() {
                    return true;
                }
                match rx.try_recv() {
                    Ok(r) => {
                        interrupted = Some(r);
                        true
                    }
                    Err(TryRecvError::Empty) => false,
                    Err(TryRecvError::Disconnected) => {
                        gone.set(true);
                        true
                    }
                }
            },
        );
        if let Err(e) = outcome {
            let note = format!("analysis unavailable: {e:#}");
            if self.send(LoadEvent::Note(note)).is_err() {
                return Ok(Err(Gone));
            }
        }
        if gone.get() {
            return Ok(Err(Gone));
        }
        Ok(Ok(interrupted))
    }

    /// Watches the folders; changes come back as [`Request::Changed`].
    fn watch(&mut self) {
        use notify::Watcher;
        let tx = self.watcher_tx.clone();
        let handler = move |ev: notify::Result<notify::Event>| {
            if let Ok(ev) = ev
                && !matches!(ev.kind, notify::EventKind::Access(_))
            {
                let _ = tx.send(Request::Changed);
            }
        };
        let Ok(mut watcher) = notify::recommended_watcher(handler) else {
            return;
        };
        for root in &self.roots {
            let (path, mode) = match root {
                Root::Folder(p) => (p, notify::RecursiveMode::Recursive),
                Root::File(p) => (p, notify::RecursiveMode::NonRecursive),
                Root::Bundled => continue,
            };
            if let Err(e) = watcher.watch(path, mode) {
                let _ = self.tx.send(LoadEvent::Note(format!(
                    "not watching {} for new files ({e}); r reloads",
                    path.display()
                )));
            }
        }
        self._watcher = Some(watcher);
    }
}

/// Brings the index in line with the folders ([`reconcile::reconcile`]),
/// sending the reader what changed, then the reader's list in line with
/// the index ([`Listed::catch_up`]): what another process sharing the
/// index changed meanwhile reaches the list too.
pub fn refresh(
    index: &mut Index,
    roots: &[Root],
    listed: &mut Listed,
    send: &mut dyn FnMut(LoadEvent),
) -> anyhow::Result<Summary> {
    let (mut total, mut read) = (0, 0);
    let summary = reconcile::reconcile(index, roots, &mut |c| {
        let ev = match c {
            Change::ToRead(n) => {
                total = n;
                LoadEvent::Reconciling { done: read, total }
            }
            Change::Read(done) => {
                read = done;
                LoadEvent::Reconciling { done, total }
            }
            Change::Entries(e) => LoadEvent::Entries(e),
            Change::Removed(k) => LoadEvent::Removed(k),
            Change::Problem(p) => LoadEvent::Problem(p),
        };
        listed.note(&ev);
        send(ev);
    })?;
    // nobody else wrote: every change was this reconcile's, and told
    if listed.stale(index)? {
        listed.catch_up(index, &reconcile::keys(roots), send)?;
    }
    Ok(summary)
}

/// The index keys of the reader's list, as the library thread told them.
///
/// Another quoth process sharing the index reads a changed file again
/// (deleting its rows, inserting new ones), moves or removes rows, and this
/// process hears nothing of it from its own reconcile: its reader would
/// keep rows that are gone (a key that no longer opens; or, when this
/// process then reads the file again too, the old version next to the new:
/// one article listed twice), and miss the other's new rows. So the thread
/// compares the keys it told with the index's, after each reconcile and
/// when the index changed under it while idle, and sends the difference:
/// the list is the index's rows under its roots, each once, whatever the
/// order in which the processes wrote.
#[derive(Debug, Default)]
pub struct Listed {
    keys: HashSet<i64>,
    /// The index's `data_version` when the list last caught up.
    version: Option<i64>,
}

impl Listed {
    /// The reader's list as the index has it (the launch's), in list
    /// order: `first` rows, then batches of `batch`, each an
    /// [`LoadEvent::Entries`] for `send`, which says whether to go on.
    pub fn list(
        &mut self,
        index: &Index,
        roots: &[String],
        first: usize,
        batch: usize,
        send: &mut dyn FnMut(LoadEvent) -> bool,
    ) -> anyhow::Result<()> {
        // the version before the rows: a write after it is seen at the next look
        self.version = Some(index.data_version()?);
        index.list_each(roots, first, batch, &mut |entries| {
            let ev = LoadEvent::Entries(entries);
            self.note(&ev);
            send(ev)
        })
    }

    /// Takes note of an event sent to the reader.
    pub fn note(&mut self, ev: &LoadEvent) {
        match ev {
            LoadEvent::Entries(entries) => self.keys.extend(entries.iter().map(|e| e.key)),
            LoadEvent::Removed(keys) => {
                for k in keys {
                    self.keys.remove(k);
                }
            }
            _ => {}
        }
    }

    /// Whether another connection wrote to the index since the list was
    /// read or last caught up (this connection's own writes do not count:
    /// the reconcile tells each).
    pub fn stale(&self, index: &Index) -> anyhow::Result<bool> {
        Ok(self.version != Some(index.data_version()?))
    }

    /// Sends what brings the list to the index's rows under `roots`: the
    /// keys gone, then the rows it lacks (in batches). Returns how many of
    /// each.
    pub fn catch_up(
        &mut self,
        index: &Index,
        roots: &[String],
        send: &mut dyn FnMut(LoadEvent),
    ) -> anyhow::Result<(usize, usize)> {
        // read first: a write after it is seen at the next look
        self.version = Some(index.data_version()?);
        let mut now = index.keys(roots)?;
        now.sort_unstable();
        let gone: Vec<i64> = self
            .keys
            .iter()
            .filter(|k| now.binary_search(k).is_err())
            .copied()
            .collect();
        let new: Vec<i64> = now.into_iter().filter(|k| !self.keys.contains(k)).collect();
        let counts = (gone.len(), new.len());
        if !gone.is_empty() {
            let ev = LoadEvent::Removed(gone);
            self.note(&ev);
            send(ev);
        }
        for batch in new.chunks(ENTRY_BATCH) {
            let mut entries = Vec::with_capacity(batch.len());
            for &k in batch {
                // gone again since the keys were read: the next look sees it
                if let Some(e) = index.entry(k)? {
                    entries.push(e);
                }
            }
            if entries.is_empty() {
                continue;
            }
            let ev = LoadEvent::Entries(entries);
            self.note(&ev);
            send(ev);
        }
        Ok(counts)
    }
}

/// What [`analyse_pending`] tells as it goes.
#[derive(Debug)]
pub enum Progress {
    /// Stored: (key, quotes, language) of each article of a chunk.
    Stored(Vec<(i64, u32, String)>),
    /// A [`LoadEvent::Analysing`] with the figures so far.
    Done(LoadEvent),
    /// An article that could not be analysed (read error, analyser panic).
    Failed(String),
}

/// Analyses every article under `roots` that has no analysis of this
/// version, on `threads` cores (0: all), storing what they find in
/// one transaction about every `commit_every` ([`COMMIT_EVERY`]). `stop` is
/// asked after each transaction. Returns (articles, bytes).
///
/// Each thread takes the next article as it finishes one and hands its
/// analysis to this thread, which stores it: no thread waits for another
/// at the end of a batch (batches of 32 analysed in parallel, then joined,
/// woke each thread about 400 times a second, and each wake-up on a busy
/// machine waited for another program's turn). The threads analysing and
/// this one share the cores ([`Cores`]), so that they do not take their
/// own waiting for a busy machine and pace themselves.
pub fn analyse_pending(
    index: &mut Index,
    roots: &[String],
    threads: usize,
    commit_every: Duration,
    progress: &mut dyn FnMut(Progress),
    stop: &mut dyn FnMut() -> bool,
) -> anyhow::Result<(usize, u64)> {
    let version = index::analysis_version();
    let pending = index.pending_analysis(roots, &version)?;
    if pending.is_empty() {
        // what an analysis cut short left unlisted (an analysis to the
        // end lists them with its own)
        index.list_fresh()?;
        return Ok((0, 0));
    }
    let analyzer = Analyzer::new()?;
    // the pages the store changes outgrow the usual cache in a large
    // library (100,000 articles: 22.5 s of system time, 17.4 with this)
    index.set_cache_mb(ANALYSIS_CACHE_MB)?;
    // not a scoped thread: it ends when the hook asking it goes, after
    // the scope (an early return from the scope would wait for it)
    let checkpoints = match index.checkpoint_aside(ANALYSIS_CHECKPOINT_PAGES)? {
        Some(c) => {
            let spawned = std::thread::Builder::new()
                .name("quoth-checkpoint".into())
                .spawn(move || {
                    background_priority();
                    c.run();
                });
            if spawned.is_err() {
                // the commits copy the log themselves
                index.set_checkpoint_pages(ANALYSIS_CHECKPOINT_PAGES)?;
            }
            spawned.ok()
        }
        None => None,
    };
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let total = pending.len();
    let total_bytes: u64 = pending.iter().map(|p| p.bytes).sum();
    let started = Instant::now();
    let mut done = 0;
    let mut bytes = 0;
    let next = AtomicUsize::new(0);
    let halt = AtomicBool::new(false);
    // the threads analysing and this one storing share the cores
    let cores = &Cores::new(threads);
    let (tx, rx) = mpsc::sync_channel::<Result<AnalysisRows, String>>(RESULTS_WAITING);
    let outcome = std::thread::scope(|s| -> anyhow::Result<()> {
        // as many threads as cores: one more, to compute while another
        // read from the disk, made keys slower on a busy machine (10,000
        // articles beside two busy loops and two builds, two alternated
        // runs: p99 18.9 and 16.0 ms, max 26.9 and 22.0, against 12.4
        // and 16.1, max 13.9 and 20.9) and was no faster on an idle one
        for i in 0..threads {
            let (analyzer, pending, next, halt, cores, tx) =
                (&analyzer, &pending, &next, &halt, cores, tx.clone());
            std::thread::Builder::new()
                .name(format!("quoth-analysis-{i}"))
                .spawn_scoped(s, move || {
                    background_priority();
                    while !halt.load(Ordering::Relaxed) {
                        let Some(p) = pending.get(next.fetch_add(1, Ordering::Relaxed)) else {
                            return;
                        };
                        // read before holding a core: the wait for the
                        // disk leaves it to the storing thread
                        let analysed = read_one(p).and_then(|article| {
                            super::pace::pace();
                            let _core = cores.hold();
                            analyse_one(analyzer, p, article)
                        });
                        if tx.send(analysed).is_err() {
                            return;
                        }
                    }
                })?;
        }
        drop(tx);
        let stored = (|| -> anyhow::Result<()> {
            let mut incoming = rx.iter().peekable();
            while incoming.peek().is_some() {
                // gathered with no transaction open, then written in one:
                // the checkpointer copies the log meanwhile, and the log
                // starts over only for a transaction begun after a copy
                // of all of it (one held open while analyses came, it
                // grew to four times its length)
                let opened = Instant::now();
                let mut batch = Vec::new();
                let mut failed = Vec::new();
                for r in incoming.by_ref() {
                    match r {
                        Ok(rows) => batch.push(rows),
                        // not stored: retried at the next launch
                        Err(reason) => failed.push(reason),
                    }
                    done += 1;
                    if done == total || opened.elapsed() >= commit_every {
                        break;
                    }
                }
                super::pace::pace();
                let mut counts = Vec::with_capacity(batch.len());
                {
                    // held while it writes: let go, the threads analysing
                    // ran beside the commit's own CPU work and waited for
                    // a core, so they paced themselves (100,000 articles,
                    // two runs each: 61.8 s against 53.2, and a tenth
                    // more CPU)
                    // (begun first: another process's transaction is
                    // waited for without a core)
                    let mut w = index.write()?;
                    let _core = cores.hold_first();
                    // listed in one pass at the end
                    w.defer_listing();
                    for rows in &batch {
                        bytes += rows.bytes as u64;
                        w.put_rows(&version, rows)?;
                        counts.push((rows.key, rows.quotes() as u32, rows.language().to_string()));
                    }
                    if done == total {
                        // the list's columns of the whole analysis, in one
                        // pass with the large cache (counted in its time)
                        w.list_fresh()?;
                        w.commit()?;
                        // that pass rewrote the list's index: left in the
                        // log, the next launch read through it before its
                        // first frame (100,000 articles: 50 ms, 110 with
                        // the index out of the page cache, against 30-40
                        // and 51)
                        index.empty_log();
                    } else {
                        w.commit()?;
                    }
                }
                progress(Progress::Stored(counts));
                for f in failed {
                    progress(Progress::Failed(f));
                }
                progress(Progress::Done(LoadEvent::Analysing {
                    done,
                    total,
                    bytes,
                    total_bytes,
                    seconds: started.elapsed().as_secs_f64(),
                }));
                if done < total && stop() {
                    break;
                }
            }
            Ok(())
        })();
        // threads waiting to hand over an analysis stop
        drop(rx);
        halt.store(true, Ordering::Relaxed);
        stored
    });
    // the checkpointer stops with the hook that asks it
    let restored = index.set_checkpoint_pages(index::CHECKPOINT_PAGES);
    if let Some(h) = checkpoints {
        let _ = h.join();
    }
    index.set_cache_mb(index::CACHE_MB)?;
    outcome?;
    restored?;
    Ok((done, bytes))
}

fn read_one(p: &Pending) -> Result<crate::article::Article, String> {
    reconcile::read_article(&p.origin, p.record, &p.id).map_err(|e| format!("{e:#}"))
}

/// An article's analysis, as the rows the index keeps of it.
fn analyse_one(
    analyzer: &Analyzer,
    p: &Pending,
    article: crate::article::Article,
) -> Result<AnalysisRows, String> {
    let lang = Lang::declared(p.language.as_deref());
    // One article that trips the analyser must not stop the others.
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        let analysis = analyzer.analyze(&article.body, lang);
        AnalysisRows::of(p.key, &article.body, &analysis)
    }))
    .map_err(|payload| {
        format!(
            "analysis failed on {}: {}",
            p.origin.display(),
            panic_text(payload.as_ref())
        )
    })
}

/// Lowers the calling thread's priority (nice +10), so the reader's own
/// thread gets a core first when the library is read or analysed: keys
/// stay answered within a frame even on a busy machine.
pub fn background_priority() {
    nice_thread(10);
}

/// A little lower (nice +5): work the reader waits for, but less than
/// for a key (the open article's analysis).
pub fn gentle_priority() {
    nice_thread(5);
}

/// Asks the scheduler to run the calling thread (the reader's) in short
/// slices: a thread with a shorter slice than the one running gets an
/// earlier deadline and is let in first when it wakes (Linux 6.12 and
/// later, EEVDF; `sched_setattr` with `sched_runtime` on a normal thread,
/// no privilege needed). Niceness only orders the threads of one process
/// (one session's group, with autogroups); this also puts the reader's
/// group ahead of other programs' long-running work for the moment a key
/// needs, without taking any more of the machine. Older kernels ignore
/// the slice or refuse the call: nothing changes then. Returns whether the
/// kernel took it.
pub fn responsive_thread() -> bool {
    #[cfg(target_os = "linux")]
    {
        /// `struct sched_attr`, the first version (48 bytes).
        #[repr(C)]
        struct SchedAttr {
            size: u32,
            policy: u32,
            flags: u64,
            nice: i32,
            priority: u32,
            runtime: u64,
            deadline: u64,
            period: u64,
        }
        /// A slice of 0.5 ms (the kernel's default is 0.75 ms per
        /// doubling of cores, 3 ms here): the reader's frame work is in
        /// steps shorter than that.
        const SLICE_NS: u64 = 500_000;
        /// Threads started from this one get the default slice back.
        const RESET_ON_FORK: u64 = 1;
        // SAFETY: plain system calls on the calling thread; the attribute
        // struct is read by the kernel only, for its declared size.
        unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::pid_t;
            *libc::__errno_location() = 0;
            let nice = libc::getpriority(libc::PRIO_PROCESS, tid as libc::id_t);
            if *libc::__errno_location() != 0 {
                return false;
            }
            let attr = SchedAttr {
                size: std::mem::size_of::<SchedAttr>() as u32,
                policy: libc::SCHED_OTHER as u32,
                flags: RESET_ON_FORK,
                nice,
                priority: 0,
                runtime: SLICE_NS,
                deadline: 0,
                period: 0,
            };
            libc::syscall(
                libc::SYS_sched_setattr,
                tid,
                &attr as *const SchedAttr,
                0u32,
            ) == 0
        }
    }
    #[cfg(not(target_os = "linux"))]
    false
}

/// Puts the calling thread `by` below the process's main thread (the
/// reader's): relative, so a reader started with `nice` keeps its threads
/// in the same order (an absolute value would put the library's work
/// level with the keys, or above them for a privileged user); never
/// raised, so a thread made by a niced one is not niced twice.
fn nice_thread(by: i32) {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on this process's own ids; no memory is
    // shared with them.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        let main = libc::getpid() as libc::id_t;
        // -1 is also a valid priority: errno tells an error apart
        *libc::__errno_location() = 0;
        let reader = libc::getpriority(libc::PRIO_PROCESS, main);
        let now = libc::getpriority(libc::PRIO_PROCESS, tid);
        let target = (reader + by).min(19);
        if *libc::__errno_location() == 0 && target > now {
            libc::setpriority(libc::PRIO_PROCESS, tid, target);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = by;
}

pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the analyser failed".to_string())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn thread_nice() -> i32 {
        // SAFETY: reads the calling thread's own priority.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::syscall(libc::SYS_gettid) as _) }
    }

    /// Relative to the reader's thread, and once: a pool made by a niced
    /// thread, its threads niced again, stay 10 below the reader.
    #[test]
    fn background_threads_sit_below_the_reader_once() {
        // SAFETY: reads the main thread's priority.
        let reader = unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::getpid() as _) };
        let (outer, inner, gentle) = std::thread::spawn(|| {
            background_priority();
            let outer = thread_nice();
            let inner = std::thread::spawn(|| {
                background_priority();
                thread_nice()
            })
            .join()
            .unwrap();
            // never raised back by a gentler call
            gentle_priority();
            (outer, inner, thread_nice())
        })
        .join()
        .unwrap();
        let want = (reader + 10).min(19);
        assert_eq!((outer, inner, gentle), (want, want, want));
        // the reader's short slice keeps its niceness (the call sets both)
        let kept = std::thread::spawn(|| {
            background_priority();
            let before = thread_nice();
            responsive_thread();
            (before, thread_nice())
        })
        .join()
        .unwrap();
        assert_eq!(kept.0, kept.1);
        let gentle = std::thread::spawn(|| {
            gentle_priority();
            thread_nice()
        })
        .join()
        .unwrap();
        assert_eq!(gentle, (reader + 5).min(19));
    }
}
