//! Feeds end to end against a server on 127.0.0.1 that each test starts
//! itself: `quoth feeds`, `quoth fetch`, what is stored, what a second
//! fetch sends, and every way a feed can fail. Nothing leaves the machine.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use quoth::feeds::testserver::{Body, Reply, Request, Server};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds");

fn fixture(name: &str, base: &str) -> Vec<u8> {
    fs::read_to_string(Path::new(FIXTURES).join(name))
        .unwrap()
        .replace("{base}", base)
        .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The fixtures' server: good feeds with validators, and every kind of
/// failure the issue names.
fn server() -> Server {
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let b = Arc::clone(&base);
    let server = Server::start(move |req: &Request| {
        let base = b.get().cloned().unwrap_or_default();
        match req.path.as_str() {
            "/rss.xml" => {
                if req.header("if-none-match") == Some("\"rss-v1\"") {
                    return Reply::status(304);
                }
                Reply::ok("application/rss+xml", fixture("rss2.xml", &base))
                    .header("ETag", "\"rss-v1\"")
            }
            "/atom.xml" => {
                let lm = "Fri, 01 Mar 2024 09:00:00 GMT";
                if req.header("if-modified-since") == Some(lm) {
                    return Reply::status(304);
                }
                Reply::ok("application/atom+xml", fixture("atom.xml", &base))
                    .header("Last-Modified", lm)
            }
            "/feed.json" => {
                let body = fixture("feed.json", &base);
                // Compressed when asked, as servers do.
                if req
                    .header("accept-encoding")
                    .is_some_and(|a| a.contains("gzip"))
                {
                    Reply::ok("application/feed+json", gzip(&body))
                        .header("Content-Encoding", "gzip")
                        .header("ETag", "W/\"json-1\"")
                } else {
                    Reply::ok("application/feed+json", body)
                }
            }
            "/summary.xml" => Reply::ok("application/rss+xml", fixture("summary.xml", &base)),
            "/articles/story.html" => Reply::ok("text/html", fixture("story.html", &base)),
            "/escapes.json" => Reply::ok("application/feed+json", fixture("escapes.json", &base)),
            "/malformed.xml" => Reply::ok("application/rss+xml", fixture("malformed.xml", &base)),
            "/page.html" => Reply::ok("text/html", "<!DOCTYPE html><html><body>Hi</body></html>"),
            "/broken.xml" => Reply::status(500),
            "/slow.xml" => Reply::ok("application/rss+xml", fixture("rss2.xml", &base))
                .delayed(Duration::from_secs(3)),
            "/huge.xml" => {
                let mut r = Reply::ok("application/rss+xml", Vec::new());
                r.body = Body::Repeat {
                    byte: b' ',
                    len: 50 * 1024 * 1024,
                };
                r
            }
            "/huge-unsized.xml" => {
                let mut r = Reply::ok("application/rss+xml", Vec::new());
                r.body = Body::Repeat {
                    byte: b' ',
                    len: 50 * 1024 * 1024,
                };
                r.no_length = true;
                r
            }
            "/loop-a" => Reply::redirect("/loop-b"),
            "/loop-b" => Reply::redirect("/loop-a"),
            "/moved.xml" => Reply::redirect("/rss.xml"),
            _ => Reply::status(404),
        }
    });
    base.set(server.url("")).unwrap();
    server
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn config(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    fn quoth(&self) -> assert_cmd::Command {
        let mut cmd = common::quoth(self.path());
        cmd.env("QUOTH_CONFIG", self.config());
        for v in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "all_proxy",
            "ALL_PROXY",
        ] {
            cmd.env_remove(v);
        }
        cmd
    }

    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = self.quoth().args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn feeds_dir(&self) -> PathBuf {
        self.path().join("data/feeds")
    }

    fn stored(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if let Ok(dirs) = fs::read_dir(self.feeds_dir()) {
            for d in dirs.flatten() {
                for f in fs::read_dir(d.path()).unwrap().flatten() {
                    out.push(f.path());
                }
            }
        }
        out.sort();
        out
    }

    fn stored_text(&self) -> String {
        self.stored()
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect::<Vec<_>>()
            .join("\n=====\n")
    }
}

#[test]
fn subscribe_list_remove_keep_the_config() {
    let home = Home::new();
    fs::write(
        home.config(),
        "# my settings\nwidth = 72 # narrow\n\n[[bookmarks]]\nid = \"abc\"\ntitle = \"T\"\n",
    )
    .unwrap();
    let (ok, out, err) = home.run(&[
        "feeds",
        "add",
        "https://News.Example/rss",
        "--name",
        "Example",
        "--tag",
        "world",
        "--full-text",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("subscribed to https://news.example/rss (Example)"),
        "{out}"
    );
    home.run(&["feeds", "add", "https://other.example/atom.xml"]);
    let text = fs::read_to_string(home.config()).unwrap();
    assert!(
        text.starts_with("# my settings\nwidth = 72 # narrow\n"),
        "{text}"
    );
    assert!(text.contains("[[feeds]]\nurl = \"https://news.example/rss\"\nname = \"Example\"\ntags = [\"world\"]\nfull_text = true\n"), "{text}");
    // Twice is refused, the file untouched.
    let (ok, _, err) = home.run(&["feeds", "add", "https://news.example/rss"]);
    assert!(!ok && err.contains("already subscribed"), "{err}");
    assert_eq!(fs::read_to_string(home.config()).unwrap(), text);
    let (ok, _, err) = home.run(&["feeds", "add", "ftp://x.example/"]);
    assert!(!ok && err.contains("not an http or https address"), "{err}");
    let (_, out, _) = home.run(&["feeds"]);
    assert!(
        out.contains("  1  Example  https://news.example/rss  [world]  full text"),
        "{out}"
    );
    assert!(
        out.contains("  2  other.example  https://other.example/atom.xml"),
        "{out}"
    );
    let (_, out, _) = home.run(&["feeds", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["full_text"], true);
    // By name, by number.
    let (ok, out, _) = home.run(&["feeds", "remove", "example"]);
    assert!(
        ok && out.contains("unsubscribed from https://news.example/rss"),
        "{out}"
    );
    let (ok, _, _) = home.run(&["feeds", "remove", "1"]);
    assert!(ok);
    let text = fs::read_to_string(home.config()).unwrap();
    assert_eq!(
        text,
        "# my settings\nwidth = 72 # narrow\n\n[[bookmarks]]\nid = \"abc\"\ntitle = \"T\"\n"
    );
    // A name with an escape sequence is printed harmless.
    fs::write(
        home.config(),
        "[[feeds]]\nurl = \"https://x.example/\"\nname = \"Evil\\u001b]0;pwned\\u0007\"\n",
    )
    .unwrap();
    let (ok, out, err) = home.run(&["feeds"]);
    assert!(ok, "{err}");
    assert!(
        !out.contains('\u{1b}') && out.contains("Evil\\u{1b}]0;pwned\\u{7}"),
        "{out}"
    );
    // A broken config is refused untouched.
    fs::write(home.config(), "width = = 1\n").unwrap();
    let (ok, _, err) = home.run(&["feeds", "add", "https://x.example/"]);
    assert!(!ok && err.contains("invalid TOML"), "{err}");
    assert_eq!(fs::read_to_string(home.config()).unwrap(), "width = = 1\n");
}

#[test]
fn opml_and_newsboat_import_export() {
    let home = Home::new();
    let opml = home.path().join("subs.opml");
    fs::write(
        &opml,
        r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="News"><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/></outline>
<outline type="rss" text="Blog" xmlUrl="https://blog.example/atom"/></body></opml>"#,
    )
    .unwrap();
    let (ok, out, err) = home.run(&["feeds", "import", opml.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains("2 new subscriptions, 0 already there, 0 skipped"),
        "{out}"
    );
    let urls = home.path().join("urls");
    fs::write(
        &urls,
        "https://wire.example/rss\nhttps://nb.example/feed \"~NB Feed\" tech\nquery:x:unread = \"yes\"\n",
    )
    .unwrap();
    let (ok, out, err) = home.run(&["feeds", "import", urls.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        out.contains("1 new subscription, 1 already there, 1 skipped"),
        "{out}"
    );
    assert!(err.contains("line 3"), "{err}");
    let (ok, out, _) = home.run(&["feeds", "export"]);
    assert!(ok);
    assert!(
        out.contains(r#"<outline text="News" title="News">"#),
        "{out}"
    );
    assert!(out.contains(r#"xmlUrl="https://nb.example/feed""#), "{out}");
    assert!(out.contains(r#"text="NB Feed""#), "{out}");
    let (ok, _, err) = home.run(&["feeds", "import", "nope.opml"]);
    assert!(!ok && err.contains("cannot read nope.opml"), "{err}");
}

fn subscribe(home: &Home, server: &Server, paths: &[(&str, &str)]) {
    let mut text = String::new();
    for (path, extra) in paths {
        text.push_str(&format!(
            "[[feeds]]\nurl = \"{}\"\n{extra}\n",
            server.url(path)
        ));
    }
    fs::write(home.config(), text).unwrap();
}

#[test]
fn fetch_stores_good_feeds_reports_bad_ones_and_is_conditional_the_second_time() {
    let server = server();
    let home = Home::new();
    subscribe(
        &home,
        &server,
        &[
            ("/rss.xml", "name = \"Le Fil\"\ntags = [\"fr\"]"),
            ("/atom.xml", ""),
            ("/feed.json", ""),
            ("/summary.xml", "full_text = true"),
            ("/escapes.json", ""),
            ("/gone.xml", ""),
            ("/broken.xml", ""),
            ("/slow.xml", ""),
            ("/huge.xml", ""),
            ("/huge-unsized.xml", ""),
            ("/loop-a", ""),
            ("/malformed.xml", ""),
            ("/page.html", ""),
        ],
    );
    let t = Instant::now();
    let (ok, out, err) = home.run(&["fetch", "--timeout", "1", "--jobs", "8"]);
    assert!(!ok, "a failed feed makes exit 1\n{out}{err}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    let failed = |path: &str, reason: &str| {
        let line = out
            .lines()
            .find(|l| l.starts_with("failed") && l.contains(&format!("({})", server.url(path))))
            .unwrap_or_else(|| panic!("no failure line for {path}\n{out}"));
        assert!(line.contains(reason), "{path}: {line}");
    };
    failed("/gone.xml", "HTTP 404 Not Found");
    failed("/broken.xml", "HTTP 500 Internal Server Error");
    failed("/slow.xml", "timed out after 1 s");
    failed("/huge.xml", "response too large: 50.0 MB (limit 10 MB)");
    failed("/huge-unsized.xml", "response too large: over 10 MB");
    failed("/loop-a", "too many redirects");
    failed("/malformed.xml", "malformed feed");
    failed("/page.html", "not a feed: the address gives a web page");
    assert!(
        out.contains("ok      Le Fil: 2 new, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert!(
        out.contains("13 feeds in") && out.contains("7 new, 0 updated; 8 failed"),
        "{out}"
    );
    assert!(
        out.contains("summary only: ") && out.contains("missing.html: HTTP 404 Not Found"),
        "{out}"
    );
    assert_eq!(home.stored().len(), 7, "{:?}", home.stored());

    // What was stored reads back as articles, the feed as their source.
    let (ok, list, err) = home.run(&["list", "--format", "json"]);
    assert!(ok, "{err}");
    let rows: Vec<serde_json::Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let row = |title: &str| {
        rows.iter()
            .find(|r| r["title"] == title)
            .unwrap_or_else(|| panic!("{title} not listed\n{list}"))
            .clone()
    };
    let m = row("Mistral AI lève des fonds");
    assert_eq!(m["source"], "Le Fil");
    assert_eq!(m["language"], "fr");
    assert_eq!(m["author"], "Jeanne Martin");
    assert_eq!(m["url"], server.url("/news/mistral"));
    assert_eq!(m["tags"], serde_json::json!(["fr"]));
    assert_eq!(row("Port strike ends in Rotterdam")["source"], "Atom Wire");
    assert_eq!(row("Budget vote delayed")["author"], "Ada Byron");
    assert_eq!(row("Full story available")["source"], "Summaries Only");
    let text = home.stored_text();
    // Full text from the page, without its script, style or menu.
    assert!(text.contains("the mayor said after the vote"), "{text}");
    assert!(
        !text.contains("TRACKING")
            && !text.contains("INLINE-SCRIPT")
            && !text.contains("display: none")
    );
    assert!(!text.contains("Sport"), "{text}");
    assert!(
        text.contains("Only this summary survives.")
            && text.contains(
                "Summary only: the full article could not be fetched (HTTP 404 Not Found)"
            )
    );
    // No escape sequence, no script or style text, anywhere.
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{c:?} stored");
    }
    assert!(
        !text.contains("SCRIPT-TEXT") && !text.contains("STYLE-TEXT"),
        "{text}"
    );
    assert!(
        text.contains("title: \"Title with red and bell\""),
        "{text}"
    );
    let id = rows
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with("Title with"))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, shown, _) = home.run(&["show", &id]);
    assert!(
        !shown.contains('\u{1b}') && shown.contains("blink"),
        "{shown}"
    );

    // `quoth feeds` tells how each fetch went.
    let (_, subs, _) = home.run(&["feeds"]);
    assert!(
        subs.contains("  6  127.0.0.1  ") && subs.contains(": failed: HTTP 404 Not Found"),
        "{subs}"
    );
    assert!(subs.contains(": 2 articles"), "{subs}");

    // The requests: a clear User-Agent, gzip asked for.
    let first = server.requests();
    assert!(first.iter().all(|r| {
        r.header("user-agent")
            .is_some_and(|u| u.starts_with("quoth/"))
    }));
    assert!(first.iter().any(|r| {
        r.path == "/feed.json"
            && r.header("accept-encoding")
                .is_some_and(|a| a.contains("gzip"))
    }));
    let before = fs::read_to_string(home.path().join("data/feeds-state.json")).unwrap();
    assert!(before.contains("\"etag\": \"\\\"rss-v1\\\"\""), "{before}");

    // Again: nothing new, nothing rewritten, conditional requests.
    let stamps: Vec<_> = home
        .stored()
        .iter()
        .map(|p| fs::metadata(p).unwrap().modified().unwrap())
        .collect();
    let (_, out2, _) = home.run(&["fetch", "--timeout", "1", "--jobs", "8"]);
    assert!(out2.contains("ok      Le Fil: not modified"), "{out2}");
    assert!(out2.contains("ok      Atom Wire: not modified"), "{out2}");
    assert!(
        out2.contains("ok      JSON Daily: 0 new, 0 updated, 1 unchanged"),
        "{out2}"
    );
    assert!(out2.contains(": 0 new, 0 updated; 8 failed"), "{out2}");
    assert_eq!(home.stored().len(), 7);
    let after: Vec<_> = home
        .stored()
        .iter()
        .map(|p| fs::metadata(p).unwrap().modified().unwrap())
        .collect();
    assert_eq!(stamps, after, "a file was rewritten");
    let second: Vec<Request> = server.requests()[first.len()..].to_vec();
    let get = |path: &str| second.iter().find(|r| r.path == path).unwrap();
    assert_eq!(get("/rss.xml").header("if-none-match"), Some("\"rss-v1\""));
    assert_eq!(
        get("/atom.xml").header("if-modified-since"),
        Some("Fri, 01 Mar 2024 09:00:00 GMT")
    );
    assert_eq!(
        get("/feed.json").header("if-none-match"),
        Some("W/\"json-1\"")
    );
    // An unchanged summary-only item does not fetch its page again.
    assert!(
        !second.iter().any(|r| r.path.starts_with("/articles/")),
        "{second:?}"
    );
}

#[test]
fn an_edited_item_replaces_its_file() {
    let version = Arc::new(std::sync::atomic::AtomicUsize::new(1));
    let v = Arc::clone(&version);
    let server = Server::start(move |_req| {
        let n = v.load(std::sync::atomic::Ordering::Relaxed);
        let body = format!(
            r#"<rss version="2.0"><channel><title>Edits</title>
<item><title>Story v{n}</title><link>http://127.0.0.1/s</link><guid>s-1</guid><description>Text version {n}.</description></item>
</channel></rss>"#
        );
        Reply::ok("application/rss+xml", body)
    });
    let home = Home::new();
    subscribe(&home, &server, &[("/edits.xml", "")]);
    let (ok, out, _) = home.run(&["fetch"]);
    assert!(ok && out.contains("1 new, 0 updated"), "{out}");
    version.store(2, std::sync::atomic::Ordering::Relaxed);
    let (ok, out, _) = home.run(&["fetch"]);
    assert!(ok && out.contains("0 new, 1 updated"), "{out}");
    let files = home.stored();
    assert_eq!(files.len(), 1);
    let text = fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.contains("title: \"Story v2\"") && text.contains("Text version 2."),
        "{text}"
    );
}

#[test]
fn fetch_without_subscriptions_says_how() {
    let home = Home::new();
    let (ok, _, err) = home.run(&["fetch"]);
    assert!(ok && err.contains("quoth feeds add URL"), "{err}");
}
