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
        let shown: Vec<usize> = app
            .order
            .iter()
            .skip(app.list_offset)
            .take(rows)
            .copied()
            .collect();
        for (k, row) in row_texts(app, &shown, w).into_iter().enumerate() {
            let i = app.list_offset + k;
            let y = inner.y + k as u16;
            let mut style = t.text;
            if i == app.selected {
                style = t.selection;
                if !focused {
                    style = style.remove_modifier(Modifier::BOLD);
                }
            }
            buf.set_stringn(inner.x, y, pad(row, w), w, style);
            // The marks keep their own colour outside the selection bar.
            if i != app.selected && w >= 2 {
                let id = &app.articles[app.order[i]].id;
                if app.bookmarks.contains(id) {
                    buf[(inner.x, y)].set_style(t.bookmark);
                }
                if !app.read.contains(id) {
                    buf[(inner.x + 1, y)].set_style(t.unread);
                }
            }
        }
        let dh = details_height(inner.height);
        if dh > 0 {
            let y = inner.y + inner.height - dh;
            details(app, Rect::new(inner.x, y, inner.width, dh), buf);
        }
    }
}

/// The cells of one row.
struct Cells {
    marks: String,
    title: String,
    source: String,
    date: String,
    quotes: String,
}

fn cells(app: &App, idx: usize) -> Cells {
    let a = &app.articles[idx];
    let bookmark = if app.bookmarks.contains(&a.id) {
        '★'
    } else {
        ' '
    };
    let unread = if app.read.contains(&a.id) { ' ' } else { '•' };
    Cells {
        marks: format!("{bookmark}{unread}"),
        title: a.title.clone(),
        source: a.source.clone().unwrap_or_default(),
        date: a
            .date
            .as_ref()
            .map(|d| format_date(d, &app.settings.date_format))
            .unwrap_or_default(),
        quotes: app
            .analyses
            .get(&a.id)
            .filter(|an| !an.quotes.is_empty())
            .map(|an| format!("“{}", an.quotes.len()))
            .unwrap_or_default(),
    }
}

/// Rows "★• Title…  Source  2024-02-26  “8", the right-hand columns aligned
/// across the rows shown and dropped, least useful first, when space is short.
fn row_texts(app: &App, rows: &[usize], w: usize) -> Vec<String> {
    let cells: Vec<Cells> = rows.iter().map(|&i| cells(app, i)).collect();
    let col = |f: fn(&Cells) -> &str, cap: usize, keep: bool| {
        if keep {
            cells
                .iter()
                .map(|c| width(f(c)))
                .max()
                .unwrap_or(0)
                .min(cap)
        } else {
            0
        }
    };
    let source_w = col(|c| &c.source, 12, w >= 60);
    let date_w = col(|c| &c.date, 16, w >= 34);
    let quotes_w = col(|c| &c.quotes, 5, w >= 24);
    let right_w: usize = [source_w, date_w, quotes_w]
        .iter()
        .filter(|&&x| x > 0)
        .map(|x| x + 1)
        .sum();
    let title_w = w.saturating_sub(3 + right_w);
    cells
        .iter()
        .map(|c| {
            let mut row = format!("{} {}", c.marks, pad(truncate(&c.title, title_w), title_w));
            if source_w > 0 {
                row.push(' ');
                row.push_str(&pad(truncate(&c.source, source_w), source_w));
            }
            if date_w > 0 {
                row.push(' ');
                row.push_str(&pad(truncate(&c.date, date_w), date_w));
            }
            if quotes_w > 0 {
                row.push(' ');
                let q = truncate(&c.quotes, quotes_w);
                row.push_str(&" ".repeat(quotes_w - width(&q)));
                row.push_str(&q);
            }
            truncate(&row, w)
        })
        .collect()
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
