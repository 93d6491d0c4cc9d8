//! `quoth feeds` (list, add, remove, import, export) and `quoth fetch`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Format, Outcome};
use crate::article::sanitise::sanitise_line;
use crate::config::feeds::{self as subs, Change};
use crate::config::{Feed, Loaded};
use crate::feeds::fetch::{self, Event};
use crate::feeds::store::{STATE_FILE, State};
use crate::feeds::{http, opml};
use crate::text::{self, escape, escape_path};

#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Subscribe to a feed (RSS, Atom or JSON Feed)
    Add(AddArgs),
    /// Unsubscribe: by address, name or number (from `quoth feeds`)
    Remove {
        /// Address, name, or number in `quoth feeds`
        feed: String,
    },
    /// Subscribe to every feed of an OPML file or a newsboat `urls` file
    Import {
        /// OPML (.opml, .xml) or newsboat urls file
        file: PathBuf,
    },
    /// Print the subscriptions as OPML
    Export,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The feed's address (http or https)
    pub url: String,
    /// Name shown as the articles' source (default: the feed's own title)
    #[arg(long)]
    pub name: Option<String>,
    /// A tag (repeat for several)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Language of its articles when the feed does not say (fr, en…)
    #[arg(long)]
    pub language: Option<String>,
    /// Fetch the page of each item that carries only a summary
    #[arg(long)]
    pub full_text: bool,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Only these feeds (address, name or number); default: all
    pub feeds: Vec<String>,
    /// Give up on a request after this many seconds
    #[arg(long, value_name = "SECS", default_value_t = 20.0)]
    pub timeout: f64,
    /// Feeds fetched at once
    #[arg(long, value_name = "N", default_value_t = fetch::DEFAULT_JOBS as u16,
          value_parser = clap::value_parser!(u16).range(1..=16))]
    pub jobs: u16,
}

pub fn run(
    config: Option<&Path>,
    format: Format,
    action: Option<FeedAction>,
) -> anyhow::Result<Outcome> {
    let loaded = super::open_config(config)?;
    match action {
        None => list(&loaded, format),
        Some(FeedAction::Add(args)) => add(&loaded, args),
        Some(FeedAction::Remove { feed }) => remove(&loaded, &feed),
        Some(FeedAction::Import { file }) => import(&loaded, &file),
        Some(FeedAction::Export) => {
            let mut out = std::io::stdout().lock();
            out.write_all(opml::export(&loaded.feeds).as_bytes())?;
            out.flush()?;
            Ok(Outcome::Ok)
        }
    }
}

fn config_path(loaded: &Loaded) -> anyhow::Result<&Path> {
    loaded
        .path
        .as_deref()
        .ok_or_else(|| anyhow!("no config location; use --config or set $QUOTH_CONFIG"))
}

fn save(loaded: &Loaded, changes: &[Change]) -> anyhow::Result<Vec<Feed>> {
    let path = config_path(loaded)?;
    subs::save(path, changes).map_err(|e| anyhow!(e.describe("subscription", None)))
}

fn add(loaded: &Loaded, args: AddArgs) -> anyhow::Result<Outcome> {
    let mut feed = Feed::new(&args.url).map_err(anyhow::Error::msg)?;
    let clean = |s: &str| Some(sanitise_line(s)).filter(|s| !s.is_empty());
    feed.name = args.name.as_deref().and_then(clean);
    feed.language = args.language.as_deref().and_then(clean);
    for t in &args.tags {
        if let Some(t) = clean(t).filter(|t| !feed.tags.contains(t)) {
            feed.tags.push(t);
        }
    }
    feed.full_text = args.full_text;
    if let Some(old) = loaded.feeds.iter().find(|f| f.url == feed.url) {
        bail!(
            "already subscribed to {} ({}); `quoth feeds remove` it first to change it, or edit {}",
            old.url,
            old.label(),
            config_path(loaded)?.to_string_lossy()
        );
    }
    let feeds = save(loaded, &[Change::Add(feed.clone())])?;
    let n = feeds.len();
    println!(
        "subscribed to {} ({}); {n} feed{} in {}. `quoth fetch` gets the news.",
        escape(&feed.url),
        escape(&feed.label()),
        if n == 1 { "" } else { "s" },
        escape_path(config_path(loaded)?)
    );
    Ok(Outcome::Ok)
}

/// The feeds that `which` names: an address, a name (any case), a number
/// in the list. Empty `which` is all.
fn select<'a>(feeds: &'a [Feed], which: &[String]) -> anyhow::Result<Vec<&'a Feed>> {
    if which.is_empty() {
        return Ok(feeds.iter().collect());
    }
    let mut out: Vec<&Feed> = Vec::new();
    for w in which {
        let f = find(feeds, w)?;
        if !out.iter().any(|x| x.url == f.url) {
            out.push(f);
        }
    }
    Ok(out)
}

fn find<'a>(feeds: &'a [Feed], which: &str) -> anyhow::Result<&'a Feed> {
    let w = which.trim();
    if let Ok(url) = subs::normalise_url(w)
        && let Some(f) = feeds.iter().find(|f| f.url == url)
    {
        return Ok(f);
    }
    if let Ok(n) = w.parse::<usize>()
        && (1..=feeds.len()).contains(&n)
    {
        return Ok(&feeds[n - 1]);
    }
    let named: Vec<&Feed> = feeds
        .iter()
        .filter(|f| f.label().eq_ignore_ascii_case(w))
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => bail!("no subscription matches \"{w}\" (see `quoth feeds`)"),
        _ => bail!(
            "\"{w}\" names {} subscriptions; give the address",
            named.len()
        ),
    }
}

fn remove(loaded: &Loaded, which: &str) -> anyhow::Result<Outcome> {
    let feed = find(&loaded.feeds, which)?.clone();
    let feeds = save(loaded, &[Change::Remove(feed.url.clone())])?;
    println!(
        "unsubscribed from {} ({}); {} feed{} left. Its articles stay in the library.",
        escape(&feed.url),
        escape(&feed.label()),
        feeds.len(),
        if feeds.len() == 1 { "" } else { "s" }
    );
    Ok(Outcome::Ok)
}

fn import(loaded: &Loaded, file: &Path) -> anyhow::Result<Outcome> {
    // Capped, and never blocked by a FIFO or a device.
    let bytes = crate::article::files::read_capped(file, crate::article::formats::MAX_FILE_BYTES)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| anyhow!("{}: not UTF-8 text ({e})", file.display()))?;
    let found = opml::import(text).map_err(|e| anyhow!("{}: {e}", file.display()))?;
    for s in &found.skipped {
        eprintln!("quoth: skipped in {}: {}", escape_path(file), escape(s));
    }
    let new: Vec<&Feed> = found
        .feeds
        .iter()
        .filter(|f| !loaded.feeds.iter().any(|o| o.url == f.url))
        .collect();
    let changes: Vec<Change> = new.iter().map(|f| Change::Add((*f).clone())).collect();
    if !changes.is_empty() {
        save(loaded, &changes)?;
    }
    for f in &new {
        println!("subscribed to {} ({})", escape(&f.url), escape(&f.label()));
    }
    let known = found.feeds.len() - new.len();
    println!(
        "{} new subscription{}, {known} already there, {} skipped",
        new.len(),
        if new.len() == 1 { "" } else { "s" },
        found.skipped.len()
    );
    Ok(if found.feeds.is_empty() && !found.skipped.is_empty() {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

#[derive(Serialize)]
struct Row<'a> {
    url: &'a str,
    name: Option<&'a str>,
    tags: &'a [String],
    language: Option<&'a str>,
    full_text: bool,
    last_fetch: Option<&'a str>,
    last_error: Option<&'a str>,
}

fn list(loaded: &Loaded, format: Format) -> anyhow::Result<Outcome> {
    let state = crate::store::data_dir()
        .map(|d| State::load(&d.join(STATE_FILE)).0)
        .unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let rows: Vec<Row<'_>> = loaded
                .feeds
                .iter()
                .map(|f| {
                    let s = state.feeds.get(&f.url);
                    Row {
                        url: &f.url,
                        name: f.name.as_deref(),
                        tags: &f.tags,
                        language: f.language.as_deref(),
                        full_text: f.full_text,
                        last_fetch: s.and_then(|s| s.last_fetch.as_deref()),
                        last_error: s.and_then(|s| s.last_error.as_deref()),
                    }
                })
                .collect();
            text::write_json_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Text => {
            if loaded.feeds.is_empty() {
                eprintln!(
                    "quoth: no subscriptions in {}; add one with `quoth feeds add URL`",
                    loaded
                        .path
                        .as_deref()
                        .map_or_else(|| "the config".into(), escape_path)
                );
            }
            for (i, f) in loaded.feeds.iter().enumerate() {
                // Unnamed: the feed's own title once fetched.
                let title = state.feeds.get(&f.url).and_then(|s| s.title.clone());
                let label = f.name.clone().or(title).unwrap_or_else(|| f.label());
                let mut line = format!("{:>3}  {}  {}", i + 1, escape(&label), escape(&f.url));
                if !f.tags.is_empty() {
                    line.push_str(&format!("  [{}]", escape(&f.tags.join(", "))));
                }
                if let Some(l) = &f.language {
                    line.push_str(&format!("  {}", escape(l)));
                }
                if f.full_text {
                    line.push_str("  full text");
                }
                writeln!(out, "{line}")?;
                if let Some(s) = state.feeds.get(&f.url) {
                    match (&s.last_fetch, &s.last_error) {
                        (Some(when), Some(e)) => writeln!(
                            out,
                            "     last fetched {}: failed: {}",
                            escape(when),
                            escape(e)
                        )?,
                        (Some(when), None) => {
                            writeln!(out, "     last fetched {when}: {} articles", s.items.len())?
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(Outcome::Ok)
}

/// `quoth fetch`: one line per feed as it ends, a summary, exit 1 if any
/// feed failed.
pub fn fetch(config: Option<&Path>, args: FetchArgs) -> anyhow::Result<Outcome> {
    let loaded = super::open_config(config)?;
    if loaded.feeds.is_empty() {
        eprintln!("quoth: no subscriptions; add one with `quoth feeds add URL`");
        return Ok(Outcome::Ok);
    }
    let feeds: Vec<Feed> = select(&loaded.feeds, &args.feeds)?
        .into_iter()
        .cloned()
        .collect();
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let data = crate::store::data_dir()
        .ok_or_else(|| anyhow!("no data directory (no home); set $QUOTH_DATA_DIR"))?;
    let options = fetch::Options {
        http: http::Options {
            timeout: Duration::from_secs_f64(args.timeout.min(3600.0)),
            ..http::Options::default()
        },
        jobs: usize::from(args.jobs),
    };
    let started = Instant::now();
    let reports = fetch::run(&feeds, &data, &options, &|ev| {
        let line = match ev {
            Event::Started { .. } => return,
            Event::Warning(w) => format!("warning {}", escape(&w)),
            Event::Finished(r) => report_line(&r),
        };
        // A closed pipe must not stop the fetch: the files still land.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    })?;
    let (mut new, mut updated, mut failed) = (0, 0, 0);
    for r in &reports {
        match &r.result {
            Ok(s) => {
                new += s.new.len();
                updated += s.updated.len();
            }
            Err(_) => failed += 1,
        }
    }
    let n = reports.len();
    let mut summary = format!(
        "{n} feed{} in {:.1} s: {new} new, {updated} updated",
        if n == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        summary.push_str(&format!("; {failed} failed"));
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{summary}")?;
    if new + updated > 0 {
        writeln!(
            stdout,
            "stored in {}",
            escape_path(&fetch::folder_in(&data))
        )?;
    }
    stdout.flush()?;
    Ok(if failed > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn report_line(r: &fetch::Report) -> String {
    match &r.result {
        Err(e) => format!(
            "failed  {} ({}): {}",
            escape(&r.label),
            escape(&r.url),
            escape(e)
        ),
        Ok(s) if s.not_modified => format!("ok      {}: not modified", escape(&r.label)),
        Ok(s) => {
            let mut line = format!(
                "ok      {}: {} new, {} updated, {} unchanged",
                escape(&r.label),
                s.new.len(),
                s.updated.len(),
                s.unchanged
            );
            for n in &s.notes {
                line.push_str(&format!("\n        summary only: {}", escape(n)));
            }
            line
        }
    }
}
