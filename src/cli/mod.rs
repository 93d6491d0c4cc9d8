//! Command line: argument parsing, dispatch, exit codes and error printing.
//!
//! Exit codes: 0 success, 1 error or problems found, 2 usage (clap's own).

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod analyze;
mod bookmarks;
mod catalogue;
mod check;
mod feeds;
mod list;
mod quotes;
mod show;
mod train;

#[derive(Debug, Parser)]
#[command(
    name = "quoth",
    version,
    about = "A terminal news reader that knows who said what",
    long_about = "A terminal news reader that knows who said what.\n\nWith no command, opens the reader on PATH (a folder, read recursively, or one file), \
else on the config's `library`, else on the bundled sample library."
)]
pub struct Cli {
    /// Config file to use instead of the default one
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Library folder or article file to open in the reader
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Auto,
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles of a library
    List {
        /// Library folder or file (default: config's library, else the bundled sample)
        path: Option<PathBuf>,
        /// text: aligned columns under a header (id, title, source, date, language, words, path);
        /// json: JSON lines, one object per article with those fields plus author, url, credit
        /// and tags (date in RFC 3339)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print one article as wrapped plain text
    Show {
        /// Article id (from `quoth list`) or path to an article file
        article: String,
        /// Wrap width in columns (default: the config's width, else 80)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(10..))]
        width: Option<u16>,
    },
    /// Report every file of a library that cannot be read; exit 1 if any
    Check {
        /// Library folder or file (default: config's library, else the bundled sample)
        path: Option<PathBuf>,
    },
    /// Find quotes, speakers and entities in articles
    Analyze {
        /// Take each file as bare body text: no title, no front matter
        #[arg(long)]
        raw: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// Files or folders; `-` reads standard input
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List bookmarks; add or remove one
    Bookmarks {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(subcommand)]
        action: Option<BookmarkAction>,
    },
    /// Quotes across the library: who said what, where and when
    Quotes {
        /// Only this speaker (a name, or part of one, any case)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only articles dated on or after this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// text: by speaker, most quoted first; json: one quote per line
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Library folder or file (default: config's library, else the bundled sample)
        path: Option<PathBuf>,
    },
    /// Subscriptions: list them; add, remove, import (OPML, newsboat), export (OPML)
    Feeds {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(subcommand)]
        action: Option<feeds::FeedAction>,
    },
    /// Fetch the subscribed feeds into the library; exit 1 if any failed
    Fetch(feeds::FetchArgs),
    /// Train the entity recogniser from CoNLL-style files (developers)
    TrainNer(train::TrainArgs),
}

#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    /// Remove the bookmark with this id
    Remove { id: String },
    /// Bookmark an article by id (title and path from the library unless given)
    Add(bookmarks::AddArgs),
}

/// What a command reports back: success, or "ran fine but found problems" (exit 1).
pub enum Outcome {
    Ok,
    Problems,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quoth: {}", crate::text::escape(&error_chain(&err)));
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let config_path = cli.config.as_deref();
    match cli.command {
        None => crate::tui::run_from_cli(config_path, cli.path.as_deref()).map(|_| Outcome::Ok),
        Some(Command::List { path, format }) => list::run(config_path, path.as_deref(), format),
        Some(Command::Show { article, width }) => show::run(config_path, &article, width),
        Some(Command::Check { path }) => check::run(config_path, path.as_deref()),
        Some(Command::Analyze {
            raw,
            format,
            lang,
            paths,
        }) => analyze::run(&paths, raw, format, lang),
        Some(Command::Bookmarks { format, action }) => bookmarks::run(config_path, format, action),
        Some(Command::Quotes {
            speaker,
            since,
            format,
            path,
        }) => quotes::run(
            config_path,
            path.as_deref(),
            speaker.as_deref(),
            since.as_deref(),
            format,
        ),
        Some(Command::Feeds { format, action }) => feeds::run(config_path, format, action),
        Some(Command::Fetch(args)) => feeds::fetch(config_path, args),
        Some(Command::TrainNer(args)) => train::run(&args),
    }
}

/// The config for a command: warnings printed to stderr; a broken config,
/// key bindings included, is an error (exit 1) and the file is left alone.
pub(crate) fn open_config(explicit: Option<&Path>) -> anyhow::Result<crate::config::Loaded> {
    let loaded = crate::config::open_for_cli(explicit)?;
    loaded.check_keys(crate::tui::keymap::check_binding)?;
    Ok(loaded)
}

/// [`open_config`]'s settings.
pub(crate) fn settings(explicit: Option<&Path>) -> anyhow::Result<crate::config::Settings> {
    Ok(open_config(explicit)?.settings)
}

/// "1 file", "15 files (21 problems)": the files behind a list of problems
/// (a JSON file can have several bad records).
pub(crate) fn problem_files(problems: &[crate::library::Problem]) -> String {
    let files: std::collections::HashSet<&Path> =
        problems.iter().map(|p| p.path.as_path()).collect();
    let mut s = crate::text::plural(files.len(), "file", "files");
    if problems.len() > files.len() {
        s.push_str(&format!(
            " ({})",
            crate::text::plural(problems.len(), "problem", "problems")
        ));
    }
    s
}

/// One line: the error and its causes, "a: b: c".
pub fn error_chain(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain().map(|e| e.to_string()) {
        // an error that prints its source already must not say it twice
        // ("Is a directory: Is a directory")
        if out.ends_with(&cause) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&cause);
    }
    out
}

/// A reader that closes the pipe (`quoth list | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
