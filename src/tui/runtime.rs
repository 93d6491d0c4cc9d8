//! What runs beside the reader: the library thread (index, reconcile,
//! background analysis, file watching) and the analyser for the article
//! being opened. [`Runtime::pump`] feeds their news to `App::update`; it
//! has no terminal, so the benchmark and tests drive it the same way.

use std::collections::{HashSet, VecDeque};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::app::{App, Msg};
use crate::analysis::{Analysis, Analyzer, Lang};
use crate::library::index::{Index, analysis_version};
use crate::library::worker::{self, Handle, Request};
use crate::library::{LoadEvent, Problem, Source, reconcile};

/// Time spent taking the library's news in one go, at most: progress is
/// drawn between slices. A key waiting ends a slice at once.
const PUMP_BUDGET: Duration = Duration::from_millis(8);

pub struct Runtime {
    library: Option<Handle>,
    analysis: AnalysisWorker,
    /// Events taken but not yet given to the app (budget ran out).
    backlog: VecDeque<LoadEvent>,
}

impl Runtime {
    /// Opens the index (rebuilding a broken one, with a message), starts
    /// the library thread and the analyser, and gives `app` its index
    /// connection for queries.
    pub fn start(
        app: &mut App,
        source: Source,
        options: worker::Options,
    ) -> anyhow::Result<Runtime> {
        // no home, or a data folder that cannot be written: a private index
        // in the temporary folder, said so, rather than no reader at all
        let private = std::env::temp_dir().join(format!("quoth-{}.sqlite3", std::process::id()));
        let Some(path) = Index::default_path() else {
            return Self::start_with(app, source, &private, options);
        };
        match Self::start_with(app, source.clone(), &path, options.clone()) {
            Ok(rt) => Ok(rt),
            Err(e) => {
                let rt = Self::start_with(app, source, &private, options)?;
                app.message = Some(format!(
                    "cannot use the library index ({e:#}); this session uses a temporary one"
                ));
                Ok(rt)
            }
        }
    }

    /// [`Runtime::start`] with the index at `path`.
    pub fn start_with(
        app: &mut App,
        source: Source,
        path: &std::path::Path,
        options: worker::Options,
    ) -> anyhow::Result<Runtime> {
        let (index, note) = Index::open(path)?;
        let for_worker = index.reopen()?;
        let for_analysis = index.reopen().ok();
        // the writer keeps the default cache; the others only read or
        // write one article at a time
        index.set_cache_mb(4)?;
        if let Some(a) = &for_analysis {
            a.set_cache_mb(2)?;
        }
        app.roots = reconcile::keys(&reconcile::roots(&source));
        app.index = Some(index);
        if let Some(n) = note {
            app.message = Some(n);
        }
        let library = worker::spawn(source, for_worker, options);
        Ok(Runtime {
            library: Some(library),
            analysis: AnalysisWorker::start(for_analysis),
            backlog: VecDeque::new(),
        })
    }

    /// Whether news is waiting (the loop should not sleep).
    pub fn busy(&self) -> bool {
        !self.backlog.is_empty()
    }

    /// Takes the background threads' news into `app`, for a bounded time
    /// or until `interrupt` says a key is waiting (asked after each event:
    /// a key waits for one event at most); true when anything changed.
    /// Sends the app's requests on.
    pub fn pump(&mut self, app: &mut App, interrupt: &mut dyn FnMut() -> bool) -> bool {
        let started = Instant::now();
        let mut changed = false;
        if let Some(lib) = &self.library {
            for r in app.requests.drain(..) {
                let _ = lib.requests.send(r);
            }
        }
        loop {
            if self.backlog.is_empty() {
                self.fill_backlog(app);
            }
            let Some(ev) = self.backlog.pop_front() else {
                break;
            };
            // Small events travel together: one merge into the list for all.
            let mut batch = vec![ev];
            while batch.len() < 256
                && let Some(next) = self.backlog.front()
                && !matches!(next, LoadEvent::Entries(_))
                && !matches!(batch[0], LoadEvent::Entries(_))
            {
                batch.extend(self.backlog.pop_front());
            }
            app.update(Msg::Loads(batch));
            changed = true;
            if started.elapsed() >= PUMP_BUDGET || interrupt() {
                break;
            }
        }
        for idx in app.urgent.drain(..).collect::<Vec<_>>() {
            if let Some(job) = app.analysis_job(idx) {
                self.analysis.request(job);
            }
        }
        if !app.read_marks.is_empty() {
            self.analysis.mirror(std::mem::take(&mut app.read_marks));
        }
        while let Ok(news) = self.analysis.results.try_recv() {
            app.update(match news {
                News::Done(id, a) => Msg::Analysed { id, analysis: a },
                News::Failed(id, reason) => Msg::AnalysisFailed {
                    id: Some(id),
                    reason,
                },
                News::Unavailable(reason) => Msg::AnalysisFailed { id: None, reason },
            });
            changed = true;
        }
        changed
    }

    fn fill_backlog(&mut self, app: &mut App) {
        let Some(lib) = &self.library else { return };
        loop {
            match lib.events.try_recv() {
                Ok(ev) => {
                    self.backlog.push_back(ev);
                    if self.backlog.len() >= 1024 {
                        return;
                    }
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    // The library thread ended: it said why, unless it died
                    // without a word; then say so and keep what came.
                    if app.loading.is_some() {
                        self.backlog.push_back(LoadEvent::Problem(Problem {
                            path: PathBuf::from(&app.source),
                            reason:
                                "loading stopped early (internal error); the list may be incomplete"
                                    .into(),
                        }));
                        self.backlog.push_back(LoadEvent::Done);
                    }
                    self.library = None;
                    return;
                }
            }
        }
    }

    /// Asks the background threads to stop (at quit).
    pub fn stop(&self) {
        if let Some(lib) = &self.library {
            let _ = lib.requests.send(Request::Stop);
        }
    }
}

/// An article to analyse now: id, index key (0: not indexed), body, language.
pub type Job = (String, i64, String, Option<Lang>);

/// What the analysis thread reports.
enum News {
    Done(String, Box<Analysis>),
    /// The analyser panicked on this article; the others go on.
    Failed(String, String),
    /// The analyser cannot start (missing or corrupt model).
    Unavailable(String),
}

/// What the reader's writer thread is asked.
enum Task {
    Analyse(Job),
    /// Read marks to copy into the index's catalogue.
    Mirror(Vec<(String, bool)>),
}

/// Analyses the articles being opened, in a thread of its own so that the
/// library's background analysis never delays them; stores the result in
/// the index, and the read marks too: the reader's thread never waits for
/// the index's writer.
struct AnalysisWorker {
    queue: Arc<(Mutex<VecDeque<Task>>, Condvar)>,
    results: Receiver<News>,
}

impl AnalysisWorker {
    fn start(index: Option<Index>) -> AnalysisWorker {
        let queue: Arc<(Mutex<VecDeque<Task>>, Condvar)> = Arc::default();
        let (tx, results) = mpsc::channel();
        let q = Arc::clone(&queue);
        std::thread::Builder::new()
            .name("quoth-analyser".into())
            .spawn(move || analyse_loop(&q, &tx, index))
            .expect("cannot start the analysis thread");
        AnalysisWorker { queue, results }
    }

    fn request(&self, job: Job) {
        let (lock, cv) = &*self.queue;
        let Ok(mut q) = lock.lock() else { return };
        q.retain(|t| !matches!(t, Task::Analyse(j) if j.0 == job.0));
        q.push_front(Task::Analyse(job));
        cv.notify_one();
    }

    fn mirror(&self, marks: Vec<(String, bool)>) {
        let (lock, cv) = &*self.queue;
        let Ok(mut q) = lock.lock() else { return };
        q.push_back(Task::Mirror(marks));
        cv.notify_one();
    }
}

fn analyse_loop(
    queue: &(Mutex<VecDeque<Task>>, Condvar),
    tx: &Sender<News>,
    mut index: Option<Index>,
) {
    // A little below the reader's thread: on a busy machine the key is
    // answered first, the highlights follow.
    worker::gentle_priority();
    // The models load with the first article to analyse, not at launch:
    // the first screen does not wait for them.
    let mut analyzer: Option<Analyzer> = None;
    let version = analysis_version();
    let mut done = HashSet::new();
    loop {
        let job = {
            let (lock, cv) = queue;
            let Ok(mut q) = lock.lock() else { return };
            loop {
                if let Some(j) = q.pop_front() {
                    break j;
                }
                q = match cv.wait(q) {
                    Ok(q) => q,
                    Err(_) => return,
                };
            }
        };
        let (id, key, body, lang) = match job {
            Task::Analyse(job) => job,
            Task::Mirror(marks) => {
                if let Some(ix) = &mut index {
                    // the state file rules: a failure here loses nothing
                    let _ = ix.mirror_read(&marks);
                }
                continue;
            }
        };
        if !done.insert(id.clone()) {
            continue;
        }
        let analyzer = match &analyzer {
            Some(a) => a,
            None => match Analyzer::new() {
                Ok(a) => analyzer.insert(a),
                Err(e) => {
                    let _ = tx.send(News::Unavailable(format!("{e:#}")));
                    return;
                }
            },
        };
        // One article that trips the analyser must not stop the others.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| analyzer.analyze(&body, lang)));
        let news = match result {
            Ok(a) => {
                if key != 0
                    && let Some(ix) = &mut index
                {
                    // a failed write only costs a second analysis later
                    let _ = ix.write().and_then(|mut w| {
                        w.put_analysis(key, &version, &body, &a)
                            .and_then(|()| w.commit())
                    });
                }
                News::Done(id, Box::new(a))
            }
            Err(payload) => News::Failed(id, worker::panic_text(payload.as_ref())),
        };
        if tx.send(news).is_err() {
            return;
        }
    }
}
