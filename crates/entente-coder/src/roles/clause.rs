//! The structure around a trigger that roles are read from: subjects stand left of the
//! trigger and are not governed by a preposition; objects and prepositional recipients stand
//! right of it, before the next clause break; a passive has its agent after "by"; a noun
//! trigger takes its possessive or the actors right before it. Each function answers one
//! question about one position; `roles` combines them per voice and frame.

use entente_lexicon::WordClass;

use crate::sentence::Analysis;
use crate::words;

/// A group found for a role, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) group: usize,
    pub(crate) why: &'static str,
}

/// Token spans of reporting cues ("said", "according to"): a subject search does not cross
/// them, since the reporter is not the agent of what is reported.
pub(crate) type Spans<'a> = &'a [(usize, usize)];

/// The subject of a trigger starting at token `from`.
pub(crate) fn subject(a: &Analysis<'_>, from: usize, reporting: Spans<'_>) -> Option<Found> {
    if let Some(found) = participle_clause_subject(a, from, reporting) {
        return Some(found);
    }
    if let Some(found) = coordinated_verb_subject(a, from, reporting) {
        return Some(found);
    }
    let found = nearest_subject(a, from, reporting);
    // "More than 20 countries, including the United States, Germany and France, expelled":
    // when the subject is no actor, the actors it is said to include act.
    found.or_else(|| included_subject(a, from))
}

/// ", killing 12 civilians", ", accusing the bloc of": a participle clause after a comma
/// shares the subject of the main clause, the first actor of the sentence that no
/// preposition governs.
fn participle_clause_subject(a: &Analysis<'_>, from: usize, reporting: Spans<'_>) -> Option<Found> {
    let opens = from > 0 && a.word(from - 1) == "," && a.word(from).ends_with("ing");
    if !opens {
        return None;
    }
    // "..., UNIFIL said, calling it a violation": right after a report, the participle is
    // the reporter's.
    if let Some(&(cs, _)) = reporting.iter().find(|&&(_, e)| e + 1 == from) {
        if let Some(group) = left_group(a, cs, 3) {
            return Some(Found {
                group,
                why: "a participle clause right after a report: the reporter",
            });
        }
    }
    // "The US said Israel struck Gaza, killing 12": the participle belongs to the clause it
    // follows, and shares the subject of that clause's verb.
    let verb = (0..from - 1)
        .rev()
        .take_while(|&j| !words::is_hard_break(a.g, a.word(j)))
        .find(|&j| {
            a.is_verb(j)
                && a.group_at(j).is_none()
                && !a.word(j).ends_with("ing")
                && !words::is_auxiliary(a.g, a.word(j))
                && !verb_used_as_noun(a, j, a.word(j).ends_with("ed"))
        });
    if let Some(found) = verb.and_then(|j| nearest_subject(a, j, reporting)) {
        return Some(Found {
            group: found.group,
            why: "a participle clause after a comma: the subject of the clause it follows",
        });
    }
    (0..a.groups.len())
        .take_while(|&g| a.groups[g].end <= from)
        .find(|&g| a.after_preposition(g).is_none() && !a.groups[g].possessive)
        .map(|group| Found {
            group,
            why: "a participle clause after a comma: the subject of the main clause",
        })
}

/// "The military detained Aung San Suu Kyi and other leaders of her party in raids and
/// declared a state of emergency": a verb right after "and" (an adverb may stand between)
/// with no subject of its own shares the subject of the verb before it in the clause, however
/// many actors that verb's object and obliques name.
fn coordinated_verb_subject(a: &Analysis<'_>, from: usize, reporting: Spans<'_>) -> Option<Found> {
    let mut i = from;
    let mut auxiliary = false;
    while i > 0
        && a.group_at(i - 1).is_none()
        && (a.word(i - 1).ends_with("ly") || words::is_auxiliary(a.g, a.word(i - 1)))
    {
        auxiliary |= words::is_auxiliary(a.g, a.word(i - 1));
        i -= 1;
    }
    if i == 0 || !matches!(a.word(i - 1), "and" | "then") || a.word(from).ends_with("ing") {
        return None;
    }
    let and = i - 1;
    let earlier = (0..and)
        .rev()
        .take_while(|&j| !words::is_hard_break(a.g, a.word(j)))
        .find(|&j| {
            a.is_verb(j)
                && a.group_at(j).is_none()
                && !words::is_auxiliary(a.g, a.word(j))
                && !verb_used_as_noun(a, j, a.word(j).ends_with("ed"))
        })?;
    // Only a finite verb of the same form is coordinated with the trigger: "detained ... and
    // declared", "attacks ... and seizes"; "the talks and declared" has no verb before "and".
    let same_form = |w: &str| {
        let past = |w: &str| w.ends_with("ed");
        past(w) == past(a.word(from))
    };
    // ("and will resign", "and has withdrawn": an auxiliary makes the form its own.)
    if !auxiliary && !same_form(a.word(earlier)) || a.word(earlier).ends_with("ing") {
        return None;
    }
    nearest_subject(a, earlier, reporting).map(|f| Found {
        group: f.group,
        why: "a verb coordinated with the one before: that verb's subject",
    })
}

/// "More than 20 countries, including the United States, Germany and France, expelled": the
/// group after "including" right before the verb, when nothing else is the subject.
fn included_subject(a: &Analysis<'_>, from: usize) -> Option<Found> {
    let g = left_group(a, from, 3)?;
    let between_ok = (a.groups[g].end..from).all(|i| a.word(i) == ",");
    (between_ok && a.after_preposition(g) == Some("including")).then_some(Found {
        group: g,
        why: "the actors the subject is said to include",
    })
}

fn nearest_subject(a: &Analysis<'_>, from: usize, reporting: Spans<'_>) -> Option<Found> {
    let skipped = relative_clauses(a, from);
    let mut i = from;
    while i > 0 {
        i -= 1;
        if let Some(&(s, _)) = skipped.iter().find(|&&(s, e)| s <= i && i <= e) {
            i = s;
            continue;
        }
        let w = a.word(i);
        if words::is_hard_break(a.g, w) {
            return None;
        }
        if let Some(&(cs, ce)) = reporting.iter().find(|&&(s, e)| s <= i && i < e) {
            // "Russia said it would ...": the pronoun points back to the reporter.
            let pronoun = (ce..from).any(|j| words::is_subject_pronoun(a.g, a.word(j)));
            return if pronoun {
                left_group(a, cs, 4).map(|group| Found {
                    group,
                    why: "the reporter, named again by a pronoun",
                })
            } else {
                None
            };
        }
        if matches!(w, "that" | "whether") && (i == 0 || a.group_at(i - 1).is_none()) {
            let pronoun = (i + 1..from).any(|j| words::is_subject_pronoun(a.g, a.word(j)));
            if !pronoun {
                return None;
            }
            continue;
        }
        if words::is_subject_pronoun(a.g, w) && a.group_at(i).is_none() {
            // "King Hassan of Morocco ... said he would": the pronoun's antecedent. (A
            // pronoun that opens the sentence may itself be the previous sentence's subject.)
            let nearest = left_group(a, i, i);
            // "Blair told Brown he would step down": after the one told, the pronoun names
            // the teller.
            // When the teller is no actor ("the prime minister told Mr Brown he would"), the
            // pronoun still names the teller, not the one told: no actor.
            let told_report = nearest.and_then(|g| {
                reporting
                    .iter()
                    .find(|&&(_, e)| e == a.groups[g].start)
                    .map(|&(cs, _)| cs)
            });
            if let Some(cs) = told_report {
                return left_group(a, cs, 4).map(|group| Found {
                    group,
                    why: "a pronoun after the one told: the teller",
                });
            }
            // "prompted a Labour donor to say he will refuse": a pronoun after a report names
            // its reporter; when the reporter is no actor, no actor farther back stands in.
            if let Some(g) = nearest {
                let report = reporting
                    .iter()
                    .find(|&&(s, e)| s >= a.groups[g].end && e <= i && e != a.groups[g].start);
                if let Some(&(cs, _)) = report {
                    return left_group(a, cs, 2)
                        .filter(|&r| a.groups[r].end + 2 >= cs)
                        .map(|group| Found {
                            group,
                            why: "a pronoun after a report: the reporter",
                        });
                }
            }
            return nearest.map(|group| Found {
                group,
                why: "a pronoun subject: the nearest actor before it",
            });
        }
        // ("that" opens complements as often as relative clauses: it is not read so.)
        if words::is_relative(a.g, w) && w != "that" {
            // "Iran supplied drones to Russia, which used them to strike Kyiv": the relative
            // pronoun stands for the actor right before it; if no actor stands there, the
            // clause's subject is no actor ("drones, which struck").
            let before = if i > 0 && a.word(i - 1) == "," {
                i - 1
            } else {
                i
            };
            return (before > 0)
                .then(|| a.group_at(before - 1))
                .flatten()
                .map(|group| Found {
                    group,
                    why: "a relative clause: the actor its pronoun stands for",
                });
        }
        if let Some(g) = a.group_at(i) {
            // "Gordon Brown's closest ally has denied": the one related to the actor is the
            // subject, and no actor.
            if related_person(a, g, from) {
                return None;
            }
            // "with Pyongyang supplying munitions": an absolute clause's own subject. Only a
            // participle makes one: in "the treaty with North Korea allowed" the finite verb's
            // subject is the treaty, no actor.
            let absolute = a.groups[g].end == from
                && a.word(from).ends_with("ing")
                && matches!(a.after_preposition(g), Some("with" | "without"));
            if absolute || a.after_preposition(g).is_none() && !object_passed_over(a, g, from) {
                return Some(Found {
                    group: g,
                    why: "subject: the nearest actor before the trigger not governed by a preposition",
                });
            }
            i = a.groups[g].start;
        }
    }
    None
}

/// Whether a possessive group heads a person known by their relation to it, before the
/// trigger at `from`: "Brown's closest ally", "Khan's lawyers" (one modifier may stand
/// between).
fn related_person(a: &Analysis<'_>, g: usize, from: usize) -> bool {
    let group = &a.groups[g];
    if !group.possessive {
        return false;
    }
    // The possessive clitic may be its own token.
    let mut i = group.end;
    if i < from && words::is_possessive_clitic(a.g, a.word(i)) {
        i += 1;
    }
    (i..(i + 2).min(from)).any(|j| words::is_relation_noun(a.g, a.word(j)))
}

/// Whether group `g`, found on the way left from a trigger at `from`, is the object of an
/// earlier verb that the trigger's own subject also governs: "met his US counterpart to press
/// his plan" (a purpose infinitive), "struck Gaza, killing 12" (a participle clause),
/// "attacked Ukraine and seized its ports" (a coordinated verb). Then the search goes on
/// past it to that verb's subject. A control verb's object is the infinitive's subject
/// ("urged Iran to halt"), and an actor right before the trigger is its subject ("said
/// Russia attacked").
fn object_passed_over(a: &Analysis<'_>, g: usize, from: usize) -> bool {
    let group = &a.groups[g];
    if group.end >= from || group.possessive {
        return false;
    }
    let gap: Vec<&str> = (group.end..from).map(|i| a.word(i)).collect();
    // "said China would continue to support": a verb of its own after the actor makes it
    // that verb's subject.
    if (group.end..from).any(|i| {
        a.is_verb(i) && !verb_used_as_noun(a, i, false) || words::is_auxiliary(a.g, a.word(i))
    }) {
        return false;
    }
    let infinitive = gap.last() == Some(&"to")
        || gap.len() >= 2 && gap[gap.len() - 2] == "to" && gap[gap.len() - 1].ends_with("ly");
    let coordinated = gap
        .iter()
        .any(|w| matches!(*w, "and" | "or" | "then" | ","));
    if !infinitive && !coordinated {
        return false;
    }
    let Some(verb) = verb_before(a, group.start) else {
        return false;
    };
    !(infinitive && words::is_control_verb(a.g, a.word(verb)))
}

/// The verb an actor starting at `start` is the object of: a verb right before it, or
/// before its determiner, possessive pronoun or one modifier ("met his US counterpart",
/// "struck the Syrian army").
fn verb_before(a: &Analysis<'_>, start: usize) -> Option<usize> {
    let mut i = start;
    let mut modifiers = 0;
    while i > 0 {
        i -= 1;
        let w = a.word(i);
        if a.is_verb(i) {
            return (!verb_used_as_noun(a, i, false)).then_some(i);
        }
        if words::is_determiner(a.g, w) || words::is_possessive_pronoun(a.g, w) {
            continue;
        }
        if modifiers == 0 && w.chars().all(|c| c.is_alphabetic() || c == '-') {
            modifiers += 1;
            continue;
        }
        return None;
    }
    None
}

/// The nearest group ending within `reach` tokens before token `at`.
pub(crate) fn left_group(a: &Analysis<'_>, at: usize, reach: usize) -> Option<usize> {
    let lo = at.saturating_sub(reach);
    (lo..at).rev().find_map(|i| a.group_at(i))
}

/// The object or prepositional recipient after token `from` (the end of the trigger).
/// `skip_by` passes over a passive agent ("by X"); `skip` passes over an actor after the
/// prepositions it names: a hostile act skips the allies it is done for or beside ("fight
/// for Russia against Ukraine": Ukraine is the target), a friendly one the opponents it is
/// done against ("defended Iraq against Western criticism").
/// The search starts right after the trigger's head, so an object inside the matched
/// words counts ("gave Yemen $500 million in aid"); clause breaks count only after
/// `match_end`. `stop` is where the next verb starts: its object is its own ("denied
/// sending weapons to Moscow" does not deny Moscow anything).
pub(crate) fn object(
    a: &Analysis<'_>,
    from: usize,
    match_end: usize,
    skip_by: bool,
    skip: Option<WordClass>,
    reporting: Spans<'_>,
    stop: Option<usize>,
) -> Option<Found> {
    let limit = (match_end + 12)
        .min(a.len())
        .min(stop.unwrap_or(usize::MAX));
    let mut i = from;
    while i < limit {
        if let Some(g) = a.group_at(i) {
            let preposition = a.after_preposition(g);
            let skipped = skip.is_some_and(|c| preposition.is_some_and(|p| a.g.is(c, p)));
            if skipped || skip_by && preposition == Some("by") {
                i = a.groups[g].end;
                continue;
            }
            return Some(Found {
                group: g,
                why: "object: the first actor after the trigger within its clause",
            });
        }
        let w = a.word(i);
        // "demanded that the United States ...": the addressee is the complement's subject.
        let complement = w == "that" && i <= match_end + 1;
        if (i > match_end && words::is_object_break(a.g, w) && !complement)
            || words::is_hard_break(a.g, w)
        {
            return None;
        }
        if reporting.iter().any(|&(s, _)| s == i) {
            return None;
        }
        // "agreed to a ceasefire brokered by the United States": the actor after a
        // participle's "by" is its agent, not the object of the verb before.
        if i >= match_end
            && !skip_by
            && (w.ends_with("ed") || w.ends_with("en"))
            && i + 1 < a.len()
            && a.word(i + 1) == "by"
        {
            return None;
        }
        i += 1;
    }
    None
}

/// The agent of a passive or of a noun: "by X" within a few tokens after `from`.
pub(crate) fn by_agent(a: &Analysis<'_>, from: usize) -> Option<Found> {
    let limit = (from + 8).min(a.len());
    for i in from..limit {
        let w = a.word(i);
        if words::is_hard_break(a.g, w) || w == "," {
            return None;
        }
        if w == "by" {
            let mut j = i + 1;
            while j < a.len() && words::is_determiner(a.g, a.word(j)) {
                j += 1;
            }
            // "by the war crimes court": modifiers may stand before an agent noun.
            let mut modifiers = 0;
            while j < a.len()
                && modifiers < 2
                && a.group_at(j).is_none()
                && a.word(j)
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
                && !a.is_verb(j)
                && !words::is_preposition(a.g, a.word(j))
                && !words::is_connector(a.g, a.word(j))
            {
                j += 1;
                modifiers += 1;
            }
            return a.group_at(j).map(|group| Found {
                group,
                why: "agent: the actor after \"by\"",
            });
        }
    }
    None
}

/// The one a threat is aimed at when the clause names no target: the subject of its
/// condition ("threatened to stop talks if the United States goes ahead", "unless Israel
/// rescinded"), the first actor within a few tokens after "if"/"unless", within the
/// sentence part before a hard break.
pub(crate) fn condition_subject(a: &Analysis<'_>, from: usize) -> Option<Found> {
    let limit = (from + 15).min(a.len());
    let cond = (from..limit)
        .take_while(|&i| !words::is_hard_break(a.g, a.word(i)))
        .find(|&i| matches!(a.word(i), "if" | "unless"))?;
    let end = (cond + 5).min(a.len());
    let mut j = cond + 1;
    while j < end {
        if let Some(group) = a.group_at(j) {
            if a.after_preposition(group).is_some() {
                return None;
            }
            return Some(Found {
                group,
                why: "a threat's condition: its subject is the one threatened",
            });
        }
        if words::is_hard_break(a.g, a.word(j)) || a.word(j) == "," {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the trigger at `start` is a passive participle: a form of "be" or "get" at most
/// two tokens before it ("was sanctioned", "has been quickly sanctioned").
pub(crate) fn is_passive(a: &Analysis<'_>, start: usize) -> bool {
    (start.saturating_sub(3)..start).any(|i| words::is_passive_auxiliary(a.g, a.word(i)))
        && !(start.saturating_sub(3)..start).any(|i| matches!(a.word(i), "," | "and" | "to"))
}

/// The source of a noun trigger at `start`: its possessive or the actors right before it
/// ("North Korea's deployment", "the Russia–North Korea mutual defense agreement"), or the
/// owner of a possessive pronoun ("its support").
pub(crate) fn noun_source(a: &Analysis<'_>, start: usize) -> Option<Found> {
    let mut i = start;
    let mut modifiers = 0;
    while i > 0 && modifiers <= 3 {
        i -= 1;
        let w = a.word(i);
        if let Some(g) = a.group_at(i) {
            let group = &a.groups[g];
            if group.possessive || a.after_preposition(g).is_none() {
                return Some(Found {
                    group: g,
                    why: if group.possessive {
                        "source: the possessive before the noun"
                    } else {
                        "source: the actors right before the noun"
                    },
                });
            }
            return None;
        }
        if words::is_possessive_clitic(a.g, w) {
            continue;
        }
        if matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those") {
            // "condemned the attack": a determiner closes the noun phrase on the left.
            return None;
        }
        if words::is_possessive_pronoun(a.g, w) {
            return left_group(a, i, i).map(|group| Found {
                group,
                why: "source: the nearest actor before the possessive pronoun",
            });
        }
        if words::is_preposition(a.g, w)
            || words::is_hard_break(a.g, w)
            || words::is_object_break(a.g, w)
        {
            return None;
        }
        modifiers += 1;
    }
    None
}

/// Relative clauses and appositions closed before `before` (", which invaded Ukraine in
/// 2022,"), as
/// inclusive token spans: the subject search passes over them to the antecedent.
fn relative_clauses(a: &Analysis<'_>, before: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < before {
        // ", which ..." and ", who ..." clauses, and appositions right after an actor:
        // "Pakistan, a key U.S. ally in the war against terrorism, has refused".
        let apposition =
            i > 0 && a.group_at(i - 1).is_some() && matches!(a.word(i + 1), "a" | "an" | "the");
        if a.word(i) == "," && (matches!(a.word(i + 1), "which" | "who") || apposition) {
            if let Some(j) = (i + 2..before).find(|&j| a.word(j) == ",") {
                out.push((i, j));
                i = j;
            }
        }
        // "The Free Syrian Army (FSA) attacked": a short parenthesis right after an actor.
        if a.word(i) == "(" && i > 0 && a.group_at(i - 1).is_some() {
            if let Some(j) = (i + 1..before.min(i + 6)).find(|&j| a.word(j) == ")") {
                out.push((i, j));
                i = j;
            }
        }
        i += 1;
    }
    out
}

/// Whether the noun phrase of a trigger at `start` is predicated of the subject ("China,
/// serving as the primary economic supporter of ...", "Iran is the main ally of ..."):
/// then the subject is the noun's agent.
pub(crate) fn predicative(a: &Analysis<'_>, start: usize) -> bool {
    let lo = start.saturating_sub(5);
    let Some(det) = (lo..start)
        .rev()
        .find(|&i| matches!(a.word(i), "the" | "a" | "an"))
    else {
        return false;
    };
    det > 0
        && matches!(
            a.word(det - 1),
            "as" | "is"
                | "was"
                | "are"
                | "were"
                | "remains"
                | "remained"
                | "became"
                | "becomes"
                | "be"
                | "been"
        )
}

/// Whether a verb rule matched a word used as a noun or adjective: right after a
/// determiner or preposition ("the attack", "of banned missiles") or after a possessive
/// pronoun or article and one modifier ("its indirect support", "a car bomb", but not
/// "its allies demanded").
pub(crate) fn verb_used_as_noun(a: &Analysis<'_>, start: usize, participle: bool) -> bool {
    if start == 0 {
        return false;
    }
    let prev = a.word(start - 1);
    // "after accusing forces", "by shelling El Obeid": a gerund that takes an object is
    // still a verb after a preposition of time or means; "days of fighting in Gaza" and
    // "an appeal for deploying troops" (a proposal, not an act) are not.
    // "accused Abu Dhabi of arming the RSF": the act an accusation names is a verb too.
    let accused = prev == "of"
        && (start.saturating_sub(7)..start - 1).any(|i| a.g.is(WordClass::Accusation, a.word(i)));
    let gerund = (matches!(
        prev,
        "after" | "before" | "by" | "while" | "without" | "upon"
    ) || accused)
        && a.word(start).ends_with("ing")
        && start + 1 < a.len()
        && a.word(start + 1).starts_with(|c: char| c.is_alphanumeric())
        && !words::is_preposition(a.g, a.word(start + 1))
        && !matches!(a.word(start + 1), "and" | "or" | "but");
    if matches!(
        prev,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
    ) || words::is_preposition(a.g, prev) && prev != "to" && !gerund
        || words::is_possessive_clitic(a.g, prev)
    {
        return true;
    }
    // "the heavily armed border": a participle after an article and an adverb is an
    // adjective.
    if participle
        && start >= 2
        && matches!(a.word(start - 2), "a" | "an" | "the")
        && a.word(start - 1).ends_with("ly")
    {
        return true;
    }
    // "a car bomb", "its indirect support"; but a past form after "its allies" or "the
    // rebels" is their verb, not a noun. "in pre-dawn raids", "after fresh strikes": a plural
    // after a preposition and one modifier is a noun too ("on Monday attacks" is not read so:
    // a day is no modifier).
    let before_modifier = if start >= 2 { a.word(start - 2) } else { "" };
    !participle
        && start >= 2
        && (words::is_possessive_pronoun(a.g, before_modifier)
            || matches!(before_modifier, "a" | "an" | "the")
            || words::is_preposition(a.g, before_modifier)
                && a.word(start).ends_with('s')
                && !a.word(start).ends_with("ss")
                && prev.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !a.g.is(WordClass::Calendar, prev))
        && a.group_at(start - 1).is_none()
}

/// The speaker of the clause around a group ("Russia said on Tuesday that Sudan must"):
/// the nearest actor before `from` not governed by a preposition, crossing "that" and
/// reporting verbs but not a clause break.
pub(crate) fn speaker(a: &Analysis<'_>, from: usize) -> Option<Found> {
    let mut i = from;
    while i > 0 {
        i -= 1;
        if words::is_hard_break(a.g, a.word(i)) {
            return None;
        }
        if let Some(g) = a.group_at(i) {
            if a.after_preposition(g).is_none() {
                return Some(Found {
                    group: g,
                    why: "the speaker of the clause around the addressee",
                });
            }
            i = a.groups[g].start;
        }
    }
    None
}

/// Whether the noun phrase of a trigger at `start` is the object of a light or aspectual
/// verb ("speeded up the withdrawal", "launched an offensive", "completed its
/// investigation"): then the verb's subject is the noun's agent, unlike the object of a
/// verb of judgment ("Sweden condemned the attack").
pub(crate) fn light_verb_object(a: &Analysis<'_>, start: usize) -> bool {
    let lo = start.saturating_sub(5);
    let Some(det) = (lo..start).rev().find(|&i| {
        matches!(
            a.word(i),
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        )
    }) else {
        return false;
    };
    let mut v = det;
    while v > 0 && matches!(a.word(v - 1), "up" | "out" | "off") {
        v -= 1;
    }
    v > 0 && words::is_light_verb(a.g, a.word(v - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::tests::{analyse, doc};

    fn at(a: &Analysis<'_>, word: &str) -> usize {
        (0..a.len()).find(|&i| a.word(i) == word).unwrap()
    }

    fn named(a: &Analysis<'_>, f: Option<Found>) -> Option<String> {
        f.map(|f| {
            a.text_of(a.groups[f.group].start, a.groups[f.group].end)
                .to_string()
        })
    }

    #[test]
    fn subject_skips_obliques_and_relative_clauses() {
        let d = doc("Russia, which fought Ukraine in 2022, attacked Georgia.");
        let a = analyse(
            &d,
            &[("Russia", "RUS"), ("Ukraine", "UKR"), ("Georgia", "GEO")],
        );
        let t = at(&a, "attacked");
        assert_eq!(named(&a, subject(&a, t, &[])).as_deref(), Some("Russia"));
        assert_eq!(
            named(&a, object(&a, t + 1, t + 1, true, None, &[], None)).as_deref(),
            Some("Georgia")
        );
    }

    #[test]
    fn reporting_verbs_stop_the_subject_search_unless_a_pronoun_points_back() {
        let d = doc("Iran said Israel attacked Syria.");
        let a = analyse(&d, &[("Iran", "IRN"), ("Israel", "ISR"), ("Syria", "SYR")]);
        let said = at(&a, "said");
        assert_eq!(
            named(&a, subject(&a, at(&a, "attacked"), &[(said, said + 1)])).as_deref(),
            Some("Israel")
        );
        let d = doc("Iran said it attacked Syria.");
        let a = analyse(&d, &[("Iran", "IRN"), ("Syria", "SYR")]);
        let said = at(&a, "said");
        assert_eq!(
            named(&a, subject(&a, at(&a, "attacked"), &[(said, said + 1)])).as_deref(),
            Some("Iran")
        );
    }

    #[test]
    fn a_hostile_act_skips_the_ally_it_is_done_for() {
        let d = doc("Pyongyang sent troops to fight for Russia against Ukraine.");
        let a = analyse(
            &d,
            &[("Pyongyang", "PRK"), ("Russia", "RUS"), ("Ukraine", "UKR")],
        );
        let t = at(&a, "fight");
        assert_eq!(
            named(
                &a,
                object(
                    &a,
                    t + 1,
                    t + 1,
                    true,
                    Some(WordClass::AllyPreposition),
                    &[],
                    None
                )
            )
            .as_deref(),
            Some("Ukraine")
        );
        assert_eq!(
            named(&a, object(&a, t + 1, t + 1, true, None, &[], None)).as_deref(),
            Some("Russia")
        );
    }

    #[test]
    fn passive_and_its_agent() {
        let d = doc("China was sanctioned by the United States.");
        let a = analyse(&d, &[("China", "CHN"), ("United States", "USA")]);
        let t = at(&a, "sanctioned");
        assert!(is_passive(&a, t));
        assert_eq!(
            named(&a, by_agent(&a, t + 1)).as_deref(),
            Some("United States")
        );
    }

    #[test]
    fn noun_sources() {
        let d = doc("North Korea’s deployment of troops to Russia continued.");
        let a = analyse(&d, &[("North Korea", "PRK"), ("Russia", "RUS")]);
        assert_eq!(
            named(&a, noun_source(&a, at(&a, "deployment"))).as_deref(),
            Some("North Korea")
        );
        let d = doc("Sweden condemned the attack on Denmark.");
        let a = analyse(&d, &[("Sweden", "SWE"), ("Denmark", "DNK")]);
        assert_eq!(noun_source(&a, at(&a, "attack")), None);
    }
}
