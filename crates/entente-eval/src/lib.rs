//! Scores entente's coder against gold files: precision, recall and F1 for the event type, the
//! source and target codes, the whole triple and the modality, overall and per event type. This
//! is the library behind `entente eval --gold FILE`.
//!
//! # Gold files
//!
//! [`read_gold`] reads entente's own JSON Lines format and PLOVER-GSR (`plover_gsr.jsonl`),
//! telling them apart line by line; see [`gold`] for both formats, the mapping of older PLOVER
//! labels ([`OLD_LABELS`]) and how lines of the same sentence merge into one case.
//!
//! # How events are matched
//!
//! Scoring is per case (one sentence or short text). Within a case, predicted and gold events
//! are matched one to one, greedily by best agreement (type 5, source 2, target 2, modality 1;
//! heaviest pair first, ties by order). Then:
//!
//! - **event type**: a matched pair counts if the two types are equal;
//! - **source code** / **target code**: a matched pair counts if the code sets are equal, after
//!   [`normalize_code`] (ISO 3166-1 alpha-3 for states; international and non-governmental
//!   organizations compare by their `IGO`/`NGO` code, since gold files rarely name the
//!   organization; CAMEO-era codes such as `JAP` map to ISO through [`CAMEO_TO_ISO`]). An empty
//!   gold target matches an empty predicted target. A reciprocal event (several sources, no
//!   target) agrees with one that names the same actors on both sides;
//! - **triple**: type, source and target all agree;
//! - **modality**: the types agree and the modalities are equal. Its recall counts only gold
//!   events that state a modality, and its precision only predictions in cases whose every gold
//!   event states one, so files without modality (PLOVER-GSR) neither help nor hurt it.
//!
//! For each measure, precision = correct pairs / predicted events, recall = correct pairs /
//! gold events, F1 = their harmonic mean (0 when both are 0). Per type, the type and triple
//! scores count the events of that type on each side.
//!
//! # Example
//!
//! ```
//! use entente_eval::{parse_gold, score};
//!
//! let gold = parse_gold(
//!     r#"{"id":"1","text":"Russia sanctioned nobody.","events":[],"why":"no event"}"#,
//! )
//! .unwrap();
//! let scores = score(&gold, &[vec![]]);
//! assert_eq!(scores.triple.gold, 0);
//! assert!(scores.table().contains("triple"));
//! ```

pub mod codes;
pub mod diagnose;
mod error;
pub mod gold;
mod matching;
mod report;
mod score;
#[cfg(test)]
mod score_tests;
mod split;

pub use codes::{normalize as normalize_code, CAMEO_TO_ISO};
pub use diagnose::{diagnose, Attempt, Candidate, Cause, Diagnosis};
pub use error::{EvalError, LineProblem};
pub use gold::{parse_gold, read_gold, GoldCase, GoldEvent, OLD_LABELS};
pub use score::{score, CaseOutcome, Prf, Scores, TypeScores};
pub use split::Split;
