//! The built binary: list, show and check on the bundled sample and on the
//! fixtures; exit codes 0 (ok), 1 (error or problems), 2 (usage).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

mod common;
use common::Exits;

use assert_cmd::Command;
use predicates::prelude::*;

/// The sample story as `quoth list` shows it: bundled, no path on disk.
const SAMPLE: &str = "(bundled) 000_597a4e4c925c446d.txt";
const SAMPLE_NAME: &str = "000_597a4e4c925c446d.txt";

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

/// quoth run from an empty folder with an empty home, so neither the working
/// directory nor a user config plays a part.
fn quoth(home: &tempfile::TempDir) -> Command {
    common::quoth(home.path())
}

fn sample_id(home: &tempfile::TempDir) -> String {
    let out = quoth(home)
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["bundled"] == SAMPLE_NAME && v["path"].is_null())
        .expect("the sample is listed")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn list_bundled_text() {
    let home = tempfile::tempdir().unwrap();
    quoth(&home)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ID "))
        .stdout(predicate::str::contains(SAMPLE))
        .stdout(predicate::str::contains("Le lancement de ChatGPT"))
        .stderr("");
}

#[test]
fn list_json_lines() {
    let home = tempfile::tempdir().unwrap();
    let out = quoth(&home)
        .args(["list", "--format", "json"])
        .arg(fixtures("good"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 8);
    for key in ["id", "title", "source", "date", "language", "words", "path"] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "{key}");
    }
    assert_eq!(rows[0]["title"], "Le port de Saint-Malo s’agrandit");
    assert_eq!(rows[0]["date"], "2024-06-02T00:00:00+00:00");
    assert_eq!(rows[0]["language"], "fr");
}

#[test]
fn list_broken_still_lists_and_warns() {
    let home = tempfile::tempdir().unwrap();
    quoth(&home)
        .arg("list")
        .arg(fixtures("broken"))
        .assert()
        .success()
        .stdout(predicate::str::contains("This record is fine"))
        .stderr(predicate::str::contains("quoth: 9 files in "))
        .stderr(predicate::str::contains("quoth check"));
}

#[test]
fn list_uses_the_config_library() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("quoth.toml");
    let lib = fixtures("good").display().to_string();
    std::fs::write(&config, format!("library = {lib:?}\n")).unwrap();
    quoth(&home)
        .arg("--config")
        .arg(&config)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("A guide to the night market"))
        .stdout(predicate::str::contains(SAMPLE).not());
}

#[test]
fn show_by_id_wraps_at_80_and_40() {
    let home = tempfile::tempdir().unwrap();
    let id = sample_id(&home);
    for (args, width) in [(vec![], 80), (vec!["--width", "40"], 40)] {
        let out = quoth(&home)
            .arg("show")
            .arg(&id)
            .args(&args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("Le lancement de ChatGPT"), "{text}");
        assert!(text.contains("\nCredit: AFP\n"));
        assert!(text.contains("\n\nLa startup française Mistral AI"));
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            widest <= width && widest > width - 15,
            "{widest} for {width}"
        );
    }
}

#[test]
fn show_by_prefix_name_and_path() {
    let home = tempfile::tempdir().unwrap();
    let id = sample_id(&home);
    for key in [&id[..8], "000_597a4e4c925c446d", SAMPLE_NAME, SAMPLE] {
        quoth(&home)
            .args(["show", key])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("Le lancement de ChatGPT"));
    }
    quoth(&home)
        .arg("show")
        .arg(fixtures("good/toml.md"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "A guide to the night market\nCity Notes · 2024-05-10 · by Lena Park · en · 1 min read\n",
        ))
        .stdout(predicate::str::contains("• grilled corn"))
        .stdout(predicate::str::contains("[1] https://example.org/map"));
}

#[test]
fn show_escapes_fixture_is_clean() {
    let home = tempfile::tempdir().unwrap();
    let out = quoth(&home)
        .arg("show")
        .arg(fixtures("good/escapes.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.starts_with("Breaking red news today\n"));
}

#[test]
fn show_errors_name_the_problem() {
    let home = tempfile::tempdir().unwrap();
    quoth(&home)
        .args(["show", "deadbeefdeadbeef"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("quoth: no article with id \"deadbeefdeadbeef\" and no such file in bundled sample library\n");
    let bad = fixtures("broken/bad.json");
    quoth(&home)
        .arg("show")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "quoth: {}: invalid JSON: EOF while parsing",
            bad.display()
        )));
    quoth(&home)
        .args(["show", "x", "--width", "3"])
        .assert()
        .code(2);
    quoth(&home).arg("show").assert().code(2);
}

#[test]
fn check_bundled_is_clean() {
    let home = tempfile::tempdir().unwrap();
    quoth(&home).arg("check").assert().success().stdout(
        predicate::str::is_match(r"^\d+ articles?, no problems in bundled sample library\n$")
            .unwrap(),
    );
}

#[test]
fn check_broken_lists_each_file_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let dir = fixtures("broken");
    let out = quoth(&home).arg("check").arg(&dir).exits(1);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // nine problems, the summary, and the file of another type skipped
    assert_eq!(lines.len(), 11, "{text}");
    assert!(lines[10].starts_with("1 other file skipped") && lines[10].ends_with("notes.csv"));
    for (file, reason) in [
        ("bad.json", "invalid JSON"),
        ("bad_toml.md", "bad TOML front matter"),
        ("bad_yaml.md", "bad YAML front matter"),
        ("binary.txt", "binary file"),
        ("empty.txt", "empty file"),
        ("invalid_utf8.txt", "invalid UTF-8"),
        ("no_title.md", "no title"),
        ("partial.jsonl", "record 2 (line 2)"),
        ("title_only.txt", "no body"),
    ] {
        let prefix = format!("{}: {reason}", dir.join(file).display());
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)),
            "{prefix}\n{text}"
        );
    }
    assert_eq!(
        lines[9],
        format!("1 article, 9 problems in {}", dir.display())
    );
}

#[test]
fn check_missing_root_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nowhere");
    quoth(&home)
        .arg("check")
        .arg(&missing)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "quoth: cannot open library {}: No such file or directory (os error 2)\n",
            missing.display()
        ));
}

#[test]
fn bad_usage_exits_2() {
    let home = tempfile::tempdir().unwrap();
    quoth(&home)
        .args(["list", "--format", "xml"])
        .assert()
        .code(2);
    quoth(&home).args(["check", "a", "b"]).assert().code(2);
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `quoth list | head -1` on a library big enough to fill the pipe
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for i in 0..2000 {
        std::fs::write(
            lib.join(format!("a{i:04}.txt")),
            format!("Article number {i} with a fairly long title\n\nBody {i}.\n"),
        )
        .unwrap();
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("quoth"))
        .arg("list")
        .arg(&lib)
        .env("HOME", home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("ID "));
    // the reader went away (stdout dropped above)
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
