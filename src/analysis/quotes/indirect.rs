//! Stage 1b: indirect quotes.
//!
//! French follows the guidelines' two constructions and nothing else:
//!
//! * a speech verb and its `que` clause (`X a déclaré que …`, `estimant
//!   qu'…`, `X a confié aux enquêteurs que …`): [`que_report`];
//! * `selon X,` / `d'après X,` heading a clause, after a fronted adverbial,
//!   or as an incise inside it: [`according_report`].
//!
//! The span is the reported clause, to its end ([`clause_end`]); two
//! coordinated `que` clauses give two quotes; a clause holding a direct
//! quote gives only the direct quote. Postposed attributions (`…, selon
//! X.`, `…, a indiqué la police.`) and infinitive complements (`a assuré
//! être prêt`) are not indirect quotes in French news.
//!
//! English keeps its own patterns ([`english`]): bare clauses after
//! "said", postposed "…, the agency said." and "…, according to X.".

use super::*;
use crate::analysis::lexicon;
use crate::analysis::people::phrases::{OPENING_PREPOSITIONS_FR, clause_head};

/// Indirect speech: "X a déclaré que …", "selon X, …", "he said (that) …".
pub(super) fn indirect(doc: &Doc, out: &mut Vec<Found>) {
    if doc.lang == Lang::Fr {
        french(doc, out);
    } else {
        english(doc, out);
    }
}

const QUE: &[&str] = &["que", "qu'", "qu’"];

fn french(doc: &Doc, out: &mut Vec<Found>) {
    // the direct quotes found so far: a clause holding one is not indirect
    let direct: Vec<Span> = out.iter().map(|f| f.span).collect();
    let n = doc.toks.len();
    let mut k = 0;
    while k < n {
        if doc.info[k].region.is_some() {
            k += 1;
            continue;
        }
        let next =
            according_report(doc, k, &direct, out).or_else(|| que_report(doc, k, &direct, out));
        k = next.map_or(k + 1, |x| x.max(k + 1));
    }
}

/// Pushes the indirect quote over tokens `a..b` unless it holds a direct
/// quote (then only the direct quote counts) or is under two words.
fn push(
    doc: &Doc,
    out: &mut Vec<Found>,
    direct: &[Span],
    (a, b): (usize, usize),
    mention: Option<Mention>,
    cue: Span,
) {
    let (a, b) = trim_tokens(doc, a, b);
    if b <= a || count_words(doc, a, b) < 2 {
        return;
    }
    let span = marks::trim(doc.text, doc.toks[a].span.start, doc.toks[b - 1].span.end);
    if direct.iter().any(|d| d.overlaps(span)) || out.iter().any(|f| f.span.overlaps(span)) {
        return;
    }
    out.push(Found {
        span,
        kind: QuoteKind::Indirect,
        mention,
        cue: Some(cue),
        chain: None,
    });
}

/// Tokens `a..b` without punctuation at either end ("que, pour eux, …",
/// "…de la rue)."); "23 %" keeps its sign, "(Insee)" its bracket.
fn trim_tokens(doc: &Doc, mut a: usize, mut b: usize) -> (usize, usize) {
    let edge = |x: usize| {
        doc.info[x].region.is_none()
            && matches!(
                doc.t(x),
                "." | "," | ";" | ":" | "!" | "?" | "…" | "..." | "-" | "–" | "—"
            )
    };
    loop {
        if a < b && edge(a) {
            a += 1;
        } else if b > a && (edge(b - 1) || doc.t(b - 1) == ")" && !(a..b).any(|x| doc.t(x) == "("))
        {
            b -= 1;
        } else {
            return (a, b);
        }
    }
}

// ---------------------------------------------------------------------------
// speech verb + que

/// "X a déclaré que …" with the verb at `k`: pushes the reported clauses
/// and returns the token to go on from.
fn que_report(doc: &Doc, k: usize, direct: &[Span], out: &mut Vec<Found>) -> Option<usize> {
    let (v, e) = reporting_verb(doc, k)?;
    let q = complementizer(doc, e)?;
    if q + 1 >= doc.toks.len() || restrictive(doc, v, e, q) {
        return None;
    }
    let cue = Span::new(doc.toks[v].span.start, doc.toks[e].span.end);
    let ss = doc.sentence_start(k);
    let gerund = doc.info[k].cue == Some(Form::Gerund);
    // "Affirmant qu'il n'existait pas de chiffres, il a critiqué …": a
    // fronted participial clause ends where its subject appears
    let heads = |x: usize| x == ss || x == clause_head(doc, ss);
    // "Après avoir rappelé que …, Anne Martin a quitté": so does a fronted
    // past infinitive
    let fronted = gerund && heads(k)
        || doc.is(k, &["avoir"]) && k > 0 && doc.is(k - 1, &["après", "pour"]) && heads(k - 1);
    let (end, fronted_subject) = if fronted {
        match subject_after_participle(doc, q + 1) {
            Some((c, m)) => (c, Some(m)),
            None => (clause_end(doc, q + 1, direct), None),
        }
    } else {
        (clause_end(doc, q + 1, direct), None)
    };
    let mention = match fronted_subject {
        Some(m) => Some(m),
        None => que_subject(doc, k, v)?,
    };
    if mention.is_some_and(|m| m.kind == mentions::Kind::FirstPerson) {
        // the journalist ("on note que") or a first-person text: no report
        return Some(end);
    }
    for piece in coordinated(doc, q + 1, end) {
        push(doc, out, direct, piece, mention, cue);
    }
    Some(end)
}

/// A speech verb used to report at `k`: (first token of the cue, last
/// token). Finite verbs with their auxiliary, gerunds, and infinitives
/// after a verb of intent ("a tenu à préciser", "vient d'annoncer").
fn reporting_verb(doc: &Doc, k: usize) -> Option<(usize, usize)> {
    let e = match doc.cue_at(k) {
        Some(e) => e,
        // "a tenu à rappeler que", "a voulu préciser que"
        None if doc.info[k].cue == Some(Form::Infinitive)
            && k > 0
            // "Force est de constater que", "Il est à noter que", "il
            // convient de rappeler que": the journalist's remark
            && !impersonal(doc, k)
            && (doc.is(k - 1, &["à", "de", "d'", "d’"])
                || doc.is(k - 1, INTENT)
                || k > 1 && doc.is(k - 2, INTENT)) =>
        {
            k
        }
        // "après avoir rappelé que", "affirme avoir dit que", "ayant
        // annoncé que"
        None if doc.is(k, &["avoir", "ayant"])
            && let Some(p) = (k + 1..(k + 3).min(doc.toks.len()))
                .find(|&x| !doc.is_adverb(x) && !doc.manner_adverb(x))
            && doc.info[p].cue == Some(Form::Participle) =>
        {
            p
        }
        // "a pour sa part révélé que", "a, de son côté, affirmé que"
        None if doc.info[k].aux
            && let Some(p) = past_insert(doc, k + 1) =>
        {
            p
        }
        None => return None,
    };
    // "a fait savoir que", "fait remarquer que" (not "a fait que")
    let e = if doc.info[e].faire {
        if e + 1 < doc.toks.len() && lexicon::completes_faire(&doc.t(e + 1).to_lowercase()) {
            e + 1
        } else {
            return None;
        }
    } else {
        e
    };
    if !reports_with_que(doc, e) {
        return None;
    }
    // "Maintenant que …", "ne contrôlent maintenant que": the adverb, not
    // the gerund of "maintenir" (which reports after "en")
    if doc.is(k, &["maintenant"]) && !(k > 0 && doc.is(k - 1, &["en"])) {
        return None;
    }
    // "Rappelons que", "Notons que": the journalist's imperative
    let ss = doc.sentence_start(k);
    if (k == ss || k == clause_head(doc, ss)) && {
        let w = doc.t(k);
        w.ends_with("ons") || w.ends_with("ez")
    } {
        return None;
    }
    // "une note que", "de critique que": a noun, not a verb
    if doc.info[k].cue == Some(Form::Finite)
        && k > 0
        && (doc.det(k - 1)
            || doc.is(
                k - 1,
                &[
                    "de", "d'", "d’", "à", "en", "par", "pour", "sans", "dans", "sur", "du", "des",
                ],
            ))
    {
        return None;
    }
    // "il est dit que", "il a été annoncé que": an agentless passive (a
    // pronominal verb keeps être: "s'est félicité que")
    if doc.is(
        k,
        &["est", "sont", "était", "étaient", "sera", "serait", "fut"],
    ) && !(k > 0 && doc.is(k - 1, &["s'", "s’", "se"]))
    {
        return None;
    }
    if k > 0 && doc.is(k - 1, &["été"]) {
        return None;
    }
    // "les scientifiques en ont conclu que": an inference
    let lemma = lemma(doc, e);
    if lemma == Some("conclure") && (k.saturating_sub(2)..k).any(|x| doc.is(x, &["en"])) {
        return None;
    }
    // "…, estimant que …" after "il pensait que …": the gerund goes on
    // with the belief, not a statement
    if doc.info[k].cue == Some(Form::Gerund) && cognition_before(doc, k) {
        return None;
    }
    Some((k, e))
}

/// The speech participle after an auxiliary and an inserted phrase ("a
/// pour sa part révélé", "a, de son côté, affirmé", "a quant à lui
/// estimé", "a lui aussi indiqué"), within seven tokens.
fn past_insert(doc: &Doc, a: usize) -> Option<usize> {
    let n = doc.toks.len();
    let mut j = a;
    while j < n && j < a + 8 {
        if doc.info[j].region.is_some() {
            return None;
        }
        if doc.info[j].cue == Some(Form::Participle) {
            // something must stand between, else cue_at would have found it
            return (j > a).then_some(j);
        }
        let insert = doc.t(j) == ","
            || doc.is_adverb(j)
            || doc.manner_adverb(j)
            || doc.is_date(j)
            || doc.is(
                j,
                &[
                    "pour",
                    "sa",
                    "son",
                    "leur",
                    "part",
                    "de",
                    "côté",
                    "quant",
                    "à",
                    "lui",
                    "elle",
                    "eux",
                    "elles",
                    "aussi",
                    "lui-même",
                    "elle-même",
                    "tour",
                    "nouveau",
                    "en",
                    "effet",
                    "par",
                    "ailleurs",
                    "outre",
                    "d'ailleurs",
                    "d’ailleurs",
                    "toutefois",
                    "cependant",
                    "pourtant",
                    "également",
                    "enfin",
                    "ensuite",
                    "tort",
                    "déjà",
                    "encore",
                    "hier",
                    "soir",
                    "matin",
                    // "avait un temps annoncé"
                    "un",
                    "temps",
                ],
            );
        if !insert {
            return None;
        }
        j += 1;
    }
    None
}

/// "Force est de constater que", "Il est aussi à noter que", "il est pour
/// le moins troublant de remarquer que": an infinitive under an impersonal
/// verb is the journalist's remark.
fn impersonal(doc: &Doc, k: usize) -> bool {
    if k < 2 || !doc.is(k - 1, &["à", "de", "d'", "d’"]) {
        return false;
    }
    let verbs = [
        "est", "était", "serait", "sera", "convient", "reste", "faut", "semble",
    ];
    let mut b = k - 2;
    while b > 0 && doc.is_adverb(b) {
        b -= 1;
    }
    if doc.is(b, &verbs) {
        return true;
    }
    // "il est (pour le moins) troublant de": an impersonal "il est" opening
    // the clause, a few words before
    let ss = doc.sentence_start(k);
    (k.saturating_sub(8).max(ss)..k - 1)
        .any(|x| doc.is(x, &["il", "Il"]) && doc.is(x + 1, &verbs) && (x == ss || doc.punct(x - 1)))
}

/// "ne relèvent que du civil", "n'a dit que la vérité": "ne … que" means
/// "only", not a reported clause.
fn restrictive(doc: &Doc, v: usize, e: usize, q: usize) -> bool {
    let mut b = v;
    // past clitics, auxiliaries and modals: "n'ont pu relever qu'une
    // empreinte"
    while b > 0
        && b + 4 > v
        && (doc.is(
            b - 1,
            &[
                "le", "la", "les", "l'", "l’", "lui", "leur", "se", "s'", "s’", "y", "en",
            ],
        ) || doc.info[b - 1].aux
            || doc.is(b - 1, INTENT))
    {
        b -= 1;
    }
    b > 0
        && doc.is(b - 1, &["ne", "n'", "n’"])
        && !(v..q).any(|x| {
            doc.is(
                x,
                &[
                    "pas",
                    "plus",
                    "jamais",
                    "rien",
                    "guère",
                    "point",
                    "aucunement",
                    "nullement",
                ],
            )
        })
        && e < q
}

/// Verbs of intent before an infinitive speech verb.
const INTENT: &[&str] = &[
    "veut",
    "voulait",
    "voulu",
    "souhaite",
    "souhaitait",
    "souhaité",
    "tient",
    "tenait",
    "tenu",
    "vient",
    "venait",
    "peut",
    "pouvait",
    "pu",
    "doit",
    "devait",
    "dû",
    "entend",
    "entendait",
];

/// The lemma of the speech verb whose last token is `e`.
fn lemma(doc: &Doc, e: usize) -> Option<&'static str> {
    lexicon::lookup(Lang::Fr, &doc.t(e).to_lowercase()).map(|c| c.lemma)
}

/// Whether the verb ending at `e` reports speech with a `que` clause: not
/// thought or wishes ("pense que", "espère que", "souhaite que").
fn reports_with_que(doc: &Doc, e: usize) -> bool {
    !matches!(
        lemma(doc, e),
        Some(
            "penser"
                | "espérer"
                | "souhaiter"
                | "réfléchir"
                | "rassurer"
                | "menacer"
                | "interroger"
                | "questionner"
                | "continuer"
                | "enchaîner"
                | "applaudir"
        )
    )
}

/// A verb of belief earlier in the sentence ("il pensait que …, estimant
/// que …").
fn cognition_before(doc: &Doc, k: usize) -> bool {
    let ss = doc.sentence_start(k);
    (ss..k).any(|x| {
        doc.info[x].region.is_none() && {
            let w = doc.t(x).to_lowercase();
            lemma(doc, x) == Some("penser")
                || w.starts_with("croi")
                || w.starts_with("croy")
                || w.starts_with("imagin")
                || w.starts_with("soupçonn")
        }
    })
}

/// Words that open a time phrase after a verb ("ce mercredi", "cette
/// semaine", "le 6 décembre").
const TIME: &[&str] = &[
    "hier",
    "aujourd'hui",
    "aujourd’hui",
    "soir",
    "matin",
    "midi",
    "après-midi",
    "dernier",
    "dernière",
    "prochain",
    "prochaine",
    "même",
    "semaine",
    "mois",
    "week-end",
    "jour",
    "tard",
    "tôt",
    "ensuite",
    "puis",
    "quant",
    "part",
    "côté",
    "lui",
    "elle",
    "eux",
    "lui-même",
    "elle-même",
    "aussi",
    "toutefois",
    "cependant",
    "néanmoins",
    "pourtant",
    "d'ailleurs",
    "d’ailleurs",
    "bien",
    "tout",
    "cette",
    "ce",
    "cet",
];

/// Words that make a conjunction with `que` ("alors que", "ainsi que",
/// "bien que", "parce que", "plutôt que").
const CONJUNCTION: &[&str] = &[
    "alors",
    "ainsi",
    "bien",
    "parce",
    "tandis",
    "dès",
    "sans",
    "pour",
    "afin",
    "avant",
    "après",
    "plutôt",
    "tant",
    "autant",
    "plus",
    "moins",
    "si",
    "lors",
    "pendant",
    "depuis",
    "sauf",
    "outre",
    "tel",
    "telle",
    "tels",
    "telles",
    "jusqu'à",
    "jusqu’à",
    "malgré",
];

/// Prepositions of an adjunct between a verb and its `que` ("à l'AFP", "dans
/// un communiqué", "sur BFMTV", "lors d'une conférence de presse").
const PREPS: &[&str] = &[
    "à", "au", "aux", "dans", "sur", "par", "devant", "auprès", "lors", "via", "pour", "en",
    "chez", "depuis", "pendant", "après", "avant", "vers", "face", "de", "du", "des", "d'", "d’",
];

/// The `que` opening the verb's complement clause, past adjuncts: "a
/// déclaré lundi à l'AFP que", "a affirmé, dans un communiqué, que",
/// "argue, quant à lui, que". A direct object in between ("jugeaient
/// discriminatoire le fait que", "a critiqué la suggestion de") means the
/// `que` is not the verb's.
fn complementizer(doc: &Doc, e: usize) -> Option<usize> {
    let se = doc.sentence_end(e);
    let limit = (e + 18).min(se);
    let mut j = e + 1;
    let mut in_phrase = false;
    while j < limit {
        if doc.info[j].region.is_some() {
            return None;
        }
        if doc.is(j, QUE) {
            // "à ce que", "le fait que": a noun's clause; "alors que",
            // "ainsi que", "parce que": a conjunction
            // ("précise bien que" keeps its adverb)
            let conjunction =
                doc.is(j - 1, CONJUNCTION) && !(j - 1 == e + 1 && doc.is(j - 1, &["bien"]));
            return (!doc.is(j - 1, &["ce", "fait"]) && !conjunction).then_some(j);
        }
        if doc.punct(j) {
            match doc.t(j) {
                "," => in_phrase = false,
                "-" | "–" | "(" | ")" | "'" | "’" => {}
                _ => return None,
            }
            j += 1;
            continue;
        }
        // "estime dans sa note d'analyse que": after a determiner or "de" a
        // cue word is a noun
        if (doc.cue_at(j).is_some() || doc.info[j].aux)
            && !doc.det(j - 1)
            && !doc.is(j - 1, &["de", "d'", "d’"])
        {
            return None;
        }
        if doc.is(j, PREPS) {
            in_phrase = true;
        } else if !(in_phrase
            || doc.is_adverb(j)
            || doc.manner_adverb(j)
            || doc.is_date(j)
            || doc.is(j, TIME)
            || doc.toks[j].kind == TokenKind::Number
            // "le 6 décembre"
            || doc.is(j, &["le"]) && j + 1 < se && doc.toks[j + 1].kind == TokenKind::Number
            // "22 mars", "1er mai"
            || doc.is(j, &["mars", "mai"]) && doc.toks[j - 1].kind == TokenKind::Number)
            || doc.is(j, &["qui", "dont", "où", "si", "comme", "ne", "n'", "n’"])
        {
            return None;
        }
        j += 1;
    }
    None
}

/// The source of a `que` report at verb `k` (first cue token `v`): `None`
/// when the construction is no report, `Some(None)` for a report whose
/// source is not named here.
fn que_subject(doc: &Doc, k: usize, v: usize) -> Option<Option<Mention>> {
    if let Some((m, _)) = sources::inverted(doc, v) {
        return Some(Some(m));
    }
    if doc.info[k].cue == Some(Form::Gerund) || doc.is(k, &["avoir", "ayant"]) {
        // ", estimant que", "en affirmant que", "tout en précisant que": the
        // sentence's speaker, else its subject
        // inside brackets the gerund goes with the bracketed clause ("(la
        // veille, X a approuvé cela en racontant que …)")
        let bracketed = open_bracket(doc, k).is_some();
        return Some(
            sentence_speaker(doc, k)
                .or_else(|| (!bracketed).then(|| apposed_name(doc, k)).flatten())
                .or_else(|| sources::gerund_subject(doc, k)),
        );
    }
    // "a tenu à préciser que": the subject of the verb of intent
    let mut g = v;
    if doc.info[v].cue == Some(Form::Infinitive) {
        g = v - 1;
        while g > 0 && (doc.is(g, &["à", "de", "d'", "d’"]) || doc.is_adverb(g)) {
            g -= 1;
        }
    }
    let mut b = g;
    while b > 0 && (doc.is_adverb(b - 1) || doc.info[b - 1].aux) {
        b -= 1;
    }
    if let Some(m) = sources::subject_left(doc, g) {
        // "Francis Palombi, président de la Confédération des commerçants
        // a affirmé": the name the role stands in apposition to
        if m.kind == mentions::Kind::Phrase
            && let Some(n) = opening_subject(doc, b)
            && n.kind == mentions::Kind::Name
            && n.span.end < m.span.start
            && doc.info[doc.tok_at(n.span.start)].entity != Some(crate::analysis::Label::Loc)
            && {
                let r = doc.tok_at(n.span.end) + 1;
                r < b && (mentions::is_role(doc, r) || doc.det(r) && mentions::is_role(doc, r + 1))
            }
        {
            return Some(Some(n));
        }
        return Some(Some(m));
    }
    if let Some(m) = quoted_subject(doc, b) {
        return Some(Some(m));
    }
    // "… et fait savoir que": a verb coordinated with the sentence's first
    if b > 0 && doc.is(b - 1, &["et", "puis", "mais"]) {
        let ss = doc.sentence_start(k);
        let cs = clause_head(doc, ss);
        if let Some((m, end)) = sources::subject_right(doc, cs)
            && end < b
        {
            return Some(Some(m));
        }
    }
    Some(opening_subject(doc, b))
}

/// A medium or body named in quotation marks opening the clause before the
/// verb at `b`: "« Quotidien » a affirmé que", "« Le Monde » révèle que".
fn quoted_subject(doc: &Doc, b: usize) -> Option<Mention> {
    if b < 3 || !doc.in_quoted_name(b - 1) {
        return None;
    }
    let r = doc.info[b - 1].region;
    let mut a = b - 1;
    while a > 0 && doc.info[a - 1].region == r {
        a -= 1;
    }
    let (na, nb, _) = doc.quoted_name_words(a)?;
    (a == clause_start(doc, doc.sentence_start(b))
        && !(na..nb).any(|x| doc.punct(x) || mentions::pronoun(doc, x).is_some()))
    .then(|| mentions::name_mention(doc, na, nb))
}

/// The noun phrase opening the clause of the verb at `b` when only an
/// apposition or a relative clause stands between them, which the subject
/// finder could not read whole (a quoted fragment, brackets, two
/// appositions): "Trump, qui juge ces règles « trop lourdes », argue que",
/// "Victor Buso, un astronome de Rosario (Argentine), remarque que",
/// "Nicolas Hulot, ministre d'État, ministre de la Transition écologique,
/// a annoncé", "Il a maintenant dit que".
pub(super) fn opening_subject(doc: &Doc, b: usize) -> Option<Mention> {
    let cs = clause_start(doc, doc.sentence_start(b));
    let (m, end) = sources::subject_right(doc, cs)?;
    if m.kind == mentions::Kind::FirstPerson || end > b || doc.tok_at(m.span.start) != cs {
        return None;
    }
    // the verb group: auxiliaries and adverbs ("a maintenant dit")
    let mut v = b;
    while v > end
        && (doc.info[v - 1].aux
            || doc.is_adverb(v - 1)
            || doc.manner_adverb(v - 1)
            || doc.is(v - 1, &["maintenant", "déjà", "encore", "aussi", "alors"]))
    {
        v -= 1;
    }
    if v == end {
        return Some(m);
    }
    // an apposition or a relative clause after a comma, with no verb of
    // its own outside the relative clause
    if doc.t(end) != "," {
        return None;
    }
    let relative = doc.is(end + 1, &["qui", "dont"]);
    let mut open = 0usize;
    for x in end + 1..v {
        if doc.info[x].region.is_some() {
            continue;
        }
        match doc.t(x) {
            "(" => open += 1,
            ")" => open = open.saturating_sub(1),
            "." | ";" | ":" | "!" | "?" | "«" | "»" => return None,
            _ => {}
        }
        let verb = doc.info[x].aux
            || doc.info[x].cue == Some(Form::Finite)
            || doc.is(x, QUE)
            || doc.is(
                x,
                &[
                    "est", "sont", "était", "étaient", "sera", "seront", "serait",
                ],
            );
        if verb && !relative && open == 0 {
            return None;
        }
    }
    // a relative clause must close with its comma before the verb
    (!relative || doc.t(v - 1) == ",").then_some(m)
}

/// The first word of the clause opening at `ss`, past a fronted adverbial
/// ("Vers 14h45, …", "En 2016, …").
fn clause_start(doc: &Doc, ss: usize) -> usize {
    let cs = clause_head(doc, ss);
    match comma_within(doc, ss + 1, 10) {
        Some(c) if cs == ss && fronted_adverbial(doc, ss, c + 1) => c + 1,
        _ => cs,
    }
}

/// The bracket opened before token `k` in its sentence and not closed.
fn open_bracket(doc: &Doc, k: usize) -> Option<usize> {
    let ss = doc.sentence_start(k);
    let mut depth = 0usize;
    for x in (ss..k).rev() {
        if doc.info[x].region.is_some() {
            continue;
        }
        match doc.t(x) {
            ")" => depth += 1,
            "(" if depth == 0 => return Some(x),
            "(" => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The speaker of the sentence holding token `k`: the subject of its first
/// cue (an inversion, or the subject before the verb); inside brackets,
/// of the bracketed clause.
pub(super) fn sentence_speaker(doc: &Doc, k: usize) -> Option<Mention> {
    let ss = open_bracket(doc, k).map_or(doc.sentence_start(k), |o| o + 1);
    (ss..k).find_map(|x| {
        if let Some((m, _)) = sources::inverted(doc, x) {
            return Some(m);
        }
        if doc.info[x].region.is_none()
            && doc.cue_at(x).is_some()
            && doc.info[x].cue != Some(Form::Gerund)
        {
            return sources::subject_left(doc, x);
        }
        None
    })
}

/// The name in apposition to the subject opening the sentence of token
/// `k`: "Le ministre des Finances, Michel Sapin, affiche …, estimant que".
fn apposed_name(doc: &Doc, k: usize) -> Option<Mention> {
    let cs = clause_head(doc, doc.sentence_start(k));
    let c = (cs + 1..k.min(cs + 12)).find(|&x| doc.t(x) == ",")?;
    if (cs..c).any(|x| doc.info[x].aux || doc.cue_at(x).is_some() || doc.info[x].region.is_some()) {
        return None;
    }
    let m = sources::first_mention(doc, c + 1, k)?;
    let end = doc.tok_at(m.span.end);
    (m.kind == mentions::Kind::Name
        && doc.tok_at(m.span.start) == c + 1
        && end < k
        && doc.t(end) == ",")
        .then_some(m)
}

/// After a fronted participial clause starting at `s`, the comma and the
/// subject of the main clause: "Affirmant que …, il a critiqué".
fn subject_after_participle(doc: &Doc, s: usize) -> Option<(usize, Mention)> {
    let se = doc.sentence_end(s);
    (s + 1..se).find_map(|c| {
        if doc.t(c) != "," || doc.info[c].region.is_some() {
            return None;
        }
        let (m, after) = sources::subject_right(doc, c + 1)?;
        let verb = after < se
            && (doc.info[after].aux || doc.cue_at(after).is_some() || doc.is_adverb(after));
        (m.kind == mentions::Kind::Pronoun || m.kind == mentions::Kind::Name && verb)
            .then_some((c, m))
    })
}

/// Coordinated `que` clauses in tokens `s..end`: "qu'ils ont reçu le
/// paiement et que Neymar n'est plus sous contrat" gives two.
fn coordinated(doc: &Doc, s: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = s;
    let mut x = s + 1;
    while x < end {
        if doc.info[x].region.is_none()
            && doc.is(x, QUE)
            && (doc.is(x - 1, &["et", "mais", "ou", "puis"]) || doc.t(x - 1) == ",")
        {
            // the comma or the conjunction stays out
            out.push((a, x - 1));
            a = x + 1;
        }
        x += 1;
    }
    out.push((a, end));
    out
}

/// End (exclusive token index) of the reported clause starting at `s`: the
/// sentence's end, or before a colon or semicolon, a new cue after a comma
/// (", ajoutant que", ", a précisé X"), "tout en ajoutant", a postposed
/// "…, selon X." or a quoted remark of its own (", « cela va de soi »").
fn clause_end(doc: &Doc, s: usize, direct: &[Span]) -> usize {
    if s >= doc.toks.len() {
        return s;
    }
    let end = doc.sentence_end(s);
    let mut x = s;
    while x < end {
        if let Some(r) = doc.info[x].region {
            let mut y = x;
            while y < end && doc.info[y].region == Some(r) {
                y += 1;
            }
            // ", « cela va de soi »": a quoted remark of its own after the
            // clause; a quoted fragment inside it stays in
            let (from, to) = (doc.toks[x].span.start, doc.toks[y - 1].span.end);
            let own = x > s
                && doc.t(x - 1) == ","
                && direct.iter().any(|d| d.start >= from && d.end <= to)
                && opens_with_subject(doc, x + 1)
                && finite_clause(doc, s, x - 1);
            if own {
                x -= 1;
                break;
            }
            x = y;
            continue;
        }
        if matches!(doc.t(x), ";" | ":") {
            break;
        }
        if x > s && doc.t(x) == "," && x + 1 < end && ends_report(doc, x + 1, end) {
            break;
        }
        // "…, et annonce la fermeture": the main subject's next verb
        if x > s + 1
            && doc.is(x, &["et", "mais", "puis"])
            && doc.t(x - 1) == ","
            && x + 1 < end
            && doc.cue_at(x + 1).is_some()
        {
            x -= 1;
            break;
        }
        // "… et les démocrates avaient demandé que": another speaker's report
        // (not a coordinated subject: "que le Président et le Premier
        // ministre souhaitent")
        if x > s
            && doc.is(x, &["et", "mais", "puis"])
            && has_verb(doc, s, x)
            && let Some((_, after)) = sources::subject_right(doc, x + 1)
            && after < end
            && doc.cue_at(after).is_some()
        {
            break;
        }
        // "X, nombre d'agents estimant qu'il n'est pas fait pour ce poste, est
        // un partisan …": the main clause's verb resumes after the incise
        if x > s
            && doc.t(x) == ","
            && x + 2 < end
            && doc.is(
                x + 1,
                &[
                    "est", "sont", "était", "étaient", "sera", "seront", "ont", "avait", "avaient",
                    "reste", "demeure",
                ],
            )
            && !doc.punct(x + 2)
            // a comma or a relative before may close an inserted clause ("la
            // femme qui a été blessée samedi, est décédée")
            && !(s..x).any(|y| doc.t(y) == "," || doc.is(y, &["qui", "dont", "où", "que", "qu'", "qu’"]))
        {
            break;
        }
        // "… tout en ajoutant que", "… en affirmant"
        if x > s + 1
            && doc.is(x, &["en"])
            && doc
                .info
                .get(x + 1)
                .is_some_and(|i| i.cue == Some(Form::Gerund))
        {
            if doc.is(x - 1, &["tout"]) {
                x -= 1;
            }
            break;
        }
        x += 1;
    }
    let (_, b) = trim_tokens(doc, s, x);
    b
}

/// Whether the words from token `p`, after a comma, leave the reported
/// clause: a gerund cue, "sans", an inverted cue, a postposed "selon X.".
fn ends_report(doc: &Doc, p: usize, end: usize) -> bool {
    if doc.is(p, &["sans", "avant", "ajoutant", "estimant", "précisant"])
        || doc.info[p].cue == Some(Form::Gerund)
        || sources::inverted(doc, p).is_some()
    {
        return true;
    }
    // ", a indiqué la police.", ", précise le ministère"
    if doc
        .cue_at(p)
        .is_some_and(|e| sources::subject_right(doc, e + 1).is_some())
        && !doc.info[p].cap
    {
        return true;
    }
    // "…, selon la préfecture." ends the sentence
    if let Some((_, xe, _)) = sources::according(doc, p) {
        return xe + 1 >= end || matches!(doc.t(xe + 1), "." | "!" | "?" | ";" | ":");
    }
    false
}

/// Whether tokens `a..b` hold a finite clause (an auxiliary, a negation, a
/// subject pronoun or a finite speech verb), not a phrase ("aller trop loin
/// dans l'interdiction, « c'est mauvais »" is one clause with the quote).
fn finite_clause(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|x| {
        doc.info[x].region.is_none()
            && (doc.info[x].aux
                || doc.info[x].cue == Some(Form::Finite)
                || doc.is(
                    x,
                    &[
                        "ne", "n'", "n’", "il", "elle", "ils", "elles", "on", "sont", "était",
                        "étaient", "sera", "seront", "serait", "seraient", "va", "vont", "peut",
                        "peuvent", "doit", "doivent", "fut",
                    ],
                ))
    })
}

/// Whether tokens `a..b` hold a conjugated verb: a finite clause, or a
/// verb by its ending ("pourrait", "avaient").
fn has_verb(doc: &Doc, a: usize, b: usize) -> bool {
    finite_clause(doc, a, b)
        || (a..b).any(|x| {
            let w = doc.t(x);
            !doc.info[x].cap
                && doc.info[x].region.is_none()
                && (w.ends_with("aient") || w.ends_with("rait") || w.ends_with("ront"))
        })
}

/// Whether the quoted words at token `i` open with a subject: a remark of
/// its own ("cela va de soi"), not the clause's continuation.
fn opens_with_subject(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len()
        && doc.is(
            i,
            &[
                "cela", "ça", "c'", "c’", "ce", "il", "elle", "ils", "elles", "on", "je", "j'",
                "j’", "nous", "vous", "tu",
            ],
        )
}

// ---------------------------------------------------------------------------
// selon X, / d'après X,

/// "selon X" / "d'après X" at `k` heading a clause ("Selon la police, …",
/// "En 2016, selon l'Insee, …", "Toujours selon le chauffeur, …") or as an
/// incise inside it ("Les chiffres, selon le Métro, sont de …"): pushes
/// the reported clause and returns the token to go on from.
fn according_report(doc: &Doc, k: usize, direct: &[Span], out: &mut Vec<Found>) -> Option<usize> {
    let (cue, xe, m) = selon_source(doc, k)?;
    let mut ss = doc.sentence_start(k);
    // "24 janvier 2017. – Selon X, …": past a dash opening the line
    while ss < k && matches!(doc.t(ss), "–" | "—" | "-") {
        ss += 1;
    }
    let se = doc.sentence_end(k);
    let after = xe + 1;
    if after >= se || matches!(doc.t(after), "." | "!" | "?" | ";") {
        // "…, selon X." after the words: postposed, not marked in French
        return Some(after);
    }
    let comma_after = doc.t(after) == ",";
    let (a, b) = if k == ss || fronted_adverbial(doc, ss, k) {
        // "Selon X, CLAUSE" (also without the comma: "Selon le chauffeur la
        // direction …")
        let a = if comma_after {
            match past_apposition(doc, after + 1, se, &m) {
                Some(a) => a,
                None => return Some(after),
            }
        } else {
            after
        };
        (a, clause_end(doc, a, direct))
    } else if comma_after
        && (k > ss + 1 && doc.t(k - 1) == "," && doc.is(k - 2, &["et", "mais", "or"])
            || k > ss && doc.is(k - 1, &["et", "mais", "or"]))
    {
        // "… assure l'intérim et, selon Reuters, CLAUSE": heading the
        // coordinated clause
        let a = after + 1;
        (a, clause_end(doc, a, direct))
    } else if k > ss && doc.t(k - 1) == "," && comma_after {
        // an incise: "qui, selon Mistral, est comparable …," reports the
        // relative clause up to its comma
        if k >= ss + 2 && doc.is(k - 2, &["qui", "que", "qu'", "qu’"]) {
            let a = after + 1;
            let b = (a..se)
                .find(|&x| doc.t(x) == "," && doc.info[x].region.is_none())
                .unwrap_or_else(|| clause_end(doc, a, direct));
            (a, b.min(clause_end(doc, a, direct)))
        } else if incise_inside_clause(doc, ss, k, after + 1) {
            // "Les chiffres corrects, selon le Métro lui-même, sont de …": the
            // whole clause, the incise inside it
            (ss, clause_end(doc, ss, direct))
        } else {
            return Some(after);
        }
    } else {
        return Some(after);
    };
    push(doc, out, direct, (a, b), Some(m), cue);
    Some(b.max(after))
}

/// "selon X" / "d'après X" at `k` with X a source of information: the cue,
/// the last token of X, and X. Not "selon laquelle", "selon ce que", nor a
/// law ("selon le Code du travail", "d'après le droit").
fn selon_source(doc: &Doc, k: usize) -> Option<(Span, usize, Mention)> {
    let (cue, mut xe, mut m) = match sources::according(doc, k) {
        Some(x) => x,
        None => described_source(doc, k)?,
    };
    let start = doc.tok_at(cue.end);
    // "Selon les résultats transmis par la Haute autorité, CLAUSE", "Selon
    // les différents bilans qui se succèdent, …", "Selon l'Ufip (Union …),":
    // the source runs to its comma past words that cannot open the clause
    if xe + 1 < doc.toks.len()
        && (!doc.punct(xe + 1) || doc.is(xe + 1, &["("]))
        && !opens_clause(doc, xe + 1)
        && let Some(c) = comma_within(doc, xe + 1, 28)
        && !reports_in(doc, xe + 1, c)
    {
        xe = c - 1;
        if m.kind != mentions::Kind::Name {
            m = phrase(doc, start, c);
        }
    }
    if doc.is(
        start,
        &[
            "laquelle",
            "lequel",
            "lesquels",
            "lesquelles",
            "ce",
            "qui",
            "quoi",
        ],
    ) {
        return None;
    }
    // "Selon les premières estimations, Benoît Hamon l'emporterait": a name
    // after the comma is no apposition unless a comma closes it
    let first_comma = (start..xe).find(|&x| doc.t(x) == ",");
    if let Some(c) = first_comma
        && xe + 1 < doc.toks.len()
        && !doc.punct(xe + 1)
    {
        xe = c - 1;
        m = phrase(doc, start, c);
    }
    // "Selon le chauffeur la direction de la régie …": a second determiner
    // not after a preposition opens the clause
    if xe + 1 < doc.toks.len() && doc.t(xe + 1) != "," {
        let cut = (start + 2..=xe).find(|&x| {
            doc.is(x, &["le", "la", "les", "l'", "l’", "un", "une"])
                && !doc.is(
                    x - 1,
                    &[
                        "de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "par", "pour", "sur",
                    ],
                )
        });
        if let Some(c) = cut {
            xe = c - 1;
            m = phrase(doc, start, c);
        }
    }
    let m = named_source(doc, start, xe, m);
    // "des sources PS", "une source proche de l'Élysée": anonymous, whatever
    // name follows
    let anonymous = (start..doc.tok_at(m.span.start).min(xe + 1))
        .find(|&x| doc.is(x, &["source", "sources", "proche", "proches", "entourage"]));
    let m = match anonymous {
        Some(h) => phrase(doc, start, h + 1),
        None => m,
    };
    let head = (start..=xe)
        .find(|&x| !doc.det(x) && !doc.punct(x))
        .unwrap_or(start);
    if doc.is(
        head,
        &[
            "code",
            "droit",
            "loi",
            "lois",
            "constitution",
            "règlement",
            "article",
            "décret",
            "traité",
            "jurisprudence",
            "règles",
            "règle",
            "dictionnaire",
            "critères",
            "statuts",
            "norme",
            "normes",
            "définition",
        ],
    ) {
        return None;
    }
    Some((cue, xe, m))
}

/// The name a described source carries: "la Banque de France" is the
/// bank, "le rapport ComScore de 2015" and "l'agence de presse Belga" the
/// body named right after the noun; "la police de Paris" stays the police
/// (a name after a preposition is a place or an owner, not the source).
fn named_source(doc: &Doc, start: usize, xe: usize, m: Mention) -> Mention {
    if xe >= doc.toks.len() {
        return m;
    }
    if m.kind == mentions::Kind::Name {
        // a name cut at its connector ("Banque" of "Banque de France")
        let a = doc.tok_at(m.span.start);
        return if a >= start && a <= xe {
            with_connectors(doc, a, xe, m)
        } else {
            m
        };
    }
    if m.kind != mentions::Kind::Phrase {
        return m;
    }
    let mut h = start;
    while h < xe && doc.det(h) && !doc.info[h].cap {
        h += 1;
    }
    // "des sources PS", "une source proche de l'Élysée": anonymous
    if doc.is(h, &["source", "sources", "proche", "proches", "entourage"]) {
        return phrase(doc, start, h + 1);
    }
    let lower_word = |x: usize| {
        mentions::is_word(doc, x) && !doc.info[x].cap && !doc.det(x) && !doc.is(x, PREPS)
    };
    // "une étude de l'Observatoire des inégalités", "le sondage de l'Ifop",
    // "une enquête réalisée par l'Associated Press": a document is its
    // author's word
    if doc.is(h, DOCUMENTS)
        && let Some(a) = author(doc, h + 1, xe)
    {
        return match doc.named_entity_at(a) {
            Some(e) if e <= xe + 1 => mentions::name_mention(doc, a, e),
            _ => {
                // a name cut before its lowercase words ("la Haute autorité
                // de la primaire") is left to the phrase
                let n = with_connectors(doc, a, xe, m);
                let after = doc.tok_at(n.span.end);
                if after <= xe && mentions::is_word(doc, after) && !doc.is(after, PREPS) {
                    m
                } else {
                    n
                }
            }
        };
    }
    let a = if doc.info[h].cap {
        h
    } else {
        // the noun, up to two words ("agence de presse", "quotidien
        // économique"), then the name
        let mut x = h;
        let mut words = 0;
        loop {
            if x > xe || words > 3 {
                return m;
            }
            if doc.info[x].cap {
                if x > h && lower_word(x - 1) {
                    break x;
                }
                return m;
            }
            if !(lower_word(x) || doc.is(x, &["de", "d'", "d’"]) && x > h) {
                return m;
            }
            words += 1;
            x += 1;
        }
    };
    with_connectors(doc, a, xe, m)
}

/// Nouns of documents and figures that speak for their author.
const DOCUMENTS: &[&str] = &[
    "étude",
    "études",
    "enquête",
    "enquêtes",
    "sondage",
    "sondages",
    "rapport",
    "rapports",
    "communiqué",
    "article",
    "bilan",
    "note",
    "chiffres",
    "données",
    "estimations",
    "résultats",
    "décompte",
    "comptage",
    "statistiques",
    "dépêche",
    "analyse",
    "baromètre",
    "projections",
    "prévisions",
];

/// The first token of the author's name after a document noun, from `a`
/// to `xe`: past adjectives, then "de (l')", "du", "des" or a participle
/// and "par" ("publiée par la", "transmis par").
fn author(doc: &Doc, a: usize, xe: usize) -> Option<usize> {
    let mut x = a;
    // adjectives: "les résultats partiels", "une récente étude"
    while x < xe
        && x < a + 2
        && mentions::is_word(doc, x)
        && !doc.info[x].cap
        && !doc.function(x)
        && !doc.det(x)
        && !doc.is(x, PREPS)
        && !doc.is(x + 1, &["par"])
    {
        x += 1;
    }
    if x > xe {
        return None;
    }
    if doc.is(x, &["de", "d'", "d’", "du", "des"]) {
        x += 1;
    } else if x < xe && doc.is(x + 1, &["par"]) && !doc.info[x].cap {
        x += 2;
    } else {
        return None;
    }
    if x <= xe && doc.is(x, &["la", "l'", "l’", "le", "les"]) {
        x += 1;
    }
    (x <= xe && doc.info[x].cap && !doc.punct(x)).then_some(x)
}

/// The name from token `a` with its connectors, up to `xe`: "Banque de
/// France", "Cour des comptes"; `m` when it is no longer.
fn with_connectors(doc: &Doc, a: usize, xe: usize, m: Mention) -> Mention {
    let b = mentions::connected_name_end(doc, a, xe);
    if m.kind == mentions::Kind::Name && doc.toks[b - 1].span.end <= m.span.end {
        return m;
    }
    mentions::name_mention(doc, a, b)
}

/// "selon des policiers présents sur les lieux,", "selon certains
/// experts,": a source described without article, up to its comma (a
/// postposed "…, selon des médias." has none and is not a report).
fn described_source(doc: &Doc, k: usize) -> Option<(Span, usize, Mention)> {
    let start = if doc.is(k, &["selon"]) {
        k + 1
    } else if doc.is(k, &["d'", "d’"]) && doc.is(k + 1, &["après"]) {
        k + 2
    } else {
        return None;
    };
    if start >= doc.toks.len()
        || !doc.is(
            start,
            &[
                "des",
                "certains",
                "certaines",
                "plusieurs",
                "ces",
                "quelques",
                "nombre",
                "divers",
                "diverses",
                "d'autres",
                "d’autres",
                "de",
                "différents",
                "différentes",
                "nombreux",
                "nombreuses",
            ],
        )
    {
        return None;
    }
    let c = comma_within(doc, start + 1, 14)?;
    if (start..c).any(|x| doc.cue_at(x).is_some() || doc.info[x].aux || doc.is(x, QUE)) {
        return None;
    }
    let cue = Span::new(doc.toks[k].span.start, doc.toks[start - 1].span.end);
    Some((cue, c - 1, phrase(doc, start, c)))
}

/// Whether token `x`, right after a source without comma, can open the
/// reported clause: an article, a subject pronoun, a name, a number, a
/// quantifier ("Selon le chauffeur la direction …", "Selon lui il …").
fn opens_clause(doc: &Doc, x: usize) -> bool {
    doc.det(x) && !doc.is(x, &["de", "du", "des", "d'", "d’"])
        || doc.info[x].cap
        || doc.info[x].region.is_some()
        || doc.toks[x].kind == TokenKind::Number
        || doc.is(
            x,
            &[
                "il",
                "elle",
                "ils",
                "elles",
                "on",
                "ce",
                "c'",
                "c’",
                "cela",
                "ça",
                "nous",
                "vous",
                "je",
                "j'",
                "j’",
                "aucun",
                "aucune",
                "près",
                "environ",
                "plus",
                "moins",
                "tous",
                "toutes",
                "chaque",
                "certains",
                "certaines",
                "plusieurs",
                "quelques",
                "nombre",
                "seuls",
                "seul",
                "seule",
                "rien",
                "personne",
            ],
        )
}

/// Whether tokens `a..b` hold a verb of their own outside a relative
/// clause ("qui se succèdent" may): then they are a clause, not a source.
fn reports_in(doc: &Doc, a: usize, b: usize) -> bool {
    let mut relative = false;
    (a..b).any(|x| {
        relative |= doc.is(x, &["qui", "dont", "que", "qu'", "qu’", "où"]);
        doc.info[x].region.is_some()
            || !relative
                && (doc.info[x].aux
                    || doc.info[x].cue == Some(Form::Finite)
                    || doc.is(
                        x,
                        &[
                            "est", "sont", "était", "étaient", "sera", "seront", "serait",
                            "seraient", "va", "vont", "peut", "peuvent", "doit", "doivent",
                        ],
                    ))
    })
}

/// The first comma (outside quotes) from token `a` within `w` tokens and
/// the sentence.
fn comma_within(doc: &Doc, a: usize, w: usize) -> Option<usize> {
    if a >= doc.toks.len() {
        return None;
    }
    let se = doc.sentence_end(a);
    (a..se.min(a + w)).find(|&x| doc.t(x) == "," && doc.info[x].region.is_none())
}

/// A noun phrase mention over tokens `a..b` (a name when all capitalised).
fn phrase(doc: &Doc, a: usize, b: usize) -> Mention {
    let words = a + usize::from(doc.det(a));
    if words < b && (words..b).all(|x| doc.info[x].cap) {
        return mentions::name_mention(doc, words, b);
    }
    let head = (a..b)
        .find(|&x| mentions::is_role(doc, x) || doc.is(x, mentions::COMPANY))
        .unwrap_or(words.min(b - 1));
    let plural = doc.t(head).ends_with('s');
    mentions::phrase_mention(doc, a, b, plural, head)
}

/// Whether tokens `ss..k` (before "selon", ending with a comma) are a
/// fronted adverbial: "En 2016,", "Vers 6h15,", "Néanmoins,", "Toujours".
fn fronted_adverbial(doc: &Doc, ss: usize, k: usize) -> bool {
    if k <= ss || k > ss + 10 {
        return false;
    }
    let opener = doc.is(ss, OPENING_PREPOSITIONS_FR)
        || doc.is(
        ss,
        &[
            "a",
            "aujourd'hui",
            "toujours",
            "néanmoins",
            "cependant",
            "toutefois",
            "pourtant",
            "ainsi",
            "mais",
            "et",
            "or",
            "enfin",
            "par",
            "d'ailleurs",
            "d’ailleurs",
            "désormais",
            "jusqu'ici",
            "parallèlement",
        ],
    ) || doc.is_date(ss)
        || doc.is_adverb(ss)
        || doc.manner_adverb(ss)
        // "D'autre part,", "De son côté,", "Du reste,"
        || doc.is(ss, &["d'", "d’"]) && doc.is(ss + 1, &["autre"])
        || doc.is(ss, &["de"]) && doc.is(ss + 1, &["plus", "son", "sa", "leur", "fait", "nouveau"])
        || doc.is(ss, &["du"]) && doc.is(ss + 1, &["reste", "coup"])
        || doc.is(ss, &["quant", "pour"]) && k > ss + 2
        // "Ce mercredi,", "Cette semaine,", "Le 6 décembre," (not "Cette
        // restructuration, destinée selon le groupe …")
        || doc.is(ss, &["ce", "cette", "cet", "le"])
            && ss + 1 < k
            && (doc.is_date(ss + 1)
                || doc.is(ss + 1, TIME)
                || doc.is(ss + 1, &["année", "an", "jour", "nuit", "samedi"])
                || doc.toks[ss + 1].kind == TokenKind::Number);
    // "selon" right after the opener or after its comma
    opener
        && (k == ss + 1 || doc.t(k - 1) == ",")
        && (ss..k).all(|x| {
            doc.info[x].region.is_none()
                && doc.cue_at(x).is_none()
                // "A 15h25," reads as the auxiliary "a"
                && (x == ss || !doc.info[x].aux)
                && !matches!(doc.t(x), ";" | ":" | "." | "!" | "?")
        })
}

/// Whether "…, selon X, …" at `k` is an incise inside one clause: words
/// before it that open the clause (no quote, no cue), and words after it
/// that go on with it rather than start a new one.
fn incise_inside_clause(doc: &Doc, ss: usize, k: usize, resume: usize) -> bool {
    resume < doc.sentence_end(k)
        && (!doc.punct(resume) || doc.info[resume].region.is_some())
        && !doc.is(
            resume,
            &[
                "et", "mais", "ou", "puis", "qui", "que", "qu'", "qu’", "dont", "où", "alors",
                "tandis", "car", "donc", "avant", "après", "sans", "pour", "lors", "ce", "c'",
                "c’", "soit", "contre",
            ],
        )
        && doc.info[resume]
            .cue
            .is_none_or(|f| f == Form::Participle || f == Form::Finite)
        && k - ss <= 12
        && (ss..k)
            .all(|x| doc.info[x].region.is_none() && doc.cue_at(x).is_none() && !doc.is(x, QUE))
        && (ss..k - 1).all(|x| doc.t(x) != ",")
}

/// Past an apposition to the source after "Selon X,": "Selon François
/// Dubet, sociologue français et professeur à …, CLAUSE".
fn past_apposition(doc: &Doc, a: usize, se: usize, source: &Mention) -> Option<usize> {
    // a job noun without article after a person's name
    let bare_noun = source.kind == mentions::Kind::Name
        && a < se
        && mentions::is_word(doc, a)
        && !doc.info[a].cap
        && (mentions::is_role(doc, a) || {
            let w = doc.t(a);
            [
                "ogue", "iste", "eur", "rice", "ien", "ienne", "aire", "ier", "ière", "ste",
            ]
            .iter()
            .any(|x| w.ends_with(x))
        });
    let relative = doc.is(a, &["qui", "dont"])
        // "Selon le directeur de la discothèque, interrogé par Sky News, …"
        || a < doc.info.len() && doc.info[a].cue == Some(Form::Participle)
        || a < se && !doc.info[a].cap && {
            let w = doc.t(a);
            // "Selon le sondage Bva, réalisé du 26 novembre au 6 décembre,"
            ["é", "ée", "és", "ées"].iter().any(|x| w.ends_with(x))
                && !doc.info[a].aux
                && doc.is(
                    a + 1,
                    &[
                        "par", "à", "au", "sur", "dans", "du", "le", "les", "en", "entre", "auprès",
                    ],
                )
        }
        // "Selon Jean-Pierre Cabestan, de l'Université baptiste …,"
        || source.kind == mentions::Kind::Name
            && doc.is(a, &["de", "d'", "d’", "du"])
            && a + 1 < se
            && (doc.det(a + 1) || doc.info[a + 1].cap);
    if bare_noun || relative {
        // an apposition no comma closes runs to the end: no clause follows
        // ("Selon X, de l'université de Hong Kong ; « … »")
        return (a + 1..se.min(a + 16))
            .find(|&x| doc.t(x) == "," && doc.info[x].region.is_none())
            .map(|c| c + 1);
    }
    Some(a)
}
