use std::path::PathBuf;

use thiserror::Error;

/// Everything that can go wrong in the store. Each variant names the database file, so that a
/// message read in a log points at the file to look at.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the database `{}`: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot create the folder of the database `{}`: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("`{}` is not an entente database (not a SQLite file)\nhint: pass another path with `--db PATH` or `ENTENTE_DB`", path.display())]
    NotSqlite { path: PathBuf },
    #[error("the database `{}` has schema version {found}, but this build of entente knows only versions up to {known}\nhint: upgrade entente to read it", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the database `{}` has a negative schema version {found}; it was not written by entente", path.display())]
    BadVersion { path: PathBuf, found: i64 },
    #[error("`{}`: migration to schema version {version} failed: {source}", path.display())]
    Migration {
        path: PathBuf,
        version: i64,
        #[source]
        source: rusqlite::Error,
    },
    #[error("`{}`: {action}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("`{query}` is not a valid search query: {message}\nhint: put words with punctuation in double quotes, e.g. `\"North Korea's\"`; operators are AND, OR, NOT, NEAR and `*` for a prefix")]
    Query { query: String, message: String },
    #[error("`{prefix}` matches {count} or more articles\nhint: give more characters of the id")]
    AmbiguousPrefix { prefix: String, count: usize },
    #[error("event `{event}` belongs to article `{event_article}` but was stored with article `{article}`")]
    EventArticleMismatch {
        event: String,
        event_article: String,
        article: String,
    },
    #[error("`{}`: {what} cannot be read back: {message}", path.display())]
    Corrupt {
        path: PathBuf,
        what: String,
        message: String,
    },
}
