//! `entente events`: stored events, filtered.

use std::io::Write;

use anyhow::{Context, Result};
use entente_model::{Event, Modality};
use entente_store::EventFilter;

use crate::args::{EventsArgs, WindowArgs};
use crate::cmd::ingest::open_store;
use crate::output::{self, clip, Table};
use crate::Outcome;

pub fn run(args: EventsArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let event_type = args
        .event_type
        .as_deref()
        .map(|t| t.to_ascii_uppercase().parse())
        .transpose()
        .context("hint: the PLOVER types are AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT")?;
    let filter = EventFilter {
        article: args.article.clone(),
        actor: args.actor.as_deref().map(str::to_string),
        event_type,
        modalities: modalities(&args.window, false)?,
        since: args.window.since,
        until: args.window.until,
        limit: Some(args.limit),
    };
    let events = store.events(&filter)?;
    let mut out = output::stdout();
    output::emit(&mut out, args.format.format, &events, table)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// The modalities a command counts: the user's `--modality` list, else asserted and reported
/// for the analytics (`factual_default`) or all of them for listings.
pub fn modalities(window: &WindowArgs, factual_default: bool) -> Result<Vec<Modality>> {
    if window.modality.is_empty() {
        return Ok(if factual_default {
            Modality::ALL
                .into_iter()
                .filter(|m| m.is_factual())
                .collect()
        } else {
            Vec::new()
        });
    }
    window
        .modality
        .iter()
        .map(|m| {
            if m == "all" {
                return Ok(Modality::ALL.to_vec());
            }
            m.parse::<Modality>().map(|m| vec![m]).with_context(|| {
                "hint: modalities are asserted, reported, speculative, hypothetical, negated, planned, or all".to_string()
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(|v| {
            let mut all: Vec<Modality> = v.into_iter().flatten().collect();
            all.sort();
            all.dedup();
            all
        })
}

/// `PRK`, `RUS:MIL`, or an uncoded party by its words: `"the militia":UAF`.
pub fn actors(refs: &[entente_model::ActorRef]) -> String {
    refs.iter()
        .map(|a| {
            let who = match a.key() {
                Some(key) => key.to_string(),
                None => format!("\"{}\"", a.text),
            };
            match &a.sector {
                Some(sector) => format!("{who}:{sector}"),
                None => who,
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn table(events: &[Event]) -> String {
    let mut table = Table::new(["date", "source", "event", "target", "modality", "evidence"]);
    for e in events {
        table.row([
            e.date
                .as_ref()
                .map_or_else(|| "undated".to_string(), |d| d.value.clone()),
            actors(&e.source),
            match &e.mode {
                Some(mode) => format!("{} ({mode})", e.event),
                None => e.event.to_string(),
            },
            actors(&e.target),
            e.modality.to_string(),
            clip(&e.evidence.sentence, 70),
        ]);
    }
    table.render()
}
