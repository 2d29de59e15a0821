//! `entente synth`: fills a store with generated articles and events, to benchmark the
//! analytics at scale (`scripts/bench-analytics.sh`). Never mixes with real data: it refuses
//! a store that already holds articles.

use std::io::Write;

use anyhow::{bail, Result};
use entente_model::{
    ActorRef, Article, DateBasis, Event, EventDate, EventId, Evidence, Interaction, Paragraph,
    TextRange,
};

use crate::args::SynthArgs;
use crate::cmd::ingest::open_store;
use crate::output;
use crate::Outcome;

/// Events per generated article, and articles per transaction.
const EVENTS_PER_ARTICLE: usize = 10;
const ARTICLES_PER_BATCH: usize = 2_000;

pub fn run(args: SynthArgs) -> Result<Outcome> {
    let mut store = open_store(&args.store)?;
    if store.counts()?.articles > 0 {
        bail!(
            "the store `{}` already holds articles; synth fills only an empty store\nhint: pass `--db` with a new file",
            store.path().display()
        );
    }
    let interactions = entente_graph::synth::synthetic(args.events, args.actors, args.seed);
    let started = std::time::Instant::now();
    let mut batch = Vec::with_capacity(ARTICLES_PER_BATCH);
    for (n, chunk) in interactions.chunks(EVENTS_PER_ARTICLE).enumerate() {
        batch.push(article_of(n, chunk));
        if batch.len() == ARTICLES_PER_BATCH {
            store.store_batch(&batch)?;
            batch.clear();
        }
    }
    store.store_batch(&batch)?;
    let counts = store.counts()?;
    let mut out = output::stdout();
    writeln!(
        out,
        "generated {} events in {} articles into `{}` in {:.1}s",
        counts.events,
        counts.articles,
        store.path().display(),
        started.elapsed().as_secs_f64()
    )?;
    out.flush()?;
    Ok(Outcome::Ok)
}

fn actor(code: &str) -> ActorRef {
    ActorRef {
        text: code.to_string(),
        code: Some(code.parse().expect("generated codes are three capitals")),
        sector: None,
        name: code.to_string(),
        org: None,
    }
}

/// One article whose sentences state the chunk's interactions, each as one event.
fn article_of(n: usize, chunk: &[Interaction]) -> (Article, Vec<Event>) {
    let sentences: Vec<String> = chunk
        .iter()
        .map(|i| {
            format!(
                "In item {n}, {} took a {} step toward {} on {}.",
                i.source,
                i.event.as_str().to_lowercase(),
                i.target.as_deref().unwrap_or("nobody"),
                i.date
            )
        })
        .collect();
    let text = sentences.join(" ");
    let paragraphs = vec![Paragraph {
        range: TextRange::new(0, text.len()),
    }];
    let mut article = Article::new(text, paragraphs);
    article.key = Some(format!("synthetic:{n}"));
    article.title = Some(format!("Synthetic article {n}"));
    let mut offset = 0;
    let events = chunk
        .iter()
        .zip(&sentences)
        .map(|(i, sentence)| {
            let start = offset;
            offset += sentence.len() + 1;
            Event {
                id: EventId::from_parts(&[article.id.as_str(), i.event_id.as_str()]),
                article_id: article.id.clone(),
                article_key: article.key.clone(),
                source: vec![actor(&i.source)],
                target: i.target.iter().map(|t| actor(t)).collect(),
                event: i.event,
                mode: None,
                cameo: String::new(),
                quad: i.quad,
                intensity: i.intensity,
                modality: i.modality,
                attributed_to: None,
                domestic: false,
                date: Some(EventDate::day(i.date, DateBasis::Text)),
                background: false,
                location: None,
                evidence: Evidence {
                    sentence: sentence.clone(),
                    start,
                    end: start + sentence.len(),
                    trigger: "took".to_string(),
                },
                confidence: 1.0,
                coder: "synthetic".to_string(),
                mentions: i.mentions,
                section: "body".to_string(),
                rule: None,
                lexicon: None,
            }
        })
        .collect();
    (article, events)
}
