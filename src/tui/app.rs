//! Reader state and the one `update` that turns messages into new state.
//! No drawing here, no terminal: tests drive it with plain messages.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::analysis::{Analysis, Span};
use crate::article::Article;
use crate::config::{Bookmarks, Settings};
use crate::feeds::fetch::Event as FetchEvent;
use crate::library::index::{Index, analysis_version};
use crate::library::worker::Request;
use crate::library::{Entry, LoadEvent, Origin, Problem, SortOrder};
use crate::store::state::ReadingState;

use super::doc::Doc;
use super::keymap::{Command, Key, Keymap};
use super::rows;
use super::theme::Theme;

/// Below this width, one pane at a time.
pub const NARROW: u16 = 70;
/// Columns left of the text for the speaker cue.
pub const MARGIN: u16 = 4;
/// Lines the mouse wheel moves.
const WHEEL: usize = 3;
/// Analyses read from the index kept in memory at most.
const ANALYSES_KEPT: usize = 512;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Load(LoadEvent),
    /// Several loading events at once (one merge into the list for all).
    Loads(Vec<LoadEvent>),
    Analysed {
        id: String,
        analysis: Box<Analysis>,
    },
    /// The analyser failed on one article (`id`), or could not start at all.
    AnalysisFailed {
        id: Option<String>,
        reason: String,
    },
    /// A fetch started by `R` will go through this many feeds.
    FetchStarting {
        total: usize,
    },
    /// Its progress, feed by feed.
    Fetch(FetchEvent),
    /// Articles it stored (new or replacing an older version of their
    /// file), read back from their files.
    Fetched(Vec<Article>),
    /// It is over; `Err` when it could not run at all.
    FetchDone(Result<(), String>),
    /// An effect (opening the browser) failed.
    EffectFailed(String),
}

/// What `update` asks the runtime to do in the world. Tests read these
/// instead of a browser opening or the clipboard changing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this web address in the browser.
    OpenUrl(String),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Fetch the subscribed feeds.
    Fetch,
}

/// A fetch in progress (`R`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetching {
    /// Feeds to fetch, once the runtime has read the config.
    pub total: Option<usize>,
    pub done: usize,
    /// The feed last started.
    pub current: Option<String>,
    pub new: usize,
    pub updated: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// Highlight layers, cycled by one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layers {
    All,
    Quotes,
    Entities,
    Plain,
}

impl From<crate::config::Layers> for Layers {
    fn from(l: crate::config::Layers) -> Layers {
        match l {
            crate::config::Layers::All => Layers::All,
            crate::config::Layers::Quotes => Layers::Quotes,
            crate::config::Layers::Entities => Layers::Entities,
            crate::config::Layers::None => Layers::Plain,
        }
    }
}

impl Layers {
    pub fn next(self) -> Layers {
        match self {
            Layers::All => Layers::Quotes,
            Layers::Quotes => Layers::Entities,
            Layers::Entities => Layers::Plain,
            Layers::Plain => Layers::All,
        }
    }
    pub fn quotes(self) -> bool {
        matches!(self, Layers::All | Layers::Quotes)
    }
    pub fn entities(self) -> bool {
        matches!(self, Layers::All | Layers::Entities)
    }
    pub fn name(self) -> &'static str {
        match self {
            Layers::All => "quotes+entities",
            Layers::Quotes => "quotes",
            Layers::Entities => "entities",
            Layers::Plain => "plain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Problems { scroll: usize },
    Speakers { selected: usize },
    Entities { selected: usize },
}

/// What n / N walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walk {
    Search,
    Speaker(String),
    /// Index into `Analysis::groups`.
    Entity(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub editing: bool,
    pub matches: Vec<Span>,
    /// Body offset at the top of the view when the search began: typing
    /// goes to the first match from there, however the view has moved since.
    pub origin: usize,
}

/// The opened article.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// Index into `App::articles`.
    pub article: usize,
    /// The article itself, body included (read from its file on opening).
    pub loaded: Article,
    pub doc: Doc,
    /// First line shown.
    pub scroll: usize,
    /// The span n/N, ]/[ last went to, drawn as the current one.
    pub target: Option<Span>,
    /// Index into the analysis' quotes of the current quote.
    pub quote: Option<usize>,
    pub walk: Option<Walk>,
    pub walk_pos: Option<usize>,
    pub search: Search,
}

pub use super::rows::{Row, Rows};

/// The one-line note being edited (`m`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteInput {
    /// The bookmark's id.
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: Option<usize>,
}

/// Background analysis of the library, as last reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Analysing {
    pub done: usize,
    pub total: usize,
    pub bytes: u64,
    pub total_bytes: u64,
    pub seconds: f64,
}

/// Where each part of the screen goes; computed from the size alone, so
/// `update` (mouse, paging) and `view` agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Option<Rect>,
    pub hint: Option<Rect>,
}

/// The reading pane's inner geometry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderGeometry {
    pub margin: Rect,
    pub text: Rect,
    pub scrollbar: Rect,
}

pub struct App {
    pub settings: Settings,
    pub theme: Theme,
    pub keymap: Keymap,
    /// What the library is ("bundled sample library", a path).
    pub source: String,
    pub size: (u16, u16),
    /// The catalogue, in arrival order; `order` sorts them. An entry
    /// that is gone stays here (indices stay valid) but leaves `order`.
    pub articles: Vec<Entry>,
    /// Articles given whole (not from the index): their bodies, by index.
    pub bodies: HashMap<usize, Article>,
    /// Indices into `articles` in list order (`sort`), gone ones left out.
    pub order: Vec<usize>,
    /// The list order.
    pub sort: SortOrder,
    /// Arrived since the last merge into `order` (merged once per update:
    /// a batch is sorted once, never inserted one by one).
    incoming: Vec<usize>,
    /// Left since the last merge (gone, or replaced by a newer entry).
    leaving: Vec<usize>,
    /// Entries that left the library (indices into `articles`).
    pub gone: HashSet<usize>,
    /// Article index by id.
    pub by_id: HashMap<String, usize>,
    /// Article index by index key.
    pub by_key: HashMap<i64, usize, rows::KeyHash>,
    /// The library index, for queries (people, search, stored analyses).
    pub index: Option<Index>,
    /// Requests for the library thread (reload); the runtime drains it.
    pub requests: Vec<Request>,
    /// The index's keys of the library's roots (for library-wide queries).
    pub roots: Vec<String>,
    /// New or changed files being read: (done, total).
    pub reconciling: Option<(usize, usize)>,
    /// Times the folders have been looked at (each reload or change).
    pub reconciled: usize,
    /// Background analysis progress.
    pub analysing: Option<Analysing>,
    /// The library search (list pane): query, filters, sort.
    pub library_search: super::search::LibrarySearch,
    /// The People screen, when open.
    pub people: Option<super::people::PeopleView>,
    /// The list as shown: `order`, or what the search lets through, or
    /// with `B` the bookmarks only.
    pub rows: Rows,
    /// Bookmarks out of the list whose article the index knows in another
    /// folder (they open from there): id -> the file, as shown.
    pub elsewhere: HashMap<String, String>,
    /// `B`: the list shows bookmarks only, missing articles included.
    pub bookmarks_only: bool,
    /// Position in `rows` of the selected row.
    pub selected: usize,
    /// First row shown in the list.
    pub list_offset: usize,
    /// Whether the reader has chosen a row yet; until then the top row stays
    /// selected while articles arrive, after that the chosen article does.
    pub list_touched: bool,
    pub problems: Vec<Problem>,
    /// Files of other types in the library folder, not read.
    pub skipped: Vec<std::path::PathBuf>,
    pub loading: Option<Loading>,
    /// The config's bookmarks, live (★, `B`, notes); saved after each change.
    pub bookmarks: Bookmarks,
    /// Read marks and reading positions (the state file in the data dir).
    pub state: ReadingState,
    /// The note being typed, if any.
    pub note_input: Option<NoteInput>,
    /// A first `q` found unsaved bookmarks: the next `q` quits anyway.
    pub quit_armed: bool,
    /// A first `A` asked for confirmation: the next one marks all read.
    pub mark_all_armed: bool,
    /// What could not be saved at quit, printed once the terminal is back.
    pub exit_report: Vec<String>,
    /// Article index by file, so a fetched article replaces its older
    /// version instead of appearing twice.
    pub by_path: HashMap<PathBuf, usize>,
    /// By article id.
    pub analyses: HashMap<String, Analysis>,
    pub focus: Focus,
    pub reader: Option<Reader>,
    pub layers: Layers,
    pub overlay: Option<Overlay>,
    /// Why there will be no analysis, if the analyser failed.
    pub analysis_error: Option<String>,
    /// Articles (ids) the analyser failed on, with the reason.
    pub analysis_failed: HashMap<String, String>,
    /// One-shot note for the status line ("no more quotes").
    pub message: Option<String>,
    /// `s` or `e` pressed before the article was analysed: the panel opens
    /// when its analysis arrives (any other key forgets it).
    pub waiting_panel: Option<Command>,
    pub quit: bool,
    /// Articles (indices) to analyse before any other; the runtime drains it.
    pub urgent: Vec<usize>,
    /// Read marks for the index's catalogue; the runtime drains it.
    pub read_marks: Vec<(String, bool)>,
    /// What the runtime must do outside the state; it drains it.
    pub effects: Vec<Effect>,
    /// The fetch in progress, if any.
    pub fetching: Option<Fetching>,
}

impl App {
    pub fn new(
        settings: Settings,
        theme: Theme,
        keymap: Keymap,
        source: String,
        size: (u16, u16),
    ) -> App {
        let settings_layers = settings.layers;
        App {
            settings,
            theme,
            keymap,
            source,
            size,
            articles: Vec::new(),
            bodies: HashMap::new(),
            order: Vec::new(),
            sort: SortOrder::Date,
            incoming: Vec::new(),
            leaving: Vec::new(),
            gone: HashSet::new(),
            by_id: HashMap::new(),
            by_key: HashMap::default(),
            index: None,
            requests: Vec::new(),
            roots: Vec::new(),
            reconciling: None,
            reconciled: 0,
            analysing: None,
            library_search: super::search::LibrarySearch::default(),
            people: None,
            rows: Rows::default(),
            elsewhere: HashMap::new(),
            bookmarks_only: false,
            selected: 0,
            list_offset: 0,
            list_touched: false,
            problems: Vec::new(),
            skipped: Vec::new(),
            loading: Some(Loading {
                done: 0,
                total: None,
            }),
            // In memory until `attach_stores`: tests never touch the real home.
            bookmarks: Bookmarks::default(),
            state: ReadingState::in_memory(),
            note_input: None,
            quit_armed: false,
            mark_all_armed: false,
            exit_report: Vec::new(),
            analyses: HashMap::new(),
            focus: Focus::List,
            reader: None,
            layers: Layers::from(settings_layers),
            overlay: None,
            analysis_error: None,
            analysis_failed: HashMap::new(),
            message: None,
            waiting_panel: None,
            quit: false,
            urgent: Vec::new(),
            read_marks: Vec::new(),
            by_path: HashMap::new(),
            effects: Vec::new(),
            fetching: None,
        }
    }

    /// Loads a whole library at once (tests, small libraries): same path as the events.
    pub fn load_all(&mut self, lib: crate::library::Library) {
        let total = lib.articles.len() + lib.problems.len();
        self.update(Msg::Load(LoadEvent::Found { total }));
        for a in lib.articles {
            self.accept_article(a);
        }
        for p in lib.problems {
            self.update(Msg::Load(LoadEvent::Problem(p)));
        }
        if !lib.skipped.is_empty() {
            self.update(Msg::Load(LoadEvent::Skipped(lib.skipped)));
        }
        self.update(Msg::Load(LoadEvent::Done));
    }

    /// Gives the reader its bookmarks and reading state (what `quoth` does
    /// at start with the config's and the data dir's files); `warnings`
    /// (config, corrupt state file) go to the status line.
    pub fn attach_stores(
        &mut self,
        bookmarks: Bookmarks,
        state: ReadingState,
        warnings: &[String],
    ) {
        self.bookmarks = bookmarks;
        self.state = state;
        self.refresh_rows();
        if let Some(first) = warnings.first() {
            self.message = Some(match warnings.len() {
                1 => first.clone(),
                n => format!("{first} (and {} more)", thousands(n - 1)),
            });
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected)
    }

    /// The selected article's catalogue entry.
    pub fn selected_article(&self) -> Option<&Entry> {
        match self.selected_row()? {
            Row::Article(i) => self.articles.get(i),
            Row::Missing(_) => None,
        }
    }

    /// The analysis of an entry, if known (in memory).
    pub fn analysis_of(&self, idx: usize) -> Option<&Analysis> {
        self.analyses.get(&self.articles.get(idx)?.id)
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.contains(id)
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.state.is_read(id)
    }

    /// The note of this article's bookmark.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.bookmarks.get(id).and_then(|b| b.note.as_deref())
    }

    pub fn open_article(&self) -> Option<&Article> {
        self.reader.as_ref().map(|r| &r.loaded)
    }

    pub fn open_analysis(&self) -> Option<&Analysis> {
        self.analyses.get(&self.open_article()?.id)
    }

    pub fn narrow(&self) -> bool {
        self.size.0 < NARROW
    }

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(k) => {
                if k.kind != KeyEventKind::Release {
                    self.message = None;
                    self.waiting_panel = None;
                    self.key(k);
                }
            }
            Msg::Mouse(m) => self.mouse(m),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Load(ev) => self.load_event(ev),
            Msg::Loads(evs) => {
                for ev in evs {
                    self.load_event(ev);
                }
            }
            Msg::AnalysisFailed { id: None, reason } => {
                self.message = Some(format!("analysis unavailable: {reason}"));
                self.analysis_error = Some(reason);
            }
            Msg::AnalysisFailed {
                id: Some(id),
                reason,
            } => {
                self.analysis_failed.insert(id, reason);
            }
            Msg::FetchStarting { total } => {
                if let Some(f) = &mut self.fetching {
                    f.total = Some(total);
                }
            }
            Msg::Fetch(ev) => self.fetch_event(ev),
            Msg::Fetched(articles) => {
                for a in articles {
                    self.upsert(a);
                }
            }
            Msg::FetchDone(result) => self.fetch_done(result),
            Msg::EffectFailed(reason) => self.message = Some(reason),
            Msg::Analysed { id, analysis } => {
                self.analyses.insert(id.clone(), *analysis);
                if self.open_article().is_some_and(|a| a.id == id) {
                    // The language may now be known, and search/quote state refers to the old doc.
                    self.rewrap(true);
                    if let Some(c) = self.waiting_panel.take()
                        && self.overlay.is_none()
                    {
                        self.command(c);
                    }
                }
            }
        }
        if !self.incoming.is_empty() || !self.leaving.is_empty() {
            self.merge_incoming();
        }
        self.rewrap(false);
        self.keep_list_selection_visible();
        self.record_position();
        self.fetch_selected_analysis();
    }

    // ---------------------------------------------------------------- loading

    fn load_event(&mut self, ev: LoadEvent) {
        match ev {
            LoadEvent::Found { total } => {
                self.loading
                    .get_or_insert(Loading {
                        done: 0,
                        total: None,
                    })
                    .total = Some(total);
                // room for all at once: no growth (a copy of everything)
                // in the middle of the list's arrival
                let more = total.saturating_sub(self.articles.len());
                self.articles.reserve(more);
                self.order.reserve(more);
                self.rows.articles.reserve(more);
                self.by_key.reserve(more);
                self.by_id.reserve(more);
            }
            LoadEvent::Article(a) => {
                if let Some(l) = &mut self.loading {
                    l.done += 1;
                }
                self.accept_article(*a);
            }
            LoadEvent::Entries(entries) => {
                let mut new = 0;
                for e in entries {
                    if let Some(&old) = self.by_key.get(&e.key)
                        && e.key != 0
                        && self.articles[old] == e
                        && !self.gone.contains(&old)
                    {
                        // sent again as it is (the first screen, then the whole list)
                        continue;
                    }
                    self.accept_entry(e);
                    new += 1;
                }
                if let Some(l) = &mut self.loading {
                    l.done += new;
                }
            }
            LoadEvent::Removed(keys) => {
                for k in keys {
                    if let Some(i) = self.by_key.remove(&k) {
                        self.forget(i);
                    }
                }
            }
            LoadEvent::Problem(p) => {
                if let Some(l) = &mut self.loading {
                    l.done += 1;
                }
                // a file read again reports its problem again
                if !self.problems.contains(&p) {
                    self.problems.push(p);
                }
            }
            LoadEvent::Done => {
                self.loading = None;
                if self.bookmarks_only {
                    // missing bookmarks are now really missing
                    self.refresh_rows();
                }
            }
            LoadEvent::Reconciling { done, total } => {
                self.reconciling = (done < total).then_some((done, total));
            }
            LoadEvent::Reconciled => {
                self.reconciling = None;
                self.reconciled += 1;
            }
            LoadEvent::Analysing {
                done,
                total,
                bytes,
                total_bytes,
                seconds,
            } => {
                self.analysing = (done < total).then_some(Analysing {
                    done,
                    total,
                    bytes,
                    total_bytes,
                    seconds,
                });
            }
            LoadEvent::Analysed(counts) => {
                for (key, quotes, language) in counts {
                    if let Some(&i) = self.by_key.get(&key) {
                        let e = &mut self.articles[i];
                        e.quotes = Some(quotes);
                        e.language.get_or_insert_with(|| language.into());
                    }
                }
            }
            LoadEvent::Note(note) => self.message = Some(note),
            LoadEvent::Skipped(files) => self.skipped.extend(files),
        }
    }

    /// A fetched article: it replaces the one from the same file (an
    /// edited item), else it joins the list. (One article per file: a
    /// fetched item is one Markdown file.) The index reads the file too,
    /// when the feeds folder is one of the library's folders: its entry then
    /// takes this one's place.
    fn upsert(&mut self, article: Article) {
        let old = self.by_path.get(&article.path).copied();
        let path = article.path.clone();
        let idx = self.accept_article(article);
        if let Some(old) = old {
            self.forget(old);
            self.follow_replacement(old, idx);
        }
        self.by_path.insert(path, idx);
    }

    /// The open article was replaced by a new version (`new`): the reader
    /// shows the new text; offsets into the old one mean nothing now.
    fn follow_replacement(&mut self, old: usize, new: usize) {
        if self.reader.as_ref().is_none_or(|r| r.article != old) {
            return;
        }
        let Ok(loaded) = self.load_body(new) else {
            return;
        };
        if let Some(r) = &mut self.reader {
            r.article = new;
            r.loaded = loaded;
            r.search = Search::default();
            r.walk = None;
            r.walk_pos = None;
            r.target = None;
            r.quote = None;
        }
        self.ensure_analysis(new, true);
        self.rewrap(true);
    }

    /// An article given whole (tests, a library loaded without the index):
    /// its body is kept.
    fn accept_article(&mut self, article: Article) -> usize {
        let origin = Origin::of_loaded(&article.path);
        let entry = Entry::of(&article, origin, 0);
        let idx = self.accept_entry(entry);
        self.bodies.insert(idx, article);
        idx
    }

    /// Takes a catalogue entry: new, or replacing the one with its key
    /// (a changed or moved file). Merged into the list at the end of the
    /// update, with the rest of its batch.
    fn accept_entry(&mut self, entry: Entry) -> usize {
        // an article taken whole (fetched) now read by the index
        let unindexed = match &entry.origin {
            Some(Origin::File(p)) if entry.key != 0 => self.by_path.remove(p),
            _ => None,
        };
        if let Some(old) = unindexed {
            self.forget(old);
        }
        let idx = self.articles.len();
        // one look into the map per entry: 100,000 of them come at launch
        if entry.key != 0
            && let Some(old) = self.by_key.insert(entry.key, idx)
        {
            // `order` drops it at the merge
            self.forget(old);
        }
        self.by_id.entry(entry.id.clone()).or_insert(idx);
        self.articles.push(entry);
        self.incoming.push(idx);
        idx
    }

    /// An entry leaves the list (its row stays in `articles`, marked gone).
    fn forget(&mut self, idx: usize) {
        if self.gone.insert(idx) {
            self.leaving.push(idx);
        }
        self.bodies.remove(&idx);
        let id = &self.articles[idx].id;
        if self.by_id.get(id) == Some(&idx) {
            let id = id.clone();
            self.by_id.remove(&id);
        }
    }

    /// Merges the entries that arrived into the sorted list, and takes out
    /// those that left: each finds its place by binary search, the list
    /// moves once; the rows shown follow (work for the change, not the
    /// library).
    fn merge_incoming(&mut self) {
        let mut batch = std::mem::take(&mut self.incoming);
        batch.retain(|i| !self.gone.contains(i));
        let leaving = std::mem::take(&mut self.leaving);
        let keep = self.kept_row();
        let sort = self.sort;
        let arts = &self.articles;
        let cmp = |a: usize, b: usize| sort.compare(&arts[a], &arts[b]);
        rows::remove_sorted(&mut self.order, &leaving, &cmp);
        let appended = rows::insert_sorted(&mut self.order, batch.clone(), &cmp);
        if self.rows_filtered() {
            rows::remove_sorted(&mut self.rows.articles, &leaving, &cmp);
            let passing: Vec<usize> = batch.into_iter().filter(|&i| self.passes(i)).collect();
            let arts = &self.articles;
            let cmp = |a: usize, b: usize| sort.compare(&arts[a], &arts[b]);
            rows::insert_sorted(&mut self.rows.articles, passing, &cmp);
            if self.bookmarks_only {
                self.rows.missing = self.missing_bookmarks();
                self.find_elsewhere();
            }
        } else if appended && leaving.is_empty() && self.rows.missing.is_empty() {
            // the list as it arrives: the new rows go at the end
            let from = self.rows.articles.len();
            self.rows.articles.extend_from_slice(&self.order[from..]);
        } else {
            self.rows.articles.clone_from(&self.order);
            self.rows.missing.clear();
        }
        self.select_kept(keep);
    }

    /// Sorts the whole list again (the sort order changed).
    pub fn resort(&mut self) {
        let sort = self.sort;
        let arts = &self.articles;
        self.order
            .sort_by(|&a, &b| sort.compare(&arts[a], &arts[b]));
        self.refresh_rows();
    }

    // ---------------------------------------------------------------- feeds

    /// `R`: asks the runtime for a fetch, unless one is running.
    fn start_fetch(&mut self) {
        if let Some(f) = &self.fetching {
            self.message = Some(match f.total {
                Some(t) => format!("already fetching ({}/{t})", f.done),
                None => "already fetching".into(),
            });
            return;
        }
        // Failures of the last fetch are told again if they happen again.
        self.problems
            .retain(|p| !is_web_address(&p.path.to_string_lossy()));
        self.fetching = Some(Fetching::default());
        self.effects.push(Effect::Fetch);
    }

    fn fetch_event(&mut self, ev: FetchEvent) {
        let Some(f) = &mut self.fetching else { return };
        match ev {
            FetchEvent::Started { label, .. } => f.current = Some(label),
            FetchEvent::Finished(r) => {
                f.done += 1;
                match r.result {
                    Ok(s) => {
                        f.new += s.new.len();
                        f.updated += s.updated.len();
                    }
                    Err(reason) => {
                        f.failed += 1;
                        self.problems.push(Problem {
                            path: r.url.into(),
                            reason: format!("feed {}: {reason}", r.label),
                        });
                    }
                }
            }
            FetchEvent::Warning(w) => self.message = Some(w),
        }
    }

    fn fetch_done(&mut self, result: Result<(), String>) {
        let Some(f) = self.fetching.take() else {
            return;
        };
        self.message = Some(match result {
            Err(e) => e,
            Ok(()) => {
                let n = f.total.unwrap_or(f.done);
                let mut m = format!(
                    "fetched {n} feed{}: {} new, {} updated",
                    if n == 1 { "" } else { "s" },
                    f.new,
                    f.updated
                );
                if f.failed > 0 {
                    m.push_str(&format!(", {} failed (!)", f.failed));
                }
                m
            }
        });
    }

    /// The status of a fetch: "fetching 3/12 · Le Monde".
    pub fn fetch_status(&self) -> Option<String> {
        let f = self.fetching.as_ref()?;
        let mut s = match f.total {
            Some(t) => format!("fetching {}/{t}", f.done),
            None => "fetching…".to_string(),
        };
        if let Some(c) = f.current.as_ref().filter(|_| f.total != Some(f.done)) {
            s.push_str(&format!(" · {c}"));
        }
        Some(s)
    }

    /// `o`: the article's page in the browser.
    fn open_in_browser(&mut self) {
        let Some(Row::Article(i)) = self.target_row() else {
            self.message = Some("no article".into());
            return;
        };
        // the address is in the article, not the catalogue
        let url = match &self.reader {
            Some(r) if r.article == i => r.loaded.url.clone(),
            _ => self.load_body(i).ok().and_then(|a| a.url),
        };
        self.message = Some(match url {
            None => "this article has no web address".into(),
            Some(u) if !is_web_address(&u) => format!("not a web address, not opened: {u}"),
            Some(u) => {
                let m = format!("opening {u} in the browser");
                self.effects.push(Effect::OpenUrl(u));
                m
            }
        });
    }

    /// `y`: the current quote (else the first in view) with its speaker,
    /// the article's title and address, to the clipboard.
    fn copy_quote(&mut self) {
        if !self.ensure_analysed() {
            return;
        }
        let top = self.view_top_offset();
        let r = self.reader.as_ref().expect("analysed means open");
        let a = &r.loaded;
        let analysis = self.open_analysis().expect("analysed");
        let Some(q) = r
            .quote
            .and_then(|i| analysis.quotes.get(i))
            .or_else(|| analysis.quotes.iter().find(|q| q.span.start >= top))
        else {
            let next = self.keymap.keys_for(Command::NextQuote);
            self.message = Some(match next.first() {
                Some(k) => format!("no quote here to copy ({k} goes to the next one)"),
                None => "no quote here to copy".into(),
            });
            return;
        };
        let words = a.body.get(q.span.start..q.span.end).unwrap_or("").trim();
        let french = a
            .language
            .as_deref()
            .map_or(analysis.language.code() == "fr", |l| {
                l.to_ascii_lowercase().starts_with("fr")
            });
        let mut text = if french {
            format!("« {words} »")
        } else {
            format!("“{words}”")
        };
        if let Some(s) = &q.speaker {
            text.push_str(&format!(" — {s}"));
        }
        text.push_str(&format!("\n{}", a.title));
        if let Some(u) = &a.url {
            text.push_str(&format!("\n{u}"));
        }
        let who = q.speaker.as_ref().map_or_else(
            || "an unattributed quote".to_string(),
            |s| format!("a quote by {s}"),
        );
        self.message = Some(format!(
            "copied {who} with the title{} by OSC 52 (the terminal's clipboard)",
            if a.url.is_some() { " and address" } else { "" }
        ));
        self.effects.push(Effect::Copy(text));
    }

    // ---------------------------------------------------------------- geometry

    pub fn areas(&self) -> Areas {
        let (w, h) = self.size;
        let bars = match h {
            0 => 0,
            1 | 2 => 1,
            _ => 2,
        };
        let panes = Rect::new(0, 0, w, h - bars);
        let status = (bars >= 1).then(|| Rect::new(0, h - bars, w, 1));
        let hint = (bars >= 2).then(|| Rect::new(0, h - 1, w, 1));
        if panes.height == 0 || w == 0 {
            return Areas {
                list: None,
                reader: None,
                status,
                hint,
            };
        }
        let (list, reader) = if self.narrow() {
            match self.focus {
                Focus::List => (Some(panes), None),
                Focus::Reader => (None, Some(panes)),
            }
        } else {
            let lw = (w * 2 / 5).clamp(30, 56).min(w);
            (
                Some(Rect::new(0, 0, lw, panes.height)),
                Some(Rect::new(lw, 0, w - lw, panes.height)),
            )
        };
        Areas {
            list,
            reader,
            status,
            hint,
        }
    }

    /// Text, margin and scrollbar inside the reading pane (inside its border).
    pub fn reader_geometry(&self) -> Option<ReaderGeometry> {
        let pane = self.areas().reader?;
        let inner = inner(pane);
        let avail = inner.width.saturating_sub(MARGIN + 2);
        let text_w = self.settings.width.max(1).min(avail);
        let left = (avail - text_w) / 2;
        Some(ReaderGeometry {
            margin: Rect::new(
                inner.x + left,
                inner.y,
                MARGIN.min(inner.width),
                inner.height,
            ),
            text: Rect::new(inner.x + left + MARGIN, inner.y, text_w, inner.height),
            scrollbar: Rect::new(
                (inner.x + inner.width).saturating_sub(1),
                inner.y,
                inner.width.min(1),
                inner.height,
            ),
        })
    }

    /// Rows of the list (inside its border, above the details block).
    pub fn list_rows(&self) -> usize {
        self.areas().list.map_or(0, |r| {
            let inner = inner(r);
            usize::from(inner.height.saturating_sub(details_height(inner.height)))
        })
    }

    /// Rows of the focused pane.
    fn view_height(&self) -> usize {
        match self.focus {
            Focus::List => self.list_rows().max(1),
            Focus::Reader => self
                .reader_geometry()
                .map_or(1, |g| usize::from(g.text.height).max(1)),
        }
    }

    /// A page: in the text, two lines of the previous page stay in view to keep the thread.
    fn page(&self) -> usize {
        match self.focus {
            Focus::List => self.view_height(),
            Focus::Reader => self.view_height().saturating_sub(2).max(1),
        }
    }

    /// Re-wraps the open article when the measure changed (or `force`),
    /// keeping the same place in the text.
    fn rewrap(&mut self, force: bool) {
        let Some(width) = self.reader_geometry().map(|g| usize::from(g.text.width)) else {
            return;
        };
        let Some(r) = &self.reader else { return };
        if !force && r.doc.width == width.max(1) {
            return;
        }
        let anchor = r.doc.anchor(r.scroll);
        let a = &r.loaded;
        let doc = Doc::build(a, &self.meta_line(a), self.note(&a.id), width);
        let at_top = r.scroll == 0;
        let r = self.reader.as_mut().expect("checked above");
        r.doc = doc;
        r.scroll = match anchor {
            Some(off) if !at_top => r.doc.line_of(off).unwrap_or(0),
            _ => 0,
        };
        self.clamp_scroll();
    }

    fn max_scroll(&self) -> usize {
        let h = self
            .reader_geometry()
            .map_or(1, |g| usize::from(g.text.height));
        self.reader
            .as_ref()
            .map_or(0, |r| r.doc.lines.len().saturating_sub(h))
    }

    fn clamp_scroll(&mut self) {
        let max = self.max_scroll();
        if let Some(r) = &mut self.reader {
            r.scroll = r.scroll.min(max);
        }
    }

    fn keep_list_selection_visible(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        let rows = self.list_rows().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(rows));
    }

    /// The metadata line: source, date, author, language, reading time.
    pub fn meta_line(&self, a: &Article) -> String {
        let detected = self.analyses.get(&a.id).map(|an| an.language.code());
        a.meta_line(&self.settings.date_format, detected)
    }

    // ---------------------------------------------------------------- keys

    fn key(&mut self, ev: KeyEvent) {
        let key = Key::from_event(&ev);
        let armed = std::mem::take(&mut self.quit_armed);
        let armed_all = std::mem::take(&mut self.mark_all_armed);
        // Ctrl-c quits from anywhere (search input, overlays), whatever the config says.
        if key == Key::ctrl('c') {
            self.request_quit(true);
            return;
        }
        if self.note_input.is_some() {
            self.note_key(ev, key);
            return;
        }
        if self.people.is_some() {
            self.people_key(&ev, key);
            return;
        }
        if self.library_search.editing {
            match self.library_search.key(&ev, key) {
                super::search::Outcome::Changed => self.run_library_search(),
                super::search::Outcome::Cleared => {
                    self.apply_search_sort();
                    self.refresh_rows();
                }
                super::search::Outcome::Kept => {
                    if let Some(e) = &self.library_search.error {
                        self.message = Some(e.clone());
                    }
                }
                super::search::Outcome::Ignored => {}
            }
            return;
        }
        if self.reader.as_ref().is_some_and(|r| r.search.editing) {
            self.search_input(ev, key);
            return;
        }
        let command = self.keymap.command(key);
        if self.overlay.is_some() {
            if let Some(c) = command {
                self.overlay_command(c);
            }
            return;
        }
        match command {
            Some(Command::Quit) => self.request_quit(armed),
            Some(Command::MarkAllRead) => self.mark_all_read(armed_all),
            Some(c) => self.command(c),
            None => {}
        }
    }

    /// Typing the note: Enter saves, Esc cancels.
    fn note_key(&mut self, ev: KeyEvent, key: Key) {
        let Some(input) = &mut self.note_input else {
            return;
        };
        match ev.code {
            KeyCode::Esc => {
                self.note_input = None;
                self.message = Some("note unchanged".into());
            }
            KeyCode::Enter => {
                let NoteInput { id, text } = self.note_input.take().expect("editing");
                self.bookmarks.set_note(&id, Some(&text));
                let saved = self.note(&id).is_some();
                self.message = Some(if saved { "note saved" } else { "note removed" }.into());
                self.save_bookmarks();
                if self.open_article().is_some_and(|a| a.id == id) {
                    // The note is a header line of the open article.
                    self.rewrap(true);
                }
            }
            KeyCode::Backspace => {
                input.text.pop();
            }
            KeyCode::Char('u') if key.ctrl => input.text.clear(),
            KeyCode::Char(c) if !key.ctrl && !key.alt => input.text.push(c),
            _ => {}
        }
    }

    /// Saves what is open and quits. Unsaved bookmarks (the config is
    /// broken, the disk full) stop the first `q` with the reason; `force`
    /// (a second `q`, Ctrl-c) quits anyway and reports it on the terminal.
    fn request_quit(&mut self, force: bool) {
        self.record_position();
        let mut report = Vec::new();
        match self.state.save() {
            // found corrupt only now: say it here, not after the screen is gone
            Ok(warnings) if !warnings.is_empty() && !force => {
                for w in warnings {
                    self.state_warning(w);
                }
                self.quit_armed = true;
                if let Some(m) = &mut self.message {
                    m.insert_str(0, "q again quits · ");
                }
                return;
            }
            Ok(warnings) => report.extend(warnings),
            Err(e) => report.push(e.to_string()),
        }
        if let Err(e) = self.bookmarks.flush() {
            if !force {
                self.quit_armed = true;
                let n = self.bookmarks.pending();
                let s = if n == 1 { "" } else { "s" };
                // The way out first: a narrow status line cuts the end.
                self.message = Some(format!("q again quits, losing {n} bookmark change{s}: {e}"));
                return;
            }
            report.push(e.to_string());
        }
        self.exit_report = report;
        self.quit = true;
    }

    /// Flushes the bookmarks; an error goes to the status line and the
    /// change stays queued for the next change or quit.
    fn save_bookmarks(&mut self) {
        if let Err(e) = self.bookmarks.flush() {
            self.message = Some(e.to_string());
        }
    }

    /// Copies read marks into the index's catalogue (for queries there; the
    /// state file stays the authority, so a failure here loses nothing).
    /// Written by the runtime's writer thread, not here: a write may wait
    /// for the library's transaction, and a key must not.
    fn mirror_read(&mut self, marks: &[(String, bool)]) {
        if self.index.is_some() {
            self.read_marks.extend_from_slice(marks);
        }
    }

    /// Saves the reading state (on opening and leaving an article);
    /// problems go to the status line, and a state file found corrupt
    /// (moved aside, read marks reset) to the problems list too.
    fn save_state(&mut self) {
        match self.state.save() {
            Ok(warnings) => {
                for w in warnings {
                    self.state_warning(w);
                }
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// A problem with the reading state file, said when it happens: in the
    /// status line, and kept in the problems list (`!`).
    pub fn state_warning(&mut self, warning: String) {
        let shown = crate::text::escape(&warning).into_owned();
        self.state_problem(warning);
        self.message = Some(shown);
    }

    /// Lists a reading state problem under `!`, with the state file's path.
    pub fn state_problem(&mut self, warning: String) {
        let path = self
            .state
            .path()
            .map_or_else(|| "state.toml".into(), std::path::Path::to_path_buf);
        self.problems.push(Problem {
            path,
            reason: warning,
        });
    }

    /// Remembers the paragraph at the top of the reading pane (memory only).
    fn record_position(&mut self) {
        let Some(r) = &self.reader else { return };
        if let Some(p) = r.doc.para_at(r.scroll) {
            let id = &r.loaded.id;
            if self.state.position(id) != Some(p) {
                let id = id.clone();
                self.state.set_position(&id, p);
            }
        }
    }

    /// Recomputes the list's rows (after `B`, a search, or a bookmark
    /// change while it shows bookmarks), keeping the selected row when it
    /// is still there.
    pub(crate) fn refresh_rows(&mut self) {
        let keep = self.kept_row();
        self.rows.articles = if self.rows_filtered() {
            self.order
                .iter()
                .copied()
                .filter(|&i| self.passes(i))
                .collect()
        } else {
            self.order.clone()
        };
        self.rows.missing = if self.bookmarks_only {
            self.missing_bookmarks()
        } else {
            Vec::new()
        };
        self.find_elsewhere();
        self.select_kept(keep);
    }

    /// Whether the rows are fewer than the list (`B`, or a search).
    fn rows_filtered(&self) -> bool {
        self.bookmarks_only || self.library_search.is_active()
    }

    /// Whether an article is shown (bookmarks only, the search).
    fn passes(&self, i: usize) -> bool {
        let e = &self.articles[i];
        let bookmarked = self.bookmarks.contains(&e.id);
        (!self.bookmarks_only || bookmarked)
            && (!self.library_search.is_active()
                || self
                    .library_search
                    .accepts(i, e, self.state.is_read(&e.id), bookmarked))
    }

    /// Bookmarks whose article is not in the list, once each.
    fn missing_bookmarks(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.bookmarks
            .list()
            .iter()
            .filter(|b| !self.by_id.contains_key(&b.id) && seen.insert(b.id.as_str()))
            .map(|b| b.id.clone())
            .collect()
    }

    /// Which missing rows the index knows in another folder (a few
    /// bookmarks, each one look-up by id).
    fn find_elsewhere(&mut self) {
        self.elsewhere
            .retain(|id, _| self.rows.missing.contains(id));
        let Some(index) = &self.index else {
            return;
        };
        for id in &self.rows.missing {
            if !self.elsewhere.contains_key(id)
                && let Ok(Some(e)) = index.live_entry_by_id(id)
            {
                let at = e.origin.as_ref().map_or_else(String::new, Origin::display);
                self.elsewhere.insert(id.clone(), at);
            }
        }
    }

    /// The row to keep selected while the rows change: until the reader
    /// chooses one, none (the top stays selected); after, the chosen one.
    fn kept_row(&self) -> Option<Row> {
        if self.list_touched {
            self.selected_row()
        } else {
            None
        }
    }

    /// Selects `keep` again where it is now (found by binary search).
    fn select_kept(&mut self, keep: Option<Row>) {
        match keep {
            Some(Row::Article(i)) => {
                let sort = self.sort;
                let arts = &self.articles;
                let cmp = |a: usize, b: usize| sort.compare(&arts[a], &arts[b]);
                if !self.gone.contains(&i)
                    && let Some(pos) = rows::position(&self.rows.articles, i, &cmp)
                {
                    self.selected = pos;
                }
            }
            Some(Row::Missing(id)) => {
                if let Some(pos) = self.rows.missing.iter().position(|m| *m == id) {
                    self.selected = self.rows.articles.len() + pos;
                }
            }
            None if !self.list_touched => self.selected = 0,
            None => {}
        }
        self.keep_list_selection_visible();
    }

    fn row_id<'a>(&'a self, row: &'a Row) -> &'a str {
        match row {
            Row::Article(i) => &self.articles[*i].id,
            Row::Missing(id) => id,
        }
    }

    /// What b, m and u act on: the open article when the reader has the
    /// focus, else the selected row.
    fn target_row(&self) -> Option<Row> {
        match &self.reader {
            Some(r) if self.focus == Focus::Reader => Some(Row::Article(r.article)),
            _ => self.selected_row(),
        }
    }

    /// The paragraph to keep for an article: where the reader is in it if
    /// it is open, else where it was left.
    fn paragraph_of(&self, idx: usize) -> Option<usize> {
        match &self.reader {
            Some(r) if r.article == idx => r.doc.para_at(r.scroll),
            _ => self.state.position(&self.articles[idx].id),
        }
    }

    fn toggle_bookmark(&mut self) {
        let Some(row) = self.target_row() else {
            self.message = Some("no article to bookmark".into());
            return;
        };
        let id = self.row_id(&row).to_string();
        let had_note = self.note(&id).is_some();
        self.message = Some(match row {
            Row::Article(i) => {
                let position = self.paragraph_of(i);
                let added = if self.bookmarks.contains(&id) {
                    self.bookmarks.remove(&id);
                    false
                } else {
                    // a bundled article has no file to point to
                    let path = self.place_of(i).and_then(|(o, _)| {
                        o.path()
                            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
                    });
                    let e = &self.articles[i];
                    let mut b = crate::config::Bookmark::new(&e.id, &e.title, path);
                    b.position = position;
                    self.bookmarks.add(b);
                    true
                };
                if added {
                    match position {
                        Some(p) if p > 0 => format!("bookmarked at paragraph {}", p + 1),
                        _ => "bookmarked".into(),
                    }
                } else if had_note {
                    "bookmark and its note removed".into()
                } else {
                    "bookmark removed".into()
                }
            }
            Row::Missing(_) => {
                self.bookmarks.remove(&id);
                "bookmark of a missing article removed".into()
            }
        });
        self.save_bookmarks();
        if self.bookmarks_only {
            self.refresh_rows();
        }
        if had_note && self.open_article().is_some_and(|a| a.id == id) {
            self.rewrap(true);
        }
    }

    fn start_note(&mut self) {
        let Some(row) = self.target_row() else {
            self.message = Some("no article".into());
            return;
        };
        let id = self.row_id(&row).to_string();
        match self.bookmarks.get(&id) {
            Some(b) => {
                self.note_input = Some(NoteInput {
                    text: b.note.clone().unwrap_or_default(),
                    id,
                });
            }
            None => {
                let b = self.keymap.keys_for(Command::ToggleBookmark);
                self.message = Some(match b.first() {
                    Some(k) => {
                        format!("not bookmarked: {k} bookmarks it, then a note can be added")
                    }
                    None => "not bookmarked: notes belong to bookmarks".into(),
                });
            }
        }
    }

    fn toggle_read(&mut self) {
        match self.target_row() {
            Some(Row::Article(i)) => {
                let id = self.articles[i].id.clone();
                let read = self.state.toggle_read(&id);
                self.mirror_read(&[(id.clone(), read)]);
                self.message = Some(if read { "marked read" } else { "marked unread" }.into());
                self.save_state();
            }
            Some(Row::Missing(_)) => self.message = Some("not in the library".into()),
            None => self.message = Some("no article".into()),
        }
    }

    fn toggle_bookmarks_only(&mut self) {
        self.bookmarks_only = !self.bookmarks_only;
        self.list_touched = true;
        self.refresh_rows();
        if self.bookmarks_only {
            self.focus = if self.narrow() {
                Focus::List
            } else {
                self.focus
            };
            if self.rows.is_empty() {
                self.message = Some("no bookmarks yet".into());
            }
        }
    }

    fn search_input(&mut self, ev: KeyEvent, key: Key) {
        let Some(r) = &mut self.reader else { return };
        match ev.code {
            KeyCode::Esc => {
                r.search = Search::default();
                if r.walk == Some(Walk::Search) {
                    r.walk = None;
                    r.walk_pos = None;
                    r.target = None;
                }
                return;
            }
            KeyCode::Enter => {
                r.search.editing = false;
                if r.search.matches.is_empty() && !r.search.query.is_empty() {
                    self.message = Some(format!("no match for {:?}", r.search.query));
                }
                return;
            }
            KeyCode::Backspace => {
                r.search.query.pop();
            }
            KeyCode::Char(c) if !key.ctrl && !key.alt => r.search.query.push(c),
            _ => return,
        }
        // Incremental: recompute and go to the first match from where the search began.
        r.search.matches = find_all(&r.loaded.body, &r.search.query);
        r.walk = Some(Walk::Search);
        r.walk_pos = None;
        r.target = None;
        if !r.search.matches.is_empty() {
            let origin = r.search.origin;
            let first = r
                .search
                .matches
                .iter()
                .position(|m| m.start >= origin)
                .unwrap_or(0);
            self.walk_to(first);
        }
    }

    fn overlay_command(&mut self, c: Command) {
        let entries = match &self.overlay {
            Some(Overlay::Speakers { .. }) => self.speakers().len(),
            Some(Overlay::Entities { .. }) => self.entity_rows().len(),
            Some(Overlay::Help { .. }) => self.keymap.help_rows().len(),
            Some(Overlay::Problems { .. }) => {
                self.problems.len() + usize::from(!self.skipped.is_empty())
            }
            None => 0,
        };
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        let (pos, scrolling) = match overlay {
            Overlay::Help { scroll } | Overlay::Problems { scroll } => (scroll, true),
            Overlay::Speakers { selected } | Overlay::Entities { selected } => (selected, false),
        };
        let last = entries.saturating_sub(1);
        match c {
            Command::Down => *pos = (*pos + 1).min(last),
            Command::Up => *pos = pos.saturating_sub(1),
            Command::PageDown | Command::HalfDown => *pos = (*pos + 10).min(last),
            Command::PageUp | Command::HalfUp => *pos = pos.saturating_sub(10),
            Command::Top => *pos = 0,
            Command::Bottom => *pos = last,
            Command::Open if !scrolling => {
                let chosen = *pos;
                match self.overlay.take() {
                    Some(Overlay::Speakers { .. }) => self.choose_speaker(chosen),
                    Some(Overlay::Entities { .. }) => self.choose_entity(chosen),
                    _ => {}
                }
            }
            Command::Back
            | Command::Quit
            | Command::Help
            | Command::Problems
            | Command::Speakers
            | Command::Entities => self.overlay = None,
            _ => {}
        }
    }

    fn command(&mut self, c: Command) {
        match c {
            Command::Quit => self.request_quit(false),
            Command::ToggleBookmark => self.toggle_bookmark(),
            Command::BookmarksOnly => self.toggle_bookmarks_only(),
            Command::EditNote => self.start_note(),
            Command::ToggleRead => self.toggle_read(),
            Command::LibrarySearch => {
                self.focus = Focus::List;
                self.list_touched = true;
                self.library_search.start();
            }
            Command::Sort => {
                self.sort = match self.sort {
                    SortOrder::Date => SortOrder::Title,
                    SortOrder::Title => SortOrder::Source,
                    SortOrder::Source => SortOrder::Date,
                };
                self.list_touched = true;
                self.resort();
                self.message = Some(format!("sorted by {}", self.sort.name()));
            }
            Command::NextUnread => self.next_unread(),
            Command::MarkAllRead => self.mark_all_read(false),
            Command::People => self.open_people(),
            Command::Reload => {
                self.requests.push(Request::Reload);
                self.message = Some("looking for new and changed files…".into());
            }
            Command::Fetch => self.start_fetch(),
            Command::OpenInBrowser => self.open_in_browser(),
            Command::CopyQuote => self.copy_quote(),
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::Problems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Command::Layers => {
                self.layers = self.layers.next();
                // Other layers stay named in the status line; say when all are back.
                if self.layers == Layers::All {
                    self.message = Some(format!("highlights: {}", self.layers.name()));
                }
            }
            Command::Down => self.move_by(1, true),
            Command::Up => self.move_by(1, false),
            Command::PageDown => self.move_by(self.page(), true),
            Command::PageUp => self.move_by(self.page(), false),
            Command::HalfDown => self.move_by(self.view_height().div_ceil(2), true),
            Command::HalfUp => self.move_by(self.view_height().div_ceil(2), false),
            Command::Top => self.move_by(usize::MAX, false),
            Command::Bottom => self.move_by(usize::MAX, true),
            Command::Open => {
                if self.focus == Focus::List {
                    self.open_selected();
                }
            }
            Command::SwitchFocus => match self.focus {
                Focus::List => {
                    if self.reader.is_none() {
                        self.open_selected();
                    } else {
                        self.focus = Focus::Reader;
                    }
                }
                Focus::Reader => {
                    self.focus = Focus::List;
                    self.save_state();
                }
            },
            Command::Back => self.back(),
            Command::Search => {
                if self.ensure_open() {
                    let origin = self.view_top_offset();
                    let r = self.reader.as_mut().expect("opened");
                    r.search = Search {
                        editing: true,
                        origin,
                        ..Search::default()
                    };
                }
            }
            Command::NextMatch => self.walk_step(true),
            Command::PrevMatch => self.walk_step(false),
            Command::NextQuote => self.quote_step(true, false),
            Command::PrevQuote => self.quote_step(false, false),
            Command::NextSpeaker => self.quote_step(true, true),
            Command::PrevSpeaker => self.quote_step(false, true),
            Command::Speakers => {
                if self.ensure_analysed_for(c) {
                    if self.speakers().is_empty() {
                        self.message = Some("no quotes in this article".into());
                    } else {
                        self.overlay = Some(Overlay::Speakers { selected: 0 });
                    }
                }
            }
            Command::Entities => {
                if self.ensure_analysed_for(c) {
                    if self.entity_rows().is_empty() {
                        self.message = Some("no entities in this article".into());
                    } else {
                        self.overlay = Some(Overlay::Entities { selected: 0 });
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- library

    /// The index's root keys of what is listed (for library-wide queries).
    pub fn root_keys(&self) -> Vec<String> {
        self.roots.clone()
    }

    fn people_key(&mut self, ev: &KeyEvent, key: Key) {
        let page = self
            .areas()
            .list
            .map_or(10, |_| usize::from(self.size.1.saturating_sub(8)).max(1));
        let (Some(people), Some(index)) = (&mut self.people, &self.index) else {
            self.people = None;
            return;
        };
        match people.key(ev, key, &self.keymap, index, page) {
            super::people::Action::None => {}
            super::people::Action::Close => self.people = None,
            super::people::Action::Open { key, id, start } => {
                let idx = self
                    .by_key
                    .get(&key)
                    .or_else(|| self.by_id.get(&id))
                    .copied();
                match idx.filter(|i| !self.gone.contains(i)) {
                    Some(idx) => {
                        self.people = None;
                        self.open_index(idx, None);
                        // the analysis gives the quote's whole span
                        let span = self
                            .open_analysis()
                            .and_then(|a| a.quotes.iter().find(|q| q.span.start == start))
                            .map_or(Span::new(start, start), |q| q.span);
                        let quote = self
                            .open_analysis()
                            .and_then(|a| a.quotes.iter().position(|q| q.span == span));
                        if let Some(r) = &mut self.reader {
                            r.quote = quote;
                            r.walk = None;
                        }
                        self.go_to(span);
                    }
                    None => {
                        self.message =
                            Some("that article is not in the list (another folder?)".into());
                    }
                }
            }
        }
    }

    fn open_people(&mut self) {
        match &self.index {
            Some(index) => {
                let view = super::people::PeopleView::open(index, self.roots.clone());
                if view.total == 0 {
                    self.message = Some(match &self.analysing {
                        Some(a) => format!(
                            "no quotes yet: analysing the library ({} / {})",
                            thousands(a.done),
                            thousands(a.total)
                        ),
                        None => "no quotes found in the library".into(),
                    });
                }
                self.people = Some(view);
            }
            None => self.message = Some("people across the library need the library index".into()),
        }
    }

    /// Runs the library search line again and filters the list.
    fn run_library_search(&mut self) {
        let bodies = |i: usize| self.bodies.get(&i).map(|a| a.body.clone());
        let by_key = |k: i64| self.by_key.get(&k).copied();
        let mut search = std::mem::take(&mut self.library_search);
        search.run(self.index.as_ref(), &self.articles, &bodies, &by_key);
        self.library_search = search;
        self.apply_search_sort();
        self.selected = 0;
        self.list_offset = 0;
        self.refresh_rows();
    }

    /// A `sort:` in the search line sets the list order.
    fn apply_search_sort(&mut self) {
        if let Some(sort) = self.library_search.query.sort
            && sort != self.sort
        {
            self.sort = sort;
            self.resort();
        }
    }

    /// `U`: the next unread article in the list after the selected one
    /// (wrapping), opened.
    fn next_unread(&mut self) {
        let n = self.rows.len();
        let from = match &self.reader {
            Some(r) => {
                let sort = self.sort;
                let arts = &self.articles;
                let cmp = |a: usize, b: usize| sort.compare(&arts[a], &arts[b]);
                rows::position(self.rows.articles(), r.article, &cmp).unwrap_or(self.selected)
            }
            None => self.selected,
        };
        let listed = self.rows.articles();
        let found = (1..=n).map(|k| (from + k) % n).find(|&i| {
            listed
                .get(i)
                .is_some_and(|&a| !self.state.is_read(&self.articles[a].id))
        });
        match found {
            Some(i) => {
                self.selected = i;
                self.list_touched = true;
                self.open_selected();
            }
            None => self.message = Some("no unread article in the list".into()),
        }
    }

    /// `A` twice: every article listed (the search's results, or all) read.
    fn mark_all_read(&mut self, armed: bool) {
        let ids: Vec<String> = self
            .rows
            .articles()
            .iter()
            .map(|&i| &self.articles[i].id)
            .filter(|id| !self.state.is_read(id))
            .cloned()
            .collect();
        if ids.is_empty() {
            self.message = Some("every article listed is read".into());
            return;
        }
        if !armed {
            self.mark_all_armed = true;
            let keys = self.keymap.keys_for(Command::MarkAllRead);
            let k = keys.first().map_or("it".to_string(), |k| k.to_string());
            self.message = Some(format!(
                "{k} again marks {} listed article{} read",
                thousands(ids.len()),
                if ids.len() == 1 { "" } else { "s" }
            ));
            return;
        }
        for id in &ids {
            self.state.mark_read(id);
        }
        let marks: Vec<(String, bool)> = ids.iter().map(|id| (id.clone(), true)).collect();
        self.mirror_read(&marks);
        self.save_state();
        if self.library_search.query.unread {
            self.refresh_rows();
        }
        self.message = Some(format!("{} marked read", thousands(ids.len())));
    }

    fn back(&mut self) {
        if let Some(r) = &mut self.reader
            && (r.walk.is_some() || !r.search.query.is_empty() || r.target.is_some())
        {
            r.search = Search::default();
            r.walk = None;
            r.walk_pos = None;
            r.target = None;
            r.quote = None;
            return;
        }
        if self.focus == Focus::Reader && self.narrow() {
            self.focus = Focus::List;
            self.save_state();
            return;
        }
        if self.focus == Focus::List && self.library_search.is_active() {
            self.library_search.clear();
            self.refresh_rows();
            self.message = Some("search cleared".into());
        }
    }

    fn move_by(&mut self, n: usize, down: bool) {
        match self.focus {
            Focus::List => {
                self.list_touched = true;
                let last = self.rows.len().saturating_sub(1);
                self.selected = if down {
                    self.selected.saturating_add(n).min(last)
                } else {
                    self.selected.saturating_sub(n)
                };
            }
            Focus::Reader => {
                let max = self.max_scroll();
                if let Some(r) = &mut self.reader {
                    r.scroll = if down {
                        r.scroll.saturating_add(n).min(max)
                    } else {
                        r.scroll.saturating_sub(n)
                    };
                }
            }
        }
    }

    fn open_selected(&mut self) {
        let idx = match self.selected_row() {
            Some(Row::Article(i)) => i,
            Some(Row::Missing(id)) => {
                // made while reading another folder: the index may know it
                if let Some(idx) = self.adopt_from_index(&id) {
                    let path = self
                        .place_of(idx)
                        .map_or_else(String::new, |(o, _)| o.display());
                    self.open_index(idx, None);
                    self.message = Some(format!("from outside this library: {path}"));
                    return;
                }
                let b = self.bookmarks.get(&id);
                let path = b.and_then(|b| b.path.as_ref()).map_or_else(
                    || "no path recorded".into(),
                    |p| crate::text::escape_path(p),
                );
                self.message = Some(if self.loading.is_some() {
                    format!("not loaded yet; the library is still loading (last seen: {path})")
                } else {
                    format!("missing from the library (last seen: {path})")
                });
                return;
            }
            None => {
                self.message = Some("no article to open".into());
                return;
            }
        };
        self.open_index(idx, None);
    }

    /// An article of another folder the index knows (a bookmark made there),
    /// taken in so it can be opened; it stays out of the list.
    fn adopt_from_index(&mut self, id: &str) -> Option<usize> {
        let e = self.index.as_ref()?.live_entry_by_id(id).ok()??;
        if let Some(&i) = self.by_key.get(&e.key) {
            return Some(i);
        }
        let idx = self.articles.len();
        self.by_key.insert(e.key, idx);
        self.articles.push(e);
        Some(idx)
    }

    /// Opens the article at `idx` (index into `articles`); `at` puts the
    /// view on a place in its body instead of where reading stopped.
    pub fn open_index(&mut self, idx: usize, at: Option<Span>) {
        self.focus = Focus::Reader;
        self.list_touched = true;
        if self.reader.as_ref().is_some_and(|r| r.article == idx) {
            if let Some(span) = at {
                self.go_to(span);
            }
            return;
        }
        let loaded = match self.load_body(idx) {
            Ok(a) => a,
            Err(e) => {
                self.message = Some(format!("cannot open: {e}"));
                if self.reader.is_none() {
                    self.focus = Focus::List;
                }
                return;
            }
        };
        // Leaving an article: its place is kept.
        if self.reader.is_some() {
            self.record_position();
            self.save_state();
        }
        let id = loaded.id.clone();
        if !self.state.is_read(&id) {
            self.state.mark_read(&id);
            self.mirror_read(&[(id.clone(), true)]);
        }
        // saved at once: a crash keeps the mark, and a state file spoilt
        // meanwhile is found now, not at quit
        self.save_state();
        self.ensure_analysis(idx, true);
        self.note_moved_file(idx);
        let width = self
            .reader_geometry()
            .map_or(usize::from(self.settings.width), |g| {
                usize::from(g.text.width)
            });
        // From the bookmarks view a bookmark's own place wins; elsewhere where reading stopped.
        let marked = self.bookmarks.get(&id).and_then(|b| b.position);
        let left = self.state.position(&id);
        let (position, why) = if self.bookmarks_only {
            marked.map_or((left, "where you left off"), |p| (Some(p), "bookmark"))
        } else {
            left.map_or((marked, "bookmark"), |p| (Some(p), "where you left off"))
        };
        let doc = Doc::build(&loaded, &self.meta_line(&loaded), self.note(&id), width);
        let scroll = match position {
            Some(p) if p > 0 && at.is_none() => {
                self.message = Some(format!("paragraph {} ({why})", p + 1));
                doc.para_first
                    .get(p)
                    .or(doc.para_first.last())
                    .copied()
                    .unwrap_or(0)
            }
            _ => 0,
        };
        self.reader = Some(Reader {
            article: idx,
            loaded,
            doc,
            scroll,
            target: None,
            quote: None,
            walk: None,
            walk_pos: None,
            search: Search::default(),
        });
        self.clamp_scroll();
        if let Some(span) = at {
            let quote = self
                .open_analysis()
                .and_then(|a| a.quotes.iter().position(|q| q.span.start == span.start));
            if let Some(r) = &mut self.reader {
                r.quote = quote;
            }
            self.go_to(span);
        }
    }

    /// What the analyser needs for an entry: id, index key, body, language.
    pub fn analysis_job(&self, idx: usize) -> Option<super::runtime::Job> {
        let e = self.articles.get(idx)?;
        let body = match &self.reader {
            Some(r) if r.article == idx => r.loaded.body.clone(),
            _ => self.load_body(idx).ok()?.body,
        };
        Some((
            e.id.clone(),
            e.key,
            body,
            crate::analysis::Lang::declared(e.language.as_deref()),
        ))
    }

    /// The whole article of an entry: kept in memory when it came whole,
    /// else read from its file now (one file: the rest of the library is
    /// never waited for).
    fn load_body(&self, idx: usize) -> Result<Article, String> {
        if let Some(a) = self.bodies.get(&idx) {
            return Ok(a.clone());
        }
        let (origin, record) = self
            .place_of(idx)
            .ok_or_else(|| "the library index no longer has this article".to_string())?;
        crate::library::reconcile::read_article(&origin, record, &self.articles[idx].id)
            .map_err(|e| format!("{e:#}"))
    }

    /// Where an entry's article is (its file and place in it): the entry's
    /// own, else the index's (the list leaves paths in the index).
    pub fn place_of(&self, idx: usize) -> Option<(Origin, u32)> {
        let e = self.articles.get(idx)?;
        match &e.origin {
            Some(o) => Some((o.clone(), e.record)),
            None => self.index.as_ref()?.place(e.key).ok().flatten(),
        }
    }

    /// Makes the analysis of an entry available: from memory, else from
    /// the index, else (when `urgent`) asked of the analyser before any other.
    fn ensure_analysis(&mut self, idx: usize, urgent: bool) {
        let Some(e) = self.articles.get(idx) else {
            return;
        };
        if self.analyses.contains_key(&e.id) {
            return;
        }
        if e.key != 0
            && let Some(index) = &self.index
            && let Ok(Some(a)) = index.analysis(e.key, &analysis_version())
        {
            let id = e.id.clone();
            // Read from the index as rows are selected: a bounded cache, so
            // walking a long list does not keep every analysis in memory.
            if self.analyses.len() >= ANALYSES_KEPT {
                let open = self.open_article().map(|a| a.id.clone());
                self.analyses.retain(|k, _| Some(k) == open.as_ref());
            }
            self.analyses.insert(id, a);
            return;
        }
        if urgent && !self.urgent.contains(&idx) {
            self.urgent.push(idx);
        }
    }

    /// The selected article's stored analysis, for the details under the list.
    fn fetch_selected_analysis(&mut self) {
        if self.index.is_none() {
            return;
        }
        if let Some(Row::Article(i)) = self.selected_row() {
            self.ensure_analysis(i, false);
        }
    }

    /// A bookmarked article found at another path: the bookmark learns it.
    fn note_moved_file(&mut self, idx: usize) {
        if !self.bookmarks.contains(&self.articles[idx].id) {
            return;
        }
        // Only a real file: the bundled library's articles have none.
        let Some((Origin::File(path), _)) = self.place_of(idx) else {
            return;
        };
        let Ok(path) = std::path::absolute(path) else {
            return;
        };
        if path.is_file() {
            let id = self.articles[idx].id.clone();
            if self.bookmarks.update_path(&id, &path) {
                self.save_bookmarks();
            }
        }
    }

    /// Opens the selected article if none is open; false when there is none.
    fn ensure_open(&mut self) -> bool {
        if self.reader.is_none() {
            self.open_selected();
        }
        self.focus = if self.reader.is_some() {
            Focus::Reader
        } else {
            self.focus
        };
        self.reader.is_some()
    }

    /// [`App::ensure_analysed`] for a panel: while the analysis is on its
    /// way the panel waits for it, and the status line says so.
    fn ensure_analysed_for(&mut self, panel: Command) -> bool {
        if self.ensure_analysed() {
            return true;
        }
        let analysing = self.open_article().is_some_and(|a| {
            self.analysis_error.is_none() && !self.analysis_failed.contains_key(&a.id)
        });
        if analysing {
            self.waiting_panel = Some(panel);
            let what = if panel == Command::Speakers {
                "speakers"
            } else {
                "entities"
            };
            self.message = Some(format!(
                "analysing this article… the {what} will show when it is done"
            ));
        }
        false
    }

    fn ensure_analysed(&mut self) -> bool {
        if !self.ensure_open() {
            return false;
        }
        if self.open_analysis().is_none() {
            let failed = self
                .open_article()
                .and_then(|a| self.analysis_failed.get(&a.id));
            self.message = Some(match (&self.analysis_error, failed) {
                (Some(e), _) => format!("analysis unavailable: {e}"),
                (None, Some(e)) => format!("analysis failed on this article: {e}"),
                (None, None) => "analysing this article…".into(),
            });
            return false;
        }
        true
    }

    // ---------------------------------------------------------------- walking

    /// Spans n / N walk, in text order.
    pub fn walk_targets(&self) -> Vec<Span> {
        let Some(r) = &self.reader else {
            return Vec::new();
        };
        match &r.walk {
            None => Vec::new(),
            Some(Walk::Search) => r.search.matches.clone(),
            Some(Walk::Speaker(name)) => self.open_analysis().map_or_else(Vec::new, |a| {
                a.quotes
                    .iter()
                    .filter(|q| q.speaker.as_deref() == Some(name))
                    .map(|q| q.span)
                    .collect()
            }),
            Some(Walk::Entity(g)) => self.open_analysis().map_or_else(Vec::new, |a| {
                a.groups
                    .get(*g)
                    .map(|g| {
                        g.mentions
                            .iter()
                            .filter_map(|&m| a.entities.get(m))
                            .map(|e| e.span)
                            .collect()
                    })
                    .unwrap_or_default()
            }),
        }
    }

    fn view_top_offset(&self) -> usize {
        self.reader
            .as_ref()
            .and_then(|r| r.doc.anchor(r.scroll))
            .unwrap_or(0)
    }

    fn walk_step(&mut self, forward: bool) {
        if !self.ensure_open() {
            return;
        }
        let targets = self.walk_targets();
        if targets.is_empty() {
            let r = self.reader.as_ref().expect("open");
            self.message = Some(match r.walk {
                None => "nothing to walk: search with /, or choose a speaker (s) or an entity (e)"
                    .into(),
                Some(_) => "no match".into(),
            });
            return;
        }
        let top = self.view_top_offset();
        let r = self.reader.as_ref().expect("open");
        let n = targets.len();
        // as for quotes: from the screen once the last one is out of view
        let walk_pos = r
            .walk_pos
            .filter(|&i| targets.get(i).is_some_and(|s| self.span_in_view(*s)));
        let pos = match walk_pos {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None if forward => targets.iter().position(|s| s.start >= top).unwrap_or(0),
            None => targets.iter().rposition(|s| s.start < top).unwrap_or(n - 1),
        };
        if walk_pos.is_some() && (forward && pos == 0 || !forward && pos == n - 1) {
            self.message = Some(if forward {
                "wrapped to the first".into()
            } else {
                "wrapped to the last".into()
            });
        }
        self.walk_to(pos);
    }

    fn walk_to(&mut self, pos: usize) {
        let targets = self.walk_targets();
        let Some(&span) = targets.get(pos) else {
            self.message = Some("nothing to walk".into());
            return;
        };
        let Some(r) = &self.reader else { return };
        let quote = match &r.walk {
            Some(Walk::Speaker(_)) => self
                .open_analysis()
                .and_then(|a| a.quotes.iter().position(|q| q.span == span)),
            _ => r.quote,
        };
        let r = self.reader.as_mut().expect("open");
        r.walk_pos = Some(pos);
        r.quote = quote;
        self.go_to(span);
    }

    fn quote_step(&mut self, forward: bool, other_speaker: bool) {
        if !self.ensure_analysed() {
            return;
        }
        let top = self.view_top_offset();
        let a = self.open_analysis().expect("analysed");
        let quotes = &a.quotes;
        if quotes.is_empty() {
            self.message = Some("no quotes in this article".into());
            return;
        }
        let r = self.reader.as_ref().expect("open");
        // a quote scrolled out of view (g, G, paging) is no longer where the
        // reader is: go on from the screen instead
        let current = r.quote.filter(|&i| self.span_in_view(quotes[i].span));
        let found = match current {
            Some(i) => {
                let speaker = &quotes[i].speaker;
                let ok = |j: &usize| !other_speaker || &quotes[*j].speaker != speaker;
                if forward {
                    (i + 1..quotes.len()).find(ok)
                } else {
                    (0..i).rev().find(ok)
                }
            }
            None if forward => quotes.iter().position(|q| q.span.start >= top),
            None => quotes.iter().rposition(|q| q.span.start < top),
        };
        match found {
            Some(j) => {
                let span = quotes[j].span;
                let r = self.reader.as_mut().expect("open");
                r.quote = Some(j);
                self.go_to(span);
            }
            None => {
                self.message = Some(
                    match (forward, other_speaker) {
                        (true, false) => "no more quotes",
                        (false, false) => "no earlier quote",
                        (true, true) => "no later quote by another speaker",
                        (false, true) => "no earlier quote by another speaker",
                    }
                    .into(),
                );
            }
        }
    }

    /// Whether some of `span` is on the reading pane's screen now.
    fn span_in_view(&self, span: Span) -> bool {
        let h = self
            .reader_geometry()
            .map_or(1, |g| usize::from(g.text.height).max(1));
        let Some(r) = &self.reader else { return false };
        let (Some(first), Some(last)) = (
            r.doc.line_of(span.start),
            r.doc.line_of(span.end.saturating_sub(1).max(span.start)),
        ) else {
            return false;
        };
        first < r.scroll + h && last >= r.scroll
    }

    /// Marks `span` current and scrolls so its first line is in view.
    fn go_to(&mut self, span: Span) {
        let h = self
            .reader_geometry()
            .map_or(1, |g| usize::from(g.text.height).max(1));
        let max = self.max_scroll();
        let Some(r) = &mut self.reader else { return };
        r.target = Some(span);
        if let Some(line) = r.doc.line_of(span.start) {
            let end_line = r.doc.line_of(span.end.saturating_sub(1)).unwrap_or(line);
            if line < r.scroll || end_line >= r.scroll + h {
                // A third down the page leaves context above.
                r.scroll = line.saturating_sub(h / 3).min(max);
            }
        }
    }

    /// Speakers of the open article: (name, quote count), most quotes first.
    pub fn speakers(&self) -> Vec<(String, usize)> {
        let Some(a) = self.open_analysis() else {
            return Vec::new();
        };
        let mut counts: Vec<(String, usize)> = Vec::new();
        for q in &a.quotes {
            if let Some(s) = &q.speaker {
                match counts.iter_mut().find(|(n, _)| n == s) {
                    Some(e) => e.1 += 1,
                    None => counts.push((s.clone(), 1)),
                }
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts
    }

    /// Entity panel rows: groups (indices) by type, most mentioned first.
    pub fn entity_rows(&self) -> Vec<usize> {
        let Some(a) = self.open_analysis() else {
            return Vec::new();
        };
        let mut rows: Vec<usize> = (0..a.groups.len()).collect();
        rows.sort_by(|&x, &y| {
            let (gx, gy) = (&a.groups[x], &a.groups[y]);
            gx.label
                .cmp(&gy.label)
                .then(gy.mentions.len().cmp(&gx.mentions.len()))
                .then(gx.name.cmp(&gy.name))
        });
        rows
    }

    fn choose_speaker(&mut self, row: usize) {
        let Some((name, _)) = self.speakers().into_iter().nth(row) else {
            return;
        };
        if let Some(r) = &mut self.reader {
            r.walk = Some(Walk::Speaker(name));
            r.walk_pos = None;
        }
        // A new walk starts at the first target of the article, not of the view.
        self.walk_to(0);
    }

    fn choose_entity(&mut self, row: usize) {
        let Some(g) = self.entity_rows().get(row).copied() else {
            return;
        };
        if let Some(r) = &mut self.reader {
            r.walk = Some(Walk::Entity(g));
            r.walk_pos = None;
        }
        // A new walk starts at the first target of the article, not of the view.
        self.walk_to(0);
    }

    /// The status of the current quote: "quote 3/8 · Arthur Mensch 2/3".
    pub fn quote_status(&self) -> Option<String> {
        let r = self.reader.as_ref()?;
        let a = self.open_analysis()?;
        let i = r.quote?;
        let q = a.quotes.get(i)?;
        // Only while that quote is the current place (a search moves on).
        if r.target != Some(q.span) {
            return None;
        }
        let mut s = format!("quote {}/{}", thousands(i + 1), thousands(a.quotes.len()));
        if let Some(name) = &q.speaker {
            let same: Vec<usize> = a
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, o)| o.speaker.as_deref() == Some(name))
                .map(|(j, _)| j)
                .collect();
            let k = same.iter().position(|&j| j == i).unwrap_or(0);
            s.push_str(&format!(
                " · {name} {}/{}",
                thousands(k + 1),
                thousands(same.len())
            ));
        } else {
            s.push_str(" · unattributed");
        }
        Some(s)
    }

    /// The status of n / N: "match 2/5", "Mistral AI 1/4".
    pub fn walk_status(&self) -> Option<String> {
        let r = self.reader.as_ref()?;
        let walk = r.walk.as_ref()?;
        let n = self.walk_targets().len();
        let pos = r.walk_pos.map_or(0, |p| p + 1);
        Some(match walk {
            Walk::Search => match n {
                0 => format!("no match for {:?}", r.search.query),
                _ => format!("match {}/{}", thousands(pos), thousands(n)),
            },
            Walk::Speaker(name) => format!("{name} {}/{} (n/N)", thousands(pos), thousands(n)),
            Walk::Entity(g) => {
                let name = self
                    .open_analysis()
                    .and_then(|a| a.groups.get(*g))
                    .map_or("entity", |g| g.name.as_str());
                format!("{name} {}/{} (n/N)", thousands(pos), thousands(n))
            }
        })
    }

    // ---------------------------------------------------------------- mouse

    fn mouse(&mut self, m: MouseEvent) {
        let at = Position::new(m.column, m.row);
        let areas = self.areas();
        let in_list = areas.list.is_some_and(|r| r.contains(at));
        let in_reader = areas.reader.is_some_and(|r| r.contains(at));
        // An open overlay or note input keeps the pointer from changing what it is about.
        if self.overlay.is_some() || self.note_input.is_some() {
            return;
        }
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                let saved = self.focus;
                if in_list {
                    self.focus = Focus::List;
                    self.move_by(WHEEL, down);
                    self.focus = saved;
                } else if in_reader {
                    self.focus = Focus::Reader;
                    self.move_by(WHEEL, down);
                    self.focus = saved;
                }
            }
            MouseEventKind::Down(_) => {
                if in_list {
                    self.focus = Focus::List;
                    let inner = inner(areas.list.expect("in list"));
                    let rows = self.list_rows();
                    if m.row >= inner.y && usize::from(m.row - inner.y) < rows {
                        let row = self.list_offset + usize::from(m.row - inner.y);
                        if row < self.rows.len() {
                            self.list_touched = true;
                            // A click on the selected row opens it.
                            if row == self.selected {
                                self.open_selected();
                            } else {
                                self.selected = row;
                            }
                        }
                    }
                } else if in_reader && self.reader.is_some() {
                    self.focus = Focus::Reader;
                }
            }
            _ => {}
        }
    }
}

/// An http or https address: the only kind `o` opens (a feed could
/// carry `file:` or `javascript:` links).
pub fn is_web_address(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The area inside a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Lines below the list for the selected article's details.
pub fn details_height(list_inner_height: u16) -> u16 {
    if list_inner_height >= 12 { 4 } else { 0 }
}

/// Every match of `query`: case-insensitive unless it has a capital (smart
/// case), and accent-insensitive both ways ("ecosysteme" finds
/// "écosystème", "élodie" finds "Elodie"); œ/æ/ß match oe/ae/ss, curly
/// apostrophes the straight one, and no-break spaces a space.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    let mut q: Vec<char> = Vec::new();
    for c in query.chars() {
        fold(c, exact, &mut q);
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut folded = Vec::new();
    'outer: for (start, _) in text.char_indices() {
        if start < from {
            continue;
        }
        let mut qi = 0;
        for (off, c) in text[start..].char_indices() {
            folded.clear();
            fold(c, exact, &mut folded);
            for &fc in &folded {
                if qi < q.len() && q[qi] == fc {
                    qi += 1;
                } else {
                    continue 'outer;
                }
            }
            if qi == q.len() {
                let mut end = start + off + c.len_utf8();
                // the accents of the last letter are part of the match
                end += text[end..]
                    .chars()
                    .take_while(|&m| unicode_normalization::char::is_combining_mark(m))
                    .map(char::len_utf8)
                    .sum::<usize>();
                out.push(Span::new(start, end));
                from = end;
                continue 'outer;
            }
        }
    }
    out
}

/// What a character is compared as in a search: without its accents,
/// lower case unless `exact`, ligatures spelt out. A lone combining mark
/// folds to nothing, so "e\u{301}" matches "e" and "é" alike.
fn fold(c: char, exact: bool, out: &mut Vec<char>) {
    match c {
        '’' | '‘' | 'ʼ' => return out.push('\''),
        '\u{a0}' | '\u{202f}' => return out.push(' '),
        'œ' => return out.extend(['o', 'e']),
        'Œ' => return out.extend(if exact { ['O', 'E'] } else { ['o', 'e'] }),
        'æ' => return out.extend(['a', 'e']),
        'Æ' => return out.extend(if exact { ['A', 'E'] } else { ['a', 'e'] }),
        'ß' => return out.extend(['s', 's']),
        _ => {}
    }
    let mut push = |c: char| {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                out.push(d);
            }
        });
    };
    if exact {
        push(c);
    } else {
        c.to_lowercase().for_each(push);
    }
}

pub use crate::text::thousands;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::format_date;

    #[test]
    fn find_all_is_smart_case_and_byte_exact() {
        let t = "Élodie et élodie, ÉLODIE.";
        let m = find_all(t, "élodie");
        assert_eq!(m.len(), 3);
        for s in &m {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            assert_eq!(s.text(t).to_lowercase(), "élodie");
        }
        assert_eq!(find_all(t, "Élodie").len(), 1);
        assert!(find_all(t, "").is_empty());
        assert_eq!(find_all("aaaa", "aa").len(), 2);
    }

    #[test]
    fn find_all_ignores_accents_both_ways() {
        let t = "un écosystème européen, l’IA et le cœur de l'ecosysteme";
        let m = find_all(t, "ecosysteme");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].text(t), "écosystème");
        assert_eq!(find_all(t, "écosystème").len(), 2);
        assert_eq!(find_all(t, "europeen")[0].text(t), "européen");
        assert_eq!(find_all(t, "l'ia")[0].text(t), "l’IA");
        assert_eq!(find_all(t, "coeur")[0].text(t), "cœur");
        assert_eq!(find_all(t, "IA").len(), 1);
        // decomposed text matches too, and spans stay on char boundaries
        let d = "e\u{301}te\u{301} ete";
        let m = find_all(d, "été");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].text(d), "e\u{301}te\u{301}");
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(3120), "3,120");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn bad_date_format_does_not_panic() {
        let d = chrono::DateTime::parse_from_rfc3339("2024-02-26T10:00:00+01:00").unwrap();
        assert_eq!(format_date(&d, "%Y"), "2024");
        assert_eq!(format_date(&d, "%Q%"), "2024-02-26");
    }
}
