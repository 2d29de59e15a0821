//! Our own coding cases (`tests/cases.tsv`): every row is checked and every mismatch is
//! reported at once, with what the coder produced instead.

mod common;

use entente_coder::Coder;
use entente_model::Genre;

#[test]
fn coding_cases() {
    let table = include_str!("cases.tsv");
    let coder = Coder::new(common::lexicon());
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("sentence\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "cases.tsv:{}: expected 6 columns", n + 1);
        let [sentence, source, event, target, modality, why] = cols[..] else {
            unreachable!()
        };
        rows += 1;
        let events = coder.code(&common::doc(sentence, Genre::News));
        let ok = if event == "-" {
            events.is_empty()
        } else {
            events.iter().any(|e| {
                e.event.as_str() == event
                    && common::same_actors(source, &e.source)
                    && common::same_actors(target, &e.target)
                    && e.modality.as_str() == modality
            })
        };
        if !ok {
            let got: Vec<String> = events.iter().map(common::summary).collect();
            failures.push(format!(
                "cases.tsv:{}: {sentence}\n    want {source} {event} {target} {modality} ({why})\n    got  {got:?}",
                n + 1
            ));
        }
    }
    assert!(rows >= 40, "only {rows} cases");
    assert!(
        failures.is_empty(),
        "{} of {rows} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
