//! Plain text: first non-empty line is the title, blank lines separate paragraphs.

use std::path::Path;

use crate::article::{Article, PARAGRAPH_SEP, sanitise::sanitise};

pub fn parse(path: &Path, text: &str) -> anyhow::Result<Article> {
    let text = sanitise(text);
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let title = lines
        .next()
        .map(|l| l.trim().to_string())
        .ok_or_else(|| anyhow::anyhow!("empty file"))?;
    let rest: Vec<&str> = lines.collect();
    let body = rest
        .split(|l| l.trim().is_empty())
        .map(|p| p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(PARAGRAPH_SEP);
    Ok(Article::new(path.to_path_buf(), title, body))
}
