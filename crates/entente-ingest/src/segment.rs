//! From an [`Article`] to a [`Doc`]: sentences and tokens of the body, then of each caption.

use entente_model::{Article, Doc, Section, Sentence, TextRange};

use crate::sentences;
use crate::tokens::tokenize;

/// Splits the body's paragraphs, and every codable boilerplate piece (captions), into
/// sentences and tokens. Body sentences come first, then each caption's, in order.
pub fn segment(article: Article) -> Doc {
    let mut sentences_out = Vec::new();
    let mut tokens = Vec::with_capacity(article.text.len() / 5);
    for p in &article.paragraphs {
        add(
            &article.text,
            p.range,
            Section::Body,
            &mut sentences_out,
            &mut tokens,
        );
    }
    for (i, b) in article.boilerplate.iter().enumerate() {
        if b.kind.is_codable() {
            let section = Section::Boilerplate(u32::try_from(i).expect("fewer than 2^32 pieces"));
            add(
                &b.text,
                TextRange::new(0, b.text.len()),
                section,
                &mut sentences_out,
                &mut tokens,
            );
        }
    }
    Doc {
        article,
        sentences: sentences_out,
        tokens,
    }
}

fn add(
    text: &str,
    range: TextRange,
    section: Section,
    sentences_out: &mut Vec<Sentence>,
    tokens: &mut Vec<entente_model::Token>,
) {
    for r in sentences::split(text, range) {
        let token_start = tokens.len() as u32;
        tokenize(text, r, tokens);
        sentences_out.push(Sentence {
            section,
            range: r,
            token_start,
            token_end: tokens.len() as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_model::{Boilerplate, BoilerplateKind};

    #[test]
    fn body_then_captions() {
        let (text, paragraphs) =
            crate::normalize::join_paragraphs(&["One here. Two there.", "Three"]);
        let mut a = Article::new(text, paragraphs);
        a.boilerplate.push(Boilerplate {
            kind: BoilerplateKind::AuthorBio,
            text: "X is a writer.".into(),
            date: None,
        });
        a.boilerplate.push(Boilerplate {
            kind: BoilerplateKind::Caption,
            text: "Ministers meet. Photo: AFP".into(),
            date: None,
        });
        let doc = segment(a);
        let got: Vec<(Section, &str)> = doc
            .sentences
            .iter()
            .map(|s| (s.section, doc.sentence_text(s)))
            .collect();
        assert_eq!(
            got,
            vec![
                (Section::Body, "One here."),
                (Section::Body, "Two there."),
                (Section::Body, "Three"),
                (Section::Boilerplate(1), "Ministers meet."),
                (Section::Boilerplate(1), "Photo: AFP"),
            ]
        );
        let last = doc.sentences.last().unwrap();
        let toks: Vec<&str> = doc
            .sentence_tokens(last)
            .iter()
            .map(|t| doc.token_text(last, t))
            .collect();
        assert_eq!(toks, vec!["Photo", ":", "AFP"]);
    }
}
