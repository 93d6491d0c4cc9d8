//! The status line and the hint bar (or the search input line).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// How many of the keymap's hints, at the end (help, quit), always show.
const ESSENTIAL_HINTS: usize = 2;

use super::{plain, truncate, width};
use crate::tui::app::{App, Layers, Walk, thousands};

pub struct StatusBar<'a>(pub &'a App);

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let w = usize::from(area.width);
        buf.set_style(area, t.status);
        let mut parts: Vec<Span> = Vec::new();
        let mut push = |s: String, style| {
            if !parts.is_empty() {
                parts.push(Span::styled(" · ", t.status));
            }
            parts.push(Span::styled(s, style));
        };
        match app.loading {
            Some(l) => push(
                match l.total {
                    Some(total) => format!("loading {} / {}", thousands(l.done), thousands(total)),
                    None if l.done > 0 => format!("loading… {}", thousands(l.done)),
                    None => "loading…".to_string(),
                },
                t.status,
            ),
            None => {
                let n = app.order.len();
                let s = if n == 1 { "" } else { "s" };
                push(format!("{} article{s}", thousands(n)), t.status)
            }
        }
        if let Some((done, total)) = app.reconciling {
            push(
                format!(
                    "reading new files {} / {}",
                    thousands(done),
                    thousands(total)
                ),
                t.status,
            );
        }
        if let Some(a) = app.analysing {
            let pct = (a.bytes * 100).checked_div(a.total_bytes).unwrap_or(0);
            let rate = if a.seconds > 0.0 {
                format!(" · {:.1} MB/s", a.bytes as f64 / 1e6 / a.seconds)
            } else {
                String::new()
            };
            push(
                format!(
                    "analysing the library {pct}% ({} / {}){rate}",
                    thousands(a.done),
                    thousands(a.total)
                ),
                t.status,
            );
        }
        if !app.problems.is_empty() {
            let n = app.problems.len();
            push(
                format!("{} (!)", crate::text::plural(n, "problem", "problems")),
                t.status.patch(t.problem),
            );
        }
        if let Some(f) = app.fetch_status() {
            push(f, t.status);
        }
        let unsaved = app.bookmarks.pending();
        if unsaved > 0 {
            push(
                format!("★ {} unsaved", thousands(unsaved)),
                t.status.patch(t.problem),
            );
        }
        if let Some(q) = app.quote_status() {
            push(q, t.status);
        }
        // A speaker's walk is already told by the quote status ("Arthur Mensch 2/3").
        let speaker_walk = app
            .reader
            .as_ref()
            .is_some_and(|r| matches!(r.walk, Some(Walk::Speaker(_))) && r.quote.is_some());
        if let Some(w) = app.walk_status().filter(|_| !speaker_walk) {
            push(w, t.status);
        }
        if app.layers != Layers::All {
            push(format!("highlights: {}", app.layers.name()), t.status);
        }
        if let Some(m) = &app.message {
            push(m.clone(), t.status);
        }
        let room = w;
        let mut used = 1;
        let mut spans = vec![Span::styled(" ", t.status)];
        for s in parts {
            let sw = width(&s.content);
            if used + sw > room {
                spans.push(Span::styled(
                    truncate(&s.content, room.saturating_sub(used)),
                    s.style,
                ));
                break;
            }
            used += sw;
            spans.push(s);
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

pub struct HintBar<'a>(pub &'a App);

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let w = usize::from(area.width);
        if let Some(input) = &app.note_input {
            let help = "   Enter save · Esc cancel";
            let room = w.saturating_sub(width("Note: ") + 1 + width(help)).max(8);
            // The end of a long note stays in view, where the typing is.
            let shown = if width(&input.text) > room {
                let tail: String = input
                    .text
                    .chars()
                    .rev()
                    .take(room.saturating_sub(1))
                    .collect();
                let tail: String = tail.chars().rev().collect();
                let mut cut = tail.as_str();
                while width(cut) > room.saturating_sub(1) {
                    let mut cs = cut.chars();
                    cs.next();
                    cut = cs.as_str();
                }
                format!("…{cut}")
            } else {
                input.text.clone()
            };
            let line = Line::from(vec![
                Span::styled("Note: ", t.hint_key),
                Span::styled(shown, plain()),
                Span::styled("█", plain()),
                Span::styled(help, t.dim),
            ]);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        if app.library_search.editing {
            let s = &app.library_search;
            let found = match (&s.error, s.is_active()) {
                (Some(e), _) => format!("  {e}"),
                (None, true) => format!("  {} found", thousands(app.rows.len())),
                (None, false) => {
                    "  words, unread, bookmarked, source: lang: since: until: speaker: entity: sort:"
                        .to_string()
                }
            };
            let line = Line::from(vec![
                Span::styled("Find: ", t.hint_key),
                Span::styled(s.input.clone(), plain()),
                Span::styled("█", plain()),
                Span::styled(found, if s.error.is_some() { t.problem } else { t.dim }),
                Span::styled("   Enter keep · Esc clear", t.dim),
            ]);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        if let Some(r) = app.reader.as_ref().filter(|r| r.search.editing) {
            let n = r.search.matches.len();
            let count = match (n, r.search.query.is_empty()) {
                (_, true) => String::new(),
                (0, false) => "  no match".to_string(),
                (1, false) => "  1 match".to_string(),
                (n, false) => format!("  {} matches", thousands(n)),
            };
            let line = Line::from(vec![
                Span::styled("/", t.hint_key),
                Span::styled(r.search.query.clone(), plain()),
                Span::styled("█", plain()),
                Span::styled(count, t.dim),
                Span::styled("   Enter keep · Esc clear", t.dim),
            ]);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        // The last hints (help, quit) always show: on a narrow screen the
        // middle ones give way, so a reader can still find `?`.
        let hints = app.keymap.hint();
        let item_w = |(keys, label): &(String, &str)| width(keys) + 1 + width(label) + 2;
        let essential = hints.len().saturating_sub(ESSENTIAL_HINTS);
        let mut room = w.saturating_sub(hints[essential..].iter().map(item_w).sum());
        let mut shown: Vec<&(String, &str)> = Vec::new();
        for h in &hints[..essential] {
            if item_w(h) > room {
                break;
            }
            room -= item_w(h);
            shown.push(h);
        }
        shown.extend(&hints[essential..]);
        let spans: Vec<Span> = shown
            .into_iter()
            .flat_map(|(keys, label)| {
                [
                    Span::styled(keys.clone(), t.hint_key),
                    Span::styled(format!(" {label}  "), t.dim),
                ]
            })
            .collect();
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}
