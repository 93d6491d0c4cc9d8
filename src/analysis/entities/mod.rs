//! Named-entity recognition: a structured averaged-perceptron labeller (BILOU
//! tags over PER, ORG, LOC, MISC, beam-search decoding with previous-tag
//! features, two passes for document-level evidence), then generic
//! document-level corrections (`rules`). Trained by `quoth train-ner` and
//! shipped in `assets/models/{en,fr}.qner` (embedded in the binary;
//! `$QUOTH_MODEL_DIR` loads them from disk instead).

pub mod features;
pub mod model;
pub mod rules;
pub mod train;

use std::path::{Path, PathBuf};

use super::sentences::Sentence;
use super::tokens::Token;
use super::{Lang, Mention, Span};
use features::{B, Doc, I, L, tag_parts};
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
            en: Model::from_bundled(BUNDLED_EN)
                .map_err(|e| e.context("bundled entity model en.qner"))?,
            fr: Model::from_bundled(BUNDLED_FR)
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
        label_doc(self.for_lang(lang), &doc, Some(lang))
            .into_iter()
            .map(|(r, label)| Mention {
                span: Span::new(toks[r.start].span.start, toks[r.end - 1].span.end),
                label,
            })
            .filter(|m| !section_heading(text, m.span))
            .collect()
    }
}

/// Headings of the sections that close a page ("Links", the references
/// the Markdown loader lists; "Sources", "Voir aussi"): a line of its own
/// that is one of them names no one, whatever the labeller reads in a
/// capitalised word alone.
const SECTION_HEADINGS: &[&str] = &[
    "links",
    "liens",
    "sources",
    "source",
    "références",
    "references",
    "notes",
    "voir aussi",
    "see also",
    "bibliographie",
    "articles connexes",
    "liens externes",
    "external links",
];

fn section_heading(text: &str, span: Span) -> bool {
    // only the blanks around the word are read, never the whole line: a
    // text of one long line with many names stays linear
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let after = text[span.end..].trim_start_matches([' ', '\t', ':']);
    (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with(['\n', '\r']))
        && span.end - span.start <= 20
        && SECTION_HEADINGS.contains(&span.text(text).to_lowercase().as_str())
}

/// The mentions of a text (word ranges), with the corrections of `rules`
/// for the given language when there is one.
pub fn label_doc<S: model::Scorer>(
    s: &S,
    doc: &Doc,
    rules: Option<Lang>,
) -> Vec<(std::ops::Range<usize>, super::Label)> {
    let tags = model::tag_doc(s, doc);
    let mut ms = Vec::new();
    for sent in &doc.sents {
        ms.extend(
            mentions_from_tags(&tags[sent.clone()])
                .into_iter()
                .map(|(r, l)| (r.start + sent.start..r.end + sent.start, l)),
        );
    }
    let Some(lang) = rules else {
        return ms;
    };
    let initial = features::initial_flags(doc);
    rules::refine(&doc.words, &initial, lang, ms)
}

/// Mentions (token ranges) of a BILOU tag sequence. Ill-formed sequences
/// (greedy decoding can end a sentence on B or I) still give mentions: an
/// open mention closes where the next tag does not continue it.
pub fn mentions_from_tags(tags: &[u8]) -> Vec<(std::ops::Range<usize>, super::Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, super::Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let parts = tag_parts(t);
        if let (Some((s, ol)), Some((l, I | L))) = (open, parts)
            && ol == l
        {
            if parts.is_some_and(|(_, r)| r == L) {
                out.push((s..i + 1, l));
                open = None;
            }
            continue;
        }
        if let Some((s, ol)) = open.take() {
            out.push((s..i, ol));
        }
        match parts {
            Some((l, B | I)) => open = Some((i, l)),
            Some((l, _)) => out.push((i..i + 1, l)),
            None => {}
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Label;

    #[test]
    fn a_closing_sections_heading_alone_on_its_line_is_no_name() {
        let text = "Météo-France publie son bilan.\n\nLinks\n\n[1] https://meteofrance.com/\n\nSources :\nLinks of London ouvre à Paris.";
        let span = |w: &str| {
            let a = text.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        assert!(section_heading(text, span("Links")));
        assert!(section_heading(text, span("Sources")));
        // in a sentence, the word is whatever the labeller says
        let a = text.rfind("Links").unwrap();
        assert!(!section_heading(text, Span::new(a, a + 5)));
        assert!(!section_heading(text, span("Météo-France")));
    }

    #[test]
    fn bio_to_mentions() {
        let t = |s: &str| features::TAGS.iter().position(|x| *x == s).expect("tag") as u8;
        let m = mentions_from_tags(&[
            t("O"),
            t("B-PER"),
            t("L-PER"),
            t("U-ORG"),
            t("B-LOC"),
            t("B-LOC"),
        ]);
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
    fn bundled_models_pass_their_checksum() {
        // what `Models::bundled` leaves out at each start
        for bytes in [BUNDLED_EN, BUNDLED_FR] {
            Model::from_bytes(bytes).expect("bundled model with a good checksum");
        }
    }

    #[test]
    fn bundled_models_load_and_round_trip() {
        let m = Model::from_bytes(BUNDLED_FR).expect("fr model");
        assert_eq!(m.to_bytes(), BUNDLED_FR);
    }
}
