use thiserror::Error;

/// A value that does not fit the model: an unknown code, a malformed date.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ModelError {
    #[error("`{0}` is not an actor code: expected three upper-case letters (ISO 3166-1 alpha-3, `IGO`, `NGO`, ...)")]
    ActorCode(String),
    #[error("`{0}` is not a PLOVER event type")]
    EventType(String),
    #[error("`{0}` is not a sector code: expected two to four upper-case letters")]
    Sector(String),
    #[error("`{0}` is not a quad class: expected 1 to 4")]
    QuadClass(u8),
    #[error("`{0}` is not a modality")]
    Modality(String),
    #[error("`{0}` is not a genre")]
    Genre(String),
}
