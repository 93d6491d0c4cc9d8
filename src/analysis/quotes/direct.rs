//! Stage 1a: which quoted regions are direct quotes, and the cues around them.

use super::*;
use crate::analysis::people::phrases::clause_head;

pub(super) fn direct(doc: &Doc, regions: &[marks::Region]) -> Vec<Found> {
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
        if doc.lang == Lang::Fr {
            // words as a reader counts them: "l’informer", "d'intention" are one
            let words = written_words(&doc.text[first.content.start..last.content.end]);
            // a whole short sentence right after a quote goes on with it
            let words = if own_sentence && follows_quote {
                words.max(4)
            } else {
                words
            };
            let fr = french_region(doc, chain, open_tok, after_tok, words, left, right_cue)
                .map(|a| a.map(|a| not_a_place(doc, a)));
            if let Some(att) = fr {
                push_chain(doc, &mut out, chain, ri, QuoteKind::Direct, att);
            }
            ri = rj;
            continue;
        }
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
            push_chain(doc, &mut out, chain, ri, kind, right_cue.or(left_cue));
        }
        ri = rj;
    }
    out
}

/// "un Gilet jaune a tagué l'Arc de Triomphe : « … »", "des Gilets jaunes
/// réveillonnent en Saône-et-Loir : « … »": a place named before a colon,
/// or a place the quote has no speech verb for, is where the words were
/// written or said, not who said them.
fn not_a_place(doc: &Doc, mut a: Attribution) -> Attribution {
    let verbless = a.cue.is_empty() || doc.text[a.cue.start..a.cue.end].trim() == ":";
    if verbless
        && let Some(m) = a.mention
        && m.kind == mentions::Kind::Name
        && doc.info[doc.tok_at(m.span.start)].entity == Some(crate::analysis::Label::Loc)
    {
        a.mention = None;
    }
    a
}

/// Pushes the pieces of a chain of regions (split at incises), each with the
/// incise's attribution or `att`.
fn push_chain(
    doc: &Doc,
    out: &mut Vec<Found>,
    chain: &[marks::Region],
    ri: usize,
    kind: QuoteKind,
    att: Option<Attribution>,
) {
    let multi = chain.len() > 1;
    for r in chain {
        for (span, inc) in split_incise(doc, r.content) {
            let a = inc.or(att);
            out.push(Found {
                span,
                kind,
                mention: a.and_then(|a| a.mention),
                // a subject without speech verb gives an empty cue
                cue: a.map(|a| a.cue).filter(|c| !c.is_empty()),
                chain: if multi { Some(ri) } else { None },
            });
        }
    }
}

/// French news under the guidelines: a quoted span of four words or more
/// is someone's words unless it is a title, a name or a legal
/// qualification; a shorter one only as the direct complement of a speech
/// verb or after a colon. Partial quotes woven into a sentence take the cue
/// governing them ([`governing`]). Returns the attribution (possibly empty)
/// of a quote, `None` for a region that is not one.
fn french_region(
    doc: &Doc,
    chain: &[marks::Region],
    open_tok: usize,
    after_tok: usize,
    words: usize,
    left: Left,
    right_cue: Option<Attribution>,
) -> Option<Option<Attribution>> {
    let first = chain[0];
    let last = chain[chain.len() - 1];
    if first.content.is_empty() {
        return None;
    }
    let inner_a = doc.tok_at(first.content.start);
    if chain.len() == 1 {
        if right_cue.is_none()
            && (title_like(doc, inner_a, last.content.end) || dated_after(doc, after_tok))
        {
            return None;
        }
        // a name, a title or a charge, or one more in a list of them ("auteur
        // de « A », « B » ou encore « C »", "pour « débauche » et « … »")
        let not_speech = |o: usize| named_before(doc, o) || legal_qualification(doc, o);
        if not_speech(open_tok) || list_head(doc, open_tok).is_some_and(not_speech) {
            return None;
        }
        // "sur les convictions (« Nos convictions … ? »)": a quoted gloss in
        // brackets (an exam subject, a wording cited as an example), not words
        // someone said here
        if right_cue.is_none() && bracketed(doc, open_tok, after_tok) {
            return None;
        }
        // "a dit « oui » au référendum", "dire « non » à la réforme": a vote
        // or a stance, not words reported
        if after_tok < doc.toks.len()
            && doc.is(after_tok, &["à", "au", "aux"])
            && matches!(
                first.content.text(doc.text).to_lowercase().as_str(),
                "oui" | "non"
            )
        {
            return None;
        }
        let colon = open_tok > 0 && doc.t(open_tok - 1) == ":";
        // "« Quotidien » a affirmé que …": a cue with no one after it makes the
        // short quote its subject, a name
        let right_speaker = right_cue.is_some_and(|a| a.mention.is_some());
        let short_ok = match left {
            // "qu'il juge « abjectes »", "la qualifie de « … »": an
            // attribute of the verb's object is a label
            Left::Verb(a) => !naming_cue(doc, a.cue) && !object_before(doc, a.cue),
            Left::That(_) => false,
            // "Selon lui, « rien n'est joué ».": the whole clause reported
            Left::Clause(c) => {
                colon
                    || right_speaker && opens_sentence_at(doc, open_tok)
                    || c.is_some_and(|a| {
                        according_cue(doc, a.cue) && opens_sentence_at(doc, doc.tok_at(a.cue.start))
                    }) && (after_tok >= doc.toks.len()
                        || matches!(doc.t(after_tok), "." | "!" | "?" | "…"))
            }
            Left::Inside => false,
        } || right_speaker && opens_sentence_at(doc, open_tok)
            || complement_of_etre(doc, open_tok);
        if words < 4 && !short_ok {
            // "« L’apparence compte » quand …, répond encore Moscovici": a
            // displaced complement opening its sentence before an incise
            let displaced = opens_sentence_at(doc, open_tok)
                && !last.content.text(doc.text).ends_with(['.', '!', '?', '…'])
                && postposed_cue(doc, after_tok).is_some();
            if !displaced {
                return None;
            }
        }
    }
    // a quote closing its sentence has no cue further on
    let closes = last.content.text(doc.text).ends_with(['.', '!', '?', '…']);
    let postposed = || (!closes).then(|| postposed_cue(doc, after_tok)).flatten();
    let left_cue = left_attribution(left).filter(|a| a.mention.is_some() || right_cue.is_none());
    // "… par l'ACLU : « … » a-t-elle déclaré": the pronoun after the quote
    // stands for the passive's agent that introduced it before the colon
    // (not for a medium or a place there: "publié sur Telegram :")
    if open_tok > 0
        && doc.t(open_tok - 1) == ":"
        && let Some(r) = right_cue
        && r.mention.is_some_and(|m| m.kind == mentions::Kind::Pronoun)
        && let Some(agent) = passive_agent(doc, doc.sentence_start(open_tok - 1), open_tok - 1)
    {
        return Some(Some(Attribution {
            cue: r.cue,
            mention: Some(agent),
        }));
    }
    if let Some(a) = agent_after(doc, open_tok, after_tok) {
        return Some(Some(a));
    }
    // "« … », garantissant …": a participle after the quote has the
    // clause's subject, found before the quote
    let participle = || {
        right_cue.map(|mut a| {
            if a.mention.is_none()
                && matches!(doc.info[doc.tok_at(a.cue.start)].cue, Some(Form::Gerund))
            {
                a.mention = sentence_subject(doc, open_tok).and_then(|s| s.mention);
            }
            a
        })
    };
    Some(
        right_cue
            .filter(|a| a.mention.is_some())
            .or_else(|| words_of(doc, open_tok))
            .or(left_cue.filter(|a| a.mention.is_some()))
            .or_else(|| name_before_verb(doc, open_tok))
            .or_else(|| governing(doc, open_tok))
            .or_else(postposed)
            .or_else(participle)
            .or(left_cue)
            .or_else(|| sentence_subject(doc, open_tok)),
    )
}

/// Whether `cue` is "selon", "d'après" or "pour" heading a clause.
fn according_cue(doc: &Doc, cue: Span) -> bool {
    let w = doc.text[cue.start..cue.end].to_lowercase();
    matches!(w.as_str(), "selon" | "d'après" | "d’après" | "pour")
}

/// Whether the quote from the mark at `open` to the token `after` past its
/// closing mark stands alone in brackets: "( « … » )".
fn bracketed(doc: &Doc, open: usize, after: usize) -> bool {
    open > 0 && doc.t(open - 1) == "(" && after < doc.toks.len() && doc.t(after) == ")"
}

/// Whether token `k` opens its sentence or paragraph (past a dash).
fn opens_sentence_at(doc: &Doc, k: usize) -> bool {
    k == 0
        || k == doc.sentence_start(k)
        || matches!(doc.t(k - 1), "." | "!" | "?" | "—" | "–" | "-")
        || doc.text[doc.toks[k - 1].span.end..doc.toks[k].span.start].contains('\n')
}

/// Naming verbs and nouns right before a mark: what follows is a name, a
/// title or a label, not speech ("baptisée « … »", "le film « … »",
/// "l'opération « … »").
fn named_before(doc: &Doc, open: usize) -> bool {
    if open == 0 {
        return false;
    }
    let mut p = open - 1;
    // "intitulé de « … »", "le livre d'« … »"
    if p > 0 && doc.is(p, &["de", "d'", "d’"]) {
        p -= 1;
    }
    // "pour thème cette année : « … »", "le slogan : « … »": a colon after
    // a noun that names
    if p > 0 && doc.t(p) == ":" {
        return (p.saturating_sub(3)..p).any(|k| {
            doc.is(
                k,
                &["thème", "slogan", "devise", "hashtag", "mot-dièse", "titre"],
            )
        });
    }
    // "baptisé les « Aigles de libération de l'Afrique »", "le site internet
    // « … »": past an article after a naming word, past the kind of a site
    if p > 0
        && (doc.is(p, &["les", "le", "la", "l'", "l’"]) && doc.is(p - 1, NAMING)
            || doc.is(p, &["internet", "web"]))
    {
        p -= 1;
    }
    // "du parti « La République en marche »" (not "créer son parti « la
    // seule chose envisageable »"); "a été élu « Sportif de l'année »" (not
    // "un élu « doit se tenir à l'écart »")
    doc.is(p, NAMING)
        || doc.is(p, &["parti"])
            && doc
                .toks
                .get(open + 1)
                .is_some_and(|t| t.text(doc.text).starts_with(char::is_uppercase))
        || doc.is(p, &["élu", "élue", "élus", "élues", "sacré", "sacrée"])
            && p > 0
            && doc.is(p - 1, &["été"])
}

/// Naming verbs and nouns: what a quotation after them is a name, a title
/// or a label.
const NAMING: &[&str] = &[
    "baptisé",
    "baptisée",
    "baptisés",
    "baptisées",
    "intitulé",
    "intitulée",
    "intitulés",
    "intitulées",
    "surnommé",
    "surnommée",
    "surnommés",
    "dénommé",
    "dénommée",
    "nommé",
    "nommée",
    "appelé",
    "appelée",
    "appelés",
    "titré",
    "titrée",
    "auteur",
    "autrice",
    "thème",
    "projet",
    "pétition",
    "slogan",
    "devise",
    "film",
    "livre",
    "roman",
    "ouvrage",
    "album",
    "chanson",
    "titre",
    "émission",
    "série",
    "opération",
    "spectacle",
    "documentaire",
    "exposition",
    "hashtag",
    "mot-dièse",
    "mot-clé",
    "magazine",
    "rubrique",
    "association",
    "collectif",
    "mouvement",
    "plan",
    "programme",
    "dispositif",
    "pièce",
    "revue",
    "journal",
    "quotidien",
    "hebdomadaire",
    "site",
    "page",
    "groupe",
    "compte",
    "société",
    "marque",
];

/// The opening mark of the first quote of a list that the quote opening at
/// `open` continues ("« A », « B » ou encore « C »"), if it continues one.
fn list_head(doc: &Doc, open: usize) -> Option<usize> {
    let mut head = None;
    let mut p = open;
    loop {
        let mut k = p;
        while k > 0
            && doc.info[k - 1].region.is_none()
            && doc.is(k - 1, &[",", "et", "ou", "encore"])
        {
            k -= 1;
        }
        if k == p || k == 0 {
            return head;
        }
        let Some(r) = doc.info[k - 1].region else {
            return head;
        };
        let mut o = k - 1;
        while o > 0 && doc.info[o - 1].region == Some(r) {
            o -= 1;
        }
        head = Some(o);
        p = o;
    }
}

/// A quoted legal qualification: "mis en examen pour « homicide
/// involontaire »", "une plainte pour « non-assistance à personne en
/// danger »", "chef d'« association de malfaiteurs … »".
fn legal_qualification(doc: &Doc, open: usize) -> bool {
    if open == 0 || !doc.is(open - 1, &["pour", "de", "d'", "d’", "chef", "chefs"]) {
        return false;
    }
    // the words before, up to 14 outside other quotes ("mis en examen pour
    // « A » et également, concernant X et sa compagne, pour « B »")
    let ss = doc.sentence_start(open);
    (ss..open - 1)
        .rev()
        .filter(|&k| doc.info[k].region.is_none())
        .take(14)
        .any(|k| {
            let w = doc.t(k).to_lowercase();
            matches!(
                w.as_str(),
                "plainte"
                    | "plaintes"
                    | "examen"
                    | "inculpé"
                    | "inculpée"
                    | "inculpés"
                    | "poursuivi"
                    | "poursuivie"
                    | "poursuivis"
                    | "condamné"
                    | "condamnée"
                    | "condamnés"
                    | "enquête"
                    | "détention"
                    | "accusé"
                    | "accusée"
                    | "accusés"
                    | "mis"
                    | "mise"
                    | "jugé"
                    | "jugée"
                    | "procès"
                    | "information"
                    | "instruction"
                    | "chef"
                    | "chefs"
                    | "garde"
                    | "interpellé"
                    | "écroué"
                    | "écrouée"
                    | "comparu"
                    | "comparaît"
                    | "comparaissent"
                    | "comparaître"
                    | "réquisitoire"
                    | "soupçonné"
                    | "soupçonnée"
                    | "soupçonnés"
            )
        })
}

/// Verbs whose quoted complement is a label, not speech, under four words:
/// qualifier de, décrire comme, traiter de.
fn naming_cue(doc: &Doc, cue: Span) -> bool {
    let w = doc.text[cue.start..cue.end].to_lowercase();
    ["qualifi", "décri", "traité", "traite", "nomm", "appel"]
        .iter()
        .any(|x| {
            w.split_whitespace()
                .last()
                .is_some_and(|v| v.starts_with(x))
        })
}

/// "ajoutant n'être « absolument pas surpris »", "se disant « prêt »": a
/// short complement of être after a speech verb.
fn complement_of_etre(doc: &Doc, open: usize) -> bool {
    open >= 2
        && doc.is(open - 1, &["être", "n'être", "n’être"])
        && (open.saturating_sub(4)..open - 1).any(|k| doc.info[k].cue.is_some())
}

/// The cue governing a partial quote inside a sentence: the nearest speech
/// verb (or "selon X", "pour X,") to its left in the same sentence, past
/// other quotes under the same verb ("X affirme que « A », « B » et « C »").
pub(super) fn governing(doc: &Doc, open: usize) -> Option<Attribution> {
    let ss = doc.sentence_start(open);
    let mut k = open;
    while k > ss {
        k -= 1;
        if doc.info[k].region.is_some() {
            continue;
        }
        if let Some((cue, end, m)) = sources::according(doc, k)
            && end < open
        {
            return Some(Attribution {
                cue,
                mention: Some(m),
            });
        }
        if let Some(mut a) = cue_ending_at(doc, k)
            && !matches!(
                doc.info[doc.tok_at(a.cue.start)].cue,
                Some(Form::Infinitive)
            )
        {
            // "Jacqueline Moreau, membre des « gilets jaunes libres »,
            // affirme que les « … »": the phrase opening the clause, past an
            // apposition the subject finder could not read
            if a.mention.is_none() && doc.lang == Lang::Fr {
                a.mention = opening_subject(doc, doc.tok_at(a.cue.start));
            }
            if a.mention
                .is_some_and(|m| m.span.end <= doc.toks[open].span.start)
            {
                return Some(a);
            }
        }
    }
    // "Pour les chercheurs, cet animal possédait « … »"
    let cs = clause_head(doc, ss);
    if doc.is(cs, &["pour"])
        && let Some((m, end)) = sources::subject_right(doc, cs + 1)
        && end < open
        && doc.t(end) == ","
        && m.kind != mentions::Kind::FirstPerson
    {
        return Some(Attribution {
            cue: doc.toks[cs].span,
            mention: Some(m),
        });
    }
    None
}

/// A cue later in the sentence, after a comma: "« … » qui est à l'origine de
/// l'incident, précise encore la préfecture.", "« … » et « … », tranche-t-il."
pub(super) fn postposed_cue(doc: &Doc, after: usize) -> Option<Attribution> {
    let n = doc.toks.len();
    if after >= n {
        return None;
    }
    // the quote's own sentence, within its paragraph
    let se = doc.sentence_end(after - 1);
    let mut k = after;
    while k < se && !(k > after && doc.gap_paragraph(k - 1)) {
        if doc.info[k].region.is_none()
            && doc.t(k) == ","
            && k + 1 < se
            && let Some(a) = cue_after(doc, k + 1).filter(|a| {
                a.mention
                    .is_some_and(|m| m.span.start >= doc.toks[k].span.end)
            })
        {
            return Some(a);
        }
        k += 1;
    }
    None
}

/// "…, le pape François « s'associe à la douleur »", "son avocat Pierre
/// Roux s’ « indigne des fuites »": a name right before a quote that opens
/// on its verb is that verb's subject, whatever verb governs the sentence.
fn name_before_verb(doc: &Doc, open: usize) -> Option<Attribution> {
    let ss = doc.sentence_start(open);
    let end = if open > 0 && doc.is(open - 1, &["s'", "s’", "se"]) {
        open - 1
    } else {
        open
    };
    if !(doc.lang == Lang::Fr && end > ss + 1 && opens_on_verb(doc, open)) {
        return None;
    }
    let m = crate::analysis::people::phrases::np_ending_at(doc, end - 1, ss)?;
    if m.kind != mentions::Kind::Name {
        return None;
    }
    let a = doc.tok_at(m.span.start);
    let after_preposition = a > ss
        && doc.is(
            a - 1,
            &[
                "de", "du", "des", "d'", "d’", "à", "au", "aux", "par", "pour", "avec", "sur",
                "contre", "chez", "entre", "vers", "selon", "en",
            ],
        );
    // "a déclaré que Didier Deschamps « avait cédé … »": the subject of
    // reported words, not their speaker
    let reported = a > ss && doc.is(a - 1, &["que", "qu'", "qu’"]);
    (!after_preposition && !reported).then_some(Attribution {
        cue: Span::new(m.span.start, m.span.start),
        mention: Some(m),
    })
}

/// The agent of a passive speech verb after the quote: "la réplique « … »
/// lancée par le député", "il est décrit comme un « … » par Mike
/// Stratton": who said it, not the subject of the sentence.
fn agent_after(doc: &Doc, open: usize, after: usize) -> Option<Attribution> {
    // in the quote's own sentence and paragraph ("« … » Interrogée par
    // l'AFP après la cérémonie, la réalisatrice …" starts another)
    if doc.lang != Lang::Fr
        || after + 1 >= doc.toks.len()
        || doc.text[doc.toks[after - 1].span.end..doc.toks[after].span.start].contains('\n')
        || doc.info[after].cap
    {
        return None;
    }
    let participle = |k: usize| matches!(doc.info[k].cue, Some(Form::Participle));
    let (cue, p) = if participle(after) && doc.info[after].region.is_none() {
        (doc.toks[after].span, after + 1)
    } else {
        // the participle before the quote: "décrit comme un « … »"
        let mut k = open;
        while k > 0
            && doc.is(
                k - 1,
                &[
                    "comme", "un", "une", "des", "le", "la", "les", "de", "d'", "d’",
                ],
            )
        {
            k -= 1;
        }
        // "est décrit" ("décrit" is read as the present too)
        let passive = k >= 2
            && matches!(doc.info[k - 1].cue, Some(Form::Participle | Form::Finite))
            && doc.is(k - 2, &["est", "sont", "été", "était", "étaient", "fut"]);
        if k == 0 || k == open || !(participle(k - 1) || passive) {
            return None;
        }
        (doc.toks[k - 1].span, after)
    };
    if !doc.is(p, &["par"]) || doc.info[p].region.is_some() {
        return None;
    }
    let (m, _) = sources::subject_right(doc, p + 1)?;
    matches!(m.kind, mentions::Kind::Name | mentions::Kind::Phrase).then_some(Attribution {
        cue,
        mention: Some(m),
    })
}

/// "Le Monde rapporte les propos de Jean Dupont : « … »", "a dénoncé les
/// mots du ministre Jean Dupont « … »": words someone's ("propos",
/// "déclaration" of a name) right before the quote are that person's, not
/// the sentence subject's.
fn words_of(doc: &Doc, open: usize) -> Option<Attribution> {
    if doc.lang != Lang::Fr || open == 0 {
        return None;
    }
    let end = if doc.t(open - 1) == ":" {
        open - 1
    } else {
        open
    };
    // the name ending right before the quote, and its start
    let a = (end.saturating_sub(6)..end).find(|&x| {
        matches!(
            doc.info[x].entity,
            Some(crate::analysis::Label::Per | crate::analysis::Label::Org)
        ) && doc.info[x].entity_end == Some(end as u32)
    })?;
    // the speech noun and its "de", past a role ("du ministre"), or the
    // participle and "par" after it ("les propos tenus par le Gilet jaune")
    let by = |k: usize| {
        if doc.is(k + 1, &["de", "du", "d'", "d’", "des"]) {
            Some(k + 2)
        } else {
            (doc.is(k + 2, &["par"])
                && doc.is(k + 1, &["tenus", "tenu", "prononcés", "prononcé", "écrits"]))
            .then_some(k + 3)
        }
    };
    let (noun, from) = (a.saturating_sub(7)..a.saturating_sub(1))
        .rev()
        .take_while(|&k| !doc.punct(k) && doc.info[k].region.is_none())
        .find_map(|k| {
            doc.is(k, SPEECH_NOUNS)
                .then(|| by(k).map(|f| (k, f)))
                .flatten()
        })?;
    // (a role or a group may come between, "le Gilet jaune Eric Drouet", not
    // another person nor a verb)
    if (from..a)
        .any(|k| doc.info[k].entity == Some(crate::analysis::Label::Per) || doc.cue_at(k).is_some())
    {
        return None;
    }
    Some(Attribution {
        cue: doc.toks[noun].span,
        mention: Some(mentions::name_mention(doc, a, end)),
    })
}

/// Nouns of words said, whose complement is who said them.
const SPEECH_NOUNS: &[&str] = &[
    "propos",
    "paroles",
    "mots",
    "déclaration",
    "déclarations",
    "phrase",
    "message",
    "tweet",
    "formule",
];

/// A quote without cue whose source is the subject of its sentence:
/// "Airbus « coopère pleinement … »", "Benoît Hamon, veut « … »".
fn sentence_subject(doc: &Doc, open: usize) -> Option<Attribution> {
    let ss = doc.sentence_start(open);
    // "… a fait réagir Le Canard enchaîné qui y voit un « … »", "le cas de
    // Cyprien, qui commente « … »": the quote is in a relative clause, whose
    // subject is the name it follows
    if doc.lang == Lang::Fr
        && let Some(q) = (ss + 1..open)
            .rev()
            .take_while(|&k| doc.info[k].region.is_none() && !matches!(doc.t(k), "." | ";" | ":"))
            .find(|&k| doc.is(k, &["qui"]))
    {
        // a person or a body the recogniser knows, not a place or a prize
        // named after someone ("le Prix Peter Mackler qui récompense")
        if let Some(m) = sources::antecedent(doc, q, ss).filter(|m| m.kind == mentions::Kind::Name)
            && let a = doc.tok_at(m.span.start)
            && (a..doc.tok_at(m.span.end)).any(|x| {
                matches!(
                    doc.info[x].entity,
                    Some(crate::analysis::Label::Per | crate::analysis::Label::Org)
                )
            })
            && !(a > ss && doc.info[a - 1].cap)
        {
            return Some(Attribution {
                cue: Span::new(m.span.start, m.span.start),
                mention: Some(m),
            });
        }
    }
    let cs = clause_head(doc, ss);
    // the phrase opening the clause: a pronoun, a name, "le candidat du PS,
    // Benoît Hamon,", or a description ("Les membres", "La première version
    // du texte"), which names no one
    if let Some((m, end)) = sources::subject_right(doc, cs)
        && end <= open
        && m.kind != mentions::Kind::FirstPerson
        && !(m.kind == mentions::Kind::Phrase && doc.is(cs, sources::SUBORDINATORS))
    {
        return Some(Attribution {
            cue: Span::new(m.span.start, m.span.start),
            mention: Some(m),
        });
    }
    let m = sources::clause_subject(doc, open).or_else(|| {
        (cs < open)
            .then(|| sources::first_mention(doc, cs, open.min(cs + 12)))
            .flatten()
    })?;
    if m.span.end > doc.toks[open].span.start || m.kind == mentions::Kind::FirstPerson {
        return None;
    }
    // the subject opens the clause (past determiners, titles and role nouns)
    let a = doc.tok_at(m.span.start);
    let start = speaker_clause_start(doc, open);
    if a > start + 4 {
        return None;
    }
    Some(Attribution {
        cue: Span::new(m.span.start, m.span.start),
        mention: Some(m),
    })
}

/// Whether the quote opening at token `open` starts on a verb: a reflexive
/// or negated form ("s'associe", "n'a pas", "se dit") or a word the lexicon
/// knows as a finite verb or auxiliary.
fn opens_on_verb(doc: &Doc, open: usize) -> bool {
    let f = open + 1;
    f < doc.toks.len()
        && doc.info[f].region == doc.info[open].region
        && !doc.info[f].cap
        && (doc.is(f, &["s'", "s’", "se", "n'", "n’", "ne"])
            || doc.info[f].aux
            || doc.info[f].cue == Some(Form::Finite))
}

fn speaker_clause_start(doc: &Doc, open: usize) -> usize {
    clause_head(doc, doc.sentence_start(open))
}

/// Whether the words from token `a` to byte `end` read as a title: three to
/// six words, each capitalised but for short function words ("Game of
/// Thrones", "Peace Through Strength"), and no exclamation or question
/// (a chant or a cry). Two capitalised words are as often a short cry
/// ("Dump Trump.") as a name.
pub(super) fn title_like(doc: &Doc, a: usize, end: usize) -> bool {
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
pub(super) fn dated_after(doc: &Doc, p: usize) -> bool {
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

/// Words separated by spaces, as a reader counts them for the guidelines'
/// four-word rule: an elided article stays with its word ("l’informer").
pub(super) fn written_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

pub(super) fn count_words(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b.min(doc.toks.len()))
        .filter(|&k| doc.toks[k].kind != TokenKind::Punct)
        .count()
}

/// An object pronoun right before a verb ("qu'il juge", "la juge", "les
/// trouve"): its quoted complement is an attribute of the object.
fn object_before(doc: &Doc, cue: Span) -> bool {
    let v = doc.tok_at(cue.start);
    (v.saturating_sub(3)..v).any(|k| doc.is(k, &["qu'", "qu’", "que"]))
        || v > 0 && doc.is(v - 1, &["le", "la", "les", "l'", "l’"])
}
