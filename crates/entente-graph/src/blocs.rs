//! Blocs: a structural-balance partition of the signed network.
//!
//! Frustration of a partition = Σ |w| of negative ties inside groups + Σ w of positive ties
//! across groups. For one node v, the frustration it takes part in when placed in group g is
//! P(v) − S(v,g), where P(v) is its total positive weight and S(v,g) = Σ_{u∈g} w(v,u). So the
//! best group for v is the one with the largest S(v,g), a new group scoring 0: that makes the
//! greedy seed and the local search one rule. Weights are kept in thousandths as integers, so
//! comparisons are exact and the result does not wobble with rounding.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::measure::{unmilli, FastMap};
use crate::table::{num, Table};
use crate::Network;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    pub a: String,
    pub b: String,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bloc {
    /// Sorted by name.
    pub members: Vec<String>,
    /// Σ positive weight of ties inside the bloc.
    pub internal_positive: f64,
    /// Σ |w| of negative ties inside the bloc.
    pub internal_negative: f64,
    /// Σ w of positive ties from members to actors outside.
    pub external_positive: f64,
    /// internal_negative + external_positive: the ties touching this bloc that break balance.
    pub frustration: f64,
    /// internal_positive / (internal_positive + frustration); 1 for a perfectly balanced bloc.
    pub cohesion: f64,
    /// The strongest positive ties inside, at most five.
    pub holding_ties: Vec<Tie>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocs {
    /// Largest first; ties by first member.
    pub blocs: Vec<Bloc>,
    /// Total frustration of the partition.
    pub frustration: f64,
    /// Σ |w| over all edges.
    pub total_weight: f64,
    /// 1 − frustration / total_weight: the share of tie weight consistent with the blocs.
    pub balance: f64,
    /// Every tie that breaks balance, heaviest first.
    pub frustrated: Vec<Tie>,
}

struct Graph {
    adj: Vec<Vec<(usize, i64)>>,
    edges: Vec<(usize, usize, i64)>,
}

/// Partitions the network into blocs (deterministic: same network, same blocs).
pub fn blocs(net: &Network) -> Blocs {
    let index: FastMap<&str, usize> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(k, n)| (n.id.as_str(), k))
        .collect();
    let n = net.nodes.len();
    let mut g = Graph {
        adj: vec![Vec::new(); n],
        edges: Vec::with_capacity(net.edges.len()),
    };
    for e in &net.edges {
        let (Some(&a), Some(&b)) = (index.get(e.a.as_str()), index.get(e.b.as_str())) else {
            continue;
        };
        // Edge weights are sums of thousandths, so this is exact.
        let w = (e.weight * 1000.0).round() as i64;
        g.adj[a].push((b, w));
        g.adj[b].push((a, w));
        g.edges.push((a, b, w));
    }
    // Two deterministic seeds: strongest actors first, and plain name order; keep the better.
    let strength: Vec<i64> = g
        .adj
        .iter()
        .map(|l| l.iter().map(|(_, w)| w.abs()).sum())
        .collect();
    let mut by_strength: Vec<usize> = (0..n).collect();
    by_strength.sort_by(|&x, &y| strength[y].cmp(&strength[x]).then(x.cmp(&y)));
    let by_name: Vec<usize> = (0..n).collect();
    let mut best: Option<(i64, Vec<usize>)> = None;
    for order in [by_strength, by_name] {
        let mut part = greedy(&g, &order);
        local_search(&g, &mut part);
        let f = frustration(&g, &part);
        if best.as_ref().is_none_or(|(bf, _)| f < *bf) {
            best = Some((f, part));
        }
    }
    let part = best.map(|(_, p)| p).unwrap_or_default();
    summarize(net, &g, &part)
}

fn scores(g: &Graph, part: &[usize], v: usize) -> BTreeMap<usize, i64> {
    let mut s: BTreeMap<usize, i64> = BTreeMap::new();
    for &(u, w) in &g.adj[v] {
        if part[u] != usize::MAX {
            *s.entry(part[u]).or_default() += w;
        }
    }
    s
}

fn greedy(g: &Graph, order: &[usize]) -> Vec<usize> {
    let mut part = vec![usize::MAX; g.adj.len()];
    let mut groups = 0;
    for &v in order {
        let s = scores(g, &part, v);
        // Largest S wins; equal S goes to the lower group id (BTreeMap order, strict >).
        let mut choice: Option<(usize, i64)> = None;
        for (grp, sc) in s {
            if sc > 0 && choice.is_none_or(|(_, c)| sc > c) {
                choice = Some((grp, sc));
            }
        }
        part[v] = match choice {
            Some((grp, _)) => grp,
            None => {
                groups += 1;
                groups - 1
            }
        };
    }
    part
}

fn local_search(g: &Graph, part: &mut [usize]) {
    let n = part.len();
    let mut next_group = part.iter().copied().max().map_or(0, |m| m + 1);
    // Group sizes; a group id is never reused, so the vector only grows.
    let mut size = vec![0usize; next_group];
    for &p in part.iter() {
        size[p] += 1;
    }
    for _pass in 0..100 {
        let mut moved = false;
        for v in 0..n {
            let s = scores(g, part, v);
            let current = s.get(&part[v]).copied().unwrap_or(0);
            let alone = size[part[v]] == 1;
            let mut best = (part[v], current);
            for (&grp, &sc) in &s {
                if sc > best.1 {
                    best = (grp, sc);
                }
            }
            // A fresh group scores 0; worth it only if v now sits among enemies.
            if best.1 < 0 && !alone {
                best = (next_group, 0);
                next_group += 1;
                size.push(0);
            }
            if best.0 != part[v] {
                size[part[v]] -= 1;
                size[best.0] += 1;
                part[v] = best.0;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

fn frustration(g: &Graph, part: &[usize]) -> i64 {
    g.edges
        .iter()
        .map(|&(a, b, w)| match (part[a] == part[b], w < 0) {
            (true, true) => -w,
            (false, false) => w,
            _ => 0,
        })
        .sum()
}

fn summarize(net: &Network, g: &Graph, part: &[usize]) -> Blocs {
    let name = |k: usize| net.nodes[k].id.clone();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, &grp) in part.iter().enumerate() {
        members.entry(grp).or_default().push(v);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    // Nodes are indexed in name order, so the first index is the first name.
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    let mut blocs = Vec::new();
    for grp in &groups {
        let id = part[grp[0]];
        let (mut ip, mut ineg, mut ep) = (0i64, 0i64, 0i64);
        let mut holding: Vec<(i64, usize, usize)> = Vec::new();
        for &(a, b, w) in &g.edges {
            let (ia, ib) = (part[a] == id, part[b] == id);
            if ia && ib {
                if w > 0 {
                    ip += w;
                    holding.push((w, a, b));
                } else {
                    ineg -= w;
                }
            } else if (ia || ib) && w > 0 {
                ep += w;
            }
        }
        holding.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        holding.truncate(5);
        let fr = ineg + ep;
        blocs.push(Bloc {
            members: grp.iter().map(|&k| name(k)).collect(),
            internal_positive: unmilli(ip),
            internal_negative: unmilli(ineg),
            external_positive: unmilli(ep),
            frustration: unmilli(fr),
            cohesion: if ip + fr == 0 {
                1.0
            } else {
                crate::measure::round3(ip as f64 / (ip + fr) as f64)
            },
            holding_ties: holding
                .into_iter()
                .map(|(w, a, b)| Tie {
                    a: name(a),
                    b: name(b),
                    weight: unmilli(w),
                })
                .collect(),
        });
    }
    let mut frustrated: Vec<(i64, usize, usize)> = g
        .edges
        .iter()
        .filter(|&&(a, b, w)| (part[a] == part[b]) == (w < 0))
        .map(|&(a, b, w)| (w, a, b))
        .collect();
    frustrated.sort_by(|x, y| y.0.abs().cmp(&x.0.abs()).then((x.1, x.2).cmp(&(y.1, y.2))));
    let f = frustration(g, part);
    let total: i64 = g.edges.iter().map(|e| e.2.abs()).sum();
    Blocs {
        blocs,
        frustration: unmilli(f),
        total_weight: unmilli(total),
        balance: if total == 0 {
            1.0
        } else {
            crate::measure::round3(1.0 - f as f64 / total as f64)
        },
        frustrated: frustrated
            .into_iter()
            .map(|(w, a, b)| Tie {
                a: name(a),
                b: name(b),
                weight: unmilli(w),
            })
            .collect(),
    }
}

impl Blocs {
    pub fn table(&self) -> String {
        let mut t = Table::new(&[
            "bloc",
            "members",
            "internal+",
            "internal-",
            "external+",
            "frustration",
            "cohesion",
            "holding ties",
        ]);
        for (k, b) in self.blocs.iter().enumerate() {
            let ties: Vec<String> = b
                .holding_ties
                .iter()
                .map(|t| format!("{}–{} {}", t.a, t.b, num(t.weight)))
                .collect();
            t.row(vec![
                (k + 1).to_string(),
                b.members.join(" "),
                num(b.internal_positive),
                num(b.internal_negative),
                num(b.external_positive),
                num(b.frustration),
                num(b.cohesion),
                ties.join(", "),
            ]);
        }
        let mut out = format!(
            "{} blocs; frustration {} of {} ({} balanced)\n{}",
            self.blocs.len(),
            num(self.frustration),
            num(self.total_weight),
            num(self.balance),
            t.render()
        );
        if !self.frustrated.is_empty() {
            out.push_str("ties against the blocs:\n");
            for t in self.frustrated.iter().take(10) {
                out.push_str(&format!("  {}–{} {}\n", t.a, t.b, num(t.weight)));
            }
        }
        out
    }
}
