//! Speaker choices that rest on the entity recogniser, on sentences written
//! for these tests: the whole analysis runs, as in the reader.

use quoth::analysis::{Analyzer, Lang};

/// (quoted text, speaker) of each quote.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    let analyzer = Analyzer::new().unwrap();
    analyzer
        .analyze(text, Some(Lang::En))
        .quotes
        .into_iter()
        .map(|q| (q.span.text(text).to_string(), q.speaker))
        .collect()
}

fn one(text: &str) -> Option<String> {
    let s = speakers(text);
    assert_eq!(s.len(), 1, "{s:?}");
    s[0].1.clone()
}

#[test]
fn a_capitalised_word_opening_a_sentence_is_no_speaker() {
    // "Hours", "December", "Editor’s" name nobody
    assert_eq!(
        one(
            "Sheldon Adelson praised the candidate on Monday. Hours later, Donald Trump returned the compliment, telling Reuters, “He is an amazing man and a good friend.”"
        )
        .as_deref(),
        Some("Donald Trump")
    );
    assert_ne!(
        one("Here is Bill Clinton in December 1992: “Our new direction must rest on the new realities of global competition.”").as_deref(),
        Some("December")
    );
}

#[test]
fn a_quote_ending_its_line_takes_no_cue_from_the_next() {
    let s = speakers(
        "“Mitt Romney was a worthy foe,” Senator Claire McCaskill said. “I think it is unfair to him.”\nEditor’s note: the senator later apologised.",
    );
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter().all(|x| x.1.as_deref() == Some("Claire McCaskill")),
        "{s:?}"
    );
}

#[test]
fn a_parenthesis_after_the_name_is_passed_over() {
    assert_eq!(
        one(
            "The committee voted along party lines.\n\n\"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz (R-Utah) said after the hearing."
        )
        .as_deref(),
        Some("Jason Chaffetz")
    );
}

#[test]
fn the_subject_past_an_opening_phrase_before_a_colon() {
    assert_eq!(
        one("In a Fox interview later that day, Donald Trump went even further: “If he runs and loses, it is the end of his career.”").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn a_gerund_hangs_on_a_person_not_a_page() {
    // "Carson" is also a first name; the recogniser says it is a person here
    assert_eq!(
        one("Later on Sunday, Ben Carson posted a syllabus. Carson shared it on his Facebook page, writing “Allow me to do the research for the reporter.”").as_deref(),
        Some("Ben Carson")
    );
    assert_eq!(
        one("At a rally in Birmingham, Alabama, on Saturday, supporters punched a protester, with Donald Trump reportedly yelling: “Get him out of here!”").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn a_title_before_a_recognised_name_is_not_part_of_the_speaker() {
    // one speaker, whether the title is there or not
    let s = speakers(
        "“This is a dark day,” Prime Minister Keir Starmer told reporters outside Downing Street. “We will recover,” Starmer said.",
    );
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter().all(|x| x.1.as_deref() == Some("Keir Starmer")),
        "{s:?}"
    );
}

/// A title of the other gender names another person of the surname:
/// "Mrs Smith" is not the "Graham Smith" the recogniser groups her with.
#[test]
fn a_title_of_the_other_gender_is_another_person_of_the_surname() {
    let s = speakers(
        "Graham Smith and his wife Linda watched the water rise from a footbridge.\n\n\"We only finished the kitchen in March,\" Mrs Smith told Reuters.\n\n\"It's the third time in ten years,\" Mr Smith said.",
    );
    let who: Vec<Option<&str>> = s.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(who, [Some("Mrs Smith"), Some("Graham Smith")], "{s:?}");
}

/// A dateline's agency in brackets ("ROTTERDAM (Reuters) -", "PARIS (AFP)
/// –") is the agency, not an acronym of the place: quoted further down, it
/// speaks under its own name.
#[test]
fn a_dateline_credit_is_the_agency_not_the_place() {
    let s = speakers(
        "ROTTERDAM (Reuters) - Dozens of container ships waited off the Dutch coast on Thursday as a strike closed the port.\n\nAt least 61 vessels were at anchor, Reuters reported, citing port data.",
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1.as_deref(), Some("Reuters"), "{s:?}");
    let s = french(
        "PARIS (AFP) – Le gouvernement a annoncé lundi une hausse des taxes sur le kérosène.\n\nSelon l'AFP, la mesure entrera en vigueur en janvier.",
    );
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1.as_deref(), Some("AFP"), "{s:?}");
}

/// (quoted text, speaker) of each quote of a French text.
fn french(text: &str) -> Vec<(String, Option<String>)> {
    let analyzer = Analyzer::new().unwrap();
    analyzer
        .analyze(text, Some(Lang::Fr))
        .quotes
        .into_iter()
        .map(|q| (q.span.text(text).to_string(), q.speaker))
        .collect()
}

fn says(text: &str) -> Vec<Option<String>> {
    french(text).into_iter().map(|x| x.1).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

// The plain patterns of issue 9, each with the right speaker.

#[test]
fn a_place_after_the_speaker_is_not_the_speaker() {
    assert_eq!(
        says(
            "« Nous ne céderons rien sur la sécurité », a déclaré le président Emmanuel Macron à Paris."
        ),
        vec![some("Emmanuel Macron")]
    );
    assert_eq!(
        says(
            "« Le budget sera tenu coûte que coûte », a affirmé le ministre Bruno Le Maire mardi à Bercy."
        ),
        vec![some("Bruno Le Maire")]
    );
}

#[test]
fn a_pronoun_after_a_named_subject_and_an_object() {
    assert_eq!(
        says(
            "Le maire de Lyon, Grégory Doucet, a défendu lundi soir son plan vélo devant le conseil municipal. « Nous allons doubler les pistes cyclables », a-t-il lancé."
        ),
        vec![some("Grégory Doucet")]
    );
}

#[test]
fn pour_x_and_the_pronoun_that_follows() {
    assert_eq!(
        says(
            "« Le tramway arrivera en 2026 », a assuré la présidente de la métropole, Marie Curie.\n\nPour l'adjoint aux mobilités, Fabien Bagnon, « la voiture doit reculer dans le centre ». Il a ajouté : « Nous ne reviendrons pas en arrière. »"
        ),
        vec![
            some("Marie Curie"),
            some("Fabien Bagnon"),
            some("Fabien Bagnon")
        ]
    );
}

#[test]
fn an_english_quote_inside_a_french_article() {
    assert_eq!(
        french(
            "La maire a visité le chantier. “We will not go back on this,” said Anne Hidalgo, the mayor of Paris."
        ),
        vec![(
            "We will not go back on this,".to_string(),
            some("Anne Hidalgo")
        )]
    );
}

#[test]
fn one_person_one_chain_across_the_article() {
    let text = "Le président américain Barack Obama a reçu les journalistes. « Nous tiendrons nos promesses », a déclaré Barack Obama. « Le pays avance », a ajouté Obama. Le président a ensuite répété que « la croissance est de retour ». « Rien ne nous arrêtera », a-t-il conclu.";
    let a = Analyzer::new().unwrap().analyze(text, Some(Lang::Fr));
    assert_eq!(a.quotes.len(), 4, "{:?}", a.quotes);
    let ids: Vec<Option<usize>> = a.quotes.iter().map(|q| q.person).collect();
    assert!(ids.iter().all(|i| i.is_some() && *i == ids[0]), "{ids:?}");
    assert!(
        a.quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Barack Obama"))
    );
    let p = &a.people[ids[0].unwrap()];
    assert_eq!(p.name, "Barack Obama");
    let forms: Vec<&str> = p.mentions.iter().map(|m| m.span.text(text)).collect();
    for f in ["Barack Obama", "Obama", "Le président", "il"] {
        assert!(forms.contains(&f), "{f} missing from {forms:?}");
    }
}

#[test]
fn interview_answers_go_to_the_interviewee_and_are_not_direct_quotes() {
    use quoth::analysis::QuoteKind;
    let text = "La navigatrice Anne Roy revient de trois mois en mer. Anne Roy a répondu à nos questions.\n\n– Pourquoi repartir si vite ?\n\n– Parce que la mer me manque déjà, tout simplement.\n\n– Et la suite ?\n\n– Une nouvelle course en solitaire au printemps prochain.";
    let a = Analyzer::new().unwrap().analyze(text, Some(Lang::Fr));
    let got: Vec<(&str, QuoteKind, Option<&str>)> = a
        .quotes
        .iter()
        .map(|q| (q.span.text(text), q.kind, q.speaker.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Parce que la mer me manque déjà, tout simplement.",
                QuoteKind::Answer,
                Some("Anne Roy")
            ),
            (
                "Une nouvelle course en solitaire au printemps prochain.",
                QuoteKind::Answer,
                Some("Anne Roy")
            ),
        ]
    );
    // questions alone, or dashes in running text, make no interview
    let a = Analyzer::new().unwrap().analyze(
        "Anne Roy parle.\n\n– Pourquoi ?\n\n– Et demain ?",
        Some(Lang::Fr),
    );
    assert!(a.quotes.is_empty());
}

#[test]
fn an_agency_dateline_is_no_part_of_the_lead_sentence_s_report() {
    let text = "BlackRock cuts jobs\n\nNEW YORK, Nov 12 (Reuters) - BlackRock Inc will cut about 300 jobs, the company said on Tuesday.";
    let s = speakers(text);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "BlackRock Inc will cut about 300 jobs");
}

#[test]
fn business_news_calls_a_company_by_its_trade() {
    // "the lender", "the world's largest asset manager": the company named
    // before, not a phrase of their own
    for said in [
        "the lender said",
        "the world's largest asset manager said",
        "Europe's biggest bank said",
    ] {
        let text = format!(
            "Barclays Plc will cut about 3% of its global workforce, {said} on Tuesday. \
             The cuts follow a review of its costs."
        );
        assert_eq!(one(&text).as_deref(), Some("Barclays Plc"), "{said}");
    }
}
