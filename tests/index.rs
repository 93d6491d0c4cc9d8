//! The library index: reconcile after files are added, changed, moved and
//! deleted; a deleted, corrupt or old index; two processes at once; the
//! runtime's list, file watching and background analysis.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use quoth::library::index::{Index, analysis_version};
use quoth::library::reconcile::{self, Change, Root, Summary};
use quoth::library::{Entry, Origin, Source};
use quoth::tui::Runtime;
use quoth::tui::testkit::app;

fn story(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

fn reconcile_all(index: &mut Index, roots: &[Root]) -> (Summary, Vec<Entry>, Vec<i64>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let s = reconcile::reconcile(index, roots, &mut |c| match c {
        Change::Entries(e) => added.extend(e),
        Change::Removed(k) => removed.extend(k),
        _ => {}
    })
    .unwrap();
    (s, added, removed)
}

fn titles(index: &Index, roots: &[Root]) -> Vec<String> {
    let mut t: Vec<String> = index
        .entries(&reconcile::keys(roots))
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    t.sort();
    t
}

#[test]
fn reconcile_reads_only_what_changed_and_follows_moves() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(lib.join("sub")).unwrap();
    fs::write(lib.join("a.txt"), story("Alpha", "The first story.")).unwrap();
    fs::write(lib.join("b.txt"), story("Beta", "The second story.")).unwrap();
    let (mut index, note) = Index::open(&dir.path().join("index.sqlite3")).unwrap();
    assert_eq!(note, None);
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    assert_eq!(roots, vec![Root::Folder(lib.clone())]);

    let (s, added, _) = reconcile_all(&mut index, &roots);
    assert_eq!((s.files, s.read, s.unchanged), (2, 2, 0));
    assert_eq!(added.len(), 2);
    // nothing changed: nothing read
    let (s, added, removed) = reconcile_all(&mut index, &roots);
    assert_eq!((s.read, s.unchanged), (0, 2));
    assert!(added.is_empty() && removed.is_empty());

    // added
    fs::write(lib.join("sub/c.txt"), story("Gamma", "A third one.")).unwrap();
    let (s, added, _) = reconcile_all(&mut index, &roots);
    assert_eq!((s.read, s.unchanged), (1, 2));
    assert_eq!(added[0].title, "Gamma");
    assert_eq!(titles(&index, &roots), ["Alpha", "Beta", "Gamma"]);

    // changed: a new row replaces the old one
    let alpha = index.entries_by_id(&added_id(&index, "Alpha")).unwrap()[0].clone();
    fs::write(
        lib.join("a.txt"),
        story("Alpha", "The first story, updated at length."),
    )
    .unwrap();
    let (s, added, removed) = reconcile_all(&mut index, &roots);
    assert_eq!(s.read, 1);
    assert_eq!(removed, vec![alpha.key]);
    assert_eq!(added.len(), 1);
    assert_ne!(added[0].id, alpha.id, "the id follows the content");

    // moved: same row, same id, same analysis, new path
    let beta = index.entries_by_id(&added_id(&index, "Beta")).unwrap()[0].clone();
    let analysis = quoth::analysis::Analysis {
        language: quoth::analysis::Lang::En,
        entities: Vec::new(),
        groups: Vec::new(),
        quotes: Vec::new(),
        people: Vec::new(),
    };
    let mut w = index.write().unwrap();
    w.put_analysis(
        beta.key,
        &analysis_version(),
        "The second story.",
        &analysis,
    )
    .unwrap();
    w.commit().unwrap();
    fs::rename(lib.join("b.txt"), lib.join("sub/b-moved.txt")).unwrap();
    let (s, added, removed) = reconcile_all(&mut index, &roots);
    assert_eq!((s.moved, s.removed), (1, 0));
    assert!(removed.is_empty());
    assert_eq!(added.len(), 1);
    assert_eq!((added[0].key, &added[0].id), (beta.key, &beta.id));
    assert_eq!(
        added[0].origin,
        Some(Origin::File(lib.join("sub/b-moved.txt")))
    );
    assert_eq!(
        index.analysis(beta.key, &analysis_version()).unwrap(),
        Some(analysis),
        "a move keeps the analysis"
    );

    // deleted
    fs::remove_file(lib.join("sub/c.txt")).unwrap();
    let (s, _, removed) = reconcile_all(&mut index, &roots);
    assert_eq!((s.removed, removed.len()), (1, 1));
    assert_eq!(titles(&index, &roots), ["Alpha", "Beta"]);
    // the full-text index forgot it too
    assert!(index.search("third").unwrap().is_empty());
    assert_eq!(index.search("updated").unwrap().len(), 1);
}

/// An analysis stored again (a new model, say) replaces the first: the
/// speaker's counts and quotes are not doubled. A first analysis skips the
/// clearing, so this is what keeps the second one right.
#[test]
fn an_analysis_stored_again_replaces_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    let body = "\"We will build the bridge next year,\" said Marie Dupont, the mayor of the town.";
    fs::write(lib.join("a.txt"), story("Bridge", body)).unwrap();
    let (mut index, _) = Index::open(&dir.path().join("index.sqlite3")).unwrap();
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let (_, added, _) = reconcile_all(&mut index, &roots);
    let key = added[0].key;
    let analysis = quoth::analysis::Analyzer::new()
        .unwrap()
        .analyze(body, Some(quoth::analysis::Lang::En));
    assert_eq!(
        analysis.quotes[0].speaker.as_deref(),
        Some("Marie Dupont"),
        "{:?}",
        analysis.quotes
    );
    for _ in 0..2 {
        let mut w = index.write().unwrap();
        w.put_analysis(key, &analysis_version(), body, &analysis)
            .unwrap();
        w.commit().unwrap();
        let speakers = index.speakers("", 10).unwrap();
        assert_eq!(speakers.len(), 1);
        assert_eq!((speakers[0].quotes, speakers[0].articles), (1, 1));
        let quotes: i64 = index
            .connection()
            .query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(quotes, 1);
    }
}

/// Analyses stored with their listing deferred (an analysis of the
/// library cut short) are listed at the next analysis, even one with
/// nothing left to analyse; a plain write lists its analysis at commit.
#[test]
fn analyses_left_unlisted_are_listed_at_the_next_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    let bodies = [
        "\"We will build the bridge,\" said Marie Dupont.",
        "\"Le pont sera construit,\" a déclaré Marie Dupont, la maire de la ville.",
    ];
    for (i, body) in bodies.iter().enumerate() {
        fs::write(
            lib.join(format!("{i}.txt")),
            story(&format!("Bridge {i}"), body),
        )
        .unwrap();
    }
    let (mut index, _) = Index::open(&dir.path().join("index.sqlite3")).unwrap();
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let (_, added, _) = reconcile_all(&mut index, &roots);
    let keys = reconcile::keys(&roots);
    let analyzer = quoth::analysis::Analyzer::new().unwrap();
    let mut by_title: Vec<_> = added.iter().map(|e| (e.title.clone(), e.key)).collect();
    by_title.sort();
    let (deferred, plain) = (by_title[0].1, by_title[1].1);
    let mut w = index.write().unwrap();
    w.defer_listing();
    w.put_analysis(
        deferred,
        &analysis_version(),
        bodies[0],
        &analyzer.analyze(bodies[0], None),
    )
    .unwrap();
    w.commit().unwrap();
    let mut w = index.write().unwrap();
    w.put_analysis(
        plain,
        &analysis_version(),
        bodies[1],
        &analyzer.analyze(bodies[1], None),
    )
    .unwrap();
    w.commit().unwrap();
    let listing = |index: &Index| {
        let mut l: Vec<_> = index
            .entries(&keys)
            .unwrap()
            .into_iter()
            .map(|e| (e.title.clone(), e.quotes))
            .collect();
        l.sort();
        l
    };
    assert_eq!(
        listing(&index),
        [("Bridge 0".into(), None), ("Bridge 1".into(), Some(1))]
    );
    let (analysed, _) = analyse_rest(&mut index, &keys, 1);
    assert_eq!(analysed, 0, "both are analysed already");
    assert_eq!(
        listing(&index),
        [("Bridge 0".into(), Some(1)), ("Bridge 1".into(), Some(1))]
    );
}

/// Analyses what is left, to the end, on `threads` threads.
fn analyse_rest(index: &mut Index, keys: &[String], threads: usize) -> (usize, u64) {
    quoth::library::worker::analyse_pending(
        index,
        keys,
        threads,
        Duration::ZERO,
        &mut |_| {},
        &mut || false,
    )
    .unwrap()
}

fn added_id(index: &Index, title: &str) -> String {
    let conn = index.connection();
    conn.query_row("SELECT id FROM articles WHERE title = ?", [title], |r| {
        r.get(0)
    })
    .unwrap()
}

#[test]
fn broken_files_are_remembered_not_reread() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    fs::write(lib.join("ok.txt"), story("Fine", "Body.")).unwrap();
    fs::write(lib.join("bad.json"), "{ not json").unwrap();
    let mut index = Index::in_memory().unwrap();
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let (s, _, _) = reconcile_all(&mut index, &roots);
    assert_eq!(s.read, 2);
    let problems = index.problems(&reconcile::keys(&roots)).unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].0.ends_with("bad.json"));
    assert!(problems[0].1.contains("invalid JSON"), "{}", problems[0].1);
    let (s, _, _) = reconcile_all(&mut index, &roots);
    assert_eq!((s.read, s.unchanged), (0, 2));
}

#[test]
fn deleted_corrupt_and_old_indexes_are_rebuilt_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    fs::write(lib.join("a.txt"), story("Alpha", "Body.")).unwrap();
    let path = dir.path().join("data/index.sqlite3");
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    {
        let (mut index, note) = Index::open(&path).unwrap();
        assert!(note.is_none());
        reconcile_all(&mut index, &roots);
    }
    // deleted: a new one, silently, with everything read again
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", path.display()));
    }
    {
        let (mut index, note) = Index::open(&path).unwrap();
        assert!(note.is_none());
        let (s, _, _) = reconcile_all(&mut index, &roots);
        assert_eq!(s.read, 1);
    }
    // corrupt: rebuilt, and said so
    fs::write(
        &path,
        b"this is not a database, it is a poem about databases",
    )
    .unwrap();
    let _ = fs::remove_file(format!("{}-wal", path.display()));
    {
        let (mut index, note) = Index::open(&path).unwrap();
        let note = note.expect("a message");
        assert!(
            note.contains("damaged") && note.contains("rebuilding"),
            "{note}"
        );
        let (s, _, _) = reconcile_all(&mut index, &roots);
        assert_eq!(s.read, 1);
    }
    // another schema: rebuilt, and said so
    {
        let (index, _) = Index::open(&path).unwrap();
        index
            .connection()
            .execute("UPDATE meta SET value = '0' WHERE key = 'schema'", [])
            .unwrap();
    }
    let (mut index, note) = Index::open(&path).unwrap();
    let note = note.expect("a message");
    assert!(note.contains("another version"), "{note}");
    let (s, _, _) = reconcile_all(&mut index, &roots);
    assert_eq!(s.read, 1);
    assert_eq!(titles(&index, &roots), ["Alpha"]);
}

/// A library of `n` small stories.
fn make_library(dir: &Path, n: usize) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        fs::write(
            dir.join(format!("{i:04}.txt")),
            story(
                &format!("Story number {i}"),
                &format!("Body of story {i}, told once."),
            ),
        )
        .unwrap();
    }
}

#[test]
fn two_processes_at_once_share_one_index() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    make_library(&lib, 300);
    // four quoth processes build the same fresh index at the same time
    let children: Vec<_> = (0..4)
        .map(|_| {
            common::quoth(home.path())
                .args(["list", "--format", "json"])
                .arg(&lib)
                .output()
        })
        .collect();
    for out in children {
        let out = out.unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 300);
    }
    // and really in parallel: spawned, then waited for
    let spawned: Vec<_> = (0..3)
        .map(|i| {
            let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_quoth"));
            c.env("QUOTH_DATA_DIR", home.path().join("data"))
                .env("QUOTH_CONFIG", home.path().join("none.toml"))
                .env("HOME", home.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            if i == 0 {
                c.args(["quotes"]).arg(&lib);
            } else {
                c.args(["list"]).arg(&lib);
            }
            c.spawn().unwrap()
        })
        .collect();
    // meanwhile a file is added
    fs::write(lib.join("new.txt"), story("A late story", "It came last.")).unwrap();
    for (i, child) in spawned.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("database") && !err.contains("locked"),
            "process {i}: {err}"
        );
    }
    let out = common::quoth(home.path())
        .arg("list")
        .arg(&lib)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 302, "header, 300 and the late one");
    assert!(text.contains("A late story"));
}

/// The catalogue's indexes a first build leaves for its end, present in
/// the file at `path` (read on a plain connection: opening an `Index`
/// would make what is missing).
fn deferred_indexes(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut st = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index'
             AND name IN ('articles_id', 'articles_list', 'articles_root') ORDER BY name",
        )
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A first build into an empty index makes the list's, ids' and roots'
/// indexes once its rows are in; another process opening the index
/// meanwhile makes them at once and the build goes on; a build cut short
/// leaves an index that gets them back at the next open.
#[test]
fn a_first_build_makes_its_unordered_indexes_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    // more than the first transaction's 256 files
    make_library(&lib, 300);
    let path = dir.path().join("index.sqlite3");
    let (mut index, _) = Index::open(&path).unwrap();
    let all = ["articles_id", "articles_list", "articles_root"].map(String::from);
    assert_eq!(deferred_indexes(&path), all);
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let mut seen = Vec::new();
    let mut during = None;
    reconcile::reconcile(&mut index, &roots, &mut |c| {
        if let Change::Entries(e) = c {
            if during.is_none() {
                during = Some(deferred_indexes(&path));
                // another process opens the index in the middle of the build
                let (other, note) = Index::open(&path).unwrap();
                assert_eq!(note, None);
                assert_eq!(other.keys(&reconcile::keys(&roots)).unwrap().len(), e.len());
                assert_eq!(deferred_indexes(&path), all);
            }
            seen.extend(e);
        }
    })
    .unwrap();
    assert_eq!(during, Some(vec![]), "deferred while building");
    assert_eq!(seen.len(), 300);
    assert_eq!(deferred_indexes(&path), all);
    // the list, by its index, in list order; every story searchable
    let keys = reconcile::keys(&roots);
    let mut listed = Vec::new();
    index
        .list_each(&keys, 10, 100, &mut |b| {
            listed.extend(b);
            true
        })
        .unwrap();
    let titles: Vec<&str> = listed.iter().map(|e| e.title.as_str()).collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted, "undated: by title");
    assert_eq!(titles.len(), 300);
    assert_eq!(index.search("number 299").unwrap().len(), 1);
    assert_eq!(index.search("told").unwrap().len(), 300);
    // the build's log emptied
    let wal = dir.path().join("index.sqlite3-wal");
    assert_eq!(fs::metadata(&wal).map_or(0, |m| m.len()), 0);

    // a build cut short (the process killed): the next open repairs it
    let cut = dir.path().join("cut.sqlite3");
    let (index, _) = Index::open(&cut).unwrap();
    assert!(index.start_build().unwrap());
    drop(index);
    assert_eq!(deferred_indexes(&cut), Vec::<String>::new());
    let (_index, note) = Index::open(&cut).unwrap();
    assert_eq!(note, None, "not rebuilt");
    assert_eq!(deferred_indexes(&cut), all);
}

/// A read mark mirrored while a first build has not made `articles_id`
/// yet waits (an UPDATE by id would read the whole catalogue for each
/// mark) and is in the catalogue once the build made its indexes; after
/// that, marks go straight in.
#[test]
fn read_marks_during_a_first_build_reach_the_catalogue_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    make_library(&lib, 300);
    let path = dir.path().join("index.sqlite3");
    let (mut index, _) = Index::open(&path).unwrap();
    // the reader's own connection, opened before the build starts
    let (mut reader, _) = Index::open(&path).unwrap();
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let mut marked = None;
    reconcile::reconcile(&mut index, &roots, &mut |c| {
        if let Change::Entries(e) = c
            && marked.is_none()
        {
            assert_eq!(deferred_indexes(&path), Vec::<String>::new());
            reader.mirror_read(&[(e[0].id.clone(), true)]).unwrap();
            marked = Some(e[0].id.clone());
        }
    })
    .unwrap();
    let id = marked.expect("a first batch");
    let read_of = |id: &str| -> i64 {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("SELECT read FROM articles WHERE id = ?", [id], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(read_of(&id), 1, "applied when the build made its indexes");
    let pending: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM read_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pending, 0);
    // with the index there, a mark is written at once
    reader.mirror_read(&[(id.clone(), false)]).unwrap();
    assert_eq!(read_of(&id), 0);
}

/// Runs the pump until `done` says so, or fails after a while.
fn pump_until(
    rt: &mut Runtime,
    app: &mut quoth::tui::App,
    what: &str,
    done: impl Fn(&quoth::tui::App) -> bool,
) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out: {what}"
        );
        rt.pump(app, &mut || false);
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn runtime_lists_at_once_then_notices_new_files() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    make_library(&lib, 40);
    let index_path = dir.path().join("index.sqlite3");
    let options = quoth::library::worker::Options {
        analyse: false,
        watch: true,
        threads: 1,
    };
    // first launch builds the index
    let mut a = app(120, 40, false);
    let mut rt = Runtime::start_with(
        &mut a,
        Source::Path(lib.clone()),
        &index_path,
        options.clone(),
    )
    .unwrap();
    pump_until(&mut rt, &mut a, "first build", |a| a.loading.is_none());
    assert_eq!(a.order.len(), 40);
    // a file dropped in while it runs is noticed (the watcher)
    fs::write(lib.join("zz-new.txt"), story("Fresh news", "Just in.")).unwrap();
    pump_until(&mut rt, &mut a, "the watcher", |a| a.order.len() == 41);
    // and one removed
    fs::remove_file(lib.join("0000.txt")).unwrap();
    pump_until(&mut rt, &mut a, "a removal", |a| a.order.len() == 40);
    assert!(
        a.articles
            .iter()
            .enumerate()
            .all(|(i, e)| a.gone.contains(&i) || e.title != "Story number 0")
    );
    rt.stop();
    drop(rt);
    // the next launch lists from the index before looking at the folder
    let mut b = app(120, 40, false);
    let mut rt =
        Runtime::start_with(&mut b, Source::Path(lib.clone()), &index_path, options).unwrap();
    pump_until(&mut rt, &mut b, "second launch", |b| b.loading.is_none());
    assert_eq!(b.order.len(), 40);
    assert!(b.articles.iter().all(|e| e.key != 0));
    rt.stop();
}

#[test]
fn runtime_analyses_in_the_background_and_stores_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    fs::write(
        lib.join("a.txt"),
        story(
            "Port strike",
            "\"We will not move,\" said Anna Berg, the union leader, on Monday.",
        ),
    )
    .unwrap();
    let index_path = dir.path().join("index.sqlite3");
    let mut a = app(120, 40, false);
    let mut rt = Runtime::start_with(
        &mut a,
        Source::Path(lib.clone()),
        &index_path,
        quoth::library::worker::Options {
            analyse: true,
            watch: false,
            threads: 1,
        },
    )
    .unwrap();
    pump_until(&mut rt, &mut a, "analysis", |a| {
        a.articles.first().is_some_and(|e| e.quotes.is_some())
    });
    assert_eq!(a.articles[0].quotes, Some(1));
    rt.stop();
    let index = a.index.as_ref().unwrap();
    let speakers = index.speakers("", 10).unwrap();
    assert_eq!(speakers.len(), 1);
    assert_eq!(
        (speakers[0].name.as_str(), speakers[0].quotes),
        ("Anna Berg", 1)
    );
    let quotes = index.quotes_of(Some("anna berg"), None, &a.roots).unwrap();
    assert_eq!(quotes[0].text, "We will not move,");
    assert_eq!(quotes[0].title, "Port strike");
}

/// Many articles on more threads than cores: every analysis is stored
/// once, the progress counts reach the total, a stop after the first
/// transaction keeps what was stored, and the next run does only the rest.
#[test]
fn analysis_of_a_library_stops_when_asked_and_resumes() {
    use quoth::library::LoadEvent;
    use quoth::library::worker::{Progress, analyse_pending};
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    let n = 300;
    for i in 0..n {
        fs::write(
            lib.join(format!("{i:03}.txt")),
            story(
                &format!("Harbour vote {i}"),
                &format!("\"We will not move before day {i},\" said Anna Berg, the union leader."),
            ),
        )
        .unwrap();
    }
    let (mut index, _) = Index::open(&dir.path().join("index.sqlite3")).unwrap();
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    reconcile_all(&mut index, &roots);
    let keys = reconcile::keys(&roots);

    // stopped after its first transaction, of one article
    let mut stored = Vec::new();
    let (first, _) = analyse_pending(
        &mut index,
        &keys,
        3,
        Duration::ZERO,
        &mut |p| {
            if let Progress::Stored(c) = p {
                stored.extend(c.into_iter().map(|(k, q, _)| (k, q)));
            }
        },
        &mut || true,
    )
    .unwrap();
    assert_eq!(first, 1);
    assert_eq!(stored.len(), first);
    assert!(stored.iter().all(|&(_, q)| q == 1));
    // its quote count waits for the end of the analysis (the reader had
    // it from the progress)
    let listed = |index: &Index| {
        index
            .entries(&keys)
            .unwrap()
            .iter()
            .filter(|e| e.quotes == Some(1) && e.language.as_deref() == Some("en"))
            .count()
    };
    assert_eq!(listed(&index), 0);

    // the rest, and only the rest
    let mut last = None;
    let (rest, _) = analyse_pending(
        &mut index,
        &keys,
        3,
        Duration::from_millis(5),
        &mut |p| {
            if let Progress::Stored(c) = p {
                stored.extend(c.into_iter().map(|(k, q, _)| (k, q)));
            } else if let Progress::Done(LoadEvent::Analysing { done, total, .. }) = p {
                last = Some((done, total));
            }
        },
        &mut || false,
    )
    .unwrap();
    assert_eq!(first + rest, n);
    assert_eq!(last, Some((n - 1, n - 1)));
    // every article listed, the first run's too
    assert_eq!(listed(&index), n);
    let mut keys_stored: Vec<i64> = stored.iter().map(|&(k, _)| k).collect();
    keys_stored.sort();
    keys_stored.dedup();
    assert_eq!(keys_stored.len(), n);
    let speakers = index.speakers("", 10).unwrap();
    assert_eq!(
        (speakers[0].name.as_str(), speakers[0].quotes),
        ("Anna Berg", n as u32)
    );
    let (again, _) = analyse_rest(&mut index, &keys, 3);
    assert_eq!(again, 0);
}

#[test]
fn a_bookmark_made_in_another_folder_opens() {
    use quoth::config::{Bookmark, Bookmarks};
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let (news, other) = (dir.path().join("news"), dir.path().join("other"));
    make_library(&news, 3);
    fs::create_dir_all(&other).unwrap();
    fs::write(
        other.join("x.txt"),
        story("Elsewhere", "Not the same story."),
    )
    .unwrap();
    fs::write(other.join("y.txt"), story("Elsewhere too", "Nor this one.")).unwrap();
    let index_path = dir.path().join("index.sqlite3");
    let options = quoth::library::worker::Options {
        analyse: false,
        watch: false,
        threads: 1,
    };
    // read in one folder, an article bookmarked there
    let mut a = app(120, 40, false);
    let mut rt = Runtime::start_with(
        &mut a,
        Source::Path(news.clone()),
        &index_path,
        options.clone(),
    )
    .unwrap();
    pump_until(&mut rt, &mut a, "news", |a| a.loading.is_none());
    let e = a.selected_article().unwrap().clone();
    rt.stop();
    drop(rt);
    // then quoth opened on the other folder: the bookmark is not in its list
    let mut b = app(120, 40, false);
    let marks = Bookmarks::new(None, vec![Bookmark::new(&e.id, &e.title, None)]);
    b.attach_stores(marks, quoth::store::state::ReadingState::in_memory(), &[]);
    let mut rt =
        Runtime::start_with(&mut b, Source::Path(other.clone()), &index_path, options).unwrap();
    pump_until(&mut rt, &mut b, "other", |b| b.loading.is_none());
    assert_eq!(b.order.len(), 2);
    b.update(quoth::tui::testkit::key(KeyCode::Char('B')));
    assert!(matches!(
        b.selected_row(),
        Some(quoth::tui::app::Row::Missing(_))
    ));
    // not called missing: the row and its details say where it is
    let screen = quoth::tui::testkit::screen_text(&quoth::tui::testkit::render(&b));
    let file = e.origin.as_ref().unwrap().display();
    assert!(
        screen.contains(&format!("elsewhere · {}", e.title)),
        "{screen}"
    );
    assert!(screen.contains("outside the library · id "), "{screen}");
    assert!(screen.contains(&format!("at {file}")), "{file}\n{screen}");
    assert!(!screen.contains("missing"), "{screen}");
    b.update(quoth::tui::testkit::key(KeyCode::Enter));
    assert_eq!(b.open_article().map(|a| a.id.clone()), Some(e.id.clone()));
    assert!(
        b.message
            .as_deref()
            .unwrap()
            .contains("outside this library")
    );
    rt.stop();
}

/// The first build reads files as the walk finds them: the same files,
/// each real file once under the same name, as the whole walk gives.
#[cfg(unix)]
#[test]
fn walking_as_it_goes_finds_what_the_walk_finds() {
    use quoth::article::files::{walk, walk_each};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/c")).unwrap();
    fs::write(root.join("a.txt"), "A\n\nx\n").unwrap();
    fs::write(root.join("b/c/d.md"), "D\n\nxx\n").unwrap();
    fs::write(root.join("b/z.txt"), "Z\n\nxyz\n").unwrap();
    fs::hard_link(root.join("a.txt"), root.join("b/a-again.txt")).unwrap();
    std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("b/c"), root.join("0-c")).unwrap();
    let accept = |p: &Path| quoth::article::formats::Kind::of(p).is_some();
    let whole = walk(root, &accept);
    let mut streamed = Vec::new();
    let mut sizes = Vec::new();
    let rest = walk_each(root, &accept, &mut |p, meta| {
        sizes.push(meta.len());
        streamed.push(p);
    });
    assert_eq!(streamed, whole.files);
    // each file's own metadata, links followed
    let want: Vec<u64> = streamed
        .iter()
        .map(|p| fs::metadata(p).unwrap().len())
        .collect();
    assert_eq!(sizes, want);
    assert_eq!(whole.files.len(), 3, "{:?}", whole.files);
    assert_eq!(rest.problems, whole.problems);
    assert!(rest.files.is_empty());
}

/// One quoth process as the test drives it: its connection to the shared
/// index, its reader, and what its library thread told the reader.
struct Process {
    index: Index,
    app: quoth::tui::App,
    listed: quoth::library::worker::Listed,
}

impl Process {
    fn open(path: &Path) -> Process {
        Process {
            index: Index::open(path).unwrap().0,
            app: app(80, 24, false),
            listed: Default::default(),
        }
    }

    /// The list from the index, as the library thread sends it at launch.
    fn list(&mut self, roots: &[Root]) {
        let app = &mut self.app;
        self.listed
            .list(&self.index, &reconcile::keys(roots), 2, 2, &mut |ev| {
                app.update(quoth::tui::app::Msg::Load(ev));
                true
            })
            .unwrap();
    }

    /// What the reader lists: (id, title, file) of each article.
    fn shown(&self) -> Vec<(String, String, String)> {
        let mut v: Vec<_> = self
            .app
            .order
            .iter()
            .map(|&i| {
                let e = &self.app.articles[i];
                // every listed key still opens
                let file = match self.index.place(e.key).unwrap() {
                    Some((origin, _)) => origin.to_key(),
                    None => format!("key {} is no longer in the index", e.key),
                };
                (e.id.clone(), e.title.clone(), file)
            })
            .collect();
        v.sort();
        v
    }
}

/// Two processes on one index refresh in turn, the second reading the
/// folder in the middle of the first's refresh (after the first compared
/// the files with the index, before it wrote): a file changed, one moved,
/// one added. Each reader then lists every article once, as `quoth list`
/// does; before, the first kept the changed file's old version next to
/// the new one (and the moved file's gone key), the second keys the first
/// had replaced.
#[test]
fn two_processes_refreshing_at_once_list_each_article_once() {
    use quoth::library::LoadEvent;
    use quoth::library::worker::refresh;
    use quoth::tui::app::Msg;
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    fs::create_dir_all(lib.join("sub")).unwrap();
    fs::write(lib.join("a.txt"), story("Alpha", "The first story.")).unwrap();
    fs::write(lib.join("b.txt"), story("Beta", "The second story.")).unwrap();
    fs::write(lib.join("c.txt"), story("Gamma", "The third story.")).unwrap();
    let path = home
        .path()
        .join("data")
        .join(quoth::library::index::INDEX_FILE);
    let roots = reconcile::roots(&Source::Path(lib.clone()));
    let (mut a, mut b) = (Process::open(&path), Process::open(&path));
    // B builds the index; both list it
    reconcile_all(&mut b.index, &roots);
    a.list(&roots);
    b.list(&roots);
    assert_eq!(a.shown().len(), 3);
    // meanwhile: a story changed, one moved into a folder, one added
    fs::write(
        lib.join("b.txt"),
        story("Beta", "The second story, updated."),
    )
    .unwrap();
    fs::rename(lib.join("c.txt"), lib.join("sub/c.txt")).unwrap();
    fs::write(lib.join("d.txt"), story("Delta", "The fourth story.")).unwrap();
    // A looks; B's look runs whole as A is about to read what it found changed
    let mut b_turn = Some(&mut b);
    let (a_index, a_listed, a_app) = (&mut a.index, &mut a.listed, &mut a.app);
    refresh(a_index, &roots, a_listed, &mut |ev| {
        if matches!(ev, LoadEvent::Reconciling { done: 0, .. })
            && let Some(b) = b_turn.take()
        {
            refresh(&mut b.index, &roots, &mut b.listed, &mut |ev| {
                b.app.update(Msg::Load(ev))
            })
            .unwrap();
        }
        a_app.update(Msg::Load(ev));
    })
    .unwrap();
    assert!(b_turn.is_none(), "B's look ran in the middle of A's");
    // B's idle thread sees A's writes (and A only its own since B's)
    assert!(b.listed.stale(&b.index).unwrap());
    assert!(!a.listed.stale(&a.index).unwrap());
    // then B looks again: nothing changed in the folder since
    let s = refresh(&mut b.index, &roots, &mut b.listed, &mut |ev| {
        b.app.update(Msg::Load(ev))
    })
    .unwrap();
    assert_eq!(s.read + s.moved + s.removed, 0, "{s:?}");
    assert!(!b.listed.stale(&b.index).unwrap());

    let out = common::quoth(home.path())
        .args(["list", "--format", "json"])
        .arg(&lib)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut listed: Vec<(String, String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("id"), s("title"), s("path"))
        })
        .collect();
    listed.sort();
    let titles: Vec<&str> = listed.iter().map(|r| r.1.as_str()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(sorted, ["Alpha", "Beta", "Delta", "Gamma"]);
    assert_eq!(a.shown(), listed, "process A");
    assert_eq!(b.shown(), listed, "process B");
}
