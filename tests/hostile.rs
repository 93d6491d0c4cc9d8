//! Hostile input (issue 13): file names and keys that try to steer the
//! terminal, FIFOs, devices, link loops, endless streams. Every command
//! must answer, promptly, with output a terminal can show safely.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

mod common;
use common::Exits;

use quoth::text::is_unsafe;

/// Long enough for a debug build on a loaded machine; a hang never ends.
const PROMPT: Duration = Duration::from_secs(60);

fn quoth(home: &Path) -> assert_cmd::Command {
    let mut cmd = common::quoth(home);
    cmd.timeout(PROMPT);
    cmd
}

/// Names that retitle the terminal (OSC 0), write the clipboard (OSC 52),
/// clear the screen (CSI 2J), use the C1 CSI, reverse the line (RLO), or
/// split a row (newline, tab).
const HOSTILE: [&str; 6] = [
    "title\u{1b}]0;pwned\u{7}.txt",
    "clip\u{1b}]52;c;cHduZWQ=\u{7}.txt",
    "clear\u{1b}[2J.txt",
    "c1\u{9b}31m.txt",
    "rlo\u{202e}txt.exe.txt",
    "two\nlines\tand tab.txt",
];

/// Output is safe when no line holds a character a terminal would act on
/// (the line breaks between lines are the output's own).
fn assert_inert(what: &str, out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    for line in text.lines() {
        assert!(
            !line.chars().any(is_unsafe),
            "{what}: unsafe character in {line:?}"
        );
    }
}

fn hostile_library(good: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, name) in HOSTILE.iter().enumerate() {
        let body = if good {
            format!("Title {i}\n\nBody {i}, said nobody.\n")
        } else {
            String::new() // empty: a problem, reported with its path
        };
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    dir
}

#[test]
fn list_escapes_hostile_names_in_text_and_json() {
    let home = tempfile::tempdir().unwrap();
    let lib = hostile_library(true);
    let out = quoth(home.path()).arg("list").arg(lib.path()).exits(0);
    assert_inert("list", &out.stdout);
    // one row per article under the header: a newline in a name splits none
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 7);
    assert!(String::from_utf8_lossy(&out.stdout).contains("two\\nlines\\tand tab.txt"));

    let out = quoth(home.path())
        .args(["list", "--format", "json"])
        .arg(lib.path())
        .exits(0);
    assert_inert("list --format json", &out.stdout);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\\u009b") && text.contains("\\u202e"),
        "{text}"
    );
    // the JSON still gives the real path
    let mut paths: Vec<PathBuf> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| PathBuf::from(v["path"].as_str().unwrap()))
        .collect();
    paths.sort();
    let mut want: Vec<PathBuf> = HOSTILE.iter().map(|n| lib.path().join(n)).collect();
    want.sort();
    assert_eq!(paths, want);
}

#[test]
fn check_show_and_analyze_escape_paths_in_problems_and_errors() {
    let home = tempfile::tempdir().unwrap();
    let lib = hostile_library(false);
    let out = quoth(home.path()).arg("check").arg(lib.path()).exits(1);
    assert_inert("check", &out.stdout);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 7);
    for name in HOSTILE {
        let path = lib.path().join(name);
        let out = quoth(home.path()).arg("show").arg(&path).exits(1);
        assert_inert("show", &out.stderr);
        assert!(!out.stderr.is_empty());
        let out = quoth(home.path()).arg("analyze").arg(&path).exits(1);
        assert_inert("analyze", &out.stderr);
        assert!(String::from_utf8_lossy(&out.stderr).contains("empty file"));
        // a path that does not exist is named safely too
        let out = quoth(home.path())
            .arg("analyze")
            .arg(lib.path().join(format!("missing-{name}")))
            .exits(1);
        assert_inert("analyze missing", &out.stderr);
    }
}

#[test]
fn analyze_text_and_json_are_safe_with_raw_input() {
    let home = tempfile::tempdir().unwrap();
    let lib = hostile_library(true);
    for format in ["text", "json"] {
        let out = quoth(home.path())
            .args(["analyze", "--raw", "--format", format])
            .arg(lib.path())
            .write_stdin("")
            .exits(0);
        assert_inert(format, &out.stdout);
        assert!(String::from_utf8_lossy(&out.stdout).contains("Body"));
    }
    // raw text on stdin with escapes of its own
    let out = quoth(home.path())
        .args(["analyze", "--raw", "--format", "json", "-"])
        .write_stdin("\u{1b}]0;x\u{7}Le ministre a dit \u{9b}2J « Non ».\u{202e}")
        .exits(0);
    assert_inert("analyze stdin json", &out.stdout);
}

#[test]
fn config_warnings_and_bookmark_ids_are_escaped() {
    let home = tempfile::tempdir().unwrap();
    let config = common::write_config(
        home.path(),
        "\"\\u001b]0;pwned\\u0007\" = 1\n\"\\u009b2J\" = 2\n[[bookmarks]]\nid = \"\\u001b[2J\\u202e\"\ntitle = \"T\"\n",
    );
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .exits(0);
    assert_inert("bookmarks stdout", &out.stdout);
    assert_inert("bookmarks stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown key `\\u{1b}]0;pwned\\u{7}`"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u{1b}[2J\\u{202e}"));
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "--format", "json"])
        .exits(0);
    assert_inert("bookmarks json", &out.stdout);
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args([
            "bookmarks",
            "add",
            "x\u{1b}]52;c;AAAA\u{7}",
            "--title",
            "T\u{9b}",
        ])
        .exits(0);
    assert_inert("bookmarks add", &out.stdout);
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .args(["bookmarks", "remove", "\u{1b}]0;nope\u{7}"])
        .exits(1);
    assert_inert("bookmarks remove", &out.stderr);
}

#[test]
fn thousands_of_warnings_are_counted_not_listed() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let text: String = (0..500).map(|i| format!("unknown{i} = 1\n")).collect();
    std::fs::write(&config, text).unwrap();
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .exits(0);
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 21, "{err}");
    assert!(warnings[20].ends_with("and 480 more warnings"), "{err}");
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("feed.txt");
    mkfifo(&fifo);
    std::fs::write(dir.path().join("ok.txt"), "Title\n\nBody text here.\n").unwrap();
    let out = quoth(home.path()).arg("analyze").arg(&fifo).exits(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a FIFO (named pipe), not a file"), "{err}");
    // in a folder: reported, and the rest is read
    let out = quoth(home.path()).arg("check").arg(dir.path()).exits(1);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("feed.txt: is a FIFO"), "{text}");
    assert!(text.contains("1 article, 1 problem"), "{text}");
    quoth(home.path())
        .arg("analyze")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("ok.txt"));
    let out = quoth(home.path()).arg("show").arg(&fifo).exits(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("FIFO"), "{err}");
    // the reader's library may not be one either
    let out = quoth(home.path()).arg("list").arg(&fifo).exits(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("FIFO"), "{err}");
}

/// A name the scan saw as a file can be a FIFO by the time it is read: the
/// read checks what it opened, without blocking.
#[test]
fn a_file_turned_fifo_after_the_scan_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("late.txt");
    mkfifo(&fifo);
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let r = quoth::article::files::read_capped(&path, 1 << 20);
        let _ = tx.send(r.map_err(|e| format!("{e:#}")));
    });
    let r = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("reading a FIFO must not block");
    assert_eq!(r.unwrap_err(), "is a FIFO (named pipe), not a file");
}

#[test]
fn devices_links_to_them_and_endless_stdin_are_capped() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for path in [Path::new("/dev/zero"), link.as_path()] {
        let out = quoth(home.path()).arg("analyze").arg(path).exits(1);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is a device, not a file"), "{err}");
    }
    // endless standard input: stopped at the loader's limit
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["analyze", "-"])
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("QUOTH_DATA_DIR", home.path().join("data"))
        .stdin(Stdio::from(std::fs::File::open("/dev/zero").unwrap()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input: too large: more than 10 MB"),
        "{err}"
    );
}

/// `a/loop -> .` and `a/b/up -> ..`: with links followed blindly the walk
/// never ends (two loops grow exponentially); each real file is read once.
fn looped_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    std::fs::create_dir_all(a.join("b")).unwrap();
    std::fs::write(a.join("one.txt"), "One\n\nFirst body.\n").unwrap();
    std::fs::write(a.join("b/two.txt"), "Two\n\nSecond body.\n").unwrap();
    std::os::unix::fs::symlink(".", a.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", a.join("b/up")).unwrap();
    // a second name for a file is the same article
    std::os::unix::fs::symlink("one.txt", a.join("same.txt")).unwrap();
    // a link to a folder elsewhere is followed
    let other = tempfile::tempdir_in(dir.path()).unwrap();
    std::fs::write(other.path().join("three.txt"), "Three\n\nThird body.\n").unwrap();
    std::os::unix::fs::symlink(other.path(), a.join("elsewhere")).unwrap();
    std::mem::forget(other); // removed with `dir`
    dir
}

#[test]
fn link_loops_end_and_each_real_file_is_read_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = looped_library();
    let root = dir.path().join("a");
    let out = quoth(home.path())
        .args(["analyze", "--format", "json"])
        .arg(&root)
        .exits(0);
    let paths: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].to_string())
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    let lib = quoth::library::load(&root).unwrap();
    let mut titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["One", "Three", "Two"]);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
}

/// A folder deep enough that its path is too long to open: said, and the
/// rest of the walk goes on.
#[test]
fn a_path_too_long_is_reported_and_the_rest_analysed() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Ok\n\nThe body.\n").unwrap();
    make_deep(dir.path(), &"d".repeat(200), 24, b"Deep\n\nToo far down.\n");
    let out = quoth(home.path()).arg("analyze").arg(dir.path()).exits(1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.txt"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("too long"), "{err}");
    let out = quoth(home.path()).arg("check").arg(dir.path()).exits(1);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("too long"), "{text}");
}

/// `depth` nested folders named `name` under `root`, and a `deep.txt` at
/// the bottom, made relative to each open folder (a path from the root
/// would be too long to create, which is the point).
fn make_deep(root: &Path, name: &str, depth: usize, body: &[u8]) {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |s: &[u8]| CString::new(s).unwrap();
    let name = c(name.as_bytes());
    // SAFETY: plain POSIX calls on descriptors opened and closed here.
    unsafe {
        let mut fd = libc::open(c(root.as_os_str().as_bytes()).as_ptr(), libc::O_DIRECTORY);
        assert!(fd >= 0);
        for _ in 0..depth {
            assert_eq!(libc::mkdirat(fd, name.as_ptr(), 0o755), 0);
            let next = libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY);
            assert!(next >= 0);
            libc::close(fd);
            fd = next;
        }
        let file = libc::openat(
            fd,
            c(b"deep.txt").as_ptr(),
            libc::O_CREAT | libc::O_WRONLY,
            0o644,
        );
        assert!(file >= 0);
        assert_eq!(
            libc::write(file, body.as_ptr().cast(), body.len()),
            body.len() as isize
        );
        libc::close(file);
        libc::close(fd);
    }
}

/// The config and the reading state are read through the same capped,
/// non-blocking read: a link to a device or a FIFO is an error at once.
#[test]
fn config_and_state_that_are_devices_or_fifos_do_not_hang() {
    let home = tempfile::tempdir().unwrap();
    let zero = home.path().join("config.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let out = quoth(home.path())
        .arg("--config")
        .arg(&zero)
        .arg("list")
        .exits(1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a device, not a file"), "{err}");
    let fifo = home.path().join("state.toml");
    mkfifo(&fifo);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (_, warnings) = quoth::store::state::ReadingState::open(&fifo);
        let _ = tx.send(warnings);
    });
    let warnings = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("opening a FIFO state must not block");
    assert!(warnings[0].contains("FIFO"), "{warnings:?}");
}
