//! `update` driven by key, mouse and loading messages: no terminal.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use quoth::analysis::Span;
use quoth::library::{LoadEvent, Problem};
use quoth::store::state::{ReadingState, STATE_FILE};
use quoth::tui::app::{App, Focus, Layers, Msg, Overlay, Row, Walk};
use quoth::tui::keymap::{Command, Key, Keymap};
use quoth::tui::testkit::{
    app, ctrl, english_article, key, sample_app, sample_article, type_keys, with_stores,
};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn press(app: &mut App, k: Key) {
    let mut mods = KeyModifiers::NONE;
    if k.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if k.alt {
        mods |= KeyModifiers::ALT;
    }
    if matches!(k.code, KeyCode::Char(c) if c.is_uppercase()) {
        mods |= KeyModifiers::SHIFT;
    }
    app.update(Msg::Key(KeyEvent::new(k.code, mods)));
}

fn opened(w: u16, h: u16) -> App {
    let mut a = sample_app(w, h, true);
    a.update(key(KeyCode::Enter));
    assert_eq!(a.focus, Focus::Reader);
    a
}

fn para_at_top(a: &App) -> usize {
    let r = a.reader.as_ref().unwrap();
    r.doc.para_at(r.scroll).unwrap()
}

fn scroll(a: &App) -> usize {
    a.reader.as_ref().unwrap().scroll
}

fn quote(a: &App) -> Option<usize> {
    a.reader.as_ref().unwrap().quote
}

fn height(a: &App) -> usize {
    usize::from(a.reader_geometry().unwrap().text.height)
}

/// A page keeps two lines of context.
fn page(a: &App) -> usize {
    height(a) - 2
}

/// Every key of the default keymap, each checked against what its command must do.
#[test]
fn every_bound_key_does_its_command() {
    let map = Keymap::default();
    for &(k, command) in map.bindings() {
        let what = format!("{k} ({})", command.name());
        match command {
            Command::Down => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.selected, 1, "{what} in the list");
                let mut a = opened(60, 20);
                press(&mut a, k);
                assert_eq!(scroll(&a), 1, "{what} in the reader");
            }
            Command::Up => {
                let mut a = sample_app(120, 40, true);
                a.selected = 1;
                press(&mut a, k);
                assert_eq!(a.selected, 0, "{what}");
                let mut a = opened(60, 20);
                type_keys(&mut a, "jj");
                press(&mut a, k);
                assert_eq!(scroll(&a), 1, "{what} in the reader");
            }
            Command::Open => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert!(a.reader.is_some(), "{what}");
                assert_eq!(a.focus, Focus::Reader, "{what}");
                let id = a.open_article().unwrap().id.clone();
                assert!(a.is_read(&id), "{what} marks read");
            }
            Command::SwitchFocus => {
                let mut a = opened(120, 40);
                press(&mut a, k);
                assert_eq!(a.focus, Focus::List, "{what}");
                press(&mut a, k);
                assert_eq!(a.focus, Focus::Reader, "{what}");
            }
            Command::PageDown => {
                let mut a = opened(60, 20);
                press(&mut a, k);
                assert_eq!(scroll(&a), page(&a), "{what}");
            }
            Command::PageUp => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "G");
                let bottom = scroll(&a);
                press(&mut a, k);
                assert_eq!(scroll(&a), bottom - page(&a), "{what}");
            }
            Command::HalfDown => {
                let mut a = opened(60, 20);
                press(&mut a, k);
                assert_eq!(scroll(&a), height(&a).div_ceil(2), "{what}");
            }
            Command::HalfUp => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "G");
                let bottom = scroll(&a);
                press(&mut a, k);
                assert_eq!(scroll(&a), bottom - height(&a).div_ceil(2), "{what}");
            }
            Command::Top => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "jjjj");
                press(&mut a, k);
                assert_eq!(scroll(&a), 0, "{what}");
                let mut a = sample_app(120, 40, true);
                a.selected = 1;
                press(&mut a, k);
                assert_eq!(a.selected, 0, "{what} in the list");
            }
            Command::Bottom => {
                let mut a = opened(60, 20);
                press(&mut a, k);
                let r = a.reader.as_ref().unwrap();
                assert_eq!(r.scroll, r.doc.lines.len() - height(&a), "{what}");
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.selected, 1, "{what} in the list");
            }
            Command::Search => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert!(a.reader.as_ref().unwrap().search.editing, "{what}");
            }
            Command::NextMatch => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "/open");
                a.update(key(KeyCode::Enter));
                assert_eq!(a.reader.as_ref().unwrap().walk_pos, Some(0));
                press(&mut a, k);
                assert_eq!(a.reader.as_ref().unwrap().walk_pos, Some(1), "{what}");
            }
            Command::PrevMatch => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "/open");
                a.update(key(KeyCode::Enter));
                let n = a.reader.as_ref().unwrap().search.matches.len();
                press(&mut a, k);
                assert_eq!(
                    a.reader.as_ref().unwrap().walk_pos,
                    Some(n - 1),
                    "{what} wraps"
                );
            }
            Command::Back => {
                let mut a = opened(60, 20);
                type_keys(&mut a, "/open");
                a.update(key(KeyCode::Enter));
                press(&mut a, k);
                let r = a.reader.as_ref().unwrap();
                assert!(r.search.matches.is_empty() && r.walk.is_none() && r.target.is_none());
                press(&mut a, k);
                assert_eq!(
                    a.focus,
                    Focus::List,
                    "{what}: narrow reader goes back to the list"
                );
            }
            Command::NextQuote => {
                let mut a = opened(120, 40);
                press(&mut a, k);
                assert_eq!(quote(&a), Some(0), "{what}");
                press(&mut a, k);
                assert_eq!(quote(&a), Some(1), "{what}");
            }
            Command::PrevQuote => {
                let mut a = opened(120, 40);
                type_keys(&mut a, "]]]");
                press(&mut a, k);
                assert_eq!(quote(&a), Some(1), "{what}");
            }
            Command::NextSpeaker => {
                let mut a = opened(120, 40);
                type_keys(&mut a, "]]");
                // Quotes 1, 2, 3 are Audrey Herblin-Stoop's; 4 is Mistral AI's.
                press(&mut a, k);
                assert_eq!(quote(&a), Some(4), "{what}");
            }
            Command::PrevSpeaker => {
                let mut a = opened(120, 40);
                type_keys(&mut a, "]]]]");
                press(&mut a, k);
                assert_eq!(quote(&a), Some(0), "{what}");
            }
            Command::Speakers => {
                let mut a = opened(120, 40);
                press(&mut a, k);
                assert_eq!(a.overlay, Some(Overlay::Speakers { selected: 0 }), "{what}");
            }
            Command::Entities => {
                let mut a = opened(120, 40);
                press(&mut a, k);
                assert_eq!(a.overlay, Some(Overlay::Entities { selected: 0 }), "{what}");
            }
            Command::Layers => {
                let mut a = opened(120, 40);
                press(&mut a, k);
                assert_eq!(a.layers, Layers::Quotes, "{what}");
                assert_eq!(a.message, None, "{what}: the status line names the layer");
                press(&mut a, k);
                assert_eq!(a.layers, Layers::Entities, "{what}");
                press(&mut a, k);
                assert_eq!(a.layers, Layers::Plain, "{what}");
                press(&mut a, k);
                assert_eq!(a.layers, Layers::All, "{what}");
            }
            Command::Help => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.overlay, Some(Overlay::Help { scroll: 0 }), "{what}");
                press(&mut a, k);
                assert_eq!(a.overlay, None, "{what} closes");
            }
            Command::Problems => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.overlay, Some(Overlay::Problems { scroll: 0 }), "{what}");
            }
            Command::Quit => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert!(a.quit, "{what}");
            }
            Command::ToggleBookmark => {
                let dir = tempfile::tempdir().unwrap();
                let mut a = with_stores(sample_app(120, 40, true), dir.path());
                let id = a.selected_article().unwrap().id.clone();
                press(&mut a, k);
                assert!(a.is_bookmarked(&id), "{what} in the list");
                assert_eq!(a.bookmarks.pending(), 0, "{what} saves at once");
                press(&mut a, k);
                assert!(!a.is_bookmarked(&id), "{what} again removes it");
                // In the reader: the paragraph at the top is kept.
                let mut a = with_stores(opened(60, 20), dir.path());
                type_keys(&mut a, "  ");
                let para = para_at_top(&a);
                assert!(para > 0);
                press(&mut a, k);
                assert_eq!(
                    a.bookmarks.get(&id).unwrap().position,
                    Some(para),
                    "{what} in the reader"
                );
            }
            Command::BookmarksOnly => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert!(a.bookmarks_only && a.rows.is_empty(), "{what}");
                press(&mut a, k);
                assert!(!a.bookmarks_only, "{what} again");
                assert_eq!(a.rows.len(), a.order.len(), "{what} again");
            }
            Command::EditNote => {
                let dir = tempfile::tempdir().unwrap();
                let mut a = with_stores(opened(120, 40), dir.path());
                type_keys(&mut a, "b");
                press(&mut a, k);
                assert!(a.note_input.is_some(), "{what}");
                type_keys(&mut a, "why");
                a.update(key(KeyCode::Enter));
                let id = a.open_article().unwrap().id.clone();
                assert_eq!(a.note(&id), Some("why"), "{what}");
            }
            Command::ToggleRead => {
                let mut a = sample_app(120, 40, true);
                let id = a.selected_article().unwrap().id.clone();
                assert!(!a.is_read(&id));
                press(&mut a, k);
                assert!(a.is_read(&id), "{what}");
                press(&mut a, k);
                assert!(!a.is_read(&id), "{what} again");
            }
            Command::LibrarySearch => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert!(a.library_search.editing, "{what}");
                type_keys(&mut a, "minister");
                assert_eq!(a.rows.len(), 1, "{what}: one article has the word");
                a.update(key(KeyCode::Enter));
                assert!(!a.library_search.editing && a.library_search.is_active());
                a.update(key(KeyCode::Esc));
                assert_eq!(a.rows.len(), 2, "{what}: Esc in the list clears it");
            }
            Command::Sort => {
                let mut a = sample_app(120, 40, true);
                let first = a.selected_article().unwrap().title.clone();
                press(&mut a, k);
                assert_eq!(a.sort, quoth::library::SortOrder::Title, "{what}");
                // by title: "Le lancement…" before "Markets…"; the selection follows its article
                assert_eq!(a.selected_article().unwrap().title, first);
                press(&mut a, k);
                press(&mut a, k);
                assert_eq!(a.sort, quoth::library::SortOrder::Date, "{what} cycles");
            }
            Command::NextUnread => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.focus, Focus::Reader, "{what} opens");
                let first = a.open_article().unwrap().id.clone();
                assert!(a.is_read(&first));
                press(&mut a, k);
                let second = a.open_article().unwrap().id.clone();
                assert_ne!(first, second, "{what} moves on");
                press(&mut a, k);
                assert!(
                    a.message.as_deref().unwrap().contains("no unread"),
                    "{what}"
                );
            }
            Command::MarkAllRead => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                let ids: Vec<String> = a.articles.iter().map(|e| e.id.clone()).collect();
                assert!(ids.iter().all(|id| !a.is_read(id)), "{what} asks first");
                assert!(a.message.as_deref().unwrap().contains("again"));
                press(&mut a, k);
                assert!(ids.iter().all(|id| a.is_read(id)), "{what} twice");
            }
            Command::People => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                // without the library index there is nothing to ask
                assert!(a.people.is_none(), "{what}");
                assert!(a.message.as_deref().unwrap().contains("index"), "{what}");
            }
            Command::Reload => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(
                    a.requests,
                    vec![quoth::library::worker::Request::Reload],
                    "{what}"
                );
            }
            // The effects themselves are tested in tests/feed_keys.rs.
            Command::Fetch => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(a.effects, [quoth::tui::Effect::Fetch], "{what}");
            }
            Command::OpenInBrowser => {
                let mut a = sample_app(120, 40, true);
                press(&mut a, k);
                assert_eq!(
                    a.message.as_deref(),
                    Some("this article has no web address"),
                    "{what}"
                );
            }
            Command::CopyQuote => {
                let mut a = opened(120, 40);
                type_keys(&mut a, "]");
                press(&mut a, k);
                assert!(
                    matches!(a.effects.as_slice(), [quoth::tui::Effect::Copy(_)]),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn keymap_covers_every_command_of_the_issues() {
    let map = Keymap::default();
    let keys = |names: &[&str]| -> Vec<Option<Command>> {
        names
            .iter()
            .map(|n| map.command(Key::parse(n).unwrap()))
            .collect()
    };
    let expect = [
        (vec!["j", "down"], Command::Down),
        (vec!["k", "up"], Command::Up),
        (vec!["enter", "l"], Command::Open),
        (vec!["tab", "h"], Command::SwitchFocus),
        (vec!["space", "pagedown", "ctrl-f"], Command::PageDown),
        (vec!["pageup", "ctrl-b"], Command::PageUp),
        (vec!["ctrl-d"], Command::HalfDown),
        (vec!["ctrl-u"], Command::HalfUp),
        (vec!["g"], Command::Top),
        (vec!["G"], Command::Bottom),
        (vec!["/"], Command::Search),
        (vec!["n"], Command::NextMatch),
        (vec!["N"], Command::PrevMatch),
        (vec!["esc"], Command::Back),
        (vec!["?"], Command::Help),
        (vec!["!"], Command::Problems),
        (vec!["q", "ctrl-c"], Command::Quit),
        (vec!["]"], Command::NextQuote),
        (vec!["["], Command::PrevQuote),
        (vec!["}"], Command::NextSpeaker),
        (vec!["{"], Command::PrevSpeaker),
        (vec!["s"], Command::Speakers),
        (vec!["e"], Command::Entities),
        (vec!["v"], Command::Layers),
        (vec!["b"], Command::ToggleBookmark),
        (vec!["B"], Command::BookmarksOnly),
        (vec!["m"], Command::EditNote),
        (vec!["u"], Command::ToggleRead),
    ];
    for (names, command) in expect {
        for got in keys(&names) {
            assert_eq!(got, Some(command), "{names:?}");
        }
    }
}

#[test]
fn search_is_incremental_and_esc_clears() {
    let mut a = opened(120, 40);
    type_keys(&mut a, "/op");
    let many = a.reader.as_ref().unwrap().search.matches.len();
    type_keys(&mut a, "en sou");
    let r = a.reader.as_ref().unwrap();
    assert!(r.search.editing);
    assert!(r.search.matches.len() < many);
    assert_eq!(r.search.query, "open sou");
    let body = &a.open_article().unwrap().body;
    for m in &r.search.matches {
        assert_eq!(m.text(body).to_lowercase(), "open sou");
    }
    // The first match is current while typing.
    assert_eq!(r.target, r.search.matches.first().copied());
    // Typing more keeps going to the first match from where the search began,
    // even after the view scrolled to show a match.
    let mut b = opened(60, 20);
    type_keys(&mut b, "/r");
    let body = b.open_article().unwrap().body.clone();
    for c in "attraper".chars() {
        type_keys(&mut b, &c.to_string());
        let r = b.reader.as_ref().unwrap();
        assert_eq!(
            r.target,
            r.search.matches.first().copied(),
            "{:?}",
            r.search.query
        );
    }
    let t = b.reader.as_ref().unwrap().target.unwrap();
    assert_eq!(t.text(&body), "rattraper");
    a.update(key(KeyCode::Backspace));
    assert_eq!(a.reader.as_ref().unwrap().search.query, "open so");
    // Keys are text while typing: q does not quit.
    type_keys(&mut a, "q");
    assert!(!a.quit);
    a.update(key(KeyCode::Esc));
    let r = a.reader.as_ref().unwrap();
    assert!(!r.search.editing && r.search.query.is_empty() && r.search.matches.is_empty());
    assert!(r.target.is_none());
}

#[test]
fn ctrl_c_quits_from_search_and_overlays() {
    let mut a = opened(120, 40);
    type_keys(&mut a, "/abc");
    a.update(ctrl('c'));
    assert!(a.quit);
    let mut a = opened(120, 40);
    type_keys(&mut a, "?");
    a.update(ctrl('c'));
    assert!(a.quit);
    // q only closes an overlay.
    let mut a = opened(120, 40);
    type_keys(&mut a, "sq");
    assert!(a.overlay.is_none() && !a.quit);
}

#[test]
fn speakers_panel_chooses_whose_quotes_n_walks() {
    let mut a = opened(120, 40);
    type_keys(&mut a, "s");
    let speakers = a.speakers();
    assert_eq!(speakers[0].1, 3);
    assert!(speakers.iter().any(|(n, c)| n == "Elon Musk" && *c == 1));
    // Down to Arthur Mensch (second by count), choose.
    let row = speakers
        .iter()
        .position(|(n, _)| n == "Arthur Mensch")
        .unwrap();
    for _ in 0..row {
        type_keys(&mut a, "j");
    }
    a.update(key(KeyCode::Enter));
    assert!(a.overlay.is_none());
    let r = a.reader.as_ref().unwrap();
    assert_eq!(r.walk, Some(Walk::Speaker("Arthur Mensch".into())));
    assert_eq!(r.walk_pos, Some(0));
    assert_eq!(quote(&a), Some(5));
    assert_eq!(a.quote_status().unwrap(), "quote 6/8 · Arthur Mensch 1/3");
    type_keys(&mut a, "n");
    assert_eq!(quote(&a), Some(6));
    assert_eq!(a.quote_status().unwrap(), "quote 7/8 · Arthur Mensch 2/3");
    type_keys(&mut a, "nn");
    assert_eq!(quote(&a), Some(5), "wraps to the first");
    type_keys(&mut a, "N");
    assert_eq!(quote(&a), Some(7));
}

#[test]
fn entities_panel_marks_and_walks_mentions() {
    let mut a = opened(120, 40);
    type_keys(&mut a, "e");
    let rows = a.entity_rows();
    let an = a.open_analysis().unwrap().clone();
    // Grouped by type (PER first), most mentioned first inside a type.
    let labels: Vec<_> = rows.iter().map(|&g| an.groups[g].label).collect();
    let mut sorted = labels.clone();
    sorted.sort();
    assert_eq!(labels, sorted);
    assert_eq!(an.groups[rows[0]].name, "Elon Musk");
    a.update(key(KeyCode::Enter));
    let r = a.reader.as_ref().unwrap();
    assert_eq!(r.walk, Some(Walk::Entity(rows[0])));
    let mentions: Vec<Span> = an.groups[rows[0]]
        .mentions
        .iter()
        .map(|&m| an.entities[m].span)
        .collect();
    assert_eq!(r.target, Some(mentions[0]));
    type_keys(&mut a, "n");
    assert_eq!(a.reader.as_ref().unwrap().target, Some(mentions[1]));
    assert_eq!(a.walk_status().unwrap(), "Elon Musk 2/2 (n/N)");
    // Esc clears the choice.
    a.update(key(KeyCode::Esc));
    assert!(a.reader.as_ref().unwrap().walk.is_none());
}

#[test]
fn overlays_take_the_movement_keys() {
    let mut a = opened(120, 40);
    type_keys(&mut a, "s");
    type_keys(&mut a, "jjjjjjjj");
    let n = a.speakers().len();
    assert_eq!(a.overlay, Some(Overlay::Speakers { selected: n - 1 }));
    type_keys(&mut a, "k");
    assert_eq!(a.overlay, Some(Overlay::Speakers { selected: n - 2 }));
    type_keys(&mut a, "g");
    assert_eq!(a.overlay, Some(Overlay::Speakers { selected: 0 }));
    // The reader underneath did not scroll.
    assert_eq!(scroll(&a), 0);
    a.update(key(KeyCode::Esc));
    assert!(a.overlay.is_none());
}

#[test]
fn quote_keys_wait_for_the_analysis() {
    let mut a = app(120, 40, true);
    a.load_all(quoth::library::Library {
        articles: vec![sample_article()],
        problems: Vec::new(),
        ..Default::default()
    });
    a.update(key(KeyCode::Enter));
    // The runtime is asked to analyse the opened article first.
    assert_eq!(a.urgent, vec![0]);
    type_keys(&mut a, "]");
    assert_eq!(quote(&a), None);
    assert!(a.message.as_deref().unwrap().contains("analysing"));
    type_keys(&mut a, "s");
    assert!(a.overlay.is_none());
}

#[test]
fn narrow_terminal_shows_one_pane_and_esc_goes_back() {
    let mut a = sample_app(60, 20, true);
    let areas = a.areas();
    assert!(areas.list.is_some() && areas.reader.is_none());
    a.update(key(KeyCode::Enter));
    let areas = a.areas();
    assert!(areas.list.is_none() && areas.reader.is_some());
    a.update(key(KeyCode::Esc));
    assert_eq!(a.focus, Focus::List);
    // Widening shows both panes again.
    a.update(Msg::Resize(120, 40));
    let areas = a.areas();
    assert!(areas.list.is_some() && areas.reader.is_some());
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut a = opened(120, 40);
    let reader = a.areas().reader.unwrap();
    let list = a.areas().list.unwrap();
    let mouse = |kind, column, row| {
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    a.update(mouse(
        MouseEventKind::ScrollDown,
        reader.x + 5,
        reader.y + 5,
    ));
    assert_eq!(scroll(&a), 3);
    a.update(mouse(MouseEventKind::ScrollUp, reader.x + 5, reader.y + 5));
    assert_eq!(scroll(&a), 0);
    // The wheel over the list moves the list, not the text.
    a.update(mouse(MouseEventKind::ScrollUp, list.x + 2, list.y + 2));
    assert_eq!(a.selected, 0);
    assert_eq!(scroll(&a), 0);
    assert_eq!(a.focus, Focus::Reader, "the wheel does not steal focus");
    // Click the second row.
    a.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 4,
        list.y + 2,
    ));
    assert_eq!(a.selected, 1);
    assert_eq!(a.focus, Focus::List);
    // A click below the rows selects nothing.
    a.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 4,
        list.y + 20,
    ));
    assert_eq!(a.selected, 1);
    // A second click on the selected row opens it.
    a.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 4,
        list.y + 2,
    ));
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.open_article().unwrap().title, english_article().title);
}

#[test]
fn loading_progress_and_selection_survive_resorting() {
    let mut a = app(120, 40, true);
    a.update(Msg::Load(LoadEvent::Found { total: 3 }));
    let undated = {
        let mut x = sample_article();
        x.date = None;
        x.title = "Undated".into();
        x.id = "undated".into();
        x
    };
    a.update(Msg::Load(LoadEvent::Article(Box::new(undated.clone()))));
    assert_eq!(a.selected_article().unwrap().title, "Undated");
    // Untouched, the top row stays selected as newer articles arrive.
    let mut b = app(120, 40, true);
    b.update(Msg::Load(LoadEvent::Article(Box::new(undated))));
    b.update(Msg::Load(LoadEvent::Article(Box::new(sample_article()))));
    assert_eq!(b.selected, 0);
    // Once the reader has chosen a row, it stays on that article.
    type_keys(&mut a, "j");
    a.update(Msg::Load(LoadEvent::Article(Box::new(sample_article()))));
    // The newer article goes above; the selection stays on "Undated".
    assert_eq!(a.selected_article().unwrap().title, "Undated");
    assert_eq!(a.selected, 1);
    a.update(Msg::Load(LoadEvent::Problem(Problem {
        path: "x.json".into(),
        reason: "bad JSON".into(),
    })));
    let l = a.loading.unwrap();
    assert_eq!((l.done, l.total), (3, Some(3)));
    a.update(Msg::Load(LoadEvent::Article(Box::new(english_article()))));
    let titles: Vec<&str> = a
        .order
        .iter()
        .map(|&i| a.articles[i].title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Le lancement de ChatGPT et d'autres modèles américains a déclenché une ruée des entreprises européennes pour rattraper leur retard",
            "Markets rally as the minister promises more",
            "Undated"
        ]
    );
    assert_eq!(a.selected_article().unwrap().title, "Undated");
    a.update(Msg::Load(LoadEvent::Done));
    assert!(a.loading.is_none());
    assert_eq!(a.problems.len(), 1);
    // The library thread analyses in the background: arrivals queue
    // nothing here (only an opened article is urgent).
    assert!(a.urgent.is_empty());
}

#[test]
fn config_overrides_rebind_keys_in_the_reader() {
    let mut o = BTreeMap::new();
    o.insert("x".to_string(), "next-quote".to_string());
    o.insert("]".to_string(), "none".to_string());
    let mut a = opened(120, 40);
    a.keymap = Keymap::with_overrides(&o).unwrap();
    type_keys(&mut a, "]");
    assert_eq!(quote(&a), None);
    type_keys(&mut a, "x");
    assert_eq!(quote(&a), Some(0));
    // The help follows the table.
    let help = a.keymap.help_rows();
    assert!(
        help.iter()
            .any(|(k, h)| k == "x" && *h == Command::NextQuote.help())
    );
}

#[test]
fn key_releases_are_ignored() {
    let mut a = sample_app(120, 40, true);
    let mut ev = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    ev.kind = ratatui::crossterm::event::KeyEventKind::Release;
    a.update(Msg::Key(ev));
    assert_eq!(a.selected, 0);
}

#[test]
fn a_failed_analyser_is_reported_not_awaited() {
    let mut a = app(120, 40, true);
    a.load_all(quoth::library::Library {
        articles: vec![sample_article()],
        problems: Vec::new(),
        ..Default::default()
    });
    let id = a.articles[0].id.clone();
    a.update(Msg::AnalysisFailed {
        id: Some(id),
        reason: "index out of bounds".into(),
    });
    a.update(key(KeyCode::Enter));
    type_keys(&mut a, "]");
    let m = a.message.as_deref().unwrap();
    assert!(
        m.contains("failed on this article") && m.contains("out of bounds"),
        "{m}"
    );
    a.update(Msg::AnalysisFailed {
        id: None,
        reason: "model file missing: assets/ner/fr.bin".into(),
    });
    type_keys(&mut a, "s");
    let m = a.message.as_deref().unwrap();
    assert!(
        m.contains("analysis unavailable") && m.contains("fr.bin"),
        "{m}"
    );
}

// ------------------------------------------------------------ bookmarks, reading state

/// A config the user wrote, with a bookmark whose article is gone.
const GONE: &str = "# my settings\nwidth = 80\n\n# kept from last year\n[[bookmarks]]\nid = \"deadbeef00000000\"\ntitle = \"The story that moved\"\npath = \"/old/news/moved.txt\"\nnote = \"ask the desk\"\n";

#[test]
fn b_saves_at_once_and_keeps_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    fs::write(&cfg, GONE).unwrap();
    let mut a = with_stores(opened(120, 40), dir.path());
    type_keys(&mut a, "jjjjjjjjjjjj");
    let para = para_at_top(&a);
    type_keys(&mut a, "b");
    let id = a.open_article().unwrap().id.clone();
    assert!(a.is_bookmarked(&id));
    assert_eq!(
        a.message.as_deref(),
        Some(format!("bookmarked at paragraph {}", para + 1).as_str())
    );
    let text = fs::read_to_string(&cfg).unwrap();
    assert!(text.starts_with(GONE), "the user's lines stay: {text}");
    assert!(text.contains(&format!("id = \"{id}\"")), "{text}");
    // the file counts paragraphs as the status line does, from 1
    assert!(
        text.contains(&format!("paragraph = {}", para + 1)),
        "{text}"
    );
    // The list marks it; b from the list removes it and the file is as before.
    a.update(key(KeyCode::Tab));
    assert_eq!(a.focus, Focus::List);
    type_keys(&mut a, "b");
    assert!(!a.is_bookmarked(&id));
    assert_eq!(fs::read_to_string(&cfg).unwrap(), GONE);
}

#[test]
fn bookmarks_view_lists_missing_ones_that_cannot_open() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("config.toml"), GONE).unwrap();
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
    let sample = a.selected_article().unwrap().id.clone();
    type_keys(&mut a, "bB");
    assert!(a.bookmarks_only);
    let sample_idx = a.by_id[&sample];
    assert_eq!(
        a.rows,
        vec![
            Row::Article(sample_idx),
            Row::Missing("deadbeef00000000".into())
        ]
    );
    // The missing one does not open; the message says where it was.
    type_keys(&mut a, "j");
    a.update(key(KeyCode::Enter));
    assert!(a.reader.is_none());
    let m = a.message.clone().unwrap();
    assert!(
        m.contains("missing") && m.contains("/old/news/moved.txt"),
        "{m}"
    );
    // Its note can still be edited; b removes it (nothing else does).
    type_keys(&mut a, "m");
    assert_eq!(a.note_input.as_ref().unwrap().text, "ask the desk");
    a.update(key(KeyCode::Esc));
    type_keys(&mut a, "b");
    assert_eq!(a.rows, vec![Row::Article(sample_idx)]);
    assert_eq!(a.selected, 0);
    let text = fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(!text.contains("deadbeef"), "{text}");
    assert!(
        text.contains("# kept from last year"),
        "comment kept: {text}"
    );
    // The bookmarked article opens from the view; B goes back to all.
    a.update(key(KeyCode::Enter));
    assert_eq!(a.open_article().unwrap().id, sample);
    a.update(key(KeyCode::Tab));
    type_keys(&mut a, "B");
    assert!(!a.bookmarks_only);
    assert_eq!(a.rows.len(), 2);
    assert_eq!(a.selected_article().unwrap().id, sample, "selection kept");
}

#[test]
fn a_bookmarked_article_arriving_late_leaves_the_missing_rows() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_article();
    fs::write(
        dir.path().join("config.toml"),
        format!(
            "[[bookmarks]]\nid = \"{}\"\ntitle = \"Sample\"\nposition = 3\n",
            sample.id
        ),
    )
    .unwrap();
    let mut a = with_stores(app(120, 40, true), dir.path());
    type_keys(&mut a, "B");
    assert_eq!(a.rows, vec![Row::Missing(sample.id.clone())]);
    let screen = quoth::tui::testkit::screen_text(&quoth::tui::testkit::render(&a));
    assert!(screen.contains("★  not loaded yet · Sample"), "{screen}");
    a.load_all(quoth::library::Library {
        articles: vec![english_article(), sample],
        problems: Vec::new(),
        ..Default::default()
    });
    assert_eq!(a.rows, vec![Row::Article(1)]);
    // Opening a bookmark returns to its paragraph.
    a.update(key(KeyCode::Enter));
    assert_eq!(para_at_top(&a), 3);
    let r = a.reader.as_ref().unwrap();
    assert_eq!(r.scroll, r.doc.para_first[3]);
    assert!(a.message.as_deref().unwrap().contains("bookmark"));
}

#[test]
fn m_edits_the_note_enter_saves_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = with_stores(opened(120, 40), dir.path());
    let id = a.open_article().unwrap().id.clone();
    type_keys(&mut a, "m");
    assert!(a.note_input.is_none(), "no bookmark, no note");
    assert!(a.message.as_deref().unwrap().contains("b bookmarks it"));
    type_keys(&mut a, "bm");
    // Keys are text now: q and j do not quit or scroll.
    type_keys(&mut a, "qj x");
    a.update(key(KeyCode::Backspace));
    a.update(key(KeyCode::Esc));
    assert!(!a.quit && a.note(&id).is_none());
    assert_eq!(a.message.as_deref(), Some("note unchanged"));
    type_keys(&mut a, "m");
    type_keys(&mut a, "reread  the\tquotes");
    a.update(key(KeyCode::Enter));
    assert_eq!(a.note(&id), Some("reread the quotes"), "one clean line");
    assert_eq!(a.message.as_deref(), Some("note saved"));
    let text = fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(text.contains("note = \"reread the quotes\""), "{text}");
    // The note is a header line of the article.
    let r = a.reader.as_ref().unwrap();
    assert!(r.doc.lines.iter().any(|l| matches!(l,
        quoth::tui::doc::DocLine::Header(quoth::tui::doc::HeaderKind::Note, t) if t == "Note: reread the quotes")));
    // m again starts from the note; Ctrl-u then Enter removes it.
    type_keys(&mut a, "m");
    assert_eq!(a.note_input.as_ref().unwrap().text, "reread the quotes");
    a.update(ctrl('u'));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.note(&id), None);
    assert_eq!(a.message.as_deref(), Some("note removed"));
    assert!(
        !fs::read_to_string(dir.path().join("config.toml"))
            .unwrap()
            .contains("note")
    );
}

#[test]
fn u_toggles_read_and_the_state_file_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
    let first = a.selected_article().unwrap().id.clone();
    a.update(key(KeyCode::Enter));
    assert!(a.is_read(&first), "opened is read");
    type_keys(&mut a, "u");
    assert!(!a.is_read(&first));
    assert_eq!(a.message.as_deref(), Some("marked unread"));
    let b = with_stores(sample_app(120, 40, true), dir.path());
    assert!(!b.is_read(&first), "saved at once");
    // In the list, u acts on the selected row.
    a.update(key(KeyCode::Tab));
    type_keys(&mut a, "ju");
    let second = a.selected_article().unwrap().id.clone();
    assert!(a.is_read(&second));
    let b = with_stores(sample_app(120, 40, true), dir.path());
    assert!(b.is_read(&second));
}

#[test]
fn reading_position_is_restored_after_leaving_and_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = with_stores(opened(120, 40), dir.path());
    let id = a.open_article().unwrap().id.clone();
    type_keys(&mut a, "  ");
    let para = para_at_top(&a);
    assert!(para > 0);
    // Leaving for another article saves the place.
    a.update(key(KeyCode::Tab));
    type_keys(&mut a, "j");
    a.update(key(KeyCode::Enter));
    assert_ne!(a.open_article().unwrap().id, id);
    let (state, _) = ReadingState::open(&dir.path().join("data").join(STATE_FILE));
    assert_eq!(state.position(&id), Some(para));
    a.update(key(KeyCode::Tab));
    type_keys(&mut a, "k");
    a.update(key(KeyCode::Enter));
    assert_eq!(para_at_top(&a), para);
    assert_eq!(
        a.message.as_deref(),
        Some(format!("paragraph {} (where you left off)", para + 1).as_str())
    );
    // Quit saves; a new reader opens it there, narrow or wide.
    type_keys(&mut a, " q");
    assert!(a.quit);
    let para = a.state.position(&id).unwrap();
    let mut b = with_stores(sample_app(60, 20, true), dir.path());
    b.update(key(KeyCode::Enter));
    assert_eq!(b.open_article().unwrap().id, id);
    assert_eq!(para_at_top(&b), para);
}

/// The issue's check: `b`, quit, start again, and the marker is there; and
/// `quoth bookmarks` lists it.
#[test]
fn bookmark_survives_quit_and_restart_and_the_cli_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = || quoth::library::load(&quoth::library::Source::Bundled).unwrap();
    let start = || {
        // As `quoth` starts: stores first, then the library arrives.
        let mut a = with_stores(app(120, 40, true), dir.path());
        a.load_all(bundled());
        a
    };
    let mut a = start();
    let id = a.selected_article().unwrap().id.clone();
    let title = a.selected_article().unwrap().title.clone();
    type_keys(&mut a, "b");
    type_keys(&mut a, "q");
    assert!(a.quit && a.exit_report.is_empty(), "{:?}", a.exit_report);
    let again = start();
    assert!(again.is_bookmarked(&id));
    let screen = quoth::tui::testkit::screen_text(&quoth::tui::testkit::render(&again));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("★") && l.contains(&title.chars().take(15).collect::<String>())),
        "{screen}"
    );
    let out = assert_cmd::Command::cargo_bin("quoth")
        .unwrap()
        .arg("bookmarks")
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
        .env("QUOTH_CONFIG", dir.path().join("config.toml"))
        .env("QUOTH_DATA_DIR", dir.path().join("data"))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with(&id) && stdout.contains(&again.bookmarks.get(&id).unwrap().title),
        "{stdout}"
    );
    assert!(!stdout.contains("[missing]"), "{stdout}");
}

#[test]
fn a_broken_config_keeps_the_bookmark_pending_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    fs::write(&cfg, "width = 80\n").unwrap();
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
    let first = a.selected_article().unwrap().id.clone();
    // Broken by hand while quoth runs.
    fs::write(&cfg, "width = = 80\n").unwrap();
    type_keys(&mut a, "b");
    assert!(a.is_bookmarked(&first), "kept in memory");
    assert_eq!(a.bookmarks.pending(), 1);
    let m = a.message.clone().unwrap();
    assert!(m.contains("kept until the config is fixed"), "{m}");
    assert_eq!(fs::read_to_string(&cfg).unwrap(), "width = = 80\n");
    let screen = quoth::tui::testkit::screen_text(&quoth::tui::testkit::render(&a));
    assert!(screen.contains("★ 1 unsaved"), "{screen}");
    // The next change retries; still broken: both stay pending.
    type_keys(&mut a, "jb");
    assert_eq!(a.bookmarks.pending(), 2);
    // q does not lose them silently: it says why and waits for a second q.
    type_keys(&mut a, "q");
    assert!(!a.quit);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("q again quits, losing 2 bookmark changes: bookmark not saved")
    );
    // Fixed meanwhile: the next q saves both and quits.
    fs::write(&cfg, "width = 81\n").unwrap();
    type_keys(&mut a, "q");
    assert!(a.quit);
    let text = fs::read_to_string(&cfg).unwrap();
    assert!(
        text.starts_with("width = 81\n") && text.matches("[[bookmarks]]").count() == 2,
        "{text}"
    );
}

#[test]
fn q_twice_quits_with_a_broken_config_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    let mut a = with_stores(sample_app(120, 40, true), dir.path());
    fs::write(&cfg, "[keys\n").unwrap();
    type_keys(&mut a, "bq");
    assert!(!a.quit);
    type_keys(&mut a, "j");
    type_keys(&mut a, "q");
    assert!(!a.quit, "another key disarms the second q");
    type_keys(&mut a, "q");
    assert!(a.quit);
    assert!(
        a.exit_report
            .iter()
            .any(|e| e.contains("bookmark not saved")),
        "{:?}",
        a.exit_report
    );
    assert_eq!(fs::read_to_string(&cfg).unwrap(), "[keys\n");
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_said_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join(STATE_FILE), "articles = [[[\n").unwrap();
    let a = with_stores(sample_app(120, 40, true), dir.path());
    let m = a.message.clone().unwrap();
    assert!(m.contains("was corrupt") && m.contains("moved to"), "{m}");
    let screen = quoth::tui::testkit::screen_text(&quoth::tui::testkit::render(&a));
    assert!(screen.contains("was corrupt"), "{screen}");
    assert!(!data.join(STATE_FILE).exists());
}

/// Every `[keys]` suggestion of config.example.toml names a real key and command.
#[test]
fn example_config_key_suggestions_load_into_the_keymap() {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap();
    let mut in_keys = false;
    let mut suggestions = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('[') {
            in_keys = line == "[keys]";
            continue;
        }
        let Some(entry) = line.strip_prefix("# ").filter(|_| in_keys) else {
            continue;
        };
        if let Some((k, v)) = entry
            .split_once(" = ")
            .filter(|(k, _)| k.starts_with('"') && k.ends_with('"'))
        {
            let unquote = |s: &str| s.trim().trim_matches('"').to_string();
            suggestions.insert(unquote(k), unquote(v));
        }
    }
    assert!(suggestions.len() >= 4, "{suggestions:?}");
    let map = Keymap::with_overrides(&suggestions).unwrap();
    for (k, c) in &suggestions {
        assert_eq!(
            map.command(Key::parse(k).unwrap()).map(Command::name),
            Some(c.as_str())
        );
    }
    assert_eq!(map.command(Key::ch('b')), Some(Command::ToggleBookmark));
    assert_eq!(map.command(Key::ch('B')), Some(Command::BookmarksOnly));
}

/// Issue 9: "Barack Obama", "Obama", "le président" and "il" are one
/// speaker for `}` / `{` and the speaker panel.
#[test]
fn one_person_named_four_ways_is_one_speaker_for_jumps_and_the_panel() {
    use quoth::analysis::{Analyzer, Lang};
    use quoth::article::Article;
    let body = "Le sénateur John McCain a ouvert la séance. « Le débat commence aujourd'hui », a lancé John McCain.\n\nLe président américain Barack Obama a reçu les journalistes. « Nous tiendrons nos promesses », a déclaré Barack Obama. « Le pays avance », a ajouté Obama. Le président a ensuite répété que « la croissance est de retour ». « Rien ne nous arrêtera », a-t-il conclu.\n\n« Nous verrons bien au Sénat », a répondu McCain.";
    let article = Article::new("obama.txt".into(), "Obama et McCain".into(), body.into());
    let id = article.id.clone();
    let analysis = Analyzer::new().unwrap().analyze(body, Some(Lang::Fr));
    let speakers: Vec<&str> = analysis
        .quotes
        .iter()
        .map(|q| q.speaker.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(
        speakers,
        [
            "John McCain",
            "Barack Obama",
            "Barack Obama",
            "Barack Obama",
            "Barack Obama",
            "John McCain"
        ]
    );
    let mut a = app(120, 40, true);
    a.load_all(quoth::library::Library {
        articles: vec![article],
        problems: Vec::new(),
        ..Default::default()
    });
    a.update(Msg::Analysed {
        id,
        analysis: Box::new(analysis),
    });
    a.update(key(KeyCode::Enter));
    assert_eq!(a.focus, Focus::Reader);
    type_keys(&mut a, "]");
    assert_eq!(quote(&a), Some(0));
    // past the name, the surname, the title and the pronoun at once
    type_keys(&mut a, "}");
    assert_eq!(quote(&a), Some(1));
    type_keys(&mut a, "}");
    assert_eq!(quote(&a), Some(5));
    type_keys(&mut a, "{");
    assert_eq!(quote(&a), Some(4));
    type_keys(&mut a, "{");
    assert_eq!(quote(&a), Some(0));
    // the panel lists them as one person with four quotes
    type_keys(&mut a, "s");
    assert_eq!(
        a.speakers(),
        vec![
            ("Barack Obama".to_string(), 4),
            ("John McCain".to_string(), 2)
        ]
    );
    a.update(key(KeyCode::Enter));
    assert_eq!(
        a.reader.as_ref().unwrap().walk,
        Some(Walk::Speaker("Barack Obama".into()))
    );
    assert_eq!(quote(&a), Some(1));
    type_keys(&mut a, "nnn");
    assert_eq!(quote(&a), Some(4));
    type_keys(&mut a, "n");
    assert_eq!(quote(&a), Some(1), "wraps to the first");
}
