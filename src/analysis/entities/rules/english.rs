//! Corrections for English only, as agency copy writes it: a player's club
//! in brackets, and the names of an all-capitals headline read as the text
//! below it reads them.

use std::sync::OnceLock;

use super::{M, is_cap, is_iso_date, majority, text_of};
use crate::analysis::Label;
use crate::analysis::gazetteer::{FastMap, FastSet, Gazetteer, flag};

const COUNTRIES_EN: &str = include_str!("../../../../assets/gazetteer/countries_en.txt");

/// Countries, nations and home regions as English news names them, beyond
/// the gazetteer's GeoNames names ("U.S.", "Britain", "Czech Republic").
fn countries_en() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COUNTRIES_EN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether `ws` is a country, a nation or a state (not a town).
fn is_country(ws: &[&str]) -> bool {
    if countries_en().contains(ws.join(" ").as_str()) {
        return true;
    }
    let mut marks = Vec::new();
    Gazetteer::get().mark(ws, &mut marks);
    marks.iter().all(|m| m & flag::COUNTRY != 0)
}

/// A player's club in brackets after their name ("Jacek Dembinski ( Widzew
/// Lodz ) ,", "Adam Fedoruk ( both Amica Wronki )") is an organisation,
/// whatever town it carries; a country there is the player's country and
/// stays as the labeller reads it ("Greg Norman ( Australia )"). Only in a
/// list: the bracket ends the line or comes before a comma or a figure, not
/// inside a sentence, where it glosses a name ("Saddam ( Hussein ) said"),
/// and not a politician's party and state ("( R-Ohio )").
/// CoNLL-2003 train (gold): 64 clubs in such brackets after a player, 1,352
/// countries this list or the gazetteer knows, 5 other places ("( Stuttgart
/// )", misspelt countries).
pub(super) fn clubs_in_brackets(words: &[&str], mut ms: Vec<M>) -> Vec<M> {
    let mut clubs: Vec<(usize, usize)> = Vec::new();
    for (r, l) in &ms {
        if *l != Label::Per || words.get(r.end) != Some(&"(") {
            continue;
        }
        let mut start = r.end + 1;
        if words.get(start) == Some(&"both") {
            start += 1;
        }
        let Some(len) = (1..=3).find(|&n| words.get(start + n) == Some(&")")) else {
            continue;
        };
        let end = start + len;
        let inner = &words[start..end];
        let after_ok = words.get(end + 1).is_none_or(|w| {
            matches!(*w, "," | "." | ";") || w.starts_with(|c: char| c.is_ascii_digit())
        });
        // words of a name, not a town's initial ("Proleter ( Z ) 4 0 1")
        // nor a politician's party and state ("Jim Jordan ( R-Ohio ) ,")
        let name_words = inner.iter().all(|w| {
            is_cap(w)
                && w.as_bytes().get(1) != Some(&b'-')
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
        if after_ok && name_words && !is_country(inner) {
            clubs.push((start, end));
        }
    }
    if clubs.is_empty() {
        return ms;
    }
    for (start, end) in clubs {
        // what the labeller found inside the bracket is the club
        if ms
            .iter()
            .any(|(r, _)| r.start < end && r.end > start && (r.start < start || r.end > end))
        {
            continue;
        }
        ms.retain(|(r, _)| !(r.start >= start && r.end <= end));
        ms.push((start..end, Label::Org));
    }
    ms.sort_by_key(|m| m.0.start);
    ms
}

/// Longest name looked for in a headline, in words.
const MAX_HEADLINE_NAME: usize = 5;

/// A headline in capitals ("BASEBALL - ORIOLES ' MANAGER DAVEY JOHNSON
/// HOSPITALIZED .") tells the labeller little: its words carry no case. A
/// run of its words that the text below names in ordinary case takes the
/// label it has there ("Davey Johnson" PER, "Raith Rovers" ORG), unless the
/// labeller found a name there that runs past it. Datelines ("NEW YORK
/// 1996-08-30") and fixtures ("ATLANTA AT CHICAGO") are left to
/// `datelines_and_venues`. CoNLL-2003 train
/// (gold): a headline name the text below names again has the label it has
/// there 400 times in 408 (the others: a team by its town as a place,
/// "MANCHESTER UNITED" once).
pub(super) fn headlines(words: &[&str], initial: &[bool], mut ms: Vec<M>) -> Vec<M> {
    // the sentences in capitals: at least two words of letters and no
    // lowercase letter
    let mut heads: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let end = (start + 1..words.len())
            .find(|&i| initial[i])
            .unwrap_or(words.len());
        let sent = &words[start..end];
        let head_start = start;
        start = end;
        // most sentences show a lowercase letter in their first words
        if sent.iter().any(|w| w.chars().any(char::is_lowercase)) {
            continue;
        }
        let lettered = sent
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        let body = match sent {
            [body @ .., "."] => body,
            all => all,
        };
        let dateline = body.last().is_some_and(|w| is_iso_date(w));
        // a fixture ("ATLANTA AT CHICAGO"): the visiting team, then the town
        let fixture = body.len() <= 6 && body.contains(&"AT");
        // a headline is short: a paragraph in capitals is no headline
        // (a licence's warranty; CoNLL-2003 train: no headline over 19)
        if lettered >= 2 && sent.len() <= 20 && !dateline && !fixture {
            heads.push((head_start, end));
        }
    }
    if heads.is_empty() {
        return ms;
    }
    let in_head = |i: usize| heads.iter().any(|&(s, e)| s <= i && i < e);
    // the names of the text in ordinary case, lowercased, with their votes
    let mut votes: FastMap<String, [u32; 4]> = FastMap::default();
    for (r, l) in &ms {
        let ws = &words[r.clone()];
        if r.len() > MAX_HEADLINE_NAME
            || in_head(r.start)
            || !ws.iter().any(|w| w.chars().any(char::is_lowercase))
        {
            continue;
        }
        votes.entry(text_of(words, r).to_lowercase()).or_default()[*l as usize] += 1;
    }
    if votes.is_empty() {
        return ms;
    }
    let mut found: Vec<M> = Vec::new();
    for (s, e) in heads {
        let mut i = s;
        while i < e {
            let hit = (1..=MAX_HEADLINE_NAME.min(e - i)).rev().find_map(|n| {
                let label = majority(votes.get(&text_of(words, &(i..i + n)).to_lowercase())?)?;
                // a name the labeller found that runs past the run stands
                let crossing = ms
                    .iter()
                    .any(|(r, _)| r.start < i + n && r.end > i && (r.start < i || r.end > i + n));
                (!crossing).then_some((n, label))
            });
            match hit {
                Some((n, label)) => {
                    found.push((i..i + n, label));
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    if found.is_empty() {
        return ms;
    }
    ms.retain(|(r, _)| {
        !found
            .iter()
            .any(|(f, _)| r.start >= f.start && r.end <= f.end)
    });
    ms.extend(found);
    ms.sort_by_key(|m| m.0.start);
    ms
}

#[cfg(test)]
mod tests {
    use super::super::tests::{owned, run_en};
    use crate::analysis::Label;

    #[test]
    fn a_club_in_brackets_after_a_player_is_an_organisation() {
        assert_eq!(
            run_en(
                "4 - Jacek Dembinski ( Widzew Lodz ) , Adam Fedoruk ( both Amica Wronki ) , Greg Norman ( Australia ) 69",
                vec![
                    (2..4, Label::Per),
                    (5..7, Label::Loc),
                    (9..11, Label::Per),
                    (13..15, Label::Per),
                    (17..19, Label::Per),
                    (20..21, Label::Loc)
                ]
            ),
            owned(&[
                ("Jacek Dembinski", Label::Per),
                ("Widzew Lodz", Label::Org),
                ("Adam Fedoruk", Label::Per),
                ("Amica Wronki", Label::Org),
                ("Greg Norman", Label::Per),
                ("Australia", Label::Loc)
            ])
        );
        // a country GeoNames does not name so, a gloss inside a sentence
        assert_eq!(
            run_en(
                "Colin Jackson ( Britain ) , the regime of Saddam ( Hussein ) said , Jim Jordan ( R-Ohio ) ,",
                vec![
                    (0..2, Label::Per),
                    (3..4, Label::Loc),
                    (9..10, Label::Per),
                    (11..12, Label::Per),
                    (15..17, Label::Per),
                    (18..19, Label::Misc)
                ]
            ),
            owned(&[
                ("Colin Jackson", Label::Per),
                ("Britain", Label::Loc),
                ("Saddam", Label::Per),
                ("Hussein", Label::Per),
                ("Jim Jordan", Label::Per),
                ("R-Ohio", Label::Misc)
            ])
        );
    }

    #[test]
    fn a_headline_in_capitals_reads_names_as_the_text_below() {
        assert_eq!(
            run_en(
                "BASEBALL - ORIOLES ' MANAGER DAVEY JOHNSON HOSPITALIZED . Baltimore Orioles manager Davey Johnson was taken to hospital , and Raith Rovers lost .",
                vec![
                    (6..7, Label::Per),
                    (9..11, Label::Org),
                    (12..14, Label::Per),
                    (20..22, Label::Org)
                ]
            ),
            owned(&[
                ("DAVEY JOHNSON", Label::Per),
                ("Baltimore Orioles", Label::Org),
                ("Davey Johnson", Label::Per),
                ("Raith Rovers", Label::Org)
            ])
        );
        // a name the labeller found past the run stands; a dateline is no
        // headline
        assert_eq!(
            run_en(
                "SOCCER - NEW YORK RED BULLS WIN . NEW YORK 1996-08-30 . The Red Bulls beat New York .",
                vec![
                    (2..6, Label::Org),
                    (8..10, Label::Org),
                    (13..15, Label::Org),
                    (16..18, Label::Loc)
                ]
            ),
            owned(&[
                ("NEW YORK RED BULLS", Label::Org),
                ("NEW YORK", Label::Loc),
                ("Red Bulls", Label::Org),
                ("New York", Label::Loc)
            ])
        );
    }
}
