//! The command line, as clap parses it. Nothing here does work: `main.rs` validates these raw
//! values and hands them to the commands.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "entente",
    version,
    about = "Turns news and commentary about international affairs into an evidence-backed map of who aligns with whom.",
    after_help = "Start with `entente demo`, then try `entente dyad PRK RUS` or `entente hedging PRK`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, code their events and keep both in the store.
    Ingest(IngestArgs),
    /// Run the pipeline without the store and print JSON Lines to stdout.
    Code(CodeArgs),
    /// List stored articles, or show one.
    Articles(ArticlesArgs),
    /// Full-text search over stored articles.
    Search(SearchArgs),
    /// List stored events.
    Events(EventsArgs),
    /// Show, step by step, how a sentence or a stored article is coded.
    Explain(ExplainArgs),
    /// Score the coder against a gold file: precision, recall and F1.
    Eval(EvalArgs),
    /// Validate the lexicon (built-in and `--lexicon DIR`), reporting every problem.
    Lexicon(LexiconArgs),
    /// Ingest the sample articles that ship with entente and show what it finds.
    Demo(DemoArgs),
    /// Interactions between two actors over time.
    Dyad(DyadArgs),
    /// The signed, weighted actor network, as a table or a graph file.
    Network(NetworkArgs),
    /// Groups of actors that cooperate among themselves and conflict with others.
    Blocs(BlocsArgs),
    /// Which partners supply an actor's material support, and whom it supports.
    Dependence(ActorArgs),
    /// How an actor's cooperation shifts between partners from period to period.
    Hedging(HedgingArgs),
    /// An actor's material ties to sanctioned actors, direct and through one intermediary.
    Exposure(ExposureArgs),
    /// Dyads whose latest period departs sharply from their own history.
    Alerts(AlertsArgs),
    /// A Markdown or HTML briefing on an actor or a dyad, with charts and quoted evidence.
    Brief(BriefArgs),
    /// Fill an empty store with generated events, to benchmark the analytics at scale.
    #[command(hide = true)]
    Synth(SynthArgs),
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many events to generate.
    #[arg(long, default_value_t = 1_000_000)]
    pub events: usize,
    /// Among how many actors.
    #[arg(long, default_value_t = 200)]
    pub actors: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// The database file. Default: $ENTENTE_DB, else ~/.local/share/entente/entente.db.
    #[arg(long, env = "ENTENTE_DB")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct LexiconDirArg {
    /// A folder of lexicon files that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct ReadArgs {
    /// Files or folders to read (`-` for standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The publication date to use for every article, overriding what the input says.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// The genre to use for every article, overriding what entente would tell from the text.
    #[arg(long, value_enum)]
    pub genre: Option<GenreArg>,
    /// Refuse input files larger than this many megabytes.
    #[arg(long, default_value_t = 20, value_name = "MB")]
    pub max_size: u64,
    #[command(flatten)]
    pub lexicon: LexiconDirArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum GenreArg {
    News,
    Commentary,
    Analysis,
}

impl From<GenreArg> for entente_model::Genre {
    fn from(g: GenreArg) -> Self {
        match g {
            GenreArg::News => entente_model::Genre::News,
            GenreArg::Commentary => entente_model::Genre::Commentary,
            GenreArg::Analysis => entente_model::Genre::Analysis,
        }
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Articles per transaction: a run killed half-way keeps every committed batch.
    #[arg(long, default_value_t = 256)]
    pub batch_size: usize,
    /// Never show a progress bar.
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Emit {
    /// One event record a line (the public record of PRODUCT.md).
    Events,
    /// One parsed article a line: metadata, body, boilerplate.
    Articles,
    /// One article a line with its sentences and tokens.
    Docs,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// What to print.
    #[arg(long, value_enum, default_value_t = Emit::Events)]
    pub emit: Emit,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum Format {
    /// A readable table.
    #[default]
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Args, Clone, Copy)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ArticlesArgs {
    /// Show this article (an id or a unique prefix of one) in full.
    pub id: Option<String>,
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (SQLite FTS5 syntax: `sanctions AND "North Korea"`).
    pub query: String,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Only events in which this actor (a code like `PRK`, or an organization like `UN`) takes part.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only events of this article.
    #[arg(long)]
    pub article: Option<String>,
    /// Only events of this PLOVER type.
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The sentence or passage to explain.
    #[arg(required_unless_present = "article", conflicts_with = "article")]
    pub text: Option<String>,
    /// Explain a stored article instead (an id or a unique prefix of one).
    #[arg(long)]
    pub article: Option<String>,
    /// The article date to resolve relative dates against.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Print the explanation as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicon: LexiconDirArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A gold file: PLOVER GSR JSON Lines, or our own JSON Lines format.
    #[arg(long, required = true)]
    pub gold: PathBuf,
    /// Also list every error, grouped by its cause (no actor, no trigger, no source, no
    /// target, wrong direction, wrong type, wrong modality, spurious).
    #[arg(long)]
    pub errors: bool,
    /// Score only one part of the file: `tune` (rules may be adjusted on it) or `measure`
    /// (only measured). Without it, both parts are reported beside the whole.
    #[arg(long, value_name = "PART")]
    pub split: Option<entente_eval::Split>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub lexicon: LexiconDirArg,
}

#[derive(Debug, Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Check the lexicon for duplicates, overlapping tenures and unknown codes.
    Check(LexiconDirArg),
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The folder of sample articles (default: the samples that ship with entente).
    #[arg(long)]
    pub samples: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The time window and modality filter every analytics command takes.
#[derive(Debug, Args, Clone)]
pub struct WindowArgs {
    /// Only events on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    /// Only events on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<NaiveDate>,
    /// Which modalities count (default: asserted and reported).
    #[arg(long, value_delimiter = ',', value_name = "M,M")]
    pub modality: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum By {
    Month,
    #[default]
    Quarter,
    Year,
}

#[derive(Debug, Args)]
pub struct DyadArgs {
    pub a: String,
    pub b: String,
    #[arg(long, value_enum, default_value_t = By::Quarter)]
    pub by: By,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum GraphFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Graphml,
    Gexf,
    Dot,
}

#[derive(Debug, Args)]
pub struct NetworkArgs {
    /// Leave out ties with fewer events than this.
    #[arg(long, default_value_t = 1)]
    pub min_events: u32,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Output format; graphml and gexf open in Gephi, dot in Graphviz, csv is an edge list.
    #[arg(long, value_enum, default_value_t = GraphFormat::Table)]
    pub format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct BlocsArgs {
    #[arg(long, default_value_t = 1)]
    pub min_events: u32,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ActorArgs {
    pub actor: String,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct HedgingArgs {
    pub actor: String,
    #[arg(long, value_enum, default_value_t = By::Year)]
    pub by: By,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ExposureArgs {
    pub actor: String,
    /// A CSV of sanctioned actors (`code,sanctioner,since`) to use besides the SANCTION events.
    #[arg(long, value_name = "CSV")]
    pub sanctions: Option<PathBuf>,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct AlertsArgs {
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// How far (in robust z-score units) the latest period must depart from the dyad's history.
    #[arg(long, default_value_t = 3.0)]
    pub threshold: f64,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BriefFormat {
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct BriefArgs {
    pub a: String,
    pub b: Option<String>,
    #[arg(long, value_enum, default_value_t = BriefFormat::Markdown)]
    pub format: BriefFormat,
    #[arg(long, value_enum, default_value_t = By::Year)]
    pub by: By,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}
