//! `entente eval --gold FILE`: code every gold sentence and score the result, on the whole
//! file, on each of its two parts (tune and measure, see `entente_eval::Split`), and with
//! `--errors` every miss grouped by its cause.

use std::io::Write;

use anyhow::{Context, Result};
use entente_coder::Coder;
use entente_eval::{Attempt, Candidate, GoldCase, Split};
use entente_model::Event;
use rayon::prelude::*;

use crate::args::{EvalArgs, Format};
use crate::output;
use crate::pipeline;
use crate::Outcome;

pub fn run(args: EvalArgs) -> Result<Outcome> {
    let lexicon = pipeline::load_lexicon(args.lexicon.lexicon.as_deref())?;
    let all = entente_eval::read_gold(&args.gold)
        .with_context(|| format!("cannot read the gold file `{}`", args.gold.display()))?;
    let cases: Vec<GoldCase> = match args.split {
        Some(split) => all
            .into_iter()
            .filter(|c| Split::of(&c.id) == split)
            .collect(),
        None => all,
    };
    let coder = Coder::new(&lexicon);
    let coded: Vec<(Vec<Event>, Attempt)> = cases
        .par_iter()
        .map(|case| {
            let doc =
                entente_ingest::segment(pipeline::article_from_passage(&case.text, case.date));
            let attempt = if args.errors {
                attempt(&coder.explain(&doc))
            } else {
                Attempt::default()
            };
            (coder.code(&doc), attempt)
        })
        .collect();
    let (predicted, attempts): (Vec<Vec<Event>>, Vec<Attempt>) = coded.into_iter().unzip();
    let scores = entente_eval::score(&cases, &predicted);
    let mut out = output::stdout();
    match args.format.format {
        Format::Table | Format::Csv => {
            let part = args
                .split
                .map_or(String::new(), |s| format!(", the {s} part"));
            writeln!(
                out,
                "gold: {} ({} cases{part})\n",
                args.gold.display(),
                cases.len()
            )?;
            out.write_all(scores.table().as_bytes())?;
            if args.split.is_none() {
                writeln!(out, "\nby part (a case's part is fixed by its id)")?;
                writeln!(
                    out,
                    "{:<8} {:>6} {:>6} {:>9} | {:>11} {:>7} {:>6}",
                    "part", "cases", "gold", "predicted", "triple P", "R", "F1"
                )?;
                for split in Split::ALL {
                    let (c, p): (Vec<GoldCase>, Vec<Vec<Event>>) = cases
                        .iter()
                        .zip(&predicted)
                        .filter(|(c, _)| Split::of(&c.id) == split)
                        .map(|(c, p)| (c.clone(), p.clone()))
                        .unzip();
                    let s = entente_eval::score(&c, &p);
                    writeln!(
                        out,
                        "{:<8} {:>6} {:>6} {:>9} | {:>11.3} {:>7.3} {:>6.3}",
                        split.as_str(),
                        c.len(),
                        s.gold_events,
                        s.predicted_events,
                        s.triple.precision,
                        s.triple.recall,
                        s.triple.f1
                    )?;
                }
            }
            if args.errors {
                writeln!(out)?;
                let diagnoses = entente_eval::diagnose(&cases, &predicted, &attempts);
                out.write_all(entente_eval::diagnose::render(&diagnoses).as_bytes())?;
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

/// What the coder saw, for the error causes: every actor found, every candidate event.
fn attempt(explanation: &entente_coder::Explanation) -> Attempt {
    let mut attempt = Attempt::default();
    for s in &explanation.sentences {
        attempt
            .actors
            .extend(s.actors.iter().map(|a| a.code.clone()));
        for c in &s.candidates {
            if let Ok(event) = c.event.parse() {
                attempt.candidates.push(Candidate {
                    event,
                    coded: c.coded,
                    why: c.why.clone(),
                });
            }
        }
    }
    attempt
}
