use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a date was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// From the input's metadata (a record's `date`, `<meta>`, JSON-LD).
    Metadata,
    /// Written in the text itself (a dateline, a sentence's "on June 19, 2024").
    Text,
    /// The article's date, taken for an event whose sentence gives none.
    Article,
    /// Guessed: the latest date the text mentions. Flagged so that nobody mistakes it.
    Inferred,
    /// Given by the user (`--date`).
    User,
}

/// An article's publication date and how it was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    pub date: NaiveDate,
    pub basis: DateBasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    /// `value` is `start/end`.
    Range,
}

/// An event's date as the public record carries it: `"2024-06-19"`, `"2024-10"`, `"2024"`, or
/// `"2024-10-21/2024-10-31"` for a range.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    pub precision: DatePrecision,
    pub basis: DateBasis,
}

impl EventDate {
    pub fn day(date: NaiveDate, basis: DateBasis) -> Self {
        EventDate {
            value: date.format("%Y-%m-%d").to_string(),
            precision: DatePrecision::Day,
            basis,
        }
    }

    pub fn month(year: i32, month: u32, basis: DateBasis) -> Self {
        EventDate {
            value: format!("{year:04}-{month:02}"),
            precision: DatePrecision::Month,
            basis,
        }
    }

    pub fn year(year: i32, basis: DateBasis) -> Self {
        EventDate {
            value: format!("{year:04}"),
            precision: DatePrecision::Year,
            basis,
        }
    }

    pub fn range(start: NaiveDate, end: NaiveDate, basis: DateBasis) -> Self {
        EventDate {
            value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
            precision: DatePrecision::Range,
            basis,
        }
    }

    /// The first day the date may stand for; used to sort and to bucket into periods.
    pub fn start(&self) -> Option<NaiveDate> {
        let first = self.value.split('/').next()?;
        match self.precision {
            DatePrecision::Day | DatePrecision::Range => {
                NaiveDate::parse_from_str(first, "%Y-%m-%d").ok()
            }
            DatePrecision::Month => {
                NaiveDate::parse_from_str(&format!("{first}-01"), "%Y-%m-%d").ok()
            }
            DatePrecision::Year => {
                NaiveDate::parse_from_str(&format!("{first}-01-01"), "%Y-%m-%d").ok()
            }
        }
    }

    /// The last day the date may stand for.
    pub fn end(&self) -> Option<NaiveDate> {
        let last = self.value.rsplit('/').next()?;
        match self.precision {
            DatePrecision::Day | DatePrecision::Range => {
                NaiveDate::parse_from_str(last, "%Y-%m-%d").ok()
            }
            DatePrecision::Month => {
                let first = NaiveDate::parse_from_str(&format!("{last}-01"), "%Y-%m-%d").ok()?;
                first.checked_add_months(chrono::Months::new(1))?.pred_opt()
            }
            DatePrecision::Year => {
                NaiveDate::parse_from_str(&format!("{last}-12-31"), "%Y-%m-%d").ok()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_ends_on_the_last_day_it_may_stand_for() {
        let d = |value: &str, precision| EventDate {
            value: value.into(),
            precision,
            basis: DateBasis::Text,
        };
        let end = |e: EventDate| e.end().map(|d| d.to_string());
        assert_eq!(
            end(d("2024-02", DatePrecision::Month)).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            end(d("2023", DatePrecision::Year)).as_deref(),
            Some("2023-12-31")
        );
        assert_eq!(
            end(d("2024-10-21/2024-10-31", DatePrecision::Range)).as_deref(),
            Some("2024-10-31")
        );
    }

    #[test]
    fn start_of_each_precision() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19).unwrap();
        assert_eq!(EventDate::day(d, DateBasis::Text).start(), Some(d));
        assert_eq!(
            EventDate::month(2024, 10, DateBasis::Text).start(),
            NaiveDate::from_ymd_opt(2024, 10, 1)
        );
        assert_eq!(
            EventDate::year(2024, DateBasis::Text).start(),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        let r = EventDate::range(d, d.succ_opt().unwrap(), DateBasis::Text);
        assert_eq!(r.value, "2024-06-19/2024-06-20");
        assert_eq!(r.start(), Some(d));
    }
}
