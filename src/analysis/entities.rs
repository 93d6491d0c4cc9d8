//! Named-entity recognition. (First version: no model yet, so no mentions;
//! the trained recogniser replaces this.)

use super::sentences::Sentence;
use super::tokens::Token;
use super::{Lang, Mention};

pub struct Models {}

impl Models {
    pub fn bundled() -> anyhow::Result<Self> {
        Ok(Models {})
    }

    pub fn recognise(
        &self,
        _lang: Lang,
        _text: &str,
        _toks: &[Token],
        _sents: &[Sentence],
    ) -> Vec<Mention> {
        Vec::new()
    }
}
