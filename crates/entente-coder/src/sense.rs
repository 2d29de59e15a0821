//! Which sense of a trigger word its parties pick. "attacked" is force when a state or an
//! army does it and words when a leader does; "strikes" are weapons unless workers make
//! them; "seized" is confiscation unless what is seized is a city or a state's ground.

use entente_lexicon::triggers::TriggerRule;
use entente_model::EventType;

use crate::roles::Roles;

/// The event a trigger codes in the sense its parties give it.
pub(crate) struct Sense {
    pub event: EventType,
    pub mode: Option<&'static str>,
    pub cameo: &'static str,
    /// The line `explain` shows.
    pub why: &'static str,
}

/// The sense of `rule` with these roles, when it is not the rule's own.
pub(crate) fn by_parties(rule: &TriggerRule, roles: &Roles) -> Option<Sense> {
    // "Rebels seized Damascus": a city or a state's ground seized is taken by force.
    if rule.event == EventType::Coerce
        && rule.mode.as_deref() == Some("seize")
        && roles.place_target
    {
        return Some(Sense {
            event: EventType::Assault,
            mode: None,
            cameo: "19",
            why: "a place seized is taken by force: ASSAULT",
        });
    }
    // "Trade unions carried out strikes": workers, students and doctors strike by stopping
    // work.
    let workers = !roles.source.is_empty()
        && roles.source.iter().all(|s| {
            s.sector.as_ref().is_some_and(|x| {
                matches!(x.as_str(), "LAB" | "EDU" | "HLH" | "AGR" | "CVL" | "OPP")
            })
        });
    if rule.event == EventType::Assault && rule.pattern.contains("strike") && workers {
        return Some(Sense {
            event: EventType::Protest,
            mode: Some("strike"),
            cameo: "143",
            why: "workers' strikes stop work: PROTEST",
        });
    }
    // "Mbeki attacked British imperialists, saying ...": a leader, a minister or a party
    // attacks in words.
    if rule.event == EventType::Assault && rule.pattern == "attack" && roles.speakers {
        return Some(Sense {
            event: EventType::Accuse,
            mode: Some("disapprove"),
            cameo: "111",
            why: "a person or a political body attacks in words: ACCUSE",
        });
    }
    None
}
