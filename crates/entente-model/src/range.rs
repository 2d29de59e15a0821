use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's normalized text.
///
/// Byte offsets are what Rust slices with; [`CharOffsets`] turns them into the Unicode
/// character offsets that the public event record carries (what Python's `str` slices with).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// Panics if `end < start`: that is a bug in the caller, never a property of the input.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "TextRange {start}..{end} is reversed");
        TextRange {
            start: u32::try_from(start).expect("text over 4 GiB"),
            end: u32::try_from(end).expect("text over 4 GiB"),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range that covers both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text under this range. Panics when the range is not on char boundaries of `text`,
    /// which would be a bug in the stage that built it.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start()..self.end()]
    }
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets.
///
/// Built once per text in O(n); each conversion is a binary search over the positions of
/// the non-ASCII characters, so pure-ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For each non-ASCII char: (its byte offset, extra bytes it takes beyond one).
    wide: Vec<(u32, u32)>,
    /// Running total of the extra bytes up to and including each entry of `wide`.
    extra_before: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra_before = Vec::new();
        let mut total = 0u32;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8() as u32;
            if n > 1 {
                total += n - 1;
                wide.push((i as u32, n - 1));
                extra_before.push(total);
            }
        }
        CharOffsets { wide, extra_before }
    }

    /// The character offset of the char boundary at `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte as u32;
        // Wide chars that start strictly before `byte` contributed their extra bytes.
        let k = self.wide.partition_point(|&(pos, _)| pos < byte);
        let extra = if k == 0 { 0 } else { self.extra_before[k - 1] };
        (byte - extra) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn char_offsets_count_curly_quotes_once() {
        let text = "North Korea’s “troops” in Russia";
        let offsets = CharOffsets::new(text);
        let byte = text.find("Russia").unwrap();
        let chars = text.chars().take_while({
            let mut seen = 0;
            move |c| {
                let ok = seen < byte;
                seen += c.len_utf8();
                ok
            }
        });
        assert_eq!(offsets.char_offset(byte), chars.count());
        assert_eq!(offsets.char_offset(0), 0);
    }

    proptest! {
        #[test]
        fn char_offset_matches_counting(text in "\\PC{0,60}") {
            let offsets = CharOffsets::new(&text);
            for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                prop_assert_eq!(offsets.char_offset(byte), text[..byte].chars().count());
            }
        }
    }
}
