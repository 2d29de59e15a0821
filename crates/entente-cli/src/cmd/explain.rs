//! `entente explain`: how a sentence (or a stored article) is coded, step by step.

use std::io::Write;

use anyhow::{bail, Result};
use entente_coder::Coder;

use crate::args::ExplainArgs;
use crate::cmd::ingest::open_store;
use crate::output;
use crate::pipeline;
use crate::Outcome;

pub fn run(args: ExplainArgs) -> Result<Outcome> {
    let lexicon = pipeline::load_lexicon(args.lexicon.lexicon.as_deref())?;
    let article = match (&args.text, &args.article) {
        (Some(text), _) => pipeline::article_from_passage(text, args.date),
        (None, Some(id)) => {
            let store = open_store(&args.store)?;
            match store.article(id)? {
                Some(stored) => stored.article,
                None => bail!("no stored article has the id, prefix or key `{id}`\nhint: `entente articles` lists them"),
            }
        }
        (None, None) => bail!("give a sentence to explain, or `--article ID`"),
    };
    if article.text.trim().is_empty() {
        bail!("there is nothing to explain: the text is empty");
    }
    let doc = entente_ingest::segment(article);
    let explanation = Coder::new(&lexicon).explain(&doc);
    let mut out = output::stdout();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &explanation)?;
        writeln!(out)?;
    } else {
        write!(out, "{explanation}")?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
