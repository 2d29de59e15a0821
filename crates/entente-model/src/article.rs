use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::{ArticleDate, ArticleId, ModelError, TextRange};

/// One article as the readers deliver it: metadata, the normalized body text, and the
/// boilerplate that was set apart from the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Hash of `text`, the normalized body.
    pub id: ArticleId,
    /// The input's own key: a record's `id`, else its url, else the file path (with
    /// `:LINE` for a record of a JSON Lines or CSV file).
    pub key: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<ArticleDate>,
    pub genre: Genre,
    /// ISO 639-3 code (`eng`), when the language could be told.
    pub language: Option<String>,
    /// The normalized body: paragraphs separated by one blank line (`"\n\n"`), whitespace
    /// inside a paragraph folded to single spaces, curly punctuation kept as it was.
    pub text: String,
    /// The body's paragraphs, in order, as ranges into `text`.
    pub paragraphs: Vec<Paragraph>,
    /// What is not body: captions, bylines, timestamps, section labels, disclaimers, bios.
    pub boilerplate: Vec<Boilerplate>,
    /// Problems met while reading that did not stop it (invalid UTF-8 replaced, ...).
    pub warnings: Vec<String>,
}

impl Article {
    /// Builds an article around a normalized body text; the id follows from the text.
    pub fn new(text: String, paragraphs: Vec<Paragraph>) -> Self {
        Article {
            id: ArticleId::from_text(&text),
            key: None,
            url: None,
            title: None,
            authors: Vec::new(),
            date: None,
            genre: Genre::Unknown,
            language: None,
            text,
            paragraphs,
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub range: TextRange,
}

/// A piece of the page that is not the body. Its text is kept apart, not in `Article::text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub text: String,
    /// A date the piece carries itself (a caption's "on June 19, 2024").
    pub date: Option<crate::EventDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// A repeated title line.
    Title,
    /// A photo caption, often with credits. Codes as a dated statement of its own.
    Caption,
    Byline,
    /// "Updated:", "0:00", "5 min read" and the like.
    Timestamp,
    /// "Commentary", "Opinion", "World News".
    SectionLabel,
    Disclaimer,
    AuthorBio,
    /// Share buttons, newsletter prompts, related links.
    Navigation,
}

impl BoilerplateKind {
    /// Whether events may be coded from this kind of boilerplate. Only captions: they report
    /// a scene; bios and disclaimers never describe the news.
    pub fn is_codable(self) -> bool {
        matches!(self, BoilerplateKind::Caption)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Title => "title",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Timestamp => "timestamp",
            BoilerplateKind::SectionLabel => "section_label",
            BoilerplateKind::Disclaimer => "disclaimer",
            BoilerplateKind::AuthorBio => "author_bio",
            BoilerplateKind::Navigation => "navigation",
        }
    }
}

/// What kind of writing an article is. Commentary and analysis forecast and argue; their
/// conjectures must not be coded as facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    News,
    Commentary,
    Analysis,
    #[default]
    Unknown,
}

impl Genre {
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Commentary => "commentary",
            Genre::Analysis => "analysis",
            Genre::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Genre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Genre {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "news" => Ok(Genre::News),
            "commentary" | "opinion" => Ok(Genre::Commentary),
            "analysis" => Ok(Genre::Analysis),
            "unknown" => Ok(Genre::Unknown),
            _ => Err(ModelError::Genre(s.to_string())),
        }
    }
}
