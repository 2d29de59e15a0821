//! Tables -> one Aho-Corasick automaton over every name, alias, agent noun and title.
//!
//! The automaton matches ASCII case-insensitively (so one scan finds "The Kremlin" and "the
//! Kremlin"); each pattern keeps its exact spellings and what they point to, and the matcher
//! verifies case afterwards (see [`case_ok`]).

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use entente_model::{ActorCode, Sector};

use super::tables::{NameKind, Tables};

/// What a spelling points to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Country {
        code: ActorCode,
        kind: NameKind,
        ambiguous: bool,
    },
    Organization(usize),
    /// A person named in full: an index into `Compiled::persons`.
    Person(usize),
    /// A short name (surname) of a person.
    Short(usize),
    /// An agent noun's sector, and whether it names a party on its own.
    Agent(Sector, bool),
    Title(Sector),
    /// A phrase that names no actor (`Latin America`): it only hides its shorter parts.
    Blocked,
}

/// One person and every term they served, in date order.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub tenures: Vec<usize>,
}

/// All exact spellings that share one case-folded pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub spellings: Vec<(String, Target)>,
}

#[derive(Debug, Clone)]
pub struct Compiled {
    pub automaton: AhoCorasick,
    pub patterns: Vec<Pattern>,
    pub persons: Vec<Person>,
    /// The last word of every person's name and full aliases, lower-cased: read only right
    /// after a title ("President Ruto", "Mr Blair"), where a surname names an office-holder.
    pub surnames: std::collections::HashMap<String, Vec<usize>>,
}

/// ASCII case-folded, which is what the automaton compares.
fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Curly and straight apostrophes are both common; a name listed with one matches the other.
fn apostrophe_variants(s: &str) -> Vec<String> {
    let mut v = vec![s.to_string()];
    if s.contains('\'') {
        v.push(s.replace('\'', "\u{2019}"));
    }
    if s.contains('\u{2019}') {
        v.push(s.replace('\u{2019}', "'"));
    }
    v
}

pub fn compile(t: &Tables) -> Compiled {
    let mut map: BTreeMap<String, Vec<(String, Target)>> = BTreeMap::new();
    let mut add = |text: &str, target: Target| {
        for spelling in apostrophe_variants(text) {
            let slot = map.entry(fold(&spelling)).or_default();
            let item = (spelling, target.clone());
            if !slot.contains(&item) {
                slot.push(item);
            }
        }
    };
    for n in &t.names {
        add(
            &n.text,
            Target::Country {
                code: n.code,
                kind: n.kind,
                ambiguous: n.ambiguous,
            },
        );
    }
    for (i, o) in t.organizations.iter().enumerate() {
        add(&o.name, Target::Organization(i));
        for a in &o.aliases {
            add(a, Target::Organization(i));
        }
    }
    let mut persons: Vec<Person> = Vec::new();
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, tenure) in t.tenures.iter().enumerate() {
        let p = *by_name.entry(&tenure.name).or_insert_with(|| {
            persons.push(Person {
                name: tenure.name.clone(),
                tenures: Vec::new(),
            });
            persons.len() - 1
        });
        persons[p].tenures.push(i);
    }
    let mut surnames: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (p, person) in persons.iter_mut().enumerate() {
        let mut spellings = vec![person.name.clone()];
        for &i in &person.tenures {
            spellings.extend(t.tenures[i].aliases.iter().cloned());
        }
        for spelling in spellings {
            let Some(last) = spelling.split_whitespace().next_back() else {
                continue;
            };
            if last.chars().count() >= 3 && spelling.contains(' ') {
                let slot = surnames.entry(last.to_lowercase()).or_default();
                if !slot.contains(&p) {
                    slot.push(p);
                }
            }
        }
        person.tenures.sort_by_key(|&i| t.tenures[i].from);
        add(&person.name, Target::Person(p));
        for &i in &person.tenures {
            for a in &t.tenures[i].aliases {
                add(a, Target::Person(p));
            }
            for s in &t.tenures[i].short {
                add(s, Target::Short(p));
            }
        }
    }
    for a in &t.agents {
        add(&a.noun, Target::Agent(a.sector.clone(), a.party));
        if a.plural_s {
            add(
                &format!("{}s", a.noun),
                Target::Agent(a.sector.clone(), a.party),
            );
        }
    }
    for title in &t.titles {
        add(&title.text, Target::Title(title.sector.clone()));
    }
    for b in &t.blocked {
        add(b, Target::Blocked);
    }
    let keys: Vec<&String> = map.keys().collect();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        // A contiguous NFA: with thousands of office-holders a full DFA took 0.2 s and 70 MB
        // to build at every start, for a scan only somewhat faster; the NFA builds in
        // milliseconds in a few MB, and `code` is faster end to end (scripts/bench.sh).
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&keys)
        .expect("the actor automaton fits in memory");
    Compiled {
        automaton,
        patterns: map
            .into_values()
            .map(|spellings| Pattern { spellings })
            .collect(),
        persons,
        surnames,
    }
}

/// Whether `text` may stand for the spelling `pattern`. Acronyms (no lower-case letter, two
/// or more capitals: `US`, `U.S.`, `DPRK`) need exact case so "us" and "un" never match.
/// Other spellings match exactly or with a word's first letter capitalized ("the Kremlin" /
/// "The Kremlin", "defense ministry" / "Defense Ministry"), never the other way round, so
/// "turkey" is not Turkey.
pub fn case_ok(pattern: &str, text: &str) -> bool {
    if pattern == text {
        return true;
    }
    let uppers = pattern.chars().filter(|c| c.is_uppercase()).count();
    if uppers >= 2 && !pattern.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let mut prev_alpha = false;
    let mut p = pattern.chars();
    let mut x = text.chars();
    loop {
        match (p.next(), x.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) => {
                let ok = a == b
                    || (!prev_alpha && a.is_lowercase() && a.to_uppercase().eq(std::iter::once(b)));
                if !ok {
                    return false;
                }
                prev_alpha = a.is_alphanumeric();
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::case_ok;

    #[test]
    fn case_rules() {
        assert!(case_ok("US", "US"));
        assert!(!case_ok("US", "us"));
        assert!(!case_ok("U.S.", "u.s."));
        assert!(case_ok("the Kremlin", "The Kremlin"));
        assert!(case_ok("defense ministry", "Defense Ministry"));
        assert!(!case_ok("Turkey", "turkey"));
        assert!(!case_ok("forces", "fORces"));
    }
}
