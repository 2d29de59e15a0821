//! Sanctions exposure: an actor's material ties to sanctioned actors, directly and through
//! one intermediary.

use chrono::NaiveDate;
use entente_model::Interaction;
use serde::Serialize;

use crate::dependence::material;
use crate::measure::{pair, round3, unmilli, EventRef, FastMap, TopEvents};
use crate::table::{num, Table};
use crate::{SanctionedSet, Window};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstOrder {
    pub target: String,
    pub sanctioners: Vec<String>,
    pub since: Option<NaiveDate>,
    /// M(a,s): material cooperation between the actor and the target, both directions.
    pub weight: f64,
    /// M(a,s) / M(a): the share of the actor's material ties that go to the target.
    pub score: f64,
    pub evidence: Vec<EventRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecondOrder {
    pub intermediary: String,
    pub target: String,
    pub sanctioners: Vec<String>,
    /// M(a,b) and M(b,s).
    pub weight_ab: f64,
    pub weight_bs: f64,
    /// (M(a,b) / M(a)) × (M(b,s) / M(b)), in [0, 1].
    pub score: f64,
    /// `a → b → s`.
    pub path: String,
    pub evidence_ab: Vec<EventRef>,
    pub evidence_bs: Vec<EventRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exposure {
    pub actor: String,
    pub window: Window,
    /// M(a): all the actor's material cooperation, given and received.
    pub material_total: f64,
    /// Highest score first; ties by name.
    pub first_order: Vec<FirstOrder>,
    /// The strongest second-order paths, at most [`MAX_PATHS`].
    pub second_order: Vec<SecondOrder>,
    /// How many second-order paths there are in all.
    pub second_paths: usize,
    /// Σ of first-order scores: the share of the actor's material ties that are with
    /// sanctioned actors.
    pub first_total: f64,
    /// Σ of second-order scores over every path (not only those listed).
    pub second_total: f64,
}

/// How many second-order paths a result lists.
pub const MAX_PATHS: usize = 100;

pub fn exposure(ix: &[Interaction], a: &str, sanctioned: &SanctionedSet, w: &Window) -> Exposure {
    let f = w.filter();
    // Pass 1: M for every undirected pair, one hash lookup per material interaction.
    let mut pairs: FastMap<(&str, &str), i64> = FastMap::default();
    for i in ix {
        let Some(m) = material(i) else { continue };
        let (src, t) = (i.source.as_str(), i.target.as_deref().unwrap_or_default());
        if src == t || !f.admits(i) {
            continue;
        }
        *pairs.entry(pair(src, t)).or_default() += m;
    }
    let mut totals: FastMap<&str, i64> = FastMap::default();
    let mut a_ties: FastMap<&str, i64> = FastMap::default();
    // Ties of any actor b to a sanctioned s, keyed by b then s.
    let mut to_sanctioned: FastMap<&str, Vec<(&str, i64)>> = FastMap::default();
    for (&(x, y), &m) in &pairs {
        *totals.entry(x).or_default() += m;
        *totals.entry(y).or_default() += m;
        if x == a {
            a_ties.insert(y, m);
        } else if y == a {
            a_ties.insert(x, m);
        }
        if sanctioned.contains(y) {
            to_sanctioned.entry(x).or_default().push((y, m));
        }
        if sanctioned.contains(x) {
            to_sanctioned.entry(y).or_default().push((x, m));
        }
    }
    let m_a = totals.get(a).copied().unwrap_or(0);
    let mut first: Vec<(f64, &str, i64)> = a_ties
        .iter()
        .filter(|(s, _)| sanctioned.contains(s))
        .map(|(s, m)| (*m as f64 / m_a.max(1) as f64, *s, *m))
        .collect();
    first.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    // Score every path with plain numbers; only the paths shown get names, sanctioners and
    // evidence (a dense network has tens of thousands of paths).
    let mut paths: Vec<(f64, &str, &str, i64, i64)> = Vec::new();
    for (b, &ab) in &a_ties {
        let Some(ties) = to_sanctioned.get(b) else {
            continue;
        };
        let m_b = totals.get(b).copied().unwrap_or(0).max(1);
        for &(s, bs) in ties {
            if s == a || s == *b {
                continue;
            }
            let score = (ab as f64 / m_a.max(1) as f64) * (bs as f64 / m_b as f64);
            paths.push((score, s, b, ab, bs));
        }
    }
    paths.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let second_paths = paths.len();
    // Summed over every path, in sorted order, before the list is cut.
    let second_total = round3(paths.iter().map(|p| p.0).sum());
    paths.truncate(MAX_PATHS);
    // Pass 2: evidence, only for the pairs shown.
    let mut evidence: FastMap<(&str, &str), TopEvents> = FastMap::default();
    for &(_, s, _) in &first {
        evidence.insert(pair(a, s), TopEvents::new(3));
    }
    for &(_, s, b, _, _) in &paths {
        evidence.insert(pair(a, b), TopEvents::new(3));
        evidence.insert(pair(b, s), TopEvents::new(3));
    }
    if !evidence.is_empty() {
        for i in ix {
            if material(i).is_none() {
                continue;
            }
            let (src, t) = (i.source.as_str(), i.target.as_deref().unwrap_or_default());
            if let Some(top) = evidence.get_mut(&pair(src, t)) {
                if f.admits(i) {
                    top.push(i);
                }
            }
        }
    }
    let refs = |x: &str, y: &str| {
        evidence
            .get(&pair(x, y))
            .map(TopEvents::refs)
            .unwrap_or_default()
    };
    let first: Vec<FirstOrder> = first
        .into_iter()
        .filter_map(|(score, s, m)| {
            let entry = sanctioned.get(s)?;
            Some(FirstOrder {
                target: s.to_string(),
                sanctioners: entry.sanctioners.clone(),
                since: entry.since,
                weight: unmilli(m),
                score,
                evidence: refs(a, s),
            })
        })
        .collect();
    let second: Vec<SecondOrder> = paths
        .into_iter()
        .filter_map(|(score, s, b, ab, bs)| {
            let entry = sanctioned.get(s)?;
            Some(SecondOrder {
                intermediary: b.to_string(),
                target: s.to_string(),
                sanctioners: entry.sanctioners.clone(),
                weight_ab: unmilli(ab),
                weight_bs: unmilli(bs),
                score,
                path: format!("{a} → {b} → {s}"),
                evidence_ab: refs(a, b),
                evidence_bs: refs(b, s),
            })
        })
        .collect();
    // Sums in the sorted order, so that they do not depend on hash order.
    let first_total = round3(first.iter().map(|x| x.score).sum());
    Exposure {
        actor: a.to_string(),
        window: w.clone(),
        material_total: unmilli(m_a),
        first_order: first,
        second_order: second,
        second_paths,
        first_total,
        second_total,
    }
}

impl Exposure {
    pub fn table(&self) -> String {
        let mut out = format!(
            "sanctions exposure of {}: first order {}, second order {} over {} path(s) (of material total {})\n",
            self.actor,
            num(self.first_total),
            num(self.second_total),
            self.second_paths,
            num(self.material_total)
        );
        let mut t = Table::new(&[
            "order",
            "path",
            "sanctioned by",
            "weight",
            "score",
            "events",
        ]);
        for x in &self.first_order {
            let ev: Vec<&str> = x.evidence.iter().map(|e| e.event_id.as_str()).collect();
            t.row(vec![
                "1".into(),
                format!("{} → {}", self.actor, x.target),
                x.sanctioners.join(" "),
                num(x.weight),
                num(x.score),
                ev.join(" "),
            ]);
        }
        for x in &self.second_order {
            let ev: Vec<&str> = x
                .evidence_ab
                .iter()
                .chain(&x.evidence_bs)
                .map(|e| e.event_id.as_str())
                .collect();
            t.row(vec![
                "2".into(),
                x.path.clone(),
                x.sanctioners.join(" "),
                format!("{}×{}", num(x.weight_ab), num(x.weight_bs)),
                num(x.score),
                ev.join(" "),
            ]);
        }
        out.push_str(&t.render());
        out
    }
}
