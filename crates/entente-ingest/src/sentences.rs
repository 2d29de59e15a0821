//! A rule-based sentence splitter.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after them)
//! when whitespace follows and the next word does not start in lower case. A period does
//! not end a sentence after a title ("Gen.", "Dr."), inside a decimal or an abbreviation with
//! inner periods ("3.5", "U.S."), or after an initial ("Kim J. Un"), unless the next word is
//! one that typically opens a sentence. A paragraph break always ends a sentence, so a
//! headline without a final stop is a sentence of its own.
//!
//! The scan works on bytes and looks back at most one word: no regex, no allocation per
//! character.

use entente_model::TextRange;

/// Abbreviations after which a period practically never ends a sentence: titles and ranks,
/// and Latin "e.g."/"i.e."/"vs.".
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "reps", "sens", "pres", "rev", "hon", "st", "mt", "ft", "vs",
    "e.g", "i.e", "cf", "approx", "dept", "amb", "messrs", "brig", "gens", "supt", "insp", "det",
    "cpl", "pvt",
];

/// Abbreviations that stand before a number ("No. 10", "Vol. 3"); before anything else the
/// period is a full stop ("The answer was no.").
const BEFORE_NUMBER: &[&str] = &["no", "nos", "vol", "fig", "pp", "art"];

/// Month abbreviations: no break before a number ("Jan. 6"), else like any word.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that open sentences. After an ambiguous abbreviation ("U.S.", "Inc.", an initial),
/// one of these as the next word means the sentence did end.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Yet",
    "So",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Meanwhile",
    "However",
    "Still",
    "Now",
    "Then",
    "Such",
    "Some",
    "Many",
    "Most",
    "Both",
    "Last",
    "Earlier",
    "Later",
    "What",
    "Why",
    "How",
    "Who",
    "Officials",
    "According",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Splits `text[range]` into sentence ranges (absolute offsets into `text`), trimmed of
/// whitespace. Paragraph breaks (`\n`) always end a sentence.
pub fn split(text: &str, range: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let base = range.start();
    let slice = range.slice(text);
    // Paragraph breaks first: each line is split on its own.
    let mut line_start = 0;
    for line in slice.split('\n') {
        split_line(line, base + line_start, &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn push_trimmed(line: &str, offset: usize, start: usize, end: usize, out: &mut Vec<TextRange>) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push(TextRange::new(s, s + trimmed.len()));
    }
}

fn split_line(line: &str, offset: usize, out: &mut Vec<TextRange>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast skip: only '.', '!', '?' and multi-byte chars can be terminals.
        if b != b'.' && b != b'!' && b != b'?' && b < 0x80 {
            i += 1;
            continue;
        }
        let c = line[i..].chars().next().expect("on a char boundary");
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // The run of terminals and closers: "?!", "...", ".”", ".)".
        let mut end = i;
        let mut has_period_only = true;
        let mut run_len = 0;
        for ch in line[i..].chars() {
            if is_terminal(ch) {
                if ch != '.' {
                    has_period_only = false;
                }
                run_len += 1;
            } else if !is_closer(ch) {
                break;
            }
            end += ch.len_utf8();
        }
        let next_word_start = line[end..]
            .char_indices()
            .find(|(_, ch)| !ch.is_whitespace())
            .map(|(k, _)| end + k);
        let followed_by_space = end == line.len() || line[end..].starts_with(char::is_whitespace);
        let breaks = followed_by_space
            && match next_word_start {
                None => true,
                Some(n) => ends_here(line, i, n, has_period_only && run_len == 1),
            };
        if breaks {
            push_trimmed(line, offset, start, end, out);
            start = end;
        }
        i = end.max(i + 1);
    }
    push_trimmed(line, offset, start, line.len(), out);
}

/// Whether the terminal at `dot` ends a sentence, the next word starting at `next`.
/// `single_period` is true for a lone '.', the ambiguous case.
fn ends_here(line: &str, dot: usize, next: usize, single_period: bool) -> bool {
    let next_word = next_word(line, next);
    let first = next_word.chars().next().unwrap_or(' ');
    // "... said the minister." never continues in lower case; "e.g. the" does.
    if first.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    let prev = prev_word(line, dot);
    let lower = prev.to_ascii_lowercase();
    if NEVER_ENDS.contains(&lower.as_str()) {
        return false;
    }
    if MONTHS.contains(&lower.as_str()) || BEFORE_NUMBER.contains(&lower.as_str()) {
        return !first.is_ascii_digit();
    }
    let is_initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
    let inner_periods = prev.contains('.') && prev.chars().all(|c| c.is_alphabetic() || c == '.');
    if is_initial || inner_periods {
        return OPENERS.contains(&next_word);
    }
    true
}

/// The word just before byte `dot`, without leading quotes or brackets.
fn prev_word(line: &str, dot: usize) -> &str {
    let before = &line[..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '—' | '–')
        })
        .map_or(0, |(k, c)| k + c.len_utf8());
    &before[start..]
}

/// The word that starts at byte `start`, stripped of opening quotes.
fn next_word(line: &str, start: usize) -> &str {
    let rest = line[start..].trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«']);
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(k, _)| k);
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, TextRange::new(0, text.len()))
            .into_iter()
            .map(|r| r.slice(text))
            .collect()
    }

    /// (input, expected sentences, why)
    const CASES: &[(&str, &[&str], &str)] = &[
        (
            "The U.S. State Department spoke. Talks followed.",
            &["The U.S. State Department spoke.", "Talks followed."],
            "inner-period abbreviation before a name",
        ),
        (
            "Troops left the U.S. The talks ended.",
            &["Troops left the U.S.", "The talks ended."],
            "abbreviation at a sentence end",
        ),
        (
            "Gen. Smith met Sen. Jones and Dr. Lee.",
            &["Gen. Smith met Sen. Jones and Dr. Lee."],
            "titles",
        ),
        (
            "Kim J. Un met J.R.R. Tolkien's heirs.",
            &["Kim J. Un met J.R.R. Tolkien's heirs."],
            "initials",
        ),
        (
            "Growth was 3.5 percent. About 11,000 troops moved.",
            &["Growth was 3.5 percent.", "About 11,000 troops moved."],
            "decimals and thousands",
        ),
        (
            "He said “we will respond.” Then he left.",
            &["He said “we will respond.”", "Then he left."],
            "curly quote after the period",
        ),
        (
            "Is it over? Yes! It is.",
            &["Is it over?", "Yes!", "It is."],
            "question and exclamation",
        ),
        (
            "He paused… and went on. Wait... Then stop.",
            &["He paused… and went on.", "Wait...", "Then stop."],
            "ellipses",
        ),
        (
            "It opened on Jan. 6 in Paris. Acme Inc. The end.",
            &["It opened on Jan. 6 in Paris.", "Acme Inc.", "The end."],
            "months and companies",
        ),
        (
            "Allies, e.g. Japan, agreed. No. 10 said so.",
            &["Allies, e.g. Japan, agreed.", "No. 10 said so."],
            "e.g. and No.",
        ),
        (
            "Headline Without Stop\nFirst sentence. Second one.",
            &["Headline Without Stop", "First sentence.", "Second one."],
            "paragraph break",
        ),
        (
            "(He left.) She stayed.",
            &["(He left.)", "She stayed."],
            "brackets close the sentence",
        ),
        (
            "Visit ministry.gov.uk today.",
            &["Visit ministry.gov.uk today."],
            "no space after a period",
        ),
    ];

    #[test]
    fn table() {
        for (input, want, why) in CASES {
            assert_eq!(sents(input), *want, "{why}");
        }
    }

    #[test]
    fn offsets_are_absolute() {
        let text = "xx\n\nOne. Two.";
        let r = split(text, TextRange::new(4, text.len()));
        assert_eq!(r, vec![TextRange::new(4, 8), TextRange::new(9, 13)]);
    }
}
