//! The terminal reader: state and `update` (app), layout of an article
//! (doc), keys (keymap), colours (theme), drawing (view). This module owns
//! the terminal and the background threads and feeds their news to `update`.

pub mod app;
pub mod doc;
pub mod keymap;
pub mod people;
pub mod runtime;
pub mod search;
#[doc(hidden)]
pub mod testkit;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::path::Path;
use std::time::Duration;

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

pub use app::{App, Msg};
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
    warnings.extend(state_warnings);
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
    let runtime = Runtime::start(&mut app, source, library::worker::Options::default())?;
    let result = event_loop(guard, &mut app, runtime);
    // The screen is back: the warnings stay readable in the terminal.
    for w in warnings.iter().chain(&app.exit_report) {
        eprintln!("quoth: warning: {}", crate::text::escape(w));
    }
    result
}

fn event_loop(mut guard: TerminalGuard, app: &mut App, mut runtime: Runtime) -> anyhow::Result<()> {
    let mut dirty = true;
    loop {
        // Draw only after a change: an idle reader costs no CPU.
        if dirty {
            guard.terminal.draw(|f| view::draw(f, app))?;
            dirty = false;
        }
        if app.quit {
            runtime.stop();
            return Ok(());
        }
        // Wait for input a little (not at all while the library has news),
        // then take what the background threads sent.
        let wait = if runtime.busy() {
            Duration::ZERO
        } else {
            Duration::from_millis(50)
        };
        if event::poll(wait)? {
            // Drain every pending input before drawing again, so key repeat never lags.
            loop {
                match event::read()? {
                    Event::Key(k) => app.update(Msg::Key(k)),
                    Event::Mouse(m) => app.update(Msg::Mouse(m)),
                    Event::Resize(w, h) => app.update(Msg::Resize(w, h)),
                    _ => {}
                }
                dirty = true;
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        dirty |= runtime.pump(app);
    }
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
