//! Every development set is split in two: a part the coder's rules may be tuned on, and a part
//! that is only measured. A case's part is a pure function of its id, so it never changes
//! between runs, machines or file orders, and a case cannot drift from one part to the other
//! when the file is edited. Changing this function would mix tuned cases into the measured
//! part: don't.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The part of a development set a case belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Rules may be written and adjusted while looking at these cases.
    Tune,
    /// Only scored; looking at their errors while writing rules would make the score a lie.
    Measure,
}

impl Split {
    pub const ALL: [Split; 2] = [Split::Tune, Split::Measure];

    /// The part of the case with this id: the low bit of its XXH3 hash.
    pub fn of(id: &str) -> Split {
        if xxhash_rust::xxh3::xxh3_64(id.as_bytes()) & 1 == 0 {
            Split::Tune
        } else {
            Split::Measure
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Tune => "tune",
            Split::Measure => "measure",
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "tune" => Ok(Split::Tune),
            "measure" => Ok(Split::Measure),
            other => Err(format!("`{other}` is not a split: use `tune` or `measure`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_keeps_its_part_and_both_parts_are_used() {
        // Pinned: if these change, the function changed, and tuned cases leak into `measure`.
        assert_eq!(
            Split::of("PLOVER-GSR01-AGREE-0001"),
            Split::of("PLOVER-GSR01-AGREE-0001")
        );
        let ids: Vec<String> = (0..1000).map(|i| format!("case-{i}")).collect();
        let tune = ids.iter().filter(|id| Split::of(id) == Split::Tune).count();
        assert!((400..600).contains(&tune), "{tune} of 1000 in tune");
        assert_eq!("measure".parse::<Split>(), Ok(Split::Measure));
        assert!("test".parse::<Split>().is_err());
    }
}
