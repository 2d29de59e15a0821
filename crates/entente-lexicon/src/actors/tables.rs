//! Actor files -> validated tables: every problem with its file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use entente_model::{ActorCode, Sector};

use crate::source::{check_duplicates, load_layers_lenient, overlay, Entry, LineFile, Record};
use crate::LexiconError;

/// The parsed layers of every actor file: each a list of layers, built-in first.
#[derive(Debug, Clone, Default)]
pub struct ActorSources {
    pub countries: Vec<LineFile>,
    pub country_names: Vec<LineFile>,
    pub leaders: Vec<LineFile>,
    pub organizations: Vec<LineFile>,
    pub agents: Vec<LineFile>,
    pub titles: Vec<LineFile>,
    pub blocked: Vec<LineFile>,
    /// Converted from the Phoenix dictionaries (`phoenix/`): below every curated file.
    pub phoenix_people: Vec<LineFile>,
    pub phoenix_organizations: Vec<LineFile>,
}

/// File names and field counts, in one place so loading and `check` agree.
pub(crate) const FILES: [(&str, std::ops::RangeInclusive<usize>); 9] = [
    ("countries.txt", 3..=3),
    ("country_names.txt", 3..=4),
    ("leaders.txt", 7..=8),
    ("organizations.txt", 5..=5),
    ("agents.txt", 3..=4),
    ("titles.txt", 2..=2),
    ("blocked.txt", 2..=2),
    ("phoenix/people.txt", 6..=7),
    ("phoenix/organizations.txt", 5..=5),
];

impl ActorSources {
    /// Reads the built-in files and the user's overrides from `user_dir`.
    pub fn load(user_dir: Option<&Path>) -> Result<ActorSources, Vec<LexiconError>> {
        let (sources, errors) = ActorSources::load_lenient(user_dir);
        if errors.is_empty() {
            Ok(sources)
        } else {
            Err(errors)
        }
    }

    /// What could be parsed, and every parse problem: validation can then run on the rest and
    /// report its own problems in the same pass.
    pub fn load_lenient(user_dir: Option<&Path>) -> (ActorSources, Vec<LexiconError>) {
        let mut errors = Vec::new();
        let mut layers: Vec<Vec<LineFile>> = Vec::new();
        for (name, fields) in FILES {
            let (files, problems) = load_layers_lenient(name, user_dir, fields);
            layers.push(files);
            errors.extend(problems);
        }
        let mut it = layers.into_iter();
        let mut next = || it.next().expect("one layer list per file");
        let sources = ActorSources {
            countries: next(),
            country_names: next(),
            leaders: next(),
            organizations: next(),
            agents: next(),
            titles: next(),
            blocked: next(),
            phoenix_people: next(),
            phoenix_organizations: next(),
        };
        (sources, errors)
    }

    /// (path, data lines) of every layer, for `lexicon check`.
    pub fn stats(&self) -> Vec<(String, usize)> {
        [
            &self.countries,
            &self.country_names,
            &self.leaders,
            &self.organizations,
            &self.agents,
            &self.titles,
            &self.blocked,
            &self.phoenix_people,
            &self.phoenix_organizations,
        ]
        .iter()
        .flat_map(|layers| layers.iter().map(|f| (f.path.clone(), f.records.len())))
        .collect()
    }
}

/// How a country name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    Name,
    Formal,
    Abbrev,
    Adjective,
    Demonym,
    Capital,
    Seat,
}

impl NameKind {
    fn parse(s: &str) -> Option<NameKind> {
        Some(match s {
            "name" => NameKind::Name,
            "formal" => NameKind::Formal,
            "abbrev" => NameKind::Abbrev,
            "adjective" => NameKind::Adjective,
            "demonym" => NameKind::Demonym,
            "capital" => NameKind::Capital,
            "seat" => NameKind::Seat,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: ActorCode,
    pub name: String,
    pub territory: bool,
}

#[derive(Debug, Clone)]
pub struct CountryName {
    pub text: String,
    pub code: ActorCode,
    pub kind: NameKind,
    pub ambiguous: bool,
}

/// One term of one office.
#[derive(Debug, Clone)]
pub struct Tenure {
    pub name: String,
    pub code: ActorCode,
    pub sector: Sector,
    pub office: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub aliases: Vec<String>,
    pub short: Vec<String>,
    pub org: Option<String>,
    pub rule: String,
}

impl Tenure {
    /// `to` is the first day out of office, so a handover day belongs to the successor.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date < to)
    }
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub name: String,
    pub code: ActorCode,
    pub org: Option<String>,
    pub sector: Sector,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Agent {
    pub noun: String,
    pub sector: Sector,
    pub plural_s: bool,
    /// The noun names a party on its own ("gunmen", "the militia", "protesters"), whose
    /// state the words may not say; otherwise it is an actor only with its state ("Russian
    /// forces", "Pyongyang's diplomats").
    pub party: bool,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub text: String,
    pub sector: Sector,
}

/// Everything the matcher compiles, validated.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub countries: BTreeMap<ActorCode, Country>,
    pub names: Vec<CountryName>,
    pub tenures: Vec<Tenure>,
    pub organizations: Vec<Organization>,
    pub agents: Vec<Agent>,
    pub titles: Vec<Title>,
    pub blocked: Vec<String>,
}

struct Checker<'a> {
    errors: Vec<LexiconError>,
    is_sector: &'a dyn Fn(&str) -> bool,
    codes: BTreeSet<ActorCode>,
}

impl Checker<'_> {
    fn bad(&mut self, entry: &Entry<'_>, message: String) {
        self.errors
            .push(LexiconError::new(entry.path, entry.record.line, message));
    }

    fn code(&mut self, entry: &Entry<'_>, s: &str, orgs_allowed: bool) -> Option<ActorCode> {
        match s.parse::<ActorCode>() {
            Ok(code) if code.is_organization() && orgs_allowed => Some(code),
            Ok(code) if self.codes.contains(&code) => Some(code),
            _ => {
                self.bad(
                    entry,
                    format!("unknown country code `{s}`; hint: codes are listed in countries.txt"),
                );
                None
            }
        }
    }

    fn sector(&mut self, entry: &Entry<'_>, s: &str) -> Option<Sector> {
        match s.parse::<Sector>() {
            Ok(sector) if (self.is_sector)(s) => Some(sector),
            _ => {
                self.bad(
                    entry,
                    format!("unknown sector `{s}`; hint: sectors are listed in sectors.txt"),
                );
                None
            }
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known (read as its first day: a
    /// handover within that month belongs to the successor from the month's start).
    fn date(&mut self, entry: &Entry<'_>, s: &str) -> Option<NaiveDate> {
        let parsed = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
            (s.len() == 7)
                .then(|| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
                .flatten()
        });
        if parsed.is_none() {
            self.bad(
                entry,
                format!("bad date `{s}`: expected YYYY-MM-DD, or YYYY-MM for a month"),
            );
        }
        parsed
    }
}

fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn key0(r: &Record) -> String {
    r.field(0).to_string()
}

fn tenure_key(r: &Record) -> (String, String, String) {
    (
        r.field(0).to_string(),
        r.field(3).to_string(),
        r.field(4).to_string(),
    )
}

/// Validates every file, reporting every problem, and returns the tables.
pub fn validate(
    src: &ActorSources,
    is_sector: &dyn Fn(&str) -> bool,
) -> Result<Tables, Vec<LexiconError>> {
    let mut ck = Checker {
        errors: Vec::new(),
        is_sector,
        codes: BTreeSet::new(),
    };
    for file in src
        .countries
        .iter()
        .chain(&src.country_names)
        .chain(&src.organizations)
    {
        ck.errors.extend(check_duplicates(file, key0));
    }
    for file in src.agents.iter().chain(&src.titles).chain(&src.blocked) {
        ck.errors.extend(check_duplicates(file, key0));
    }
    for file in &src.leaders {
        ck.errors.extend(check_duplicates(file, tenure_key));
    }
    let mut t = Tables::default();

    for e in overlay(&src.countries, key0) {
        let r = e.record;
        let Ok(code) = r.field(0).parse::<ActorCode>() else {
            ck.bad(&e, format!("`{}` is not a three-letter code", r.field(0)));
            continue;
        };
        let territory = match r.field(2) {
            "state" => false,
            "territory" => true,
            other => {
                ck.bad(
                    &e,
                    format!("kind `{other}` is neither `state` nor `territory`"),
                );
                continue;
            }
        };
        ck.codes.insert(code);
        t.countries.insert(
            code,
            Country {
                code,
                name: r.field(1).to_string(),
                territory,
            },
        );
    }

    for e in overlay(&src.country_names, key0) {
        let r = e.record;
        let code = ck.code(&e, r.field(1), false);
        let kind = NameKind::parse(r.field(2));
        if kind.is_none() {
            ck.bad(&e, format!("unknown name kind `{}`", r.field(2)));
        }
        let ambiguous = match r.field(3) {
            "" => false,
            "ambiguous" => true,
            other => {
                ck.bad(
                    &e,
                    format!("unknown flag `{other}`: expected `ambiguous` or nothing"),
                );
                false
            }
        };
        if let (Some(code), Some(kind)) = (code, kind) {
            t.names.push(CountryName {
                text: r.field(0).to_string(),
                code,
                kind,
                ambiguous,
            });
        }
    }

    for e in overlay(&src.leaders, tenure_key) {
        let r = e.record;
        let code = ck.code(&e, r.field(1), true);
        let sector = ck.sector(&e, r.field(2));
        let from = ck.date(&e, r.field(4));
        let to = if r.field(5).is_empty() {
            Some(None)
        } else {
            ck.date(&e, r.field(5)).map(Some)
        };
        if r.field(3).is_empty() {
            ck.bad(&e, "the office is empty".to_string());
        }
        let org = Some(r.field(7).to_string()).filter(|s| !s.is_empty());
        if code.is_some_and(|c| c.is_organization()) && org.is_none() {
            ck.bad(
                &e,
                "an IGO or NGO leader needs the organization's short name".to_string(),
            );
        }
        let (Some(code), Some(sector), Some(from), Some(to)) = (code, sector, from, to) else {
            continue;
        };
        if to.is_some_and(|to| to <= from) {
            ck.bad(
                &e,
                format!(
                    "tenure ends ({}) before it starts ({})",
                    r.field(5),
                    r.field(4)
                ),
            );
            continue;
        }
        let (short, aliases): (Vec<String>, Vec<String>) = list(r.field(6))
            .into_iter()
            .partition(|a| a.starts_with('~'));
        t.tenures.push(Tenure {
            name: r.field(0).to_string(),
            code,
            sector,
            office: r.field(3).to_string(),
            from,
            to,
            aliases,
            short: short
                .into_iter()
                .map(|s| s[1..].trim().to_string())
                .collect(),
            org,
            rule: e.location(),
        });
    }
    check_overlaps(&t.tenures, &mut ck.errors);
    phoenix_people(src, &mut ck, &mut t);

    for e in overlay(&src.organizations, key0) {
        let r = e.record;
        let code = ck.code(&e, r.field(1), true);
        let sector = ck.sector(&e, r.field(3));
        let org = Some(r.field(2).to_string()).filter(|s| !s.is_empty());
        if code.is_some_and(|c| c.is_organization()) && org.is_none() {
            ck.bad(&e, "an IGO or NGO needs a short name".to_string());
        }
        if let (Some(code), Some(sector)) = (code, sector) {
            t.organizations.push(Organization {
                name: r.field(0).to_string(),
                code,
                org,
                sector,
                aliases: list(r.field(4)),
            });
        }
    }

    phoenix_organizations(src, &mut ck, &mut t);

    for e in overlay(&src.agents, key0) {
        let r = e.record;
        let sector = ck.sector(&e, r.field(1));
        let plural_s = match r.field(2) {
            "" => false,
            "s" => true,
            other => {
                ck.bad(&e, format!("plural `{other}`: expected `s` or nothing"));
                false
            }
        };
        let party = match r.field(3) {
            "" => false,
            "party" => true,
            other => {
                ck.bad(&e, format!("`{other}`: expected `party` or nothing"));
                false
            }
        };
        if let Some(sector) = sector {
            t.agents.push(Agent {
                noun: r.field(0).to_string(),
                sector,
                plural_s,
                party,
            });
        }
    }

    for e in overlay(&src.titles, key0) {
        if let Some(sector) = ck.sector(&e, e.record.field(1)) {
            t.titles.push(Title {
                text: e.record.field(0).to_string(),
                sector,
            });
        }
    }
    t.blocked = overlay(&src.blocked, key0)
        .into_iter()
        .map(|e| e.record.field(0).to_string())
        .collect();

    if ck.errors.is_empty() {
        Ok(t)
    } else {
        Err(ck.errors)
    }
}

/// A name the converted Phoenix files may add: two words at least (a lone "Ali" or "Victoria"
/// is a common word or first name, not one person), no leading digit ("21 June").
fn phoenix_name_ok(name: &str) -> bool {
    name.split_whitespace().count() >= 2 && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// Every spelling the curated files give a person or an organization, lower-cased: a Phoenix
/// entry that repeats one is left out (our entries win).
fn curated_spellings(t: &Tables) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for tenure in &t.tenures {
        out.insert(tenure.name.to_lowercase());
        out.extend(tenure.aliases.iter().map(|a| a.to_lowercase()));
    }
    for o in &t.organizations {
        out.insert(o.name.to_lowercase());
        out.extend(o.aliases.iter().map(|a| a.to_lowercase()));
    }
    out.extend(t.names.iter().map(|n| n.text.to_lowercase()));
    out
}

/// `phoenix/people.txt`: `name | CODE | sector | from | to | aliases | org`, dates inclusive and
/// open when empty. Each role is a term with no office (several people share a role), so the
/// overlap check of leaders does not apply; a name the curated leaders know is left out.
fn phoenix_people(src: &ActorSources, ck: &mut Checker<'_>, t: &mut Tables) {
    let curated = curated_spellings(t);
    let since_ever = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a valid date");
    for file in &src.phoenix_people {
        for record in &file.records {
            let e = Entry {
                path: &file.path,
                record,
            };
            let r = record;
            let name = r.field(0);
            if !phoenix_name_ok(name) || curated.contains(&name.to_lowercase()) {
                continue;
            }
            let code = ck.code(&e, r.field(1), true);
            let sector = ck.sector(&e, r.field(2));
            let from = match r.field(3) {
                "" => Some(since_ever),
                d => ck.date(&e, d),
            };
            // Inclusive in the file, exclusive here: the first day out of the role.
            let to = match r.field(4) {
                "" => Some(None),
                d => ck.date(&e, d).map(|d| d.succ_opt()),
            };
            let org = Some(r.field(6).to_string()).filter(|s| !s.is_empty());
            let (Some(code), Some(sector), Some(from), Some(to)) = (code, sector, from, to) else {
                continue;
            };
            if to.is_some_and(|to| to <= from) || code.is_organization() && org.is_none() {
                continue;
            }
            let aliases = list(r.field(5))
                .into_iter()
                .filter(|a| phoenix_name_ok(a) && !curated.contains(&a.to_lowercase()))
                .collect();
            t.tenures.push(Tenure {
                name: name.to_string(),
                code,
                sector,
                office: "role (Phoenix)".to_string(),
                from,
                to,
                aliases,
                short: Vec::new(),
                org,
                rule: e.location(),
            });
        }
    }
}

/// `phoenix/organizations.txt`, in the format of `organizations.txt`: groups, agencies and
/// companies the curated file does not name.
fn phoenix_organizations(src: &ActorSources, ck: &mut Checker<'_>, t: &mut Tables) {
    let curated = curated_spellings(t);
    for file in &src.phoenix_organizations {
        for record in &file.records {
            let e = Entry {
                path: &file.path,
                record,
            };
            let r = record;
            let name = r.field(0);
            if !phoenix_name_ok(name) || curated.contains(&name.to_lowercase()) {
                continue;
            }
            let code = ck.code(&e, r.field(1), true);
            let sector = ck.sector(&e, r.field(3));
            let org = Some(r.field(2).to_string()).filter(|s| !s.is_empty());
            let (Some(code), Some(sector)) = (code, sector) else {
                continue;
            };
            // Companies are no political actors (and their names are often common words).
            if code.is_organization() && org.is_none() || matches!(sector.as_str(), "MNC" | "BUS") {
                continue;
            }
            // Aliases: names of two words or more, or acronyms of three capitals or more
            // (which match only in capitals).
            let aliases = list(r.field(4))
                .into_iter()
                .filter(|a| {
                    let acronym = a.len() >= 3 && a.chars().all(|c| c.is_ascii_uppercase());
                    (acronym || phoenix_name_ok(a)) && !curated.contains(&a.to_lowercase())
                })
                .collect();
            t.organizations.push(Organization {
                name: name.to_string(),
                code,
                org,
                sector,
                aliases,
            });
        }
    }
}

/// Two people cannot hold one office of one state (or organization) on the same day.
fn check_overlaps(tenures: &[Tenure], errors: &mut Vec<LexiconError>) {
    let mut by_office: BTreeMap<(ActorCode, Option<&str>, &str), Vec<&Tenure>> = BTreeMap::new();
    for t in tenures {
        by_office
            .entry((t.code, t.org.as_deref(), t.office.as_str()))
            .or_default()
            .push(t);
    }
    for list in by_office.values_mut() {
        list.sort_by_key(|t| t.from);
        for pair in list.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.to.is_none_or(|to| to > b.from) {
                let (path, line) = split_rule(&b.rule);
                errors.push(LexiconError::new(
                    path,
                    line,
                    format!(
                        "tenure of `{}` as {} of {} from {} overlaps `{}` ({}) in office until {}",
                        b.name,
                        b.office,
                        b.org.as_deref().unwrap_or(b.code.as_str()),
                        b.from,
                        a.name,
                        a.rule,
                        a.to.map_or("today".to_string(), |d| d.to_string()),
                    ),
                ));
            }
        }
    }
}

/// Splits `path:line` (paths may hold colons, as in `builtin:leaders.txt`).
fn split_rule(rule: &str) -> (&str, usize) {
    match rule.rsplit_once(':') {
        Some((path, line)) => (path, line.parse().unwrap_or(0)),
        None => (rule, 0),
    }
}
