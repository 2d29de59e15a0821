//! The generic line-file layer every dictionary file goes through: one entry a line, fields
//! separated by `|`, `#` comment lines, sorted. Also where built-in and user files are layered.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::Path;

use crate::LexiconError;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// What the `path` of an embedded file starts with, so messages tell built-in data from a
/// user's own files.
pub const BUILTIN_PREFIX: &str = "builtin:";

/// A parsed file: its path (`builtin:countries.txt` or a real path) and its data lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFile {
    pub path: String,
    pub records: Vec<Record>,
}

/// One data line: its 1-based line number and its trimmed fields (an empty field is "").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    /// The field at `i`, or "" when an optional trailing field is absent.
    pub fn field(&self, i: usize) -> &str {
        self.fields.get(i).map(String::as_str).unwrap_or("")
    }
}

/// Parses one file. Blank lines and lines starting with `#` are skipped. Every data line must
/// have a field count within `expected_fields` and sort (case-insensitively, by the raw line)
/// after the data line before it: sorted files make duplicates visible and diffs small.
/// Returns every problem, not the first.
pub fn parse_line_file(
    path: &str,
    text: &str,
    expected_fields: RangeInclusive<usize>,
) -> Result<LineFile, Vec<LexiconError>> {
    let (file, errors) = parse_line_file_lenient(path, text, expected_fields);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// Like [`parse_line_file`], but keeps going: lines of the wrong shape are left out, lines out
/// of order are kept, and every problem is returned beside the file, so that validation can
/// still run and report its own problems in the same pass.
pub fn parse_line_file_lenient(
    path: &str,
    text: &str,
    expected_fields: RangeInclusive<usize>,
) -> (LineFile, Vec<LexiconError>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut previous: Option<(usize, String)> = None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = trimmed.split('|').map(|f| f.trim().to_string()).collect();
        let mut well_formed = true;
        if !expected_fields.contains(&fields.len()) {
            well_formed = false;
            errors.push(LexiconError::new(
                path,
                line,
                format!(
                    "expected {} fields separated by ` | `, found {}",
                    describe(&expected_fields),
                    fields.len()
                ),
            ));
        } else if fields[0].is_empty() {
            well_formed = false;
            errors.push(LexiconError::new(path, line, "the first field is empty"));
        }
        let folded = trimmed.to_lowercase();
        if let Some((prev_line, prev)) = &previous {
            if folded < *prev {
                errors.push(LexiconError::new(
                    path,
                    line,
                    format!(
                        "line is out of order: `{trimmed}` sorts before line {prev_line}; \
                         hint: keep data lines sorted case-insensitively"
                    ),
                ));
            }
        }
        previous = Some((line, folded));
        if well_formed {
            records.push(Record { line, fields });
        }
    }
    let file = LineFile {
        path: path.to_string(),
        records,
    };
    (file, errors)
}

fn describe(range: &RangeInclusive<usize>) -> String {
    if range.start() == range.end() {
        range.start().to_string()
    } else {
        format!("{} to {}", range.start(), range.end())
    }
}

/// The embedded files, by path relative to `data/` (`countries.txt`, `events/...`), sorted.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_FILES
}

/// The text of one embedded file.
pub fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The layers of one file `name` (a path relative to `data/`, like `countries.txt`): the
/// embedded one, then `user_dir/name` when that exists. Later layers override earlier ones
/// (see [`overlay`]).
pub fn load_layers(
    name: &str,
    user_dir: Option<&Path>,
    expected_fields: RangeInclusive<usize>,
) -> Result<Vec<LineFile>, Vec<LexiconError>> {
    let (layers, errors) = load_layers_lenient(name, user_dir, expected_fields);
    if errors.is_empty() {
        Ok(layers)
    } else {
        Err(errors)
    }
}

/// Like [`load_layers`], but returns what could be parsed beside every problem found.
pub fn load_layers_lenient(
    name: &str,
    user_dir: Option<&Path>,
    expected_fields: RangeInclusive<usize>,
) -> (Vec<LineFile>, Vec<LexiconError>) {
    let mut layers = Vec::new();
    let mut errors = Vec::new();
    if let Some(text) = builtin_text(name) {
        let (file, problems) = parse_line_file_lenient(
            &format!("{BUILTIN_PREFIX}{name}"),
            text,
            expected_fields.clone(),
        );
        layers.push(file);
        errors.extend(problems);
    }
    if let Some(dir) = user_dir {
        let path = dir.join(name);
        if path.is_file() {
            let shown = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let (file, problems) = parse_line_file_lenient(&shown, &text, expected_fields);
                    layers.push(file);
                    errors.extend(problems);
                }
                Err(e) => errors.push(LexiconError::new(shown, 0, format!("cannot read: {e}"))),
            }
        }
    }
    (layers, errors)
}

/// One record and the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub path: &'a str,
    pub record: &'a Record,
}

impl Entry<'_> {
    /// `path:line`, what events carry as the rule that fired.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path, self.record.line)
    }
}

/// Merges layers by key: a later layer's records replace every earlier record with the same
/// key (that is how a user overrides a built-in entry); keys only in one layer are kept.
/// Records sharing a key within one layer are all kept (validation reports them if they are
/// not allowed). Output is sorted by key, then by file order, so it is deterministic.
pub fn overlay<'a, K: Ord>(layers: &'a [LineFile], key: impl Fn(&Record) -> K) -> Vec<Entry<'a>> {
    let mut merged: BTreeMap<K, (usize, Vec<Entry<'a>>)> = BTreeMap::new();
    for (layer, file) in layers.iter().enumerate() {
        for record in &file.records {
            let entry = Entry {
                path: &file.path,
                record,
            };
            let slot = merged.entry(key(record)).or_insert((layer, Vec::new()));
            if slot.0 != layer {
                *slot = (layer, Vec::new());
            }
            slot.1.push(entry);
        }
    }
    merged.into_values().flat_map(|(_, v)| v).collect()
}

/// Reports records of one file that share a key with an earlier record of the same file.
pub fn check_duplicates<K: Ord>(file: &LineFile, key: impl Fn(&Record) -> K) -> Vec<LexiconError> {
    let mut seen: BTreeMap<K, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    for record in &file.records {
        if let Some(first) = seen.get(&key(record)) {
            errors.push(LexiconError::new(
                &file.path,
                record.line,
                format!("duplicate entry: same key as line {first}"),
            ));
        } else {
            seen.insert(key(record), record.line);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_skips_comments() {
        let text = "# header\n\nAlpha | A | \nbeta | B | x\n";
        let file = parse_line_file("t.txt", text, 2..=3).unwrap();
        assert_eq!(file.records.len(), 2);
        assert_eq!(file.records[0].line, 3);
        assert_eq!(file.records[0].fields, vec!["Alpha", "A", ""]);
        assert_eq!(file.records[1].field(2), "x");
        assert_eq!(file.records[1].field(5), "");
    }

    #[test]
    fn reports_every_bad_line() {
        let text = "b | 1\na | 2\nc\nd | 4\n";
        let errors = parse_line_file("t.txt", text, 2..=2).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("out of order"));
        assert_eq!(errors[1].line, 3);
        assert!(errors[1].message.contains("expected 2 fields"));
    }

    #[test]
    fn later_layers_override_by_key() {
        let builtin = parse_line_file("builtin:x", "a | 1\nb | 2\nb | 3\n", 2..=2).unwrap();
        let user = parse_line_file("user/x", "b | 9\nc | 4\n", 2..=2).unwrap();
        let layers = [builtin, user];
        let merged = overlay(&layers, |r| r.field(0).to_string());
        let got: Vec<_> = merged
            .iter()
            .map(|e| format!("{}={}@{}", e.record.field(0), e.record.field(1), e.path))
            .collect();
        assert_eq!(got, vec!["a=1@builtin:x", "b=9@user/x", "c=4@user/x"]);
    }

    #[test]
    fn duplicates_name_both_lines() {
        let file = parse_line_file("t.txt", "a | 1\nA | 2\n", 2..=2).unwrap();
        let errors = check_duplicates(&file, |r| r.field(0).to_lowercase());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("line 1"));
    }
}
