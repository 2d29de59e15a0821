//! Who did it to whom: the source and target of one trigger, read from the sentence's
//! structure, not from the order of its actors.
//!
//! The decision runs in three steps, each in its own place:
//!
//! 1. the voice picks where each role is looked for: [`active`] (subject acts on the object
//!    or prepositional recipient), [`passive`] (the subject undergoes, "by X" acts), [`noun`]
//!    (a nominalization's possessive or modifiers act);
//! 2. the rule's frame adjusts them: [`frames`] (`tgt<src`, `src`, `says>subject`,
//!    "between X and Y", a threat's condition);
//!    Structural questions (subjects, objects, clauses) are [`clause`]'s; targets the words
//!    name again rather than by name ("accusing it of", "a charge Doha rejected") are
//!    [`anaphor`]'s;
//! 3. [`parties`] turns the groups into actors and applies the guards that keep impossible
//!    events out (the same state on both sides, a verb used as a noun, a missing party).
//!
//! The structural questions themselves ("where is the subject of the word at i?") are in
//! [`clause`].

mod active;
mod anaphor;
pub(crate) mod clause;
mod frames;
mod noun;
mod parties;
mod passive;

use entente_lexicon::triggers::{PartOfSpeech, TriggerMatch, TriggerRule};
use entente_lexicon::WordClass;
use entente_model::{ActorRef, EventType};

use crate::sentence::Analysis;
use crate::words;
use clause::{Found, Spans};

/// Everything the role decision looks at for one trigger.
pub(crate) struct Input<'x, 'd> {
    pub a: &'x Analysis<'d>,
    pub m: &'x TriggerMatch,
    pub rule: &'x TriggerRule,
    /// Token spans of the sentence's reporting cues.
    pub reporting: Spans<'x>,
    /// The trigger ends in an infinitive "to" whose verb is hostile ("sent troops to fight").
    pub purpose: bool,
    /// Where the next verb trigger starts, when the object search must end there.
    pub stop: Option<usize>,
}

/// The roles worked out for one trigger, and whether the event stands.
#[derive(Debug, Clone)]
pub(crate) struct Roles {
    pub source: Vec<ActorRef>,
    pub source_why: String,
    pub target: Vec<ActorRef>,
    pub target_why: String,
    pub confidence: f32,
    /// Both sides are one state acting through different kinds of actor.
    pub domestic: bool,
    /// "India and Pakistan accused each other": every source acts on the others, one event
    /// per direction.
    pub reciprocal: bool,
    /// Every source is a person or a political body (a leader, a minister, a party, MPs),
    /// none a state, an army or an armed group: their "attack" is made in words.
    pub speakers: bool,
    /// The target is named by a place: a state's or a capital's name ("seized Damascus").
    pub place_target: bool,
    pub verdict: Result<(), String>,
}

/// How the trigger relates to its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    Active,
    Passive,
    Noun,
}

/// Groups picked for the two roles, before the frame and the guards.
#[derive(Debug, Clone, Copy)]
struct Pick {
    source: Option<Found>,
    target: Option<Found>,
    /// The subject the search found, whatever the voice made of it.
    subject: Option<Found>,
    /// Both sides of "between X and Y" act jointly.
    mutual: bool,
    confidence: f32,
}

pub(crate) fn work_out(input: &Input<'_, '_>) -> Roles {
    let voice = voice(input);
    let mut pick = match voice {
        Voice::Active => active::pick(input),
        Voice::Passive => passive::pick(input),
        Voice::Noun => noun::pick(input),
    };
    frames::apply(input, voice, &mut pick);
    parties::finish(input, voice, pick)
}

fn voice(input: &Input<'_, '_>) -> Voice {
    let (a, m, rule) = (input.a, input.m, input.rule);
    if rule.pos == PartOfSpeech::Noun {
        return Voice::Noun;
    }
    // "Serb forces were engaged in ethnic cleansing", "Vietnam is committed to": a
    // participle with the rule's own preposition after it and no "by X" is a state of the
    // subject, which acts.
    let stative = rule
        .pattern
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w != "by" && words::is_preposition(a.g, w))
        && clause::by_agent(a, m.end).is_none();
    // "Blair and Brown criticised by MPs": a headline's passive, with no auxiliary, names
    // its agent right after the participle ("rejected calls by Belarus" is active: the
    // agent belongs to the object).
    let headline = m.end == m.start + 1
        && m.end < a.len()
        && a.word(m.end) == "by"
        && clause::by_agent(a, m.end).is_some();
    if m.participle
        && !stative
        && (clause::is_passive(a, m.start) || reduced_relative(a, m) || headline)
    {
        Voice::Passive
    } else {
        Voice::Active
    }
}

/// "under a deal struck with Canada", "in a referendum boycotted by the opposition": a past
/// participle right after a noun phrase that a preposition or a verb governs is a passive
/// relative clause with its auxiliary left out (a subject's noun phrase is followed by its
/// own verb instead: "The Treasury Department sanctioned").
fn reduced_relative(a: &crate::sentence::Analysis<'_>, m: &TriggerMatch) -> bool {
    let word = a.word(m.start);
    if m.start < 3 || !(word.ends_with("ed") || word.ends_with("en") || word.ends_with("ck")) {
        return false;
    }
    let plain = |i: usize| {
        let w = a.word(i);
        w.chars().all(|c| c.is_ascii_lowercase())
            && !a.is_verb(i)
            && !w.ends_with("ly")
            && !words::is_auxiliary(a.g, w)
            && !words::is_subject_pronoun(a.g, w)
            && !words::is_connector(a.g, w)
            && !words::is_preposition(a.g, w)
            && !words::is_determiner(a.g, w)
            && !words::is_object_break(a.g, w)
            && a.group_at(i).is_none()
    };
    // The determiner opens the phrase: "a deal", "a new deal".
    let det = (m.start.saturating_sub(3)..m.start - 1)
        .rev()
        .find(|&i| matches!(a.word(i), "a" | "an" | "the"));
    let Some(det) = det else {
        return false;
    };
    let governed = det > 0 && (words::is_preposition(a.g, a.word(det - 1)) || a.is_verb(det - 1));
    governed && (det + 1..m.start).all(plain)
}

/// The prepositions whose actor the target search passes over for this rule: a hostile act
/// skips the allies it is done for or beside ("fought alongside Russian troops against
/// Ukraine" targets Ukraine), a friendly one the opponents it is done against ("defended
/// Iraq against Western criticism"), unless the rule's own words hold that preposition.
fn skipped_prepositions(input: &Input<'_, '_>) -> Option<WordClass> {
    let g = input.a.g;
    let own = |c: WordClass| input.rule.pattern.split_whitespace().any(|w| g.is(c, w));
    match input.rule.event {
        EventType::Assault | EventType::Coerce | EventType::Threaten
            if !own(WordClass::AllyPreposition) =>
        {
            Some(WordClass::AllyPreposition)
        }
        EventType::Support
        | EventType::Agree
        | EventType::Aid
        | EventType::Cooperate
        | EventType::Consult
            if !own(WordClass::OpponentPreposition) =>
        {
            Some(WordClass::OpponentPreposition)
        }
        _ => None,
    }
}

/// Whether a verb rule matched a word used as a noun or adjective (re-exported for the
/// trigger choice).
pub(crate) use clause::verb_used_as_noun;
