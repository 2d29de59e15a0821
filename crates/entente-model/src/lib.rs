//! The data model of entente, shared by every stage of the pipeline.
//!
//! One [`Article`] owns its normalized text; everything else (paragraphs, sentences, tokens,
//! actor mentions, event evidence) is a [`TextRange`] into that text, in the manner of spaCy's
//! `Doc`. Codes are validated newtypes ([`ActorCode`], [`EventType`], [`Sector`]) so that a wrong
//! value cannot be built, and ids are typed and stable ([`ArticleId`], [`EventId`]): the same
//! input gives the same id on every machine and in every process.
//!
//! This crate does no I/O.
//!
//! ```
//! use entente_model::{Article, ArticleId, TextRange};
//!
//! let text = "North Korea sent troops to Russia.";
//! let id = ArticleId::from_text(text);
//! assert_eq!(id, ArticleId::from_text(text));
//! let range = TextRange::new(0, 11);
//! assert_eq!(range.slice(text), "North Korea");
//! ```

mod article;
mod date;
pub mod dates;
mod doc;
mod error;
mod event;
mod ids;
mod interaction;
mod ontology;
mod range;

pub use article::{Article, Boilerplate, BoilerplateKind, Genre, Paragraph};
pub use date::{ArticleDate, DateBasis, DatePrecision, EventDate};
pub use doc::{Doc, Section, Sentence, Token, TokenKind};
pub use error::ModelError;
pub use event::{ActorRef, Event, Evidence, Modality};
pub use ids::{ArticleId, EventId};
pub use interaction::Interaction;
pub use ontology::{ActorCode, EventType, QuadClass, Sector};
pub use range::{CharOffsets, TextRange};
