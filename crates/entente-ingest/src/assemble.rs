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

/// Language detection reads a short sample first (a few sentences are plenty for news prose
/// and the detector costs time in proportion to what it reads), and a longer one only when
/// the short sample is not conclusive.
const LANGUAGE_SAMPLES: [usize; 2] = [600, 4096];

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
    if looks_english(text) {
        return Some("eng".to_string());
    }
    for (k, limit) in LANGUAGE_SAMPLES.iter().enumerate() {
        let mut end = text.len().min(*limit);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let info = whatlang::detect(&text[..end])?;
        if info.is_reliable() {
            return Some(info.lang().code().to_string());
        }
        if end == text.len() || k + 1 == LANGUAGE_SAMPLES.len() {
            break;
        }
    }
    None
}

/// English function words. In English prose they make up a third or more of the words; in
/// other languages written in Latin script, a few percent at most.
fn is_english_function_word(w: &str) -> bool {
    if w.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"a"
            | b"is"
            | b"that"
            | b"for"
            | b"on"
            | b"was"
            | b"with"
            | b"said"
            | b"as"
            | b"by"
            | b"it"
            | b"at"
            | b"be"
            | b"from"
            | b"has"
            | b"have"
            | b"are"
            | b"were"
            | b"but"
            | b"not"
            | b"this"
            | b"an"
            | b"its"
            | b"his"
            | b"he"
            | b"they"
            | b"their"
            | b"will"
            | b"would"
            | b"which"
            | b"who"
            | b"had"
            | b"been"
    )
}

/// A fast path before the statistical detector, whose fixed cost per call (comparing against
/// every language profile) would otherwise dominate reading: 60 or more words of which at
/// least 30% are English function words is English beyond doubt.
fn looks_english(text: &str) -> bool {
    let mut words = 0;
    let mut function = 0;
    for w in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(120)
    {
        words += 1;
        if is_english_function_word(w) {
            function += 1;
        }
    }
    words >= 60 && function * 10 >= words * 3
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
        let de = "Der Außenminister traf am Montag seinen Amtskollegen in der Hauptstadt, um über Handel, Sicherheit und den Krieg zu sprechen. Die Gespräche sollen im Mai fortgesetzt werden.";
        assert_eq!(detect_language(de).as_deref(), Some("deu"));
        let fr = "Le ministre des affaires étrangères a rencontré lundi son homologue dans la capitale pour discuter du commerce, de la sécurité et de la guerre. Les discussions reprendront en mai à Genève.";
        assert_eq!(detect_language(fr).as_deref(), Some("fra"));
        // The fast path: long English prose.
        let long_en = en.repeat(4);
        assert!(looks_english(&long_en));
        assert!(!looks_english(&fr.repeat(4)));
    }
}
