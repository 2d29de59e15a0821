//! The last step of every reader: from the pieces a reader found to an [`Article`].

use chrono::NaiveDate;
use entente_model::{Article, ArticleDate, Boilerplate, DateBasis, Genre};

use crate::dates::latest_prose_date;
use crate::normalize::{join_paragraphs, normalize};
use crate::ReadOptions;

/// What a reader found in one input, before normalization.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub key: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// From metadata: a record's field, `<meta>`, JSON-LD.
    pub date_metadata: Option<NaiveDate>,
    /// Written in the page: "Published June 3, 2024", a dateline.
    pub date_text: Option<NaiveDate>,
    pub genre: Genre,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
    pub warnings: Vec<String>,
}

/// Language detection reads this many bytes at most: enough for a reliable guess, and it
/// keeps detection from dominating the cost of long articles.
const LANGUAGE_SAMPLE: usize = 2048;

pub(crate) fn finish(parts: Parts, opts: &ReadOptions) -> Article {
    let (text, paragraphs) = join_paragraphs(&parts.paragraphs);
    let mut article = Article::new(text, paragraphs);
    article.key = parts.key;
    article.url = parts.url.map(|u| normalize(&u)).filter(|u| !u.is_empty());
    article.title = parts.title.map(|t| normalize(&t)).filter(|t| !t.is_empty());
    let mut authors: Vec<String> = Vec::new();
    for a in parts.authors {
        let a = normalize(&a);
        if !a.is_empty() && !authors.contains(&a) {
            authors.push(a);
        }
    }
    article.authors = authors;
    article.date = if let Some(date) = opts.date_override {
        Some(ArticleDate {
            date,
            basis: DateBasis::User,
        })
    } else if let Some(date) = parts.date_metadata {
        Some(ArticleDate {
            date,
            basis: DateBasis::Metadata,
        })
    } else if let Some(date) = parts.date_text {
        Some(ArticleDate {
            date,
            basis: DateBasis::Text,
        })
    } else {
        latest_prose_date(&article.text).map(|date| ArticleDate {
            date,
            basis: DateBasis::Inferred,
        })
    };
    article.genre = opts.genre_override.unwrap_or(parts.genre);
    article.language = detect_language(&article.text);
    article.boilerplate = parts.boilerplate;
    article.warnings = parts.warnings;
    article
}

/// ISO 639-3 code of the text's language, or `None` when whatlang is not confident.
pub fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(LANGUAGE_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    info.is_reliable().then(|| info.lang().code().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_precedence_user_metadata_text_inferred() {
        let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
        let parts = || Parts {
            paragraphs: vec!["Talks were held on May 2, 2024 and on 9 March 2024.".into()],
            ..Parts::default()
        };
        let a = finish(parts(), &ReadOptions::default());
        assert_eq!(
            a.date,
            Some(ArticleDate {
                date: NaiveDate::from_ymd_opt(2024, 5, 2).unwrap(),
                basis: DateBasis::Inferred
            })
        );
        let a = finish(
            Parts {
                date_text: Some(d(2)),
                ..parts()
            },
            &ReadOptions::default(),
        );
        assert_eq!(a.date.unwrap().basis, DateBasis::Text);
        let a = finish(
            Parts {
                date_text: Some(d(2)),
                date_metadata: Some(d(3)),
                ..parts()
            },
            &ReadOptions::default(),
        );
        assert_eq!(
            a.date,
            Some(ArticleDate {
                date: d(3),
                basis: DateBasis::Metadata
            })
        );
        let opts = ReadOptions {
            date_override: Some(d(4)),
            ..ReadOptions::default()
        };
        let a = finish(
            Parts {
                date_metadata: Some(d(3)),
                ..parts()
            },
            &opts,
        );
        assert_eq!(
            a.date,
            Some(ArticleDate {
                date: d(4),
                basis: DateBasis::User
            })
        );
    }

    #[test]
    fn language_is_iso_639_3_or_none() {
        let en = "The foreign minister met her counterpart in the capital on Monday to discuss trade, security and the war.";
        assert_eq!(detect_language(en).as_deref(), Some("eng"));
        assert_eq!(detect_language("ok"), None);
    }
}
