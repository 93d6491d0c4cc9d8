use std::path::PathBuf;

use super::Outcome;

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Language of the model: fr or en
    #[arg(long)]
    pub lang: String,
    /// Training files (CoNLL-style: index, token, BIO tag)
    #[arg(long, required = true)]
    pub train: Vec<PathBuf>,
    /// Where to write the model
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(_args: &TrainArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("training is not available yet")
}
