//! A [`Network`] written out for other tools: GraphML, GEXF (Gephi), DOT (Graphviz) and a
//! flat edge list for CSV. JSON is the network's own `Serialize`.

use serde::Serialize;
use std::fmt::Write;

use crate::table::num;
use crate::Network;

pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// GraphML with typed attributes: weight, the four quad counts, events and alignments on
/// edges; event count and degree on nodes.
pub fn to_graphml(net: &Network) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    let keys = [
        ("events_n", "node", "events", "int"),
        ("degree", "node", "degree", "int"),
        ("weight", "edge", "weight", "double"),
        ("q1", "edge", "verbal_cooperation", "int"),
        ("q2", "edge", "material_cooperation", "int"),
        ("q3", "edge", "verbal_conflict", "int"),
        ("q4", "edge", "material_conflict", "int"),
        ("events_e", "edge", "events", "int"),
        ("alignments", "edge", "alignments", "string"),
    ];
    for (id, on, name, ty) in keys {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"entente\" edgedefault=\"undirected\">\n");
    for n in &net.nodes {
        let _ = writeln!(
            s,
            "    <node id=\"{}\"><data key=\"events_n\">{}</data><data key=\"degree\">{}</data></node>",
            xml_escape(&n.id),
            n.events,
            n.degree
        );
    }
    for (k, e) in net.edges.iter().enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"q1\">{}</data><data key=\"q2\">{}</data><data key=\"q3\">{}</data><data key=\"q4\">{}</data><data key=\"events_e\">{}</data><data key=\"alignments\">{}</data></edge>",
            xml_escape(&e.a),
            xml_escape(&e.b),
            num(e.weight),
            e.quads[0],
            e.quads[1],
            e.quads[2],
            e.quads[3],
            e.events,
            xml_escape(&e.alignments.join("; "))
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// GEXF 1.3 for Gephi. Gephi wants positive weights for layout, so `weight` is |w| and the
/// signed value is the `signed_weight` attribute.
pub fn to_gexf(net: &Network) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    s.push_str("  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");
    s.push_str("    <attributes class=\"node\">\n      <attribute id=\"0\" title=\"events\" type=\"integer\"/>\n    </attributes>\n");
    s.push_str("    <attributes class=\"edge\">\n");
    for (k, (title, ty)) in [
        ("signed_weight", "double"),
        ("verbal_cooperation", "integer"),
        ("material_cooperation", "integer"),
        ("verbal_conflict", "integer"),
        ("material_conflict", "integer"),
        ("events", "integer"),
        ("alignments", "string"),
    ]
    .iter()
    .enumerate()
    {
        let _ = writeln!(
            s,
            "      <attribute id=\"{k}\" title=\"{title}\" type=\"{ty}\"/>"
        );
    }
    s.push_str("    </attributes>\n    <nodes>\n");
    for n in &net.nodes {
        let id = xml_escape(&n.id);
        let _ = writeln!(
            s,
            "      <node id=\"{id}\" label=\"{id}\"><attvalues><attvalue for=\"0\" value=\"{}\"/></attvalues></node>",
            n.events
        );
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (k, e) in net.edges.iter().enumerate() {
        let values = [
            num(e.weight),
            e.quads[0].to_string(),
            e.quads[1].to_string(),
            e.quads[2].to_string(),
            e.quads[3].to_string(),
            e.events.to_string(),
            e.alignments.join("; "),
        ];
        let mut att = String::new();
        for (j, v) in values.iter().enumerate() {
            let _ = write!(att, "<attvalue for=\"{j}\" value=\"{}\"/>", xml_escape(v));
        }
        let _ = writeln!(
            s,
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>{att}</attvalues></edge>",
            xml_escape(&e.a),
            xml_escape(&e.b),
            num(e.weight.abs())
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

/// DOT for Graphviz: green cooperative ties, red hostile ones, pen width by |weight|.
pub fn to_dot(net: &Network) -> String {
    let max = net
        .edges
        .iter()
        .map(|e| e.weight.abs())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let mut s = String::from("graph entente {\n  node [shape=ellipse];\n");
    for n in &net.nodes {
        let _ = writeln!(s, "  \"{}\";", dot_escape(&n.id));
    }
    for e in &net.edges {
        let color = if e.weight >= 0.0 { "darkgreen" } else { "red3" };
        let width = 0.5 + 4.5 * e.weight.abs() / max;
        let _ = writeln!(
            s,
            "  \"{}\" -- \"{}\" [weight={}, label=\"{}\", color={color}, penwidth={:.2}];",
            dot_escape(&e.a),
            dot_escape(&e.b),
            num(e.weight.abs()),
            num(e.weight),
            width
        );
    }
    s.push_str("}\n");
    s
}

/// One row of the CSV edge list (write it with `csv::Writer::serialize`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeRow {
    pub source: String,
    pub target: String,
    pub weight: f64,
    pub verbal_cooperation: u32,
    pub material_cooperation: u32,
    pub verbal_conflict: u32,
    pub material_conflict: u32,
    pub events: u32,
    pub mentions: u64,
    /// `;`-separated.
    pub alignments: String,
}

pub fn edge_rows(net: &Network) -> Vec<EdgeRow> {
    net.edges
        .iter()
        .map(|e| EdgeRow {
            source: e.a.clone(),
            target: e.b.clone(),
            weight: e.weight,
            verbal_cooperation: e.quads[0],
            material_cooperation: e.quads[1],
            verbal_conflict: e.quads[2],
            material_conflict: e.quads[3],
            events: e.events,
            mentions: e.mentions,
            alignments: e.alignments.join(";"),
        })
        .collect()
}
