//! The sanctioned set: who is under sanctions, by whom, since when; taken from SANCTION events
//! or from a user's CSV.

use chrono::NaiveDate;
use entente_model::{EventId, EventType, Interaction};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

use crate::{GraphError, Window};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sanctioned {
    pub target: String,
    /// Who imposed the sanctions, sorted.
    pub sanctioners: Vec<String>,
    /// The earliest date known.
    pub since: Option<NaiveDate>,
    /// SANCTION events behind the entry (empty for a user's list).
    pub evidence: Vec<EventId>,
}

/// Sanctioned actors by code, in name order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SanctionedSet {
    pub entries: BTreeMap<String, Sanctioned>,
}

impl SanctionedSet {
    /// Targets of SANCTION events in the window, with their sanctioners. A deliberate
    /// simplification: a SANCTION event marks its target as sanctioned for the whole window,
    /// and COERCE events (embargoes among them) are left out because the model does not
    /// carry PLOVER modes to tell an embargo from other coercion.
    pub fn from_interactions(ix: &[Interaction], w: &Window) -> SanctionedSet {
        let f = w.filter();
        let mut set = SanctionedSet::default();
        for i in ix {
            let Some(t) = i.target.as_deref() else {
                continue;
            };
            if i.event != EventType::Sanction || t == i.source || !f.admits(i) {
                continue;
            }
            set.add(t, &i.source, Some(i.date), Some(&i.event_id));
        }
        set.finish();
        set
    }

    /// Parses `code,sanctioner,since` lines (since optional, `YYYY-MM-DD`); a first line
    /// starting with `code` is a header; blank lines and `#` comments are skipped. Every bad
    /// line is reported with `path:line`.
    pub fn parse_csv(text: &str, path: &Path) -> Result<SanctionedSet, GraphError> {
        let mut set = SanctionedSet::default();
        let mut errors = Vec::new();
        let mut seen_data = false;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if !seen_data && line.to_ascii_lowercase().starts_with("code") {
                seen_data = true;
                continue;
            }
            seen_data = true;
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if !(2..=3).contains(&fields.len()) {
                errors.push(GraphError::line(
                    path,
                    line_no,
                    format!(
                        "expected `code,sanctioner,since`, found {} field(s)",
                        fields.len()
                    ),
                ));
                continue;
            }
            let code_ok = |s: &str| !s.is_empty() && !s.contains(char::is_whitespace);
            if !code_ok(fields[0]) {
                errors.push(GraphError::line(path, line_no, "empty or malformed code"));
                continue;
            }
            if !code_ok(fields[1]) {
                errors.push(GraphError::line(
                    path,
                    line_no,
                    "empty or malformed sanctioner",
                ));
                continue;
            }
            let since = match fields.get(2).filter(|s| !s.is_empty()) {
                None => None,
                Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => {
                        errors.push(GraphError::line(
                            path,
                            line_no,
                            format!("`{s}` is not a date YYYY-MM-DD"),
                        ));
                        continue;
                    }
                },
            };
            set.add(fields[0], fields[1], since, None);
        }
        GraphError::collect(errors)?;
        set.finish();
        Ok(set)
    }

    pub fn load_csv(path: &Path) -> Result<SanctionedSet, GraphError> {
        let text = std::fs::read_to_string(path).map_err(|e| GraphError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        SanctionedSet::parse_csv(&text, path)
    }

    /// Adds the entries of another set (a user's list on top of the store's events).
    pub fn merge(&mut self, other: SanctionedSet) {
        for (code, s) in other.entries {
            for by in &s.sanctioners {
                self.add(&code, by, s.since, None);
            }
            if let Some(e) = self.entries.get_mut(&code) {
                e.evidence.extend(s.evidence);
            }
        }
        self.finish();
    }

    pub fn contains(&self, code: &str) -> bool {
        self.entries.contains_key(code)
    }

    pub fn get(&self, code: &str) -> Option<&Sanctioned> {
        self.entries.get(code)
    }

    fn add(&mut self, target: &str, by: &str, since: Option<NaiveDate>, ev: Option<&EventId>) {
        let e = self
            .entries
            .entry(target.to_string())
            .or_insert_with(|| Sanctioned {
                target: target.to_string(),
                sanctioners: Vec::new(),
                since: None,
                evidence: Vec::new(),
            });
        if !e.sanctioners.iter().any(|s| s == by) {
            e.sanctioners.push(by.to_string());
        }
        e.since = match (e.since, since) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        if let Some(id) = ev {
            e.evidence.push(id.clone());
        }
    }

    fn finish(&mut self) {
        for e in self.entries.values_mut() {
            e.sanctioners.sort();
            e.evidence.sort();
            e.evidence.dedup();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_parses_and_reports_lines() {
        let ok = "code,sanctioner,since\nRUS,USA,2014-03-17\nRUS,EU,\n# note\nPRK,UN\n";
        let s = SanctionedSet::parse_csv(ok, Path::new("s.csv")).unwrap();
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.get("RUS").unwrap().sanctioners, vec!["EU", "USA"]);
        assert_eq!(
            s.get("RUS").unwrap().since,
            NaiveDate::from_ymd_opt(2014, 3, 17)
        );
        let bad = "code,sanctioner,since\nRUS,USA,2014-13-01\nPRK\nIRN,,\n";
        let msg = SanctionedSet::parse_csv(bad, Path::new("s.csv"))
            .unwrap_err()
            .to_string();
        for l in ["s.csv:2:", "s.csv:3:", "s.csv:4:"] {
            assert!(msg.contains(l), "{msg}");
        }
    }
}
