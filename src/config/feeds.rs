//! Subscriptions: `[[feeds]]` tables in the user's config.
//!
//! ```toml
//! [[feeds]]
//! url = "https://example.com/rss.xml"   # RSS, Atom or JSON Feed
//! name = "Example News"                  # optional: shown as the source
//! tags = ["tech", "fr"]                  # optional
//! language = "fr"                        # optional: when the feed does not say
//! full_text = true                       # optional: fetch the page of an item
//!                                        # that carries only a summary
//! ```
//!
//! `quoth feeds add|remove|import` change them through [`save`], with the
//! same machinery as bookmarks ([`super::edit`]): comments kept, atomic,
//! merged with the file's current content, refused untouched when broken.

use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::edit::{self, SaveError, table_str};
use super::{ConfigError, Ctx, wrong_type};

const ARRAY: &str = "feeds";

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// An http or https address, normalised (see [`normalise_url`]).
    pub url: String,
    /// Shown as the articles' source; default: the feed's own title.
    pub name: Option<String>,
    pub tags: Vec<String>,
    /// Language of the articles when the feed does not declare one.
    pub language: Option<String>,
    /// Fetch the linked page of an item that carries only a summary.
    pub full_text: bool,
}

impl Feed {
    /// A subscription to `url` with nothing else set. The address is
    /// checked and normalised.
    pub fn new(url: &str) -> Result<Feed, String> {
        Ok(Feed {
            url: normalise_url(url)?,
            name: None,
            tags: Vec::new(),
            language: None,
            full_text: false,
        })
    }

    /// The name to show: the configured one, else the address's host.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => url::Url::parse(&self.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| self.url.clone()),
        }
    }

    fn to_table(&self) -> Table {
        let mut t = Table::new();
        t.insert("url", value(self.url.as_str()));
        if let Some(n) = &self.name {
            t.insert("name", value(n.as_str()));
        }
        if !self.tags.is_empty() {
            let mut a = Array::new();
            for tag in &self.tags {
                a.push(tag.as_str());
            }
            t.insert("tags", value(a));
        }
        if let Some(l) = &self.language {
            t.insert("language", value(l.as_str()));
        }
        if self.full_text {
            t.insert("full_text", value(true));
        }
        t
    }
}

/// Checks that `raw` is an http(s) address and gives its normal form
/// (scheme and host lowercased, `/` path for a bare host), so one feed
/// written two ways is one subscription.
pub fn normalise_url(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    let u = url::Url::parse(raw).map_err(|e| format!("\"{raw}\" is not a web address ({e})"))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(format!(
            "\"{raw}\" is not an http or https address (scheme \"{}\")",
            u.scheme()
        ));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(format!("\"{raw}\" has no host"));
    }
    Ok(u.to_string())
}

/// A change to the subscriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Subscribes, unless the file already has this address (then nothing).
    Add(Feed),
    /// Unsubscribes from this (normalised) address.
    Remove(String),
}

/// Applies `changes` to the config at `path` (created if missing) and
/// returns the subscriptions as written.
pub fn save(path: &Path, changes: &[Change]) -> Result<Vec<Feed>, SaveError> {
    let parsed = edit::edit(
        path,
        &mut |doc| changes.iter().for_each(|c| apply(doc, c)),
        &mut |_| Ok(()),
    )?;
    Ok(parsed.feeds)
}

fn same_url(t: &Table, url: &str) -> bool {
    table_str(t, "url").is_some_and(|u| normalise_url(u).as_deref() == Ok(url))
}

fn apply(doc: &mut DocumentMut, c: &Change) {
    match c {
        Change::Add(f) => {
            if !edit::any_table(doc, ARRAY, &|t| same_url(t, &f.url)) {
                edit::push_last(doc, ARRAY, f.to_table());
            }
        }
        Change::Remove(url) => edit::remove_matching(doc, ARRAY, &|t| same_url(t, url)),
    }
}

/// Validates the `feeds` item of a config.
pub(crate) fn parse_all(ctx: &mut Ctx<'_>, item: &Item) -> Result<Vec<Feed>, ConfigError> {
    let tables = super::tables_of(ctx, item, "feeds")?;
    let mut out: Vec<Feed> = Vec::new();
    let mut urls = std::collections::HashSet::new();
    for (i, t) in tables.into_iter().enumerate() {
        let f = parse_one(ctx, t, i + 1)?;
        if !urls.insert(f.url.clone()) {
            let span = t.get("url").and_then(Item::span);
            ctx.warn(
                span,
                &format!("feed {} appears twice; it is fetched once", f.url),
            );
            continue;
        }
        out.push(f);
    }
    Ok(out)
}

fn parse_one(ctx: &mut Ctx<'_>, t: &Table, n: usize) -> Result<Feed, ConfigError> {
    let Some(url_item) = t.get("url") else {
        return Err(ctx.err(t.span(), &format!("feed {n} has no `url`")));
    };
    let raw = ctx.string(url_item, "feeds.url")?;
    let mut feed = Feed::new(raw)
        .map_err(|why| ctx.err(url_item.span(), &format!("feed {n}: `url`: {why}")))?;
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (key, item) in t.iter() {
        match key {
            "url" => {}
            "name" => {
                feed.name =
                    Some(one_line(ctx.string(item, "feeds.name")?)).filter(|s| !s.is_empty());
            }
            "language" => {
                feed.language =
                    Some(one_line(ctx.string(item, "feeds.language")?)).filter(|s| !s.is_empty());
            }
            "full_text" => {
                feed.full_text = item.as_bool().ok_or_else(|| {
                    ctx.err(
                        item.span(),
                        &wrong_type("feeds.full_text", "true or false", item),
                    )
                })?;
            }
            "tags" => {
                let arr = item.as_array().ok_or_else(|| {
                    ctx.err(
                        item.span(),
                        &wrong_type("feeds.tags", "an array of strings", item),
                    )
                })?;
                for v in arr.iter() {
                    let tag = v.as_str().ok_or_else(|| {
                        ctx.err(
                            v.span(),
                            &format!(
                                "`feeds.tags` must hold strings, found {} {}",
                                if v.type_name().starts_with(['a', 'e', 'i', 'o', 'u']) {
                                    "an"
                                } else {
                                    "a"
                                },
                                v.type_name()
                            ),
                        )
                    })?;
                    let tag = one_line(tag);
                    if !tag.is_empty() && !feed.tags.contains(&tag) {
                        feed.tags.push(tag);
                    }
                }
            }
            other => ctx.warn_foreign_key(t, other, "feeds", "feed", n),
        }
    }
    Ok(feed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_normalised() {
        assert_eq!(
            normalise_url(" HTTPS://Example.COM ").unwrap(),
            "https://example.com/"
        );
        assert!(
            normalise_url("ftp://x.org/feed")
                .unwrap_err()
                .contains("ftp")
        );
        assert!(normalise_url("example.com/rss").is_err());
        assert!(normalise_url("file:///etc/passwd").is_err());
    }

    #[test]
    fn add_and_remove_keep_comments_and_merge() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let original = "# mine\nwidth = 70 # narrow\n\n# my news\n[[feeds]]\nurl = \"https://a.example/rss\" # first\n\n[theme]\nquote = \"red\"\n";
        std::fs::write(&path, original).unwrap();
        let mut b = Feed::new("https://b.example/atom").unwrap();
        b.name = Some("B news".into());
        b.tags = vec!["x".into()];
        b.full_text = true;
        let feeds = save(&path, &[Change::Add(b.clone())]).unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[1], b);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("url = \"https://a.example/rss\" # first"),
            "{text}"
        );
        assert!(text.contains("full_text = true"), "{text}");
        // Adding again changes nothing; written another way, too.
        let again = Feed::new("HTTPS://B.EXAMPLE/atom").unwrap();
        save(&path, &[Change::Add(again)]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        let feeds = save(&path, &[Change::Remove(b.url.clone())]).unwrap();
        assert_eq!(feeds.len(), 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
        // The comment above a removed table moves on.
        let feeds = save(&path, &[Change::Remove("https://a.example/rss".into())]).unwrap();
        assert!(feeds.is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# my news") && !text.contains("[[feeds]]"),
            "{text}"
        );
    }

    #[test]
    fn a_setting_below_a_feed_is_named() {
        let p = super::super::parse(
            Path::new("c.toml"),
            b"[[feeds]]\nurl = \"https://a.example/\"\nwidth = 70\n",
        )
        .unwrap();
        assert_eq!(p.settings.width, 80);
        assert!(
            p.warnings[0].message.contains("`width` is inside feed 1"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn broken_config_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "width = = 3\n").unwrap();
        let e = save(
            &path,
            &[Change::Add(Feed::new("http://a.example/").unwrap())],
        )
        .unwrap_err();
        assert!(matches!(e, SaveError::Config(_)), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "width = = 3\n");
    }
}
