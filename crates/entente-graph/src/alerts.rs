//! Escalation alerts: dyads whose latest period departs sharply from their own history.

use entente_model::Interaction;
use serde::Serialize;

use crate::measure::{mad, median, milli, pair, round3, unmilli, EventRef, FastMap, TopEvents};
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

struct Dyad<'a> {
    names: (&'a str, &'a str),
    first: i32,
    count: u32,
    top: TopEvents<'a>,
}

/// Period offset (bits 33..), conflict flag (bit 32), intensity in thousandths (low 32 bits;
/// one event's intensity is at most ±10 000, far inside i32).
fn pack(period: i32, conflict: bool, g: i64) -> u64 {
    ((period as u64) << 33) | (u64::from(conflict) << 32) | (g as i32 as u32 as u64)
}

fn unpack(rec: u64) -> (usize, bool, i64) {
    (
        (rec >> 33) as usize,
        (rec >> 32) & 1 == 1,
        rec as u32 as i32 as i64,
    )
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

/// Alerts for every dyad active in the latest period (the last period with any event in the
/// window) whose values there depart from its history by at least `threshold` robust z in net cooperation or in
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
    // Pass 2: a dyad id and a packed record (period, conflict flag, intensity) per
    // interaction. Accumulating straight into per-dyad series would touch a random cache line
    // per interaction; grouping the records by dyad first (a counting sort) keeps the memory
    // access sequential.
    let mut ids: FastMap<(&str, &str), u32> = FastMap::default();
    let mut dyads: Vec<Dyad> = Vec::new();
    let mut tagged: Vec<(u32, u64)> = Vec::with_capacity(ix.len());
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        if t == i.source || !f.admits(i) {
            continue;
        }
        let k = by.key(i.date);
        let key = pair(&i.source, t);
        let id = *ids.entry(key).or_insert_with(|| {
            dyads.push(Dyad {
                names: key,
                first: k,
                count: 0,
                top: TopEvents::new(5),
            });
            (dyads.len() - 1) as u32
        });
        let d = &mut dyads[id as usize];
        d.first = d.first.min(k);
        d.count += 1;
        if k == latest {
            d.top.push(i);
        }
        tagged.push((
            id,
            pack(k - earliest, !i.quad.is_cooperation(), milli(i.intensity)),
        ));
    }
    let mut start = Vec::with_capacity(dyads.len() + 1);
    start.push(0usize);
    for d in &dyads {
        start.push(start.last().copied().unwrap_or(0) + d.count as usize);
    }
    let mut next = start.clone();
    let mut grouped = vec![0u64; tagged.len()];
    for (id, rec) in tagged {
        grouped[next[id as usize]] = rec;
        next[id as usize] += 1;
    }
    let mut series = vec![(0i64, 0u32); len];
    let mut out = Vec::new();
    for (id, d) in dyads.into_iter().enumerate() {
        let history = (latest - d.first) as usize;
        // A dyad silent in the latest period has no events to show for a jump: going quiet
        // is not an alert.
        if history < MIN_HISTORY || d.top.is_empty() {
            continue;
        }
        series.iter_mut().for_each(|c| *c = (0, 0));
        for &rec in &grouped[start[id]..start[id + 1]] {
            let (p, conflict, g) = unpack(rec);
            series[p].0 += g;
            series[p].1 += u32::from(conflict);
        }
        let (a, b) = d.names;
        // Quiet periods are part of the history: they count as zero.
        let base = &series[(d.first - earliest) as usize..len - 1];
        let nets: Vec<f64> = base.iter().map(|c| unmilli(c.0)).collect();
        let conflicts: Vec<f64> = base.iter().map(|c| c.1 as f64).collect();
        let (n, c) = series[len - 1];
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
            evidence: d.top.refs(),
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
        "period",
        "a",
        "b",
        "kind",
        "score",
        "net",
        "net median",
        "net z",
        "conflict",
        "conflict median",
        "conflict z",
        "events",
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
