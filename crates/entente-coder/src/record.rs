//! From kept triggers to public event records: roles, modality, date, evidence, id, and the
//! merge of repeats within one article.

use std::collections::HashMap;

use chrono::Datelike;

use entente_lexicon::triggers::{PartOfSpeech, TriggerLexicon, TriggerMatch};
use entente_model::{
    ActorRef, ArticleDate, Doc, Event, EventDate, EventId, EventType, Evidence, Modality, Section,
};

use crate::explain::{CandidateNote, SentenceExplanation};
use crate::roles;
use crate::sentence::Analysis;
use crate::words;
use crate::{intent, modality, select, sense, Coder, OffsetCache, CODER};
use entente_model::dates;

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
        for kept_match in &kept {
            let work = |m: &TriggerMatch| {
                roles::work_out(&roles::Input {
                    a,
                    m,
                    rule: triggers.rule(m.rule),
                    reporting: &reporting,
                    purpose: hostile_purpose(m, &kept, triggers),
                    stop: next_verb(a, m, &kept, triggers),
                })
            };
            let mut m = kept_match;
            let mut roles = work(m);
            // "fired a ballistic missile into the Sea of Japan": when the longest rule needs a
            // target the sentence lacks, a shorter rule over the same head may still hold (a
            // launch with no target is a show of force).
            if roles
                .verdict
                .as_ref()
                .is_err_and(|why| why.contains("needs a target"))
            {
                let fallback = choices
                    .iter()
                    .filter(|c| !c.kept && c.m.start == m.start && c.m.end < m.end)
                    .filter(|c| c.why == "overlaps a longer match")
                    .map(|c| (&c.m, work(&c.m)))
                    .find(|(_, r)| r.verdict.is_ok());
                if let Some((shorter, r)) = fallback {
                    m = shorter;
                    roles = r;
                }
            }
            let rule = triggers.rule(m.rule);
            if let Some(why) = history(a, m, rule.pos, ctx) {
                if roles.verdict.is_ok() {
                    roles.verdict = Err(why.to_string());
                }
            }
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
            if let Some(sense) = sense::by_parties(rule, &roles) {
                event_type = sense.event;
                mode = sense.mode.map(str::to_string);
                cameo = Some(sense.cameo.to_string());
                decision.cues.push(sense.why.to_string());
            }
            if let Some((t, m)) = intent::recode(
                rule.event,
                mode.as_deref(),
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
            // "In 2014 Russia annexed Crimea", in an article of 2024: a past event recalled,
            // kept at its own date and marked.
            let background = date.as_ref().is_some_and(|date| {
                date.basis == entente_model::DateBasis::Text
                    && ctx
                        .reference
                        .is_some_and(|r| date.end().is_some_and(|d| (r.date - d).num_days() > 366))
            });
            let trigger_text = a.text_of(m.start, m.end).to_string();
            if explain {
                notes.push(CandidateNote::new(
                    rule,
                    &trigger_text,
                    event_type,
                    mode.clone(),
                    &roles,
                    &decision,
                    date.as_ref(),
                    date_why,
                ));
            }
            if roles.verdict.is_err() {
                continue;
            }
            let info = coder.lexicon.ontology.get(event_type);
            let section_id = match ctx.section {
                Section::Body => "body".to_string(),
                Section::Boilerplate(i) => format!("caption{i}"),
            };
            let cameo = cameo.unwrap_or_else(|| info.cameo.to_string());
            // The CAMEO code the rule names sets quad and intensity ("called for" is an
            // appeal at +3, not a demand at -5); the type's defaults stand in.
            let (quad, intensity) = coder
                .lexicon
                .ontology
                .cameo_score(&cameo)
                .filter(|_| cameo.len() > 2)
                .unwrap_or((info.quad, info.intensity));
            let (sentence_start_text, sentence_end_text) =
                (sentence_start.to_string(), sentence_end.to_string());
            for (source, target) in sides(&roles) {
                let source_codes = codes(&source);
                let target_codes = codes(&target);
                let mut key = format!(
                    "{source_codes}\u{1f}{target_codes}\u{1f}{}\u{1f}{}\u{1f}{}",
                    event_type,
                    decision.modality,
                    date.as_ref().map_or("", |d| d.value.as_str())
                );
                // A repeat is merged; but two material acts of one sentence with the same parties
                // and type ("expelled its diplomats and closed the border") are two events when
                // their CAMEO codes differ. Words are one act however many verbs say them ("visited
                // Tehran to meet officials"), and so is a purpose ("to").
                let mut distinct_act = false;
                if let Some(&i) = self.seen.get(&key) {
                    let same_sentence = self.events[i].evidence.start == sentence_start
                        && self.events[i].section == ctx.label;
                    let material = matches!(info.quad.get(), 2 | 4);
                    let purpose = m.start > 0 && a.word(m.start - 1) == "to";
                    if !same_sentence || !material || purpose || self.events[i].cameo == cameo {
                        self.events[i].mentions += 1;
                        continue;
                    }
                    key.push('\u{1f}');
                    key.push_str(&cameo);
                    if let Some(&j) = self.seen.get(&key) {
                        self.events[j].mentions += 1;
                        continue;
                    }
                    distinct_act = true;
                }
                let mut parts = vec![
                    self.doc.article.id.as_str(),
                    &section_id,
                    &sentence_start_text,
                    &sentence_end_text,
                    &source_codes,
                    event_type.as_str(),
                    &target_codes,
                ];
                if distinct_act {
                    parts.push(&cameo);
                }
                let id = EventId::from_parts(&parts);
                let event = Event {
                    id,
                    article_id: self.doc.article.id.clone(),
                    article_key: self.doc.article.key.clone(),
                    source,
                    target,
                    event: event_type,
                    mode: mode.clone(),
                    cameo: cameo.clone(),
                    quad,
                    intensity,
                    modality: decision.modality,
                    attributed_to: decision.attributed_to.clone(),
                    domestic: roles.domestic,
                    background,
                    date: date.clone(),
                    location: None,
                    evidence: Evidence {
                        sentence: a.text.to_string(),
                        start: sentence_start,
                        end: sentence_end,
                        trigger: trigger_text.clone(),
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
        }
        if !explain {
            return None;
        }
        Some(SentenceExplanation::new(
            a,
            ctx.label,
            (sentence_start, sentence_end),
            &choices,
            triggers,
            notes,
        ))
    }
}

/// Where the object search of trigger `m` ends: at the next verb trigger after it, whose
/// object is its own ("denied sending any weapons to Moscow"), unless the two verbs are
/// coordinated with nothing between them and share the object ("shelled and bombed Kyiv").
fn next_verb(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    kept: &[TriggerMatch],
    triggers: &TriggerLexicon,
) -> Option<usize> {
    // "reject proposed Israeli changes", "host talks with Algeria", "sent troops to fight for
    // Russia": a verb form right after the trigger is its object's modifier, its object, or
    // (after "to") its purpose, read with it (see `hostile_purpose`): not the next verb. A
    // gerund there is a complement of its own ("denied sending weapons to Moscow").
    let adjacent = |k: &TriggerMatch| k.start == m.end && !a.word(k.start).ends_with("ing");
    let next = kept
        .iter()
        .filter(|k| {
            k.start >= m.end
                && triggers.rule(k.rule).pos == PartOfSpeech::Verb
                && !adjacent(k)
                && !crate::roles::verb_used_as_noun(a, k.start, k.participle)
        })
        .map(|k| k.start)
        .min()?;
    let between: Vec<&str> = (m.end..next).map(|i| a.word(i)).collect();
    let shared = matches!(between.as_slice(), ["and" | "or"] | [",", "and" | "or"]);
    (!shared).then_some(next)
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

/// Whether trigger `m` names history in passing rather than a new event: "since Russia
/// invaded Ukraine", "marking the anniversary of the invasion", "under the 1951 Mutual
/// Defense Treaty" (a noun dated by a year other than the article's).
fn history(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    pos: PartOfSpeech,
    ctx: &SentenceContext,
) -> Option<&'static str> {
    let clause_start = (0..m.start)
        .rev()
        .find(|&i| words::is_hard_break(a.g, a.word(i)) || a.word(i) == ",")
        .map_or(0, |i| i + 1);
    let before = |i: usize| a.word(i);
    // "since Russia invaded Ukraine", "since the annexation": a since-clause names the past
    // it counts from ("since January, Russia has shelled" is not one: no actor or article
    // opens it).
    if let Some(since) = (clause_start..m.start).find(|&i| before(i) == "since") {
        let opens = (since + 1..m.start).any(|i| a.group_at(i).is_some())
            || matches!(a.word(since + 1), "the" | "its" | "their");
        if opens {
            return Some("history named in passing: a \"since\" clause");
        }
    }
    let lo = m.start.saturating_sub(4);
    if (lo..m.start).any(|i| before(i) == "anniversary") {
        return Some("history named in passing: an anniversary");
    }
    if pos == PartOfSpeech::Noun {
        let year_of_text = ctx.reference.map(|r| r.date.year());
        let dated = (m.start.saturating_sub(3)..m.start).any(|i| {
            let w = before(i);
            let governed = i > 0 && matches!(before(i - 1), "in" | "on" | "since" | "by");
            w.len() == 4
                && !governed
                && w.parse::<i32>()
                    .is_ok_and(|y| (1900..2100).contains(&y) && Some(y) != year_of_text)
        });
        if dated {
            return Some(
                "history named in passing: a noun dated by another year (\"the 1951 treaty\")",
            );
        }
    }
    None
}

/// The date nearest the trigger in the sentence, else the caption's own, else the
/// reference.
fn pick_date(
    a: &Analysis<'_>,
    m: &TriggerMatch,
    found: &[dates::Found],
    ctx: &SentenceContext,
) -> (Option<EventDate>, &'static str) {
    let at = a.spans[m.start].0;
    let nearest = found.iter().min_by_key(|f| {
        if f.end <= at {
            at - f.end
        } else {
            f.start.saturating_sub(at)
        }
    });
    if let Some(f) = nearest {
        return (Some(f.date.clone()), "from the sentence");
    }
    if let Some(d) = &ctx.caption_date {
        return (Some(d.clone()), "the caption's own date");
    }
    let date = dates::fallback(ctx.reference);
    let why = if date.is_none() {
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

/// The sides of the events a trigger codes: its source and target, or for a reciprocal act
/// ("accused each other") one event per source, against the others.
fn sides(roles: &roles::Roles) -> Vec<(Vec<ActorRef>, Vec<ActorRef>)> {
    if !roles.reciprocal {
        return vec![(roles.source.clone(), roles.target.clone())];
    }
    roles
        .source
        .iter()
        .map(|s| {
            let others = roles
                .source
                .iter()
                .filter(|o| o.party_key() != s.party_key())
                .cloned()
                .collect();
            (vec![s.clone()], others)
        })
        .collect()
}

/// The parties of one side as one key, for event ids and the merge of repeats.
fn codes(actors: &[ActorRef]) -> String {
    actors
        .iter()
        .map(ActorRef::party_key)
        .collect::<Vec<_>>()
        .join(",")
}
