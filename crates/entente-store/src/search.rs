//! Full-text search over article titles and bodies (FTS5, BM25 ranking).

use chrono::NaiveDate;
use entente_model::ArticleId;
use serde::Serialize;

use crate::articles::clamp;
use crate::{Store, StoreError};

/// One article that matches a search, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// A few words of the body around the matches, the matched words in `[` `]`.
    pub snippet: String,
    /// BM25 relevance: higher is better.
    pub rank: f64,
}

/// A match in the title weighs this many times a match in the body.
const TITLE_WEIGHT: f64 = 5.0;
/// Words of context in a snippet.
const SNIPPET_WORDS: i64 = 16;

impl Store {
    /// Searches titles and bodies with the FTS5 query language (`troops AND Russia`,
    /// `"defense pact"`, `sanction*`). A query that does not parse is a
    /// [`StoreError::Query`] with a hint, never a panic.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        if query.trim().is_empty() {
            return Err(StoreError::Query {
                query: query.to_string(),
                message: "the query is empty".to_string(),
            });
        }
        let err = self.err("searching");
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT a.id, a.title, a.date,
                        snippet(articles_fts, 1, '[', ']', '…', {SNIPPET_WORDS}),
                        -bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
                 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY score DESC, a.id LIMIT ?2"
            ))
            .map_err(&err)?;
        let rows = stmt
            .query_map(rusqlite::params![query, clamp(limit)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, f64>(4)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(|e| query_error(e, query).unwrap_or_else(&err))?;
        rows.into_iter()
            .map(|(id, title, date, snippet, rank)| {
                let date = date
                    .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
                    .transpose()
                    .map_err(|e| self.corrupt(&id, e))?;
                Ok(SearchHit {
                    id: ArticleId::from_stored(id),
                    title,
                    date,
                    snippet,
                    rank,
                })
            })
            .collect()
    }
}

/// The statement itself is ours and was prepared; a plain `SQLITE_ERROR` while it runs can
/// only come from FTS5 parsing the user's query (`fts5: syntax error near ...`,
/// `unterminated string`, `no such column`). Busy, I/O or corruption errors keep their own
/// codes and stay store errors.
fn query_error(e: rusqlite::Error, query: &str) -> Result<StoreError, rusqlite::Error> {
    match &e {
        rusqlite::Error::SqliteFailure(f, message) if f.code == rusqlite::ErrorCode::Unknown => {
            Ok(StoreError::Query {
                query: query.to_string(),
                message: message.clone().unwrap_or_else(|| f.to_string()),
            })
        }
        _ => Err(e),
    }
}
