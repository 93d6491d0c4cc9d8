//! Messages a new user meets (issue 13, items 5–9): each names the file and
//! what is wrong, and nothing is lost or silently replaced.

use std::path::Path;

mod common;
use common::Exits;

use predicates::prelude::*;

fn quoth(home: &Path) -> assert_cmd::Command {
    common::quoth(home)
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Files are counted as files, not as problems: one JSON Lines file with
/// three bad records is one file.
#[test]
fn list_counts_files_not_problems() {
    let home = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    std::fs::write(
        lib.path().join("feed.jsonl"),
        "{\"title\":\"A\"}\n{\"title\":\"B\"}\n{\"title\":\"C\"}\n{\"title\":\"D\",\"body\":\"ok\"}\n",
    )
    .unwrap();
    std::fs::write(lib.path().join("empty.txt"), "").unwrap();
    quoth(home.path())
        .arg("list")
        .arg(lib.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("quoth: 2 files (4 problems) in "));
}

#[test]
fn a_folder_as_config_is_said_once() {
    let home = tempfile::tempdir().unwrap();
    let out = quoth(home.path())
        .args(["--config", "."])
        .arg("list")
        .exits(1);
    assert_eq!(
        stderr_of(&out),
        "quoth: cannot read config .: is a folder, not a file\n"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_config_is_refused_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let original = "# mine, read-only on purpose\nwidth = 70\n";
    let config = common::write_config(home.path(), original);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", "0123456789abcdef", "--title", "T"])
        .exits(1);
    let err = stderr_of(&out);
    assert!(err.contains("config.toml: the file is read-only"), "{err}");
    assert!(err.contains("make it writable"), "{err}");
    // a command exits: nothing is "kept for a retry"
    assert!(!err.contains("kept"), "{err}");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), original);
    let mode = std::fs::metadata(&config).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn utf16_with_a_bom_and_utf8_bom_json_load() {
    let home = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Récit en UTF-16\n\nLe maire a parlé.\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(lib.path().join("windows.txt"), utf16).unwrap();
    std::fs::write(
        lib.path().join("bom.json"),
        "\u{feff}{\"title\": \"Avec BOM\", \"body\": \"Corps.\"}",
    )
    .unwrap();
    let out = quoth(home.path()).arg("check").arg(lib.path()).exits(0);
    assert!(stdout_of(&out).starts_with("2 articles, no problems"));
    quoth(home.path())
        .arg("list")
        .arg(lib.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Récit en UTF-16"))
        .stdout(predicate::str::contains("Avec BOM"));
}

/// A record with a date quoth cannot read is analysed without it; the
/// field is named.
#[test]
fn a_bad_date_is_dropped_and_named_not_fatal() {
    let home = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let file = lib.path().join("news.json");
    std::fs::write(
        &file,
        r#"[{"title": "Un", "body": "« Nous resterons », a déclaré Jean Dupont.", "date": "yesterday"},
            {"title": "Deux", "body": "Rien.", "date": "2024-05-01"}]"#,
    )
    .unwrap();
    let out = quoth(home.path())
        .args(["analyze", "--format", "json"])
        .arg(&file)
        .exits(0);
    assert_eq!(stdout_of(&out).lines().count(), 2);
    let err = stderr_of(&out);
    assert!(
        err.contains("record 1: field `date`: cannot read date \"yesterday\"")
            && err.contains("loaded without it"),
        "{err}"
    );
    // the reader's loader keeps it too, and check reports the field
    let out = quoth(home.path()).arg("check").arg(lib.path()).exits(1);
    let text = stdout_of(&out);
    assert!(text.contains("2 articles, 1 problem"), "{text}");
    assert!(text.contains("field `date`"), "{text}");
}

#[test]
fn plain_text_on_stdin_is_a_body() {
    let home = tempfile::tempdir().unwrap();
    let out = quoth(home.path())
        .args(["analyze", "--format", "json", "-"])
        .write_stdin("« Nous ne céderons pas », a déclaré Marie Curie.\n")
        .exits(0);
    let doc: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(doc["title"], serde_json::Value::Null);
    assert!(
        doc["text"]
            .as_str()
            .unwrap()
            .contains("Nous ne céderons pas")
    );
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 1);
    // JSON on stdin is still read as articles
    let out = quoth(home.path())
        .args(["analyze", "--format", "json", "-"])
        .write_stdin(r#"{"title": "T", "body": "Corps du texte."}"#)
        .exits(0);
    let doc: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(doc["title"], "T");
}

/// A folder of files quoth does not read says which, and what it reads.
#[test]
fn skipped_files_are_named_with_the_formats_read() {
    let home = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    std::fs::write(lib.path().join("feed.rss"), "<rss/>").unwrap();
    std::fs::write(lib.path().join("page.html"), "<html/>").unwrap();
    let out = quoth(home.path()).arg("check").arg(lib.path()).exits(0);
    let text = stdout_of(&out);
    assert!(
        text.contains("2 other files skipped (quoth reads .txt, .md"),
        "{text}"
    );
    assert!(
        text.contains("feed.rss") && text.contains("page.html"),
        "{text}"
    );
    let out = quoth(home.path()).arg("list").arg(lib.path()).exits(0);
    assert!(
        stderr_of(&out).contains("no articles in"),
        "{}",
        stderr_of(&out)
    );
}

/// A setting typed after a [[bookmarks]] table is inside it: the warning
/// says why and how to fix it.
#[test]
fn a_setting_after_bookmarks_is_explained() {
    let home = tempfile::tempdir().unwrap();
    let config = common::write_config(
        home.path(),
        "[[bookmarks]]\nid = \"a1\"\ntitle = \"A\"\nwidth = 70\n",
    );
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .exits(0);
    let err = stderr_of(&out);
    assert!(
        err.contains("config.toml:4:1: `width` is inside bookmark 1")
            && err.contains("move `width` above the first [[bookmarks]]"),
        "{err}"
    );
}

/// quoth's own [[bookmarks]] tables go after the user's settings and tables.
#[test]
fn new_bookmarks_go_at_the_end_of_the_file() {
    let home = tempfile::tempdir().unwrap();
    let original =
        "width = 80\n\n[[bookmarks]]\nid = \"a1\"\ntitle = \"A\"\n\n[theme]\nquote = \"red\"\n";
    let config = common::write_config(home.path(), original);
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", "b2", "--title", "B"])
        .assert()
        .success();
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.starts_with(original), "{text}");
    assert!(text[original.len()..].contains("id = \"b2\""), "{text}");
}
