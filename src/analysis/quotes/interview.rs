//! Interviews: paragraphs opening with a dialogue dash alternate the
//! interviewer's questions and the interviewee's answers ("– Pourquoi ? /
//! – Parce que…"). Answers are the interviewee's words, given as quotes of
//! their own kind ([`QuoteKind::Answer`]): the guidelines count only words in
//! quotation marks as direct quotes, so answers never pass for them.

use super::*;
use crate::analysis::Label;

/// Adds the answers of an interview to `quotes`, attributed to the
/// interviewee: the person the article names most before the dialogue.
pub(super) fn answers(doc: &Doc, people: &[Person], quotes: &mut Vec<Quote>) {
    let text = doc.text;
    // dash paragraphs: (content span, is a question)
    let mut turns: Vec<(Span, bool)> = Vec::new();
    let mut first_dash = None;
    let mut at = 0;
    for para in text.split("\n\n") {
        let start = at;
        at += para.len() + 2;
        let trimmed = para.trim_start();
        let lead = para.len() - trimmed.len();
        let mut cs = trimmed.char_indices();
        let Some((_, dash)) = cs.next() else { continue };
        let Some((i, space)) = cs.next() else {
            continue;
        };
        if !matches!(dash, '–' | '—' | '―') || !space.is_whitespace() {
            continue;
        }
        first_dash.get_or_insert(start);
        let content = marks::trim(text, start + lead + i, start + para.len());
        if content.is_empty() {
            continue;
        }
        let question = content.text(text).trim_end().ends_with('?');
        turns.push((content, question));
    }
    let questions = turns.iter().filter(|t| t.1).count();
    if questions == 0 || questions == turns.len() {
        return;
    }
    let intro_end = first_dash.unwrap_or(0);
    // the interviewee: the person named most before the first question
    let interviewee = people
        .iter()
        .filter(|p| p.label != Some(Label::Org))
        .map(|p| {
            let n = p
                .mentions
                .iter()
                .filter(|m| m.span.end <= intro_end)
                .count();
            (n, std::cmp::Reverse(p.id), p)
        })
        .filter(|x| x.0 > 0)
        .max_by_key(|x| (x.0, x.1))
        .map(|x| x.2);
    let mut added = false;
    for (i, &(span, question)) in turns.iter().enumerate() {
        // an answer follows a question
        if question || i == 0 || !turns[i - 1].1 {
            continue;
        }
        if quotes.iter().any(|q| q.span.overlaps(span)) {
            continue;
        }
        quotes.push(Quote {
            span,
            kind: QuoteKind::Answer,
            speaker: interviewee.map(|p| p.name.clone()),
            group: None,
            speaker_span: None,
            cue_span: None,
            person: interviewee.map(|p| p.id),
        });
        added = true;
    }
    if added {
        quotes.sort_by_key(|q| q.span.start);
    }
}
