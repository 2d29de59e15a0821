//! JSON Lines and CSV: one article per record.
//!
//! A record's text is all body: no title or boilerplate sniffing, since a record was already
//! cut out of its page by whoever made the file. Its title comes only from its `title` field.

use std::path::{Path, PathBuf};

use entente_model::{Article, Genre};
use serde_json::{Map, Value};

use crate::assemble::{finish, Parts};
use crate::dates::parse_metadata_date;
use crate::error::{IngestError, Location};
use crate::normalize::split_paragraphs;
use crate::ReadOptions;

const TEXT_FIELDS: [&str; 3] = ["text", "body", "content"];

/// One record's fields, as strings, whatever the file format.
#[derive(Debug, Default)]
struct Fields {
    text: Option<String>,
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    genre: Option<String>,
}

fn record_to_article(
    fields: Fields,
    at: Location,
    lossy: bool,
    opts: &ReadOptions,
) -> Result<Article, IngestError> {
    let text = fields
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| IngestError::NoText {
            at: at.clone(),
            expected: "`text`, `body` or `content` (a non-empty string)".into(),
        })?;
    let touched = lossy
        && (text.contains('\u{FFFD}')
            || fields
                .title
                .as_deref()
                .is_some_and(|t| t.contains('\u{FFFD}')));
    let mut parts = Parts {
        paragraphs: split_paragraphs(&text),
        title: fields.title,
        url: fields.url.clone(),
        authors: fields.authors,
        ..Parts::default()
    };
    // The file was decoded lossily: say so on the records that were touched, not on all.
    if touched {
        parts
            .warnings
            .push(format!("{at}: invalid UTF-8 replaced with U+FFFD"));
    }
    parts.key = fields
        .id
        .or(fields.url)
        .or_else(|| Some(format!("{}:{}", at.path.display(), at.line.unwrap_or(1))));
    if let Some(d) = fields.date.as_deref().filter(|d| !d.trim().is_empty()) {
        match parse_metadata_date(d) {
            Some(date) => parts.date_metadata = Some(date),
            None => parts
                .warnings
                .push(format!("{at}: date `{d}` not understood; ignored")),
        }
    }
    if let Some(g) = fields.genre.as_deref().filter(|g| !g.trim().is_empty()) {
        match g.trim().parse::<Genre>() {
            Ok(genre) => parts.genre = genre,
            Err(_) => parts.warnings.push(format!(
                "{at}: genre `{g}` is not news, commentary, opinion, analysis or unknown; ignored"
            )),
        }
    }
    Ok(finish(parts, opts))
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Authors as one string ("Jane Doe; Omar Haddad") or a list of strings or `{name}` objects.
fn authors_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s
            .split(';')
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => o
                    .get("name")
                    .and_then(Value::as_str)
                    .map(|s| s.trim().to_string()),
                _ => None,
            })
            .filter(|a| !a.is_empty())
            .collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.trim().to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn json_fields(obj: &Map<String, Value>) -> Fields {
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            obj.get(*k)
                .and_then(scalar_string)
                .filter(|s| !s.trim().is_empty())
        })
    };
    Fields {
        text: TEXT_FIELDS.iter().find_map(|k| {
            obj.get(*k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_string)
        }),
        id: get(&["id"]),
        title: get(&["title"]),
        date: get(&["date", "published"]),
        url: get(&["url"]),
        authors: ["author", "authors"]
            .iter()
            .find_map(|k| obj.get(*k))
            .map(authors_of)
            .unwrap_or_default(),
        genre: get(&["genre"]),
    }
}

fn json_record(
    value: Value,
    at: Location,
    lossy: bool,
    opts: &ReadOptions,
) -> Result<Article, IngestError> {
    match value {
        Value::Object(obj) => record_to_article(json_fields(&obj), at, lossy, opts),
        other => Err(IngestError::Json {
            at,
            message: format!(
                "expected an object with a `text` field, found {}",
                json_kind(&other)
            ),
        }),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads JSON Lines lazily, one record a line. A `.json` file that holds one object or one
/// array of objects (possibly across many lines) is read as those records.
pub(crate) fn read_json(
    path: &Path,
    text: String,
    lossy: bool,
    opts: ReadOptions,
) -> crate::Articles {
    let path = path.to_path_buf();
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || (trimmed.starts_with('{') && !first_line_is_json(trimmed)) {
        // One JSON document, not lines: every element is reported as line 1 of the file, since
        // serde does not give an element's line.
        return match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => {
                Box::new(items.into_iter().enumerate().map(move |(i, v)| {
                    json_record(v, Location::line(&path, i as u64 + 1), lossy, &opts)
                }))
            }
            Ok(v) => Box::new(std::iter::once(json_record(
                v,
                Location::line(&path, 1),
                lossy,
                &opts,
            ))),
            Err(e) => Box::new(std::iter::once(Err(IngestError::Json {
                at: Location::line(&path, e.line() as u64),
                message: e.to_string(),
            }))),
        };
    }
    Box::new(JsonLines {
        path,
        text,
        pos: 0,
        line: 0,
        lossy,
        opts,
    })
}

fn first_line_is_json(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
}

struct JsonLines {
    path: PathBuf,
    text: String,
    pos: usize,
    line: u64,
    lossy: bool,
    opts: ReadOptions,
}

impl Iterator for JsonLines {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.pos < self.text.len() {
            let rest = &self.text[self.pos..];
            let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let line = rest[..end].trim();
            self.pos += end;
            self.line += 1;
            if line.is_empty() {
                continue;
            }
            let at = Location::line(&self.path, self.line);
            let result = match serde_json::from_str::<Value>(line) {
                Ok(v) => json_record(v, at, self.lossy, &self.opts),
                Err(e) => Err(IngestError::Json {
                    at,
                    message: strip_json_line(&e),
                }),
            };
            return Some(result);
        }
        None
    }
}

/// serde's message ends with "at line 1 column N"; the line is ours to give, the column helps.
fn strip_json_line(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} at column {}", &msg[..i], e.column()),
        None => msg,
    }
}

/// Reads CSV with a header row, lazily. Column names are matched case-insensitively.
pub(crate) fn read_csv(
    path: &Path,
    text: String,
    lossy: bool,
    opts: ReadOptions,
) -> crate::Articles {
    let path = path.to_path_buf();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(std::io::Cursor::new(text.into_bytes()));
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|f| f.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            return Box::new(std::iter::once(Err(IngestError::Csv {
                at: Location::line(&path, 1),
                message: e.to_string(),
            })))
        }
    };
    if !headers.iter().any(|h| TEXT_FIELDS.contains(&h.as_str())) {
        return Box::new(std::iter::once(Err(IngestError::NoText {
            at: Location::line(&path, 1),
            expected: format!(
                "`text`, `body` or `content` as a column; the header has {}",
                headers
                    .iter()
                    .map(|h| format!("`{h}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })));
    }
    let column = move |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let cols = CsvColumns {
        text: TEXT_FIELDS.iter().filter_map(|n| column(&[n])).collect(),
        id: column(&["id"]),
        title: column(&["title"]),
        date: column(&["date", "published"]),
        url: column(&["url"]),
        author: column(&["author", "authors"]),
        genre: column(&["genre"]),
    };
    let mut record = csv::StringRecord::new();
    Box::new(std::iter::from_fn(move || {
        let line = reader.position().line() + 1;
        match reader.read_record(&mut record) {
            Ok(false) => None,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                let at = Location::line(&path, line);
                Some(record_to_article(cols.fields(&record), at, lossy, &opts))
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                Some(Err(IngestError::Csv {
                    at: Location::line(&path, line),
                    message: csv_message(&e),
                }))
            }
        }
    }))
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("expected {expected_len} fields, found {len}")
        }
        _ => e.to_string(),
    }
}

struct CsvColumns {
    text: Vec<usize>,
    id: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    author: Option<usize>,
    genre: Option<usize>,
}

impl CsvColumns {
    fn fields(&self, r: &csv::StringRecord) -> Fields {
        let get = |c: Option<usize>| {
            c.and_then(|i| r.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Fields {
            text: self.text.iter().find_map(|&i| {
                r.get(i)
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_string)
            }),
            id: get(self.id),
            title: get(self.title),
            date: get(self.date),
            url: get(self.url),
            authors: get(self.author)
                .map(|a| authors_of(&Value::String(a)))
                .unwrap_or_default(),
            genre: get(self.genre),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> Vec<Result<Article, IngestError>> {
        let path = Path::new(name);
        let f = if name.ends_with(".csv") {
            read_csv
        } else {
            read_json
        };
        f(path, text.to_string(), false, ReadOptions::default()).collect()
    }

    #[test]
    fn jsonl_records_errors_and_keys() {
        let out = read(
            "x.jsonl",
            "{\"id\": \"r1\", \"title\": \"T\", \"text\": \"Sanctions widened.\", \"date\": \"2024-05-01T09:00:00Z\", \"authors\": [\"A B\", \"C D\"], \"genre\": \"opinion\"}\n\n{\"text\": \"bad\" \n{\"url\": \"https://x.test/a\", \"body\": \"One.\"}\n{\"title\": \"no text\"}\n[1]\n{\"content\": \"Two.\"}\n",
        );
        assert_eq!(out.len(), 6);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.key.as_deref(), Some("r1"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.authors, vec!["A B", "C D"]);
        assert_eq!(a.genre, Genre::Commentary);
        assert_eq!(a.date.unwrap().basis, entente_model::DateBasis::Metadata);
        assert!(a.boilerplate.is_empty());
        let e = out[1].as_ref().unwrap_err().to_string();
        assert!(
            e.starts_with("`x.jsonl` line 3: malformed JSON: EOF while parsing an object"),
            "{e}"
        );
        assert_eq!(
            out[2].as_ref().unwrap().key.as_deref(),
            Some("https://x.test/a")
        );
        let e = out[3].as_ref().unwrap_err().to_string();
        assert!(
            e.starts_with(
                "`x.jsonl` line 5: record has no text\nhint: expected one of the fields `text`"
            ),
            "{e}"
        );
        assert!(out[4]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("line 6: malformed JSON: expected an object"));
        assert_eq!(out[5].as_ref().unwrap().key.as_deref(), Some("x.jsonl:7"));
    }

    #[test]
    fn json_array_file() {
        let out = read(
            "x.json",
            "[\n {\"text\": \"One.\"},\n {\"text\": \"Two.\"}\n]",
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].as_ref().unwrap().text, "Two.");
    }

    #[test]
    fn a_record_is_all_body() {
        let out = read(
            "x.jsonl",
            "{\"text\": \"Headline Without Stop\\nBy Jane Doe\\nThe minister flew to Accra.\"}\n",
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.title, None);
        assert!(a.authors.is_empty());
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn csv_rows_and_bad_rows() {
        let out = read(
            "x.csv",
            "ID,Title,Body,Published,Author\n1,Visit,\"The minister visited Hanoi.\n\nTalks followed.\",03/02/2024,Jane Doe\n2,Short,row\n3,,,2024-01-01,\n",
        );
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.key.as_deref(), Some("1"));
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert!(a.warnings[0].contains("date `03/02/2024` not understood"));
        let e = out[1].as_ref().unwrap_err().to_string();
        // The first record spans lines 2 to 4: its quoted body holds a blank line.
        assert_eq!(
            e,
            "`x.csv` line 5: malformed CSV: expected 5 fields, found 3"
        );
        assert!(out[2]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("`x.csv` line 6: record has no text"));
    }

    #[test]
    fn csv_without_text_column() {
        let out = read("x.csv", "id,title\n1,a\n");
        assert_eq!(out.len(), 1);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("the header has `id`, `title`"));
    }
}
