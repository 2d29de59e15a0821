//! Passive voice ("was sanctioned by the United States"): the agent after "by" acts, the
//! subject undergoes.

use entente_model::EventType;

use super::{clause, skipped_prepositions, Found, Input, Pick};
use crate::sentence::Analysis;

pub(super) fn pick(input: &Input<'_, '_>) -> Pick {
    let (a, m) = (input.a, input.m);
    let subject = clause::subject(a, m.start, input.reporting);
    // "A missionary was arrested in Lebanon": with no "by X", the state where a person is
    // arrested, jailed or expelled is the one that does it.
    let source = clause::by_agent(a, m.end).or_else(|| {
        (input.rule.event == EventType::Coerce)
            .then(|| place_of_coercion(a, m.end))
            .flatten()
    });
    // "a camp for Congolese refugees was attacked": the undergoer may sit in a phrase.
    // "Artillery shells were supplied to Russia by North Korea": with no actor as subject,
    // the recipient after the participle undergoes the act.
    let undergoer = subject
        .map(|f| f.group)
        .filter(|&g| source.is_none_or(|f| f.group != g))
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

/// A state's or capital's name right after the participle, governed by "in" ("arrested in
/// Lebanon", "jailed in Tehran for"), within a few tokens and no clause break.
fn place_of_coercion(a: &Analysis<'_>, from: usize) -> Option<Found> {
    let limit = (from + 4).min(a.len());
    let g = (from..limit)
        .take_while(|&i| a.word(i) != "," && a.word(i) != "by")
        .find_map(|i| a.group_at(i))?;
    let place = a.after_preposition(g) == Some("in")
        && a.groups[g]
            .members
            .iter()
            .all(|&m| matches!(a.mentions[m].kind.as_str(), "country" | "capital"));
    place.then_some(Found {
        group: g,
        why: "passive voice: the state where the person is held acts",
    })
}
