//! `entente-phoenix --from DIR --out DIR`: converts the Phoenix/PETRARCH dictionaries in
//! `--from` into entente lexicon files in `--out`, and prints what it left out on stderr.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use entente_phoenix::{input, people, Conversion};

/// Converts the Phoenix/PETRARCH dictionaries into entente's lexicon files.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The folder with Phoenix.*.actors.txt, Phoenix.agents.txt, CAMEO.2.0.txt and LICENSE.
    #[arg(long)]
    from: PathBuf,
    /// Where to write people.txt, organizations.txt, agents.txt, verbs.txt, irregular.txt
    /// and LICENSE.
    #[arg(long, default_value = "crates/entente-lexicon/data/phoenix")]
    out: PathBuf,
    /// The CAMEO-to-PLOVER crosswalk [default: FROM/../cameo_to_plover.csv].
    #[arg(long)]
    crosswalk: Option<PathBuf>,
    /// List every dropped or changed item, not only the ones worth a look.
    #[arg(long, short)]
    verbose: bool,
    /// Which files to write. The default, `people.txt`, is the one entente ships: measured on
    /// the development sets, it raises recall without lowering precision; the converted
    /// organizations, agents and CAMEO verbs lower precision (see DESIGN in the lexicon's
    /// phoenix folder header) and are written only on request, for a `--lexicon DIR` of
    /// one's own.
    #[arg(long, value_delimiter = ',', default_value = "people.txt")]
    files: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let crosswalk = args
        .crosswalk
        .clone()
        .unwrap_or_else(|| args.from.join("..").join("cameo_to_plover.csv"));
    let conversion = entente_phoenix::convert(&args.from, &crosswalk)
        .with_context(|| format!("converting `{}`", args.from.display()))?;
    let names: Vec<&str> = args.files.iter().map(String::as_str).collect();
    if let Some(unknown) = names
        .iter()
        .find(|n| !conversion.files.iter().any(|f| f.name == **n))
    {
        anyhow::bail!(
            "`{unknown}` is not a file the converter writes; hint: use {}",
            conversion
                .files
                .iter()
                .map(|f| f.name)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    conversion
        .write_only(&args.out, &names)
        .with_context(|| format!("writing `{}`", args.out.display()))?;
    summary(&conversion, args.verbose);
    eprintln!(
        "wrote {} files to `{}` in {:.2?}",
        names.len() + 1,
        args.out.display(),
        started.elapsed()
    );
    Ok(())
}

/// Reasons whose every item the summary lists even without `--verbose`.
const ALWAYS_LISTED: &[&str] = &[
    input::UNREADABLE,
    input::WINDOWS_1252,
    people::MALFORMED_DATE,
];

fn summary(c: &Conversion, verbose: bool) {
    if !c.conflicts.is_empty() {
        eprintln!(
            "verbs.txt: patterns that came with two codes ({}):",
            c.conflicts.len()
        );
        for line in &c.conflicts {
            eprintln!("  {line}");
        }
        eprintln!();
    }
    for f in &c.files {
        eprintln!("{}: {} lines", f.name, f.lines.len());
    }
    for (what, tally) in &c.tallies {
        eprintln!("\n{what}: {} dropped", tally.dropped_total());
        for (reason, n) in tally.dropped_by_reason() {
            eprintln!("  {n:>6}  {reason}");
        }
        for (reason, n) in tally.noted_by_reason() {
            eprintln!("  {n:>6}  (kept) {reason}");
        }
        for notice in tally.notices() {
            if verbose || ALWAYS_LISTED.contains(&notice.reason) {
                eprintln!(
                    "    {}:{}: {}: {}",
                    notice.file, notice.line, notice.reason, notice.detail
                );
            }
        }
    }
}
