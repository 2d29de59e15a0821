//! Active voice: the subject acts on the object or prepositional recipient.

use super::{clause, skipped_prepositions, Input, Pick};

pub(super) fn pick(input: &Input<'_, '_>) -> Pick {
    let (a, m) = (input.a, input.m);
    let subject = clause::subject(a, m.start, input.reporting);
    // A "by X" after the object is the object noun's agent ("rejected calls by Belarus",
    // "welcomed the proposal by Japan"), the one acted on, so it is not skipped.
    let target = clause::object(
        a,
        m.start + 1,
        m.end,
        false,
        skipped_prepositions(input),
        input.reporting,
        input.stop,
    )
    .or_else(|| clause::anaphoric_object(a, m.start, m.end, subject))
    .or_else(|| clause::judged_author(a, subject));
    Pick {
        source: subject,
        target,
        subject,
        mutual: false,
        confidence: 0.85,
    }
}
