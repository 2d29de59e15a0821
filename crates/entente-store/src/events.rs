//! Reading events and interactions back, filtered, in a fixed order.

use chrono::NaiveDate;
use entente_model::{DatePrecision, Event, EventId, EventType, Interaction, Modality, QuadClass};
use std::path::Path;

use rusqlite::{params_from_iter, types::Value, Connection, OpenFlags, OptionalExtension};

use crate::articles::{clamp, iso};
use crate::{Store, StoreError};

/// Which events [`Store::events`] returns. Empty `modalities` means all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// An article id.
    pub article: Option<String>,
    /// An actor key (`PRK`, `UN`) on either side of the event.
    pub actor: Option<String>,
    pub event_type: Option<EventType>,
    pub modalities: Vec<Modality>,
    /// Events whose date starts on or after this day.
    pub since: Option<NaiveDate>,
    /// Events whose date starts on or before this day.
    pub until: Option<NaiveDate>,
    pub limit: Option<usize>,
}

/// Which interactions [`Store::interactions`] returns. Empty `actors` or `modalities` mean
/// all of them; the analytics ask for the factual ones ([`InteractionFilter::factual`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InteractionFilter {
    /// Interactions with any of these actor keys as source or target.
    pub actors: Vec<String>,
    /// Only interactions with both source and target among `actors` (a dyad's own ties),
    /// instead of any tie that touches one of them.
    pub among: bool,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub modalities: Vec<Modality>,
}

impl InteractionFilter {
    /// Asserted and reported interactions only: what the analytics count by default.
    pub fn factual() -> Self {
        InteractionFilter {
            modalities: Modality::ALL
                .into_iter()
                .filter(|m| m.is_factual())
                .collect(),
            ..InteractionFilter::default()
        }
    }
}

/// Appends `AND column IN (?, ?, ...)` for a non-empty list.
fn push_in(sql: &mut String, args: &mut Vec<Value>, column: &str, values: &[&str]) {
    if values.is_empty() {
        return;
    }
    sql.push_str(&format!(
        " AND {column} IN ({})",
        vec!["?"; values.len()].join(", ")
    ));
    args.extend(values.iter().map(|v| Value::Text((*v).to_string())));
}

fn push_dates(
    sql: &mut String,
    args: &mut Vec<Value>,
    column: &str,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) {
    if let Some(since) = since {
        sql.push_str(&format!(" AND {column} >= ?"));
        args.push(Value::Text(iso(since)));
    }
    if let Some(until) = until {
        sql.push_str(&format!(" AND {column} <= ?"));
        args.push(Value::Text(iso(until)));
    }
}

impl Store {
    /// Events by date (undated last), then id. Each is the public record as it was stored.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let mut sql = String::from("SELECT e.id, e.record FROM events e WHERE 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(article) = &filter.article {
            sql.push_str(" AND e.article_id = ?");
            args.push(Value::Text(article.clone()));
        }
        if let Some(actor) = &filter.actor {
            // Two lookups, each on its own index, rather than one OR over both columns.
            sql.push_str(
                " AND e.id IN (SELECT event_id FROM interactions WHERE source = ?
                               UNION SELECT event_id FROM interactions WHERE target = ?)",
            );
            args.push(Value::Text(actor.clone()));
            args.push(Value::Text(actor.clone()));
        }
        if let Some(t) = filter.event_type {
            sql.push_str(" AND e.event = ?");
            args.push(Value::Text(t.as_str().to_string()));
        }
        let modalities: Vec<&str> = filter.modalities.iter().map(|m| m.as_str()).collect();
        push_in(&mut sql, &mut args, "e.modality", &modalities);
        push_dates(
            &mut sql,
            &mut args,
            "e.date_start",
            filter.since,
            filter.until,
        );
        sql.push_str(" ORDER BY e.date_start IS NULL, e.date_start, e.id");
        if let Some(limit) = filter.limit {
            sql.push_str(" LIMIT ?");
            args.push(Value::Integer(clamp(limit)));
        }
        let err = self.err("reading events");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(&err)?;
        rows.into_iter()
            .map(|(id, record)| serde_json::from_str(&record).map_err(|e| self.corrupt(&id, e)))
            .collect()
    }

    /// The events with these ids, in the order of `ids`; ids not in the store are skipped.
    pub fn events_by_ids(&self, ids: &[EventId]) -> Result<Vec<Event>, StoreError> {
        let err = self.err("reading events");
        let mut stmt = self
            .conn
            .prepare_cached("SELECT record FROM events WHERE id = ?")
            .map_err(&err)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let record: Option<String> = stmt
                .query_row([id.as_str()], |r| r.get(0))
                .optional()
                .map_err(&err)?;
            if let Some(record) = record {
                out.push(serde_json::from_str(&record).map_err(|e| self.corrupt(id.as_str(), e))?);
            }
        }
        Ok(out)
    }

    /// Directed actor-to-actor interactions, in the order they were stored (the same store
    /// gives the same order; the analytics do not depend on it). Interactions of events
    /// without a usable date are left out: the analytics bucket by date and could not place
    /// them.
    ///
    /// A scan of the whole table (no actor filter) is split into rowid ranges read on
    /// separate read-only connections, one a core: decoding rows is the cost, and WAL lets
    /// readers run side by side. The parts are joined in rowid order.
    pub fn interactions(&self, filter: &InteractionFilter) -> Result<Vec<Interaction>, StoreError> {
        let (sql, args) = interaction_query(filter);
        let parts = self.scan_parts(filter)?;
        if parts.len() <= 1 {
            return read_interactions(&self.conn, &self.path, &sql, args);
        }
        let ranged = format!("{sql} AND rowid BETWEEN ? AND ?");
        let path: &Path = &self.path;
        let results: Vec<Result<Vec<Interaction>, StoreError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .map(|&(lo, hi)| {
                    let mut args = args.clone();
                    args.extend([Value::Integer(lo), Value::Integer(hi)]);
                    let ranged = &ranged;
                    scope.spawn(move || {
                        let conn = Connection::open_with_flags(
                            path,
                            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                        )
                        .map_err(|source| StoreError::Sqlite {
                            path: path.to_path_buf(),
                            action: "opening a reader",
                            source,
                        })?;
                        read_interactions(&conn, path, ranged, args)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a reader thread panicked"))
                .collect()
        });
        let mut out = Vec::new();
        for part in results {
            out.extend(part?);
        }
        Ok(out)
    }

    /// Rowid ranges to read in parallel: one for a filtered or small read, else one a core.
    pub(crate) fn scan_parts(
        &self,
        filter: &InteractionFilter,
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        let in_memory = self.path.as_os_str() == ":memory:";
        if !filter.actors.is_empty() || in_memory {
            return Ok(vec![(i64::MIN, i64::MAX)]);
        }
        let (lo, hi): (Option<i64>, Option<i64>) = self
            .conn
            .query_row(
                // Two subqueries: SQLite answers each from the rowid b-tree's ends, but
                // `SELECT min(rowid), max(rowid)` together scans a whole index.
                "SELECT (SELECT min(rowid) FROM interactions), (SELECT max(rowid) FROM interactions)",
                [],
                |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(self.err("sizing interactions"))?;
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return Ok(vec![(i64::MIN, i64::MAX)]);
        };
        if hi - lo < self.parallel_above {
            return Ok(vec![(i64::MIN, i64::MAX)]);
        }
        let n = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8) as i64;
        let step = ((hi - lo + n) / n).max(1);
        Ok((0..n)
            .map(|k| (lo + k * step, (lo + (k + 1) * step - 1).min(hi)))
            .collect())
    }
}

/// Runs an interaction query on `conn` (the store's own, or a parallel reader's).
fn read_interactions(
    conn: &Connection,
    path: &Path,
    sql: &str,
    args: Vec<Value>,
) -> Result<Vec<Interaction>, StoreError> {
    let err = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        action: "reading interactions",
        source,
    };
    let mut stmt = conn.prepare_cached(sql).map_err(&err)?;
    let mut rows = stmt.query(params_from_iter(args)).map_err(&err)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(&err)? {
        // Borrowed text for the columns that are parsed, not kept: three fewer allocations
        // a row, on reads of a million rows.
        let text = |i: usize| -> Result<&str, StoreError> {
            r.get_ref(i)
                .and_then(|v| v.as_str().map_err(Into::into))
                .map_err(&err)
        };
        let event_id: String = r.get(0).map_err(&err)?;
        let corrupt = |message: String| StoreError::Corrupt {
            path: path.to_path_buf(),
            what: format!("`{event_id}`"),
            message,
        };
        let quad: u8 = r.get(4).map_err(&err)?;
        let date = text(7)?;
        out.push(Interaction {
            source: r.get(1).map_err(&err)?,
            target: r.get(2).map_err(&err)?,
            event: text(3)?.parse().map_err(|e| corrupt(format!("{e}")))?,
            quad: QuadClass::try_from(quad).map_err(|e| corrupt(format!("{e}")))?,
            intensity: r.get::<_, f64>(5).map_err(&err)? as f32,
            modality: text(6)?.parse().map_err(|e| corrupt(format!("{e}")))?,
            date: parse_day(date).ok_or_else(|| corrupt(format!("date `{date}`")))?,
            mentions: r.get(8).map_err(&err)?,
            event_id: EventId::from_stored(event_id),
        });
    }
    Ok(out)
}

/// `YYYY-MM-DD` as the store writes it. chrono's format-driven parser costs more than the
/// rest of building an interaction, and a million of them are read at a time.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// The SQL and arguments of [`Store::interactions`], apart so that tests can check its plan.
pub(crate) fn interaction_query(filter: &InteractionFilter) -> (String, Vec<Value>) {
    let mut sql = String::from(
        "SELECT event_id, source, target, event, quad, intensity, modality, date_start, mentions
         FROM interactions WHERE date_start IS NOT NULL",
    );
    let mut args: Vec<Value> = Vec::new();
    if !filter.actors.is_empty() {
        // Two IN lists joined by OR: SQLite answers each from its own index
        // (source, ...) and (target, ...) and merges the rowids.
        let marks = vec!["?"; filter.actors.len()].join(", ");
        let join = if filter.among { "AND" } else { "OR" };
        sql.push_str(&format!(
            " AND (source IN ({marks}) {join} target IN ({marks}))"
        ));
        for _ in 0..2 {
            args.extend(filter.actors.iter().map(|a| Value::Text(a.clone())));
        }
    }
    let modalities: Vec<&str> = filter.modalities.iter().map(|m| m.as_str()).collect();
    push_in(&mut sql, &mut args, "modality", &modalities);
    push_dates(
        &mut sql,
        &mut args,
        "date_start",
        filter.since,
        filter.until,
    );
    // No ORDER BY: SQLite's sorter would carry whole rows; sorting the built values in Rust
    // is several times faster (see `Store::interactions`).
    (sql, args)
}

pub(crate) fn precision_str(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Range => "range",
    }
}

#[cfg(test)]
mod tests {
    use super::parse_day;

    #[test]
    fn days_parse_like_chrono() {
        for day in ["2024-06-19", "1999-12-31", "2024-02-29", "0001-01-01"] {
            assert_eq!(parse_day(day), day.parse().ok(), "{day}");
        }
        for bad in [
            "2023-02-29",
            "2024-6-19",
            "2024/06/19",
            "20240619xx",
            "",
            "2024-13-01",
            "+024-01-01",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
