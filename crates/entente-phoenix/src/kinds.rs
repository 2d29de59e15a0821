//! Is an actor entry a place, a person or an organization?
//!
//! The actor files do not say: the Countries file mixes country blocks, state organs and
//! CountryInfo's office-holders; the International file lists UN agencies, their staff and
//! companies one a line. The rules, in order:
//!
//! 1. No role gives a sector (every code is a bare state, `[AFG]`, or a state and a
//!    territory, `[USAPRI]`): a place name. entente has its own country names, so these are
//!    not converted (the Phoenix blocks also mix in cities and provinces).
//! 2. A company code (`MNC...`): an organization (`A._SCHULMAN_` is a company).
//! 3. A word of the name line that names a body ([`ORGANIZATION_WORDS`]: ARMY, PARTY,
//!    COUNCIL, BANK, INC, ...): an organization.
//! 4. A dated role, or the role `ELI` (elite, a person without office): a person. Bodies
//!    rarely carry dates; CountryInfo's people always do.
//! 5. The name line starts with a given name: a person. Given names are learned from the
//!    entries rule 4 calls persons (the first word of their name, when at least two of them
//!    share it, and it is not a title like PRESIDENT).
//! 6. An IGO entry whose name has two to four words none of which is an English word, an
//!    acronym or a number: a person (`GILLIAN_MELLSOP_ [IGOUNOKID]`). Not for NGOs and armed
//!    groups, whose names are often in other languages ("Agua Bolivia"). English words are those of the agents and
//!    verb dictionaries and of [`ORGANIZATION_WORDS`] (so "Human Rights Watch" is not one).
//! 7. Otherwise an organization (`UNDP_`, `MONUC_`, `KACH_`).

use std::collections::{BTreeMap, BTreeSet};

use crate::actors::Entry;
use crate::codes::{Codebook, Resolved, Root, Unresolved};
use crate::dates::{parse_span, Span};
use crate::names::Acronyms;

/// Words that make a name a body's, not a person's.
pub const ORGANIZATION_WORDS: &[&str] = &[
    "ACADEMY",
    "ADMINISTRATION",
    "AGENCY",
    "AIRLINES",
    "ALLIANCE",
    "ARMY",
    "ASSEMBLY",
    "ASSOCIATION",
    "AUTHORITY",
    "BANK",
    "BATTALION",
    "BATTALIONS",
    "BOARD",
    "BRIGADE",
    "BRIGADES",
    "BROTHERHOOD",
    "BUREAU",
    "CABINET",
    "CAMPAIGN",
    "CELL",
    "CELLS",
    "CENTER",
    "CENTRE",
    "CHAMBER",
    "CHURCH",
    "CLUB",
    "COALITION",
    "COLLEGE",
    "COMMAND",
    "COMMANDOS",
    "COMMISSION",
    "COMMITTEE",
    "COMMUNITY",
    "COMPANY",
    "CONFEDERATION",
    "CONFERENCE",
    "CONGRESS",
    "COOPERATIVE",
    "CORP",
    "CORP.",
    "CORPORATION",
    "CORPS",
    "COUNCIL",
    "COURT",
    "DEPARTMENT",
    "DIRECTORATE",
    "DIVISION",
    "FACTION",
    "FEDERATION",
    "FORCE",
    "FORCES",
    "FORUM",
    "FOUNDATION",
    "FRONT",
    "FUND",
    "GOVERNMENT",
    "GROUP",
    "GROUPS",
    "GUARD",
    "GUARDS",
    "HOLDINGS",
    "HOSPITAL",
    "INC",
    "INC.",
    "INCORPORATED",
    "INDUSTRIES",
    "INITIATIVE",
    "INSTITUTE",
    "INSTITUTION",
    "JOURNAL",
    "LEAGUE",
    "LIMITED",
    "LTD",
    "MILITIA",
    "MINISTRY",
    "MISSION",
    "MOVEMENT",
    "NAVY",
    "NETWORK",
    "NEWS",
    "OFFICE",
    "ORGANISATION",
    "ORGANIZATION",
    "PANEL",
    "PARLIAMENT",
    "PARTY",
    "POLICE",
    "PRESS",
    "PROGRAM",
    "PROGRAMME",
    "PROJECT",
    "RADIO",
    "REGIME",
    "REGIMENT",
    "SCHOOL",
    "SECRETARIAT",
    "SENATE",
    "SERVICE",
    "SERVICES",
    "SOCIETY",
    "SQUAD",
    "SYSTEMS",
    "TELEVISION",
    "TIMES",
    "TRIBUNAL",
    "TRUST",
    "UNION",
    "UNIT",
    "UNITS",
    "UNIVERSITY",
];

/// First words that are titles, not given names; also used to pick a person's display name.
pub const TITLE_WORDS: &[&str] = &[
    "ACTING",
    "AMBASSADOR",
    "AYATOLLAH",
    "CHAIRMAN",
    "CHIEF",
    "COLONEL",
    "COMMANDER",
    "CONGRESSMAN",
    "DEFENCE",
    "DEFENSE",
    "DEPUTY",
    "DIRECTOR",
    "DR",
    "DR.",
    "EMIR",
    "ENVOY",
    "EX",
    "FOREIGN",
    "FORMER",
    "GEN.",
    "GENERAL",
    "GOVERNOR",
    "KING",
    "LEADER",
    "LORD",
    "MAYOR",
    "MINISTER",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "PREMIER",
    "PRESIDENT",
    "PRIME",
    "PRINCE",
    "PRINCESS",
    "QUEEN",
    "REPRESENTATIVE",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "SENATOR",
    "SIR",
    "SPEAKER",
    "SULTAN",
    "THE",
    "VICE",
];

/// Entries not converted, by kind.
pub const PLACE: &str = "country and territory names (entente has its own)";

/// One role, resolved.
#[derive(Debug, Clone)]
pub struct Role {
    pub line: usize,
    pub code: String,
    pub dates: String,
    pub resolved: Result<Resolved, Unresolved>,
    pub span: Result<Span, String>,
}

impl Role {
    /// A role that codes an actor with a sector at a valid date.
    pub fn usable(&self) -> Option<(&Resolved, Span)> {
        match (&self.resolved, &self.span) {
            (Ok(r), Ok(s)) if r.sector.is_some() => Some((r, *s)),
            _ => None,
        }
    }
}

pub fn resolve_roles(entry: &Entry, book: &Codebook) -> Vec<Role> {
    entry
        .roles
        .iter()
        .map(|r| Role {
            line: r.line,
            code: r.code.clone(),
            dates: r.dates.clone(),
            resolved: book.resolve(&r.code),
            span: parse_span(&r.dates),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Place,
    Person,
    Organization,
    /// No role codes an actor with a sector (only `[---]`, `[ELI]`, unknown codes).
    Unusable,
}

/// The classifier, with the given names it learned.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    given_names: BTreeSet<String>,
    english: BTreeSet<String>,
}

impl Classifier {
    /// Learns given names from every entry rule 4 calls a person; `english` is the
    /// vocabulary of rule 6 (capitals).
    pub fn learn(entries: &[(&Entry, Vec<Role>)], english: BTreeSet<String>) -> Classifier {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (entry, roles) in entries {
            if by_roles(entry, roles) == Some(Kind::Person) {
                if let Some(w) = first_word(&entry.primary.raw) {
                    if !TITLE_WORDS.contains(&w.as_str()) && !crate::names::is_dotted(&w) {
                        *counts.entry(w).or_default() += 1;
                    }
                }
            }
        }
        Classifier {
            given_names: counts
                .into_iter()
                .filter(|(_, n)| *n >= 2)
                .map(|(w, _)| w)
                .collect(),
            english,
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&word.to_uppercase())
    }

    pub fn classify(&self, entry: &Entry, roles: &[Role], acronyms: &Acronyms) -> Kind {
        if let Some(kind) = by_roles(entry, roles) {
            return kind;
        }
        let given = first_word(&entry.primary.raw).is_some_and(|w| self.is_given_name(&w));
        // Rule 6 only for IGO staff: foreign-language names of NGOs ("Agua Bolivia") and
        // armed groups ("Hizbul Mujahideen") have no English words either.
        let igo = roles
            .iter()
            .filter_map(Role::usable)
            .all(|(r, _)| r.root == Root::Igo);
        if given || (igo && self.looks_like_a_person(&entry.primary.raw, acronyms)) {
            Kind::Person
        } else {
            Kind::Organization
        }
    }

    /// Rule 6.
    fn looks_like_a_person(&self, raw: &str, acronyms: &Acronyms) -> bool {
        let ws = crate::names::words(raw);
        (2..=4).contains(&ws.len())
            && ws.iter().all(|w| {
                let up = w.to_uppercase();
                let bare = up.trim_matches(|c: char| !c.is_alphabetic());
                w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
                    && !self.english.contains(bare)
                    && !ORGANIZATION_WORDS.contains(&bare)
                    && !crate::names::is_acronym(w, acronyms)
            })
    }
}

/// Rules 1-4; `None` when rule 5 has to decide.
fn by_roles(entry: &Entry, roles: &[Role]) -> Option<Kind> {
    let usable: Vec<(&Resolved, Span)> = roles.iter().filter_map(Role::usable).collect();
    if usable.is_empty() {
        let place = roles
            .iter()
            .any(|r| matches!(&r.resolved, Ok(res) if res.sector.is_none()));
        return Some(if place { Kind::Place } else { Kind::Unusable });
    }
    if usable.iter().any(|(r, _)| r.root == Root::Mnc) {
        return Some(Kind::Organization);
    }
    let words = crate::names::words(&entry.primary.raw);
    if words.iter().any(|w| {
        ORGANIZATION_WORDS.contains(
            &w.to_uppercase()
                .trim_matches(|c: char| c == ',' || c == '(' || c == ')'),
        )
    }) {
        return Some(Kind::Organization);
    }
    if usable
        .iter()
        .any(|(r, s)| s.is_dated() || r.sector.as_deref() == Some("ELI"))
    {
        return Some(Kind::Person);
    }
    None
}

/// The first word of a name that is not an initial.
fn first_word(raw: &str) -> Option<String> {
    crate::names::words(raw)
        .into_iter()
        .find(|w| !crate::names::is_dotted(w))
        .map(|w| w.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SourceFile;
    use crate::report::Tally;

    fn kinds(text: &str) -> Vec<Kind> {
        let mut t = Tally::default();
        let file = SourceFile::decode("t.txt", text.as_bytes(), &mut t);
        let entries = crate::actors::parse(&file, &mut t);
        let book = Codebook::builtin();
        let with_roles: Vec<(&Entry, Vec<Role>)> = entries
            .iter()
            .map(|e| (e, resolve_roles(e, &book)))
            .collect();
        let english = ["SECURITY", "COUNCIL", "THE"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = Classifier::learn(&with_roles, english);
        with_roles
            .iter()
            .map(|(e, r)| c.classify(e, r, &Acronyms::default()))
            .collect()
    }

    #[test]
    fn places_people_and_bodies() {
        let k = kinds(
            "AFGHANISTAN_ [AFG]\n+KABUL_\n\
             AFGHAN_NATIONAL_ARMY\n\t[AFGMIL]\n\
             HAMID_KARZAI_\n\t[AFGGOV >011222]\n\
             HAMID_ALI_\n\t[AFGGOV 030101-041231]\n\
             HAMID_NEW_\n\t[AFGGOVAGR]\n\
             UNDP_ [IGOUNODEV]\n\
             A._SCHULMAN_ [MNCUSA]\n\
             AHMED_DARWISH_ [---]\n\
             GILLIAN_MELLSOP_ [IGOUNOKID]\n\
             THE_SECURITY_COUNCIL_ [IGOUNO]\n",
        );
        use Kind::*;
        assert_eq!(
            k,
            [
                Place,
                Organization,
                Person,
                Person,
                Person,
                Organization,
                Organization,
                Unusable,
                Person,
                Organization
            ]
        );
    }
}
