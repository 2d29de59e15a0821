//! The stages in order: discover inputs, read articles, segment, code. Shared by `ingest`,
//! `code` and `demo`, so that the three cannot drift apart.

use std::path::Path;

use anyhow::{bail, Result};
use entente_coder::Coder;
use entente_ingest::{Input, ReadOptions};
use entente_lexicon::Lexicon;
use entente_model::{Article, Doc, Event, Genre};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::args::ReadArgs;

/// Loads the built-in lexicon plus the user's folder; every problem is listed before any work.
pub fn load_lexicon(dir: Option<&Path>) -> Result<Lexicon> {
    match Lexicon::load(dir) {
        Ok(lexicon) => Ok(lexicon),
        Err(errors) => {
            eprintln!("{errors}");
            bail!("the lexicon has problems; nothing was read\nhint: run `entente lexicon check` to see them all")
        }
    }
}

pub fn read_options(args: &ReadArgs) -> ReadOptions {
    ReadOptions {
        max_bytes: args.max_size.saturating_mul(1024 * 1024),
        date_override: args.date,
        genre_override: args.genre.map(Genre::from),
    }
}

/// The inputs behind `paths`; paths that cannot be read are reported and counted.
pub fn discover(args: &ReadArgs, diag: &Diagnostics) -> Vec<Input> {
    let mut inputs = Vec::new();
    for found in entente_ingest::discover(&args.paths) {
        match found {
            Ok(input) => inputs.push(input),
            Err(err) => diag.error(&err),
        }
    }
    inputs
}

/// Segments and codes a batch of articles on all cores; the order of the batch is kept.
pub fn code_batch(coder: &Coder<'_>, articles: Vec<Article>) -> Vec<(Doc, Vec<Event>)> {
    articles
        .into_par_iter()
        .map(|article| {
            let doc = entente_ingest::segment(article);
            let events = coder.code(&doc);
            (doc, events)
        })
        .collect()
}

/// Progress on standard error (hidden when it is not a terminal or with `--quiet`), and
/// per-item problems printed above it as they come.
pub struct Diagnostics {
    pub bar: ProgressBar,
    failed: std::sync::atomic::AtomicUsize,
}

impl Diagnostics {
    pub fn new(total_bytes: u64, quiet: bool) -> Self {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(
                Some(total_bytes),
                ProgressDrawTarget::stderr_with_hz(8),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg}",
                )
                .expect("valid template"),
            );
            bar
        };
        Diagnostics {
            bar,
            failed: 0.into(),
        }
    }

    pub fn error(&self, err: &dyn std::fmt::Display) {
        self.failed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.bar.suspend(|| eprintln!("error: {err}"));
    }

    /// Readers' warnings already name their file and line.
    pub fn warn(&self, warning: &str) {
        self.bar.suspend(|| eprintln!("warning: {warning}"));
    }

    pub fn failed(&self) -> usize {
        self.failed.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// An article made of a passage given on the command line or in a gold file: all body, no
/// title, no boilerplate sniffing.
pub fn article_from_passage(text: &str, date: Option<chrono::NaiveDate>) -> Article {
    let paragraphs = entente_ingest::normalize::split_paragraphs(text);
    let (body, ranges) = entente_ingest::normalize::join_paragraphs(&paragraphs);
    let mut article = Article::new(body, ranges);
    article.date = date.map(|date| entente_model::ArticleDate {
        date,
        basis: entente_model::DateBasis::User,
    });
    article
}
