use std::io::Write;
use std::path::Path;

use super::{Format, Outcome};

pub fn run(config: Option<&Path>, path: Option<&Path>, _format: Format) -> anyhow::Result<Outcome> {
    let settings = crate::config::load(config)?;
    let path = path
        .map(Path::to_path_buf)
        .or(settings.library)
        .unwrap_or_else(|| "assets/articles".into());
    let lib = crate::library::load(&path)?;
    let mut out = std::io::stdout().lock();
    for a in &lib.articles {
        writeln!(out, "{}\t{}", a.id, a.title)?;
    }
    Ok(Outcome::Ok)
}
