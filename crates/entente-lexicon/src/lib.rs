//! entente-lexicon: the built-in dictionaries (countries, leaders, organizations, agents,
//! titles, the PLOVER ontology, event triggers) as data files under `data/`, embedded in the
//! binary and loaded in three steps: parse (every problem with file and line), validate
//! (duplicates, overlapping tenures, unknown codes and sectors, unsorted lines, bad dates:
//! every problem), compile (Aho-Corasick automata). A user directory (`--lexicon DIR`) holds
//! files of the same names that add entries or override built-in ones with the same key.
//!
//! ```
//! use entente_lexicon::{actors::MentionMemory, Lexicon};
//! use chrono::NaiveDate;
//!
//! let lexicon = Lexicon::builtin().unwrap();
//! let date = NaiveDate::from_ymd_opt(2024, 6, 19);
//! let mut memory = MentionMemory::new();
//! let found = lexicon.actors.find("Russian President Vladimir Putin met Kim Jong Un.", date, &mut memory);
//! assert_eq!(found[0].actor.code_str(), "RUS");
//! assert_eq!(found[1].actor.code_str(), "PRK");
//! assert_eq!(lexicon.digest().len(), 32);
//! ```

pub mod actors;
mod error;
pub mod grammar;
pub mod ontology;
pub mod source;
pub mod triggers;

use std::path::{Path, PathBuf};

pub use actors::{ActorLexicon, ActorMention, MentionKind, MentionMemory};
pub use error::{LexiconError, LexiconErrors};
pub use grammar::{Grammar, WordClass};
pub use ontology::{Ontology, TypeInfo};
pub use source::{LineFile, Record};

/// Every dictionary, validated and compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub grammar: Grammar,
    pub actors: ActorLexicon,
    pub triggers: triggers::TriggerLexicon,
    pub ontology: Ontology,
    digest: String,
}

impl Lexicon {
    /// The embedded files only.
    pub fn builtin() -> Result<Lexicon, LexiconErrors> {
        Lexicon::load(None)
    }

    /// The embedded files plus the overrides in `user_dir`. Fails with every problem found
    /// in every file, so a user fixes them in one round.
    pub fn load(user_dir: Option<&Path>) -> Result<Lexicon, LexiconErrors> {
        if let Some(dir) = user_dir {
            if !dir.is_dir() {
                return Err(LexiconErrors::new(vec![LexiconError::new(
                    dir.display().to_string(),
                    0,
                    "lexicon directory does not exist",
                )]));
            }
        }
        let mut errors = Vec::new();
        let grammar = Grammar::load(user_dir)
            .map_err(|e| errors.extend(e))
            .unwrap_or_default();
        let ontology = Ontology::load(user_dir).map_err(|e| errors.extend(e)).ok();
        // The actor automaton (tens of thousands of names) and the trigger patterns do not
        // depend on each other: built side by side, start-up costs the longer of the two.
        let (actors, triggers) = std::thread::scope(|scope| {
            let triggers = scope.spawn(|| triggers::TriggerLexicon::load_with(user_dir, &grammar));
            let actors = ontology
                .as_ref()
                .map(|o| ActorLexicon::load(user_dir, &|s| o.is_sector(s), &grammar));
            (
                actors,
                triggers
                    .join()
                    .expect("the trigger lexicon loads without panicking"),
            )
        });
        let actors = actors.and_then(|r| r.map_err(|e| errors.extend(e)).ok());
        let triggers = triggers.map_err(|e| errors.extend(e)).ok();
        let digest = digest(user_dir).map_err(|e| errors.push(e)).ok();
        match (ontology, actors, triggers, digest) {
            (Some(ontology), Some(actors), Some(triggers), Some(digest)) if errors.is_empty() => {
                Ok(Lexicon {
                    grammar,
                    actors,
                    triggers,
                    ontology,
                    digest,
                })
            }
            _ => Err(LexiconErrors::new(errors)),
        }
    }

    /// xxh3-128 hex of every file loaded: stamped on events so each names its lexicon.
    pub fn digest(&self) -> &str {
        &self.digest
    }
}

/// What `entente lexicon check` prints when the lexicon is fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub digest: String,
    /// (path, data lines) of every actor, ontology and sector file loaded, built-in first.
    pub files: Vec<(String, usize)>,
    pub countries: usize,
    pub leaders: usize,
    pub organizations: usize,
}

impl std::fmt::Display for CheckReport {
    /// One line a file, then the totals and the digest: what `lexicon check` prints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (path, n) in &self.files {
            writeln!(f, "`{path}`: {n} entries")?;
        }
        writeln!(
            f,
            "{} countries and territories, {} leader terms, {} organizations",
            self.countries, self.leaders, self.organizations
        )?;
        write!(f, "lexicon digest {}", self.digest)
    }
}

/// `entente lexicon check [--lexicon DIR]`: loads and validates everything; `Err` lists every
/// problem with its file and line.
pub fn check(user_dir: Option<&Path>) -> Result<CheckReport, LexiconErrors> {
    let lexicon = Lexicon::load(user_dir)?;
    let sources = actors::ActorSources::load(user_dir).map_err(LexiconErrors::new)?;
    let mut files = sources.stats();
    for (name, fields) in [
        ("ontology.txt", 5..=5),
        ("sectors.txt", 2..=2),
        ("cameo.txt", 3..=3),
        (grammar::GRAMMAR, 2..=2),
    ] {
        let layers = source::load_layers(name, user_dir, fields).map_err(LexiconErrors::new)?;
        files.extend(layers.iter().map(|f| (f.path.clone(), f.records.len())));
    }
    let tables = lexicon.actors.tables();
    Ok(CheckReport {
        digest: lexicon.digest,
        files,
        countries: tables.countries.len(),
        leaders: tables.tenures.len(),
        organizations: tables.organizations.len(),
    })
}

/// Hashes every embedded file and every file under `user_dir`, each with its path, in a
/// fixed order, so the digest changes exactly when what was loaded changes.
fn digest(user_dir: Option<&Path>) -> Result<String, LexiconError> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for (name, text) in source::builtin_files() {
        hasher.update(name.as_bytes());
        hasher.update(&[0]);
        hasher.update(text.as_bytes());
        hasher.update(&[0]);
    }
    if let Some(dir) = user_dir {
        let mut files = Vec::new();
        collect_files(dir, &mut files)?;
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).map_err(|e| {
                LexiconError::new(path.display().to_string(), 0, format!("cannot read: {e}"))
            })?;
            let rel = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            hasher.update(b"user:");
            hasher.update(rel.as_bytes());
            hasher.update(&[0]);
            hasher.update(&bytes);
            hasher.update(&[0]);
        }
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LexiconError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        LexiconError::new(dir.display().to_string(), 0, format!("cannot list: {e}"))
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}
