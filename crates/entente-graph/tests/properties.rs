//! Invariants of the measures, on random event sets.

mod common;

use common::d;
use entente_graph::*;
use entente_model::{EventId, EventType, Interaction, Modality, QuadClass};
use proptest::prelude::*;

const ACTORS: [&str; 6] = ["AAA", "BBB", "CCC", "DDD", "EEE", "PRK"];
const TYPES: [(EventType, u8); 8] = [
    (EventType::Consult, 1),
    (EventType::Agree, 1),
    (EventType::Cooperate, 2),
    (EventType::Aid, 2),
    (EventType::Accuse, 3),
    (EventType::Sanction, 4),
    (EventType::Assault, 4),
    (EventType::Threaten, 3),
];

fn interaction() -> impl Strategy<Value = Interaction> {
    (
        0..ACTORS.len(),
        0..ACTORS.len(),
        0..TYPES.len(),
        1u32..=100,
        0u32..(5 * 12),
        1u32..=3,
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(|(s, t, ty, g, month, mentions, reported, id)| {
            let (event, quad) = TYPES[ty];
            let magnitude = g as f32 / 10.0;
            Interaction {
                event_id: EventId::from_stored(format!("e{id:08x}")),
                source: ACTORS[s].to_string(),
                target: Some(ACTORS[t].to_string()),
                event,
                quad: QuadClass::try_from(quad).unwrap(),
                intensity: if quad <= 2 { magnitude } else { -magnitude },
                modality: if reported {
                    Modality::Reported
                } else {
                    Modality::Asserted
                },
                date: d(2020 + (month / 12) as i32, month % 12 + 1, 1 + month % 28),
                mentions,
            }
        })
}

fn events() -> impl Strategy<Value = Vec<Interaction>> {
    prop::collection::vec(interaction(), 0..80)
}

/// The same events in another order: sorted by a random key per position.
fn shuffled() -> impl Strategy<Value = (Vec<Interaction>, Vec<Interaction>)> {
    events().prop_flat_map(|ix| {
        let n = ix.len();
        (Just(ix), prop::collection::vec(any::<u64>(), n)).prop_map(|(ix, keys)| {
            let mut order: Vec<usize> = (0..ix.len()).collect();
            order.sort_by_key(|&k| (keys[k], k));
            let other = order.iter().map(|&k| ix[k].clone()).collect();
            (ix, other)
        })
    })
}

fn json<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_string(x).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn dependence_shares_sum_to_one_and_hhi_in_range(ix in events()) {
        for a in ACTORS {
            let dep = dependence(&ix, a, &Window::default());
            let n = dep.suppliers.len();
            if n == 0 {
                prop_assert_eq!(dep.hhi, 0.0);
                continue;
            }
            let sum: f64 = dep.suppliers.iter().map(|s| s.share).sum();
            prop_assert!((sum - 1.0).abs() < 1e-9, "sum {}", sum);
            prop_assert!(dep.hhi >= 1.0 / n as f64 - 1e-12 && dep.hhi <= 1.0 + 1e-12, "hhi {}", dep.hhi);
            for c in &dep.clients {
                prop_assert!(c.share_of_client > 0.0 && c.share_of_client <= 1.0 + 1e-12);
            }
        }
    }

    #[test]
    fn hedging_portfolios_and_js_in_range(ix in events()) {
        for a in ACTORS {
            let h = hedging(&ix, a, Period::Year, &Window::default());
            for p in &h.portfolios {
                let sum: f64 = p.shares.iter().map(|s| s.share).sum();
                prop_assert!((sum - 1.0).abs() < 1e-9);
                let n = p.shares.len() as f64;
                prop_assert!(p.hhi >= 1.0 / n - 1e-12 && p.hhi <= 1.0 + 1e-12);
            }
            for s in &h.steps {
                prop_assert!((0.0..=1.0).contains(&s.js));
                let delta: f64 = s.changes.iter().map(|c| c.delta).sum();
                prop_assert!(delta.abs() < 1e-9, "deltas sum to zero: {}", delta);
            }
        }
    }

    #[test]
    fn js_is_zero_for_equal_portfolios(raw in prop::collection::vec(1u32..1000, 1..12), other in prop::collection::vec(0u32..1000, 1..12)) {
        let norm = |v: &[u32]| {
            let t: u32 = v.iter().sum();
            v.iter().map(|x| *x as f64 / t.max(1) as f64).collect::<Vec<f64>>()
        };
        let p = norm(&raw);
        prop_assert_eq!(jensen_shannon(&p, &p), 0.0);
        let mut q = norm(&other);
        q.resize(p.len(), 0.0);
        let mut p2 = p.clone();
        p2.resize(q.len(), 0.0);
        if q.iter().sum::<f64>() > 0.0 {
            let js = jensen_shannon(&p2, &q);
            prop_assert!((0.0..=1.0).contains(&js));
        }
    }

    #[test]
    fn network_weights_are_symmetric_sums(ix in events()) {
        let net = network(&ix, &Window::default(), 1);
        for a in ACTORS {
            for b in ACTORS {
                prop_assert_eq!(net.weight(a, b), net.weight(b, a));
                if a < b {
                    let expect: f64 = ix
                        .iter()
                        .filter(|i| {
                            let t = i.target.as_deref().unwrap();
                            (i.source == a && t == b) || (i.source == b && t == a)
                        })
                        .map(|i| (i.intensity as f64 * 1000.0).round() / 1000.0)
                        .sum();
                    // Intensities count to the thousandth (f32 noise below it is dropped).
                    prop_assert!((net.weight(a, b) - expect).abs() < 1e-9);
                }
            }
        }
        // Reversing every tie gives the same undirected network.
        let flipped: Vec<Interaction> = ix
            .iter()
            .map(|i| {
                let mut j = i.clone();
                j.target = Some(i.source.clone());
                j.source = i.target.clone().unwrap();
                j
            })
            .collect();
        prop_assert_eq!(json(&net), json(&network(&flipped, &Window::default(), 1)));
    }

    #[test]
    fn an_event_between_others_leaves_dependence_unchanged(ix in events(), extra in interaction()) {
        let a = "PRK";
        prop_assume!(extra.source != a && extra.target.as_deref() != Some(a));
        let before = dependence(&ix, a, &Window::default());
        let mut more = ix.clone();
        more.push(extra);
        let after = dependence(&more, a, &Window::default());
        prop_assert_eq!(json(&before.suppliers), json(&after.suppliers));
        prop_assert_eq!(before.hhi, after.hhi);
    }

    #[test]
    fn results_do_not_depend_on_input_order((ix, other) in shuffled()) {
        let w = Window::default();
        prop_assert_eq!(json(&network(&ix, &w, 1)), json(&network(&other, &w, 1)));
        prop_assert_eq!(json(&blocs(&network(&ix, &w, 1))), json(&blocs(&network(&other, &w, 1))));
        prop_assert_eq!(json(&alerts(&ix, Period::Quarter, &w, 1.0)), json(&alerts(&other, Period::Quarter, &w, 1.0)));
        let s1 = SanctionedSet::from_interactions(&ix, &w);
        let s2 = SanctionedSet::from_interactions(&other, &w);
        prop_assert_eq!(json(&s1), json(&s2));
        for a in ["AAA", "PRK"] {
            prop_assert_eq!(json(&dyad(&ix, a, "BBB", Period::Month, &w)), json(&dyad(&other, a, "BBB", Period::Month, &w)));
            prop_assert_eq!(json(&dependence(&ix, a, &w)), json(&dependence(&other, a, &w)));
            prop_assert_eq!(json(&hedging(&ix, a, Period::Year, &w)), json(&hedging(&other, a, Period::Year, &w)));
            prop_assert_eq!(json(&exposure(&ix, a, &s1, &w)), json(&exposure(&other, a, &s2, &w)));
            let b1 = brief(&ix, a, None, Period::Year, &w, &s1, &[]);
            let b2 = brief(&other, a, None, Period::Year, &w, &s2, &[]);
            prop_assert_eq!(b1.to_html(), b2.to_html());
        }
    }
}
