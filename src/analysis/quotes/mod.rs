//! Reported speech: direct and indirect quotes and their speakers.
//!
//! Direct quotes come from paired quotation marks ([`marks`]); a region is
//! speech when it stands as a clause of its own (sentence start, after a
//! colon or a cue) and ends its sentence or meets a cue, so quoted names and
//! scare quotes inside a sentence are left alone. Cues are speech verbs of
//! the [`lexicon`](super::lexicon) in the patterns of French and English
//! news (inversions, incises, "X said", "said X", colon introducers, "selon
//! X"). Speakers are the cue's subject ([`speaker`]), resolved to a named
//! person or organisation: entities when the recogniser found them, else a
//! within-article name matcher. A quote without cue continues the previous
//! speaker.

mod choose;
mod cues;
mod direct;
mod indirect;
mod indirect_en;
mod interview;
pub(crate) mod marks;
mod sources;

use super::lexicon::Form;
use super::people::Resolver;
use super::people::mentions::{self, Mention};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind};
use super::view::{Doc, prepare};
use super::{Entity, Group, Lang, Person, Quote, QuoteKind, Span};

use choose::*;
use cues::*;
use direct::*;
use indirect::*;
use indirect_en::*;

/// A quote found, before resolution.
struct Found {
    span: Span,
    kind: QuoteKind,
    mention: Option<Mention>,
    cue: Option<Span>,
    /// Index of the region chain (reopened paragraphs share attribution).
    chain: Option<usize>,
}

pub fn find(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    lang: Lang,
    entities: &[Entity],
    groups: &[Group],
) -> Vec<Quote> {
    attributed(text, toks, sents, lang, entities, groups).2
}

/// Quotes with their speakers as chains of the people stage: every quote of
/// one person carries that chain's id and canonical name.
pub fn find_with_people(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    lang: Lang,
    entities: &[Entity],
    groups: &[Group],
) -> (Vec<Quote>, Vec<Person>) {
    let (doc, mut resolver, mut quotes) = attributed(text, toks, sents, lang, entities, groups);
    let people = resolver.chains(&doc, &mut quotes);
    interview::answers(&doc, &people, &mut quotes);
    (quotes, people)
}

/// The stages up to attribution: quote regions, direct and indirect quotes
/// in text order, and each one's speaker as the resolver sees it.
fn attributed<'a>(
    text: &'a str,
    toks: &'a [Token],
    sents: &'a [Sentence],
    lang: Lang,
    entities: &'a [Entity],
    groups: &'a [Group],
) -> (Doc<'a>, Resolver<'a>, Vec<Quote>) {
    let lang = if lang == Lang::Fr { Lang::Fr } else { Lang::En };
    let regions = marks::scan(text);
    let doc = prepare(text, toks, sents, lang, &regions, entities);
    let mut found = direct(&doc, &regions);
    indirect(&doc, &mut found);
    close_partial_quotes(text, &regions, &mut found);
    found.sort_by_key(|f| f.span.start);
    let mut resolver = Resolver::new(&doc, entities, groups, &regions);
    let quotes = attribute(&doc, &found, &mut resolver);
    (doc, resolver, quotes)
}

/// A report that ends inside quotation marks keeps their close: "said the
/// company was “in a strong position.”" is not cut before its last mark,
/// which left a mark open on screen.
fn close_partial_quotes(text: &str, regions: &[marks::Region], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind == QuoteKind::Indirect) {
        // regions are in text order: from the first that opens in the report
        let from = regions.partition_point(|r| r.open < f.span.start);
        let Some(r) = regions[from..]
            .iter()
            .take_while(|r| r.open < f.span.end)
            .find(|r| r.closed && r.close_end > f.span.end)
        else {
            continue;
        };
        let rest = &text[f.span.end..r.close_end];
        // only the sentence's last stop and the marks themselves lie past it
        if rest.chars().count() <= 3
            && rest.chars().all(|c| {
                matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '»' | '’' | '\'')
                    || c.is_whitespace()
            })
        {
            f.span.end = r.close_end;
        }
    }
}

/// A cue and the mention of its subject.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    cue: Span,
    mention: Option<Mention>,
}

#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod tests;
