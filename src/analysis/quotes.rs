//! Reported speech: direct and indirect quotes and their speakers.
//! (First version: finds nothing; the quote finder replaces this.)

use super::sentences::Sentence;
use super::tokens::Token;
use super::{Entity, Group, Lang, Quote};

pub fn find(
    _text: &str,
    _toks: &[Token],
    _sents: &[Sentence],
    _lang: Lang,
    _entities: &[Entity],
    _groups: &[Group],
) -> Vec<Quote> {
    Vec::new()
}
