use serde::{Deserialize, Serialize};
use std::fmt;
use xxhash_rust::xxh3::xxh3_128;

/// The stable id of an article: a hash of its normalized body text.
///
/// Two copies of one article, read from different files or sites, get the same id; the id
/// does not depend on the process, the machine or the order of input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    pub fn from_text(normalized_text: &str) -> Self {
        ArticleId(format!("a{:032x}", xxh3_128(normalized_text.as_bytes())))
    }

    /// Wraps an id read back from the store or from the user.
    pub fn from_stored(id: impl Into<String>) -> Self {
        ArticleId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stable id of an event: a hash of its article, evidence offsets and coded triple.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(String);

impl EventId {
    /// `parts` are the fields that make the event what it is; they are joined with a
    /// separator that cannot occur in any of them.
    pub fn from_parts(parts: &[&str]) -> Self {
        let joined = parts.join("\u{1f}");
        EventId(format!("e{:032x}", xxh3_128(joined.as_bytes())))
    }

    pub fn from_stored(id: impl Into<String>) -> Self {
        EventId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
