//! Every measure over one million generated interactions (200 actors, 2015–2024).
//! Each bench first checks its answer against a plain loop, then times the call.

use divan::{black_box, Bencher};
use entente_graph::synth::synthetic;
use entente_graph::*;
use entente_model::{EventType, Interaction, QuadClass};
use std::sync::OnceLock;

const N: usize = 1_000_000;

fn data() -> &'static [Interaction] {
    static DATA: OnceLock<Vec<Interaction>> = OnceLock::new();
    DATA.get_or_init(|| synthetic(N, 200, 42))
}

fn sanctioned() -> &'static SanctionedSet {
    static SET: OnceLock<SanctionedSet> = OnceLock::new();
    SET.get_or_init(|| SanctionedSet::from_interactions(data(), &Window::default()))
}

fn factual(i: &Interaction) -> bool {
    i.modality.is_factual()
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn dyad_chn_rus(b: Bencher) {
    let expect = data()
        .iter()
        .filter(|i| {
            factual(i)
                && ((i.source == "CHN" && i.target.as_deref() == Some("RUS"))
                    || (i.source == "RUS" && i.target.as_deref() == Some("CHN")))
        })
        .count();
    let t = dyad(data(), "CHN", "RUS", Period::Month, &Window::default());
    let got: usize = t
        .rows
        .iter()
        .map(|r| r.quads.iter().sum::<u32>() as usize)
        .sum();
    assert_eq!(got, expect);
    b.bench(|| {
        dyad(
            black_box(data()),
            "CHN",
            "RUS",
            Period::Month,
            &Window::default(),
        )
    });
}

#[divan::bench(sample_count = 10)]
fn network_all(b: Bencher) {
    let expect = data().iter().filter(|i| factual(i)).count();
    let net = network(data(), &Window::default(), 1);
    assert_eq!(
        net.edges.iter().map(|e| e.events as usize).sum::<usize>(),
        expect
    );
    b.bench(|| network(black_box(data()), &Window::default(), 1));
}

#[divan::bench(sample_count = 10)]
fn network_to_graphml(b: Bencher) {
    let net = network(data(), &Window::default(), 1);
    assert_eq!(to_graphml(&net).matches("<edge ").count(), net.edges.len());
    b.bench(|| to_graphml(black_box(&net)));
}

#[divan::bench(sample_count = 10)]
fn blocs_all(b: Bencher) {
    let net = network(data(), &Window::default(), 1);
    let bl = blocs(&net);
    assert_eq!(
        bl.blocs.iter().map(|b| b.members.len()).sum::<usize>(),
        net.nodes.len()
    );
    b.bench(|| blocs(black_box(&net)));
}

#[divan::bench(sample_count = 10)]
fn dependence_prk(b: Bencher) {
    let expect = data()
        .iter()
        .filter(|i| {
            factual(i)
                && i.quad == QuadClass::MATERIAL_COOPERATION
                && i.target.as_deref() == Some("PRK")
        })
        .count();
    let d = dependence(data(), "PRK", &Window::default());
    assert_eq!(
        d.suppliers.iter().map(|s| s.events as usize).sum::<usize>(),
        expect
    );
    b.bench(|| dependence(black_box(data()), "PRK", &Window::default()));
}

#[divan::bench(sample_count = 10)]
fn hedging_prk(b: Bencher) {
    let h = hedging(data(), "PRK", Period::Quarter, &Window::default());
    // Ten years of quarters, every one with cooperation at this volume.
    assert_eq!(h.portfolios.len(), 40);
    b.bench(|| {
        hedging(
            black_box(data()),
            "PRK",
            Period::Quarter,
            &Window::default(),
        )
    });
}

#[divan::bench(sample_count = 10)]
fn exposure_chn(b: Bencher) {
    let s = sanctioned();
    let expect = data()
        .iter()
        .filter(|i| factual(i) && i.event == EventType::Sanction)
        .filter_map(|i| i.target.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(s.entries.len(), expect);
    let e = exposure(data(), "CHN", s, &Window::default());
    assert!(!e.first_order.is_empty());
    b.bench(|| exposure(black_box(data()), "CHN", s, &Window::default()));
}

#[divan::bench(sample_count = 10)]
fn alerts_monthly(b: Bencher) {
    let a = alerts(data(), Period::Month, &Window::default(), 3.5);
    assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
    b.bench(|| alerts(black_box(data()), Period::Month, &Window::default(), 3.5));
}

#[divan::bench(sample_count = 10)]
fn brief_prk(b: Bencher) {
    let s = sanctioned();
    let br = brief(
        data(),
        "PRK",
        None,
        Period::Quarter,
        &Window::default(),
        s,
        &[],
    );
    assert_eq!(br.timeline.len(), 40);
    b.bench(|| {
        brief(
            black_box(data()),
            "PRK",
            None,
            Period::Quarter,
            &Window::default(),
            s,
            &[],
        )
    });
}
