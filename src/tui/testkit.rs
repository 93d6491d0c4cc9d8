//! Deterministic fixtures for the reader's tests (tests/keys.rs,
//! tests/screens.rs): the sample article laid out as the reader expects it,
//! its hand-checked analysis from the gold file, and helpers that drive
//! `update` and render into a `TestBackend` without a terminal.

use std::collections::BTreeMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::analysis::{
    Analysis, Entity, Group, Label, Lang, MentionKind, Person, PersonMention, Quote, QuoteKind,
    Span,
};
use crate::article::sanitise::sanitise;
use crate::article::{Article, PARAGRAPH_SEP};
use crate::config::Settings;

use super::app::{App, Msg};
use super::keymap::Keymap;
use super::theme::Theme;
use super::view;

const SAMPLE: &str = include_str!("../../assets/articles/000_597a4e4c925c446d.txt");
const GOLD: &str = include_str!("../../tests/gold/seed.json");

/// The sample story as the loaders give it: title, credit "AFP" taken from
/// the caption line, paragraphs joined. Built here, not by the loader, so the
/// reader's tests do not move when the loaders change.
pub fn sample_article() -> Article {
    let text = sanitise(SAMPLE);
    let mut lines = text.lines();
    let title = lines.next().unwrap_or_default().trim().to_string();
    let _caption = lines.next();
    let rest: Vec<&str> = lines.collect();
    let body = rest
        .split(|l| l.trim().is_empty())
        .map(|p| p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(PARAGRAPH_SEP);
    let mut a = Article::new("000_597a4e4c925c446d.txt".into(), title, body);
    a.credit = Some("AFP".into());
    a.source = Some("AFP".into());
    a.date = chrono::DateTime::parse_from_rfc3339("2024-02-27T10:00:00+01:00").ok();
    a
}

/// A second, English article with a Markdown heading and emphasis.
pub fn english_article() -> Article {
    let body = "Markets rallied\n\n\"We are not done yet,\" the minister said on Monday, adding that *more* work was needed.\n\nAnalysts were **cautious**.";
    let mut a = Article::new(
        "en/markets.md".into(),
        "Markets rally as the minister promises more".into(),
        body.into(),
    );
    a.source = Some("Example Wire".into());
    a.author = Some("J. Doe".into());
    a.language = Some("en".into());
    a.date = chrono::DateTime::parse_from_rfc3339("2024-02-20T08:00:00Z").ok();
    let em = body.find("more").unwrap_or(0);
    let st = body.find("cautious").unwrap_or(0);
    a.styles = vec![
        crate::article::Styled {
            start: 0,
            end: "Markets rallied".len(),
            style: crate::article::TextStyle::Heading,
        },
        crate::article::Styled {
            start: em,
            end: em + 4,
            style: crate::article::TextStyle::Emphasis,
        },
        crate::article::Styled {
            start: st,
            end: st + "cautious".len(),
            style: crate::article::TextStyle::Strong,
        },
    ];
    a
}

/// The gold analysis of the sample (tests/gold/seed.json), with offsets
/// moved onto `article.body` by locating each span's text nearest its gold place.
pub fn sample_analysis(article: &Article) -> Analysis {
    let gold: serde_json::Value = serde_json::from_str(GOLD).expect("seed.json parses");
    let file: Vec<char> = sanitise(SAMPLE).chars().collect();
    let body = &article.body;
    // Where the body starts in the file, in code points.
    let head: String = body.chars().take(40).collect();
    let file_s: String = file.iter().collect();
    let shift = file_s
        .find(&head)
        .map_or(0, |b| file_s[..b].chars().count());
    let locate = |v: &serde_json::Value| -> Option<Span> {
        let text = v.get("text")?.as_str()?;
        let start = v.get("start")?.as_u64()? as usize;
        let want = start.saturating_sub(shift);
        body.match_indices(text)
            .map(|(b, _)| (b, body[..b].chars().count()))
            .min_by_key(|(_, c)| c.abs_diff(want))
            .map(|(b, _)| Span::new(b, b + text.len()))
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    fn canonical(t: &str) -> &str {
        match t {
            "Musk" => "Elon Musk",
            "Mistral" => "Mistral AI",
            other => other,
        }
    }
    for e in gold["entities"].as_array().into_iter().flatten() {
        let Some(span) = locate(e) else { continue };
        let label = Label::parse(e["label"].as_str().unwrap_or("MISC")).unwrap_or(Label::Misc);
        let name = canonical(e["text"].as_str().unwrap_or(""));
        let g = match groups.iter().position(|g| g.name == name) {
            Some(g) => g,
            None => {
                groups.push(Group {
                    id: groups.len(),
                    name: name.to_string(),
                    label,
                    mentions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        groups[g].mentions.push(entities.len());
        entities.push(Entity {
            span,
            label,
            group: g,
        });
    }
    let mut quotes = Vec::new();
    for q in gold["quotes"].as_array().into_iter().flatten() {
        let Some(span) = locate(q) else { continue };
        let speaker = q["speaker"].as_str().map(str::to_string);
        quotes.push(Quote {
            span,
            kind: if q["kind"] == "direct" {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            },
            group: speaker
                .as_deref()
                .and_then(|s| groups.iter().position(|g| g.name == s)),
            speaker,
            speaker_span: locate(&q["speaker_mention"]),
            cue_span: locate(&q["cue"]),
            person: None,
        });
    }
    quotes.sort_by_key(|q| q.span);
    // one chain per hand-checked speaker name
    let mut people: Vec<Person> = Vec::new();
    for q in &mut quotes {
        let Some(name) = q.speaker.clone() else {
            continue;
        };
        let id = match people.iter().position(|p| p.name == name) {
            Some(id) => id,
            None => {
                people.push(Person {
                    id: people.len(),
                    name,
                    label: Some(Label::Per),
                    mentions: Vec::new(),
                });
                people.len() - 1
            }
        };
        q.person = Some(id);
        if let Some(span) = q.speaker_span {
            people[id].mentions.push(PersonMention {
                span,
                kind: MentionKind::Name,
            });
        }
    }
    Analysis {
        language: Lang::Fr,
        entities,
        groups,
        quotes,
        people,
    }
}

/// A reader at `w`×`h` with default settings; `color` picks the theme.
pub fn app(w: u16, h: u16, color: bool) -> App {
    App::new(
        Settings::default(),
        Theme::new(color, &BTreeMap::new()).expect("default theme"),
        Keymap::default(),
        "test library".into(),
        (w, h),
    )
}

/// The sample and the English article loaded, the sample analysed.
pub fn sample_app(w: u16, h: u16, color: bool) -> App {
    let mut app = app(w, h, color);
    let sample = sample_article();
    let analysis = sample_analysis(&sample);
    let id = sample.id.clone();
    app.load_all(crate::library::Library {
        articles: vec![sample, english_article()],
        problems: Vec::new(),
        ..Default::default()
    });
    app.update(Msg::Analysed {
        id,
        analysis: Box::new(analysis),
    });
    app
}

/// The sample and the English article through a library index in memory
/// (as the reader sees a real library): the sample analysed and stored, so
/// the People screen and the index's searches have something to show.
pub fn indexed_app(w: u16, h: u16, color: bool) -> App {
    use crate::library::index::{Index, analysis_version};
    use crate::library::{LoadEvent, Origin};
    let mut app = app(w, h, color);
    let mut index = Index::in_memory().expect("an index in memory");
    let sample = sample_article();
    let english = english_article();
    let analysis = sample_analysis(&sample);
    let root = "test";
    let mut w = index.write().expect("write");
    let (s, _) = w
        .put_file(
            &Origin::Bundled("000_597a4e4c925c446d.txt".into()),
            root,
            1,
            1,
            Ok(std::slice::from_ref(&sample)),
        )
        .expect("put the sample");
    let (e, _) = w
        .put_file(
            &Origin::File("/test/en/markets.md".into()),
            root,
            1,
            1,
            Ok(std::slice::from_ref(&english)),
        )
        .expect("put the English article");
    w.put_analysis(s[0].key, &analysis_version(), &sample.body, &analysis)
        .expect("store the analysis");
    w.commit().expect("commit");
    let entries = index.entries(&[root.to_string()]).expect("entries");
    let total = entries.len();
    app.index = Some(index);
    app.roots = vec![root.to_string()];
    app.update(Msg::Load(LoadEvent::Found { total }));
    app.update(Msg::Load(LoadEvent::Entries(entries)));
    app.update(Msg::Load(LoadEvent::Done));
    // the bodies as the tests know them (no file behind the English one)
    for (key, article) in [(s[0].key, sample), (e[0].key, english)] {
        let idx = app.by_key[&key];
        app.bodies.insert(idx, article);
    }
    app
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types each character of `keys` as a key press.
pub fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

/// Renders the whole screen into a buffer of the app's size.
pub fn render(app: &App) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    term.draw(|f| view::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

/// The screen's characters, one line per row, trailing spaces trimmed.
pub fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every stretch of cells drawn with a non-default style, one per line:
/// "row 3, cols 10-19 fg=Blue +BOLD: text". Snapshots of highlights use it.
pub fn style_runs(buf: &Buffer) -> String {
    use ratatui::style::Style;
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            let mut text = String::new();
            while x < buf.area.width && buf[(x, y)].style() == style {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            if style != Style::default() && style != Style::reset() && !text.trim().is_empty() {
                let mut desc = String::new();
                if let Some(fg) = style.fg.filter(|c| *c != ratatui::style::Color::Reset) {
                    desc.push_str(&format!(" fg={fg}"));
                }
                if let Some(bg) = style.bg.filter(|c| *c != ratatui::style::Color::Reset) {
                    desc.push_str(&format!(" bg={bg}"));
                }
                if !style.add_modifier.is_empty() {
                    desc.push_str(&format!(" +{:?}", style.add_modifier));
                }
                if desc.is_empty() {
                    continue;
                }
                out.push_str(&format!(
                    "row {y:>2}, cols {start:>3}-{:<3}{desc}: {}\n",
                    x - 1,
                    text.trim_end()
                ));
            }
        }
    }
    out
}

/// The reader with its bookmarks and reading state in `dir` (config.toml,
/// data/state.toml), as `quoth` attaches them at start.
pub fn with_stores(mut app: App, dir: &std::path::Path) -> App {
    let marks = crate::config::load_file(&dir.join("config.toml"), false)
        .unwrap()
        .bookmarks();
    let (state, warnings) = crate::store::state::ReadingState::open(
        &dir.join("data").join(crate::store::state::STATE_FILE),
    );
    app.attach_stores(marks, state, &warnings);
    app
}
