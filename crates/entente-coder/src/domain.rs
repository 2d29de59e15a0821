//! Is the article about international politics at all? A sports report names teams by
//! their states ("Namibia v Botswana", "beating Ireland"), so none of its "attacks",
//! "clashes" and "beats" is an event between states.

use entente_lexicon::triggers::domain::Domain;
use entente_model::Doc;

/// How many sports words make an article a sports report. One or two occur in political
/// news ("a youth football tournament in Lagos"); three do not.
const SPORTS_WORDS: usize = 3;

/// Whether the article's body and captions hold at least [`SPORTS_WORDS`] sports words.
pub fn is_sports_report(doc: &Doc, domain: &Domain) -> bool {
    let mut found = 0;
    let mut buf = String::with_capacity(24);
    for sentence in &doc.sentences {
        let text = doc.sentence_text(sentence);
        let base = sentence.range.start();
        for token in doc.sentence_tokens(sentence) {
            let word = &text[token.range.start() - base..token.range.end() - base];
            // Sports words are short and start with a letter: skip the rest cheaply.
            if word.len() > 16 || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            buf.clear();
            buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            if domain.is_sport_word(&buf) {
                found += 1;
                if found >= SPORTS_WORDS {
                    return true;
                }
            }
        }
    }
    false
}
