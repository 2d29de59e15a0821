use chrono::NaiveDate;
use entente_model::{EventType, Genre, Modality};

use super::fixtures::{actor, article, dated, event, org, OTHER_STORY, WIRE_STORY};
use crate::{ArticleFilter, EventFilter, InteractionFilter, Store, StoreError};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Three dated articles and five events between PRK, RUS, CHN and the UN.
fn sample() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    fill(&mut store);
    store
}

/// The sample's articles and events, stored into `store`.
fn fill(store: &mut Store) {
    let a = dated(
        article(WIRE_STORY),
        "2024-10-23",
        Genre::News,
        "https://example.org/wire",
    );
    let b = dated(article(OTHER_STORY), "2024-08-01", Genre::News, "flood.txt");
    let mut c = dated(
        article("Why Pyongyang hedges between Beijing and Moscow.\n\nChina still buys its coal."),
        "2024-11-02",
        Genre::Commentary,
        "op-ed.txt",
    );
    c.title = Some("Behind the alliance".into());
    let events_a = vec![
        event(
            &a,
            0,
            vec![actor("PRK")],
            vec![actor("RUS")],
            EventType::Aid,
            Modality::Asserted,
            "2024-10-22",
        ),
        event(
            &a,
            100,
            vec![actor("RUS"), actor("PRK")],
            vec![],
            EventType::Agree,
            Modality::Asserted,
            "2024-06-19",
        ),
        event(
            &a,
            200,
            vec![org("UN")],
            vec![actor("PRK")],
            EventType::Sanction,
            Modality::Speculative,
            "2024-10-25",
        ),
    ];
    let events_c = vec![
        event(
            &c,
            0,
            vec![actor("CHN")],
            vec![actor("PRK")],
            EventType::Cooperate,
            Modality::Reported,
            "2024-09-01",
        ),
        event(
            &c,
            50,
            vec![actor("PRK")],
            vec![actor("CHN")],
            EventType::Consult,
            Modality::Asserted,
            "2023-05-01",
        ),
    ];
    store
        .store_batch(&[(a, events_a), (b, vec![]), (c, events_c)])
        .unwrap();
}

#[test]
fn article_by_id_prefix_and_key() {
    let store = sample();
    let listed = store.articles(&ArticleFilter::default()).unwrap();
    let wire = listed
        .iter()
        .find(|s| s.key.as_deref() == Some("https://example.org/wire"))
        .unwrap();
    let full = store.article(wire.id.as_str()).unwrap().unwrap();
    assert_eq!(full.article.text, WIRE_STORY);
    assert_eq!(full.keys, ["https://example.org/wire"]);
    assert_eq!(full.events, 3);
    assert_eq!(full.article.paragraphs.len(), 10);
    let by_prefix = store.article(&wire.id.as_str()[..12]).unwrap().unwrap();
    assert_eq!(by_prefix.article.id, wire.id);
    let by_key = store.article("op-ed.txt").unwrap().unwrap();
    assert_eq!(by_key.article.title.as_deref(), Some("Behind the alliance"));
    assert_eq!(store.article("a-no-such-id").unwrap(), None);
    assert_eq!(store.article("  ").unwrap(), None);
    // Every id starts with `a`: too short a prefix is ambiguous, and says so.
    let err = store.article("a").unwrap_err();
    assert!(matches!(err, StoreError::AmbiguousPrefix { .. }), "{err}");
}

#[test]
fn articles_are_listed_newest_first_and_filtered() {
    let store = sample();
    let all = store.articles(&ArticleFilter::default()).unwrap();
    let keys: Vec<_> = all.iter().map(|s| s.key.as_deref().unwrap()).collect();
    assert_eq!(keys, ["op-ed.txt", "https://example.org/wire", "flood.txt"]);
    assert_eq!(all[1].events, 3);
    assert_eq!(all[1].chars, WIRE_STORY.chars().count() as u64);
    assert_eq!(all[0].date, Some(day("2024-11-02")));

    let since = ArticleFilter {
        since: Some(day("2024-09-01")),
        until: Some(day("2024-10-31")),
        ..Default::default()
    };
    let keys: Vec<_> = store
        .articles(&since)
        .unwrap()
        .into_iter()
        .map(|s| s.key.unwrap())
        .collect();
    assert_eq!(keys, ["https://example.org/wire"]);

    let opinion = ArticleFilter {
        genre: Some(Genre::Commentary),
        ..Default::default()
    };
    assert_eq!(store.articles(&opinion).unwrap().len(), 1);

    let page = ArticleFilter {
        limit: 1,
        offset: 1,
        ..Default::default()
    };
    let keys: Vec<_> = store
        .articles(&page)
        .unwrap()
        .into_iter()
        .map(|s| s.key.unwrap())
        .collect();
    assert_eq!(keys, ["https://example.org/wire"]);
}

#[test]
fn events_filter_by_actor_type_modality_and_date() {
    let store = sample();
    let all = store.events(&EventFilter::default()).unwrap();
    assert_eq!(all.len(), 5);
    let dates: Vec<_> = all
        .iter()
        .map(|e| e.date.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(
        dates,
        [
            "2023-05-01",
            "2024-06-19",
            "2024-09-01",
            "2024-10-22",
            "2024-10-25"
        ]
    );

    let chn = store
        .events(&EventFilter {
            actor: Some("CHN".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(chn.len(), 2);
    let un = store
        .events(&EventFilter {
            actor: Some("UN".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(un.len(), 1);
    assert_eq!(un[0].event, EventType::Sanction);

    let aid = store
        .events(&EventFilter {
            event_type: Some(EventType::Aid),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(aid.len(), 1);

    let factual = EventFilter {
        modalities: vec![Modality::Asserted, Modality::Reported],
        ..Default::default()
    };
    assert_eq!(store.events(&factual).unwrap().len(), 4);

    let window = EventFilter {
        since: Some(day("2024-06-19")),
        until: Some(day("2024-10-22")),
        limit: Some(2),
        ..Default::default()
    };
    let got: Vec<_> = store
        .events(&window)
        .unwrap()
        .into_iter()
        .map(|e| e.date.unwrap().value)
        .collect();
    assert_eq!(got, ["2024-06-19", "2024-09-01"]);

    let article_id = all[0].article_id.to_string();
    let of_c = store
        .events(&EventFilter {
            article: Some(article_id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(of_c.len(), 2);
}

#[test]
fn interactions_fan_out_and_filter() {
    let store = sample();
    let all = store.interactions(&InteractionFilter::default()).unwrap();
    // The pact of RUS and PRK with no target gives one row per source.
    let mut rows: Vec<_> = all
        .iter()
        .map(|i| (i.date.to_string(), i.source.as_str(), i.target.as_deref()))
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            ("2023-05-01".to_string(), "PRK", Some("CHN")),
            ("2024-06-19".to_string(), "PRK", None),
            ("2024-06-19".to_string(), "RUS", None),
            ("2024-09-01".to_string(), "CHN", Some("PRK")),
            ("2024-10-22".to_string(), "PRK", Some("RUS")),
            ("2024-10-25".to_string(), "UN", Some("PRK")),
        ]
    );
    let chn = store
        .interactions(&InteractionFilter {
            actors: vec!["CHN".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(chn.len(), 2);
    let any = InteractionFilter {
        actors: vec!["CHN".into(), "RUS".into()],
        since: Some(day("2024-01-01")),
        ..Default::default()
    };
    let mut got: Vec<_> = store
        .interactions(&any)
        .unwrap()
        .into_iter()
        .map(|i| i.source)
        .collect();
    got.sort();
    assert_eq!(got, ["CHN", "PRK", "RUS"]);
    let among = InteractionFilter {
        actors: vec!["PRK".into(), "RUS".into()],
        among: true,
        ..Default::default()
    };
    let ties: Vec<_> = store
        .interactions(&among)
        .unwrap()
        .into_iter()
        .map(|i| (i.source, i.target))
        .collect();
    assert_eq!(ties, [("PRK".to_string(), Some("RUS".to_string()))]);
    let factual = store.interactions(&InteractionFilter::factual()).unwrap();
    assert_eq!(factual.len(), 5, "the speculative UN sanction is left out");
    let until = InteractionFilter {
        until: Some(day("2023-12-31")),
        ..Default::default()
    };
    assert_eq!(store.interactions(&until).unwrap().len(), 1);
    let consult = all.iter().find(|i| i.date == day("2023-05-01")).unwrap();
    assert_eq!(consult.quad.get(), 1);
    assert_eq!(consult.mentions, 1);
}

#[test]
fn counts_add_up() {
    let c = sample().counts().unwrap();
    assert_eq!(
        (c.articles, c.events, c.interactions, c.near_duplicates),
        (3, 5, 6, 0)
    );
}

#[test]
fn search_ranks_and_snippets() {
    let store = sample();
    let hits = store.search("coal", 10).unwrap();
    assert_eq!(hits.len(), 2);
    // The short commentary says little else: coal weighs more in it than in the long story.
    assert_eq!(hits[0].title.as_deref(), Some("Behind the alliance"));
    assert!(hits[0].rank >= hits[1].rank);
    assert!(hits[1].snippet.contains("[coal]"), "{}", hits[1].snippet);
    // The title counts, and porter stemming finds "sanctions" for "sanction".
    assert_eq!(store.search("alliance", 10).unwrap().len(), 1);
    assert_eq!(store.search("sanction", 10).unwrap().len(), 1);
    assert_eq!(
        store.search("\"rice harvest\"", 10).unwrap()[0].date,
        Some(day("2024-08-01"))
    );
    assert!(store.search("zeppelin", 10).unwrap().is_empty());
    assert_eq!(store.search("coal OR rain", 1).unwrap().len(), 1);
}

#[test]
fn a_malformed_query_is_a_clear_error() {
    let store = sample();
    for bad in [
        "\"unclosed",
        "North Korea's",
        "AND",
        "troops NOT",
        "(coal",
        "",
    ] {
        match store.search(bad, 10) {
            Err(StoreError::Query { query, message }) => {
                assert_eq!(query, bad);
                assert!(!message.is_empty());
            }
            other => panic!("`{bad}` gave {other:?}"),
        }
    }
    let message = store.search("\"unclosed", 10).unwrap_err().to_string();
    assert!(message.contains("hint:"), "{message}");
}

#[test]
fn an_event_without_a_usable_date_is_kept_but_not_counted() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("Some day Russia will send grain.");
    let mut e = event(
        &a,
        0,
        vec![actor("RUS")],
        vec![actor("PRK")],
        EventType::Aid,
        Modality::Planned,
        "2024-01-01",
    );
    e.date.as_mut().unwrap().value = "some day".into();
    store.store_batch(&[(a, vec![e.clone()])]).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), vec![e]);
    assert!(store
        .interactions(&InteractionFilter::default())
        .unwrap()
        .is_empty());
}

/// The analytics run these on a million rows: they must stay index lookups, never a scan.
#[test]
fn actor_queries_use_the_indexes() {
    let store = sample();
    let plan = |filter: &InteractionFilter| -> String {
        let (sql, args) = crate::events::interaction_query(filter);
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap();
        rows.collect::<Result<Vec<_>, _>>().unwrap().join("\n")
    };
    let dyad = plan(&InteractionFilter {
        actors: vec!["PRK".into(), "RUS".into()],
        since: Some(day("2024-01-01")),
        ..InteractionFilter::factual()
    });
    assert!(dyad.contains("interactions_by_source"), "{dyad}");
    assert!(dyad.contains("interactions_by_target"), "{dyad}");
    assert!(!dyad.contains("SCAN interactions"), "{dyad}");
    let month = plan(&InteractionFilter {
        since: Some(day("2024-10-01")),
        until: Some(day("2024-10-31")),
        ..InteractionFilter::default()
    });
    assert!(month.contains("interactions_by_date"), "{month}");
}

/// A whole-table read split over parallel readers gives the rows of one reader, in order.
#[test]
fn a_parallel_scan_reads_what_a_single_reader_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.db")).unwrap();
    fill(&mut store);
    let serial = store.interactions(&InteractionFilter::default()).unwrap();
    store.parallel_above = 1;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > 1 {
        assert!(
            store
                .scan_parts(&InteractionFilter::default())
                .unwrap()
                .len()
                > 1
        );
    }
    let parallel = store.interactions(&InteractionFilter::default()).unwrap();
    assert_eq!(serial, parallel);
}
