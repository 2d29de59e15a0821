//! SimHash over word 3-shingles: near-copies of one text get 64-bit fingerprints that differ
//! in few bits.
//!
//! Each shingle (three consecutive lower-cased words) is hashed with xxh3; every bit of the
//! fingerprint is the sign of the vote of all shingles on that bit. Two texts whose shingle
//! sets overlap almost entirely agree on almost every bit (Charikar 2002; Manku, Jain and
//! Das Sarma 2007 use 64 bits and a distance of 3 to call web pages near-duplicates).

use xxhash_rust::xxh3::xxh3_64;

/// Fingerprints at most this many bits apart are near-duplicates.
///
/// Three bits (the figure of Manku et al. for web pages) is too strict for news: in a
/// 300-word story one changed word moves the fingerprint by 1 to 6 bits, so a limit of 3
/// misses about half of such copies. Unrelated texts sit near 32 bits (sd 4), far from 6.
pub const MAX_DISTANCE: u32 = 6;

/// The fingerprint is cut into this many bands of 16 bits, each indexed.
pub const BANDS: usize = 4;
const BAND_BITS: u32 = 64 / BANDS as u32;

/// Fingerprints at most `2 * BANDS - 1` bits apart differ in at most one bit of some band
/// (pigeonhole), so looking up each band's value and its 16 one-bit neighbours finds every
/// one of them: 68 index probes, however many articles are stored.
pub const GUARANTEED: u32 = 2 * BANDS as u32 - 1;

const _: () = assert!(MAX_DISTANCE <= GUARANTEED);

const SHINGLE: usize = 3;

/// The hash of a word's lower case. ASCII words, nearly all of them, are lowered on the
/// stack; others go through `str::to_lowercase`. Both give the same bytes for ASCII, so
/// fingerprints do not depend on the path taken.
fn word_hash(word: &str) -> u64 {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lowered = &mut buf[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        xxh3_64(lowered)
    } else {
        xxh3_64(word.to_lowercase().as_bytes())
    }
}

/// The SimHash of a text, or `None` when it has no words (nothing to compare).
pub fn simhash(text: &str) -> Option<u64> {
    // Hash each word once; a shingle's hash is the hash of its words' hashes.
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.is_empty() {
        return None;
    }
    // A text shorter than a shingle is one shingle of all its words.
    let width = SHINGLE.min(words.len());
    let mut votes = [0i32; 64];
    let mut buf = [0u8; 8 * SHINGLE];
    for window in words.windows(width) {
        for (i, w) in window.iter().enumerate() {
            buf[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
        }
        let h = xxh3_64(&buf[..width * 8]);
        for (bit, vote) in votes.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *vote += 1;
            } else {
                *vote -= 1;
            }
        }
    }
    Some(
        votes
            .iter()
            .enumerate()
            .filter(|(_, &v)| v > 0)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// 1.0 for equal fingerprints, falling linearly with the number of differing bits.
pub fn similarity(a: u64, b: u64) -> f64 {
    1.0 - f64::from(distance(a, b)) / 64.0
}

/// The `BANDS` slices of a fingerprint, as `(band, value)`.
pub fn bands(hash: u64) -> [(i64, i64); BANDS] {
    std::array::from_fn(|i| {
        let value = (hash >> (i as u32 * BAND_BITS)) & ((1 << BAND_BITS) - 1);
        (i as i64, value as i64)
    })
}

/// The values to look up for one band: the value itself and every value one bit away.
pub fn probes(value: i64) -> [i64; BAND_BITS as usize + 1] {
    std::array::from_fn(|i| if i == 0 { value } else { value ^ 1 << (i - 1) })
}

/// SQLite integers are signed; the fingerprint is stored by its bit pattern.
pub fn to_sql(hash: u64) -> i64 {
    hash as i64
}

pub fn from_sql(value: i64) -> u64 {
    value as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_hash_and_case_and_punctuation_do_not_matter() {
        let a = simhash("North Korea sent troops to Russia.").unwrap();
        assert_eq!(a, simhash("north korea sent troops, to Russia").unwrap());
        assert_eq!(distance(a, a), 0);
        assert_eq!(similarity(a, a), 1.0);
    }

    #[test]
    fn no_words_no_hash() {
        assert_eq!(simhash(""), None);
        assert_eq!(simhash(" -- ... "), None);
        assert!(simhash("Sanctions").is_some());
    }

    #[test]
    fn bands_cover_every_bit() {
        let h = 0x0123_4567_89ab_cdefu64;
        let bands = bands(h);
        let back = bands.iter().fold(0u64, |acc, &(i, v)| {
            acc | (v as u64) << (i as u32 * BAND_BITS)
        });
        assert_eq!(back, h);
        assert_eq!(from_sql(to_sql(u64::MAX)), u64::MAX);
    }

    proptest::proptest! {
        #[test]
        fn fingerprints_within_the_guarantee_share_a_band(
            hash: u64,
            flips in proptest::collection::btree_set(0u32..64, 0..=GUARANTEED as usize),
        ) {
            let other = flips.iter().fold(hash, |h, bit| h ^ 1 << bit);
            proptest::prop_assert!(distance(hash, other) <= GUARANTEED);
            let found = bands(hash)
                .iter()
                .zip(bands(other))
                .any(|(&(_, mine), (_, theirs))| probes(mine).contains(&theirs));
            proptest::prop_assert!(found);
        }
    }

    #[test]
    fn unrelated_texts_are_far_apart() {
        let a = simhash(
            "The ministers of both countries met in Beijing to discuss trade and a new railway.",
        )
        .unwrap();
        let b = simhash("Heavy rain flooded the valley overnight and the harvest of rice was lost to the water.").unwrap();
        assert!(distance(a, b) > MAX_DISTANCE, "distance {}", distance(a, b));
    }
}

#[cfg(test)]
mod word_hash_tests {
    use super::*;

    #[test]
    fn the_stack_path_hashes_like_to_lowercase() {
        for w in [
            "Pyongyang",
            "UN",
            "x",
            "averyveryverylongwordthatpassesthirtytwobytes",
            "Türkiye",
        ] {
            assert_eq!(word_hash(w), xxh3_64(w.to_lowercase().as_bytes()), "{w}");
        }
    }
}
