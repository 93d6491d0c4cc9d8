//! The one theme. Named ANSI colours only, never a background behind plain
//! text, so the terminal's own palette keeps it readable on dark and light
//! screens. Every colour cue has a twin that needs no colour (reverse, bold,
//! underline, italic, margin marks), so NO_COLOR loses nothing essential.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::Label;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub focus_border: Style,
    pub selection: Style,
    pub heading: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub blockquote: Style,
    pub link: Style,
    pub search_match: Style,
    pub current: Style,
    pub chosen: Style,
    pub status: Style,
    pub hint_key: Style,
    pub problem: Style,
    pub speaker_mention: Style,
    pub cue: Style,
    pub unattributed: Style,
    pub per: Style,
    pub org: Style,
    pub loc: Style,
    pub misc: Style,
    pub bookmark: Style,
    pub unread: Style,
    /// Speaker colours, given by order of first appearance in an article.
    pub speakers: Vec<Color>,
    /// One colour for all quoted words instead of each speaker's (`quote`).
    pub quote_colour: Option<Color>,
    /// One colour for all speaker mentions and margin cues (`speaker`).
    pub speaker_colour: Option<Color>,
}

/// Element names accepted in the config's `[theme]` table: the config's
/// own list, so the two cannot drift.
pub use crate::config::THEME_ELEMENTS as ELEMENTS;

impl Theme {
    /// The theme for this environment: colours unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env(overrides: &BTreeMap<String, String>) -> Result<Theme, String> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color, overrides)
    }

    /// `overrides`: element → colour ("red", "#1e90ff"). Ignored without colour.
    pub fn new(color: bool, overrides: &BTreeMap<String, String>) -> Result<Theme, String> {
        let mut t = if color {
            Theme::coloured()
        } else {
            Theme::monochrome()
        };
        for (element, value) in overrides {
            let c = Color::from_str(value.trim()).map_err(|_| {
                format!(
                    "[theme] {element}: {value:?} is not a colour (a name like \"blue\" or #rrggbb)"
                )
            })?;
            if !ELEMENTS.contains(&element.as_str()) {
                return Err(format!(
                    "[theme] unknown element {element:?} (known: {})",
                    ELEMENTS.join(", ")
                ));
            }
            if !color {
                continue;
            }
            let fg = |s: &mut Style| *s = s.fg(c);
            match element.as_str() {
                "text" => fg(&mut t.text),
                "title" => {
                    fg(&mut t.title);
                    fg(&mut t.heading);
                }
                "meta" => fg(&mut t.dim),
                "border" => fg(&mut t.border),
                "focus" => fg(&mut t.focus_border),
                // Reversed: the colour shows as the bar's background.
                "selection" => fg(&mut t.selection),
                "status" => fg(&mut t.status),
                "search" => t.search_match = t.search_match.bg(c),
                "quote" => t.quote_colour = Some(c),
                "speaker" => t.speaker_colour = Some(c),
                "person" => fg(&mut t.per),
                "organisation" => fg(&mut t.org),
                "location" => fg(&mut t.loc),
                "misc" => fg(&mut t.misc),
                "bookmark" => fg(&mut t.bookmark),
                "unread" => fg(&mut t.unread),
                _ => fg(&mut t.problem),
            }
        }
        Ok(t)
    }

    fn monochrome() -> Theme {
        let s = Style::default();
        Theme {
            color: false,
            text: s,
            dim: s.add_modifier(Modifier::DIM),
            title: s.add_modifier(Modifier::BOLD),
            border: s,
            focus_border: s.add_modifier(Modifier::BOLD),
            selection: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            heading: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            emphasis: s.add_modifier(Modifier::ITALIC),
            strong: s.add_modifier(Modifier::BOLD),
            code: s.add_modifier(Modifier::DIM),
            blockquote: s.add_modifier(Modifier::ITALIC),
            // a link is not a place: dim as well as underlined
            link: s.add_modifier(Modifier::UNDERLINED | Modifier::DIM),
            search_match: s.add_modifier(Modifier::REVERSED),
            current: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            chosen: s.add_modifier(Modifier::REVERSED),
            status: s.add_modifier(Modifier::REVERSED),
            hint_key: s.add_modifier(Modifier::BOLD),
            problem: s.add_modifier(Modifier::BOLD),
            // each highlight layer its own look, none shared (places are
            // underlined, so speech verbs and speakers are not only that)
            speaker_mention: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cue: s.add_modifier(Modifier::DIM | Modifier::ITALIC),
            unattributed: s,
            per: s.add_modifier(Modifier::BOLD),
            org: s.add_modifier(Modifier::ITALIC),
            loc: s.add_modifier(Modifier::UNDERLINED),
            misc: s.add_modifier(Modifier::BOLD | Modifier::ITALIC),
            bookmark: s.add_modifier(Modifier::BOLD),
            unread: s.add_modifier(Modifier::BOLD),
            speakers: Vec::new(),
            quote_colour: None,
            speaker_colour: None,
        }
    }

    fn coloured() -> Theme {
        let m = Theme::monochrome();
        Theme {
            color: true,
            title: m.title.fg(Color::Cyan),
            focus_border: m.focus_border.fg(Color::Cyan),
            border: m.border.fg(Color::DarkGray),
            heading: m.heading.fg(Color::Cyan),
            link: Style::default()
                .add_modifier(Modifier::UNDERLINED)
                .fg(Color::Blue),
            // in colour, hues tell the layers apart: the plain underline
            speaker_mention: Style::default().add_modifier(Modifier::UNDERLINED),
            cue: Style::default().add_modifier(Modifier::UNDERLINED),
            search_match: Style::default().fg(Color::Black).bg(Color::Yellow),
            hint_key: m.hint_key.fg(Color::Cyan),
            problem: m.problem.fg(Color::Red),
            // 256-colour hues of middle lightness: plain ANSI yellow, cyan and
            // green fade on a white background with the default palette.
            per: m.per.fg(Color::Indexed(31)),
            org: m.org.fg(Color::Indexed(127)),
            loc: m.loc.fg(Color::Indexed(28)),
            misc: m.misc.fg(Color::Indexed(130)),
            bookmark: m.bookmark.fg(Color::Indexed(136)),
            unread: m.unread.fg(Color::Indexed(31)),
            // Same kind of hues, told apart from the entities also by the margin cue.
            speakers: vec![
                Color::Indexed(33),
                Color::Indexed(166),
                Color::Indexed(34),
                Color::Indexed(163),
                Color::Indexed(124),
                Color::Indexed(30),
            ],
            ..m
        }
    }

    pub fn entity(&self, label: Label) -> Style {
        match label {
            Label::Per => self.per,
            Label::Org => self.org,
            Label::Loc => self.loc,
            Label::Misc => self.misc,
        }
    }

    /// The words quoted from the n-th speaker of an article (by first appearance).
    pub fn quote(&self, n: usize) -> Style {
        match self.quote_colour {
            Some(c) => Style::default().fg(c),
            None => self.palette(n),
        }
    }

    /// The n-th speaker's mention, margin cue and panel row.
    pub fn speaker(&self, n: usize) -> Style {
        match self.speaker_colour {
            Some(c) => Style::default().fg(c),
            None => self.palette(n),
        }
    }

    fn palette(&self, n: usize) -> Style {
        match self.speakers.len() {
            0 => Style::default(),
            len => Style::default().fg(self.speakers[n % len]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_but_visible_selection() {
        let t = Theme::new(false, &BTreeMap::new()).unwrap();
        for s in [
            t.selection,
            t.current,
            t.search_match,
            t.per,
            t.org,
            t.loc,
            t.misc,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
            assert!(!s.add_modifier.is_empty());
        }
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        // every highlight layer can be told from every other without colour
        let layers = [
            ("person", t.per),
            ("organisation", t.org),
            ("place", t.loc),
            ("other name", t.misc),
            ("speech verb", t.cue),
            ("speaker", t.speaker_mention),
            ("link", t.link),
            ("search match", t.search_match),
            ("current", t.current),
        ];
        for (i, (a, sa)) in layers.iter().enumerate() {
            for (b, sb) in &layers[i + 1..] {
                assert_ne!(
                    sa.add_modifier, sb.add_modifier,
                    "{a} and {b} look the same"
                );
            }
        }
    }

    #[test]
    fn overrides_take_names_and_hex() {
        let mut o = BTreeMap::new();
        o.insert("person".to_string(), "#ff8800".to_string());
        o.insert("quote".to_string(), "light blue".to_string());
        o.insert("meta".to_string(), "dark grey".to_string());
        o.insert("focus".to_string(), "bright cyan".to_string());
        let t = Theme::new(true, &o).unwrap();
        assert_eq!(t.per.fg, Some(Color::Rgb(0xff, 0x88, 0)));
        assert_eq!(t.quote(3).fg, Some(Color::LightBlue));
        assert_eq!(t.dim.fg, Some(Color::DarkGray));
        assert_eq!(t.focus_border.fg, Some(Color::LightCyan));
        // Speakers keep their own colours unless `speaker` is set.
        assert_ne!(t.speaker(0), t.speaker(1));
        o.insert("organisation".to_string(), "notacolour".to_string());
        let e = Theme::new(true, &o).unwrap_err();
        assert!(
            e.contains("organisation") && e.contains("notacolour"),
            "{e}"
        );
        let mut o = BTreeMap::new();
        o.insert("wallpaper".to_string(), "red".to_string());
        assert!(Theme::new(true, &o).unwrap_err().contains("wallpaper"));
        // Without colour, overrides are checked but change nothing.
        let mut o = BTreeMap::new();
        o.insert("person".to_string(), "red".to_string());
        assert_eq!(
            Theme::new(false, &o).unwrap(),
            Theme::new(false, &BTreeMap::new()).unwrap()
        );
    }

    #[test]
    fn every_config_theme_element_is_honoured() {
        let base = Theme::new(true, &BTreeMap::new()).unwrap();
        for e in ELEMENTS {
            let o = BTreeMap::from([(e.to_string(), "#010203".to_string())]);
            assert_ne!(Theme::new(true, &o).unwrap(), base, "{e} changes nothing");
        }
    }
}
