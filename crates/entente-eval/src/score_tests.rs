//! The scorer on hand-made cases whose right answer is known.

use entente_model::{
    ActorRef, ArticleId, DateBasis, Event, EventDate, EventId, EventType, Evidence, Modality,
    QuadClass,
};

use crate::{parse_gold, score, GoldCase};

fn actor(code: &str) -> ActorRef {
    ActorRef {
        text: code.to_string(),
        code: Some(code.parse().unwrap()),
        sector: None,
        name: code.to_string(),
        org: None,
    }
}

fn event(source: &[&str], event: EventType, target: &[&str], modality: Modality) -> Event {
    Event {
        id: EventId::from_parts(&[source.join(",").as_str(), event.as_str()]),
        article_id: ArticleId::from_text("case"),
        article_key: None,
        source: source.iter().map(|c| actor(c)).collect(),
        target: target.iter().map(|c| actor(c)).collect(),
        event,
        mode: None,
        cameo: "07".into(),
        quad: QuadClass::MATERIAL_COOPERATION,
        intensity: 0.0,
        modality,
        attributed_to: None,
        domestic: false,
        date: Some(EventDate::month(2024, 6, DateBasis::Article)),
        background: false,
        location: None,
        evidence: Evidence {
            sentence: String::new(),
            start: 0,
            end: 0,
            trigger: String::new(),
        },
        confidence: 1.0,
        coder: "test".into(),
        mentions: 1,
        section: "body".into(),
        rule: None,
        lexicon: None,
    }
}

fn gold(lines: &[&str]) -> Vec<GoldCase> {
    parse_gold(&lines.join("\n")).unwrap()
}

const AID: &str = r#"{"id":"aid","text":"North Korea sent shells to Russia.","events":[{"source":["PRK"],"event":"AID","target":["RUS"],"modality":"asserted"}]}"#;
const TEST: &str = r#"{"id":"test","text":"North Korea tested a missile.","events":[{"source":["PRK"],"event":"MOBILIZE","modality":"asserted"}]}"#;

#[test]
fn perfect_prediction_scores_one() {
    let cases = gold(&[AID, TEST]);
    let predicted = vec![
        vec![event(
            &["PRK"],
            EventType::Aid,
            &["RUS"],
            Modality::Asserted,
        )],
        vec![event(
            &["PRK"],
            EventType::Mobilize,
            &[],
            Modality::Asserted,
        )],
    ];
    let s = score(&cases, &predicted);
    for prf in [s.event_type, s.source, s.target, s.triple, s.modality] {
        assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
    }
    assert_eq!(s.per_type[&EventType::Aid].triple.f1, 1.0);
    assert!(s.outcomes.iter().all(|o| o.is_perfect()));
    assert_eq!(s.failures(), "");
}

#[test]
fn empty_prediction_has_zero_recall_and_no_nan() {
    let cases = gold(&[AID, TEST]);
    let s = score(&cases, &[vec![], vec![]]);
    assert_eq!(s.triple.gold, 2);
    assert_eq!(s.triple.predicted, 0);
    assert_eq!(
        (s.triple.precision, s.triple.recall, s.triple.f1),
        (0.0, 0.0, 0.0)
    );
    assert_eq!(s.outcomes[0].missed, vec!["PRK -AID-> RUS [asserted]"]);
}

#[test]
fn wrong_target_keeps_type_and_source_but_not_the_triple() {
    let cases = gold(&[AID]);
    let predicted = vec![vec![event(
        &["PRK"],
        EventType::Aid,
        &["UKR"],
        Modality::Asserted,
    )]];
    let s = score(&cases, &predicted);
    assert_eq!(s.event_type.correct, 1);
    assert_eq!(s.source.correct, 1);
    assert_eq!(s.target.correct, 0);
    assert_eq!(s.triple.correct, 0);
    assert_eq!(s.outcomes[0].spurious, vec!["PRK -AID-> UKR [asserted]"]);
}

#[test]
fn extra_event_lowers_precision_only() {
    let cases = gold(&[AID]);
    let predicted = vec![vec![
        event(&["RUS"], EventType::Sanction, &["USA"], Modality::Asserted),
        event(&["PRK"], EventType::Aid, &["RUS"], Modality::Asserted),
    ]];
    let s = score(&cases, &predicted);
    assert_eq!(s.triple.precision, 0.5);
    assert_eq!(s.triple.recall, 1.0);
    assert!((s.triple.f1 - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(s.per_type[&EventType::Sanction].event_type.predicted, 1);
    assert_eq!(s.per_type[&EventType::Sanction].event_type.precision, 0.0);
}

#[test]
fn compound_actors_compare_as_sets() {
    let cases = gold(&[
        r#"{"id":"c","text":"Russia and North Korea warned the United States and Japan.","events":[{"source":["RUS","PRK"],"event":"THREATEN","target":["USA","JPN"]}]}"#,
    ]);
    // Order does not matter; a missing member does.
    let right = event(
        &["PRK", "RUS"],
        EventType::Threaten,
        &["JPN", "USA"],
        Modality::Asserted,
    );
    let partial = event(
        &["RUS"],
        EventType::Threaten,
        &["JPN", "USA"],
        Modality::Asserted,
    );
    assert_eq!(score(&cases, &[vec![right]]).triple.f1, 1.0);
    let s = score(&cases, &[vec![partial]]);
    assert_eq!(
        (s.source.correct, s.target.correct, s.triple.correct),
        (0, 1, 0)
    );
}

#[test]
fn reciprocal_event_may_name_one_actor_on_each_side() {
    let cases = gold(&[
        r#"{"id":"r","text":"Russia and North Korea signed a treaty.","events":[{"source":["RUS","PRK"],"event":"AGREE"}]}"#,
    ]);
    let one_side_each = event(&["RUS"], EventType::Agree, &["PRK"], Modality::Asserted);
    assert_eq!(score(&cases, &[vec![one_side_each]]).triple.correct, 1);
}

#[test]
fn cameo_codes_and_organizations_normalize() {
    let cases = parse_gold(
        r#"{"id":"g","text":"Japan halted aid to the UN.","event_plover08":"SANCTION","source":[{"code":"JAP"}],"target":[{"code":"IGOUNO"}]}"#,
    )
    .unwrap();
    let mut un = actor("IGO");
    un.org = Some("UN".into());
    let mut predicted = event(&["JPN"], EventType::Sanction, &[], Modality::Asserted);
    predicted.target = vec![un];
    let s = score(&cases, &[vec![predicted]]);
    assert_eq!(s.triple.correct, 1);
    // PLOVER-GSR has no modality: the modality measure stays out of it.
    assert_eq!((s.modality.predicted, s.modality.gold), (0, 0));
}

#[test]
fn modality_must_agree_for_the_modality_score_only() {
    let cases = gold(&[
        r#"{"id":"m","text":"Russia could send troops to North Korea.","events":[{"source":["RUS"],"event":"MOBILIZE","target":["PRK"],"modality":"speculative"}]}"#,
    ]);
    let asserted = event(&["RUS"], EventType::Mobilize, &["PRK"], Modality::Asserted);
    let s = score(&cases, &[vec![asserted]]);
    assert_eq!(s.triple.correct, 1);
    assert_eq!(s.modality.correct, 0);
    assert_eq!(s.modality.predicted, 1);
}

#[test]
fn no_event_case_counts_false_positives() {
    let cases = gold(&[r#"{"id":"n","text":"The weather was mild.","events":[]}"#]);
    let s = score(
        &cases,
        &[vec![event(
            &["RUS"],
            EventType::Consult,
            &[],
            Modality::Asserted,
        )]],
    );
    assert_eq!(
        (s.triple.predicted, s.triple.gold, s.triple.precision),
        (1, 0, 0.0)
    );
    assert!(!s.outcomes[0].is_perfect());
}

#[test]
fn table_is_deterministic_and_lists_types_in_order() {
    let cases = gold(&[AID, TEST]);
    let predicted = vec![
        vec![event(
            &["PRK"],
            EventType::Aid,
            &["RUS"],
            Modality::Asserted,
        )],
        vec![],
    ];
    let a = score(&cases, &predicted).table();
    let b = score(&cases, &predicted).table();
    assert_eq!(a, b);
    let aid = a.find("\nAID").unwrap();
    let mobilize = a.find("\nMOBILIZE").unwrap();
    assert!(aid < mobilize);
    assert!(a.contains("triple"));
    let json = serde_json::to_value(score(&cases, &predicted)).unwrap();
    assert_eq!(json["per_type"]["AID"]["triple"]["f1"], 1.0);
    assert_eq!(json["triple"]["recall"], 0.5);
}

#[test]
#[should_panic(expected = "one list of predicted events per gold case")]
fn mismatched_lengths_are_a_caller_bug() {
    score(&gold(&[AID]), &[]);
}

#[test]
fn table_and_failures_read_as_documented() {
    let cases = gold(&[AID, TEST]);
    let predicted = vec![
        vec![event(
            &["PRK"],
            EventType::Aid,
            &["UKR"],
            Modality::Asserted,
        )],
        vec![event(
            &["PRK"],
            EventType::Mobilize,
            &[],
            Modality::Speculative,
        )],
    ];
    let s = score(&cases, &predicted);
    let expected = "\
2 cases, 2 gold events, 2 predicted events

measure      correct predicted   gold precision  recall     F1
event type         2         2      2     1.000   1.000  1.000
source code        2         2      2     1.000   1.000  1.000
target code        1         2      2     0.500   0.500  0.500
triple             1         2      2     0.500   0.500  0.500
modality           1         2      2     0.500   0.500  0.500

type        gold  pred |    type P       R     F1 |  triple P       R     F1
AID            1     1 |     1.000   1.000  1.000 |     0.000   0.000  0.000
MOBILIZE       1     1 |     1.000   1.000  1.000 |     1.000   1.000  1.000
";
    assert_eq!(s.table(), expected);
    let failures = "\
aid: 0/1 gold triples found, 1 predicted
  missed   PRK -AID-> RUS [asserted]
  spurious PRK -AID-> UKR [asserted]
test: 1/1 gold triples found, 1 predicted
  modality PRK -MOBILIZE-> (none) [asserted] predicted as speculative
";
    assert_eq!(s.failures(), failures);
}
