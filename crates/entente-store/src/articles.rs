//! Reading articles back: one by id, prefix or key; a filtered, paged list.

use chrono::NaiveDate;
use entente_model::{Article, ArticleDate, ArticleId, DateBasis, Genre};
use std::collections::BTreeMap;

use rusqlite::{params_from_iter, types::Value, OptionalExtension, Row};
use serde::Serialize;

use crate::{Store, StoreError};

/// An article as stored, with what the store knows about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    pub article: Article,
    /// Every input key the article was read under, sorted.
    pub keys: Vec<String>,
    pub ingested_at: String,
    pub events: u64,
    /// Articles this one is a near-copy of, or that are near-copies of it; closest first.
    pub near_duplicates: Vec<NearDuplicate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearDuplicate {
    pub id: ArticleId,
    pub similarity: f64,
}

/// Which articles [`Store::articles`] lists. The default lists the first 100.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFilter {
    pub limit: usize,
    pub offset: usize,
    /// Published on or after this day.
    pub since: Option<NaiveDate>,
    /// Published on or before this day.
    pub until: Option<NaiveDate>,
    pub genre: Option<Genre>,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        ArticleFilter {
            limit: 100,
            offset: 0,
            since: None,
            until: None,
            genre: None,
        }
    }
}

/// One line of an article listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub key: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub genre: Genre,
    pub language: Option<String>,
    /// Length of the body in characters.
    pub chars: u64,
    pub events: u64,
}

impl Store {
    /// The article with this id, else the one stored under this input key, else the only
    /// article whose id starts with this prefix. Several articles sharing the prefix is an
    /// error that asks for more characters.
    pub fn article(&self, id_or_prefix: &str) -> Result<Option<StoredArticle>, StoreError> {
        let wanted = id_or_prefix.trim();
        if wanted.is_empty() {
            return Ok(None);
        }
        let id = match self.find_id(wanted)? {
            Some(id) => id,
            None => return Ok(None),
        };
        let err = self.err("reading an article");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, key, url, title, authors, date, date_basis, genre, language, text,
                        paragraphs, boilerplate, warnings, ingested_at
                 FROM articles WHERE id = ?1",
            )
            .map_err(&err)?;
        let row = stmt
            .query_row([&id], |row| {
                Ok((self.article_from_row(row), row.get::<_, String>(13)?))
            })
            .map_err(&err)?;
        let (article, ingested_at) = (row.0?, row.1);
        let keys = self.strings(
            "SELECT key FROM article_keys WHERE article_id = ?1 ORDER BY key",
            &id,
        )?;
        let events: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM events WHERE article_id = ?1")
            .and_then(|mut s| s.query_row([&id], |r| r.get(0)))
            .map_err(&err)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT b, similarity FROM near_duplicates WHERE a = ?1
                 UNION SELECT a, similarity FROM near_duplicates WHERE b = ?1
                 ORDER BY 2 DESC, 1",
            )
            .map_err(&err)?;
        let near_duplicates = stmt
            .query_map([&id], |r| {
                Ok(NearDuplicate {
                    id: ArticleId::from_stored(r.get::<_, String>(0)?),
                    similarity: r.get(1)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(&err)?;
        Ok(Some(StoredArticle {
            article,
            keys,
            ingested_at,
            events: events as u64,
            near_duplicates,
        }))
    }

    /// Articles newest first (undated ones last), then by id, so that pages are stable.
    pub fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut sql = String::from(
            "SELECT a.id, a.key, a.title, a.date, a.genre, a.language, length(a.text),
                    (SELECT count(*) FROM events e WHERE e.article_id = a.id)
             FROM articles a WHERE 1",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(since) = filter.since {
            sql.push_str(" AND a.date >= ?");
            args.push(Value::Text(iso(since)));
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND a.date <= ?");
            args.push(Value::Text(iso(until)));
        }
        if let Some(genre) = filter.genre {
            sql.push_str(" AND a.genre = ?");
            args.push(Value::Text(genre.as_str().to_string()));
        }
        sql.push_str(" ORDER BY a.date IS NULL, a.date DESC, a.id LIMIT ? OFFSET ?");
        args.push(Value::Integer(clamp(filter.limit)));
        args.push(Value::Integer(clamp(filter.offset)));
        let err = self.err("listing articles");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(&err)?;
        rows.into_iter()
            .map(|(id, key, title, date, genre, language, chars, events)| {
                Ok(ArticleSummary {
                    date: date.map(|d| self.day(&d, &id)).transpose()?,
                    genre: genre.parse().map_err(|e| self.corrupt(&id, e))?,
                    id: ArticleId::from_stored(id),
                    key,
                    title,
                    language,
                    chars: chars as u64,
                    events: events as u64,
                })
            })
            .collect()
    }

    /// Resolves an id, a key or a unique id prefix to a stored id.
    /// Each article's title, else its first input key, for labelling evidence without
    /// reading whole articles. Ids not in the store are left out.
    pub fn titles(&self, ids: &[ArticleId]) -> Result<BTreeMap<ArticleId, String>, StoreError> {
        let err = self.err("reading titles");
        let mut stmt = self
            .conn
            .prepare_cached("SELECT coalesce(title, key, id) FROM articles WHERE id = ?")
            .map_err(&err)?;
        let mut out = BTreeMap::new();
        for id in ids {
            if out.contains_key(id) {
                continue;
            }
            let title: Option<String> = stmt
                .query_row([id.as_str()], |r| r.get(0))
                .optional()
                .map_err(&err)?;
            if let Some(title) = title {
                out.insert(id.clone(), title);
            }
        }
        Ok(out)
    }

    fn find_id(&self, wanted: &str) -> Result<Option<String>, StoreError> {
        let err = self.err("finding an article");
        let exact: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE id = ?1
                 UNION ALL SELECT article_id FROM article_keys WHERE key = ?1 LIMIT 1",
            )
            .and_then(|mut s| {
                let mut rows = s.query([wanted])?;
                rows.next()?.map(|r| r.get(0)).transpose()
            })
            .map_err(&err)?;
        if exact.is_some() {
            return Ok(exact);
        }
        // Ids are ASCII, so every id with the prefix sorts in [prefix, prefix + U+10FFFF).
        let upper = format!("{wanted}\u{10FFFF}");
        let found = self.strings_range(
            "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2",
            wanted,
            &upper,
        )?;
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.into_iter().next()),
            count => Err(StoreError::AmbiguousPrefix {
                prefix: wanted.to_string(),
                count,
            }),
        }
    }

    fn strings(&self, sql: &str, arg: &str) -> Result<Vec<String>, StoreError> {
        let err = self.err("reading an article");
        let mut stmt = self.conn.prepare_cached(sql).map_err(&err)?;
        stmt.query_map([arg], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(&err)
    }

    fn strings_range(&self, sql: &str, low: &str, high: &str) -> Result<Vec<String>, StoreError> {
        let err = self.err("finding an article");
        let mut stmt = self.conn.prepare_cached(sql).map_err(&err)?;
        stmt.query_map([low, high], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(&err)
    }

    /// Columns 0..=12 of the `article` query. JSON or codes that do not parse mean the file
    /// was changed by something other than entente: an error naming the article.
    fn article_from_row(&self, r: &Row<'_>) -> Result<Article, StoreError> {
        let err = self.err("reading an article");
        let get_s = |i| r.get::<_, String>(i).map_err(&err);
        let get_o = |i| r.get::<_, Option<String>>(i).map_err(&err);
        let id = get_s(0)?;
        let date = match (get_o(5)?, get_o(6)?) {
            (Some(day), Some(basis)) => Some(ArticleDate {
                date: self.day(&day, &id)?,
                basis: parse_basis(&basis)
                    .ok_or_else(|| self.corrupt(&id, format!("date basis `{basis}`")))?,
            }),
            _ => None,
        };
        Ok(Article {
            key: get_o(1)?,
            url: get_o(2)?,
            title: get_o(3)?,
            authors: self.decode(&get_s(4)?, &id)?,
            date,
            genre: get_s(7)?.parse().map_err(|e| self.corrupt(&id, e))?,
            language: get_o(8)?,
            text: get_s(9)?,
            paragraphs: self.decode(&get_s(10)?, &id)?,
            boilerplate: self.decode(&get_s(11)?, &id)?,
            warnings: self.decode(&get_s(12)?, &id)?,
            id: ArticleId::from_stored(id),
        })
    }

    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        id: &str,
    ) -> Result<T, StoreError> {
        serde_json::from_str(json).map_err(|e| self.corrupt(id, e))
    }

    fn day(&self, day: &str, id: &str) -> Result<NaiveDate, StoreError> {
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map_err(|e| self.corrupt(id, format!("date `{day}`: {e}")))
    }

    pub(crate) fn corrupt(&self, id: &str, message: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            what: format!("`{id}`"),
            message: message.to_string(),
        }
    }
}

pub(crate) fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// SQLite's LIMIT and OFFSET are signed; anything beyond is "all".
pub(crate) fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn basis_str(basis: DateBasis) -> &'static str {
    match basis {
        DateBasis::Metadata => "metadata",
        DateBasis::Text => "text",
        DateBasis::Article => "article",
        DateBasis::Inferred => "inferred",
        DateBasis::User => "user",
    }
}

fn parse_basis(s: &str) -> Option<DateBasis> {
    [
        DateBasis::Metadata,
        DateBasis::Text,
        DateBasis::Article,
        DateBasis::Inferred,
        DateBasis::User,
    ]
    .into_iter()
    .find(|b| basis_str(*b) == s)
}
