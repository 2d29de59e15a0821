use entente_model::{EventType, Genre, Modality};

use super::fixtures::{actor, article, dated, event, org, OTHER_STORY, WIRE_STORY};
use crate::{EventFilter, Store, StoreError, StoreOutcome};

#[test]
fn the_same_batch_twice_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = dated(article(WIRE_STORY), "2024-10-23", Genre::News, "wire.txt");
    let b = dated(article(OTHER_STORY), "2024-10-24", Genre::News, "flood.txt");
    let ea = vec![
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
            40,
            vec![org("EU")],
            vec![actor("RUS"), actor("PRK")],
            EventType::Sanction,
            Modality::Planned,
            "2024-10-23",
        ),
    ];
    let batch = vec![(a.clone(), ea), (b.clone(), vec![])];
    let first = store.store_batch(&batch).unwrap();
    assert_eq!(
        first,
        vec![
            StoreOutcome::Stored(a.id.clone()),
            StoreOutcome::Stored(b.id.clone())
        ]
    );
    let counts = store.counts().unwrap();
    let second = store.store_batch(&batch).unwrap();
    assert_eq!(
        second,
        vec![
            StoreOutcome::Duplicate(a.id.clone()),
            StoreOutcome::Duplicate(b.id.clone())
        ]
    );
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(counts.articles, 2);
    assert_eq!(counts.events, 2);
    // PRK->RUS, then EU->RUS and EU->PRK: compound targets fan out.
    assert_eq!(counts.interactions, 3);
}

#[test]
fn a_duplicate_inside_one_batch_is_recognized() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("Japan and the Philippines agreed to hold joint exercises.");
    let mut copy = a.clone();
    copy.key = Some("elsewhere.html".into());
    let out = store
        .store_batch(&[(a.clone(), vec![]), (copy, vec![])])
        .unwrap();
    assert_eq!(out[1], StoreOutcome::Duplicate(a.id.clone()));
    assert_eq!(store.counts().unwrap().articles, 1);
    // Both keys lead to the one article.
    assert_eq!(
        store.article_id_for_key("elsewhere.html").unwrap(),
        Some(a.id.clone())
    );
    assert_eq!(store.article_id_for_key("nowhere").unwrap(), None);
    assert!(store.contains(&a.id).unwrap());
    assert!(!store.contains(&article("Not stored.").id).unwrap());
}

#[test]
fn re_coding_replaces_the_events_of_an_article() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("China bought coal from North Korea. Russia sent oil to North Korea.");
    let old = event(
        &a,
        0,
        vec![actor("CHN")],
        vec![actor("PRK")],
        EventType::Cooperate,
        Modality::Asserted,
        "2024-01-05",
    );
    store.store_batch(&[(a.clone(), vec![old])]).unwrap();
    let new = vec![
        event(
            &a,
            0,
            vec![actor("CHN")],
            vec![actor("PRK")],
            EventType::Cooperate,
            Modality::Asserted,
            "2024-01-05",
        ),
        event(
            &a,
            36,
            vec![actor("RUS")],
            vec![actor("PRK")],
            EventType::Aid,
            Modality::Asserted,
            "2024-01-05",
        ),
    ];
    store.store_batch(&[(a.clone(), new.clone())]).unwrap();
    let stored = store.events(&EventFilter::default()).unwrap();
    let mut expected = new;
    expected.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(stored, expected);
    assert_eq!(store.counts().unwrap().interactions, 2);
}

#[test]
fn names_of_one_actor_count_once_and_orgs_use_their_short_name() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("The UN and Kim Jong Un's North Korea.");
    let mut kim = actor("PRK");
    kim.name = "Kim Jong Un".into();
    let e = event(
        &a,
        0,
        vec![kim, actor("PRK")],
        vec![org("UN")],
        EventType::Reject,
        Modality::Asserted,
        "2024-03-01",
    );
    store.store_batch(&[(a, vec![e])]).unwrap();
    let all = store.interactions(&Default::default()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].source.as_str(), all[0].target.as_deref()),
        ("PRK", Some("UN"))
    );
}

#[test]
fn a_failing_batch_stores_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("Iran sent drones to Russia.");
    let b = article("A different story about trade.");
    // An event that claims another article: a bug upstream, refused before commit.
    let wrong = event(
        &a,
        0,
        vec![actor("IRN")],
        vec![actor("RUS")],
        EventType::Aid,
        Modality::Asserted,
        "2024-02-02",
    );
    let err = store
        .store_batch(&[(a.clone(), vec![]), (b, vec![wrong])])
        .unwrap_err();
    assert!(
        matches!(err, StoreError::EventArticleMismatch { .. }),
        "{err}"
    );
    assert_eq!(
        store.counts().unwrap().articles,
        0,
        "the batch is one transaction"
    );
    // The next batch goes through.
    store.store_batch(&[(a, vec![])]).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
}

#[test]
fn one_event_given_twice_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article("Belarus hosted Russian troops.");
    let e = event(
        &a,
        0,
        vec![actor("BLR")],
        vec![actor("RUS")],
        EventType::Cooperate,
        Modality::Asserted,
        "2024-02-02",
    );
    store.store_batch(&[(a, vec![e.clone(), e])]).unwrap();
    assert_eq!(store.counts().unwrap().events, 1);
}

#[test]
fn committed_batches_survive_a_writer_that_never_finishes() {
    // A killed ingest is a connection dropped in the middle of a transaction.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let a = article("Russia and North Korea signed a treaty.");
    let b = article("North Korea tested a missile.");
    let mut store = Store::open(&path).unwrap();
    store.store_batch(&[(a.clone(), vec![])]).unwrap();
    {
        let tx = store.conn.transaction().unwrap();
        tx.execute(
            "INSERT INTO articles (id, authors, genre, text, paragraphs, boilerplate, warnings, ingested_at)
             VALUES ('half', '[]', 'news', 'x', '[]', '[]', '[]', 'now')",
            [],
        )
        .unwrap();
        // Dropped without commit: rolled back, as a killed process would leave it.
    }
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
    let out = store
        .store_batch(&[(a.clone(), vec![]), (b.clone(), vec![])])
        .unwrap();
    assert_eq!(
        out,
        vec![StoreOutcome::Duplicate(a.id), StoreOutcome::Stored(b.id)]
    );
    assert_eq!(store.counts().unwrap().articles, 2);
}
