//! Bytes in, text out: the size limit, binary detection, and lossy UTF-8.

use std::fs;
use std::io::Read;
use std::sync::Arc;

use crate::discover::{stdin_bytes, Input};
use crate::error::{IngestError, Location};
use crate::ReadOptions;

/// An input's text with the problems met while decoding it.
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Reads an input's bytes, refusing what is too large, empty or binary.
pub fn load(input: &Input, opts: &ReadOptions) -> Result<Decoded, IngestError> {
    let at = Location::file(&input.path);
    let bytes: Arc<Vec<u8>> = if input.is_stdin() {
        stdin_bytes().map_err(|source| IngestError::Io {
            at: at.clone(),
            source,
        })?
    } else {
        let file = fs::File::open(&input.path).map_err(|source| IngestError::Io {
            at: at.clone(),
            source,
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(input.size);
        check_size(&at, size, opts.max_bytes)?;
        let mut buf = Vec::with_capacity(size as usize);
        // One byte past the limit is enough to know a growing file went over it.
        file.take(opts.max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|source| IngestError::Io {
                at: at.clone(),
                source,
            })?;
        Arc::new(buf)
    };
    check_size(&at, bytes.len() as u64, opts.max_bytes)?;
    decode(&at, &bytes)
}

fn check_size(at: &Location, size: u64, limit: u64) -> Result<(), IngestError> {
    if size > limit {
        return Err(IngestError::TooLarge {
            at: at.clone(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Decodes bytes as UTF-8 text. Invalid sequences become U+FFFD with a warning; NUL bytes or
/// a high share of control bytes mean the input is not text at all.
pub fn decode(at: &Location, bytes: &[u8]) -> Result<Decoded, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { at: at.clone() });
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = sample.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            at: at.clone(),
            reason: format!("NUL byte at offset {pos}"),
        });
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 10 > sample.len() {
        return Err(IngestError::Binary {
            at: at.clone(),
            reason: format!(
                "{controls} control bytes in the first {} bytes",
                sample.len()
            ),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
            let chars = text.chars().count().max(1);
            if replaced * 3 > chars {
                return Err(IngestError::Binary {
                    at: at.clone(),
                    reason: format!("{replaced} of {chars} characters are not valid UTF-8"),
                });
            }
            warnings.push(format!(
                "{at}: invalid UTF-8: {replaced} byte sequence(s) replaced with U+FFFD"
            ));
            text
        }
    };
    Ok(Decoded { text, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn at() -> Location {
        Location::file(Path::new("x.txt"))
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(decode(&at(), b""), Err(IngestError::Empty { .. })));
        assert!(matches!(
            decode(&at(), b" \n\t"),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            decode(&at(), b"ab\0cd"),
            Err(IngestError::Binary { .. })
        ));
        let noise: Vec<u8> = (0..200u8).map(|i| i % 9).collect();
        assert!(matches!(
            decode(&at(), &noise),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(&at(), b"Caf\xe9 in Paris, a long enough line of text.").unwrap();
        assert_eq!(d.text, "Caf\u{FFFD} in Paris, a long enough line of text.");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("invalid UTF-8"));
    }

    #[test]
    fn bom_is_dropped() {
        let d = decode(&at(), b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert!(d.warnings.is_empty());
    }
}
