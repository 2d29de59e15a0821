//! `entente lexicon check`: validate the built-in lexicon and a user's folder.

use anyhow::{bail, Result};

use crate::args::{LexiconArgs, LexiconCommand};
use crate::Outcome;

pub fn run(args: LexiconArgs) -> Result<Outcome> {
    match args.command {
        LexiconCommand::Check(dir) => match entente_lexicon::check(dir.lexicon.as_deref()) {
            Ok(report) => {
                println!("{report}");
                Ok(Outcome::Ok)
            }
            Err(errors) => {
                eprintln!("{errors}");
                bail!(
                    "the lexicon has {} problem(s)\nhint: each line above names the file and line to fix",
                    errors.len()
                )
            }
        },
    }
}
