//! Why each gold event was missed, so the next round of work knows where to push: the actor
//! lexicon (no actor), the trigger lexicon (no trigger), the role rules (no source, no target,
//! wrong direction), the typing (wrong type) or the modality rules. Predictions that match no
//! gold event at all are listed as spurious.
//!
//! The scorer sees only events; the cause needs what the coder saw on the way, which the
//! caller passes as one [`Attempt`] per case (the CLI builds it from `Coder::explain`).

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use entente_model::{Event, EventType};
use serde::Serialize;

use crate::gold::{GoldCase, UNCODED};
use crate::matching::{match_events, Coded};

/// What the coder found in one case on the way to its events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attempt {
    /// The codes of every actor mention found in the text (normalized or not).
    pub actors: Vec<String>,
    /// Every kept trigger worked out into a candidate event, coded or not.
    pub candidates: Vec<Candidate>,
}

/// One candidate event and, when it was not coded, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub event: EventType,
    pub coded: bool,
    pub why: String,
}

/// The cause of one error, from the earliest stage that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// An actor of the gold event is not among the actors found.
    NoActor,
    /// The actors are there but no trigger of the gold type was kept.
    NoTrigger,
    /// A trigger of the gold type was kept, but no source was found for it.
    NoSource,
    /// A trigger of the gold type was kept, but its rule needs a target and none was found.
    NoTarget,
    /// A trigger of the gold type was kept and dropped by another rule (a noun use, a sports
    /// report, ...).
    Dropped,
    /// The event was found with another type.
    WrongType,
    /// Source and target swapped.
    WrongDirection,
    WrongSource,
    WrongTarget,
    /// The triple is right, the modality is not.
    WrongModality,
    /// A predicted event that matches no gold event.
    Spurious,
}

impl Cause {
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::NoActor => "no actor",
            Cause::NoTrigger => "no trigger",
            Cause::NoSource => "no source",
            Cause::NoTarget => "no target",
            Cause::Dropped => "dropped by a rule",
            Cause::WrongType => "wrong type",
            Cause::WrongDirection => "wrong direction",
            Cause::WrongSource => "wrong source",
            Cause::WrongTarget => "wrong target",
            Cause::WrongModality => "wrong modality",
            Cause::Spurious => "spurious",
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One error: its cause, the case, the event concerned (gold, or predicted when spurious) and
/// what the coder did instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub cause: Cause,
    pub case: String,
    pub event: String,
    pub detail: String,
}

/// Every error of the coder on `cases`, by cause. `predicted[i]` and `attempts[i]` belong to
/// `cases[i]`.
///
/// # Panics
/// If the three lists differ in length: that is a bug in the caller.
pub fn diagnose(
    cases: &[GoldCase],
    predicted: &[Vec<Event>],
    attempts: &[Attempt],
) -> Vec<Diagnosis> {
    assert!(cases.len() == predicted.len() && cases.len() == attempts.len());
    let mut out = Vec::new();
    for ((case, events), attempt) in cases.iter().zip(predicted).zip(attempts) {
        let gold: Vec<Coded> = case.events.iter().map(Coded::from_gold).collect();
        let pred: Vec<Coded> = events.iter().map(Coded::from_event).collect();
        let matched = match_events(&pred, &gold);
        let mut pred_paired = vec![false; pred.len()];
        let mut gold_paired = vec![false; gold.len()];
        let mut push = |cause, event: &Coded, detail: String| {
            out.push(Diagnosis {
                cause,
                case: case.id.clone(),
                event: event.render(),
                detail,
            })
        };
        for &(g, p, agreement) in &matched {
            pred_paired[p] = true;
            gold_paired[g] = true;
            let (ge, pe) = (&gold[g], &pred[p]);
            let predicted_as = format!("predicted {}", pe.render());
            if agreement.triple() {
                if ge.modality.is_some() && !agreement.modality {
                    push(Cause::WrongModality, ge, predicted_as);
                }
                continue;
            }
            let cause = if !agreement.event_type {
                Cause::WrongType
            } else if !pe.source.is_empty() && pe.source == ge.target && pe.target == ge.source {
                Cause::WrongDirection
            } else if !agreement.source {
                Cause::WrongSource
            } else {
                Cause::WrongTarget
            };
            push(cause, ge, predicted_as);
        }
        for (ge, _) in gold.iter().zip(&gold_paired).filter(|(_, &paired)| !paired) {
            let (cause, detail) = unmatched_cause(ge, attempt);
            push(cause, ge, detail);
        }
        for (pe, _) in pred.iter().zip(&pred_paired).filter(|(_, &paired)| !paired) {
            push(Cause::Spurious, pe, String::new());
        }
    }
    out.sort_by_key(|d| d.cause);
    out
}

/// Why a gold event that no prediction came near was missed.
fn unmatched_cause(gold: &Coded, attempt: &Attempt) -> (Cause, String) {
    let found: Vec<String> = attempt
        .actors
        .iter()
        .map(|c| crate::codes::normalize(c))
        .collect();
    let missing: Vec<&str> = gold
        .source
        .iter()
        .chain(&gold.target)
        .filter(|c| c.as_str() != UNCODED && !found.contains(c))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return (Cause::NoActor, format!("not found: {}", missing.join(",")));
    }
    let same_type: Vec<&Candidate> = attempt
        .candidates
        .iter()
        .filter(|c| c.event == gold.event)
        .collect();
    let Some(first) = same_type.iter().find(|c| !c.coded) else {
        let others: Vec<&str> = attempt
            .candidates
            .iter()
            .map(|c| c.event.as_str())
            .collect();
        let detail = if others.is_empty() {
            "no trigger kept".to_string()
        } else {
            format!("triggers kept: {}", others.join(","))
        };
        return (Cause::NoTrigger, detail);
    };
    let cause = if first.why.contains("no source") || first.why.contains("without \"by X\"") {
        Cause::NoSource
    } else if first.why.contains("needs a target") || first.why.contains("two parties") {
        Cause::NoTarget
    } else {
        Cause::Dropped
    };
    (cause, first.why.clone())
}

/// Counts per cause, then every error grouped under its cause.
pub fn render(diagnoses: &[Diagnosis]) -> String {
    let mut by: BTreeMap<Cause, Vec<&Diagnosis>> = BTreeMap::new();
    for d in diagnoses {
        by.entry(d.cause).or_default().push(d);
    }
    let mut out = String::new();
    let _ = writeln!(out, "errors by cause");
    for (cause, list) in &by {
        let _ = writeln!(out, "  {:<18} {:>5}", cause.as_str(), list.len());
    }
    for (cause, list) in &by {
        let _ = writeln!(out, "\n## {cause} ({})", list.len());
        for d in list {
            if d.detail.is_empty() {
                let _ = writeln!(out, "{}: {}", d.case, d.event);
            } else {
                let _ = writeln!(out, "{}: {}  ({})", d.case, d.event, d.detail);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;

    fn case(events: &str) -> GoldCase {
        let line = format!(r#"{{"id":"c","text":"t","events":[{events}],"why":"w"}}"#);
        parse_gold(&line).unwrap().remove(0)
    }

    #[test]
    fn a_gold_event_with_an_unknown_actor_is_no_actor() {
        let gold = case(r#"{"source":["KEN"],"event":"CONSULT","target":["USA"]}"#);
        let attempt = Attempt {
            actors: vec!["USA".into()],
            candidates: vec![],
        };
        let d = diagnose(&[gold], &[vec![]], &[attempt]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].cause, Cause::NoActor);
        assert!(d[0].detail.contains("KEN"));
    }

    #[test]
    fn actors_found_but_no_trigger_then_no_source() {
        let gold = case(r#"{"source":["KEN"],"event":"CONSULT","target":["USA"]}"#);
        let mut attempt = Attempt {
            actors: vec!["USA".into(), "KEN".into()],
            candidates: vec![],
        };
        let d = diagnose(
            std::slice::from_ref(&gold),
            &[vec![]],
            std::slice::from_ref(&attempt),
        );
        assert_eq!(d[0].cause, Cause::NoTrigger);
        attempt.candidates.push(Candidate {
            event: EventType::Consult,
            coded: false,
            why: "no source actor in the trigger's clause".into(),
        });
        let d = diagnose(&[gold], &[vec![]], &[attempt]);
        assert_eq!(d[0].cause, Cause::NoSource);
    }
}
