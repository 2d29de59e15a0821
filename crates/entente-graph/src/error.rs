use std::path::PathBuf;

/// Everything that can go wrong when reading the data the analytics need.
///
/// The measures themselves do not fail: an actor with no events gets an empty result.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GraphError {
    /// A line of an alignments file or a sanctions CSV that does not parse.
    #[error("{path}:{line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// Several problems found in one file; every one is listed.
    #[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<GraphError>),
    #[error("`{0}` is not a period: expected `month`, `quarter` or `year`")]
    Period(String),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
}

impl GraphError {
    pub(crate) fn line(path: &std::path::Path, line: usize, message: impl Into<String>) -> Self {
        GraphError::Line {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    /// One error stays itself; several become [`GraphError::Many`].
    pub(crate) fn collect(mut errors: Vec<GraphError>) -> Result<(), GraphError> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(GraphError::Many(errors)),
        }
    }
}
