//! entente-ingest: from input files to [`Article`]s, and from an article to a [`Doc`] of
//! sentences and tokens.
//!
//! The stage answers "what did the page say, and which part of it is the article?":
//!
//! 1. [`discover`] expands paths (files, folders by extension, `-` for stdin) into [`Input`]s
//!    in a fixed order.
//! 2. [`read_input`] reads one input: text and HTML give one article, JSON Lines and CSV one
//!    per record. Errors name the file and line; a bad record does not stop the rest.
//! 3. Each reader separates the body from boilerplate (captions, bylines, timestamps, section
//!    labels, disclaimers, author bios), finds title, authors, date, genre and language, and
//!    normalizes the body ([`normalize()`]).
//! 4. [`segment`] splits the body and the captions into sentences ([`sentences::split`]) and
//!    tokens ([`tokens::tokenize`]) whose ranges index the normalized text exactly.
//!
//! ```
//! use entente_ingest::{read_str, segment, Format, ReadOptions};
//!
//! let page = "Envoys Meet in Geneva\n\nThe U.S. envoy met his Russian counterpart on Monday. \
//!             Talks resume in May.\n";
//! let article = read_str(page, Format::Text, "example.txt", &ReadOptions::default())
//!     .next()
//!     .unwrap()
//!     .unwrap();
//! assert_eq!(article.title.as_deref(), Some("Envoys Meet in Geneva"));
//! let doc = segment(article);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentence_text(&doc.sentences[0]), "The U.S. envoy met his Russian counterpart on Monday.");
//! ```

mod assemble;
pub mod cues;
pub mod dates;
mod decode;
mod discover;
mod error;
mod html;
pub mod normalize;
mod options;
mod records;
mod segment;
pub mod sentences;
mod text;
pub mod tokens;

use std::path::Path;

pub use assemble::detect_language;
pub use decode::decode;
pub use discover::{discover, format_of_extension, sniff, Format, Input};
pub use entente_model::{Article, Doc, Genre};
pub use error::{IngestError, Location};
pub use normalize::normalize;
pub use options::{ReadOptions, DEFAULT_MAX_BYTES};
pub use segment::segment;

/// What [`read_input`] yields: articles and per-article (or per-record) errors, in input order.
pub type Articles = Box<dyn Iterator<Item = Result<Article, IngestError>> + Send>;

/// Reads one input. Text and HTML give one article; JSON Lines and CSV one per record, read
/// lazily. A problem with the whole input is the single item yielded.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Articles {
    match decode::load(input, opts) {
        Ok(decoded) => read_decoded(decoded, input.format, &input.path, opts),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Reads text already in memory as if it were the file `name` in `format`: for tests and
/// for callers that fetched the text themselves.
pub fn read_str(text: &str, format: Format, name: &str, opts: &ReadOptions) -> Articles {
    let path = Path::new(name);
    let at = Location::file(path);
    if text.len() as u64 > opts.max_bytes {
        return Box::new(std::iter::once(Err(IngestError::TooLarge {
            at,
            size: text.len() as u64,
            limit: opts.max_bytes,
        })));
    }
    match decode(&at, text.as_bytes()) {
        Ok(decoded) => read_decoded(decoded, format, path, opts),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

fn read_decoded(
    decoded: decode::Decoded,
    format: Format,
    path: &Path,
    opts: &ReadOptions,
) -> Articles {
    let decode::Decoded { text, warnings } = decoded;
    let single = |parts: assemble::Parts| -> Articles {
        let mut parts = parts;
        parts.key = Some(path.display().to_string());
        parts.warnings.splice(0..0, warnings.iter().cloned());
        if parts.paragraphs.is_empty() {
            return Box::new(std::iter::once(Err(IngestError::NoContent {
                at: Location::file(path),
                hint: Some(
                    "only boilerplate (title, captions, bylines) was found; the body is empty"
                        .into(),
                ),
            })));
        }
        Box::new(std::iter::once(Ok(assemble::finish(parts, opts))))
    };
    // A page the readers cannot cope with costs that page, never the batch around it.
    let contained = |read: fn(&str) -> assemble::Parts| -> Articles {
        match std::panic::catch_unwind(|| read(&text)) {
            Ok(parts) => single(parts),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_string());
                Box::new(std::iter::once(Err(IngestError::ReaderFailed {
                    at: Location::file(path),
                    message,
                })))
            }
        }
    };
    match format {
        Format::Text => contained(text::parse_text),
        Format::Html => contained(html::parse_html),
        Format::JsonLines => records::read_json(path, text, !warnings.is_empty(), opts.clone()),
        Format::Csv => records::read_csv(path, text, !warnings.is_empty(), opts.clone()),
    }
}
