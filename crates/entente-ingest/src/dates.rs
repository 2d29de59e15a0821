//! Dates: metadata values (ISO dates and datetimes, RFC 2822), and for dates written in prose
//! ("June 19, 2024", "19 June 2024") the one parser the coder uses too
//! (`entente_model::dates`).

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use entente_model::dates::DateResolver;

/// The shared parser of dates written in text (see `entente_model::dates`).
static DATES: LazyLock<DateResolver> = LazyLock::new(DateResolver::new);

/// Every full date written in `text`, in order of appearance.
pub fn prose_dates(text: &str) -> Vec<NaiveDate> {
    DATES.full_dates(text)
}

/// The first full date written in `text`.
pub fn first_prose_date(text: &str) -> Option<NaiveDate> {
    DATES.first_full_date(text)
}

/// The latest full date the text mentions: a guess at when it was written.
pub fn latest_prose_date(text: &str) -> Option<NaiveDate> {
    DATES.latest_full_date(text)
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
