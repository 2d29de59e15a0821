//! The analytics commands end to end, on the sample articles that ship with entente. The
//! assertions are on structure and direction (who is listed, which way a shift goes), not on
//! exact numbers, so that better coding does not break them.

mod common;

use serde_json::Value;

use common::{json, json_lines, ok, text, Sandbox};

/// A sandbox whose store holds the demo: the shipped samples, ingested and coded.
fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.demo();
    sb
}

fn run_json(sb: &Sandbox, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    json(&ok(sb.db_cmd(&all)))
}

fn strs<'a>(rows: &'a Value, field: &str) -> Vec<&'a str> {
    rows.as_array()
        .unwrap_or_else(|| panic!("not an array: {rows}"))
        .iter()
        .map(|r| r[field].as_str().unwrap())
        .collect()
}

#[test]
fn the_demo_stores_the_samples_and_prints_its_walkthrough() {
    let sb = Sandbox::new();
    let out = ok(sb.demo_cmd());
    let shown = text(&out.stdout);
    assert!(shown.contains("stored"), "{shown}");
    assert!(shown.contains("0 failed"), "{shown}");
    let articles = sb.articles();
    assert!(articles.len() >= 10, "{}", articles.len());
    // A second demo on the same store stores nothing new.
    let again = text(&ok(sb.demo_cmd()).stdout);
    assert!(again.contains("0 stored"), "{again}");
    assert_eq!(sb.articles().len(), articles.len());
}

#[test]
fn the_demo_does_not_ingest_the_samples_readme() {
    let sb = demo();
    let keys = sb.stored_keys();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("README") || k.ends_with("ABOUT")),
        "{keys:?}"
    );
}

#[test]
fn north_korea_depends_on_china_and_russia() {
    let sb = demo();
    let report = run_json(&sb, &["dependence", "PRK"]);
    assert_eq!(report["actor"], "PRK");
    let suppliers = &report["suppliers"];
    let partners = strs(suppliers, "partner");
    assert!(partners.contains(&"CHN"), "{partners:?}");
    assert!(partners.contains(&"RUS"), "{partners:?}");
    let shares: Vec<f64> = suppliers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["share"].as_f64().unwrap())
        .collect();
    assert!(shares.iter().all(|s| *s > 0.0 && *s <= 1.0), "{shares:?}");
    let total: f64 = shares.iter().sum();
    assert!((total - 1.0).abs() < 1e-6, "shares sum to one: {total}");
    assert!(
        shares.windows(2).all(|w| w[0] >= w[1]),
        "largest supplier first: {shares:?}"
    );
    let hhi = report["hhi"].as_f64().unwrap();
    let expected: f64 = shares.iter().map(|s| s * s).sum();
    assert!(
        (hhi - expected).abs() < 1e-6,
        "HHI is the sum of squared shares"
    );
    for supplier in suppliers.as_array().unwrap() {
        assert!(
            !supplier["evidence"].as_array().unwrap().is_empty(),
            "each supplier is backed by events: {supplier}"
        );
    }
}

#[test]
fn north_korea_hedges_toward_russia() {
    let sb = demo();
    let report = run_json(&sb, &["hedging", "PRK"]);
    let steps = report["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    // The latest period-to-period step in which the portfolio moved at all.
    let shift = steps
        .iter()
        .rev()
        .find(|s| s["js"].as_f64().unwrap() > 0.0)
        .expect("the portfolio shifts at least once");
    let gainer = |step: &Value| {
        step["changes"]
            .as_array()
            .unwrap()
            .iter()
            .max_by(|a, b| {
                a["delta"]
                    .as_f64()
                    .unwrap()
                    .total_cmp(&b["delta"].as_f64().unwrap())
            })
            .map(|c| c["partner"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(gainer(shift), "RUS", "{shift}");
    let loss_of = |step: &Value, partner: &str| {
        step["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["partner"] == partner)
            .map_or(0.0, |c| c["delta"].as_f64().unwrap())
    };
    assert!(loss_of(shift, "CHN") < 0.0, "away from China: {shift}");
    // Over the whole window too.
    let overall = &report["overall"];
    assert_eq!(gainer(overall), "RUS", "{overall}");
    assert!(loss_of(overall, "CHN") < 0.0, "{overall}");
    let toward_rus = overall["drivers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["partner"] == "RUS")
        .expect("a driver for RUS");
    assert_eq!(toward_rus["direction"], "toward");
    assert!(!toward_rus["evidence"].as_array().unwrap().is_empty());
}

#[test]
fn china_is_exposed_through_russia_and_north_korea() {
    let sb = demo();
    let report = run_json(&sb, &["exposure", "CHN"]);
    let first = strs(&report["first_order"], "target");
    assert!(first.contains(&"RUS"), "{first:?}");
    assert!(first.contains(&"PRK"), "{first:?}");
    for tie in report["first_order"].as_array().unwrap() {
        assert!(!tie["sanctioners"].as_array().unwrap().is_empty(), "{tie}");
        assert!(!tie["evidence"].as_array().unwrap().is_empty(), "{tie}");
        // Each number links to the sentences that show it.
        for e in tie["evidence"].as_array().unwrap() {
            let sentence = e["sentence"].as_str().unwrap_or_default();
            assert!(!sentence.is_empty(), "{e}");
        }
    }
    // The table ends with the sentences too.
    let table = text(&ok(sb.db_cmd(&["exposure", "CHN"])).stdout);
    assert!(table.contains("\nevidence:\n"), "{table}");
    let scores: Vec<f64> = report["first_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
    for path in report["second_order"].as_array().unwrap() {
        assert_ne!(path["intermediary"], "CHN");
        assert_ne!(path["target"], "CHN");
    }
}

#[test]
fn a_user_sanctions_list_adds_exposure_and_a_broken_one_is_named() {
    let sb = Sandbox::new();
    let article = sb.write(
        "laos.txt",
        "China delivered food aid to Laos on 3 March 2024.\n",
    );
    assert_eq!(sb.ingest(&[&article]).status.code(), Some(0));
    let without = run_json(&sb, &["exposure", "CHN"]);
    assert!(
        without["first_order"].as_array().unwrap().is_empty(),
        "{without}"
    );

    let list = sb.write(
        "sanctioned.csv",
        "code,sanctioner,since\nLAO,USA,2020-01-01\n",
    );
    let with = json(&ok(sb
        .db_cmd(&["exposure", "CHN", "--format", "json", "--sanctions"])
        .arg(&list)));
    assert_eq!(strs(&with["first_order"], "target"), ["LAO"], "{with}");

    let broken = sb.write(
        "broken.csv",
        "code,sanctioner,since\nLAO,USA,2020-01-01\nIRN\n",
    );
    let out = sb
        .db_cmd(&["exposure", "CHN", "--sanctions"])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.csv:3"), "{stderr}");
}

#[test]
fn network_exports_are_well_formed() {
    let sb = demo();
    let graphml = text(&ok(sb.db_cmd(&["network", "--format", "graphml"])).stdout);
    assert!(graphml.starts_with("<?xml"), "{graphml}");
    assert!(graphml.contains("<graphml"), "{graphml}");
    assert!(graphml.trim_end().ends_with("</graphml>"));
    assert!(graphml.contains("PRK") && graphml.contains("RUS"));
    let graphml_edges = graphml.matches("<edge ").count();
    assert_eq!(
        graphml_edges,
        graphml.matches("</edge>").count(),
        "{graphml}"
    );

    let gexf = text(&ok(sb.db_cmd(&["network", "--format", "gexf"])).stdout);
    assert!(
        gexf.starts_with("<?xml") && gexf.contains("<gexf"),
        "{gexf}"
    );
    assert!(gexf.trim_end().ends_with("</gexf>"));
    assert_eq!(gexf.matches("<edge ").count(), graphml_edges);

    let dot = text(&ok(sb.db_cmd(&["network", "--format", "dot"])).stdout);
    assert!(
        dot.starts_with("graph") || dot.starts_with("digraph"),
        "{dot}"
    );
    assert_eq!(dot.matches('{').count(), dot.matches('}').count(), "{dot}");
    let dot_edges = dot
        .lines()
        .filter(|l| l.contains(" -- ") || l.contains(" -> "))
        .count();
    assert_eq!(dot_edges, graphml_edges, "{dot}");

    let csv_text = ok(sb.db_cmd(&["network", "--format", "csv"])).stdout;
    let mut reader = csv::Reader::from_reader(csv_text.as_slice());
    let header = reader.headers().unwrap().clone();
    for column in ["source", "target", "weight"] {
        assert!(header.iter().any(|h| h == column), "{header:?}");
    }
    let edges = reader.records().collect::<Result<Vec<_>, _>>().unwrap();

    let network = run_json(&sb, &["network"]);
    let nodes = strs(&network["nodes"], "id");
    assert!(
        nodes.contains(&"PRK") && nodes.contains(&"CHN"),
        "{nodes:?}"
    );
    // Every export holds the same ties.
    assert!(graphml_edges > 0);
    assert_eq!(edges.len(), graphml_edges);
    assert_eq!(network["edges"].as_array().unwrap().len(), graphml_edges);

    // `-o FILE` writes the same export to a file.
    let file = sb.path().join("net.graphml");
    let out = ok(sb
        .db_cmd(&["network", "--format", "graphml", "-o"])
        .arg(&file));
    assert!(
        !text(&out.stdout).contains("<graphml"),
        "the export went to the file"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), graphml);
}

#[test]
fn briefs_render_in_html_with_charts_and_in_markdown() {
    let sb = demo();
    let html = text(&ok(sb.db_cmd(&["brief", "PRK", "--format", "html"])).stdout);
    assert!(html.contains("<svg"), "an SVG chart");
    assert!(html.to_lowercase().contains("<html"), "a whole page");
    assert!(html.contains("PRK") || html.contains("North Korea"));

    let markdown = text(&ok(sb.db_cmd(&["brief", "PRK", "RUS"])).stdout);
    assert!(markdown.starts_with('#'), "{markdown}");
    assert!(
        markdown.contains("PRK") && markdown.contains("RUS"),
        "{markdown}"
    );

    let file = sb.path().join("prk.html");
    ok(sb
        .db_cmd(&["brief", "PRK", "--format", "html", "-o"])
        .arg(&file));
    assert!(std::fs::read_to_string(&file).unwrap().contains("<svg"));
}

#[test]
fn blocs_and_alerts_run_in_every_format() {
    let sb = demo();
    for command in ["blocs", "alerts"] {
        for format in ["table", "json", "jsonl", "csv"] {
            let out = ok(sb.db_cmd(&[command, "--format", format]));
            assert!(!out.stdout.is_empty(), "{command} --format {format}");
        }
    }
    let blocs = run_json(&sb, &["blocs"]);
    let blocs = blocs["blocs"].as_array().expect("a list of blocs");
    let with_prk = blocs
        .iter()
        .find(|b| b["members"].as_array().unwrap().iter().any(|m| m == "PRK"))
        .expect("North Korea is in a bloc");
    let cohesion = with_prk["cohesion"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&cohesion), "{with_prk}");
    let alerts = run_json(&sb, &["alerts"]);
    for alert in alerts.as_array().unwrap() {
        assert!(alert["a"].is_string() && alert["b"].is_string(), "{alert}");
        assert!(!alert["evidence"].as_array().unwrap().is_empty(), "{alert}");
    }
}

#[test]
fn dyad_accepts_names_and_codes_alike() {
    let sb = demo();
    let by_name = ok(sb.db_cmd(&["dyad", "North Korea", "Russia", "--format", "json"])).stdout;
    let by_code = ok(sb.db_cmd(&["dyad", "PRK", "RUS", "--format", "json"])).stdout;
    assert_eq!(by_name, by_code);
    let rows = serde_json::from_slice::<Value>(&by_code).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let pair = (
            row["source"].as_str().unwrap(),
            row["target"].as_str().unwrap(),
        );
        assert!(
            pair == ("PRK", "RUS") || pair == ("RUS", "PRK"),
            "only the two actors: {row}"
        );
        assert!(!row["events"].as_array().unwrap().is_empty(), "{row}");
    }
    let table = text(&ok(sb.db_cmd(&["dyad", "North Korea", "Russia", "--by", "year"])).stdout);
    assert!(table.contains("PRK") && table.contains("RUS"), "{table}");
}

#[test]
fn an_unknown_actor_is_a_setup_error_with_a_hint() {
    let sb = demo();
    for args in [
        vec!["dependence", "Narnia"],
        vec!["hedging", "Narnia"],
        vec!["exposure", "Narnia"],
        vec!["dyad", "Narnia", "Russia"],
    ] {
        let out = sb.db_cmd(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("Narnia"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn analytics_on_an_empty_store_answer_without_failing() {
    let sb = Sandbox::new();
    for args in [
        vec!["dependence", "PRK", "--format", "json"],
        vec!["hedging", "PRK", "--format", "json"],
        vec!["exposure", "CHN", "--format", "json"],
        vec!["blocs", "--format", "json"],
        vec!["alerts", "--format", "json"],
        vec!["network", "--format", "json"],
        vec!["dyad", "PRK", "RUS", "--format", "json"],
    ] {
        let out = sb.db_cmd(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"));
    }
}

/// Two different articles that report one event (same actors, type and day) count it once
/// in the analytics, with two mentions: repeated reports are evidence, not more cooperation.
#[test]
fn one_event_reported_by_two_articles_counts_once() {
    let sb = Sandbox::new();
    let first = sb.write(
        "first.txt",
        "Grain deal signed\n\nOn March 3, 2024, Russia sent food aid to North Korea. \
         The shipment arrived at the port of Nampo after a long voyage.\n",
    );
    let second = sb.write(
        "second.txt",
        "Wheat reaches Nampo\n\nOfficials in Pyongyang were pleased with the harvest outlook this spring. \
         On March 3, 2024, Russia sent food aid to North Korea, shipping records show.\n",
    );
    let out = sb.ingest(&[first.as_path(), second.as_path()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let events = json_lines(&ok(
        sb.db_cmd(&["events", "--actor", "RUS", "--format", "jsonl"])
    ));
    assert_eq!(
        events.len(),
        2,
        "each article keeps its own event: {events:?}"
    );
    let dyad = json(&ok(sb.db_cmd(&["dyad", "RUS", "PRK", "--format", "json"])));
    let rows = dyad.as_array().unwrap();
    let from_russia: Vec<_> = rows.iter().filter(|r| r["source"] == "RUS").collect();
    assert_eq!(from_russia.len(), 1, "{dyad}");
    let ids = from_russia[0]["events"].as_array().unwrap();
    assert_eq!(ids.len(), 1, "the two reports are one event: {dyad}");
    assert_eq!(from_russia[0]["mentions"], 2, "{dyad}");
}

/// Issue 4's end-to-end case: the seed commentary (read from `../shared`, never copied) on top
/// of the demo. North Korea's dependence shows China and Russia, its overall hedging moves
/// toward Russia, and China's exposure lists Russia and North Korea with sentences.
#[test]
fn the_seed_and_the_samples_answer_the_analysts_questions() {
    let seed =
        common::repo_root().join("../shared/seed/behind-the-russia-north-korea-alliance.txt");
    if !seed.is_file() {
        eprintln!("skipped: no seed article at {}", seed.display());
        return;
    }
    let sb = demo();
    let out = sb.ingest(&[seed.as_path()]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let dependence = run_json(&sb, &["dependence", "PRK"]);
    let suppliers = strs(&dependence["suppliers"], "partner");
    assert!(
        suppliers.contains(&"CHN") && suppliers.contains(&"RUS"),
        "{suppliers:?}"
    );

    let hedging = run_json(&sb, &["hedging", "PRK"]);
    let toward = hedging["overall"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .max_by(|a, b| {
            a["delta"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["delta"].as_f64().unwrap())
        })
        .map(|c| c["partner"].as_str().unwrap().to_string());
    assert_eq!(toward.as_deref(), Some("RUS"), "{}", hedging["overall"]);

    let exposure = run_json(&sb, &["exposure", "CHN"]);
    let first = strs(&exposure["first_order"], "target");
    assert!(
        first.contains(&"RUS") && first.contains(&"PRK"),
        "{first:?}"
    );
    let sentences: Vec<&str> = exposure["first_order"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["evidence"].as_array().unwrap())
        .filter_map(|e| e["sentence"].as_str())
        .collect();
    assert!(!sentences.is_empty());
}
