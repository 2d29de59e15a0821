//! Output formats: every listing parses as what it claims to be; `code` prints the public event
//! record of PRODUCT.md with character offsets that point at the evidence; a closed pipe is
//! not an error.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

use common::{json, json_lines, ok, story, text, Sandbox};

/// Every public field of the event record (PRODUCT.md); the names are a contract.
const EVENT_FIELDS: [&str; 17] = [
    "id",
    "article_id",
    "article_key",
    "source",
    "target",
    "event",
    "mode",
    "cameo",
    "quad",
    "intensity",
    "modality",
    "attributed_to",
    "date",
    "location",
    "evidence",
    "confidence",
    "coder",
];

const PLOVER: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Text whose non-ASCII letters and punctuation make byte and character offsets differ.
const UNICODE_STORY: &str = "Talks in Genève — “quiet” progress\n\n\
    On Monday, officials in Genève said the talks — “long overdue” — were going well. \
    North Korea sent troops to Russia in October 2024. Japan criticized China over the islands.\n\n\
    In Zürich, Türkiye’s diplomats said the café talks would resume. \
    France accused Germany of breaking the fishing accord.\n";

/// A small store: a few stories of our own, so every listing has rows.
fn small_store() -> Sandbox {
    let sb = Sandbox::new();
    let paths: Vec<_> = (0..6)
        .map(|n| sb.write(&format!("in/story-{n}.txt"), story(n)))
        .collect();
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    assert_eq!(sb.ingest(&refs).status.code(), Some(0));
    sb
}

/// Runs a listing command in all four formats and checks each parses as it claims, with the
/// same number of rows in each.
fn check_formats(sb: &Sandbox, args: &[&str], expected_rows: usize) {
    let run = |format: &str| {
        let mut all = args.to_vec();
        all.extend(["--format", format]);
        ok(sb.db_cmd(&all))
    };
    let rows = json(&run("json"));
    let rows = rows.as_array().expect("--format json prints an array");
    assert_eq!(rows.len(), expected_rows, "{args:?}");
    assert!(rows.iter().all(Value::is_object));

    let lines = json_lines(&run("jsonl"));
    assert_eq!(&lines, rows, "{args:?}: jsonl holds the same rows as json");

    let csv_out = run("csv");
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header = reader.headers().expect("a CSV header").clone();
    assert!(
        header.iter().any(|h| h == "id"),
        "{args:?}: header {header:?}"
    );
    let records: Vec<_> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("well-formed CSV");
    assert_eq!(records.len(), expected_rows, "{args:?}");
    assert!(records.iter().all(|r| r.len() == header.len()));
    let id_col = header.iter().position(|h| h == "id").unwrap();
    for (record, row) in records.iter().zip(rows) {
        assert_eq!(&record[id_col], row["id"].as_str().unwrap());
    }

    let table = text(&run("table").stdout);
    let mut table_lines = table.lines();
    let head = table_lines.next().expect("a table header");
    assert!(head.contains("id") || head.contains("date"), "{table}");
    let rule = table_lines.next().expect("a rule under the header");
    assert!(
        rule.chars().all(|c| c == '-' || c == ' ') && rule.contains('-'),
        "{table}"
    );
    assert_eq!(table_lines.count(), expected_rows, "{table}");
}

#[test]
fn articles_events_and_search_parse_in_every_format() {
    let sb = small_store();
    check_formats(&sb, &["articles"], 6);
    let events = json(&ok(sb.db_cmd(&["events", "--format", "json"])));
    let n_events = events.as_array().unwrap().len();
    assert!(n_events >= 6, "each story codes an event: {events}");
    check_formats(&sb, &["events"], n_events);
    // Every story says "fishing quota"; only the one numbered 3 says "numbered 3".
    check_formats(&sb, &["search", "fishing"], 6);
    check_formats(&sb, &["search", "\"numbered 3\""], 1);
}

#[test]
fn stored_events_carry_every_public_field() {
    let sb = small_store();
    for event in json_lines(&ok(sb.db_cmd(&["events", "--format", "jsonl"]))) {
        for field in EVENT_FIELDS {
            assert!(event.get(field).is_some(), "`{field}` missing: {event}");
        }
    }
}

#[test]
fn an_empty_listing_in_csv_is_empty_not_a_bogus_record() {
    // With no rows there is no header to tell either: an empty file is the empty table.
    let sb = Sandbox::new();
    let out = ok(sb.db_cmd(&["articles", "--format", "csv"]));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn an_empty_listing_in_json_is_an_empty_array() {
    let sb = Sandbox::new();
    assert_eq!(
        json(&ok(sb.db_cmd(&["articles", "--format", "json"]))),
        Value::Array(vec![])
    );
    assert_eq!(
        json(&ok(sb.db_cmd(&["search", "nothing", "--format", "json"]))),
        Value::Array(vec![])
    );
    assert!(ok(sb.db_cmd(&["events", "--format", "jsonl"]))
        .stdout
        .is_empty());
}

/// Checks one event record against the contract of PRODUCT.md.
fn check_event_record(event: &Value) {
    for field in EVENT_FIELDS {
        assert!(event.get(field).is_some(), "`{field}` missing: {event}");
    }
    let kind = event["event"].as_str().unwrap();
    assert!(PLOVER.contains(&kind), "{kind} is not a PLOVER type");
    let quad = event["quad"].as_u64().unwrap();
    assert!((1..=4).contains(&quad), "{event}");
    let intensity = event["intensity"].as_f64().unwrap();
    assert!((-10.0..=10.0).contains(&intensity), "{event}");
    let confidence = event["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&confidence), "{event}");
    let modality = event["modality"].as_str().unwrap();
    assert!(
        [
            "asserted",
            "reported",
            "speculative",
            "hypothetical",
            "negated",
            "planned"
        ]
        .contains(&modality),
        "{event}"
    );
    assert!(!event["source"].as_array().unwrap().is_empty(), "{event}");
    for actor in event["source"]
        .as_array()
        .unwrap()
        .iter()
        .chain(event["target"].as_array().unwrap())
    {
        for field in ["text", "code", "sector", "name"] {
            assert!(
                actor.get(field).is_some(),
                "actor `{field}` missing: {actor}"
            );
        }
    }
    // An undated event says so with `null`, never with an empty value.
    if !event["date"].is_null() {
        for field in ["value", "precision", "basis"] {
            assert!(
                event["date"].get(field).is_some(),
                "date `{field}`: {event}"
            );
        }
        assert_ne!(event["date"]["value"], "", "{event}");
    }
    for field in ["sentence", "start", "end", "trigger"] {
        assert!(
            event["evidence"].get(field).is_some(),
            "evidence `{field}`: {event}"
        );
    }
}

#[test]
fn code_prints_event_records_whose_offsets_are_character_offsets_into_the_body() {
    let sb = Sandbox::new();
    let path = sb.write("geneva.txt", UNICODE_STORY);
    let path = path.to_str().unwrap();
    let events = json_lines(&ok(sb.cmd(&["code", path])));
    let articles = json_lines(&ok(sb.cmd(&["code", path, "--emit", "articles"])));
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    let body: Vec<char> = article["text"].as_str().unwrap().chars().collect();
    assert!(
        body.len() < article["text"].as_str().unwrap().len(),
        "the test text must have multi-byte characters before the events"
    );
    let body_events: Vec<&Value> = events.iter().filter(|e| e["section"] == "body").collect();
    assert!(body_events.len() >= 2, "{events:?}");
    for event in &events {
        check_event_record(event);
        assert_eq!(event["article_id"], article["id"]);
        assert_eq!(event["article_key"], path);
    }
    for event in body_events {
        let evidence = &event["evidence"];
        let start = evidence["start"].as_u64().unwrap() as usize;
        let end = evidence["end"].as_u64().unwrap() as usize;
        assert!(start < end && end <= body.len(), "{evidence}");
        let quoted: String = body[start..end].iter().collect();
        assert_eq!(quoted, evidence["sentence"].as_str().unwrap(), "{event}");
        let trigger = evidence["trigger"].as_str().unwrap();
        assert!(quoted.contains(trigger), "{event}");
    }
    // The sentences after the non-ASCII text are coded, with the right actors.
    let pairs: Vec<(String, String, String)> = events
        .iter()
        .filter_map(|e| {
            Some((
                e["source"][0]["code"].as_str()?.to_string(),
                e["event"].as_str()?.to_string(),
                e["target"][0]["code"].as_str()?.to_string(),
            ))
        })
        .collect();
    assert!(
        pairs.iter().any(|(s, _, t)| s == "PRK" && t == "RUS"),
        "{pairs:?}"
    );
    assert!(
        pairs
            .iter()
            .any(|(s, e, t)| s == "FRA" && e == "ACCUSE" && t == "DEU"),
        "{pairs:?}"
    );
}

#[test]
fn code_is_deterministic_and_keeps_input_order() {
    let sb = Sandbox::new();
    let feed: String = (0..40)
        .map(|n| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("k{n:02}"), "text": story(n)})
            )
        })
        .collect();
    let path = sb.write("feed.jsonl", feed);
    let first = ok(sb.cmd(&["code", path.to_str().unwrap()])).stdout;
    let second = ok(sb.cmd(&["code", path.to_str().unwrap()])).stdout;
    assert_eq!(first, second, "same input, same output byte for byte");
    let keys: Vec<String> = text(&first)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["article_key"].to_string())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "events come out in input order");
}

#[test]
fn code_reads_stdin_and_date_overrides_the_article_date() {
    let sb = Sandbox::new();
    let input = "Published 3 May 2019\n\nIndia and Brazil agreed to expand trade.\n";
    let events = json_lines(&ok(sb
        .cmd(&["code", "-", "--date", "2020-01-02"])
        .write_stdin(input)));
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    check_event_record(event);
    assert_eq!(event["article_key"], "-");
    assert_eq!(event["date"]["value"], "2020-01-02");
    assert_eq!(event["date"]["basis"], "article");
    let codes: Vec<&str> = event["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["IND", "BRA"]);

    let articles = json_lines(&ok(sb
        .cmd(&["code", "-", "--date", "2020-01-02", "--emit", "articles"])
        .write_stdin(input)));
    assert_eq!(articles[0]["date"]["date"], "2020-01-02");
    assert_eq!(articles[0]["date"]["basis"], "user");

    // Without the override the article's own date is used, whatever it is.
    let events = json_lines(&ok(sb.cmd(&["code", "-"]).write_stdin(input)));
    assert_ne!(events[0]["date"]["value"], "2020-01-02");
}

#[test]
fn code_emits_docs_with_sentences_whose_ranges_cover_them() {
    let sb = Sandbox::new();
    let input = "Kenya hosted Uganda for talks. Both sides agreed to meet again.\n";
    let docs = json_lines(&ok(sb
        .cmd(&["code", "-", "--emit", "docs"])
        .write_stdin(input)));
    assert_eq!(docs.len(), 1);
    let body: Vec<char> = docs[0]["article"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    let sentences: Vec<String> = docs[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let start = s["range"]["start"].as_u64().unwrap() as usize;
            let end = s["range"]["end"].as_u64().unwrap() as usize;
            body[start..end].iter().collect()
        })
        .collect();
    assert_eq!(
        sentences,
        [
            "Kenya hosted Uganda for talks.",
            "Both sides agreed to meet again."
        ]
    );
}

/// Starts `entente ARGS`, reads one line of its output, closes the pipe and waits: returns the
/// exit code and standard error.
fn close_after_one_line(sb: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("entente"))
        .args(args)
        .env("ENTENTE_DB", sb.db())
        .env("HOME", sb.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).unwrap();
        // Dropping the reader closes our end of the pipe, like `head -1` does.
    }
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty(), "the command printed nothing");
    (out.status.code(), text(&out.stderr))
}

/// A store whose event table is far larger than a pipe buffer (64 KiB).
fn large_store() -> Sandbox {
    let sb = Sandbox::new();
    let feed: String = (0..1200)
        .map(|n| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("k{n:04}"), "text": story(n)})
            )
        })
        .collect();
    let path = sb.write("feed.jsonl", feed);
    let out = sb
        .db_cmd(&["ingest", "--quiet", "--batch-size", "600"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    sb
}

#[test]
fn a_closed_pipe_after_the_first_line_of_a_table_is_not_an_error() {
    let sb = large_store();
    let db = sb.db();
    let (code, stderr) = close_after_one_line(
        &sb,
        &["events", "--limit", "100000", "--db", db.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}

#[test]
fn a_closed_pipe_after_the_first_json_line_is_not_an_error() {
    let sb = large_store();
    let db = sb.db();
    let db = db.to_str().unwrap();
    let mut failures = BTreeMap::new();
    for args in [
        vec![
            "events", "--limit", "100000", "--format", "jsonl", "--db", db,
        ],
        vec!["events", "--limit", "100000", "--format", "csv", "--db", db],
    ] {
        let (code, stderr) = close_after_one_line(&sb, &args);
        if code != Some(0) || !stderr.is_empty() {
            failures.insert(args.join(" "), (code, stderr));
        }
    }
    let feed = sb.path().join("feed.jsonl");
    let (code, stderr) = close_after_one_line(&sb, &["code", feed.to_str().unwrap()]);
    if code != Some(0) || !stderr.is_empty() {
        failures.insert("code".to_string(), (code, stderr));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
