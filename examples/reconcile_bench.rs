//! The reconcile of a library whose index is built: every file looked at
//! (size and modification time), new or changed ones read. Prints the wall
//! and CPU time (every thread of the process) of each run, after one run
//! that brings the index up to date; then the same for the library
//! thread's refresh (the reconcile, then the reader's list compared with
//! the index, as after another process wrote to it).
//!
//! ```sh
//! cargo run --release --example reconcile_bench -- LIBRARY INDEX [RUNS]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use quoth::library::Source;
use quoth::library::index::Index;
use quoth::library::reconcile;
use quoth::library::worker::{Listed, refresh};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(lib), Some(index)) = (args.first(), args.get(1)) else {
        eprintln!("usage: reconcile_bench LIBRARY INDEX [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).map_or(3, |r| r.parse().expect("RUNS"));
    let (mut index, _) = Index::open(&PathBuf::from(index)).expect("index");
    let roots = reconcile::roots(&Source::Path(PathBuf::from(lib)));
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let warm = reconcile::reconcile(&mut index, &roots, &mut |_| {}).expect("reconcile");
    println!(
        "first run (brings the index up to date): {warm:?}, wall {:.0} ms, CPU {:.0} ms, {}",
        t.elapsed().as_secs_f64() * 1000.0,
        (cpu_seconds() - cpu) * 1000.0,
        io()
    );
    for run in 1..=runs {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let s = reconcile::reconcile(&mut index, &roots, &mut |_| {}).expect("reconcile");
        report(&format!("reconcile {run}"), t, cpu, s);
    }
    // the reader's list, as the library thread tells it at launch
    let mut listed = Listed::default();
    listed
        .list(&index, &reconcile::keys(&roots), 200, 1024, &mut |_| true)
        .expect("list");
    // as when another process wrote: the list compared with the index
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let mut sent = 0;
    listed
        .catch_up(&index, &reconcile::keys(&roots), &mut |_| sent += 1)
        .expect("catch up");
    println!(
        "list compared with the index: wall {:.0} ms, CPU {:.0} ms, {sent} events",
        t.elapsed().as_secs_f64() * 1000.0,
        (cpu_seconds() - cpu) * 1000.0
    );
    for run in 1..=runs {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let mut sent = 0;
        let s = refresh(&mut index, &roots, &mut listed, &mut |_| sent += 1).expect("refresh");
        report(&format!("refresh {run} ({sent} events)"), t, cpu, s);
    }
}

fn report(what: &str, t: Instant, cpu: f64, s: reconcile::Summary) {
    println!(
        "{what}: wall {:.0} ms, CPU {:.0} ms, {} files, {} read, load {}",
        t.elapsed().as_secs_f64() * 1000.0,
        (cpu_seconds() - cpu) * 1000.0,
        s.files,
        s.read,
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or("?")
    );
}

/// Bytes this process read and wrote through system calls so far (its
/// files and the index's): a figure the machine's load does not move.
fn io() -> String {
    let io = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let get = |k: &str| {
        io.lines()
            .find_map(|l| l.strip_prefix(k))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .map_or(f64::NAN, |b| b / 1e6)
    };
    format!(
        "read {:.0} MB, written {:.0} MB",
        get("rchar:"),
        get("wchar:")
    )
}

/// CPU time used by this process so far (user + system, every thread).
fn cpu_seconds() -> f64 {
    quoth::cpu_time::process().as_secs_f64()
}
