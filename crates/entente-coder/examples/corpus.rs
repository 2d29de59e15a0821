//! Codes a JSON Lines corpus (default `../shared/corpus/bbc_news.jsonl`) and prints one
//! line per event: for reading what the coder does on real news, not for scoring.
//!
//! `cargo run -p entente-coder --release --example corpus [-- FILE]`

use std::path::PathBuf;

use entente_coder::Coder;
use entente_ingest::{read_str, Format, ReadOptions};
use entente_lexicon::Lexicon;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc_news.jsonl")
        });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    let coder = Coder::new(&lexicon);
    for article in read_str(
        &text,
        Format::JsonLines,
        "corpus.jsonl",
        &ReadOptions::default(),
    )
    .flatten()
    {
        for e in coder.code(&entente_ingest::segment(article)) {
            let keys = |v: &[entente_model::ActorRef]| {
                v.iter()
                    .map(|a| a.party_key().into_owned())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                keys(&e.source),
                e.event,
                keys(&e.target),
                e.modality,
                e.evidence.trigger,
                e.evidence.sentence
            );
        }
    }
}
