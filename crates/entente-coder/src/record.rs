//! From kept triggers to public event records: roles, modality, date, evidence, id, and the
//! merge of repeats within one article.

use std::collections::HashMap;

use entente_lexicon::triggers::{Frame, PartOfSpeech, TriggerLexicon, TriggerMatch, TriggerRule};
use entente_lexicon::Lexicon;
use entente_model::{
    ActorRef, ArticleDate, Doc, Event, EventDate, EventId, EventType, Evidence, Modality, Section,
};

use crate::explain::{ActorNote, CandidateNote, SentenceExplanation, TriggerNote};
use crate::roles::{self, Found};
use crate::sentence::Analysis;
use crate::words;
use crate::{dates, intent, modality, select, Coder, OffsetCache, CODER};

/// What the collector needs to know about the sentence's place in the article.
pub struct SentenceContext {
    pub section: Section,
    /// `body` or `caption`.
    pub label: &'static str,
    /// A caption's own date, when the reader found one.
    pub caption_date: Option<EventDate>,
    pub reference: Option<ArticleDate>,
    /// Commentary or analysis: forecasts reach the whole sentence.
    pub strict: bool,
    /// A sports report: states' names are teams, nothing is coded.
    pub sports: bool,
}

/// Gathers an article's events in sentence order and merges repeats.
pub struct Collector<'d> {
    doc: &'d Doc,
    digest: &'d str,
    offsets: OffsetCache,
    events: Vec<Event>,
    seen: HashMap<String, usize>,
}

/// Roles worked out for one trigger.
struct Roles {
    source: Vec<ActorRef>,
    source_why: String,
    target: Vec<ActorRef>,
    target_why: String,
    confidence: f32,
    verdict: Result<(), String>,
}

impl<'d> Collector<'d> {
    pub fn new(doc: &'d Doc, digest: &'d str) -> Self {
        Collector {
            doc,
            digest,
            offsets: OffsetCache::default(),
            events: Vec::new(),
            seen: HashMap::new(),
        }
    }

    pub fn finish(self) -> Vec<Event> {
        self.events
    }

    /// Codes one sentence; returns its account when `explain` is set.
    pub fn sentence(
        &mut self,
        coder: &Coder<'_>,
        a: &Analysis<'_>,
        ctx: &SentenceContext,
        matches: Vec<TriggerMatch>,
        explain: bool,
    ) -> Option<SentenceExplanation> {
        let triggers = &coder.lexicon.triggers;
        let words = a.words();
        let choices = select::choose(a, triggers, matches);
        let kept: Vec<TriggerMatch> = choices.iter().filter(|c| c.kept).map(|c| c.m).collect();
        let cues = if kept.is_empty() {
            Vec::new()
        } else {
            triggers.find_cues(&words)
        };
        let reporting: Vec<(usize, usize)> = cues
            .iter()
            .filter(|c| triggers.cue(c.cue).modality == Modality::Reported)
            .map(|c| (c.start, c.end))
            .collect();
        let found_dates = if kept.is_empty() {
            Vec::new()
        } else {
            coder.dates.find(a.text, ctx.reference)
        };
        let sentence_start = self.offsets.chars(self.doc, ctx.section, a.base);
        let sentence_end = self
            .offsets
            .chars(self.doc, ctx.section, a.base + a.text.len());

        let mut notes = Vec::new();
        for m in &kept {
            let rule = triggers.rule(m.rule);
            let purpose = hostile_purpose(m, &kept, triggers);
            let mut roles = work_out_roles(a, m, rule, coder.lexicon, &reporting, purpose);
            if ctx.sports && roles.verdict.is_ok() {
                roles.verdict =
                    Err("a sports report: the states named are teams, not actors".to_string());
            }
            let mut decision = modality::decide(
                a,
                triggers,
                &cues,
                m.start,
                m.end,
                ctx.strict,
                rule.event == EventType::Threaten,
            );
            let mut event_type = rule.event;
            let mut mode = rule.mode.clone();
            let mut cameo = rule.cameo.clone();
            if let Some((t, m)) = intent::recode(
                rule.event,
                decision.modality,
                decision.future,
                decision.reported,
            ) {
                mode = Some(rule.event.as_str().to_ascii_lowercase());
                event_type = t;
                cameo = None;
                decision.modality = m;
                decision.cues.push(format!(
                    "an intention is its own event: {} -> {t}",
                    rule.event
                ));
            }
            let (date, date_why) = pick_date(a, m, &found_dates, ctx);
            let trigger_text = a.text_of(m.start, m.end).to_string();
            if explain {
                notes.push(CandidateNote {
                    trigger: trigger_text.clone(),
                    rule: rule.origin.clone(),
                    event: event_type.to_string(),
                    mode: mode.clone(),
                    source: roles.source.iter().map(describe).collect(),
                    source_why: roles.source_why.clone(),
                    target: roles.target.iter().map(describe).collect(),
                    target_why: roles.target_why.clone(),
                    modality: decision.modality.to_string(),
                    modality_cues: decision.cues.clone(),
                    attributed_to: decision.attributed_to.clone(),
                    date: if date.value.is_empty() {
                        "(none)".into()
                    } else {
                        date.value.clone()
                    },
                    date_why: date_why.to_string(),
                    coded: roles.verdict.is_ok(),
                    why: match &roles.verdict {
                        Ok(()) => "source found and the frame is satisfied".to_string(),
                        Err(why) => why.clone(),
                    },
                });
            }
            if roles.verdict.is_err() {
                continue;
            }
            let info = coder.lexicon.ontology.get(event_type);
            let source_codes = codes(&roles.source);
            let target_codes = codes(&roles.target);
            let section_id = match ctx.section {
                Section::Body => "body".to_string(),
                Section::Boilerplate(i) => format!("caption{i}"),
            };
            let id = EventId::from_parts(&[
                self.doc.article.id.as_str(),
                &section_id,
                &sentence_start.to_string(),
                &sentence_end.to_string(),
                &source_codes,
                event_type.as_str(),
                &target_codes,
            ]);
            let key = format!(
                "{source_codes}\u{1f}{target_codes}\u{1f}{}\u{1f}{}\u{1f}{}",
                event_type, decision.modality, date.value
            );
            if let Some(&i) = self.seen.get(&key) {
                self.events[i].mentions += 1;
                continue;
            }
            let event = Event {
                id,
                article_id: self.doc.article.id.clone(),
                article_key: self.doc.article.key.clone(),
                source: roles.source,
                target: roles.target,
                event: event_type,
                mode,
                cameo: cameo.unwrap_or_else(|| info.cameo.to_string()),
                quad: info.quad,
                intensity: info.intensity,
                modality: decision.modality,
                attributed_to: decision.attributed_to,
                date,
                location: None,
                evidence: Evidence {
                    sentence: a.text.to_string(),
                    start: sentence_start,
                    end: sentence_end,
                    trigger: trigger_text,
                },
                confidence: roles.confidence,
                coder: CODER.to_string(),
                mentions: 1,
                section: ctx.label.to_string(),
                rule: Some(rule.origin.clone()),
                lexicon: Some(self.digest.to_string()),
            };
            self.seen.insert(key, self.events.len());
            self.events.push(event);
        }
        if !explain {
            return None;
        }
        Some(SentenceExplanation {
            section: ctx.label.to_string(),
            start: sentence_start,
            end: sentence_end,
            text: a.text.to_string(),
            actors: a
                .mentions
                .iter()
                .map(|m| ActorNote {
                    text: a.text_of(m.start, m.end).to_string(),
                    code: m.actor.code_str().to_string(),
                    sector: m.actor.sector.as_ref().map(|s| s.to_string()),
                    name: m.actor.name.clone(),
                    kind: m.kind.clone(),
                    possessive: m.possessive,
                })
                .collect(),
            triggers: choices
                .iter()
                .map(|c| {
                    let rule = triggers.rule(c.m.rule);
                    TriggerNote {
                        text: a.text_of(c.m.start, c.m.end).to_string(),
                        rule: rule.origin.clone(),
                        pattern: rule.pattern.clone(),
                        event: rule.event.to_string(),
                        kept: c.kept,
                        why: c.why.to_string(),
                    }
                })
                .collect(),
            candidates: notes,
        })
    }
}

fn describe(r: &ActorRef) -> String {
    match &r.org {
        Some(org) => format!("{} {} ({})", r.code_str(), org, r.text),
        None => format!("{} ({})", r.code_str(), r.text),
    }
}

fn codes(actors: &[ActorRef]) -> String {
    actors
        .iter()
        .map(ActorRef::party_key)
        .collect::<Vec<_>>()
        .join(",")
}

/// The actors of a group, each key once.
fn actors_of(a: &Analysis<'_>, group: usize) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for actor in a.actors(group) {
        if !out.iter().any(|o| o.party_key() == actor.party_key()) {
            out.push(actor);
        }
    }
    out
}

fn work_out_roles(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    rule: &TriggerRule,
    lexicon: &Lexicon,
    reporting: &[(usize, usize)],
    purpose: bool,
) -> Roles {
    let (frame, pos, head, event) = (rule.frame, rule.pos, rule.pattern.as_str(), rule.event);
    let mut confidence: f32 = 0.85;
    // "Serb forces were engaged in ethnic cleansing", "Vietnam is committed to": a
    // participle with the rule's own preposition after it and no "by X" is a state of the
    // subject, which acts.
    let stative = head
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w != "by" && crate::words::is_preposition(w))
        && roles::by_agent(a, m.end).is_none();
    let passive =
        pos == PartOfSpeech::Verb && m.participle && !stative && roles::is_passive(a, m.start);
    let subject = roles::subject(a, m.start, reporting);
    // Fighting for or alongside X is on X's side, defending X against Y is not on Y's: the
    // target skips actors after prepositions that put them on the other side, unless the
    // rule's own words hold that preposition.
    let own = |f: fn(&str) -> bool| head.split_whitespace().any(f);
    let skip: Option<fn(&str) -> bool> = match event {
        EventType::Assault | EventType::Coerce | EventType::Threaten
            if !own(words::is_ally_preposition) =>
        {
            Some(words::is_ally_preposition)
        }
        EventType::Support
        | EventType::Agree
        | EventType::Aid
        | EventType::Cooperate
        | EventType::Consult
            if !own(words::is_opponent_preposition) =>
        {
            Some(words::is_opponent_preposition)
        }
        _ => None,
    };
    let (mut source, mut target): (Option<Found>, Option<Found>);
    if passive {
        source = roles::by_agent(a, m.end);
        // "a camp for Congolese refugees was attacked": the undergoer may sit in a phrase.
        // "Artillery shells were supplied to Russia by North Korea": with no actor as
        // subject, the recipient after the participle undergoes the act.
        let undergoer = subject
            .map(|f| f.group)
            .or_else(|| {
                roles::object(a, m.start + 1, m.end, true, skip, reporting).map(|f| f.group)
            })
            .or_else(|| roles::left_group(a, m.start, 8));
        target = undergoer.map(|group| Found {
            group,
            why: "passive voice: the subject undergoes the act",
        });
    } else if pos == PartOfSpeech::Noun {
        source = roles::noun_source(a, m.start).or_else(|| roles::by_agent(a, m.end));
        if source.is_none() {
            // "North Korea's test-firing of missiles and deployment of troops": a noun
            // coordinated with an owned one shares its owner. Any other subject is not
            // the noun's agent ("Sweden condemned the attack").
            let predicative =
                roles::predicative(a, m.start) || roles::light_verb_object(a, m.start);
            source = subject
                .filter(|f| predicative || a.groups[f.group].possessive)
                .map(|f| Found {
                    group: f.group,
                    why: "no owner of its own: the possessive that owns the noun phrase",
                });
            confidence -= 0.15;
        }
        target = roles::object(a, m.start + 1, m.end, true, skip, reporting);
    } else {
        source = subject;
        // Active voice: a "by X" after the object is the object noun's agent ("rejected
        // calls by Belarus", "welcomed the proposal by Japan"), the one acted on.
        target = roles::object(a, m.start + 1, m.end, false, skip, reporting);
    }
    // "deployed troops to fight Ukrainian forces": the "to" opens a hostile purpose, not a
    // destination; the one fought is that act's target, not this one's recipient. The side
    // fought for ("to fight for Russia") still receives the troops.
    if purpose && !passive {
        target = target.filter(|t| {
            a.after_preposition(t.group)
                .is_some_and(words::is_ally_preposition)
        });
    }
    match frame {
        Frame::Inverse if !passive => {
            let from = roles::object(a, m.start + 1, m.end, false, skip, reporting);
            target = source.map(|f| Found {
                group: f.group,
                why: "the subject undergoes the act (frame tgt<src)",
            });
            source = from.map(|f| Found {
                group: f.group,
                why: "the actor after the trigger acts (frame tgt<src)",
            });
        }
        Frame::SourceOnly => target = None,
        Frame::Addressee => {
            target = subject.map(|f| Found {
                group: f.group,
                why: "the addressee: the subject of the demanded act",
            });
            source = subject.and_then(|f| roles::speaker(a, a.groups[f.group].start));
        }
        _ => {}
    }
    // "talks between X and Y", "ties between Pyongyang and Moscow": both sides act.
    let mut mutual = false;
    if let Some(t) = target {
        let joint = matches!(a.after_preposition(t.group), Some("between" | "among"))
            && a.groups[t.group].members.len() >= 2;
        if joint && (source.is_none() || frame == Frame::Mutual) {
            source = Some(Found {
                group: t.group,
                why: "both sides of \"between X and Y\" act jointly",
            });
            target = None;
            mutual = true;
        }
    }
    if target.is_some_and(|t| Some(t.group) == source.map(|s| s.group)) {
        target = None;
    }
    if event == EventType::Threaten && target.is_none() && !passive {
        target =
            roles::condition_subject(a, m.end).filter(|t| Some(t.group) != source.map(|s| s.group));
    }
    let source_actors = source.map(|f| actors_of(a, f.group)).unwrap_or_default();
    let mut target_actors = target.map(|f| actors_of(a, f.group)).unwrap_or_default();
    if mutual {
        target_actors.clear();
    }
    // A joint act of a compound subject: the parties are the sources; an object that
    // names one of them again ("toast ... in Pyongyang") is not a third party.
    if frame == Frame::Mutual && source_actors.len() >= 2 {
        target_actors.retain(|t| !source_actors.iter().any(|s| s.party_key() == t.party_key()));
        mutual = target_actors.is_empty();
    }
    if let Some(t) = target {
        if t.group >= m.end && a.groups[t.group].start - m.end > 5 {
            confidence -= 0.1;
        }
    }
    let mut target_why = None;
    let domestic = matches!(
        event,
        EventType::Protest | EventType::Coerce | EventType::Concede
    );
    // "Opposition groups in Zimbabwe demanded that President Mugabe resign": an office
    // named without a state, as the one acted on, is the actor's own state's.
    let home_office = frame != Frame::Mutual
        && !matches!(frame, Frame::SourceOnly)
        && roles::office_after(a, m.end);
    if (domestic || home_office) && target_actors.is_empty() && source_actors.len() == 1 && !mutual
    {
        // Protests, repression and concessions that name no other party act within the
        // actor's own state: a protest is against its government, an arrest or a lifted
        // curfew falls on its people (the same-state dyad of domestic events).
        if let Some(home) = home_government(lexicon, &source_actors[0]) {
            target_actors.push(home);
            target_why = Some(if domestic {
                "a domestic act naming no other party: the actor's own state"
            } else {
                "an office named without its state: the actor's own state's"
            });
        }
    }
    // "a declaration demanding that Turkey ...": an -ing form that opens a "that" clause
    // is a verb after a noun, not a noun itself.
    let opens_clause = a.word(m.start).ends_with("ing") && head.ends_with(" that");
    let verdict = if pos == PartOfSpeech::Verb
        && !opens_clause
        && roles::verb_used_as_noun(a, m.start, m.participle)
    {
        Err("the verb's word is used as a noun or adjective here".to_string())
    } else if pos == PartOfSpeech::Verb && third_person_without_subject(a, m, head, subject) {
        Err("a plural noun, not a verb: no subject right before it".to_string())
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
    {
        Err("the rule needs a target and none was found in the clause".to_string())
    } else {
        Ok(())
    };
    Roles {
        source: source_actors,
        source_why: source.map_or("none found".to_string(), |f| f.why.to_string()),
        target: target_actors,
        target_why: if let Some(why) = target_why {
            why.to_string()
        } else if mutual {
            "none: a joint act of the sources".to_string()
        } else {
            target.map_or("none found".to_string(), |f| f.why.to_string())
        },
        confidence: confidence.clamp(0.1, 1.0),
        verdict,
    }
}

/// Whether trigger `m` ends in an infinitive "to" that a hostile verb trigger follows
/// ("sent troops to fight", "deployed forces to attack"): the verb is its purpose.
fn hostile_purpose(m: &TriggerMatch, kept: &[TriggerMatch], triggers: &TriggerLexicon) -> bool {
    m.end > m.start
        && triggers.rule(m.rule).pattern.ends_with(" to")
        && kept.iter().any(|k| {
            let r = triggers.rule(k.rule);
            k.start == m.end
                && r.pos == PartOfSpeech::Verb
                && matches!(
                    r.event,
                    EventType::Assault | EventType::Coerce | EventType::Threaten
                )
        })
}

/// The date nearest the trigger in the sentence, else the caption's own, else the
/// reference.
fn pick_date(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    found: &[dates::Found],
    ctx: &SentenceContext,
) -> (EventDate, &'static str) {
    let at = a.spans[m.start].0;
    let nearest = found.iter().min_by_key(|f| {
        if f.end <= at {
            at - f.end
        } else {
            f.start.saturating_sub(at)
        }
    });
    if let Some(f) = nearest {
        return (f.date.clone(), "from the sentence");
    }
    if let Some(d) = &ctx.caption_date {
        return (d.clone(), "the caption's own date");
    }
    let date = dates::fallback(ctx.reference);
    let why = if date.value.is_empty() {
        "no date in the sentence and none for the article"
    } else if ctx
        .reference
        .is_some_and(|r| r.basis == entente_model::DateBasis::Inferred)
    {
        "no date in the sentence: the latest date the article spells out (inferred)"
    } else {
        "no date in the sentence: the article's date"
    };
    (date, why)
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

/// The government of an actor's state, as an implicit target.
fn home_government(lexicon: &Lexicon, actor: &ActorRef) -> Option<ActorRef> {
    let code = actor.code?;
    if code.is_organization() {
        return None;
    }
    let country = lexicon.actors.country(code)?;
    Some(ActorRef {
        text: String::new(),
        code: Some(code),
        sector: "GOV".parse().ok(),
        name: country.name.clone(),
        org: None,
    })
}
