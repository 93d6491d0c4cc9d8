//! Subscriptions in and out: OPML (what every feed reader exports) and
//! newsboat's `urls` file.

use quick_xml::Reader;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::writer::Writer;

use crate::config::Feed;

/// What an import found: the feeds, and the lines or entries skipped, each
/// with why.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Imported {
    pub feeds: Vec<Feed>,
    pub skipped: Vec<String>,
}

/// Reads an OPML file or a newsboat `urls` file (told apart by their
/// first character).
pub fn import(text: &str) -> Result<Imported, String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        import_opml(t)
    } else {
        Ok(import_newsboat(t))
    }
}

/// OPML: every `<outline>` with an `xmlUrl`; the titles of the outlines
/// around it become its tags (folders in most readers).
pub fn import_opml(text: &str) -> Result<Imported, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut out = Imported::default();
    // One entry per open outline: its folder name, if it is one.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not valid OPML: {e} (at byte {})", reader.buffer_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().into_inner().eq_ignore_ascii_case("opml") =>
            {
                saw_opml = true;
            }
            Event::Start(e) if e.local_name().into_inner() == "outline" => {
                let folder = outline(&e, &folders, &mut out);
                folders.push(folder);
            }
            Event::Empty(e) if e.local_name().into_inner() == "outline" => {
                outline(&e, &folders, &mut out);
            }
            Event::End(e) if e.local_name().into_inner() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML file: no <opml> element".into());
    }
    Ok(out)
}

/// Handles one outline: a feed is added; anything else may be a folder,
/// whose name is returned.
fn outline(e: &BytesStart<'_>, folders: &[Option<String>], out: &mut Imported) -> Option<String> {
    let attr = |name: &str| -> Option<String> {
        e.attributes().flatten().find_map(|a| {
            a.key
                .local_name()
                .into_inner()
                .eq_ignore_ascii_case(name)
                .then(|| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default()
                })
        })
    };
    let title = attr("title")
        .or_else(|| attr("text"))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let Some(url) = attr("xmlUrl") else {
        return title;
    };
    match Feed::new(&url) {
        Ok(mut f) => {
            f.name = title;
            f.tags = folders.iter().flatten().cloned().collect();
            if !out.feeds.iter().any(|x| x.url == f.url) {
                out.feeds.push(f);
            }
        }
        Err(why) => out.skipped.push(why),
    }
    None
}

/// newsboat's `urls`: one feed a line, `URL tag "tag with spaces"
/// "~Name"`; `#` comments; `query:`, `exec:` and `filter:` lines are
/// skipped (they are not addresses); `!` (hidden) is dropped.
pub fn import_newsboat(text: &str) -> Imported {
    let mut out = Imported::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = split_words(line);
        let Some(url) = words.first() else { continue };
        if !url.starts_with("http://") && !url.starts_with("https://") {
            out.skipped.push(format!(
                "line {}: \"{url}\" is not a web address (only http and https feeds are imported)",
                n + 1
            ));
            continue;
        }
        match Feed::new(url) {
            Ok(mut f) => {
                for w in &words[1..] {
                    if let Some(name) = w.strip_prefix('~') {
                        f.name = Some(name.trim().to_string()).filter(|s| !s.is_empty());
                    } else if w != "!" && !w.is_empty() && !f.tags.contains(w) {
                        f.tags.push(w.clone());
                    }
                }
                if !out.feeds.iter().any(|x| x.url == f.url) {
                    out.feeds.push(f);
                }
            }
            Err(why) => out.skipped.push(format!("line {}: {why}", n + 1)),
        }
    }
    out
}

/// Splits on spaces, keeping "double quoted" words whole; a `#` outside
/// quotes starts a comment.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut in_word = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '#' if !quoted && !in_word => break,
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// OPML 2.0 of `feeds`: feeds with tags go in a folder named after their
/// first tag, as readers expect; the others at the top.
pub fn export(feeds: &[Feed]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let result: std::io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut opml = BytesStart::new("opml");
        opml.push_attribute(("version", "2.0"));
        w.write_event(Event::Start(opml))?;
        w.write_event(Event::Start(BytesStart::new("head")))?;
        w.write_event(Event::Start(BytesStart::new("title")))?;
        w.write_event(Event::Text(BytesText::new("quoth subscriptions")))?;
        w.write_event(Event::End(BytesEnd::new("title")))?;
        w.write_event(Event::End(BytesEnd::new("head")))?;
        w.write_event(Event::Start(BytesStart::new("body")))?;
        let mut folders: Vec<&str> = Vec::new();
        for f in feeds {
            if let Some(t) = f.tags.first()
                && !folders.contains(&t.as_str())
            {
                folders.push(t);
            }
        }
        let feed_outline = |f: &Feed| {
            let mut o = BytesStart::new("outline");
            let label = f.label();
            o.push_attribute(("type", "rss"));
            o.push_attribute(("text", label.as_str()));
            o.push_attribute(("title", label.as_str()));
            o.push_attribute(("xmlUrl", f.url.as_str()));
            o
        };
        for f in feeds.iter().filter(|f| f.tags.is_empty()) {
            w.write_event(Event::Empty(feed_outline(f)))?;
        }
        for folder in folders {
            let mut o = BytesStart::new("outline");
            o.push_attribute(("text", folder));
            o.push_attribute(("title", folder));
            w.write_event(Event::Start(o))?;
            for f in feeds
                .iter()
                .filter(|f| f.tags.first().map(String::as_str) == Some(folder))
            {
                w.write_event(Event::Empty(feed_outline(f)))?;
            }
            w.write_event(Event::End(BytesEnd::new("outline")))?;
        }
        w.write_event(Event::End(BytesEnd::new("body")))?;
        w.write_event(Event::End(BytesEnd::new("opml")))?;
        Ok(())
    })();
    // Writing to a Vec cannot fail.
    debug_assert!(result.is_ok());
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_round_trip_keeps_names_and_folders() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="Tech">
    <outline type="rss" text="Ars &amp; Co" xmlUrl="https://ars.example/feed"/>
    <outline text="Sub"><outline text="Deep" xmlUrl="http://deep.example/rss"></outline></outline>
  </outline>
  <outline type="rss" title="Le Monde" text="x" xmlUrl="https://lemonde.example/rss.xml"/>
  <outline text="bad" xmlUrl="ftp://nope.example/"/>
</body></opml>"#;
        let got = import(text).unwrap();
        assert_eq!(got.feeds.len(), 3, "{got:?}");
        assert_eq!(got.feeds[0].name.as_deref(), Some("Ars & Co"));
        assert_eq!(got.feeds[0].tags, ["Tech"]);
        assert_eq!(got.feeds[1].tags, ["Tech", "Sub"]);
        assert_eq!(got.feeds[2].name.as_deref(), Some("Le Monde"));
        assert!(got.feeds[2].tags.is_empty());
        assert_eq!(got.skipped.len(), 1);
        let back = import(&export(&got.feeds)).unwrap();
        assert_eq!(back.feeds.len(), 3);
        for f in &got.feeds {
            let b = back.feeds.iter().find(|b| b.url == f.url).unwrap();
            assert_eq!(b.name, f.name);
            assert_eq!(b.tags.first(), f.tags.first());
        }
        assert!(import("<opml><body><outline").is_err());
        assert!(import("<html></html>").unwrap_err().contains("no <opml>"));
    }

    #[test]
    fn newsboat_urls() {
        let text = "# my feeds\nhttps://a.example/rss tech \"long tag\" \"~A News\"\n\n\
                    http://b.example/atom ! # hidden\n\"query:Unread:unread = \\\"yes\\\"\"\nexec:~/bin/x\n";
        let got = import(text).unwrap();
        assert_eq!(got.feeds.len(), 2);
        assert_eq!(got.feeds[0].name.as_deref(), Some("A News"));
        assert_eq!(got.feeds[0].tags, ["tech", "long tag"]);
        assert!(got.feeds[1].tags.is_empty());
        assert_eq!(got.skipped.len(), 2, "{:?}", got.skipped);
        assert!(got.skipped[0].starts_with("line 5:"), "{:?}", got.skipped);
    }
}
