//! Drawing only: each part of the screen is its own widget reading `&App`.

mod bars;
mod list;
mod people;
mod popups;
mod reader;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType};

use super::app::{App, Overlay};
use super::theme::Theme;

pub use bars::{HintBar, StatusBar};
pub use list::ListPane;
pub use popups::{EntitiesPanel, HelpOverlay, ProblemsPopup, SpeakersPanel};
pub use reader::ReaderPane;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let areas = app.areas();
    let buf = frame.buffer_mut();
    if let Some(v) = &app.people {
        // a screen of its own: the panes' whole area
        let panes = Rect::new(0, 0, app.size.0, areas.status.map_or(app.size.1, |s| s.y));
        buf_render(people::PeopleScreen(app, v), panes, buf);
        if let Some(r) = areas.status {
            buf_render(StatusBar(app), r, buf);
        }
        if let Some(r) = areas.hint.map(|r| r.intersection(buf.area))
            && !r.is_empty()
        {
            people::people_hint(app, v, r, buf);
        }
        return;
    }
    if let Some(r) = areas.list {
        buf_render(ListPane(app), r, buf);
    }
    if let Some(r) = areas.reader {
        buf_render(ReaderPane(app), r, buf);
    }
    if let Some(r) = areas.status {
        buf_render(StatusBar(app), r, buf);
    }
    if let Some(r) = areas.hint {
        buf_render(HintBar(app), r, buf);
    }
    let full = Rect::new(0, 0, app.size.0, app.size.1).intersection(buf.area);
    // the article's own panels open over the reading pane, beside the list
    let reading = areas.reader.map_or(full, |r| r.intersection(buf.area));
    match &app.overlay {
        Some(Overlay::Help { .. }) => buf_render(HelpOverlay(app), full, buf),
        Some(Overlay::Problems { .. }) => buf_render(ProblemsPopup(app), full, buf),
        Some(Overlay::Speakers { .. }) => buf_render(SpeakersPanel(app), reading, buf),
        Some(Overlay::Entities { .. }) => buf_render(EntitiesPanel(app), reading, buf),
        None => {}
    }
}

fn buf_render<W: ratatui::widgets::Widget>(w: W, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    // The app's idea of the size can lag one event behind the frame's.
    let area = area.intersection(buf.area);
    if !area.is_empty() {
        w.render(area, buf);
    }
}

/// A pane's frame: thick and bold when focused, so focus shows without colour.
fn pane_block<'a>(theme: &Theme, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.focus_border, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered().border_type(kind).border_style(style)
}

pub use crate::text::{truncate, width};

/// A centred rectangle of at most `w`×`h` inside `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Pads a row to the full width so a selection bar spans it.
fn pad(s: String, w: usize) -> String {
    let have = width(&s);
    if have >= w {
        s
    } else {
        s + &" ".repeat(w - have)
    }
}

fn plain() -> Style {
    Style::default()
}
