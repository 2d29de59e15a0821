//! What the converter left out or changed, and why: counted for the output headers, listed
//! with file and line for the summary on stderr.
//!
//! Dropping is the normal fate of entries entente cannot express (a pattern on the subject
//! side, a code with no PLOVER event); an entry is never dropped silently, so that the counts
//! in a header add up and a reader can look each case up in the source.

use std::collections::BTreeMap;

/// One dropped (or adjusted) item: why, and where in which input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub reason: &'static str,
    pub file: String,
    pub line: usize,
    pub detail: String,
}

/// The drops and notes of one output file.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    dropped: BTreeMap<&'static str, usize>,
    noted: BTreeMap<&'static str, usize>,
    notices: Vec<Notice>,
}

impl Tally {
    /// Counts an item left out of the output, and keeps where it was.
    pub fn drop(
        &mut self,
        reason: &'static str,
        file: &str,
        line: usize,
        detail: impl Into<String>,
    ) {
        *self.dropped.entry(reason).or_default() += 1;
        self.notices.push(Notice {
            reason,
            file: file.to_string(),
            line,
            detail: detail.into(),
        });
    }

    /// Counts something that was kept but changed, or is worth a line in the header.
    pub fn note(
        &mut self,
        reason: &'static str,
        file: &str,
        line: usize,
        detail: impl Into<String>,
    ) {
        *self.noted.entry(reason).or_default() += 1;
        self.notices.push(Notice {
            reason,
            file: file.to_string(),
            line,
            detail: detail.into(),
        });
    }

    pub fn dropped_total(&self) -> usize {
        self.dropped.values().sum()
    }

    pub fn dropped(&self, reason: &str) -> usize {
        self.dropped.get(reason).copied().unwrap_or(0)
    }

    pub fn noted(&self, reason: &str) -> usize {
        self.noted.get(reason).copied().unwrap_or(0)
    }

    /// Reasons with their counts, most frequent first (ties by reason), for headers.
    pub fn dropped_by_reason(&self) -> Vec<(&'static str, usize)> {
        sorted_counts(&self.dropped)
    }

    pub fn noted_by_reason(&self) -> Vec<(&'static str, usize)> {
        sorted_counts(&self.noted)
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The notices of one reason, in input order.
    pub fn notices_of<'a>(&'a self, reason: &'a str) -> impl Iterator<Item = &'a Notice> + 'a {
        self.notices.iter().filter(move |n| n.reason == reason)
    }

    /// Adds another tally's counts and notices (the actor files share one).
    pub fn absorb(&mut self, other: &Tally) {
        for (k, v) in &other.dropped {
            *self.dropped.entry(k).or_default() += v;
        }
        for (k, v) in &other.noted {
            *self.noted.entry(k).or_default() += v;
        }
        self.notices.extend(other.notices.iter().cloned());
    }
}

fn sorted_counts(map: &BTreeMap<&'static str, usize>) -> Vec<(&'static str, usize)> {
    let mut v: Vec<_> = map.iter().map(|(k, v)| (*k, *v)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_reason_most_frequent_first() {
        let mut t = Tally::default();
        t.drop("b", "f.txt", 1, "x");
        t.drop("a", "f.txt", 2, "y");
        t.drop("b", "f.txt", 3, "z");
        t.note("n", "f.txt", 4, "");
        assert_eq!(t.dropped_total(), 3);
        assert_eq!(t.dropped_by_reason(), [("b", 2), ("a", 1)]);
        assert_eq!(t.noted("n"), 1);
        assert_eq!(t.notices_of("b").count(), 2);
    }
}
