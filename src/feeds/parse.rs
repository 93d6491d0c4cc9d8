//! Feed bytes → items: RSS 0.9x/1.0/2.0, Atom and JSON Feed, through
//! feed-rs. Nothing here is sanitised yet: [`super::store`] does it when
//! it turns an item into an article.

use chrono::{DateTime, FixedOffset};

/// One entry of a feed, as the feed gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// The feed's own id for it (`guid`, Atom `id`, JSON `id`), if any.
    pub guid: Option<String>,
    /// Its web page.
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<DateTime<FixedOffset>>,
    pub language: Option<String>,
    /// The full content (`content:encoded`, Atom `content`, JSON
    /// `content_html`), as HTML.
    pub content: Option<String>,
    /// The summary (`description`, Atom `summary`, JSON `summary`), as HTML.
    pub summary: Option<String>,
}

impl Item {
    /// The identity of the item within its feed: the guid, else the page
    /// address, else its title and date.
    pub fn key(&self) -> String {
        if let Some(g) = self.guid.as_deref().filter(|g| !g.trim().is_empty()) {
            return format!("guid:{}", g.trim());
        }
        if let Some(u) = self.url.as_deref().filter(|u| !u.trim().is_empty()) {
            return format!("url:{}", u.trim());
        }
        format!(
            "title:{}|{}",
            self.title.as_deref().unwrap_or(""),
            self.date.map(|d| d.to_rfc3339()).unwrap_or_default()
        )
    }

    /// Only a summary: no full content, or content no longer than it.
    pub fn summary_only(&self) -> bool {
        let len = |s: &Option<String>| s.as_deref().map_or(0, |s| s.trim().len());
        len(&self.content) == 0 || len(&self.content) <= len(&self.summary)
    }
}

/// A parsed feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub title: Option<String>,
    pub language: Option<String>,
    pub items: Vec<Item>,
}

/// Parses a feed. `base` (the address it came from) resolves relative
/// links. The error is a reason for the user.
pub fn parse(bytes: &[u8], base: &str) -> Result<Parsed, String> {
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if start.is_empty() {
        return Err("not a feed: the response is empty".into());
    }
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(
            "not a feed: the address gives a web page (HTML), not RSS, Atom or JSON Feed".into(),
        );
    }
    if !start.starts_with('<') && !start.starts_with('{') {
        return Err("not a feed: neither XML nor JSON".into());
    }
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        // No invented ids: an item without one is known by its address.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(bytes).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.lines().next().unwrap_or("").trim().to_string();
        format!("malformed feed: {msg}")
    })?;
    let text = |t: &Option<feed_rs::model::Text>| {
        t.as_ref()
            .map(|t| {
                if t.content_type.essence().to_string() == "text/plain" {
                    plain_to_html(&t.content)
                } else {
                    t.content.clone()
                }
            })
            .filter(|s| !s.trim().is_empty())
    };
    let feed_language = feed.language.clone().filter(|l| !l.trim().is_empty());
    let items = feed
        .entries
        .iter()
        .map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone());
            let authors: Vec<&str> = e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref())
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let content = e.content.as_ref().and_then(|c| {
                let body = c.body.as_ref()?;
                Some(if c.content_type.essence().to_string() == "text/plain" {
                    plain_to_html(body)
                } else {
                    body.clone()
                })
            });
            Item {
                guid: Some(e.id.clone()).filter(|s| !s.trim().is_empty()),
                url,
                title: e
                    .title
                    .as_ref()
                    .map(|t| html_title(&t.content))
                    .filter(|s| !s.is_empty()),
                author: Some(authors.join(", ")).filter(|s| !s.is_empty()),
                date: e.published.or(e.updated).map(|d| d.fixed_offset()),
                language: e.language.clone().filter(|l| !l.trim().is_empty()),
                content: content.filter(|s| !s.trim().is_empty()),
                summary: text(&e.summary),
            }
        })
        .collect();
    Ok(Parsed {
        title: feed
            .title
            .as_ref()
            .map(|t| html_title(&t.content))
            .filter(|s| !s.is_empty()),
        language: feed_language,
        items,
    })
}

/// Titles may carry entities or tags (`AT&amp;T`, `<b>`): their text.
fn html_title(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let doc = dom_query::Document::fragment(s);
    let text = doc.root().text();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text as HTML paragraphs, so one converter handles both.
pub(crate) fn plain_to_html(s: &str) -> String {
    let esc = s
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let norm = esc.replace("\r\n", "\n");
    norm.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", p.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_guid_link_and_dates() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire &amp; Co</title><language>fr</language>
<item><title>One</title><link>/a/1</link><guid isPermaLink="false">id-1</guid><pubDate>Tue, 27 Feb 2024 10:30:00 +0100</pubDate><description>Short</description><content:encoded><![CDATA[<p>Long text here, much longer.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://x.example/2</link><description>&lt;p&gt;Only a summary&lt;/p&gt;</description></item>
</channel></rss>"#;
        let p = parse(rss, "https://x.example/feed.xml").unwrap();
        assert_eq!(p.title.as_deref(), Some("Wire & Co"));
        assert_eq!(p.language.as_deref(), Some("fr"));
        let a = &p.items[0];
        assert_eq!(a.key(), "guid:id-1");
        assert_eq!(a.url.as_deref(), Some("https://x.example/a/1"));
        assert_eq!(a.date.unwrap().to_rfc3339(), "2024-02-27T09:30:00+00:00");
        assert!(!a.summary_only());
        let b = &p.items[1];
        assert_eq!(b.key(), "url:https://x.example/2");
        assert!(b.summary_only());
    }

    #[test]
    fn not_feeds_are_named() {
        let e = parse(b"<!DOCTYPE html><html></html>", "http://x/").unwrap_err();
        assert!(e.contains("web page"), "{e}");
        let e = parse(b"hello", "http://x/").unwrap_err();
        assert!(e.contains("neither XML nor JSON"), "{e}");
        let e = parse(b"<rss><channel><item><title>x</titl></item>", "http://x/").unwrap_err();
        assert!(e.starts_with("malformed feed"), "{e}");
        let e = parse(b"", "http://x/").unwrap_err();
        assert!(e.contains("empty"), "{e}");
    }
}
