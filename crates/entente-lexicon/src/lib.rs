//! entente-lexicon: the built-in dictionaries (countries, leaders, organizations, agents,
//! titles, the PLOVER ontology, event triggers) as data files, loaded in three steps: parse
//! (every problem with file and line), validate (every problem), compile (automata).
//!
//! ```
//! use entente_lexicon::source::parse_line_file;
//!
//! let file = parse_line_file("demo.txt", "# a header\nAlpha | A\nBeta | B\n", 2..=2).unwrap();
//! assert_eq!(file.records[1].fields, vec!["Beta", "B"]);
//! ```

mod error;
pub mod source;
pub mod triggers;

pub use error::{LexiconError, LexiconErrors};
pub use source::{LineFile, Record};
