//! Mention grouping: the mentions of one entity share a group and a canonical name.

use super::{Entity, Group, Mention};

/// Groups mentions; a mention joins an earlier group when its words are a
/// subset of that group's fullest name ("Musk" joins "Elon Musk").
pub fn group(text: &str, mentions: &[Mention]) -> (Vec<Entity>, Vec<Group>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut entities = Vec::with_capacity(mentions.len());
    for m in mentions {
        let name = m.span.text(text);
        let words: Vec<&str> = name.split_whitespace().collect();
        let found = groups.iter().position(|g| {
            g.label == m.label && {
                let gw: Vec<&str> = g.name.split_whitespace().collect();
                words.iter().all(|w| gw.contains(w)) || gw.iter().all(|w| words.contains(w))
            }
        });
        let gi = match found {
            Some(gi) => {
                if name.len() > groups[gi].name.len() {
                    groups[gi].name = name.to_string();
                }
                gi
            }
            None => {
                groups.push(Group {
                    id: groups.len(),
                    name: name.to_string(),
                    label: m.label,
                    mentions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        groups[gi].mentions.push(entities.len());
        entities.push(Entity {
            span: m.span,
            label: m.label,
            group: gi,
        });
    }
    (entities, groups)
}
