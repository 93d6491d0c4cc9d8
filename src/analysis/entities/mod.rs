//! Named-entity recognition: an averaged-perceptron sequence labeller (BIO
//! tags over PER, ORG, LOC, MISC, greedy decoding with previous-tag
//! features, two passes for document-level evidence), trained by
//! `quoth train-ner` and shipped in `assets/models/{en,fr}.qner`.

pub mod features;
pub mod model;
pub mod train;

use std::path::{Path, PathBuf};

use super::sentences::Sentence;
use super::tokens::Token;
use super::{Lang, Mention, Span};
use features::{Doc, tag_label};
pub use model::Model;

/// Environment variable naming a folder with `en.qner` and `fr.qner` to use
/// instead of the bundled models.
pub const MODEL_DIR_VAR: &str = "QUOTH_MODEL_DIR";
pub const MODEL_EXT: &str = "qner";

static BUNDLED_EN: &[u8] = include_bytes!("../../../assets/models/en.qner");
static BUNDLED_FR: &[u8] = include_bytes!("../../../assets/models/fr.qner");

pub struct Models {
    en: Model,
    fr: Model,
}

impl Models {
    /// The models shipped inside the binary, or those in `$QUOTH_MODEL_DIR`
    /// when it is set.
    pub fn bundled() -> anyhow::Result<Self> {
        if let Some(dir) = std::env::var_os(MODEL_DIR_VAR).filter(|d| !d.is_empty()) {
            return Models::from_dir(Path::new(&dir));
        }
        Ok(Models {
            en: Model::from_bytes(BUNDLED_EN)
                .map_err(|e| e.context("bundled entity model en.qner"))?,
            fr: Model::from_bytes(BUNDLED_FR)
                .map_err(|e| e.context("bundled entity model fr.qner"))?,
        })
    }

    /// Loads `en.qner` and `fr.qner` from `dir`; errors name the file.
    pub fn from_dir(dir: &Path) -> anyhow::Result<Self> {
        let file = |code: &str| -> PathBuf { dir.join(format!("{code}.{MODEL_EXT}")) };
        Ok(Models {
            en: model::load_file(&file("en"))?,
            fr: model::load_file(&file("fr"))?,
        })
    }

    /// The model for a language; other languages use the English one.
    pub fn for_lang(&self, lang: Lang) -> &Model {
        match lang {
            Lang::Fr => &self.fr,
            _ => &self.en,
        }
    }

    pub fn recognise(
        &self,
        lang: Lang,
        text: &str,
        toks: &[Token],
        sents: &[Sentence],
    ) -> Vec<Mention> {
        let doc = Doc {
            words: toks.iter().map(|t| t.text(text)).collect(),
            sents: sents.iter().map(|s| s.tokens.clone()).collect(),
        };
        let tags = model::tag_doc(self.for_lang(lang), &doc);
        mentions_from_tags(&tags)
            .into_iter()
            .map(|(r, label)| Mention {
                span: Span::new(toks[r.start].span.start, toks[r.end - 1].span.end),
                label,
            })
            .collect()
    }
}

/// Mentions (token ranges) of a BIO tag sequence, conlleval-style: an I-X
/// that does not continue an X starts a new mention.
pub fn mentions_from_tags(tags: &[u8]) -> Vec<(std::ops::Range<usize>, super::Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, super::Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let lab = tag_label(t);
        let continues = matches!((lab, cur), (Some((l, false)), Some((_, c))) if l == c);
        if continues {
            continue;
        }
        if let Some((s, l)) = cur.take() {
            out.push((s..i, l));
        }
        if let Some((l, _)) = lab {
            cur = Some((i, l));
        }
    }
    if let Some((s, l)) = cur {
        out.push((s..tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Label;

    #[test]
    fn bio_to_mentions() {
        // O B-PER I-PER I-ORG B-LOC B-LOC
        let m = mentions_from_tags(&[0, 1, 2, 4, 5, 5]);
        assert_eq!(
            m,
            vec![
                (1..3, Label::Per),
                (3..4, Label::Org),
                (4..5, Label::Loc),
                (5..6, Label::Loc)
            ]
        );
    }

    #[test]
    fn missing_model_file_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = format!("{:#}", Models::from_dir(dir.path()).err().expect("error"));
        assert!(err.contains("en.qner"), "{err}");
        assert!(err.contains("cannot read"), "{err}");
    }

    #[test]
    fn corrupt_model_file_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut bytes = BUNDLED_EN.to_vec();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(dir.path().join("en.qner"), &bytes).expect("write");
        std::fs::write(dir.path().join("fr.qner"), BUNDLED_FR).expect("write");
        let err = format!("{:#}", Models::from_dir(dir.path()).err().expect("error"));
        assert!(err.contains("en.qner"), "{err}");
        assert!(err.contains("corrupt"), "{err}");
        std::fs::write(dir.path().join("en.qner"), b"hello").expect("write");
        let err = format!("{:#}", Models::from_dir(dir.path()).err().expect("error"));
        assert!(err.contains("not a quoth entity model"), "{err}");
    }

    #[test]
    fn bundled_models_load_and_round_trip() {
        let m = Model::from_bytes(BUNDLED_FR).expect("fr model");
        assert_eq!(m.to_bytes(), BUNDLED_FR);
    }
}
