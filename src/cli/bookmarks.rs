use std::path::Path;

use super::{BookmarkAction, Format, Outcome};

pub fn run(
    _config: Option<&Path>,
    _format: Format,
    _action: Option<BookmarkAction>,
) -> anyhow::Result<Outcome> {
    anyhow::bail!("bookmarks are not stored yet")
}
