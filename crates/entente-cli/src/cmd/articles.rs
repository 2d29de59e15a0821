//! `entente articles` and `entente search`: what the store holds.

use std::io::Write;

use anyhow::{bail, Result};
use entente_store::{ArticleFilter, ArticleSummary, SearchHit, StoredArticle};

use crate::args::{ArticlesArgs, Format, SearchArgs};
use crate::cmd::ingest::open_store;
use crate::output::{self, clip, Table};
use crate::Outcome;

pub fn run(args: ArticlesArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let mut out = output::stdout();
    if let Some(id) = &args.id {
        let Some(article) = store.article(id)? else {
            bail!("no stored article has the id, prefix or key `{id}`\nhint: `entente articles` lists them");
        };
        output::emit_one(&mut out, args.format.format, &article, show)?;
    } else {
        let filter = ArticleFilter {
            limit: args.limit,
            offset: args.offset,
            since: args.window.since,
            until: args.window.until,
            genre: None,
        };
        let rows = store.articles(&filter)?;
        output::emit(&mut out, args.format.format, &rows, list)?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn list(rows: &[ArticleSummary]) -> String {
    let mut table = Table::new(["id", "date", "genre", "events", "title"]);
    for r in rows {
        table.row([
            r.id.as_str()[..12.min(r.id.as_str().len())].to_string(),
            r.date.map(|d| d.to_string()).unwrap_or_default(),
            r.genre.to_string(),
            r.events.to_string(),
            clip(r.title.as_deref().or(r.key.as_deref()).unwrap_or(""), 70),
        ]);
    }
    table.render()
}

fn show(stored: &StoredArticle) -> String {
    let a = &stored.article;
    let mut s = String::new();
    let field = |s: &mut String, name: &str, value: &str| {
        if !value.is_empty() {
            s.push_str(&format!("{name:<10} {value}\n"));
        }
    };
    field(&mut s, "id", a.id.as_str());
    field(&mut s, "title", a.title.as_deref().unwrap_or(""));
    field(&mut s, "authors", &a.authors.join(", "));
    if let Some(date) = a.date {
        field(
            &mut s,
            "date",
            &format!("{} ({:?})", date.date, date.basis).to_lowercase(),
        );
    }
    field(&mut s, "genre", a.genre.as_str());
    field(&mut s, "language", a.language.as_deref().unwrap_or(""));
    field(&mut s, "keys", &stored.keys.join(", "));
    field(&mut s, "events", &stored.events.to_string());
    for near in &stored.near_duplicates {
        field(
            &mut s,
            "near-copy",
            &format!("{} ({:.2})", near.id, near.similarity),
        );
    }
    s.push('\n');
    s.push_str(&a.text);
    s.push('\n');
    for piece in &a.boilerplate {
        s.push_str(&format!("\n[{}] {}", piece.kind.as_str(), piece.text));
    }
    if !a.boilerplate.is_empty() {
        s.push('\n');
    }
    s
}

pub fn search(args: SearchArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = output::stdout();
    output::emit(&mut out, args.format.format, &hits, hits_table)?;
    if hits.is_empty() && args.format.format == Format::Table {
        eprintln!("no article matches `{}`", args.query);
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn hits_table(hits: &[SearchHit]) -> String {
    let mut table = Table::new(["id", "date", "title", "snippet"]);
    for h in hits {
        table.row([
            h.id.as_str()[..12.min(h.id.as_str().len())].to_string(),
            h.date.map(|d| d.to_string()).unwrap_or_default(),
            clip(h.title.as_deref().unwrap_or(""), 40),
            clip(&h.snippet, 80),
        ]);
    }
    table.render()
}
