//! Throughput of `Coder::code` on BBC-like news (`../shared/corpus/bbc_news.jsonl`): the
//! corpus is read and segmented once, then coded; a second bench segments and codes.
//! Both check that the corpus codes some events, so a broken coder cannot look fast.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::Bencher;
use entente_coder::Coder;
use entente_ingest::{read_str, Format, ReadOptions};
use entente_lexicon::Lexicon;
use entente_model::{Article, Doc};

fn main() {
    divan::main();
}

fn corpus() -> &'static [Article] {
    static CORPUS: OnceLock<Vec<Article>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc_news.jsonl");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is missing", path.display());
            return Vec::new();
        };
        read_str(
            &text,
            Format::JsonLines,
            "bbc_news.jsonl",
            &ReadOptions::default(),
        )
        .filter_map(Result::ok)
        .collect()
    })
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

#[divan::bench(sample_count = 5)]
fn code(bencher: Bencher) {
    let docs: Vec<Doc> = corpus()
        .iter()
        .cloned()
        .map(entente_ingest::segment)
        .collect();
    let coder = Coder::new(lexicon());
    bencher
        .counter(BytesCount::new(bytes(corpus())))
        .bench_local(|| {
            let n: usize = docs.iter().map(|d| coder.code(d).len()).sum();
            assert!(docs.is_empty() || n > 0, "the corpus coded no events");
            n
        });
}

#[divan::bench(sample_count = 5)]
fn segment_and_code(bencher: Bencher) {
    let coder = Coder::new(lexicon());
    bencher
        .counter(BytesCount::new(bytes(corpus())))
        .bench_local(|| {
            let n: usize = corpus()
                .iter()
                .cloned()
                .map(|a| coder.code(&entente_ingest::segment(a)).len())
                .sum();
            assert!(corpus().is_empty() || n > 0, "the corpus coded no events");
            n
        });
}
