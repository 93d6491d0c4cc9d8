use std::path::Path;

use super::Outcome;

pub fn run(_config: Option<&Path>, article: &str, _width: Option<u16>) -> anyhow::Result<Outcome> {
    anyhow::bail!("cannot show {article} yet")
}
