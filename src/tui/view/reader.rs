//! The reading pane: pre-wrapped lines (see `doc`), styled by stretches of
//! the body, a margin with each quote's speaker cue, a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::{pane_block, truncate};
use crate::analysis::{Analysis, QuoteKind, Span};
use crate::article::{PARAGRAPH_SEP, TextStyle};
use crate::tui::app::{App, Focus, Walk};
use crate::tui::doc::{DocLine, HeaderKind, QUOTE_BAR};
use crate::tui::theme::Theme;

pub struct ReaderPane<'a>(pub &'a App);

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let focused = app.focus == Focus::Reader;
        let mut block = pane_block(t, focused);
        if let Some(p) = percent(app) {
            block = block.title_bottom(Line::styled(format!(" {p}% "), t.dim).right_aligned());
        }
        if app.open_article().is_some_and(|a| app.is_bookmarked(&a.id)) {
            block = block.title_top(Line::styled(" ★ bookmarked ", t.bookmark).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let (Some(r), Some(g)) = (&app.reader, app.reader_geometry()) else {
            if !inner.is_empty() {
                let lines = [
                    Line::styled("quoth", t.title),
                    Line::styled(app.source.clone(), t.dim),
                    Line::raw(""),
                    Line::raw(if app.order.is_empty() {
                        ""
                    } else {
                        "Enter opens the selected article · ? lists the keys"
                    }),
                ];
                for (i, l) in lines.iter().enumerate().take(usize::from(inner.height)) {
                    buf.set_line(
                        inner.x + 2.min(inner.width),
                        inner.y + 1.min(inner.height - 1) + i as u16,
                        l,
                        inner.width.saturating_sub(2),
                    );
                }
            }
            return;
        };
        if g.text.is_empty() {
            return;
        }
        let article = &r.loaded;
        let body = article.body.as_str();
        let analysis = app.analyses.get(&article.id);
        let decos = decorations(app, analysis);
        let speakers = analysis
            .map(crate::analysis::Analysis::speakers)
            .unwrap_or_default();
        let h = usize::from(g.text.height);
        let margin_info = analysis.filter(|_| app.layers.quotes()).map(|a| Margin {
            analysis: a,
            speakers: &speakers,
            theme: t,
            body,
            area: g.margin,
        });
        for (row, line) in r.doc.lines.iter().skip(r.scroll).take(h).enumerate() {
            let y = g.text.y + row as u16;
            match line {
                DocLine::Header(kind, text) => {
                    let style = match kind {
                        HeaderKind::Title => t.title,
                        HeaderKind::Meta => t.dim,
                        HeaderKind::Credit => t.dim.add_modifier(Modifier::ITALIC),
                        HeaderKind::Url => t.link,
                        HeaderKind::Note => t.bookmark,
                    };
                    buf.set_stringn(g.text.x, y, text, usize::from(g.text.width), style);
                }
                DocLine::Blank => {}
                DocLine::Body {
                    start, end, para, ..
                } => {
                    let l = styled_line(body, *start, *end, &decos, t.text);
                    // a block quote stands apart, behind a bar
                    let indent = r.doc.indent(*para).min(usize::from(g.text.width)) as u16;
                    if indent > 0 {
                        buf.set_stringn(g.text.x, y, QUOTE_BAR, usize::from(indent), t.dim);
                    }
                    buf.set_line(g.text.x + indent, y, &l, g.text.width - indent);
                    if let Some(m) = &margin_info {
                        margin(m, *start, *end, y, buf);
                    }
                }
            }
        }
        let max = r.doc.lines.len().saturating_sub(h);
        if max > 0 && !g.scrollbar.is_empty() {
            let mut state = ScrollbarState::new(max + 1)
                .position(r.scroll)
                .viewport_content_length(h);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_style(t.border)
                .thumb_style(t.focus_border)
                .render(g.scrollbar, buf, &mut state);
        }
    }
}

/// Position in percent: 100 when the end is in view.
pub fn percent(app: &App) -> Option<usize> {
    let r = app.reader.as_ref()?;
    let h = app
        .reader_geometry()
        .map_or(1, |g| usize::from(g.text.height));
    let max = r.doc.lines.len().saturating_sub(h);
    Some((r.scroll * 100).checked_div(max).unwrap_or(100))
}

/// A stretch of the body and the style laid over it; later ones patch earlier ones.
struct Deco {
    span: Span,
    style: Style,
}

fn decorations(app: &App, analysis: Option<&Analysis>) -> Vec<Deco> {
    let t = &app.theme;
    let Some(r) = &app.reader else {
        return Vec::new();
    };
    let article = &r.loaded;
    let mut out: Vec<Deco> = article
        .styles
        .iter()
        .map(|s| Deco {
            span: Span::new(s.start, s.end),
            style: match s.style {
                TextStyle::Heading => t.heading,
                TextStyle::Emphasis => t.emphasis,
                TextStyle::Strong => t.strong,
                TextStyle::Code => t.code,
                TextStyle::BlockQuote => t.blockquote,
                TextStyle::Link => t.link,
            },
        })
        .collect();
    if let Some(a) = analysis {
        let nth = |q: &crate::analysis::Quote, order: &[&str]| {
            q.speaker
                .as_deref()
                .map(|s| order.iter().position(|o| *o == s).unwrap_or(0))
        };
        let quote_style = |q: &crate::analysis::Quote, order: &[&str]| {
            nth(q, order).map_or(t.unattributed, |n| t.quote(n))
        };
        let speaker_style = |q: &crate::analysis::Quote, order: &[&str]| {
            nth(q, order).map_or(t.unattributed, |n| t.speaker(n))
        };
        let order = a.speakers();
        if app.layers.quotes() {
            for q in &a.quotes {
                out.push(Deco {
                    span: with_marks(&article.body, q.span),
                    style: quote_style(q, &order),
                });
            }
        }
        if app.layers.entities() {
            for e in &a.entities {
                out.push(Deco {
                    span: e.span,
                    style: t.entity(e.label),
                });
            }
        }
        if app.layers.quotes() {
            // After the entities, so the speaker's mention keeps the speaker's colour.
            for q in &a.quotes {
                if let Some(sp) = q.speaker_span {
                    out.push(Deco {
                        span: sp,
                        style: speaker_style(q, &order).patch(t.speaker_mention),
                    });
                }
                if let Some(c) = q.cue_span {
                    out.push(Deco {
                        span: c,
                        style: t.cue,
                    });
                }
            }
        }
        if let Some(Walk::Entity(g)) = &r.walk
            && let Some(group) = a.groups.get(*g)
        {
            for e in group.mentions.iter().filter_map(|&m| a.entities.get(m)) {
                out.push(Deco {
                    span: e.span,
                    style: t.chosen,
                });
            }
        }
    }
    if !r.search.query.is_empty() {
        for m in &r.search.matches {
            out.push(Deco {
                span: *m,
                style: t.search_match,
            });
        }
    }
    if let Some(target) = r.target {
        out.push(Deco {
            span: target,
            style: t.current,
        });
    }
    out
}

/// A quote's span widened over its own quotation marks (and the no-break
/// space inside French guillemets), so the whole quotation reads as one.
fn with_marks(body: &str, span: Span) -> Span {
    const OPEN: &[char] = &['«', '“', '"', '‘', '„', '‹'];
    const CLOSE: &[char] = &['»', '”', '"', '’', '“', '›'];
    const SPACE: &[char] = &[' ', '\u{a0}', '\u{202f}'];
    let (Some(before), Some(after)) = (body.get(..span.start), body.get(span.end..)) else {
        return span;
    };
    // Only guillemets take a space between mark and words.
    let lead = before.trim_end_matches(SPACE);
    let start = match lead.chars().next_back() {
        Some(c @ ('«' | '‹')) if before.len() - lead.len() <= 3 => lead.len() - c.len_utf8(),
        _ => match before.chars().next_back() {
            Some(c) if OPEN.contains(&c) => span.start - c.len_utf8(),
            _ => span.start,
        },
    };
    let trail = after.trim_start_matches(SPACE);
    let end = match trail.chars().next() {
        Some(c @ ('»' | '›')) if after.len() - trail.len() <= 3 => {
            span.end + (after.len() - trail.len()) + c.len_utf8()
        }
        _ => match after.chars().next() {
            Some(c) if CLOSE.contains(&c) => span.end + c.len_utf8(),
            _ => span.end,
        },
    };
    Span::new(start, end)
}

/// Cuts body bytes `start..end` into styled pieces at every decoration edge.
fn styled_line<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    decos: &[Deco],
    base: Style,
) -> Line<'a> {
    let here: Vec<&Deco> = decos
        .iter()
        .filter(|d| d.span.start < end && d.span.end > start)
        .collect();
    let mut cuts = vec![start, end];
    for d in &here {
        for c in [d.span.start, d.span.end] {
            // An offset inside a character (a bad span) must not split it.
            if c > start && c < end && body.is_char_boundary(c) {
                cuts.push(c);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let style = here
                .iter()
                .filter(|d| d.span.start <= a && d.span.end >= b)
                .fold(base, |s, d| s.patch(d.style));
            TSpan::styled(&body[a..b], style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// The speaker cue beside a quote: initials on its first line, a bar on the
/// others ("│" direct, "┆" indirect), in the speaker's colour.
fn margin(m: &Margin<'_>, start: usize, end: usize, y: u16, buf: &mut Buffer) {
    let (a, t) = (m.analysis, m.theme);
    if m.area.width < 2 {
        return;
    }
    let end = end.max(start + 1);
    let Some(i) = a
        .quotes
        .iter()
        .position(|q| q.span.start < end && q.span.end > start)
    else {
        return;
    };
    let q = &a.quotes[i];
    let style = match &q.speaker {
        Some(s) => t.speaker(m.speakers.iter().position(|o| o == s).unwrap_or(0)),
        None => t.unattributed,
    };
    let bar = match q.kind {
        QuoteKind::Direct => "│",
        QuoteKind::Indirect => "┆",
        QuoteKind::Answer => "▏",
    };
    // A quote resumed by the same speaker in the same paragraph
    // ("…», a-t-elle déclaré. «…") keeps the bar, not the name again.
    let resumed = i > 0 && {
        let p = &a.quotes[i - 1];
        p.speaker == q.speaker
            && p.span.end <= q.span.start
            && m.body
                .get(p.span.end..q.span.start)
                .is_some_and(|gap| !gap.contains(PARAGRAPH_SEP))
    };
    let label = if q.span.start >= start && !resumed {
        q.speaker
            .as_deref()
            .map_or_else(|| "?".to_string(), initials)
    } else {
        String::new()
    };
    let cue_w = usize::from(m.area.width - 2);
    let text = format!("{:>cue_w$}{bar}", truncate(&label, cue_w));
    buf.set_stringn(
        m.area.x,
        y,
        text,
        usize::from(m.area.width),
        style.add_modifier(Modifier::BOLD),
    );
}

/// What the margin needs for every line.
struct Margin<'a> {
    analysis: &'a Analysis,
    speakers: &'a [&'a str],
    theme: &'a Theme,
    body: &'a str,
    area: Rect,
}

/// "AM" for "Arthur Mensch", "MA" for "Mistral AI", "Mi" for "Mistral",
/// "PS" for "Parti socialiste".
pub fn initials(name: &str) -> String {
    let all: Vec<&str> = name.split_whitespace().collect();
    // "the Met Office" → "MO": articles and particles are not initials.
    let capitals: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let words = match capitals.as_slice() {
        [] => all,
        // "préfecture de police de Paris" → "PP": the institution, then its place
        [one] if all.first() != Some(one) => vec![all[0], *one],
        // "Union américaine pour les libertés civiles" → "UA", "Parti
        // socialiste" → "PS": one capital, then the name's next word
        [one] => {
            let after = all.iter().skip_while(|w| *w != one).skip(1);
            let next = after.copied().find(|w| {
                !matches!(
                    w.to_lowercase().as_str(),
                    "de" | "du"
                        | "des"
                        | "d'"
                        | "la"
                        | "le"
                        | "les"
                        | "l'"
                        | "et"
                        | "pour"
                        | "of"
                        | "the"
                        | "and"
                        | "for"
                )
            });
            capitals.iter().copied().chain(next).collect()
        }
        _ => capitals,
    };
    match words.as_slice() {
        [] => "?".into(),
        [one] => one.chars().take(2).collect(),
        [first, .., last] => first
            .chars()
            .take(1)
            .chain(last.chars().take(1))
            .flat_map(char::to_uppercase)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_join_the_highlight() {
        let body = "Il a dit : «\u{a0}Bonjour\u{a0}» et \"yes\" puis l'IA.";
        let inner = |t: &str| {
            let s = body.find(t).unwrap();
            Span::new(s, s + t.len())
        };
        assert_eq!(
            with_marks(body, inner("Bonjour")).text(body),
            "«\u{a0}Bonjour\u{a0}»"
        );
        assert_eq!(with_marks(body, inner("yes")).text(body), "\"yes\"");
        // No mark around: unchanged.
        assert_eq!(with_marks(body, inner("puis")).text(body), "puis");
        assert_eq!(
            with_marks(body, Span::new(0, body.len())),
            Span::new(0, body.len())
        );
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Arthur Mensch"), "AM");
        assert_eq!(initials("Jean-Noël Barrot"), "JB");
        assert_eq!(initials("Mistral"), "Mi");
        assert_eq!(initials("Élisabeth de la Tour"), "ÉT");
        assert_eq!(initials("the Met Office"), "MO");
        assert_eq!(initials("le ministre"), "LM");
        assert_eq!(initials("Union américaine pour les libertés civiles"), "UA");
        assert_eq!(initials("Parti socialiste"), "PS");
        assert_eq!(initials("préfecture de police de Paris"), "PP");
    }

    #[test]
    fn styled_line_splits_at_edges_only_on_char_boundaries() {
        let body = "« Élan » dit-il";
        let decos = vec![
            Deco {
                span: Span::new(3, 8),
                style: Style::default().add_modifier(Modifier::BOLD),
            },
            Deco {
                span: Span::new(4, 4), // inside "É": ignored as a cut
                style: Style::default(),
            },
        ];
        let l = styled_line(body, 0, body.len(), &decos, Style::default());
        let joined: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, body);
        assert!(
            l.spans
                .iter()
                .any(|s| s.content == "Élan" && s.style.add_modifier.contains(Modifier::BOLD))
        );
    }
}
