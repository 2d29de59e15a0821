//! Choosing among overlapping trigger matches: the longest match wins ("imposed sanctions
//! on" over "sanctions on"), a match on an actor's own words is dropped ("the Defense
//! Ministry"), and a rule that introduces another act ("threaten to", "refuse to", "agree
//! to") absorbs the act it introduces: "threatened to shell Juba" is one THREATEN, not an
//! ASSAULT as well.

use entente_lexicon::triggers::{PartOfSpeech, TriggerLexicon, TriggerMatch};
use entente_model::EventType;

use crate::sentence::Analysis;
use crate::words;

/// A match and whether it was kept, with the reason when not.
#[derive(Debug, Clone)]
pub struct Choice {
    pub m: TriggerMatch,
    pub kept: bool,
    pub why: &'static str,
}

/// Words that end a rule which introduces another act.
fn introduces(pattern: &str) -> bool {
    matches!(pattern.rsplit(' ').next(), Some("to" | "that")) && !pattern.contains('{')
}

pub fn choose(
    a: &Analysis<'_>,
    lexicon: &TriggerLexicon,
    matches: Vec<TriggerMatch>,
) -> Vec<Choice> {
    let mut order: Vec<usize> = (0..matches.len()).collect();
    // Longest first; among equals, the earliest, then the first rule: deterministic.
    // A verb rule whose word stands as a noun here ("its demand that") yields to a noun
    // rule over the same words.
    order.sort_by_key(|&i| {
        let m = &matches[i];
        let as_noun = lexicon.rule(m.rule).pos == PartOfSpeech::Verb
            && crate::roles::verb_used_as_noun(a, m.start, m.participle);
        (std::cmp::Reverse(m.end - m.start), m.start, as_noun, m.rule)
    });
    let mut choices: Vec<Choice> = matches
        .iter()
        .map(|&m| Choice {
            m,
            kept: false,
            why: "",
        })
        .collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for i in order {
        let m = matches[i];
        if a.overlaps_actor(m.start, m.start + 1) {
            choices[i].why = "the word is part of an actor's name";
        } else if month_name(a, m.start) {
            choices[i].why = "a capitalized month (\"March\", \"May\"), not a verb";
        } else if taken.iter().any(|&(s, e)| m.start < e && s < m.end) {
            choices[i].why = "overlaps a longer match";
        } else {
            choices[i].kept = true;
            taken.push((m.start, m.end));
        }
    }
    // Absorption, in sentence order so a chain ("agreed to refuse to ...") keeps the first.
    let mut absorbed_until = 0;
    let mut protests: Vec<usize> = Vec::new();
    // Where the object of the last verb of judgment ends: "rejected North Korea's demand",
    // "welcomed the proposal", "accepted the invitation to attend": the demand, proposal or
    // invitation is what is judged, not an event of its own.
    let mut judged_until = 0;
    let mut judged_from = 0;
    for c in choices.iter_mut() {
        if !c.kept {
            continue;
        }
        if c.m.start < absorbed_until {
            c.kept = false;
            c.why = "introduced by a preceding \"... to\" or \"... that\" trigger";
            continue;
        }
        let rule = lexicon.rule(c.m.rule);
        // A participle counts only as an adjective of the object ("reject proposed
        // changes"), not as a coordinated verb ("praised the treaty and pledged").
        // A participle with its own agent is an act of its own, past and done: "signed a
        // deal brokered by the United States" (the United States mediated).
        let own_agent = c.m.end < a.len() && a.word(c.m.end) == "by";
        let adjective = c.m.participle
            && c.m.start > 0
            && !own_agent
            && (c.m.start == judged_from || words::is_determiner(a.g, a.word(c.m.start - 1)));
        // "condemned Russia's invasion of Ukraine", "refused to condemn the attack": an act
        // named as what is judged is known news, not a new event of the article's day (a
        // war condemned in a hundred articles is one war).
        let proposal = rule.pos == PartOfSpeech::Noun
            || adjective
                && matches!(
                    rule.event,
                    EventType::Request
                        | EventType::Agree
                        | EventType::Consult
                        | EventType::Threaten
                );
        if proposal && c.m.start < judged_until {
            c.kept = false;
            c.why = "the act, demand, offer or plan that a verb of judgment is about";
            // What it asks for is still no event of its own ("rejected a call for its
            // forces to be deployed").
            if rule.event == EventType::Request {
                if let Some(end) = requested_act(a, c.m.end) {
                    absorbed_until = absorbed_until.max(end);
                }
            }
            continue;
        }
        let judges = rule.pos == PartOfSpeech::Verb
            && matches!(
                rule.event,
                EventType::Reject | EventType::Concede | EventType::Support | EventType::Accuse
            );
        if judges {
            judged_from = c.m.end;
            judged_until = (c.m.end..(c.m.end + 6).min(a.len()))
                .find(|&i| words::is_object_break(a.g, a.word(i)) || a.word(i) == "and")
                .unwrap_or((c.m.end + 6).min(a.len()));
        }
        if rule.event == EventType::Request && demand_of_protest(a, &protests, c.m.start) {
            c.kept = false;
            c.why = "the demand a protest is staged for is part of the protest";
            continue;
        }
        if rule.event == EventType::Protest {
            protests.push(c.m.end);
        }
        if introduces(&rule.pattern) {
            absorbed_until = c.m.end + 3;
        } else if rule.event == EventType::Request {
            if let Some(end) = requested_act(a, c.m.end) {
                absorbed_until = absorbed_until.max(end);
            }
        }
    }
    choices
}

/// Whether token `i` is a month or day written capitalized inside the sentence: "until 21
/// March", "in March 2003" are dates, not marches.
fn month_name(a: &Analysis<'_>, i: usize) -> bool {
    i > 0
        && a.g.is(entente_lexicon::WordClass::Calendar, a.word(i))
        && a.text_of(i, i + 1).starts_with(|c: char| c.is_uppercase())
}

/// Whether a request at `start` says what a protest ending at one of `protests` is for:
/// "staged demonstrations to demand reforms", "demonstrated calling for independence".
/// Such a demand is the protest's purpose, not a second event.
fn demand_of_protest(a: &Analysis<'_>, protests: &[usize], start: usize) -> bool {
    let purpose = start > 0 && a.word(start - 1) == "to" || a.word(start).ends_with("ing");
    purpose
        && protests.iter().any(|&end| {
            end <= start
                && start - end <= 12
                && !(end..start).any(|i| words::is_hard_break(a.g, a.word(i)))
        })
}

/// How far the act a request asks for reaches: "urged North Korea to halt its tests",
/// "demanded that Serbian forces withdraw", "called on Arabs to unite and mobilize". The
/// asked-for act has not happened, so no trigger inside it is an event of its own. The
/// complement opens with "to" or "that" within a few words of the request (past the
/// addressee) and runs to the end of the clause.
fn requested_act(a: &Analysis<'_>, from: usize) -> Option<usize> {
    let lo = from.saturating_sub(1);
    let open = (lo..(from + 6).min(a.len()))
        .take_while(|&i| i < from || !words::is_hard_break(a.g, a.word(i)) && a.word(i) != ",")
        .find(|&i| matches!(a.word(i), "to" | "that"))?;
    let close = (open + 1..a.len())
        .find(|&i| a.word(i) != "that" && words::is_object_break(a.g, a.word(i)))
        .unwrap_or(a.len());
    Some(close)
}
