//! The readable rendering of [`Scores`]: fixed-width tables, the same bytes for the same scores.

use std::fmt::Write;

use crate::score::{Prf, Scores};

impl Scores {
    /// Overall precision, recall and F1 per measure, then per event type.
    pub fn table(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail; the results are ignored on purpose.
        let _ = writeln!(
            out,
            "{} cases, {} gold events, {} predicted events\n",
            self.cases, self.gold_events, self.predicted_events
        );
        let _ = writeln!(
            out,
            "{:<12} {:>7} {:>9} {:>6} {:>9} {:>7} {:>6}",
            "measure", "correct", "predicted", "gold", "precision", "recall", "F1"
        );
        for (name, prf) in [
            ("event type", &self.event_type),
            ("source code", &self.source),
            ("target code", &self.target),
            ("triple", &self.triple),
            ("modality", &self.modality),
        ] {
            let _ = writeln!(
                out,
                "{:<12} {:>7} {:>9} {:>6} {}",
                name,
                prf.correct,
                prf.predicted,
                prf.gold,
                ratios(prf)
            );
        }
        let _ = writeln!(
            out,
            "\n{:<10} {:>5} {:>5} | {:>9} {:>7} {:>6} | {:>9} {:>7} {:>6}",
            "type", "gold", "pred", "type P", "R", "F1", "triple P", "R", "F1"
        );
        for (t, s) in &self.per_type {
            let _ = writeln!(
                out,
                "{:<10} {:>5} {:>5} | {} | {}",
                t.as_str(),
                s.event_type.gold,
                s.event_type.predicted,
                ratios(&s.event_type),
                ratios(&s.triple)
            );
        }
        out
    }

    /// The cases whose triples were not all found, that got extra events, or whose modality is
    /// wrong: one block each, with what was missed, what was predicted in excess, and which
    /// found triple has the wrong modality.
    pub fn failures(&self) -> String {
        let mut out = String::new();
        for o in self.outcomes.iter().filter(|o| !o.is_perfect()) {
            let _ = writeln!(
                out,
                "{}: {}/{} gold triples found, {} predicted",
                o.id, o.triples, o.gold, o.predicted
            );
            for m in &o.missed {
                let _ = writeln!(out, "  missed   {m}");
            }
            for s in &o.spurious {
                let _ = writeln!(out, "  spurious {s}");
            }
            for m in &o.modality {
                let _ = writeln!(out, "  modality {m}");
            }
        }
        out
    }
}

fn ratios(prf: &Prf) -> String {
    format!("{:>9.3} {:>7.3} {:>6.3}", prf.precision, prf.recall, prf.f1)
}
