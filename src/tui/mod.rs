//! The terminal reader: state and `update` (app), layout of an article
//! (doc), keys (keymap), colours (theme), drawing (view). This module owns
//! the terminal and the background threads and feeds their news to `update`.

pub mod app;
pub mod doc;
pub mod keymap;
pub mod people;
pub mod rows;
pub mod runtime;
pub mod search;
#[doc(hidden)]
pub mod testkit;
pub mod theme;
pub mod view;

use std::io::{self, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::library::{self, Source};
use crate::store::state::ReadingState;

pub use app::{App, Effect, Msg};
pub use keymap::{Command, Key, Keymap};
pub use runtime::Runtime;
pub use theme::Theme;

/// Opens the reader on `path`, else the config's library, else the bundled sample.
pub fn run_from_cli(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<()> {
    let loaded = crate::config::open(config)?;
    // A bad binding is a config error at its line and column, like any other mistake.
    loaded.check_keys(keymap::check_binding)?;
    let settings = loaded.settings.clone();
    let keymap = Keymap::with_overrides(&settings.keys).map_err(anyhow::Error::msg)?;
    let theme = Theme::from_env(&settings.theme).map_err(anyhow::Error::msg)?;
    let source = Source::resolve(path, &settings);
    // A missing library is an error before the screen changes, not an empty reader.
    source.check_root()?;
    let mut warnings =
        crate::config::warning_lines(&loaded.warnings, crate::config::MAX_WARNINGS_SHOWN);
    // every one counted in the status line ("… (and 79,999 more)")
    let mut status: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| format!("config warning: {}", crate::text::escape(&w.to_string())))
        .collect();
    // A corrupt state file is moved aside and said so; quoth starts anyway.
    let (state, state_warnings) = ReadingState::open_default();
    status.extend(
        state_warnings
            .iter()
            .map(|w| crate::text::escape(w).into_owned()),
    );
    warnings.extend(state_warnings.iter().cloned());
    let guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    let mut app = App::new(
        settings,
        theme,
        keymap,
        source.describe(),
        (size.width, size.height),
    );
    app.attach_stores(loaded.bookmarks(), state, &status);
    // the state's own problems stay listed under `!`
    for w in state_warnings {
        app.state_problem(w);
    }
    let runtime = Runtime::start(&mut app, source, library::worker::Options::default())?;
    let result = event_loop(guard, &mut app, runtime, config);
    // The screen is back: the warnings stay readable in the terminal.
    for w in warnings.iter().chain(&app.exit_report) {
        eprintln!("quoth: warning: {}", crate::text::escape(w));
    }
    result
}

fn event_loop(
    mut guard: TerminalGuard,
    app: &mut App,
    mut runtime: Runtime,
    config: Option<&Path>,
) -> anyhow::Result<()> {
    let config = config.map(Path::to_path_buf);
    let mut effects = |effect: Effect,
                       terminal: &mut Terminal<CrosstermBackend<Stdout>>,
                       news: &Sender<Msg>| match effect {
        Effect::OpenUrl(url) => open_url(url, news.clone()),
        Effect::Copy(text) => {
            let backend = terminal.backend_mut();
            if let Err(e) = backend
                .write_all(osc52(&text).as_bytes())
                .and_then(|()| backend.flush())
            {
                let _ = news.send(Msg::EffectFailed(format!("could not copy: {e}")));
            }
        }
        Effect::Fetch => spawn_fetch(config.clone(), news.clone()),
    };
    let result = run_loop(
        &mut guard.terminal,
        app,
        &mut runtime,
        &mut TerminalInput,
        &mut effects,
    );
    runtime.stop();
    result
}

/// Where the reader's events come from: the terminal, or a script (the
/// library benchmark drives this same loop).
pub trait Input {
    /// Waits up to `timeout` for an event; true when one is ready.
    fn poll(&mut self, timeout: Duration) -> io::Result<bool>;
    fn read(&mut self) -> io::Result<Event>;
    /// A frame was drawn.
    fn drawn(&mut self) {}
    /// Ends the loop (a benchmark phase is over); the terminal never does.
    fn finished(&mut self, _app: &App) -> bool {
        false
    }
}

/// The terminal's events.
struct TerminalInput;

impl Input for TerminalInput {
    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }
    fn read(&mut self) -> io::Result<Event> {
        event::read()
    }
}

/// What the loop asks of the world: open the browser, copy, fetch. News
/// comes back on the channel.
pub type Effects<'a, B> = dyn FnMut(Effect, &mut Terminal<B>, &Sender<Msg>) + 'a;

/// The library's news is drawn at most this often (a key's frame at once).
const NEWS_FRAME: Duration = Duration::from_millis(16);

/// The reader's loop: a frame when something changed; every key answered
/// with its frame before any more of the library's news is taken; that
/// news taken in slices that give way as soon as a key is waiting. Ends
/// when the reader quits (the caller stops the runtime).
pub fn run_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    runtime: &mut Runtime,
    input: &mut dyn Input,
    effects: &mut Effects<'_, B>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    // short slices: a key wakes this thread ahead of long-running work
    crate::library::worker::responsive_thread();
    let mut dirty = true;
    // a key's frame is drawn at once, and the first articles; the rest of
    // the library's news at most every NEWS_FRAME
    let mut keyed = true;
    let mut blank = true;
    let mut last_frame = Instant::now();
    let (news_tx, news_rx) = mpsc::channel::<Msg>();
    loop {
        for effect in std::mem::take(&mut app.effects) {
            effects(effect, terminal, &news_tx);
            dirty = true;
        }
        while let Ok(m) = news_rx.try_recv() {
            app.update(m);
            dirty = true;
        }
        if dirty && (keyed || (blank && !app.rows.is_empty()) || last_frame.elapsed() >= NEWS_FRAME)
        {
            terminal.draw(|f| view::draw(f, app))?;
            input.drawn();
            (dirty, keyed, last_frame) = (false, false, Instant::now());
            blank = app.rows.is_empty();
        }
        if app.quit || input.finished(app) {
            return Ok(());
        }
        // the library's news, unless a key is waiting (it gives way to one
        // that comes meanwhile)
        if !input.poll(Duration::ZERO)? {
            let news = runtime.pump(app, &mut || input.poll(Duration::ZERO).unwrap_or(true));
            dirty |= news;
            if news && !input.poll(Duration::ZERO)? {
                continue;
            }
        }
        let wait = if runtime.busy() {
            Duration::ZERO
        } else if dirty {
            // the news' frame is due then
            NEWS_FRAME.saturating_sub(last_frame.elapsed())
        } else if app.loading.is_some() || app.reconciling.is_some() {
            // the library's news is coming: look again soon
            Duration::from_millis(5)
        } else {
            Duration::from_millis(50)
        };
        if input.poll(wait)? {
            loop {
                match input.read()? {
                    Event::Key(k) => app.update(Msg::Key(k)),
                    Event::Mouse(m) => app.update(Msg::Mouse(m)),
                    Event::Resize(w, h) => app.update(Msg::Resize(w, h)),
                    _ => {}
                }
                (dirty, keyed) = (true, true);
                if app.quit || !input.poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
}

fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Opens `url` in the browser from a thread (a browser may take a while to
/// start); a failure comes back as a message.
fn open_url(url: String, news: Sender<Msg>) {
    std::thread::spawn(move || {
        if let Err(e) = webbrowser::open(&url) {
            let _ = news.send(Msg::EffectFailed(format!("cannot open the browser: {e}")));
        }
    });
}

/// `R`: fetches the subscriptions of the config as it is now (one added
/// meanwhile by `quoth feeds add` counts) in a thread, sending progress,
/// the stored articles and the end.
fn spawn_fetch(config: Option<PathBuf>, news: Sender<Msg>) {
    use crate::feeds::fetch;
    let tx = news.clone();
    let run = move || -> Result<(), String> {
        let news = tx;
        let loaded = crate::config::open(config.as_deref()).map_err(|e| e.to_string())?;
        if loaded.feeds.is_empty() {
            return Err("no subscriptions: add one with `quoth feeds add URL`".into());
        }
        let data =
            crate::store::data_dir().ok_or("no data directory (no home); set $QUOTH_DATA_DIR")?;
        let _ = news.send(Msg::FetchStarting {
            total: loaded.feeds.len(),
        });
        fetch::run(&loaded.feeds, &data, &fetch::Options::default(), &|ev| {
            let stored = match &ev {
                fetch::Event::Finished(fetch::Report { result: Ok(s), .. }) => {
                    s.new.iter().chain(&s.updated).cloned().collect()
                }
                _ => Vec::new(),
            };
            let _ = news.send(Msg::Fetch(ev));
            if !stored.is_empty() {
                let _ = news.send(Msg::Fetched(read_stored(&stored, &news)));
            }
        })
        .map(|_| ())
        .map_err(|e| format!("fetch failed: {e:#}"))
    };
    let news2 = news.clone();
    let spawned = std::thread::Builder::new()
        .name("quoth-fetch".into())
        .spawn(move || {
            let result = run();
            let _ = news2.send(Msg::FetchDone(result));
        });
    if let Err(e) = spawned {
        let _ = news.send(Msg::FetchDone(Err(format!("cannot start the fetch: {e}"))));
    }
}

/// Fetched files, read back through the Markdown loader like any article.
fn read_stored(paths: &[PathBuf], news: &Sender<Msg>) -> Vec<crate::article::Article> {
    use crate::article::formats::{self, Kind};
    let mut out = Vec::new();
    for p in paths {
        let parsed = crate::article::files::read_capped(p, formats::MAX_FILE_BYTES)
            .and_then(|b| formats::parse(Kind::Markdown, p, &b));
        match parsed {
            Ok(a) => out.extend(a),
            Err(e) => {
                let _ = news.send(Msg::EffectFailed(format!("{}: {e:#}", p.display())));
            }
        }
    }
    out
}

/// Raw mode, alternate screen and mouse capture, undone on drop and on panic.
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        let ui = std::thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic in the drawing thread ends the reader: give the terminal
            // back before the message. A background thread's panic is caught
            // and reported on screen; printing it would scribble over the UI.
            if std::thread::current().id() == ui {
                restore();
                previous(info);
            }
        }));
        enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(out, EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(out)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = self.terminal.show_cursor();
        restore();
    }
}

/// Puts the terminal back; safe to call twice.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
}
