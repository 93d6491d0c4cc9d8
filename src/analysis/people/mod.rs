//! People and bodies across an article (coreference): chains of mentions
//! (full names, surnames, initials, acronyms and their expansions, role
//! nouns bound to a name, pronouns), each with a canonical name, its
//! fullest form. Built after entities and before quotes; the quote stage
//! resolves each speaker mention to a chain through it.
//!
//! Files: [`mentions`] (names, titles, pronouns, role nouns, acronyms),
//! [`phrases`] (the noun phrase at a token: subjects before and after a
//! verb, a clause's first name), [`focus`] (who a French pronoun may stand
//! for), and here the resolver and the chains.

pub(crate) mod focus;
pub mod mentions;
pub(crate) mod phrases;

use std::cell::RefCell;

use crate::analysis::gazetteer::FastMap;
use crate::analysis::names::Gender;
use crate::analysis::view::{Doc, Region};
use crate::analysis::{Entity, Group, Label, MentionKind, Person, PersonMention, Quote, Span};
use mentions::*;

/// A named candidate referent: a capitalised run, or a recognised entity.
#[derive(Debug, Clone)]
struct Referent {
    span: Span,
    /// Token range.
    toks: (usize, usize),
    gender: Option<Gender>,
    org: bool,
    person: bool,
    group: Option<usize>,
}

pub struct Resolver<'a> {
    entities: &'a [Entity],
    groups: &'a [Group],
    referents: Vec<Referent>,
    /// Words of every name run, for canonical names.
    runs: Vec<(usize, usize)>,
    by_word: FastMap<std::borrow::Cow<'a, str>, Vec<usize>>,
    /// The previous resolved speaker: (name, group, gender, byte position).
    last: Option<(String, Option<usize>, Option<Gender>, usize)>,
    quoted_names: FastMap<&'a str, ()>,
    /// "(UCAF)": the token of each bracketed acronym's first appearance.
    acronyms: FastMap<&'a str, usize>,
    /// Organisations spelled out in the article, by the acronym their
    /// initials make ("Médecins sans frontières" under "MSF"): the acronym
    /// alone later names them (GUIDELINES.md: "OMS" is "Organisation
    /// mondiale de la santé" once the article has spelled it out). Initials
    /// two organisations share name neither.
    spelled: FastMap<String, Option<usize>>,
    /// Words of the PER and ORG group names → those groups, to find the
    /// group holding a name without scanning them all.
    group_words: FastMap<&'a str, Vec<usize>>,
    /// Every speaker mention resolved so far, in text order: the speakers
    /// in focus for later pronouns.
    said: Vec<focus::Said>,
    /// The kind of every speaker mention resolved, for the chains.
    kinds: FastMap<Span, Kind>,
    /// Canonical names already computed, by name and title gender: one
    /// speaker quoted thousands of times is looked up once.
    canon: RefCell<FastMap<(String, Option<Gender>), String>>,
    /// Names of the recognised organisations.
    org_names: FastMap<&'a str, ()>,
    /// Names of the people introduced with a foreign nationality.
    foreign: Vec<&'a str>,
    /// Candidate runs examined for canonical names (a measure of work, for
    /// the test that doubling the input doubles it).
    steps: std::cell::Cell<usize>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        doc: &Doc<'a>,
        entities: &'a [Entity],
        groups: &'a [Group],
        regions: &[Region],
    ) -> Self {
        let n = doc.toks.len();
        let mut runs = Vec::new();
        let mut k = 0;
        while k < n {
            if let Some(e) = name_run(doc, k) {
                if let Some((a, b)) = strip_name(doc, k, e) {
                    let initial = a == doc.sentence_start(a)
                        || (a > 0 && doc.is(a - 1, &["«", "“", "\"", "—", "–", "-", ":"]));
                    let common = b - a == 1
                        && initial
                        && (doc.info[a].cue.is_some()
                            || doc.is(
                                a,
                                &[
                                    "Il", "Elle", "Cette", "Lors", "Mais", "But", "He", "She",
                                    "They", "It", "In", "On", "At", "After", "Before", "For", "If",
                                    "When", "While", "As", "And", "So", "This", "That", "There",
                                    "We", "I", "Les", "Des", "Une", "Un", "En", "Dans", "Pour",
                                    "Selon", "Après", "Avant", "Depuis", "Alors", "Ainsi",
                                    "Pourtant", "Nous", "Ils", "Elles", "On", "Ce", "What", "Why",
                                    "How", "Who", "Yes", "No", "Oui", "Non",
                                ],
                            ));
                    if !common {
                        runs.push((a, b));
                    }
                }
                k = e.max(k + 1);
            } else {
                k += 1;
            }
        }
        // each distinct run once (its first occurrence: the canonical name
        // is the earliest fuller run), so that a name repeated thousands of
        // times costs one candidate, not thousands
        let mut by_word: FastMap<std::borrow::Cow<'a, str>, Vec<usize>> = FastMap::default();
        let mut seen: FastMap<&'a str, ()> = FastMap::default();
        for (ri, &(a, b)) in runs.iter().enumerate() {
            let run = &doc.text[doc.toks[a].span.start..doc.toks[b - 1].span.end];
            if seen.insert(run, ()).is_some() {
                continue;
            }
            for k in a..b {
                // "Erdogan" finds "Recep Tayyip Erdoğan"
                by_word.entry(fold(doc.t(k))).or_default().push(ri);
            }
        }
        let quoted_names: FastMap<&'a str, ()> = regions
            .iter()
            .map(|r| r.content.text(doc.text))
            .filter(|c| {
                c.split_whitespace().count() <= 4
                    && c.split_whitespace()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
            .map(|c| (c, ()))
            .collect();
        let mut referents = Vec::new();
        if entities
            .iter()
            .any(|e| matches!(e.label, Label::Per | Label::Org))
        {
            for e in entities {
                if !matches!(e.label, Label::Per | Label::Org) {
                    continue;
                }
                let a = doc.tok_at(e.span.start);
                let b = doc.tok_at(e.span.end).max(a + 1);
                // "l'hépatite C": one letter names no one
                if a >= n || doc.info[a].region.is_some() || e.span.end - e.span.start <= 1 {
                    continue;
                }
                let gender = groups
                    .get(e.group)
                    .and_then(|g| g.name.split_whitespace().next())
                    .and_then(given_name)
                    .or_else(|| name_gender(doc, a, b.min(n)));
                // the name inside the mention ("de Haute-Savoie Élodie Garnier" → "Élodie Garnier")
                let (na, nb) = strip_name(doc, a, b.min(n)).unwrap_or((a, b.min(n)));
                let span = if nb > na {
                    Span::new(doc.toks[na].span.start, doc.toks[nb - 1].span.end)
                } else {
                    e.span
                };
                referents.push(Referent {
                    span,
                    toks: (a, b),
                    gender,
                    org: e.label == Label::Org || org_suffix(doc.t(nb.max(na + 1) - 1)),
                    // a person named inside "l'affaire X" is the case's
                    // name, not someone present to speak
                    person: e.label == Label::Per
                        && !org_suffix(doc.t(nb.max(na + 1) - 1))
                        && !(a > 0 && doc.is(a - 1, &["affaire", "Affaire", "dossier"])),
                    group: Some(e.group),
                });
            }
        }
        {
            // name runs the recogniser did not mark (or all of them without a recogniser)
            // covered spans by start, with the furthest end so far: an overlap
            // test in O(log n), since long articles have thousands of runs
            // (a place or a thing the recogniser found is no one either:
            // "a pledge made in Paris" gives "he" no antecedent)
            let mut covered: Vec<Span> = referents
                .iter()
                .map(|r: &Referent| r.span)
                .chain(
                    entities
                        .iter()
                        .filter(|e| matches!(e.label, Label::Loc | Label::Misc))
                        .map(|e| e.span),
                )
                .collect();
            covered.sort_unstable();
            let reach: Vec<usize> = covered
                .iter()
                .scan(0, |m, c| {
                    *m = c.end.max(*m);
                    Some(*m)
                })
                .collect();
            let is_covered = |span: Span| {
                let before = covered.partition_point(|c| c.start < span.end);
                before > 0 && reach[before - 1] > span.start
            };
            for &(a, b) in &runs {
                let span = Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end);
                if doc.info[a].region.is_some() || is_covered(span) {
                    continue;
                }
                let gender = name_gender(doc, a, b);
                let last = doc.t(b - 1);
                let org = org_suffix(last)
                    || matches!(
                        last,
                        "AI" | "Inc."
                            | "Inc"
                            | "Corp."
                            | "Corp"
                            | "SA"
                            | "Group"
                            | "Groupe"
                            | "Ltd"
                            | "LLC"
                            | "Party"
                            | "Parti"
                            | "Committee"
                            | "Department"
                            | "Ministry"
                            | "House"
                            | "Times"
                            | "Post"
                            | "News"
                    )
                    || (a > 0
                        && doc.is(
                            a - 1,
                            &[
                                "startup",
                                "entreprise",
                                "société",
                                "company",
                                "firm",
                                "groupe",
                                "group",
                            ],
                        ));
                let person = !org && (gender.is_some() || b - a >= 2);
                referents.push(Referent {
                    span,
                    toks: (a, b),
                    gender,
                    org,
                    person,
                    group: None,
                });
            }
        }
        referents.sort_by_key(|r| r.span.start);
        let mut acronyms = FastMap::default();
        for t in 1..n.saturating_sub(1) {
            let w = doc.t(t);
            if bracket_acronym(w)
                && (doc.t(t - 1) == "(" && doc.t(t + 1) == ")" && !dateline_credit(doc, t)
                    || expand_apposed_acronym(doc, t).is_some()
                    || expand_bracketed_after(doc, t).is_some())
            {
                acronyms.entry(w).or_insert(t);
            }
        }
        let mut spelled: FastMap<String, Option<usize>> = FastMap::default();
        for g in groups.iter().filter(|g| g.label == Label::Org) {
            if let Some(a) = spelled_initials(&g.name) {
                spelled
                    .entry(a)
                    .and_modify(|e| {
                        if *e != Some(g.id) {
                            *e = None
                        }
                    })
                    .or_insert(Some(g.id));
            }
        }
        let mut group_words: FastMap<&'a str, Vec<usize>> = FastMap::default();
        for g in groups
            .iter()
            .filter(|g| matches!(g.label, Label::Per | Label::Org))
        {
            for w in g.name.split_whitespace() {
                let ids = group_words.entry(w).or_default();
                if ids.last() != Some(&g.id) {
                    ids.push(g.id);
                }
            }
        }
        let org_names: FastMap<&'a str, ()> = referents
            .iter()
            .filter(|r| r.org)
            .filter_map(|r| groups.get(r.group?))
            .map(|g| (g.name.as_str(), ()))
            .collect();
        let gazetteer = crate::analysis::gazetteer::Gazetteer::get();
        let foreign = referents
            .iter()
            .filter(|r| {
                let k = r.toks.0;
                r.person
                    && k > 0
                    && !doc.info[k - 1].cap
                    && gazetteer.is_demonym_adjective_fr(doc.t(k - 1))
                    && !same_nationality(doc.t(k - 1), "français")
                    // (not a headline's last word before the first line)
                    && !doc.text[doc.toks[k - 1].span.end..doc.toks[k].span.start].contains('\n')
            })
            .map(|r| &doc.text[doc.toks[r.toks.0].span.start..doc.toks[r.toks.1 - 1].span.end])
            .collect();
        Resolver {
            entities,
            foreign,
            groups,
            referents,
            runs,
            by_word,
            last: None,
            quoted_names,
            acronyms,
            spelled,
            group_words,
            said: Vec::new(),
            kinds: FastMap::default(),
            canon: RefCell::new(FastMap::default()),
            org_names,
            steps: std::cell::Cell::new(0),
        }
    }

    /// Canonical speaker name and entity group for a mention.
    pub fn resolve(&mut self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        self.kinds.insert(m.span, m.kind);
        let out = match m.kind {
            Kind::FirstPerson => (None, None),
            // "l'ONG", "la PME": an acronym of a common noun is a noun phrase
            Kind::Name if self.common_acronym(doc, m) => {
                let a = doc.tok_at(m.span.start);
                let start = if a > 0 && is_det(doc, a - 1) {
                    doc.toks[a - 1].span.start
                } else {
                    m.span.start
                };
                let phrase = Mention {
                    span: Span::new(start, m.span.end),
                    kind: Kind::Phrase,
                    head: a,
                    ..*m
                };
                self.phrase(doc, &phrase)
            }
            Kind::Name => self.name(doc, m.span),
            Kind::Pronoun => self.pronoun(doc, m),
            Kind::Phrase => self.phrase(doc, m),
        };
        if let Some(name) = &out.0 {
            let g = self.gender_of(doc, name, m);
            self.last = Some((name.clone(), out.1, g, m.span.start));
            self.said.push(focus::Said {
                mention: *m,
                name: Some(name.clone()),
                group: out.1,
                gender: g,
            });
        } else if doc.lang == crate::analysis::Lang::Fr
            && (m.kind == Kind::Pronoun || m.kind == Kind::Phrase && person_like(doc, m))
        {
            // a source only described ("« … », a confié un habitant"): the
            // pronouns after it are that person's, who has no name
            self.said.push(focus::Said {
                mention: *m,
                name: None,
                group: None,
                gender: m.gender,
            });
        }
        out
    }

    fn common_acronym(&self, doc: &Doc, m: &Mention) -> bool {
        doc.lang == crate::analysis::Lang::Fr
            && doc.tok_at(m.span.end) == doc.tok_at(m.span.start) + 1
            && crate::analysis::gazetteer::Gazetteer::get().is_common_acronym(m.span.text(doc.text))
    }

    fn gender_of(&self, doc: &Doc, name: &str, m: &Mention) -> Option<Gender> {
        if m.kind == Kind::Pronoun {
            return m.gender;
        }
        name.split_whitespace()
            .next()
            .and_then(given_name)
            .or(m.gender)
            .or_else(|| {
                let a = doc.tok_at(m.span.start);
                (a > 0).then(|| title_gender(doc, a - 1)).flatten()
            })
    }

    fn name(&self, doc: &Doc, span: Span) -> (Option<String>, Option<usize>) {
        let text = span.text(doc.text);
        // "La Fnsea" opening a sentence: the acronym without its article
        let bare = ["La ", "Le ", "Les ", "L'", "L’"]
            .iter()
            .find_map(|a| text.strip_prefix(a))
            .filter(|w| self.acronyms.contains_key(w))
            .unwrap_or(text);
        if let Some(full) = self.acronyms.get(bare).and_then(|&t| {
            // "BEA, le Bureau …" spells it out after; "(UCAF)" before;
            // "Le SNJ (Syndicat national des journalistes)" in brackets after
            expand_apposed_acronym(doc, t)
                .or_else(|| expand_bracketed_after(doc, t))
                .or_else(|| expand_acronym(doc, t))
                .or_else(|| acronym_with_place(doc, t))
        }) {
            return (Some(full), self.group_at(span));
        }
        if let Some(g) = self
            .spelled
            .get(bare)
            .copied()
            .flatten()
            .and_then(|g| self.groups.get(g))
        {
            return (Some(g.name.clone()), Some(g.id));
        }
        // "le pape François", "le roi Charles": a regnal name is a name of
        // its own, not the first name of another person of the article
        let a = doc.tok_at(span.start);
        if a > 0 && doc.tok_at(span.end) == a + 1 && doc.is(a - 1, REGNAL) {
            return (Some(format!("{} {text}", doc.t(a - 1))), None);
        }
        // an entity overlapping the mention gives the group; the name is the
        // fullest of the group's name and the article's own name runs
        let group = self.group_at(span).or_else(|| {
            // a place the recogniser found ("France" of "D'après France
            // info") is not a longer name holding its word ("La France en
            // colère")
            if matches!(doc.info[a].entity, Some(Label::Loc | Label::Misc)) {
                return None;
            }
            let first = text.split_whitespace().next()?;
            self.group_words
                .get(first)?
                .iter()
                .filter_map(|&id| self.groups.get(id))
                .filter(|g| contains_words(&g.name, text))
                .max_by_key(|g| g.mentions.len())
                .map(|g| g.id)
        });
        // "Mrs Smith" beside "Graham Smith": a title of the other gender
        // names another person of that surname, not his group
        let title = (a > 0).then(|| title_gender(doc, a - 1)).flatten();
        let other_person = |g: usize| {
            self.groups.get(g).is_some_and(|g| {
                let first = strip_titles(&g.name).split_whitespace().next();
                title.is_some_and(|t| {
                    first
                        .and_then(given_name)
                        .is_some_and(|h| h != t && h != Gender::Either)
                })
            })
        };
        if group.is_some_and(other_person) {
            let mine = self.canonical(doc, span);
            // the title tells them apart where the surname alone would not
            let name = if mine == text {
                format!("{} {text}", doc.t(a - 1))
            } else {
                mine
            };
            return (Some(name), None);
        }
        let mine = self.canonical(doc, span);
        let name = match group.and_then(|g| self.groups.get(g)) {
            Some(g) => {
                let theirs = strip_titles(&g.name);
                // prefer the group's name when it is fuller and holds ours
                // ("Musk" → "Elon Musk"); a place before a name is not fuller
                if mine.split_whitespace().count() == 1
                    && theirs.split_whitespace().count() > 1
                    && contains_words(theirs, &mine)
                    && mine == text
                    && !runs_into_a_clause(theirs)
                    // "Prime Minister Keir Starmer": the person's name
                    // without the title the recogniser left out
                    || g.label == Label::Per
                        && theirs.split_whitespace().count() >= 2
                        && mine.len() > theirs.len()
                        && mine.ends_with(&format!(" {theirs}"))
                {
                    theirs.to_string()
                } else {
                    mine
                }
            }
            None => mine,
        };
        (Some(name), group)
    }

    /// The entity group of a recognised mention overlapping `span`.
    fn group_at(&self, span: Span) -> Option<usize> {
        let i = self.entities.partition_point(|e| e.span.end <= span.start);
        self.entities[i..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .find(|e| {
                e.span.overlaps(span)
                    && matches!(e.label, Label::Per | Label::Org)
                    && e.group < self.groups.len()
            })
            .map(|e| e.group)
    }

    /// The speaker name of a referent.
    fn referent_name(&self, doc: &Doc, r: &Referent) -> (Option<String>, Option<usize>) {
        let (name, group) = self.name(doc, r.span);
        (name, group.or(r.group))
    }

    /// The earliest longer name run of the article holding the words of `span`
    /// ("Musk" → "Elon Musk"); quoted product names are skipped.
    fn canonical(&self, doc: &Doc, span: Span) -> String {
        let text = span.text(doc.text).to_string();
        let a = doc.tok_at(span.start);
        // "Mrs Smith" is not "Graham Smith"
        let title = if a > 0 {
            title_gender(doc, a - 1)
        } else {
            None
        };
        let key = (text, title);
        if let Some(c) = self.canon.borrow().get(&key) {
            return c.clone();
        }
        let c = self.canonical_uncached(doc, span, title);
        self.canon.borrow_mut().insert(key, c.clone());
        c
    }

    fn canonical_uncached(&self, doc: &Doc, span: Span, title: Option<Gender>) -> String {
        let text = span.text(doc.text);
        let a = doc.tok_at(span.start);
        let b = doc.tok_at(span.end);
        let words: Vec<&str> = (a..b).map(|k| doc.t(k)).collect();
        let mut best: Option<(usize, usize)> = None;
        // candidates: runs holding our first word
        if let Some(list) = words.first().and_then(|w| self.by_word.get(&fold(w))) {
            for &ri in list {
                self.steps.set(self.steps.get() + 1);
                let (ra, rb) = self.runs[ri];
                if rb - ra <= words.len()
                    || rb - ra > 5
                    || title.is_some_and(|g| {
                        given_name(doc.t(ra)).is_some_and(|h| h != g && h != Gender::Either)
                    })
                    || (ra + 1..rb).any(|k| doc.function(k) || is_det(doc, k))
                {
                    continue;
                }
                let rw: Vec<&str> = (ra..rb).map(|k| doc.t(k)).collect();
                if !rw
                    .windows(words.len())
                    .any(|w| w.iter().zip(&words).all(|(a, b)| fold(a) == fold(b)))
                {
                    continue;
                }
                let rtext = &doc.text[doc.toks[ra].span.start..doc.toks[rb - 1].span.end];
                if self.quoted_names.contains_key(rtext) {
                    continue;
                }
                if best.is_none_or(|(ba, _)| ra < ba) {
                    best = Some((ra, rb));
                }
            }
        }
        match best {
            Some((ra, rb)) => {
                doc.text[doc.toks[ra].span.start..doc.toks[rb - 1].span.end].to_string()
            }
            None => text.to_string(),
        }
    }

    /// "Ce dernier", "celui-ci": the person named last, in this sentence or
    /// the one before (else a body there), not the one in focus.
    fn latest(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let a = doc.tok_at(m.span.start);
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        let ss = doc.sentence_start(a);
        let from = if ss > 0 {
            doc.sentence_start(ss - 1)
        } else {
            0
        };
        let near = || {
            self.referents[..i]
                .iter()
                .rev()
                .take_while(|r| r.toks.0 >= from)
        };
        let person = near().find(|r| r.person && compatible_gender(m.gender, r.gender));
        // "« … », a expliqué l'entrepreneur. … ce dernier": a speaker named
        // by a role or a pronoun since is the one named last
        let lo = doc.toks[from].span.start;
        if let Some(said) = self.said.iter().rev().find(|s| {
            s.mention.span.start >= lo
                && s.mention.span.end <= m.span.start
                && s.mention.kind != Kind::Name
                && compatible_gender(m.gender, s.gender)
        }) && person.is_none_or(|r| r.span.start < said.mention.span.start)
        {
            return (said.name.clone(), said.group);
        }
        person
            .or_else(|| near().find(|r| r.org))
            .map_or((None, None), |r| self.referent_name(doc, r))
    }

    fn pronoun(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        if doc.is(
            doc.tok_at(m.span.start),
            &["celui-ci", "celle-ci", "ceux-ci", "celles-ci"],
        ) {
            return self.latest(doc, m);
        }
        if doc.lang == crate::analysis::Lang::Fr
            && m.kind == Kind::Pronoun
            && let Some(r) = self.pronoun_in_focus(doc, m, &self.focus(doc, m))
        {
            return r;
        }
        self.pronoun_by_referents(doc, m)
    }

    /// The first subject in focus that agrees with the pronoun: a name of a
    /// person (or a body, for "ils" / "elle"), a role or description (which
    /// may name no one: "Le chauffeur … Selon lui"). Pronouns in focus pass
    /// on to the subjects before them.
    fn pronoun_in_focus(
        &self,
        doc: &Doc,
        m: &Mention,
        focus: &[focus::Focus],
    ) -> Option<(Option<String>, Option<usize>)> {
        // a pronoun subject that passes the search on keeps the other
        // people of its sentence out
        let mut others = true;
        for f in focus {
            let s = match f {
                focus::Focus::Said(said) => {
                    let Some(name) = &said.name else {
                        if said.mention.plural == m.plural
                            && compatible_gender(m.gender, said.gender)
                        {
                            return Some((None, None));
                        }
                        continue;
                    };
                    let plural = said.mention.plural || name.contains(" et ");
                    let org = self.is_org(name, said.group);
                    let ok = if m.plural {
                        plural || org
                    } else {
                        !plural && (org || compatible_gender(m.gender, said.gender))
                    };
                    if ok {
                        return Some((Some(name.clone()), said.group));
                    }
                    continue;
                }
                focus::Focus::Subject(s) => {
                    others = true;
                    s
                }
                focus::Focus::Other(s, after_subject) => {
                    if *after_subject && !others || m.plural {
                        continue;
                    }
                    s
                }
            };
            match s.kind {
                Kind::Pronoun => {
                    if s.plural == m.plural && compatible_gender(m.gender, s.gender) {
                        others = false;
                        continue;
                    }
                }
                Kind::Name => {
                    let (name, group) = self.name(doc, s.span);
                    let Some(name) = name else { continue };
                    let a = doc.tok_at(s.span.start);
                    let b = doc.tok_at(s.span.end).max(a + 1);
                    let label = group.and_then(|g| self.groups.get(g)).map(|g| g.label);
                    let gender = s
                        .gender
                        .or_else(|| name.split_whitespace().next().and_then(given_name))
                        .or_else(|| name_gender(doc, a, b));
                    let org = self.is_org(&name, group);
                    let person = !org
                        && (label == Some(Label::Per)
                            || gender.is_some()
                            || name.split_whitespace().count() >= 2);
                    if m.plural
                        && !org
                        && let Some(pair) = self.coordinated(doc, s, &name)
                    {
                        return Some((Some(pair), None));
                    }
                    let ok = if m.plural {
                        org || name.contains(" et ")
                    } else if org {
                        // "l'association … elle", "Airbus … il"
                        true
                    } else {
                        person && compatible_gender(m.gender, gender)
                    };
                    if ok {
                        return Some((Some(name), group));
                    }
                }
                Kind::Phrase => {
                    if s.plural != m.plural || !compatible_gender(m.gender, s.gender) {
                        continue;
                    }
                    // a thing ("Le bilan", "Cette décision") passes; a
                    // person or a body stops the search, named or not, and
                    // so does any group for "ils" / "elles" ("Les élus
                    // locaux ont dénoncé … « … », ont-ils prévenu")
                    if person_like(doc, s) || m.plural {
                        let r = self.phrase(doc, s);
                        // "Les producteurs du film, réunis au sein de
                        // Sirocco Films SA, …": the body the group is
                        // described by
                        if r.0.is_none()
                            && m.plural
                            && let Some(b) = self.body_in_apposition(doc, s)
                        {
                            return Some(b);
                        }
                        return Some(r);
                    }
                }
                Kind::FirstPerson => {}
            }
        }
        None
    }

    /// The canonical name of the recognised entity running from token `x`
    /// to token `end` (exclusive).
    fn entity_name(&self, doc: &Doc, x: usize, end: usize) -> (Option<String>, Option<usize>) {
        self.name(
            doc,
            Span::new(doc.toks[x].span.start, doc.toks[end - 1].span.end),
        )
    }

    /// A body named in the apposition right after the phrase `s`, between
    /// its commas ("Les producteurs, réunis au sein de Sirocco Films SA,").
    fn body_in_apposition(
        &self,
        doc: &Doc,
        s: &Mention,
    ) -> Option<(Option<String>, Option<usize>)> {
        let e = doc.tok_at(s.span.end);
        if e >= doc.toks.len() || doc.t(e) != "," {
            return None;
        }
        let x = (e + 1..(e + 12).min(doc.toks.len()))
            .take_while(|&x| doc.t(x) != "," && !doc.info[x].aux && doc.cue_at(x).is_none())
            .find(|&x| {
                doc.info[x].entity == Some(Label::Org) && doc.info[x].entity_end.is_some()
            })?;
        let r = self.entity_name(doc, x, doc.info[x].entity_end? as usize);
        r.0.is_some().then_some(r)
    }

    /// "Agnès Buzyn et Gérald Darmanin ont annoncé": the two people a
    /// subject name `s` (resolved to `name`) is coordinated with, as one
    /// speaker "A et B".
    fn coordinated(&self, doc: &Doc, s: &Mention, name: &str) -> Option<String> {
        let e = doc.tok_at(s.span.end);
        if e >= doc.toks.len() || !doc.is(e, &["et"]) {
            return None;
        }
        // the second name, past its article and role ("et la présidente de
        // la BCE Christine Lagarde"), before any verb
        let x = (e + 1..(e + 8).min(doc.toks.len()))
            .take_while(|&x| !doc.punct(x) && !doc.info[x].aux && doc.cue_at(x).is_none())
            .find(|&x| doc.info[x].entity == Some(Label::Per))?;
        let second = self
            .entity_name(doc, x, doc.info[x].entity_end? as usize)
            .0?;
        (second != name).then(|| format!("{name} et {second}"))
    }

    fn pronoun_by_referents(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let compatible = |g: Option<Gender>, person: bool, org: bool| -> bool {
            if m.plural || doc.is(doc.tok_at(m.span.start), &["it", "they"]) {
                return org;
            }
            person
                && !matches!(
                    (m.gender, g),
                    (Some(Gender::Male), Some(Gender::Female))
                        | (Some(Gender::Female), Some(Gender::Male))
                )
        };
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        let fr = doc.lang == crate::analysis::Lang::Fr;
        // French: a one-word name of unknown gender ("Twitter", "Saccorhytus")
        // is no antecedent for "il" or "elle" unless it is a known person
        let named_enough = |r: &Referent| {
            !fr || r.toks.1 - r.toks.0 >= 2
                || r.gender.is_some()
                || self.full_gender(doc, r).is_some()
                || r.group.is_some_and(|g| {
                    self.groups.get(g).is_some_and(|g| {
                        g.label == Label::Per && g.name.split_whitespace().count() >= 2
                    })
                })
        };
        // a person introduced as a sentence subject since the last speaker
        // ("Le professeur Thomas Keller … juge … « … », a-t-il ajouté")
        let since = self.last.as_ref().map_or(0, |l| l.3);
        for r in self.referents[..i]
            .iter()
            .rev()
            .take_while(|r| r.span.start > since)
        {
            let ss = doc.sentence_start(r.toks.0);
            let subject = if fr {
                // French: the first person of its sentence, before any verb
                // ("Le président de l'Association …, Nicolas Thibault, a …")
                (ss..r.toks.0).all(|x| {
                    !doc.info[x].aux
                        && doc.info[x].cue.is_none()
                        && doc.info[x].region.is_none()
                        && !doc.is(x, &["qui", "que", "qu'", "qu’", "dont"])
                }) && !self.referents[..i]
                    .iter()
                    .any(|o| o.person && o.toks.0 >= ss && o.toks.0 < r.toks.0)
            } else {
                (ss..r.toks.0).all(|x| {
                    is_det(doc, x)
                        || doc.is(x, TITLES_M)
                        || doc.is(x, TITLES_F)
                        || doc.is(x, ROLES)
                        || doc.function(x)
                        || !doc.info[x].cap && x + 3 > r.toks.0
                })
            };
            let person = (r.person || (!r.org && r.gender.is_some())) && named_enough(r);
            if subject
                && !m.plural
                && person
                && compatible_gender(m.gender, r.gender.or_else(|| self.full_gender(doc, r)))
            {
                return self.referent_name(doc, r);
            }
        }
        // the previous speaker, when recent and compatible
        if let Some((name, group, g, pos)) = &self.last {
            let recent = !doc.text[*pos..m.span.start.max(*pos)].contains("\n\n")
                || doc.text[*pos..m.span.start.max(*pos)]
                    .matches("\n\n")
                    .count()
                    <= 1;
            // a role noun is a person: not an institution written as in the
            // text, whose name is lowercase ("Le cabinet du ministre a
            // précisé … », a répondu le ministre")
            let institution =
                m.kind == Kind::Phrase && name.chars().next().is_some_and(char::is_lowercase);
            if recent
                && !institution
                && compatible(*g, !m.plural, self.is_org_name(name))
                && (m.gender.is_some() || m.plural)
            {
                return (Some(name.clone()), *group);
            }
        }
        for r in self.referents[..i].iter().rev().take(60) {
            let person = (r.person || (!r.org && r.gender.is_some())) && named_enough(r);
            let gender = r.gender.or_else(|| self.full_gender(doc, r));
            if compatible(
                gender,
                person || (!r.org && self.full_gender(doc, r).is_some()),
                r.org,
            ) {
                return self.referent_name(doc, r);
            }
        }
        (None, None)
    }

    /// Gender of a referent through its canonical (fuller) name.
    fn full_gender(&self, doc: &Doc, r: &Referent) -> Option<Gender> {
        let c = self.canonical(doc, r.span);
        c.split_whitespace().next().and_then(given_name)
    }

    /// A body: recognised as an organisation, or named as one.
    fn is_org(&self, name: &str, group: Option<usize>) -> bool {
        group.and_then(|g| self.groups.get(g)).map(|g| g.label) == Some(Label::Org)
            || self.is_org_name(name)
    }

    /// Whether `name` holds a person introduced with a foreign nationality
    /// ("le président kényan William Ruto", "son homologue brésilien Lula").
    fn is_foreign(&self, name: &str) -> bool {
        // any capitalised word in common: "Lula", "Luiz Inácio Lula" and
        // "Lula da Silva" are one person
        self.foreign.iter().any(|f| {
            name.split_whitespace().any(|w| {
                w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && f.split_whitespace().any(|x| x == w)
            })
        })
    }

    fn is_org_name(&self, name: &str) -> bool {
        self.org_names.contains_key(name)
            || name.ends_with(" AI")
            // a bracketed acronym names a body ("SDIS de Seine-Maritime")
            || name
                .split_whitespace()
                .next()
                .is_some_and(|w| self.acronyms.contains_key(w))
    }

    fn phrase(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        if doc.lang == crate::analysis::Lang::Fr {
            return self.phrase_fr(doc, m);
        }
        let head = doc.t(m.head).to_lowercase();
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        // "the company said", "the lender said", "the world's largest asset
        // manager said": the organisation named last
        let business = COMPANY.contains(&head.as_str())
            || BUSINESSES_EN.contains(&head.as_str())
            || head == "manager" && m.head > 0 && doc.is(m.head - 1, &["asset", "investment"]);
        if business && let Some(r) = self.referents[..i].iter().rev().take(40).find(|r| r.org) {
            return self.referent_name(doc, r);
        }
        if ROLES.contains(&head.as_str()) {
            // an earlier occurrence of this role next to a name
            let mut k = doc.tok_at(m.span.start);
            while k > 0 {
                k -= 1;
                if doc.t(k).eq_ignore_ascii_case(&head) && doc.info[k].region.is_none() {
                    let lo = k.saturating_sub(3);
                    let hi = (k + 8).min(doc.toks.len());
                    if let Some(r) = self
                        .referents
                        .iter()
                        .filter(|r| r.person && r.toks.0 >= lo && r.toks.0 < hi && r.toks.0 != k)
                        .min_by_key(|r| r.toks.0.abs_diff(k))
                    {
                        return self.referent_name(doc, r);
                    }
                }
            }
        }
        // "le comédien", "the senator": the last person of that gender
        if ROLES.contains(&head.as_str())
            && doc.is(doc.tok_at(m.span.start), &["le", "la", "l'", "l’", "the"])
            && !m.plural
        {
            let r = self.pronoun(
                doc,
                &Mention {
                    kind: Kind::Pronoun,
                    ..*m
                },
            );
            if r.0.is_some() {
                return r;
            }
        }
        // the phrase itself, without its article: "parquet de Rouen"
        let a = doc.tok_at(m.span.start);
        let start = if is_det(doc, a)
            && a + 1 < doc.toks.len()
            && doc.toks[a + 1].span.start < m.span.end
        {
            doc.toks[a + 1].span.start
        } else {
            m.span.start
        };
        (Some(doc.text[start..m.span.end].to_string()), None)
    }

    /// French noun phrases under the guidelines: a role noun ("le ministre",
    /// "la porte-parole") stands for the person it was bound to or the
    /// person in focus; an organisation noun ("l'ONG", "le quotidien",
    /// "sa direction") for the body named with it or last; a document ("le
    /// rapport du BEA", "une déclaration de Barcelone") for its author; an
    /// institution without a proper name is written as in the text
    /// ("préfecture", "gouvernement français"); anyone only described
    /// ("un habitant", "sa mère", "les enquêteurs") has no name.
    fn phrase_fr(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let a = doc.tok_at(m.span.start);
        let b = doc.tok_at(m.span.end);
        let words: Vec<String> = (a..b).map(|k| doc.t(k).to_lowercase()).collect();
        let Some(hi) = words
            .iter()
            .position(|w| !DETERMINERS_FR.contains(&w.as_str()) && !is_adjective_before(w))
        else {
            return (None, None);
        };
        let head = words[hi].as_str();
        let det = words.first().map(String::as_str).unwrap_or("");
        // "La ministre de l’Éducation Najat Vallaud-Belkacem": a person
        // recognised in apposition inside the phrase is who it names (not
        // one in a complement: "l'entourage d'Emmanuel Macron")
        if let Some(x) = (a + hi..b).find(|&x| doc.info[x].entity == Some(Label::Per))
            && !doc.is(
                x - 1,
                &[
                    "de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "à", "au", "aux",
                    "par",
                ],
            )
            && let Some(e) = doc.info[x].entity_end
            && e as usize <= b
        {
            return self.entity_name(doc, x, e as usize);
        }
        // "Le Syndicat national des journalistes": a body's name with its
        // article is that name (not a crowd: "des Gilets jaunes")
        if doc.info[a + hi].cap
            && matches!(det, "le" | "la" | "l'" | "l’")
            && matches!(doc.info[a + hi].entity, Some(Label::Org))
            && let Some(e) = doc.info[a + hi].entity_end
            && e as usize <= b
            && (a + hi == 0 || doc.info[a + hi - 1].entity != Some(Label::Org))
        {
            return self.entity_name(doc, a + hi, e as usize);
        }
        let indefinite =
            matches!(
                det,
                "un" | "une"
                    | "des"
                    | "certains"
                    | "certaines"
                    | "plusieurs"
                    | "quelques"
                    | "de"
                    | "d'"
                    | "d’"
            ) || (a > 0 && doc.is(a - 1, &["de", "d'", "d’"]) && matches!(det, "ses" | "leurs"));
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        // a named complement: "le rapport final du BEA", "la direction d'I-Télé",
        // "un rapport de l'IGPN"
        let named_complement = || {
            (a + hi + 1..b.min(doc.toks.len())).find_map(|k| {
                let of = |x: usize| doc.is(x, &["de", "du", "des", "d'", "d’"]);
                (doc.info[k].cap
                    && (of(k - 1)
                        || k > 1 && doc.is(k - 1, &["l'", "l’", "la", "le", "les"]) && of(k - 2)))
                .then(|| {
                    let mut e = k + 1;
                    while e < b && doc.info[e].cap {
                        e += 1;
                    }
                    self.name(
                        doc,
                        Span::new(doc.toks[k].span.start, doc.toks[e - 1].span.end),
                    )
                })
            })
        };
        let definite = matches!(det, "le" | "la" | "l'" | "l’" | "ce" | "cet" | "cette");
        // "L'autorité" after "l'Autorité de régulation professionnelle de la
        // publicité", "la commission" after "la Commission européenne": a
        // body named again by its first noun
        if definite
            && b == a + hi + 1
            && !ROLES.contains(&head)
            && let Some(r) = self.referents[..i].iter().rev().take(60).find(|r| {
                r.org && r.toks.1 - r.toks.0 >= 2 && doc.t(r.toks.0).to_lowercase() == head
            })
        {
            return self.referent_name(doc, r);
        }
        // "Ce dernier", "cette dernière": the person named last, in this
        // sentence or the one before (else a body there)
        if matches!(head, "dernier" | "dernière") && matches!(det, "ce" | "cette") && b == a + 2 {
            return self.latest(doc, m);
        }
        // "ce Gilet jaune du Vaucluse": a demonstrative description written
        // with a capital is the person named last, if any
        if matches!(det, "ce" | "cet" | "cette")
            && doc.info[a + hi].cap
            && doc.info[a + hi].entity != Some(Label::Per)
        {
            let r = self.latest(doc, m);
            return if r.0.as_deref().is_some_and(|n| !self.is_org(n, r.1)) {
                r
            } else {
                (None, None)
            };
        }
        // an office that speaks for a body it names: "le bureau de MSF à
        // Beyrouth", "le service de presse de la SNCF" (unnamed, "les
        // services de renseignement" are a body of their own)
        if OFFICES_FR.contains(&head)
            && let Some(r) = named_complement()
        {
            return r;
        }
        if DOCUMENTS_FR.contains(&head) || head == "direction" {
            if let Some(r) = named_complement() {
                return r;
            }
            // "La déclaration explique" after "Une déclaration de Barcelone":
            // the author named where the noun came before
            if definite && let Some(r) = self.named_earlier(doc, a, head, false) {
                return r;
            }
            // "sa direction", "le communiqué": the body named last
            // "L'Unesco a adopté une résolution. Ce texte « … »": the body in
            // focus, not just any named last
            // (an investigation speaks through its unnamed investigators)
            if matches!(det, "ce" | "cet" | "cette") {
                if head == "enquête" {
                    return (None, None);
                }
                return self
                    .pronoun_in_focus(doc, m, &self.focus(doc, m))
                    .filter(|r| r.0.as_deref().is_some_and(|n| self.is_org(n, r.1)))
                    .unwrap_or((None, None));
            }
            if matches!(
                det,
                "sa" | "son" | "ses" | "le" | "la" | "l'" | "l’" | "leur"
            ) && let Some(r) = self.referents[..i].iter().rev().take(40).find(|r| r.org)
            {
                return self.referent_name(doc, r);
            }
            return (None, None);
        }
        if ORG_NOUNS_FR.contains(&head) && !indefinite {
            if let Some(r) = named_complement().filter(|_| head == "groupe") {
                return r;
            }
            // "a précisé l'émission" after "l'émission de TMC « Quotidien »":
            // the title in quotation marks, not the channel beside it
            if definite && let Some(r) = self.named_earlier(doc, a, head, true) {
                return r;
            }
            // "l'association Greenpeace" earlier: the body bound to this noun
            if let Some(r) = self.bound(doc, a, head, |r| r.org) {
                return self.referent_name(doc, r);
            }
            // an acronym of a kind of body ("Greenpeace accuse … . L'ONG
            // réclame"): the body in focus before the one named last (a
            // newspaper or a union named by its noun keeps the rules below)
            if doc.info[a + hi].cap
                && let Some(r) = self
                    .pronoun_in_focus(doc, m, &self.focus(doc, m))
                    .filter(|r| r.0.as_deref().is_some_and(|n| self.is_org(n, r.1)))
            {
                return r;
            }
            if let Some(r) = self.referents[..i].iter().rev().take(40).find(|r| r.org) {
                return self.referent_name(doc, r);
            }
        }
        let plural = head.ends_with('s') && !head.ends_with("ss") || head.ends_with('x');
        // "les deux ministres", "les deux hommes": the pair in focus, else
        // the last two people named in this sentence or the two before
        // ("Les ministres de la Santé, Agnès Buzyn, et des Comptes publics,
        // Gérald Darmanin ont annoncé … Les deux ministres soulignent"); a
        // third one makes it no one
        if det == "les" && words.get(1).is_some_and(|w| w == "deux") && plural {
            if let Some(r) = self
                .pronoun_in_focus(doc, m, &self.focus(doc, m))
                .filter(|r| r.0.as_deref().is_some_and(|n| n.contains(" et ")))
            {
                return r;
            }
            let from = doc.sents[(doc.sent_of[a] as usize).saturating_sub(2)]
                .tokens
                .start;
            let mut names: Vec<String> = Vec::new();
            for r in self.referents[..i].iter().rev() {
                if r.toks.0 < from || names.len() == 3 {
                    break;
                }
                if r.person
                    && let Some(n) = self.referent_name(doc, r).0
                    && !names.contains(&n)
                {
                    names.push(n);
                }
            }
            if let [second, first] = names.as_slice() {
                return (Some(format!("{first} et {second}")), None);
            }
        }
        if ROLES.contains(&head) && !indefinite && !plural {
            if let Some(r) = self.bound(doc, a, head, |r| r.person) {
                return self.referent_name(doc, r);
            }
            // "le chef du gouvernement" after "le Premier ministre Michel
            // Barnier", "le chef de l'État" after "le président Emmanuel Macron"
            let next = |d: usize| {
                doc.toks
                    .get(a + hi + d)
                    .map(|_| doc.t(a + hi + d).to_lowercase())
            };
            let alias = match (
                head,
                next(1).as_deref(),
                next(2).as_deref(),
                next(3).as_deref(),
            ) {
                ("chef", Some("du"), Some("gouvernement"), _) => Some(("ministre", true)),
                ("chef", Some("de"), Some("l'" | "l’"), Some("état" | "etat")) => {
                    Some(("président", false))
                }
                // the prefect's usual periphrasis in local news
                ("représentant", Some("de"), Some("l'" | "l’"), Some("état" | "etat")) => {
                    Some(("préfet", false))
                }
                _ => None,
            };
            if let Some((role, first)) = alias
                && let Some(r) = self.bound_as(doc, a, role, Some(first), |r| r.person)
            {
                return self.referent_name(doc, r);
            }
            // "le dirigeant turc" after "son homologue turc Recep Tayyip
            // Erdogan": the person named after the same nationality
            if let Some(adj) = (a + hi + 1..b).find(|&k| {
                !doc.info[k].cap
                    && crate::analysis::gazetteer::Gazetteer::get()
                        .is_demonym_adjective_fr(doc.t(k))
            }) && let Some(r) = self.referents[..i].iter().rev().take(60).find(|r| {
                let k = r.toks.0;
                r.person
                    && (k >= 1 && doc.t(k - 1).eq_ignore_ascii_case(doc.t(adj))
                        || k >= 2
                            && doc.t(k - 1) == ","
                            && doc.t(k - 2).eq_ignore_ascii_case(doc.t(adj)))
            }) {
                return self.referent_name(doc, r);
            }
            // "l'avocate de Jean-Marc Morandini", never named: someone's
            // lawyer is not the person in focus
            let of_person = a + hi + 2 < b
                && doc.is(a + hi + 1, &["de", "d'", "d’"])
                && doc.info[a + hi + 2].entity == Some(Label::Per);
            if of_person {
                return (None, None);
            }
            // "Le préfet du Pas-de-Calais", "le maire de Montauban": a local
            // office named by its place, bound to no name above, is held by
            // someone unnamed, not by the person in focus (not "le chef du
            // Kremlin", "le chef de l'État")
            let x = a + hi + 1;
            let of_place = matches!(
                head,
                "préfet"
                    | "préfète"
                    | "maire"
                    | "procureur"
                    | "procureure"
                    | "gouverneur"
                    | "député"
                    | "députée"
                    | "sénateur"
                    | "sénatrice"
                    | "évêque"
                    | "archevêque"
                    | "ambassadeur"
                    | "ambassadrice"
                    | "recteur"
                    | "rectrice"
            ) && x + 1 < b
                && doc.is(x, &["de", "du", "des", "d'", "d’"])
                && (x + 1..b)
                    .find(|&k| doc.info[k].cap)
                    .is_some_and(|k| k <= x + 2 && doc.info[k].entity == Some(Label::Loc));
            if of_place {
                return self
                    .named_later(doc, b, head)
                    .map_or((None, None), |r| self.referent_name(doc, r));
            }
            if matches!(det, "le" | "la" | "l'" | "l’") {
                // as a pronoun would (the person in focus first), but never
                // for an institution (below) nor for a place or a body the
                // recogniser knows ("France")
                let person = |r: &(Option<String>, Option<usize>)| match r
                    .1
                    .and_then(|g| self.groups.get(g))
                    .map(|g| g.label)
                {
                    Some(l) => l == Label::Per,
                    None => r.0.as_ref().is_some_and(|n| {
                        n.split_whitespace()
                            .filter(|w| !matches!(*w, "Le" | "La" | "Les"))
                            .count()
                            >= 2
                    }),
                };
                // someone acting for another ("le porte-parole du
                // gouvernement", "l'avocat des familles") is never the
                // person in focus
                if AGENT_ROLES.contains(&head) {
                    return (None, None);
                }
                // "le chef de l'État" bare is the home head of state, not a
                // foreign one named with his nationality ("le président
                // kényan William Ruto a été reçu par Emmanuel Macron")
                let foreign = |n: &str| alias.is_some() && self.is_foreign(n);
                let fits = |r: &(Option<String>, Option<usize>)| {
                    person(r) && !r.0.as_deref().is_some_and(foreign)
                };
                let mut focus = self.focus(doc, m);
                focus.retain(|f| match f {
                    focus::Focus::Said(s) => !s.name.as_deref().is_some_and(foreign),
                    focus::Focus::Subject(s) | focus::Focus::Other(s, _) => {
                        !foreign(s.span.text(doc.text))
                    }
                });
                if let Some(r) = self.pronoun_in_focus(doc, m, &focus).filter(|r| fits(r)) {
                    return r;
                }
                let r = self.pronoun_by_referents(doc, m);
                if fits(&r) {
                    return r;
                }
            }
            if let Some(r) = self.named_later(doc, b, head) {
                return self.referent_name(doc, r);
            }
            // "La gardienne de l'équipe américaine a qualifié … « … ». Hope
            // Solo, poursuivant sa déclaration, …": a definite description
            // never bound before, then a person opening the next sentence
            if matches!(det, "le" | "la" | "l'" | "l’") {
                let si = doc.sent_of[b.min(doc.toks.len() - 1)] as usize;
                if let Some(next) = doc.sents.get(si + 1) {
                    let cs = phrases::clause_head(doc, next.tokens.start);
                    let j = self.referents.partition_point(|r| r.toks.0 < cs);
                    if let Some(r) = self.referents.get(j).filter(|r| {
                        r.toks.0 == cs && r.person && (r.gender.is_none() || r.gender == m.gender)
                    }) {
                        return self.referent_name(doc, r);
                    }
                }
            }
            return (None, None);
        }
        if INSTITUTIONS_FR.contains(&head) && !indefinite {
            let start = doc.toks[a + hi].span.start;
            return (Some(doc.text[start..m.span.end].to_string()), None);
        }
        // "un jeune homme de 18 ans a crié « … »" then "Le jeune homme, Nolan
        // L., …": a person described first and named after
        if (ROLES.contains(&head) || PERSON_NOUNS_FR.contains(&head))
            && !plural
            && !matches!(head, "source" | "témoin")
            && let Some(r) = self.named_later(doc, b, head)
        {
            return self.referent_name(doc, r);
        }
        (None, None)
    }

    /// The person a description is named as later: the same noun again
    /// with a definite article, within the next three sentences after token
    /// `after`, with a person's name in apposition ("Le jeune homme, Nolan
    /// L.,") or right after it ("le ministre Bruno Le Maire").
    fn named_later(&self, doc: &Doc, after: usize, head: &str) -> Option<&Referent> {
        let last = doc.sent_of[after.min(doc.toks.len() - 1)] as usize + 3;
        let end = doc.sents.get(last).map_or(doc.toks.len(), |s| s.tokens.end);
        let k = (after..end).find(|&k| {
            doc.info[k].region.is_none() && doc.t(k).eq_ignore_ascii_case(head) && {
                let mut c = k;
                while c > 0 && is_adjective_before(&doc.t(c - 1).to_lowercase()) {
                    c -= 1;
                }
                c > 0 && doc.is(c - 1, &["le", "la", "l'", "l’"])
            }
        })?;
        let at = if k + 1 < doc.toks.len() && doc.t(k + 1) == "," {
            k + 2
        } else {
            k + 1
        };
        let j = self.referents.partition_point(|r| r.toks.0 < at);
        self.referents.get(j).filter(|r| r.toks.0 == at && r.person)
    }

    /// The name given where the noun `head` last came before token `before`
    /// (within a few sentences): a title in quotation marks right after it
    /// ("l'émission de TMC « Quotidien »"), else, unless `quoted_only`, a
    /// capitalised complement ("une déclaration de Barcelone").
    fn named_earlier(
        &self,
        doc: &Doc,
        before: usize,
        head: &str,
        quoted_only: bool,
    ) -> Option<(Option<String>, Option<usize>)> {
        let k = (before.saturating_sub(400)..before)
            .rev()
            .find(|&k| doc.info[k].region.is_none() && doc.t(k).eq_ignore_ascii_case(head))?;
        let end = doc.sentence_end(k).min(k + 8);
        for x in k + 1..end {
            if doc.in_quoted_name(x) {
                let (na, nb, _) = doc.quoted_name_words(x)?;
                let span = Span::new(doc.toks[na].span.start, doc.toks[nb - 1].span.end);
                return Some(self.name(doc, span));
            }
            if doc.punct(x) {
                break;
            }
        }
        if quoted_only {
            return None;
        }
        let c = k + 1;
        if c + 1 < end && doc.is(c, &["de", "du", "des", "d'", "d’"]) && doc.info[c + 1].cap {
            let mut e = c + 2;
            while e < end && doc.info[e].cap && doc.info[e].region.is_none() {
                e += 1;
            }
            let span = Span::new(doc.toks[c + 1].span.start, doc.toks[e - 1].span.end);
            return Some(self.name(doc, span));
        }
        // "Le zoo d'Amnéville a annoncé … dans un communiqué" then "rappelle le
        // communiqué": who published it, the named subject of its clause
        let (m, end) =
            phrases::subject_right(doc, phrases::clause_head(doc, doc.sentence_start(k)))?;
        (m.kind == Kind::Name && end <= k).then(|| self.name(doc, m.span))
    }

    /// The referent bound to an earlier occurrence of the noun `head` (before
    /// token `before`): the name right after it ("le ministre Bruno Le
    /// Maire", "l'ONG Greenpeace") or in apposition ("Le maire de Lyon,
    /// Grégory Doucet,", "Jacques Witkowski, préfet de la Manche").
    fn bound(
        &self,
        doc: &Doc,
        before: usize,
        head: &str,
        ok: impl Fn(&Referent) -> bool,
    ) -> Option<&Referent> {
        self.bound_as(doc, before, head, None, ok)
    }

    /// As [`Self::bound`]; `first` says whether the role is the one written
    /// with "Premier" before it, whatever the words at `before` ("le chef
    /// du gouvernement" is the Premier ministre), else they tell.
    fn bound_as(
        &self,
        doc: &Doc,
        before: usize,
        head: &str,
        first: Option<bool>,
        ok: impl Fn(&Referent) -> bool,
    ) -> Option<&Referent> {
        let premier = |k: usize| k > 0 && doc.is(k - 1, &["Premier", "premier"]);
        // the first capitalised word of the role's complement ("de Debout la
        // France" → "Debout")
        let complement = |k: usize| -> Option<&str> {
            let mut x = k + 1;
            if !doc.is(x, &["de", "du", "des", "d'", "d’"]) {
                return None;
            }
            x += 1;
            if doc.is(x, &["la", "l'", "l’", "le", "les"]) {
                x += 1;
            }
            (x < doc.toks.len() && doc.info[x].cap).then(|| doc.t(x))
        };
        let hk = (before..(before + 4).min(doc.toks.len()))
            .find(|&x| doc.t(x).eq_ignore_ascii_case(head))
            .unwrap_or(before);
        let own = complement(hk);
        // the nationality after the role ("l'entraîneur belge"), if the
        // mention is that role at all (an alias such as "le chef de l'État"
        // has none of its own)
        let alias = !doc.t(hk).eq_ignore_ascii_case(head);
        let own_nation = (!alias).then(|| nationality_after(doc, hk)).flatten();
        let first = first.unwrap_or_else(|| premier(hk));
        let mut k = before;
        while k > 0 {
            k -= 1;
            if doc.info[k].region.is_some() || !doc.t(k).eq_ignore_ascii_case(head) {
                continue;
            }
            // "le Premier ministre" is another role than "le ministre", and
            // "le candidat d'En marche" another person than "le candidat de
            // Debout la France"
            if premier(k) != first || own.is_some() && complement(k).is_some_and(|c| Some(c) != own)
            {
                continue;
            }
            // "l'entraîneur belge" is not "l'entraîneur parisien Luis
            // Enrique", and a bare "le chef de l'État" not "le président
            // sénégalais Bassirou Diomaye Faye" (a foreign head of state
            // keeps his nationality; "le quotidien" after "le quotidien
            // suisse Le Temps" is that paper)
            match (own_nation, nationality_after(doc, k)) {
                (Some(a), Some(b)) if !same_nationality(a, b) => continue,
                (None, Some(b)) if alias && !same_nationality(b, "français") => continue,
                _ => {}
            }
            // "Bruno Le Roux, l'actuel ministre de l'Intérieur": the name the
            // role stands in apposition to
            let mut c = k;
            while c > 0
                && k - c < 3
                && (is_det(doc, c - 1) || is_adjective_before(&doc.t(c - 1).to_lowercase()))
            {
                c -= 1;
            }
            if c > 0 && c < k && doc.t(c - 1) == "," {
                let j = self.referents.partition_point(|r| r.toks.1 < c - 1);
                if let Some(r) = self.referents[j..]
                    .iter()
                    .take_while(|r| r.toks.1 == c - 1)
                    .find(|r| ok(r))
                {
                    return Some(r);
                }
            }
            let lo = k.saturating_sub(4);
            // far enough for a role with its complement before the name in
            // apposition ("L'ancien porte-parole de la mission onusienne en
            // Syrie, Timor Goksel,")
            let hi = (k + 12).min(doc.toks.len());
            let j = self.referents.partition_point(|r| r.toks.0 < lo);
            if let Some(r) = self.referents[j..]
                .iter()
                .take_while(|r| r.toks.0 < hi)
                .filter(|r| ok(r) && r.toks.0 != k)
                .filter(|r| doc.sent_of[r.toks.0] == doc.sent_of[k])
                // a name before the role is bound only in apposition
                // ("Jacques Witkowski, préfet de la Manche"), not as the
                // subject of a verb ("Emmanuel Macron reçoit le président
                // brésilien")
                .filter(|r| {
                    r.toks.0 > k
                        || (r.toks.1..k).all(|x| {
                            doc.is(x, &[",", "("])
                                || is_det(doc, x)
                                || is_adjective_before(&doc.t(x).to_lowercase())
                        })
                })
                .min_by_key(|r| r.toks.0.abs_diff(k))
            {
                return Some(r);
            }
        }
        None
    }
}

/// The nationality adjective right after the role noun at `k` ("le
/// président sénégalais", "l'entraîneur belge").
fn nationality_after<'d>(doc: &Doc<'d>, k: usize) -> Option<&'d str> {
    let x = k + 1;
    (x < doc.toks.len()
        && !doc.info[x].cap
        && crate::analysis::gazetteer::Gazetteer::get().is_demonym_adjective_fr(doc.t(x)))
    .then(|| doc.t(x))
}

/// Two forms of one nationality ("français", "française", "françaises").
fn same_nationality(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.starts_with(&b) || b.starts_with(&a)
}

/// Whether a recognised name runs on into a clause, an article after a
/// lowercase word that is no connector ("Monsanto bafoue les
/// réglementations"), so no shorter name should widen to it ("Le Canard
/// enchaîné", "Conseil des droits de l'homme" do not).
fn runs_into_a_clause(name: &str) -> bool {
    let words = name.split_whitespace();
    words.clone().zip(words.skip(1)).any(|(a, b)| {
        a.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                a,
                "de" | "du" | "des" | "d'" | "à" | "au" | "aux" | "et" | "pour" | "sur" | "en"
            )
            && (matches!(b, "le" | "la" | "les" | "un" | "une" | "des")
                || b.starts_with("l'")
                || b.starts_with("l’"))
    })
}

/// Nouns before a regnal or religious name ("le pape François").
const REGNAL: &[&str] = &[
    "pape",
    "roi",
    "reine",
    "prince",
    "princesse",
    "empereur",
    "impératrice",
    "émir",
    "sultan",
    "cheikh",
    "pope",
    "king",
    "queen",
];

/// Determiners and quantifiers opening a French noun phrase.
const DETERMINERS_FR: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "d’",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "certains",
    "certaines",
    "plusieurs",
    "quelques",
    "trois",
    "deux",
    "même",
];

/// Adjectives that come before the noun ("le nouveau gouvernement", "le
/// même chauffeur", "l'ancien ministre").
fn is_adjective_before(w: &str) -> bool {
    matches!(
        w,
        "nouveau"
            | "nouvelle"
            | "ancien"
            | "ancienne"
            | "premier"
            | "première"
            | "futur"
            | "future"
            | "jeune"
            | "vieux"
            | "actuel"
            | "actuelle"
            | "grand"
            | "grande"
            | "principal"
            | "principale"
            | "haut"
            | "haute"
            | "ex"
            | "même"
    )
}

/// Nouns naming a body that has a proper name ("l'ONG", "le quotidien").
pub(crate) const ORG_NOUNS_FR: &[&str] = &[
    "association",
    "ong",
    "syndicat",
    "quotidien",
    "journal",
    "hebdomadaire",
    "mensuel",
    "magazine",
    "émission",
    "chaîne",
    "radio",
    "site",
    "parti",
    "mouvement",
    "club",
    "équipe",
    "institut",
    "agence",
    "fédération",
    "union",
    "entreprise",
    "société",
    "groupe",
    "compagnie",
    "constructeur",
    "opérateur",
    "banque",
    "fondation",
    "organisation",
    "ordre",
    "firme",
    "start-up",
    "startup",
    "régie",
    "université",
    "laboratoire",
    "centrale",
    "fabricant",
    "géant",
    "enseigne",
    "collectif",
    "média",
    "titre",
];

/// Parts of a body that speak for it.
const OFFICES_FR: &[&str] = &[
    "bureau",
    "service",
    "services",
    "cellule",
    "secrétariat",
    "siège",
];

/// Documents and statements, which speak for their author.
const DOCUMENTS_FR: &[&str] = &[
    "rapport",
    "communiqué",
    "déclaration",
    "étude",
    "enquête",
    "sondage",
    "compte",
    "tweet",
    "message",
    "lettre",
    "page",
    "texte",
    "note",
    "avis",
    "publication",
    "bilan",
    "informations",
    "document",
    "courrier",
    "courriel",
    "mail",
    "résolution",
    "décision",
    "arrêt",
    "jugement",
    "verdict",
];

/// Institutions named by a common noun, written as in the text.
const INSTITUTIONS_FR: &[&str] = &[
    "police",
    "préfecture",
    "sous-préfecture",
    "gendarmerie",
    "gouvernement",
    "parquet",
    "mairie",
    "ministère",
    "justice",
    "armée",
    "cabinet",
    "élysée",
    "rectorat",
    "tribunal",
    "cour",
    "commission",
    "conseil",
    "présidence",
    "municipalité",
    "région",
    "département",
    "assemblée",
    "sénat",
    "état-major",
    "ambassade",
    "coalition",
    "exécutif",
    "douane",
    "douanes",
    "académie",
    "inspection",
    "administration",
    "procureur",
    // "la diplomatie canadienne", "les services de renseignement"
    "diplomatie",
    "renseignement",
    "services",
];

/// Words of a name for matching chains: lowercase, without articles,
/// connectors and titles ("L'Ordre" → ordre; "Ordre de Malte" → ordre, malte).
fn chain_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .map(|w| fold(w).to_lowercase())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "l" | "le"
                        | "la"
                        | "les"
                        | "the"
                        | "de"
                        | "du"
                        | "des"
                        | "d"
                        | "of"
                        | "m."
                        | "mme"
                        | "mr."
                        | "mrs."
                        | "ms."
                )
        })
        .collect()
}

impl Resolver<'_> {
    /// Builds the chains of the article and ties each quote to one: the
    /// resolved speakers and the named people and bodies of the entity
    /// recogniser, merged when a name's words are held by exactly one fuller
    /// name ("Obama" and "Barack Obama", "L'Ordre" and "Ordre de Malte").
    /// Each quote's speaker becomes its chain's canonical name.
    pub fn chains(&mut self, doc: &Doc, quotes: &mut [Quote]) -> Vec<Person> {
        // distinct names: (name, words, label, first position)
        let mut names: Vec<(String, Vec<String>, Option<Label>, usize)> = Vec::new();
        let mut index: FastMap<Vec<String>, usize> = FastMap::default();
        let mut add = |name: &str, label: Option<Label>, pos: usize| -> Option<usize> {
            let w = chain_words(name);
            if w.is_empty() {
                return None;
            }
            let id = *index.entry(w.clone()).or_insert_with(|| {
                names.push((name.to_string(), w, label, pos));
                names.len() - 1
            });
            let n = &mut names[id];
            if n.2.is_none() {
                n.2 = label;
            }
            // "Edouard Philippe" and "Édouard Philippe": the spelling with its
            // diacritics, which writers drop, not add
            let marks = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
            if marks(name) > marks(&n.0) {
                n.0 = name.to_string();
            }
            n.3 = n.3.min(pos);
            Some(id)
        };
        // entity mentions of people and bodies, by their resolved name
        let mut group_name: Vec<Option<usize>> = vec![None; self.groups.len()];
        let mut entity_names: Vec<(Span, usize)> = Vec::new();
        for e in self.entities {
            if !matches!(e.label, Label::Per | Label::Org) || e.group >= self.groups.len() {
                continue;
            }
            let id = match group_name[e.group] {
                Some(id) => id,
                None => {
                    let g = &self.groups[e.group];
                    let first = self.entities[g.mentions[0]].span;
                    let name = self.name(doc, first).0.unwrap_or_else(|| g.name.clone());
                    let Some(id) = add(&name, Some(g.label), first.start) else {
                        continue;
                    };
                    group_name[e.group] = Some(id);
                    id
                }
            };
            entity_names.push((e.span, id));
        }
        let quote_names: Vec<Option<usize>> = quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_deref()?;
                let pos = q.speaker_span.map_or(q.span.start, |m| m.start);
                // a speaker named as a recognised place keeps its label, so
                // it joins no body's longer name ("France" of "D'après France
                // info" is not « La France en colère »)
                let label = q
                    .speaker_span
                    .filter(|m| m.text(doc.text) == s)
                    .and_then(|m| doc.info[doc.tok_at(m.start)].entity)
                    .filter(|l| matches!(l, Label::Loc | Label::Misc));
                add(s, label, pos)
            })
            .collect();
        // a name joins the one fullest name holding its words
        let mut parent: Vec<usize> = (0..names.len()).collect();
        let mut by_word: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, n) in names.iter().enumerate() {
            for w in &n.1 {
                let v = by_word.entry(w.as_str()).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        for (i, n) in names.iter().enumerate() {
            // a surname or a one-word body ("Obama", "L'Ordre"), or initials
            // and a surname ("B. Obama", "J.-M. Le Pen"); a longer name is
            // not widened ("Élodie Garnier" stays out of "Haute-Savoie
            // Élodie Garnier")
            let initials = n.1.len() >= 2 && n.1[..n.1.len() - 1].iter().all(|w| is_initial(w));
            if n.1.len() != 1 && !initials {
                continue;
            }
            let holds = |j: usize| {
                let big = &names[j].1;
                big.len() > n.1.len()
                    && if initials {
                        n.1.last().is_some_and(|s| big.last() == Some(s))
                            && n.1[..n.1.len() - 1]
                                .iter()
                                .zip(big.iter())
                                .all(|(i, w)| initial_of(i, w))
                    } else {
                        n.1.iter().all(|w| big.contains(w))
                    }
                    && !(n.2.is_some() && names[j].2.is_some() && n.2 != names[j].2)
            };
            let key = n.1.last().map(String::as_str).unwrap_or_default();
            let fuller: Vec<usize> = by_word[key].iter().copied().filter(|&j| holds(j)).collect();
            let maximal: Vec<usize> = fuller
                .iter()
                .copied()
                .filter(|&j| {
                    !fuller.iter().any(|&k| {
                        names[k].1.len() > names[j].1.len()
                            && names[j].1.iter().all(|w| names[k].1.contains(w))
                    })
                })
                .collect();
            if let [j] = maximal.as_slice() {
                parent[i] = *j;
            }
        }
        // chains in order of first mention
        let mut order: Vec<usize> = (0..names.len()).filter(|&i| parent[i] == i).collect();
        order.sort_by_key(|&i| {
            (0..names.len())
                .filter(|&j| parent[j] == i)
                .map(|j| names[j].3)
                .min()
                .unwrap_or(usize::MAX)
        });
        let mut person_of = vec![usize::MAX; names.len()];
        let mut people: Vec<Person> = order
            .iter()
            .enumerate()
            .map(|(id, &root)| {
                person_of[root] = id;
                let label = (0..names.len())
                    .filter(|&j| parent[j] == root)
                    .find_map(|j| names[j].2);
                Person {
                    id,
                    name: names[root].0.clone(),
                    label,
                    mentions: Vec::new(),
                }
            })
            .collect();
        for i in 0..names.len() {
            person_of[i] = person_of[parent[i]];
        }
        for (span, id) in entity_names {
            people[person_of[id]].mentions.push(PersonMention {
                span,
                kind: MentionKind::Name,
            });
        }
        for (q, id) in quotes.iter_mut().zip(quote_names) {
            let Some(id) = id else { continue };
            let p = person_of[id];
            q.person = Some(p);
            q.speaker = Some(people[p].name.clone());
            if let Some(m) = q.speaker_span {
                let kind = match self.kinds.get(&m) {
                    Some(Kind::Pronoun) => MentionKind::Pronoun,
                    Some(Kind::Phrase) => MentionKind::Role,
                    _ => MentionKind::Name,
                };
                people[p].mentions.push(PersonMention { span: m, kind });
            }
        }
        for p in &mut people {
            p.mentions.sort_by_key(|m| m.span.start);
            p.mentions.dedup_by_key(|m| m.span);
        }
        people
    }
}

/// A French noun phrase whose head is a person, a body or one of their
/// documents ("le ministre", "l'association", "le communiqué"), not a
/// thing ("le bilan", "le cas de Cyprien").
pub(crate) fn person_like(doc: &Doc, s: &Mention) -> bool {
    let head = doc.t(s.head).to_lowercase();
    let h = head.as_str();
    ROLES.contains(&h)
        || matches!(h, "dernier" | "dernière")
        || ORG_NOUNS_FR.contains(&h)
        || INSTITUTIONS_FR.contains(&h)
        || DOCUMENTS_FR.contains(&h)
        || PERSON_NOUNS_FR.contains(&h)
        || RELATIONS.contains(&h)
}

/// Roles of people acting or speaking for another, never the person in
/// focus themselves.
const AGENT_ROLES: &[&str] = &[
    "porte-parole",
    "avocat",
    "avocate",
    "conseiller",
    "conseillère",
    "collaborateur",
    "collaboratrice",
    "assistant",
    "assistante",
    "représentant",
    "représentante",
    "négociateur",
    "négociatrice",
];

/// Nouns of people described, never named ("le chauffeur"; relations such
/// as "un proche" are `mentions::RELATIONS`).
const PERSON_NOUNS_FR: &[&str] = &[
    "chauffeur",
    "habitant",
    "habitante",
    "habitants",
    "témoin",
    "témoins",
    "homme",
    "enfant",
    "élève",
    "étudiant",
    "étudiante",
    "salarié",
    "salariée",
    "employé",
    "employée",
    "agent",
    "policier",
    "gendarme",
    "médecin",
    "infirmier",
    "infirmière",
    "enquêteur",
    "enquêteurs",
    "spécialiste",
    "militant",
    "militante",
    "manifestant",
    "manifestante",
    "passant",
    "victime",
    "suspect",
    "jeune",
    "adolescent",
    "adolescente",
    "retraité",
    "retraitée",
    "patient",
    "patiente",
    "client",
    "cliente",
    "usager",
    "voyageur",
    "internaute",
    "supporter",
    "journaliste",
    "scientifique",
    "sociologue",
    "historien",
    "historienne",
    "politologue",
    "ouvrier",
    "ouvrière",
    "agriculteur",
    "commerçant",
    "commerçante",
    "vigile",
    "pilote",
    "soldat",
    "officier",
    "source",
    "sources",
    "parent",
    "interlocuteur",
    "interlocutrice",
    "riverain",
    "riveraine",
    "riverains",
    "voisin",
    "voisine",
    "voisins",
    "passante",
    "passants",
    "femme",
    "femmes",
    "hommes",
    "enfants",
    "élèves",
    "étudiants",
    "lycéen",
    "lycéenne",
    "lycéens",
    "salariés",
    "employés",
    "agents",
    "policière",
    "policiers",
    "gendarmes",
    "pompier",
    "pompiers",
    "secouriste",
    "secouristes",
    "soignant",
    "soignante",
    "soignants",
    "médecins",
    "enseignant",
    "enseignante",
    "enseignants",
    "chercheur",
    "chercheuse",
    "chercheurs",
    "expert",
    "experte",
    "experts",
    "observateur",
    "observatrice",
    "observateurs",
    "militants",
    "manifestants",
    "syndicaliste",
    "syndicalistes",
    "gréviste",
    "grévistes",
    "sympathisant",
    "sympathisante",
    "sympathisants",
    "électeur",
    "électrice",
    "électeurs",
    "victimes",
    "suspects",
    "blessé",
    "blessée",
    "rescapé",
    "rescapée",
    "rescapés",
    "survivant",
    "survivante",
    "survivants",
    "jeunes",
    "retraités",
    "patients",
    "clients",
    "usagers",
    "voyageuse",
    "voyageurs",
    "automobiliste",
    "automobilistes",
    "touriste",
    "touristes",
    "spectateur",
    "spectatrice",
    "spectateurs",
    "fidèle",
    "fidèles",
    "pèlerin",
    "pèlerins",
    "réfugié",
    "réfugiée",
    "réfugiés",
    "migrant",
    "migrante",
    "migrants",
    "internautes",
    "supporters",
    "journalistes",
    "scientifiques",
    "ouvriers",
    "agricultrice",
    "agriculteurs",
    "éleveur",
    "éleveuse",
    "éleveurs",
    "commerçants",
    "diplomate",
    "diplomates",
    "soldats",
];

/// An initial as written in names: "B.", "J.-M.".
fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// Whether the initial `i` ("b.", "j.-m.") abbreviates the word `w`
/// ("barack", "jean-marie").
fn initial_of(i: &str, w: &str) -> bool {
    let letters: Vec<char> = i.chars().filter(|c| c.is_alphabetic()).collect();
    let parts: Vec<char> = w.split('-').filter_map(|p| p.chars().next()).collect();
    !letters.is_empty()
        && letters.len() <= parts.len()
        && letters.iter().zip(&parts).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::prepare;
    use crate::analysis::{Lang, quotes::marks, sentences, tokens};

    #[test]
    fn initials_of_spelled_out_names_make_their_acronyms() {
        for (name, acronym) in [
            ("Médecins sans frontières", Some("MSF")),
            ("Organisation mondiale de la santé", Some("OMS")),
            ("Bureau d'enquêtes et d'analyses", Some("BEA")),
            ("Union européenne", Some("UE")),
            ("International Monetary Fund", Some("IMF")),
            // one word, a name in capitals, a number: no acronym
            ("Greenpeace", None),
            ("Union CGT", None),
            ("Euro 2016", None),
        ] {
            assert_eq!(spelled_initials(name).as_deref(), acronym, "{name}");
        }
    }

    #[test]
    fn a_name_running_into_a_clause() {
        // the recogniser once ran "Monsanto" into its verb and object
        assert!(runs_into_a_clause("Monsanto bafoue les réglementations"));
        assert!(runs_into_a_clause("Le Club transmettra l'information"));
        // names with lowercase words and articles after their connectors
        assert!(!runs_into_a_clause("Le Canard enchaîné"));
        assert!(!runs_into_a_clause("Conseil des droits de l'homme"));
        assert!(!runs_into_a_clause(
            "Union américaine pour les libertés civiles"
        ));
    }

    /// Work of resolving every "Jean Dupont" of `n` quotes of one speaker.
    fn steps(n: usize) -> (usize, Vec<Option<String>>) {
        let mut text = String::from("Le ministre Jean Dupont est arrivé. ");
        for k in 0..n {
            text.push_str(&format!(
                "« Nous tiendrons la ligne {k} », a dit Jean Dupont. "
            ));
        }
        let toks = tokens::tokenize(&text);
        let sents = sentences::split(&text, &toks);
        let regions = marks::scan(&text);
        let doc = prepare(&text, &toks, &sents, Lang::Fr, &regions, &[]);
        let mut res = Resolver::new(&doc, &[], &[], &regions);
        let mut names = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find("Jean Dupont") {
            let a = from + i;
            let m = Mention {
                span: Span::new(a, a + "Jean Dupont".len()),
                kind: Kind::Name,
                gender: None,
                plural: false,
                head: doc.tok_at(a),
            };
            names.push(res.resolve(&doc, &m).0);
            from = a + 1;
        }
        (res.steps.get(), names)
    }

    #[test]
    fn one_speaker_quoted_many_times_costs_linear_time() {
        // issue 13: 120k quotes of one speaker took 21 s (each canonical name
        // scanned every earlier run of the name)
        let (small, names) = steps(2_000);
        assert!(names.iter().all(|n| n.as_deref() == Some("Jean Dupont")));
        let (double, _) = steps(4_000);
        assert!(
            double <= 2 * small + 16,
            "work {small} for 2000 quotes, {double} for 4000"
        );
    }
}
