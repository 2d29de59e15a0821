use std::fmt;

/// One problem in one lexicon file. `line` is 1-based; 0 means the problem is about the whole
/// file (it cannot be read, say) rather than one of its lines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, thiserror::Error)]
#[error("`{path}`:{line}: {message}")]
pub struct LexiconError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl LexiconError {
    pub fn new(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        LexiconError {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

/// Every problem found while loading a lexicon, so one run shows all of them at once rather
/// than one per attempt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl LexiconErrors {
    /// Sorts by file and line so the listing reads like a compiler's, the same on every run.
    pub fn new(mut errors: Vec<LexiconError>) -> Self {
        errors.sort();
        errors.dedup();
        LexiconErrors(errors)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, LexiconError> {
        self.0.iter()
    }
}

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl From<Vec<LexiconError>> for LexiconErrors {
    fn from(errors: Vec<LexiconError>) -> Self {
        LexiconErrors::new(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_lists_every_problem_with_path_and_line() {
        let errs = LexiconErrors::new(vec![
            LexiconError::new("b.txt", 3, "second"),
            LexiconError::new("a.txt", 7, "first"),
        ]);
        assert_eq!(errs.to_string(), "`a.txt`:7: first\n`b.txt`:3: second");
    }
}
