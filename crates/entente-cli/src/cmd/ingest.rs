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
            "read {} articles ({}) in {:.1}s: {} stored, {} duplicates, {} near-duplicates linked, {} events, {} failed",
            self.read,
            human_bytes(self.bytes),
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

fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{b} bytes"),
    }
}

/// Reads every input under `read.paths`, codes and stores it in batches of `batch_size`.
/// A batch is one transaction: a run killed half-way keeps every batch it committed, and the
/// next run finds those articles already stored and goes on with the rest.
///
/// Reading and coding run on one thread (coding fans out over the rayon pool) while the
/// caller's thread writes the previous batch: the store's single writer is the slowest
/// stage, and it no longer waits for the coder.
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
    let batch_size = batch_size.max(1);
    let stored = std::thread::scope(|scope| -> Result<()> {
        // One coded batch may wait while the next is coded: memory stays at two batches.
        let (send, receive) = std::sync::mpsc::sync_channel::<Coded>(1);
        let (coder, diag, inputs, options) = (&coder, &diag, &inputs, &options);
        let reader = scope.spawn(move || {
            let mut read = 0;
            let mut batch: Vec<Article> = Vec::with_capacity(batch_size);
            let send_batch = |batch: &mut Vec<Article>| {
                let coded = pipeline::code_batch(coder, std::mem::take(batch))
                    .into_iter()
                    .map(|(doc, events)| (doc.article, events))
                    .collect();
                // The writer stopped on an error; it reports it.
                send.send(coded).is_ok()
            };
            for input in inputs {
                for item in entente_ingest::read_input(input, options) {
                    match item {
                        Ok(article) => {
                            for warning in &article.warnings {
                                diag.warn(warning);
                            }
                            read += 1;
                            batch.push(article);
                            if batch.len() >= batch_size && !send_batch(&mut batch) {
                                return read;
                            }
                        }
                        Err(err) => diag.error(&err),
                    }
                }
                diag.bar.inc(input.size);
            }
            if !batch.is_empty() {
                send_batch(&mut batch);
            }
            read
        });
        let mut result = Ok(());
        for coded in receive {
            if let Err(e) = store_coded(store, &coded, &mut summary) {
                result = Err(e);
                break;
            }
            diag.bar
                .set_message(format!("{} articles stored", summary.stored));
        }
        summary.read = reader.join().expect("the reader thread panicked");
        result
    });
    diag.bar.finish_and_clear();
    stored?;
    summary.failed += diag.failed();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// A batch of articles with their events, ready for the store.
type Coded = Vec<(Article, Vec<entente_model::Event>)>;

fn store_coded(store: &mut Store, coded: &Coded, summary: &mut Summary) -> Result<()> {
    let outcomes = store
        .store_batch(coded)
        .context("storing a batch failed; every batch before it is committed")?;
    for (outcome, (_, events)) in outcomes.iter().zip(coded) {
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
