//! Storing a batch of articles with their events, in one transaction.

use std::collections::{BTreeMap, BTreeSet};

use entente_model::{Article, ArticleId, Event};
use rusqlite::{params, Transaction, TransactionBehavior};

use crate::{simhash, Store, StoreError};

/// What [`Store::store_batch`] did with one article.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOutcome {
    /// A new article.
    Stored(ArticleId),
    /// The same text was already stored (under this id): the article is kept once, its key
    /// is remembered, and its events are replaced by the batch's.
    Duplicate(ArticleId),
    /// A new article, stored and linked to the closest earlier near-copy `of`.
    NearDuplicate {
        stored: ArticleId,
        of: ArticleId,
        similarity: f64,
    },
}

impl StoreOutcome {
    /// The id of the article as it now stands in the store.
    pub fn id(&self) -> &ArticleId {
        match self {
            StoreOutcome::Stored(id) | StoreOutcome::Duplicate(id) => id,
            StoreOutcome::NearDuplicate { stored, .. } => stored,
        }
    }
}

impl Store {
    /// Stores articles and their events atomically. An article already stored (same id) is
    /// not stored again, but its events are replaced by the ones given, so that re-coding
    /// with a newer lexicon updates them. On error nothing of the batch is stored.
    pub fn store_batch(
        &mut self,
        batch: &[(Article, Vec<Event>)],
    ) -> Result<Vec<StoreOutcome>, StoreError> {
        let path = self.path.clone();
        let err = |action| {
            let path = path.clone();
            move |source| StoreError::Sqlite {
                path,
                action,
                source,
            }
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err("starting a batch"))?;
        let ingested_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let last_seq: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(err("starting a batch"))?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for (article, events) in batch {
            let outcome =
                store_article(&tx, article, &ingested_at).map_err(err("storing an article"))?;
            replace_events(&tx, &path, article, events)?;
            outcomes.push(outcome);
        }
        // The batch's new articles enter the full-text index in one statement, last (see
        // schema version 2): FTS5 writes its pending terms at every statement savepoint of a
        // transaction it takes part in, so joining early would flush it once an article.
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, text)
             SELECT seq, title, text FROM articles WHERE seq > ?1",
            [last_seq],
        )
        .map_err(err("indexing a batch"))?;
        tx.commit().map_err(err("committing a batch"))?;
        Ok(outcomes)
    }

    /// Whether an article with this id is stored: lets an ingest skip coding an article that
    /// an earlier run already stored.
    pub fn contains(&self, id: &ArticleId) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut s| s.exists([id.as_str()]))
            .map_err(self.err("looking up an article"))
    }

    /// The article last stored under an input key (a record id, url or path), if any: lets
    /// an ingest recognize a key it has seen. The content under a key may have changed
    /// since; only the article id (a hash of the text) tells that it has not.
    pub fn article_id_for_key(&self, key: &str) -> Result<Option<ArticleId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_id FROM article_keys WHERE key = ?1")
            .map_err(self.err("looking up a key"))?;
        let mut rows = stmt.query([key]).map_err(self.err("looking up a key"))?;
        match rows.next().map_err(self.err("looking up a key"))? {
            Some(row) => Ok(Some(ArticleId::from_stored(
                row.get::<_, String>(0)
                    .map_err(self.err("looking up a key"))?,
            ))),
            None => Ok(None),
        }
    }
}

fn store_article(
    tx: &Transaction<'_>,
    article: &Article,
    ingested_at: &str,
) -> rusqlite::Result<StoreOutcome> {
    let id = article.id.as_str();
    let exists = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .exists([id])?;
    let outcome = if exists {
        StoreOutcome::Duplicate(article.id.clone())
    } else {
        let hash = simhash::simhash(&article.text);
        let near = match hash {
            Some(h) => near_copies(tx, h)?,
            None => Vec::new(),
        };
        insert_article(tx, article, ingested_at, hash)?;
        if let Some(h) = hash {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO simhash_bands (band, value, article_id, hash) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (band, value) in simhash::bands(h) {
                stmt.execute(params![band, value, id, simhash::to_sql(h)])?;
            }
        }
        let mut link = tx.prepare_cached(
            "INSERT OR IGNORE INTO near_duplicates (a, b, similarity) VALUES (?1, ?2, ?3)",
        )?;
        for (other, similarity) in &near {
            link.execute(params![id, other.as_str(), similarity])?;
        }
        match near.into_iter().next() {
            Some((of, similarity)) => StoreOutcome::NearDuplicate {
                stored: article.id.clone(),
                of,
                similarity,
            },
            None => StoreOutcome::Stored(article.id.clone()),
        }
    };
    if let Some(key) = &article.key {
        // A key names the latest text read under it: a page that changed points to its
        // new version.
        tx.prepare_cached(
            "INSERT INTO article_keys (key, article_id) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET article_id = excluded.article_id",
        )?
        .execute(params![key, id])?;
    }
    Ok(outcome)
}

/// Stored articles within `MAX_DISTANCE` bits of `hash`, closest first (ties by id).
fn near_copies(tx: &Transaction<'_>, hash: u64) -> rusqlite::Result<Vec<(ArticleId, f64)>> {
    let marks = vec!["?"; simhash::probes(0).len()].join(", ");
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT article_id, hash FROM simhash_bands WHERE band = ? AND value IN ({marks})"
    ))?;
    let mut candidates: BTreeMap<String, u64> = BTreeMap::new();
    for (band, value) in simhash::bands(hash) {
        let args = std::iter::once(band).chain(simhash::probes(value));
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            candidates.insert(row.get(0)?, simhash::from_sql(row.get(1)?));
        }
    }
    let mut near: Vec<(u32, String)> = candidates
        .into_iter()
        .map(|(id, other)| (simhash::distance(hash, other), id))
        .filter(|(d, _)| *d <= simhash::MAX_DISTANCE)
        .collect();
    near.sort();
    Ok(near
        .into_iter()
        .map(|(d, id)| (ArticleId::from_stored(id), 1.0 - f64::from(d) / 64.0))
        .collect())
}

fn insert_article(
    tx: &Transaction<'_>,
    a: &Article,
    ingested_at: &str,
    hash: Option<u64>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO articles (id, key, url, title, authors, date, date_basis, genre, language,
                               text, paragraphs, boilerplate, warnings, ingested_at, simhash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        a.id.as_str(),
        a.key,
        a.url,
        a.title,
        json(&a.authors),
        a.date.map(|d| d.date.format("%Y-%m-%d").to_string()),
        a.date.map(|d| crate::articles::basis_str(d.basis)),
        a.genre.as_str(),
        a.language,
        a.text,
        json(&a.paragraphs),
        json(&a.boilerplate),
        json(&a.warnings),
        ingested_at,
        hash.map(simhash::to_sql),
    ])?;
    Ok(())
}

/// Deletes the article's events (their interactions follow by cascade) and inserts the
/// given ones with their interactions.
fn replace_events(
    tx: &Transaction<'_>,
    path: &std::path::Path,
    article: &Article,
    events: &[Event],
) -> Result<(), StoreError> {
    let sql = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        action: "storing events",
        source,
    };
    tx.prepare_cached("DELETE FROM events WHERE article_id = ?1")
        .and_then(|mut s| s.execute([article.id.as_str()]))
        .map_err(sql)?;
    let mut seen = BTreeSet::new();
    for event in events {
        if event.article_id != article.id {
            return Err(StoreError::EventArticleMismatch {
                event: event.id.to_string(),
                event_article: event.article_id.to_string(),
                article: article.id.to_string(),
            });
        }
        // A coder that emits one event twice must not fail the batch.
        if !seen.insert(event.id.as_str()) {
            continue;
        }
        insert_event(tx, event).map_err(sql)?;
    }
    Ok(())
}

fn insert_event(tx: &Transaction<'_>, e: &Event) -> rusqlite::Result<()> {
    let record = json(e);
    let start = e
        .date
        .as_ref()
        .and_then(|d| d.start())
        .map(|d| d.format("%Y-%m-%d").to_string());
    // An undated event keeps empty date columns (they are NOT NULL) and a NULL start, so
    // that date filters never match it.
    let (value, precision) = e.date.as_ref().map_or(("", ""), |d| {
        (d.value.as_str(), crate::events::precision_str(d.precision))
    });
    tx.prepare_cached(
        "INSERT INTO events (id, article_id, event, quad, intensity, modality, date_value,
                             date_start, precision, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        e.id.as_str(),
        e.article_id.as_str(),
        e.event.as_str(),
        e.quad.get(),
        f64::from(e.intensity),
        e.modality.as_str(),
        value,
        start,
        precision,
        record,
    ])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO interactions (event_id, source, target, event, quad, intensity, modality,
                                   date_start, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (source, target) in pairs(e) {
        stmt.execute(params![
            e.id.as_str(),
            source,
            target,
            e.event.as_str(),
            e.quad.get(),
            f64::from(e.intensity),
            e.modality.as_str(),
            start,
            e.mentions,
        ])?;
    }
    Ok(())
}

/// The distinct (source key, target key) pairs of an event, in sorted order: compound
/// actors fan out, and two names of one actor ("Kim Jong Un", "North Korea") count once.
/// Uncoded parties ("gunmen") are no one the analytics can count: a source without a code
/// gives no pair, and a target without one is left out (the event then counts as having no
/// target when none of its targets is coded).
pub(crate) fn pairs(e: &Event) -> BTreeSet<(&str, Option<&str>)> {
    let sources: BTreeSet<&str> = e.source.iter().filter_map(|a| a.key()).collect();
    let coded: BTreeSet<Option<&str>> = e.target.iter().filter_map(|a| a.key()).map(Some).collect();
    let targets = if coded.is_empty() {
        BTreeSet::from([None])
    } else {
        coded
    };
    sources
        .iter()
        .flat_map(|s| targets.iter().map(move |t| (*s, *t)))
        .collect()
}

/// Serializing the model's own types cannot fail; this keeps the `expect` in one place.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("model types always serialize")
}
