//! Dyad timelines: what two actors did to each other, period by period, in both directions.

use entente_model::{EventId, Interaction};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::measure::{milli, unmilli};
use crate::table::{num, Table};
use crate::{Alignments, Period, Window};

/// One period, one direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadRow {
    pub period: String,
    pub source: String,
    pub target: String,
    /// Counts by quad class 1..4 (verbal coop., material coop., verbal conflict, material conflict).
    pub quads: [u32; 4],
    /// Counts by PLOVER type, by name.
    pub types: BTreeMap<String, u32>,
    /// Net cooperation: the sum of intensities.
    pub net: f64,
    pub mentions: u64,
    /// The events behind the row, sorted.
    pub events: Vec<EventId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadTimeline {
    pub a: String,
    pub b: String,
    pub by: Period,
    pub window: Window,
    /// Ordered by period, then `a→b` before `b→a`.
    pub rows: Vec<DyadRow>,
    /// Net cooperation over the whole window, a→b and b→a.
    pub net_ab: f64,
    pub net_ba: f64,
    /// Alignments binding both at some time in the window.
    pub alignments: Vec<String>,
}

#[derive(Default)]
struct Acc<'a> {
    quads: [u32; 4],
    types: BTreeMap<&'static str, u32>,
    net: i64,
    mentions: u64,
    events: Vec<&'a EventId>,
}

/// The timeline of the dyad (`a`, `b`), both directions, bucketed by `by`.
pub fn dyad(ix: &[Interaction], a: &str, b: &str, by: Period, w: &Window) -> DyadTimeline {
    let f = w.filter();
    // key: (period, direction 0 = a→b, 1 = b→a)
    let mut acc: BTreeMap<(i32, u8), Acc> = BTreeMap::new();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        let dir = if i.source == a && t == b {
            0
        } else if i.source == b && t == a {
            1
        } else {
            continue;
        };
        if !f.admits(i) {
            continue;
        }
        let r = acc.entry((by.key(i.date), dir)).or_default();
        r.quads[(i.quad.get() - 1) as usize] += 1;
        *r.types.entry(i.event.as_str()).or_default() += 1;
        r.net += milli(i.intensity);
        r.mentions += i.mentions as u64;
        r.events.push(&i.event_id);
    }
    let (mut net_ab, mut net_ba) = (0i64, 0i64);
    let rows = acc
        .into_iter()
        .map(|((p, dir), r)| {
            if dir == 0 {
                net_ab += r.net;
            } else {
                net_ba += r.net;
            }
            let (s, t) = if dir == 0 { (a, b) } else { (b, a) };
            DyadRow {
                period: by.label_of(p),
                source: s.to_string(),
                target: t.to_string(),
                quads: r.quads,
                types: r
                    .types
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
                net: unmilli(r.net),
                mentions: r.mentions,
                events: crate::measure::sorted_ids(r.events),
            }
        })
        .collect();
    DyadTimeline {
        a: a.to_string(),
        b: b.to_string(),
        by,
        window: w.clone(),
        rows,
        net_ab: unmilli(net_ab),
        net_ba: unmilli(net_ba),
        alignments: Alignments::builtin().labels_between_during(a, b, w.since, w.until),
    }
}

impl DyadTimeline {
    /// Net cooperation per period, both directions added: the series a chart draws.
    pub fn net_by_period(&self) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        for r in &self.rows {
            match out.last_mut() {
                Some((p, n)) if *p == r.period => *n += r.net,
                _ => out.push((r.period.clone(), r.net)),
            }
        }
        out
    }

    pub fn table(&self) -> String {
        let mut t = Table::new(&[
            "period", "from", "to", "q1", "q2", "q3", "q4", "net", "types", "events",
        ]);
        for r in &self.rows {
            let types: Vec<String> = r.types.iter().map(|(k, v)| format!("{k}:{v}")).collect();
            t.row(vec![
                r.period.clone(),
                r.source.clone(),
                r.target.clone(),
                r.quads[0].to_string(),
                r.quads[1].to_string(),
                r.quads[2].to_string(),
                r.quads[3].to_string(),
                num(r.net),
                types.join(" "),
                r.events.len().to_string(),
            ]);
        }
        let mut out = format!(
            "dyad {} – {} by {}: net {}→{} {}, {}→{} {}\n",
            self.a,
            self.b,
            self.by,
            self.a,
            self.b,
            num(self.net_ab),
            self.b,
            self.a,
            num(self.net_ba)
        );
        if !self.alignments.is_empty() {
            out.push_str(&format!("alignments: {}\n", self.alignments.join("; ")));
        }
        out.push_str(&t.render());
        out
    }
}
