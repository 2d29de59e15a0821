//! Person entries -> `people.txt`: one line per person per role.
//!
//! `name | CODE | sector | from | to | aliases | org`
//!
//! - `name`: the first spelling without a title word ([`crate::kinds::TITLE_WORDS`]), looked
//!   for in the entry's earlier name lines, its name line, then its synonyms: the Phoenix
//!   name line is often the title and the name (`SECRETARY-GENERAL_BAN_KI-MOON`,
//!   `COMMUNIST_LEADER_LEONID_BREZHNEV`). The other spellings are the aliases.
//! - A dated role gives its dates. An undated role is PETRARCH's default: it holds whenever
//!   no dated role of the entry does, so it becomes one line per gap between the dated roles
//!   (`[AFGELI 750101-000101] [AFGGOV >011222] [AFGELI]` gives ELI until 1974-12-31 and from
//!   2000-01-02 to 2001-12-21), or one open line when the entry has no dated role.
//! - `org`: for an IGO or NGO code, the short name of the organizations coded exactly so
//!   ([`OrgIndex`]); a role whose organization is unknown or ambiguous is dropped.

use std::collections::{BTreeMap, BTreeSet};

use crate::actors::Entry;
use crate::codes::{Actor, Codebook, Unresolved};
use crate::dates::{Date, Span};
use crate::kinds::{Role, TITLE_WORDS};
use crate::names::{natural_case, words, Acronyms};
use crate::report::Tally;

pub const MALFORMED_DATE: &str = "role with a malformed date";
pub const NULL_CODE: &str = "role with the null code `---`";
pub const NO_ACTOR: &str = "role with no country or organization code (`[ELI]` alone)";
pub const UNMAPPED: &str = "role whose first code group entente has no code for";
pub const MALFORMED_CODE: &str = "role with a malformed code";
pub const NO_SECTOR: &str = "role with a country code but no sector";
pub const NO_ORG: &str = "IGO/NGO role whose organization is unknown or ambiguous";
pub const DEFAULT_NEVER: &str = "undated role that no gap between dated roles leaves room for";
pub const DUPLICATE: &str = "duplicate line (same person, code, sector and dates)";
pub const BAD_CHARS: &str = "name with `|` or `;`";
pub const DEFAULT_SPLIT: &str = "undated roles written as the gaps between dated roles";
pub const IGNORED_GROUPS: &str =
    "code groups with no field in entente (org, region, country inside an IGO/NGO code)";

/// One line of `people.txt`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PersonLine {
    pub name: String,
    pub code: String,
    pub sector: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub aliases: Vec<String>,
    pub org: String,
}

impl PersonLine {
    pub fn render(&self) -> String {
        let date = |d: &Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        crate::output::fields(&[
            &self.name,
            &self.code,
            &self.sector,
            &date(&self.from),
            &date(&self.to),
            &self.aliases.join("; "),
            &self.org,
        ])
    }
}

/// Organization short names by exact CAMEO code, from the organization entries.
#[derive(Debug, Clone, Default)]
pub struct OrgIndex {
    /// code -> short name -> (organizations, order of the first)
    by_code: BTreeMap<String, BTreeMap<String, (usize, usize)>>,
    added: usize,
}

impl OrgIndex {
    /// Adds one organization (each once: the International file repeats whole sections).
    pub fn add(&mut self, code: &str, short: &str) {
        let order = self.added;
        self.added += 1;
        let e = self
            .by_code
            .entry(code.to_string())
            .or_default()
            .entry(short.to_string())
            .or_insert((0, order));
        e.0 += 1;
    }

    /// The short name most organizations of this code have: strictly more of them than any
    /// other name (dots aside: `U.N.` is `UN`), or, of two names with one organization each,
    /// the acronym (`UNICEF` beside "United Nations Children's Fund"). For an IGO code a tie
    /// goes to the organization listed first: the International file opens each IGO's
    /// section with the IGO itself (`THE_UNITED_NATIONS_`, `THE_EUROPEAN_UNION_`), while an
    /// NGO code (`NGOHRI`) is shared by unrelated organizations. Without organizations
    /// of exactly this code, the code one group shorter is tried (`IGOUNOREFHCR` ->
    /// `IGOUNOREF` -> `IGOUNO`); `IGO` and `NGO` alone name no organization.
    ///
    /// Only a code with a group that names an organization ([`Codebook::names_organization`]:
    /// `UNO`, `EEC`, `ALQ`, `IRC`) is looked up: `IGOBUS` or `NGOPERENV` say what kind of
    /// body, not which, and the organizations sharing them are unrelated.
    pub fn lookup(&self, code: &str, book: &Codebook) -> Option<&str> {
        let named = (1..code.len() / 3).any(|i| book.names_organization(&code[i * 3..i * 3 + 3]));
        if !named {
            return None;
        }
        let mut code = code;
        while code.len() > 3 {
            if let Some(names) = self.by_code.get(code) {
                return pick(names, code.starts_with("IGO"));
            }
            code = &code[..code.len() - 3];
        }
        None
    }
}

fn pick(names: &BTreeMap<String, (usize, usize)>, first_wins: bool) -> Option<&str> {
    // Merge spellings that differ only by dots, keeping the undotted one's text.
    let mut merged: BTreeMap<String, (usize, usize, &str)> = BTreeMap::new();
    for (name, (n, order)) in names {
        let key = name.replace('.', "").to_lowercase();
        let e = merged.entry(key).or_insert((0, *order, name.as_str()));
        e.0 += n;
        e.1 = e.1.min(*order);
        if !name.contains('.') {
            e.2 = name.as_str();
        }
    }
    let mut ranked: Vec<(usize, usize, &str)> = merged.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match ranked.as_slice() {
        [] => None,
        [(_, _, only)] => Some(only),
        [(a, _, first), (b, _, _), ..] if a > b => Some(first),
        [(1, _, x), (1, _, y)] if is_caps(x) != is_caps(y) => Some(if is_caps(x) { x } else { y }),
        [(_, _, first), ..] if first_wins => Some(first),
        _ => None,
    }
}

fn is_caps(s: &str) -> bool {
    !s.chars().any(char::is_lowercase)
}

/// The display name and the aliases of a person entry (module docs).
pub fn names_of(entry: &Entry, acronyms: &Acronyms) -> (String, Vec<String>) {
    let has_title = |raw: &str| {
        words(raw).iter().any(|w| {
            w.split('-')
                .chain([w.as_str()])
                .any(|p| TITLE_WORDS.contains(&p.to_uppercase().as_str()))
        })
    };
    let chosen = entry
        .spellings()
        .find(|s| {
            !has_title(&s.raw) && (std::ptr::eq(*s, &entry.primary) || words(&s.raw).len() >= 2)
        })
        .unwrap_or(&entry.primary);
    let name = natural_case(&chosen.raw, acronyms);
    let aliases = dedup_aliases(
        &name,
        entry
            .spellings()
            .filter(|s| !std::ptr::eq(*s, chosen))
            .map(|s| natural_case(&s.raw, acronyms)),
    );
    (name, aliases)
}

/// Aliases in order, each once (case-insensitively), without the name.
pub fn dedup_aliases(name: &str, aliases: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::from([name.to_lowercase()]);
    aliases
        .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
        .collect()
}

/// The person lines of one entry; every role that gives none is counted in `tally`.
pub fn build(
    entry: &Entry,
    roles: &[Role],
    acronyms: &Acronyms,
    orgs: &OrgIndex,
    book: &Codebook,
    tally: &mut Tally,
) -> Vec<PersonLine> {
    let (name, aliases) = names_of(entry, acronyms);
    let file = entry.file.as_str();
    if name.contains(['|', ';']) {
        tally.drop(BAD_CHARS, file, entry.primary.line, name);
        return Vec::new();
    }
    let aliases: Vec<String> = aliases
        .into_iter()
        .filter(|a| !a.contains(['|', ';']))
        .collect();
    let dated: Vec<Span> = roles
        .iter()
        .filter_map(|r| r.span.as_ref().ok().copied())
        .filter(Span::is_dated)
        .collect();
    let mut lines = Vec::new();
    for role in roles {
        let what = format!("{name}: [{} {}]", role.code, role.dates);
        let span = match &role.span {
            Ok(s) => *s,
            Err(why) => {
                tally.drop(MALFORMED_DATE, file, role.line, format!("{what}: {why}"));
                continue;
            }
        };
        let resolved = match &role.resolved {
            Ok(r) => r,
            Err(e) => {
                drop_unresolved(e, file, role.line, &what, tally);
                continue;
            }
        };
        let Some(sector) = &resolved.sector else {
            tally.drop(NO_SECTOR, file, role.line, what);
            continue;
        };
        if !resolved.ignored.is_empty() {
            tally.note(
                IGNORED_GROUPS,
                file,
                role.line,
                format!("{what}: {}", resolved.ignored.join(" ")),
            );
        }
        let org = match &resolved.actor {
            Actor::State(_) => String::new(),
            Actor::Igo | Actor::Ngo => match orgs.lookup(&role.code, book) {
                Some(o) => o.to_string(),
                None => {
                    tally.drop(NO_ORG, file, role.line, what);
                    continue;
                }
            },
        };
        let spans = if span.is_dated() {
            vec![span]
        } else if dated.is_empty() {
            vec![Span::ALWAYS]
        } else {
            let gaps = gaps(&dated);
            if gaps.is_empty() {
                tally.drop(DEFAULT_NEVER, file, role.line, what);
                continue;
            }
            tally.note(DEFAULT_SPLIT, file, role.line, what);
            gaps
        };
        for s in spans {
            lines.push(PersonLine {
                name: name.clone(),
                code: resolved.actor.code().to_string(),
                sector: sector.clone(),
                from: s.from,
                to: s.to,
                aliases: aliases.clone(),
                org: org.clone(),
            });
        }
    }
    let mut seen = BTreeSet::new();
    lines.retain(|l| {
        let fresh = seen.insert((l.code.clone(), l.sector.clone(), l.from, l.to));
        if !fresh {
            tally.drop(DUPLICATE, file, entry.primary.line, l.render());
        }
        fresh
    });
    lines
}

pub fn drop_unresolved(e: &Unresolved, file: &str, line: usize, what: &str, tally: &mut Tally) {
    match e {
        Unresolved::Null => tally.drop(NULL_CODE, file, line, what),
        Unresolved::NoActor(_) => tally.drop(NO_ACTOR, file, line, what),
        Unresolved::Unmapped(g) => {
            let why = crate::codes::UNMAPPED
                .iter()
                .find(|(k, _)| k == g)
                .map(|(_, w)| *w)
                .unwrap_or("not a country, organization or region code");
            tally.drop(UNMAPPED, file, line, format!("{what}: `{g}`, {why}"))
        }
        Unresolved::Malformed(_) => tally.drop(MALFORMED_CODE, file, line, what),
    }
}

/// The stretches of time no span covers, as spans (open at either end as needed).
pub fn gaps(spans: &[Span]) -> Vec<Span> {
    // Inclusive intervals with None as minus/plus infinity, sorted by start.
    let mut iv: Vec<(Option<Date>, Option<Date>)> = spans.iter().map(|s| (s.from, s.to)).collect();
    iv.sort_by(|a, b| match (a.0, b.0) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Less,
        (_, None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.cmp(&y),
    });
    let mut out = Vec::new();
    // `cursor`: the first day not yet covered; None before any interval = minus infinity.
    let mut cursor: Option<Option<Date>> = Some(None);
    for (from, to) in iv {
        let Some(start) = cursor else { break };
        if let Some(f) = from {
            let gap_before = match start {
                None => true,
                Some(s) => f > s,
            };
            if gap_before {
                out.push(Span {
                    from: start,
                    to: Some(f.pred()),
                });
            }
        }
        cursor = match to {
            None => None,
            Some(t) => match start {
                Some(s) if s > t.succ() => Some(Some(s)),
                _ => Some(Some(t.succ())),
            },
        };
    }
    if let Some(start) = cursor {
        out.push(Span {
            from: start,
            to: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_span;

    fn sp(s: &str) -> Span {
        parse_span(s).unwrap()
    }

    fn show(spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| {
                format!(
                    "{}..{}",
                    s.from.map(|d| d.to_string()).unwrap_or_default(),
                    s.to.map(|d| d.to_string()).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn gaps_between_dated_roles() {
        // Hamid Karzai: ELI 1975-2000, GOV from 2001-12-22, ELI otherwise.
        assert_eq!(
            show(&gaps(&[sp("750101-000101"), sp(">011222")])),
            ["..1974-12-31", "2000-01-02..2001-12-21"]
        );
        assert_eq!(
            show(&gaps(&[sp("<900101"), sp(">900101")])),
            Vec::<String>::new()
        );
        assert_eq!(
            show(&gaps(&[sp("900101-951231"), sp("930101-931231")])),
            ["..1989-12-31", "1996-01-01.."]
        );
        assert_eq!(
            show(&gaps(&[sp("900101-901231"), sp("910101-911231")])),
            ["..1989-12-31", "1992-01-01.."]
        );
    }

    #[test]
    fn org_index_takes_the_majority() {
        let mut idx = OrgIndex::default();
        idx.add("IGOUNO", "UN");
        idx.add("IGOUNO", "UN");
        idx.add("IGOUNO", "MONUC");
        idx.add("IGOUNOKID", "UNICEF");
        idx.add("IGOUNOKID", "United Nations Children's Fund");
        idx.add("IGOUNO", "U.N.");
        idx.add("IGOUNO", "UNSC");
        idx.add("NGOHRI", "Amnesty");
        idx.add("NGOHRI", "HRW");
        idx.add("NGOHRI", "HRIC");
        idx.add("IGOBUS", "Nuclear Suppliers Group");
        let b = Codebook::builtin();
        assert_eq!(idx.lookup("IGOUNO", &b), Some("UN"));
        assert_eq!(idx.lookup("IGOUNOKID", &b), Some("UNICEF"));
        assert_eq!(idx.lookup("IGOUNOREFHCR", &b), Some("UN"));
        assert_eq!(idx.lookup("NGOHRI", &b), None);
        assert_eq!(idx.lookup("IGOBUS", &b), None);
        assert_eq!(idx.lookup("IGO", &b), None);
    }
}
