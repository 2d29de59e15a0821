//! One real event, many reports: merging the interactions that several articles give for the
//! same happening, so that a wire story printed by ten sites counts once.

use chrono::NaiveDate;
use entente_model::{EventType, Interaction};

use crate::measure::FastMap;

/// Merges interactions that report the same tie: the same source, target, PLOVER type and
/// day (the first day of the event's date). The merged interaction keeps the smallest event
/// id of its group and the first one's intensity and modality, and carries the sum of the
/// group's mentions: more reports are more evidence, not more cooperation or conflict.
///
/// Interactions of one event are never merged with each other (they have different
/// source-target pairs). Order is kept: each group stands where its first member stood.
/// Two different events of the same type between the same actors on the same day are taken
/// for one: at the precision event data has, they cannot be told apart.
pub fn merge_reports(ix: Vec<Interaction>) -> Vec<Interaction> {
    type Key<'a> = (&'a str, Option<&'a str>, EventType, NaiveDate);
    // Pass 1: for each group, its first position, its smallest event id and its mentions.
    let mut groups: FastMap<Key<'_>, (usize, usize, u32)> = FastMap::default();
    groups.reserve(ix.len() / 2);
    for (pos, i) in ix.iter().enumerate() {
        let key = (i.source.as_str(), i.target.as_deref(), i.event, i.date);
        let group = groups.entry(key).or_insert((pos, pos, 0));
        if i.event_id < ix[group.1].event_id {
            group.1 = pos;
        }
        group.2 += i.mentions;
    }
    let mut keep: Vec<Option<(usize, u32)>> = vec![None; ix.len()];
    for (first, smallest, mentions) in groups.into_values() {
        keep[first] = Some((smallest, mentions));
    }
    let ids: Vec<Option<(entente_model::EventId, u32)>> = keep
        .iter()
        .map(|k| k.map(|(smallest, mentions)| (ix[smallest].event_id.clone(), mentions)))
        .collect();
    ix.into_iter()
        .zip(ids)
        .filter_map(|(mut i, merged)| {
            let (event_id, mentions) = merged?;
            i.event_id = event_id;
            i.mentions = mentions;
            Some(i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use entente_model::{EventId, Modality, QuadClass};

    fn tie(id: &str, s: &str, t: &str, day: u32, mentions: u32) -> Interaction {
        Interaction {
            event_id: EventId::from_stored(id),
            source: s.into(),
            target: Some(t.into()),
            event: EventType::Aid,
            quad: QuadClass::MATERIAL_COOPERATION,
            intensity: 7.0,
            modality: Modality::Asserted,
            date: NaiveDate::from_ymd_opt(2024, 6, day).unwrap(),
            mentions,
        }
    }

    #[test]
    fn two_reports_of_one_event_count_once_with_both_mentions() {
        let ix = vec![
            tie("e2", "RUS", "PRK", 19, 1),
            tie("e9", "CHN", "PRK", 19, 1),
            tie("e1", "RUS", "PRK", 19, 2),
            tie("e3", "RUS", "PRK", 20, 1),
        ];
        let merged = merge_reports(ix);
        let got: Vec<_> = merged
            .iter()
            .map(|i| {
                (
                    i.event_id.as_str(),
                    i.source.as_str(),
                    i.date.day0() + 1,
                    i.mentions,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("e1", "RUS", 19, 3),
                ("e9", "CHN", 19, 1),
                ("e3", "RUS", 20, 1)
            ]
        );
    }

    #[test]
    fn a_different_direction_or_type_is_another_event() {
        let mut other_type = tie("e2", "RUS", "PRK", 19, 1);
        other_type.event = EventType::Consult;
        let ix = vec![
            tie("e1", "RUS", "PRK", 19, 1),
            tie("e3", "PRK", "RUS", 19, 1),
            other_type,
        ];
        assert_eq!(merge_reports(ix).len(), 3);
    }
}
