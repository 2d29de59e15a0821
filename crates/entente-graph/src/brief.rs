//! The briefing: the measures for one actor (or a dyad) composed into Markdown or HTML, with
//! an SVG timeline, an SVG network picture and the key sentences quoted.

use entente_model::{ArticleId, EventId, Interaction};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::blocs::Tie;
use crate::export::xml_escape;
use crate::measure::{milli, pair, unmilli, FastMap, TopEvents};
use crate::svg::{network_svg, timeline_svg};
use crate::table::num;
use crate::{
    dependence, dyad, exposure, hedging, Alignments, Dependence, DyadTimeline, Exposure, Hedging,
    Period, SanctionedSet, Window,
};

/// How many neighbours the network picture shows, and how many sentences are quoted.
const NEIGHBOURS: usize = 12;
const QUOTES: usize = 5;

/// What the caller looked up for an event: (event, sentence, article title, article id).
pub type EvidenceEntry = (EventId, String, String, ArticleId);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub event_id: EventId,
    pub sentence: String,
    pub title: String,
    pub article_id: ArticleId,
    /// |intensity| × mentions: why this sentence was chosen.
    pub salience: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    pub subject: String,
    pub a: String,
    pub b: Option<String>,
    pub by: Period,
    pub window: Window,
    /// Alignments of the actor (or binding the dyad) during the window.
    pub alignments: Vec<String>,
    /// Net cooperation per period: all of the actor's ties, or the dyad both ways.
    pub timeline: Vec<(String, f64)>,
    pub dyad: Option<DyadTimeline>,
    pub dependence: Dependence,
    pub hedging: Hedging,
    pub exposure: Exposure,
    /// The ties drawn in the network picture.
    pub neighbourhood: Vec<Tie>,
    pub quotes: Vec<Quote>,
    #[serde(skip)]
    pub timeline_svg: String,
    #[serde(skip)]
    pub network_svg: String,
}

/// Composes the briefing on `a`, or on the dyad (`a`, `b`).
pub fn brief(
    ix: &[Interaction],
    a: &str,
    b: Option<&str>,
    by: Period,
    w: &Window,
    sanctioned: &SanctionedSet,
    evidence: &[EvidenceEntry],
) -> Briefing {
    let focal: Vec<&str> = std::iter::once(a).chain(b).collect();
    let subject = match b {
        Some(b) => format!("{a} – {b}"),
        None => a.to_string(),
    };
    // The measures are independent passes over the same interactions: half of them run on a
    // second thread, which halves a briefing's time on a million interactions.
    let (
        (dyad_t, timeline, dependence_r, hedging_r),
        (exposure_r, (others, neighbourhood), quotes),
    ) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            (
                exposure(ix, a, sanctioned, w),
                neighbourhood(ix, &focal, w),
                quotes(ix, &focal, w, evidence),
            )
        });
        let first = (
            b.map(|b| dyad(ix, a, b, by, w)),
            subject_timeline(ix, &focal, by, w),
            dependence(ix, a, w),
            hedging(ix, a, by, w),
        );
        (first, second.join().expect("a briefing measure panicked"))
    });
    let al = Alignments::builtin();
    let alignments = match b {
        Some(b) => al.labels_between_during(a, b, w.since, w.until),
        None => al.labels_of_during(a, w.since, w.until),
    };
    let timeline_svg = timeline_svg(
        &timeline,
        &format!("Net cooperation: {subject}"),
        "net cooperation (Σ intensity)",
    );
    let edges: Vec<(String, String, f64)> = neighbourhood
        .iter()
        .map(|t| (t.a.clone(), t.b.clone(), t.weight))
        .collect();
    let network_svg = network_svg(&focal, &others, &edges);
    Briefing {
        subject,
        a: a.to_string(),
        b: b.map(str::to_string),
        by,
        window: w.clone(),
        alignments,
        timeline,
        dyad: dyad_t,
        dependence: dependence_r,
        hedging: hedging_r,
        exposure: exposure_r,
        neighbourhood,
        quotes,
        timeline_svg,
        network_svg,
    }
}

/// Net cooperation per period of the subject: every tie of one actor, or the dyad both ways.
/// Periods without events between the first and the last are shown as zero, so that the
/// chart's horizontal axis is time.
fn subject_timeline(
    ix: &[Interaction],
    focal: &[&str],
    by: Period,
    w: &Window,
) -> Vec<(String, f64)> {
    let f = w.filter();
    let mut per: BTreeMap<i32, i64> = BTreeMap::new();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        let involved = match focal {
            [a] => (i.source == *a) != (t == *a),
            [a, b] => (i.source == *a && t == *b) || (i.source == *b && t == *a),
            _ => false,
        };
        if involved && f.admits(i) {
            *per.entry(by.key(i.date)).or_default() += milli(i.intensity);
        }
    }
    let (Some(&first), Some(&last)) = (per.keys().next(), per.keys().next_back()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|k| (by.label_of(k), unmilli(per.get(&k).copied().unwrap_or(0))))
        .collect()
}

/// The focal actors' strongest neighbours and every tie among them (weights as in
/// [`crate::network`]: Σ intensity over both directions). Two passes with no hashing: the shown set
/// is a dozen names, cheaper to scan than to hash a million times.
fn neighbourhood(ix: &[Interaction], focal: &[&str], w: &Window) -> (Vec<String>, Vec<Tie>) {
    let f = w.filter();
    let is_focal = |x: &str| focal.contains(&x);
    let mut strength: FastMap<&str, i64> = FastMap::default();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        let other = match (is_focal(&i.source), is_focal(t)) {
            (true, false) => t,
            (false, true) => i.source.as_str(),
            _ => continue,
        };
        if f.admits(i) {
            *strength.entry(other).or_default() += milli(i.intensity);
        }
    }
    // Rank by |net weight| with each focal actor (summed), then name.
    let mut ranked: Vec<(&str, i64)> = strength.into_iter().map(|(k, v)| (k, v.abs())).collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    ranked.truncate(NEIGHBOURS);
    let mut others: Vec<String> = ranked.iter().map(|r| r.0.to_string()).collect();
    others.sort();
    let shown: Vec<&str> = focal
        .iter()
        .copied()
        .chain(others.iter().map(String::as_str))
        .collect();
    let mut ties: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        if t != i.source && shown.contains(&i.source.as_str()) && shown.contains(&t) && f.admits(i)
        {
            *ties.entry(pair(&i.source, t)).or_default() += milli(i.intensity);
        }
    }
    let ties = ties
        .into_iter()
        .map(|((a, b), w)| Tie {
            a: a.to_string(),
            b: b.to_string(),
            weight: unmilli(w),
        })
        .collect();
    (others, ties)
}

/// The most salient events of the subject (|intensity| × mentions) that the caller could
/// quote, each once.
fn quotes(
    ix: &[Interaction],
    focal: &[&str],
    w: &Window,
    evidence: &[EvidenceEntry],
) -> Vec<Quote> {
    let known: FastMap<&EventId, &EvidenceEntry> = evidence.iter().map(|e| (&e.0, e)).collect();
    let f = w.filter();
    let mut top = TopEvents::new(QUOTES);
    for i in ix {
        let Some(t) = i.target.as_deref() else {
            continue;
        };
        let involved = match focal {
            [a] => i.source == *a || t == *a,
            [a, b] => (i.source == *a && t == *b) || (i.source == *b && t == *a),
            _ => false,
        };
        if involved && f.admits(i) && known.contains_key(&i.event_id) {
            top.push(i);
        }
    }
    top.refs()
        .into_iter()
        .filter_map(|r| {
            let e = known.get(&r.event_id)?;
            Some(Quote {
                event_id: r.event_id.clone(),
                sentence: e.1.clone(),
                title: e.2.clone(),
                article_id: e.3.clone(),
                salience: r.intensity.abs() * r.mentions.max(1) as f64,
            })
        })
        .collect()
}

impl Briefing {
    fn window_text(&self) -> String {
        let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
        format!("{} to {}", d(self.window.since), d(self.window.until))
    }

    fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(top) = self.dependence.suppliers.first() {
            lines.push(format!(
                "{} received material cooperation from {} supplier(s); the largest is {} ({:.0}%), HHI {}.",
                self.a,
                self.dependence.suppliers.len(),
                top.partner,
                top.share * 100.0,
                num(self.dependence.hhi)
            ));
        }
        if let (Some(o), Some(c)) = (&self.hedging.overall, self.hedging.toward()) {
            lines.push(format!(
                "From {} to {} its cooperation moved toward {} ({:+.0} points of share; JS divergence {}).",
                o.from,
                o.to,
                c.partner,
                c.delta * 100.0,
                num(o.js)
            ));
        }
        if self.hedging.hostile {
            lines.push("At least one of its ties turned hostile over the window.".to_string());
        }
        let exposed: Vec<&str> = self
            .exposure
            .first_order
            .iter()
            .map(|x| x.target.as_str())
            .collect();
        if !exposed.is_empty() {
            lines.push(format!(
                "It has material ties to sanctioned actors: {}.",
                exposed.join(", ")
            ));
        }
        lines
    }

    pub fn to_markdown(&self) -> String {
        let mut s = format!("# Briefing: {}\n\n", self.subject);
        s.push_str(&format!(
            "Window: {}, by {}.\n\n",
            self.window_text(),
            self.by
        ));
        if !self.alignments.is_empty() {
            s.push_str(&format!(
                "Standing alignments: {}.\n\n",
                self.alignments.join("; ")
            ));
        }
        for l in self.summary() {
            s.push_str(&format!("- {l}\n"));
        }
        s.push_str("\n## Net cooperation by period\n\n| period | net |\n|---|---:|\n");
        for (p, v) in &self.timeline {
            s.push_str(&format!("| {p} | {} |\n", num(*v)));
        }
        let block = |title: &str, body: String| format!("\n## {title}\n\n```text\n{body}```\n");
        if let Some(d) = &self.dyad {
            s.push_str(&block("Dyad", d.table()));
        }
        s.push_str(&block("Dependence", self.dependence.table()));
        s.push_str(&block("Hedging", self.hedging.table()));
        s.push_str(&block("Sanctions exposure", self.exposure.table()));
        s.push_str("\n## Neighbourhood\n\n| a | b | weight |\n|---|---|---:|\n");
        for t in &self.neighbourhood {
            s.push_str(&format!("| {} | {} | {} |\n", t.a, t.b, num(t.weight)));
        }
        if !self.quotes.is_empty() {
            s.push_str("\n## Key sentences\n\n");
            for q in &self.quotes {
                s.push_str(&format!(
                    "> {}\n>\n> — *{}* (`{}`, event `{}`)\n\n",
                    q.sentence.trim(),
                    q.title,
                    q.article_id,
                    q.event_id
                ));
            }
        }
        s
    }

    /// One self-contained page: inline CSS and SVG, no external resources.
    pub fn to_html(&self) -> String {
        let e = xml_escape;
        let mut s =
            String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.push_str(&format!("<title>Briefing: {}</title>\n", e(&self.subject)));
        s.push_str("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}pre{background:#f5f5f5;padding:.75rem;overflow-x:auto;font-size:.85rem}blockquote{border-left:4px solid #90a4ae;margin:1rem 0;padding:.25rem 1rem;color:#333}figure{margin:1rem 0}</style>\n</head>\n<body>\n");
        s.push_str(&format!("<h1>Briefing: {}</h1>\n", e(&self.subject)));
        s.push_str(&format!(
            "<p>Window: {}, by {}.</p>\n",
            e(&self.window_text()),
            self.by
        ));
        if !self.alignments.is_empty() {
            s.push_str(&format!(
                "<p>Standing alignments: {}.</p>\n",
                e(&self.alignments.join("; "))
            ));
        }
        s.push_str("<ul>\n");
        for l in self.summary() {
            s.push_str(&format!("<li>{}</li>\n", e(&l)));
        }
        s.push_str("</ul>\n<h2>Net cooperation by period</h2>\n<figure>\n");
        s.push_str(&self.timeline_svg);
        s.push_str("</figure>\n<h2>Neighbourhood</h2>\n<figure>\n");
        s.push_str(&self.network_svg);
        s.push_str("</figure>\n");
        let mut section = |title: &str, body: String| {
            s.push_str(&format!("<h2>{}</h2>\n<pre>{}</pre>\n", e(title), e(&body)));
        };
        if let Some(d) = &self.dyad {
            section("Dyad", d.table());
        }
        section("Dependence", self.dependence.table());
        section("Hedging", self.hedging.table());
        section("Sanctions exposure", self.exposure.table());
        if !self.quotes.is_empty() {
            s.push_str("<h2>Key sentences</h2>\n");
            for q in &self.quotes {
                s.push_str(&format!(
                    "<blockquote><p>{}</p><footer>— <cite>{}</cite> (<code>{}</code>, event <code>{}</code>)</footer></blockquote>\n",
                    e(q.sentence.trim()),
                    e(&q.title),
                    e(q.article_id.as_str()),
                    e(q.event_id.as_str())
                ));
            }
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}
