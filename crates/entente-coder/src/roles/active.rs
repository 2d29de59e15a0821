//! Active voice: the subject acts on the object or prepositional recipient.

use super::{anaphor, clause, skipped_prepositions, Input, Pick};
use crate::words;

pub(super) fn pick(input: &Input<'_, '_>) -> Pick {
    let (a, m) = (input.a, input.m);
    let subject = clause::subject(a, m.start, input.reporting);
    // A "by X" after the object is the object noun's agent ("rejected calls by Belarus",
    // "welcomed the proposal by Japan"), the one acted on, so it is not skipped.
    // "fired North Korean missiles at Ukraine": a rule that ends in a preposition names its
    // target after it; the words inside the match ("North Korean") are the object's.
    let ends_in_preposition = input
        .rule
        .pattern
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.split('/').all(|p| words::is_preposition(a.g, p)));
    let from = if ends_in_preposition {
        m.end
    } else {
        m.start + 1
    };
    let target = clause::object(
        a,
        from,
        m.end,
        false,
        skipped_prepositions(input),
        input.reporting,
        input.stop,
    )
    .or_else(|| anaphor::anaphoric_object(a, m.start, m.end, subject))
    .or_else(|| anaphor::judged_author(a, subject))
    .or_else(|| anaphor::judged_object(a, m.end, subject));
    Pick {
        source: subject,
        target,
        subject,
        mutual: false,
        confidence: 0.85,
    }
}
