//! The embedded store of entente: one SQLite file that keeps articles, their events and the
//! actor-to-actor interactions the analytics count.
//!
//! - The schema version lives in `PRAGMA user_version`; [`Store::open`] migrates an older
//!   file, refuses a newer one and names a file that is not a database.
//! - WAL mode: a reader (`entente search`) queries while an ingest writes.
//! - Each [`Store::store_batch`] is one transaction: an ingest killed half-way keeps every
//!   batch it committed, and storing the same batch again changes nothing.
//! - Articles are found by id, id prefix or input key, listed by date, and searched with
//!   FTS5; near-copies of one story are linked by SimHash.
//!
//! ```
//! use entente_model::{Article, Paragraph, TextRange};
//! use entente_store::{Store, StoreOutcome};
//!
//! let mut store = Store::open_in_memory()?;
//! let text = "North Korea sent troops to Russia.".to_string();
//! let article = Article::new(text.clone(), vec![Paragraph { range: TextRange::new(0, text.len()) }]);
//! let outcomes = store.store_batch(&[(article.clone(), vec![])])?;
//! assert_eq!(outcomes, vec![StoreOutcome::Stored(article.id.clone())]);
//! // Storing it again is recognized.
//! let again = store.store_batch(&[(article.clone(), vec![])])?;
//! assert_eq!(again, vec![StoreOutcome::Duplicate(article.id.clone())]);
//! assert_eq!(store.counts()?.articles, 1);
//! assert_eq!(store.search("troops", 10)?[0].id, article.id);
//! # Ok::<(), entente_store::StoreError>(())
//! ```

mod articles;
mod error;
mod events;
mod schema;
mod search;
pub mod simhash;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use articles::{ArticleFilter, ArticleSummary, NearDuplicate, StoredArticle};
pub use error::StoreError;
pub use events::{EventFilter, InteractionFilter};
pub use schema::SCHEMA_VERSION;
pub use search::SearchHit;
pub use write::StoreOutcome;

/// How long a writer waits for another writer's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open entente database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whole-table interaction reads spanning more rowids than this are split over parallel
    /// readers (see `Store::interactions`); tests lower it.
    pub(crate) parallel_above: i64,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub articles: u64,
    pub events: u64,
    pub interactions: u64,
    pub near_duplicates: u64,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if needed, and brings its
    /// schema up to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| schema::classify_open_error(e, path))?;
        Store::setup(conn, path.to_path_buf())
    }

    /// A private database that lives as long as the `Store`: for tests and `entente code`.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::setup(conn, path)
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let err = |action| {
            let path = path.clone();
            move |source| StoreError::Sqlite {
                path,
                action,
                source,
            }
        };
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(err("setting the busy timeout"))?;
        // Check what the file is before changing anything in it.
        schema::version(&conn, &path)?;
        // `journal_mode` answers with the mode it set; an in-memory database stays `memory`.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(err("switching to WAL mode"))?;
        // NORMAL is safe in WAL mode against a killed process (a committed batch survives);
        // only a power cut may lose the last transactions.
        // A 64 MiB page cache (the default is 2 MiB) keeps the hash-ordered indexes of a
        // large store in memory: it makes ingest into a million-event store several times
        // faster. Pages are only taken as they are used.
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;",
        )
        .map_err(err("setting pragmas"))?;
        schema::migrate(&mut conn, &path)?;
        Ok(Store {
            conn,
            path,
            parallel_above: 100_000,
        })
    }

    /// Where a user expects the database: `$ENTENTE_DB` if set, else
    /// `$XDG_DATA_HOME/entente/entente.db`, else `~/.local/share/entente/entente.db`. The
    /// parent folder is created when possible; [`Store::open`] reports it if it cannot be.
    pub fn default_path() -> PathBuf {
        let path = default_path_with(|name| std::env::var_os(name));
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Best effort: `open` names the folder if this failed.
            let _ = std::fs::create_dir_all(parent);
        }
        path
    }

    /// The file this store reads and writes (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(self.err("counting rows"))?;
            Ok(n as u64)
        };
        Ok(Counts {
            articles: count("articles")?,
            events: count("events")?,
            interactions: count("interactions")?,
            near_duplicates: count("near_duplicates")?,
        })
    }

    /// Maps a SQLite error to one that names this store's file.
    fn err(&self, action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            action,
            source,
        }
    }
}

/// [`Store::default_path`] over any environment, so that it can be tested without touching
/// the process's own.
fn default_path_with(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> PathBuf {
    let env = |name| var(name).filter(|v| !v.is_empty());
    match (env("ENTENTE_DB"), env("XDG_DATA_HOME"), env("HOME")) {
        (Some(db), _, _) => PathBuf::from(db),
        (None, Some(data), _) => PathBuf::from(data).join("entente").join("entente.db"),
        (None, None, Some(home)) => PathBuf::from(home)
            .join(".local/share/entente")
            .join("entente.db"),
        // No home at all (a bare container): the working folder is the least surprise.
        (None, None, None) => PathBuf::from("entente.db"),
    }
}

#[cfg(test)]
mod tests;
