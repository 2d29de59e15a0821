use chrono::NaiveDate;
use entente_model::Genre;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Inputs larger than this are refused, so that one stray dump cannot exhaust memory.
    pub max_bytes: u64,
    /// Replaces every article's date (`--date`), with basis `User`.
    pub date_override: Option<NaiveDate>,
    /// Replaces every article's genre (`--genre`).
    pub genre_override: Option<Genre>,
}

/// 20 MiB: far above any article, below what a batch should hold in memory at once.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            date_override: None,
            genre_override: None,
        }
    }
}
