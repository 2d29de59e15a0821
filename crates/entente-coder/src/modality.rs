//! Modality: whether the text asserts an event, reports someone's claim of it, or only
//! entertains it. Cues come from `events/modality.txt`; the scope rules are here:
//!
//! - a cue with a reach of `k` tokens colours a trigger that starts at most `k` tokens
//!   after the cue ends, with no clause break (`;`, `:`, a dash, a bracket) between;
//! - a cue with reach `sentence` colours every event of its sentence;
//! - in commentary and analysis every speculative or hypothetical cue reaches the whole
//!   sentence, so a forecast is never coded as a fact;
//! - the strongest cue wins: negated, hypothetical, speculative, planned, reported;
//! - a condition after a threat ("threatened to strike if ...") does not make the threat
//!   hypothetical: it is what is threatened;
//! - for `reported`, who says so is the actor right before the cue ("Poland said"), else
//!   the words before it ("the ministry said"), else the actor right after it ("according
//!   to the UN").

use entente_lexicon::triggers::{CueMatch, Reach, TriggerLexicon};
use entente_model::Modality;

use crate::roles::clause;
use crate::sentence::Analysis;
use crate::words;

/// The modality chosen for one trigger, with the cues that decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub modality: Modality,
    /// `phrase (file:line)` of every cue that applied.
    pub cues: Vec<String>,
    pub attributed_to: Option<String>,
    /// A future applied ("will", "plans to", or "would" after a reporting verb).
    pub future: bool,
    /// A reporting cue applied.
    pub reported: bool,
}

fn strength(m: Modality) -> u8 {
    match m {
        Modality::Negated => 5,
        Modality::Hypothetical => 4,
        Modality::Speculative => 3,
        Modality::Planned => 2,
        Modality::Reported => 1,
        Modality::Asserted => 0,
    }
}

/// Decides the modality of the trigger spanning tokens `start..end`.
pub fn decide(
    a: &Analysis<'_>,
    lexicon: &TriggerLexicon,
    cues: &[CueMatch],
    start: usize,
    end: usize,
    strict: bool,
    threat: bool,
) -> Decision {
    let mut best = Modality::Asserted;
    let mut applied = Vec::new();
    let mut reporter: Option<CueMatch> = None;
    let mut future = false;
    for c in cues {
        if c.start < end && start < c.end {
            continue; // the cue is part of the trigger itself ("refuse to")
        }
        let cue = lexicon.cue(c.cue);
        // "threatened to strike if NATO intervenes": the condition after a threat is part
        // of what is threatened; the threat itself is made.
        if threat && c.start >= end && cue.modality == Modality::Hypothetical {
            continue;
        }
        // "said it would allow": "would" after a reporting verb is the future seen from
        // the past, a plan rather than a hypothesis.
        let modality = if cue.phrase == "would"
            && cues
                .iter()
                .any(|r| r.end <= c.start && lexicon.cue(r.cue).modality == Modality::Reported)
        {
            Modality::Planned
        } else {
            cue.modality
        };
        // In commentary a forecast reaches all that follows it: "Pyongyang may anticipate
        // Russian assistance" is speculative, the agreement named before "suggests" is not.
        let forecast = strict && matches!(modality, Modality::Speculative | Modality::Hypothetical);
        let applies = match cue.reach {
            Reach::Sentence => true,
            _ if forecast => c.end <= start,
            Reach::After => c.end <= start || postposed(a, c, end),
            Reach::Tokens(k) => {
                c.end <= start
                    && start - c.end <= k as usize
                    && !(c.end..start).any(|i| words::is_hard_break(a.g, a.word(i)))
            }
        };
        if !applies || modality == Modality::Reported && reporter_acts(a, c, start) {
            continue;
        }
        applied.push(format!("{} ({})", cue.phrase, cue.origin));
        if modality == Modality::Reported && reporter.is_none() {
            reporter = Some(*c);
        }
        future |= modality == Modality::Planned;
        if strength(modality) > strength(best) {
            best = modality;
        }
    }
    let attributed_to = reporter.and_then(|c| attribution(a, c));
    Decision {
        modality: best,
        cues: applied,
        attributed_to,
        future,
        reported: reporter.is_some(),
    }
}

/// Whether a cue after a trigger ending at `trigger_end` reports it from behind ("Russia
/// attacked Ukraine, Polish officials said", "..., said the ministry"): a comma stands between
/// the trigger and the cue, and only the reporter's words (no verb, no other clause) between
/// the comma and the cue. A clause of its own is no report from behind: not after "and"
/// (", and the prime minister said troops would cross"), nor with a complement after the cue
/// ("..., said it would adopt the sanctions").
fn postposed(a: &Analysis<'_>, c: &CueMatch, trigger_end: usize) -> bool {
    let Some(comma) = (trigger_end..c.start).rev().find(|&i| a.word(i) == ",") else {
        return false;
    };
    let coordinated = comma + 1 < c.start && words::is_connector(a.g, a.word(comma + 1))
        || matches!(
            a.word(comma + 1),
            "but" | "while" | "though" | "although" | "as"
        );
    let complement = (c.end..(c.end + 6).min(a.len()))
        .take_while(|&i| !matches!(a.word(i), "," | "." | ";"))
        .any(|i| a.is_verb(i) || a.word(i) == "that" || words::is_subject_pronoun(a.g, a.word(i)));
    !coordinated
        && !complement
        && c.start - comma <= 7
        && (comma + 1..c.start)
            .all(|i| !a.is_verb(i) && !words::is_hard_break(a.g, a.word(i)) && a.word(i) != "that")
}

/// Whether the trigger at `start` is the reporter's own act, not part of what it reports: a
/// participle clause after a comma whose subject is the reporter ("..., Biden said, accusing
/// the Taliban of", "Mali announced that it was leaving the bloc, accusing it of"). The
/// accusation is made, and so asserted; what it accuses is reported.
fn reporter_acts(a: &Analysis<'_>, c: &CueMatch, start: usize) -> bool {
    let participle = start > 0 && a.word(start - 1) == "," && a.word(start).ends_with("ing");
    if !participle || c.end >= start {
        return false;
    }
    if c.end + 1 == start {
        return true;
    }
    // The participle shares the subject of the clause it follows; it is the reporter's act
    // when that subject is the reporter ("Russia said Ukrainian drones struck a depot,
    // wounding two soldiers" reports the wounding too).
    let participle_subject = clause::subject(a, start, &[]).map(|f| f.group);
    let reporter = clause::subject(a, c.start, &[]).map(|f| f.group);
    participle_subject.is_some() && participle_subject == reporter
}

/// Who says so, for a reporting cue.
fn attribution(a: &Analysis<'_>, c: CueMatch) -> Option<String> {
    let names = |g: usize| {
        let mut names: Vec<String> = a.actors(g).into_iter().map(|r| r.name).collect();
        names.dedup();
        names.join(" and ")
    };
    // ", according to South Korean officials", ", said the ministry": a cue after a comma
    // names its reporter after it; the actor before the comma belongs to the reported act.
    let after_comma = c.start > 0 && a.word(c.start - 1) == ",";
    if after_comma {
        if let Some(g) = (c.end..(c.end + 3).min(a.len())).find_map(|i| a.group_at(i)) {
            return Some(names(g));
        }
    }
    // "Xi praised the summit and said ...": the reporting verb's own subject.
    if let Some(f) = clause::subject(a, c.start, &[]) {
        let between_ok =
            (a.groups[f.group].end..c.start).all(|i| !words::is_hard_break(a.g, a.word(i)));
        if between_ok {
            return Some(names(f.group));
        }
    }
    // "officials said", "Western officials have said": the noun phrase before the cue,
    // past auxiliaries and adverbs, never a fragment ending in one.
    let mut end = c.start;
    while end > 0 && (words::is_auxiliary(a.g, a.word(end - 1)) || a.word(end - 1).ends_with("ly"))
    {
        end -= 1;
    }
    let mut from = end;
    while from > 0 && end - from < 4 {
        let w = a.word(from - 1);
        if words::is_object_break(a.g, w)
            || w == ","
            || words::is_preposition(a.g, w)
            || words::is_auxiliary(a.g, w)
            || a.is_verb(from - 1)
        {
            break;
        }
        from -= 1;
    }
    while from < end && words::is_determiner(a.g, a.word(from)) {
        from += 1;
    }
    if from < end && !words::is_determiner(a.g, a.word(end - 1)) {
        return Some(a.text_of(from, end).to_string());
    }
    // "according to the UN", "said the ministry".
    let right = (c.end..(c.end + 3).min(a.len())).find_map(|i| a.group_at(i));
    right.map(names)
}
