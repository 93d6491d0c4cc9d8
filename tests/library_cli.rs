//! One library in many folders, through the binary: ids and bookmarks
//! that hold wherever a file lives, `quoth list/show/bookmarks` agreeing,
//! and `quoth quotes`.

mod common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;

fn quoth(home: &Path) -> assert_cmd::Command {
    common::quoth(home)
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn list_json(home: &Path, config: &Path) -> Vec<serde_json::Value> {
    stdout(
        quoth(home)
            .arg("--config")
            .arg(config)
            .args(["list", "--format", "json"]),
    )
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect()
}

#[test]
fn ids_and_bookmarks_hold_across_folders() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (news, archive) = (h.join("news"), h.join("archive"));
    fs::create_dir_all(&news).unwrap();
    fs::create_dir_all(&archive).unwrap();
    fs::write(
        news.join("strike.txt"),
        "Dock strike ends\n\nThe strike ended on Friday.\n",
    )
    .unwrap();
    fs::write(
        archive.join("old.md"),
        "+++\ntitle = \"An old story\"\ndate = 2020-01-02\n+++\nFrom the archive.\n",
    )
    .unwrap();
    let config = h.join("config.toml");
    fs::write(&config, "library = [\"news\", \"archive\"]\n").unwrap();

    let rows = list_json(h, &config);
    assert_eq!(rows.len(), 2, "both folders are one library");
    let strike = rows
        .iter()
        .find(|r| r["title"] == "Dock strike ends")
        .unwrap();
    let id = strike["id"].as_str().unwrap().to_string();
    assert_eq!(
        strike["path"].as_str().unwrap(),
        news.join("strike.txt").display().to_string()
    );

    // bookmarked, by id, from the library
    quoth(h)
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", &id])
        .assert()
        .success();
    // the file moves to the other folder, and is renamed
    fs::rename(news.join("strike.txt"), archive.join("strike-2024.txt")).unwrap();
    let rows = list_json(h, &config);
    let moved = rows
        .iter()
        .find(|r| r["title"] == "Dock strike ends")
        .unwrap();
    assert_eq!(moved["id"], id.as_str(), "same id wherever it lives");
    assert_eq!(
        moved["path"].as_str().unwrap(),
        archive.join("strike-2024.txt").display().to_string()
    );
    // the bookmark is not missing, and `show` finds it by id
    let marks = stdout(quoth(h).arg("--config").arg(&config).arg("bookmarks"));
    assert!(marks.contains(&id) && !marks.contains("missing"), "{marks}");
    quoth(h)
        .arg("--config")
        .arg(&config)
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Dock strike ends\n"));
    // `quoth list` shows what the reader shows: same ids, same order
    let text = stdout(quoth(h).arg("--config").arg(&config).arg("list"));
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let json_ids: Vec<String> = rows
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, json_ids);
}

/// A bookmark made while reading a folder outside the config's library:
/// `quoth bookmarks` says where it is instead of calling it missing, and
/// `quoth show` opens it, as the reader does; missing only once the file
/// is gone.
#[test]
fn a_bookmark_from_another_folder_is_not_missing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (news, other) = (h.join("news"), h.join("other"));
    fs::create_dir_all(&news).unwrap();
    fs::create_dir_all(&other).unwrap();
    fs::write(news.join("a.txt"), "In the library\n\nHere.\n").unwrap();
    let file = other.join("trip.txt");
    fs::write(&file, "A trip abroad\n\nRead in another folder.\n").unwrap();
    let config = h.join("config.toml");
    fs::write(&config, "library = [\"news\"]\n").unwrap();

    // read in the other folder (as `quoth other` does), bookmarked by id
    let listed = stdout(
        quoth(h)
            .arg("--config")
            .arg(&config)
            .arg("list")
            .arg(&other)
            .args(["--format", "json"]),
    );
    let row: serde_json::Value = serde_json::from_str(listed.lines().next().unwrap()).unwrap();
    let id = row["id"].as_str().unwrap().to_string();
    quoth(h)
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("A trip abroad"));

    check_bookmark(h, &config, &id, &file, true);
    // the index is a cache: without it the bookmark's recorded file is
    // checked (it still holds the article)
    fs::remove_dir_all(h.join("data")).unwrap();
    check_bookmark(h, &config, &id, &file, true);
    // the file gone: missing
    fs::remove_file(&file).unwrap();
    check_bookmark(h, &config, &id, &file, false);
}

/// The one bookmark, `id`, as `quoth bookmarks` (text and JSON) and
/// `quoth show` see it: outside the library at `file` while it `exists`,
/// else missing.
fn check_bookmark(h: &Path, config: &Path, id: &str, file: &Path, exists: bool) {
    let text = stdout(quoth(h).arg("--config").arg(config).arg("bookmarks"));
    let flag = if exists {
        format!("[outside the library: {}]", file.display())
    } else {
        "[missing]".to_string()
    };
    assert!(text.contains(id) && text.contains(&flag), "{text}");
    assert_eq!(text.contains("[missing]"), !exists, "{text}");
    let json = stdout(
        quoth(h)
            .arg("--config")
            .arg(config)
            .args(["bookmarks", "--format", "json"]),
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), 1, "{json}");
    assert_eq!(rows[0]["missing"], !exists, "{json}");
    let show = quoth(h)
        .arg("--config")
        .arg(config)
        .args(["show", id])
        .assert();
    if exists {
        assert_eq!(rows[0]["elsewhere"], file.display().to_string(), "{json}");
        // it opens, as in the reader
        show.success()
            .stdout(predicate::str::starts_with("A trip abroad\n"));
    } else {
        assert!(rows[0]["elsewhere"].is_null(), "{json}");
        show.code(1)
            .stderr(predicate::str::contains("no article with id"));
    }
}

#[test]
fn bundled_articles_have_no_made_up_path() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(quoth(home.path()).args(["list", "--format", "json"]));
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["path"].is_null(), "{l}");
        assert!(
            v["bundled"].as_str().is_some_and(|b| !b.contains('/')),
            "{l}"
        );
    }
}

#[test]
fn quotes_by_speaker_as_text_and_json() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let text = stdout(quoth(h).args(["quotes", "--speaker", "arthur MENSCH"]));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Arthur Mensch — 3 quotes in 1 article"));
    let article = lines.next().unwrap();
    assert!(
        article.starts_with("  undated  Le lancement de ChatGPT"),
        "{article}"
    );
    let quotes: Vec<&str> = lines.collect();
    assert_eq!(quotes.len(), 3, "{text}");
    assert!(quotes.iter().all(|q| q.starts_with("    ")));
    assert!(text.contains("“Nous continuerons à travailler sur les deux pistes.”"));

    // part of a name finds every speaker who has it
    let json = stdout(quoth(h).args(["quotes", "--speaker", "mensch", "--format", "json"]));
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    for r in &rows {
        assert_eq!(r["speaker"], "Arthur Mensch");
        for key in ["text", "kind", "id", "title", "date", "path"] {
            assert!(r.get(key).is_some(), "{key}");
        }
    }
    // every quote of the library, grouped by speaker, most quoted first
    let all = stdout(quoth(h).arg("quotes"));
    let heads: Vec<&str> = all
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert!(heads.len() > 10, "{all}");
    let count = |l: &str| -> usize {
        l.split(" — ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(heads.windows(2).all(|w| count(w[0]) >= count(w[1])));
    // --since keeps dated articles from that day on
    let since = stdout(quoth(h).args(["quotes", "--since", "2026-08-01", "--format", "json"]));
    assert!(
        since.lines().all(|l| l.contains("\"date\":\"2026-08")),
        "{since}"
    );
    assert!(!since.is_empty());
    // nobody by that name: a message, exit 1
    quoth(h)
        .args(["quotes", "--speaker", "Nobody Atall"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no quotes by \"Nobody Atall\""));
    quoth(h)
        .args(["quotes", "--since", "soon"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--since \"soon\""));
}
