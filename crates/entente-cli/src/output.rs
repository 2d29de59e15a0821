//! Writing results: a readable table by default, or JSON, JSON Lines or CSV.
//!
//! Every listing command produces rows that serialize with serde; CSV flattens each row's
//! nested fields into dotted column names so that pandas and R read it as it is.

use std::io::{self, Write};

use anyhow::Result;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::args::Format;

/// Writes `rows` in `format`. `table` renders the readable form; it gets the rows again so each
/// command decides its own columns.
pub fn emit<T: Serialize>(
    out: &mut dyn Write,
    format: Format,
    rows: &[T],
    table: impl FnOnce(&[T]) -> String,
) -> Result<()> {
    match format {
        Format::Table => out.write_all(table(rows).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, row)?;
                writeln!(out)?;
            }
        }
        Format::Csv => write_csv(out, rows)?,
    }
    Ok(())
}

/// Writes one value (a report that is not a list) in `format`; CSV and JSON Lines get its
/// `rows` view when it has one, else the value as a single row.
pub fn emit_one<T: Serialize>(
    out: &mut dyn Write,
    format: Format,
    value: &T,
    table: impl FnOnce(&T) -> String,
) -> Result<()> {
    match format {
        Format::Table => out.write_all(table(value).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, value)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, value)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(out, std::slice::from_ref(value))?,
    }
    Ok(())
}

fn write_csv<T: Serialize>(out: &mut dyn Write, rows: &[T]) -> Result<()> {
    let flat: Vec<Map<String, Value>> = rows
        .iter()
        .map(|row| {
            let mut map = Map::new();
            flatten("", serde_json::to_value(row)?, &mut map);
            Ok(map)
        })
        .collect::<Result<_, serde_json::Error>>()?;
    // Columns in first-seen order across all rows, so a field absent from the first row
    // still gets its column.
    let mut columns: Vec<String> = Vec::new();
    for row in &flat {
        for key in row.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    if columns.is_empty() {
        // No rows: there is no header to tell either, and an empty file is an empty table.
        return Ok(());
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&columns)?;
    for row in &flat {
        writer.write_record(columns.iter().map(|c| match row.get(c) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }))?;
    }
    writer.flush()?;
    Ok(())
}

/// Objects become dotted columns; arrays of scalars are joined with `;`; arrays of objects stay
/// JSON in one cell, since they have no fixed width.
fn flatten(prefix: &str, value: Value, out: &mut Map<String, Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            let joined = items
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(";");
            out.insert(prefix.to_string(), Value::String(joined));
        }
        other => {
            let key = if prefix.is_empty() {
                "value".to_string()
            } else {
                prefix.to_string()
            };
            out.insert(key, other);
        }
    }
}

/// A plain text table: a header, a rule, then the rows, each column as wide as its widest cell.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(header: I) -> Self {
        Table {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, cells: I) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    pub fn render(&self) -> String {
        let cols = self.header.len();
        let mut width: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(cols) {
                width[i] = width[i].max(cell.chars().count());
            }
        }
        let mut s = String::new();
        let line = |cells: &[String], s: &mut String| {
            let parts: Vec<String> = (0..cols)
                .map(|i| {
                    let cell = cells.get(i).map(String::as_str).unwrap_or("");
                    let pad = width[i].saturating_sub(cell.chars().count());
                    format!("{cell}{}", " ".repeat(pad))
                })
                .collect();
            s.push_str(parts.join("  ").trim_end());
            s.push('\n');
        };
        line(&self.header, &mut s);
        let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
        s.push_str(&rule.join("  "));
        s.push('\n');
        for row in &self.rows {
            line(row, &mut s);
        }
        s
    }
}

/// Cuts `s` to `max` characters, marking the cut with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Standard output, locked and buffered; a closed pipe (`entente ... | head`) ends quietly.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        a: u32,
        inner: Inner,
        tags: Vec<&'static str>,
    }
    #[derive(Serialize)]
    struct Inner {
        b: &'static str,
    }

    #[test]
    fn csv_flattens_nested_fields() {
        let rows = [Row {
            a: 1,
            inner: Inner { b: "x,y" },
            tags: vec!["p", "q"],
        }];
        let mut out = Vec::new();
        emit(&mut out, Format::Csv, &rows, |_| String::new()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "a,inner.b,tags\n1,\"x,y\",p;q\n");
    }

    #[test]
    fn table_pads_columns() {
        let mut t = Table::new(["id", "title"]);
        t.row(["a1", "North Korea"]);
        t.row(["a22", "x"]);
        assert_eq!(
            t.render(),
            "id   title\n---  -----------\na1   North Korea\na22  x\n"
        );
    }
}
