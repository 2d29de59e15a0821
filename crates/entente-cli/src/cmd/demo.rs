//! `entente demo`: ingest the sample articles that ship with entente into the store, then
//! ask the questions an analyst would ask of them.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use entente_graph::{Period, SanctionedSet, Window};
use entente_store::InteractionFilter;

use crate::args::Format;
use crate::args::{DemoArgs, LexiconDirArg, ReadArgs};
use crate::cmd::analytics::{emit_with_evidence, modality_counts};
use crate::cmd::ingest::{ingest, open_store};
use crate::output;
use crate::pipeline;
use crate::Outcome;

/// The samples folder: `--samples`, else `samples/` in the working directory, else the one
/// in the source tree this binary was built from.
fn samples_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    let candidates = [
        PathBuf::from("samples"),
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples"),
    ];
    for dir in candidates {
        if dir.is_dir() {
            return Ok(dir);
        }
    }
    bail!("cannot find the sample articles\nhint: run the demo from the entente checkout, or pass `--samples DIR`")
}

pub fn run(args: DemoArgs) -> Result<Outcome> {
    let samples = samples_dir(args.samples)?;
    let lexicon = pipeline::load_lexicon(None)?;
    let mut store = open_store(&args.store)?;
    let read = ReadArgs {
        paths: vec![samples.clone()],
        date: None,
        genre: None,
        max_size: 20,
        lexicon: LexiconDirArg { lexicon: None },
    };
    let summary = ingest(&mut store, &lexicon, &read, 64, true)?;
    let mut out = output::stdout();
    writeln!(
        out,
        "entente demo: the sample articles in `{}`",
        samples.display()
    )?;
    writeln!(out, "store: `{}`\n", store.path().display())?;
    summary.print(&mut out)?;
    writeln!(out)?;
    writeln!(
        out,
        "Events by modality (only asserted and reported ones count in the analytics):"
    )?;
    out.write_all(modality_counts(&store)?.as_bytes())?;

    let w = Window::default();
    let all = entente_graph::merge_reports(store.interactions(&InteractionFilter::factual())?);

    writeln!(
        out,
        "\n## Who supplies North Korea's material support?  (entente dependence PRK)\n"
    )?;
    let dependence = entente_graph::dependence(&all, "PRK", &w);
    emit_with_evidence(&mut out, &store, Format::Table, &dependence, |d| d.table())?;

    writeln!(
        out,
        "\n## Is North Korea hedging between patrons?  (entente hedging PRK)\n"
    )?;
    let hedging = entente_graph::hedging(&all, "PRK", Period::Year, &w);
    emit_with_evidence(&mut out, &store, Format::Table, &hedging, |h| h.table())?;

    writeln!(
        out,
        "\n## How exposed is China to sanctioned partners?  (entente exposure CHN)\n"
    )?;
    let set = SanctionedSet::from_interactions(&all, &w);
    let exposure = entente_graph::exposure(&all, "CHN", &set, &w);
    emit_with_evidence(&mut out, &store, Format::Table, &exposure, |e| e.table())?;

    writeln!(
        out,
        "\n## North Korea and Russia, year by year  (entente dyad PRK RUS --by year)\n"
    )?;
    out.write_all(
        entente_graph::dyad(&all, "PRK", "RUS", Period::Year, &w)
            .table()
            .as_bytes(),
    )?;

    writeln!(
        out,
        "\nNext: `entente events --actor PRK`, `entente search sanctions`, `entente blocs`,\n\
         `entente network --format graphml -o net.graphml`, `entente brief PRK --format html -o prk.html`,\n\
         `entente explain \"North Korea sent troops to Russia.\"`"
    )?;
    out.flush()?;
    Ok(if summary.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}
