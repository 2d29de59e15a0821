//! Gold files: what a careful analyst codes in each sentence.
//!
//! Two line formats are read, told apart per line, so one file may mix them:
//!
//! - **entente's own**: `{"id", "text", "date", "events": [{"source": ["PRK"], "event": "AID",
//!   "target": ["RUS"], "modality": "asserted", "mode": "military"}], "why": "..."}`. `date`
//!   (the article's, `YYYY-MM-DD`), `target`, `modality` and `mode` may be left out; `events`
//!   may be empty ("no event here"). A code may be `null`: a party the sentence names without
//!   saying whose it is ("a lawyer", "gunmen"); it compares as `-`.
//! - **PLOVER-GSR** (`plover_gsr.jsonl`): one event a line with `event_plover08`, `mode`, and
//!   `source`/`target` arrays of `{text, code, sector}`. The type is `event_plover08`; labels of
//!   older PLOVER drafts (in `event_gsr`) map through [`OLD_LABELS`] when needed. An actor whose
//!   `code` is null (the file marks one as "malformed in source file") is left out.
//!
//! Lines with the same `text` become one case holding all their events (PLOVER-GSR lists a
//! sentence with two events on two lines), so that the scorer matches a sentence's events
//! together; the same event listed twice for one sentence counts once, as the coder codes a
//! repeated event once. The case keeps the first line's `id`.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use entente_model::{ActorCode, EventType, Modality};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::codes::normalize;
use crate::error::{EvalError, LineProblem};

/// One sentence (or short text) with the events an analyst codes in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldCase {
    pub id: String,
    pub text: String,
    /// The article's date, when the gold file gives one: leaders and relative dates resolve
    /// against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub events: Vec<GoldEvent>,
    /// Why the case is coded this way (entente's own format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// One expected event. Codes are normalized ([`crate::normalize_code`]): ISO 3166-1 alpha-3,
/// `IGO` or `NGO`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEvent {
    pub event: EventType,
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    /// `None` when the gold file does not annotate modality (PLOVER-GSR).
    #[serde(default)]
    pub modality: Option<Modality>,
    #[serde(default)]
    pub mode: Option<String>,
}

/// Labels of earlier PLOVER drafts and the PLOVER 0.8 type they were merged into, as the
/// PLOVER-GSR file itself pairs them (`event_gsr` beside `event_plover08`).
pub const OLD_LABELS: &[(&str, EventType)] = &[
    ("DEMAND", EventType::Request),
    ("DISAPPROVE", EventType::Accuse),
    ("FIGHT", EventType::Assault),
    ("INVESTIGATE", EventType::Accuse),
];

/// Reads a gold file in either format (see the module docs). Every malformed line is reported,
/// with the file and line, before any case is returned.
pub fn read_gold(path: &Path) -> Result<Vec<GoldCase>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let cases = parse_gold(&text).map_err(|problems| EvalError::Lines {
        path: path.to_path_buf(),
        problems,
    })?;
    if cases.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(cases)
}

/// Parses the text of a gold file: the cases, or every malformed line.
pub fn parse_gold(text: &str) -> Result<Vec<GoldCase>, Vec<LineProblem>> {
    let mut cases: Vec<GoldCase> = Vec::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(case) => match by_text.get(&case.text) {
                Some(&at) => {
                    let merged = &mut cases[at];
                    for event in case.events {
                        if !merged.events.contains(&event) {
                            merged.events.push(event);
                        }
                    }
                }
                None => {
                    by_text.insert(case.text.clone(), cases.len());
                    cases.push(case);
                }
            },
            Err(message) => problems.push(LineProblem {
                line: i + 1,
                message,
            }),
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(problems)
    }
}

/// One line, in whichever format it is written.
fn parse_line(line: &str) -> Result<GoldCase, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let Some(object) = value.as_object() else {
        return Err("expected a JSON object".to_string());
    };
    if object.contains_key("events") {
        parse_own(value)
    } else if object.contains_key("event_plover08") || object.contains_key("event_gsr") {
        parse_gsr(value)
    } else {
        Err("neither format: expected `events` (entente) or `event_plover08` (PLOVER-GSR)".into())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnCase {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    events: Vec<OwnEvent>,
    #[serde(default)]
    why: Option<String>,
}

/// Unknown fields are refused so that a typo (`targt`) is an error, not a silently empty target.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnEvent {
    source: Vec<Option<String>>,
    event: String,
    #[serde(default)]
    target: Vec<Option<String>>,
    #[serde(default)]
    modality: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

fn parse_own(value: Value) -> Result<GoldCase, String> {
    let case: OwnCase = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let date = match &case.date {
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| format!("date `{d}`: expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let mut events = Vec::with_capacity(case.events.len());
    for e in case.events {
        let event = e
            .event
            .parse::<EventType>()
            .map_err(|err| err.to_string())?;
        let modality = match e.modality {
            Some(m) => Some(m.parse::<Modality>().map_err(|err| err.to_string())?),
            None => None,
        };
        events.push(GoldEvent {
            event,
            source: codes(e.source.iter().map(|c| c.as_deref().unwrap_or(UNCODED)))?,
            target: codes(e.target.iter().map(|c| c.as_deref().unwrap_or(UNCODED)))?,
            modality,
            mode: e.mode,
        });
    }
    Ok(GoldCase {
        id: case.id,
        text: case.text,
        date,
        events,
        why: case.why,
    })
}

#[derive(Deserialize)]
struct GsrCase {
    id: String,
    text: String,
    #[serde(default)]
    event_plover08: Option<String>,
    #[serde(default)]
    event_gsr: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    source: Vec<GsrActor>,
    #[serde(default)]
    target: Vec<GsrActor>,
}

#[derive(Deserialize)]
struct GsrActor {
    #[serde(default)]
    code: Option<String>,
}

fn parse_gsr(value: Value) -> Result<GoldCase, String> {
    let case: GsrCase = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let event = [&case.event_plover08, &case.event_gsr]
        .into_iter()
        .flatten()
        .find_map(|label| event_type(label))
        .ok_or_else(|| {
            format!(
                "no PLOVER type in `event_plover08` ({:?}) or `event_gsr` ({:?})",
                case.event_plover08, case.event_gsr
            )
        })?;
    // A null code is an annotation the file itself flags as broken: leave the actor out.
    let known = |actors: &[GsrActor]| {
        codes(
            actors
                .iter()
                .filter_map(|a| a.code.as_deref())
                .collect::<Vec<_>>(),
        )
    };
    Ok(GoldCase {
        id: case.id,
        text: case.text,
        date: None,
        events: vec![GoldEvent {
            event,
            source: known(&case.source)?,
            target: known(&case.target)?,
            modality: None,
            mode: case.mode,
        }],
        why: None,
    })
}

/// A PLOVER 0.8 type, or an older draft's label mapped to one.
fn event_type(label: &str) -> Option<EventType> {
    let label = label.trim().to_ascii_uppercase();
    label.parse::<EventType>().ok().or_else(|| {
        OLD_LABELS
            .iter()
            .find(|(old, _)| *old == label)
            .map(|(_, t)| *t)
    })
}

/// How an uncoded party's code compares: the same word the coder's record uses for it.
pub const UNCODED: &str = "-";

/// Normalized, validated, sorted and de-duplicated codes: the scorer compares them as sets.
fn codes<'a>(raw: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for code in raw {
        if code == UNCODED {
            out.push(code.to_string());
            continue;
        }
        let code = normalize(code);
        code.parse::<ActorCode>()
            .map_err(|e| format!("actor code: {e}"))?;
        out.push(code);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_formats_and_merges_lines_of_one_sentence() {
        let text = concat!(
            r#"{"id":"a","text":"Japan halted aid to Serbia.","event_gsr":"SANCTION","event_plover08":"SANCTION","mode":null,"source":[{"text":"Japan","code":"JAP","sector":null}],"target":[{"text":"Serbia","code":"SRB","sector":null}]}"#,
            "\n\n",
            r#"{"id":"b","text":"Japan halted aid to Serbia.","event_gsr":"DISAPPROVE","event_plover08":"NOT-A-TYPE","source":[{"code":"JAP"}],"target":[{"code":null,"note":"malformed"}]}"#,
            "\n",
            r#"{"id":"c","text":"Russia may send troops.","events":[{"source":["RUS"],"event":"MOBILIZE","modality":"speculative"}],"why":"may"}"#,
            "\n",
            r#"{"id":"d","text":"Japan halted aid to Serbia.","event_plover08":"SANCTION","source":[{"code":"JPN"}],"target":[{"code":"SRB"}]}"#,
        );
        let cases = parse_gold(text).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].id, "a");
        // `d` repeats `a` once normalized, so it is not added again.
        assert_eq!(cases[0].events.len(), 2);
        assert_eq!(cases[0].events[0].source, vec!["JPN"]);
        assert_eq!(cases[0].events[1].event, EventType::Accuse);
        assert!(cases[0].events[1].target.is_empty());
        assert_eq!(cases[1].events[0].modality, Some(Modality::Speculative));
        assert_eq!(cases[1].why.as_deref(), Some("may"));
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let text = concat!(
            "not json\n",
            r#"{"id":"x","text":"t","events":[{"source":["prk"],"event":"AID"}]}"#,
            "\n",
            r#"{"id":"y","text":"t","events":[{"source":["PRK"],"event":"HELP"}]}"#,
            "\n",
            r#"{"id":"z","text":"t","events":[{"source":["PRK"],"event":"AID","targt":["RUS"]}]}"#,
            "\n",
            r#"{"id":"w","text":"t"}"#,
            "\n",
            r#"{"id":"ok","text":"fine","events":[]}"#,
        );
        let problems = parse_gold(text).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5]);
        assert!(
            problems[2].message.contains("HELP"),
            "{}",
            problems[2].message
        );
        assert!(
            problems[3].message.contains("targt"),
            "{}",
            problems[3].message
        );
    }

    #[test]
    fn read_gold_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        std::fs::write(&path, "{\"id\":1}\n").unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(err.contains("gold.jsonl:1:"), "{err}");
        std::fs::write(&path, "\n").unwrap();
        assert!(matches!(read_gold(&path), Err(EvalError::Empty { .. })));
        let missing = dir.path().join("missing.jsonl");
        let err = read_gold(&missing).unwrap_err().to_string();
        assert!(err.contains("missing.jsonl"), "{err}");
    }
}
