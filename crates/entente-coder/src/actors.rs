//! The one place that talks to the lexicon's actor matcher, so the rest of the coder sees
//! plain byte ranges within the sentence.

use chrono::NaiveDate;
use entente_lexicon::Lexicon;
use entente_model::ActorRef;

/// What the matcher remembers across an article's sentences (full names seen, so a lone
/// surname codes later).
pub type Memory = entente_lexicon::MentionMemory;

/// Actors of one sentence: byte range within it, actor, how it was recognised, possessive.
pub fn find(
    lexicon: &Lexicon,
    sentence: &str,
    date: Option<NaiveDate>,
    memory: &mut Memory,
) -> Vec<(usize, usize, ActorRef, String, bool)> {
    lexicon
        .actors
        .find(sentence, date, memory)
        .into_iter()
        .map(|m| {
            (
                m.range.start(),
                m.range.end(),
                m.actor,
                match m.note {
                    Some(note) => format!("{:?}, {note}", m.kind).to_lowercase(),
                    None => format!("{:?}", m.kind).to_lowercase(),
                },
                m.possessive,
            )
        })
        .collect()
}
