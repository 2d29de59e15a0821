//! Helpers shared by the coder's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use entente_ingest::normalize::join_paragraphs;
use entente_lexicon::Lexicon;
use entente_model::{Article, Doc, Event, Genre};

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

/// A one-paragraph news article segmented the way the pipeline does it.
pub fn doc(text: &str, genre: Genre) -> Doc {
    let (text, paragraphs) = join_paragraphs(&[text]);
    let mut article = Article::new(text, paragraphs);
    article.genre = genre;
    entente_ingest::segment(article)
}

/// `../shared` next to the workspace, when this machine has it.
pub fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is missing", dir.display());
        None
    }
}

/// The keys an event names: codes, and organizations' short names too.
pub fn keys(actors: &[entente_model::ActorRef]) -> Vec<String> {
    let mut out: Vec<String> = actors.iter().map(|a| a.party_key().into_owned()).collect();
    out.sort();
    out.dedup();
    out
}

/// Whether `expected` (codes or org keys joined with `+`, `-` for none) names the actors.
pub fn same_actors(expected: &str, actors: &[entente_model::ActorRef]) -> bool {
    let mut want: Vec<&str> = if expected == "-" {
        Vec::new()
    } else {
        expected.split('+').collect()
    };
    want.sort();
    want.len() == actors.len()
        && want.iter().all(|w| {
            actors
                .iter()
                .any(|a| a.key() == Some(*w) || a.code_str() == *w || *w == "?" && a.code.is_none())
        })
}

pub fn summary(e: &Event) -> String {
    format!(
        "{} {} {} {} [{}]",
        keys(&e.source).join("+"),
        e.event,
        keys(&e.target).join("+"),
        e.modality,
        e.evidence.trigger
    )
}
