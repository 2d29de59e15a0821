//! Small numeric building blocks shared by the measures.

use entente_model::{EventId, Interaction};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Intensities are summed in thousandths as integers: integer addition does not depend on
/// order, so the same events in any order give the same sums, bit for bit.
#[inline]
pub(crate) fn milli(g: f32) -> i64 {
    (g as f64 * 1000.0).round() as i64
}

#[inline]
pub(crate) fn unmilli(m: i64) -> f64 {
    m as f64 / 1000.0
}

/// A multiply-rotate hasher in the manner of rustc's FxHash. The measures hash a million
/// short actor names per call, and the default SipHash (built to resist hash flooding, which
/// cannot happen with our own keys) costs several times more. Iteration order of these maps
/// never reaches output: every result is sorted.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// A final mix: the multiply leaves the low bits depending only on the low bits of the
    /// last word (a date, an enum), and hashbrown picks buckets by the low bits, so keys
    /// ending alike would crowd into few buckets.
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.hash ^ (self.hash >> 32);
        h.wrapping_mul(FX_SEED) ^ (h >> 29)
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Rounds for display and for serialized output (three decimals), so that a value computed
/// by division prints the same on every machine.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The undirected key of a pair: the two names in order.
#[inline]
pub(crate) fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Herfindahl–Hirschman index of shares that sum to one; 0 for no shares.
pub fn hhi(shares: &[f64]) -> f64 {
    shares.iter().map(|s| s * s).sum()
}

/// Jensen–Shannon divergence, base 2, of two distributions over the same support
/// (`p[i]` and `q[i]` describe the same partner). In [0, 1]; 0 when `p == q`.
pub fn jensen_shannon(p: &[f64], q: &[f64]) -> f64 {
    debug_assert_eq!(p.len(), q.len());
    let mut js = 0.0;
    for (&pi, &qi) in p.iter().zip(q) {
        let m = 0.5 * (pi + qi);
        if pi > 0.0 {
            js += 0.5 * pi * (pi / m).log2();
        }
        if qi > 0.0 {
            js += 0.5 * qi * (qi / m).log2();
        }
    }
    // Rounding can push an exact 0 or 1 a hair outside the range.
    js.clamp(0.0, 1.0)
}

/// Median of a non-empty slice, reordering it (a linear-time selection, not a sort: the
/// alerts take thousands of medians per call). For even lengths, the mean of the two middles.
pub(crate) fn median_in_place(v: &mut [f64]) -> f64 {
    let n = v.len();
    let (lower, mid, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    let hi = *mid;
    if n % 2 == 1 {
        hi
    } else {
        let lo = lower.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        0.5 * (lo + hi)
    }
}

/// Median of a non-empty slice.
pub(crate) fn median(xs: &[f64]) -> f64 {
    median_in_place(&mut xs.to_vec())
}

/// Median absolute deviation (unscaled).
pub(crate) fn mad(xs: &[f64], med: f64) -> f64 {
    let mut dev: Vec<f64> = xs.iter().map(|x| (x - med).abs()).collect();
    median_in_place(&mut dev)
}

/// One event offered as evidence, with what it weighs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRef {
    pub event_id: EventId,
    pub source: String,
    pub target: String,
    pub event: String,
    pub date: chrono::NaiveDate,
    pub intensity: f64,
    pub mentions: u32,
}

impl EventRef {
    pub(crate) fn of(i: &Interaction) -> Self {
        EventRef {
            event_id: i.event_id.clone(),
            source: i.source.clone(),
            target: i.target.clone().unwrap_or_default(),
            event: i.event.as_str().to_string(),
            date: i.date,
            intensity: round3(i.intensity as f64),
            mentions: i.mentions,
        }
    }
}

/// How much an event says: |intensity| × mentions, in thousandths.
#[inline]
pub(crate) fn salience(i: &Interaction) -> i64 {
    milli(i.intensity).abs() * i.mentions.max(1) as i64
}

/// Keeps the `k` most salient events seen so far, without storing the rest: the measures
/// scan a million interactions and only ever show a handful as evidence. Ties go to the
/// smaller event id so that the choice does not depend on input order; an event id seen
/// twice (one event, two directed ties) is kept once.
pub(crate) struct TopEvents<'a> {
    k: usize,
    items: Vec<(i64, &'a Interaction)>,
}

impl<'a> TopEvents<'a> {
    pub(crate) fn new(k: usize) -> Self {
        TopEvents {
            k,
            items: Vec::with_capacity(k + 1),
        }
    }

    fn better(a: (i64, &Interaction), b: (i64, &Interaction)) -> bool {
        a.0 > b.0 || (a.0 == b.0 && a.1.event_id < b.1.event_id)
    }

    #[inline]
    pub(crate) fn push(&mut self, i: &'a Interaction) {
        let s = salience(i);
        if self.items.len() == self.k {
            let last = self.items[self.k - 1];
            if !Self::better((s, i), last) {
                return;
            }
        }
        if let Some(pos) = self
            .items
            .iter()
            .position(|(_, x)| x.event_id == i.event_id)
        {
            if Self::better((s, i), self.items[pos]) {
                self.items.remove(pos);
            } else {
                return;
            }
        }
        let at = self
            .items
            .iter()
            .position(|x| Self::better((s, i), *x))
            .unwrap_or(self.items.len());
        self.items.insert(at, (s, i));
        self.items.truncate(self.k);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn refs(&self) -> Vec<EventRef> {
        self.items.iter().map(|(_, i)| EventRef::of(i)).collect()
    }
}

/// Sorted, de-duplicated event ids.
pub(crate) fn sorted_ids<'a>(ids: impl IntoIterator<Item = &'a EventId>) -> Vec<EventId> {
    let set: HashSet<&EventId> = ids.into_iter().collect();
    let mut v: Vec<EventId> = set.into_iter().cloned().collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_bounds() {
        assert_eq!(jensen_shannon(&[0.5, 0.5], &[0.5, 0.5]), 0.0);
        assert!((jensen_shannon(&[1.0, 0.0], &[0.0, 1.0]) - 1.0).abs() < 1e-12);
        assert!((hhi(&[0.5, 0.5]) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn median_matches_a_sort() {
        for xs in [
            vec![3.0],
            vec![2.0, 1.0],
            vec![5.0, 1.0, 4.0, 2.0, 3.0, 0.0],
            vec![1.0, 1.0, 9.0],
        ] {
            let mut sorted = xs.clone();
            sorted.sort_by(f64::total_cmp);
            let n = sorted.len();
            let expect = if n % 2 == 1 {
                sorted[n / 2]
            } else {
                0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
            };
            assert_eq!(median(&xs), expect, "{xs:?}");
        }
    }

    #[test]
    fn robust_centre() {
        let xs = [1.0, 2.0, 3.0, 100.0];
        assert_eq!(median(&xs), 2.5);
        assert_eq!(mad(&xs, 2.5), 1.0);
    }
}
