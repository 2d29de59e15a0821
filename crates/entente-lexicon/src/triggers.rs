//! Event triggers and modality cues: which words code which PLOVER event, and which words
//! make an event speculative, hypothetical, negated, planned or reported.
//!
//! Five files under `data/events/`, one entry a line, sorted, each with a provenance header:
//!
//! - `verbs.txt` and `nouns.txt`: `pattern | EVENT | mode | cameo | frame | note`. The
//!   pattern language is in [`pattern`]; `frame` says where source and target come from:
//!   `src>tgt` (subject acts on the object or prepositional recipient; a target is needed),
//!   `src>tgt?` (the target may be missing), `src` (no recipient: a missile test),
//!   `tgt<src` (the subject undergoes: "came under fire from X"), `mutual` (a compound
//!   subject acts together: "Russia and North Korea signed a pact"), `says>subject` (the
//!   subject is the addressee and the speaker of the clause around it the source: "Russia
//!   said Sudan must return the helicopter").
//! - `modality.txt`: `cue | modality | reach`, where `reach` is how many tokens before the
//!   trigger the cue may stand (`3`), `sentence` for cues that colour the whole sentence
//!   ("if", "whether"), or `after` for verbs of saying and thinking, which colour what they
//!   govern: what follows them, and what precedes them only when they follow it as a report. `reported` cues are reporting verbs; the coder takes who says so
//!   from the actors next to them.
//! - `irregular.txt`: `lemma | past | participle` for verbs English does not inflect by rule.
//! - `domain.txt`: `word | kind`, words that mark what is not international politics
//!   (see [`domain`]).
//!
//! A user directory given to [`TriggerLexicon::load`] may hold `events/<same file>`: its
//! entries add to the built-in ones, and an entry with the same pattern (or cue) replaces
//! the built-in one.
//!
//! ```
//! use entente_lexicon::triggers::TriggerLexicon;
//!
//! let lexicon = TriggerLexicon::load(None).unwrap();
//! let words = ["north", "korea", "deployed", "11,000", "soldiers", "to", "russia"];
//! let found = lexicon.find(&words);
//! let longest = found.iter().max_by_key(|m| m.end - m.start).unwrap();
//! assert_eq!(lexicon.rule(longest.rule).event.as_str(), "MOBILIZE");
//! assert_eq!((longest.start, longest.end), (2, 6));
//! ```

pub mod domain;
mod inflect;
pub mod pattern;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::str::FromStr;

use entente_model::{EventType, Modality};

use crate::source::{check_duplicates, load_layers, overlay, Entry, LineFile, BUILTIN_PREFIX};
use crate::{LexiconError, WordClass};
use pattern::Element;

pub const VERBS: &str = "events/verbs.txt";
pub const NOUNS: &str = "events/nouns.txt";
pub const MODALITY: &str = "events/modality.txt";
pub const IRREGULAR: &str = "events/irregular.txt";

/// Whether a rule's head is a verb (inflected) or a noun phrase (singular or plural).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfSpeech {
    Verb,
    Noun,
}

/// Where a rule's source and target come from; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// `src>tgt` (`target_required`) or `src>tgt?`.
    Directed { target_required: bool },
    /// `src`: the event has no recipient.
    SourceOnly,
    /// `tgt<src`: the subject is the target, the actor after the trigger the source.
    Inverse,
    /// `mutual`: a compound subject acts jointly; a lone subject takes the object as target.
    Mutual,
    /// `says>subject`: the subject is the addressee; the speaker around it the source.
    Addressee,
}

impl FromStr for Frame {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "src>tgt" => Ok(Frame::Directed {
                target_required: true,
            }),
            "src>tgt?" => Ok(Frame::Directed {
                target_required: false,
            }),
            "src" => Ok(Frame::SourceOnly),
            "tgt<src" => Ok(Frame::Inverse),
            "mutual" => Ok(Frame::Mutual),
            "says>subject" => Ok(Frame::Addressee),
            _ => Err(format!(
                "`{s}` is not a frame; hint: use `src>tgt`, `src>tgt?`, `src`, `tgt<src`, \
                 `mutual` or `says>subject`"
            )),
        }
    }
}

/// One trigger rule, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerRule {
    pub pattern: String,
    pub pos: PartOfSpeech,
    pub event: EventType,
    pub mode: Option<String>,
    /// A finer CAMEO code than the type's root, when the rule names one.
    pub cameo: Option<String>,
    pub frame: Frame,
    pub note: String,
    /// `events/verbs.txt:12` for a built-in rule, the user's path and line otherwise.
    pub origin: String,
    rest: Vec<Element>,
}

/// How far a modality cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The cue must end at most this many tokens before the trigger starts.
    Tokens(u8),
    /// The cue colours every event of its sentence.
    Sentence,
    /// A verb of saying or thinking colours the clause it governs: every event after it, and
    /// the events before it only when it follows them as a report ("Russia attacked
    /// Ukraine, Polish officials said"), not when they are its subject ("The agreement
    /// suggests that ...").
    After,
}

/// One modality cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub phrase: String,
    pub words: Vec<String>,
    pub modality: Modality,
    pub reach: Reach,
    pub origin: String,
}

/// A rule that matched tokens `start..end` (the head is at `start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TriggerMatch {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    /// The head's form can be a past participle (`sanctioned`), so "was sanctioned by"
    /// is passive.
    pub participle: bool,
}

/// A cue that matched tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CueMatch {
    pub start: usize,
    pub end: usize,
    pub cue: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    rule: u32,
    participle: bool,
}

/// The compiled trigger and cue dictionaries.
#[derive(Debug, Clone, Default)]
pub struct TriggerLexicon {
    /// Clause breaks, days and adjuncts for matching `{...}` words and "agreed on Monday to".
    grammar: crate::Grammar,
    /// Every form of every verb rule's head: the coder's test for "a verb stands here".
    verb_forms: std::collections::HashSet<String>,
    rules: Vec<TriggerRule>,
    heads: HashMap<String, Vec<Head>, WordHash>,
    cues: Vec<Cue>,
    cue_heads: HashMap<String, Vec<u32>, WordHash>,
    domain: domain::Domain,
}

/// Every token of every sentence is looked up here, so the hash is a fast multiplicative
/// one rather than SipHash: the keys are our own dictionary words, not hostile input.
type WordHash = BuildHasherDefault<WordHasher>;

#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl TriggerLexicon {
    /// Loads the built-in files and, when given, the user's `events/` files over them, with
    /// the grammar from the same places. Returns every problem found, each with its file and
    /// line.
    pub fn load(user_dir: Option<&Path>) -> Result<TriggerLexicon, Vec<LexiconError>> {
        let grammar = crate::Grammar::load(user_dir)?;
        TriggerLexicon::load_with(user_dir, &grammar)
    }

    /// [`TriggerLexicon::load`] with a grammar already loaded.
    pub fn load_with(
        user_dir: Option<&Path>,
        grammar: &crate::Grammar,
    ) -> Result<TriggerLexicon, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut layers_of = |name: &str, fields| match load_layers(name, user_dir, fields) {
            Ok(layers) => layers,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        };
        let irregular = layers_of(IRREGULAR, 3..=3);
        let verbs = layers_of(VERBS, 5..=6);
        let nouns = layers_of(NOUNS, 5..=6);
        let modality = layers_of(MODALITY, 3..=3);
        let domain_layers = layers_of(domain::DOMAIN, 2..=2);

        let mut lexicon = TriggerLexicon {
            grammar: grammar.clone(),
            ..TriggerLexicon::default()
        };
        let participles = compile_irregular(&irregular, &mut errors);
        lexicon.domain = domain::Domain::compile(&domain_layers, &mut errors);
        for (layers, pos) in [(&verbs, PartOfSpeech::Verb), (&nouns, PartOfSpeech::Noun)] {
            for file in layers {
                errors.extend(check_duplicates(file, |r| r.field(0).to_lowercase()));
            }
            for entry in overlay(layers, |r| r.field(0).to_lowercase()) {
                match compile_rule(entry, pos) {
                    Ok(rule) => lexicon.add_rule(rule, &participles),
                    Err(message) => errors.push(error_at(entry, message)),
                }
            }
        }
        for file in &modality {
            errors.extend(check_duplicates(file, |r| r.field(0).to_lowercase()));
        }
        for entry in overlay(&modality, |r| r.field(0).to_lowercase()) {
            match compile_cue(entry) {
                Ok(cue) => lexicon.add_cue(cue),
                Err(message) => errors.push(error_at(entry, message)),
            }
        }
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            errors.sort();
            Err(errors)
        }
    }

    pub fn rules(&self) -> &[TriggerRule] {
        &self.rules
    }

    pub fn rule(&self, index: usize) -> &TriggerRule {
        &self.rules[index]
    }

    /// Words that mark what is not international politics.
    pub fn domain(&self) -> &domain::Domain {
        &self.domain
    }

    /// Whether `word` (lower-cased) is a form of a verb some verb rule is headed by.
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.verb_forms.contains(word)
    }

    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    pub fn cue(&self, index: usize) -> &Cue {
        &self.cues[index]
    }

    /// Every rule that matches `words` (lower-cased tokens of one sentence), sorted by
    /// start, then by end, then by rule. Overlapping matches are all returned: choosing
    /// among them is the coder's business.
    pub fn find(&self, words: &[&str]) -> Vec<TriggerMatch> {
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(heads) = self.heads.get(*word) else {
                continue;
            };
            for head in heads {
                let rule = &self.rules[head.rule as usize];
                if let Some(end) = match_rest(&self.grammar, &rule.rest, words, i + 1) {
                    out.push(TriggerMatch {
                        start: i,
                        end,
                        rule: head.rule as usize,
                        participle: head.participle,
                    });
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Every cue in `words`, sorted by position.
    pub fn find_cues(&self, words: &[&str]) -> Vec<CueMatch> {
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(cues) = self.cue_heads.get(*word) else {
                continue;
            };
            for &c in cues {
                let cue = &self.cues[c as usize];
                let end = i + cue.words.len();
                if end <= words.len() && words[i..end].iter().zip(&cue.words).all(|(w, c)| w == c) {
                    out.push(CueMatch {
                        start: i,
                        end,
                        cue: c as usize,
                    });
                }
            }
        }
        out.sort();
        out
    }

    fn add_rule(&mut self, rule: TriggerRule, participles: &HashMap<String, Vec<String>>) {
        let index = self.rules.len() as u32;
        let mut forms: Vec<(String, bool)> = Vec::new();
        let head = pattern::parse(&rule.pattern, rule.pos == PartOfSpeech::Noun)
            .expect("validated in compile_rule")
            .head;
        for lemma in &head {
            match rule.pos {
                PartOfSpeech::Verb => {
                    forms.extend(
                        inflect::verb_forms(lemma)
                            .into_iter()
                            .map(|f| (f.text, f.participle)),
                    );
                    // An irregular verb's own past forms; the regular guesses stay but
                    // never occur in text.
                    for p in participles.get(lemma).into_iter().flatten() {
                        forms.push((p.clone(), true));
                    }
                }
                PartOfSpeech::Noun => {
                    forms.extend(inflect::noun_forms(lemma).into_iter().map(|f| (f, false)))
                }
            }
        }
        forms.sort();
        forms.dedup_by(|a, b| a.0 == b.0);
        if rule.pos == PartOfSpeech::Verb {
            self.verb_forms.extend(forms.iter().map(|(f, _)| f.clone()));
        }
        for (form, participle) in forms {
            self.heads.entry(form).or_default().push(Head {
                rule: index,
                participle,
            });
        }
        self.rules.push(rule);
    }

    fn add_cue(&mut self, cue: Cue) {
        let index = self.cues.len() as u32;
        self.cue_heads
            .entry(cue.words[0].clone())
            .or_default()
            .push(index);
        self.cues.push(cue);
    }
}

/// Matches the elements after the head from token `at`; returns the end of the match.
/// A `{...}` element tries each of its occurrences in turn, so "fired four shell bombs at"
/// matches `fire {shells/bombs} at` through its second candidate.
fn match_rest(g: &crate::Grammar, rest: &[Element], words: &[&str], at: usize) -> Option<usize> {
    let Some((first, others)) = rest.split_first() else {
        return Some(at);
    };
    match first {
        Element::Next(forms) => {
            let word = words.get(at)?;
            if forms.iter().any(|f| f == word) {
                return match_rest(g, others, words, at + 1);
            }
            // "threatened today to strike", "agreed on Monday to": a time or manner
            // adjunct may stand between a verb and the "to" or "that" of its complement.
            if !forms.iter().any(|f| f == "to" || f == "that") {
                return None;
            }
            let mut next = at;
            for _ in 0..2 {
                next = skip_adjunct(g, words, next)?;
                if words
                    .get(next)
                    .is_some_and(|w| forms.iter().any(|f| f == w))
                {
                    return match_rest(g, others, words, next + 1);
                }
            }
            None
        }
        Element::Near(forms) => {
            let limit = (at + pattern::NEAR_WINDOW).min(words.len());
            (at..limit)
                .take_while(|&j| !g.is(WordClass::ClauseBreak, words[j]))
                .filter(|&j| forms.iter().any(|f| f == words[j]))
                .find_map(|j| match_rest(g, others, words, j + 1))
        }
    }
}

/// The index after one time or manner adjunct starting at `at` ("today", "on Monday",
/// "in principle", "formally"), if one starts there.
fn skip_adjunct(g: &crate::Grammar, words: &[&str], at: usize) -> Option<usize> {
    let word = *words.get(at)?;
    let next = words.get(at + 1).copied().unwrap_or_default();
    let day = |w: &str| g.is(WordClass::Calendar, w) && w.ends_with("day");
    match word {
        "on" | "last" | "this" | "next" if day(next) || next == "week" => Some(at + 2),
        "in" if next == "principle" => Some(at + 2),
        w if g.is(WordClass::Adjunct, w) || day(w) => Some(at + 1),
        w if w.len() > 4 && w.ends_with("ly") && w.chars().all(char::is_alphabetic) => Some(at + 1),
        _ => None,
    }
}

fn origin(entry: Entry<'_>) -> String {
    let path = entry
        .path
        .strip_prefix(BUILTIN_PREFIX)
        .unwrap_or(entry.path);
    format!("{path}:{}", entry.record.line)
}

fn error_at(entry: Entry<'_>, message: String) -> LexiconError {
    LexiconError::new(entry.path, entry.record.line, message)
}

fn compile_irregular(
    layers: &[LineFile],
    errors: &mut Vec<LexiconError>,
) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for file in layers {
        errors.extend(check_duplicates(file, |r| r.field(0).to_lowercase()));
    }
    for entry in overlay(layers, |r| r.field(0).to_lowercase()) {
        let r = entry.record;
        let words = [r.field(0), r.field(1), r.field(2)];
        if let Some(bad) = words
            .iter()
            .find(|w| w.is_empty() || w.chars().any(|c| !c.is_ascii_lowercase() && c != '-'))
        {
            errors.push(error_at(
                entry,
                format!("`{bad}` must be one lower-case word"),
            ));
            continue;
        }
        let forms = out.entry(words[0].to_string()).or_default();
        forms.push(words[1].to_string());
        if words[2] != words[1] {
            forms.push(words[2].to_string());
        }
    }
    out
}

fn compile_rule(entry: Entry<'_>, pos: PartOfSpeech) -> Result<TriggerRule, String> {
    let r = entry.record;
    let pattern_text = r.field(0);
    let mut parsed = pattern::parse(pattern_text, pos == PartOfSpeech::Noun)?;
    if pos == PartOfSpeech::Verb {
        pattern::expand_near_objects(&mut parsed.rest);
    }
    let event: EventType = r.field(1).parse().map_err(|e: entente_model::ModelError| {
        format!("{e}; hint: use one of the 16 PLOVER types")
    })?;
    let mode = match r.field(2) {
        "" => None,
        m if m
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_') =>
        {
            Some(m.to_string())
        }
        m => return Err(format!("mode `{m}` must be a lower-case word")),
    };
    let cameo = match r.field(3) {
        "" => None,
        c if (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) => {
            Some(c.to_string())
        }
        c => return Err(format!("`{c}` is not a CAMEO code: expected 2 to 4 digits")),
    };
    let frame: Frame = r.field(4).parse()?;
    Ok(TriggerRule {
        pattern: pattern_text.to_string(),
        pos,
        event,
        mode,
        cameo,
        frame,
        note: r.field(5).to_string(),
        origin: origin(entry),
        rest: parsed.rest,
    })
}

fn compile_cue(entry: Entry<'_>) -> Result<Cue, String> {
    let r = entry.record;
    let phrase = r.field(0);
    let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
    if words.iter().any(|w| w.chars().any(char::is_uppercase)) {
        return Err(format!("cue `{phrase}` must be lower-case"));
    }
    let modality: Modality = r
        .field(1)
        .parse()
        .map_err(|e: entente_model::ModelError| e.to_string())?;
    if modality == Modality::Asserted {
        return Err("`asserted` is what an event is without cues; it is not a cue".into());
    }
    let reach = match r.field(2) {
        "sentence" => Reach::Sentence,
        "after" => Reach::After,
        n => match n.parse::<u8>() {
            Ok(k) if k > 0 => Reach::Tokens(k),
            _ => {
                return Err(format!(
                    "reach `{n}` must be a number of tokens (1 to 255), `sentence` or `after`"
                ))
            }
        },
    };
    Ok(Cue {
        phrase: phrase.to_string(),
        words,
        modality,
        reach,
        origin: origin(entry),
    })
}

#[cfg(test)]
mod tests;
