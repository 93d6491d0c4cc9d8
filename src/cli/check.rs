use std::path::Path;

use super::Outcome;

pub fn run(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<Outcome> {
    let settings = crate::config::load(config)?;
    let source = crate::library::Source::resolve(path, &settings);
    let lib = crate::library::load(&source)?;
    for p in &lib.problems {
        println!("{}: {}", p.path.display(), p.reason);
    }
    Ok(if lib.problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
