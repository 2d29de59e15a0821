//! Counting matched pairs into precision, recall and F1, overall and per event type.

use std::collections::BTreeMap;

use entente_model::{Event, EventType};
use serde::Serialize;

use crate::gold::GoldCase;
use crate::matching::{match_events, Agreement, Coded};

/// Precision, recall and F1 of one measure. `correct` counts matched pairs that agree on the
/// measure; with no prediction (or no gold) the precision (or recall) is 0, as is F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(correct: usize, predicted: usize, gold: usize) -> Prf {
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let precision = ratio(correct, predicted);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            correct,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// The scores of one event type: is the type found, and is the whole triple right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TypeScores {
    pub event_type: Prf,
    pub triple: Prf,
}

/// How one case went: its events that no prediction matched as a whole triple (`missed`), its
/// predictions that match no gold triple (`spurious`), and triples found with the wrong
/// modality (`modality`), rendered for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseOutcome {
    pub id: String,
    pub gold: usize,
    pub predicted: usize,
    pub triples: usize,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
    pub modality: Vec<String>,
}

impl CaseOutcome {
    /// Every gold event found as a triple and nothing else predicted.
    pub fn is_perfect(&self) -> bool {
        self.missed.is_empty() && self.spurious.is_empty() && self.modality.is_empty()
    }
}

/// The scores of a coder on a gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub cases: usize,
    pub gold_events: usize,
    pub predicted_events: usize,
    pub event_type: Prf,
    pub source: Prf,
    pub target: Prf,
    pub triple: Prf,
    /// Only over gold events that annotate modality (see the crate docs).
    pub modality: Prf,
    /// Every type that occurs in the gold or the predictions.
    pub per_type: BTreeMap<EventType, TypeScores>,
    /// One outcome per case, in the gold file's order.
    pub outcomes: Vec<CaseOutcome>,
}

#[derive(Default)]
struct Tally {
    correct: usize,
    predicted: usize,
    gold: usize,
}

impl Tally {
    fn prf(&self) -> Prf {
        Prf::new(self.correct, self.predicted, self.gold)
    }
}

/// Scores `predicted[i]`, the events the coder found in `cases[i].text`, against the gold.
///
/// # Panics
/// If `predicted` and `cases` differ in length: that is a bug in the caller.
pub fn score(cases: &[GoldCase], predicted: &[Vec<Event>]) -> Scores {
    assert_eq!(
        cases.len(),
        predicted.len(),
        "one list of predicted events per gold case"
    );
    let (mut event_type, mut source, mut target, mut triple, mut modality) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut per_type: BTreeMap<EventType, (Tally, Tally)> = BTreeMap::new();
    let mut outcomes = Vec::with_capacity(cases.len());
    let (mut gold_events, mut predicted_events) = (0, 0);

    for (case, events) in cases.iter().zip(predicted) {
        let gold: Vec<Coded> = case.events.iter().map(Coded::from_gold).collect();
        let pred: Vec<Coded> = events.iter().map(Coded::from_event).collect();
        gold_events += gold.len();
        predicted_events += pred.len();
        for t in [&mut event_type, &mut source, &mut target, &mut triple] {
            t.gold += gold.len();
            t.predicted += pred.len();
        }
        // Modality precision counts only predictions in cases whose every gold event says its
        // modality: a file that does not annotate it (PLOVER-GSR) cannot judge it.
        modality.gold += gold.iter().filter(|g| g.modality.is_some()).count();
        if gold.iter().all(|g| g.modality.is_some()) {
            modality.predicted += pred.len();
        }
        for g in &gold {
            per_type.entry(g.event).or_default().0.gold += 1;
            per_type.entry(g.event).or_default().1.gold += 1;
        }
        for p in &pred {
            per_type.entry(p.event).or_default().0.predicted += 1;
            per_type.entry(p.event).or_default().1.predicted += 1;
        }

        let matched = match_events(&pred, &gold);
        let mut gold_found = vec![false; gold.len()];
        let mut pred_found = vec![false; pred.len()];
        let mut modality_errors = Vec::new();
        for &(g, p, agreement) in &matched {
            let Agreement {
                event_type: same_type,
                source: same_source,
                target: same_target,
                modality: same_modality,
            } = agreement;
            event_type.correct += usize::from(same_type);
            source.correct += usize::from(same_source);
            target.correct += usize::from(same_target);
            modality.correct += usize::from(same_modality);
            if same_type {
                let entry = per_type.entry(gold[g].event).or_default();
                entry.0.correct += 1;
                if agreement.triple() {
                    entry.1.correct += 1;
                }
            }
            if agreement.triple() {
                if gold[g].modality.is_some() && !same_modality {
                    modality_errors.push(format!(
                        "{} predicted as {}",
                        gold[g].render(),
                        pred[p].modality.map_or("none", |m| m.as_str())
                    ));
                }
                triple.correct += 1;
                gold_found[g] = true;
                pred_found[p] = true;
            }
        }
        outcomes.push(CaseOutcome {
            id: case.id.clone(),
            gold: gold.len(),
            predicted: pred.len(),
            triples: gold_found.iter().filter(|&&f| f).count(),
            missed: unfound(&gold, &gold_found),
            spurious: unfound(&pred, &pred_found),
            modality: modality_errors,
        });
    }

    Scores {
        cases: cases.len(),
        gold_events,
        predicted_events,
        event_type: event_type.prf(),
        source: source.prf(),
        target: target.prf(),
        triple: triple.prf(),
        modality: modality.prf(),
        per_type: per_type
            .into_iter()
            .map(|(t, (ty, tr))| {
                let scores = TypeScores {
                    event_type: ty.prf(),
                    triple: tr.prf(),
                };
                (t, scores)
            })
            .collect(),
        outcomes,
    }
}

fn unfound(events: &[Coded], found: &[bool]) -> Vec<String> {
    events
        .iter()
        .zip(found)
        .filter(|(_, &f)| !f)
        .map(|(e, _)| e.render())
        .collect()
}
