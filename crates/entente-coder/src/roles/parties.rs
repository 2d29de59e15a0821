//! From groups to the event's parties, and the guards that decide whether the event stands:
//! a verb used as a noun, a plural noun taken for a verb, a missing source, a joint act with
//! one party, a rule that needs a target without one.

use entente_lexicon::triggers::{Frame, PartOfSpeech, TriggerMatch};
use entente_model::{ActorRef, EventType};

use super::{clause, Found, Input, Pick, Roles, Voice};
use crate::sentence::Analysis;
use crate::words;

pub(super) fn finish(input: &Input<'_, '_>, voice: Voice, pick: Pick) -> Roles {
    let (a, m, rule) = (input.a, input.m, input.rule);
    let (frame, head, event) = (rule.frame, rule.pattern.as_str(), rule.event);
    let mut confidence = pick.confidence;
    let mut mutual = pick.mutual;
    let source_actors = pick
        .source
        .map(|f| actors_of(a, f.group))
        .unwrap_or_default();
    let mut target_actors = pick
        .target
        .map(|f| actors_of(a, f.group))
        .unwrap_or_default();
    if mutual {
        target_actors.clear();
    }
    // A joint act of a compound subject: the parties are the sources; an object that
    // names one of them again ("toast ... in Pyongyang") is not a third party.
    if frame == Frame::Mutual && source_actors.len() >= 2 {
        target_actors.retain(|t| !source_actors.iter().any(|s| s.party_key() == t.party_key()));
        mutual = target_actors.is_empty();
    }
    // "EU-US seeking deal": a party does not act on itself; it leaves the other side. (One
    // state's different kinds of actor, police and protesters, are different parties.)
    // A target that is only the source is left to the guards below. An organization is one
    // party whatever body of it acts ("EU ministers", "Brussels").
    let itself = |t: &ActorRef| {
        source_actors.iter().any(|s| {
            s.party_key() == t.party_key()
                && (s.sector == t.sector || t.code.is_some_and(|c| c.is_organization()))
        })
    };
    let only_itself = !mutual && !target_actors.is_empty() && target_actors.iter().all(itself);
    if !mutual && target_actors.iter().any(|t| !itself(t)) {
        target_actors.retain(|t| !itself(t));
    }
    let mut target_why = None;
    // "accused each other", "each accused the other": the sources are each other's targets.
    let reciprocal = !mutual
        && target_actors.is_empty()
        && source_actors.len() >= 2
        && reciprocal_object(a, m.end);
    if reciprocal {
        target_actors = source_actors.clone();
        target_why = Some("\"each other\": the subjects act on one another");
    }
    if let Some(t) = pick.target {
        if t.group >= m.end && a.groups[t.group].start - m.end > 5 {
            confidence -= 0.1;
        }
    }
    // "The Sudanese government has accused Darfur rebels", "demanded that the government
    // resign": an office or a domestic opponent named without its state, as the one acted
    // on by one state, is that state's own.
    if let [only] = source_actors.as_slice() {
        let home = only.code.filter(|c| !c.is_organization());
        for t in target_actors.iter_mut().filter(|t| t.code.is_none()) {
            let head = t.text.rsplit(' ').next().unwrap_or("").to_lowercase();
            if home.is_some() && words::is_office(a.g, &head) {
                t.code = home;
                target_why =
                    Some("an office or domestic opponent named without its state: the actor's own");
            }
        }
    }
    // A protest is aimed at the authorities (PLOVER: "directed toward ... government
    // authorities"): when it names no one, the authorities of the protesters' own state that
    // the sentence names are its target ("Police in Hong Kong fired tear gas at protesters
    // who had blocked Nathan Road": the road block is against the Hong Kong police).
    if event == EventType::Protest && !mutual && target_actors.is_empty() {
        if let Some(g) = own_authorities(a, &source_actors, pick.source) {
            target_actors = actors_of(a, g);
            target_why = Some(
                "a protest that names no one: the authorities of its own state the sentence names",
            );
        }
    }
    // Protests may otherwise name no one they are aimed at: the event then has no target
    // (PLOVER allows it), and none is made up. Repression and concessions stand alone only
    // where their rule says so (`src>tgt?`: a curfew, a state of emergency, lifting it); an
    // arrest, a ban or "prevent" names whom it acts on, or is no event ("to prevent abuses").
    let target_optional = event == EventType::Protest;
    let domestic = same_state(&source_actors, &target_actors, event);
    let passive = voice == Voice::Passive;
    // "a declaration demanding that Turkey ...": an -ing form that opens a "that" clause
    // is a verb after a noun, not a noun itself.
    let opens_clause = a.word(m.start).ends_with("ing") && head.ends_with(" that");
    let verdict = if rule.pos == PartOfSpeech::Verb
        && !opens_clause
        && clause::verb_used_as_noun(a, m.start, m.participle)
    {
        Err("the verb's word is used as a noun or adjective here".to_string())
    } else if rule.pos == PartOfSpeech::Verb
        && third_person_without_subject(a, m, head, pick.subject)
    {
        Err("a plural noun, not a verb: no subject right before it".to_string())
    } else if (pick.source.is_some_and(|f| a.is_private(f.group)) || companies(&source_actors))
        && event != EventType::Protest
    {
        Err(
            "the source is a company, a team, refugees or a private person, not an actor of its state"
                .to_string(),
        )
    } else if source_actors.is_empty() {
        Err(if passive {
            "passive voice without \"by X\": no source actor".to_string()
        } else {
            "no source actor in the trigger's clause".to_string()
        })
    } else if frame == Frame::Mutual && !mutual && target_actors.is_empty() {
        Err("a joint act needs two parties: found one".to_string())
    } else if matches!(
        frame,
        Frame::Directed {
            target_required: true
        } | Frame::Addressee
    ) && target_actors.is_empty()
        && !target_optional
    {
        Err("the rule needs a target and none was found in the clause".to_string())
    } else if needs_someone(event)
        && target_actors.is_empty()
        && !mutual
        && source_actors.len() == 1
    {
        Err(format!(
            "{} by one party aimed at no one named: no interaction to code",
            event.as_str()
        ))
    } else if domestic == Some(false) {
        Err("the same state on both sides, acting through the same kind of actor".to_string())
    } else if only_itself && !reciprocal {
        Err("the target is the source itself".to_string())
    } else if event == EventType::Reject
        && m.end < a.len()
        && a.g.is(entente_lexicon::WordClass::NoComment, a.word(m.end))
    {
        Err("declining to comment is no refusal of anything".to_string())
    } else if uncoded_alike(&source_actors, &target_actors) {
        Err("both sides are uncoded parties of one kind (workers and workers)".to_string())
    } else {
        Ok(())
    };
    Roles {
        source: source_actors,
        source_why: pick
            .source
            .map_or("none found".to_string(), |f| f.why.to_string()),
        target: target_actors,
        target_why: if let Some(why) = target_why {
            why.to_string()
        } else if mutual {
            "none: a joint act of the sources".to_string()
        } else {
            pick.target
                .map_or("none found".to_string(), |f| f.why.to_string())
        },
        confidence: confidence.clamp(0.1, 1.0),
        domestic: domestic == Some(true),
        reciprocal,
        speakers: pick.source.is_some_and(|f| speakers(a, f.group)),
        place_target: pick.target.is_some_and(|f| {
            let g = &a.groups[f.group];
            !g.possessive
                && g.members
                    .iter()
                    .all(|&m| matches!(a.mentions[m].kind.as_str(), "capital" | "country"))
        }),
        verdict,
    }
}

/// Whether every actor of a group is a person or a political body, not a state, an army or
/// an armed group ("Thabo Mbeki", "the opposition leader", "Labour MPs").
fn speakers(a: &Analysis<'_>, group: usize) -> bool {
    a.groups[group].members.iter().all(|&m| {
        let mention = &a.mentions[m];
        let political = mention.actor.sector.as_ref().is_some_and(|s| {
            matches!(
                s.as_str(),
                "GOV" | "LEG" | "ELI" | "PTY" | "OPP" | "JUD" | "MED" | "HRI" | "LAB" | "REL"
            )
        });
        mention.kind.starts_with("leader") || mention.kind.starts_with("agent") && political
    })
}

/// Whether the words right after a trigger name its subjects again as each other's objects:
/// "each other", "one another", "the other" ("each accused the other of violations").
fn reciprocal_object(a: &Analysis<'_>, end: usize) -> bool {
    let word = |i: usize| (i < a.len()).then(|| a.word(i));
    (end..end + 3).any(|i| {
        matches!(
            (word(i), word(i + 1)),
            (Some("each"), Some("other"))
                | (Some("one"), Some("another"))
                | (Some("the"), Some("other"))
        )
    })
}

/// `None` unless one state (no organization) stands on both sides and every party is coded;
/// then whether the two sides are different kinds of actor (`Some(true)`: police against
/// protesters, a court against an opposition leader, a domestic event) or not (`Some(false)`:
/// "Russia attacked Russia", which no text means). A state named by its name or capital acts
/// as its government. In orders, visits, support and aid the executive and its forces are
/// one kind of actor: "Putin ordered Russian troops" or "visited troops" is the chain of
/// command, no event between parties; a coup or a purge (the army against the government)
/// is one.
fn same_state(source: &[ActorRef], target: &[ActorRef], event: EventType) -> Option<bool> {
    let code = source.first()?.code?;
    let all_one = !target.is_empty()
        && !code.is_organization()
        && source.iter().chain(target).all(|p| p.code == Some(code));
    if !all_one {
        return None;
    }
    let command = matches!(
        event,
        EventType::Request
            | EventType::Consult
            | EventType::Support
            | EventType::Agree
            | EventType::Aid
            | EventType::Cooperate
    );
    let kind = |p: &ActorRef| {
        let sector = p.sector.as_ref().map_or("GOV", |s| s.as_str());
        match sector {
            "MIL" | "COP" | "SPY" if command => "GOV".to_string(),
            _ => sector.to_string(),
        }
    };
    let sources: std::collections::BTreeSet<String> = source.iter().map(kind).collect();
    let targets: std::collections::BTreeSet<String> = target.iter().map(kind).collect();
    Some(sources.is_disjoint(&targets))
}

/// Whether an event of this type is an interaction only when it names whom it is aimed at.
/// A promise or a demand by one party toward no one named ("pledged to halve the deficit",
/// "promised a poll campaign", "called for calm") is talk about policy, not an event between
/// parties: in real news most such readings are wrong. Joint acts ("agreed to a ceasefire")
/// and acts that need no recipient (resigning, withdrawing, mobilizing, protesting, refusing,
/// denying) stand alone.
fn needs_someone(event: EventType) -> bool {
    matches!(event, EventType::Agree | EventType::Request)
}

/// The group that names the authorities of the one state a protest's sources belong to: a
/// group other than the sources', all of that state, none of the sources' sector, and each a
/// state's name, capital or organ of government (no other crowd, no private person).
fn own_authorities(
    a: &Analysis<'_>,
    source: &[ActorRef],
    source_group: Option<Found>,
) -> Option<usize> {
    let [only] = source else { return None };
    let code = only.code.filter(|c| !c.is_organization())?;
    let own = source_group.map(|f| f.group);
    (0..a.groups.len()).find(|&g| {
        Some(g) != own
            && !a.is_private(g)
            && a.groups[g].members.iter().all(|&m| {
                let mention = &a.mentions[m];
                let sector = mention.actor.sector.as_ref().map_or("GOV", |s| s.as_str());
                mention.actor.code == Some(code)
                    && mention.actor.sector != only.sector
                    && matches!(sector, "GOV" | "COP" | "MIL" | "LEG" | "JUD" | "SPY")
            })
    })
}

/// Whether both sides are parties without a code and of the same sector ("workers ... accept
/// ... overseas workers", "judges ... the court"): words about a kind of people, not an event
/// between two parties.
fn uncoded_alike(source: &[ActorRef], target: &[ActorRef]) -> bool {
    let sectors = |side: &[ActorRef]| -> Option<std::collections::BTreeSet<String>> {
        side.iter()
            .map(|p| match (&p.code, &p.sector) {
                (None, Some(s)) => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect()
    };
    !source.is_empty()
        && !target.is_empty()
        && matches!((sectors(source), sectors(target)), (Some(s), Some(t)) if s == t)
}

/// Whether every source is a company ("Turkish companies", "US firms") or refugees and
/// migrants ("Syrian refugees arrived in Germany"): no political actor of its state.
fn companies(source: &[ActorRef]) -> bool {
    !source.is_empty()
        && source.iter().all(|s| {
            s.sector
                .as_ref()
                .is_some_and(|x| matches!(x.as_str(), "BUS" | "MNC" | "REF"))
        })
}

/// The actors of a group, each party once.
fn actors_of(a: &Analysis<'_>, group: usize) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for actor in a.actors(group) {
        if !out.iter().any(|o| o.party_key() == actor.party_key()) {
            out.push(actor);
        }
    }
    out
}

/// "sanctions", "attacks", "supplies" are verbs only after their subject: a third-person
/// form with no actor right before it (an adverb may stand between) is the plural noun
/// ("to avoid additional sanctions").
fn third_person_without_subject(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    pattern: &str,
    subject: Option<Found>,
) -> bool {
    let word = a.word(m.start);
    let lemmas = pattern.split_whitespace().next().unwrap_or_default();
    let third = word.ends_with('s') && !lemmas.split('/').any(|l| l == word) && !m.participle;
    third && subject.is_none_or(|f| a.groups[f.group].end + 2 < m.start)
}
