//! What goes into the store comes back out unchanged: the public record is never trimmed.

use entente_model::{
    ActorRef, DateBasis, Event, EventDate, EventId, EventType, Evidence, Modality, QuadClass,
};
use proptest::prelude::*;

use super::fixtures::article;
use crate::{EventFilter, Store};

fn actor_ref() -> impl Strategy<Value = ActorRef> {
    (
        "[A-Z]{3}",
        proptest::option::of("[A-Z]{2,4}"),
        "\\PC{0,20}",
        proptest::option::of("[A-Z]{2,6}"),
    )
        .prop_map(|(code, sector, name, org)| ActorRef {
            text: name.clone(),
            code: Some(code.parse().unwrap()),
            sector: sector.map(|s| s.parse().unwrap()),
            name,
            org,
        })
}

fn event_date() -> impl Strategy<Value = EventDate> {
    let basis = prop_oneof![
        Just(DateBasis::Text),
        Just(DateBasis::Article),
        Just(DateBasis::Inferred),
        Just(DateBasis::Metadata),
        Just(DateBasis::User)
    ];
    (
        1900i32..2100,
        1u32..=12,
        1u32..=28,
        0u8..4,
        0i64..400,
        basis,
    )
        .prop_map(|(y, m, d, kind, span, basis)| {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            match kind {
                0 => EventDate::day(day, basis),
                1 => EventDate::month(y, m, basis),
                2 => EventDate::year(y, basis),
                _ => EventDate::range(day, day + chrono::Duration::days(span), basis),
            }
        })
}

prop_compose! {
    fn any_event()(
        n in 0u32..1000,
        source in proptest::collection::vec(actor_ref(), 0..3),
        target in proptest::collection::vec(actor_ref(), 0..3),
        kind in proptest::sample::select(EventType::ALL.to_vec()),
        modality in proptest::sample::select(Modality::ALL.to_vec()),
        quad in 1u8..=4,
        intensity in -10.0f32..=10.0,
        confidence in 0.0f32..=1.0,
        date in proptest::option::of(event_date()),
        text in "\\PC{0,40}",
        optional in proptest::option::of("\\PC{0,12}"),
        mentions in 1u32..50,
    ) -> Event {
        let a = article("The article all generated events belong to.");
        Event {
            id: EventId::from_parts(&[a.id.as_str(), &n.to_string()]),
            article_id: a.id.clone(),
            article_key: optional.clone(),
            source,
            target,
            event: kind,
            mode: optional.clone(),
            cameo: format!("{:02}", n % 21),
            quad: QuadClass::try_from(quad).unwrap(),
            intensity,
            modality,
            attributed_to: optional.clone(),
            domestic: false,
            date,
            background: false,
            location: optional.clone(),
            evidence: Evidence { sentence: text.clone(), start: n as usize, end: n as usize + text.chars().count(), trigger: text },
            confidence,
            coder: "rules.v1".into(),
            mentions,
            section: if n % 2 == 0 { "body".into() } else { "caption".into() },
            rule: optional.clone(),
            lexicon: optional,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn an_event_comes_back_as_it_went_in(event in any_event()) {
        let mut store = Store::open_in_memory().unwrap();
        let a = article("The article all generated events belong to.");
        store.store_batch(&[(a, vec![event.clone()])]).unwrap();
        let back = store.events(&EventFilter::default()).unwrap();
        prop_assert_eq!(back, vec![event]);
    }
}

#[test]
fn an_article_comes_back_as_it_went_in() {
    use entente_model::{ArticleDate, Boilerplate, BoilerplateKind, Genre};
    let mut a = article("Seoul said the troops arrived.\n\nMoscow denied it.");
    a.key = Some("k".into());
    a.url = Some("https://example.org/a".into());
    a.title = Some("Troops “arrive”".into());
    a.authors = vec!["Jane Roe".into(), "John Doe".into()];
    a.date = Some(ArticleDate {
        date: "2024-10-23".parse().unwrap(),
        basis: DateBasis::Inferred,
    });
    a.genre = Genre::Analysis;
    a.language = Some("eng".into());
    a.boilerplate = vec![Boilerplate {
        kind: BoilerplateKind::Caption,
        text: "Troops on parade in Pyongyang on June 19, 2024.".into(),
        date: Some(EventDate::day(
            "2024-06-19".parse().unwrap(),
            DateBasis::Text,
        )),
    }];
    a.warnings = vec!["invalid UTF-8 replaced".into()];
    let mut store = Store::open_in_memory().unwrap();
    store.store_batch(&[(a.clone(), vec![])]).unwrap();
    let back = store.article(a.id.as_str()).unwrap().unwrap();
    assert_eq!(back.article, a);
}
