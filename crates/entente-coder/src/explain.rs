//! The step-by-step account behind `entente explain`: for each sentence, the actors found,
//! the triggers matched, the roles chosen, the modality cues, the date, and for each
//! candidate event why it was or was not coded.

use std::fmt;

use entente_lexicon::triggers::{TriggerLexicon, TriggerRule};
use entente_model::{ActorRef, EventDate, EventType};
use serde::Serialize;

use crate::modality::Decision;
use crate::roles::Roles;
use crate::select::Choice;
use crate::sentence::Analysis;

/// The account of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub article_id: String,
    pub genre: String,
    /// The date relative dates resolve against, and where it came from.
    pub reference_date: Option<String>,
    pub sentences: Vec<SentenceExplanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceExplanation {
    /// `body` or `caption`.
    pub section: String,
    /// Character offsets into the section's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actors: Vec<ActorNote>,
    pub triggers: Vec<TriggerNote>,
    pub candidates: Vec<CandidateNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorNote {
    pub text: String,
    pub code: String,
    pub sector: Option<String>,
    pub name: String,
    pub kind: String,
    pub possessive: bool,
}

/// A trigger that matched, and whether it was kept (a longer overlapping match or an
/// introducing "threaten to" wins over it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerNote {
    pub text: String,
    pub rule: String,
    pub pattern: String,
    pub event: String,
    pub kept: bool,
    pub why: String,
}

/// One kept trigger worked out into an event, coded or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateNote {
    pub trigger: String,
    pub rule: String,
    pub event: String,
    pub mode: Option<String>,
    pub source: Vec<String>,
    pub source_why: String,
    pub target: Vec<String>,
    pub target_why: String,
    pub modality: String,
    pub modality_cues: Vec<String>,
    pub attributed_to: Option<String>,
    pub date: String,
    pub date_why: String,
    pub coded: bool,
    pub why: String,
}

impl SentenceExplanation {
    /// The account of one sentence: its actors, every trigger match and whether it was
    /// kept, and the candidate events worked out from the kept ones.
    pub(crate) fn new(
        a: &Analysis<'_>,
        section: &str,
        (start, end): (usize, usize),
        choices: &[Choice],
        triggers: &TriggerLexicon,
        candidates: Vec<CandidateNote>,
    ) -> Self {
        SentenceExplanation {
            section: section.to_string(),
            start,
            end,
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
            candidates,
        }
    }
}

impl CandidateNote {
    /// The account of one candidate event: its rule, roles, modality and date, and why it
    /// was or was not coded.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        rule: &TriggerRule,
        trigger: &str,
        event: EventType,
        mode: Option<String>,
        roles: &Roles,
        decision: &Decision,
        date: Option<&EventDate>,
        date_why: &str,
    ) -> Self {
        CandidateNote {
            trigger: trigger.to_string(),
            rule: rule.origin.clone(),
            event: event.to_string(),
            mode,
            source: roles.source.iter().map(describe).collect(),
            source_why: roles.source_why.clone(),
            target: roles.target.iter().map(describe).collect(),
            target_why: roles.target_why.clone(),
            modality: decision.modality.to_string(),
            modality_cues: decision.cues.clone(),
            attributed_to: decision.attributed_to.clone(),
            date: date.map_or_else(|| "(none)".into(), |d| d.value.clone()),
            date_why: date_why.to_string(),
            coded: roles.verdict.is_ok(),
            why: match &roles.verdict {
                Ok(()) => "source found and the frame is satisfied".to_string(),
                Err(why) => why.clone(),
            },
        }
    }
}

/// `RUS (Russia)`, `IGO UN (the Security Council)`, `- (the militia)`.
fn describe(r: &ActorRef) -> String {
    match &r.org {
        Some(org) => format!("{} {} ({})", r.code_str(), org, r.text),
        None => format!("{} ({})", r.code_str(), r.text),
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "article {} ({})", self.article_id, self.genre)?;
        match &self.reference_date {
            Some(d) => writeln!(f, "reference date: {d}")?,
            None => writeln!(f, "reference date: none (only absolute dates resolve)")?,
        }
        for (i, s) in self.sentences.iter().enumerate() {
            writeln!(f)?;
            writeln!(
                f,
                "[{}] {} {}..{}: {}",
                i + 1,
                s.section,
                s.start,
                s.end,
                s.text
            )?;
            if s.actors.is_empty() {
                writeln!(f, "  actors: none")?;
            }
            for a in &s.actors {
                writeln!(
                    f,
                    "  actor   `{}` -> {} {} ({}; {}{})",
                    a.text,
                    a.code,
                    a.sector.as_deref().unwrap_or("-"),
                    a.name,
                    a.kind,
                    if a.possessive { ", possessive" } else { "" }
                )?;
            }
            for t in &s.triggers {
                writeln!(
                    f,
                    "  trigger `{}` {} [{}] at {}{}",
                    t.text,
                    t.event,
                    t.pattern,
                    t.rule,
                    if t.kept {
                        String::new()
                    } else {
                        format!(" (dropped: {})", t.why)
                    }
                )?;
            }
            for c in &s.candidates {
                let verdict = if c.coded { "CODED" } else { "not coded" };
                writeln!(f, "  => {verdict}: {} `{}` ({})", c.event, c.trigger, c.why)?;
                writeln!(f, "     source {:?}: {}", c.source, c.source_why)?;
                writeln!(f, "     target {:?}: {}", c.target, c.target_why)?;
                let cues = if c.modality_cues.is_empty() {
                    "no cues".to_string()
                } else {
                    c.modality_cues.join(", ")
                };
                write!(f, "     modality {}: {cues}", c.modality)?;
                match &c.attributed_to {
                    Some(who) => writeln!(f, "; attributed to {who}")?,
                    None => writeln!(f)?,
                }
                writeln!(f, "     date {}: {}", c.date, c.date_why)?;
            }
        }
        Ok(())
    }
}
