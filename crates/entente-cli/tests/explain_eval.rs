//! `explain`, `eval` and `lexicon check` end to end, and user lexicon folders: broken ones stop
//! every command before any work, with file and line; good ones change the coding.

mod common;

use serde_json::Value;

use common::{json, json_lines, ok, repo_root, text, Sandbox};

const TROOPS: &str = "North Korea sent troops to Russia.";

#[test]
fn explain_names_the_actors_and_the_trigger() {
    let sb = Sandbox::new();
    let shown = text(&ok(sb.cmd(&["explain", TROOPS])).stdout);
    assert!(shown.contains("PRK"), "{shown}");
    assert!(shown.contains("RUS"), "{shown}");
    let trigger = shown
        .lines()
        .find(|l| l.trim_start().starts_with("trigger"))
        .unwrap_or_else(|| panic!("no trigger line:\n{shown}"));
    assert!(trigger.contains("sent troops"), "{trigger}");
    assert!(shown.contains("CODED"), "{shown}");
}

#[test]
fn explain_json_is_valid_and_matches_the_text() {
    let sb = Sandbox::new();
    let explained = json(&ok(sb.cmd(&["explain", "--json", TROOPS])));
    let sentence = &explained["sentences"][0];
    assert_eq!(sentence["text"], TROOPS);
    let codes: Vec<&str> = sentence["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["PRK", "RUS"]);
    let triggers = sentence["triggers"].as_array().unwrap();
    assert!(
        triggers
            .iter()
            .any(|t| t["text"].as_str().unwrap().contains("sent troops")),
        "{triggers:?}"
    );
    // The same sentence through `code` gives the event the explanation says was coded.
    let events = json_lines(&ok(sb.cmd(&["code", "-"]).write_stdin(TROOPS)));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["source"][0]["code"], "PRK");
    assert_eq!(events[0]["target"][0]["code"], "RUS");
    let kept: Vec<&Value> = triggers.iter().filter(|t| t["kept"] == true).collect();
    assert!(
        kept.iter().any(|t| t["event"] == events[0]["event"]),
        "{triggers:?}"
    );
}

#[test]
fn explain_resolves_dates_against_the_given_date() {
    let sb = Sandbox::new();
    let explained = json(&ok(sb.cmd(&[
        "explain",
        "--json",
        "--date",
        "2024-11-20",
        "Last week, North Korea sent troops to Russia.",
    ])));
    let reference = explained["reference_date"].as_str().unwrap();
    assert!(reference.starts_with("2024-11-20"), "{reference}");
    // `code` resolves the same relative date from the sentence, not from the article date.
    let events = json_lines(&ok(sb
        .cmd(&["code", "-", "--date", "2024-11-20"])
        .write_stdin("Last week, North Korea sent troops to Russia.")));
    let date = &events[0]["date"];
    assert_eq!(date["basis"], "text", "{date}");
    let value = date["value"].as_str().unwrap();
    assert!(value.starts_with("2024-11-1"), "the week before: {value}");
}

#[test]
fn explain_a_stored_article_by_its_key() {
    let sb = Sandbox::new();
    let article = sb.write("troops.txt", format!("{TROOPS} Japan criticized China.\n"));
    assert_eq!(sb.ingest(&[&article]).status.code(), Some(0));
    let key = article.to_str().unwrap();
    let shown = text(&ok(sb.db_cmd(&["explain", "--article", key])).stdout);
    assert!(shown.contains("PRK") && shown.contains("JPN"), "{shown}");
    let out = sb
        .db_cmd(&["explain", "--article", "no-such-article"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-article"));
}

#[test]
fn explain_with_nothing_to_explain_is_a_setup_error() {
    let sb = Sandbox::new();
    let out = sb.cmd(&["explain", "   "]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("empty"), "{}", text(&out.stderr));
}

#[test]
fn eval_on_our_cases_prints_precision_recall_and_f1() {
    let sb = Sandbox::new();
    let gold = repo_root().join("tests/eval/cases.jsonl");
    let cases = std::fs::read_to_string(&gold)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let report = json(&ok(sb
        .cmd(&["eval", "--format", "json", "--gold"])
        .arg(&gold)));
    assert_eq!(report["cases"].as_u64().unwrap() as usize, cases);
    for part in ["event_type", "source", "target", "triple"] {
        let scores = &report[part];
        for field in ["precision", "recall", "f1"] {
            let value = scores[field]
                .as_f64()
                .unwrap_or_else(|| panic!("{part}.{field} missing: {report}"));
            assert!((0.0..=1.0).contains(&value), "{part}.{field} = {value}");
        }
        let (p, r, f) = (
            scores["precision"].as_f64().unwrap(),
            scores["recall"].as_f64().unwrap(),
            scores["f1"].as_f64().unwrap(),
        );
        if p + r > 0.0 {
            assert!(
                (f - 2.0 * p * r / (p + r)).abs() < 1e-9,
                "F1 is the harmonic mean"
            );
        }
    }
    // The whole triple can be right no more often than its type alone.
    assert!(
        report["triple"]["correct"].as_u64().unwrap()
            <= report["event_type"]["correct"].as_u64().unwrap()
    );
    let table = text(&ok(sb.cmd(&["eval", "--gold"]).arg(&gold)).stdout);
    assert!(table.to_lowercase().contains("f1"), "{table}");
}

#[test]
fn eval_on_a_malformed_gold_file_names_the_file_and_each_bad_line() {
    let sb = Sandbox::new();
    let gold = sb.write(
        "gold.jsonl",
        [
            r#"{"id": "g1", "text": "Japan criticized China.", "events": [{"source": ["JPN"], "event": "ACCUSE", "target": ["CHN"], "modality": "asserted"}]}"#,
            r#"{"id": "g2", "text": "broken"#,
            r#"{"id": "g3", "text": "No events field at all."}"#,
        ]
        .join("\n"),
    );
    let out = sb.cmd(&["eval", "--gold"]).arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no scores from a bad gold file");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("gold.jsonl:2"), "{stderr}");
    assert!(stderr.contains("gold.jsonl:3"), "{stderr}");
    assert!(
        !stderr.contains("gold.jsonl:1:"),
        "line 1 is fine: {stderr}"
    );
}

#[test]
fn eval_on_a_missing_gold_file_names_it() {
    let sb = Sandbox::new();
    let missing = sb.path().join("nowhere.jsonl");
    let out = sb.cmd(&["eval", "--gold"]).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nowhere.jsonl"));
}

#[test]
fn lexicon_check_passes_on_the_builtin_lexicon() {
    let sb = Sandbox::new();
    let shown = text(&ok(sb.cmd(&["lexicon", "check"])).stdout);
    assert!(shown.contains("digest"), "{shown}");
    assert!(shown.contains("leaders.txt"), "{shown}");
}

/// A user leaders file with an unknown country code (line 2) and two overlapping tenures in
/// one office (line 4 overlaps line 3). Names and dates are made up.
const BAD_LEADERS: &str = "# test leaders\n\
    Abe Beta | XXQ | GOV | president | 2001-01-01 | 2003-01-01 |  |\n\
    Abe Gamma | RUS | GOV | defence minister | 2005-01-01 | 2012-01-01 |  |\n\
    Zed Alpha | RUS | GOV | defence minister | 2008-01-01 | 2010-01-01 |  |\n";

/// A user names file whose third line sorts before its second.
const UNSORTED_NAMES: &str = "# test names\nZanzaland | TZA | name\nAtlantis | GRC | name\n";

#[test]
fn lexicon_check_names_file_and_line_of_a_bad_code_and_an_overlapping_tenure() {
    let sb = Sandbox::new();
    sb.write("lexicon/leaders.txt", BAD_LEADERS);
    let out = sb
        .cmd(&["lexicon", "check", "--lexicon"])
        .arg(sb.path().join("lexicon"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let line = |n: usize| {
        stderr
            .lines()
            .find(|l| l.contains(&format!("leaders.txt`:{n}:")))
            .unwrap_or_else(|| panic!("nothing about leaders.txt line {n}:\n{stderr}"))
    };
    assert!(line(2).contains("XXQ"), "{stderr}");
    assert!(line(4).contains("overlaps"), "{stderr}");
    assert!(stderr.contains("2 problem"), "{stderr}");
}

#[test]
fn lexicon_check_names_file_and_line_of_an_unsorted_line() {
    let sb = Sandbox::new();
    sb.write("lexicon/country_names.txt", UNSORTED_NAMES);
    let out = sb
        .cmd(&["lexicon", "check", "--lexicon"])
        .arg(sb.path().join("lexicon"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let problem = stderr
        .lines()
        .find(|l| l.contains("country_names.txt`:3:"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(problem.contains("order"), "{stderr}");
}

#[test]
fn lexicon_check_lists_the_problems_of_every_file_at_once() {
    let sb = Sandbox::new();
    sb.write("lexicon/leaders.txt", BAD_LEADERS);
    sb.write("lexicon/country_names.txt", UNSORTED_NAMES);
    let out = sb
        .cmd(&["lexicon", "check", "--lexicon"])
        .arg(sb.path().join("lexicon"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    for place in [
        "country_names.txt`:3:",
        "leaders.txt`:2:",
        "leaders.txt`:4:",
    ] {
        assert!(stderr.contains(place), "`{place}` missing:\n{stderr}");
    }
}

#[test]
fn a_broken_user_lexicon_stops_ingest_code_and_explain_before_any_work() {
    let sb = Sandbox::new();
    sb.write("lexicon/leaders.txt", BAD_LEADERS);
    let dir = sb.path().join("lexicon");
    let dir = dir.to_str().unwrap();
    let article = sb.write("troops.txt", TROOPS);
    let article = article.to_str().unwrap();
    for args in [
        vec!["ingest", "--quiet", "--lexicon", dir, article, "--db"],
        vec!["code", "--lexicon", dir, article],
        vec!["explain", "--lexicon", dir, TROOPS],
    ] {
        let mut cmd = sb.cmd(&args);
        if args[0] == "ingest" {
            cmd.arg(sb.db());
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        assert!(text(&out.stderr).contains("leaders.txt`:2:"), "{args:?}");
    }
    // Nothing was stored: the store holds no article (or was never created).
    if sb.db().exists() {
        assert!(sb.articles().is_empty());
    }
}

#[test]
fn a_user_lexicon_adds_names_without_a_rebuild() {
    let sb = Sandbox::new();
    sb.write("lexicon/country_names.txt", "Hermit Kingdom | PRK | name\n");
    let sentence = "The Hermit Kingdom sent troops to Russia.";
    let builtin = json_lines(&ok(sb.cmd(&["code", "-"]).write_stdin(sentence)));
    assert!(
        builtin.iter().all(|e| e["source"][0]["code"] != "PRK"),
        "the built-in lexicon does not know the name: {builtin:?}"
    );
    let dir = sb.path().join("lexicon");
    let with_user = json_lines(&ok(sb
        .cmd(&["code", "-", "--lexicon"])
        .arg(&dir)
        .write_stdin(sentence)));
    assert_eq!(with_user.len(), 1, "{with_user:?}");
    assert_eq!(with_user[0]["source"][0]["code"], "PRK");
    assert_eq!(with_user[0]["target"][0]["code"], "RUS");
    let check = text(&ok(sb.cmd(&["lexicon", "check"])).stdout);
    let builtin_digest = check
        .lines()
        .find_map(|l| l.strip_prefix("lexicon digest "))
        .unwrap_or_else(|| panic!("no digest in:\n{check}"));
    let user_digest = with_user[0]["lexicon"].as_str().unwrap();
    assert!(!user_digest.is_empty());
    assert_ne!(
        user_digest, builtin_digest,
        "the lexicon digest on the event changes with the user's files"
    );
}

#[test]
fn fighting_for_an_ally_is_not_an_assault_on_it() {
    let sb = Sandbox::new();
    for sentence in [
        "North Korea sent troops to fight for Russia in the Kursk region.",
        "The commander praised the North Korean soldiers who fought alongside Russian troops.",
    ] {
        let events = json_lines(&ok(sb.cmd(&["code", "-"]).write_stdin(sentence)));
        for event in &events {
            let hostile_to_russia = event["event"] == "ASSAULT"
                && event["target"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["code"] == "RUS");
            assert!(!hostile_to_russia, "{sentence}\n{event}");
        }
    }
}
