use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::{ActorCode, ArticleId, EventDate, EventId, EventType, ModelError, QuadClass, Sector};

/// One coded event: the public record of `docs/PRODUCT.md`. Field names are a contract;
/// fields may be added, never renamed or dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub article_id: ArticleId,
    pub article_key: Option<String>,
    pub source: Vec<ActorRef>,
    pub target: Vec<ActorRef>,
    pub event: EventType,
    /// The PLOVER mode (`military`, `visit`, ...), when the trigger names one.
    pub mode: Option<String>,
    /// CAMEO code of the crosswalk (a root like `"07"` or a finer code).
    pub cameo: String,
    pub quad: QuadClass,
    /// Goldstein-style, from -10 (most hostile) to +10 (most cooperative).
    pub intensity: f32,
    pub modality: Modality,
    /// Who says so, for `reported` events.
    pub attributed_to: Option<String>,
    /// Source and target are the same state, acting through different kinds of actors
    /// (police against protesters, a court against an opposition leader): an event inside
    /// one state, not between two.
    #[serde(default)]
    pub domestic: bool,
    /// `None` when neither the sentence nor the article gives a date.
    pub date: Option<EventDate>,
    /// The sentence dates the event more than a year before the article: a past event the
    /// article recalls, kept at its own date.
    #[serde(default)]
    pub background: bool,
    pub location: Option<String>,
    pub evidence: Evidence,
    pub confidence: f32,
    /// The coder and rule that produced the event, e.g. `rules.v1`.
    pub coder: String,
    /// How many times the article states this event (repeats are coded once).
    #[serde(default = "one")]
    pub mentions: u32,
    /// Which part of the article: `body` or `caption`.
    #[serde(default = "body")]
    pub section: String,
    /// The lexicon rule that fired (its file and line), for `explain` and audits.
    #[serde(default)]
    pub rule: Option<String>,
    /// Content digest of the lexicon that coded the event.
    #[serde(default)]
    pub lexicon: Option<String>,
}

fn one() -> u32 {
    1
}

fn body() -> String {
    "body".to_string()
}

/// An actor as an event names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    /// The words of the sentence that name the actor.
    pub text: String,
    /// The state or organization; `None` for a party the text names without saying whose it
    /// is ("a lawyer", "the militia", "gunmen"): kept with its words and sector, left out of
    /// the analytics.
    pub code: Option<ActorCode>,
    pub sector: Option<Sector>,
    /// The canonical name: "North Korea", "Vladimir Putin", "United Nations Security Council".
    pub name: String,
    /// For `IGO`/`NGO` codes, the organization's short name (`UN`, `NATO`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

impl ActorRef {
    /// The key the analytics group by: the org's short name for organizations, else the code;
    /// `None` for an uncoded party.
    pub fn key(&self) -> Option<&str> {
        let code = self.code.as_ref()?;
        Some(match &self.org {
            Some(org) if code.is_organization() => org,
            _ => code.as_str(),
        })
    }

    /// Who the party is, for telling parties apart within one event: the analytics key, or for
    /// an uncoded party its lower-cased words after a `?` ("?the militia").
    pub fn party_key(&self) -> std::borrow::Cow<'_, str> {
        match self.key() {
            Some(k) => std::borrow::Cow::Borrowed(k),
            None => std::borrow::Cow::Owned(format!("?{}", self.text.to_lowercase())),
        }
    }

    /// The code as text, `-` for an uncoded party: for listings and keys that need a word.
    pub fn code_str(&self) -> &str {
        self.code.as_ref().map_or("-", ActorCode::as_str)
    }
}

/// Where the event's evidence sits. `start` and `end` are character offsets into the text of
/// the event's section (the article's normalized text for the body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub trigger: String,
}

/// Whether the text asserts the event, reports someone's claim of it, or only entertains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Reported,
    Speculative,
    Hypothetical,
    Negated,
    Planned,
}

impl Modality {
    pub const ALL: [Modality; 6] = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Speculative,
        Modality::Hypothetical,
        Modality::Negated,
        Modality::Planned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Speculative => "speculative",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
        }
    }

    /// Asserted and reported events are what the analytics count by default.
    pub fn is_factual(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Modality {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Modality::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| ModelError::Modality(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DateBasis;

    fn sample() -> Event {
        Event {
            id: EventId::from_parts(&["a", "1", "2", "PRK", "AID", "RUS"]),
            article_id: ArticleId::from_text("x"),
            article_key: None,
            source: vec![ActorRef {
                text: "North Korea".into(),
                code: Some("PRK".parse().unwrap()),
                sector: Some("GOV".parse().unwrap()),
                name: "North Korea".into(),
                org: None,
            }],
            target: vec![],
            event: EventType::Aid,
            mode: Some("military".into()),
            cameo: "07".into(),
            quad: QuadClass::MATERIAL_COOPERATION,
            intensity: 7.4,
            modality: Modality::Asserted,
            attributed_to: None,
            domestic: false,
            date: Some(EventDate::month(2024, 10, DateBasis::Text)),
            background: false,
            location: None,
            evidence: Evidence {
                sentence: "North Korea sent troops.".into(),
                start: 0,
                end: 24,
                trigger: "sent".into(),
            },
            confidence: 0.8,
            coder: "rules.v1".into(),
            mentions: 1,
            section: "body".into(),
            rule: None,
            lexicon: None,
        }
    }

    #[test]
    fn record_has_the_public_field_names() {
        let json = serde_json::to_value(sample()).unwrap();
        for field in [
            "id",
            "article_id",
            "article_key",
            "source",
            "target",
            "event",
            "mode",
            "cameo",
            "quad",
            "intensity",
            "modality",
            "attributed_to",
            "date",
            "location",
            "evidence",
            "confidence",
            "coder",
        ] {
            assert!(json.get(field).is_some(), "missing `{field}`");
        }
        assert_eq!(json["quad"], 2);
        assert_eq!(json["event"], "AID");
        assert_eq!(json["date"]["precision"], "month");
        assert_eq!(json["source"][0]["code"], "PRK");
        let back: Event = serde_json::from_value(json).unwrap();
        assert_eq!(back, sample());
    }
}
