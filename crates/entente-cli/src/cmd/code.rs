//! `entente code`: the pipeline without the store, JSON Lines on standard output.

use std::io::Write;

use anyhow::Result;
use entente_coder::Coder;
use rayon::prelude::*;

use crate::args::{CodeArgs, Emit};
use crate::output;
use crate::pipeline::{self, Diagnostics};
use crate::Outcome;

/// Articles are read and coded in chunks so that memory stays flat on large inputs while
/// output order stays the input order.
const CHUNK: usize = 512;

pub fn run(args: CodeArgs) -> Result<Outcome> {
    let lexicon = pipeline::load_lexicon(args.read.lexicon.lexicon.as_deref())?;
    let coder = Coder::new(&lexicon);
    let options = pipeline::read_options(&args.read);
    let diag = Diagnostics::new(0, true);
    let inputs = pipeline::discover(&args.read, &diag);
    let mut out = output::stdout();
    let mut chunk = Vec::with_capacity(CHUNK);
    for input in &inputs {
        for item in entente_ingest::read_input(input, &options) {
            match item {
                Ok(article) => {
                    for warning in &article.warnings {
                        diag.warn(warning);
                    }
                    chunk.push(article);
                    if chunk.len() == CHUNK {
                        write_chunk(&mut out, &coder, std::mem::take(&mut chunk), args.emit)?;
                    }
                }
                Err(err) => diag.error(&err),
            }
        }
    }
    write_chunk(&mut out, &coder, chunk, args.emit)?;
    out.flush()?;
    Ok(if diag.failed() > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}

fn write_chunk(
    out: &mut dyn Write,
    coder: &Coder<'_>,
    chunk: Vec<entente_model::Article>,
    emit: Emit,
) -> Result<()> {
    match emit {
        Emit::Articles => {
            for article in &chunk {
                serde_json::to_writer(&mut *out, article)?;
                writeln!(out)?;
            }
        }
        Emit::Docs => {
            let docs: Vec<_> = chunk.into_par_iter().map(entente_ingest::segment).collect();
            for doc in &docs {
                serde_json::to_writer(&mut *out, doc)?;
                writeln!(out)?;
            }
        }
        Emit::Events => {
            for (_, events) in pipeline::code_batch(coder, chunk) {
                for event in &events {
                    serde_json::to_writer(&mut *out, event)?;
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(())
}
