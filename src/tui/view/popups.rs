//! Overlays: help, problems, speakers panel, entities panel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::reader::initials;
use super::{centred, pad, truncate, width};
use crate::analysis::Label;
use crate::text::{escape, escape_path};
use crate::tui::app::{App, Overlay};

/// A framed, cleared box of at most `w`×`h`; returns its inner area.
fn popup(app: &App, area: Rect, w: u16, h: u16, title: String, buf: &mut Buffer) -> Rect {
    let r = centred(area, w, h);
    Clear.render(r, buf);
    let t = &app.theme;
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.focus_border)
        .title(Line::styled(title, t.title));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

/// Draws `rows` from `first`, one per line, with arrows on the frame when
/// more rows are above or below.
fn rows(inner: Rect, first: usize, rows: &[Line<'_>], buf: &mut Buffer) {
    let h = usize::from(inner.height);
    for (i, l) in rows.iter().skip(first).take(h).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, l, inner.width);
    }
    if inner.width >= 8 && inner.y > 0 {
        let x = inner.x + inner.width - 7;
        if first > 0 {
            buf.set_string(x, inner.y - 1, " more ↑", Style::default());
        }
        if first + h < rows.len() {
            buf.set_string(x, inner.y + inner.height, " more ↓", Style::default());
        }
    }
}

/// First row to show so `selected` stays in a window of `h` rows.
fn window(selected: usize, h: usize) -> usize {
    (selected + 1).saturating_sub(h.max(1))
}

pub struct HelpOverlay<'a>(pub &'a App);

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let help = app.keymap.help_rows();
        let kw = help
            .iter()
            .map(|(k, _)| width(k))
            .max()
            .unwrap_or(0)
            .min(22);
        let inner = popup(
            app,
            area,
            78,
            help.len() as u16 + 2,
            " Keys · ? or Esc closes ".into(),
            buf,
        );
        let scroll = match app.overlay {
            Some(Overlay::Help { scroll }) => {
                scroll.min(help.len().saturating_sub(usize::from(inner.height)))
            }
            _ => 0,
        };
        let w = usize::from(inner.width);
        let lines: Vec<Line> = help
            .iter()
            .map(|(keys, what)| {
                let k = pad(truncate(keys, kw), kw);
                Line::from(vec![
                    Span::styled(format!(" {k} "), t.hint_key),
                    Span::raw(truncate(what, w.saturating_sub(kw + 2))),
                ])
            })
            .collect();
        rows(inner, scroll, &lines, buf);
    }
}

/// Skipped files named in the problems popup; past this, a count.
const MAX_SKIPPED_SHOWN: usize = 50;

pub struct ProblemsPopup<'a>(pub &'a App);

impl Widget for ProblemsPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let n = app.problems.len();
        let w = usize::from(area.width.saturating_sub(6).max(20));
        // Each problem: its file, then the reason wrapped under it; remember
        // where each starts so scrolling goes problem by problem.
        let mut lines: Vec<Line> = Vec::new();
        let mut starts = Vec::new();
        for p in &app.problems {
            starts.push(lines.len());
            lines.push(Line::styled(
                truncate(&format!(" {}", escape_path(&p.path)), w),
                t.problem,
            ));
            for l in textwrap::wrap(&escape(&p.reason), w.saturating_sub(3).max(1)) {
                lines.push(Line::raw(format!("   {l}")));
            }
        }
        if n == 0 {
            let every = if app.skipped.is_empty() {
                " Every file was read."
            } else {
                " Every article file was read."
            };
            lines.push(Line::styled(every, t.dim));
        }
        // files of other types: which, and what quoth reads instead
        if !app.skipped.is_empty() {
            starts.push(lines.len());
            let k = app.skipped.len();
            lines.push(Line::styled(
                truncate(
                    &format!(
                        " {} skipped, not read",
                        crate::text::plural(k, "other file", "other files")
                    ),
                    w,
                ),
                t.dim,
            ));
            let reads = format!("quoth reads {}", crate::library::READ_FORMATS);
            for l in textwrap::wrap(&reads, w.saturating_sub(3).max(1)) {
                lines.push(Line::raw(format!("   {l}")));
            }
            for p in app.skipped.iter().take(MAX_SKIPPED_SHOWN) {
                lines.push(Line::styled(
                    truncate(&format!("   {}", escape_path(p)), w),
                    t.dim,
                ));
            }
            if k > MAX_SKIPPED_SHOWN {
                lines.push(Line::styled(
                    format!(
                        "   … and {} more",
                        crate::text::thousands(k - MAX_SKIPPED_SHOWN)
                    ),
                    t.dim,
                ));
            }
        }
        let inner = popup(
            app,
            area,
            w as u16 + 2,
            lines.len() as u16 + 2,
            format!(
                " Problems ({}) · ! or Esc closes ",
                crate::text::thousands(n)
            ),
            buf,
        );
        let first = match app.overlay {
            Some(Overlay::Problems { scroll }) => starts.get(scroll).copied().unwrap_or(0),
            _ => 0,
        };
        let first = first.min(lines.len().saturating_sub(usize::from(inner.height)));
        rows(inner, first, &lines, buf);
    }
}

pub struct SpeakersPanel<'a>(pub &'a App);

impl Widget for SpeakersPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let speakers = app.speakers();
        let order = app
            .open_analysis()
            .map(crate::analysis::Analysis::speakers)
            .unwrap_or_default();
        let selected = match app.overlay {
            Some(Overlay::Speakers { selected }) => selected,
            _ => 0,
        };
        let inner = popup(
            app,
            area,
            48,
            speakers.len() as u16 + 2,
            " Speakers · Enter: n/N walk their quotes ".into(),
            buf,
        );
        let w = usize::from(inner.width);
        let lines: Vec<Line> = speakers
            .iter()
            .enumerate()
            .map(|(i, (name, count))| {
                let colour = t.speaker(order.iter().position(|o| o == name).unwrap_or(0));
                let quotes = crate::text::plural(*count, "quote", "quotes");
                let name_w = w.saturating_sub(width(&quotes) + 6);
                let text = format!(
                    " {:<2} {} {quotes} ",
                    initials(name),
                    pad(truncate(name, name_w), name_w)
                );
                let style = if i == selected { t.selection } else { colour };
                Line::styled(pad(text, w), style)
            })
            .collect();
        rows(
            inner,
            window(selected, usize::from(inner.height)),
            &lines,
            buf,
        );
    }
}

pub struct EntitiesPanel<'a>(pub &'a App);

impl Widget for EntitiesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let Some(a) = app.open_analysis() else { return };
        let entity_rows = app.entity_rows();
        let selected = match app.overlay {
            Some(Overlay::Entities { selected }) => selected,
            _ => 0,
        };
        let labels = entity_rows
            .iter()
            .map(|&g| a.groups[g].label)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let inner = popup(
            app,
            area,
            52,
            (entity_rows.len() + labels) as u16 + 2,
            " Entities · Enter: mark and walk mentions ".into(),
            buf,
        );
        let w = usize::from(inner.width);
        let mut lines = Vec::new();
        let mut selected_line = 0;
        let mut last: Option<Label> = None;
        for (i, &g) in entity_rows.iter().enumerate() {
            let group = &a.groups[g];
            if last != Some(group.label) {
                last = Some(group.label);
                let head = match group.label {
                    Label::Per => "People",
                    Label::Org => "Organisations",
                    Label::Loc => "Places",
                    Label::Misc => "Other names",
                };
                lines.push(Line::styled(
                    format!(" {head}"),
                    Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ));
            }
            let count = crate::text::thousands(group.mentions.len());
            let name_w = w.saturating_sub(width(&count) + 5);
            let text = format!("   {} {count} ", pad(truncate(&group.name, name_w), name_w));
            let style = if i == selected {
                selected_line = lines.len();
                t.selection
            } else {
                t.entity(group.label)
            };
            lines.push(Line::styled(pad(text, w), style));
        }
        rows(
            inner,
            window(selected_line, usize::from(inner.height)),
            &lines,
            buf,
        );
    }
}
