//! One module a command (or a family of commands).

pub mod analytics;
pub mod articles;
pub mod code;
pub mod demo;
pub mod eval;
pub mod events;
pub mod explain;
pub mod ingest;
pub mod lexicon;
pub mod synth;
