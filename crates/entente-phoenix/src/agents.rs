//! `Phoenix.agents.txt` -> `agents.txt` (`noun | sector | plural`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON        a substitution set
//! CONGRESS!PERSON! [~LEG]                          one line per member, no plural formed
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]   an irregular plural
//! AIR_FORCE {} [~MIL]                              no plural
//! AMBASSADOR [~GOV]                                a regular plural, formed by the reader
//! ```
//!
//! - `_` and spaces join words; a trailing `_` (PETRARCH's "stop") forms no plural.
//! - Plurals: `{P}` gives P its own line (plural field empty), or `s` on the noun when P is
//!   the noun plus "s"; `{}` none. Without braces the regular plural is formed: "-ss", "-x",
//!   "-z", "-ch", "-sh" take "-es" and a consonant before "y" gives "-ies" (own lines), other
//!   "-s" words are taken as plural already (no line), the rest get `s`.
//! - The code `[~GOVAGR]` (or `[IGO~]`, the code before the actor's) gives the sector as for
//!   actors ([`crate::codes::Codebook::sector`]); the groups after it are counted as dropped
//!   detail.
//! - Words are lower case except acronyms (rule 2 of [`crate::names`]), since entente's
//!   lower case also matches a capital at a word's start.
//! - A noun listed twice keeps its first line; a different sector the second time is a
//!   conflict, counted and listed.

use std::collections::BTreeMap;

use crate::codes::{Codebook, Root};
use crate::input::SourceFile;
use crate::names::{is_acronym, words, Acronyms};
use crate::report::Tally;

pub const NO_CODE: &str = "agent line without a [code]";
pub const UNKNOWN_MACRO: &str = "agent line with an undefined !MACRO!";
pub const NO_SECTOR: &str = "agent code that maps to no sector";
pub const DUPLICATE: &str = "agent noun listed again with the same sector";
pub const CONFLICT: &str = "agent noun listed again with another sector (first kept)";
pub const BAD_CHARS: &str = "agent noun with `|` or `;`";
pub const DETAIL: &str = "code groups after the sector's (dropped detail)";

/// One line of `agents.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentLine {
    pub noun: String,
    pub sector: String,
    pub plural_s: bool,
}

impl AgentLine {
    pub fn render(&self) -> String {
        crate::output::fields(&[
            &self.noun,
            &self.sector,
            if self.plural_s { "s" } else { "" },
        ])
    }
}

/// Converts the agents file.
pub fn convert(
    file: &SourceFile,
    book: &Codebook,
    acronyms: &Acronyms,
    tally: &mut Tally,
) -> Vec<AgentLine> {
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out: Vec<AgentLine> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for line in &file.lines {
        let Some(text) = &line.text else { continue };
        let content = text.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        let n = line.number;
        if content.contains('!') && content.contains('=') {
            if let Some((name, list)) = content.split_once('=') {
                let name = name.trim().trim_matches('!').to_string();
                macros.insert(
                    name,
                    list.split(',').map(|s| s.trim().to_string()).collect(),
                );
            }
            continue;
        }
        let (Some(open), Some(close)) = (content.find('['), content.find(']')) else {
            tally.drop(NO_CODE, &file.name, n, content);
            continue;
        };
        if close < open {
            tally.drop(NO_CODE, &file.name, n, content);
            continue;
        }
        let code = content[open + 1..close].trim();
        let phrase = content[..open].trim();
        let groups: Vec<&str> = {
            let c = code.trim_matches('~');
            (0..c.len() / 3).map(|i| &c[i * 3..i * 3 + 3]).collect()
        };
        let (sector, ignored) = book.sector(&groups, Root::State);
        let Some(sector) = sector else {
            tally.drop(NO_SECTOR, &file.name, n, content);
            continue;
        };
        if !ignored.is_empty() {
            tally.note(
                DETAIL,
                &file.name,
                n,
                format!("{phrase} [{code}]: {}", ignored.join(" ")),
            );
        }
        // (noun, plural) pairs: the noun in Phoenix spelling, the plural as entente writes it.
        let mut forms: Vec<(String, Plural)> = Vec::new();
        let (stem, braces) = match (phrase.find('{'), phrase.find('}')) {
            (Some(a), Some(b)) if a < b => (phrase[..a].trim(), Some(phrase[a + 1..b].trim())),
            _ => (phrase, None),
        };
        if let Some(start) = stem.find('!') {
            let end = stem[start + 1..].find('!').map(|e| start + 1 + e);
            let members = end.and_then(|e| macros.get(&stem[start + 1..e]).map(|m| (e, m)));
            let Some((end, members)) = members else {
                tally.drop(UNKNOWN_MACRO, &file.name, n, content);
                continue;
            };
            for m in members {
                forms.push((
                    format!("{}{}{}", &stem[..start], m, &stem[end + 1..]),
                    Plural::None,
                ));
            }
        } else {
            let plural = match braces {
                Some("") => Plural::None,
                Some(p) => Plural::Listed(p.to_string()),
                None if stem.trim_end().ends_with('_') => Plural::None,
                None => Plural::Regular,
            };
            forms.push((stem.to_string(), plural));
        }
        for (noun, plural) in forms {
            let noun_text = agent_text(&noun, acronyms);
            let plural_text = match plural {
                Plural::None => None,
                Plural::Listed(p) => Some(agent_text(&p, acronyms)),
                Plural::Regular => regular_plural(&noun_text),
            };
            let plural_s = plural_text.as_deref() == Some(format!("{noun_text}s").as_str());
            let mut lines = vec![AgentLine {
                noun: noun_text,
                sector: sector.clone(),
                plural_s,
            }];
            if let Some(p) = plural_text.filter(|_| !plural_s) {
                lines.push(AgentLine {
                    noun: p,
                    sector: sector.clone(),
                    plural_s: false,
                });
            }
            for l in lines {
                if l.noun.is_empty() {
                    continue;
                }
                if l.noun.contains(['|', ';']) {
                    tally.drop(BAD_CHARS, &file.name, n, l.noun);
                    continue;
                }
                let key = l.noun.to_lowercase();
                match index.get(&key) {
                    Some(&i) if out[i].sector == l.sector => {
                        out[i].plural_s |= l.plural_s;
                        tally.drop(DUPLICATE, &file.name, n, l.noun);
                    }
                    Some(&i) => {
                        let detail = format!("{} {} (kept {})", l.noun, l.sector, out[i].sector);
                        tally.drop(CONFLICT, &file.name, n, detail);
                    }
                    None => {
                        index.insert(key, out.len());
                        out.push(l);
                    }
                }
            }
        }
    }
    out
}

/// How a noun's plural is given.
enum Plural {
    None,
    Listed(String),
    Regular,
}

/// The regular plural of a noun phrase as entente writes it (module docs); `None` for a
/// word ending in a single "s", taken as plural already.
pub fn regular_plural(phrase: &str) -> Option<String> {
    let lower = phrase.to_lowercase();
    let before = lower.chars().rev().nth(1);
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiou".contains(c));
    if ["ss", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        Some(format!("{phrase}es"))
    } else if lower.ends_with('s') || !lower.ends_with(|c: char| c.is_alphabetic()) {
        None
    } else if lower.ends_with('y') && !vowel(before) {
        Some(format!("{}ies", &phrase[..phrase.len() - 1]))
    } else if phrase.is_empty() {
        None
    } else {
        Some(format!("{phrase}s"))
    }
}

/// Phoenix spelling -> entente's: words joined by one space, lower case but acronyms.
pub fn agent_text(raw: &str, acronyms: &Acronyms) -> String {
    words(raw)
        .iter()
        .map(|w| {
            let ordinal = w.chars().any(|c| c.is_ascii_digit())
                && ["ST", "ND", "RD", "TH"]
                    .iter()
                    .any(|s| w.to_uppercase().ends_with(s))
                && w.chars().filter(|c| c.is_alphabetic()).count() == 2;
            if ordinal {
                w.to_lowercase()
            } else if is_acronym(w, acronyms) || w.chars().any(|c| c.is_ascii_digit()) {
                w.to_uppercase()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, Tally) {
        let mut t = Tally::default();
        let f = SourceFile::decode("agents.txt", text.as_bytes(), &mut t);
        let mut a = Acronyms::default();
        a.insert("NGO");
        let lines = convert(&f, &Codebook::builtin(), &a, &mut t);
        (lines.iter().map(AgentLine::render).collect(), t)
    }

    #[test]
    fn macros_plurals_and_codes() {
        let (l, t) = run("!PERSON! = MAN, MEN, PERSON\n\
             CONGRESS!PERSON! [~LEG] # x\n\
             ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n\
             AIR_FORCE {} [~MIL]\n\
             AMBASSADOR [~GOV]\n\
             SECRETARY [~GOV]\n\
             MINISTRY_  [~GOV]\n\
             NGO [~NGO]\n\
             PEACEKEEPING_TROOPS {} [IGO~]\n\
             ISLAMIC_EXTREMIST\n\
             AMBASSADOR [~MIL]\n");
        assert_eq!(
            l,
            [
                "congressman | LEG |",
                "congressmen | LEG |",
                "congressperson | LEG |",
                "attorney general | GOV |",
                "attorneys general | GOV |",
                "air force | MIL |",
                "ambassador | GOV | s",
                "secretary | GOV |",
                "secretaries | GOV |",
                "ministry | GOV |",
                "NGO | NGO | s",
                "peacekeeping troops | IGO |",
            ]
        );
        assert_eq!(t.dropped(NO_CODE), 1);
        assert_eq!(t.dropped(CONFLICT), 1);
        assert_eq!(t.noted(DETAIL), 1);
    }

    #[test]
    fn regular_plurals() {
        assert_eq!(regular_plural("witness").as_deref(), Some("witnesses"));
        assert_eq!(regular_plural("forces"), None);
        assert_eq!(regular_plural("envoy").as_deref(), Some("envoys"));
        assert_eq!(regular_plural("militia").as_deref(), Some("militias"));
        assert_eq!(regular_plural("NGO").as_deref(), Some("NGOs"));
    }
}
