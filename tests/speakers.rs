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
