//! The library-wide components (People, library search) fed with keys and
//! rendered into a TestBackend, over a library index in memory.

use quoth::tui::app::Focus;
use quoth::tui::testkit::{indexed_app, key, render, screen_text, type_keys};
use ratatui::crossterm::event::KeyCode;

fn snap(name: &str, app: &quoth::tui::App) {
    insta::assert_snapshot!(name, screen_text(&render(app)));
}

#[test]
fn people_lists_speakers_then_their_quotes_then_opens_the_article_there() {
    let mut a = indexed_app(120, 40, true);
    type_keys(&mut a, "P");
    let people = a.people.as_ref().expect("the People screen");
    assert_eq!(people.total, 4);
    // most quoted first
    let counts: Vec<u32> = people.speakers.iter().map(|s| s.quotes).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    snap("people_120x40", &a);
    // narrowed by name
    type_keys(&mut a, "/mensch");
    let people = a.people.as_ref().unwrap();
    assert!(people.editing);
    assert_eq!(people.speakers.len(), 1);
    assert_eq!(people.speakers[0].name, "Arthur Mensch");
    a.update(key(KeyCode::Enter));
    // their quotes, each with its article
    a.update(key(KeyCode::Enter));
    let detail = a.people.as_ref().unwrap().detail.as_ref().expect("quotes");
    assert_eq!(detail.quotes.len(), 3);
    assert!(
        detail
            .quotes
            .iter()
            .all(|q| q.title.starts_with("Le lancement"))
    );
    snap("people_quotes_120x40", &a);
    type_keys(&mut a, "j");
    let second = a.people.as_ref().unwrap().detail.as_ref().unwrap().quotes[1].clone();
    // Enter: the article, at that quote
    a.update(key(KeyCode::Enter));
    assert!(a.people.is_none());
    assert_eq!(a.focus, Focus::Reader);
    let r = a.reader.as_ref().unwrap();
    let target = r.target.expect("the quote is the current place");
    assert_eq!(target.start, second.start);
    let analysis = a.open_analysis().unwrap();
    let q = &analysis.quotes[r.quote.expect("the quote is current")];
    assert_eq!(q.speaker.as_deref(), Some("Arthur Mensch"));
    assert!(a.quote_status().unwrap().contains("Arthur Mensch 2/3"));
}

#[test]
fn people_keys_back_out_step_by_step() {
    let mut a = indexed_app(60, 20, false);
    type_keys(&mut a, "P");
    snap("people_60x20", &a);
    type_keys(&mut a, "G");
    assert_eq!(a.people.as_ref().unwrap().selected, 3);
    type_keys(&mut a, "gj");
    assert_eq!(a.people.as_ref().unwrap().selected, 1);
    a.update(key(KeyCode::Enter));
    assert!(a.people.as_ref().unwrap().detail.is_some());
    a.update(key(KeyCode::Esc));
    assert!(
        a.people.as_ref().unwrap().detail.is_none(),
        "Esc: back to people"
    );
    type_keys(&mut a, "/zzz");
    a.update(key(KeyCode::Enter));
    assert!(a.people.as_ref().unwrap().speakers.is_empty());
    a.update(key(KeyCode::Esc));
    assert_eq!(
        a.people.as_ref().unwrap().speakers.len(),
        4,
        "Esc: filter cleared"
    );
    a.update(key(KeyCode::Esc));
    assert!(a.people.is_none(), "Esc: the list again");
    type_keys(&mut a, "PP");
    assert!(a.people.is_none(), "P toggles");
}

#[test]
fn library_search_full_text_filters_and_sort() {
    let mut a = indexed_app(120, 40, true);
    type_keys(&mut a, "f");
    assert!(a.library_search.editing);
    type_keys(&mut a, "open source");
    assert_eq!(a.rows.len(), 1, "full text, from the index");
    snap("library_search_120x40", &a);
    // a filter the index answers, and one answered in memory
    a.update(
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('u'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )
        .into_msg(),
    );
    type_keys(&mut a, "speaker:\"elon musk\"");
    assert_eq!(a.rows.len(), 1);
    for _ in 0.."speaker:\"elon musk\"".len() {
        a.update(key(KeyCode::Backspace));
    }
    type_keys(&mut a, "lang:en");
    assert_eq!(a.rows.len(), 1);
    assert_eq!(
        a.selected_article().unwrap().title,
        "Markets rally as the minister promises more"
    );
    type_keys(&mut a, " source:afp");
    assert_eq!(a.rows.len(), 0);
    // a mistake says what is accepted, and keeps the last good query
    type_keys(&mut a, " colour:red");
    assert!(
        a.library_search
            .error
            .as_deref()
            .unwrap()
            .contains("unknown filter")
    );
    a.update(key(KeyCode::Esc));
    assert_eq!(a.rows.len(), 2, "Esc clears the search");
    type_keys(&mut a, "fsort:title");
    a.update(key(KeyCode::Enter));
    assert_eq!(a.sort, quoth::library::SortOrder::Title);
    assert_eq!(a.rows.len(), 2);
    // f again refines the line
    type_keys(&mut a, "f entity:microsoft");
    assert_eq!(a.rows.len(), 1);
    a.update(key(KeyCode::Enter));
    assert!(!a.library_search.editing && a.library_search.is_active());
    // Enter opens a result; the search stays
    a.update(key(KeyCode::Enter));
    assert!(a.open_article().unwrap().title.starts_with("Le lancement"));
}

trait IntoMsg {
    fn into_msg(self) -> quoth::tui::Msg;
}

impl IntoMsg for ratatui::crossterm::event::KeyEvent {
    fn into_msg(self) -> quoth::tui::Msg {
        quoth::tui::Msg::Key(self)
    }
}
