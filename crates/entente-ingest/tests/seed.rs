//! The seed article, read from `../shared/seed/` (outside the repository; its text never
//! enters it). Asserts the page's structure, not its words.

use std::path::{Path, PathBuf};

use entente_ingest::{discover, read_input, segment, ReadOptions};
use entente_model::{BoilerplateKind, DatePrecision, Genre, Section};

fn seed_path() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/behind-the-russia-north-korea-alliance.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipped: the shared seed folder is missing ({})",
            p.display()
        );
        None
    }
}

#[test]
fn seed_structure() {
    let Some(path) = seed_path() else { return };
    // The page's byline is its fifth line (title, a blank, the title again, the caption, then
    // the name): the author is compared with what the file says there, so that no name of the
    // seed is written into the repository.
    let raw = std::fs::read_to_string(&path).unwrap();
    let byline = raw.lines().nth(4).unwrap().trim().to_string();
    assert!(
        byline.split_whitespace().count() >= 2,
        "not a name: {byline:?}"
    );
    let inputs = discover(&[path]);
    let input = inputs[0].as_ref().unwrap();
    let articles: Vec<_> = read_input(input, &ReadOptions::default()).collect();
    assert_eq!(articles.len(), 1);
    let a = articles.into_iter().next().unwrap().unwrap();

    assert_eq!(
        a.title.as_deref(),
        Some("Behind the Russia–North Korea Alliance")
    );
    assert_eq!(a.authors, vec![byline]);
    assert_eq!(a.genre, Genre::Commentary);
    assert_eq!(a.language.as_deref(), Some("eng"));
    assert!(
        a.text.starts_with("North Korea’s test-firing"),
        "{}",
        &a.text[..60]
    );

    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    for k in [
        BoilerplateKind::Title,
        BoilerplateKind::Caption,
        BoilerplateKind::Byline,
        BoilerplateKind::Timestamp,
        BoilerplateKind::SectionLabel,
        BoilerplateKind::Disclaimer,
        BoilerplateKind::AuthorBio,
    ] {
        assert!(kinds.contains(&k), "no {k:?} in {kinds:?}");
    }
    let caption = a
        .boilerplate
        .iter()
        .find(|b| b.kind == BoilerplateKind::Caption)
        .unwrap();
    let date = caption.date.as_ref().expect("the caption carries its date");
    assert_eq!(date.value, "2024-06-19");
    assert_eq!(date.precision, DatePrecision::Day);

    // Nothing of the disclaimer or bio leaks into the body.
    for b in &a.boilerplate {
        if matches!(
            b.kind,
            BoilerplateKind::Disclaimer | BoilerplateKind::AuthorBio
        ) {
            assert!(!a.text.contains(&b.text), "{:?} is in the body", b.kind);
        }
    }
    assert!(!a.text.contains("Views expressed"));
    assert!(!a.text.contains("is a China economic analyst"));
    assert!(a.text.ends_with('.'));
    // Every paragraph of the page body is there, and every range is exact.
    assert!(a.paragraphs.len() >= 8, "{} paragraphs", a.paragraphs.len());
    for p in &a.paragraphs {
        let t = p.range.slice(&a.text);
        assert_eq!(t, t.trim());
        assert!(!t.contains('\n'));
    }

    let doc = segment(a);
    let caption_sentences = doc
        .sentences
        .iter()
        .filter(|s| matches!(s.section, Section::Boilerplate(_)))
        .count();
    assert!(caption_sentences >= 1, "the caption is segmented too");
    // "The U.S. State Department" stays in one sentence.
    assert!(doc.sentences.iter().any(|s| doc
        .sentence_text(s)
        .contains("The U.S. State Department anticipates")));
}
