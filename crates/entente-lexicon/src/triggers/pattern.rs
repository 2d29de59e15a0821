//! The trigger pattern language, kept small enough to read in a text file:
//!
//! ```text
//! deploy {troops/soldiers/forces} to     a verb lemma, then object words, then a word
//! ```
//!
//! - Words are separated by spaces and matched against lower-cased tokens.
//! - `a/b` is one word with alternatives; it must be the very next token.
//! - `{a/b}` is a required word found within the next [`NEAR_WINDOW`] tokens (skipping
//!   "approximately 11,000" in "deployed approximately 11,000 soldiers").
//! - The first element is the head. In a verb rule its alternatives are inflected
//!   (`deploy` matches `deploys`, `deployed`, `deploying`); in a noun rule every word also
//!   matches its plural.
//! - Roles (who is source, who is target) are not in the pattern: the rule's frame says
//!   them, and the coder finds the actors by the sentence's structure.

use super::inflect;

/// How many tokens a `{...}` element may look ahead of the previous element.
pub const NEAR_WINDOW: usize = 8;

/// One element of a compiled pattern: the forms it accepts, lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// The next token must be one of these.
    Next(Vec<String>),
    /// One of these must occur within [`NEAR_WINDOW`] tokens.
    Near(Vec<String>),
}

/// A parsed pattern: the head's alternatives (lemmas as written) and the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub head: Vec<String>,
    pub rest: Vec<Element>,
}

/// Parses a pattern; `Err` carries a message for the caller to put a file and line on.
/// `noun` says whether the words take plural forms.
pub fn parse(pattern: &str, noun: bool) -> Result<Pattern, String> {
    let mut elements = Vec::new();
    for word in pattern.split_whitespace() {
        let (near, body) = match word.strip_prefix('{') {
            Some(inner) => match inner.strip_suffix('}') {
                Some(body) => (true, body),
                None => return Err(format!("`{word}` opens `{{` without closing it")),
            },
            None if word.contains(['{', '}']) => {
                return Err(format!("`{word}`: braces must enclose a whole word"))
            }
            None => (false, word),
        };
        let mut alternatives = Vec::new();
        for alt in body.split('/') {
            if alt.is_empty() {
                return Err(format!("`{word}` has an empty alternative"));
            }
            if alt.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
                return Err(format!("`{alt}` must be lower-case"));
            }
            alternatives.push(alt.to_string());
        }
        elements.push((near, alternatives));
    }
    let mut iter = elements.into_iter();
    let (head_near, head) = iter.next().ok_or("the pattern is empty")?;
    if head_near {
        return Err("the pattern must start with a word, not `{...}`".into());
    }
    let rest = iter
        .map(|(near, alts)| {
            let forms = if noun { expand_nouns(&alts) } else { alts };
            if near {
                Element::Near(forms)
            } else {
                Element::Next(forms)
            }
        })
        .collect();
    Ok(Pattern { head, rest })
}

/// Near-words in verb rules are objects (`troops`), so they take plurals too.
pub fn expand_near_objects(elements: &mut [Element]) {
    for e in elements {
        if let Element::Near(forms) = e {
            *forms = expand_nouns(forms);
        }
    }
}

fn expand_nouns(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().flat_map(|w| inflect::noun_forms(w)).collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_alternatives_and_near() {
        let p = parse("deploy {troops/soldiers} to", false).unwrap();
        assert_eq!(p.head, ["deploy"]);
        assert_eq!(
            p.rest,
            [
                Element::Near(vec!["troops".into(), "soldiers".into()]),
                Element::Next(vec!["to".into()])
            ]
        );
    }

    #[test]
    fn noun_words_take_plurals() {
        let p = parse("sanction on/against", true).unwrap();
        assert_eq!(p.head, ["sanction"]);
        assert!(matches!(&p.rest[0], Element::Next(f) if f.contains(&"on".to_string())));
    }

    #[test]
    fn rejects_bad_patterns() {
        assert!(parse("", false).is_err());
        assert!(parse("{troops} deploy", false).is_err());
        assert!(parse("deploy {troops", false).is_err());
        assert!(parse("Deploy", false).is_err());
        assert!(parse("deploy a//b", false).is_err());
    }
}
