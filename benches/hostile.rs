//! Hostile sizes: each input that used to take time growing with its square
//! (issue 13, item 4) is timed at n, 2n and 4n. Linear code takes about
//! twice as long for twice the input, quadratic code four times; memory
//! caches make even linear code a little worse than 2 on big inputs, so the
//! verdict is on 4n against n: linear about 4 to 5, quadratic about 16. The
//! run fails (exit 1) if any case grows by more than [`MAX_GROWTH`] there.
//!
//!     cargo bench --bench hostile
//!
//! Cases: JSON Lines records (line numbers per record), Markdown links (the
//! numbered list of targets), config warnings (unknown keys, line and
//! column of each), bookmarks with repeated ids (the duplicate warning).

use std::path::Path;
use std::time::{Duration, Instant};

use quoth::article::formats::{self, Kind};

/// Four times the input may take at most this many times as long (the
/// geometric middle of linear, 4, and quadratic, 16).
const MAX_GROWTH: f64 = 8.0;

fn jsonl(n: usize) -> String {
    (0..n)
        .map(|i| format!("{{\"title\":\"T{i}\",\"body\":\"Body number {i}.\"}}\n"))
        .collect()
}

fn markdown_links(n: usize) -> String {
    let mut s = String::from("# Links\n\n");
    for i in 0..n {
        s.push_str(&format!("See [link {i}](https://e.org/{i}).\n\n"));
    }
    s
}

fn unknown_keys(n: usize) -> String {
    (0..n).map(|i| format!("unknown{i} = 1\n")).collect()
}

fn repeated_bookmarks(n: usize) -> String {
    (0..n)
        .map(|i| format!("[[bookmarks]]\nid = \"id{}\"\ntitle = \"T\"\n\n", i % 1000))
        .collect()
}

/// Best of three runs, so another process on the machine counts less.
fn time(f: &dyn Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("three runs")
}

fn main() {
    type Case = (&'static str, usize, fn(usize) -> String, fn(&str));
    let cases: [Case; 4] = [
        ("JSON Lines records", 25_000, jsonl, |t| {
            let a = formats::parse(Kind::JsonLines, Path::new("a.jsonl"), t.as_bytes());
            assert!(a.is_ok_and(|a| !a.is_empty()));
        }),
        ("Markdown links", 25_000, markdown_links, |t| {
            let a = formats::parse(Kind::Markdown, Path::new("a.md"), t.as_bytes());
            assert!(a.is_ok());
        }),
        ("config unknown keys", 20_000, unknown_keys, |t| {
            let p = quoth::config::parse(Path::new("c.toml"), t.as_bytes()).expect("valid");
            assert!(!p.warnings.is_empty());
        }),
        ("bookmarks, repeated ids", 25_000, repeated_bookmarks, |t| {
            let p = quoth::config::parse(Path::new("c.toml"), t.as_bytes()).expect("valid");
            assert!(!p.bookmarks.is_empty());
        }),
    ];
    let mut failed = false;
    println!(
        "{:<24} {:>7} {:>9} {:>9} {:>9} {:>6} {:>6}",
        "case", "n", "n", "2n", "4n", "2n/n", "4n/n"
    );
    for (name, n, make, run) in cases {
        let t: Vec<f64> = [1, 2, 4]
            .map(|k| {
                let input = make(k * n);
                time(&|| run(&input)).as_secs_f64()
            })
            .to_vec();
        let (g2, g4) = (t[1] / t[0].max(1e-9), t[2] / t[0].max(1e-9));
        let flag = if g4 > MAX_GROWTH {
            failed = true;
            "  NOT LINEAR"
        } else {
            ""
        };
        println!(
            "{name:<24} {n:>7} {:>7.1}ms {:>7.1}ms {:>7.1}ms {g2:>6.2} {g4:>6.2}{flag}",
            t[0] * 1e3,
            t[1] * 1e3,
            t[2] * 1e3
        );
    }
    if failed {
        eprintln!(
            "some case grows faster than linearly (more than {MAX_GROWTH}x for 4x the input)"
        );
        std::process::exit(1);
    }
}
