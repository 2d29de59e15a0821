//! The store test of issue 2: an ingest killed with SIGKILL half-way keeps every batch it
//! committed, whole, and the next run stores the rest with no duplicates.

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{json, ok, story, text, Sandbox};

const ARTICLES: usize = 3000;
const BATCH: usize = 50;
/// Kill once at least this many articles are committed: about a sixth of the way.
const KILL_AFTER: usize = 500;

fn key(n: usize) -> String {
    format!("rec-{n:05}")
}

/// The test feed: one small, distinct article a line.
fn feed() -> String {
    (0..ARTICLES)
        .map(|n| {
            let record = serde_json::json!({
                "id": key(n),
                "title": format!("Quota note {n}"),
                "date": "2024-05-01",
                "text": story(n),
            });
            format!("{record}\n")
        })
        .collect()
}

/// How many articles the store holds, read through the CLI while the ingest may still run.
fn count(sb: &Sandbox) -> usize {
    if !sb.db().exists() {
        return 0;
    }
    let out = sb
        .db_cmd(&["articles", "--format", "json", "--limit", "1000000"])
        .output()
        .unwrap();
    if !out.status.success() {
        // The first run may not have created the schema yet.
        return 0;
    }
    json(&out).as_array().map_or(0, Vec::len)
}

/// Checks what a (possibly killed) run left behind: the store opens, holds whole batches
/// only, in input order, no key twice, and each committed article's text is intact.
fn check_committed(sb: &Sandbox, expected_total: Option<usize>) -> usize {
    let rows = sb.articles();
    let keys: Vec<String> = rows
        .iter()
        .map(|a| a["key"].as_str().unwrap().to_string())
        .collect();
    let unique: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len(), "an article is stored twice");
    let n = keys.len();
    if let Some(total) = expected_total {
        assert_eq!(n, total);
    }
    assert_eq!(
        n % BATCH,
        0,
        "{n} articles is not a whole number of batches of {BATCH}"
    );
    // Batches commit in input order, so what is stored is exactly the first n records.
    let wanted: BTreeSet<String> = (0..n).map(key).collect();
    let got: BTreeSet<String> = keys.iter().cloned().collect();
    assert_eq!(
        got, wanted,
        "the stored articles are not the first {n} records"
    );
    // Spot-check texts: the first and last article of the first and last committed batch.
    for k in [0, BATCH - 1, n.saturating_sub(BATCH), n.saturating_sub(1)] {
        if k >= n {
            continue;
        }
        let shown = json(&ok(sb.db_cmd(&["articles", &key(k), "--format", "json"])));
        assert_eq!(
            shown["article"]["text"],
            story(k).as_str(),
            "text of {}",
            key(k)
        );
    }
    n
}

#[test]
fn an_ingest_killed_half_way_keeps_whole_batches_and_resumes_without_duplicates() {
    let sb = Sandbox::new();
    let input = sb.write("feed.jsonl", feed());
    let bin = assert_cmd::cargo::cargo_bin("entente");
    let mut child = Command::new(&bin)
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(sb.db())
        .args(["--batch-size", &BATCH.to_string(), "--quiet"])
        .env("ENTENTE_DB", sb.db())
        .env("HOME", sb.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start entente ingest");

    // Wait until a few batches are committed (so the kill lands between or inside later
    // ones, not before the schema exists), then kill at once.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut finished_first = false;
    loop {
        if child.try_wait().unwrap().is_some() {
            finished_first = true;
            break;
        }
        if count(&sb) >= KILL_AFTER {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the ingest stored nothing in 60 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    if !finished_first {
        child.kill().expect("SIGKILL the ingest");
    }
    let status = child.wait().unwrap();

    let committed = check_committed(&sb, None);
    if finished_first || committed == ARTICLES {
        eprintln!(
            "note: the ingest finished ({status:?}) before it could be killed; \
             checking the final state only"
        );
    } else {
        assert!(!status.success(), "the child was killed: {status:?}");
        eprintln!("killed after {committed} of {ARTICLES} articles were committed");
    }
    assert!(committed > 0);

    // Run again to completion: the committed ones are duplicates, the rest are stored.
    let out = sb
        .db_cmd(&["ingest", "--quiet", "--batch-size", &BATCH.to_string()])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(
        summary.contains(&format!("{} stored", ARTICLES - committed)),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("{committed} duplicates")),
        "{summary}"
    );
    check_committed(&sb, Some(ARTICLES));

    // No event was stored twice, and every event belongs to a stored article.
    let events =
        json(&ok(sb.db_cmd(&[
            "events", "--format", "json", "--limit", "1000000",
        ])));
    let events = events.as_array().unwrap();
    let ids: BTreeSet<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events.len(), "an event is stored twice");
    let articles: BTreeSet<&str> = events
        .iter()
        .map(|e| e["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        articles.len(),
        ARTICLES,
        "every article has its event, once"
    );
}
