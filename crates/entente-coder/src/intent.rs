//! PLOVER codes a stated intention as its own event: a promise or plan to cooperate is an
//! AGREE ("Finland will give Tanzania a grant"), a stated intention to punish or strike is
//! a THREATEN ("Washington will impose sanctions"), and a stated refusal to cooperate is a
//! REJECT ("the U.S. said it would not meet the demands"). The statement itself is what
//! happened, so the recoded event is asserted (or reported, when someone else says so);
//! the act that was promised keeps its name in `mode`.
//!
//! A plain negation of a past act ("Germany did not send weapons") is not a refusal and
//! stays a negated event of its own type. A resignation announced ("will resign") is a
//! planned RETREAT, no promise made to anyone.

use entente_model::{EventType, Modality};

/// Cooperative types whose announced future is an AGREE and whose refusal is a REJECT.
fn cooperative(t: EventType) -> bool {
    matches!(
        t,
        EventType::Support
            | EventType::Cooperate
            | EventType::Aid
            | EventType::Concede
            | EventType::Retreat
            | EventType::Consult
    )
}

/// Conflictual types whose announced future is a THREATEN ("they would boycott").
fn punitive(t: EventType) -> bool {
    matches!(
        t,
        EventType::Sanction | EventType::Coerce | EventType::Assault | EventType::Protest
    )
}

/// How a trigger's event is recoded, given its modality and whether a future ("will",
/// "would" in reported speech, "plans to") and a reporting cue applied.
pub fn recode(
    event: EventType,
    mode: Option<&str>,
    modality: Modality,
    future: bool,
    reported: bool,
) -> Option<(EventType, Modality)> {
    let stated = if reported {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    match modality {
        Modality::Planned if mode == Some("resign") => None,
        Modality::Planned if cooperative(event) => Some((EventType::Agree, stated)),
        Modality::Planned if punitive(event) => Some((EventType::Threaten, stated)),
        Modality::Negated if future && (cooperative(event) || event == EventType::Agree) => {
            Some((EventType::Reject, stated))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intentions_become_their_own_events() {
        assert_eq!(
            recode(EventType::Aid, None, Modality::Planned, true, false),
            Some((EventType::Agree, Modality::Asserted))
        );
        assert_eq!(
            recode(EventType::Sanction, None, Modality::Planned, true, true),
            Some((EventType::Threaten, Modality::Reported))
        );
        assert_eq!(
            recode(EventType::Consult, None, Modality::Negated, true, true),
            Some((EventType::Reject, Modality::Reported))
        );
        // "did not send": a negated act, not a refusal.
        assert_eq!(
            recode(EventType::Aid, None, Modality::Negated, false, false),
            None
        );
        assert_eq!(
            recode(EventType::Mobilize, None, Modality::Planned, true, false),
            None
        );
        assert_eq!(
            recode(
                EventType::Retreat,
                Some("resign"),
                Modality::Planned,
                true,
                false
            ),
            None
        );
    }
}
