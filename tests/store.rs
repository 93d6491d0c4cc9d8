//! Writes that never lose data: bookmarks round trip byte for byte, two
//! processes at once, a failure before the rename, a corrupt state file.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::process::{Command, Stdio};

mod common;
use common::quoth;

use quoth::config::{Bookmark, Bookmarks};
use quoth::store::state::{ReadingState, STATE_FILE};

const COMMENTED: &str = "\
# My quoth settings.   (odd spacing kept)
width    = 72   # narrow terminal
layers = 'quotes'

[theme]
# soft colours
quote = \"light blue\"

# Stories to finish.
[[bookmarks]]
id = \"aaaa000000000001\"
title = 'First story'   # literal string
added = 2026-11-01T10:00:00+01:00
note = \"keep\"

[keys]
# \"j\" = \"down\"

# end of file comment
";

#[test]
fn add_then_remove_leaves_every_byte() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    fs::write(&config, COMMENTED).unwrap();
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args([
            "bookmarks",
            "add",
            "bbbb000000000002",
            "--title",
            "Second «story»",
        ])
        .args(["--note", "for Monday", "--paragraph", "4"])
        .assert()
        .success();
    let added = fs::read_to_string(&config).unwrap();
    assert!(added.starts_with(&COMMENTED[..COMMENTED.find("[keys]").unwrap()]));
    assert!(added.contains("id = \"bbbb000000000002\""), "{added}");
    assert!(
        added.contains("note = \"for Monday\"\nparagraph = 4\n"),
        "{added}"
    );
    assert!(added.ends_with("[keys]\n# \"j\" = \"down\"\n\n# end of file comment\n"));
    let list = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["title"], "Second «story»");
    assert_eq!(json[1]["paragraph"], 4);
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "remove", "bbbb"])
        .assert()
        .success()
        .stdout("removed bbbb000000000002  Second «story»\n");
    assert_eq!(fs::read_to_string(&config).unwrap(), COMMENTED);
}

#[test]
fn library_round_trip_with_notes_and_positions() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, COMMENTED).unwrap();
    let mut marks = Bookmarks::open(&config).unwrap();
    marks.add(Bookmark::new("cccc000000000003", "Third", None));
    assert!(marks.set_note("aaaa000000000001", Some("changed")));
    assert!(marks.set_position("aaaa000000000001", Some(7)));
    marks.flush().unwrap();
    let mid = fs::read_to_string(&config).unwrap();
    assert!(mid.contains("note = \"changed\"\nparagraph = 8\n"), "{mid}");
    assert!(
        mid.contains("title = 'First story'   # literal string"),
        "{mid}"
    );
    assert!(marks.remove("cccc000000000003"));
    marks.set_note("aaaa000000000001", Some("keep"));
    marks.set_position("aaaa000000000001", None);
    marks.flush().unwrap();
    assert_eq!(fs::read_to_string(&config).unwrap(), COMMENTED);
}

/// Several real processes bookmark at the same moment; none is lost.
#[test]
fn concurrent_processes_lose_nothing() {
    let bin = env!("CARGO_BIN_EXE_quoth");
    for with_file in [false, true] {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("cfg/config.toml");
        if with_file {
            fs::create_dir_all(config.parent().unwrap()).unwrap();
            fs::write(&config, COMMENTED).unwrap();
        }
        let n = 8;
        let children: Vec<_> = (0..n)
            .map(|i| {
                Command::new(bin)
                    .current_dir(home.path())
                    .env("QUOTH_DATA_DIR", home.path().join("data"))
                    .env("QUOTH_CONFIG", &config)
                    .args(["bookmarks", "add", &format!("{i:016x}"), "--title"])
                    .arg(format!("Story {i}"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let marks = Bookmarks::open(&config).unwrap();
        let ids: HashSet<_> = marks.list().iter().map(|b| b.id.clone()).collect();
        for i in 0..n {
            assert!(ids.contains(&format!("{i:016x}")), "lost bookmark {i}");
        }
        let text = fs::read_to_string(&config).unwrap();
        if with_file {
            assert!(text.starts_with(&COMMENTED[..COMMENTED.find("[keys]").unwrap()]));
            assert!(text.contains("# end of file comment"));
            assert_eq!(ids.len(), n + 1);
        } else {
            assert_eq!(ids.len(), n);
        }
    }
}

/// A failure after the temporary file is written but before the rename:
/// the config is untouched, no temporary file remains, the bookmark is kept
/// in memory and saved by the next flush.
#[test]
fn failure_before_rename_keeps_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, COMMENTED).unwrap();
    let mut marks = Bookmarks::open(&config).unwrap();
    marks.add(Bookmark::new("dddd000000000004", "Fourth", None));
    let mut seen_tmp = None;
    let err = marks
        .flush_with(&mut |tmp| {
            let written = fs::read_to_string(tmp)?;
            assert!(written.contains("dddd000000000004"));
            seen_tmp = Some(tmp.to_path_buf());
            Err(io::Error::other("simulated crash"))
        })
        .unwrap_err();
    assert!(err.to_string().contains("simulated crash"), "{err}");
    assert_eq!(fs::read_to_string(&config).unwrap(), COMMENTED);
    assert!(!seen_tmp.unwrap().exists(), "temporary file left behind");
    assert_eq!(marks.pending(), 1);
    assert!(marks.contains("dddd000000000004"));
    marks.flush().unwrap();
    assert!(
        Bookmarks::open(&config)
            .unwrap()
            .contains("dddd000000000004")
    );
}

/// The file was broken by hand while quoth ran: nothing is written, the
/// change waits in memory until the file is fixed.
#[test]
fn broken_config_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, COMMENTED).unwrap();
    let mut marks = Bookmarks::open(&config).unwrap();
    marks.add(Bookmark::new("eeee000000000005", "Fifth", None));
    let broken = COMMENTED.replace("width    = 72", "width    = 72 72");
    fs::write(&config, &broken).unwrap();
    let err = marks.flush().unwrap_err().to_string();
    assert!(err.contains("config.toml:2:12: invalid TOML"), "{err}");
    assert_eq!(fs::read_to_string(&config).unwrap(), broken);
    fs::write(&config, COMMENTED).unwrap();
    marks.flush().unwrap();
    assert_eq!(Bookmarks::open(&config).unwrap().list().len(), 2);
}

#[test]
fn corrupt_state_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(STATE_FILE);
    let garbage = "[articles.x\nread = yes\n";
    fs::write(&path, garbage).unwrap();
    let (mut state, warnings) = ReadingState::open(&path);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("corrupt"), "{}", warnings[0]);
    assert!(!path.exists());
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(aside.len(), 1);
    let name = aside[0].file_name().unwrap().to_string_lossy().into_owned();
    let secs = name.strip_prefix("state.toml.corrupt-").unwrap();
    assert!(secs.parse::<u64>().is_ok(), "{name}");
    assert!(warnings[0].contains(&name));
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    // quoth goes on, and saves a fresh state next to the old one.
    state.mark_read("abc");
    state.set_position("abc", 2);
    state.save().unwrap();
    let (again, warnings) = ReadingState::open(&path);
    assert!(warnings.is_empty());
    assert!(again.is_read("abc"));
    assert_eq!(again.position("abc"), Some(2));
}

#[test]
fn state_with_wrong_types_is_corrupt_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(STATE_FILE);
    fs::write(&path, "[articles.abc]\nread = \"yes\"\n").unwrap();
    let (state, warnings) = ReadingState::open(&path);
    assert_eq!(warnings.len(), 1);
    assert!(!state.is_read("abc"));
    assert!(!path.exists());
}

/// A bookmark whose article left the library is listed, marked missing.
#[test]
fn missing_articles_stay_listed() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("lib");
    fs::create_dir_all(&lib).unwrap();
    fs::write(lib.join("a.txt"), "A title\n\nSome body text.\n").unwrap();
    let articles = quoth::library::load(&lib).unwrap().articles;
    assert_eq!(articles.len(), 1);
    let present = &articles[0];
    let config = home.path().join("config.toml");
    fs::write(&config, "library = \"lib\"\n").unwrap();
    // No --title: taken from the library.
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", &present.id])
        .assert()
        .success();
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", "ffff000000000006", "--title", "Gone"])
        .assert()
        .success();
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "add", "0000000000000007"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "not in the library; give --title",
        ));
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with(&present.id) && lines[0].ends_with("A title"));
    assert!(lines[1].starts_with("ffff000000000006") && lines[1].ends_with("Gone  [missing]"));
    let json = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json[0]["missing"], false);
    assert_eq!(json[1]["missing"], true);
    assert_eq!(json[0]["path"], lib.join("a.txt").display().to_string());
    quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "remove", "9999"])
        .assert()
        .code(1)
        .stderr(format!(
            "quoth: no bookmark with id 9999 in {}\n",
            config.display()
        ));
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    /// A hand-written config from pieces: comments, blank lines, settings,
    /// tables and bookmarks in any order, CRLF or not, final newline or not.
    fn config(pieces: &[u8], crlf: bool, final_newline: bool) -> String {
        let mut root = String::from("# my config\n");
        let mut tables = Vec::new();
        let (mut theme, mut keys, mut width) = (false, false, false);
        for (i, p) in pieces.iter().enumerate() {
            match p % 7 {
                0 => tables.push(format!("# about story {i}\n[[bookmarks]]\nid = \"old{i}\"\ntitle = 'Story {i}'  # mine\n")),
                1 if !theme => {
                    theme = true;
                    tables.push("[theme]\n# soft\nquote = \"light blue\"\n\n".into());
                }
                2 if !keys => {
                    keys = true;
                    tables.push("[keys]\n\"j\" = \"down\"   # vim\n".into());
                }
                3 if !width => {
                    width = true;
                    root.push_str("width  =  72 # narrow\n");
                }
                4 => tables.push(format!("\n# note {i}\n\n")),
                5 => root.push('\n'),
                _ => root.push_str(&format!("# root comment {i}\n")),
            }
        }
        let mut text = root + &tables.concat();
        if !final_newline {
            while text.ends_with('\n') {
                text.pop();
            }
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn added_then_removed_leaves_every_byte(
            pieces in prop::collection::vec(any::<u8>(), 0..12),
            crlf in any::<bool>(),
            final_newline in any::<bool>(),
            adds in 1usize..4,
        ) {
            let original = config(&pieces, crlf, final_newline);
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("config.toml");
            fs::write(&path, &original).unwrap();
            let before = Bookmarks::open(&path).unwrap().list().to_vec();
            let mut marks = Bookmarks::open(&path).unwrap();
            for k in 0..adds {
                marks.add(Bookmark::new(&format!("new{k}"), &format!("New {k}"), None));
                marks.flush().unwrap();
            }
            let after = Bookmarks::open(&path).unwrap();
            prop_assert_eq!(after.list().len(), before.len() + adds);
            prop_assert_eq!(&after.list()[..before.len()], &before[..]);
            for k in 0..adds {
                let id = format!("new{k}");
                prop_assert!(marks.remove(&id));
                marks.flush().unwrap();
            }
            let back = fs::read_to_string(&path).unwrap();
            prop_assert_eq!(back, original);
        }
    }
}
