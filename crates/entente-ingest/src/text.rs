//! The plain-text reader: a scraped page as text, or a bare file of prose.
//!
//! A page is read as three zones. The head (title, caption, byline, timestamps, section
//! label) runs from the top to the first line of real prose; the tail (disclaimer, author
//! names, author bio) is a run of lines at the end that begins with a notice or an author box;
//! everything between is body, minus stray navigation and captions.

use entente_model::{Boilerplate, BoilerplateKind, DateBasis, EventDate, Genre};

use crate::assemble::Parts;
use crate::cues;
use crate::dates::first_prose_date;
use crate::normalize::{normalize, split_paragraphs};

/// The tail is looked for among this many last lines only: notices and bios sit at the end.
const TAIL_WINDOW: usize = 10;

/// Splits a text page into title, body paragraphs and labelled boilerplate.
pub(crate) fn parse_text(raw: &str) -> Parts {
    let lines: Vec<String> = split_paragraphs(raw)
        .into_iter()
        .map(|l| normalize(strip_markdown_heading(&l)))
        .filter(|l| !l.is_empty())
        .collect();
    parse_lines(&lines, None)
}

/// Sorts normalized lines (or HTML blocks) into zones. With `known_title` (from HTML
/// metadata) the first line is not taken as a title, but copies of the title are still
/// recognized as boilerplate.
pub(crate) fn parse_lines(lines: &[String], known_title: Option<&str>) -> Parts {
    let mut parts = Parts::default();
    let mut genre_votes: Vec<Genre> = Vec::new();

    let mut start = 0;
    let title = match known_title {
        Some(t) => Some(t.to_string()),
        None => {
            let t = detect_title(lines);
            if t.is_some() {
                start = 1;
            }
            t
        }
    };
    if let Some(t) = &title {
        parts.title = Some(t.clone());
        if let Some(g) = genre_prefix(t) {
            genre_votes.push(g);
        }
    }

    let body_start = (start..lines.len())
        .find(|&i| cues::is_prose(&lines[i]) && !cues::is_caption(&lines[i]))
        .unwrap_or(start);
    let head_authors: Vec<String> = lines[start..body_start]
        .iter()
        .filter_map(|l| cues::byline_names(l))
        .flatten()
        .collect();
    let tail_start = find_tail(lines, body_start, &head_authors);

    let push = |parts: &mut Parts, kind, text: &str| {
        let date = (kind == BoilerplateKind::Caption)
            .then(|| first_prose_date(text).map(|d| EventDate::day(d, DateBasis::Text)))
            .flatten();
        parts.boilerplate.push(Boilerplate {
            kind,
            text: text.to_string(),
            date,
        });
    };

    for line in &lines[start..body_start] {
        if title.as_deref().is_some_and(|t| same_text(t, line)) {
            push(&mut parts, BoilerplateKind::Title, line);
        } else if cues::is_caption(line) {
            push(&mut parts, BoilerplateKind::Caption, line);
        } else if cues::is_timestamp(line) {
            if parts.date_text.is_none() {
                parts.date_text = first_prose_date(line);
            }
            push(&mut parts, BoilerplateKind::Timestamp, line);
        } else if let Some(g) = cues::section_label(line) {
            genre_votes.push(g);
            push(&mut parts, BoilerplateKind::SectionLabel, line);
        } else if let Some(names) = cues::byline_names(line) {
            parts.authors.extend(names);
            push(&mut parts, BoilerplateKind::Byline, line);
        } else if cues::is_navigation(line) {
            push(&mut parts, BoilerplateKind::Navigation, line);
        } else {
            // A dek or a subheading: short, but it is the page's own words.
            parts.paragraphs.push(line.clone());
        }
    }

    for line in &lines[body_start..tail_start] {
        if cues::is_caption(line) {
            push(&mut parts, BoilerplateKind::Caption, line);
        } else if cues::is_navigation(line) {
            push(&mut parts, BoilerplateKind::Navigation, line);
        } else if title.as_deref().is_some_and(|t| same_text(t, line)) {
            push(&mut parts, BoilerplateKind::Title, line);
        } else {
            parts.paragraphs.push(line.clone());
        }
    }

    let mut tail_names = Vec::new();
    for line in &lines[tail_start..] {
        if cues::is_disclaimer(line) {
            genre_votes.push(Genre::Commentary);
            push(&mut parts, BoilerplateKind::Disclaimer, line);
        } else if cues::is_navigation(line) {
            push(&mut parts, BoilerplateKind::Navigation, line);
        } else {
            if cues::is_name_line(line) {
                tail_names.push(line.clone());
            }
            push(&mut parts, BoilerplateKind::AuthorBio, line);
        }
    }
    if parts.authors.is_empty() {
        parts.authors = tail_names;
    }

    if parts.date_text.is_none() {
        parts.date_text = parts.paragraphs.first().and_then(|p| dateline_date(p));
    }
    // A section label decides; a disclaimer or a title prefix decides when there is none.
    parts.genre = genre_votes
        .iter()
        .copied()
        .find(|g| *g != Genre::Unknown)
        .unwrap_or(Genre::Unknown);
    parts
}

fn strip_markdown_heading(line: &str) -> &str {
    let t = line.trim_start_matches('#');
    if t.len() != line.len() && t.starts_with(' ') {
        t.trim_start()
    } else {
        line
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.to_lowercase() == b.to_lowercase()
}

/// The first line is a title when it is headline-shaped and more follows it.
fn detect_title(lines: &[String]) -> Option<String> {
    let first = lines.first()?;
    if lines.len() < 2 {
        return None;
    }
    let n_words = first.split_whitespace().count();
    // A headline may end in '?' or '!' or a quote, never in a stop or a comma.
    let last = first
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .last();
    let headline = first.chars().count() <= 160
        && n_words <= 25
        && !matches!(last, Some('.' | ',' | ';' | ':' | '…'))
        && !cues::is_caption(first)
        && !cues::is_timestamp(first)
        && cues::section_label(first).is_none()
        && cues::byline_names(first).is_none()
        && !cues::is_navigation(first);
    headline.then(|| first.clone())
}

/// "Opinion: ..." and "Analysis | ..." headlines name their genre.
fn genre_prefix(title: &str) -> Option<Genre> {
    let head = title.split([':', '|']).next()?;
    if head.len() == title.len() {
        return None;
    }
    cues::section_label(head).filter(|g| *g != Genre::Unknown)
}

/// Where the tail begins: the first of the last lines that opens with a disclaimer, an author
/// box heading, or an author's name followed by a bio, so that only furniture follows it.
fn find_tail(lines: &[String], body_start: usize, authors: &[String]) -> usize {
    let n = lines.len();
    let from = n.saturating_sub(TAIL_WINDOW).max(body_start + 1);
    for i in from..n {
        let line = &lines[i];
        let rest = &lines[i + 1..];
        let opens = cues::is_disclaimer(line)
            || cues::is_author_marker(line)
            || cues::is_bio(line)
            || (cues::is_name_line(line)
                && (authors.contains(line)
                    || rest
                        .iter()
                        .any(|l| cues::is_bio(l) || cues::is_author_marker(l))));
        // Everything after the opening must be furniture too, not more news.
        if opens && rest.iter().all(|l| is_tail_furniture(l)) {
            return i;
        }
    }
    n
}

fn is_tail_furniture(line: &str) -> bool {
    cues::is_disclaimer(line)
        || cues::is_author_marker(line)
        || cues::is_bio(line)
        || cues::is_name_line(line)
        || cues::is_navigation(line)
        // Later sentences of a bio ("He holds a degree from ..."): prose that talks about
        // a person rather than events.
        || starts_with_pronoun_of_bio(line)
}

fn starts_with_pronoun_of_bio(line: &str) -> bool {
    ["He ", "She ", "They ", "His ", "Her "]
        .iter()
        .any(|p| line.starts_with(p))
        && [
            "holds",
            "graduate",
            "degree",
            "author of",
            "lives in",
            "based in",
            "previously",
        ]
        .iter()
        .any(|c| line.contains(c))
}

/// A dateline's date: "KYIV, June 3, 2024 — ...". The place is in capitals and followed by
/// a comma, so that "U.S. officials said on June 3, 2024 ..." is not taken for one.
fn dateline_date(paragraph: &str) -> Option<chrono::NaiveDate> {
    let (place, _) = paragraph.split_once(',')?;
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=30).contains(&letters)
        || !place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\''))
    {
        return None;
    }
    let mut end = paragraph.len().min(60);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let head = &paragraph[..end];
    let date = first_prose_date(head)?;
    // The date must come before the first sentence break, inside the dateline.
    let stop = head
        .find(['—', '–'])
        .or_else(|| head.find(" - "))
        .unwrap_or(head.len());
    first_prose_date(&head[..stop]).filter(|d| *d == date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(p: &Parts) -> Vec<(BoilerplateKind, &str)> {
        p.boilerplate
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect()
    }

    #[test]
    fn plain_paragraph_is_all_body() {
        let p =
            parse_text("The two ministers met in Geneva on Monday. They agreed to meet again.\n");
        assert_eq!(p.title, None);
        assert_eq!(p.paragraphs.len(), 1);
        assert!(p.boilerplate.is_empty());
        assert_eq!(p.genre, Genre::Unknown);
    }

    #[test]
    fn scraped_page_zones() {
        let raw = "Sanctions Widen on Shipping Firms\n\nSanctions Widen on Shipping Firms\nA tanker waits off the coast of Oman on March 4, 2024. Jane Roe/Reuters\nBy Omar Haddad\nUpdated:\n2:15\nAnalysis\n\nThe European Union on Tuesday added twelve shipping companies to its sanctions list, officials said.\nThe measures take effect at once, according to a statement released in Brussels.\n\nViews expressed in this article are those of the author.\nOmar Haddad\nAuthor\nOmar Haddad is a trade analyst who has covered the Gulf for a decade.\n";
        let p = parse_text(raw);
        assert_eq!(
            p.title.as_deref(),
            Some("Sanctions Widen on Shipping Firms")
        );
        assert_eq!(p.authors, vec!["Omar Haddad"]);
        assert_eq!(p.genre, Genre::Analysis);
        assert_eq!(p.paragraphs.len(), 2);
        assert!(p.paragraphs[0].starts_with("The European Union"));
        let k = kinds(&p);
        assert_eq!(k[0].0, BoilerplateKind::Title);
        assert_eq!(k[1].0, BoilerplateKind::Caption);
        assert_eq!(p.boilerplate[1].date.as_ref().unwrap().value, "2024-03-04");
        assert_eq!(k[2], (BoilerplateKind::Byline, "By Omar Haddad"));
        assert_eq!(k[3].0, BoilerplateKind::Timestamp);
        assert_eq!(k[4].0, BoilerplateKind::Timestamp);
        assert_eq!(k[5].0, BoilerplateKind::SectionLabel);
        assert_eq!(k[6].0, BoilerplateKind::Disclaimer);
        assert!(k[7..]
            .iter()
            .all(|(kind, _)| *kind == BoilerplateKind::AuthorBio));
        assert_eq!(k.len(), 10);
    }

    #[test]
    fn dateline_gives_a_text_date() {
        let p = parse_text("Ceasefire Holds\n\nKYIV, June 3, 2024 — The ceasefire held through the night, officials in the capital said on Monday.\n");
        assert_eq!(p.date_text, chrono::NaiveDate::from_ymd_opt(2024, 6, 3));
        let p = parse_text("Ceasefire Holds\n\nNEW YORK, June 4, 2024 — Envoys met at the United Nations on Tuesday to discuss the truce.\n");
        assert_eq!(p.date_text, chrono::NaiveDate::from_ymd_opt(2024, 6, 4));
        let p = parse_text(
            "Talks Resume\n\nU.S. officials said on June 3, 2024 that the talks would go on.\n",
        );
        assert_eq!(p.date_text, None);
        let p = parse_text("Talks Resume\n\nThe talks resumed in Doha, and a deal signed on June 3, 2024 was praised by all sides.\n");
        assert_eq!(p.date_text, None);
    }

    #[test]
    fn the_byline_name_repeated_at_the_end_is_not_body() {
        let p = parse_text("Port Deal Signed\nBy Lena Park\n\nThe two governments signed the port agreement on Friday after months of talks.\nLena Park\n");
        assert_eq!(p.paragraphs.len(), 1);
        assert_eq!(
            p.boilerplate.last().unwrap().kind,
            BoilerplateKind::AuthorBio
        );
    }

    #[test]
    fn a_first_line_ending_in_a_stop_is_not_a_title() {
        let p = parse_text(
            "Talks ended.\n\nBoth sides left Geneva on Friday without a joint statement.\n",
        );
        assert_eq!(p.title, None);
        let p = parse_text(
            "Will the Truce Hold?\n\nBoth sides left Geneva on Friday without a joint statement.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Will the Truce Hold?"));
    }

    #[test]
    fn disclaimer_alone_means_commentary() {
        let p = parse_text("Why the Pact Matters\n\nThe pact binds both states to consult each other in a crisis, a step few expected this year.\nThe opinions expressed are those of the author and do not necessarily reflect ours.\n");
        assert_eq!(p.genre, Genre::Commentary);
        assert_eq!(p.paragraphs.len(), 1);
        assert_eq!(
            p.boilerplate.last().unwrap().kind,
            BoilerplateKind::Disclaimer
        );
    }
}
