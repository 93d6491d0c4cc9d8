//! The reader's rough edges (issue 13): what it says when files are
//! skipped or the reading state breaks, and polish of navigation, search,
//! counts and keys. `update` is driven by keys, no terminal.

use std::fs;
use std::path::{Path, PathBuf};

use quoth::config;
use quoth::library::Library;
use quoth::store::state::{ReadingState, STATE_FILE};
use quoth::tui::app::{App, Overlay};
use quoth::tui::testkit::{app, key, render, sample_app, screen_text, type_keys};
use ratatui::crossterm::event::KeyCode;

fn stored(mut a: App, dir: &Path) -> App {
    let marks = config::load_file(&dir.join("config.toml"), false)
        .unwrap()
        .bookmarks();
    let (state, warnings) = ReadingState::open(&dir.join("data").join(STATE_FILE));
    a.attach_stores(marks, state, &warnings);
    a
}

fn screen(a: &App) -> String {
    screen_text(&render(a))
}

/// A folder with no article files says what it skipped, and `!` lists it.
#[test]
fn skipped_files_are_shown_in_the_list_and_the_problems_popup() {
    let mut a = app(120, 40, true);
    a.load_all(Library {
        skipped: vec![
            PathBuf::from("news/feed.rss"),
            PathBuf::from("news/page.html"),
        ],
        ..Default::default()
    });
    let s = screen(&a);
    assert!(s.contains("no articles: 2 files of other types"), "{s}");
    type_keys(&mut a, "!");
    assert!(matches!(a.overlay, Some(Overlay::Problems { .. })));
    let s = screen(&a);
    assert!(s.contains("Every article file was read."), "{s}");
    assert!(s.contains("2 other files skipped, not read"), "{s}");
    assert!(s.contains("quoth reads .txt, .md"), "{s}");
    assert!(
        s.contains("news/feed.rss") && s.contains("news/page.html"),
        "{s}"
    );
}

/// The state file spoilt while the reader runs: found when the next
/// article is opened, said then, and kept under `!`; not only on stderr
/// after quitting.
#[test]
fn a_state_file_spoilt_during_the_session_is_said_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let mut a = stored(sample_app(120, 40, true), dir.path());
    a.update(key(KeyCode::Enter));
    assert!(
        data.join(STATE_FILE).exists(),
        "opening saves the read mark"
    );
    fs::write(data.join(STATE_FILE), "articles = [[[\n").unwrap();
    // back to the list, the next article
    a.update(key(KeyCode::Tab));
    let m = a.message.clone().unwrap_or_default();
    assert!(m.contains("was corrupt") && m.contains("moved to"), "{m}");
    assert!(
        a.problems
            .iter()
            .any(|p| p.path.ends_with(STATE_FILE) && p.reason.contains("was corrupt")),
        "{:?}",
        a.problems
    );
    assert!(screen(&a).contains("1 problem (!)"));
}

#[test]
fn a_state_file_found_spoilt_at_quit_stops_the_first_q() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let mut a = stored(sample_app(120, 40, true), dir.path());
    a.update(key(KeyCode::Enter));
    a.update(key(KeyCode::Char('j')));
    fs::write(data.join(STATE_FILE), "not toml at all = = =\n").unwrap();
    type_keys(&mut a, "q");
    assert!(!a.quit);
    let m = a.message.clone().unwrap();
    assert!(m.starts_with("q again quits · reading state"), "{m}");
    type_keys(&mut a, "q");
    assert!(a.quit);
}
