//! The signed, weighted, undirected actor network.

use entente_model::Interaction;
use serde::Serialize;
use std::collections::BTreeMap;

use crate::measure::{milli, pair, unmilli, FastMap};
use crate::table::{num, Table};
use crate::{Alignments, Window};

/// A tie between two actors, `a < b` by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub a: String,
    pub b: String,
    /// w(a,b) = Σ intensity over both directions: positive cooperative, negative hostile.
    pub weight: f64,
    /// Counts by quad class 1..4.
    pub quads: [u32; 4],
    /// Interactions behind the edge.
    pub events: u32,
    pub mentions: u64,
    /// Alignments binding both at some time in the window.
    pub alignments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    /// Interactions on the node's kept edges.
    pub events: u32,
    /// Sum of positive and of negative edge weights.
    pub positive: f64,
    pub negative: f64,
    pub degree: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    pub window: Window,
    pub min_events: u32,
    /// Ordered by id.
    pub nodes: Vec<Node>,
    /// Ordered by (a, b).
    pub edges: Vec<Edge>,
}

#[derive(Default)]
struct Acc {
    quads: [u32; 4],
    weight: i64,
    events: u32,
    mentions: u64,
}

/// Builds the network from the interactions in the window; edges with fewer than
/// `min_events` interactions are dropped, and so are nodes left without an edge. Events
/// without a target and self-ties do not make edges.
pub fn network(ix: &[Interaction], w: &Window, min_events: u32) -> Network {
    let f = w.filter();
    let mut acc: FastMap<(&str, &str), Acc> = FastMap::default();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        if t == i.source || !f.admits(i) {
            continue;
        }
        let e = acc.entry(pair(&i.source, t)).or_default();
        e.quads[(i.quad.get() - 1) as usize] += 1;
        e.weight += milli(i.intensity);
        e.events += 1;
        e.mentions += i.mentions as u64;
    }
    let al = Alignments::builtin();
    let mut edges: Vec<Edge> = acc
        .into_iter()
        .filter(|(_, e)| e.events >= min_events.max(1))
        .map(|((a, b), e)| Edge {
            a: a.to_string(),
            b: b.to_string(),
            weight: unmilli(e.weight),
            quads: e.quads,
            events: e.events,
            mentions: e.mentions,
            alignments: al.labels_between_during(a, b, w.since, w.until),
        })
        .collect();
    edges.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    let mut nodes: BTreeMap<&str, Node> = BTreeMap::new();
    for e in &edges {
        for id in [&e.a, &e.b] {
            let n = nodes.entry(id).or_insert_with(|| Node {
                id: id.clone(),
                events: 0,
                positive: 0.0,
                negative: 0.0,
                degree: 0,
            });
            n.events += e.events;
            n.degree += 1;
            if e.weight >= 0.0 {
                n.positive += e.weight;
            } else {
                n.negative += e.weight;
            }
        }
    }
    Network {
        window: w.clone(),
        min_events,
        nodes: nodes.into_values().collect(),
        edges,
    }
}

impl Network {
    /// The weight between two actors, in either order; 0 without an edge.
    pub fn weight(&self, a: &str, b: &str) -> f64 {
        let (x, y) = pair(a, b);
        self.edges
            .binary_search_by(|e| (e.a.as_str(), e.b.as_str()).cmp(&(x, y)))
            .map(|k| self.edges[k].weight)
            .unwrap_or(0.0)
    }

    pub fn table(&self) -> String {
        let mut t = Table::new(&[
            "a",
            "b",
            "weight",
            "q1",
            "q2",
            "q3",
            "q4",
            "events",
            "alignments",
        ]);
        for e in &self.edges {
            t.row(vec![
                e.a.clone(),
                e.b.clone(),
                num(e.weight),
                e.quads[0].to_string(),
                e.quads[1].to_string(),
                e.quads[2].to_string(),
                e.quads[3].to_string(),
                e.events.to_string(),
                e.alignments.join("; "),
            ]);
        }
        format!(
            "network: {} nodes, {} edges (min {} events)\n{}",
            self.nodes.len(),
            self.edges.len(),
            self.min_events,
            t.render()
        )
    }
}
