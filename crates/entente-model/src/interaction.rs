use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{EventId, EventType, Modality, QuadClass};

/// One directed actor-to-actor tie of one event: what the analytics count.
///
/// An event with two sources and one target gives two interactions. Actors are named by
/// [`crate::ActorRef::key`]: the state code, or the organization's short name. An event
/// with no target (a missile test) gives interactions with `target: None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub event_id: EventId,
    pub source: String,
    pub target: Option<String>,
    pub event: EventType,
    pub quad: QuadClass,
    pub intensity: f32,
    pub modality: Modality,
    /// The first day of the event's date.
    pub date: NaiveDate,
    /// How many reports stand behind the event: weight of evidence, not of intensity.
    pub mentions: u32,
}
