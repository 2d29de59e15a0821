//! Golden tests of whole articles: every sample article that ships with entente, read,
//! segmented and coded, rendered one event a line and compared with its accepted snapshot
//! in `tests/snapshots/`. A change in what the coder finds in a whole article shows here as a
//! readable diff; accept it with `cargo insta review` (or `INSTA_UPDATE=always`) once it is
//! right.

use std::path::{Path, PathBuf};

use entente_coder::Coder;
use entente_ingest::{discover, read_input, segment, ReadOptions};
use entente_lexicon::Lexicon;
use entente_model::{ActorRef, Event};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn actors(refs: &[ActorRef]) -> String {
    if refs.is_empty() {
        return "-".to_string();
    }
    refs.iter()
        .map(|a| match &a.sector {
            Some(sector) => format!("{}:{sector}", a.party_key()),
            None => a.party_key().into_owned(),
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// One line an event: where, who, what, to whom, how sure, when, and the trigger words.
fn render(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            let what = match &e.mode {
                Some(mode) => format!("{}/{mode}", e.event),
                None => e.event.to_string(),
            };
            format!(
                "{:<7} {:<14} {:<22} {:<14} {:<12} {:<10} «{}»{}",
                e.section,
                actors(&e.source),
                what,
                actors(&e.target),
                e.modality.as_str(),
                e.date.as_ref().map_or("-", |d| d.value.as_str()),
                e.evidence.trigger,
                e.attributed_to
                    .as_deref()
                    .map(|a| format!(" (says {a})"))
                    .unwrap_or_default(),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_sample_article_codes_as_its_snapshot() {
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    let coder = Coder::new(&lexicon);
    let inputs: Vec<_> = discover(&[samples()])
        .into_iter()
        .map(|i| i.expect("a sample is readable"))
        .collect();
    assert!(
        inputs.len() >= 10,
        "the samples are missing: {}",
        samples().display()
    );
    for input in inputs {
        for article in read_input(&input, &ReadOptions::default()) {
            let article = article.expect("a sample reads cleanly");
            let name = article
                .key
                .as_deref()
                .and_then(|k| k.rsplit('/').next())
                .unwrap_or("article")
                .replace([':', '.'], "_");
            let events = coder.code(&segment(article));
            insta::assert_snapshot!(name, render(&events));
        }
    }
}
