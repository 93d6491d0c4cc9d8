//! Untrusted article text is neutralised here, once, when it enters the program.
//! (First version: control characters dropped; the full sanitiser replaces it.)

/// Removes control characters other than newline; expands tabs; normalises CRLF.
pub fn sanitise(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
