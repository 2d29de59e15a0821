//! Passive voice ("was sanctioned by the United States"): the agent after "by" acts, the
//! subject undergoes.

use super::{clause, skipped_prepositions, Found, Input, Pick};

pub(super) fn pick(input: &Input<'_, '_>) -> Pick {
    let (a, m) = (input.a, input.m);
    let subject = clause::subject(a, m.start, input.reporting);
    let source = clause::by_agent(a, m.end);
    // "a camp for Congolese refugees was attacked": the undergoer may sit in a phrase.
    // "Artillery shells were supplied to Russia by North Korea": with no actor as subject,
    // the recipient after the participle undergoes the act.
    let undergoer = subject
        .map(|f| f.group)
        .or_else(|| {
            clause::object(
                a,
                m.start + 1,
                m.end,
                true,
                skipped_prepositions(input),
                input.reporting,
                input.stop,
            )
            .map(|f| f.group)
        })
        // "He said much of the money pledged by the US": the reporter undergoes nothing.
        .or_else(|| {
            clause::left_group(a, m.start, 8).filter(|&g| {
                !input
                    .reporting
                    .iter()
                    .any(|&(s, _)| s >= a.groups[g].end && s < m.start)
            })
        });
    Pick {
        source,
        target: undergoer.map(|group| Found {
            group,
            why: "passive voice: the subject undergoes the act",
        }),
        subject,
        mutual: false,
        confidence: 0.85,
    }
}
