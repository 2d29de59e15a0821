use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

/// Why a gold file could not be read. Every problem names the file, and the line when it has one.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Every malformed line of the file, not just the first, so that one run shows them all.
    #[error("`{}` has {} malformed line(s):\n{}", path.display(), problems.len(), LineList(path, problems))]
    Lines {
        path: PathBuf,
        problems: Vec<LineProblem>,
    },
    #[error("`{}` holds no gold cases\nhint: one JSON object a line, with `text` and `events` (or PLOVER-GSR fields)", path.display())]
    Empty { path: PathBuf },
}

/// One malformed line of a gold file (1-based line number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub message: String,
}

/// Renders problems as `path:line: message` lines, the shape editors and terminals link.
struct LineList<'a>(&'a PathBuf, &'a [LineProblem]);

impl fmt::Display for LineList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.1.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {}:{}: {}", self.0.display(), p.line, p.message)?;
        }
        Ok(())
    }
}
