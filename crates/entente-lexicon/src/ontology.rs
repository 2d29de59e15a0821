//! The PLOVER ontology (`ontology.txt`: each type's CAMEO root, quad class, intensity and
//! definition) and the known sector codes (`sectors.txt`).

use std::collections::BTreeMap;
use std::path::Path;

use entente_model::{EventType, QuadClass};

use crate::source::{check_duplicates, load_layers, overlay, LineFile};
use crate::LexiconError;

/// What one PLOVER type means and how it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeInfo {
    pub event: EventType,
    /// CAMEO root code, two digits (`"07"`).
    pub cameo: String,
    pub quad: QuadClass,
    /// Goldstein-style, -10 to +10.
    pub intensity: f32,
    pub definition: String,
    /// `path:line` of the entry, for audits.
    pub rule: String,
}

#[derive(Debug, Clone)]
pub struct Ontology {
    /// Indexed like `EventType::ALL`.
    types: Vec<TypeInfo>,
    sectors: BTreeMap<String, String>,
    /// `cameo.txt`: each CAMEO code's quad class and Goldstein score.
    cameo: BTreeMap<String, (QuadClass, f32)>,
}

impl Ontology {
    /// Loads `ontology.txt` and `sectors.txt`, built-in then `user_dir` overrides.
    pub fn load(user_dir: Option<&Path>) -> Result<Ontology, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let types = load_layers("ontology.txt", user_dir, 5..=5).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        });
        let sectors = load_layers("sectors.txt", user_dir, 2..=2).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        });
        let cameo = load_layers("cameo.txt", user_dir, 3..=3).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut ontology = Ontology::from_files(&types, &sectors)?;
        ontology.cameo = cameo_scores(&cameo)?;
        Ok(ontology)
    }

    /// The quad class and Goldstein score of a CAMEO code: its own line in `cameo.txt`, else
    /// its longest listed prefix ("0461" -> "046" -> "04"), else none.
    pub fn cameo_score(&self, code: &str) -> Option<(QuadClass, f32)> {
        (1..=code.len())
            .rev()
            .find_map(|n| self.cameo.get(&code[..n]).copied())
    }

    /// Builds from already parsed layers (later layers override earlier ones by key).
    pub fn from_files(
        types: &[LineFile],
        sectors: &[LineFile],
    ) -> Result<Ontology, Vec<LexiconError>> {
        let mut errors = Vec::new();
        for file in types {
            errors.extend(check_duplicates(file, |r| r.field(0).to_string()));
        }
        for file in sectors {
            errors.extend(check_duplicates(file, |r| r.field(0).to_string()));
        }
        let mut sector_map = BTreeMap::new();
        for entry in overlay(sectors, |r| r.field(0).to_string()) {
            let code = entry.record.field(0);
            if code.parse::<entente_model::Sector>().is_err() {
                errors.push(LexiconError::new(
                    entry.path,
                    entry.record.line,
                    format!("`{code}` is not a sector code (two to four capital letters)"),
                ));
            }
            sector_map.insert(code.to_string(), entry.record.field(1).to_string());
        }
        let mut found: Vec<Option<TypeInfo>> = vec![None; EventType::ALL.len()];
        let mut last_path = String::from("builtin:ontology.txt");
        for entry in overlay(types, |r| r.field(0).to_string()) {
            let (path, line) = (entry.path, entry.record.line);
            last_path = path.to_string();
            let r = entry.record;
            let mut bad = |message: String| errors.push(LexiconError::new(path, line, message));
            let Ok(event) = r.field(0).parse::<EventType>() else {
                bad(format!("`{}` is not a PLOVER event type", r.field(0)));
                continue;
            };
            let cameo = r.field(1);
            if cameo.len() != 2 || !cameo.bytes().all(|b| b.is_ascii_digit()) {
                bad(format!("CAMEO root `{cameo}` is not two digits"));
            }
            let quad = r
                .field(2)
                .parse::<u8>()
                .ok()
                .and_then(|q| QuadClass::try_from(q).ok());
            if quad.is_none() {
                bad(format!("quad class `{}` is not 1, 2, 3 or 4", r.field(2)));
            }
            let intensity = r
                .field(3)
                .parse::<f32>()
                .ok()
                .filter(|v| (-10.0..=10.0).contains(v));
            if intensity.is_none() {
                bad(format!(
                    "intensity `{}` is not a number from -10 to 10",
                    r.field(3)
                ));
            }
            if let (Some(quad), Some(intensity)) = (quad, intensity) {
                let index = EventType::ALL
                    .iter()
                    .position(|t| *t == event)
                    .expect("in ALL");
                found[index] = Some(TypeInfo {
                    event,
                    cameo: cameo.to_string(),
                    quad,
                    intensity,
                    definition: r.field(4).to_string(),
                    rule: entry.location(),
                });
            }
        }
        for (slot, event) in found.iter().zip(EventType::ALL) {
            if slot.is_none() && !errors.iter().any(|e| e.message.contains(event.as_str())) {
                errors.push(LexiconError::new(
                    &last_path,
                    0,
                    format!("no valid entry for event type `{event}`; hint: every PLOVER type needs one line"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Ontology {
            types: found
                .into_iter()
                .map(|t| t.expect("checked above"))
                .collect(),
            sectors: sector_map,
            cameo: BTreeMap::new(),
        })
    }

    pub fn get(&self, event: EventType) -> &TypeInfo {
        let index = EventType::ALL
            .iter()
            .position(|t| *t == event)
            .expect("in ALL");
        &self.types[index]
    }

    pub fn types(&self) -> &[TypeInfo] {
        &self.types
    }

    pub fn is_sector(&self, code: &str) -> bool {
        self.sectors.contains_key(code)
    }

    /// Sector codes and their meanings, sorted by code.
    pub fn sectors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sectors.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Parses `cameo.txt` layers: every problem with its file and line.
fn cameo_scores(
    layers: &[LineFile],
) -> Result<BTreeMap<String, (QuadClass, f32)>, Vec<LexiconError>> {
    let mut errors = Vec::new();
    for file in layers {
        errors.extend(check_duplicates(file, |r| r.field(0).to_string()));
    }
    let mut out = BTreeMap::new();
    for entry in overlay(layers, |r| r.field(0).to_string()) {
        let r = entry.record;
        let code = r.field(0);
        let quad = r
            .field(1)
            .parse::<u8>()
            .ok()
            .and_then(|q| QuadClass::try_from(q).ok());
        let score = r
            .field(2)
            .parse::<f32>()
            .ok()
            .filter(|v| (-10.0..=10.0).contains(v));
        let valid_code = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
        match (valid_code, quad, score) {
            (true, Some(quad), Some(score)) => {
                out.insert(code.to_string(), (quad, score));
            }
            _ => errors.push(LexiconError::new(
                entry.path,
                r.line,
                format!(
                    "`{}`: expected a CAMEO code of 2 to 4 digits, a quad class 1 to 4 and a \
                     Goldstein score from -10 to 10",
                    r.fields.join(" | ")
                ),
            )),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
