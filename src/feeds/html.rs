//! HTML from the network → Markdown that quoth's Markdown loader reads back
//! as the same text. dom_query parses (html5ever) and writes Markdown with
//! the text escaped, so a `*` or `1.` in the news stays text; dom_smoothie
//! (a port of Mozilla's Readability) finds an article page's main text.
//!
//! Script, style and other non-text elements never reach the output.

/// Elements whose content is never text for a reader.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "meta", "link", "iframe", "object", "embed",
    "svg", "math", "canvas", "form", "button", "select", "textarea", "input", "audio", "video",
    "picture", "source", "nav",
];

/// HTML (a fragment or a page) as Markdown, images dropped to their
/// description. Blank paragraphs are removed.
pub fn to_markdown(html: &str) -> String {
    let doc = dom_query::Document::fragment(html);
    // An image without a description is nothing to read; one with a
    // description is read back by the Markdown loader as "[image: …]".
    for img in doc.select("img").nodes() {
        if img.attr("alt").is_none_or(|a| a.trim().is_empty()) {
            img.remove_from_parent();
        }
    }
    let md = doc.root().md(Some(SKIP)).to_string();
    tidy(&md)
}

/// The main text of an article page, as Markdown, by Readability. Err
/// when no article can be found in it.
pub fn extract_article(page: &str, url: &str) -> Result<String, String> {
    let mut r = dom_smoothie::Readability::new(page, Some(url), None)
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let article = r
        .parse()
        .map_err(|e| format!("no article text found in the page ({e})"))?;
    let md = to_markdown(&article.content);
    if md.trim().is_empty() {
        return Err("no article text found in the page".into());
    }
    Ok(md)
}

/// No more than one blank line between blocks, none at the ends.
/// A page's bytes as text, in the charset its `Content-Type` header or
/// its `<meta>` declares (many news sites still serve ISO-8859-1 or
/// windows-1252); UTF-8 when neither says.
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = content_type.and_then(charset_in).or_else(|| {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
        head.match_indices("<meta").find_map(|(i, _)| {
            let tag = &head[i..head[i..].find('>').map_or(head.len(), |e| i + e)];
            charset_in(tag)
        })
    });
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The value after `charset=` in a header or a meta tag.
fn charset_in(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let value: String = lower[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = 0;
    for line in md.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_text_and_drops_code() {
        let md = to_markdown(
            "<style>p{color:red}</style><script>alert('x')</script><p>Price *5* <em>now</em></p>\
             <p>1. not a list</p><noscript>enable js</noscript><img src=a.png><img src=b.png alt=\"A cat\">",
        );
        assert!(
            !md.contains("alert") && !md.contains("color") && !md.contains("enable js"),
            "{md}"
        );
        assert!(md.contains(r"Price \*5\* *now*"), "{md}");
        assert!(md.contains(r"1\. not a list"), "{md}");
        assert!(
            md.contains("![A cat](b.png)") && !md.contains("a.png"),
            "{md}"
        );
    }

    #[test]
    fn pages_decode_in_their_charset() {
        let latin1 =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body>\xe9t\xe9</body></html>";
        assert!(decode_page(latin1, None).contains("été"));
        assert!(decode_page(b"caf\xe9", Some("text/html; charset=windows-1252")).contains("café"));
        assert_eq!(decode_page("déjà".as_bytes(), Some("text/html")), "déjà");
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">\xa4";
        assert!(decode_page(http_equiv, None).ends_with('€'));
    }

    #[test]
    fn readability_finds_the_story() {
        let story = "<p>Le ministre a déclaré : « Nous allons continuer. » C'est une longue phrase de l'article.</p>".repeat(12);
        let page = format!(
            "<html><head><title>T</title><script>var x=1;</script></head><body>\
             <nav><a href=/>Home</a> <a href=/a>About</a></nav><article><h1>T</h1>{story}</article>\
             <footer>© Example</footer></body></html>"
        );
        let md = extract_article(&page, "https://x.example/a").unwrap();
        assert!(md.contains("« Nous allons continuer. »"), "{md}");
        assert!(!md.contains("Home") && !md.contains("var x"), "{md}");
        assert!(extract_article("<html><body></body></html>", "https://x.example/").is_err());
    }
}
