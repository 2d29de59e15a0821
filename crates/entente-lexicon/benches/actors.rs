//! Actor matching speed on real text: the BBC corpus, split into sentences at full stops.
//! Checks its answer (the number of mentions found is stable and non-zero) as well as time.
//! Run: `cargo bench -p entente-lexicon --bench actors`.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use entente_lexicon::{Lexicon, MentionMemory};

fn main() {
    divan::main();
}

fn corpus() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc_news.jsonl");
        let raw =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(String::from))
            .collect()
    })
}

#[divan::bench]
fn find_actors(bencher: divan::Bencher) {
    let lexicon = Lexicon::builtin().unwrap();
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let date = NaiveDate::from_ymd_opt(2005, 1, 1);
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let mut mentions = 0usize;
            for text in texts {
                let mut memory = MentionMemory::new();
                for sentence in text.split_inclusive(". ") {
                    mentions += lexicon.actors.find(sentence, date, &mut memory).len();
                }
            }
            assert!(mentions > 1000, "found only {mentions} mentions");
            mentions
        });
}
