//! Hand-built articles and events for the tests.

use chrono::NaiveDate;
use entente_model::{
    ActorRef, Article, ArticleDate, DateBasis, Event, EventDate, EventId, EventType, Evidence,
    Genre, Modality, Paragraph, QuadClass, TextRange,
};

/// A wire story of ordinary length, written for these tests. Paragraphs are separated by a
/// blank line, as the readers normalize them.
pub const WIRE_STORY: &str = "North Korea has sent several thousand soldiers to the Kursk region of Russia, according to officials in Seoul and Washington who spoke on Tuesday.

The deployment follows a mutual defense treaty that President Vladimir Putin and Kim Jong Un signed in Pyongyang in June, which obliges each side to assist the other in case of an armed attack.

South Korean intelligence said the troops had trained at bases in the Russian Far East before moving west by train, and that more units could follow before the end of the year.

Officials in Beijing declined to comment on the deployment. China remains the largest trading partner of North Korea and buys much of the coal and textiles that the country still manages to sell abroad despite international sanctions.

The United States and its allies in Europe have warned that the arrival of foreign troops on the battlefield marks a dangerous escalation of the war in Ukraine.

In Kyiv, the foreign ministry summoned diplomats from several countries to discuss the reports and asked its partners for more air defense systems and artillery shells.

Analysts in Tokyo noted that the exchange appears to run in both directions, with Moscow supplying oil, food and possibly military technology to Pyongyang in return for munitions and manpower.

The Security Council of the United Nations is expected to meet later this week, although any new measures against either country are likely to be blocked by a veto.

Meanwhile, the European Union is preparing a further package of sanctions that would target shipping companies and banks accused of helping the two governments evade earlier restrictions.

Markets in the region reacted calmly to the news, and the price of crude oil was little changed by the afternoon in Asian trading.";

/// An unrelated story.
pub const OTHER_STORY: &str = "Heavy rain flooded the river valley overnight, and farmers said the rice harvest was lost to the water.

Rescue teams used boats to reach villages cut off by the flood, and the regional government opened schools as shelters for families who left their homes.

Forecasters expect the rain to ease by the weekend, but warned that landslides remain a danger in the hills above the valley.";

/// Builds an article the way the readers do: paragraphs split on blank lines.
pub fn article(text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        paragraphs.push(Paragraph {
            range: TextRange::new(start, start + part.len()),
        });
        start += part.len() + 2;
    }
    Article::new(text.to_string(), paragraphs)
}

pub fn dated(mut a: Article, day: &str, genre: Genre, key: &str) -> Article {
    a.date = Some(ArticleDate {
        date: day.parse().unwrap(),
        basis: DateBasis::Metadata,
    });
    a.genre = genre;
    a.key = Some(key.to_string());
    a
}

pub fn actor(code: &str) -> ActorRef {
    ActorRef {
        text: code.to_string(),
        code: Some(code.parse().unwrap()),
        sector: None,
        name: code.to_string(),
        org: None,
    }
}

pub fn org(short: &str) -> ActorRef {
    ActorRef {
        text: short.to_string(),
        code: Some(entente_model::ActorCode::IGO),
        sector: None,
        name: short.to_string(),
        org: Some(short.to_string()),
    }
}

/// An event of `article` at evidence offset `at`, dated `day`.
pub fn event(
    article: &Article,
    at: usize,
    source: Vec<ActorRef>,
    target: Vec<ActorRef>,
    kind: EventType,
    modality: Modality,
    day: &str,
) -> Event {
    let (quad, intensity) = match kind {
        EventType::Aid | EventType::Cooperate => (QuadClass::MATERIAL_COOPERATION, 7.0),
        EventType::Agree | EventType::Consult | EventType::Support => {
            (QuadClass::VERBAL_COOPERATION, 3.5)
        }
        EventType::Accuse | EventType::Threaten | EventType::Reject => {
            (QuadClass::VERBAL_CONFLICT, -4.0)
        }
        _ => (QuadClass::MATERIAL_CONFLICT, -8.0),
    };
    let src: Vec<&str> = source.iter().filter_map(|a| a.key()).collect();
    let at_s = at.to_string();
    Event {
        id: EventId::from_parts(&[
            article.id.as_str(),
            &at_s,
            &src.join("+"),
            kind.as_str(),
            &target
                .iter()
                .filter_map(|a| a.key())
                .collect::<Vec<_>>()
                .join("+"),
        ]),
        article_id: article.id.clone(),
        article_key: article.key.clone(),
        source,
        target,
        event: kind,
        mode: None,
        cameo: "07".to_string(),
        quad,
        intensity,
        modality,
        attributed_to: None,
        domestic: false,
        date: Some(EventDate::day(
            day.parse::<NaiveDate>().unwrap(),
            DateBasis::Text,
        )),
        background: false,
        location: None,
        evidence: Evidence {
            sentence: "A sentence.".to_string(),
            start: at,
            end: at + 11,
            trigger: "sent".to_string(),
        },
        confidence: 0.8,
        coder: "rules.v1".to_string(),
        mentions: 1,
        section: "body".to_string(),
        rule: None,
        lexicon: None,
    }
}
