//! The step-by-step account behind `entente explain`: for each sentence, the actors found,
//! the triggers matched, the roles chosen, the modality cues, the date, and for each
//! candidate event why it was or was not coded.

use serde::Serialize;
use std::fmt;

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
