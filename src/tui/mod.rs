//! The terminal reader. (First version: prints the titles; the reader replaces this.)

use std::path::Path;

pub fn run_from_cli(config: Option<&Path>, path: Option<&Path>) -> anyhow::Result<()> {
    let settings = crate::config::load_for_cli(config)?;
    let path = path
        .map(Path::to_path_buf)
        .or(settings.library)
        .unwrap_or_else(|| "assets/articles".into());
    let lib = crate::library::load(&path)?;
    for a in &lib.articles {
        println!("{}", a.title);
    }
    Ok(())
}
