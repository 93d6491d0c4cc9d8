//! Patterns of the quotes issue, on sentences written for these tests.

use super::*;
use crate::analysis::{Label, sentences, tokens};

fn run_with(text: &str, lang: Lang, entities: &[Entity], groups: &[Group]) -> Vec<Quote> {
    let toks = tokens::tokenize(text);
    let sents = sentences::split(text, &toks);
    find(text, &toks, &sents, lang, entities, groups)
}

/// (quoted text, kind, speaker) of each quote.
fn q(text: &str, lang: Lang) -> Vec<(String, QuoteKind, Option<String>)> {
    run_with(text, lang, &[], &[])
        .into_iter()
        .map(|x| (x.span.text(text).to_string(), x.kind, x.speaker))
        .collect()
}

fn d(t: &str, s: &str) -> (String, QuoteKind, Option<String>) {
    (t.to_string(), QuoteKind::Direct, Some(s.to_string()))
}

fn i(t: &str, s: &str) -> (String, QuoteKind, Option<String>) {
    (t.to_string(), QuoteKind::Indirect, Some(s.to_string()))
}

const FR: Lang = Lang::Fr;
const EN: Lang = Lang::En;

#[test]
fn guillemets_with_every_space() {
    for (open, close) in [
        ("« ", " »"),
        ("«\u{a0}", "\u{a0}»"),
        ("«\u{202f}", "\u{202f}»"),
        ("«", "»"),
    ] {
        let t = format!(
            "Jean Dupont a parlé. {open}Nous gagnerons cette bataille{close}, a-t-il déclaré."
        );
        assert_eq!(
            q(&t, FR),
            vec![d("Nous gagnerons cette bataille", "Jean Dupont")],
            "{open:?}"
        );
    }
}

#[test]
fn curly_straight_and_low_quotes() {
    assert_eq!(
        q("“We will not give up,” said Maria Lopez.", EN),
        vec![d("We will not give up,", "Maria Lopez")]
    );
    assert_eq!(
        q("\"We will not give up,\" Maria Lopez said.", EN),
        vec![d("We will not give up,", "Maria Lopez")]
    );
    assert_eq!(
        q("Anna Weber sagte dazu: „Wir geben nicht auf.“", EN),
        vec![d("Wir geben nicht auf.", "Anna Weber")]
    );
}

#[test]
fn nested_single_and_angle_quotes_stay_inside() {
    assert_eq!(
        q("“They told me ‘go home’ twice,” Maria Lopez said.", EN),
        vec![d("They told me ‘go home’ twice,", "Maria Lopez")]
    );
    assert_eq!(
        q(
            "« Il m'a dit ‹ rentre chez toi › deux fois », a raconté Paul Martin.",
            FR
        ),
        vec![d("Il m'a dit ‹ rentre chez toi › deux fois", "Paul Martin")]
    );
}

#[test]
fn multi_paragraph_quote_reopened_without_closing() {
    let t = "Marie Curie a pris la parole.\n\n« Nous avons travaillé dix ans.\n\n« Le résultat est là. », a-t-elle conclu.";
    assert_eq!(
        q(t, FR),
        vec![
            d("Nous avons travaillé dix ans.", "Marie Curie"),
            d("Le résultat est là.", "Marie Curie")
        ]
    );
}

#[test]
fn incise_splits_a_quote_in_two_with_one_speaker() {
    let t = "Le ministre Paul Martin était à Lyon. « Nous ne reculerons pas, a-t-il martelé, et nous irons jusqu'au bout. »";
    let got = run_with(t, FR, &[], &[]);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].span.text(t), "Nous ne reculerons pas");
    assert_eq!(got[1].span.text(t), "et nous irons jusqu'au bout.");
    assert_eq!(got[0].speaker.as_deref(), Some("Paul Martin"));
    assert_eq!(got[1].speaker.as_deref(), Some("Paul Martin"));
    assert_eq!(got[0].cue_span.map(|c| c.text(t)), Some("a-t-il martelé"));
}

#[test]
fn apostrophes_are_never_quotes() {
    assert!(
        q(
            "L'IA et l’open source, don’t, the Smiths’ album, aujourd'hui.",
            FR
        )
        .is_empty()
    );
    assert!(
        q(
            "The Smiths’ new album doesn’t sell and it’s the label’s fault.",
            EN
        )
        .is_empty()
    );
}

#[test]
fn names_titles_and_scare_quotes_are_not_speech() {
    assert!(
        q(
            "Mistral a présenté son modèle \"Mistral Large\" et un partenariat.",
            FR
        )
        .is_empty()
    );
    assert!(q("La colère des « gilets jaunes » a marqué 2018.", FR).is_empty());
    assert!(q("He called the plan a “disaster” on Monday.", EN).is_empty());
    assert!(q("“Mistral Large” est disponible sur Azure.", FR).is_empty());
}

#[test]
fn capitalised_titles_are_not_speech() {
    // a list of titles, a slogan after a comma, a show after a colon
    assert!(
        q(
            "He named “Doctor Who,” “The Good Wife,” “Fargo” as favourites.",
            EN
        )
        .is_empty()
    );
    assert!(q("He said they kept the old motto, “Work Hard And Win.”", EN).is_empty());
    assert!(
        q(
            "Ann Ray named her guilty pleasure: “Call the Midwife” on Sundays.",
            EN
        )
        .is_empty()
    );
    // two short sentences, a cry, or a cue after the quote: speech
    assert_eq!(
        q("Ann Ray smiled. “The Boss. Big Man.”", EN),
        vec![d("The Boss. Big Man.", "Ann Ray")]
    );
    assert_eq!(
        q("“Come On Over!” Ann Ray shouted.", EN),
        vec![d("Come On Over!", "Ann Ray")]
    );
    assert_eq!(
        q("“Long Live The King,” said Tom Hale.", EN),
        vec![d("Long Live The King,", "Tom Hale")]
    );
}

#[test]
fn dated_posters_are_not_speech() {
    assert!(
        q(
            "The party printed posters.\n\n“Stop the tax now, vote yes” (2004).",
            EN
        )
        .is_empty()
    );
    assert!(
        q(
            "Its posters were harsh.\n\n“Our towns are losing their jobs” (Leeds city poster, 2011).",
            EN
        )
        .is_empty()
    );
    // a parenthesis without a year keeps the quote
    assert_eq!(
        q("Ann Ray spoke.\n\n“We will win this race” (applause).", EN),
        vec![d("We will win this race", "Ann Ray")]
    );
}

#[test]
fn name_just_before_a_colon_introduces_the_quote() {
    assert_eq!(
        q(
            "OHIO POLLS TIGHTEN AGAIN - Jane Doe: “The race is close now, and both camps know it.”",
            EN
        ),
        vec![d(
            "The race is close now, and both camps know it.",
            "Jane Doe"
        )]
    );
    // no name before the colon: the clause's first name
    assert_eq!(
        q("Tom Hale was blunt about it: “We lost.”", EN),
        vec![d("We lost.", "Tom Hale")]
    );
}

#[test]
fn modal_between_subject_and_cue() {
    assert_eq!(
        q(
            "Tom Hale speaks tonight. “We will win this fight,” the senator will say.",
            EN
        ),
        vec![d("We will win this fight,", "Tom Hale")]
    );
    assert_eq!(
        q(
            "Jane Doe spoke first. “The plan is sound,” she would later write.",
            EN
        ),
        vec![d("The plan is sound,", "Jane Doe")]
    );
}

#[test]
fn more_speech_verbs_and_nouns_after_an_article() {
    assert_eq!(
        q("“Get out of here,” Tom Hale barked.", EN),
        vec![d("Get out of here,", "Tom Hale")]
    );
    assert_eq!(
        q("“We never give up,” Ann Ray retaliated.", EN),
        vec![d("We never give up,", "Ann Ray")]
    );
    // "the chant" is a noun: the quote is its content, not a cue's
    assert!(q("The crowd took up the chant “Four more years!”", EN).is_empty());
}

#[test]
fn a_quantifier_can_be_the_speaker_mention() {
    let text = "Fans filled the hall. Some chanted “We want more!”";
    let qs = run_with(text, EN, &[], &[]);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].span.text(text), "We want more!");
    assert_eq!(qs[0].speaker_span.map(|s| s.text(text)), Some("Some"));
}

#[test]
fn long_appositive_between_subject_and_cue() {
    assert_eq!(
        q(
            "“We will build it,” Hale, the mayor of the town and the leading candidate in the northern district by a wide margin after the spring primaries, said on Monday.",
            EN
        ),
        vec![d("We will build it,", "Hale")]
    );
}

#[test]
fn abbreviation_in_appositive_before_cue() {
    assert_eq!(
        q(
            "“We will win,” Senate leader Mitch McConnell, R-Ky., said Tuesday.",
            EN
        ),
        vec![d("We will win,", "Mitch McConnell")]
    );
    // a real sentence end still stops the search
    let qs = q(
        "“We will win,” Mitch McConnell, R-Ky. The vote said nothing.",
        EN,
    );
    assert!(
        qs.iter().all(|x| x.2.as_deref() != Some("Mitch McConnell")),
        "{qs:?}"
    );
}

#[test]
fn indirect_with_que_and_qu() {
    assert_eq!(
        q(
            "Elon Musk a déclaré lundi qu'il créerait son propre chatbot.",
            FR
        ),
        vec![i("il créerait son propre chatbot", "Elon Musk")]
    );
    assert_eq!(
        q(
            "La ministre Claire Dubois estime que la réforme est juste.",
            FR
        ),
        vec![i("la réforme est juste", "Claire Dubois")]
    );
}

#[test]
fn indirect_with_that_and_bare_clause() {
    assert_eq!(
        q("Maria Lopez said that the deal was off.", EN),
        vec![i("the deal was off", "Maria Lopez")]
    );
    assert_eq!(
        q("John Smith said the deal was off.", EN),
        vec![i("the deal was off", "John Smith")]
    );
    assert_eq!(
        q(
            "Demand fell sharply in May, the Port of Rotterdam Authority said.",
            EN
        ),
        vec![i(
            "Demand fell sharply in May",
            "Port of Rotterdam Authority"
        )]
    );
}

#[test]
fn an_english_incise_inside_the_clause_it_reports() {
    // the clause resumes with its verb after the incise: all of it is
    // reported, the incise inside; a clause complete before it ends there
    assert_eq!(
        q(
            "The average weekly benefit, Maria Lopez says, would be $300 under the plan.",
            EN
        ),
        vec![i(
            "The average weekly benefit, Maria Lopez says, would be $300 under the plan",
            "Maria Lopez"
        )]
    );
    assert_eq!(
        q("The company, John Smith said, is in a strong position.", EN),
        vec![i(
            "The company, John Smith said, is in a strong position",
            "John Smith"
        )]
    );
    assert_eq!(
        q(
            "Demand fell sharply in May, John Smith said, and prices followed.",
            EN
        ),
        vec![i("Demand fell sharply in May", "John Smith")]
    );
}

#[test]
fn selon_d_apres_according_to() {
    assert_eq!(
        q("Selon Jean Dupont, la récolte sera précoce.", FR),
        vec![i("la récolte sera précoce", "Jean Dupont")]
    );
    assert_eq!(
        q("D'après Météo-France, la pluie reviendra jeudi.", FR),
        vec![i("la pluie reviendra jeudi", "Météo-France")]
    );
    assert_eq!(
        q("According to Maria Lopez, the chip ships in May.", EN),
        vec![i("the chip ships in May", "Maria Lopez")]
    );
    // not a source of speech: an indefinite group without commas
    assert!(
        q(
            "La société vaut 2 milliards selon certains acteurs financiers et progresse.",
            FR
        )
        .is_empty()
    );
}

#[test]
fn inversions_and_their_typos() {
    for cue in [
        "a-t-il déclaré",
        "a t-il déclaré",
        "a-t'il déclaré",
        "a t'il déclaré",
        "avait-il déclaré",
        "dit-il",
        "affirme-t-il",
        "ajoute-t-il",
    ] {
        let t = format!("Paul Martin était à Lyon. « Nous irons au bout », {cue}.");
        let got = run_with(&t, FR, &[], &[]);
        assert_eq!(got.len(), 1, "{cue}");
        assert_eq!(got[0].speaker.as_deref(), Some("Paul Martin"), "{cue}");
        assert_eq!(got[0].speaker_span.map(|s| s.text(&t)), Some("il"), "{cue}");
    }
    let t = "Les syndicats Force Ouvrière et la CGT ont manifesté. « Nous restons mobilisés », ont-ils indiqué.";
    assert_eq!(q(t, FR)[0].0, "Nous restons mobilisés");
}

#[test]
fn noun_subject_after_the_verb() {
    assert_eq!(
        q(
            "« C'est une erreur », a réagi le ministre de l'Économie Bruno Le Maire.",
            FR
        ),
        vec![d("C'est une erreur", "Bruno Le Maire")]
    );
    assert_eq!(
        q(
            "« C'est une erreur », a réagi la présidente de l'association, Catherine Morvan.",
            FR
        ),
        vec![d("C'est une erreur", "Catherine Morvan")]
    );
}

#[test]
fn colon_introducer() {
    assert_eq!(
        q(
            "Bertrand Lavergne a déclaré : « Chaque euro ira au rail. »",
            FR
        ),
        vec![d("Chaque euro ira au rail.", "Bertrand Lavergne")]
    );
    assert_eq!(
        q("Maria Lopez told reporters: “We are ready.”", EN),
        vec![d("We are ready.", "Maria Lopez")]
    );
}

#[test]
fn english_attribution_patterns() {
    assert_eq!(
        q("“It works,” said John Smith.", EN),
        vec![d("It works,", "John Smith")]
    );
    assert_eq!(
        q("“It works,” John Smith said.", EN),
        vec![d("It works,", "John Smith")]
    );
    assert_eq!(
        q("“It works,” John Smith told Reuters.", EN),
        vec![d("It works,", "John Smith")]
    );
    assert_eq!(
        q(
            "“It works,” Flynn, a retired general, said on Thursday.",
            EN
        ),
        vec![d("It works,", "Flynn")]
    );
    assert_eq!(
        q(
            "“People, not joysticks.”\n– Dirk Vermeulen, chairman of Havenbond",
            EN
        ),
        vec![d("People, not joysticks.", "Dirk Vermeulen")]
    );
}

#[test]
fn an_english_speaker_named_by_a_possessive_phrase() {
    // the possessor ("the world's", "Europe's") opens the speaker's phrase;
    // its "'s" is no "is"
    let found = q(
        "The firm will cut about 3% of its global workforce, the world's largest asset manager said on Tuesday.",
        EN,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0,
        "The firm will cut about 3% of its global workforce"
    );
    assert_eq!(
        q(
            "“We are well placed,” Europe's biggest bank said in a statement.",
            EN
        ),
        vec![d("We are well placed,", "Europe's biggest bank")]
    );
}

#[test]
fn a_report_ending_inside_quotation_marks_keeps_their_close() {
    let found = q(
        "Chief executive Larry Fink said the company was \"in a strong position.\"",
        EN,
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == "the company was \"in a strong position.\""
                && f.1 == QuoteKind::Indirect),
        "{found:?}"
    );
}

#[test]
fn pronouns_by_gender_from_titles_and_first_names() {
    let t = "Audrey Martin et Paul Durand ont signé. « C'est historique », a-t-elle dit.";
    assert_eq!(q(t, FR), vec![d("C'est historique", "Audrey Martin")]);
    let t = "Audrey Martin et Paul Durand ont signé. « C'est historique », a-t-il dit.";
    assert_eq!(q(t, FR), vec![d("C'est historique", "Paul Durand")]);
    let t = "Mme Lefort et M. Bianchi ont signé. « C'est historique », a-t-elle dit.";
    assert_eq!(q(t, FR), vec![d("C'est historique", "Lefort")]);
    let t = "Mrs. Carter met Mr. Jones. “It went well,” she said.";
    assert_eq!(q(t, EN), vec![d("It went well,", "Carter")]);
}

#[test]
fn bare_title_resolves_to_the_person_named_with_it() {
    let t = "Le ministre Paul Martin a visité l'usine.\n\nLa directrice Claire Bon l'a accueilli. « Tout ira bien », a assuré le ministre.";
    assert_eq!(q(t, FR), vec![d("Tout ira bien", "Paul Martin")]);
    let t = "White House spokesman Josh Earnest spoke first. Then Ann Lee arrived. “No comment,” the spokesman said.";
    assert_eq!(q(t, EN), vec![d("No comment,", "Josh Earnest")]);
}

#[test]
fn continuation_across_sentence_and_paragraph() {
    let t = "« Nous irons au bout », a déclaré Paul Martin. « Rien ne nous arrêtera. »\n\n« Pas même la pluie. »";
    assert_eq!(
        q(t, FR),
        vec![
            d("Nous irons au bout", "Paul Martin"),
            d("Rien ne nous arrêtera.", "Paul Martin"),
            d("Pas même la pluie.", "Paul Martin")
        ]
    );
    let t = "“We will win,” John Smith said. “Nobody can stop us.”";
    let got = run_with(t, EN, &[], &[]);
    assert_eq!(got[1].speaker.as_deref(), Some("John Smith"));
    // the continuation rests on the mention of the first quote
    assert_eq!(got[1].speaker_span, got[0].speaker_span);
}

#[test]
fn first_person_is_never_the_speaker() {
    let t = "« Je pense que nous avons raison », a dit Paul Martin.";
    assert_eq!(
        q(t, FR),
        vec![d("Je pense que nous avons raison", "Paul Martin")]
    );
    let t = "“I know we are right,” Maria Lopez said.";
    assert_eq!(q(t, EN), vec![d("I know we are right,", "Maria Lopez")]);
    // "I said" outside a quote: the writer, not a named speaker
    let t = "“Stop,” I said.";
    assert_eq!(q(t, EN)[0].2, None);
}

#[test]
fn names_are_canonical_across_the_article() {
    let t = "Elon Musk a racheté X. « Je ne vendrai pas », a déclaré Musk.";
    assert_eq!(q(t, FR), vec![d("Je ne vendrai pas", "Elon Musk")]);
    let t = "La startup Mistral AI grandit. Son modèle \"Mistral Large\" sort. « Nous sommes prêts », selon Mistral.";
    assert_eq!(q(t, FR), vec![d("Nous sommes prêts", "Mistral AI")]);
}

#[test]
fn entities_give_canonical_names_and_groups() {
    let t = "Le patron de Tesla a parlé. « Nous livrerons en mai », a déclaré Musk.";
    let musk = t.find("Musk").unwrap();
    let entities = [Entity {
        span: Span::new(musk, musk + 4),
        label: Label::Per,
        group: 0,
    }];
    let groups = [Group {
        id: 0,
        name: "Elon Musk".into(),
        label: Label::Per,
        mentions: vec![0],
    }];
    let got = run_with(t, FR, &entities, &groups);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker.as_deref(), Some("Elon Musk"));
    assert_eq!(got[0].group, Some(0));
    // a pronoun resolves through the recognised person
    let t = "Claire Dubois est arrivée. « Tout va bien », a-t-elle dit.";
    let entities = [Entity {
        span: Span::new(0, 13),
        label: Label::Per,
        group: 0,
    }];
    let groups = [Group {
        id: 0,
        name: "Claire Dubois".into(),
        label: Label::Per,
        mentions: vec![0],
    }];
    let got = run_with(t, FR, &entities, &groups);
    assert_eq!(got[0].speaker.as_deref(), Some("Claire Dubois"));
    assert_eq!(got[0].group, Some(0));
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Any text, however broken its marks, gives quotes inside it, in order, without panicking.
        #[test]
        fn never_panics_and_spans_are_valid(s in "[«»“”„‘’‹›\"' a-zA-Zéè,.:;!?\\-–—―()\n\u{a0}\u{202f}]{0,200}") {
            for lang in [FR, EN] {
                let got = run_with(&s, lang, &[], &[]);
                for w in got.windows(2) {
                    prop_assert!(w[0].span.start <= w[1].span.start);
                }
                for x in &got {
                    prop_assert!(x.span.end <= s.len() && s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
                }
            }
        }

        #[test]
        fn words_and_cues_never_panic(words in proptest::collection::vec(prop_oneof![
            Just("«"), Just("»"), Just("“"), Just("”"), Just("\""), Just(","), Just("."), Just(":"),
            Just("a-t-il"), Just("a"), Just("t'"), Just("il"), Just("déclaré"), Just("said"), Just("he"),
            Just("selon"), Just("according"), Just("to"), Just("que"), Just("that"), Just("Paul"),
            Just("Martin"), Just("le"), Just("ministre"), Just("–"), Just("\n\n"), Just("("), Just(")"),
            Just("the"), Just("spokesman"), Just("Mme"), Just("Dupont"), Just("UCAF"), Just("d'après"),
        ], 0..60)) {
            let s = words.join(" ");
            for lang in [FR, EN] {
                let _ = run_with(&s, lang, &[], &[]);
            }
        }
    }
}

/// Found by the proptest above: a bracket opened after "selon X" at the
/// very end of the text left the apposition check one token past the end.
#[test]
fn selon_then_a_bracket_at_the_end_does_not_panic() {
    for lang in [FR, EN] {
        let _ = run_with("selon Paul ( ,", lang, &[], &[]);
    }
}

#[test]
fn odd_entities_do_not_break_attribution() {
    // entities out of order, out of range, or pointing at missing groups
    let t = "« Nous irons au bout », a déclaré Paul Martin.";
    let p = t.find("Paul").unwrap();
    let entities = [
        Entity {
            span: Span::new(p, p + 11),
            label: Label::Per,
            group: 7,
        },
        Entity {
            span: Span::new(0, 2),
            label: Label::Org,
            group: 0,
        },
        Entity {
            span: Span::new(t.len(), t.len()),
            label: Label::Per,
            group: 0,
        },
    ];
    let groups = [Group {
        id: 0,
        name: "X".into(),
        label: Label::Org,
        mentions: vec![1],
    }];
    let got = run_with(t, FR, &entities, &groups);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker.as_deref(), Some("Paul Martin"));
}

#[test]
fn recogniser_group_names_are_cleaned_by_the_article_names() {
    // the recogniser grouped "Mme Dubois" apart from "Claire Dubois": the speaker
    // is still the fullest name, with the entity's group id
    let t =
        "La députée Claire Dubois était présente. « Nous voterons contre », a déclaré Mme Dubois.";
    let m = t.rfind("Dubois").unwrap();
    let entities = [
        Entity {
            span: Span::new(t.find("Claire").unwrap(), t.find("Claire").unwrap() + 13),
            label: Label::Per,
            group: 0,
        },
        Entity {
            span: Span::new(m - 4, m + 6),
            label: Label::Per,
            group: 1,
        },
    ];
    let groups = [
        Group {
            id: 0,
            name: "Claire Dubois".into(),
            label: Label::Per,
            mentions: vec![0],
        },
        Group {
            id: 1,
            name: "Mme Dubois".into(),
            label: Label::Per,
            mentions: vec![1],
        },
    ];
    let got = run_with(t, FR, &entities, &groups);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker.as_deref(), Some("Claire Dubois"));
    assert_eq!(got[0].group, Some(1));
}

#[test]
fn french_newsroom_patterns() {
    let t = "Le ministre de l'Intérieur Gérald Darmanin était à Lyon. Pour le ministre, « la réforme est indispensable ». « C'est une victoire », s'est félicité le ministre de l'Intérieur. « Nous tiendrons », déclare-t-il à l'AFP. Selon lui, « rien n'est joué ».";
    assert_eq!(
        q(t, FR),
        vec![
            d("la réforme est indispensable", "Gérald Darmanin"),
            d("C'est une victoire", "Gérald Darmanin"),
            d("Nous tiendrons", "Gérald Darmanin"),
            d("rien n'est joué", "Gérald Darmanin"),
        ]
    );
    let t = "« Nous sommes inquiets », confie Jeanne Martin, 45 ans, infirmière à Lyon.";
    assert_eq!(q(t, FR), vec![d("Nous sommes inquiets", "Jeanne Martin")]);
    // a sentence subject introduces the quote that follows it
    let t = "Le président de l'UVM, Jean-Marc Lhuillier, se montre prudent. « Une belle année ne suffit pas. »";
    assert_eq!(
        q(t, FR),
        vec![d("Une belle année ne suffit pas.", "Jean-Marc Lhuillier")]
    );
    // a gerund reports for the sentence's speaker
    let t = "« C'est injuste », a-t-elle ajouté, estimant que 4 000 emplois étaient menacés. Elle s'appelle Catherine Morvan.";
    let got = q(t, FR);
    assert_eq!(got[1].0, "4 000 emplois étaient menacés");
    assert_eq!(got[1].1, QuoteKind::Indirect);
}

#[test]
fn a_short_sentence_after_a_quote_goes_on_with_it() {
    assert_eq!(
        q(
            "“Our chances are good,” Senator Jon Tester said. “Very good.”",
            EN
        ),
        vec![
            d("Our chances are good,", "Jon Tester"),
            d("Very good.", "Jon Tester")
        ]
    );
    assert_eq!(
        q(
            "« Nous allons gagner », a-t-elle déclaré. « Vraiment. »",
            FR
        )
        .len(),
        // no named speaker to resolve "elle" to; both are still quotes
        2
    );
    // alone, or a paragraph later, two capitalised words are a slogan
    assert!(q("The crowd chanted loudly. “Dump Trump.”", EN).is_empty());
    assert_eq!(
        q(
            "“Our chances are good,” Jon Tester said.\n\nThe signs read “Dump Trump.”",
            EN
        )
        .len(),
        1
    );
}
#[test]
fn a_quoted_name_inside_the_subject() {
    assert_eq!(
        q(
            "“We have had better conventions,” Texas delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” pins, said as confetti fell.",
            EN
        ),
        vec![d("We have had better conventions,", "Bill Eastland")]
    );
    assert_eq!(
        q(
            "“We have had better conventions,” Bill Eastland, a delegate for the “Never Trump” group, said.",
            EN
        ),
        vec![d("We have had better conventions,", "Bill Eastland")]
    );
}

#[test]
fn sung_words_are_quoted_by_the_singer() {
    assert_eq!(
        q(
            "“Promise mama you will keep your hands in sight,” Mary Blige sings to the candidate.",
            EN
        ),
        vec![d(
            "Promise mama you will keep your hands in sight,",
            "Mary Blige"
        )]
    );
    assert_eq!(
        q(
            "As Billy Joel sang back in 1977, “Don't go changing to try and please me.”",
            EN
        ),
        vec![d("Don't go changing to try and please me.", "Billy Joel")]
    );
}

#[test]
fn a_gerund_cue_takes_the_clause_subject() {
    // not the place in the opening phrase
    assert_eq!(
        q(
            "In Iowa, Maria Lopez doubled down, telling reporters, “We will win this state.”",
            EN
        ),
        vec![d("We will win this state.", "Maria Lopez")]
    );
    // not the object before the comma
    assert_eq!(
        q(
            "At the rally, Maria Lopez thanked the crowd, shouting “We will win this state!”",
            EN
        ),
        vec![d("We will win this state!", "Maria Lopez")]
    );
}

#[test]
fn a_former_official_after_the_verb() {
    assert_eq!(
        q(
            "“The president will be the sensible adult,” said former Wisconsin Gov. Jim Doyle.",
            EN
        ),
        vec![d("The president will be the sensible adult,", "Jim Doyle")]
    );
    assert_eq!(
        q(
            "“Almost everybody was opposed to it,” said former Sen. Evan Bayh, a moderate Indiana Democrat.",
            EN
        ),
        vec![d("Almost everybody was opposed to it,", "Evan Bayh")]
    );
}

#[test]
fn a_bare_noun_phrase_ending_on_a_name() {
    assert_eq!(
        q(
            "“It is the best role he ever had,” said conservative activist Bob Klaus, who backs no candidate.",
            EN
        ),
        vec![d("It is the best role he ever had,", "Bob Klaus")]
    );
    assert_eq!(
        q(
            "“Thanks for welcoming these refugees,” said master of ceremonies Asab Tabchi.",
            EN
        ),
        vec![d("Thanks for welcoming these refugees,", "Asab Tabchi")]
    );
}

#[test]
fn a_coordinated_verb_takes_the_clause_subject() {
    assert_eq!(
        q(
            "Maria Lopez called on the judge to resign and said, “Her mind is gone!”",
            EN
        ),
        vec![d("Her mind is gone!", "Maria Lopez")]
    );
}

#[test]
fn a_capitalised_verb_after_a_full_stop_opens_a_new_sentence() {
    let t = "On television, Maria Lopez said, “I never said I would pay.” Asked about violence, John Smith replied, “We have to stop it.”";
    assert_eq!(
        q(t, EN),
        vec![
            d("I never said I would pay.", "Maria Lopez"),
            d("We have to stop it.", "John Smith")
        ]
    );
}

#[test]
fn the_words_after_a_quote_that_name_nobody() {
    // a subordinate clause: the quote ends, the cue before it holds
    assert_eq!(
        q(
            "Bernie Sanders had previously said, “We will see,” when asked whether he would help.",
            EN
        ),
        vec![d("We will see,", "Bernie Sanders")]
    );
    // an adverb between the subject and the verb is not part of the subject
    assert_eq!(
        q(
            "“America has a severe problem with discrimination,” the star then recalled.",
            EN
        )[0]
        .2
        .as_deref(),
        Some("star")
    );
    // a passive: the subject is spoken to, not speaking
    let asked = q(
        "In an interview on Wednesday, Donald Trump was asked, “What is the most dangerous place you have been to?”",
        EN,
    );
    assert!(
        asked
            .iter()
            .all(|x| x.2.as_deref() != Some("Donald Trump was")),
        "{asked:?}"
    );
    assert!(asked.iter().all(|x| x.1 == QuoteKind::Direct), "{asked:?}");
}

#[test]
fn a_manner_adverb_inside_the_cue() {
    let t = "Lundi, la ministre Agnès Martin a longuement expliqué : « Nous devons accélérer la transition. »";
    let found = run_with(t, FR, &[], &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker.as_deref(), Some("Agnès Martin"));
    assert_eq!(
        found[0].cue_span.map(|c| c.text(t)),
        Some("a longuement expliqué")
    );
    let t = "“We will win,” Maria Lopez has repeatedly said.";
    let found = run_with(t, EN, &[], &[]);
    assert_eq!(
        found[0].cue_span.map(|c| c.text(t)),
        Some("has repeatedly said")
    );
}

#[test]
fn days_and_months_are_no_speakers() {
    assert_eq!(
        q("Lundi, elle a parlé : « Nous devons accélérer. »", FR)[0].2,
        None
    );
    assert_eq!(q("December: “We must go faster.”", EN)[0].2, None);
}

#[test]
fn a_sentence_without_a_cue_introduces_the_next_quote() {
    // a straight quote after a full stop opens the next sentence
    assert_eq!(
        q(
            "Sen. Bernie Sanders named young voters as one reason. \"The younger people are sick and tired of racism.\"",
            EN
        ),
        vec![d(
            "The younger people are sick and tired of racism.",
            "Bernie Sanders"
        )]
    );
}

#[test]
fn a_french_subject_after_the_verb_and_its_complement() {
    for (t, who) in [
        (
            "« L'enquête est confiée à la brigade criminelle », a indiqué à l'AFP le parquet de Paris.",
            "parquet de Paris",
        ),
        (
            "« Nous ne céderons pas », a réagi sur X la présidente du parti, Marine Le Pen.",
            "Marine Le Pen",
        ),
        (
            "« Nous renforçons les contrôles », a annoncé dans un communiqué le ministère de l'Intérieur.",
            "ministère de l'Intérieur",
        ),
        (
            "« Je suis fier », a déclaré sur France Inter Jean Dupont, maire de Lyon.",
            "Jean Dupont",
        ),
    ] {
        assert_eq!(q(t, FR)[0].2.as_deref(), Some(who), "{t}");
    }
}

#[test]
fn french_time_words_clitics_and_complements_around_the_subject() {
    // time words between the verb and its subject
    assert_eq!(
        q(
            "« Il n'y a pas de menace », a assuré lundi soir le ministre de l'Intérieur Gérald Darmanin sur TF1.",
            FR
        )[0]
        .2
        .as_deref(),
        Some("Gérald Darmanin")
    );
    // an object clitic between the subject and the verb
    assert_eq!(
        q(
            "La porte-parole du gouvernement, Prisca Thevenot, l'a confirmé : « Le texte sera examiné en juin. »",
            FR
        )[0]
        .2
        .as_deref(),
        Some("Prisca Thevenot")
    );
    // a place completing a title is not the speaker; the title resolves
    assert_eq!(
        q(
            "Emmanuel Macron a parlé lundi. Le chef de l'État a déclaré : « Nous tiendrons bon. »",
            FR
        )[0]
        .2
        .as_deref(),
        Some("Emmanuel Macron")
    );
    assert_eq!(
        q("The mayor of Paris said: “We will rebuild.”", EN)[0]
            .2
            .as_deref(),
        Some("mayor of Paris")
    );
    // a name particle is no complement
    let blasio = q(
        "On April 14, de Blasio tweeted, “I will help you secure any permit you need.”",
        EN,
    );
    assert!(
        blasio[0]
            .2
            .as_deref()
            .is_some_and(|s| s.ends_with("Blasio")),
        "{blasio:?}"
    );
}

#[test]
fn a_bracketed_acronym_names_the_body() {
    assert_eq!(
        q(
            "« Le feu est fixé », a indiqué le service départemental d'incendie et de secours (Sdis) du Var.",
            FR
        )[0]
        .2
        .as_deref(),
        Some("Sdis du Var")
    );
    // its plural pronoun later is the same body
    let t = "Le feu, parti d'un entrepôt de l'usine exploitée par Chimex SA, a été maîtrisé par 120 pompiers, selon le service départemental d'incendie et de secours (SDIS) de Seine-Maritime.\n\n« Les flammes ont atteint vingt mètres », ont-ils indiqué.";
    let found = q(t, FR);
    assert!(
        found
            .iter()
            .all(|x| x.2.as_deref() == Some("SDIS de Seine-Maritime")),
        "{found:?}"
    );
    // a person named after the acronym speaks
    assert_eq!(
        q(
            "« C'est une erreur », a réagi la présidente de l'Union des compagnies aériennes (UCAF), Catherine Morvan.",
            FR
        )[0]
        .2
        .as_deref(),
        Some("Catherine Morvan")
    );
}

/// French partial quotes and the guidelines' length and exclusion rules.
mod french_partial {
    use super::*;

    fn speakers(t: &str) -> Vec<(String, Option<String>)> {
        q(t, FR).into_iter().map(|x| (x.0, x.2)).collect()
    }

    fn one(t: &str) -> (String, Option<String>) {
        let s = speakers(t);
        assert_eq!(s.len(), 1, "{s:?}");
        s[0].clone()
    }

    fn named(t: &str, s: &str) -> (String, Option<String>) {
        (t.to_string(), Some(s.to_string()))
    }

    #[test]
    fn woven_into_the_sentence_after_a_speech_verb() {
        assert_eq!(
            one("Jean Dupont a déclaré que « la réforme sera votée avant l'été »."),
            named("la réforme sera votée avant l'été", "Jean Dupont")
        );
        assert_eq!(
            one("Marie Lenoir a dénoncé « une décision prise sans la moindre concertation »."),
            named(
                "une décision prise sans la moindre concertation",
                "Marie Lenoir"
            )
        );
        assert_eq!(
            one("Paul Martin estime qu'« aucun élu ne peut accepter ce recul »."),
            named("aucun élu ne peut accepter ce recul", "Paul Martin")
        );
        // the verb governs a quote further in its clause
        assert_eq!(
            one(
                "Paul Martin a dénoncé lundi devant les élus un projet qui « ne répond à aucune urgence »."
            ),
            named("ne répond à aucune urgence", "Paul Martin")
        );
    }

    #[test]
    fn short_complements_of_a_speech_verb_count() {
        assert_eq!(
            one("Le ministre Jean Roux s'est dit « rassuré » après la réunion."),
            named("rassuré", "Jean Roux")
        );
        assert_eq!(
            one("Jean Roux souhaite « bonne chance » à son rival."),
            named("bonne chance", "Jean Roux")
        );
        assert_eq!(
            one("Jean Roux a résumé la situation : « Inacceptable. »"),
            named("Inacceptable.", "Jean Roux")
        );
    }

    #[test]
    fn short_fragments_inside_a_phrase_do_not() {
        assert!(speakers("Jean Roux évoque un « triste rappel » de la crise.").is_empty());
        assert!(speakers("Des mesures qu'il juge « abjectes » ont été votées.").is_empty());
        // naming verbs and adjectives after declarer: labels
        assert!(speakers("Jean Roux a qualifié la mesure de « honteuse ».").is_empty());
        assert!(speakers("L'Ordre a déclaré cette décision « inacceptable ».").is_empty());
    }

    #[test]
    fn selon_and_pour_introduce_a_quote() {
        assert_eq!(
            one("Selon Claire Dubois, « le site devra fermer avant la fin de l'année »."),
            named(
                "le site devra fermer avant la fin de l'année",
                "Claire Dubois"
            )
        );
        assert_eq!(
            one("Pour Claire Dubois, « le site devra fermer avant la fin de l'année »."),
            named(
                "le site devra fermer avant la fin de l'année",
                "Claire Dubois"
            )
        );
        // "pour X," at the head of a clause governs a later quote too
        assert_eq!(
            one("Pour Claire Dubois, cette usine représente « un espoir pour toute la vallée »."),
            named("un espoir pour toute la vallée", "Claire Dubois")
        );
    }

    #[test]
    fn juxtaposed_quotes_share_their_verb() {
        assert_eq!(
            speakers(
                "Jean Roux affirme que « la ligne sera rouverte », « les horaires seront tenus » et « les prix ne bougeront pas »."
            ),
            vec![
                named("la ligne sera rouverte", "Jean Roux"),
                named("les horaires seront tenus", "Jean Roux"),
                named("les prix ne bougeront pas", "Jean Roux"),
            ]
        );
    }

    #[test]
    fn a_cue_later_in_the_sentence_governs_the_quotes_before_it() {
        assert_eq!(
            speakers(
                "Claire Dubois était présente. « Ces fossiles sont différents » et « leur âge reste incertain », tranche-t-elle."
            ),
            vec![
                named("Ces fossiles sont différents", "Claire Dubois"),
                named("leur âge reste incertain", "Claire Dubois"),
            ]
        );
        assert_eq!(
            one(
                "« L'apparence compte » quand on exerce une fonction publique, répond encore Pierre Moscovici."
            ),
            named("L'apparence compte", "Pierre Moscovici")
        );
    }

    #[test]
    fn an_incise_splits_a_quote() {
        assert_eq!(
            speakers("« Moi, dit Jean Roux, j'ai l'impression que tout recommence. »"),
            vec![
                named("Moi", "Jean Roux"),
                named("j'ai l'impression que tout recommence.", "Jean Roux"),
            ]
        );
    }

    #[test]
    fn a_quote_without_cue_belongs_to_its_subject() {
        assert_eq!(
            one("L'entreprise Airbus « coopère pleinement avec ces deux organismes »."),
            named("coopère pleinement avec ces deux organismes", "Airbus")
        );
        // a description as subject names no one
        assert_eq!(
            one(
                "Jean Roux a parlé. Les membres se sont engagés à « établir les fondements d'une union »."
            ),
            ("établir les fondements d'une union".to_string(), None)
        );
    }

    #[test]
    fn names_after_a_site_a_party_a_theme_or_an_election_are_not_quotes() {
        for text in [
            "Vers 5h00, le site internet « Gilets jaunes le Mouvement » a publié un appel.",
            "Il a été enlevé par un groupe baptisé les « Aigles de libération de l'Afrique ».",
            "Cette veillée avait pour thème cette année : « Le chemin vers Jésus ».",
            "Il s'est adressé aux députés du parti « La République en marche » mardi.",
            "Il a notamment été élu « Sportif le plus populaire des cinquante dernières années ».",
        ] {
            assert!(speakers(text).is_empty(), "{text}");
        }
        // speech after the same words stays speech
        assert_eq!(
            speakers(
                "Jacline Mouraud veut créer son parti « la seule chose envisageable pour nous »."
            )
            .len(),
            1
        );
        assert_eq!(
            speakers("Jean Roux estime qu'un élu « doit se tenir à l'écart des lobbys et des intérêts divers ».").len(),
            1
        );
    }

    #[test]
    fn titles_names_and_legal_qualifications_are_not_quotes() {
        assert!(speakers("Il a vu le film « Le Seigneur des Anneaux » hier soir.").is_empty());
        assert!(
            speakers("Le livre intitulé « Une saison dans la vallée perdue » paraît lundi.")
                .is_empty()
        );
        assert!(
            speakers("Il a été mis en examen pour « association de malfaiteurs en relation avec une entreprise terroriste ».")
                .is_empty()
        );
        assert!(
            speakers("Les parents ont porté plainte pour « non-assistance à personne en danger ».")
                .is_empty()
        );
    }

    #[test]
    fn a_list_continues_what_its_first_quote_is() {
        // titles after "auteur de", however many
        assert!(
            speakers("Le romancier Jean Roux, auteur de « Vendredi ou les Limbes du Pacifique », « Le Roi des aulnes » ou encore « Les Vents de la grande plaine », est mort.")
                .is_empty()
        );
        // charges, the second one far from the verb
        assert!(
            speakers("Trois suspects ont été mis en examen pour « association de malfaiteurs terroriste » et également, concernant Paul Roux et sa compagne, pour « fabrication et détention d’explosifs en bande organisée ».")
                .is_empty()
        );
        assert!(
            speakers("Dix-sept hommes ont comparu pour « débauche » et « incitation à la débauche » devant un tribunal.")
                .is_empty()
        );
        // a petition's title
        assert!(
            speakers("Le président a répondu à la pétition « Pour une baisse des prix du carburant à la pompe ! » lancée en octobre.")
                .is_empty()
        );
        // a list of quotes that are words said stays quotes
        assert_eq!(
            speakers("Jean Roux a dénoncé « une faute politique très grave » et « une trahison de tous les électeurs ».").len(),
            2
        );
    }

    #[test]
    fn four_words_or_more_are_someone_s_words() {
        // no cue: the subject of the sentence is the source
        assert_eq!(
            one("Jean Roux, lui, reste « très sceptique sur ces interprétations »."),
            named("très sceptique sur ces interprétations", "Jean Roux")
        );
    }

    #[test]
    fn roles_bodies_and_descriptions() {
        // a role noun stands for the person bound to it
        assert_eq!(
            speakers(
                "Le maire de Tignes, Jean Vitale, est arrivé sur place. « Les secours ont fait leur travail », a déclaré le maire."
            ),
            vec![named("Les secours ont fait leur travail", "Jean Vitale")]
        );
        // an institution is written as in the text
        assert_eq!(
            one("« Le feu est maîtrisé », a indiqué la préfecture."),
            named("Le feu est maîtrisé", "préfecture")
        );
        // someone only described has no name
        assert_eq!(
            one("« Je ne l'ai pas vu depuis des années », a confié un proche de la famille."),
            ("Je ne l'ai pas vu depuis des années".to_string(), None)
        );
    }
}

/// French indirect speech under the guidelines: a speech verb and its `que`
/// clause, or `selon X,` / `d'après X,` heading a clause.
mod french_indirect {
    use super::*;

    /// (span, speaker) of the indirect quotes only.
    fn ind(t: &str) -> Vec<(String, Option<String>)> {
        q(t, FR)
            .into_iter()
            .filter(|x| x.1 == QuoteKind::Indirect)
            .map(|x| (x.0, x.2))
            .collect()
    }

    fn one(t: &str, s: Option<&str>) -> (String, Option<String>) {
        (t.to_string(), s.map(str::to_string))
    }

    #[test]
    fn adjuncts_between_the_verb_and_que() {
        assert_eq!(
            ind("Le maire Pierre Hurmic a déclaré lundi à l'AFP que le tramway serait prolongé."),
            vec![one("le tramway serait prolongé", Some("Pierre Hurmic"))]
        );
        assert_eq!(
            ind("La société Veolia a affirmé, dans un communiqué, que l'eau était potable."),
            vec![one("l'eau était potable", Some("Veolia"))]
        );
        assert_eq!(
            ind("Le syndicaliste Marc Blondel argue, quant à lui, que la grève continuera."),
            vec![one("la grève continuera", Some("Marc Blondel"))]
        );
    }

    #[test]
    fn a_direct_object_before_que_is_no_report() {
        // the que belongs to a noun ("le fait que"), not to the verb
        assert!(
            ind("Les élus jugeaient discriminatoire le fait que les bus soient payants.")
                .is_empty()
        );
        assert!(ind("Jean Dupont a critiqué la décision que le conseil a prise hier.").is_empty());
    }

    #[test]
    fn gerunds_report_for_the_sentence_speaker() {
        assert_eq!(
            ind(
                "Le ministre Bruno Le Maire a présenté son budget, estimant que la croissance reviendrait."
            ),
            vec![one("la croissance reviendrait", Some("Bruno Le Maire"))]
        );
        // a fronted participial clause ends at the main clause's subject
        assert_eq!(
            ind("Affirmant qu'il n'existait pas de chiffres fiables, il a critiqué le rapport."),
            vec![one("il n'existait pas de chiffres fiables", None)]
        );
    }

    #[test]
    fn infinitives_after_verbs_of_intent_and_avoir() {
        assert_eq!(
            ind(
                "La préfète Fabienne Buccio a tenu à préciser que aucun blessé n'était à déplorer."
            ),
            vec![one(
                "aucun blessé n'était à déplorer",
                Some("Fabienne Buccio")
            )]
        );
        assert_eq!(
            ind("Après avoir rappelé que la loi était claire, Anne Martin a quitté la salle."),
            vec![one("la loi était claire", Some("Anne Martin"))]
        );
        assert_eq!(
            ind(
                "Le président du club, Jean-Michel Aulas, a fait savoir que son entraîneur restait en poste."
            ),
            vec![one(
                "son entraîneur restait en poste",
                Some("Jean-Michel Aulas")
            )]
        );
    }

    #[test]
    fn two_coordinated_que_clauses_are_two_quotes() {
        assert_eq!(
            ind(
                "Le club Paris Saint-Germain a indiqué qu'il avait reçu le paiement et que Neymar n'était plus sous contrat."
            ),
            vec![
                one("il avait reçu le paiement", Some("Paris Saint-Germain")),
                one(
                    "Neymar n'était plus sous contrat",
                    Some("Paris Saint-Germain")
                ),
            ]
        );
    }

    #[test]
    fn the_clause_ends_before_a_new_cue_or_a_postposed_source() {
        assert_eq!(
            ind(
                "Marie Durand a annoncé que l'usine fermerait en mars, ajoutant que les salariés seraient reclassés."
            ),
            vec![
                one("l'usine fermerait en mars", Some("Marie Durand")),
                one("les salariés seraient reclassés", Some("Marie Durand")),
            ]
        );
        assert_eq!(
            ind(
                "Le juge Paul Morel a rappelé que la loi s'appliquait à tous, tout en ajoutant qu'il comprenait la colère."
            ),
            vec![
                one("la loi s'appliquait à tous", Some("Paul Morel")),
                one("il comprenait la colère", Some("Paul Morel")),
            ]
        );
    }

    #[test]
    fn a_clause_holding_a_direct_quote_gives_only_the_direct_quote() {
        let got = q(
            "Le député Éric Coquerel a affirmé que « cette réforme est une faute historique ».",
            FR,
        );
        assert_eq!(
            got,
            vec![d("cette réforme est une faute historique", "Éric Coquerel")]
        );
        // short fragments that are no quotes: the whole clause is indirect
        assert_eq!(
            ind("Le maire Louis Aliot estime que ces « incivilités » doivent cesser."),
            vec![one(
                "ces « incivilités » doivent cesser",
                Some("Louis Aliot")
            )]
        );
    }

    #[test]
    fn no_report_without_a_speaker_saying_it() {
        // the journalist's imperative
        assert!(ind("Rappelons que la loi a été votée en 2019.").is_empty());
        // a noun, not a verb
        assert!(ind("Le ministre a rédigé une note que personne n'a lue.").is_empty());
        // an agentless passive
        assert!(ind("Il a été annoncé que le sommet était reporté.").is_empty());
        // "ne … que" means "only"
        assert!(ind("Le témoin Jean Leroy n'a dit que des banalités aux enquêteurs.").is_empty());
        // belief and hope are not speech
        assert!(ind("Jean Dupont pense que la pluie cessera demain.").is_empty());
        assert!(ind("Jean Dupont espère que la pluie cessera demain.").is_empty());
        // an inference
        assert!(ind("Les chercheurs en ont conclu que le virus mutait.").is_empty());
    }

    #[test]
    fn selon_heading_the_clause_after_a_fronted_adverbial() {
        assert_eq!(
            ind("En 2016, selon l'Insee, le chômage a baissé de deux points."),
            vec![one("le chômage a baissé de deux points", Some("Insee"))]
        );
        assert_eq!(
            ind("Toujours selon le chauffeur, la direction de la régie était prévenue."),
            vec![one("la direction de la régie était prévenue", None)]
        );
    }

    #[test]
    fn selon_as_an_incise_stays_inside_the_span() {
        assert_eq!(
            ind(
                "Les chiffres corrects, selon le quotidien Le Monde, sont de 200 000 manifestants."
            ),
            vec![one(
                "Les chiffres corrects, selon le quotidien Le Monde, sont de 200 000 manifestants",
                Some("Le Monde")
            )]
        );
    }

    #[test]
    fn selon_past_an_apposition_to_the_source() {
        assert_eq!(
            ind("Selon François Dubet, sociologue à Bordeaux, l'école creuse les inégalités."),
            vec![one("l'école creuse les inégalités", Some("François Dubet"))]
        );
    }

    #[test]
    fn selon_without_a_source_or_postposed_is_not_marked() {
        // postposed after an unquoted clause
        assert!(ind("Le feu a été maîtrisé vers midi, selon la préfecture.").is_empty());
        // a relative pronoun, a law
        assert!(ind("Il a repris la rumeur selon laquelle le maire démissionnerait.").is_empty());
        assert!(ind("Selon le Code du travail, le salarié doit être prévenu.").is_empty());
    }

    #[test]
    fn que_after_a_conjunction_is_no_complement() {
        // "alors que", "ainsi que": a subordinate clause, not what was said
        assert!(ind("Des manifestants lancent des fumigènes sur la chaussée alors que circulent encore des voitures.").is_empty());
        assert!(
            ind(
                "Le maire Jean Dupont a annoncé la fermeture du parc ainsi que celle de la piscine."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_inserted_phrase_between_auxiliary_and_verb() {
        assert_eq!(
            ind(
                "Le site Mediapart a pour sa part révélé que le ministre occupait un poste de conseil."
            ),
            vec![one(
                "le ministre occupait un poste de conseil",
                Some("Mediapart")
            )]
        );
        assert_eq!(
            ind(
                "La syndicaliste Sophie Binet a, de son côté, affirmé que la grève serait reconduite."
            ),
            vec![one("la grève serait reconduite", Some("Sophie Binet"))]
        );
    }

    #[test]
    fn selon_a_source_described_without_a_name() {
        for t in [
            "Selon des policiers présents sur les lieux, l'homme aurait tenté de fuir.",
            "Selon certains experts, le groupe compterait entre 5 000 et 10 000 combattants.",
        ] {
            let got = ind(t);
            assert_eq!(got.len(), 1, "{t}");
            assert!(t.contains(&format!(", {}.", got[0].0)), "{got:?}");
            assert_eq!(got[0].1, None, "{t}");
        }
    }

    #[test]
    fn selon_a_source_qualified_before_its_comma() {
        // the source runs to its comma: "les résultats transmis par …,"
        assert_eq!(
            ind(
                "Selon les résultats partiels transmis par la Haute autorité de la primaire, le candidat Benoît Hamon arrive en tête."
            ),
            vec![one("le candidat Benoît Hamon arrive en tête", None)]
        );
        // a name's apposition opening with "de": "Selon X, de l'université …, CLAUSE"
        assert_eq!(
            ind(
                "Selon Jean-Pierre Cabestan, de l'Université baptiste de Hong Kong, les relations vont se tendre."
            ),
            vec![one(
                "les relations vont se tendre",
                Some("Jean-Pierre Cabestan")
            )]
        );
        // an apposition running to a semicolon leaves no clause to report
        assert!(ind("Selon Jean-Pierre Cabestan, de l'Université baptiste de Hong Kong ; la suite est à lire.").is_empty());
        // a long qualification of the source
        assert_eq!(
            ind(
                "Selon les résultats transmis par la Haute autorité de la primaire socialiste en vue de l'élection présidentielle de mai prochain, Benoît Hamon arrive en tête."
            ),
            vec![one("Benoît Hamon arrive en tête", None)]
        );
    }

    #[test]
    fn selon_after_a_connective_or_a_coordinating_conjunction() {
        assert_eq!(
            ind("D'autre part, selon le cabinet Gartner, les ventes de tablettes ont reculé."),
            vec![one("les ventes de tablettes ont reculé", Some("Gartner"))]
        );
        assert_eq!(
            ind(
                "Joseph Kellogg assure l'intérim et, selon Reuters, David Petraeus sera son successeur."
            ),
            vec![one("David Petraeus sera son successeur", Some("Reuters"))]
        );
    }

    #[test]
    fn the_clause_ends_where_another_speaker_starts() {
        assert_eq!(
            ind(
                "Le procureur Jean Martin estimait que Flynn pourrait être victime de chantage et les démocrates avaient demandé lundi, au Congrès, que Flynn soit renvoyé."
            ),
            vec![
                one(
                    "Flynn pourrait être victime de chantage",
                    Some("Jean Martin")
                ),
                one("Flynn soit renvoyé", None),
            ]
        );
        // a gerund's clause inside an apposition ends where the main verb resumes
        let got = ind(
            "Michael Flynn, nombre d'agents estimant qu'il n'est pas fait pour ce poste, est un partisan du rapprochement.",
        );
        assert_eq!(got[0].0, "il n'est pas fait pour ce poste");
    }

    #[test]
    fn selon_a_body_named_in_its_phrase() {
        assert_eq!(
            ind(
                "Vers 20h45, selon la Banque de France, les manifestations ont coûté 0,1 point de croissance."
            ),
            vec![one(
                "les manifestations ont coûté 0,1 point de croissance",
                Some("Banque de France")
            )]
        );
        assert_eq!(
            ind(
                "D'autre part, selon le rapport ComScore de 2015, les utilisateurs sont plus jeunes."
            ),
            vec![one("les utilisateurs sont plus jeunes", Some("ComScore"))]
        );
        // a name after a preposition is no source
        let got = ind("Selon la police de Paris, trois personnes ont été interpellées.");
        assert_eq!(got.len(), 1);
        assert_ne!(got[0].1.as_deref(), Some("Paris"));
    }

    #[test]
    fn selon_a_source_running_to_its_comma() {
        for (t, want) in [
            (
                "Selon les différents bilans qui se succèdent, près d'une centaine de personnes ont été tuées.",
                "près d'une centaine de personnes ont été tuées",
            ),
            (
                "Selon l'Ufip (Union française des industries pétrolières), onze dépôts sont difficiles d'accès.",
                "onze dépôts sont difficiles d'accès",
            ),
            (
                "Selon le directeur de la discothèque, interrogé par Sky News, les tirs ont débuté vers 2 heures.",
                "les tirs ont débuté vers 2 heures",
            ),
        ] {
            let got = ind(t);
            assert_eq!(got.len(), 1, "{t}");
            assert_eq!(got[0].0, want);
        }
        // without a comma, the clause opens at its article
        assert_eq!(
            ind("Selon la même agence la Corée du Nord n'a plus besoin de ses essais."),
            vec![one("la Corée du Nord n'a plus besoin de ses essais", None)]
        );
        // rules are no source (an agreement, like a bill, may be)
        assert!(
            ind("Selon les critères du BIT, il suffit de travailler une heure par semaine.")
                .is_empty()
        );
    }

    #[test]
    fn selon_inside_a_subject_phrase_is_no_heading() {
        let got = ind(
            "Cette restructuration, destinée selon le groupe à accroître sa compétitivité, concerne un quart des effectifs.",
        );
        assert!(
            got.iter().all(|x| !x.0.starts_with("à accroître")),
            "{got:?}"
        );
    }

    #[test]
    fn the_journalists_remarks_and_restrictions_are_no_reports() {
        assert!(
            ind("Force est de constater que le coureur britannique a su profiter de l'erreur.")
                .is_empty()
        );
        assert!(ind("Il est à noter que les deux candidats se connaissent bien.").is_empty());
        assert!(ind("Les enquêteurs n'ont pu relever qu'une seule empreinte digitale.").is_empty());
    }

    #[test]
    fn the_clause_ends_at_the_subjects_next_verb() {
        assert_eq!(
            ind(
                "Le gouvernement pakistanais estime que les activistes ont leurs sanctuaires en Afghanistan, et annonce la fermeture de la frontière."
            ),
            vec![one(
                "les activistes ont leurs sanctuaires en Afghanistan",
                Some("gouvernement pakistanais")
            )]
        );
        // a relative clause without its commas runs on
        let got = ind(
            "Le journal Le Figaro annonce que la femme qui a été blessée samedi, est décédée dimanche.",
        );
        assert_eq!(
            got[0].0,
            "la femme qui a été blessée samedi, est décédée dimanche"
        );
    }

    #[test]
    fn more_verbs_and_forms_that_report() {
        for (t, want) in [
            (
                "Elle prétend que le club aurait été visé pour ses positions.",
                "le club aurait été visé pour ses positions",
            ),
            (
                "La police avait à tort annoncé au départ qu'elle était due à une bombe.",
                "elle était due à une bombe",
            ),
            (
                "Il précise bien que les barrages sont seulement ouverts.",
                "les barrages sont seulement ouverts",
            ),
            (
                "Par ailleurs, France Stratégie estime dans sa note d'analyse de juillet 2016 que 15 % des emplois sont automatisables.",
                "15 % des emplois sont automatisables",
            ),
            (
                "Aucune rumeur ne circulait, la présidente ayant annoncé que le nom n'était connu que de quelques personnes.",
                "le nom n'était connu que de quelques personnes",
            ),
        ] {
            let got = ind(t);
            assert_eq!(got.len(), 1, "{t}: {got:?}");
            assert_eq!(got[0].0, want);
        }
    }

    #[test]
    fn selon_after_a_dated_dash() {
        assert_eq!(
            ind(
                "24 janvier 2017. – Selon certains observateurs, les chiffres auraient été manipulés."
            ),
            vec![one("les chiffres auraient été manipulés", None)]
        );
    }

    #[test]
    fn adverbs_that_look_like_reports() {
        assert!(ind("Maintenant que la Commission européenne a lancé la procédure, il revient au Conseil de la valider.").is_empty());
        assert!(
            ind("Les insurgés ne contrôlent maintenant que quelques quartiers dans le sud-est.")
                .is_empty()
        );
        assert!(
            ind("Il est aussi à noter que Makhzoumi a été impliqué dans un scandale.").is_empty()
        );
        assert!(ind("Dans ce contexte, il est pour le moins troublant de remarquer que l'ACAT a été interdite.").is_empty());
    }

    #[test]
    fn anonymous_sources_stay_unnamed() {
        let got = ind("Selon des sources PS, il est largement vainqueur à 58,65 % des voix.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn a_coordinated_subject_does_not_end_the_clause() {
        let got = ind(
            "L'Élysée affirme que le président et le Premier ministre souhaitent une pause fiscale.",
        );
        assert_eq!(
            got[0].0,
            "le président et le Premier ministre souhaitent une pause fiscale"
        );
    }

    #[test]
    fn a_gerund_reports_for_the_name_in_apposition() {
        let got = ind(
            "Le ministre des Finances, Michel Sapin, affiche pourtant son optimisme, estimant que la croissance sera de 1,5 %.",
        );
        assert_eq!(
            got,
            vec![one("la croissance sera de 1,5 %", Some("Michel Sapin"))]
        );
    }

    #[test]
    fn a_medium_in_quotation_marks_is_the_subject() {
        assert_eq!(
            ind("« Quotidien » a affirmé que les deux assistants ont signé douze contrats."),
            vec![one(
                "les deux assistants ont signé douze contrats",
                Some("Quotidien")
            )]
        );
    }

    #[test]
    fn the_subject_before_a_relative_clause_holding_a_fragment() {
        assert_eq!(
            ind(
                "Donald Trump, qui juge ces règles « trop lourdes » pour l'économie, argue, quant à lui, que ces projets vont créer des emplois."
            ),
            vec![one(
                "ces projets vont créer des emplois",
                Some("Donald Trump")
            )]
        );
    }

    #[test]
    fn a_gerund_in_brackets_reports_for_the_bracketed_clause() {
        let got = ind(
            "Le ministre Bruno Le Maire confirme la taxe (la veille, Xavier Niel a approuvé cela en racontant que le café payait moins d'impôt que le cordonnier).",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("Xavier Niel"));
    }

    #[test]
    fn the_subject_opening_the_clause_past_its_appositions() {
        assert_eq!(
            ind(
                "Victor Buso, un astronome amateur de Rosario (Argentine), remarque qu'un point faible est apparu dans le ciel."
            ),
            vec![one(
                "un point faible est apparu dans le ciel",
                Some("Victor Buso")
            )]
        );
        assert_eq!(
            ind(
                "Nicolas Hulot, ministre d'État, ministre de la Transition écologique, a annoncé ce matin qu'il quittait le gouvernement."
            ),
            vec![one("il quittait le gouvernement", Some("Nicolas Hulot"))]
        );
        // a second verb in the apposition: no opening subject
        assert_eq!(
            ind("Le maire, la préfète a confirmé son départ, affirme que le budget est prêt."),
            vec![one("le budget est prêt", None)]
        );
    }

    #[test]
    fn selon_a_document_is_its_author() {
        assert_eq!(
            ind("Selon un sondage de l'Ifop, 70 % des Français approuvent le mouvement."),
            vec![one(
                "70 % des Français approuvent le mouvement",
                Some("Ifop")
            )]
        );
        assert_eq!(
            ind(
                "Selon une enquête réalisée par Associated Press, deux mille agents feraient l'objet d'accusations."
            ),
            vec![one(
                "deux mille agents feraient l'objet d'accusations",
                Some("Associated Press")
            )]
        );
        // a place after a body is no author
        let got = ind("Selon la police de Paris, deux mille personnes ont défilé.");
        assert_eq!(got.len(), 1);
        assert_ne!(got[0].1.as_deref(), Some("Paris"));
    }

    #[test]
    fn selon_past_a_participle_apposition() {
        assert_eq!(
            ind(
                "Selon le sondage Elabe, réalisé les 18 et 19 décembre, 70 % des Français approuvent le mouvement."
            ),
            vec![one(
                "70 % des Français approuvent le mouvement",
                Some("Elabe")
            )]
        );
    }

    #[test]
    fn a_name_before_its_role_without_closing_comma() {
        assert_eq!(
            ind(
                "Vers 14h45, Francis Palombi, président de la Confédération des commerçants de France a affirmé que les ventes ont baissé."
            ),
            vec![one("les ventes ont baissé", Some("Francis Palombi"))]
        );
    }

    #[test]
    fn more_speech_verbs_and_inserts() {
        assert_eq!(
            ind("Une source a suggéré que des chefs d'inculpation pourraient être retenus."),
            vec![one("des chefs d'inculpation pourraient être retenus", None)]
        );
        assert_eq!(
            ind("Jean Dupont avait un temps annoncé qu'il se retirerait en cas de mise en examen."),
            vec![one(
                "il se retirerait en cas de mise en examen",
                Some("Jean Dupont")
            )]
        );
    }
}
