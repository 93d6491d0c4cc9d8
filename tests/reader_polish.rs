//! The reader's rough edges (issue 13): what it says when files are
//! skipped or the reading state breaks, and polish of navigation, search,
//! counts and keys. `update` is driven by keys, no terminal.

use std::fs;
use std::path::{Path, PathBuf};

use quoth::library::Library;
use quoth::store::state::STATE_FILE;
use quoth::tui::app::{App, Focus, Msg, Overlay};
use quoth::tui::keymap::Keymap;
use quoth::tui::testkit::{
    app, key, render, sample_analysis, sample_app, screen_text, type_keys, with_stores,
};
use ratatui::crossterm::event::KeyCode;

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
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
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
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
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

fn opened() -> App {
    let mut a = sample_app(120, 40, true);
    a.update(key(KeyCode::Enter));
    assert_eq!(a.focus, Focus::Reader);
    a
}

fn quote(a: &App) -> Option<usize> {
    a.reader.as_ref().unwrap().quote
}

/// After g, G or scrolling, ] goes on from what is on the screen, not from
/// the last quote visited.
#[test]
fn quote_navigation_goes_on_from_the_screen() {
    // a short screen, so the fourth quote is off the first page
    let mut a = sample_app(120, 16, true);
    a.update(key(KeyCode::Enter));
    type_keys(&mut a, "]]]]");
    assert_eq!(quote(&a), Some(3));
    type_keys(&mut a, "g");
    let r = a.reader.as_ref().unwrap();
    let q3 = a.open_analysis().unwrap().quotes[3].span;
    assert!(
        r.doc.line_of(q3.start).unwrap() >= 14,
        "quote 4 is out of view"
    );
    type_keys(&mut a, "]");
    assert_eq!(quote(&a), Some(0), "from the top, the first quote");
    type_keys(&mut a, "]]]]]G");
    let an = a.open_analysis().unwrap();
    let r = a.reader.as_ref().unwrap();
    let top = r.doc.anchor(r.scroll).unwrap();
    let want = an.quotes.iter().rposition(|q| q.span.start < top).unwrap();
    assert_ne!(
        Some(want + 1),
        quote(&a),
        "a real test: the last quote is not next to it"
    );
    type_keys(&mut a, "[");
    assert_eq!(
        quote(&a),
        Some(want),
        "from the bottom, the last quote above"
    );
    // a quote still on screen is where the reader is: ] goes to the next
    type_keys(&mut a, "g]]");
    assert_eq!(quote(&a), Some(1));
}

#[test]
fn search_ignores_accents_both_ways() {
    let mut a = opened();
    type_keys(&mut a, "/ecosysteme");
    let r = a.reader.as_ref().unwrap();
    assert_eq!(r.search.matches.len(), 1);
    let body = &a.open_article().unwrap().body;
    assert_eq!(r.search.matches[0].text(body), "écosystème");
    a.update(key(KeyCode::Esc));
    type_keys(&mut a, "/événément");
    let r = a.reader.as_ref().unwrap();
    assert_eq!(
        r.search.matches.len(),
        1,
        "accents typed where the text has none match too"
    );
}

/// "1 quote, 1 speaker", counts with thousands, a count column never cut.
#[test]
fn counts_have_plurals_and_thousands() {
    let mut a = sample_app(120, 40, true);
    let id = a.selected_article().unwrap().id.clone();
    let mut one = a.analyses[&id].clone();
    one.quotes.truncate(1);
    a.update(Msg::Analysed {
        id: id.clone(),
        analysis: Box::new(one.clone()),
    });
    let s = screen(&a);
    assert!(s.contains("1 quote, 1 speaker"), "{s}");
    let q = one.quotes[0].clone();
    one.quotes = vec![q; 10_562];
    a.update(Msg::Analysed {
        id,
        analysis: Box::new(one),
    });
    let s = screen(&a);
    assert!(s.contains("“10,562"), "{s}");
    assert!(s.contains("10,562 quotes, 1 speaker"), "{s}");
}

/// s / e before the article is analysed: said, and the panel opens when
/// the analysis arrives.
#[test]
fn speakers_and_entities_wait_for_the_analysis() {
    let mut a = sample_app(120, 40, true);
    type_keys(&mut a, "j");
    let article = a.selected_article().unwrap().clone();
    assert!(!a.analyses.contains_key(&article.id));
    type_keys(&mut a, "e");
    assert!(a.reader.is_some(), "the selected article opens");
    let m = a.message.clone().unwrap();
    assert!(m.contains("the entities will show when it is done"), "{m}");
    let whole = a.open_article().unwrap().clone();
    a.update(Msg::Analysed {
        id: article.id.clone(),
        analysis: Box::new(sample_analysis(&whole)),
    });
    assert!(
        matches!(a.overlay, Some(Overlay::Entities { .. })) || a.message.is_some(),
        "{:?}",
        a.message
    );
    // with nothing to open, it says why
    let mut empty = app(120, 40, true);
    empty.load_all(Library::default());
    type_keys(&mut empty, "s");
    assert_eq!(empty.message.as_deref(), Some("no article to open"));
}

/// A rebound key shows in the bottom bar and the help, not the default.
#[test]
fn rebound_keys_show_in_the_hints() {
    let overrides = std::collections::BTreeMap::from([
        ("x".to_string(), "quit".to_string()),
        ("q".to_string(), "none".to_string()),
        ("F".to_string(), "search".to_string()),
    ]);
    let map = Keymap::with_overrides(&overrides).unwrap();
    let hint = map.hint();
    assert!(hint.contains(&("x".to_string(), "quit")), "{hint:?}");
    assert!(hint.contains(&("F".to_string(), "search")), "{hint:?}");
    let mut a = app(120, 40, true);
    a.keymap = map;
    let s = screen(&a);
    let last = s.lines().last().unwrap();
    assert!(
        last.contains("x quit") && !last.contains("Ctrl-c"),
        "{last}"
    );
}

/// The status line and the files count paragraphs alike, from 1.
#[test]
fn one_paragraph_numbering_for_status_and_state() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("data")).unwrap();
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
    a.update(key(KeyCode::Enter));
    type_keys(&mut a, "jjjjjjjjjjjj");
    let r = a.reader.as_ref().unwrap();
    let para = r.doc.para_at(r.scroll).unwrap();
    a.update(key(KeyCode::Tab));
    let text = fs::read_to_string(dir.path().join("data").join(STATE_FILE)).unwrap();
    assert!(
        text.contains(&format!("paragraph = {}", para + 1)),
        "{text}"
    );
    // another article, then back to this one
    type_keys(&mut a, "j");
    a.update(key(KeyCode::Enter));
    a.update(key(KeyCode::Tab));
    type_keys(&mut a, "k");
    a.update(key(KeyCode::Enter));
    let m = a.message.clone().unwrap();
    assert_eq!(m, format!("paragraph {} (where you left off)", para + 1));
}

/// A Markdown block quote is set apart behind a bar.
#[test]
fn block_quotes_are_set_apart() {
    let md = "# Title\n\nPlain text before.\n\n> A quoted passage long enough to wrap over more than one line of the reading pane, so that every line of it shows the bar.\n\nPlain text after.\n";
    let art = quoth::article::formats::md::parse(Path::new("q.md"), md).unwrap();
    let mut a = app(80, 30, true);
    a.load_all(Library {
        articles: vec![art],
        ..Default::default()
    });
    a.update(key(KeyCode::Enter));
    let s = screen(&a);
    let bars: Vec<&str> = s.lines().filter(|l| l.contains("▎ ")).collect();
    assert!(bars.len() >= 2, "{s}");
    assert!(bars[0].contains("▎ A quoted passage"), "{s}");
    assert!(!s.lines().any(|l| l.contains("▎ Plain")), "{s}");
}
