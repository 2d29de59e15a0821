//! The gold files the project relies on: our own coding cases (in the repo) and PLOVER-GSR
//! (read from `../shared`, never copied).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use entente_eval::{read_gold, score, CAMEO_TO_ISO};
use entente_model::EventType;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn our_cases_cover_every_type_and_explain_themselves() {
    let cases = read_gold(&repo().join("tests/eval/cases.jsonl")).unwrap();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let types: BTreeSet<EventType> = cases
        .iter()
        .flat_map(|c| c.events.iter().map(|e| e.event))
        .collect();
    let missing: Vec<_> = EventType::ALL
        .iter()
        .filter(|t| !types.contains(t))
        .collect();
    assert!(missing.is_empty(), "no case for {missing:?}");
    let mut ids = HashSet::new();
    for case in &cases {
        assert!(ids.insert(&case.id), "duplicate id `{}`", case.id);
        let why = case.why.as_deref().unwrap_or("");
        assert!(!why.trim().is_empty(), "`{}` has no `why`", case.id);
        for e in &case.events {
            assert!(
                e.modality.is_some(),
                "`{}`: every event states its modality",
                case.id
            );
            assert!(
                !e.source.is_empty(),
                "`{}`: every event has a source",
                case.id
            );
        }
    }
    // The modalities a coder must tell apart all occur.
    let modalities: BTreeSet<_> = cases
        .iter()
        .flat_map(|c| c.events.iter().filter_map(|e| e.modality))
        .collect();
    assert_eq!(modalities.len(), entente_model::Modality::ALL.len());
}

#[test]
fn plover_gsr_reads_whole_with_current_codes() {
    let path = repo().join("../shared/eval/plover_gsr.jsonl");
    if !path.exists() {
        eprintln!("skipped: `{}` is missing", path.display());
        return;
    }
    let lines = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let cases = read_gold(&path).unwrap();
    let events: usize = cases.iter().map(|c| c.events.len()).sum();
    // Lines of one sentence merge into one case, so there are fewer cases than lines, and at
    // most as many events as lines.
    assert!(cases.len() < lines && events <= lines && events > cases.len());
    let types: BTreeSet<EventType> = cases
        .iter()
        .flat_map(|c| c.events.iter().map(|e| e.event))
        .collect();
    assert_eq!(types.len(), 16);
    for case in &cases {
        for e in &case.events {
            for code in e.source.iter().chain(&e.target) {
                assert!(
                    CAMEO_TO_ISO.iter().all(|(old, _)| old != code),
                    "`{}` keeps the CAMEO code `{code}`",
                    case.id
                );
            }
        }
    }
    // Our own sentences are not taken from the gold file.
    let ours = read_gold(&repo().join("tests/eval/cases.jsonl")).unwrap();
    let theirs: HashSet<&str> = cases.iter().map(|c| c.text.as_str()).collect();
    assert!(ours.iter().all(|c| !theirs.contains(c.text.as_str())));
    // An empty coder scores zero, and the gold counts add up.
    let s = score(&cases, &vec![Vec::new(); cases.len()]);
    assert_eq!(s.triple.gold, events);
    assert_eq!(s.triple.f1, 0.0);
}
