//! The one place an [`Analysis`] becomes bytes for the index and back.
//!
//! A small hand-written binary format (varints and strings) rather than a
//! serde derive: the analysis types stay free of storage concerns, and when
//! they change (people chains, new fields) only this file changes, with
//! [`FORMAT`] bumped so older rows read as "not analysed" and are redone.

use crate::analysis::{
    Analysis, Entity, Group, Label, Lang, MentionKind, Person, PersonMention, Quote, QuoteKind,
    Span,
};

/// Version of the byte layout; part of every stored row.
pub const FORMAT: u8 = 3;

pub fn encode(a: &Analysis) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(256));
    w.0.push(FORMAT);
    w.str(a.language.code());
    w.uint(a.entities.len());
    for e in &a.entities {
        w.span(e.span);
        w.label(e.label);
        w.uint(e.group);
    }
    w.uint(a.groups.len());
    for g in &a.groups {
        w.uint(g.id);
        w.str(&g.name);
        w.label(g.label);
        w.uint(g.mentions.len());
        for &m in &g.mentions {
            w.uint(m);
        }
    }
    w.uint(a.quotes.len());
    for q in &a.quotes {
        w.span(q.span);
        w.0.push(match q.kind {
            QuoteKind::Direct => 0,
            QuoteKind::Indirect => 1,
            QuoteKind::Answer => 2,
        });
        w.opt_str(q.speaker.as_deref());
        w.opt_uint(q.group);
        w.opt_span(q.speaker_span);
        w.opt_span(q.cue_span);
        w.opt_uint(q.person);
    }
    w.uint(a.people.len());
    for p in &a.people {
        w.uint(p.id);
        w.str(&p.name);
        match p.label {
            None => w.0.push(0),
            Some(l) => {
                w.0.push(1);
                w.label(l);
            }
        }
        w.uint(p.mentions.len());
        for m in &p.mentions {
            w.span(m.span);
            w.0.push(match m.kind {
                MentionKind::Name => 0,
                MentionKind::Role => 1,
                MentionKind::Pronoun => 2,
            });
        }
    }
    w.0
}

/// `None` for bytes of another format or damaged ones: the caller
/// analyses the article again.
pub fn decode(bytes: &[u8]) -> Option<Analysis> {
    let mut r = Reader { bytes, at: 0 };
    if r.byte()? != FORMAT {
        return None;
    }
    let language = lang(r.str()?);
    let n = r.len()?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(Entity {
            span: r.span()?,
            label: r.label()?,
            group: r.uint()?,
        });
    }
    let n = r.len()?;
    let mut groups = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.uint()?;
        let name = r.str()?.to_string();
        let label = r.label()?;
        let m = r.len()?;
        let mut mentions = Vec::with_capacity(m);
        for _ in 0..m {
            mentions.push(r.uint()?);
        }
        groups.push(Group {
            id,
            name,
            label,
            mentions,
        });
    }
    let n = r.len()?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span()?;
        let kind = match r.byte()? {
            0 => QuoteKind::Direct,
            1 => QuoteKind::Indirect,
            2 => QuoteKind::Answer,
            _ => return None,
        };
        quotes.push(Quote {
            span,
            kind,
            speaker: r.opt_str()?,
            group: r.opt_uint()?,
            speaker_span: r.opt_span()?,
            cue_span: r.opt_span()?,
            person: r.opt_uint()?,
        });
    }
    let n = r.len()?;
    let mut people = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.uint()?;
        let name = r.str()?.to_string();
        let label = match r.byte()? {
            0 => None,
            1 => Some(r.label()?),
            _ => return None,
        };
        let m = r.len()?;
        let mut mentions = Vec::with_capacity(m);
        for _ in 0..m {
            let span = r.span()?;
            let kind = match r.byte()? {
                0 => MentionKind::Name,
                1 => MentionKind::Role,
                2 => MentionKind::Pronoun,
                _ => return None,
            };
            mentions.push(PersonMention { span, kind });
        }
        people.push(Person {
            id,
            name,
            label,
            mentions,
        });
    }
    (r.at == bytes.len()).then_some(Analysis {
        language,
        entities,
        groups,
        quotes,
        people,
    })
}

fn lang(code: &str) -> Lang {
    match code {
        "fr" => Lang::Fr,
        "en" => Lang::En,
        other => Lang::Other(whatlang::Lang::from_code(other).map_or("und", |l| l.code())),
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, v: usize) {
        let mut v = v as u64;
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.uint(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn span(&mut self, s: Span) {
        self.uint(s.start);
        // the length is smaller than the end: fewer bytes
        self.uint(s.end.saturating_sub(s.start));
    }
    fn label(&mut self, l: Label) {
        self.0.push(match l {
            Label::Per => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Misc => 3,
        });
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }
    fn opt_uint(&mut self, v: Option<usize>) {
        // 0 is None, n + 1 is Some(n)
        self.uint(v.map_or(0, |v| v + 1));
    }
    fn opt_span(&mut self, s: Option<Span>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.span(s);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }
    fn uint(&mut self) -> Option<usize> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(v).ok();
            }
        }
        None
    }
    /// A count, refused when it could not fit in the bytes left (a damaged
    /// row must not make us allocate gigabytes).
    fn len(&mut self) -> Option<usize> {
        let n = self.uint()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        let s = std::str::from_utf8(self.bytes.get(self.at..self.at + n)?).ok()?;
        self.at += n;
        Some(s)
    }
    fn span(&mut self) -> Option<Span> {
        let start = self.uint()?;
        let len = self.uint()?;
        Some(Span::new(start, start.checked_add(len)?))
    }
    fn label(&mut self) -> Option<Label> {
        Some(match self.byte()? {
            0 => Label::Per,
            1 => Label::Org,
            2 => Label::Loc,
            3 => Label::Misc,
            _ => return None,
        })
    }
    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(self.str()?.to_string())),
            _ => None,
        }
    }
    fn opt_uint(&mut self) -> Option<Option<usize>> {
        Some(self.uint()?.checked_sub(1))
    }
    fn opt_span(&mut self) -> Option<Option<Span>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(self.span()?)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_sample_analysis() {
        let article = crate::tui::testkit::sample_article();
        let a = crate::tui::testkit::sample_analysis(&article);
        assert!(!a.quotes.is_empty() && !a.entities.is_empty());
        let bytes = encode(&a);
        assert_eq!(decode(&bytes), Some(a));
    }

    #[test]
    fn other_languages_and_damage() {
        let a = Analysis {
            language: Lang::Other("deu"),
            entities: Vec::new(),
            groups: Vec::new(),
            quotes: Vec::new(),
            people: vec![Person {
                id: 0,
                name: "Anna Berg".into(),
                label: Some(Label::Per),
                mentions: vec![
                    PersonMention {
                        span: Span::new(3, 12),
                        kind: MentionKind::Name,
                    },
                    PersonMention {
                        span: Span::new(40, 43),
                        kind: MentionKind::Pronoun,
                    },
                ],
            }],
        };
        assert_eq!(decode(&encode(&a)), Some(a));
        let mut bytes = encode(&crate::tui::testkit::sample_analysis(
            &crate::tui::testkit::sample_article(),
        ));
        bytes.truncate(bytes.len() / 2);
        assert_eq!(decode(&bytes), None);
        assert_eq!(decode(&[FORMAT + 1]), None);
        assert_eq!(decode(&[FORMAT, 0xff, 0xff, 0xff, 0xff, 0x0f]), None);
    }
}
