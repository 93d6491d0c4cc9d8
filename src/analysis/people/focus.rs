//! Who is in focus for a French pronoun: the subjects of the sentences
//! before it, nearest first (at most four sentences, two paragraphs back:
//! wire copy often sets one sentence per paragraph),
//! and its own sentence's subject when something comes before it. A
//! sentence where a speaker was already resolved offers that speaker; a
//! sentence also offers the subject of its last joined clause (first) and
//! the other people it names outside prepositional phrases (after).

use super::Resolver;
use super::mentions::{Kind, Mention, name_mention};
use super::phrases::{according, clause_head, subject_right};
use crate::analysis::Label;
use crate::analysis::names::Gender;
use crate::analysis::view::Doc;

/// A speaker mention already resolved, with what a pronoun must agree with.
/// `name` is None for a source only described ("un habitant", "une
/// employée"): a pronoun that agrees with it names no one either.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    pub mention: Mention,
    pub name: Option<String>,
    pub group: Option<usize>,
    pub gender: Option<Gender>,
}

/// One entry of the focus: a speaker already resolved, or a sentence
/// subject to resolve.
#[derive(Debug, Clone)]
pub(crate) enum Focus<'r> {
    Said(&'r Said),
    Subject(Mention),
    /// A person named in a sentence but not its subject, after it: taken
    /// when the subject cannot be the pronoun's ("Ce relais était la
    /// dernière course à laquelle Usain Bolt prenait part"), not when the
    /// subject is a pronoun that passes the search on. The flag says
    /// whether the sentence has a subject (else nothing keeps them out).
    Other(Mention, bool),
}

impl Resolver<'_> {
    /// The subjects in focus before the pronoun `m`, nearest first.
    pub(crate) fn focus(&self, doc: &Doc, m: &Mention) -> Vec<Focus<'_>> {
        let at = doc
            .tok_at(m.span.start)
            .min(doc.toks.len().saturating_sub(1));
        let mut si = doc.sent_of[at] as usize;
        let mut out = Vec::new();
        let mut paragraphs = 0;
        // the pronoun's own sentence counts when something comes before it
        // ("Jean Dupont est arrivé et il a dit")
        let own_start = doc.sents[si].tokens.start;
        if own_start + 2 < at
            && let Some((s, end)) = subject_right(doc, clause_head(doc, own_start))
            && end <= at
            && s.span.end <= m.span.start
            && s.kind != Kind::FirstPerson
        {
            out.push(Focus::Subject(s));
        }
        let mut sentences = out.len();
        while si > 0 && sentences < 4 {
            sentences += 1;
            let next_start = doc.toks[doc.sents[si].tokens.start].span.start;
            si -= 1;
            let r = doc.sents[si].tokens.clone();
            if r.is_empty() {
                continue;
            }
            if doc.text[doc.toks[r.end - 1].span.end..next_start].contains("\n\n") {
                paragraphs += 1;
                if paragraphs > 2 {
                    break;
                }
            }
            let (a, b) = (doc.toks[r.start].span.start, doc.toks[r.end - 1].span.end);
            // a speaker of this sentence already resolved is in focus
            if let Some(s) = self
                .said
                .iter()
                .rev()
                .find(|s| s.mention.span.start >= a && s.mention.span.end <= b)
            {
                out.push(Focus::Said(s));
                continue;
            }
            if doc.info[r.start].region.is_some() {
                continue;
            }
            // "…, selon le SDIS de Seine-Maritime.": the source the sentence
            // reports is in focus before its grammatical subject
            if let Some((_, _, s)) = r.clone().find_map(|k| according(doc, k)) {
                out.push(Focus::Subject(s));
            }
            let subject = subject_right(doc, clause_head(doc, r.start))
                .map(|x| x.0)
                .filter(|s| s.kind != Kind::FirstPerson);
            // "Olha Kharlan finit par réagir et Brunet flanche": the subject
            // of the last clause joined to it, nearest first
            if subject.is_some_and(|s| s.kind == Kind::Name)
                && let Some(x) = r.clone().rev().find(|&x| {
                    x > r.start
                        && doc.is(x - 1, &["et", "mais", "puis"])
                        && doc.info[x].entity == Some(Label::Per)
                        && doc.info[x].entity_end.is_some_and(|e| {
                            let e = e as usize;
                            e < r.end && !doc.info[e].cap && !doc.function(e) && !doc.punct(e)
                        })
                })
                && let Some(e) = doc.info[x].entity_end
            {
                out.push(Focus::Subject(name_mention(doc, x, e as usize)));
            }
            if let Some(s) = subject {
                out.push(Focus::Subject(s));
            }
            // the other people named in it, in text order, not in a
            // prepositional phrase ("une immobilisation sur Trstenjak",
            // "l'investiture d'Obama", "entre Gérard Collomb et Alexandre
            // Benalla"): subjects and objects
            let mut complement = false;
            for x in r.clone() {
                if doc.info[x].entity_end.is_none() || doc.info[x].entity != Some(Label::Per) {
                    continue;
                }
                if x > r.start && !doc.is(x - 1, &["et", "ou"]) {
                    // the agent of a passive takes part ("Reçu à l'Élysée
                    // par Emmanuel Macron, …")
                    complement = doc.is(x - 1, PREPOSITIONS) && !doc.is(x - 1, &["par"]);
                }
                if !complement
                    && doc.info[x].region.is_none()
                    && let Some(e) = doc.info[x].entity_end
                    && subject.is_none_or(|s| {
                        doc.toks[x].span.start >= s.span.end || doc.toks[x].span.end <= s.span.start
                    })
                {
                    out.push(Focus::Other(
                        name_mention(doc, x, e as usize),
                        subject.is_some(),
                    ));
                }
            }
        }
        out
    }
}

/// Words before a name that make it a complement, not a participant.
const PREPOSITIONS: &[&str] = &[
    "de", "d'", "d’", "du", "des", "à", "au", "aux", "sur", "par", "avec", "contre", "pour",
    "entre", "chez", "sans", "vers", "envers", "face", "après", "avant", "selon",
];
