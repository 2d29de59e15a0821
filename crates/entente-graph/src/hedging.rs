//! Hedging: how an actor's cooperation moves between partners from one period to the next.

use entente_model::Interaction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use crate::measure::{hhi, jensen_shannon, milli, round3, unmilli, EventRef, TopEvents};
use crate::table::{num, Table};
use crate::{Period, Window};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub partner: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub period: String,
    /// Σ |intensity| of cooperation (quads 1–2) given and received.
    pub total: f64,
    pub hhi: f64,
    /// Largest first; ties by name.
    pub shares: Vec<Share>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub partner: String,
    pub before: f64,
    pub after: f64,
    /// after − before: positive toward the partner, negative away from it.
    pub delta: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub partner: String,
    /// `toward` (events of the later period) or `away` (events of the earlier period).
    pub direction: String,
    pub evidence: Vec<EventRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub from: String,
    pub to: String,
    /// Jensen–Shannon divergence (base 2) of the two portfolios, in [0, 1].
    pub js: f64,
    pub hhi_from: f64,
    pub hhi_to: f64,
    /// Largest |delta| first; ties by name.
    pub changes: Vec<Change>,
    /// Partners whose net tie (all quads, both directions) was ≥ 0 with events in `from`
    /// and is < 0 in `to`.
    pub turned_hostile: Vec<String>,
    pub drivers: Vec<Driver>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hedging {
    pub actor: String,
    pub by: Period,
    pub window: Window,
    /// Periods with cooperation, in order.
    pub portfolios: Vec<Portfolio>,
    /// Consecutive portfolios compared.
    pub steps: Vec<Step>,
    /// The first portfolio against the last: the shift over the whole window.
    pub overall: Option<Step>,
    /// HHI of the last portfolio minus the first: negative means diversification.
    pub hhi_trend: f64,
    /// True if any tie turned hostile in any step: then the shift is a break, not a hedge.
    pub hostile: bool,
}

#[derive(Default)]
struct Cell<'a> {
    coop: i64,
    net: i64,
    any: bool,
    top: Option<TopEvents<'a>>,
}

type Periods<'a> = BTreeMap<i32, BTreeMap<&'a str, Cell<'a>>>;

pub fn hedging(ix: &[Interaction], a: &str, by: Period, w: &Window) -> Hedging {
    let f = w.filter();
    let mut periods: Periods = BTreeMap::new();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        let partner = if i.source == a {
            t
        } else if t == a {
            i.source.as_str()
        } else {
            continue;
        };
        if partner == a || !f.admits(i) {
            continue;
        }
        let c = periods
            .entry(by.key(i.date))
            .or_default()
            .entry(partner)
            .or_default();
        c.any = true;
        c.net += milli(i.intensity);
        if i.quad.is_cooperation() {
            c.coop += milli(i.intensity).abs();
            c.top.get_or_insert_with(|| TopEvents::new(3)).push(i);
        }
    }
    let coop_keys: Vec<i32> = periods
        .iter()
        .filter(|(_, m)| m.values().any(|c| c.coop > 0))
        .map(|(k, _)| *k)
        .collect();
    let portfolios: Vec<Portfolio> = coop_keys
        .iter()
        .map(|k| portfolio(by, *k, &periods[k]))
        .collect();
    let steps: Vec<Step> = coop_keys
        .windows(2)
        .map(|p| step(by, &periods, p[0], p[1]))
        .collect();
    let overall = match (coop_keys.first(), coop_keys.last()) {
        (Some(&x), Some(&y)) if x != y => Some(step(by, &periods, x, y)),
        _ => None,
    };
    let hhi_trend = match (portfolios.first(), portfolios.last()) {
        (Some(x), Some(y)) => round3(y.hhi - x.hhi),
        _ => 0.0,
    };
    let hostile = steps.iter().any(|s| !s.turned_hostile.is_empty());
    Hedging {
        actor: a.to_string(),
        by,
        window: w.clone(),
        portfolios,
        steps,
        overall,
        hhi_trend,
        hostile,
    }
}

fn shares_of(cells: &BTreeMap<&str, Cell>) -> BTreeMap<String, f64> {
    let total: i64 = cells.values().map(|c| c.coop).sum();
    cells
        .iter()
        .filter(|(_, c)| c.coop > 0)
        .map(|(p, c)| (p.to_string(), c.coop as f64 / total as f64))
        .collect()
}

fn portfolio(by: Period, k: i32, cells: &BTreeMap<&str, Cell>) -> Portfolio {
    let s = shares_of(cells);
    let v: Vec<f64> = s.values().copied().collect();
    let mut shares: Vec<Share> = s
        .into_iter()
        .map(|(partner, share)| Share { partner, share })
        .collect();
    shares.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.partner.cmp(&y.partner)));
    Portfolio {
        period: by.label_of(k),
        total: unmilli(cells.values().map(|c| c.coop).sum()),
        hhi: hhi(&v),
        shares,
    }
}

fn step(by: Period, periods: &Periods, from: i32, to: i32) -> Step {
    let (p, q) = (&periods[&from], &periods[&to]);
    let (sp, sq) = (shares_of(p), shares_of(q));
    let partners: BTreeSet<&String> = sp.keys().chain(sq.keys()).collect();
    let pv: Vec<f64> = partners
        .iter()
        .map(|b| sp.get(*b).copied().unwrap_or(0.0))
        .collect();
    let qv: Vec<f64> = partners
        .iter()
        .map(|b| sq.get(*b).copied().unwrap_or(0.0))
        .collect();
    let mut changes: Vec<Change> = partners
        .iter()
        .zip(pv.iter().zip(&qv))
        .map(|(b, (&before, &after))| Change {
            partner: b.to_string(),
            before,
            after,
            delta: after - before,
        })
        .collect();
    changes.sort_by(|x, y| {
        y.delta
            .abs()
            .total_cmp(&x.delta.abs())
            .then(x.partner.cmp(&y.partner))
    });
    let turned_hostile: Vec<String> = q
        .iter()
        .filter(|(b, c)| c.net < 0 && p.get(*b).is_some_and(|old| old.any && old.net >= 0))
        .map(|(b, _)| b.to_string())
        .collect();
    let drivers = changes
        .iter()
        .filter(|c| c.delta != 0.0)
        .take(3)
        .filter_map(|c| {
            let (cells, direction) = if c.delta > 0.0 {
                (q, "toward")
            } else {
                (p, "away")
            };
            let top = cells.get(c.partner.as_str())?.top.as_ref()?;
            Some(Driver {
                partner: c.partner.clone(),
                direction: direction.to_string(),
                evidence: top.refs(),
            })
        })
        .collect();
    Step {
        from: by.label_of(from),
        to: by.label_of(to),
        js: jensen_shannon(&pv, &qv),
        hhi_from: hhi(&pv),
        hhi_to: hhi(&qv),
        changes,
        turned_hostile,
        drivers,
    }
}

impl Hedging {
    /// The partner the actor moved toward most over the window, if any.
    pub fn toward(&self) -> Option<&Change> {
        self.overall
            .as_ref()?
            .changes
            .iter()
            .filter(|c| c.delta > 0.0)
            .max_by(|x, y| x.delta.total_cmp(&y.delta).then(y.partner.cmp(&x.partner)))
    }

    pub fn table(&self) -> String {
        let mut out = format!("hedging of {} by {}", self.actor, self.by);
        if let Some(o) = &self.overall {
            out.push_str(&format!(
                ": {} → {} JS {}, HHI trend {}",
                o.from,
                o.to,
                num(o.js),
                num(self.hhi_trend)
            ));
            if let Some(c) = self.toward() {
                out.push_str(&format!(", toward {} ({:+.3})", c.partner, c.delta));
            }
        }
        if self.hostile {
            out.push_str("; a tie turned hostile");
        }
        out.push('\n');
        let mut t = Table::new(&[
            "from",
            "to",
            "JS",
            "HHI from",
            "HHI to",
            "changes",
            "turned hostile",
        ]);
        for s in &self.steps {
            let ch: Vec<String> = s
                .changes
                .iter()
                .take(4)
                .map(|c| format!("{} {:+.3}", c.partner, c.delta))
                .collect();
            t.row(vec![
                s.from.clone(),
                s.to.clone(),
                num(s.js),
                num(s.hhi_from),
                num(s.hhi_to),
                ch.join(", "),
                s.turned_hostile.join(" "),
            ]);
        }
        out.push_str(&t.render());
        out
    }
}
