//! Whitespace and control-character cleanup, and the joining of paragraphs into one body text.
//!
//! Characters are never replaced by look-alikes: curly quotes and dashes stay as read, so an
//! offset into the normalized text points at exactly what the page said.

use entente_model::{Paragraph, TextRange};

/// Zero-width and byte-order marks carry no text and break word matching, so they go too.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Folds every run of whitespace to one space, drops control and invisible characters, and
/// trims both ends. Line breaks count as whitespace: the result is one line.
///
/// Runs of printable ASCII are copied as whole slices; only the bytes around them are looked
/// at one by one. This is the hot loop of reading.
pub fn normalize_inline(raw: &str, out: &mut String) {
    let start = out.len();
    let bytes = raw.as_bytes();
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b > b' ' && b < 0x7f {
            let run_start = i;
            // A single space between printable bytes is already normal: it joins the run, so
            // ordinary prose is copied in one piece.
            while i < bytes.len() {
                let c = bytes[i];
                if c > b' ' && c < 0x7f {
                    i += 1;
                } else if c == b' ' && bytes.get(i + 1).is_some_and(|&n| n > b' ' && n < 0x7f) {
                    i += 2;
                } else {
                    break;
                }
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&raw[run_start..i]);
            continue;
        }
        if b < 0x80 {
            // ASCII space, tab, line breaks, or a control character.
            if b.is_ascii_whitespace() || b == 0x0b {
                pending_space = out.len() > start;
            }
            i += 1;
            continue;
        }
        let c = raw[i..].chars().next().expect("on a char boundary");
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = out.len() > start;
        } else if !(c.is_control() || is_invisible(c)) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
}

/// [`normalize_inline`] into a new string.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    normalize_inline(raw, &mut out);
    out
}

/// Normalizes each paragraph, drops the empty ones, and joins the rest with `"\n\n"`.
/// Returns the body text and the exact range of each paragraph in it.
pub fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> (String, Vec<Paragraph>) {
    let total: usize = paragraphs.iter().map(|p| p.as_ref().len() + 2).sum();
    let mut text = String::with_capacity(total);
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let before = text.len();
        if before > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        normalize_inline(p.as_ref(), &mut text);
        if text.len() == start {
            text.truncate(before);
        } else {
            ranges.push(Paragraph {
                range: TextRange::new(start, text.len()),
            });
        }
    }
    (text, ranges)
}

/// Whether a line ends where a sentence may end: hard-wrapped lines that do not are joined
/// to the next one.
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    matches!(
        line.trim_end().chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']' | '…')
    )
}

/// Splits raw text into paragraphs: blank lines always separate; inside a block, a line break
/// separates too unless the line looks hard-wrapped (long, and not ending like a sentence)
/// and neither it nor the next line is page furniture (a credit, a byline, a timestamp).
pub fn split_paragraphs(raw: &str) -> Vec<String> {
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        current.push_str(line);
        let next = lines.get(i + 1).copied().unwrap_or("");
        let joins = !next.is_empty()
            && is_hard_wrapped(line)
            && !crate::cues::has_credit(line)
            && !is_furniture(next);
        if joins {
            current.push(' ');
        } else {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_furniture(line: &str) -> bool {
    crate::cues::byline_names(line).is_some()
        || crate::cues::is_timestamp(line)
        || crate::cues::section_label(line).is_some()
}

/// Hard-wrapped prose fills lines to a fixed width (60 to 100 characters) and breaks
/// mid-sentence. Longer lines are whole paragraphs (a caption without a final period), and
/// title-cased lines are headlines, not wrapped prose.
pub(crate) fn is_hard_wrapped(line: &str) -> bool {
    let n = line.chars().count();
    (40..=100).contains(&n) && !ends_like_sentence(line) && !is_title_cased(line)
}

/// Most longer words capitalized: a headline or a name, never wrapped prose.
pub(crate) fn is_title_cased(line: &str) -> bool {
    let mut long = 0;
    let mut upper = 0;
    for w in line.split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                upper += 1;
            }
        }
    }
    long > 0 && upper * 10 >= long * 7
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition that the fast loop must agree with.
    fn reference(raw: &str) -> String {
        raw.split(char::is_whitespace)
            .map(|w| {
                w.chars()
                    .filter(|&c| !c.is_control() && !is_invisible(c))
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest! {
        #[test]
        fn fast_loop_matches_reference(raw in "[ a-z.\t\n\r\u{7}\u{a0}\u{200b}’é]{0,40}") {
            prop_assert_eq!(normalize(&raw), reference(&raw));
        }
    }

    #[test]
    fn folds_whitespace_and_strips_controls() {
        assert_eq!(normalize("  a\t\u{7}b \u{a0} c\r\n d  "), "a b c d");
        assert_eq!(normalize("a\u{7}b"), "ab");
        assert_eq!(normalize("Korea\u{200B}’s “test”"), "Korea’s “test”");
    }

    #[test]
    fn joins_paragraphs_with_exact_ranges() {
        let (text, paras) = join_paragraphs(&["  One  two ", "", "\u{7}", "Three\r\nfour"]);
        assert_eq!(text, "One two\n\nThree four");
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0].range.slice(&text), "One two");
        assert_eq!(paras[1].range.slice(&text), "Three four");
    }

    #[test]
    fn splits_on_blank_lines_and_rejoins_hard_wraps() {
        let raw = "Headline\nThe minister arrived in Nairobi on Monday for talks that\nofficials said would last two days.\nA second paragraph.\r\n\r\nThird.";
        assert_eq!(
            split_paragraphs(raw),
            vec![
                "Headline",
                "The minister arrived in Nairobi on Monday for talks that officials said would last two days.",
                "A second paragraph.",
                "Third."
            ]
        );
    }
}
