//! Loaders and library on the fixtures in tests/fixtures/, and the sanitiser
//! properties.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use quoth::article::Article;
use quoth::article::formats::{self, Kind};
use quoth::article::sanitise::{sanitise, sanitise_line};
use quoth::library::{self, LoadEvent, Source};

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

fn by_title<'a>(articles: &'a [Article], title: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article titled {title:?}"))
}

/// Characters that must never reach the screen.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn all_text(a: &Article) -> Vec<&str> {
    let mut v = vec![a.title.as_str(), a.body.as_str()];
    v.extend(
        [&a.source, &a.author, &a.url, &a.language, &a.credit]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    v.extend(a.tags.iter().map(String::as_str));
    v
}

#[test]
fn good_fixtures_all_load() {
    let lib = library::load(&Source::Path(fixtures("good"))).unwrap();
    assert_eq!(lib.problems, []);
    // 4 single-article files, 2 in feed.json, 2 in lines.jsonl; the csv is ignored
    assert_eq!(lib.articles.len(), 8);
    let plain = by_title(&lib.articles, "Harbour town votes to keep its ferry");
    assert_eq!(plain.credit.as_deref(), Some("Reuters"));
    assert!(plain.body.starts_with(
        "The council of Port Ellery voted on Tuesday to keep the island ferry running"
    ));
    assert_eq!(plain.paragraphs().count(), 3);

    let toml = by_title(&lib.articles, "A guide to the night market");
    assert_eq!(toml.author.as_deref(), Some("Lena Park"));
    assert_eq!(
        toml.url.as_deref(),
        Some("https://example.org/night-market")
    );
    assert_eq!(toml.date.unwrap().to_rfc3339(), "2024-05-10T19:30:00+02:00");
    assert!(toml.body.ends_with("Links\n\n[1] https://example.org/map"));
    assert!(!toml.styles.is_empty());
    for s in &toml.styles {
        assert!(toml.body.is_char_boundary(s.start) && toml.body.is_char_boundary(s.end));
        assert!(s.start < s.end && s.end <= toml.body.len());
    }

    let yaml = by_title(&lib.articles, "Le port de Saint-Malo s’agrandit");
    assert_eq!(yaml.author.as_deref(), Some("Anne Le Goff, Yann Morvan"));
    assert_eq!(yaml.tags, ["port", "économie"]);
    assert!(yaml.body.contains("«\u{a0}Nous") || yaml.body.contains("« Nous"));

    let feed: Vec<_> = lib
        .articles
        .iter()
        .filter(|a| a.path.ends_with("feed.json"))
        .collect();
    assert_eq!(feed.len(), 2);
    assert_ne!(feed[0].id, feed[1].id);
    let rfc2822 = by_title(&lib.articles, "Library opens on Sundays");
    assert_eq!(
        rfc2822.date.unwrap().to_rfc3339(),
        "2024-06-01T09:00:00+01:00"
    );
    assert_eq!(
        rfc2822.body,
        "The central library will open on Sundays from June.\n\n\"Readers asked for it,\" the director said."
    );
    assert_eq!(
        by_title(&lib.articles, "Le marché couvert rouvre").body,
        "Le marché couvert rouvre ses portes après deux ans de travaux."
    );
    // list order: newest first, undated last
    let dated: Vec<bool> = lib.articles.iter().map(|a| a.date.is_some()).collect();
    assert!(dated.windows(2).all(|w| w[0] || !w[1]), "{dated:?}");
    assert!(
        lib.articles
            .windows(2)
            .all(|w| w[0].date >= w[1].date || w[1].date.is_none())
    );
}

#[test]
fn escape_sequence_article_loads_clean() {
    let path = fixtures("good/escapes.txt");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.contains(&0x1b), "the fixture holds raw escapes");
    let a = &formats::parse(Kind::Txt, &path, &bytes).unwrap()[0];
    assert_eq!(a.title, "Breaking red news today");
    for text in all_text(a) {
        assert!(!text.chars().any(forbidden), "{text:?}");
    }
    assert!(!a.body.contains("pwned") && !a.body.contains("evil.example"));
    assert!(a.body.contains("a hidden link here"));
    assert!(a.body.contains("C1 csi and bell and backspace and del."));
    assert!(
        a.body
            .contains("Title sixel, charset, cursor reset, screen switch.")
    );
    assert!(a.body.contains("«No-break\u{a0}spaces\u{202f}stay\u{a0}»"));
    assert!(a.body.contains("caf\u{e9} composes"));
}

#[test]
fn broken_fixtures_are_problems_and_the_rest_loads() {
    let lib = library::load(&Source::Path(fixtures("broken"))).unwrap();
    let reasons: Vec<(String, &str)> = lib
        .problems
        .iter()
        .map(|p| {
            (
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.reason.as_str(),
            )
        })
        .collect();
    let reason = |file: &str| {
        reasons
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("no problem for {file}: {reasons:?}"))
    };
    assert_eq!(reason("empty.txt"), "empty file");
    assert_eq!(reason("binary.txt"), "binary file (contains NUL bytes)");
    assert_eq!(
        reason("invalid_utf8.txt"),
        "invalid UTF-8 at byte 10 (line 3): quoth reads UTF-8 and UTF-16 with a byte-order mark"
    );
    assert!(reason("bad.json").starts_with("invalid JSON: EOF while parsing an object at line 2"));
    assert!(reason("bad_toml.md").starts_with("bad TOML front matter: "));
    assert!(reason("bad_yaml.md").starts_with("bad YAML front matter: "));
    assert_eq!(
        reason("no_title.md"),
        "no title: no `title` in front matter and no heading"
    );
    assert_eq!(reason("title_only.txt"), "no body: only a title line");
    assert_eq!(
        reason("partial.jsonl"),
        "record 2 (line 2): missing `body` (or `content` / `text`)"
    );
    // the csv is ignored, not a problem
    assert_eq!(lib.problems.len(), 9, "{reasons:?}");
    for p in &lib.problems {
        assert!(!p.reason.contains('\n'), "one line: {:?}", p.reason);
    }
    // the good record of partial.jsonl still loads
    assert_eq!(lib.articles.len(), 1);
    assert_eq!(lib.articles[0].title, "This record is fine");
}

#[test]
fn file_over_10_mb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let line = "A line of an article that goes on and on.\n";
    let text = line.repeat((formats::MAX_FILE_BYTES as usize / line.len()) + 10);
    std::fs::write(&big, &text).unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Small\n\nFine.\n").unwrap();
    let lib = library::load(&Source::Path(dir.path().to_path_buf())).unwrap();
    assert_eq!(lib.articles.len(), 1);
    assert_eq!(lib.problems.len(), 1);
    assert_eq!(lib.problems[0].path, big);
    assert_eq!(
        lib.problems[0].reason,
        "file too large: 10.0 MB (limit 10 MB)"
    );
}

#[test]
fn missing_root_is_an_error_naming_it() {
    let missing = fixtures("no-such-folder");
    let source = Source::Path(missing.clone());
    let e = format!("{:#}", source.check_root().unwrap_err());
    assert!(e.contains(&missing.display().to_string()), "{e}");
    let e = format!("{:#}", library::load(&source).unwrap_err());
    assert!(e.starts_with("cannot open library "), "{e}");
    // in the background, the same arrives as one problem
    let events: Vec<_> = library::spawn(source).into_iter().collect();
    assert!(matches!(events[0], LoadEvent::Found { total: 0 }));
    assert!(matches!(&events[1], LoadEvent::Problem(p) if p.path == missing));
    assert!(matches!(events[2], LoadEvent::Done));
}

#[test]
fn one_file_as_library() {
    let lib = library::load(&Source::Path(fixtures("good/feed.json"))).unwrap();
    assert_eq!(lib.articles.len(), 2);
    let lib = library::load(&Source::Path(fixtures("good/ignored.csv"))).unwrap();
    assert_eq!(lib.articles.len(), 0);
    assert_eq!(
        lib.problems[0].reason,
        "not an article file: quoth reads .txt, .md, .markdown, .json, .jsonl and .ndjson"
    );
}

#[test]
fn background_load_matches_blocking_load() {
    for source in [
        Source::Path(fixtures("good")),
        Source::Path(fixtures("broken")),
        Source::Bundled,
    ] {
        let lib = library::load(&source).unwrap();
        let rx = library::spawn(source.clone());
        let events: Vec<LoadEvent> = rx.into_iter().collect();
        let LoadEvent::Found { total } = events[0] else {
            panic!("first event is Found: {:?}", events[0]);
        };
        assert!(matches!(events.last(), Some(LoadEvent::Done)));
        assert_eq!(
            events
                .iter()
                .filter(|e| matches!(e, LoadEvent::Done))
                .count(),
            1
        );
        let mut articles: Vec<Article> = Vec::new();
        let mut problems = Vec::new();
        for e in events {
            match e {
                LoadEvent::Article(a) => articles.push(*a),
                LoadEvent::Problem(p) => problems.push(p),
                _ => {}
            }
        }
        let expected_total = match &source {
            Source::Path(dir) => std::fs::read_dir(dir)
                .unwrap()
                .filter(|e| Kind::of(&e.as_ref().unwrap().path()).is_some())
                .count(),
            Source::Bundled => library::bundled_files()
                .iter()
                .filter(|(name, _)| Kind::of(Path::new(name)).is_some())
                .count(),
            Source::Paths(_) => unreachable!("not among the sources tested"),
        };
        assert_eq!(total, expected_total, "{}", source.describe());
        library::sort(&mut articles);
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(articles, lib.articles, "{}", source.describe());
        assert_eq!(problems, lib.problems, "{}", source.describe());
    }
}

#[test]
fn background_load_of_many_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            format!("Article {i}\n\nBody of article {i}.\n"),
        )
        .unwrap();
    }
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/deep.md"), "# Deep\n\nIn a subfolder.").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "Hidden\n\nSkipped.").unwrap();
    let events: Vec<_> = library::spawn(Source::Path(dir.path().to_path_buf()))
        .into_iter()
        .collect();
    assert!(matches!(events[0], LoadEvent::Found { total: 301 }));
    let n = events
        .iter()
        .filter(|e| matches!(e, LoadEvent::Article(_)))
        .count();
    assert_eq!(n, 301);
    // a receiver dropped early stops the loading without trouble
    let rx = library::spawn(Source::Path(dir.path().to_path_buf()));
    assert!(matches!(rx.recv().unwrap(), LoadEvent::Found { .. }));
    drop(rx);
}

#[test]
fn bundled_sample_is_there() {
    let lib = library::load(&Source::Bundled).unwrap();
    assert_eq!(lib.problems, [], "the bundled articles all load");
    let sample = lib
        .articles
        .iter()
        .find(|a| a.path == Path::new("assets/articles/000_597a4e4c925c446d.txt"))
        .unwrap();
    assert_eq!(sample.credit.as_deref(), Some("AFP"));
    assert!(!sample.body.contains("rattraper leur retard AFP"));
    assert!(sample.body.starts_with("La startup française Mistral AI"));
    let ids: std::collections::HashSet<_> = lib.articles.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), lib.articles.len(), "ids are distinct");
}

/// Strings built from the characters that matter most, mixed with any char.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("\x1b".to_string()),
        Just("\x1b[".to_string()),
        Just("\x1b]".to_string()),
        Just("\x1b\\".to_string()),
        Just("\x07".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2067}".to_string()),
        Just("\u{2028}".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{a0}".to_string()),
        "[0-9;?]{0,4}[A-Za-z~]".prop_map(String::from),
        "[ -~]{0,6}".prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_control_or_bidi_survives(s in nasty()) {
        let out = sanitise(&s);
        prop_assert!(!out.chars().any(forbidden), "{:?} -> {:?}", s, out);
        prop_assert!(!out.contains('\t') && !out.contains('\r'));
        let line = sanitise_line(&s);
        prop_assert!(!line.chars().any(|c| forbidden(c) || c == '\n'), "{:?}", line);
    }

    #[test]
    fn sanitising_is_idempotent(s in nasty()) {
        let once = sanitise(&s);
        prop_assert_eq!(sanitise(&once), once.clone());
        let line = sanitise_line(&s);
        prop_assert_eq!(sanitise_line(&line), line.clone());
    }

    #[test]
    fn arbitrary_unicode_is_handled(s in any::<String>()) {
        let out = sanitise(&s);
        prop_assert!(!out.chars().any(forbidden));
        prop_assert_eq!(sanitise(&out), out.clone());
    }

    #[test]
    fn loaders_never_let_controls_through(s in nasty(), kind in 0..3u8) {
        let (kind, path) = match kind {
            0 => (Kind::Txt, "a.txt"),
            1 => (Kind::Markdown, "a.md"),
            _ => (Kind::Json, "a.json"),
        };
        let input = if kind == Kind::Json {
            serde_json::json!({"title": s, "body": format!("x {s}"), "author": s}).to_string()
        } else {
            format!("# T {s}\n\n{s}\n\nend")
        };
        if let Ok(articles) = formats::parse(kind, Path::new(path), input.as_bytes()) {
            for a in &articles {
                for text in all_text(a) {
                    prop_assert!(!text.chars().any(forbidden), "{:?}", text);
                }
                for st in &a.styles {
                    prop_assert!(a.body.is_char_boundary(st.start) && a.body.is_char_boundary(st.end));
                    prop_assert!(st.start < st.end && st.end <= a.body.len());
                }
                prop_assert!(!a.body.split("\n\n").any(str::is_empty) || a.body.is_empty());
            }
        }
    }
}

#[test]
fn markdown_with_escape_only_paragraph_has_no_empty_paragraph() {
    let s = "\u{85}\u{1b}\\\\\u{85}\u{9d}a";
    let input = format!("# T {s}\n\n{s}\n\nend");
    let a = &formats::parse(Kind::Markdown, Path::new("a.md"), input.as_bytes()).unwrap()[0];
    assert!(!a.body.split("\n\n").any(str::is_empty), "{:?}", a.body);
}
