//! French speakers: the noun phrase a cue points to, on sentences written
//! in the style of agency copy. Each test is one rule of
//! `people::phrases` or `quotes::sources`.

use super::*;
use crate::analysis::{Label, sentences, tokens};

/// The speaker of each quote found in `text`, with the recognised
/// `entities` given as (words, label), each word run once per group.
fn speakers_with(text: &str, entities: &[(&str, Label)]) -> Vec<Option<String>> {
    let mut ents = Vec::new();
    let mut groups = Vec::new();
    for (words, label) in entities {
        let mut mentions = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find(words) {
            let a = from + i;
            mentions.push(ents.len());
            ents.push(Entity {
                span: Span::new(a, a + words.len()),
                label: *label,
                group: groups.len(),
            });
            from = a + words.len();
        }
        groups.push(Group {
            id: groups.len(),
            name: words.to_string(),
            label: *label,
            mentions,
        });
    }
    ents.sort_by_key(|e| e.span.start);
    for g in &mut groups {
        g.mentions = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.group == g.id)
            .map(|(i, _)| i)
            .collect();
    }
    let toks = tokens::tokenize(text);
    let sents = sentences::split(text, &toks);
    find(text, &toks, &sents, Lang::Fr, &ents, &groups)
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    speakers_with(text, &[])
}

fn who(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn an_incidental_phrase_between_the_verb_and_its_subject() {
    assert_eq!(
        speakers("« Le calendrier ne tient plus », estime pour sa part Neil Hyatt."),
        vec![who("Neil Hyatt")]
    );
    assert_eq!(
        speakers(
            "« Nous attendrons le rapport », a réagi quant à elle la ministre de la Santé Agnès Buzyn."
        ),
        vec![who("Agnès Buzyn")]
    );
    // and between commas, between the subject and its verb
    assert_eq!(
        speakers(
            "Jean Castex a, quant à lui, dénoncé « une campagne de désinformation orchestrée »."
        ),
        vec![who("Jean Castex")]
    );
    assert_eq!(
        speakers(
            "Jean Castex a, pour sa part, jugé la réforme « absolument indispensable au pays »."
        ),
        vec![who("Jean Castex")]
    );
}

#[test]
fn a_subordinate_clause_ends_the_subject() {
    assert_eq!(
        speakers(
            "« Nous restons unis », a déclaré le président du Conseil européen Donald Tusk tandis que les dirigeants quittaient Bruxelles."
        ),
        vec![who("Donald Tusk")]
    );
    assert_eq!(
        speakers(
            "« C'est un jour historique », a lancé le Premier ministre Bernard Cazeneuve lorsqu'il est arrivé."
        ),
        vec![who("Bernard Cazeneuve")]
    );
}

#[test]
fn a_name_in_apposition_to_a_role_speaks() {
    assert_eq!(
        speakers(
            "« La loi sera appliquée », a affirmé le ministre de la Justice Alberto Ruiz-Gallardón."
        ),
        vec![who("Alberto Ruiz-Gallardón")]
    );
    assert_eq!(
        speakers(
            "« Le film parle de nous tous », a expliqué la présidente du jury, l'actrice belge Hélène Vandamme."
        ),
        vec![who("Hélène Vandamme")]
    );
}

#[test]
fn a_name_after_a_preposition_completes_the_phrase() {
    // a relative described by whom they are close to is not that person
    let s = speakers(
        "Brigitte Troadec a disparu en février. « Elle n'aurait jamais laissé ses enfants », a confié un proche de Brigitte Troadec.",
    );
    assert_ne!(s, vec![who("Brigitte Troadec")]);
    // a body named after its town is the body, not the town
    assert_eq!(
        speakers("« Une enquête a été ouverte », a indiqué le parquet de Nanterre."),
        vec![who("parquet de Nanterre")]
    );
}

#[test]
fn a_recognised_name_with_lowercase_words_reads_whole() {
    assert_eq!(
        speakers_with(
            "« Le ministre savait tout depuis janvier », affirme Le Canard enchaîné.",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
    assert_eq!(
        speakers_with(
            "« Nous déposerons une motion de censure », a annoncé le Parti socialiste.",
            &[("Parti socialiste", Label::Org)]
        ),
        vec![who("Parti socialiste")]
    );
    assert_eq!(
        speakers_with(
            "« La taxe carbone reviendra », a promis François de Rugy.",
            &[("François de Rugy", Label::Per)]
        ),
        vec![who("François de Rugy")]
    );
}

#[test]
fn a_name_opening_the_clause_before_an_unclosed_apposition() {
    assert_eq!(
        speakers(
            "Jean-Claude Juncker, le président de la Commission se dit « très préoccupé par la situation »."
        ),
        vec![who("Jean-Claude Juncker")]
    );
}

#[test]
fn a_recognised_body_with_its_acronym_and_place_is_named_by_them() {
    let t = "Le feu a été maîtrisé par 120 pompiers, selon le service départemental d'incendie et de secours (SDIS) de Seine-Maritime.\n\n« Les flammes ont atteint vingt mètres », a indiqué le service départemental d'incendie et de secours (SDIS) de Seine-Maritime.";
    let found = speakers_with(
        t,
        &[("service départemental d'incendie et de secours", Label::Org)],
    );
    assert!(
        !found.is_empty()
            && found
                .iter()
                .all(|s| s.as_deref() == Some("SDIS de Seine-Maritime")),
        "{found:?}"
    );
}
