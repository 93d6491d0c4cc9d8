//! Reported speech: direct and indirect quotes and their speakers.
//!
//! Direct quotes come from paired quotation marks ([`marks`]); a region is
//! speech when it stands as a clause of its own (sentence start, after a
//! colon or a cue) and ends its sentence or meets a cue, so quoted names and
//! scare quotes inside a sentence are left alone. Cues are speech verbs of
//! the [`lexicon`](super::lexicon) in the patterns of French and English
//! news (inversions, incises, "X said", "said X", colon introducers, "selon
//! X"). Speakers are the cue's subject ([`speaker`]), resolved to a named
//! person or organisation: entities when the recogniser found them, else a
//! within-article name matcher. A quote without cue continues the previous
//! speaker.

mod marks;
mod speaker;

use super::gazetteer::FastMap;
use super::lexicon::{self, Form};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind};
use super::{Entity, Group, Label, Lang, Quote, QuoteKind, Span};
use speaker::{Mention, Resolver};

/// Word classes of a token (bits of `Info::class`).
const ADVERB: u8 = 1;
const FUNCTION: u8 = 2;
const DET: u8 = 4;
const DATE: u8 = 8;

/// Adverbs allowed between a subject, an auxiliary and a speech verb.
const ADVERBS: &[&str] = &[
    "encore",
    "aussi",
    "également",
    "notamment",
    "ainsi",
    "pourtant",
    "déjà",
    "alors",
    "ensuite",
    "enfin",
    "simplement",
    "plus",
    "tard",
    "ne",
    "pas",
    "jamais",
    "toujours",
    "par",
    "ailleurs",
    "récemment",
    "publiquement",
    "vivement",
    "clairement",
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "repeatedly",
    "publicly",
    "never",
    "not",
    "n't",
    "already",
    "again",
    "even",
    "often",
    "frequently",
    "just",
    "long",
    "privately",
    "explicitly",
    "reportedly",
    "flatly",
    "still",
    "first",
    "been",
    "since",
    "further",
];

/// Lowercase word → its classes, built once.
fn classes() -> &'static FastMap<&'static str, u8> {
    static T: std::sync::OnceLock<FastMap<&'static str, u8>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = FastMap::default();
        for (list, bit) in [
            (ADVERBS, ADVERB),
            (speaker::FUNCTION, FUNCTION),
            (speaker::DETERMINERS, DET),
            (speaker::DATE_WORDS, DATE),
        ] {
            for w in list {
                *m.entry(*w).or_insert(0) |= bit;
            }
        }
        m
    })
}

/// Per-token facts computed once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Info {
    pub cue: Option<Form>,
    /// ADVERB | FUNCTION | DET bits.
    pub class: u8,
    /// A form of `faire` (a cue only with valoir / savoir…).
    pub faire: bool,
    pub aux: bool,
    pub cap: bool,
    /// Index of the quote region the token lies in, if any.
    pub region: Option<u32>,
    /// Label of the recognised entity the token lies in, if any.
    pub entity: Option<Label>,
}

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lang: Lang,
    pub info: Vec<Info>,
    /// Sentence index of each token.
    pub sent_of: Vec<u32>,
    pub sents: &'a [Sentence],
    /// Per region: whether it holds a name, a few words starting with a capital.
    pub quoted_name: Vec<bool>,
    /// Whether the entity recogniser's output came with the text.
    pub recognised: bool,
}

impl<'a> Doc<'a> {
    pub fn t(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.toks.len() && {
            let w = self.t(i);
            words.iter().any(|x| x.eq_ignore_ascii_case(w))
        }
    }
    pub fn punct(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
    }
    /// Whether a speech verb starts at `i`; returns the index of its last token.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        let n = self.toks.len();
        if i >= n || self.info[i].region.is_some() {
            return None;
        }
        let inf = self.info[i];
        if inf.faire {
            return (i + 1 < n && lexicon::completes_faire(&self.t(i + 1).to_lowercase()))
                .then_some(i + 1);
        }
        // phrasal cues: "shot back", "chimed in", "pointed out"
        if self.lang == Lang::En
            && inf.cue.is_none()
            && i + 1 < n
            && matches!(
                self.t(i),
                "shot" | "fired" | "hit" | "chimed" | "pointed" | "went" | "points" | "fires"
            )
            && self.is(i + 1, &["back", "in", "out", "on"])
        {
            return Some(i + 1);
        }
        match inf.cue {
            Some(Form::Finite | Form::Gerund) => Some(i),
            _ if inf.aux => {
                // a déclaré, a-t-il encore déclaré, has told, avait notamment souligné
                let mut j = i + 1;
                while j < n && j <= i + 3 && self.info[j].region.is_none() {
                    match self.info[j].cue {
                        Some(Form::Participle | Form::Finite) => return Some(j),
                        _ if self.info[j].faire => {
                            return (j + 1 < n
                                && lexicon::completes_faire(&self.t(j + 1).to_lowercase()))
                            .then_some(j + 1);
                        }
                        // "a longuement expliqué", "has repeatedly said"
                        _ if self.is_adverb(j) || self.manner_adverb(j) => j += 1,
                        _ => return None,
                    }
                }
                None
            }
            _ => None,
        }
    }
    /// Whether token `i` lies in a quoted name: a few words starting with a
    /// capital ("wearing “Ted Cruz” pins"), which a clause can run through.
    pub fn in_quoted_name(&self, i: usize) -> bool {
        self.info[i]
            .region
            .is_some_and(|r| self.quoted_name[r as usize])
    }
    /// A month or a day ("December", "lundi").
    pub fn is_date(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & DATE != 0)
    }
    /// A manner adverb by its ending ("longuement", "repeatedly"); only
    /// safe where a noun cannot stand, as between an auxiliary and its verb.
    pub fn manner_adverb(&self, i: usize) -> bool {
        let w = self.t(i);
        !self.info[i].cap
            && w.len() > 6
            && match self.lang {
                Lang::Fr => w.ends_with("ment"),
                _ => w.ends_with("ly"),
            }
    }
    pub fn is_adverb(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & ADVERB != 0)
    }
    /// A function word (preposition, conjunction, pronoun determiner…).
    pub fn function(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & FUNCTION != 0)
    }
    pub fn det(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.class & DET != 0)
    }
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sents[self.sent_of[i] as usize].tokens.start
    }
    pub fn sentence_end(&self, i: usize) -> usize {
        self.sents[self.sent_of[i] as usize].tokens.end
    }
    /// Token index of the first token starting at or after byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < b)
    }
    pub fn gap_paragraph(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && marks::paragraph_break(
                self.text,
                self.toks[i].span.end,
                self.toks[i + 1].span.start,
            )
    }
}

/// A quote found, before resolution.
struct Found {
    span: Span,
    kind: QuoteKind,
    mention: Option<Mention>,
    cue: Option<Span>,
    /// Index of the region chain (reopened paragraphs share attribution).
    chain: Option<usize>,
}

pub fn find(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    lang: Lang,
    entities: &[Entity],
    groups: &[Group],
) -> Vec<Quote> {
    let lang = if lang == Lang::Fr { Lang::Fr } else { Lang::En };
    let regions = marks::scan(text);
    let doc = prepare(text, toks, sents, lang, &regions, entities);
    let mut found = direct(&doc, &regions);
    indirect(&doc, &mut found);
    found.sort_by_key(|f| f.span.start);
    let mut resolver = Resolver::new(&doc, entities, groups, &regions);
    attribute(&doc, &found, &mut resolver)
}

fn prepare<'a>(
    text: &'a str,
    toks: &'a [Token],
    sents: &'a [Sentence],
    lang: Lang,
    regions: &[marks::Region],
    entities: &[Entity],
) -> Doc<'a> {
    let mut info = vec![Info::default(); toks.len()];
    let mut lower = String::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        let first = w.chars().next().unwrap_or(' ');
        let inf = &mut info[k];
        inf.cap = first.is_uppercase();
        let w = if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            w
        };
        // a capitalised word inside a sentence is a name ("Network Rail"), not a verb
        let inside = k > 0
            && !matches!(
                toks[k - 1].text(text),
                "." | "!" | "?" | "«" | "“" | "\"" | "»" | "”" | ":" | "—" | "–" | "("
            );
        inf.cue = if inf.cap && inside {
            None
        } else {
            lexicon::lookup(lang, w).map(|c| c.form)
        };
        inf.faire = lang == Lang::Fr
            && matches!(w, "fait" | "faisait" | "fera" | "ferait" | "font" | "fit");
        inf.aux = lexicon::is_auxiliary(lang, w);
        // acronyms ("SA", "ON") are names, not function words
        let acronym = t.text(text).len() >= 2 && t.text(text).chars().all(|c| !c.is_lowercase());
        inf.class = if acronym {
            0
        } else {
            classes().get(w).copied().unwrap_or(0)
        };
    }
    for e in entities {
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let b = toks.partition_point(|t| t.span.start < e.span.end);
        for inf in &mut info[a..b] {
            inf.entity = Some(e.label);
        }
    }
    for (ri, r) in regions.iter().enumerate() {
        let a = toks.partition_point(|t| t.span.start < r.open);
        let b = toks.partition_point(|t| t.span.start < r.close_end);
        for inf in &mut info[a..b] {
            inf.region = Some(ri as u32);
        }
    }
    let mut sent_of = vec![0u32; toks.len()];
    for (si, s) in sents.iter().enumerate() {
        for x in &mut sent_of[s.tokens.clone()] {
            *x = si as u32;
        }
    }
    Doc {
        text,
        toks,
        lang,
        info,
        sent_of,
        sents,
        quoted_name: regions
            .iter()
            .map(|r| {
                let t = r.content.text(text);
                t.chars().next().is_some_and(char::is_uppercase)
                    && t.split_whitespace().count() <= 4
            })
            .collect(),
        recognised: !entities.is_empty(),
    }
}

/// A cue and the mention of its subject.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    cue: Span,
    mention: Option<Mention>,
}

fn direct(doc: &Doc, regions: &[marks::Region]) -> Vec<Found> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    // chains of reopened paragraphs
    let mut ri = 0;
    while ri < regions.len() {
        let mut rj = ri + 1;
        while rj < regions.len() && regions[rj].reopens {
            rj += 1;
        }
        let chain = &regions[ri..rj];
        let first = chain[0];
        let last = chain[chain.len() - 1];
        let open_tok = doc.tok_at(first.open);
        let after_tok = doc.tok_at(last.close_end);
        let inner_a = doc.tok_at(first.content.start);
        let words = count_words(doc, inner_a, doc.tok_at(last.content.end));
        let left = left_context(doc, open_tok);
        let right = right_context(doc, after_tok, n);
        let (right_cue, mut right_ok) = right;
        // a quote ending with its own full stop ends its sentence
        right_ok |= last.content.text(doc.text).ends_with(['.', '!', '?', '…']);
        let multi = chain.len() > 1;
        let starts_upper = first
            .content
            .text(doc.text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic());
        // "“…,” Tester said. “Very good.”": a short sentence of its own,
        // right after a quote in the same paragraph, goes on with it
        let follows_quote = out.last().is_some_and(|f: &Found| {
            let a = doc.tok_at(f.span.end).min(n - 1);
            f.span.end <= first.open
                && !doc.text[f.span.end..first.open].contains("\n\n")
                && doc.sent_of[open_tok] <= doc.sent_of[a] + 2
        });
        let own_sentence =
            starts_upper && right_ok && last.content.text(doc.text).ends_with(['.', '!', '?', '…']);
        let mut kind = QuoteKind::Direct;
        let (left_cue, mut is_speech) = match left {
            _ if first.content.is_empty() => (None, false),
            _ if multi => (left_attribution(left), true),
            Left::Clause(c) => (
                c,
                right_ok && (c.is_some() || right_cue.is_some() || (words >= 3 && starts_upper))
                    || c.is_none() && own_sentence && follows_quote
                    || c.is_some()
                        && words >= 2
                        && (right_ok || open_tok == 0 || doc.t(open_tok - 1) == ":")
                    || right_cue.is_some() && (words >= 2 || starts_upper),
            ),
            Left::Verb(a) => (Some(a), right_ok && (words >= 2 || starts_upper)),
            Left::That(a) => {
                kind = QuoteKind::Indirect;
                (Some(a), right_ok)
            }
            Left::Inside => (None, false),
        };
        // "named “Game of Thrones” and…", "the slogan “Make America Great
        // Again.”": a short capitalised phrase with no cue after it is a title
        if is_speech && !multi && right_cue.is_none() && title_like(doc, inner_a, last.content.end)
        {
            is_speech = false;
        }
        // "“Yes to minaret ban” (2009)", "“…” (campaign poster, 2003)": a dated
        // work or poster, not words spoken
        if is_speech && right_cue.is_none() && dated_after(doc, after_tok) {
            is_speech = false;
        }
        if is_speech {
            let att = right_cue.or(left_cue);
            for r in chain {
                for (span, inc) in split_incise(doc, r.content) {
                    let a = inc.or(att);
                    out.push(Found {
                        span,
                        kind,
                        mention: a.and_then(|a| a.mention),
                        cue: a.map(|a| a.cue),
                        chain: if multi { Some(ri) } else { None },
                    });
                }
            }
        }
        ri = rj;
    }
    out
}

/// Whether the words from token `a` to byte `end` read as a title: three to
/// six words, each capitalised but for short function words ("Game of
/// Thrones", "Peace Through Strength"), and no exclamation or question
/// (a chant or a cry). Two capitalised words are as often a short cry
/// ("Dump Trump.") as a name.
fn title_like(doc: &Doc, a: usize, end: usize) -> bool {
    let mut caps = 0;
    let mut words = 0;
    let mut stop = false;
    let mut k = a;
    while k < doc.toks.len() && doc.toks[k].span.start < end {
        let w = doc.t(k);
        if doc.punct(k) {
            if matches!(w, "!" | "?" | ":" | ";") {
                return false;
            }
            stop |= matches!(w, "." | "…" | "...");
        } else if stop {
            // two sentences ("The Donald. Big Daddy."): speech
            return false;
        } else if doc.info[k].cap {
            caps += 1;
            words += 1;
        } else if w.len() <= 4 && (doc.function(k) || doc.det(k)) {
            words += 1;
        } else {
            return false;
        }
        k += 1;
        if words > 6 {
            return false;
        }
    }
    caps >= 2 && words >= 3
}

/// Whether a parenthesis holding a year (1800–2099) opens at token `p`.
fn dated_after(doc: &Doc, p: usize) -> bool {
    let n = doc.toks.len();
    if p >= n || doc.t(p) != "(" {
        return false;
    }
    (p + 1..n.min(p + 12))
        .take_while(|&k| doc.t(k) != ")")
        .any(|k| {
            let w = doc.t(k);
            w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
        })
}

fn count_words(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b.min(doc.toks.len()))
        .filter(|&k| doc.toks[k].kind != TokenKind::Punct)
        .count()
}

/// What precedes a quote: an introducing cue ("X a déclaré :", "he said,",
/// "selon X,") and whether the quote starts a clause there.
fn left_context(doc: &Doc, open: usize) -> Left {
    if open == 0 {
        return Left::Clause(None);
    }
    let p = open - 1;
    // "Elle a résumé la situation :" then the quote in its own paragraph
    if doc.t(p) == ":" && doc.info[p].region.is_none() {
        return Left::Clause(clause_cue(doc, p));
    }
    // a new line before the mark (some sources break paragraphs with one newline)
    let line_break = doc.text[doc.toks[p].span.end..doc.toks[open].span.start].contains('\n');
    if line_break || doc.info[p].region.is_some() {
        // a new paragraph, or right after another quote ("“A,” he said. “B”")
        return Left::Clause(None);
    }
    match doc.t(p) {
        "." | "!" | "?" | "…" | "..." | "(" | "—" | "–" | "-" | ";" | ">" => {
            return Left::Clause(None);
        }
        // an initial or abbreviation ending a sentence: "a racheté X. « … »"
        w if w.len() > 1 && w.ends_with('.') => return Left::Clause(None),
        ":" | "," => {
            // "he said, “…”", "X a déclaré : « … »", "selon X, « … »"
            return match clause_cue(doc, p) {
                // "said that under Obama, “…”": inside indirect speech
                Some(c)
                    if (doc.tok_at(c.cue.end)..p)
                        .any(|x| doc.is(x, &["que", "qu'", "qu’", "that"])) =>
                {
                    Left::That(c)
                }
                Some(c) => Left::Clause(Some(c)),
                None if doc.t(p) == ":" => Left::Clause(None),
                None => Left::Inside,
            };
        }
        _ => {}
    }
    // "a déclaré que « … »", "he said that “…”": a quote inside indirect speech
    if doc.is(p, &["que", "qu'", "qu’", "that"])
        && p > 0
        && let Some(a) = cue_ending_at(doc, p - 1)
    {
        return Left::That(a);
    }
    // "he said “…”"
    if let Some(a) = cue_ending_at(doc, p) {
        return Left::Verb(a);
    }
    Left::Inside
}

fn left_attribution(l: Left) -> Option<Attribution> {
    match l {
        Left::Clause(c) => c,
        Left::Verb(a) | Left::That(a) => Some(a),
        Left::Inside => None,
    }
}

/// What precedes a quote.
#[derive(Debug, Clone, Copy)]
enum Left {
    /// The quote starts a clause (sentence start, colon, cue and comma).
    Clause(Option<Attribution>),
    /// Right after a speech verb, no punctuation.
    Verb(Attribution),
    /// After "que" / "that": quoted words inside indirect speech.
    That(Attribution),
    /// Inside a sentence: a name, a title or a scare quote, unless a cue follows.
    Inside,
}

/// The cue ending at token `e` (its last token), with its subject.
fn cue_ending_at(doc: &Doc, e: usize) -> Option<Attribution> {
    // find a verb start v with cue_at(v) == Some(e) (look back over aux/adverbs)
    let lo = e.saturating_sub(4);
    for v in (lo..=e).rev() {
        // "the chant “…”", "his claim “…”": after an article, the word is a noun
        if doc.lang == Lang::En
            && v > 0
            && doc.is(
                v - 1,
                &[
                    "the", "a", "an", "this", "his", "her", "its", "their", "another",
                ],
            )
        {
            continue;
        }
        if doc.cue_at(v) == Some(e) || (v == e && doc.info[e].cue == Some(Form::Finite)) {
            let cue = Span::new(doc.toks[v].span.start, doc.toks[e].span.end);
            if let Some((m, _)) = speaker::inverted(doc, v) {
                return Some(Attribution {
                    cue,
                    mention: Some(m),
                });
            }
            // "…, singing “…”": a gerund after a comma has the clause's subject
            let mention = if doc.info[v].cue == Some(Form::Gerund) && v > 0 && doc.t(v - 1) == "," {
                speaker::gerund_subject(doc, v)
            } else {
                speaker::subject_left(doc, v)
                    .or_else(|| speaker::subject_right(doc, e + 1).map(|(m, _)| m))
            };
            return Some(Attribution { cue, mention });
        }
    }
    None
}

/// A cue in the clause ending at token `p` (a colon or comma before a quote).
fn clause_cue(doc: &Doc, p: usize) -> Option<Attribution> {
    let start = doc.sentence_start(p);
    // "Pour le ministre, « … »", "For Smith, “…”"
    if doc.t(p) == ","
        && doc.is(start, &["pour", "for"])
        && let Some((m, end)) = speaker::subject_right(doc, start + 1)
        && end == p
        && (m.kind != speaker::Kind::Phrase || speaker::is_role(doc, m.head))
        && m.kind != speaker::Kind::FirstPerson
    {
        return Some(Attribution {
            cue: doc.toks[start].span,
            mention: Some(m),
        });
    }
    let mut k = p;
    // "selon X," / "according to X,"
    let mut best: Option<Attribution> = None;
    while k > start {
        k -= 1;
        if doc.info[k].region.is_some() {
            break;
        }
        if let Some(a) = speaker::according(doc, k)
            && a.1 + 1 >= p
        {
            return Some(Attribution {
                cue: a.0,
                mention: Some(a.2),
            });
        }
        if let Some(e) = doc.cue_at(k)
            && e < p
        {
            let cue = Span::new(doc.toks[k].span.start, doc.toks[e].span.end);
            // "telling Reuters, “…”": a gerund's subject is the clause's
            let mention = if doc.info[k].cue == Some(Form::Gerund) {
                speaker::gerund_subject(doc, k)
            } else {
                speaker::inverted(doc, k)
                    .map(|x| x.0)
                    .or_else(|| speaker::subject_left(doc, k))
                    .or_else(|| speaker::subject_right(doc, e + 1).map(|x| x.0))
            };
            best = Some(Attribution { cue, mention });
            break;
        }
    }
    if best.is_none() && doc.t(p) == ":" {
        // "HEADLINE - Jane Doe: “…”", "by the Post's John Roe: “…”": a name
        // just before the colon introduces the quote
        let mut k = p;
        while k > start && doc.info[k - 1].cap && !doc.punct(k - 1) {
            k -= 1;
        }
        if k < p
            && let Some(m) = speaker::first_mention(doc, k, p)
            && m.span.end == doc.toks[p - 1].span.end
        {
            return Some(Attribution {
                cue: doc.toks[p].span,
                mention: Some(m),
            });
        }
        // "Mr. Smith was blunt: “…”": the clause's first named subject, past
        // an opening phrase ("In a Fox interview, Trump went further: “…”")
        let m = speaker::clause_subject(doc, p)?;
        return Some(Attribution {
            cue: doc.toks[p].span,
            mention: Some(m),
        });
    }
    best
}

/// What follows a quote: a cue ("a-t-il déclaré", "he said", "said X",
/// "– Name, title") and whether the quote ends a clause there.
fn right_context(doc: &Doc, after: usize, n: usize) -> (Option<Attribution>, bool) {
    if after >= n {
        return (None, true);
    }
    // a new line after the mark ends the paragraph ("Editor’s note: …"
    // below), unless it holds the credit ("– Name, title")
    let credit = matches!(doc.t(after), "—" | "–" | "-" | "―") && !doc.gap_paragraph(after - 1);
    if !credit && doc.text[doc.toks[after - 1].span.end..doc.toks[after].span.start].contains('\n')
    {
        return (None, true);
    }
    let mut p = after;
    while p < n && matches!(doc.t(p), "," | "." | "!" | "?" | "…" | "..." | ";") {
        p += 1;
    }
    let ends = p > after || p >= n || doc.info[p].region.is_some() || doc.gap_paragraph(p - 1);
    if p < n && doc.info[p].region.is_none() && !(p > after && doc.gap_paragraph(p - 1)) {
        // "– Name, title"
        if matches!(doc.t(p), "—" | "–" | "-" | "―") {
            if let Some((m, _)) = speaker::subject_right(doc, p + 1)
                && matches!(m.kind, speaker::Kind::Name)
            {
                return (
                    Some(Attribution {
                        cue: doc.toks[p].span,
                        mention: Some(m),
                    }),
                    true,
                );
            }
            return (None, true);
        }
        // "“We’ll see,” when asked whether…": a subordinate clause follows
        // the quote, which ends the main one; its verb is no cue
        if p == after && after >= 2 && doc.t(after - 2) == "," && doc.is(p, speaker::SUBORDINATORS)
        {
            return (None, true);
        }
        // "“… fees.” Asked if …": a capitalised verb after a full stop opens
        // the next sentence
        let new_sentence = p == after
            && after >= 2
            && matches!(doc.t(after - 2), "." | "!" | "?")
            && doc.info[p].cap
            && doc.info[p].cue.is_some();
        if !new_sentence && let Some(a) = cue_after(doc, p) {
            return (Some(a), true);
        }
    }
    let next_upper = p < n && doc.info[p].cap && p > after;
    (
        None,
        ends || next_upper || (p < n && doc.is(p, &["(", ")"])),
    )
}

/// A cue starting at token `p` just after a quote.
fn cue_after(doc: &Doc, p: usize) -> Option<Attribution> {
    let n = doc.toks.len();
    // inversion: a-t-il déclaré, dit-il, ajoute-t-elle
    if let Some((m, e)) = speaker::inverted(doc, p) {
        return Some(Attribution {
            cue: Span::new(doc.toks[p].span.start, doc.toks[e].span.end),
            mention: Some(m),
        });
    }
    // selon X / according to X
    if let Some((cue, _, m)) = speaker::according(doc, p) {
        return Some(Attribution {
            cue,
            mention: Some(m),
        });
    }
    // verb then subject: "a réagi le ministre", "said Smith", "explique Marie Dupont",
    // "s'est félicité le ministre"
    let p = if doc.lang == Lang::Fr && doc.is(p, &["s'", "s’", "se"]) && doc.cue_at(p + 1).is_some()
    {
        p + 1
    } else {
        p
    };
    if let Some(e) = doc.cue_at(p) {
        let cue = Span::new(doc.toks[p].span.start, doc.toks[e].span.end);
        let mention = speaker::subject_right(doc, e + 1).map(|x| x.0);
        return Some(Attribution { cue, mention });
    }
    // subject then verb: "he said", "Flynn, a top Trump surrogate, said", "X told Reuters"
    subject_then_verb(doc, p).or_else(|| {
        // "Senate minority leader Harry Reid told": the verb first, then its subject
        let mut j = p;
        while j < n
            && j < p + 20
            // a short quoted name may sit in it ("wearing “Ted Cruz” pins")
            && (j > p && doc.in_quoted_name(j)
                || doc.info[j].region.is_none()
                    && (!doc.punct(j)
                        || doc.is(j, &["&", ",", "(", ")", "-"])
                        || doc.t(j) == "." && j + 1 < n && doc.t(j + 1) == ","))
            // a subject, not a clause: "host Trevor Noah on Thursday showed" is no cue
            && (!doc.function(j) || doc.is(j, &["of", "for", "and"]))
        {
            if let Some(e) = doc.cue_at(j)
                && !matches!(doc.info[j].cue, Some(Form::Gerund | Form::Infinitive))
            {
                return Some(Attribution {
                    cue: Span::new(doc.toks[j].span.start, doc.toks[e].span.end),
                    mention: speaker::subject_left(doc, j),
                });
            }
            j += 1;
        }
        None
    })
}

fn subject_then_verb(doc: &Doc, p: usize) -> Option<Attribution> {
    let n = doc.toks.len();
    let (m, mut k) = speaker::subject_right(doc, p)?;
    // appositive: ", a top Trump surrogate,"; ", R-Ky.," (a period right
    // before the closing comma ends an abbreviation, not the sentence)
    if k < n && doc.t(k) == "," {
        let mut j = k + 1;
        // a quoted name inside is passed over (", wearing “Ted Cruz” pins,")
        while j < n
            && j < k + 40
            && (doc.in_quoted_name(j)
                || doc.info[j].region.is_none()
                    && doc.t(j) != ","
                    && !matches!(doc.t(j), ";" | ":")
                    && (doc.t(j) != "." || j + 1 < n && doc.t(j + 1) == ","))
        {
            j += 1;
        }
        if j < n && doc.t(j) == "," && doc.info[j].region.is_none() {
            k = j + 1;
        }
    }
    // "Rep. Gwen Moore (D-Wis.) said"
    if k < n && doc.t(k) == "(" {
        let mut j = k + 1;
        while j < n && j < k + 8 && doc.t(j) != ")" {
            j += 1;
        }
        if j < n && doc.t(j) == ")" {
            k = j + 1;
        }
    }
    while k < n && (doc.is_adverb(k) || speaker::is_modal(doc, k) || speaker::loose_adverb(doc, k))
    {
        k += 1;
    }
    let e = doc.cue_at(k)?;
    if matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive)) {
        return None;
    }
    Some(Attribution {
        cue: Span::new(doc.toks[k].span.start, doc.toks[e].span.end),
        mention: Some(m),
    })
}

/// Splits « A, a-t-il dit, B » at the incise; each piece with the incise's
/// attribution (None when there is no incise).
fn split_incise(doc: &Doc, content: Span) -> Vec<(Span, Option<Attribution>)> {
    let a = doc.tok_at(content.start);
    let b = doc.tok_at(content.end);
    let mut k = a;
    while k + 2 < b {
        if doc.t(k) == ","
            && let Some((m, e)) = speaker::inverted(doc, k + 1)
            && e + 1 < b
            && matches!(doc.t(e + 1), "," | ".")
        {
            let first = marks::trim(doc.text, content.start, doc.toks[k].span.start);
            let second = marks::trim(doc.text, doc.toks[e + 1].span.end, content.end);
            if !first.is_empty() && !second.is_empty() {
                let att = Attribution {
                    cue: Span::new(doc.toks[k + 1].span.start, doc.toks[e].span.end),
                    mention: Some(m),
                };
                return vec![(first, Some(att)), (second, Some(att))];
            }
        }
        k += 1;
    }
    vec![(content, None)]
}

/// Indirect speech: "X a déclaré que …", "he said (that) …", "selon X, …".
fn indirect(doc: &Doc, out: &mut Vec<Found>) {
    let n = doc.toks.len();
    let taken: Vec<Span> = out.iter().map(|f| f.span).collect();
    let overlaps = |s: Span| taken.iter().any(|t| t.overlaps(s));
    // the last cue's subject, with its sentence
    let mut last: Option<(u32, speaker::Mention)> = None;
    let mut k = 0;
    while k < n {
        if doc.info[k].region.is_some() {
            k += 1;
            continue;
        }
        // selon X, CLAUSE / CLAUSE, selon X / …, selon X, CLAUSE,
        if let Some((cue, e, m)) = speaker::according(doc, k) {
            if let Some(span) = according_content(doc, k, e)
                && !overlaps(span)
            {
                out.push(Found {
                    span,
                    kind: QuoteKind::Indirect,
                    mention: Some(m),
                    cue: Some(cue),
                    chain: None,
                });
            }
            k = e + 1;
            continue;
        }
        let Some(e) = doc.cue_at(k) else {
            k += 1;
            continue;
        };
        // "…, estimant que …": the gerund's subject is the sentence's speaker
        if doc.info[k].cue == Some(Form::Gerund)
            && k > 0
            && doc.t(k - 1) == ","
            && doc.is(k + 1, &["que", "qu'", "qu’", "that"])
            && let Some(m) = sentence_speaker(doc, k)
        {
            let s = k + 2;
            let endt = clause_end(doc, s);
            if endt > s + 1 {
                let span = marks::trim(
                    doc.text,
                    doc.toks[s].span.start,
                    doc.toks[endt - 1].span.end,
                );
                if !overlaps(span) {
                    out.push(Found {
                        span,
                        kind: QuoteKind::Indirect,
                        mention: Some(m),
                        cue: Some(doc.toks[k].span),
                        chain: None,
                    });
                    k = endt;
                    continue;
                }
            }
        }
        if matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive)) && !doc.info[k].aux {
            k += 1;
            continue;
        }
        // "a claim that", "his promise that": a noun, not a verb
        if doc.lang == Lang::En
            && k > 0
            && doc.is(
                k - 1,
                &[
                    "a", "an", "the", "his", "her", "their", "its", "this", "that", "our", "my",
                    "your", "whose",
                ],
            )
        {
            k += 1;
            continue;
        }
        // "CLAUSE, the agency said." / "CLAUSE, a indiqué le ministre."
        if let Some((span, mention)) = postposed(doc, k, e)
            && !overlaps(span)
        {
            out.push(Found {
                span,
                kind: QuoteKind::Indirect,
                mention: Some(mention),
                cue: Some(Span::new(doc.toks[k].span.start, doc.toks[e].span.end)),
                chain: None,
            });
            k = e + 1;
            continue;
        }
        // the complement: skip a short adjunct (lundi, au quotidien Le Monde, to reporters)
        let mut j = e + 1;
        let limit = (e + 9).min(doc.sentence_end(k));
        let mut start = None;
        let mut inverted_mention = None;
        if let Some((m, ie)) = speaker::inverted(doc, k) {
            inverted_mention = Some(m);
            j = ie + 1;
        }
        while j < limit && doc.info[j].region.is_none() {
            if doc.is(j, &["que", "qu'", "qu’", "that"]) {
                start = Some(j + 1);
                break;
            }
            if doc.punct(j) && !matches!(doc.t(j), "'" | "’") {
                break;
            }
            j += 1;
        }
        if start.is_none()
            && doc.lang == Lang::En
            && doc.is(
                k,
                &[
                    "said",
                    "says",
                    "say",
                    "told",
                    "tells",
                    "added",
                    "argued",
                    "claimed",
                    "insisted",
                    "noted",
                    "warned",
                    "acknowledged",
                    "predicted",
                    "stressed",
                    "contended",
                    "believes",
                    "argues",
                    "claims",
                    "insists",
                    "notes",
                    "warns",
                    "stated",
                    "explained",
                    "suggested",
                    "wrote",
                    "writes",
                    "reported",
                    "announced",
                    "admitted",
                    "conceded",
                    "maintained",
                    "asserted",
                    "promised",
                    "vowed",
                    "complained",
                    "recalled",
                ],
            )
        {
            start = bare_clause(doc, k, e + 1);
        }
        if let Some(s) = start
            && s < n
            && doc.info[s].region.is_none()
        {
            let endt = clause_end(doc, s);
            if endt > s {
                let span = marks::trim(
                    doc.text,
                    doc.toks[s].span.start,
                    doc.toks[endt - 1].span.end,
                );
                let words = count_words(doc, s, endt);
                if words >= 2 && !overlaps(span) {
                    // "… but added that": the subject of the previous cue
                    let coordinated = || {
                        let mut b = k;
                        while b > 0 && doc.is_adverb(b - 1) {
                            b -= 1;
                        }
                        if b > 0 && doc.is(b - 1, &["and", "but", "et", "mais", "puis"]) {
                            last.filter(|l: &(u32, speaker::Mention)| l.0 == doc.sent_of[k])
                                .map(|l| l.1)
                        } else {
                            None
                        }
                    };
                    let mention = inverted_mention
                        .or_else(|| speaker::subject_left(doc, k))
                        .or_else(coordinated);
                    if let Some(m) = mention {
                        last = Some((doc.sent_of[k], m));
                        out.push(Found {
                            span,
                            kind: QuoteKind::Indirect,
                            mention,
                            cue: Some(Span::new(doc.toks[k].span.start, doc.toks[e].span.end)),
                            chain: None,
                        });
                        k = endt;
                        continue;
                    }
                }
            }
        }
        k = e + 1;
    }
}

/// The speaker of the sentence holding token `k`: the subject of its first
/// cue (an inversion, or the subject before the verb).
fn sentence_speaker(doc: &Doc, k: usize) -> Option<speaker::Mention> {
    let ss = doc.sentence_start(k);
    (ss..k).find_map(|x| {
        if let Some((m, _)) = speaker::inverted(doc, x) {
            return Some(m);
        }
        if doc.info[x].region.is_none()
            && doc.cue_at(x).is_some()
            && doc.info[x].cue != Some(Form::Gerund)
        {
            return speaker::subject_left(doc, x);
        }
        None
    })
}

/// Reported words before a comma and a cue ending the sentence:
/// "The river peaked early on Sunday, the Environment Agency said."
fn postposed(doc: &Doc, k: usize, e: usize) -> Option<(Span, speaker::Mention)> {
    let ss = doc.sentence_start(k);
    let se = doc.sentence_end(k);
    if doc.info[k].cue != Some(Form::Finite) && !doc.info[k].aux {
        return None;
    }
    let (m, comma, after) = if k > ss + 3 && doc.t(k - 1) == "," {
        // verb first: "…, said Tom Castleford", "…, estime-t-elle"
        if let Some((m, ie)) = speaker::inverted(doc, k) {
            (m, k - 1, ie + 1)
        } else {
            let (m, end) = speaker::subject_right(doc, e + 1)?;
            (m, k - 1, end)
        }
    } else {
        let m = speaker::subject_left(doc, k)?;
        let mut a = doc.tok_at(m.span.start);
        // ", the Port of Rotterdam Authority said"
        while a > ss && doc.is(a - 1, &["the", "le", "la", "les", "l'", "l’", "a", "an"]) {
            a -= 1;
        }
        if a <= ss + 3 || doc.t(a - 1) != "," {
            return None;
        }
        (m, a - 1, e + 1)
    };
    if m.kind == speaker::Kind::FirstPerson {
        return None;
    }
    // the cue ends the sentence or opens a comma clause
    let mut t = after;
    while t < se
        && (doc.is_adverb(t) || doc.is(t, &["on", "in", "at", "to"]) || doc.is_date(t))
        && t < after + 3
    {
        t += 1;
    }
    if t < se && !matches!(doc.t(t), "." | "," | "!" | "?" | ";") {
        return None;
    }
    if (ss + 1..comma).any(|x| {
        doc.info[x].region.is_some()
            || doc
                .cue_at(x)
                .is_some_and(|_| doc.info[x].cue == Some(Form::Finite))
    }) {
        return None;
    }
    if count_words(doc, ss, comma) < 4 {
        return None;
    }
    Some((
        marks::trim(
            doc.text,
            doc.toks[ss].span.start,
            doc.toks[comma - 1].span.end,
        ),
        m,
    ))
}

/// English bare complement clause after a verb: "said the deal was off",
/// "told reporters the deal was off", "said Tuesday he would".
fn bare_clause(doc: &Doc, verb: usize, mut j: usize) -> Option<usize> {
    let n = doc.toks.len();
    // the object of "told": a pronoun, a name or a short noun phrase
    if doc.is(verb, &["told", "tells", "tell", "telling"]) && j < n {
        if doc.is(j, &["the", "a", "an", "his", "her", "their"]) {
            j += 2;
        } else if doc.info[j].cap
            || doc.is(
                j,
                &[
                    "reporters",
                    "me",
                    "us",
                    "him",
                    "her",
                    "them",
                    "supporters",
                    "journalists",
                ],
            )
        {
            j += 1;
        }
    }
    if j < n
        && doc.is(
            j,
            &[
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "yesterday",
                "today",
                "on",
                "in",
                "at",
                "last",
                "earlier",
                "later",
            ],
        )
    {
        return None;
    }
    if j >= n || doc.punct(j) || doc.info[j].region.is_some() {
        return None;
    }
    // a clause starts with a subject-like word and has a finite verb soon
    // (not "said goodbye", "told the story")
    let subject_like = !doc.is(
        j,
        &[
            "to",
            "so",
            "in",
            "on",
            "at",
            "for",
            "with",
            "about",
            "of",
            "from",
            "by",
            "as",
            "goodbye",
            "yes",
            "no",
            "nothing",
            "something",
            "hello",
            "thanks",
        ],
    ) || doc.is(
        j,
        &[
            "he", "she", "they", "it", "i", "we", "you", "there", "this", "the", "his", "her",
            "their", "its", "a", "an", "some", "many", "most", "all", "no", "any", "smaller",
            "larger",
        ],
    ) || doc.info[j].cap
        || doc.toks[j].kind == TokenKind::Number;
    let end = (j + 16).min(n);
    let has_verb = (j + 1..end)
        .take_while(|&x| !doc.punct(x) || doc.is(x, &[","]))
        .any(|x| {
            doc.is(
                x,
                &[
                    "is", "was", "are", "were", "will", "would", "could", "should", "can", "has",
                    "had", "have", "did", "does", "do", "might", "must", "may", "remained",
                    "remains",
                ],
            )
        });
    (subject_like && has_verb).then_some(j)
}

/// End (exclusive token index) of the clause starting at `s`: the sentence
/// end, without final punctuation, stopping before a quote mark.
fn clause_end(doc: &Doc, s: usize) -> usize {
    let end = doc.sentence_end(s);
    let mut e = s;
    while e < end {
        // a quoted name inside the clause belongs to it ("its flagship the “Nordic Aurora”")
        if let Some(r) = doc.info[e].region {
            let mut x = e;
            while x < end && doc.info[x].region == Some(r) {
                x += 1;
            }
            if count_words(doc, e, x) > 4 {
                break;
            }
            e = x;
            continue;
        }
        // the reporter's words resume: "…, sans en préciser le montant", "… but declined"
        if doc.is(e, &["but", "mais"])
            && e > s + 2
            && !doc.is(e + 1, &["que", "qu'", "qu’", "that"])
            || doc.t(e) == ","
                && e + 1 < end
                && (doc.is(
                    e + 1,
                    &[
                        "sans",
                        "avant",
                        "adding",
                        "ajoutant",
                        "saying",
                        "estimant",
                        "précisant",
                        "according",
                        "selon",
                    ],
                ) || doc.info[e + 1].cue == Some(Form::Gerund))
        {
            break;
        }
        e += 1;
    }
    while e > s && doc.punct(e - 1) {
        e -= 1;
    }
    e
}

/// The words "selon X" reports: the clause around it, bounded by commas.
fn according_content(doc: &Doc, k: usize, e: usize) -> Option<Span> {
    let ss = doc.sentence_start(k);
    let se = doc.sentence_end(k);
    let before_comma = k > ss && doc.t(k - 1) == ",";
    let at_start = k == ss;
    let after_comma = e + 1 < se && doc.t(e + 1) == ",";
    // "…, selon la société Alpstein Capital, qui a mené le tour" ends the clause too
    let after_end = e + 1 >= se
        || matches!(doc.t(e + 1), "." | "!" | "?")
        || after_comma && doc.is(e + 2, &["qui", "who", "which", "dont", "où"]);
    let after_comma = after_comma && !after_end;
    let (a, b) = if (at_start || before_comma) && after_comma {
        // "Selon X, CLAUSE." or "…, selon X, CLAUSE, …"
        let mut a = e + 2;
        // "According to Priya Raman, a semiconductor analyst at Westbrook, CLAUSE."
        if doc.lang == Lang::En
            && doc.is(a, &["a", "an", "the"])
            && let Some(c) = (a + 1..(a + 15).min(se)).find(|&x| doc.t(x) == ",")
        {
            a = c + 1;
        }
        let mut b = a;
        while b < se && doc.info[b].region.is_none() && !(before_comma && doc.t(b) == ",") {
            b += 1;
        }
        (a, b)
    } else if before_comma && after_end {
        // "CLAUSE, selon X."
        (ss, k - 1)
    } else {
        return None;
    };
    let mut b = b;
    while b > a && doc.punct(b - 1) {
        b -= 1;
    }
    if b <= a || count_words(doc, a, b) < 2 || (a..b).any(|x| doc.info[x].region.is_some()) {
        return None;
    }
    Some(marks::trim(
        doc.text,
        doc.toks[a].span.start,
        doc.toks[b - 1].span.end,
    ))
}

/// Speaker name, entity group, speaker mention.
type Resolved = (Option<String>, Option<usize>, Option<Span>);

/// Resolves speakers in text order; quotes without a cue continue the
/// previous speaker when they follow it closely.
fn attribute(doc: &Doc, found: &[Found], res: &mut Resolver) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    // (end byte of the previous attributed quote, its attribution)
    let mut prev: Option<(usize, Resolved)> = None;
    // attribution of each chain of reopened paragraphs: (chain, attribution, cue)
    let mut chains: Vec<(usize, Resolved, Option<Span>)> = Vec::new();
    for f in found {
        let (r, cue): (Resolved, Option<Span>) = if let Some(m) = f.mention {
            let (s, g) = res.resolve(doc, &m);
            ((s, g, Some(m.span)), f.cue)
        } else if let Some(c) = f.chain.and_then(|c| chains.iter().find(|x| x.0 == c)) {
            (c.1.clone(), c.2)
        } else if f.kind == QuoteKind::Direct {
            // after a sentence without quotes: its cue or its subject introduces the quote
            // ("X said on a call with reporters. “…”", "Le président de l'UVM se montre prudent. « … »")
            if let Some(m) = introducer(doc, f.span.start) {
                let (s, g) = res.resolve(doc, &m);
                ((s, g, Some(m.span)), None)
            } else {
                match &prev {
                    Some((end, r)) if close_enough(doc, *end, f.span.start) => (r.clone(), None),
                    _ => ((None, None, None), f.cue),
                }
            }
        } else {
            ((None, None, None), f.cue)
        };
        if let Some(c) = f.chain
            && !chains.iter().any(|x| x.0 == c)
            && (r.0.is_some() || r.2.is_some())
        {
            chains.push((c, r.clone(), cue));
        }
        if r.0.is_some() || r.2.is_some() {
            prev = Some((f.span.end, r.clone()));
        }
        let (speaker, group, speaker_span) = r;
        out.push(Quote {
            span: f.span,
            kind: f.kind,
            speaker,
            group,
            speaker_span,
            cue_span: cue,
        });
    }
    // a chain attributed by a cue on a later piece: give it to the earlier pieces
    for (q, f) in out.iter_mut().zip(found) {
        if let Some(c) = f.chain
            && let Some(a) = chains.iter().find(|x| x.0 == c)
            && q.speaker.is_none()
            && q.speaker_span.is_none()
        {
            q.speaker = a.1.0.clone();
            q.group = a.1.1;
            q.speaker_span = a.1.2;
        }
    }
    out
}

/// The subject of the sentence just before a quote without cue, when that
/// sentence holds no quote: the subject of its speech verb, else a name
/// opening it.
fn introducer(doc: &Doc, start: usize) -> Option<speaker::Mention> {
    let b = doc.tok_at(start).min(doc.toks.len().checked_sub(1)?);
    let mut si = doc.sent_of[b] as usize;
    // the quote's own sentence may begin before its mark (a colon introducer is a cue)
    if doc.sents[si].tokens.start + 1 < b {
        return None;
    }
    if doc.sents[si].tokens.start == b || doc.sents[si].tokens.start + 1 == b {
        si = si.checked_sub(1)?;
    }
    let r = doc.sents[si].tokens.clone();
    if r.clone()
        .all(|k| doc.info[k].region.is_some() || doc.punct(k))
        || r.len() < 3
    {
        return None;
    }
    // at most one paragraph back
    if doc.text[doc.toks[r.end - 1].span.end..start]
        .matches("\n\n")
        .count()
        > 1
    {
        return None;
    }
    for k in r.clone() {
        if let Some(e) = doc.cue_at(k)
            && !matches!(doc.info[k].cue, Some(Form::Gerund | Form::Infinitive))
        {
            // a cue with its own content ("said that …") is not an introducer
            if (e + 1..r.end).any(|x| doc.is(x, &["que", "qu'", "qu’", "that"]))
                || bare_clause(doc, k, e + 1).is_some()
            {
                return None;
            }
            return speaker::inverted(doc, k)
                .map(|x| x.0)
                .or_else(|| speaker::subject_left(doc, k))
                .or_else(|| speaker::subject_right(doc, e + 1).map(|x| x.0))
                .filter(|m| m.kind != speaker::Kind::FirstPerson);
        }
    }
    if r.clone().any(|k| doc.info[k].region.is_some()) {
        return None;
    }
    // the subject: a name or pronoun opening the sentence, or a name in
    // apposition to its first phrase ("Le président de l'UVM, Jean-Marc Lhuillier, se montre…")
    let limit = (r.start + 12).min(r.end);
    let mut k = r.start;
    while k < limit {
        let m = speaker::first_mention(doc, k, limit)?;
        let a = doc.tok_at(m.span.start);
        let b = doc.tok_at(m.span.end);
        let opening =
            a <= r.start + 2 && (r.start..a).all(|x| doc.det(x) || speaker::is_title(doc, x));
        let apposition = a > r.start
            && doc.t(a - 1) == ","
            && b < r.end
            && doc.t(b) == ","
            && !(r.start..a - 1).any(|x| doc.punct(x));
        if m.kind == speaker::Kind::Pronoun && a == r.start
            || m.kind == speaker::Kind::Name && (opening || apposition)
        {
            return Some(m);
        }
        k = b.max(k + 1);
    }
    None
}

/// A quote without cue continues the previous speaker when it is in the
/// same or the next paragraph, at most two sentences later.
fn close_enough(doc: &Doc, prev_end: usize, start: usize) -> bool {
    let gap = &doc.text[prev_end.min(start)..start];
    let paragraphs = gap.matches("\n\n").count();
    if paragraphs > 1 {
        return false;
    }
    let a = doc.tok_at(prev_end);
    let b = doc.tok_at(start);
    let sents = doc
        .sent_of
        .get(b.min(doc.toks.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0) as i64
        - doc
            .sent_of
            .get(a.min(doc.toks.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as i64;
    sents <= 3
}

#[cfg(test)]
mod tests;
