//! Cues that tell a page's furniture from its body, one line at a time: name-shaped lines,
//! photo credits, timestamps, section labels, disclaimers and author bios.
//!
//! Each cue is general (shape, punctuation, the vocabulary of credits and bios), never a
//! string taken from one page.

use std::sync::LazyLock;

use entente_model::Genre;
use regex::Regex;

use crate::normalize::ends_like_sentence;

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
}

/// Lower-case words that may sit inside a personal name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "der", "van", "von", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el",
];

/// Capitalized words that start headlines and labels but never names.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "And",
    "To",
    "With",
    "From",
    "By",
    "Why",
    "How",
    "What",
    "Who",
    "When",
    "Where",
    "Is",
    "Are",
    "Will",
    "Can",
    "Updated",
    "Published",
    "Author",
    "Authors",
    "Share",
    "Comments",
    "Advertisement",
    "Related",
    "Read",
    "More",
];

/// A line that is just a person's name: two to five words, each capitalized (or a name
/// particle, or an initial), no digits, no sentence punctuation.
pub fn is_name_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 60
        || line.contains(|c: char| {
            c.is_ascii_digit()
                || matches!(c, ':' | ',' | ';' | '!' | '?' | '|' | '/' | '(' | '"' | '“')
        })
    {
        return false;
    }
    let ws: Vec<&str> = words(line).collect();
    if !(2..=5).contains(&ws.len()) {
        return false;
    }
    let mut capitalized = 0;
    for (i, w) in ws.iter().enumerate() {
        if NAME_PARTICLES.contains(w) && i > 0 && i + 1 < ws.len() {
            continue;
        }
        if NOT_NAME_WORDS.contains(w) {
            return false;
        }
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        if !first.is_uppercase() {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return false;
        }
        // A period only after an initial or a short title: "J.", "Jr.", never "Alliance."
        if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
            return false;
        }
        capitalized += 1;
    }
    capitalized >= 2
}

/// "By Jane Doe and John Roe" (or a bare name line): the names it gives.
pub fn byline_names(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let rest = ["By ", "by ", "BY ", "Written by ", "Words by "]
        .iter()
        .find_map(|p| line.strip_prefix(p));
    let Some(rest) = rest else {
        return is_name_line(line).then(|| vec![line.to_string()]);
    };
    if rest.len() > 120 {
        return None;
    }
    let names: Vec<String> = rest
        .split([',', '&', '|', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| is_name_line(p))
        .map(str::to_string)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Words that credit a photo to an agency or photographer.
const CREDIT_CUES: &[&str] = &[
    "Getty Images",
    "via Getty",
    "AFP",
    "Reuters",
    "AP Photo",
    "/AP",
    "Associated Press",
    "EPA",
    "Xinhua",
    "Shutterstock",
    "Photo:",
    "Photo by",
    "Photograph:",
    "Photograph by",
    "Image:",
    "Credit:",
    "Courtesy of",
    "/Pool",
    "Pool Photo",
    "Handout",
    "Bloomberg via",
    "Anadolu",
];

pub fn has_credit(line: &str) -> bool {
    CREDIT_CUES.iter().any(|c| line.contains(c))
}

/// A photo caption: a photo credit at the end of a line that is not a sentence of prose, or a
/// line introduced as a caption.
pub fn is_caption(line: &str) -> bool {
    let lower_start = line.get(..8).unwrap_or("").to_ascii_lowercase();
    if lower_start.starts_with("caption") || lower_start.starts_with("photo:") {
        return true;
    }
    has_credit(line) && !ends_like_sentence(line) && words(line).count() >= 3
}

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:updated|published|posted|last\ updated|first\ published|modified)\b.{0,60}
          | \d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?
          | \d+\s+min(?:ute)?s?\s+(?:read|listen|watch)
          | (?:listen|watch)\b.{0,20}
        )$",
    )
    .expect("timestamp pattern is valid")
});

/// "Updated:", "0:00", "5 min read", "Published June 3, 2024 10:00 ET", or a line that is
/// only a date.
pub fn is_timestamp(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 80 {
        return false;
    }
    TIMESTAMP.is_match(line) || is_date_only(line)
}

fn is_date_only(line: &str) -> bool {
    let Some(_) = crate::dates::first_prose_date(line) else {
        return false;
    };
    // Whatever is not the date is times, weekdays and zones: short, no prose.
    words(line).count() <= 8
        && !ends_like_sentence(line.trim_end_matches('.'))
        && !line.contains(" the ")
}

/// The genre a section label stands for, when the line is one. `Some(Unknown)` for a
/// label that says nothing about genre ("World", "Asia").
pub fn section_label(line: &str) -> Option<Genre> {
    let l = line.trim().trim_end_matches(':').to_lowercase();
    if l.len() > 30 {
        return None;
    }
    let genre = match l.as_str() {
        "commentary" | "opinion" | "opinions" | "op-ed" | "op-eds" | "editorial" | "editorials"
        | "perspective" | "perspectives" | "viewpoint" | "viewpoints" | "column" | "columns"
        | "comment" | "letters" | "essay" | "guest essay" | "guest column" => Genre::Commentary,
        "analysis" | "news analysis" | "explainer" | "in depth" | "in-depth" | "insight" => {
            Genre::Analysis
        }
        "news" | "world news" | "breaking news" | "latest news" | "top news" | "national news"
        | "international news" => Genre::News,
        "world" | "asia" | "europe" | "africa" | "americas" | "middle east" | "asia-pacific"
        | "asia pacific" | "politics" | "international" | "business" | "economy" | "security"
        | "defense" | "defence" | "diplomacy" | "china" | "us" | "u.s." | "russia" | "ukraine"
        | "north korea" | "south korea" | "korea" | "japan" | "india" | "uk" | "global" => {
            Genre::Unknown
        }
        _ => return None,
    };
    Some(genre)
}

/// The standard notice that an opinion piece speaks only for its author.
pub fn is_disclaimer(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "views expressed",
        "opinions expressed",
        "not necessarily reflect",
        "are those of the author",
        "are the author's own",
        "are the author’s own",
        "opinions of the author",
        "views of the author",
    ]
    .iter()
    .any(|c| l.contains(c))
}

/// A heading that introduces the author box.
pub fn is_author_marker(line: &str) -> bool {
    matches!(
        line.trim().trim_end_matches(':').to_lowercase().as_str(),
        "author"
            | "authors"
            | "about the author"
            | "about the authors"
            | "the author"
            | "contributor"
            | "contributors"
    )
}

static BIO_START: LazyLock<Regex> = LazyLock::new(|| {
    // A name (capitalized words, with ", Ph.D.," style suffixes) and then "is a/an/the".
    Regex::new(r"^(?:[A-Z][\p{L}.’'-]*,?\s+){1,6}(?:[A-Z][\p{L}.]*\.?,\s+)?(?:is|was|has been|serves as)\s+(?:a|an|the|currently)\b")
        .expect("bio pattern is valid")
});

/// Roles that bios give their subjects.
const BIO_ROLES: &[&str] = &[
    "analyst",
    "journalist",
    "writer",
    "correspondent",
    "professor",
    "fellow",
    "editor",
    "columnist",
    "researcher",
    "contributor",
    "author of",
    "scholar",
    "expert",
    "reporter",
    "lecturer",
    "director",
    "former",
    "retired",
    " who ",
    "graduate",
];

/// An author bio: "X is a ... analyst who ...", "X is the author of ...".
pub fn is_bio(line: &str) -> bool {
    if line.contains("is the author of") || line.contains("are the authors of") {
        return true;
    }
    if !BIO_START.is_match(line) {
        return false;
    }
    let l = line.to_lowercase();
    BIO_ROLES.iter().any(|r| l.contains(r))
}

/// Share prompts, newsletter sign-ups and related links inside or around a body.
pub fn is_navigation(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    if l.len() > 100 {
        return false;
    }
    matches!(
        l.as_str(),
        "advertisement"
            | "share"
            | "share this article"
            | "comments"
            | "print"
            | "email"
            | "related"
            | "related articles"
            | "related stories"
            | "read more"
            | "more from"
            | "subscribe"
            | "sign up"
            | "follow us"
            | "tweet"
            | "facebook"
            | "twitter"
            | "x"
    ) || [
        "read more:",
        "related:",
        "also read:",
        "read also:",
        "see also:",
        "sign up for",
        "subscribe to",
        "follow us on",
        "click here",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// A substantial line of prose: a real sentence that is neither credit nor notice.
pub fn is_prose(line: &str) -> bool {
    words(line).count() >= 8 && ends_like_sentence(line) && !is_disclaimer(line) && !is_bio(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lines() {
        for yes in [
            "Jane Doe",
            "Ursula von der Leyen",
            "Kim J. Un",
            "Mary-Ann O’Neill",
            "J. R. Smith Jr.",
        ] {
            assert!(is_name_line(yes), "{yes}");
        }
        for no in [
            "Commentary",
            "The Big Picture",
            "Talks in Geneva",
            "World News 2024",
            "jane doe",
            "Alliance Shifts, Again",
            "By Jane Doe",
        ] {
            assert!(!is_name_line(no), "{no}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline_names("By Jane Doe and Omar Haddad, Reuters").unwrap(),
            vec!["Jane Doe", "Omar Haddad"]
        );
        assert_eq!(byline_names("Lena Park").unwrap(), vec!["Lena Park"]);
        assert!(byline_names("By the way, talks resumed").is_none());
    }

    #[test]
    fn captions_timestamps_labels() {
        assert!(is_caption(
            "Ministers shake hands in Nairobi on May 2, 2024. Jane Roe/AFP via Getty Images"
        ));
        assert!(!is_caption("The AFP news agency said the talks were over."));
        assert!(is_timestamp("Updated:"));
        assert!(is_timestamp("0:00"));
        assert!(is_timestamp("4 min read"));
        assert!(is_timestamp("Published June 3, 2024 10:00 ET"));
        assert!(is_timestamp("June 3, 2024"));
        assert!(!is_timestamp(
            "The summit opened on June 3, 2024 in Geneva with a speech."
        ));
        assert_eq!(section_label("Opinion"), Some(Genre::Commentary));
        assert_eq!(section_label("News Analysis"), Some(Genre::Analysis));
        assert_eq!(section_label("World"), Some(Genre::Unknown));
        assert_eq!(section_label("Jane Doe"), None);
    }

    #[test]
    fn disclaimers_and_bios() {
        assert!(is_disclaimer("The opinions expressed here are the writer's and do not necessarily reflect those of this site."));
        assert!(is_bio(
            "Lena Park, Ph.D., is a security analyst who has covered East Asia for a decade."
        ));
        assert!(is_bio(
            "Omar Haddad is the author of three books on Gulf diplomacy."
        ));
        assert!(!is_bio("China is a major trading partner of both states."));
        assert!(is_navigation("Advertisement"));
        assert!(is_navigation("Read more: Sanctions widen"));
    }
}
