//! One real event, many reports: merging the interactions that several articles give for the
//! same happening, so that a wire story printed by ten sites counts once.

use std::hash::{BuildHasher, BuildHasherDefault};

use chrono::NaiveDate;
use entente_model::{EventType, Interaction};

use crate::measure::FastHasher;

/// Merges interactions that report the same tie: the same source, target, PLOVER type and
/// day (the first day of the event's date). The merged interaction keeps the smallest event
/// id of its group and the first one's intensity and modality, and carries the sum of the
/// group's mentions: more reports are more evidence, not more cooperation or conflict.
///
/// Interactions of one event are never merged with each other (they have different
/// source-target pairs). Order is kept: each group stands where its first member stood.
/// Two different events of the same type between the same actors on the same day are taken
/// for one: at the precision event data has, they cannot be told apart.
pub fn merge_reports(mut ix: Vec<Interaction>) -> Vec<Interaction> {
    fn key(i: &Interaction) -> (&str, Option<&str>, EventType, NaiveDate) {
        (i.source.as_str(), i.target.as_deref(), i.event, i.date)
    }
    // Group by sorting (key hash, position) pairs rather than through a hash map: a million
    // 16-byte pairs sort in a few tens of milliseconds, while a map of a million entries
    // misses the cache on nearly every probe. Equal hashes are checked on the full key.
    let hasher = BuildHasherDefault::<FastHasher>::default();
    let mut keyed: Vec<(u64, u32)> = ix
        .iter()
        .enumerate()
        .map(|(pos, i)| (hasher.hash_one(key(i)), pos as u32))
        .collect();
    keyed.sort_unstable();
    let mut merged_away = vec![false; ix.len()];
    let mut merges: Vec<(usize, usize, u32)> = Vec::new();
    for run in keyed.chunk_by(|x, y| x.0 == y.0) {
        if run.len() == 1 {
            continue;
        }
        // A run is in position order; its members with the first one's key form a group
        // (other keys in the run, hash collisions, are rare and form groups of their own).
        let positions: Vec<usize> = run.iter().map(|&(_, p)| p as usize).collect();
        let mut taken = vec![false; positions.len()];
        for a in 0..positions.len() {
            if taken[a] {
                continue;
            }
            let first = positions[a];
            let (mut smallest, mut mentions) = (first, ix[first].mentions);
            for b in a + 1..positions.len() {
                let other = positions[b];
                if !taken[b] && key(&ix[other]) == key(&ix[first]) {
                    taken[b] = true;
                    merged_away[other] = true;
                    mentions += ix[other].mentions;
                    if ix[other].event_id < ix[smallest].event_id {
                        smallest = other;
                    }
                }
            }
            if mentions != ix[first].mentions || smallest != first {
                merges.push((first, smallest, mentions));
            }
        }
    }
    for (first, smallest, mentions) in merges {
        if smallest != first {
            ix[first].event_id = ix[smallest].event_id.clone();
        }
        ix[first].mentions = mentions;
    }
    let mut pos = 0;
    ix.retain(|_| {
        let keep = !merged_away[pos];
        pos += 1;
        keep
    });
    ix
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

    proptest::proptest! {
        /// Merging keeps every mention, leaves no two interactions with one key, and a
        /// second merge changes nothing.
        #[test]
        fn merging_keeps_mentions_and_is_idempotent(
            ties in proptest::collection::vec((0..3usize, 0..3usize, 1..4u32, 1..4u32), 0..40)
        ) {
            let names = ["CHN", "PRK", "RUS"];
            let ix: Vec<Interaction> = ties
                .iter()
                .enumerate()
                .map(|(n, &(s, t, day, mentions))| {
                    tie(&format!("e{n:02}"), names[s], names[t], day, mentions)
                })
                .collect();
            let total: u32 = ix.iter().map(|i| i.mentions).sum();
            let once = merge_reports(ix);
            proptest::prop_assert_eq!(once.iter().map(|i| i.mentions).sum::<u32>(), total);
            let mut keys: Vec<_> = once.iter().map(|i| (&i.source, &i.target, i.date)).collect();
            keys.sort();
            let before = keys.len();
            keys.dedup();
            proptest::prop_assert_eq!(keys.len(), before);
            let twice = merge_reports(once.clone());
            proptest::prop_assert_eq!(twice, once);
        }
    }
}
