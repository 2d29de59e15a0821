//! Ingest end to end: idempotent re-ingest, near-duplicates, stdin, the date override.

mod common;

use common::{json, ok, story, text, Sandbox};

/// A wire story of our own, long enough (about 300 words) for near-copy detection to see it.
const WIRE: [&str; 18] = [
    "Russia and China signed a new energy agreement in Beijing on Tuesday, officials from both governments said.",
    "The deal covers gas deliveries through a second pipeline across Mongolia over the next thirty years.",
    "Chinese state media described the agreement as a milestone in relations between the two neighbours.",
    "Analysts in Moscow said the terms favoured Beijing, which had long resisted Russian price demands.",
    "Western governments criticized the agreement, saying it would weaken sanctions on Moscow.",
    "The pipeline is expected to carry fifty billion cubic metres of gas a year once it is finished.",
    "Construction will begin next spring in the Siberian fields that already supply the first line.",
    "Engineers from both countries will share the work, according to a statement from the energy ministry.",
    "The price formula was not published, and neither side said how it would be reviewed.",
    "Mongolia will collect transit fees, which its government said would fund new roads and schools.",
    "Traders in Singapore said the deal would change the flow of liquefied gas across Asia.",
    "European buyers, who once took most Russian gas, have turned to suppliers in Norway and Qatar.",
    "The two leaders also discussed grain, fertiliser and a new rail bridge over the Amur river.",
    "A joint commission will meet twice a year to follow the project and settle disputes.",
    "Officials said the first gas could flow within five years if the construction keeps its pace.",
    "Environmental groups warned that the route crosses wetlands where rare cranes nest each summer.",
    "Banks from both countries will finance the work in roubles and yuan rather than dollars.",
    "The agreement follows two decades of talks that stalled several times over price and route.",
];

fn wire(sentences: &[&str]) -> String {
    format!("Energy pact\n\n{}\n", sentences.join(" "))
}

#[test]
fn ingesting_the_same_folder_twice_stores_each_article_once() {
    let sb = Sandbox::new();
    for n in 0..5 {
        sb.write(&format!("folder/story-{n}.txt"), story(n));
    }
    sb.write(
        "folder/nested/feed.jsonl",
        (5..8)
            .map(|n| format!("{{\"id\":\"feed-{n}\",\"text\":\"{}\"}}\n", story(n)))
            .collect::<String>(),
    );
    let folder = sb.path().join("folder");
    let first = sb.ingest(&[&folder]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let summary = text(&first.stdout);
    assert!(summary.contains("read 8 articles"), "{summary}");
    assert!(summary.contains("8 stored"), "{summary}");
    assert!(summary.contains("0 duplicates"), "{summary}");
    let ids_before: Vec<_> = sb.articles().iter().map(|a| a["id"].clone()).collect();

    let second = sb.ingest(&[&folder]);
    assert_eq!(second.status.code(), Some(0), "{}", text(&second.stderr));
    let summary = text(&second.stdout);
    assert!(summary.contains("0 stored"), "{summary}");
    assert!(summary.contains("8 duplicates"), "{summary}");
    let ids_after: Vec<_> = sb.articles().iter().map(|a| a["id"].clone()).collect();
    assert_eq!(ids_before, ids_after);

    // The events were not coded and stored a second time either.
    let events = ok(sb.db_cmd(&["events", "--format", "json", "--limit", "100000"]));
    let events = json(&events);
    let mut ids: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let total = ids.len();
    assert!(total >= 8, "each story codes one event at least: {total}");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), total, "no event is stored twice");
}

#[test]
fn the_same_text_under_another_name_is_a_duplicate() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", story(1));
    let b = sb.write("copy/b.txt", story(1));
    assert_eq!(sb.ingest(&[&a]).status.code(), Some(0));
    let out = sb.ingest(&[&b]);
    assert!(
        text(&out.stdout).contains("1 duplicates"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(sb.articles().len(), 1);
}

#[test]
fn a_near_duplicate_is_stored_and_linked_to_its_original() {
    let sb = Sandbox::new();
    let original = sb.write("wire-a.txt", wire(&WIRE));
    let mut changed = WIRE.to_vec();
    changed[8] =
        "The price formula was not made public, and neither side said how it would be reviewed.";
    let copy = sb.write("wire-b.txt", wire(&changed));
    assert_eq!(sb.ingest(&[&original]).status.code(), Some(0));
    let out = sb.ingest(&[&copy]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.contains("1 stored"), "{summary}");
    assert!(summary.contains("1 near-duplicates linked"), "{summary}");

    let rows = sb.articles();
    assert_eq!(rows.len(), 2, "a near-copy is a distinct article");
    let id_of = |suffix: &str| {
        rows.iter()
            .find(|a| a["key"].as_str().unwrap().ends_with(suffix))
            .map(|a| a["id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let (a, b) = (id_of("wire-a.txt"), id_of("wire-b.txt"));
    let shown = json(&ok(sb.db_cmd(&["articles", &b, "--format", "json"])));
    let near = shown["near_duplicates"].as_array().unwrap();
    assert_eq!(near.len(), 1, "{shown}");
    assert_eq!(near[0]["id"], a.as_str());
    let similarity = near[0]["similarity"].as_f64().unwrap();
    assert!(similarity > 0.8 && similarity < 1.0, "{similarity}");
    // The link is visible from both sides.
    let shown = json(&ok(sb.db_cmd(&["articles", &a, "--format", "json"])));
    assert_eq!(shown["near_duplicates"][0]["id"], b.as_str());
}

#[test]
fn an_unrelated_story_is_not_linked() {
    let sb = Sandbox::new();
    let original = sb.write("wire-a.txt", wire(&WIRE));
    let mut other: Vec<&str> = WIRE.to_vec();
    other.reverse();
    other.truncate(6);
    let other = sb.write(
        "other.txt",
        format!("Other\n\n{}\n{}\n", other.join(" "), story(3)),
    );
    let out = sb.ingest(&[&original, &other]);
    assert!(
        text(&out.stdout).contains("0 near-duplicates linked"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn stdin_is_read_with_a_dash_and_date_overrides_the_article_date() {
    let sb = Sandbox::new();
    let out = sb
        .db_cmd(&["ingest", "--quiet", "-", "--date", "2021-03-04"])
        .write_stdin(
            "Dated 5 May 2019\n\nOn 5 May 2019, Kenya hosted Uganda for border talks in Nairobi.\n",
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = sb.articles();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["date"], "2021-03-04");
}
