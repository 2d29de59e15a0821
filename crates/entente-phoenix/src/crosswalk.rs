//! The CAMEO-to-PLOVER crosswalk (`cameo_to_plover.csv`): which PLOVER event and mode a
//! CAMEO event code becomes. Codes it does not list (CAMEO 01 "make statement" and 02
//! "appeal", which PLOVER does not code) give no event.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Error;

/// A PLOVER event type and mode (the mode may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plover {
    pub event: String,
    pub mode: String,
}

#[derive(Debug, Clone, Default)]
pub struct Crosswalk {
    by_code: BTreeMap<String, Plover>,
}

impl Crosswalk {
    pub fn read(path: &Path) -> Result<Crosswalk, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Crosswalk::parse(path, &text)
    }

    /// Parses the CSV; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Crosswalk, Error> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| Error::input(path, Some(1), e.to_string()))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| Error::input(path, Some(1), format!("no `{name}` column")))
        };
        let (code, event, mode) = (
            column("cameo_code")?,
            column("plover_event")?,
            column("plover_mode")?,
        );
        let mut by_code = BTreeMap::new();
        for record in reader.records() {
            let line = |r: &csv::Error| r.position().map(|p| p.line() as usize);
            let record = record.map_err(|e| Error::input(path, line(&e), e.to_string()))?;
            let at = record.position().map(|p| p.line() as usize);
            let get = |i: usize| record.get(i).unwrap_or("").trim().to_string();
            let (c, ev) = (get(code), get(event));
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::input(path, at, format!("`{c}` is not a CAMEO code")));
            }
            if ev.is_empty() {
                continue;
            }
            if !ev.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::input(
                    path,
                    at,
                    format!("`{ev}` is not a PLOVER event type"),
                ));
            }
            by_code.insert(
                c,
                Plover {
                    event: ev,
                    mode: get(mode),
                },
            );
        }
        Ok(Crosswalk { by_code })
    }

    pub fn get(&self, code: &str) -> Option<&Plover> {
        self.by_code.get(code)
    }

    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_events_and_modes() {
        let text = "cameo_code,cameo_root,cameo_description,plover_event,plover_mode\n\
                    042,04,\"Make a visit, or travel\",CONSULT,visit\n\
                    030,03,Intent,AGREE,\n";
        let c = Crosswalk::parse(Path::new("x.csv"), text).unwrap();
        assert_eq!(
            c.get("042"),
            Some(&Plover {
                event: "CONSULT".into(),
                mode: "visit".into()
            })
        );
        assert_eq!(c.get("030").map(|p| p.mode.as_str()), Some(""));
        assert_eq!(c.get("010"), None);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let text = "cameo_code,plover_event,plover_mode\n042,CONSULT,visit\nxx,AGREE,\n";
        let e = Crosswalk::parse(Path::new("x.csv"), text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3"), "{e}");
    }
}
