//! Throughput of `store_batch` (MB of article text per second, events per second) and the
//! speed of `interactions` on a store of one million events.
//!
//! Run with `cargo bench -p entente-store`. The million-event store is generated once into
//! a temporary file (it takes a while) and its row count is checked before any timing.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use entente_model::{
    ActorRef, Article, DateBasis, Event, EventDate, EventId, EventType, Evidence, Modality,
    Paragraph, QuadClass, TextRange,
};
use entente_store::{InteractionFilter, Store};

fn main() {
    divan::main();
}

const ACTORS: [&str; 24] = [
    "PRK", "RUS", "CHN", "USA", "KOR", "JPN", "UKR", "IRN", "BLR", "IND", "GBR", "FRA", "DEU",
    "TUR", "ISR", "SYR", "PAK", "VNM", "PHL", "AUS", "BRA", "ZAF", "SAU", "EGY",
];

const WORDS: [&str; 40] = [
    "troops",
    "minister",
    "sanctions",
    "pact",
    "border",
    "missile",
    "talks",
    "treaty",
    "aid",
    "oil",
    "grain",
    "shells",
    "drones",
    "summit",
    "envoy",
    "navy",
    "exercise",
    "trade",
    "embassy",
    "visit",
    "ceasefire",
    "protest",
    "loan",
    "railway",
    "port",
    "pipeline",
    "coal",
    "vote",
    "council",
    "alliance",
    "the",
    "of",
    "and",
    "to",
    "in",
    "said",
    "on",
    "with",
    "a",
    "was",
];

/// A deterministic pseudo-random stream (SplitMix64), so every run builds the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn text(rng: &mut Rng, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 16);
    while s.len() < bytes {
        for _ in 0..12 {
            s.push_str(rng.pick(&WORDS));
            s.push(' ');
        }
        s.push_str(&format!("{}.", rng.next() % 10_000));
        s.push_str(if rng.next().is_multiple_of(5) {
            "\n\n"
        } else {
            " "
        });
    }
    s.trim_end().to_string()
}

fn actor(code: &str) -> ActorRef {
    ActorRef {
        text: code.into(),
        code: Some(code.parse().unwrap()),
        sector: None,
        name: code.into(),
        org: None,
    }
}

fn batch(seed: u64, articles: usize, bytes: usize, events: usize) -> Vec<(Article, Vec<Event>)> {
    let mut rng = Rng(seed);
    (0..articles)
        .map(|_| {
            let body = text(&mut rng, bytes);
            let range = TextRange::new(0, body.len());
            let article = Article::new(body, vec![Paragraph { range }]);
            let evs = (0..events)
                .map(|n| {
                    let kind = EventType::ALL[(rng.next() % 16) as usize];
                    let quad = QuadClass::try_from(1 + (rng.next() % 4) as u8).unwrap();
                    let day = chrono::NaiveDate::from_ymd_opt(
                        2015 + (rng.next() % 10) as i32,
                        1 + (rng.next() % 12) as u32,
                        1 + (rng.next() % 28) as u32,
                    )
                    .unwrap();
                    let source = vec![actor(rng.pick(&ACTORS))];
                    let target = vec![actor(rng.pick(&ACTORS))];
                    Event {
                        id: EventId::from_parts(&[article.id.as_str(), &n.to_string()]),
                        article_id: article.id.clone(),
                        article_key: None,
                        source,
                        target,
                        event: kind,
                        mode: None,
                        cameo: "07".into(),
                        quad,
                        intensity: if quad.is_cooperation() { 4.0 } else { -6.0 },
                        modality: Modality::ALL[(rng.next() % 6) as usize],
                        attributed_to: None,
                        domestic: false,
                        date: Some(EventDate::day(day, DateBasis::Text)),
                        background: false,
                        location: None,
                        evidence: Evidence {
                            sentence: "troops said the minister on the border".into(),
                            start: n * 40,
                            end: n * 40 + 38,
                            trigger: "said".into(),
                        },
                        confidence: 0.8,
                        coder: "bench".into(),
                        mentions: 1,
                        section: "body".into(),
                        rule: None,
                        lexicon: None,
                    }
                })
                .collect();
            (article, evs)
        })
        .collect()
}

/// 200 articles of 5 kB with 10 events each, into a fresh file per iteration.
#[divan::bench(sample_count = 10)]
fn store_batch_text(bencher: Bencher) {
    let data = batch(1, 200, 5_000, 10);
    let bytes: usize = data.iter().map(|(a, _)| a.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(&dir.path().join("b.db")).unwrap();
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            store.store_batch(&data).unwrap();
            (dir, store)
        });
}

/// 20 short articles with 500 events each: the cost of events and their interactions.
#[divan::bench(sample_count = 10)]
fn store_batch_events(bencher: Bencher) {
    let data = batch(2, 20, 500, 500);
    let events: usize = data.iter().map(|(_, e)| e.len()).sum();
    bencher
        .counter(ItemsCount::new(events))
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(&dir.path().join("b.db")).unwrap();
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            store.store_batch(&data).unwrap();
            (dir, store)
        });
}

const MILLION: u64 = 1_000_000;

/// The million-event store, built once: 10,000 articles of 100 events each.
fn million() -> &'static PathBuf {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("million.db");
            let mut store = Store::open(&path).unwrap();
            let started = std::time::Instant::now();
            for chunk in 0..100u64 {
                store
                    .store_batch(&batch(1000 + chunk, 100, 300, 100))
                    .unwrap();
            }
            let counts = store.counts().unwrap();
            assert_eq!(
                counts.events, MILLION,
                "the generated store has the wrong size"
            );
            assert_eq!(counts.interactions, MILLION);
            eprintln!(
                "built a store of {} events in {:.1?}",
                counts.events,
                started.elapsed()
            );
            (dir, path)
        })
        .1
}

fn query(filter: InteractionFilter, bencher: Bencher) {
    let store = Store::open(million()).unwrap();
    let n = store.interactions(&filter).unwrap().len();
    assert!(n > 0);
    bencher
        .counter(ItemsCount::new(n))
        .bench_local(|| store.interactions(&filter).unwrap());
}

fn day(s: &str) -> Option<chrono::NaiveDate> {
    Some(s.parse().unwrap())
}

/// A dyad over one year, factual events only: `entente dyad PRK RUS --since --until`.
#[divan::bench(sample_count = 20)]
fn interactions_dyad_year(bencher: Bencher) {
    let filter = InteractionFilter {
        actors: vec!["PRK".into(), "RUS".into()],
        since: day("2023-01-01"),
        until: day("2023-12-31"),
        ..InteractionFilter::factual()
    };
    query(filter, bencher);
}

/// Every tie of one actor, all time: `entente dependence PRK`.
#[divan::bench(sample_count = 10)]
fn interactions_one_actor(bencher: Bencher) {
    let filter = InteractionFilter {
        actors: vec!["PRK".into()],
        ..InteractionFilter::factual()
    };
    query(filter, bencher);
}

/// All actors over one month: `entente network --since --until`.
#[divan::bench(sample_count = 10)]
fn interactions_all_one_month(bencher: Bencher) {
    let filter = InteractionFilter {
        since: day("2024-10-01"),
        until: day("2024-10-31"),
        ..InteractionFilter::default()
    };
    query(filter, bencher);
}

/// Every factual interaction of the store: the worst case, `entente network` over all time.
#[divan::bench(sample_count = 3)]
fn interactions_everything(bencher: Bencher) {
    query(InteractionFilter::factual(), bencher);
}
