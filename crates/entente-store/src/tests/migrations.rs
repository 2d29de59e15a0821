use std::ffi::OsString;
use std::path::PathBuf;

use rusqlite::Connection;

use crate::{default_path_with, Store, StoreError, SCHEMA_VERSION};

fn tables(store: &Store) -> Vec<String> {
    let mut stmt = store
        .conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'articles_fts_%' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn an_empty_v0_file_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(
        tables(&store),
        [
            "article_keys",
            "articles",
            "articles_fts",
            "events",
            "interactions",
            "near_duplicates",
            "simhash_bands"
        ]
    );
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/entente.db");
    let a = super::fixtures::article("Russia and North Korea signed a pact.");
    Store::open(&path)
        .unwrap()
        .store_batch(&[(a.clone(), vec![])])
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
    assert_eq!(store.path(), path);
}

#[test]
fn a_newer_database_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();
    drop(conn);
    let err = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION)
    );
    let message = err.to_string();
    assert!(message.contains("new.db"), "{message}");
    assert!(message.contains("hint: upgrade entente"), "{message}");
}

#[test]
fn a_file_that_is_not_sqlite_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "North Korea sent troops to Russia.\n".repeat(200)).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a text file is not a database");
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err:?}");
    assert!(err.to_string().contains("notes.txt"), "{err}");
    // The file was not touched.
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("North Korea"));
}

#[test]
fn default_path_follows_env_then_xdg_then_home() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    };
    assert_eq!(
        default_path_with(env(&[("ENTENTE_DB", "/x/my.db"), ("HOME", "/h")])),
        PathBuf::from("/x/my.db")
    );
    assert_eq!(
        default_path_with(env(&[("XDG_DATA_HOME", "/d"), ("HOME", "/h")])),
        PathBuf::from("/d/entente/entente.db")
    );
    assert_eq!(
        default_path_with(env(&[("HOME", "/h")])),
        PathBuf::from("/h/.local/share/entente/entente.db")
    );
    assert_eq!(
        default_path_with(env(&[("ENTENTE_DB", ""), ("HOME", "/h")])),
        PathBuf::from("/h/.local/share/entente/entente.db"),
        "an empty variable counts as unset"
    );
}

/// A store written by schema version 1 (articles indexed by a trigger, fingerprints only in
/// `articles`) opens, migrates, keeps its articles searchable and their fingerprints findable,
/// and indexes the articles stored after the upgrade.
#[test]
fn a_version_1_store_is_upgraded_and_stays_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(crate::schema::V1).unwrap();
        conn.execute_batch("PRAGMA user_version = 1").unwrap();
        conn.execute(
            "INSERT INTO articles (id, title, authors, genre, text, paragraphs, boilerplate,
                                   warnings, ingested_at)
             VALUES ('a-old', 'Old pact', '[]', 'news', 'Moscow and Pyongyang signed a pact.',
                     '[]', '[]', '[]', '2024-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
        conn.execute("UPDATE articles SET simhash = -42 WHERE id = 'a-old'", [])
            .unwrap();
        conn.execute(
            "INSERT INTO simhash_bands (band, value, article_id) VALUES (0, 7, 'a-old')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    // Version 3 copied each article's fingerprint into its band rows.
    let hash: i64 = store
        .conn
        .query_row(
            "SELECT hash FROM simhash_bands WHERE article_id = 'a-old'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash, -42);
    let new = super::fixtures::article("Beijing and Moscow held talks on grain.");
    store.store_batch(&[(new, vec![])]).unwrap();
    assert_eq!(store.search("pact", 10).unwrap().len(), 1);
    assert_eq!(store.search("grain", 10).unwrap().len(), 1);
    // The batch indexed only its own new article: the old one is found once, not twice.
    assert_eq!(store.search("Moscow", 10).unwrap().len(), 2);
}
