use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// Where a problem was met: a file, and a line when the input has records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// 1-based line of a JSON Lines record or CSV row.
    pub line: Option<u64>,
}

impl Location {
    pub fn file(path: &Path) -> Self {
        Location {
            path: path.to_path_buf(),
            line: None,
        }
    }

    pub fn line(path: &Path, line: u64) -> Self {
        Location {
            path: path.to_path_buf(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        Ok(())
    }
}

/// Everything that can stop one input or one record from being read.
///
/// Each variant names its place; a batch reports the error and goes on with the next input.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{at}: cannot read: {source}")]
    Io {
        at: Location,
        #[source]
        source: std::io::Error,
    },
    #[error("{at}: no such file or folder")]
    NotFound { at: Location },
    #[error("{at}: empty")]
    Empty { at: Location },
    #[error("{at}: {size} bytes is over the limit of {limit} bytes\nhint: split the file, or raise the limit (`--max-size MB`)")]
    TooLarge { at: Location, size: u64, limit: u64 },
    #[error("{at}: looks binary, not text ({reason})\nhint: entente reads UTF-8 text, HTML, JSON Lines and CSV")]
    Binary { at: Location, reason: String },
    #[error("{at}: malformed JSON: {message}")]
    Json { at: Location, message: String },
    #[error("{at}: malformed CSV: {message}")]
    Csv { at: Location, message: String },
    #[error("{at}: record has no text\nhint: expected one of the fields {expected}")]
    NoText { at: Location, expected: String },
    #[error("{at}: no readable text found{}", hint.as_deref().map(|h| format!("\nhint: {h}")).unwrap_or_default())]
    NoContent { at: Location, hint: Option<String> },
    /// A reader failed on this input: the rest of the batch goes on without it.
    #[error("{at}: the reader failed on this file ({message})\nhint: this is a bug in entente; the other inputs were read")]
    ReaderFailed { at: Location, message: String },
}

impl IngestError {
    /// The place the error is about.
    pub fn location(&self) -> &Location {
        match self {
            IngestError::Io { at, .. }
            | IngestError::NotFound { at }
            | IngestError::Empty { at }
            | IngestError::TooLarge { at, .. }
            | IngestError::Binary { at, .. }
            | IngestError::Json { at, .. }
            | IngestError::Csv { at, .. }
            | IngestError::NoText { at, .. }
            | IngestError::NoContent { at, .. }
            | IngestError::ReaderFailed { at, .. } => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_and_line() {
        let e = IngestError::Json {
            at: Location::line(Path::new("data/x.jsonl"), 7),
            message: "expected `,` or `}` at column 12".into(),
        };
        assert_eq!(
            e.to_string(),
            "`data/x.jsonl` line 7: malformed JSON: expected `,` or `}` at column 12"
        );
    }

    #[test]
    fn too_large_has_a_hint() {
        let e = IngestError::TooLarge {
            at: Location::file(Path::new("big.txt")),
            size: 30,
            limit: 20,
        };
        let s = e.to_string();
        assert!(s.starts_with("`big.txt`: 30 bytes is over the limit of 20 bytes"));
        assert!(s.contains("\nhint: "));
    }
}
