//! The account behind `entente explain`, and the merge of repeated events.

mod common;

use entente_coder::Coder;
use entente_model::Genre;

#[test]
fn explain_shows_actors_rules_roles_modality_and_verdicts() {
    let coder = Coder::new(common::lexicon());
    let doc = common::doc(
        "Iran may attack Israel. The weather in Paris was mild. Chinese warships were deployed to the South China Sea.",
        Genre::News,
    );
    let ex = coder.explain(&doc);
    assert_eq!(ex.sentences.len(), 3);
    let first = &ex.sentences[0];
    assert!(first.actors.iter().any(|a| a.code == "IRN"));
    assert!(first.triggers[0].rule.starts_with("events/verbs.txt:"));
    let c = &first.candidates[0];
    assert!(c.coded);
    assert_eq!(c.modality, "speculative");
    assert!(c.modality_cues.iter().any(|q| q.starts_with("may ")));
    let last = &ex.sentences[2];
    assert!(!last.candidates[0].coded);
    assert!(
        last.candidates[0].why.contains("passive"),
        "{}",
        last.candidates[0].why
    );
    let text = ex.to_string();
    assert!(text.contains("CODED: ASSAULT `attack`"), "{text}");
    assert!(text.contains("not coded: MOBILIZE"), "{text}");
    let json = serde_json::to_value(&ex).unwrap();
    assert_eq!(json["sentences"][0]["candidates"][0]["event"], "ASSAULT");
}

#[test]
fn repeats_within_an_article_merge_with_a_count() {
    let coder = Coder::new(common::lexicon());
    let doc = common::doc(
        "Russia attacked Ukraine. Later, Russia attacked Ukraine again. Ukraine praised Poland.",
        Genre::News,
    );
    let events = coder.code(&doc);
    let attacks: Vec<_> = events
        .iter()
        .filter(|e| e.event.as_str() == "ASSAULT")
        .collect();
    assert_eq!(attacks.len(), 1);
    assert_eq!(attacks[0].mentions, 2);
    assert_eq!(
        attacks[0]
            .rule
            .as_deref()
            .map(|r| r.starts_with("events/verbs.txt:")),
        Some(true)
    );
    assert_eq!(attacks[0].coder, "rules.v1");
    assert!(attacks[0].lexicon.is_some());
    assert_eq!(events.len(), 2);
}

#[test]
fn commentary_forecasts_are_not_asserted() {
    let coder = Coder::new(common::lexicon());
    // In commentary a forecast reaches all that follows it, however far.
    let text = "Perhaps, once the winter ends and the roads dry out, Russia attacks Moldova.";
    let news = coder.code(&common::doc(text, Genre::News));
    let commentary = coder.code(&common::doc(text, Genre::Commentary));
    assert_eq!(news[0].modality.as_str(), "asserted");
    assert_eq!(commentary[0].modality.as_str(), "speculative");
    // But not what comes before it: the attack happened, its continuation is the forecast.
    let text = "Russia attacked Ukraine, which appears likely to continue.";
    let commentary = coder.code(&common::doc(text, Genre::Commentary));
    assert_eq!(commentary[0].modality.as_str(), "asserted");
}
