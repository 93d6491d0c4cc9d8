//! People and bodies across an article (coreference): chains of mentions
//! (full names, surnames, initials, acronyms and their expansions, role
//! nouns bound to a name, pronouns), each with a canonical name, its
//! fullest form. Built after entities and before quotes; the quote stage
//! resolves each speaker mention to a chain through it.

pub mod mentions;

use crate::analysis::gazetteer::FastMap;
use crate::analysis::names::Gender;
use crate::analysis::view::{Doc, Region};
use crate::analysis::{Entity, Group, Label, Span};
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
    by_word: FastMap<&'a str, Vec<usize>>,
    /// The previous resolved speaker: (name, group, gender, byte position).
    last: Option<(String, Option<usize>, Option<Gender>, usize)>,
    quoted_names: Vec<&'a str>,
    /// "(UCAF)": the token of each bracketed acronym's first appearance.
    acronyms: FastMap<&'a str, usize>,
    /// Words of the PER and ORG group names → those groups, to find the
    /// group holding a name without scanning them all.
    group_words: FastMap<&'a str, Vec<usize>>,
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
        let mut by_word: FastMap<&'a str, Vec<usize>> = FastMap::default();
        for (ri, &(a, b)) in runs.iter().enumerate() {
            for k in a..b {
                by_word.entry(doc.t(k)).or_default().push(ri);
            }
        }
        let quoted_names: Vec<&'a str> = regions
            .iter()
            .map(|r| r.content.text(doc.text))
            .filter(|c| {
                c.split_whitespace().count() <= 4
                    && c.split_whitespace()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
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
                if a >= n || doc.info[a].region.is_some() {
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
                    person: e.label == Label::Per && !org_suffix(doc.t(nb.max(na + 1) - 1)),
                    group: Some(e.group),
                });
            }
        }
        {
            // name runs the recogniser did not mark (or all of them without a recogniser)
            // covered spans by start, with the furthest end so far: an overlap
            // test in O(log n), since long articles have thousands of runs
            let mut covered: Vec<Span> = referents.iter().map(|r: &Referent| r.span).collect();
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
            if bracket_acronym(w) && doc.t(t - 1) == "(" && doc.t(t + 1) == ")" {
                acronyms.entry(w).or_insert(t);
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
        Resolver {
            entities,
            groups,
            referents,
            runs,
            by_word,
            last: None,
            quoted_names,
            acronyms,
            group_words,
        }
    }

    /// Canonical speaker name and entity group for a mention.
    pub fn resolve(&mut self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let out = match m.kind {
            Kind::FirstPerson => (None, None),
            Kind::Name => self.name(doc, m.span),
            Kind::Pronoun => self.pronoun(doc, m),
            Kind::Phrase => self.phrase(doc, m),
        };
        if let Some(name) = &out.0 {
            let g = self.gender_of(doc, name, m);
            self.last = Some((name.clone(), out.1, g, m.span.start));
        }
        out
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
        if let Some(full) = self
            .acronyms
            .get(text)
            .and_then(|&t| expand_acronym(doc, t).or_else(|| acronym_with_place(doc, t)))
        {
            return (Some(full), self.group_at(span));
        }
        // an entity overlapping the mention gives the group; the name is the
        // fullest of the group's name and the article's own name runs
        let group = self.group_at(span).or_else(|| {
            let first = text.split_whitespace().next()?;
            self.group_words
                .get(first)?
                .iter()
                .filter_map(|&id| self.groups.get(id))
                .filter(|g| contains_words(&g.name, text))
                .max_by_key(|g| g.mentions.len())
                .map(|g| g.id)
        });
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
        let text = span.text(doc.text);
        let a = doc.tok_at(span.start);
        let b = doc.tok_at(span.end);
        let words: Vec<&str> = (a..b).map(|k| doc.t(k)).collect();
        // "Mrs Smith" is not "Graham Smith"
        let title = if a > 0 {
            title_gender(doc, a - 1)
        } else {
            None
        };
        let mut best: Option<(usize, usize)> = None;
        // candidates: runs holding our first word
        if let Some(list) = words.first().and_then(|w| self.by_word.get(w)) {
            for &ri in list {
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
                if !rw.windows(words.len()).any(|w| w == words.as_slice()) {
                    continue;
                }
                let rtext = &doc.text[doc.toks[ra].span.start..doc.toks[rb - 1].span.end];
                if self.quoted_names.contains(&rtext) {
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

    fn pronoun(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
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
        // a person introduced as a sentence subject since the last speaker
        // ("Le professeur Thomas Keller … juge … « … », a-t-il ajouté")
        let since = self.last.as_ref().map_or(0, |l| l.3);
        for r in self.referents[..i]
            .iter()
            .rev()
            .take_while(|r| r.span.start > since)
        {
            let ss = doc.sentence_start(r.toks.0);
            let subject = (ss..r.toks.0).all(|x| {
                is_det(doc, x)
                    || doc.is(x, TITLES_M)
                    || doc.is(x, TITLES_F)
                    || doc.is(x, ROLES)
                    || doc.function(x)
                    || !doc.info[x].cap && x + 3 > r.toks.0
            });
            let person = r.person || (!r.org && r.gender.is_some());
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
            if recent
                && compatible(*g, !m.plural, self.is_org_name(name))
                && (m.gender.is_some() || m.plural)
            {
                return (Some(name.clone()), *group);
            }
        }
        for r in self.referents[..i].iter().rev().take(60) {
            let person = r.person || (!r.org && r.gender.is_some());
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

    fn is_org_name(&self, name: &str) -> bool {
        self.referents.iter().any(|r| {
            r.org
                && self
                    .groups
                    .get(r.group.unwrap_or(usize::MAX))
                    .is_some_and(|g| g.name == name)
        }) || name.ends_with(" AI")
            // a bracketed acronym names a body ("SDIS de Seine-Maritime")
            || name
                .split_whitespace()
                .next()
                .is_some_and(|w| self.acronyms.contains_key(w))
    }

    fn phrase(&self, doc: &Doc, m: &Mention) -> (Option<String>, Option<usize>) {
        let head = doc.t(m.head).to_lowercase();
        let i = self
            .referents
            .partition_point(|r| r.span.end <= m.span.start);
        if COMPANY.contains(&head.as_str())
            && let Some(r) = self.referents[..i].iter().rev().take(40).find(|r| r.org)
        {
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
}
