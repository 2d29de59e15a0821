//! What a rule's frame does to the roles the voice found: `tgt<src` swaps them, `src` drops
//! the target, `says>subject` makes the subject the addressee of the clause's speaker; and
//! the frame-independent readings: "between X and Y" (both act), a purpose "to" (the one
//! fought is not the recipient), a threat aimed at the subject of its condition.

use entente_lexicon::triggers::Frame;
use entente_model::EventType;

use super::{clause, skipped_prepositions, Found, Input, Pick, Voice};
use crate::words;

pub(super) fn apply(input: &Input<'_, '_>, voice: Voice, pick: &mut Pick) {
    let (a, m, rule) = (input.a, input.m, input.rule);
    let passive = voice == Voice::Passive;
    // "deployed troops to fight Ukrainian forces": the "to" opens a hostile purpose, not a
    // destination; the one fought is that act's target, not this one's recipient. The side
    // fought for ("to fight for Russia") still receives the troops.
    if input.purpose && !passive {
        pick.target = pick.target.filter(|t| {
            a.after_preposition(t.group)
                .is_some_and(|p| words::is_ally_preposition(a.g, p))
        });
    }
    match rule.frame {
        Frame::Inverse if !passive => inverse(input, pick),
        Frame::SourceOnly => pick.target = None,
        Frame::Addressee => {
            pick.target = pick.subject.map(|f| Found {
                group: f.group,
                why: "the addressee: the subject of the demanded act",
            });
            pick.source = pick
                .subject
                .and_then(|f| clause::speaker(a, a.groups[f.group].start));
        }
        _ => {}
    }
    between(input, pick);
    if pick
        .target
        .is_some_and(|t| Some(t.group) == pick.source.map(|s| s.group))
    {
        pick.target = None;
    }
    if rule.event == EventType::Threaten && pick.target.is_none() && !passive {
        pick.target = clause::condition_subject(a, m.end)
            .filter(|t| Some(t.group) != pick.source.map(|s| s.group));
    }
}

/// `tgt<src` ("came under fire from X"): the subject undergoes, the actor after acts.
fn inverse(input: &Input<'_, '_>, pick: &mut Pick) {
    let (a, m) = (input.a, input.m);
    let from = clause::object(
        a,
        m.start + 1,
        m.end,
        false,
        skipped_prepositions(input),
        input.reporting,
        input.stop,
    );
    pick.target = pick.source.map(|f| Found {
        group: f.group,
        why: "the subject undergoes the act (frame tgt<src)",
    });
    pick.source = from.map(|f| Found {
        group: f.group,
        why: "the actor after the trigger acts (frame tgt<src)",
    });
}

/// "talks between X and Y", "ties between Pyongyang and Moscow": both sides act, when the
/// rule is a joint one or nothing else acts.
fn between(input: &Input<'_, '_>, pick: &mut Pick) {
    let a = input.a;
    let Some(t) = pick.target else {
        return;
    };
    let joint = matches!(a.after_preposition(t.group), Some("between" | "among"))
        && a.groups[t.group].members.len() >= 2;
    if joint && (pick.source.is_none() || input.rule.frame == Frame::Mutual) {
        pick.source = Some(Found {
            group: t.group,
            why: "both sides of \"between X and Y\" act jointly",
        });
        pick.target = None;
        pick.mutual = true;
    }
}
