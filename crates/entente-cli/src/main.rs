//! The `entente` command. This binary alone knows the order of the stages: read (ingest),
//! segment, code (coder, with the lexicon), store, analyze (graph). Each command lives in
//! `cmd/`; setup problems fail before any work with every problem listed, per-article problems
//! are reported as they come and reflected in the exit code.

mod args;
mod cmd;
mod output;
mod pipeline;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Exit codes: 0 everything worked; 1 the run finished but some inputs failed; 2 nothing ran
/// (bad arguments, a broken lexicon, a database that cannot be opened).
pub enum Outcome {
    Ok,
    SomeFailed,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Articles(args) => cmd::articles::run(args),
        Command::Search(args) => cmd::articles::search(args),
        Command::Events(args) => cmd::events::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Demo(args) => cmd::demo::run(args),
        Command::Dyad(args) => cmd::analytics::dyad(args),
        Command::Network(args) => cmd::analytics::network(args),
        Command::Blocs(args) => cmd::analytics::blocs(args),
        Command::Dependence(args) => cmd::analytics::dependence(args),
        Command::Hedging(args) => cmd::analytics::hedging(args),
        Command::Exposure(args) => cmd::analytics::exposure(args),
        Command::Alerts(args) => cmd::analytics::alerts(args),
        Command::Brief(args) => cmd::analytics::brief(args),
        Command::Synth(args) => cmd::synth::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) => {
            // `entente events | head` closes the pipe early: that is not an error.
            if err.chain().any(is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

/// Whether an error is a closed pipe, also when a JSON or CSV writer wrapped it.
fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(e) = err.downcast_ref::<std::io::Error>() {
        return e.kind() == ErrorKind::BrokenPipe;
    }
    if let Some(e) = err.downcast_ref::<serde_json::Error>() {
        return e.io_error_kind() == Some(ErrorKind::BrokenPipe);
    }
    if let Some(e) = err.downcast_ref::<csv::Error>() {
        if let csv::ErrorKind::Io(io) = e.kind() {
            return io.kind() == ErrorKind::BrokenPipe;
        }
    }
    false
}
