//! Standing alignments: formal alliances, defence pacts, partnerships and memberships, with
//! dates, read from `data/alignments.txt` (embedded) or a user's file in the same format.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::GraphError;

const BUILTIN: &str = include_str!("../data/alignments.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlignmentKind {
    Alliance,
    DefensePact,
    Membership,
    Partnership,
}

impl AlignmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlignmentKind::Alliance => "alliance",
            AlignmentKind::DefensePact => "defense_pact",
            AlignmentKind::Membership => "membership",
            AlignmentKind::Partnership => "partnership",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            AlignmentKind::Alliance,
            AlignmentKind::DefensePact,
            AlignmentKind::Membership,
            AlignmentKind::Partnership,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One state's membership, from the day it began to the day it ended (inclusive; open while
/// it lasts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub member: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Membership {
    pub fn active_on(&self, d: NaiveDate) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }

    /// Whether the membership overlaps the range (either end open).
    pub fn overlaps(&self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
        until.is_none_or(|u| self.from <= u)
            && match (since, self.to) {
                (Some(s), Some(t)) => s <= t,
                _ => true,
            }
    }
}

/// A named arrangement and its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    pub kind: AlignmentKind,
    pub name: String,
    pub members: Vec<Membership>,
}

impl Alignment {
    pub fn member_on(&self, code: &str, d: NaiveDate) -> bool {
        self.members
            .iter()
            .any(|m| m.member == code && m.active_on(d))
    }

    fn member_during(
        &self,
        code: &str,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> bool {
        self.members
            .iter()
            .any(|m| m.member == code && m.overlaps(since, until))
    }

    /// `NATO (alliance)`: how the alignment is shown beside a result.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.kind.as_str())
    }
}

/// All known alignments, ordered by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Alignments {
    pub alignments: Vec<Alignment>,
}

impl Alignments {
    /// The built-in dataset, parsed once per process.
    pub fn builtin() -> &'static Alignments {
        static CELL: OnceLock<Alignments> = OnceLock::new();
        CELL.get_or_init(|| {
            Alignments::parse(BUILTIN, Path::new("data/alignments.txt"))
                .expect("the built-in alignments file validates (tested)")
        })
    }

    /// Parses `kind | name | member | from | to` lines; `#` starts a comment line. Every bad
    /// line is reported with its number; lines must be sorted and unique so that the file
    /// stays easy to review.
    pub fn parse(text: &str, path: &Path) -> Result<Alignments, GraphError> {
        let mut errors = Vec::new();
        let mut by_name: BTreeMap<String, Alignment> = BTreeMap::new();
        let mut previous: Option<&str> = None;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(p) = previous {
                if line <= p {
                    errors.push(GraphError::line(
                        path,
                        line_no,
                        "line out of order or repeated (keep the file sorted)",
                    ));
                }
            }
            previous = Some(line);
            match parse_line(line) {
                Ok((kind, name, membership)) => {
                    let entry = by_name.entry(name.clone()).or_insert_with(|| Alignment {
                        kind,
                        name: name.clone(),
                        members: Vec::new(),
                    });
                    if entry.kind != kind {
                        errors.push(GraphError::line(
                            path,
                            line_no,
                            format!("`{name}` is already a `{}`", entry.kind.as_str()),
                        ));
                    }
                    entry.members.push(membership);
                }
                Err(msg) => errors.push(GraphError::line(path, line_no, msg)),
            }
        }
        GraphError::collect(errors)?;
        let mut alignments: Vec<Alignment> = by_name.into_values().collect();
        for a in &mut alignments {
            a.members
                .sort_by(|x, y| (&x.member, x.from).cmp(&(&y.member, y.from)));
        }
        Ok(Alignments { alignments })
    }

    pub fn load(path: &Path) -> Result<Alignments, GraphError> {
        let text = std::fs::read_to_string(path).map_err(|e| GraphError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        Alignments::parse(&text, path)
    }

    /// Adds another file's alignments (a user's), replacing built-in ones of the same name.
    pub fn extend(&mut self, other: Alignments) {
        for a in other.alignments {
            self.alignments.retain(|x| x.name != a.name);
            self.alignments.push(a);
        }
        self.alignments.sort_by(|x, y| x.name.cmp(&y.name));
    }

    /// Alignments that bind both `a` and `b` on the day `on`.
    pub fn between(&self, a: &str, b: &str, on: NaiveDate) -> Vec<&Alignment> {
        self.alignments
            .iter()
            .filter(|x| x.member_on(a, on) && x.member_on(b, on))
            .collect()
    }

    /// Alignments `a` belongs to on the day `on`.
    pub fn of(&self, a: &str, on: NaiveDate) -> Vec<&Alignment> {
        self.alignments
            .iter()
            .filter(|x| x.member_on(a, on))
            .collect()
    }

    /// Labels of the alignments both belonged to at some time within the range: what a
    /// result over a window shows beside a pair.
    pub fn labels_between_during(
        &self,
        a: &str,
        b: &str,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Vec<String> {
        self.alignments
            .iter()
            .filter(|x| x.member_during(a, since, until) && x.member_during(b, since, until))
            .map(Alignment::label)
            .collect()
    }
}

impl Alignments {
    /// Labels of the alignments `a` belonged to at some time within the range.
    pub fn labels_of_during(
        &self,
        a: &str,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Vec<String> {
        self.alignments
            .iter()
            .filter(|x| x.member_during(a, since, until))
            .map(Alignment::label)
            .collect()
    }
}

fn parse_line(line: &str) -> Result<(AlignmentKind, String, Membership), String> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    if fields.len() != 5 {
        return Err(format!(
            "expected 5 fields `kind | name | member | from | to`, found {}",
            fields.len()
        ));
    }
    let kind = AlignmentKind::parse(fields[0]).ok_or_else(|| {
        format!(
            "unknown kind `{}` (alliance, defense_pact, membership, partnership)",
            fields[0]
        )
    })?;
    if fields[1].is_empty() {
        return Err("empty name".into());
    }
    let member = fields[2];
    if member.len() != 3 || !member.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("`{member}` is not a three-letter upper-case code"));
    }
    let date = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
    };
    let from = date(fields[3])?;
    let to = if fields[4].is_empty() {
        None
    } else {
        Some(date(fields[4])?)
    };
    if to.is_some_and(|t| t < from) {
        return Err(format!("ends ({}) before it begins ({from})", fields[4]));
    }
    Ok((
        kind,
        fields[1].to_string(),
        Membership {
            member: member.to_string(),
            from,
            to,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn builtin_validates_and_knows_the_facts() {
        let al = Alignments::parse(BUILTIN, Path::new("data/alignments.txt")).unwrap();
        let nato = al.alignments.iter().find(|a| a.name == "NATO").unwrap();
        assert_eq!(nato.members.len(), 32);
        assert!(!nato.member_on("FIN", d(2023, 4, 3)));
        assert!(nato.member_on("FIN", d(2023, 4, 4)));
        assert!(nato.member_on("SWE", d(2024, 3, 7)));
        let eu = al.alignments.iter().find(|a| a.name == "EU").unwrap();
        assert_eq!(
            eu.members
                .iter()
                .filter(|m| m.active_on(d(2024, 1, 1)))
                .count(),
            27
        );
        assert!(eu.member_on("GBR", d(2020, 1, 31)));
        assert!(!eu.member_on("GBR", d(2020, 2, 1)));
        let prk_rus = al.between("RUS", "PRK", d(2024, 6, 19));
        assert_eq!(prk_rus.len(), 1);
        assert!(al.between("RUS", "PRK", d(2024, 6, 18)).is_empty());
        assert_eq!(al.between("CHN", "PRK", d(2000, 1, 1)).len(), 1);
        assert!(al
            .of("IRN", d(2024, 2, 1))
            .iter()
            .any(|a| a.name == "BRICS"));
    }

    #[test]
    fn errors_carry_line_numbers() {
        let text = "# header\nalliance | X | ABC | 2000-01-01 |\nalliance | X | abc | 2000-01-01 |\nfoo | Y | DEF | 2000-01-01 |\nalliance | Z | GHI | 2001-01-01 | 2000-01-01\n";
        let err = Alignments::parse(text, Path::new("f.txt")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("f.txt:3:"), "{msg}");
        assert!(msg.contains("f.txt:4:"), "{msg}");
        assert!(msg.contains("f.txt:5:"), "{msg}");
        assert!(!msg.contains("f.txt:2:"), "{msg}");
    }

    #[test]
    fn a_users_file_extends_and_overrides() {
        let mut al = Alignments::builtin().clone();
        let user = Alignments::parse(
            "alliance | NATO | USA | 1949-08-24 |\npartnership | Test Pact | AAA | 2020-01-01 |\npartnership | Test Pact | BBB | 2020-01-01 | 2021-01-01\n",
            Path::new("user.txt"),
        )
        .unwrap();
        al.extend(user);
        let nato = al.alignments.iter().find(|a| a.name == "NATO").unwrap();
        assert_eq!(nato.members.len(), 1);
        assert_eq!(al.between("AAA", "BBB", d(2020, 6, 1)).len(), 1);
        assert!(al.between("AAA", "BBB", d(2021, 1, 2)).is_empty());
        let names: Vec<&str> = al.alignments.iter().map(|a| a.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn window_overlap() {
        let al = Alignments::builtin();
        let l = al.labels_between_during("GBR", "FRA", Some(d(2021, 1, 1)), None);
        assert_eq!(l, vec!["NATO (alliance)".to_string()]);
        let l = al.labels_between_during("GBR", "FRA", None, Some(d(2019, 1, 1)));
        assert_eq!(l.len(), 2);
    }
}
