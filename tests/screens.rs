//! Whole screens rendered into ratatui's TestBackend and compared with
//! insta snapshots (tests/snapshots/). Deterministic: no clock, no threads.

use quoth::analysis::Span;
use quoth::article::{Article, sanitise::sanitise};
use quoth::library::{self, Library, Problem, Source};
use quoth::tui::app::{App, Msg};
use quoth::tui::testkit::{
    app, key, render, sample_app, sample_article, screen_text, style_runs, type_keys,
};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(120, 40), (60, 20)];

fn snap(name: &str, app: &App) {
    let buf = render(app);
    insta::assert_snapshot!(name, screen_text(&buf));
}

fn snap_styled(name: &str, app: &App) {
    let buf = render(app);
    insta::assert_snapshot!(name, format!("{}\n{}", screen_text(&buf), style_runs(&buf)));
}

/// The bundled library through the real loading API, analysed as nothing yet.
fn bundled(w: u16, h: u16) -> App {
    let mut a = app(w, h, true);
    a.load_all(library::load(&Source::Bundled).expect("bundled library loads"));
    a
}

#[test]
fn sample_library() {
    for (w, h) in SIZES {
        let mut a = bundled(w, h);
        snap(&format!("sample_list_{w}x{h}"), &a);
        a.update(key(KeyCode::Enter));
        snap(&format!("sample_open_{w}x{h}"), &a);
    }
}

#[test]
fn sample_article_with_credit_and_details() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        a.update(key(KeyCode::Enter));
        snap(&format!("sample_read_{w}x{h}"), &a);
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        type_keys(&mut a, "?");
        snap(&format!("help_{w}x{h}"), &a);
    }
}

#[test]
fn search_highlights() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        type_keys(&mut a, "/open source");
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "n");
        snap_styled(&format!("search_{w}x{h}"), &a);
    }
}

#[test]
fn broken_file_popup() {
    for (w, h) in SIZES {
        let mut a = app(w, h, true);
        a.load_all(Library {
            articles: vec![quoth::tui::testkit::sample_article()],
            problems: vec![
                Problem {
                    path: "library/broken.txt".into(),
                    reason: "invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 12".into(),
                },
                Problem {
                    path: "library/feeds/bad.json".into(),
                    reason: "bad JSON: expected value at line 3 column 5".into(),
                },
            ],
            ..Default::default()
        });
        snap(&format!("problems_status_{w}x{h}"), &a);
        type_keys(&mut a, "!");
        snap(&format!("problems_popup_{w}x{h}"), &a);
    }
}

#[test]
fn quotes_highlighted() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "]]]");
        snap_styled(&format!("quotes_{w}x{h}"), &a);
    }
}

#[test]
fn quotes_without_colour() {
    let mut a = sample_app(120, 40, false);
    a.update(key(KeyCode::Enter));
    type_keys(&mut a, "]]]");
    let buf = render(&a);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].style();
            assert!(s.fg.is_none_or(|c| c == ratatui::style::Color::Reset));
            assert!(s.bg.is_none_or(|c| c == ratatui::style::Color::Reset));
        }
    }
    snap_styled("quotes_no_color_120x40", &a);
}

#[test]
fn speakers_panel() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "s");
        snap(&format!("speakers_{w}x{h}"), &a);
        // Choose the second speaker: n walks their quotes.
        type_keys(&mut a, "j");
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "n");
        snap_styled(&format!("speaker_walk_{w}x{h}"), &a);
    }
}

#[test]
fn entities_panel() {
    for (w, h) in SIZES {
        let mut a = sample_app(w, h, true);
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "e");
        snap(&format!("entities_{w}x{h}"), &a);
        a.update(key(KeyCode::Enter));
        snap_styled(&format!("entity_chosen_{w}x{h}"), &a);
    }
}

#[test]
fn layers_cycle_changes_the_marks() {
    let mut a = sample_app(120, 40, true);
    a.update(key(KeyCode::Enter));
    let all = style_runs(&render(&a));
    type_keys(&mut a, "vv");
    let entities_only = style_runs(&render(&a));
    type_keys(&mut a, "v");
    let plain = style_runs(&render(&a));
    assert_ne!(all, entities_only);
    assert_ne!(entities_only, plain);
    // Plain text has no speaker cue in the margin.
    assert!(!screen_text(&render(&a)).contains("AH│"));
    assert!(screen_text(&render(&sample_open(120, 40))).contains("AH│"));
}

fn sample_open(w: u16, h: u16) -> App {
    let mut a = sample_app(w, h, true);
    a.update(key(KeyCode::Enter));
    a
}

#[test]
fn escape_sequences_never_reach_the_screen() {
    let raw = "Title \u{1b}[31mred\u{1b}[0m\n\n\u{1b}]0;pwned\u{7}Body with \u{1b}[2J clear, \u{9b}31m C1, \
               bell\u{7}, backspace\u{8}, DEL\u{7f}, NUL\u{0}, bidi \u{202e}evil\u{202c}, tab\there.\r\n\r\n\
               \u{1b}P+q\u{1b}\\ second paragraph \u{1b}[?1049h.";
    let text = sanitise(raw);
    let mut lines = text.splitn(2, '\n');
    let title = lines.next().unwrap_or_default().to_string();
    let body: String = lines
        .next()
        .unwrap_or_default()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let article = Article::new("evil.txt".into(), title, body);
    for (w, h) in SIZES {
        let mut a = app(w, h, true);
        a.load_all(Library {
            articles: vec![article.clone()],
            problems: Vec::new(),
            ..Default::default()
        });
        a.update(key(KeyCode::Enter));
        let buf = render(&a);
        for cell in buf.content() {
            for c in cell.symbol().chars() {
                assert!(
                    !c.is_control() && !('\u{202a}'..='\u{202e}').contains(&c),
                    "control character {c:?} reached the screen"
                );
            }
        }
        assert!(screen_text(&buf).contains("second paragraph"));
    }
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(0, 0), (1, 1), (10, 3), (3, 10), (20, 4), (69, 5), (70, 6)] {
        let mut a = sample_app(w, h, true);
        render(&a);
        for keys in [
            "\n", "/open", "\u{1b}", "?", "\u{1b}", "!", "\u{1b}", "s", "\u{1b}", "e", "j\n",
            "]]}{[v", "G", "g",
        ] {
            for c in keys.chars() {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\u{1b}' => KeyCode::Esc,
                    c => KeyCode::Char(c),
                };
                a.update(key(code));
                render(&a);
            }
        }
        a.update(Msg::Resize(1, 1));
        render(&a);
        a.update(Msg::Resize(w, h));
        render(&a);
    }
}

#[test]
fn resize_rewraps_and_keeps_the_paragraph() {
    let mut a = sample_open(120, 40);
    type_keys(&mut a, "jjjjjjjjjjjjjjj");
    let para = |a: &App| {
        let r = a.reader.as_ref().unwrap();
        r.doc.para_at(r.scroll)
    };
    let before = para(&a);
    assert!(before.is_some_and(|p| p > 0));
    for (w, h) in [(90, 30), (72, 25), (200, 20), (120, 40)] {
        a.update(Msg::Resize(w, h));
        let r = a.reader.as_ref().unwrap();
        assert_eq!(
            r.doc.width,
            usize::from(a.reader_geometry().unwrap().text.width)
        );
        assert_eq!(para(&a), before, "at {w}x{h}");
    }
}

#[test]
fn wide_terminal_centres_the_measure() {
    let a = sample_open(200, 40);
    let g = a.reader_geometry().unwrap();
    assert_eq!(g.text.width, 80);
    let pane = a.areas().reader.unwrap();
    let left = g.margin.x - pane.x;
    let right = pane.x + pane.width - (g.text.x + g.text.width);
    assert!(left.abs_diff(right) <= 4, "left {left} right {right}");
}

#[test]
fn target_is_scrolled_into_view() {
    let mut a = sample_open(60, 20);
    type_keys(&mut a, "G");
    type_keys(&mut a, "[");
    let r = a.reader.as_ref().unwrap();
    let target: Span = r.target.unwrap();
    let line = r.doc.line_of(target.start).unwrap();
    let h = usize::from(a.reader_geometry().unwrap().text.height);
    assert!(r.scroll <= line && line < r.scroll + h);
    assert!(a.overlay.is_none());
}

#[test]
fn markdown_styles_and_declared_language() {
    let mut a = sample_app(120, 40, true);
    type_keys(&mut a, "j");
    a.update(key(KeyCode::Enter));
    let buf = render(&a);
    let text = screen_text(&buf);
    // Declared language, no "(detected)"; author in the metadata line.
    assert!(
        text.contains("Example Wire · 2024-02-20 · by J. Doe · en · 1 min read"),
        "{text}"
    );
    snap_styled("markdown_120x40", &a);
}

/// An analysis with spans past the end, inside characters, overlapping and
/// reversed, and indices that point nowhere, must draw without a panic.
#[test]
fn broken_analysis_spans_do_not_panic() {
    use quoth::analysis::{Analysis, Entity, Group, Label, Lang, Quote, QuoteKind};
    let mut a = sample_app(120, 40, true);
    let article = a
        .bodies
        .values()
        .find(|x| x.body.contains('é'))
        .unwrap()
        .clone();
    let len = article.body.len();
    let mid = article.body.find('é').unwrap() + 1;
    let bad = [
        Span::new(mid, mid + 5),
        Span::new(len - 3, len + 40),
        Span::new(len + 10, len + 20),
        Span::new(50, 10),
        Span::new(0, len),
    ];
    let analysis = Analysis {
        language: Lang::Fr,
        entities: bad
            .iter()
            .map(|&span| Entity {
                span,
                label: Label::Per,
                group: 7,
            })
            .collect(),
        groups: vec![Group {
            id: 0,
            name: "Nobody".into(),
            label: Label::Per,
            mentions: vec![0, 99, 3],
        }],
        quotes: bad
            .iter()
            .map(|&span| Quote {
                span,
                kind: QuoteKind::Direct,
                speaker: Some("Nobody".into()),
                group: Some(42),
                speaker_span: Some(Span::new(mid, len + 1)),
                cue_span: Some(Span::new(len + 1, mid)),
                person: Some(42),
            })
            .collect(),
        people: Vec::new(),
    };
    a.update(Msg::Analysed {
        id: article.id.clone(),
        analysis: Box::new(analysis),
    });
    a.update(key(KeyCode::Enter));
    for keys in [
        "]]]]]]", "}}{{[[", "s\n", "nnNN", "e\n", "nnnN", "vvvv", "G", "/é", "\n", "nN",
    ] {
        for c in keys.chars() {
            a.update(key(if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            }));
            render(&a);
        }
    }
    a.update(Msg::Resize(33, 9));
    render(&a);
}

/// The sample with a bookmark and a note, and a bookmark whose article is
/// gone, from a config in `dir` (fixed dates: nothing from the clock).
fn with_bookmarks(w: u16, h: u16, dir: &std::path::Path) -> App {
    let cfg = dir.join("config.toml");
    let text = format!(
        "[[bookmarks]]\nid = \"{}\"\ntitle = \"Sample\"\nadded = 2026-11-27T09:12:00+01:00\nnote = \"compare with the English coverage\"\n\n\
         [[bookmarks]]\nid = \"deadbeef00000000\"\ntitle = \"Night market closes after forty years\"\npath = \"/home/me/news/2023/night-market.md\"\nadded = 2026-11-20T18:00:00+01:00\n",
        sample_article().id
    );
    std::fs::write(&cfg, text).unwrap();
    let mut a = sample_app(w, h, true);
    let marks = quoth::config::load_file(&cfg, false).unwrap().bookmarks();
    let (state, _) = quoth::store::state::ReadingState::open(&dir.join("state.toml"));
    a.attach_stores(marks, state, &[]);
    a
}

#[test]
fn bookmarks_only_view_with_a_missing_bookmark() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut a = with_bookmarks(w, h, dir.path());
        type_keys(&mut a, "B");
        snap(&format!("bookmarks_view_{w}x{h}"), &a);
        type_keys(&mut a, "j");
        snap_styled(&format!("bookmarks_missing_{w}x{h}"), &a);
    }
}

#[test]
fn note_input_line() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut a = with_bookmarks(w, h, dir.path());
        a.update(key(KeyCode::Enter));
        type_keys(&mut a, "m");
        type_keys(&mut a, " · ask Paris about the quotes");
        snap(&format!("note_input_{w}x{h}"), &a);
    }
}
