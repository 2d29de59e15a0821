use serde::{Deserialize, Serialize};

use crate::{Article, TextRange};

/// An article split into sentences and tokens: the input of the event coder.
///
/// Sentences come from the body and from the codable boilerplate (captions). A sentence's
/// ranges point into the text of its [`Section`]: the body's normalized text, or one
/// boilerplate piece's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// Where a sentence's text lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "index")]
pub enum Section {
    Body,
    /// `Article::boilerplate[i]`, a caption.
    Boilerplate(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub section: Section,
    pub range: TextRange,
    /// Indexes into `Doc::tokens`, half-open.
    pub token_start: u32,
    pub token_end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Into the text of the token's sentence's section.
    pub range: TextRange,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods of abbreviations ("U.S.").
    Word,
    /// Digits with their inner separators ("11,000", "3.5").
    Number,
    Punct,
    /// Anything else: currency signs, emoji.
    Symbol,
}

impl Doc {
    /// The text a section's ranges point into.
    pub fn section_text(&self, section: Section) -> &str {
        match section {
            Section::Body => &self.article.text,
            Section::Boilerplate(i) => &self.article.boilerplate[i as usize].text,
        }
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        sentence.range.slice(self.section_text(sentence.section))
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.token_start as usize..sentence.token_end as usize]
    }

    pub fn token_text(&self, sentence: &Sentence, token: &Token) -> &str {
        token.range.slice(self.section_text(sentence.section))
    }
}
