//! `entente ingest`: read, code and store, one transaction a batch.

use std::io::Write;

use anyhow::{Context, Result};
use entente_coder::Coder;
use entente_lexicon::Lexicon;
use entente_model::Article;
use entente_store::{Store, StoreOutcome};
use serde::Serialize;

use crate::args::{IngestArgs, ReadArgs, StoreArgs};
use crate::output;
use crate::pipeline::{self, Diagnostics};
use crate::Outcome;

pub fn run(args: IngestArgs) -> Result<Outcome> {
    let lexicon = pipeline::load_lexicon(args.read.lexicon.lexicon.as_deref())?;
    let mut store = open_store(&args.store)?;
    let summary = ingest(
        &mut store,
        &lexicon,
        &args.read,
        args.batch_size,
        args.quiet,
    )?;
    let mut out = output::stdout();
    summary.print(&mut out)?;
    out.flush()?;
    Ok(if summary.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}

/// Opens the store the user chose (`--db`, `ENTENTE_DB`) or the default one.
pub fn open_store(args: &StoreArgs) -> Result<Store> {
    let path = args.db.clone().unwrap_or_else(Store::default_path);
    Store::open(&path).with_context(|| format!("cannot open the store `{}`", path.display()))
}

/// What an ingest did, printed at its end.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub read: usize,
    pub stored: usize,
    pub duplicates: usize,
    pub near_duplicates: usize,
    pub events: usize,
    pub failed: usize,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    pub fn print(&self, out: &mut dyn Write) -> Result<()> {
        writeln!(
            out,
            "read {} articles ({:.1} MB) in {:.1}s: {} stored, {} duplicates, {} near-duplicates linked, {} events, {} failed",
            self.read,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.stored,
            self.duplicates,
            self.near_duplicates,
            self.events,
            self.failed
        )?;
        Ok(())
    }
}

/// Reads every input under `read.paths`, codes and stores it in batches of `batch_size`.
/// A batch is one transaction: a run killed half-way keeps every batch it committed, and the
/// next run finds those articles already stored and goes on with the rest.
pub fn ingest(
    store: &mut Store,
    lexicon: &Lexicon,
    read: &ReadArgs,
    batch_size: usize,
    quiet: bool,
) -> Result<Summary> {
    let started = std::time::Instant::now();
    let options = pipeline::read_options(read);
    let coder = Coder::new(lexicon);
    let probe = Diagnostics::new(0, true);
    let inputs = pipeline::discover(read, &probe);
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let diag = Diagnostics::new(total, quiet);
    let mut summary = Summary {
        failed: probe.failed(),
        bytes: total,
        ..Summary::default()
    };
    let mut batch: Vec<Article> = Vec::with_capacity(batch_size);
    for input in &inputs {
        for item in entente_ingest::read_input(input, &options) {
            match item {
                Ok(article) => {
                    for warning in &article.warnings {
                        diag.warn(warning);
                    }
                    summary.read += 1;
                    batch.push(article);
                    if batch.len() >= batch_size.max(1) {
                        flush(store, &coder, &mut batch, &mut summary)?;
                        diag.bar.set_message(format!("{} articles", summary.read));
                    }
                }
                Err(err) => diag.error(&err),
            }
        }
        diag.bar.inc(input.size);
    }
    flush(store, &coder, &mut batch, &mut summary)?;
    diag.bar.finish_and_clear();
    summary.failed += diag.failed();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn flush(
    store: &mut Store,
    coder: &Coder<'_>,
    batch: &mut Vec<Article>,
    summary: &mut Summary,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let coded: Vec<_> = pipeline::code_batch(coder, std::mem::take(batch))
        .into_iter()
        .map(|(doc, events)| (doc.article, events))
        .collect();
    let outcomes = store
        .store_batch(&coded)
        .context("storing a batch failed; every batch before it is committed")?;
    for (outcome, (_, events)) in outcomes.iter().zip(&coded) {
        match outcome {
            StoreOutcome::Stored(_) => {
                summary.stored += 1;
                summary.events += events.len();
            }
            StoreOutcome::NearDuplicate { .. } => {
                summary.stored += 1;
                summary.near_duplicates += 1;
                summary.events += events.len();
            }
            StoreOutcome::Duplicate(_) => summary.duplicates += 1,
        }
    }
    Ok(())
}
