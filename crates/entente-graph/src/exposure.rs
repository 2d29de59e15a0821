//! Sanctions exposure: an actor's material ties to sanctioned actors, directly and through
//! one intermediary.

use chrono::NaiveDate;
use entente_model::Interaction;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

use crate::dependence::material;
use crate::measure::{round3, unmilli, EventRef, TopEvents};
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
    pub second_order: Vec<SecondOrder>,
    /// Σ of first-order scores: the share of the actor's material ties that are with
    /// sanctioned actors.
    pub first_total: f64,
    pub second_total: f64,
}

struct Tie<'a> {
    weight: i64,
    top: TopEvents<'a>,
}

impl<'a> Tie<'a> {
    fn add(map: &mut HashMap<&'a str, Tie<'a>>, k: &'a str, m: i64, i: &'a Interaction) {
        let t = map.entry(k).or_insert_with(|| Tie {
            weight: 0,
            top: TopEvents::new(3),
        });
        t.weight += m;
        t.top.push(i);
    }
}

pub fn exposure(ix: &[Interaction], a: &str, sanctioned: &SanctionedSet, w: &Window) -> Exposure {
    let f = w.filter();
    let s_codes: HashSet<&str> = sanctioned.entries.keys().map(String::as_str).collect();
    let mut totals: HashMap<&str, i64> = HashMap::new();
    let mut a_ties: HashMap<&str, Tie> = HashMap::new();
    // Ties of any actor b to a sanctioned s, keyed by b then s.
    let mut to_sanctioned: HashMap<&str, HashMap<&str, Tie>> = HashMap::new();
    for i in ix {
        let Some(m) = material(i) else { continue };
        let (src, t) = (i.source.as_str(), i.target.as_deref().unwrap_or_default());
        if src == t || !f.admits(i) {
            continue;
        }
        *totals.entry(src).or_default() += m;
        *totals.entry(t).or_default() += m;
        if src == a {
            Tie::add(&mut a_ties, t, m, i);
        } else if t == a {
            Tie::add(&mut a_ties, src, m, i);
        }
        if s_codes.contains(t) {
            Tie::add(to_sanctioned.entry(src).or_default(), t, m, i);
        }
        if s_codes.contains(src) {
            Tie::add(to_sanctioned.entry(t).or_default(), src, m, i);
        }
    }
    let m_a = totals.get(a).copied().unwrap_or(0);
    let mut first: Vec<FirstOrder> = a_ties
        .iter()
        .filter_map(|(s, tie)| {
            let entry = sanctioned.get(s)?;
            Some(FirstOrder {
                target: s.to_string(),
                sanctioners: entry.sanctioners.clone(),
                since: entry.since,
                weight: unmilli(tie.weight),
                score: tie.weight as f64 / m_a.max(1) as f64,
                evidence: tie.top.refs(),
            })
        })
        .collect();
    first.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.target.cmp(&y.target)));
    let mut second: Vec<SecondOrder> = Vec::new();
    for (b, ab) in &a_ties {
        let Some(ties) = to_sanctioned.get(b) else {
            continue;
        };
        let m_b = totals.get(b).copied().unwrap_or(0).max(1);
        for (s, bs) in ties {
            if *s == a || s == b {
                continue;
            }
            let Some(entry) = sanctioned.get(s) else {
                continue;
            };
            second.push(SecondOrder {
                intermediary: b.to_string(),
                target: s.to_string(),
                sanctioners: entry.sanctioners.clone(),
                weight_ab: unmilli(ab.weight),
                weight_bs: unmilli(bs.weight),
                score: (ab.weight as f64 / m_a.max(1) as f64) * (bs.weight as f64 / m_b as f64),
                path: format!("{a} → {b} → {s}"),
                evidence_ab: ab.top.refs(),
                evidence_bs: bs.top.refs(),
            });
        }
    }
    second.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((&x.target, &x.intermediary).cmp(&(&y.target, &y.intermediary)))
    });
    // Sums in the sorted order, so that they do not depend on hash order.
    let first_total = round3(first.iter().map(|x| x.score).sum());
    let second_total = round3(second.iter().map(|x| x.score).sum());
    Exposure {
        actor: a.to_string(),
        window: w.clone(),
        material_total: unmilli(m_a),
        first_order: first,
        second_order: second,
        first_total,
        second_total,
    }
}

impl Exposure {
    pub fn table(&self) -> String {
        let mut out = format!(
            "sanctions exposure of {}: first order {}, second order {} (of material total {})\n",
            self.actor,
            num(self.first_total),
            num(self.second_total),
            num(self.material_total)
        );
        let mut t = Table::new(&["order", "path", "sanctioned by", "weight", "score", "events"]);
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
