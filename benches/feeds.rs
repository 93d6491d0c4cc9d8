//! Feeds at scale, all on 127.0.0.1: 50 feeds of 100 items each served by
//! the test server, fetched (4 at a time), stored as Markdown, then listed
//! (the library loaded from the feeds folder). Then the same again, which
//! must store nothing and cost one conditional request per feed.
//!
//! `cargo bench --bench feeds` prints the figures. Target: fetched, stored
//! and listed in 5 s or less on 2 cores.

use std::sync::Arc;
use std::time::Instant;

use quoth::config::Feed;
use quoth::feeds::fetch;
use quoth::feeds::testserver::{Reply, Server};

const FEEDS: usize = 50;
const ITEMS: usize = 100;

fn feed_xml(f: usize, base: &str) -> String {
    let mut items = String::new();
    for i in 0..ITEMS {
        let para = format!(
            "<p>Le ministre {f}-{i} a déclaré mardi : « Nous allons continuer les réformes, \
             quoi qu'il en coûte », devant les députés réunis à Paris.</p>\
             <p>Selon l'opposition, le texte n'a « aucune chance » d'être adopté avant l'été, \
             et plusieurs syndicats appellent à manifester jeudi dans toute la France.</p>"
        )
        .repeat(3);
        items.push_str(&format!(
            "<item><title>Dépêche {i} du fil {f}</title><link>{base}/f{f}/{i}</link>\
             <guid>f{f}-i{i}</guid><pubDate>Tue, 27 Feb 2024 {:02}:{:02}:00 +0100</pubDate>\
             <description><![CDATA[{para}]]></description></item>\n",
            i % 24,
            f % 60
        ));
    }
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fil {f}</title>\
         <language>fr</language>{items}</channel></rss>"
    )
}

fn main() {
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let b = Arc::clone(&base);
    let bodies: Arc<std::sync::OnceLock<Vec<String>>> = Arc::new(std::sync::OnceLock::new());
    let bodies2 = Arc::clone(&bodies);
    let server = Server::start(move |req| {
        let n: usize = req
            .path
            .trim_start_matches("/feed")
            .trim_end_matches(".xml")
            .parse()
            .unwrap_or(usize::MAX);
        let etag = format!("\"v1-{n}\"");
        if req.header("if-none-match") == Some(etag.as_str()) {
            return Reply::status(304);
        }
        match bodies2.get().and_then(|b| b.get(n)) {
            Some(body) => Reply::ok("application/rss+xml", body.clone()).header("ETag", &etag),
            None => Reply::status(404),
        }
    });
    base.set(server.url("")).unwrap();
    let _ = b;
    let bodies_vec: Vec<String> = (0..FEEDS).map(|f| feed_xml(f, &server.url(""))).collect();
    let bytes: usize = bodies_vec.iter().map(String::len).sum();
    bodies.set(bodies_vec).unwrap();
    let feeds: Vec<Feed> = (0..FEEDS)
        .map(|f| Feed::new(&server.url(&format!("/feed{f}.xml"))).unwrap())
        .collect();
    let data = tempfile::tempdir().unwrap();
    let options = fetch::Options::default();

    let t = Instant::now();
    let reports = fetch::run(&feeds, data.path(), &options, &|_| {}).unwrap();
    let fetched = t.elapsed();
    let new: usize = reports
        .iter()
        .map(|r| r.result.as_ref().map_or(0, |s| s.new.len()))
        .sum();
    let failed = reports.iter().filter(|r| r.result.is_err()).count();
    let t2 = Instant::now();
    let lib = quoth::library::load(&fetch::folder_in(data.path())).unwrap();
    let listed = t2.elapsed();
    assert_eq!(
        failed,
        0,
        "{:?}",
        reports.iter().find(|r| r.result.is_err())
    );
    assert_eq!(new, FEEDS * ITEMS);
    assert_eq!(
        lib.articles.len(),
        FEEDS * ITEMS,
        "{:?}",
        lib.problems.first()
    );

    let requests_before = server.requests().len();
    let t3 = Instant::now();
    let again = fetch::run(&feeds, data.path(), &options, &|_| {}).unwrap();
    let refetched = t3.elapsed();
    let not_modified = again
        .iter()
        .filter(|r| r.result.as_ref().is_ok_and(|s| s.not_modified))
        .count();
    let second_requests = server.requests().len() - requests_before;

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "feeds: {FEEDS} feeds × {ITEMS} items ({:.1} MB of RSS) on 127.0.0.1, {cores} cores",
        bytes as f64 / 1e6
    );
    println!(
        "  fetch + store:   {:>6.2} s  ({new} articles written)",
        fetched.as_secs_f64()
    );
    println!(
        "  list (load):     {:>6.2} s  ({} articles)",
        listed.as_secs_f64(),
        lib.articles.len()
    );
    println!(
        "  total:           {:>6.2} s  (target ≤ 5 s)",
        (fetched + listed).as_secs_f64()
    );
    println!(
        "  second fetch:    {:>6.2} s  ({second_requests} requests, {not_modified} not modified, nothing written)",
        refetched.as_secs_f64()
    );
}
