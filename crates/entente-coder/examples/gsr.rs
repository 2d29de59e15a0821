//! Development score on `../shared/eval/plover_gsr.jsonl`: codes each sentence as a news
//! article and prints precision, recall and F1 of the (type, source codes, target codes)
//! triple, overall and per type. For development only; `entente eval` is the real scorer.
//!
//! `cargo run -p entente-coder --release --example gsr [-- --misses]`

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use entente_coder::Coder;
use entente_ingest::normalize::join_paragraphs;
use entente_lexicon::Lexicon;
use entente_model::{Article, Genre};
use serde_json::Value;

type Triple = (String, BTreeSet<String>, BTreeSet<String>);

fn codes(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["code"].as_str().map(str::to_string))
        .collect()
}

fn main() {
    let show_misses = std::env::args().any(|a| a == "--misses");
    // `--why`: for misses with nothing coded, how many actors and triggers were found.
    let show_why = std::env::args().any(|a| a == "--why");
    // `--actors`: gold actors whose code the actor matcher did not find, for the lexicon.
    let show_actors = std::env::args().any(|a| a == "--actors");
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/plover_gsr.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    let coder = Coder::new(&lexicon);
    let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    // Sentences whose gold actor codes were all found by the actor matcher: the ceiling
    // the trigger and role rules work under.
    let mut covered = 0usize;
    let mut per_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("valid JSON");
        let sentence = row["text"].as_str().unwrap_or_default();
        let want: Triple = (
            row["event_plover08"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            codes(&row["source"]),
            codes(&row["target"]),
        );
        let (body, paragraphs) = join_paragraphs(&[sentence]);
        let mut article = Article::new(body, paragraphs);
        article.genre = Genre::News;
        let doc = entente_ingest::segment(article);
        let events = coder.code(&doc);
        let got: BTreeSet<Triple> = events
            .iter()
            .map(|e| {
                (
                    e.event.to_string(),
                    e.source.iter().map(|a| a.code_str().to_string()).collect(),
                    e.target.iter().map(|a| a.code_str().to_string()).collect(),
                )
            })
            .collect();
        let found: BTreeSet<String> = coder
            .explain(&doc)
            .sentences
            .iter()
            .flat_map(|s| s.actors.iter().map(|a| a.code.clone()))
            .collect();
        let all_found = want.1.iter().chain(&want.2).all(|c| found.contains(c));
        if show_actors {
            for side in ["source", "target"] {
                for actor in row[side].as_array().into_iter().flatten() {
                    let code = actor["code"].as_str().unwrap_or_default();
                    if !found.contains(code) {
                        println!(
                            "ACTOR {code}\t{}",
                            actor["text"].as_str().unwrap_or_default()
                        );
                    }
                }
            }
        }
        covered += usize::from(all_found);
        let hit = got.contains(&want);
        gold += 1;
        predicted += got.len();
        tp += usize::from(hit);
        let t = per_type.entry(want.0.clone()).or_default();
        t.0 += usize::from(hit);
        t.2 += 1;
        for g in &got {
            per_type.entry(g.0.clone()).or_default().1 += 1;
        }
        if show_why && !hit && events.is_empty() {
            let ex = coder.explain(&doc);
            let actors: Vec<String> = ex
                .sentences
                .iter()
                .flat_map(|s| s.actors.iter().map(|a| format!("{}={}", a.text, a.code)))
                .collect();
            let triggers: Vec<String> = ex
                .sentences
                .iter()
                .flat_map(|s| {
                    s.candidates
                        .iter()
                        .map(|c| format!("{}:{} ({})", c.event, c.trigger, c.why))
                })
                .collect();
            println!(
                "EMPTY {:?}\n  actors {actors:?}\n  triggers {triggers:?}\n  {sentence}",
                want
            );
        }
        if show_misses && !hit && all_found {
            println!("MISS {:?}\n  got {:?}\n  {sentence}", want, got);
        }
    }
    let f1 = |tp: usize, p: usize, g: usize| {
        let precision = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let recall = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        (precision, recall, f)
    };
    let (p, r, f) = f1(tp, predicted, gold);
    println!("triple: precision {p:.3} recall {r:.3} F1 {f:.3} ({tp} of {gold} gold, {predicted} predicted)");
    println!("gold actors all found in {covered} of {gold} sentences");
    for (t, (tp, p, g)) in per_type {
        let (pp, rr, ff) = f1(tp, p, g);
        println!("  {t:<10} P {pp:.2} R {rr:.2} F1 {ff:.2} (gold {g}, predicted {p})");
    }
}
