//! Hand-built event sets whose right answer is known.

mod common;

use common::{d, ev, with_intensity, with_modality};
use entente_graph::*;
use entente_model::{EventType::*, Interaction, Modality};

/// PRK's cooperation: all with CHN in 2021–2022, then mostly with RUS in 2024.
fn client_moving_to_a_new_patron() -> Vec<Interaction> {
    let mut ix = Vec::new();
    for (k, y) in [2021, 2022].into_iter().enumerate() {
        ix.push(ev(&format!("c{k}a"), "CHN", "PRK", Aid, d(y, 3, 1)));
        ix.push(ev(&format!("c{k}b"), "PRK", "CHN", Agree, d(y, 5, 1)));
    }
    ix.push(ev("c9", "CHN", "PRK", Cooperate, d(2024, 2, 1)));
    ix.push(ev("r1", "RUS", "PRK", Aid, d(2024, 6, 19)));
    ix.push(ev("r2", "PRK", "RUS", Cooperate, d(2024, 10, 1)));
    ix.push(ev("r3", "RUS", "PRK", Cooperate, d(2024, 11, 1)));
    // Noise between other actors must not matter.
    ix.push(ev("x1", "USA", "KOR", Aid, d(2024, 1, 1)));
    ix
}

#[test]
fn hedging_toward_the_new_patron() {
    let ix = client_moving_to_a_new_patron();
    let h = hedging(&ix, "PRK", Period::Year, &Window::default());
    let periods: Vec<&str> = h.portfolios.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, ["2021", "2022", "2024"]);
    // 2021→2022 is the same portfolio.
    assert_eq!(h.steps[0].js, 0.0);
    let last = &h.steps[1];
    assert!(last.js > 0.2, "{}", last.js);
    let rus = last.changes.iter().find(|c| c.partner == "RUS").unwrap();
    let chn = last.changes.iter().find(|c| c.partner == "CHN").unwrap();
    assert!(rus.delta > 0.0 && chn.delta < 0.0);
    assert_eq!(h.toward().unwrap().partner, "RUS");
    // RUS got 6+7+6 = 19 of 25 in 2024: share 0.76.
    assert!((rus.after - 19.0 / 25.0).abs() < 1e-12);
    assert!(!h.hostile);
    assert!(h.hhi_trend < 0.0, "diversified: {}", h.hhi_trend);
    assert!(last.drivers.iter().any(|d| d.partner == "RUS"
        && d.direction == "toward"
        && d.evidence.iter().any(|e| e.event_id.as_str() == "r1")));
    assert!(h.table().contains("toward RUS"));
}

#[test]
fn hedging_flags_a_tie_turned_hostile() {
    let mut ix = client_moving_to_a_new_patron();
    ix.push(ev("h1", "PRK", "CHN", Assault, d(2024, 12, 1)));
    ix.push(ev("h2", "PRK", "CHN", Threaten, d(2024, 12, 2)));
    let h = hedging(&ix, "PRK", Period::Year, &Window::default());
    assert!(h.hostile);
    assert_eq!(h.steps[1].turned_hostile, vec!["CHN".to_string()]);
}

#[test]
fn dependence_shows_patrons_and_the_reverse_view() {
    let ix = client_moving_to_a_new_patron();
    let dep = dependence(&ix, "PRK", &Window::default());
    let names: Vec<&str> = dep.suppliers.iter().map(|s| s.partner.as_str()).collect();
    // CHN: 7+7+6 = 20; RUS: 7+6 = 13.
    assert_eq!(names, ["CHN", "RUS"]);
    assert_eq!(dep.suppliers[0].weight, 20.0);
    let total: f64 = dep.suppliers.iter().map(|s| s.share).sum();
    assert!((total - 1.0).abs() < 1e-12);
    let expect = (20.0f64 / 33.0).powi(2) + (13.0f64 / 33.0).powi(2);
    assert!((dep.hhi - expect).abs() < 1e-12);
    // PRK gave RUS cooperation: RUS received nothing else, so PRK's share of it is 1.
    assert_eq!(dep.clients.len(), 1);
    assert_eq!(dep.clients[0].client, "RUS");
    assert_eq!(dep.clients[0].share_of_client, 1.0);
    // The 2024 treaty is shown beside RUS for a window that reaches it.
    assert!(dep.suppliers[1]
        .alignments
        .iter()
        .any(|a| a.contains("Russia-North Korea")));
    assert!(dep.suppliers[0]
        .alignments
        .iter()
        .any(|a| a.contains("China-North Korea")));
}

#[test]
fn dependence_respects_modality_and_dates() {
    let ix = vec![
        ev("a", "CHN", "PRK", Aid, d(2020, 1, 1)),
        with_modality(
            ev("b", "RUS", "PRK", Aid, d(2020, 1, 1)),
            Modality::Speculative,
        ),
        ev("c", "RUS", "PRK", Aid, d(2019, 1, 1)),
    ];
    let w = Window::between(Some(d(2020, 1, 1)), None);
    let dep = dependence(&ix, "PRK", &w);
    assert_eq!(dep.suppliers.len(), 1);
    assert_eq!(dep.hhi, 1.0);
    let mut wide = w.clone();
    wide.modalities.push(Modality::Speculative);
    assert_eq!(dependence(&ix, "PRK", &wide).suppliers.len(), 2);
}

/// Two blocs {A1,A2,A3} and {B1,B2,B3}: cooperation inside, conflict across, and one
/// traitor: A1 cooperates with B1.
fn two_blocs_with_a_traitor() -> Vec<Interaction> {
    let mut ix = Vec::new();
    let mut n = 0;
    let mut add = |ix: &mut Vec<Interaction>, s: &str, t: &str, ty| {
        n += 1;
        ix.push(ev(&format!("b{n}"), s, t, ty, d(2024, 1, 1)));
    };
    for g in [["AAA", "AAB", "AAC"], ["BBA", "BBB", "BBC"]] {
        for x in 0..3 {
            for y in x + 1..3 {
                add(&mut ix, g[x], g[y], Cooperate);
                add(&mut ix, g[y], g[x], Agree);
            }
        }
    }
    for a in ["AAA", "AAB", "AAC"] {
        for b in ["BBA", "BBB", "BBC"] {
            if (a, b) != ("AAA", "BBA") {
                add(&mut ix, a, b, Threaten);
            }
        }
    }
    add(&mut ix, "AAA", "BBA", Agree);
    ix
}

#[test]
fn blocs_recover_the_groups_and_count_the_traitor() {
    let ix = two_blocs_with_a_traitor();
    let net = network(&ix, &Window::default(), 1);
    let b = blocs(&net);
    assert_eq!(b.blocs.len(), 2, "{}", b.table());
    assert_eq!(b.blocs[0].members, ["AAA", "AAB", "AAC"]);
    assert_eq!(b.blocs[1].members, ["BBA", "BBB", "BBC"]);
    assert_eq!(b.frustration, 3.0);
    assert_eq!(b.frustrated.len(), 1);
    assert_eq!(
        (b.frustrated[0].a.as_str(), b.frustrated[0].b.as_str()),
        ("AAA", "BBA")
    );
    assert_eq!(b.blocs[0].frustration, 3.0);
    assert_eq!(b.blocs[0].internal_positive, 27.0);
    assert!(b.blocs[0].cohesion < 1.0);
    assert_eq!(b.blocs[0].holding_ties.len(), 3);
}

#[test]
fn blocs_do_not_depend_on_input_order() {
    let mut ix = two_blocs_with_a_traitor();
    let first = blocs(&network(&ix, &Window::default(), 1));
    ix.reverse();
    let second = blocs(&network(&ix, &Window::default(), 1));
    assert_eq!(first, second);
}

/// USA sanctions SSS; AAA supplies BBB, which supplies SSS; AAA has no tie to SSS itself.
fn sanctioned_two_steps_away() -> Vec<Interaction> {
    vec![
        ev("s0", "USA", "SSS", Sanction, d(2023, 1, 1)),
        ev("s1", "AAA", "BBB", Aid, d(2024, 1, 1)),
        ev("s2", "BBB", "AAA", Cooperate, d(2024, 2, 1)),
        ev("s3", "BBB", "SSS", Aid, d(2024, 3, 1)),
        ev("s4", "BBB", "CCC", Aid, d(2024, 3, 1)),
        ev("s5", "AAA", "CCC", Cooperate, d(2024, 4, 1)),
    ]
}

#[test]
fn exposure_through_an_intermediary() {
    let ix = sanctioned_two_steps_away();
    let w = Window::default();
    let s = SanctionedSet::from_interactions(&ix, &w);
    assert_eq!(s.entries.len(), 1);
    assert_eq!(s.get("SSS").unwrap().sanctioners, ["USA"]);
    let e = exposure(&ix, "AAA", &s, &w);
    assert!(e.first_order.is_empty());
    assert_eq!(e.second_order.len(), 1);
    let p = &e.second_order[0];
    assert_eq!((p.intermediary.as_str(), p.target.as_str()), ("BBB", "SSS"));
    // M(A,B) = 13, M(A) = 19; M(B,S) = 7, M(B) = 27.
    let expect = (13.0 / 19.0) * (7.0 / 27.0);
    assert!((p.score - expect).abs() < 1e-12, "{}", p.score);
    assert_eq!(p.path, "AAA → BBB → SSS");
    assert_eq!(p.evidence_bs[0].event_id.as_str(), "s3");
    // BBB is directly exposed.
    let eb = exposure(&ix, "BBB", &s, &w);
    assert_eq!(eb.first_order.len(), 1);
    assert_eq!(eb.first_order[0].target, "SSS");
    assert!(eb.table().contains("BBB → SSS"));
}

#[test]
fn exposure_from_a_user_list() {
    let ix = sanctioned_two_steps_away();
    let s = SanctionedSet::parse_csv(
        "code,sanctioner,since\nCCC,EU,2022-02-25\n",
        "x.csv".as_ref(),
    )
    .unwrap();
    let e = exposure(&ix, "AAA", &s, &Window::default());
    assert_eq!(e.first_order[0].target, "CCC");
    assert_eq!(e.first_order[0].sanctioners, ["EU"]);
    assert_eq!(e.second_order[0].intermediary, "BBB");
}

/// Three dyads, monthly for a year: AAA–BBB flat, CCC–DDD flat then a jump into conflict,
/// EEE–FFF busy then silent in the last month (going quiet is not an alert).
fn a_dyad_that_jumps() -> Vec<Interaction> {
    let mut ix = Vec::new();
    for m in 1..=11 {
        ix.push(ev(&format!("q{m}"), "EEE", "FFF", Aid, d(2024, m, 5)));
    }
    for m in 1..=12 {
        ix.push(ev(&format!("f{m}"), "AAA", "BBB", Consult, d(2024, m, 5)));
        if m < 12 {
            ix.push(ev(&format!("j{m}"), "CCC", "DDD", Consult, d(2024, m, 5)));
        }
    }
    for k in 0..4 {
        ix.push(ev(
            &format!("jump{k}"),
            "CCC",
            "DDD",
            Assault,
            d(2024, 12, 10 + k),
        ));
    }
    ix
}

#[test]
fn alert_fires_for_the_jump_and_not_for_the_flat_dyad() {
    let ix = a_dyad_that_jumps();
    let al = alerts(&ix, Period::Month, &Window::default(), 3.0);
    assert_eq!(al.len(), 1, "{}", alerts_table(&al));
    let a = &al[0];
    assert_eq!(
        (a.a.as_str(), a.b.as_str(), a.period.as_str()),
        ("CCC", "DDD", "2024-12")
    );
    assert_eq!(a.kind, "escalation");
    assert_eq!(a.history, 11);
    assert_eq!(a.net.median, 1.0);
    assert_eq!(a.net.mad, 0.0);
    // Flat history: the MAD floor makes the scale 1: z = (-36 - 1) / 1.
    assert_eq!(a.net.z, -37.0);
    assert_eq!(a.conflict.z, 4.0);
    assert_eq!(a.evidence.len(), 4);
    assert!(a
        .evidence
        .iter()
        .all(|e| e.event_id.as_str().starts_with("jump")));
}

#[test]
fn dyad_timeline_both_directions() {
    let ix = vec![
        ev("1", "RUS", "PRK", Aid, d(2024, 6, 19)),
        ev("2", "PRK", "RUS", Cooperate, d(2024, 6, 20)),
        ev("3", "PRK", "RUS", Agree, d(2024, 6, 19)),
        with_intensity(ev("4", "RUS", "PRK", Accuse, d(2024, 8, 1)), -2.5),
        ev("5", "RUS", "UKR", Assault, d(2024, 8, 1)),
    ];
    let t = dyad(&ix, "PRK", "RUS", Period::Month, &Window::default());
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        (t.rows[0].period.as_str(), t.rows[0].source.as_str()),
        ("2024-06", "PRK")
    );
    assert_eq!(t.rows[0].net, 9.0);
    assert_eq!(t.rows[0].quads, [1, 1, 0, 0]);
    assert_eq!(t.rows[0].events.len(), 2);
    assert_eq!(t.rows[1].source, "RUS");
    assert_eq!(t.rows[2].net, -2.5);
    assert_eq!(t.net_ab, 9.0);
    assert_eq!(t.net_ba, 4.5);
    assert_eq!(
        t.net_by_period(),
        vec![("2024-06".to_string(), 16.0), ("2024-08".to_string(), -2.5)]
    );
    assert!(t
        .alignments
        .iter()
        .any(|a| a.contains("Russia-North Korea")));
    let q = dyad(&ix, "PRK", "RUS", Period::Quarter, &Window::default());
    assert_eq!(q.rows[0].period, "2024-Q2");
    assert!(t.table().contains("2024-08"));
}

#[test]
fn network_and_exports() {
    let ix = two_blocs_with_a_traitor();
    let net = network(&ix, &Window::default(), 2);
    // Single-event edges (the threats across, the traitor tie) fall below min_events 2.
    assert_eq!(net.edges.len(), 6);
    assert!(net
        .edges
        .iter()
        .all(|e| e.weight == 9.0 && e.quads == [1, 1, 0, 0]));
    let all = network(&ix, &Window::default(), 1);
    assert_eq!(all.weight("BBA", "AAA"), 3.0);
    assert_eq!(all.weight("AAB", "BBC"), -4.0);
    let gml = to_graphml(&all);
    assert!(gml.contains("<edge id=\"e0\" source=\"AAA\" target=\"AAB\""));
    assert_eq!(gml.matches("<edge ").count(), all.edges.len());
    let gexf = to_gexf(&all);
    assert_eq!(gexf.matches("<node ").count(), 6);
    let dot = to_dot(&all);
    assert!(dot.contains("\"AAB\" -- \"BBC\" [weight=4, label=\"-4\", color=red3"));
    let rows = edge_rows(&all);
    assert_eq!(rows.len(), all.edges.len());
    let json = serde_json::to_string(&all).unwrap();
    assert!(json.contains("\"weight\":-4.0"));
}

#[test]
fn network_edges_carry_alignments() {
    let ix = vec![ev("1", "USA", "JPN", Consult, d(2024, 1, 1))];
    let net = network(&ix, &Window::default(), 1);
    assert!(net.edges[0]
        .alignments
        .iter()
        .any(|a| a.starts_with("Quad")));
    assert!(net.edges[0]
        .alignments
        .iter()
        .any(|a| a.starts_with("US-Japan")));
}

#[test]
fn briefing_renders_markdown_and_html() {
    let mut ix = client_moving_to_a_new_patron();
    ix.extend(sanctioned_two_steps_away());
    ix.push(ev("rs", "USA", "RUS", Sanction, d(2024, 1, 1)));
    let w = Window::default();
    let s = SanctionedSet::from_interactions(&ix, &w);
    let evidence = vec![(
        entente_model::EventId::from_stored("r1"),
        "Putin and Kim signed the treaty in Pyongyang.".to_string(),
        "Behind the alliance".to_string(),
        entente_model::ArticleId::from_stored("a1"),
    )];
    let b = brief(&ix, "PRK", None, Period::Year, &w, &s, &evidence);
    assert_eq!(b.quotes.len(), 1);
    // 2023 has no PRK events: it is on the time axis as zero.
    let years: Vec<&str> = b.timeline.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(years, ["2021", "2022", "2023", "2024"]);
    assert_eq!(b.timeline[2].1, 0.0);
    assert_eq!(b.exposure.first_order[0].target, "RUS");
    let md = b.to_markdown();
    assert!(md.contains("# Briefing: PRK"));
    assert!(md.contains("> Putin and Kim signed the treaty in Pyongyang."));
    assert!(md.contains("toward RUS"));
    let html = b.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg ").count(), 2);
    assert!(html.contains("stroke=\"#2e7d32\""));
    assert!(html.contains(">period</text>"));
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 2,
        "only SVG namespaces"
    );
    let pair = brief(&ix, "PRK", Some("RUS"), Period::Year, &w, &s, &evidence);
    assert!(pair.dyad.is_some());
    assert_eq!(pair.subject, "PRK – RUS");
}
