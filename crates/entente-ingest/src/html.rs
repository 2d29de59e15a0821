//! The HTML reader: main content by Readability (`dom_smoothie`), with a fallback walk of
//! `<article>`/`<main>`/`<body>` that skips navigation, ads and scripts; metadata from
//! `<title>`, `<meta>` and JSON-LD; `<figcaption>`s as captions.

use entente_model::{Boilerplate, BoilerplateKind, DateBasis, EventDate, Genre};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::assemble::Parts;
use crate::dates::{first_prose_date, parse_metadata_date};
use crate::normalize::normalize;
use crate::text::parse_lines;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "header", "form",
    "button", "svg", "iframe", "select", "textarea", "head", "menu", "dialog", "object", "video",
    "audio", "canvas",
];

/// Elements that start and end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "br",
    "hr",
    "address",
    "body",
    "center",
];

/// class/id words that mark page furniture.
const JUNK_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "cookies",
    "comments",
    "comment",
    "sidebar",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "banner",
    "sponsored",
    "outbrain",
    "taboola",
    "recommended",
    "trending",
];

fn is_junk(e: &scraper::node::Element) -> bool {
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") || e.attr("hidden").is_some() {
        return true;
    }
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| JUNK_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        })
}

#[derive(Default)]
struct Walk {
    blocks: Vec<String>,
    captions: Vec<String>,
    buf: String,
}

impl Walk {
    fn flush(&mut self) {
        let t = normalize(&self.buf);
        self.buf.clear();
        if !t.is_empty() {
            self.blocks.push(t);
        }
    }

    /// Walks the children of `el` in document order. The walk keeps its own stack, not the
    /// call stack: a page nested ten thousand elements deep is read like any other.
    fn node(&mut self, el: ElementRef<'_>) {
        enum Step<'a> {
            Enter(ego_tree::NodeRef<'a, Node>),
            /// The end of a block element: its text is a paragraph of its own.
            Close,
        }
        let mut stack: Vec<Step<'_>> = el.children().rev().map(Step::Enter).collect();
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Close => {
                    self.flush();
                    continue;
                }
                Step::Enter(node) => node,
            };
            match node.value() {
                Node::Text(t) => self.buf.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) || is_junk(e) {
                        continue;
                    }
                    let Some(child) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if name == "figcaption" {
                        let mut inner = Walk::default();
                        inner.node(child);
                        inner.flush();
                        let text = inner.blocks.join(" ");
                        if !text.is_empty() {
                            self.captions.push(text);
                        }
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    if block {
                        self.flush();
                        stack.push(Step::Close);
                    }
                    stack.extend(node.children().rev().map(Step::Enter));
                }
                _ => {}
            }
        }
    }
}

/// Beyond these a page is read by the plain walk alone: Readability's scoring recurses over
/// the tree and takes time that grows with the square of its depth.
const READABILITY_MAX_DEPTH: usize = 256;
const READABILITY_MAX_ELEMENTS: usize = 50_000;

/// Whether the parsed page is small and shallow enough for Readability.
fn readable_shape(doc: &Html) -> bool {
    let mut elements = 0usize;
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) if n.value().is_element() => {
                elements += 1;
                depth += 1;
                if depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS {
                    return false;
                }
            }
            ego_tree::iter::Edge::Close(n) if n.value().is_element() => depth -= 1,
            _ => {}
        }
    }
    true
}

/// What the page says about itself, before any content is read.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    url: Option<String>,
    date: Option<chrono::NaiveDate>,
    authors: Vec<String>,
    genre: Genre,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector is valid")
}

fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    let metas = sel("meta");
    for key in keys {
        for m in doc.select(&metas) {
            let e = m.value();
            let name = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
            if name.is_some_and(|n| n.eq_ignore_ascii_case(key)) {
                if let Some(c) = e.attr("content").map(normalize).filter(|c| !c.is_empty()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// "Headline | Site Name" -> "Headline": `<title>` usually carries the site's name after a bar.
fn strip_site_name(title: &str) -> String {
    match title.rsplit_once(" | ") {
        Some((head, site)) if site.split_whitespace().count() <= 5 && !head.is_empty() => {
            head.trim().to_string()
        }
        _ => title.to_string(),
    }
}

fn genre_of_words(s: &str) -> Genre {
    let l = s.to_lowercase();
    if [
        "opinion",
        "commentary",
        "op-ed",
        "editorial",
        "perspective",
        "column",
    ]
    .iter()
    .any(|w| l.contains(w))
    {
        Genre::Commentary
    } else if l.contains("analysis") {
        Genre::Analysis
    } else if l.contains("news") {
        Genre::News
    } else {
        Genre::Unknown
    }
}

fn read_meta(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    // JSON-LD first: it is the most deliberate statement a page makes about itself.
    let ld = sel(r#"script[type="application/ld+json"]"#);
    for script in doc.select(&ld) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            if let Some(article) = find_ld_article(&v) {
                apply_ld(article, &mut meta);
                break;
            }
        }
    }
    if meta.title.is_none() {
        meta.title = meta_content(doc, &["og:title", "twitter:title"]).or_else(|| {
            doc.select(&sel("title"))
                .next()
                .map(|t| strip_site_name(&normalize(&t.text().collect::<String>())))
                .filter(|t| !t.is_empty())
        });
    }
    if meta.url.is_none() {
        meta.url = meta_content(doc, &["og:url"]).or_else(|| {
            doc.select(&sel(r#"link[rel="canonical"]"#))
                .next()
                .and_then(|l| l.value().attr("href"))
                .map(str::to_string)
        });
    }
    if meta.date.is_none() {
        meta.date = meta_content(
            doc,
            &[
                "article:published_time",
                "datePublished",
                "pubdate",
                "date",
                "dc.date",
                "dcterms.created",
            ],
        )
        .and_then(|d| parse_metadata_date(&d));
    }
    if meta.authors.is_empty() {
        meta.authors = meta_content(doc, &["author", "article:author"])
            .filter(|a| !a.starts_with("http"))
            .map(|a| {
                a.split([';', ','])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
    }
    if meta.genre == Genre::Unknown {
        if let Some(section) = meta_content(doc, &["article:section"]) {
            meta.genre = genre_of_words(&section);
        }
    }
    meta
}

const LD_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Report",
];

fn ld_types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn find_ld_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_ld_article),
        Value::Object(o) => {
            if ld_types(v).iter().any(|t| LD_TYPES.contains(t)) {
                return Some(v);
            }
            o.get("@graph").and_then(find_ld_article)
        }
        _ => None,
    }
}

fn ld_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(normalize(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| ld_string(Some(x))),
        Value::Object(o) => ld_string(o.get("name").or(o.get("@id"))),
        _ => None,
    }
}

fn apply_ld(a: &Value, meta: &mut Meta) {
    meta.title = ld_string(a.get("headline")).or_else(|| ld_string(a.get("name")));
    meta.date = ld_string(a.get("datePublished")).and_then(|d| parse_metadata_date(&d));
    meta.url = ld_string(a.get("url")).or_else(|| ld_string(a.get("mainEntityOfPage")));
    meta.authors = match a.get("author") {
        Some(Value::Array(items)) => items.iter().filter_map(|i| ld_string(Some(i))).collect(),
        Some(one) => ld_string(Some(one)).into_iter().collect(),
        None => Vec::new(),
    };
    let types = ld_types(a);
    meta.genre = if types.contains(&"OpinionNewsArticle") {
        Genre::Commentary
    } else if types.contains(&"AnalysisNewsArticle") || types.contains(&"BackgroundNewsArticle") {
        Genre::Analysis
    } else {
        let section = ld_string(a.get("articleSection"))
            .map(|s| genre_of_words(&s))
            .unwrap_or_default();
        if section != Genre::Unknown {
            section
        } else if types.contains(&"NewsArticle") || types.contains(&"ReportageNewsArticle") {
            Genre::News
        } else {
            Genre::Unknown
        }
    };
}

/// Readability's pick of the main content, as blocks of text; `None` when it finds none.
fn readability_blocks(html: &str) -> Option<(Vec<String>, Vec<String>)> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: READABILITY_MAX_ELEMENTS,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let content = Html::parse_fragment(&article.content);
    let mut walk = Walk::default();
    walk.node(content.root_element());
    walk.flush();
    (!walk.blocks.is_empty()).then_some((walk.blocks, walk.captions))
}

/// The fallback: the first `<article>`, else `<main>`, else `<body>`, minus furniture.
fn walked_blocks(doc: &Html) -> (Vec<String>, Vec<String>) {
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| doc.select(&sel(s)).next());
    let mut walk = Walk::default();
    match root {
        Some(r) => walk.node(r),
        None => walk.node(doc.root_element()),
    }
    walk.flush();
    (walk.blocks, walk.captions)
}

/// Figcaptions of the page proper (not of a related-stories box).
fn page_captions(doc: &Html) -> Vec<String> {
    doc.select(&sel("figcaption"))
        .filter(|fc| {
            !fc.ancestors().filter_map(ElementRef::wrap).any(|a| {
                let e = a.value();
                SKIP.contains(&e.name()) || is_junk(e)
            })
        })
        .map(|fc| {
            // The same walk as the content's, so that both spell a caption alike.
            let mut walk = Walk::default();
            walk.node(fc);
            walk.flush();
            walk.blocks.join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

pub(crate) fn parse_html(html: &str) -> Parts {
    let doc = Html::parse_document(html);
    let meta = read_meta(&doc);
    let readable = readable_shape(&doc);
    let (mut blocks, mut captions) = readable
        .then(|| readability_blocks(html))
        .flatten()
        .unwrap_or_else(|| walked_blocks(&doc));
    // Readability may drop figures; the page's own figcaptions are the reference.
    for c in page_captions(&doc) {
        if !captions.contains(&c) {
            captions.push(c);
        }
    }
    // A caption's text must not also be body.
    blocks.retain(|b| !captions.contains(b));

    let mut parts = parse_lines(&blocks, meta.title.as_deref());
    let caption_boilerplate = captions.into_iter().map(|text| Boilerplate {
        kind: BoilerplateKind::Caption,
        date: first_prose_date(&text).map(|d| EventDate::day(d, DateBasis::Text)),
        text,
    });
    // Captions first, in page order: the same place a text page has them.
    parts.boilerplate = caption_boilerplate.chain(parts.boilerplate).collect();
    parts.url = meta.url;
    parts.date_metadata = meta.date;
    if !meta.authors.is_empty() {
        parts.authors = meta.authors;
    }
    if meta.genre != Genre::Unknown {
        parts.genre = meta.genre;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_thousands_deep_is_read_by_the_plain_walk() {
        // 9,400 nested spans overflowed a recursive walk; 20,000 nested divs took Readability
        // minutes. Both are read, by the walk with its own stack.
        let spans = format!(
            "<html><body><p>Russia attacked Ukraine.</p>{}Iran supplied drones.{}</body></html>",
            "<span>".repeat(9_400),
            "</span>".repeat(9_400)
        );
        let divs = format!(
            "<html><body>{}<p>China sanctioned the United States.</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(!readable_shape(&Html::parse_document(&spans)));
        let text = parse_html(&spans).paragraphs.join(" ");
        assert!(text.contains("Iran supplied drones."), "{text}");
        let text = parse_html(&divs).paragraphs.join(" ");
        assert!(
            text.contains("China sanctioned the United States."),
            "{text}"
        );
        // An ordinary page still goes through Readability.
        assert!(readable_shape(&Html::parse_document(
            "<html><body><article><p>Text.</p></article></body></html>"
        )));
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for html in [
            "<p>Un<b>closed",
            "<<<>>>",
            "</div></p><html><body><p>x",
            "<script>alert(1)",
        ] {
            let _ = parse_html(html);
        }
    }

    #[test]
    fn fallback_walk_drops_furniture() {
        let doc = Html::parse_document(
            "<html><body><nav>Home | World</nav><div class='ad-slot'>Buy now</div><article><h1>Talks</h1><p>The envoy <b>arrived</b> today.</p><script>x()</script><figure><img><figcaption>The envoy <b>lan</b>ds. Photo: AFP</figcaption></figure><p>Talks begin.</p></article><footer>(c) Site</footer></body></html>",
        );
        let (blocks, captions) = walked_blocks(&doc);
        assert_eq!(
            blocks,
            vec!["Talks", "The envoy arrived today.", "Talks begin."]
        );
        assert_eq!(captions, vec!["The envoy lands. Photo: AFP"]);
    }

    #[test]
    fn json_ld_metadata() {
        let doc = Html::parse_document(
            r#"<html><head><title>Site title</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"OpinionNewsArticle","headline":"A Pact Tested","datePublished":"2024-05-02T08:00:00+02:00","author":[{"@type":"Person","name":"Lena Park"},{"name":"Omar Haddad"}]}]}</script></head><body></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("A Pact Tested"));
        assert_eq!(m.date, chrono::NaiveDate::from_ymd_opt(2024, 5, 2));
        assert_eq!(m.authors, vec!["Lena Park", "Omar Haddad"]);
        assert_eq!(m.genre, Genre::Commentary);
    }

    #[test]
    fn title_tag_loses_the_site_name() {
        let doc = Html::parse_document(
            "<html><head><title>Envoys Meet | The Daily Ledger</title></head></html>",
        );
        assert_eq!(read_meta(&doc).title.as_deref(), Some("Envoys Meet"));
    }

    #[test]
    fn meta_tags_when_no_json_ld() {
        let doc = Html::parse_document(
            r#"<html><head><title>T</title><meta property="og:title" content="OG T"><meta property="article:published_time" content="2023-11-30"><meta name="author" content="Jane Doe"><meta property="article:section" content="Analysis"><link rel="canonical" href="https://x.test/a"></head></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("OG T"));
        assert_eq!(m.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(m.authors, vec!["Jane Doe"]);
        assert_eq!(m.genre, Genre::Analysis);
        assert_eq!(m.date, chrono::NaiveDate::from_ymd_opt(2023, 11, 30));
    }
}
#[cfg(test)]
mod readability_tests {
    /// Readability, not the fallback, picks the fixture's content: the related links, share
    /// buttons, sidebar and footer are gone, the figcaption is a caption.
    #[test]
    fn readability_keeps_the_story_only() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sanctions.html");
        let html = std::fs::read_to_string(path).unwrap();
        let (blocks, captions) =
            super::readability_blocks(&html).expect("readability finds content");
        assert_eq!(blocks.len(), 4);
        assert!(blocks[1].starts_with("BRUSSELS — European Union"));
        let all = blocks.join("\n");
        for gone in [
            "Drone exports rise",
            "Share",
            "Most read",
            "All rights reserved",
            "Lisbon",
        ] {
            assert!(!all.contains(gone), "{gone}");
        }
        assert_eq!(captions.len(), 1);
    }
}
