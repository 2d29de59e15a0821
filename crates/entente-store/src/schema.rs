//! The schema and its migrations. `PRAGMA user_version` holds the number of migrations a
//! database has been through; a build knows [`SCHEMA_VERSION`] of them and runs the missing
//! ones, in order, inside one transaction.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Migration `i` takes a database from version `i` to version `i + 1`. Never edit one that
/// has shipped: add a new one.
const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: articles with full-text search, keys, near-duplicates, events and their
/// actor-to-actor interactions.
///
/// `articles` and `events` carry an integer `seq` as their rowid besides the text `id`: FTS5's
/// external content needs a rowid that `VACUUM` never renumbers, which only an
/// `INTEGER PRIMARY KEY` guarantees. The text `id` stays unique and is what everything else
/// refers to.
pub(crate) const V1: &str = r#"
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    key         TEXT,
    url         TEXT,
    title       TEXT,
    authors     TEXT NOT NULL,          -- JSON array of strings
    date        TEXT,                   -- ISO day of publication
    date_basis  TEXT,
    genre       TEXT NOT NULL,
    language    TEXT,
    text        TEXT NOT NULL,
    paragraphs  TEXT NOT NULL,          -- JSON array of ranges into `text`
    boilerplate TEXT NOT NULL,          -- JSON array of labelled pieces
    warnings    TEXT NOT NULL,          -- JSON array of strings
    ingested_at TEXT NOT NULL,
    simhash     INTEGER                 -- 64-bit SimHash as a signed integer; NULL without words
);
CREATE INDEX articles_by_date ON articles(date, id);
CREATE INDEX articles_by_genre ON articles(genre, date, id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Triggers keep the index in sync whatever statement touches `articles`.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE article_keys (
    key        TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_keys_by_article ON article_keys(article_id);

-- Four 16-bit bands of each SimHash. Two hashes within Hamming distance 7 are within one bit
-- in at least one band, so a few indexed lookups per band find every candidate
-- (see `simhash.rs`).
CREATE TABLE simhash_bands (
    band       INTEGER NOT NULL,
    value      INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;
CREATE INDEX simhash_bands_by_article ON simhash_bands(article_id);

-- `a` was stored after `b` and found to be a near-copy of it.
CREATE TABLE near_duplicates (
    a          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX near_duplicates_by_b ON near_duplicates(b, a);

CREATE TABLE events (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event      TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    intensity  REAL NOT NULL,
    modality   TEXT NOT NULL,
    date_value TEXT NOT NULL,
    date_start TEXT,                    -- ISO day: the first day the date may stand for
    precision  TEXT NOT NULL,
    record     TEXT NOT NULL            -- the whole public record, JSON
);
CREATE INDEX events_by_article ON events(article_id);
CREATE INDEX events_by_date ON events(date_start, id);
CREATE INDEX events_by_type ON events(event, date_start);

-- One row per source x target pair of an event (compound actors fan out), keyed by
-- `ActorRef::key()`; `target` is NULL for an event without a target.
CREATE TABLE interactions (
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    target     TEXT,
    event      TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    intensity  REAL NOT NULL,
    modality   TEXT NOT NULL,
    date_start TEXT,
    mentions   INTEGER NOT NULL
);
-- `modality` closes the actor indexes so that the usual factual-only filter is checked on
-- the index entry, before the row is fetched.
CREATE INDEX interactions_by_source ON interactions(source, target, date_start, modality);
CREATE INDEX interactions_by_target ON interactions(target, source, date_start, modality);
CREATE INDEX interactions_by_date ON interactions(date_start);
CREATE INDEX interactions_by_event ON interactions(event_id);
"#;

/// Version 2: the writer indexes a batch's new articles itself, in one statement at the end
/// of the batch. FTS5 writes its pending terms to disk at every statement savepoint of a
/// transaction it takes part in, and with the insert trigger it took part from the first
/// article on: the index was flushed and merged once an article, half the cost of an
/// ingest. Deletes and updates still go through their triggers (the store does neither on
/// the hot path).
const V2: &str = r#"
DROP TRIGGER articles_fts_insert;
"#;

/// Version 3: each SimHash band row carries the whole fingerprint, so that looking for
/// near-copies never reads `articles`: its `simhash` column sits after the body text, and
/// SQLite walks a long text's overflow pages to reach a column behind it. The lookup was a
/// sixth of an ingest's time.
const V3: &str = r#"
ALTER TABLE simhash_bands ADD COLUMN hash INTEGER;
UPDATE simhash_bands
   SET hash = (SELECT simhash FROM articles WHERE articles.id = simhash_bands.article_id);
"#;

/// Reads the schema version, refusing files that are not SQLite or are newer than this build.
pub(crate) fn version(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| classify_open_error(e, path))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found < 0 {
        return Err(StoreError::BadVersion {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(found)
}

/// Brings the database up to [`SCHEMA_VERSION`]. The version is read again inside the write
/// transaction, so two processes opening an old file at once migrate it only once.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    if version(conn, path)? == SCHEMA_VERSION {
        return Ok(());
    }
    let sql_err = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        action: "starting the migration",
        source,
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql_err)?;
    let current = version(&tx, path)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let to = i as i64 + 1;
        let step = |source| StoreError::Migration {
            path: path.to_path_buf(),
            version: to,
            source,
        };
        tx.execute_batch(sql).map_err(step)?;
        // PRAGMA takes no bound parameters; `to` is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {to}"))
            .map_err(step)?;
    }
    tx.commit().map_err(|source| StoreError::Migration {
        path: path.to_path_buf(),
        version: SCHEMA_VERSION,
        source,
    })
}

/// SQLite opens any file lazily; the first read is where a file that is not a database
/// shows itself.
pub(crate) fn classify_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: e,
        },
    }
}
