//! Pure functions from text to structure: tokens, sentences, language,
//! entities and their groups, quotes with speakers. No terminal code, no I/O
//! beyond the models it ships with.
//!
//! Offsets inside the analysis are byte offsets into the analysed text; the
//! CLI converts them to code points for its JSON output.

pub mod entities;
pub mod gazetteer;
pub mod groups;
pub mod lang;
pub mod lexicon;
pub mod names;
pub(crate) mod people;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub(crate) mod view;

use serde::Serialize;

pub use lang::Lang;

/// A byte range into the analysed text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A recognised entity mention, before grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub label: Label,
}

/// An entity mention and the group (entity) it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Index into `Analysis::groups`.
    pub group: usize,
}

/// The mentions of one entity in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: usize,
    /// Canonical name: the fullest mention ("Elon Musk" for "Musk").
    pub name: String,
    pub label: Label,
    /// Indices into `Analysis::entities`, in text order.
    pub mentions: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    /// An interviewee's answer in an interview ("– Question ? – Réponse."):
    /// their words, though not in quotation marks, so not a direct quote
    /// under the French guidelines.
    Answer,
}

/// A piece of reported speech. A quote cut by an incise is two `Quote`s
/// with the same speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without quotation marks.
    pub span: Span,
    pub kind: QuoteKind,
    /// Canonical speaker name, if attributed.
    pub speaker: Option<String>,
    /// The entity group of the speaker, when the speaker is a recognised entity.
    pub group: Option<usize>,
    /// The mention the attribution rests on ("elle", "Arthur Mensch").
    pub speaker_span: Option<Span>,
    /// The speech cue ("a-t-elle déclaré", "said", "selon").
    pub cue_span: Option<Span>,
    /// Index into `Analysis::people`: the speaker's chain, shared by
    /// "Barack Obama", "Obama", "le président" and "il".
    pub person: Option<usize>,
}

/// How a person or body is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name ("Barack Obama", "Obama", "B. Obama", "OMS").
    Name,
    /// A role noun or description bound to the name ("le président", "l'ONG").
    Role,
    /// A pronoun ("il", "elle", "she").
    Pronoun,
}

/// A mention of a person or body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PersonMention {
    pub span: Span,
    pub kind: MentionKind,
}

/// One person or body of an article: a chain of mentions with a canonical
/// name, its fullest form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: usize,
    pub name: String,
    /// PER or ORG when the recogniser or a suffix tells.
    pub label: Option<Label>,
    /// In text order: entity mentions and the speaker mentions of quotes.
    pub mentions: Vec<PersonMention>,
}

/// Everything quoth knows about one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub language: Lang,
    pub entities: Vec<Entity>,
    pub groups: Vec<Group>,
    /// In text order.
    pub quotes: Vec<Quote>,
    /// People and bodies (chains of mentions), in order of first mention.
    pub people: Vec<Person>,
}

impl Analysis {
    /// Speakers in order of their first quote (the reader's colour order).
    pub fn speakers(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for s in self.quotes.iter().filter_map(|q| q.speaker.as_deref()) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen
    }

    /// The main people: the `n` person groups with the most mentions.
    pub fn main_people(&self, n: usize) -> Vec<&str> {
        let mut per: Vec<&Group> = self
            .groups
            .iter()
            .filter(|g| g.label == Label::Per)
            .collect();
        per.sort_by(|x, y| {
            y.mentions
                .len()
                .cmp(&x.mentions.len())
                .then(x.id.cmp(&y.id))
        });
        per.into_iter().take(n).map(|g| g.name.as_str()).collect()
    }
}

/// Holds the loaded models; build once, analyse many texts.
pub struct Analyzer {
    models: entities::Models,
}

impl Analyzer {
    /// Loads the models shipped with quoth.
    pub fn new() -> anyhow::Result<Self> {
        Ok(Analyzer {
            models: entities::Models::bundled()?,
        })
    }

    /// Analyses `text`; `lang` forces the language, else it is detected.
    pub fn analyze(&self, text: &str, lang: Option<Lang>) -> Analysis {
        let language = lang.unwrap_or_else(|| lang::detect(text));
        let toks = tokens::tokenize(text);
        let sents = sentences::split(text, &toks);
        let mentions = self.models.recognise(language, text, &toks, &sents);
        let (entities, groups) = groups::group(text, &mentions);
        let (quotes, people) =
            quotes::find_with_people(text, &toks, &sents, language, &entities, &groups);
        let (entities, groups) = unify_groups(entities, groups, &people);
        Analysis {
            language,
            entities,
            groups,
            quotes,
            people,
        }
    }
}

/// Entity groups that one person's chain holds become one group, named as
/// the person ("Obama" and "Barack Obama" when the grouping of names alone
/// kept them apart), so the reader's entity panel groups as its speakers do.
fn unify_groups(
    mut entities: Vec<Entity>,
    groups: Vec<Group>,
    people: &[Person],
) -> (Vec<Entity>, Vec<Group>) {
    let mut person_of_group: Vec<Option<usize>> = vec![None; groups.len()];
    for p in people {
        for m in &p.mentions {
            let i = entities.partition_point(|e| e.span.start < m.span.start);
            if let Some(e) = entities.get(i).filter(|e| e.span == m.span) {
                person_of_group[e.group].get_or_insert(p.id);
            }
        }
    }
    // the first group of each person takes the others
    let mut first_of_person: Vec<Option<usize>> = vec![None; people.len()];
    let mut target: Vec<usize> = (0..groups.len()).collect();
    for (g, p) in person_of_group.iter().enumerate() {
        if let Some(p) = *p {
            target[g] = *first_of_person[p].get_or_insert(g);
        }
    }
    if target.iter().enumerate().all(|(g, &t)| g == t) {
        return (entities, groups);
    }
    let mut new_id = vec![usize::MAX; groups.len()];
    let mut out: Vec<Group> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if target[g] == g {
            new_id[g] = out.len();
            let name = match person_of_group[g] {
                Some(p) if people[p].label == Some(group.label) => people[p].name.clone(),
                _ => group.name.clone(),
            };
            out.push(Group {
                id: out.len(),
                name,
                label: group.label,
                mentions: Vec::new(),
            });
        }
    }
    for (i, e) in entities.iter_mut().enumerate() {
        e.group = new_id[target[e.group]];
        out[e.group].mentions.push(i);
    }
    (entities, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_in_order_and_main_people_by_mentions() {
        let text =
            "« A », dit Jean Roux. « B », dit Léa Mas. « C », dit Jean Roux. Roux, Mas, Roux.";
        let a = Analyzer::new().unwrap().analyze(text, Some(Lang::Fr));
        assert_eq!(a.speakers(), vec!["Jean Roux", "Léa Mas"]);
        assert_eq!(a.main_people(1), vec!["Jean Roux"]);
        assert_eq!(a.main_people(3).len(), 2);
    }

    #[test]
    fn entity_groups_follow_the_people_chains() {
        // "Obama" and "Barack Obama" are one person, in the entity panel too
        let m = |a: usize, b: usize| Mention {
            span: Span::new(a, b),
            label: Label::Per,
        };
        let text = "Obama. Barack Obama. Michelle Obama.";
        // grouping alone keeps the ambiguous "Obama" apart
        let (entities, groups) = groups::group(text, &[m(0, 5), m(7, 19), m(21, 35)]);
        assert_eq!(groups.len(), 3);
        let people = vec![Person {
            id: 0,
            name: "Barack Obama".into(),
            label: Some(Label::Per),
            mentions: vec![
                PersonMention {
                    span: Span::new(0, 5),
                    kind: MentionKind::Name,
                },
                PersonMention {
                    span: Span::new(7, 19),
                    kind: MentionKind::Name,
                },
            ],
        }];
        let (entities, groups) = unify_groups(entities, groups, &people);
        let names: Vec<(&str, usize)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.mentions.len()))
            .collect();
        assert_eq!(names, vec![("Barack Obama", 2), ("Michelle Obama", 1)]);
        assert_eq!(entities[0].group, entities[1].group);
        assert_ne!(entities[0].group, entities[2].group);
    }
}
