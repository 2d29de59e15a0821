//! Words that mark what is not international politics (`events/domain.txt`): heads that
//! make a state's adjective part of a company's, a team's or an athlete's name ("Japanese
//! car maker", "Iranian striker"), and the vocabulary of sports reports, where states'
//! names are teams.

use std::collections::HashSet;

use crate::source::{check_duplicates, overlay, Entry, LineFile};
use crate::LexiconError;

pub const DOMAIN: &str = "events/domain.txt";

/// The compiled word lists.
#[derive(Debug, Clone, Default)]
pub struct Domain {
    heads: HashSet<String>,
    sport: HashSet<String>,
    venue: HashSet<String>,
    venue_city: HashSet<String>,
    thing: HashSet<String>,
}

impl Domain {
    /// Compiles the layers of `domain.txt`; problems are pushed with file and line.
    pub fn compile(layers: &[LineFile], errors: &mut Vec<LexiconError>) -> Domain {
        let key = |r: &crate::source::Record| (r.field(0).to_lowercase(), r.field(1).to_string());
        for file in layers {
            errors.extend(check_duplicates(file, key));
        }
        let mut domain = Domain::default();
        for entry in overlay(layers, key) {
            if let Err(message) = domain.add(entry) {
                errors.push(LexiconError::new(entry.path, entry.record.line, message));
            }
        }
        domain
    }

    fn add(&mut self, entry: Entry<'_>) -> Result<(), String> {
        let word = entry.record.field(0).to_lowercase();
        if word.is_empty() || word.contains(char::is_whitespace) {
            return Err(format!("`{word}`: a domain word is one token"));
        }
        match entry.record.field(1) {
            "head" => self.heads.insert(word),
            "sport" => self.sport.insert(word),
            "venue" => self.venue.insert(word),
            "venue_city" => self.venue_city.insert(word),
            "thing" => self.thing.insert(word),
            other => {
                return Err(format!(
                    "unknown kind `{other}` (expected head, sport, thing, venue or venue_city)"
                ))
            }
        };
        Ok(())
    }

    /// Whether a lower-cased word after a state's adjective makes the phrase a company,
    /// a team or a person outside politics.
    pub fn is_non_political_head(&self, word: &str) -> bool {
        self.heads.contains(word)
    }

    /// Whether a lower-cased word after a state's or a capital's name makes the name the
    /// place of a meeting ("the Singapore summit"); `city` also accepts the heads that only a
    /// city names as a place ("the Minsk agreements", "the Astana talks"), where a state's
    /// name is a party ("the Iran deal").
    pub fn is_venue_head(&self, word: &str, city: bool) -> bool {
        self.venue.contains(word) || city && self.venue_city.contains(word)
    }

    /// Whether a lower-cased word after a state's adjective or name makes the phrase a thing
    /// and no actor at all ("US dollars", "the Chinese currency").
    pub fn is_thing_head(&self, word: &str) -> bool {
        self.thing.contains(word)
    }

    /// Whether a lower-cased word belongs to sports reports.
    pub fn is_sport_word(&self, word: &str) -> bool {
        self.sport.contains(word)
    }
}
