//! Property tests: for any text, sentence and token ranges are exact, ordered and nested,
//! and reading and segmenting are deterministic.

use entente_ingest::{read_str, segment, Format, ReadOptions};
use entente_model::{Article, ArticleId, Doc, Section};
use proptest::prelude::*;

/// Pieces of real-looking prose, mixed with arbitrary text, to reach the splitter's corners.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("J.".to_string()),
        Just("3.5".to_string()),
        Just("11,000".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(".”".to_string()),
        Just("Korea’s".to_string()),
        Just("“Quote,”".to_string()),
        Just("—".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("?!".to_string()),
        Just("'s".to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{0,6}",
        "[ \t.,;:!?'\"()-]{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn check_doc(doc: &Doc) -> Result<(), TestCaseError> {
    let mut last: Option<(Section, u32)> = None;
    for s in &doc.sentences {
        let text = doc.section_text(s.section);
        prop_assert!(s.range.end() <= text.len());
        prop_assert!(
            text.is_char_boundary(s.range.start()) && text.is_char_boundary(s.range.end())
        );
        prop_assert!(!s.range.is_empty());
        if let Some((section, end)) = last {
            if section == s.section {
                prop_assert!(s.range.start >= end, "sentences overlap or go back");
            }
        }
        last = Some((s.section, s.range.end));
        prop_assert!(s.token_start <= s.token_end);
        let mut tok_end = s.range.start;
        for t in doc.sentence_tokens(s) {
            prop_assert!(s.range.contains(t.range), "token outside its sentence");
            prop_assert!(!t.range.is_empty());
            prop_assert!(t.range.start >= tok_end, "tokens overlap or go back");
            prop_assert!(
                text.is_char_boundary(t.range.start()) && text.is_char_boundary(t.range.end())
            );
            prop_assert!(!t.range.slice(text).contains(char::is_whitespace));
            tok_end = t.range.end;
        }
    }
    // Every token belongs to exactly one sentence, in order.
    let mut next = 0;
    for s in &doc.sentences {
        prop_assert_eq!(s.token_start, next);
        next = s.token_end;
    }
    prop_assert_eq!(next as usize, doc.tokens.len());
    Ok(())
}

fn read_one(text: &str, format: Format) -> Option<Article> {
    read_str(text, format, "prop.txt", &ReadOptions::default())
        .next()?
        .ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn text_pages_segment_exactly(text in texty()) {
        if let Some(article) = read_one(&text, Format::Text) {
            prop_assert_eq!(&article.id, &ArticleId::from_text(&article.text));
            for p in &article.paragraphs {
                prop_assert!(!p.range.slice(&article.text).contains('\n'));
            }
            let again = read_one(&text, Format::Text).unwrap();
            prop_assert_eq!(&again, &article, "reading is deterministic");
            let doc = segment(article.clone());
            check_doc(&doc)?;
            prop_assert_eq!(&segment(article), &doc, "segmenting is deterministic");
            // The body text is already normalized: reading it again as a record keeps it.
            if !doc.article.text.is_empty() {
                let record = serde_json::json!({ "text": doc.article.text }).to_string();
                let re = read_one(&record, Format::JsonLines).unwrap();
                prop_assert_eq!(&re.text, &doc.article.text);
                prop_assert_eq!(&re.id, &doc.article.id, "the id is stable");
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        for format in [Format::Text, Format::Html, Format::JsonLines, Format::Csv] {
            for a in read_str(&text, format, "prop", &ReadOptions::default()).flatten() {
                check_doc(&segment(a))?;
            }
        }
    }
}
