use std::path::Path;

use super::Outcome;

pub fn run(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<Outcome> {
    let settings = crate::config::load(config)?;
    let path = path
        .map(Path::to_path_buf)
        .or(settings.library)
        .unwrap_or_else(|| "assets/articles".into());
    let lib = crate::library::load(&path)?;
    for p in &lib.problems {
        println!("{}: {}", p.path.display(), p.reason);
    }
    Ok(if lib.problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
