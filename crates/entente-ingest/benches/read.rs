//! Throughput of reading, normalizing and segmenting: the BBC News corpus (JSON Lines,
//! 2225 articles) from `../shared/corpus/`, read from disk, every article segmented.
//!
//! Run with `cargo bench -p entente-ingest`; divan prints bytes per second from the file's
//! size (`BytesCount`). Skipped with a message when the shared corpus is missing.

use std::path::{Path, PathBuf};

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use entente_ingest::{discover, read_input, segment, ReadOptions};

const ARTICLES: usize = 2225;

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc_news.jsonl");
    p.exists().then_some(p)
}

fn main() {
    if corpus().is_none() {
        eprintln!("skipped: ../shared/corpus/bbc_news.jsonl is missing");
        return;
    }
    divan::main();
}

/// Read + normalize + language + date + sentences + tokens, one thread.
#[divan::bench(sample_count = 10)]
fn read_and_segment(bencher: Bencher) {
    let path = corpus().expect("checked in main");
    let input = discover(&[path]).pop().unwrap().unwrap();
    let bytes = input.size;
    let opts = ReadOptions::default();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(ARTICLES))
        .bench(|| {
            let mut articles = 0;
            let mut tokens = 0;
            for a in read_input(&input, &opts) {
                let doc = segment(a.expect("the corpus reads cleanly"));
                tokens += doc.tokens.len();
                articles += 1;
            }
            // The answer is checked, not only the time.
            assert_eq!(articles, ARTICLES);
            black_box(tokens)
        });
}

/// Reading and normalizing alone, to see what segmentation costs on top.
#[divan::bench(sample_count = 10)]
fn read_only(bencher: Bencher) {
    let path = corpus().expect("checked in main");
    let input = discover(&[path]).pop().unwrap().unwrap();
    let opts = ReadOptions::default();
    bencher.counter(BytesCount::new(input.size)).bench(|| {
        let n = read_input(&input, &opts).filter(Result::is_ok).count();
        assert_eq!(n, ARTICLES);
        n
    });
}
