//! Nominalizations ("North Korea's deployment of troops to Russia", "US sanctions on Iran"):
//! the possessive, the actors right before the noun, or a "by X" act; the actor after the
//! pattern is the target.

use super::{clause, skipped_prepositions, Found, Input, Pick};

pub(super) fn pick(input: &Input<'_, '_>) -> Pick {
    let (a, m) = (input.a, input.m);
    let subject = clause::subject(a, m.start, input.reporting);
    let mut confidence = 0.85;
    let mut source = clause::noun_source(a, m.start).or_else(|| clause::by_agent(a, m.end));
    if source.is_none() {
        // "North Korea's test-firing of missiles and deployment of troops": a noun
        // coordinated with an owned one shares its owner; a noun predicated of the subject
        // ("serving as the primary supporter of") or the object of a light verb ("launched an
        // offensive") takes the subject. Any other subject is not the noun's agent ("Sweden
        // condemned the attack").
        let predicative = clause::predicative(a, m.start) || clause::light_verb_object(a, m.start);
        // A subject a dozen words away belongs to another clause ("China began drills ...,
        // a day after Nancy Pelosi ... ended a visit to Taipei").
        source = subject
            .filter(|f| m.start - a.groups[f.group].end.min(m.start) <= 12)
            .filter(|f| predicative || a.groups[f.group].possessive)
            .map(|f| Found {
                group: f.group,
                why: "no owner of its own: the possessive that owns the noun phrase",
            });
        confidence -= 0.15;
    }
    let target = clause::object(
        a,
        m.start + 1,
        m.end,
        true,
        skipped_prepositions(input),
        input.reporting,
        input.stop,
    );
    Pick {
        source,
        target,
        subject,
        mutual: false,
        confidence,
    }
}
