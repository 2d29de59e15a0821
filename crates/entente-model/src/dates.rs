//! The one parser of dates written in text, shared by the readers (an article's date from its
//! byline or caption) and the coder (an event's date from its sentence): absolute ("on June
//! 19, 2024", "2024-06-19", "in October 2024", "in 2024"), partial ("in late October", "on
//! June 19") and relative ("last week", "earlier this year", "on Monday"), resolved against a
//! reference date.
//!
//! The reference is the article's date. When the article has none, it is the latest date
//! the article itself spells out in full, flagged `inferred`: a text cannot be older than
//! the dates it mentions, so a month without a year takes that date's year. With no
//! reference at all only absolute dates resolve; an event with no date at all gets an
//! empty `value` (precision `year`, basis `inferred`) rather than a made-up one.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::{ArticleDate, DateBasis, DatePrecision, EventDate};

/// The years a date found in text may have to date an article: a "1600" in "26 February 1600
/// GMT" is a clock time, and a text is not older than the printing press or from the future.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

/// A date expression found in a sentence (byte offsets within it) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub date: EventDate,
}

/// Compiled date patterns; build once and share.
#[derive(Debug, Clone)]
pub struct DateResolver {
    pattern: Regex,
}

impl Default for DateResolver {
    fn default() -> Self {
        Self::new()
    }
}

impl DateResolver {
    pub fn new() -> Self {
        let m = MONTH;
        // ASCII word boundaries keep the search in the fast DFA: a Unicode `\b` makes the
        // regex engine fall back to its slowest matcher on text with curly quotes.
        let pattern = format!(
            r"(?x)
            (?-u:\b)(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)
            | (?-u:\b)(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[-\ ](?P<pm>{m})(?-u:\b)(?:,?\ (?P<py>\d{{4}})(?-u:\b))?
            | (?-u:\b)(?P<m1>{m})\.?\ (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\ (?P<y1>\d{{4}})(?-u:\b))?
            | (?-u:\b)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\ (?P<m2>{m})(?-u:\b)(?:,?\ (?P<y2>\d{{4}})(?-u:\b))?
            | (?-u:\b)(?P<m3>{m}),?\ (?P<y3>\d{{4}})(?-u:\b)
            | (?-u:\b)(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f|[Ll]ast|[Tt]his)\ (?P<m4>{m})(?-u:\b)(?:,?\ (?P<y4>\d{{4}})(?-u:\b))?
            | (?-u:\b)(?P<y5>(?:19|20)\d{{2}})(?-u:\b)
            | (?-u:\b)(?P<rel>(?i:yesterday|today|earlier\ this\ (?:week|month|year)|(?:last|this|next)\ (?:week|month|year)|on\ (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))(?-u:\b)
            "
        );
        DateResolver {
            pattern: Regex::new(&pattern).expect("date pattern compiles"),
        }
    }

    /// Every date expression of `text` that resolves against `reference`.
    pub fn find(&self, text: &str, reference: Option<ArticleDate>) -> Vec<Found> {
        let mut out = Vec::new();
        for caps in self.pattern.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            if let Some(date) = resolve(&caps, reference) {
                out.push(Found {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                });
            }
        }
        out
    }

    /// Every date written in full in `text` (day, month and year: "June 19, 2024", "19 June
    /// 2024", "2024-06-19"), in order, within [`PLAUSIBLE_YEARS`].
    pub fn full_dates(&self, text: &str) -> Vec<NaiveDate> {
        self.find(text, None)
            .into_iter()
            .filter(|f| f.date.precision == DatePrecision::Day)
            .filter_map(|f| f.date.start())
            .filter(|d| PLAUSIBLE_YEARS.contains(&d.year()))
            .collect()
    }

    /// The first date written in full in `text`.
    pub fn first_full_date(&self, text: &str) -> Option<NaiveDate> {
        self.full_dates(text).into_iter().next()
    }

    /// The latest date written in full in `text`: a guess at when the text was written (it is
    /// not older than the dates it spells out). A year or a month alone does not count: "the
    /// 1951 treaty" does not date an article. Every full date holds a four-digit year, so the
    /// pattern runs only on short windows around four-digit numbers.
    pub fn latest_full_date(&self, text: &str) -> Option<NaiveDate> {
        year_windows(text)
            .into_iter()
            .flat_map(|(start, end)| self.full_dates(&text[start..end]))
            .max()
    }
}

/// Merged windows, on char and word boundaries, around each run of exactly four digits:
/// wide enough for "September 30th, 2024" before a year and "-06-19" after one.
fn year_windows(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - run_start != 4 {
            continue;
        }
        let mut start = run_start.saturating_sub(24);
        // Back to a space, so that the window never begins inside a word.
        while start > 0 && bytes[start - 1] != b' ' && bytes[start - 1] != b'\n' {
            start -= 1;
        }
        let mut end = (i + 6).min(bytes.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        match windows.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => windows.push((start, end)),
        }
    }
    windows
}

/// The number of a month by its name or abbreviation ("Sept", "june", "Oct.").
pub fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The year of a month named without one: the reference's year when the reference is
/// itself inferred (a lower bound), else the latest such month not after the reference.
fn year_for(month: u32, reference: ArticleDate) -> i32 {
    let r = reference.date;
    if reference.basis == DateBasis::Inferred || month <= r.month() {
        r.year()
    } else {
        r.year() - 1
    }
}

fn basis_from(reference: ArticleDate) -> DateBasis {
    if reference.basis == DateBasis::Inferred {
        DateBasis::Inferred
    } else {
        DateBasis::Text
    }
}

fn resolve(caps: &regex::Captures<'_>, reference: Option<ArticleDate>) -> Option<EventDate> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        let date = NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)?;
        return Some(EventDate::day(date, DateBasis::Text));
    }
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    // A year written in the text wins; otherwise one comes from the reference.
    let year_or = |name: &str, month: u32| -> Option<(i32, DateBasis)> {
        match num(name) {
            Some(y) => Some((y as i32, DateBasis::Text)),
            None => reference.map(|r| (year_for(month, r), basis_from(r))),
        }
    };
    if let Some(m) = month("pm") {
        let (y, basis) = year_or("py", m)?;
        let last = last_day(y, m)?;
        let (from, to) = match &caps["part"].to_ascii_lowercase()[..] {
            "early" => (1, 10),
            "mid" => (11, 20),
            _ => (21, last.day()),
        };
        return Some(EventDate::range(
            NaiveDate::from_ymd_opt(y, m, from)?,
            NaiveDate::from_ymd_opt(y, m, to)?,
            basis,
        ));
    }
    for (mn, dn, yn) in [("m1", "d1", "y1"), ("m2", "d2", "y2")] {
        if let (Some(m), Some(d)) = (month(mn), num(dn)) {
            let (y, basis) = year_or(yn, m)?;
            return Some(EventDate::day(
                NaiveDate::from_ymd_opt(y, m, d as u32)?,
                basis,
            ));
        }
    }
    if let (Some(m), Some(y)) = (month("m3"), num("y3")) {
        NaiveDate::from_ymd_opt(y as i32, m, 1)?;
        return Some(EventDate::month(y as i32, m, DateBasis::Text));
    }
    if let Some(m) = month("m4") {
        let (y, basis) = year_or("y4", m)?;
        return Some(EventDate::month(y, m, basis));
    }
    if let Some(y) = num("y5") {
        return Some(EventDate::year(y as i32, DateBasis::Text));
    }
    let rel = caps.name("rel")?.as_str().to_ascii_lowercase();
    let r = reference?;
    relative(&rel, r.date, basis_from(r))
}

fn relative(rel: &str, r: NaiveDate, basis: DateBasis) -> Option<EventDate> {
    let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
    Some(match rel {
        "today" => EventDate::day(r, basis),
        "yesterday" => EventDate::day(r.pred_opt()?, basis),
        "last week" => EventDate::range(
            monday - Duration::days(7),
            monday - Duration::days(1),
            basis,
        ),
        "this week" | "earlier this week" => EventDate::range(monday, r, basis),
        "next week" => return None,
        "last month" => {
            let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?.pred_opt()?;
            EventDate::month(first.year(), first.month(), basis)
        }
        "this month" | "earlier this month" => EventDate::month(r.year(), r.month(), basis),
        "last year" => EventDate::year(r.year() - 1, basis),
        "this year" | "earlier this year" => EventDate::year(r.year(), basis),
        "next month" | "next year" => return None,
        day => {
            let name = day.strip_prefix("on ")?;
            let weekday: Weekday = name.parse().ok()?;
            let back = (7 + r.weekday().num_days_from_monday() as i64
                - weekday.num_days_from_monday() as i64)
                % 7;
            EventDate::day(r - Duration::days(back), basis)
        }
    })
}

/// The date of an event whose sentence gives none: the reference, as its own basis says.
/// `None` when nothing dates the article either: an undated event says so, rather than
/// carry an empty date that looks like one.
pub fn fallback(reference: Option<ArticleDate>) -> Option<EventDate> {
    reference.map(|r| match r.basis {
        DateBasis::Inferred => EventDate::day(r.date, DateBasis::Inferred),
        _ => EventDate::day(r.date, DateBasis::Article),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, basis: DateBasis) -> Option<ArticleDate> {
        Some(ArticleDate {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            basis,
        })
    }

    fn one(text: &str, reference: Option<ArticleDate>) -> Option<EventDate> {
        DateResolver::new()
            .find(text, reference)
            .into_iter()
            .next()
            .map(|f| f.date)
    }

    #[test]
    fn absolute_dates() {
        let d = one("They met on June 19, 2024 in Pyongyang.", None).unwrap();
        assert_eq!(
            (d.value.as_str(), d.precision),
            ("2024-06-19", DatePrecision::Day)
        );
        let d = one("Talks began on 3 March 2022.", None).unwrap();
        assert_eq!(d.value, "2022-03-03");
        let d = one("Sanctions came in October 2024.", None).unwrap();
        assert_eq!(
            (d.value.as_str(), d.precision),
            ("2024-10", DatePrecision::Month)
        );
        let d = one("The 2024 agreement holds.", None).unwrap();
        assert_eq!(
            (d.value.as_str(), d.precision),
            ("2024", DatePrecision::Year)
        );
    }

    #[test]
    fn partial_dates_need_a_reference() {
        assert_eq!(one("In late October, it fired.", None), None);
        let r = at(2024, 11, 5, DateBasis::Metadata);
        let d = one("In late October, it fired.", r).unwrap();
        assert_eq!(d.value, "2024-10-21/2024-10-31");
        assert_eq!(d.precision, DatePrecision::Range);
        // A month after the article's month is last year's.
        let d = one("It happened in December.", r).unwrap();
        assert_eq!(d.value, "2023-12");
        // An inferred reference is a lower bound: same year.
        let d = one(
            "It happened in October.",
            at(2024, 6, 19, DateBasis::Inferred),
        )
        .unwrap();
        assert_eq!(
            (d.value.as_str(), d.basis),
            ("2024-10", DateBasis::Inferred)
        );
    }

    #[test]
    fn relative_dates() {
        let r = at(2024, 11, 6, DateBasis::Metadata); // a Wednesday
        assert_eq!(
            one("Last week, it fired.", r).unwrap().value,
            "2024-10-28/2024-11-03"
        );
        assert_eq!(
            one("Earlier this year, they met.", r).unwrap().value,
            "2024"
        );
        assert_eq!(one("They met on Monday.", r).unwrap().value, "2024-11-04");
        assert_eq!(one("They met yesterday.", r).unwrap().value, "2024-11-05");
        assert_eq!(one("They met last month.", r).unwrap().value, "2024-10");
        assert_eq!(one("Last week, it fired.", None), None);
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert_eq!(one("Troops may soon arrive.", None), None);
    }

    #[test]
    fn fallback_says_its_basis() {
        let f = fallback(at(2024, 1, 2, DateBasis::Metadata)).unwrap();
        assert_eq!(
            (f.value.as_str(), f.basis),
            ("2024-01-02", DateBasis::Article)
        );
        assert_eq!(fallback(None), None);
    }

    #[test]
    fn only_full_plausible_dates_date_a_text() {
        let r = DateResolver::new();
        // A clock time after a date is no year; a year alone names history, not the text.
        assert_eq!(r.latest_full_date("Saturday, 26 February 1600 GMT"), None);
        assert_eq!(
            r.latest_full_date("under the 1951 Mutual Defense Treaty"),
            None
        );
        assert_eq!(
            r.latest_full_date("signed on 19 June 2024 under the 1951 treaty"),
            NaiveDate::from_ymd_opt(2024, 6, 19)
        );
        assert_eq!(
            r.first_full_date("on 30th September, 2024"),
            NaiveDate::from_ymd_opt(2024, 9, 30)
        );
    }
}
