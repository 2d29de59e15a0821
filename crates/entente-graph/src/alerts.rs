//! Escalation alerts: dyads whose latest period departs sharply from their own history.

use entente_model::Interaction;
use serde::Serialize;

use crate::measure::{FastMap, mad, median, milli, pair, round3, unmilli, EventRef, TopEvents};
use crate::table::{num, Table};
use crate::{Period, Window};

/// MAD scaled by 1.4826 estimates the standard deviation of normal data. A flat history has
/// MAD 0, so the scale is floored at one unit (one point of intensity, one event): a change
/// smaller than that is never news, and a flat dyad scores its change in plain units.
pub const SCALE_FLOOR: f64 = 1.0;
/// Fewer baseline periods than this say nothing about a dyad's normal.
pub const MIN_HISTORY: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Departure {
    pub value: f64,
    pub median: f64,
    pub mad: f64,
    /// (value − median) / max(1.4826 · MAD, 1).
    pub z: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub a: String,
    pub b: String,
    pub period: String,
    /// Net cooperation (Σ intensity, both directions).
    pub net: Departure,
    /// Number of conflict interactions (quads 3–4, both directions).
    pub conflict: Departure,
    /// max(|z net|, |z conflict|): the rank key.
    pub score: f64,
    /// `escalation` (net fell or conflict rose past the threshold) or `warming`.
    pub kind: String,
    /// Baseline periods used.
    pub history: usize,
    pub evidence: Vec<EventRef>,
}

struct Series<'a> {
    /// (net in thousandths, conflict count) per period from the window's earliest.
    periods: Vec<(i64, u32)>,
    first: i32,
    top: TopEvents<'a>,
}

fn departure(value: f64, history: &[f64]) -> Departure {
    let med = median(history);
    let m = mad(history, med);
    let scale = (1.4826 * m).max(SCALE_FLOOR);
    Departure {
        value: round3(value),
        median: round3(med),
        mad: round3(m),
        z: round3((value - med) / scale),
    }
}

/// Alerts for every dyad whose latest period (the last period with any event in the window)
/// departs from its history by at least `threshold` robust z in net cooperation or in
/// conflict count. Ranked by score, then by names.
pub fn alerts(ix: &[Interaction], by: Period, w: &Window, threshold: f64) -> Vec<Alert> {
    let f = w.filter();
    // Pass 1: the span of periods, so that each dyad's series is a dense vector.
    let mut span: Option<(i32, i32)> = None;
    for i in ix {
        if i.target.is_some() && f.admits(i) {
            let k = by.key(i.date);
            span = Some(span.map_or((k, k), |(lo, hi)| (lo.min(k), hi.max(k))));
        }
    }
    let Some((earliest, latest)) = span else {
        return Vec::new();
    };
    let len = (latest - earliest + 1) as usize;
    let mut dyads: FastMap<(&str, &str), Series> = FastMap::default();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        if t == i.source || !f.admits(i) {
            continue;
        }
        let k = by.key(i.date);
        let s = dyads.entry(pair(&i.source, t)).or_insert_with(|| Series {
            periods: vec![(0, 0); len],
            first: k,
            top: TopEvents::new(5),
        });
        s.first = s.first.min(k);
        let cell = &mut s.periods[(k - earliest) as usize];
        cell.0 += milli(i.intensity);
        cell.1 += u32::from(!i.quad.is_cooperation());
        if k == latest {
            s.top.push(i);
        }
    }
    let mut out = Vec::new();
    for ((a, b), s) in dyads {
        let history = (latest - s.first) as usize;
        if history < MIN_HISTORY {
            continue;
        }
        // Quiet periods are part of the history: they count as zero.
        let base = &s.periods[(s.first - earliest) as usize..len - 1];
        let nets: Vec<f64> = base.iter().map(|c| unmilli(c.0)).collect();
        let conflicts: Vec<f64> = base.iter().map(|c| c.1 as f64).collect();
        let (n, c) = s.periods[len - 1];
        let net = departure(unmilli(n), &nets);
        let conflict = departure(c as f64, &conflicts);
        let score = net.z.abs().max(conflict.z.abs());
        if score < threshold {
            continue;
        }
        let escalation = net.z <= -threshold || conflict.z >= threshold;
        out.push(Alert {
            a: a.to_string(),
            b: b.to_string(),
            period: by.label_of(latest),
            net,
            conflict,
            score,
            kind: if escalation { "escalation" } else { "warming" }.to_string(),
            history,
            evidence: s.top.refs(),
        });
    }
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    out
}

/// The alerts as a table.
pub fn alerts_table(alerts: &[Alert]) -> String {
    let mut t = Table::new(&[
        "period", "a", "b", "kind", "score", "net", "net median", "net z", "conflict",
        "conflict median", "conflict z", "events",
    ]);
    for x in alerts {
        t.row(vec![
            x.period.clone(),
            x.a.clone(),
            x.b.clone(),
            x.kind.clone(),
            num(x.score),
            num(x.net.value),
            num(x.net.median),
            num(x.net.z),
            num(x.conflict.value),
            num(x.conflict.median),
            num(x.conflict.z),
            x.evidence.len().to_string(),
        ]);
    }
    format!("{} alert(s)\n{}", alerts.len(), t.render())
}
