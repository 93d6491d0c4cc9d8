//! The list pane: one row per article, and the selected article's details.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pad, pane_block, truncate, width};
use crate::tui::app::{App, Focus, details_height, format_date, main_people, thousands};

pub struct ListPane<'a>(pub &'a App);

impl Widget for ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let focused = app.focus == Focus::List;
        let mut title = format!(" Articles ({}) ", thousands(app.order.len()));
        if app.loading.is_some() {
            title.push_str("loading… ");
        }
        let block = pane_block(t, focused).title(Line::styled(title, t.title));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        let rows = app.list_rows();
        if app.order.is_empty() {
            let msg = if app.loading.is_some() {
                "loading…"
            } else {
                "no articles"
            };
            buf.set_stringn(inner.x, inner.y, msg, w, t.dim);
            return;
        }
        for (i, &idx) in app
            .order
            .iter()
            .enumerate()
            .skip(app.list_offset)
            .take(rows)
        {
            let y = inner.y + (i - app.list_offset) as u16;
            let row = row_text(app, idx, w);
            let mut style = t.text;
            if i == app.selected {
                style = t.selection;
                if !focused {
                    style = style.remove_modifier(Modifier::BOLD);
                }
            }
            buf.set_stringn(inner.x, y, pad(row, w), w, style);
        }
        let dh = details_height(inner.height);
        if dh > 0 {
            let y = inner.y + inner.height - dh;
            details(app, Rect::new(inner.x, y, inner.width, dh), buf);
        }
    }
}

/// "★• Title…  Source  2024-02-26  “8".
fn row_text(app: &App, idx: usize, w: usize) -> String {
    let a = &app.articles[idx];
    let bookmark = if app.bookmarks.contains(&a.id) {
        '★'
    } else {
        ' '
    };
    let unread = if app.read.contains(&a.id) { ' ' } else { '•' };
    let date = a
        .date
        .as_ref()
        .map(|d| format_date(d, &app.settings.date_format))
        .unwrap_or_default();
    let source = a
        .source
        .as_deref()
        .map(|s| truncate(s, 14))
        .unwrap_or_default();
    let quotes = app
        .analyses
        .get(&a.id)
        .filter(|an| !an.quotes.is_empty())
        .map(|an| format!("“{}", an.quotes.len()))
        .unwrap_or_default();
    let mut right: Vec<String> = Vec::new();
    // Drop the least useful columns first when the pane is narrow.
    let min_title = 12;
    for (part, keep) in [(source, w >= 48), (date, w >= 32), (quotes, w >= 24)] {
        if keep && !part.is_empty() {
            right.push(part);
        }
    }
    let right = right.join(" ");
    let fixed = 3 + if right.is_empty() {
        0
    } else {
        width(&right) + 1
    };
    let title_w = w
        .saturating_sub(fixed)
        .max(min_title.min(w.saturating_sub(3)));
    let title = pad(truncate(&a.title, title_w), title_w);
    let mut row = format!("{bookmark}{unread} {title}");
    if !right.is_empty() && width(&row) + 1 + width(&right) <= w {
        row.push(' ');
        row.push_str(&right);
    }
    truncate(&row, w)
}

/// The selected article's metadata: source, date, language, people, quotes.
fn details(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let w = usize::from(area.width);
    buf.set_stringn(area.x, area.y, "─".repeat(w), w, t.border);
    let Some(a) = app.selected_article() else {
        return;
    };
    let analysis = app.analyses.get(&a.id);
    let mut meta = Vec::new();
    if let Some(s) = &a.source {
        meta.push(s.clone());
    }
    if let Some(d) = &a.date {
        meta.push(format_date(d, &app.settings.date_format));
    }
    if let Some(l) = a
        .language
        .clone()
        .or_else(|| analysis.map(|an| an.language.code().to_string()))
    {
        meta.push(l);
    }
    meta.push(format!("{} words", thousands(a.word_count())));
    let people = match analysis {
        None if app.analysis_error.is_some() => "People: analysis unavailable".to_string(),
        None => "People: analysing…".to_string(),
        Some(an) => {
            let p = main_people(an);
            if p.is_empty() {
                "People: none found".to_string()
            } else {
                format!("People: {}", p.join(", "))
            }
        }
    };
    let quotes = match analysis {
        None => String::new(),
        Some(an) => format!("{} quotes, {} speakers", an.quotes.len(), {
            crate::tui::app::speaker_order(an).len()
        }),
    };
    let lines = [
        Line::from(Span::styled(truncate(&meta.join(" · "), w), t.dim)),
        Line::from(Span::styled(truncate(&people, w), t.text)),
        Line::from(Span::styled(truncate(&quotes, w), t.dim)),
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y < area.y + area.height {
            buf.set_line(area.x, y, l, area.width);
        }
    }
}
