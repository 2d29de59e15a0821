//! The seed commentary: the events an analyst reads in it, with the right actors, types,
//! modality and dates, and nothing from the bio or the disclaimer.

mod common;

use entente_coder::Coder;
use entente_ingest::{read_str, Format, ReadOptions};
use entente_model::{DatePrecision, Event, Modality};

fn seed_events() -> Option<Vec<Event>> {
    let dir = common::shared()?;
    let path = dir.join("seed/behind-the-russia-north-korea-alliance.txt");
    let text = std::fs::read_to_string(&path).expect("seed readable");
    let article = read_str(&text, Format::Text, "seed.txt", &ReadOptions::default())
        .next()
        .expect("one article")
        .expect("seed parses");
    let doc = entente_ingest::segment(article);
    let events = Coder::new(common::lexicon()).code(&doc);
    for e in &events {
        eprintln!(
            "{} | {} | {}",
            common::summary(e),
            e.date.as_ref().map_or("-", |d| d.value.as_str()),
            e.evidence.sentence
        );
    }
    Some(events)
}

fn has(events: &[Event], what: &str, pred: impl Fn(&Event) -> bool) {
    assert!(
        events.iter().any(pred),
        "missing: {what}\ncoded:\n{}",
        events
            .iter()
            .map(common::summary)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn names(actors: &[entente_model::ActorRef], key: &str) -> bool {
    actors
        .iter()
        .any(|a| a.key() == Some(key) || a.code_str() == key)
}

#[test]
fn seed_has_the_events_an_analyst_reads() {
    let Some(events) = seed_events() else { return };
    has(&events, "PRK troops to RUS", |e| {
        matches!(e.event.as_str(), "MOBILIZE" | "AID")
            && names(&e.source, "PRK")
            && names(&e.target, "RUS")
            && e.modality == Modality::Asserted
            && e.evidence.sentence.contains("11,000")
    });
    has(&events, "PRK munitions to RUS", |e| {
        e.event.as_str() == "AID"
            && names(&e.source, "PRK")
            && names(&e.target, "RUS")
            && e.evidence.trigger.contains("munitions")
    });
    has(&events, "UKR forces firing on PRK troops", |e| {
        e.event.as_str() == "ASSAULT" && names(&e.source, "UKR") && names(&e.target, "PRK")
    });
    has(&events, "RUS and PRK enhanced relations", |e| {
        e.event.as_str() == "COOPERATE"
            && names(&e.source, "RUS")
            && names(&e.source, "PRK")
            && e.modality == Modality::Asserted
    });
    has(&events, "the RUS-PRK mutual defense agreement", |e| {
        e.event.as_str() == "AGREE" && names(&e.source, "RUS") && names(&e.source, "PRK")
    });
    has(&events, "CHN economic supporter of PRK and RUS", |e| {
        matches!(e.event.as_str(), "AID" | "SUPPORT")
            && names(&e.source, "CHN")
            && names(&e.target, "PRK")
            && names(&e.target, "RUS")
    });
    has(&events, "PRK missile test", |e| {
        e.event.as_str() == "MOBILIZE" && names(&e.source, "PRK") && e.target.is_empty()
    });
    has(&events, "PRK defies the UN Security Council", |e| {
        e.event.as_str() == "REJECT" && names(&e.source, "PRK") && names(&e.target, "IGO")
    });
    has(&events, "USA sanctions CHN in October 2024", |e| {
        e.event.as_str() == "SANCTION"
            && names(&e.source, "USA")
            && names(&e.target, "CHN")
            && e.date
                .as_ref()
                .is_some_and(|d| d.value == "2024-10" && d.precision == DatePrecision::Month)
    });
    has(&events, "Putin and Kim meet in Pyongyang (caption)", |e| {
        e.event.as_str() == "CONSULT"
            && names(&e.source, "RUS")
            && (names(&e.source, "PRK") || names(&e.target, "PRK"))
            && e.section == "caption"
            && e.date.as_ref().is_some_and(|d| d.value == "2024-06-19")
    });
}

/// A forecast colours what it governs, never what it is said of: an event after "may",
/// "could", "would", "anticipates" or "likely" is not asserted, and the agreement the
/// commentary reasons from ("The 2024 Russia–North Korea mutual defense agreement suggests
/// that ... North Korea may anticipate ...") is.
#[test]
fn seed_forecasts_are_never_asserted() {
    let Some(events) = seed_events() else { return };
    for e in &events {
        let s = format!(" {} ", e.evidence.sentence.to_lowercase());
        let at = s.find(&e.evidence.trigger.to_lowercase()).unwrap_or(0);
        for cue in [" may ", " could ", " would ", " anticipates ", " likely "] {
            if s.find(cue).is_some_and(|c| c < at) {
                assert!(
                    !e.modality.is_factual(),
                    "asserted despite `{cue}`: {}",
                    common::summary(e)
                );
            }
        }
    }
    has(&events, "the 2024 defense agreement, asserted", |e| {
        e.event.as_str() == "AGREE"
            && names(&e.source, "RUS")
            && names(&e.source, "PRK")
            && e.evidence.sentence.contains("suggests")
            && e.modality.as_str() == "asserted"
    });
}

#[test]
fn seed_bio_and_disclaimer_code_nothing() {
    let Some(events) = seed_events() else { return };
    for e in &events {
        for word in ["Epoch Times", "Graceffo", "Shanghai"] {
            assert!(
                !e.evidence.sentence.contains(word),
                "{}",
                common::summary(e)
            );
        }
        assert!(e.section == "body" || e.section == "caption");
    }
}

#[test]
fn seed_coding_is_deterministic() {
    let Some(a) = seed_events() else { return };
    let b = seed_events().unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}
