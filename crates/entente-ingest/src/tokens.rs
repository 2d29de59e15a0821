//! The tokenizer: words, numbers, punctuation and symbols, with exact byte ranges.
//!
//! Possessives are split off: "Korea’s" gives "Korea" and "’s" (both words), so the coder can
//! see a possessive as its own token. Other inner apostrophes stay ("don't", "O’Neill"), as do
//! inner hyphens ("test-firing") and the periods of abbreviations ("U.S.", "Ph.D.", "Gen.").

use entente_model::{TextRange, Token, TokenKind};

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Letters, digits and combining marks (which belong to the letter before them).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{300}'..='\u{36F}').contains(&c)
        || ('\u{900}'..='\u{DFF}').contains(&c)
}

/// Abbreviations whose final period belongs to the word, as in "Gen. Kim".
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "pres", "rev", "hon", "st", "mt", "vs", "inc", "corp", "ltd", "co", "jr", "sr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc", "amb",
    "brig", "dept", "approx",
];

fn punct_kind(c: char) -> TokenKind {
    if c.is_ascii_punctuation() {
        return match c {
            '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' | '@' | '#' | '*' => {
                TokenKind::Symbol
            }
            _ => TokenKind::Punct,
        };
    }
    match c {
        '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '«'
        | '»'
        | '¡'
        | '¿'
        | '·'
        | '§'
        | '¶'
        | '\u{3001}'
        | '\u{3002}'
        | '\u{300C}'..='\u{300F}' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

/// Tokenizes `text[range]`, pushing tokens with absolute offsets into `text`.
pub fn tokenize(text: &str, range: TextRange, out: &mut Vec<Token>) {
    let s = range.slice(text);
    let bytes = s.as_bytes();
    let base = range.start();
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(s, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            let end = word_end(s, i, c.is_ascii_digit());
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                range: TextRange::new(base + i, base + end),
                kind,
            });
            i = end;
            continue;
        }
        if is_apostrophe(c) && i > 0 && is_possessive(&s[i + c.len_utf8()..]) {
            // The possessive ending after a word: "’s".
            let end = i + c.len_utf8() + 1;
            out.push(Token {
                range: TextRange::new(base + i, base + end),
                kind: TokenKind::Word,
            });
            i = end;
            continue;
        }
        // A run of the same punctuation is one token: "...", "--"; "?!" stays two.
        let mut end = i + c.len_utf8();
        if matches!(c, '.' | '-' | '—' | '*' | '=') {
            while s[end..].starts_with(c) {
                end += c.len_utf8();
            }
        }
        out.push(Token {
            range: TextRange::new(base + i, base + end),
            kind: punct_kind(c),
        });
        i = end;
    }
}

/// The char at byte `i`, without building an iterator for ASCII.
fn char_at(s: &str, i: usize) -> char {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        s[i..].chars().next().expect("on a char boundary")
    }
}

/// Where the word or number that starts at `start` ends.
fn word_end(s: &str, start: usize, numeric: bool) -> usize {
    let bytes = s.as_bytes();
    let mut end = start;
    let mut has_inner_period = false;
    loop {
        // ASCII letters and digits in one sweep; everything else one char at a time.
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end >= bytes.len() {
            break;
        }
        let n = char_at(s, end);
        if is_word_char(n) {
            end += n.len_utf8();
            continue;
        }
        let rest = &s[end + n.len_utf8()..];
        let after = rest.chars().next();
        let joins = match n {
            // "11,000" and "3.5"; "U.S" and "e.g" (a letter right after the period).
            ',' => numeric && after.is_some_and(|a| a.is_ascii_digit()),
            '.' => after.is_some_and(|a| {
                if numeric {
                    a.is_ascii_digit()
                } else {
                    a.is_alphabetic() && is_short_segment(&s[start..end])
                }
            }),
            _ if is_hyphen(n) => after.is_some_and(is_word_char),
            // Inner apostrophe, but not the possessive "’s" at a word's end.
            _ if is_apostrophe(n) => after.is_some_and(char::is_alphabetic) && !is_possessive(rest),
            _ => false,
        };
        if !joins {
            break;
        }
        has_inner_period |= n == '.';
        end += n.len_utf8();
    }
    // The final period of "U.S." or "Gen." is part of the word.
    if !numeric && bytes.get(end) == Some(&b'.') {
        let word = &s[start..end];
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "No. 10" but "voted no.": a number prefix keeps its period only before a number.
        let before_number = ["no", "nos", "vol", "fig", "pp", "art"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
            && s[end + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if has_inner_period
            || single_initial
            || before_number
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        {
            end += 1;
        }
    }
    end
}

/// "s" at the end of a word, after the apostrophe: the possessive (or "it's").
fn is_possessive(after_apostrophe: &str) -> bool {
    let mut it = after_apostrophe.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(is_word_char)
}

/// Abbreviations with inner periods have short segments: "U", "S", "Ph", "e".
fn is_short_segment(word_so_far: &str) -> bool {
    let last = word_so_far.rsplit('.').next().unwrap_or(word_so_far);
    last.chars().count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, TextRange::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.range.slice(text), t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn table() {
        use TokenKind::*;
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "North Korea’s test-firing",
                &["North", "Korea", "’s", "test-firing"],
                "possessive split, hyphen kept",
            ),
            (
                "the U.S. and Ph.D. holders",
                &["the", "U.S.", "and", "Ph.D.", "holders"],
                "abbreviation periods",
            ),
            (
                "Gen. Kim J. Un left.",
                &["Gen.", "Kim", "J.", "Un", "left", "."],
                "title, initial, final stop",
            ),
            (
                "11,000 troops, 3.5 percent",
                &["11,000", "troops", ",", "3.5", "percent"],
                "numbers",
            ),
            (
                "don't O’Neill’s",
                &["don't", "O’Neill", "’s"],
                "inner apostrophes",
            ),
            (
                "“Asian NATO,” he said...",
                &["“", "Asian", "NATO", ",", "”", "he", "said", "..."],
                "curly quotes, ellipsis",
            ),
            (
                "$5 and 10% — done",
                &["$", "5", "and", "10", "%", "—", "done"],
                "symbols and dash",
            ),
            (
                "allies’ plans",
                &["allies", "’", "plans"],
                "plural possessive apostrophe is punctuation",
            ),
            (
                "sanctions—an outcome",
                &["sanctions", "—", "an", "outcome"],
                "em dash between words",
            ),
        ];
        for (input, want, why) in cases {
            assert_eq!(words(input), *want, "{why}");
        }
        assert_eq!(toks("Korea’s 5")[1], ("’s", Word));
        assert_eq!(toks("Korea’s 5")[2], ("5", Number));
        assert_eq!(toks("a, $")[1..], [(",", Punct), ("$", Symbol)]);
    }

    #[test]
    fn offsets_are_absolute_and_exact() {
        let text = "xx Korea’s";
        let mut out = Vec::new();
        tokenize(text, TextRange::new(3, text.len()), &mut out);
        assert_eq!(out[0].range, TextRange::new(3, 8));
        assert_eq!(out[1].range.slice(text), "’s");
    }
}
