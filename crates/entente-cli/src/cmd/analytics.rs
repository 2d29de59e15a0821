//! The analytics commands: each loads the interactions it needs from the store, runs one
//! measure of `entente-graph`, and prints it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;

use anyhow::{Context, Result};
use entente_graph::{Period, SanctionedSet, Window};
use entente_model::{EventId, Interaction, Modality};
use entente_store::{EventFilter, InteractionFilter, Store};

use crate::args::Format;
use crate::args::{
    ActorArgs, AlertsArgs, BlocsArgs, BriefArgs, BriefFormat, By, DyadArgs, ExposureArgs,
    GraphFormat, HedgingArgs, NetworkArgs, WindowArgs,
};
use crate::cmd::events::modalities;
use crate::cmd::ingest::open_store;
use crate::output::{self, Table};
use crate::Outcome;

fn window(args: &WindowArgs) -> Result<Window> {
    Ok(Window {
        since: args.since,
        until: args.until,
        modalities: modalities(args, true)?,
    })
}

fn period(by: By) -> Period {
    match by {
        By::Month => Period::Month,
        By::Quarter => Period::Quarter,
        By::Year => Period::Year,
    }
}

/// The interactions around `actors` (all of them when empty) that `w` admits; with `among`,
/// only the ties between two of them. Reports of one event by several articles are merged.
fn load(store: &Store, actors: &[String], among: bool, w: &Window) -> Result<Vec<Interaction>> {
    let filter = InteractionFilter {
        actors: actors.to_vec(),
        among,
        since: w.since,
        until: w.until,
        modalities: w.modalities.clone(),
    };
    Ok(entente_graph::merge_reports(store.interactions(&filter)?))
}

/// Actors are named by code (`PRK`), organization (`UN`, `NATO`) or name ("North Korea"),
/// which the lexicon turns into its code.
fn actor_key(name: &str) -> Result<String> {
    let trimmed = name.trim();
    let is_code = (2..=6).contains(&trimmed.len())
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if is_code {
        return Ok(trimmed.to_string());
    }
    let lexicon = crate::pipeline::load_lexicon(None)?;
    let mut memory = entente_lexicon::MentionMemory::default();
    lexicon
        .actors
        .find(trimmed, None, &mut memory)
        .into_iter()
        .find_map(|m| m.actor.key().map(str::to_string))
        .with_context(|| format!("`{name}` is not an actor entente knows\nhint: use a code such as `PRK` or `UN`, or a name such as \"North Korea\""))
}

pub fn dyad(args: DyadArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let (a, b) = (actor_key(&args.a)?, actor_key(&args.b)?);
    let w = window(&args.window)?;
    let ix = load(&store, &[a.clone(), b.clone()], true, &w)?;
    let timeline = entente_graph::dyad(&ix, &a, &b, period(args.by), &w);
    let mut out = output::stdout();
    output::emit(&mut out, args.format.format, &timeline.rows, |_| {
        timeline.table()
    })?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

pub fn network(args: NetworkArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let w = window(&args.window)?;
    let ix = load(&store, &[], false, &w)?;
    let net = entente_graph::network(&ix, &w, args.min_events);
    let mut buffer: Vec<u8> = Vec::new();
    match args.format {
        GraphFormat::Table => buffer.extend(net.table().into_bytes()),
        GraphFormat::Json => {
            serde_json::to_writer_pretty(&mut buffer, &net)?;
            buffer.push(b'\n');
        }
        GraphFormat::Jsonl => {
            for edge in &net.edges {
                serde_json::to_writer(&mut buffer, edge)?;
                buffer.push(b'\n');
            }
        }
        GraphFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut buffer);
            for row in entente_graph::edge_rows(&net) {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        GraphFormat::Graphml => buffer.extend(entente_graph::to_graphml(&net).into_bytes()),
        GraphFormat::Gexf => buffer.extend(entente_graph::to_gexf(&net).into_bytes()),
        GraphFormat::Dot => buffer.extend(entente_graph::to_dot(&net).into_bytes()),
    }
    write_to(args.output.as_deref(), &buffer)?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

fn write_to(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) => {
            fs::write(path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
        }
        None => {
            let mut out = output::stdout();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

pub fn blocs(args: BlocsArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let w = window(&args.window)?;
    let ix = load(&store, &[], false, &w)?;
    let net = entente_graph::network(&ix, &w, args.min_events);
    let blocs = entente_graph::blocs(&net);
    let mut out = output::stdout();
    output::emit_one(&mut out, args.format.format, &blocs, |b| b.table())?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

pub fn dependence(args: ActorArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let a = actor_key(&args.actor)?;
    let w = window(&args.window)?;
    let ix = load(&store, std::slice::from_ref(&a), false, &w)?;
    let result = entente_graph::dependence(&ix, &a, &w);
    let mut out = output::stdout();
    emit_with_evidence(&mut out, &store, args.format.format, &result, |d| d.table())?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

pub fn hedging(args: HedgingArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let a = actor_key(&args.actor)?;
    let w = window(&args.window)?;
    let ix = load(&store, std::slice::from_ref(&a), false, &w)?;
    let result = entente_graph::hedging(&ix, &a, period(args.by), &w);
    let mut out = output::stdout();
    emit_with_evidence(&mut out, &store, args.format.format, &result, |h| h.table())?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

/// The sanctioned set: SANCTION events in the store, plus the user's list when given.
fn sanctioned(
    ix: &[Interaction],
    w: &Window,
    csv: Option<&std::path::Path>,
) -> Result<SanctionedSet> {
    let mut set = SanctionedSet::from_interactions(ix, w);
    if let Some(path) = csv {
        let text = fs::read_to_string(path)
            .with_context(|| format!("cannot read the sanctions list `{}`", path.display()))?;
        let user = SanctionedSet::parse_csv(&text, path)?;
        set.merge(user);
    }
    Ok(set)
}

pub fn exposure(args: ExposureArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let a = actor_key(&args.actor)?;
    let w = window(&args.window)?;
    // Second-order exposure runs through any intermediary, so every tie is needed.
    let ix = load(&store, &[], false, &w)?;
    let set = sanctioned(&ix, &w, args.sanctions.as_deref())?;
    let result = entente_graph::exposure(&ix, &a, &set, &w);
    let mut out = output::stdout();
    emit_with_evidence(&mut out, &store, args.format.format, &result, |e| e.table())?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

pub fn alerts(args: AlertsArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let w = window(&args.window)?;
    let ix = load(&store, &[], false, &w)?;
    let alerts = entente_graph::alerts(&ix, period(args.by), &w, args.threshold);
    let mut out = output::stdout();
    output::emit(
        &mut out,
        args.format.format,
        &alerts,
        entente_graph::alerts_table,
    )?;
    out.flush()?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

/// How many of an actor's most intense events the briefing chooses its quotes from.
const BRIEF_EVIDENCE: usize = 200;

pub fn brief(args: BriefArgs) -> Result<Outcome> {
    let store = open_store(&args.store)?;
    let a = actor_key(&args.a)?;
    let b = args.b.as_deref().map(actor_key).transpose()?;
    let w = window(&args.window)?;
    let ix = load(&store, &[], false, &w)?;
    let set = sanctioned(&ix, &w, None)?;
    let events = store.events_by_ids(&most_intense(&ix, &a, b.as_deref(), BRIEF_EVIDENCE))?;
    let article_ids: Vec<_> = events.iter().map(|e| e.article_id.clone()).collect();
    let titles = store.titles(&article_ids)?;
    let evidence: Vec<_> = events
        .into_iter()
        .map(|event| {
            let title = titles
                .get(&event.article_id)
                .cloned()
                .unwrap_or_else(|| event.article_id.to_string());
            (event.id, event.evidence.sentence, title, event.article_id)
        })
        .collect();
    let briefing =
        entente_graph::brief(&ix, &a, b.as_deref(), period(args.by), &w, &set, &evidence);
    let text = match args.format {
        BriefFormat::Markdown => briefing.to_markdown(),
        BriefFormat::Html => briefing.to_html(),
    };
    write_to(args.output.as_deref(), text.as_bytes())?;
    exit_without_freeing(ix);
    Ok(Outcome::Ok)
}

/// A million interactions take a tenth of a second to free one string at a time; the process
/// is about to exit and the OS takes the memory back at once.
fn exit_without_freeing(ix: Vec<Interaction>) {
    std::mem::forget(ix);
}

/// The ids of the `n` most intense events in which `a` (and `b`, when given) take part:
/// where a briefing's quotes come from. Picked from the interactions already in memory, so
/// the store is asked for `n` records, not for every event of a busy actor.
fn most_intense(ix: &[Interaction], a: &str, b: Option<&str>, n: usize) -> Vec<EventId> {
    let mut seen = std::collections::HashSet::new();
    let mut picked: Vec<&Interaction> = ix
        .iter()
        .filter(|i| {
            let t = i.target.as_deref();
            match b {
                Some(b) => (i.source == a && t == Some(b)) || (i.source == b && t == Some(a)),
                None => i.source == a || t == Some(a),
            }
        })
        .filter(|i| seen.insert(&i.event_id))
        .collect();
    let salience = |i: &Interaction| i.intensity.abs() * i.mentions as f32;
    let order = |x: &&Interaction, y: &&Interaction| {
        salience(y)
            .total_cmp(&salience(x))
            .then(y.date.cmp(&x.date))
            .then(x.event_id.cmp(&y.event_id))
    };
    if picked.len() > n {
        picked.select_nth_unstable_by(n, order);
        picked.truncate(n);
    }
    picked.sort_by(order);
    picked
        .into_iter()
        .take(n)
        .map(|i| i.event_id.clone())
        .collect()
}

/// How many quoted sentences a table ends with, and how many records JSON output enriches.
const EVIDENCE_QUOTED: usize = 12;
const EVIDENCE_ENRICHED: usize = 500;

/// Prints a measure's result with the sentences behind it: a table ends with the sentences
/// of its first evidence events; JSON gets `sentence` and `article_id` beside every
/// `event_id` (up to `EVIDENCE_ENRICHED` of them) so that each number links to its text.
pub fn emit_with_evidence<T: serde::Serialize>(
    out: &mut dyn Write,
    store: &Store,
    format: Format,
    result: &T,
    table: impl FnOnce(&T) -> String,
) -> Result<()> {
    let mut value = serde_json::to_value(result)?;
    let mut ids: Vec<EventId> = Vec::new();
    collect_event_ids(&value, &mut ids);
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    match format {
        Format::Table => {
            out.write_all(table(result).as_bytes())?;
            ids.truncate(EVIDENCE_QUOTED);
            let events = store.events_by_ids(&ids)?;
            if !events.is_empty() {
                writeln!(out, "\nevidence:")?;
                for e in &events {
                    writeln!(
                        out,
                        "  {} {} {} {} {}: {}",
                        e.id,
                        e.date.as_ref().map_or("undated", |d| d.value.as_str()),
                        crate::cmd::events::actors(&e.source),
                        e.event,
                        crate::cmd::events::actors(&e.target),
                        e.evidence.sentence
                    )?;
                }
            }
            Ok(())
        }
        Format::Json | Format::Jsonl => {
            ids.truncate(EVIDENCE_ENRICHED);
            let events = store.events_by_ids(&ids)?;
            let by_id: std::collections::HashMap<&str, &entente_model::Event> =
                events.iter().map(|e| (e.id.as_str(), e)).collect();
            add_sentences(&mut value, &by_id);
            if format == Format::Json {
                serde_json::to_writer_pretty(&mut *out, &value)?;
            } else {
                serde_json::to_writer(&mut *out, &value)?;
            }
            writeln!(out)?;
            Ok(())
        }
        Format::Csv => output::emit_one(out, format, result, table),
    }
}

/// Every `event_id` of an evidence record, in document order.
fn collect_event_ids(value: &serde_json::Value, ids: &mut Vec<EventId>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(id)) = map.get("event_id") {
                ids.push(EventId::from_stored(id.clone()));
            }
            map.values().for_each(|v| collect_event_ids(v, ids));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_event_ids(v, ids)),
        _ => {}
    }
}

fn add_sentences(
    value: &mut serde_json::Value,
    events: &std::collections::HashMap<&str, &entente_model::Event>,
) {
    match value {
        serde_json::Value::Object(map) => {
            let found = match map.get("event_id") {
                Some(serde_json::Value::String(id)) => events.get(id.as_str()).copied(),
                _ => None,
            };
            if let Some(e) = found {
                map.insert("sentence".into(), e.evidence.sentence.clone().into());
                map.insert("article_id".into(), e.article_id.as_str().into());
            }
            map.values_mut().for_each(|v| add_sentences(v, events));
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| add_sentences(v, events)),
        _ => {}
    }
}

/// A short table of counts by modality, for the demo's summary.
pub fn modality_counts(store: &Store) -> Result<String> {
    let events = store.events(&EventFilter::default())?;
    let mut counts: BTreeMap<Modality, usize> = BTreeMap::new();
    for e in &events {
        *counts.entry(e.modality).or_default() += 1;
    }
    let mut table = Table::new(["modality", "events"]);
    for (m, n) in counts {
        table.row([m.to_string(), n.to_string()]);
    }
    Ok(table.render())
}
