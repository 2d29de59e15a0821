//! Acronyms an article defines for itself: "the Financial Services Authority (FSA)" is no
//! Free Syrian Army, there or later in the same article.

use super::find::{Item, Raw};
use super::{ActorLexicon, MentionMemory};

impl ActorLexicon {
    /// Drops an organization's acronym that the article defines as something else: "the
    /// Financial Services Authority (FSA)" is no Free Syrian Army, there or later in the
    /// article. A definition the dictionary knows ("the Free Syrian Army (FSA)") keeps it.
    pub(super) fn drop_redefined(&self, s: &str, raws: &mut Vec<Raw>, memory: &mut MentionMemory) {
        let is_acronym = |t: &str| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase());
        let ends: Vec<usize> = raws.iter().map(|r| r.full_end).collect();
        let mut dropped = Vec::new();
        for (i, raw) in raws.iter().enumerate() {
            let text = &s[raw.start..raw.end];
            if !matches!(raw.item, Item::Org(_)) || !is_acronym(text) {
                continue;
            }
            if memory.redefined.iter().any(|r| r == text) {
                dropped.push(i);
                continue;
            }
            let Some(before) = s[..raw.start].strip_suffix('(') else {
                continue;
            };
            let before = before.trim_end();
            // The capitalized phrase right before the parenthesis, small words allowed
            // inside it ("Organisation for Security and Co-operation in Europe").
            let words: Vec<&str> = before.rsplit(' ').take(10).collect();
            let mut phrase = Vec::new();
            for w in words {
                let small = matches!(w, "of" | "for" | "and" | "on" | "in" | "de" | "the");
                if !small && !w.starts_with(|c: char| c.is_uppercase()) {
                    break;
                }
                phrase.push(w);
            }
            while phrase
                .last()
                .is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()))
            {
                phrase.pop();
            }
            if phrase.len() < 2 {
                continue;
            }
            phrase.reverse();
            let phrase = phrase.join(" ").to_lowercase();
            // The dictionary matched the long name itself: the coder's business, not ours.
            let phrase_start = before.len() - phrase.len();
            if ends.iter().any(|&e| e > phrase_start && e <= before.len()) {
                continue;
            }
            let Some(actor) = self.raw_actor(s, raw) else {
                continue;
            };
            let name = actor.name.to_lowercase();
            if !phrase.contains(&name) && !name.contains(&phrase) {
                memory.redefined.push(text.to_string());
                dropped.push(i);
            }
        }
        for i in dropped.into_iter().rev() {
            raws.remove(i);
        }
    }
}
