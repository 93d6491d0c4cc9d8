use std::io::Write;
use std::path::Path;

use super::{Format, Outcome};

pub fn run(config: Option<&Path>, path: Option<&Path>, _format: Format) -> anyhow::Result<Outcome> {
    let settings = crate::config::load(config)?;
    let source = crate::library::Source::resolve(path, &settings);
    let lib = crate::library::load(&source)?;
    let mut out = std::io::stdout().lock();
    for a in &lib.articles {
        writeln!(out, "{}\t{}", a.id, a.title)?;
    }
    Ok(Outcome::Ok)
}
