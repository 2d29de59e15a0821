//! Reading the dictionaries: bytes -> lines of text, each decoded on its own.
//!
//! The Phoenix files were edited by many hands over twenty years; a file can be UTF-8 with a
//! few lines saved as Windows-1252. Decoding line by line keeps one bad line from spoiling
//! the file: UTF-8 first, then Windows-1252 (a superset of Latin-1 in the printable range).
//! A line that decodes but is still damaged (a control character where a letter was lost, a
//! U+FFFD left by an earlier lossy conversion, UTF-8 that was decoded as Windows-1252 and
//! saved again) is kept as unusable: the parsers see that a line was there, so that, say, the
//! roles under an unreadable name are not given to the entry above it.

use std::path::Path;

use crate::report::Tally;
use crate::Error;

/// Why a line was dropped as unreadable.
pub const UNREADABLE: &str = "unreadable line (damaged text)";
/// A line that was not UTF-8 and was read as Windows-1252 (kept).
pub const WINDOWS_1252: &str = "line read as Windows-1252";

/// One line of an input file, 1-based; `text` is `None` when the line is unusable, and
/// `lossy` is what it looks like anyway (for parsers to see what kind of line it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: Option<String>,
    pub lossy: String,
}

/// An input file as lines, with the name reports use for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub lines: Vec<Line>,
}

impl SourceFile {
    /// Reads `path`; unusable lines are reported into `tally`.
    pub fn read(path: &Path, tally: &mut Tally) -> Result<SourceFile, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Ok(SourceFile::decode(&name, &bytes, tally))
    }

    /// Splits `bytes` into lines and decodes each (see the module docs).
    pub fn decode(name: &str, bytes: &[u8], tally: &mut Tally) -> SourceFile {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut lines = Vec::new();
        let mut parts: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
        if parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
        for (i, raw) in parts.into_iter().enumerate() {
            let number = i + 1;
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let text = match decode_line(raw) {
                Ok((text, false)) => Some(text),
                Ok((text, true)) => {
                    tally.note(WINDOWS_1252, name, number, text.clone());
                    Some(text)
                }
                Err(why) => {
                    tally.drop(UNREADABLE, name, number, why);
                    None
                }
            };
            let lossy = String::from_utf8_lossy(raw).into_owned();
            lines.push(Line {
                number,
                text,
                lossy,
            });
        }
        SourceFile {
            name: name.to_string(),
            lines,
        }
    }
}

/// Decodes one line: the text, and whether it needed the Windows-1252 fallback; `Err` says
/// why the line is unusable.
pub fn decode_line(raw: &[u8]) -> Result<(String, bool), String> {
    let (text, fallback) = match std::str::from_utf8(raw) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (decode_windows_1252(raw)?, true),
    };
    check_usable(&text)?;
    Ok((text, fallback))
}

/// Windows-1252: Latin-1 except 0x80-0x9F, where it has letters and punctuation (and five
/// holes, which make the line unusable).
fn decode_windows_1252(raw: &[u8]) -> Result<String, String> {
    raw.iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)]
                .ok_or_else(|| format!("byte 0x{b:02X} is neither UTF-8 nor Windows-1252")),
            _ => Ok(char::from(b)),
        })
        .collect()
}

/// 0x80..=0x9F in Windows-1252 (the code page's published table).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// The byte Windows-1252 writes for `c`, if any: to recognize UTF-8 read as Windows-1252.
fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ (0..=0x7F | 0xA0..=0xFF) => u8::try_from(n).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&h| h == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

fn check_usable(text: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\t') {
        return Err(format!(
            "control character U+{:04X} (a letter was lost)",
            u32::from(c)
        ));
    }
    if text.contains('\u{FFFD}') {
        return Err("U+FFFD: the text was damaged by an earlier conversion".into());
    }
    // "PÃŠBLICAS": the two bytes of UTF-8 "Ú" read as Windows-1252 (and upper-cased).
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(2) {
        if matches!(w[0], 'Ã' | 'Â')
            && windows_1252_byte(w[1]).is_some_and(|b| (0x80..0xC0).contains(&b))
        {
            return Err(format!(
                "`{}{}`: UTF-8 that was decoded as Windows-1252",
                w[0], w[1]
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_lines_pass_through() {
        assert_eq!(
            decode_line("ERDOĞAN".as_bytes()),
            Ok(("ERDOĞAN".to_string(), false))
        );
    }

    #[test]
    fn latin1_line_falls_back_to_windows_1252() {
        // "MANFRED_WÖRNER_" saved as Latin-1: Ö is the single byte 0xD6.
        let raw = b"MANFRED_W\xD6RNER_";
        assert_eq!(decode_line(raw), Ok(("MANFRED_WÖRNER_".to_string(), true)));
        // 0x92 is a right quotation mark in Windows-1252.
        assert_eq!(
            decode_line(b"O\x92NEIL").map(|t| t.0),
            Ok("O\u{2019}NEIL".into())
        );
    }

    #[test]
    fn damaged_lines_are_unusable() {
        assert!(decode_line(b"LIAMINE_Z\x1aROUAL_").is_err());
        assert!(decode_line("COTE_D\u{FFFD}IVOIRE_".as_bytes()).is_err());
        assert!(decode_line("DE_OBRAS_PÃŠBLICAS".as_bytes()).is_err());
        assert!(decode_line(b"\x81BAD").is_err());
        // Tabs are how role lines start.
        assert!(decode_line(b"\t[AFGGOV]").is_ok());
    }

    #[test]
    fn a_file_keeps_a_placeholder_for_each_unusable_line() {
        let mut tally = Tally::default();
        let f = SourceFile::decode("t.txt", b"A\r\nB\x1a\nC\n", &mut tally);
        assert_eq!(f.lines.len(), 3);
        assert_eq!(f.lines[1].text, None);
        assert_eq!(f.lines[2].text.as_deref(), Some("C"));
        assert_eq!(tally.dropped(UNREADABLE), 1);
        assert_eq!(tally.notices()[0].line, 2);
    }
}
