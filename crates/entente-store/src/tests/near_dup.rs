use entente_model::Genre;

use super::fixtures::{article, dated, OTHER_STORY, WIRE_STORY};
use crate::{simhash, Store, StoreOutcome};

fn distance(a: &str, b: &str) -> u32 {
    simhash::distance(simhash::simhash(a).unwrap(), simhash::simhash(b).unwrap())
}

/// The wire story as a second site ran it: a sub-editor changed one sentence.
fn edited() -> String {
    WIRE_STORY.replace("who spoke on Tuesday.", "who spoke on Wednesday.")
}

/// The wire story under another byline, kept in the text by a site that prints it there.
fn rebylined() -> String {
    format!("By Jane Roe, Seoul correspondent\n\n{WIRE_STORY}")
}

#[test]
fn near_copies_are_linked_to_the_original() {
    let mut store = Store::open_in_memory().unwrap();
    let original = dated(article(WIRE_STORY), "2024-10-23", Genre::News, "site-a");
    let mut edited = dated(article(&edited()), "2024-10-23", Genre::News, "site-b");
    edited.authors = vec!["Jane Roe".into()];
    let rebylined = dated(article(&rebylined()), "2024-10-23", Genre::News, "site-c");
    let other = article(OTHER_STORY);
    let out = store
        .store_batch(&[
            (original.clone(), vec![]),
            (edited.clone(), vec![]),
            (rebylined.clone(), vec![]),
            (other.clone(), vec![]),
        ])
        .unwrap();
    assert_eq!(out[0], StoreOutcome::Stored(original.id.clone()));
    for (i, copy) in [(1, &edited), (2, &rebylined)] {
        match &out[i] {
            StoreOutcome::NearDuplicate {
                stored,
                of,
                similarity,
            } => {
                assert_eq!(stored, &copy.id);
                // The closest earlier copy; the two copies may also match each other.
                assert!(of == &original.id || i == 2 && of == &edited.id, "{of}");
                assert!(
                    *similarity >= 1.0 - f64::from(simhash::MAX_DISTANCE) / 64.0
                        && *similarity < 1.0
                );
            }
            other => panic!("copy {i} was {other:?}"),
        }
    }
    assert_eq!(out[3], StoreOutcome::Stored(other.id.clone()));
    assert!(store.counts().unwrap().near_duplicates >= 2);
    // Both sides see the link.
    let stored = store.article(original.id.as_str()).unwrap().unwrap();
    let linked: Vec<_> = stored
        .near_duplicates
        .iter()
        .map(|n| n.id.clone())
        .collect();
    assert!(
        linked.contains(&edited.id) && linked.contains(&rebylined.id),
        "{linked:?}"
    );
    let other = store.article(other.id.as_str()).unwrap().unwrap();
    assert!(other.near_duplicates.is_empty());
}

#[test]
fn distances_behave() {
    assert!(distance(WIRE_STORY, &edited()) <= simhash::MAX_DISTANCE);
    assert!(distance(WIRE_STORY, &rebylined()) <= simhash::MAX_DISTANCE);
    assert!(distance(WIRE_STORY, OTHER_STORY) > 2 * simhash::MAX_DISTANCE);
}

/// Not one hand-picked edit: a word changed in the middle of each sentence in turn.
#[test]
fn a_changed_word_in_any_sentence_is_linked() {
    let sentences: Vec<&str> = WIRE_STORY
        .split(['.', '\n'])
        .map(str::trim)
        .filter(|s| s.split(' ').count() > 4)
        .collect();
    assert_eq!(sentences.len(), 11);
    let original = article(WIRE_STORY);
    for sentence in sentences {
        let mut store = Store::open_in_memory().unwrap();
        store.store_batch(&[(original.clone(), vec![])]).unwrap();
        let words: Vec<&str> = sentence.split(' ').collect();
        let middle = words[words.len() / 2];
        let copy = article(&WIRE_STORY.replacen(&format!(" {middle} "), " however ", 1));
        assert_ne!(copy.id, original.id, "`{middle}` was not replaced");
        let out = store.store_batch(&[(copy, vec![])]).unwrap();
        assert!(
            matches!(&out[0], StoreOutcome::NearDuplicate { of, .. } if *of == original.id),
            "changing `{middle}` gave {:?}",
            out[0]
        );
    }
}

#[test]
fn articles_without_words_are_never_near_duplicates() {
    let mut store = Store::open_in_memory().unwrap();
    let out = store
        .store_batch(&[(article("..."), vec![]), (article("— —"), vec![])])
        .unwrap();
    assert!(
        out.iter().all(|o| matches!(o, StoreOutcome::Stored(_))),
        "{out:?}"
    );
}
