//! The closed-class words of English the coder reasons with (`data/grammar.txt`): which words
//! are prepositions, determiners, clause breaks, pronouns, agent nouns, light verbs, offices,
//! control verbs. They are data, not code, so that `lexicon check`, the digest and
//! `--lexicon DIR` cover them like every other word list: a new agent noun is one line.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::str::FromStr;

use crate::source::{check_duplicates, load_layers, overlay};
use crate::LexiconError;

pub const GRAMMAR: &str = "grammar.txt";

/// The word classes of `grammar.txt`; see its header for what each one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WordClass {
    Preposition,
    AllyPreposition,
    OpponentPreposition,
    Determiner,
    HardBreak,
    ObjectBreak,
    ClauseBreak,
    Connector,
    PassiveAuxiliary,
    SubjectPronoun,
    PossessivePronoun,
    PossessiveClitic,
    Quantity,
    AgentNoun,
    LightVerb,
    Office,
    ControlVerb,
    Verb,
    Relative,
    Calendar,
    Adjunct,
    LinkSuffix,
    MannerSuffix,
    RelationNoun,
    LinkPhrase,
    Geographic,
    AgentModifier,
    Auxiliary,
    Captive,
    StateAnaphor,
    GroupAnaphor,
    JudgedNoun,
    NoComment,
    Accusation,
}

impl WordClass {
    pub const ALL: [WordClass; 34] = [
        WordClass::Preposition,
        WordClass::AllyPreposition,
        WordClass::OpponentPreposition,
        WordClass::Determiner,
        WordClass::HardBreak,
        WordClass::ObjectBreak,
        WordClass::ClauseBreak,
        WordClass::Connector,
        WordClass::PassiveAuxiliary,
        WordClass::SubjectPronoun,
        WordClass::PossessivePronoun,
        WordClass::PossessiveClitic,
        WordClass::Quantity,
        WordClass::AgentNoun,
        WordClass::LightVerb,
        WordClass::Office,
        WordClass::ControlVerb,
        WordClass::Verb,
        WordClass::Relative,
        WordClass::Calendar,
        WordClass::Adjunct,
        WordClass::LinkSuffix,
        WordClass::MannerSuffix,
        WordClass::RelationNoun,
        WordClass::LinkPhrase,
        WordClass::Geographic,
        WordClass::AgentModifier,
        WordClass::Auxiliary,
        WordClass::Captive,
        WordClass::StateAnaphor,
        WordClass::GroupAnaphor,
        WordClass::JudgedNoun,
        WordClass::NoComment,
        WordClass::Accusation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WordClass::Preposition => "preposition",
            WordClass::AllyPreposition => "ally_preposition",
            WordClass::OpponentPreposition => "opponent_preposition",
            WordClass::Determiner => "determiner",
            WordClass::HardBreak => "hard_break",
            WordClass::ObjectBreak => "object_break",
            WordClass::ClauseBreak => "clause_break",
            WordClass::Connector => "connector",
            WordClass::PassiveAuxiliary => "passive_auxiliary",
            WordClass::SubjectPronoun => "subject_pronoun",
            WordClass::PossessivePronoun => "possessive_pronoun",
            WordClass::PossessiveClitic => "possessive_clitic",
            WordClass::Quantity => "quantity",
            WordClass::AgentNoun => "agent_noun",
            WordClass::LightVerb => "light_verb",
            WordClass::Office => "office",
            WordClass::ControlVerb => "control_verb",
            WordClass::Verb => "verb",
            WordClass::Relative => "relative",
            WordClass::Calendar => "calendar",
            WordClass::Adjunct => "adjunct",
            WordClass::LinkSuffix => "link_suffix",
            WordClass::MannerSuffix => "manner_suffix",
            WordClass::RelationNoun => "relation_noun",
            WordClass::LinkPhrase => "link_phrase",
            WordClass::Geographic => "geographic",
            WordClass::AgentModifier => "agent_modifier",
            WordClass::Auxiliary => "auxiliary",
            WordClass::Captive => "captive",
            WordClass::StateAnaphor => "state_anaphor",
            WordClass::GroupAnaphor => "group_anaphor",
            WordClass::JudgedNoun => "judged_noun",
            WordClass::NoComment => "no_comment",
            WordClass::Accusation => "accusation",
        }
    }
}

impl FromStr for WordClass {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        WordClass::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                format!("`{s}` is not a word class; hint: the classes are listed in the header of grammar.txt")
            })
    }
}

/// The compiled word classes.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    classes: HashMap<WordClass, HashSet<String>>,
}

impl Grammar {
    /// The built-in file and, when given, the user's `grammar.txt` over it (entries add).
    pub fn load(user_dir: Option<&Path>) -> Result<Grammar, Vec<LexiconError>> {
        let layers = load_layers(GRAMMAR, user_dir, 2..=2)?;
        let key = |r: &crate::Record| (r.field(0).to_string(), r.field(1).to_string());
        let mut errors = Vec::new();
        for file in &layers {
            errors.extend(check_duplicates(file, key));
        }
        let mut grammar = Grammar::default();
        for entry in overlay(&layers, key) {
            let (word, class) = (entry.record.field(0), entry.record.field(1));
            match class.parse::<WordClass>() {
                Ok(_) if word.chars().any(char::is_uppercase) => errors.push(LexiconError::new(
                    entry.path,
                    entry.record.line,
                    format!("`{word}` must be lower-case"),
                )),
                Ok(c) => {
                    grammar
                        .classes
                        .entry(c)
                        .or_default()
                        .insert(word.to_string());
                }
                Err(message) => {
                    errors.push(LexiconError::new(entry.path, entry.record.line, message))
                }
            }
        }
        if errors.is_empty() {
            Ok(grammar)
        } else {
            Err(errors)
        }
    }

    /// Whether the lower-cased `word` is of `class`.
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        self.classes.get(&class).is_some_and(|s| s.contains(word))
    }

    /// The words of a class (for tests and listings).
    pub fn words(&self, class: WordClass) -> impl Iterator<Item = &str> {
        self.classes
            .get(&class)
            .into_iter()
            .flat_map(|s| s.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words_and_the_builtin_file_loads() {
        let g = Grammar::load(None).unwrap();
        for c in WordClass::ALL {
            assert!(g.words(c).next().is_some(), "{} is empty", c.as_str());
        }
        assert!(g.is(WordClass::Preposition, "against"));
        assert!(g.is(WordClass::HardBreak, ";"));
        assert!(!g.is(WordClass::Preposition, "russia"));
    }

    #[test]
    fn a_user_file_adds_words_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(GRAMMAR), "gendarmes | agent_noun\n").unwrap();
        let g = Grammar::load(Some(dir.path())).unwrap();
        assert!(g.is(WordClass::AgentNoun, "gendarmes"));
        assert!(g.is(WordClass::AgentNoun, "forces"));
        std::fs::write(
            dir.path().join(GRAMMAR),
            "Gendarmes | agent_noun\nx | noun\n",
        )
        .unwrap();
        let errors = Grammar::load(Some(dir.path())).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
