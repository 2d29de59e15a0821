//! Targets the words name again rather than by name: an object that refers back to an
//! actor of the sentence ("accusing it of", "the bloc", "his release"), and the author of an
//! act that the trigger judges ("a charge Doha rejected", "dismissed the proposal").

use entente_lexicon::WordClass;

use super::clause::Found;
use crate::sentence::Analysis;

/// An object that names again an actor of the sentence: "accusing the bloc of" (an
/// organization), "cut ties with Qatar, accusing it of" (a pronoun before "of" or "for", as
/// accusations put it), "the kingdom" (a state). The nearest such actor before the trigger
/// that is not its subject.
pub(crate) fn anaphoric_object(
    a: &Analysis<'_>,
    start: usize,
    end: usize,
    subject: Option<Found>,
) -> Option<Found> {
    let word = |i: usize| if i < a.len() { a.word(i) } else { "" };
    let (w0, w1) = (word(end), word(end + 1));
    #[derive(PartialEq)]
    enum Kind {
        Any,
        State,
        Organization,
        Person,
    }
    let kind = if matches!(w0, "it" | "them") && matches!(w1, "of" | "for") {
        Kind::Any
    } else if matches!(w0, "his" | "her") {
        // "toppled President Alpha Conde, and demanded his release": the person whose
        // release, visit or arrest it is.
        Kind::Person
    } else if w0 == "the" && a.g.is(WordClass::StateAnaphor, w1) {
        Kind::State
    } else if w0 == "the" && a.g.is(WordClass::GroupAnaphor, w1) {
        Kind::Organization
    } else {
        return None;
    };
    let own: Vec<_> = subject
        .map(|f| a.groups[f.group].members.clone())
        .unwrap_or_default()
        .iter()
        .filter_map(|&m| a.mentions[m].actor.code)
        .collect();
    (0..a.groups.len())
        .rev()
        .filter(|&g| a.groups[g].end <= start && subject.is_none_or(|f| f.group != g))
        .find(|&g| {
            a.groups[g].members.iter().any(|&m| {
                let code = a.mentions[m].actor.code;
                let person = a.mentions[m].kind.starts_with("leader");
                code.is_some_and(|c| {
                    !own.contains(&c)
                        && match kind {
                            Kind::Any => true,
                            Kind::Person => person,
                            Kind::State => !c.is_organization(),
                            Kind::Organization => c.is_organization(),
                        }
                })
            })
        })
        .map(|group| Found {
            group,
            why: "an object that names again an actor of the sentence",
        })
}

/// The author of what a reduced relative clause judges: in "..., a charge Doha rejected" or
/// "..., a move Washington welcomed", the noun before the subject is another actor's act, and
/// that actor is the target: the subject of the main clause, whose act the noun sums up, or
/// else the nearest actor before the noun, never the subject's own state.
pub(crate) fn judged_author(a: &Analysis<'_>, subject: Option<Found>) -> Option<Found> {
    let subject = subject?;
    let first = a.groups[subject.group].start;
    let noun = first.checked_sub(1)?;
    if !a.g.is(WordClass::JudgedNoun, a.word(noun)) {
        return None;
    }
    // "a charge", "a huge charge", "the decision": a determiner opens the noun phrase.
    let det = (noun.saturating_sub(2)..noun)
        .rev()
        .find(|&i| matches!(a.word(i), "a" | "an" | "the"))?;
    let own: Vec<_> = a.groups[subject.group]
        .members
        .iter()
        .filter_map(|&m| a.mentions[m].actor.code)
        .collect();
    let other = |g: usize| {
        a.groups[g]
            .members
            .iter()
            .any(|&m| a.mentions[m].actor.code.is_some_and(|c| !own.contains(&c)))
    };
    let main = (0..a.groups.len())
        .take_while(|&g| a.groups[g].end <= det)
        .find(|&g| a.after_preposition(g).is_none() && !a.groups[g].possessive)
        .filter(|&g| other(g));
    main.or_else(|| {
        (0..a.groups.len())
            .rev()
            .filter(|&g| a.groups[g].end <= det)
            .find(|&g| other(g))
    })
    .map(|group| Found {
        group,
        why: "the author of the act the clause judges (\"a charge X rejected\")",
    })
}

/// The author of a proposal the trigger judges as its object: in "Lee offered talks, but Kim
/// dismissed the proposal", "the proposal" is the act of the main clause's subject, who is
/// the target; nobody else when that subject is the trigger's own.
pub(crate) fn judged_object(a: &Analysis<'_>, end: usize, subject: Option<Found>) -> Option<Found> {
    let subject = subject?;
    let det = end;
    if det >= a.len() || !matches!(a.word(det), "the" | "a" | "an" | "this" | "that") {
        return None;
    }
    (det + 1..(det + 4).min(a.len())).find(|&i| a.g.is(WordClass::JudgedNoun, a.word(i)))?;
    let own: Vec<_> = a.groups[subject.group]
        .members
        .iter()
        .filter_map(|&m| a.mentions[m].actor.code)
        .collect();
    let main = (0..a.groups.len())
        .take_while(|&g| a.groups[g].end <= a.groups[subject.group].start)
        .find(|&g| a.after_preposition(g).is_none() && !a.groups[g].possessive)?;
    let other = a.groups[main]
        .members
        .iter()
        .any(|&m| a.mentions[m].actor.code.is_some_and(|c| !own.contains(&c)));
    other.then_some(Found {
        group: main,
        why: "the author of the proposal the trigger judges: the main clause's subject",
    })
}
