//! Organization entries -> `organizations.txt`, in entente's fields:
//!
//! `name | CODE | org | sector | aliases`
//!
//! - `name`: the name line in natural case, an acronym in parentheses moved to the aliases
//!   (`ANIMAL_LIBERATION_FRONT_(ALF)_` -> "Animal Liberation Front", alias "ALF").
//! - `CODE`, `sector`: from the entry's role; entente keeps no dates for organizations, so
//!   of several usable roles the undated one is kept, else the one that starts last (the
//!   organization's latest status: the SPLM is `SDNREB` until 2005 and `SDNGOVPTY` after).
//! - `org`: for `IGO` and `NGO`, the short name ([`short_name`]); empty for organs of a state.
//! - Names are unique (entente keys organizations by name): of two entries with the same
//!   name, case aside, the first in the order International, MilNonState, Countries is kept.

use crate::actors::Entry;
use crate::codes::Actor;
use crate::kinds::Role;
use crate::names::{
    initials_of, is_acronym, looks_like_acronym, natural_case, natural_case_with, split_acronym,
    words, Acronyms,
};
use crate::people::{dedup_aliases, drop_unresolved, BAD_CHARS, IGNORED_GROUPS, MALFORMED_DATE};
use crate::report::Tally;

pub const DUPLICATE_NAME: &str = "organization with the same name as one already written";
pub const SEVERAL_ROLES: &str =
    "organizations with several usable roles (the undated or latest kept)";

/// One line of `organizations.txt`, with the CAMEO code it came from (for [`OrgIndex`]).
///
/// [`OrgIndex`]: crate::people::OrgIndex
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgLine {
    pub name: String,
    pub code: String,
    pub org: String,
    pub sector: String,
    pub aliases: Vec<String>,
    pub cameo: String,
    pub file: String,
    pub line: usize,
}

impl OrgLine {
    pub fn render(&self) -> String {
        crate::output::fields(&[
            &self.name,
            &self.code,
            &self.org,
            &self.sector,
            &self.aliases.join("; "),
        ])
    }
}

/// An organization's short name, derived from its names, never from the CAMEO letters:
/// an acronym in parentheses; else the first one-word synonym written as an acronym ("UN",
/// "NATO"); else the name itself if it is one word of that kind (`UNDP_`); else, for an IGO,
/// an acronym the source lists that spells the name's initials (`THE_UNITED_NATIONS_` ->
/// "UN"); else
/// the name without a leading "The".
pub fn short_name(entry: &Entry, igo: bool, acronyms: &Acronyms) -> String {
    let (rest, paren) = split_acronym(&entry.primary.raw);
    if let Some(a) = paren {
        return a;
    }
    let name_words = words(&rest);
    let initials = [
        initials_of(&name_words, true),
        initials_of(&name_words, false),
    ];
    for s in entry
        .spellings()
        .filter(|s| !std::ptr::eq(*s, &entry.primary))
    {
        if let [w] = words(&s.raw).as_slice() {
            let bare = w.replace('.', "").to_uppercase();
            if is_acronym(w, acronyms) || (name_words.len() >= 2 && initials.contains(&bare)) {
                return w.to_uppercase();
            }
        }
        if let Some(a) = split_acronym(&s.raw).1 {
            return a;
        }
    }
    let mut ws = words(&rest);
    if ws.len() > 1 && ws[0].eq_ignore_ascii_case("THE") {
        ws.remove(0);
    }
    if let [w] = ws.as_slice() {
        if is_acronym(w, acronyms) || looks_like_acronym(w) || w.chars().count() <= 3 {
            return w.to_uppercase();
        }
    }
    // Only for IGOs: "Danaher Corporation" is not "DC" (Washington).
    for skip in [true, false] {
        let ini = initials_of(&ws, skip);
        if igo && ws.len() >= 2 && acronyms.contains(&ini) {
            return ini;
        }
    }
    natural_case(&ws.join("_"), acronyms)
}

/// The name in natural case, and for a one-word name of up to seven letters its other
/// spelling: `UNDP` looks like an acronym ([`looks_like_acronym`], or three letters at
/// most: `ICC`) and is written so, with "Undp" as alias; `Hamas` the other way round
/// (capitals match only capitals, so both are needed).
fn one_word_name(raw: &str, acronyms: &Acronyms) -> (String, Option<String>) {
    let name = natural_case_with(raw, acronyms, true);
    let ws = words(raw);
    let [w] = ws.as_slice() else {
        return (name, None);
    };
    if !(2..=7).contains(&w.chars().count()) || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return (name, None);
    }
    let caps = w.to_uppercase();
    let title = natural_case(&w.to_lowercase(), &Acronyms::default());
    if is_acronym(w, acronyms) || looks_like_acronym(w) || w.chars().count() <= 3 {
        (caps, Some(title))
    } else {
        (title, Some(caps))
    }
}

/// The organization line of one entry, if it has a usable role.
pub fn build(
    entry: &Entry,
    roles: &[Role],
    acronyms: &Acronyms,
    tally: &mut Tally,
) -> Option<OrgLine> {
    let file = entry.file.as_str();
    let (rest, paren) = split_acronym(&entry.primary.raw);
    let (name, other_case) = one_word_name(&rest, acronyms);
    if name.contains(['|', ';']) {
        tally.drop(BAD_CHARS, file, entry.primary.line, name);
        return None;
    }
    let mut usable = Vec::new();
    for role in roles {
        let what = format!("{name}: [{} {}]", role.code, role.dates);
        match (&role.resolved, &role.span) {
            (_, Err(why)) => tally.drop(MALFORMED_DATE, file, role.line, format!("{what}: {why}")),
            (Err(e), _) => drop_unresolved(e, file, role.line, &what, tally),
            (Ok(r), Ok(s)) if r.sector.is_some() => usable.push((role, r, *s)),
            (Ok(_), Ok(_)) => {}
        }
    }
    if usable.len() > 1 {
        tally.note(SEVERAL_ROLES, file, entry.primary.line, name.clone());
    }
    let (role, resolved, _) = usable
        .iter()
        .rev()
        .max_by_key(|(_, _, s)| (!s.is_dated(), s.from))?;
    if !resolved.ignored.is_empty() {
        let detail = format!("{name}: [{}]: {}", role.code, resolved.ignored.join(" "));
        tally.note(IGNORED_GROUPS, file, role.line, detail);
    }
    let mut aliases: Vec<String> = Vec::new();
    aliases.extend(other_case);
    aliases.extend(paren);
    for s in entry
        .spellings()
        .filter(|s| !std::ptr::eq(*s, &entry.primary))
    {
        let (rest, paren) = split_acronym(&s.raw);
        aliases.push(natural_case_with(&rest, acronyms, true));
        aliases.extend(paren);
    }
    let aliases = dedup_aliases(&name, aliases.into_iter())
        .into_iter()
        .filter(|a| !a.contains(['|', ';']))
        .collect();
    let org = match resolved.actor {
        Actor::State(_) => String::new(),
        Actor::Igo => short_name(entry, true, acronyms),
        Actor::Ngo => short_name(entry, false, acronyms),
    };
    Some(OrgLine {
        name,
        code: resolved.actor.code().to_string(),
        org,
        sector: resolved.sector.clone().unwrap_or_default(),
        aliases,
        cameo: role.code.clone(),
        file: file.to_string(),
        line: entry.primary.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{RawRole, Spelling};

    fn entry(primary: &str, synonyms: &[&str], roles: &[(&str, &str)]) -> Entry {
        Entry {
            file: "t.txt".into(),
            primary: Spelling {
                line: 1,
                raw: primary.into(),
            },
            earlier: Vec::new(),
            synonyms: synonyms
                .iter()
                .map(|s| Spelling {
                    line: 2,
                    raw: s.to_string(),
                })
                .collect(),
            roles: roles
                .iter()
                .map(|(c, d)| RawRole {
                    line: 3,
                    code: c.to_string(),
                    dates: d.to_string(),
                })
                .collect(),
        }
    }

    fn acr() -> Acronyms {
        let mut a = Acronyms::default();
        a.insert("UN");
        a
    }

    #[test]
    fn short_names() {
        let a = acr();
        assert_eq!(
            short_name(
                &entry("NORTH_ATLANTIC_TREATY_ORGANIZATION_", &["NATO"], &[]),
                true,
                &a
            ),
            "NATO"
        );
        assert_eq!(
            short_name(&entry("THE_UNITED_NATIONS_", &[], &[]), true, &a),
            "UN"
        );
        assert_eq!(short_name(&entry("UNDP_", &[], &[]), true, &a), "UNDP");
        assert_eq!(
            short_name(
                &entry("ANIMAL_LIBERATION_FRONT_(ALF)_", &[], &[]),
                false,
                &a
            ),
            "ALF"
        );
        assert_eq!(
            short_name(&entry("AMNESTY_INTERNATIONAL_", &[], &[]), false, &a),
            "Amnesty International"
        );
    }

    #[test]
    fn latest_role_of_an_organization() {
        let e = entry(
            "SUDAN_PEOPLE'S_LIBERATION_MOVEMENT",
            &["SPLM"],
            &[
                ("SDNREB", "19830516-20050109"),
                ("SDNGOVPTY", "20050109-20071011"),
            ],
        );
        let roles = crate::kinds::resolve_roles(&e, &crate::codes::Codebook::builtin());
        let mut t = Tally::default();
        let line = build(&e, &roles, &acr(), &mut t).unwrap();
        assert_eq!(
            line.render(),
            "Sudan People's Liberation Movement | SDN |  | GOV | SPLM"
        );
        assert_eq!(t.noted(SEVERAL_ROLES), 1);
    }
}
