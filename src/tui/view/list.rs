//! The list pane: one row per article, and the selected article's details.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pad, pane_block, truncate, width};
use crate::article::format_date;
use crate::text::plural;
use crate::tui::app::{App, Focus, Row, details_height, thousands};

pub struct ListPane<'a>(pub &'a App);

impl Widget for ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let focused = app.focus == Focus::List;
        let mut title = if app.bookmarks_only {
            let keys = app.keymap.keys_for(crate::tui::Command::BookmarksOnly);
            let back = keys
                .first()
                .map(|k| format!("· {k} all "))
                .unwrap_or_default();
            format!(" Bookmarks ({}) {back}", thousands(app.rows.len()))
        } else if app.library_search.is_active() {
            format!(
                " Found {} of {} ",
                thousands(app.rows.len()),
                thousands(app.order.len())
            )
        } else {
            format!(" Articles ({}) ", thousands(app.order.len()))
        };
        if app.sort != crate::library::SortOrder::Date {
            title.push_str(&format!("· by {} ", app.sort.name()));
        }
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
        if app.rows.is_empty() {
            let msg = if app.bookmarks_only {
                let keys = app.keymap.keys_for(crate::tui::Command::ToggleBookmark);
                match keys.first() {
                    Some(k) => format!("no bookmarks: {k} bookmarks an article"),
                    None => "no bookmarks".to_string(),
                }
            } else if app.loading.is_some() {
                "loading…".to_string()
            } else if !app.skipped.is_empty() {
                let keys = app.keymap.keys_for(crate::tui::Command::Problems);
                let see = keys
                    .first()
                    .map(|k| format!(" ({k} lists them)"))
                    .unwrap_or_default();
                format!(
                    "no articles: {} of other types skipped{see}",
                    crate::text::plural(app.skipped.len(), "file", "files")
                )
            } else {
                "no articles".to_string()
            };
            for (i, line) in textwrap::wrap(&msg, w.max(1)).iter().enumerate() {
                if i < usize::from(inner.height) {
                    buf.set_stringn(inner.x, inner.y + i as u16, line, w, t.dim);
                }
            }
            return;
        }
        let shown: Vec<Row> = app.rows.window(app.list_offset, rows);
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
            let missing = matches!(shown[k], Row::Missing(_));
            if missing && i != app.selected {
                style = t.dim;
            }
            buf.set_stringn(inner.x, y, pad(row, w), w, style);
            if let Row::Missing(id) = &shown[k]
                && w > 3
                && !app.elsewhere.contains_key(id)
            {
                // The word "missing" stands out, selected or not.
                let n = (w - 3).min(missing_label(app, id).chars().count()) as u16;
                buf.set_style(Rect::new(inner.x + 3, y, n, 1), t.problem);
            }
            // The marks keep their own colour outside the selection bar.
            if i != app.selected && w >= 2 {
                let id = match &shown[k] {
                    Row::Article(a) => app.articles[*a].id.as_str(),
                    Row::Missing(id) => id.as_str(),
                };
                if app.is_bookmarked(id) {
                    buf[(inner.x, y)].set_style(t.bookmark);
                }
                if !missing && !app.is_read(id) {
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

/// Written before the title of a bookmark whose article is gone.
const MISSING: &str = "missing";

/// The mark of a bookmark without its article in the list: while the
/// library is still loading it may only be late; once loaded, the index
/// may know it in another folder (it opens from there).
fn missing_label(app: &App, id: &str) -> &'static str {
    if app.loading.is_some() {
        "not loaded yet"
    } else if app.elsewhere.contains_key(id) {
        ELSEWHERE
    } else {
        MISSING
    }
}

/// Written before the title of a bookmark whose article is outside the
/// library's folders.
const ELSEWHERE: &str = "elsewhere";

/// Its details' first words.
const OUTSIDE: &str = "outside the library";

/// The cells of one row.
struct Cells {
    marks: String,
    title: String,
    source: String,
    date: String,
    quotes: String,
}

fn cells(app: &App, row: &Row) -> Cells {
    let idx = match row {
        Row::Article(i) => *i,
        Row::Missing(id) => {
            let title = app.bookmarks.get(id).map_or("", |b| b.title.as_str());
            return Cells {
                marks: "★ ".into(),
                title: format!("{} · {title}", missing_label(app, id)),
                source: String::new(),
                date: String::new(),
                quotes: String::new(),
            };
        }
    };
    let a = &app.articles[idx];
    let bookmark = if app.is_bookmarked(&a.id) { '★' } else { ' ' };
    let unread = if app.is_read(&a.id) { ' ' } else { '•' };
    Cells {
        marks: format!("{bookmark}{unread}"),
        title: a.title.clone(),
        source: a.source.as_deref().unwrap_or_default().to_string(),
        date: a
            .date
            .as_ref()
            .map(|d| format_date(d, &app.settings.date_format))
            .unwrap_or_default(),
        quotes: a
            .quotes
            .or_else(|| app.analysis_of(idx).map(|an| an.quotes.len() as u32))
            .filter(|&n| n > 0)
            .map(|n| format!("“{}", thousands(n as usize)))
            .unwrap_or_default(),
    }
}

/// Rows "★• Title…  Source  2024-02-26  “8", the right-hand columns aligned
/// across the rows shown and dropped, least useful first, when space is short.
fn row_texts(app: &App, rows: &[Row], w: usize) -> Vec<String> {
    let cells: Vec<Cells> = rows.iter().map(|r| cells(app, r)).collect();
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
    // The source (a feed's name) shows once the list pane is at its widest.
    let source_w = col(|c| &c.source, if w >= 60 { 12 } else { 10 }, w >= 50);
    let date_w = col(|c| &c.date, 16, w >= 34);
    // a count is never cut ("“105…" for 10,562 said nothing)
    let quotes_w = col(|c| &c.quotes, 12, w >= 24);
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
    if let Some(Row::Missing(id)) = app.selected_row() {
        missing_details(app, &id, area, buf);
        return;
    }
    let Some(a) = app.selected_article() else {
        return;
    };
    let analysis = app.analyses.get(&a.id);
    // the analysis in memory is the freshest; else what the index stored
    let stored_quotes = a.quotes;
    let mut meta = Vec::new();
    if let Some(s) = &a.source {
        meta.push(s.to_string());
    }
    if let Some(d) = &a.date {
        meta.push(format_date(d, &app.settings.date_format));
    }
    if let Some(l) = a
        .language
        .as_deref()
        .map(str::to_string)
        .or_else(|| analysis.map(|an| an.language.code().to_string()))
    {
        meta.push(l);
    }
    meta.push(format!("{} words", thousands(a.words as usize)));
    let people = match analysis {
        None if app.analysis_error.is_some() => "People: analysis unavailable".to_string(),
        None => "People: analysing…".to_string(),
        Some(an) => {
            let p = an.main_people(3);
            if p.is_empty() {
                "People: none found".to_string()
            } else {
                format!("People: {}", p.join(", "))
            }
        }
    };
    let quotes = match analysis {
        None => stored_quotes.map_or_else(String::new, |n| plural(n as usize, "quote", "quotes")),
        Some(an) => format!(
            "{}, {}",
            plural(an.quotes.len(), "quote", "quotes"),
            plural(an.speakers().len(), "speaker", "speakers")
        ),
    };
    // The bookmark's note is the reader's own words: it takes the last line.
    let last = match app.note(&a.id) {
        Some(n) => Line::from(vec![
            Span::styled("★ ", t.bookmark),
            Span::styled(truncate(n, w.saturating_sub(2)), t.text),
        ]),
        None => Line::from(Span::styled(truncate(&quotes, w), t.dim)),
    };
    let lines = [
        Line::from(Span::styled(truncate(&meta.join(" · "), w), t.dim)),
        Line::from(Span::styled(truncate(&people, w), t.text)),
        last,
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y < area.y + area.height {
            buf.set_line(area.x, y, l, area.width);
        }
    }
}

/// A bookmark whose article is not in the library: where it was, its note,
/// and what can be done.
fn missing_details(app: &App, id: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let w = usize::from(area.width);
    let b = app.bookmarks.get(id);
    let label = missing_label(app, id);
    let elsewhere = app.elsewhere.get(id).filter(|_| label == ELSEWHERE);
    let path = match elsewhere {
        Some(at) => format!("at {}", crate::text::escape(at)),
        None => b.and_then(|b| b.path.as_ref()).map_or_else(
            || "last seen: no path recorded".to_string(),
            |p| format!("last seen: {}", crate::text::escape_path(p)),
        ),
    };
    let note = b.and_then(|b| b.note.as_deref());
    let remove = app
        .keymap
        .keys_for(crate::tui::Command::ToggleBookmark)
        .first()
        .map(|k| format!("{k} removes the bookmark"))
        .unwrap_or_default();
    let lines = [
        Line::from(vec![
            if elsewhere.is_some() {
                Span::styled(OUTSIDE, t.text)
            } else {
                Span::styled(label, t.problem)
            },
            Span::styled(
                truncate(
                    &format!(
                        "{} · id {}",
                        if elsewhere.is_some() {
                            ""
                        } else {
                            " from the library"
                        },
                        crate::text::escape(id)
                    ),
                    w.saturating_sub(width(if elsewhere.is_some() { OUTSIDE } else { label })),
                ),
                t.dim,
            ),
        ]),
        Line::from(Span::styled(truncate(&path, w), t.text)),
        match note {
            Some(n) => Line::from(vec![
                Span::styled("★ ", t.bookmark),
                Span::styled(truncate(n, w.saturating_sub(2)), t.text),
            ]),
            None => Line::from(Span::styled(truncate(&remove, w), t.dim)),
        },
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y < area.y + area.height {
            buf.set_line(area.x, y, l, area.width);
        }
    }
}
