//! `entente eval --gold FILE`: code every gold sentence and score the result.

use std::io::Write;

use anyhow::{Context, Result};
use entente_coder::Coder;
use rayon::prelude::*;

use crate::args::{EvalArgs, Format};
use crate::output;
use crate::pipeline;
use crate::Outcome;

pub fn run(args: EvalArgs) -> Result<Outcome> {
    let lexicon = pipeline::load_lexicon(args.lexicon.lexicon.as_deref())?;
    let cases = entente_eval::read_gold(&args.gold)
        .with_context(|| format!("cannot read the gold file `{}`", args.gold.display()))?;
    let coder = Coder::new(&lexicon);
    let predicted: Vec<_> = cases
        .par_iter()
        .map(|case| {
            let doc = entente_ingest::segment(pipeline::article_from_passage(&case.text, None));
            coder.code(&doc)
        })
        .collect();
    let scores = entente_eval::score(&cases, &predicted);
    let mut out = output::stdout();
    match args.format.format {
        Format::Table | Format::Csv => {
            writeln!(
                out,
                "gold: {} ({} cases)\n",
                args.gold.display(),
                cases.len()
            )?;
            out.write_all(scores.table().as_bytes())?;
            if args.errors {
                writeln!(out)?;
                out.write_all(scores.failures().as_bytes())?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &scores)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut out, &scores)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
