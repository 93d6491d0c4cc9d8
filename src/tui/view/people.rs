//! The People screen: every speaker across the library, or one speaker's
//! quotes with their articles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The widest the name column gets: a long name still fits, and on a wide
/// screen the counts stay next to the names.
const NAME_MAX: usize = 40;

use super::{pad, pane_block, truncate};
use crate::article::format_date;
use crate::tui::app::{App, thousands};
use crate::tui::people::PeopleView;

pub struct PeopleScreen<'a>(pub &'a App, pub &'a PeopleView);

impl Widget for PeopleScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, v) = (self.0, self.1);
        let t = &app.theme;
        let title = match &v.detail {
            None => {
                let shown = if v.filter.is_empty() {
                    format!("{} speakers", thousands(v.total))
                } else {
                    format!(
                        "{} of {} speakers match “{}”",
                        thousands(v.speakers.len()),
                        thousands(v.total),
                        v.filter
                    )
                };
                format!(" People · {shown} · most quoted first ")
            }
            Some(d) => {
                let shown = if d.quotes.len() < d.speaker.quotes as usize {
                    format!(" · the newest {}", thousands(d.quotes.len()))
                } else {
                    String::new()
                };
                format!(
                    " {} · {} quote{} in {} article{}{shown} ",
                    d.speaker.name,
                    thousands(d.speaker.quotes as usize),
                    if d.speaker.quotes == 1 { "" } else { "s" },
                    thousands(d.speaker.articles as usize),
                    if d.speaker.articles == 1 { "" } else { "s" },
                )
            }
        };
        let block = pane_block(t, true).title(Line::styled(title, t.title));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        let h = usize::from(inner.height);
        if let Some(e) = &v.error {
            buf.set_stringn(inner.x, inner.y, truncate(e, w), w, t.problem);
            return;
        }
        match &v.detail {
            None => {
                if v.speakers.is_empty() {
                    let msg = if v.filter.is_empty() {
                        "no quotes found in the library yet"
                    } else {
                        "no speaker by that name"
                    };
                    buf.set_stringn(inner.x, inner.y, msg, w, t.dim);
                    return;
                }
                let first = (v.selected + 1).saturating_sub(h);
                let counts_w = 30.min(w / 2);
                for (k, s) in v.speakers.iter().skip(first).take(h).enumerate() {
                    let i = first + k;
                    let counts = format!(
                        "{:>6} quote{} {:>5} article{}",
                        thousands(s.quotes as usize),
                        if s.quotes == 1 { " " } else { "s" },
                        thousands(s.articles as usize),
                        if s.articles == 1 { " " } else { "s" },
                    );
                    // counts beside the names, not across a wide screen
                    let name_w = w.saturating_sub(counts_w + 2).min(NAME_MAX);
                    let row = format!(
                        " {} {}",
                        pad(truncate(&s.name, name_w), name_w),
                        truncate(&counts, counts_w)
                    );
                    let style = if i == v.selected { t.selection } else { t.text };
                    buf.set_stringn(inner.x, inner.y + k as u16, pad(row, w), w, style);
                }
            }
            Some(d) => {
                // two lines a quote: its article, then its words
                let per = 2;
                let rows = (h / per).max(1);
                let first = (d.selected + 1).saturating_sub(rows);
                for (k, q) in d.quotes.iter().skip(first).take(rows).enumerate() {
                    let i = first + k;
                    let y = inner.y + (k * per) as u16;
                    let date = q
                        .date
                        .map(|d| format_date(&d, &app.settings.date_format))
                        .unwrap_or_else(|| "undated".into());
                    let head = format!(" {date} · {}", q.title);
                    let selected = i == d.selected;
                    let style = if selected { t.selection } else { t.dim };
                    buf.set_stringn(inner.x, y, pad(truncate(&head, w), w), w, style);
                    if y + 1 < inner.y + inner.height {
                        let marks = if q.direct { ("“", "”") } else { ("", "") };
                        let text = format!("   {}{}{}", marks.0, one_line(&q.text), marks.1);
                        let mut style = t.text.add_modifier(Modifier::ITALIC);
                        if selected {
                            style = style.add_modifier(Modifier::BOLD);
                        }
                        buf.set_stringn(inner.x, y + 1, pad(truncate(&text, w), w), w, style);
                    }
                }
                if d.quotes.is_empty() {
                    buf.set_stringn(
                        inner.x,
                        inner.y,
                        "no quotes in the listed folders",
                        w,
                        t.dim,
                    );
                }
            }
        }
    }
}

/// The bottom line of the People screen: the filter being typed, or its keys.
pub fn people_hint(app: &App, v: &PeopleView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let line = if v.editing {
        Line::from(vec![
            Span::styled("/", t.hint_key),
            Span::raw(v.filter.clone()),
            Span::raw("█"),
            Span::styled(
                format!(
                    "  {} found   Enter keep · Esc clear",
                    thousands(v.speakers.len())
                ),
                t.dim,
            ),
        ])
    } else {
        let items: &[(&str, &str)] = match v.detail {
            None => &[
                ("j/k", "move"),
                ("Enter", "their quotes"),
                ("/", "find a name"),
                ("Esc", "back"),
            ],
            Some(_) => &[
                ("j/k", "move"),
                ("Enter", "open at the quote"),
                ("Esc", "people"),
            ],
        };
        let mut spans = Vec::new();
        for (k, label) in items {
            spans.push(Span::styled(*k, t.hint_key));
            spans.push(Span::styled(format!(" {label}  "), t.dim));
        }
        Line::from(spans)
    };
    buf.set_line(area.x, area.y, &line, area.width);
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
