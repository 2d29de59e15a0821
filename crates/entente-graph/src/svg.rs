//! Hand-written SVG for the briefing: a timeline bar chart and a circle-layout network.

use std::fmt::Write;

use crate::export::xml_escape;
use crate::table::num;

const GREEN: &str = "#2e7d32";
const RED: &str = "#c62828";

/// A bar chart of `series` (label, value): bars up for positive, down for negative, a zero
/// line, y ticks at the extremes and zero, and both axes labelled.
pub fn timeline_svg(series: &[(String, f64)], title: &str, y_label: &str) -> String {
    let (w, h) = (720.0, 300.0);
    let (left, right, top, bottom) = (70.0, 20.0, 36.0, 70.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let max = series.iter().map(|s| s.1).fold(0.0f64, f64::max);
    let min = series.iter().map(|s| s.1).fold(0.0f64, f64::min);
    let (max, min) = if max == min { (1.0, 0.0) } else { (max, min) };
    let y = |v: f64| top + plot_h * (max - v) / (max - min);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"11\">"
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{}</text>",
        w / 2.0,
        xml_escape(title)
    );
    // Axes.
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{}\" stroke=\"#333\"/>",
        top + plot_h
    );
    let zero = y(0.0);
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{zero:.1}\" x2=\"{}\" y2=\"{zero:.1}\" stroke=\"#333\"/>",
        left + plot_w
    );
    let mut ticks = vec![max, 0.0, min];
    ticks.dedup();
    for v in ticks {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y(v) + 4.0,
            num(v)
        );
    }
    let _ = writeln!(
        s,
        "<text transform=\"translate(16,{:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        top + plot_h / 2.0,
        xml_escape(y_label)
    );
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">period</text>",
        left + plot_w / 2.0,
        h - 8.0
    );
    let n = series.len().max(1) as f64;
    let slot = plot_w / n;
    let bar = (slot * 0.7).max(1.0);
    // Label at most ~16 periods so that they stay readable.
    let every = (series.len() / 16).max(1);
    for (k, (label, v)) in series.iter().enumerate() {
        let x = left + slot * k as f64 + (slot - bar) / 2.0;
        let (y0, y1) = if *v >= 0.0 {
            (y(*v), zero)
        } else {
            (zero, y(*v))
        };
        let color = if *v >= 0.0 { GREEN } else { RED };
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y0:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{color}\"><title>{}: {}</title></rect>",
            (y1 - y0).max(0.5),
            xml_escape(label),
            num(*v)
        );
        if k % every == 0 {
            let cx = x + bar / 2.0;
            let cy = top + plot_h + 14.0;
            let _ = writeln!(
                s,
                "<text transform=\"translate({cx:.1},{cy:.1}) rotate(-45)\" text-anchor=\"end\">{}</text>",
                xml_escape(label)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// A network picture: the focal actors in the middle, the others on a circle in name order;
/// edges green when cooperative, red when hostile, wider when heavier.
pub fn network_svg(focal: &[&str], others: &[String], edges: &[(String, String, f64)]) -> String {
    let (w, h) = (520.0, 520.0);
    let (cx, cy, r) = (w / 2.0, h / 2.0, 200.0);
    let mut pos: Vec<(String, f64, f64)> = Vec::new();
    match focal {
        [one] => pos.push((one.to_string(), cx, cy)),
        many => {
            for (k, f) in many.iter().enumerate() {
                let off = (k as f64 - (many.len() as f64 - 1.0) / 2.0) * 90.0;
                pos.push((f.to_string(), cx + off, cy));
            }
        }
    }
    let n = others.len().max(1) as f64;
    for (k, o) in others.iter().enumerate() {
        let t = std::f64::consts::TAU * k as f64 / n - std::f64::consts::FRAC_PI_2;
        pos.push((o.clone(), cx + r * t.cos(), cy + r * t.sin()));
    }
    let at = |id: &str| pos.iter().find(|p| p.0 == id).map(|p| (p.1, p.2));
    let max = edges
        .iter()
        .map(|e| e.2.abs())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    for (a, b, wt) in edges {
        let (Some((x1, y1)), Some((x2, y2))) = (at(a), at(b)) else {
            continue;
        };
        let color = if *wt >= 0.0 { GREEN } else { RED };
        let _ = writeln!(
            s,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{color}\" stroke-opacity=\"0.8\" stroke-width=\"{:.2}\"><title>{}–{}: {}</title></line>",
            1.0 + 7.0 * wt.abs() / max,
            xml_escape(a),
            xml_escape(b),
            num(*wt)
        );
    }
    for (k, (id, x, y)) in pos.iter().enumerate() {
        let fill = if k < focal.len() {
            "#1a237e"
        } else {
            "#607d8b"
        };
        let _ = writeln!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"16\" fill=\"{fill}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"10\">{}</text>",
            y + 3.5,
            xml_escape(id)
        );
    }
    s.push_str("</svg>\n");
    s
}
