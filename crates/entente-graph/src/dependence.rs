//! Dependence: who supplies an actor's material cooperation, and whom the actor supplies.

use entente_model::{Interaction, QuadClass};
use serde::Serialize;

use crate::measure::{hhi, milli, unmilli, EventRef, FastMap, TopEvents};
use crate::table::{num, Table};
use crate::{Alignments, Window};

/// Material weight of a quad-2 event: |intensity| in thousandths. Material cooperation is
/// cooperative by class, so only the size of the intensity matters.
#[inline]
pub(crate) fn material(i: &Interaction) -> Option<i64> {
    (i.quad == QuadClass::MATERIAL_COOPERATION && i.target.is_some())
        .then(|| milli(i.intensity).abs())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Supplier {
    pub partner: String,
    /// M(b,a): Σ |intensity| of material cooperation from the partner to the actor.
    pub weight: f64,
    /// M(b,a) / Σ_b' M(b',a).
    pub share: f64,
    pub events: u32,
    pub alignments: Vec<String>,
    /// The most salient events (|intensity| × mentions), at most five.
    pub evidence: Vec<EventRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Client {
    pub client: String,
    /// M(a,c): what the actor gave the client.
    pub weight: f64,
    /// The actor's share of everything the client received: M(a,c) / Σ_b M(b,c).
    pub share_of_client: f64,
    /// The actor's share of what it gave: M(a,c) / Σ_c' M(a,c').
    pub share_of_actor: f64,
    pub events: u32,
    pub alignments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependence {
    pub actor: String,
    pub window: Window,
    /// Heaviest first; ties by name.
    pub suppliers: Vec<Supplier>,
    /// Σ share²: 1/n for n equal suppliers, 1 for a single patron; 0 with no supplier.
    pub hhi: f64,
    /// 1 / HHI: the number of equal suppliers that would give the same concentration.
    pub effective_suppliers: f64,
    pub clients: Vec<Client>,
}

struct In<'a> {
    weight: i64,
    events: u32,
    top: TopEvents<'a>,
}

pub fn dependence(ix: &[Interaction], a: &str, w: &Window) -> Dependence {
    let f = w.filter();
    let mut suppliers: FastMap<&str, In> = FastMap::default();
    let mut given: FastMap<&str, (i64, u32)> = FastMap::default();
    let mut received: FastMap<&str, i64> = FastMap::default();
    for i in ix {
        let Some(m) = material(i) else { continue };
        let t = i.target.as_deref().unwrap_or_default();
        if t == i.source || !f.admits(i) {
            continue;
        }
        *received.entry(t).or_default() += m;
        if t == a {
            let s = suppliers.entry(&i.source).or_insert_with(|| In {
                weight: 0,
                events: 0,
                top: TopEvents::new(5),
            });
            s.weight += m;
            s.events += 1;
            s.top.push(i);
        } else if i.source == a {
            let c = given.entry(t).or_default();
            c.0 += m;
            c.1 += 1;
        }
    }
    let al = Alignments::builtin();
    let total: i64 = suppliers.values().map(|s| s.weight).sum();
    let mut sup: Vec<Supplier> = suppliers
        .into_iter()
        .map(|(b, s)| Supplier {
            partner: b.to_string(),
            weight: unmilli(s.weight),
            share: if total > 0 {
                s.weight as f64 / total as f64
            } else {
                0.0
            },
            events: s.events,
            alignments: al.labels_between_during(a, b, w.since, w.until),
            evidence: s.top.refs(),
        })
        .collect();
    sup.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then(x.partner.cmp(&y.partner))
    });
    let shares: Vec<f64> = sup.iter().map(|s| s.share).collect();
    let h = hhi(&shares);
    let given_total: i64 = given.values().map(|c| c.0).sum();
    let mut clients: Vec<Client> = given
        .into_iter()
        .map(|(c, (m, n))| {
            let rec = received.get(c).copied().unwrap_or(m).max(1);
            Client {
                client: c.to_string(),
                weight: unmilli(m),
                share_of_client: m as f64 / rec as f64,
                share_of_actor: if given_total > 0 {
                    m as f64 / given_total as f64
                } else {
                    0.0
                },
                events: n,
                alignments: al.labels_between_during(a, c, w.since, w.until),
            }
        })
        .collect();
    clients.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.client.cmp(&y.client)));
    Dependence {
        actor: a.to_string(),
        window: w.clone(),
        suppliers: sup,
        hhi: h,
        effective_suppliers: if h > 0.0 { 1.0 / h } else { 0.0 },
        clients,
    }
}

impl Dependence {
    pub fn table(&self) -> String {
        let mut out = format!(
            "dependence of {}: {} supplier(s), HHI {} (≈{} equal suppliers)\n",
            self.actor,
            self.suppliers.len(),
            num(self.hhi),
            num(self.effective_suppliers)
        );
        let mut t = Table::new(&["supplier", "weight", "share", "events", "alignments"]);
        for s in &self.suppliers {
            t.row(vec![
                s.partner.clone(),
                num(s.weight),
                num(s.share),
                s.events.to_string(),
                s.alignments.join("; "),
            ]);
        }
        out.push_str(&t.render());
        if !self.clients.is_empty() {
            out.push_str(&format!("\nwhom {} supports:\n", self.actor));
            let mut t = Table::new(&[
                "client",
                "weight",
                "share of client",
                "share of actor",
                "events",
                "alignments",
            ]);
            for c in &self.clients {
                t.row(vec![
                    c.client.clone(),
                    num(c.weight),
                    num(c.share_of_client),
                    num(c.share_of_actor),
                    c.events.to_string(),
                    c.alignments.join("; "),
                ]);
            }
            out.push_str(&t.render());
        }
        out
    }
}
