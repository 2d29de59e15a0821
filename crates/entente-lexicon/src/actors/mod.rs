//! Actors: countries, leaders with tenures, organizations, agent nouns and titles, and the
//! matcher that finds them in a sentence.

mod acronyms;
mod compile;
mod find;
mod tables;
#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::NaiveDate;
use entente_model::{ActorCode, ActorRef, TextRange};

pub use compile::case_ok;
pub use tables::{
    ActorSources, Agent, Country, CountryName, NameKind, Organization, Tables, Tenure, Title,
};

use crate::LexiconError;
use compile::Compiled;

/// What kind of words named the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    /// A state's name, formal name or abbreviation: "North Korea", "DPRK".
    Country,
    /// "North Korean" (standing alone: "North Korean support").
    Adjective,
    /// "North Koreans".
    Demonym,
    /// "Pyongyang".
    Capital,
    /// A seat of power used for the government: "the Kremlin".
    Seat,
    /// A person, resolved by tenure: "Russian President Vladimir Putin", "Putin".
    Leader,
    /// "NATO", "the State Department", "U.S. State Department".
    Organization,
    /// A generic agent or an office with its state: "Ukrainian forces", "the Russian president".
    Agent,
}

/// One actor found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte range within the sentence string (a trailing possessive `'s` is left out).
    pub range: TextRange,
    pub actor: ActorRef,
    pub kind: MentionKind,
    /// "Korea's", "Americans'": the actor owns what follows rather than acting.
    pub possessive: bool,
    /// The lexicon line that supplied the code, for leaders (`builtin:leaders.txt:42`).
    pub rule: Option<String>,
    /// What a reader should know about how the code was reached, for `explain` ("no date:
    /// the person's term was not checked").
    pub note: Option<&'static str>,
}

/// What one article has said so far: people named in full, so a lone "Putin" or "Kim" later
/// resolves to them. One per article.
#[derive(Debug, Clone, Default)]
pub struct MentionMemory {
    persons: Vec<usize>,
    /// Acronyms the article defined as something else than the dictionary's organization
    /// ("the Financial Services Authority (FSA)"): they name no known actor in it.
    pub(super) redefined: Vec<String>,
}

impl MentionMemory {
    pub fn new() -> Self {
        Self::default()
    }

    fn remember_person(&mut self, person: usize) {
        self.persons.retain(|&p| p != person);
        self.persons.push(person);
    }
}

/// The compiled actor dictionaries.
#[derive(Debug, Clone)]
pub struct ActorLexicon {
    tables: Tables,
    compiled: Compiled,
    /// Days, months and the other closed classes the matcher's grammar needs.
    grammar: crate::Grammar,
}

impl ActorLexicon {
    /// Built-in files plus `user_dir` overrides, validated against the known sectors.
    pub fn load(
        user_dir: Option<&Path>,
        is_sector: &dyn Fn(&str) -> bool,
        grammar: &crate::Grammar,
    ) -> Result<ActorLexicon, Vec<LexiconError>> {
        let (sources, mut errors) = ActorSources::load_lenient(user_dir);
        match ActorLexicon::from_sources(&sources, is_sector, grammar) {
            Ok(lexicon) if errors.is_empty() => Ok(lexicon),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Validates and compiles parsed layers; tests use it with fictional files.
    pub fn from_sources(
        sources: &ActorSources,
        is_sector: &dyn Fn(&str) -> bool,
        grammar: &crate::Grammar,
    ) -> Result<ActorLexicon, Vec<LexiconError>> {
        let tables = tables::validate(sources, is_sector)?;
        let compiled = compile::compile(&tables);
        Ok(ActorLexicon {
            tables,
            compiled,
            grammar: grammar.clone(),
        })
    }

    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    pub fn country(&self, code: ActorCode) -> Option<&Country> {
        self.tables.countries.get(&code)
    }

    /// The term of office a person's name codes as on `date` (see [`ActorLexicon::find`]).
    pub fn leader(&self, name: &str, date: Option<NaiveDate>) -> Option<&Tenure> {
        let p = self.compiled.persons.iter().position(|p| p.name == name)?;
        Some(&self.tables.tenures[self.tenure_at(p, date)])
    }
}
