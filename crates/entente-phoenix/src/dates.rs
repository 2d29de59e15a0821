//! Date restrictions of actor roles: `[CODE 970101-061231]`, `[CODE >20070101]`,
//! `[CODE <900823]`, or none.
//!
//! A date is `YYMMDD` or `YYYYMMDD`. Two-digit years 00-29 are 20xx and 30-99 are 19xx: the
//! dictionaries were compiled around 2014, so no role starts after 2029, while CountryInfo's
//! birth-year roles reach back to the 1930s (`[AFGELI 320101-331108]` for Zahir Shah, king
//! from 1933). Checked on entries we know: Kofi Annan `970101-061231` is 1997-2006, Hamid
//! Karzai `>011222` is from 2001-12-22. PETRARCH itself reads 00-30 as 20xx; no date in the
//! files has the year 30, so the two rules give the same dates here.
//!
//! Limits are inclusive, as in PETRARCH. Anything else (a seven- or nine-digit date, a month
//! 13, an interval that ends before it starts, a date with no `<`, `>` or `-`) is malformed:
//! the caller drops the role and reports it.

use std::fmt;

/// A calendar date, checked (month 1-12, day within the month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// The day before, for the gaps between dated roles.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// The day after.
    pub fn succ(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2007-01-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When a role holds: inclusive limits, `None` = open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Span {
    pub const ALWAYS: Span = Span {
        from: None,
        to: None,
    };

    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// Parses the text after the code in `[CODE ...]`; `Err` says what is wrong.
pub fn parse_span(text: &str) -> Result<Span, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Span::ALWAYS);
    }
    if let Some(rest) = text.strip_prefix('>') {
        return Ok(Span {
            from: Some(parse_date(rest.trim())?),
            to: None,
        });
    }
    if let Some(rest) = text.strip_prefix('<') {
        return Ok(Span {
            from: None,
            to: Some(parse_date(rest.trim())?),
        });
    }
    if let Some((a, b)) = text.split_once('-') {
        let (from, to) = (parse_date(a.trim())?, parse_date(b.trim())?);
        if to < from {
            return Err(format!("`{text}` ends before it starts"));
        }
        return Ok(Span {
            from: Some(from),
            to: Some(to),
        });
    }
    Err(format!("`{text}` has no `<`, `>` or `-`"))
}

/// `YYMMDD` or `YYYYMMDD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("`{text}` is not a date (YYMMDD or YYYYMMDD)");
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<u16>().map_err(|_| bad());
    let (year, rest) = match text.len() {
        6 => {
            let yy = num(&text[..2])?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &text[2..])
        }
        8 => (num(&text[..4])?, &text[4..]),
        _ => return Err(bad()),
    };
    let month = u8::try_from(num(&rest[..2])?).map_err(|_| bad())?;
    let day = u8::try_from(num(&rest[2..])?).map_err(|_| bad())?;
    Date::new(year, month, day).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s).map(|d| d.to_string()).unwrap_or_else(|e| e)
    }

    #[test]
    fn two_digit_years_pivot_at_30() {
        assert_eq!(iso("970101"), "1997-01-01");
        assert_eq!(iso("061231"), "2006-12-31");
        assert_eq!(iso("291231"), "2029-12-31");
        assert_eq!(iso("300101"), "1930-01-01");
        assert_eq!(iso("20070101"), "2007-01-01");
        assert_eq!(iso("19270101"), "1927-01-01");
    }

    #[test]
    fn spans() {
        let s = parse_span("970101-061231").unwrap();
        assert_eq!(
            (s.from.unwrap().to_string(), s.to.unwrap().to_string()),
            ("1997-01-01".into(), "2006-12-31".into())
        );
        assert_eq!(parse_span(">20070101").unwrap().to, None);
        assert_eq!(
            parse_span("> 140608").unwrap().from,
            parse_date("140608").ok()
        );
        assert_eq!(parse_span("<900823").unwrap().from, None);
        assert_eq!(parse_span("").unwrap(), Span::ALWAYS);
    }

    #[test]
    fn malformed_dates_are_errors() {
        // Ban Ki-moon's Korean role in the International file: a seven-digit date.
        assert!(parse_span("2004017-20061201").is_err());
        assert!(parse_span(">201005011").is_err());
        assert!(parse_span("1920030320-20060520").is_err());
        assert!(parse_span("20121204").is_err());
        assert!(parse_span("990231-000101").is_err());
        assert!(parse_span("061231-970101").is_err());
        assert!(parse_date("20100229").is_err());
        assert!(parse_date("20120229").is_ok());
    }

    #[test]
    fn neighbours() {
        let d = parse_date("20120301").unwrap();
        assert_eq!(d.pred().to_string(), "2012-02-29");
        assert_eq!(d.pred().succ(), d);
        assert_eq!(
            parse_date("19991231").unwrap().succ().to_string(),
            "2000-01-01"
        );
    }
}
