//! Getting news in: subscriptions fetched over HTTP and stored as articles.
//! No terminal code here.
//!
//! - [`http`]: the one HTTP client (timeouts, size cap, redirects, gzip,
//!   conditional requests);
//! - [`parse`]: RSS 0.9x/1.0/2.0, Atom and JSON Feed → items (feed-rs);
//! - [`html`]: HTML → Markdown, and an article page's main text;
//! - [`store`]: items → Markdown files with YAML front matter in the feeds
//!   folder of the data directory, never duplicated, and the per-feed state;
//! - [`fetch`]: every subscription, a few at once, with progress events;
//! - [`opml`]: OPML import and export, newsboat `urls` import.
//!
//! The feeds folder is one more library root ([`with_feeds_folder`]), so
//! the list, the reader, the analysis and `quoth list` see fetched articles
//! like any other.

pub mod fetch;
pub mod html;
pub mod http;
pub mod opml;
pub mod parse;
pub mod store;
#[doc(hidden)]
pub mod testserver;

use std::path::{Path, PathBuf};

use crate::library::Source;

/// The feeds folder's name in the data directory.
pub const FOLDER: &str = "feeds";

/// The feeds folder of the data directory (`None` without a home).
pub fn folder() -> Option<PathBuf> {
    crate::store::data_dir().map(|d| d.join(FOLDER))
}

/// The library with the feeds folder added as one more root, when there is
/// one (it takes the bundled sample's place); `feeds` is [`folder`], given
/// so tests choose it. The one hook of feeds into the library.
pub fn with_feeds_folder(source: Source, feeds: Option<&Path>) -> Source {
    match feeds {
        Some(f) if f.is_dir() => source.with_root(f.to_path_buf()),
        _ => source,
    }
}
