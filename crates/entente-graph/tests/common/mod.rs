//! Hand-built interactions for the tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use entente_model::{EventId, EventType, Interaction, Modality, QuadClass};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn quad_and_intensity(t: EventType) -> (u8, f32) {
    match t {
        EventType::Consult => (1, 1.0),
        EventType::Agree => (1, 3.0),
        EventType::Support => (1, 3.0),
        EventType::Cooperate => (2, 6.0),
        EventType::Aid => (2, 7.0),
        EventType::Accuse => (3, -2.0),
        EventType::Threaten => (3, -4.0),
        EventType::Sanction => (4, -5.0),
        EventType::Coerce => (4, -7.0),
        EventType::Assault => (4, -9.0),
        _ => (1, 1.0),
    }
}

/// One asserted interaction with the type's usual quad and intensity.
pub fn ev(id: &str, s: &str, t: &str, ty: EventType, date: NaiveDate) -> Interaction {
    let (q, g) = quad_and_intensity(ty);
    Interaction {
        event_id: EventId::from_stored(id),
        source: s.to_string(),
        target: Some(t.to_string()),
        event: ty,
        quad: QuadClass::try_from(q).unwrap(),
        intensity: g,
        modality: Modality::Asserted,
        date,
        mentions: 1,
    }
}

pub fn with_intensity(mut i: Interaction, g: f32) -> Interaction {
    i.intensity = g;
    i
}

pub fn with_modality(mut i: Interaction, m: Modality) -> Interaction {
    i.modality = m;
    i
}
