//! Whole-article snapshots over fixture pages we wrote ourselves (`tests/fixtures/`).
//!
//! Each snapshot shows the article (metadata, body, paragraph ranges, boilerplate) and its
//! sentences with their tokens, so that a change in any stage shows up as a readable diff.

use std::path::{Path, PathBuf};

use entente_ingest::{discover, read_input, segment, ReadOptions};
use entente_model::Section;
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The article and its segmentation, with token texts joined by `|` for reading.
fn view(article: entente_model::Article) -> Value {
    let mut article = article;
    article.key = article.key.map(|k| relative(&k));
    article.warnings = article.warnings.iter().map(|w| relative(w)).collect();
    let doc = segment(article);
    let sentences: Vec<Value> = doc
        .sentences
        .iter()
        .map(|s| {
            let section = match s.section {
                Section::Body => "body".to_string(),
                Section::Boilerplate(i) => format!("boilerplate {i}"),
            };
            let tokens: Vec<&str> = doc
                .sentence_tokens(s)
                .iter()
                .map(|t| doc.token_text(s, t))
                .collect();
            json!({
                "section": section,
                "range": [s.range.start, s.range.end],
                "text": doc.sentence_text(s),
                "tokens": tokens.join("|"),
            })
        })
        .collect();
    json!({ "article": doc.article, "sentences": sentences })
}

/// The fixture folder's absolute path differs between machines; the file name is what matters.
fn relative(s: &str) -> String {
    s.replace(&*fixture("").to_string_lossy(), "")
}

fn read_all(name: &str) -> Value {
    let inputs = discover(&[fixture(name)]);
    let input = inputs.into_iter().next().unwrap().unwrap();
    let items: Vec<Value> = read_input(&input, &ReadOptions::default())
        .map(|r| match r {
            Ok(a) => view(a),
            Err(e) => json!({ "error": relative(&e.to_string()) }),
        })
        .collect();
    Value::Array(items)
}

#[test]
fn scraped_text_page() {
    insta::assert_yaml_snapshot!(read_all("scraped_visit.txt"));
}

#[test]
fn html_page_with_nav_ads_json_ld_and_figcaption() {
    insta::assert_yaml_snapshot!(read_all("sanctions.html"));
}

#[test]
fn json_lines_records_and_bad_lines() {
    insta::assert_yaml_snapshot!(read_all("wire.jsonl"));
}

#[test]
fn csv_rows_and_bad_rows() {
    insta::assert_yaml_snapshot!(read_all("briefs.csv"));
}
