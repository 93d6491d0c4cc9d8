//! The reader's feed keys fed to `update`, no terminal: `R` fetches (the
//! fetch's news arriving as messages), `o` opens the article's page, `y`
//! copies the current quote. The browser and the clipboard are effects
//! the tests read; nothing is launched.

use quoth::feeds::fetch::{Event, Report};
use quoth::feeds::store::Stored;
use quoth::tui::app::{App, Effect, Focus, Msg};
use quoth::tui::testkit::{
    app, english_article, key, render, sample_analysis, sample_article, screen_text, type_keys,
};
use ratatui::crossterm::event::KeyCode;

fn reader_with_urls() -> App {
    let mut a = app(120, 40, false);
    let mut sample = sample_article();
    sample.url = Some("https://news.example/mistral".into());
    sample.language = Some("fr".into());
    let analysis = sample_analysis(&sample);
    let id = sample.id.clone();
    a.load_all(quoth::library::Library {
        articles: vec![sample, english_article()],
        ..Default::default()
    });
    a.update(Msg::Analysed {
        id,
        analysis: Box::new(analysis),
    });
    a
}

fn selected_title(a: &App) -> String {
    a.selected_article().unwrap().title.clone()
}

#[test]
fn o_opens_the_web_page_only_when_there_is_one() {
    let mut a = reader_with_urls();
    // The list's selection: the sample (newest) has an address.
    type_keys(&mut a, "o");
    assert_eq!(
        a.effects,
        [Effect::OpenUrl("https://news.example/mistral".into())]
    );
    assert!(a.message.as_deref().unwrap().contains("in the browser"));
    a.effects.clear();
    type_keys(&mut a, "j");
    assert!(selected_title(&a).starts_with("Markets"));
    type_keys(&mut a, "o");
    assert!(a.effects.is_empty());
    assert_eq!(
        a.message.as_deref(),
        Some("this article has no web address")
    );
    // A feed may carry other schemes: never handed to the system.
    let idx = a.by_id[&a.selected_article().unwrap().id.clone()];
    a.bodies.get_mut(&idx).unwrap().url = Some("javascript:alert(1)".into());
    type_keys(&mut a, "o");
    assert!(a.effects.is_empty());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("not a web address")
    );
}

#[test]
fn y_copies_the_current_quote_with_speaker_title_and_address() {
    let mut a = reader_with_urls();
    a.update(key(KeyCode::Enter));
    assert_eq!(a.focus, Focus::Reader);
    type_keys(&mut a, "]]]y");
    let [Effect::Copy(text)] = a.effects.as_slice() else {
        panic!("{:?}", a.effects);
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("« L'objectif n'est pas d'abandonner l'open source"),
        "{text}"
    );
    assert!(lines[0].ends_with("» — Audrey Herblin-Stoop"), "{text}");
    assert!(lines[1].starts_with("Le lancement de ChatGPT"), "{text}");
    assert_eq!(lines[2], "https://news.example/mistral");
    let m = a.message.clone().unwrap();
    assert!(
        m.contains("Audrey Herblin-Stoop") && m.contains("OSC 52"),
        "{m}"
    );
}

#[test]
fn y_without_a_quote_says_so() {
    let mut a = reader_with_urls();
    type_keys(&mut a, "j");
    a.update(key(KeyCode::Enter));
    // The English article is not analysed in the testkit: y waits for it.
    type_keys(&mut a, "y");
    assert!(a.effects.is_empty());
    assert_eq!(a.message.as_deref(), Some("analysing this article…"));
}

fn report(index: usize, url: &str, label: &str, result: Result<Stored, String>) -> Msg {
    Msg::Fetch(Event::Finished(Report {
        index,
        url: url.into(),
        label: label.into(),
        result,
    }))
}

#[test]
fn r_fetches_shows_progress_lists_new_articles_and_reports_failures() {
    let mut a = reader_with_urls();
    let before = a.order.len();
    type_keys(&mut a, "R");
    assert_eq!(a.effects, [Effect::Fetch]);
    a.effects.clear();
    type_keys(&mut a, "R");
    assert!(a.effects.is_empty(), "one fetch at a time");
    assert_eq!(a.message.as_deref(), Some("already fetching"));
    a.update(Msg::FetchStarting { total: 2 });
    a.update(Msg::Fetch(Event::Started {
        index: 0,
        label: "Le Fil".into(),
    }));
    assert_eq!(a.fetch_status().as_deref(), Some("fetching 0/2 · Le Fil"));
    let screen = screen_text(&render(&a));
    let status = screen.lines().nth(38).unwrap();
    assert!(
        status.contains("2 articles · fetching 0/2 · Le Fil"),
        "{status}"
    );
    let mut fetched = english_article();
    fetched.path = "/data/feeds/le-fil-1234abcd/news-5678ef90.md".into();
    fetched.title = "Une dépêche du fil".into();
    fetched.source = Some("Le Fil".into());
    let stored = Stored {
        new: vec![fetched.path.clone()],
        ..Stored::default()
    };
    a.update(report(0, "https://fil.example/rss", "Le Fil", Ok(stored)));
    a.update(Msg::Fetched(vec![fetched.clone()]));
    assert_eq!(a.order.len(), before + 1);
    a.update(report(
        1,
        "https://gone.example/rss",
        "gone.example",
        Err("HTTP 404 Not Found".into()),
    ));
    assert_eq!(a.fetch_status().as_deref(), Some("fetching 2/2"));
    a.update(Msg::FetchDone(Ok(())));
    assert!(a.fetching.is_none());
    assert_eq!(
        a.message.as_deref(),
        Some("fetched 2 feeds: 1 new, 0 updated, 1 failed (!)")
    );
    assert_eq!(a.problems.len(), 1);
    let screen = screen_text(&render(&a));
    assert!(screen.contains("1 problem (!)"), "{screen}");
    assert_eq!(
        a.problems[0].path.to_string_lossy(),
        "https://gone.example/rss"
    );
    assert_eq!(
        a.problems[0].reason,
        "feed gone.example: HTTP 404 Not Found"
    );
    // An edited item replaces its article, never a second row.
    let mut edited = fetched.clone();
    edited.title = "Une dépêche du fil, corrigée".into();
    edited.id = "edited".into();
    type_keys(&mut a, "R");
    a.update(Msg::Fetched(vec![edited]));
    a.update(Msg::FetchDone(Ok(())));
    assert_eq!(a.order.len(), before + 1);
    let titles: Vec<&str> = a
        .order
        .iter()
        .map(|&i| a.articles[i].title.as_str())
        .collect();
    assert!(
        titles.contains(&"Une dépêche du fil, corrigée") && !titles.contains(&"Une dépêche du fil"),
        "{titles:?}"
    );
    // The last fetch's failures are gone once a new fetch starts.
    assert!(a.problems.is_empty());
    // Nothing subscribed: the runtime says so and the fetch ends.
    type_keys(&mut a, "R");
    a.update(Msg::FetchDone(Err(
        "no subscriptions: add one with `quoth feeds add URL`".into(),
    )));
    assert!(a.fetching.is_none());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("quoth feeds add URL")
    );
}
