use chrono::{Datelike, NaiveDate};
use entente_model::{Interaction, Modality};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::GraphError;

/// Which interactions a measure counts: a closed date range (either end open) and the
/// modalities taken as fact. By default only asserted and reported events count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Window {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub modalities: Vec<Modality>,
}

impl Default for Window {
    fn default() -> Self {
        Window {
            since: None,
            until: None,
            modalities: vec![Modality::Asserted, Modality::Reported],
        }
    }
}

impl Window {
    /// The default modalities between two dates (inclusive).
    pub fn between(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Self {
        Window {
            since,
            until,
            ..Window::default()
        }
    }

    pub fn admits(&self, i: &Interaction) -> bool {
        self.filter().admits(i)
    }

    /// A copyable form for the hot loops: the modality list becomes a bit mask so that a
    /// million checks cost a million AND instructions, not a million list scans.
    pub(crate) fn filter(&self) -> Filter {
        let mut mask = 0u8;
        for m in &self.modalities {
            mask |= modality_bit(*m);
        }
        Filter {
            since: self.since,
            until: self.until,
            mask,
        }
    }
}

fn modality_bit(m: Modality) -> u8 {
    let i = Modality::ALL.iter().position(|x| *x == m).unwrap_or(0);
    1 << i
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Filter {
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    mask: u8,
}

impl Filter {
    #[inline]
    pub(crate) fn admits(&self, i: &Interaction) -> bool {
        self.mask & modality_bit(i.modality) != 0
            && self.since.is_none_or(|s| i.date >= s)
            && self.until.is_none_or(|u| i.date <= u)
    }
}

/// The bucket a date falls into for a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    /// A number that orders periods and makes consecutive periods consecutive integers.
    pub fn key(self, d: NaiveDate) -> i32 {
        match self {
            Period::Month => d.year() * 12 + d.month0() as i32,
            Period::Quarter => d.year() * 4 + (d.month0() / 3) as i32,
            Period::Year => d.year(),
        }
    }

    /// `2024-06`, `2024-Q2` or `2024`.
    pub fn label_of(self, key: i32) -> String {
        match self {
            Period::Month => format!("{}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Period::Quarter => format!("{}-Q{}", key.div_euclid(4), key.rem_euclid(4) + 1),
            Period::Year => format!("{key}"),
        }
    }

    pub fn label(self, d: NaiveDate) -> String {
        self.label_of(self.key(d))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Period {
    type Err = GraphError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            _ => Err(GraphError::Period(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19).unwrap();
        assert_eq!(Period::Month.label(d), "2024-06");
        assert_eq!(Period::Quarter.label(d), "2024-Q2");
        assert_eq!(Period::Year.label(d), "2024");
        let dec = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
        assert_eq!(Period::Month.key(d) - Period::Month.key(dec), 6);
        assert_eq!(Period::Quarter.key(d) - Period::Quarter.key(dec), 2);
        assert!("week".parse::<Period>().is_err());
    }
}
