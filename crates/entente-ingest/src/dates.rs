//! Dates: metadata values (ISO dates and datetimes, RFC 2822, common written forms) and full
//! dates written in prose ("June 19, 2024", "19 June 2024").

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;

const MONTHS: &str = "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";

/// "June 19, 2024", "Jun. 19 2024", "19 June 2024", and ISO "2024-06-19", as whole words.
static PROSE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}}))\b"
    ))
    .expect("date pattern is valid")
});

fn month_number(name: &str) -> Option<u32> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    let n = match lower.as_str() {
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

/// Every full date written in `text`, in order of appearance.
pub fn prose_dates(text: &str) -> Vec<NaiveDate> {
    PROSE_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
            if let Some(m) = c.name("m1") {
                let y = num("y1")? as i32;
                NaiveDate::from_ymd_opt(y, month_number(m.as_str())?, num("d1")?)
            } else if let Some(m) = c.name("m2") {
                let y = num("y2")? as i32;
                NaiveDate::from_ymd_opt(y, month_number(m.as_str())?, num("d2")?)
            } else {
                NaiveDate::from_ymd_opt(num("y3")? as i32, num("mo3")?, num("d3")?)
            }
        })
        .collect()
}

/// The first full date written in `text`.
pub fn first_prose_date(text: &str) -> Option<NaiveDate> {
    PROSE_DATE
        .find(text)
        .and_then(|m| prose_dates(m.as_str()).into_iter().next())
}

/// The latest full date the text mentions: a guess at when it was written.
///
/// Every full date holds a four-digit year, so the pattern runs only on short windows around
/// four-digit numbers: most of a long text is never looked at by the regex.
pub fn latest_prose_date(text: &str) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    for (start, end) in year_windows(text) {
        for d in prose_dates(&text[start..end]) {
            best = best.max(Some(d));
        }
    }
    best
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

/// Parses a metadata date: ISO date or datetime (with or without offset), RFC 2822, or a
/// written date. A datetime keeps the calendar day of its own offset: the day the publisher
/// printed.
pub fn parse_metadata_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(v, f) {
            return Some(dt.date());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(v, f) {
            return Some(dt.date_naive());
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(v, f) {
            return Some(d);
        }
    }
    // A datetime with an unusual time part: its date prefix is still the date.
    if v.len() > 10 && v.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    first_prose_date(v).filter(|_| v.len() < 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn metadata_formats() {
        let cases = [
            ("2024-06-19", d(2024, 6, 19)),
            ("2024-06-19T23:30:00+09:00", d(2024, 6, 19)),
            ("2024-06-19T10:00:00Z", d(2024, 6, 19)),
            ("2024-06-19T10:00:00.123", d(2024, 6, 19)),
            ("2024-06-19 10:00:00", d(2024, 6, 19)),
            ("Wed, 19 Jun 2024 10:00:00 +0000", d(2024, 6, 19)),
            ("2024/06/19", d(2024, 6, 19)),
            ("June 19, 2024", d(2024, 6, 19)),
            ("19 June 2024", d(2024, 6, 19)),
            ("Sept. 3, 2023", d(2023, 9, 3)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_metadata_date(input), Some(want), "{input}");
        }
        assert_eq!(parse_metadata_date("yesterday"), None);
        assert_eq!(parse_metadata_date("2024-02-30"), None);
    }

    #[test]
    fn prose_dates_in_order_and_latest() {
        let text =
            "Talks began on March 3, 2023 and ended 5 April 2024; a review is due 2023-12-01.";
        assert_eq!(
            prose_dates(text),
            vec![d(2023, 3, 3), d(2024, 4, 5), d(2023, 12, 1)]
        );
        assert_eq!(latest_prose_date(text), Some(d(2024, 4, 5)));
        assert_eq!(latest_prose_date("No dates in June."), None);
        assert_eq!(
            latest_prose_date("Signed on 30th September, 2024, not in xMay 1, 2025."),
            Some(d(2024, 9, 30))
        );
        assert_eq!(
            latest_prose_date("Figures: 12345 and 2024-11-05T10:00."),
            Some(d(2024, 11, 5))
        );
        assert_eq!(
            first_prose_date("in Pyongyang on June 19, 2024. Credit"),
            Some(d(2024, 6, 19))
        );
    }
}
