//! Reading a PETRARCH actor file into entries.
//!
//! ```text
//! SECRETARY-GENERAL_BAN_KI-MOON          a name line, optionally with [CODE] or [CODE dates]
//! +BAN_KI-MOON                           synonyms
//! <tab>[IGOUNO >20070101]              tab-indented roles: [CODE dates]
//! <tab>[KORGOVBUS 2004017-20061201]
//! ```
//!
//! An entry runs from its name line to the next name line; blank and comment lines do not
//! end it. Roles may also stand on the name line (`JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231]
//! [ELI]`). Comments start with `#`, also after content.
//!
//! A name line with no code and no roles is, to PETRARCH, a spelling of the next entry that
//! has codes (its reader gives both the same code index): the Countries file lists
//! `LEONID_BREZHNEV_`, `LEONID_ILYICH_BREZHNEV`, ... before `COMMUNIST_LEADER_LEONID_BREZHNEV`
//! and its roles. It also catches accidents (`U.N._` before `UN_SECRETARY_GENERAL`), so such
//! a line is merged only when it ends in the same word as one of the next entry's names, and
//! dropped otherwise. A name line that is unreadable drops its whole entry, so that its roles
//! are not given to the entry above.

use crate::input::SourceFile;
use crate::report::Tally;

/// An entry with no code of its own that is not a spelling of the next one.
pub const NO_CODE: &str = "actor entry without a code";
/// An entry whose name line is unreadable (dropped with its synonyms and roles).
pub const NAME_UNREADABLE: &str = "actor entry whose name line is unreadable";
/// A tab-indented line with no `[...]`.
pub const INDENTED_NO_CODE: &str = "indented line without a [code]";
/// A `[` without its `]`.
pub const UNCLOSED_BRACKET: &str = "role with an unclosed `[`";
/// Codeless name lines kept as spellings of the next entry.
pub const MERGED: &str = "codeless name lines merged into the next entry";

/// One spelling, with the line it came from; `raw` is as Phoenix writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    pub line: usize,
    pub raw: String,
}

/// One `[CODE dates]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRole {
    pub line: usize,
    pub code: String,
    pub dates: String,
}

/// One actor entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    /// The name line that holds the entry's synonyms and roles.
    pub primary: Spelling,
    /// Codeless name lines before it that are spellings of it, in file order.
    pub earlier: Vec<Spelling>,
    pub synonyms: Vec<Spelling>,
    pub roles: Vec<RawRole>,
}

impl Entry {
    /// Every spelling: earlier name lines, the name line, synonyms.
    pub fn spellings(&self) -> impl Iterator<Item = &Spelling> + Clone {
        self.earlier
            .iter()
            .chain(std::iter::once(&self.primary))
            .chain(&self.synonyms)
    }

    /// The first code of the entry, for grouping names by code.
    pub fn first_code(&self) -> Option<&str> {
        self.roles.first().map(|r| r.code.as_str())
    }
}

/// Parses an actor file.
pub fn parse(file: &SourceFile, tally: &mut Tally) -> Vec<Entry> {
    let mut raw: Vec<(Entry, bool)> = Vec::new(); // (entry, unreadable name line)
    for line in &file.lines {
        let Some(text) = &line.text else {
            // An unreadable name line still starts an entry, to be dropped whole.
            let looks = &line.lossy;
            if !looks.trim().is_empty()
                && !looks.starts_with(['+', '\t', ' ', '#'])
                && !looks.trim_start().starts_with('#')
            {
                raw.push((new_entry(&file.name, line.number, looks.trim()), true));
            }
            continue;
        };
        let content = text.split('#').next().unwrap_or("");
        if content.trim().is_empty() {
            continue;
        }
        let current = raw.last_mut().map(|(e, _)| e);
        if content.starts_with(['\t', ' ']) {
            let Some(entry) = current else { continue };
            if !content.contains('[') {
                tally.drop(INDENTED_NO_CODE, &file.name, line.number, content.trim());
                continue;
            }
            let (before, roles) = split_roles(content, line.number, &file.name, tally);
            if !before.is_empty() {
                entry.synonyms.push(Spelling {
                    line: line.number,
                    raw: before,
                });
            }
            entry.roles.extend(roles);
        } else if let Some(rest) = content.strip_prefix('+') {
            let Some(entry) = current else { continue };
            // `+A_+_B`: two synonyms that lost their line break.
            let rest = rest.split('[').next().unwrap_or("");
            for part in rest.split('+') {
                if !crate::names::plain(part).is_empty() {
                    entry.synonyms.push(Spelling {
                        line: line.number,
                        raw: part.trim().to_string(),
                    });
                }
            }
        } else {
            let (name, roles) = split_roles(content, line.number, &file.name, tally);
            let mut e = new_entry(&file.name, line.number, &name);
            e.roles = roles;
            raw.push((e, false));
        }
    }
    merge_codeless(raw, tally)
}

fn new_entry(file: &str, line: usize, name: &str) -> Entry {
    Entry {
        file: file.to_string(),
        primary: Spelling {
            line,
            raw: name.trim().to_string(),
        },
        earlier: Vec::new(),
        synonyms: Vec::new(),
        roles: Vec::new(),
    }
}

/// Text before the first `[`, and every `[CODE dates]` on the line.
fn split_roles(
    content: &str,
    line: usize,
    file: &str,
    tally: &mut Tally,
) -> (String, Vec<RawRole>) {
    let (before, mut rest) = match content.find('[') {
        Some(i) => (&content[..i], &content[i..]),
        None => (content, ""),
    };
    let mut roles = Vec::new();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            tally.drop(UNCLOSED_BRACKET, file, line, rest.trim());
            break;
        };
        let inner = after[..close].trim();
        let (code, dates) = match inner.split_once(char::is_whitespace) {
            Some((c, d)) => (c, d.trim()),
            None => (inner, ""),
        };
        roles.push(RawRole {
            line,
            code: code.to_string(),
            dates: dates.to_string(),
        });
        rest = &after[close + 1..];
    }
    (before.trim().to_string(), roles)
}

/// The last word of a name, letters and digits only, for "is this a spelling of that".
fn last_word(raw: &str) -> String {
    crate::names::words(raw)
        .last()
        .map(|w| {
            w.rsplit('-')
                .next()
                .unwrap_or(w)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_uppercase()
        })
        .unwrap_or_default()
}

fn merge_codeless(raw: Vec<(Entry, bool)>, tally: &mut Tally) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut pending: Vec<Entry> = Vec::new();
    for (entry, unreadable) in raw {
        if unreadable {
            tally.drop(
                NAME_UNREADABLE,
                &entry.file,
                entry.primary.line,
                entry.primary.raw.clone(),
            );
            continue;
        }
        if entry.roles.is_empty() {
            pending.push(entry);
            continue;
        }
        let mut entry = entry;
        let ends: Vec<String> = entry.spellings().map(|s| last_word(&s.raw)).collect();
        let mut earlier = Vec::new();
        for p in pending.drain(..) {
            if ends.contains(&last_word(&p.primary.raw)) {
                tally.note(
                    MERGED,
                    &p.file,
                    p.primary.line,
                    format!("{} -> {}", p.primary.raw, entry.primary.raw),
                );
                earlier.push(p.primary);
                earlier.extend(p.synonyms);
            } else {
                tally.drop(NO_CODE, &p.file, p.primary.line, p.primary.raw);
            }
        }
        entry.earlier = earlier;
        out.push(entry);
    }
    for p in pending {
        tally.drop(NO_CODE, &p.file, p.primary.line, p.primary.raw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Vec<Entry>, Tally) {
        let mut tally = Tally::default();
        let file = SourceFile::decode("t.actors.txt", text.as_bytes(), &mut tally);
        let entries = parse(&file, &mut tally);
        (entries, tally)
    }

    #[test]
    fn a_person_with_two_roles() {
        let (e, _) = parse_text(
            "# header\nKOFI_ANNAN_\t\n+K._ANNAN_  # variant\n\t[IGOUNO 970101-061231] \n\t[ELI]# x\n",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].primary.raw, "KOFI_ANNAN_");
        assert_eq!(e[0].synonyms[0].raw, "K._ANNAN_");
        assert_eq!(
            e[0].roles,
            [
                RawRole {
                    line: 4,
                    code: "IGOUNO".into(),
                    dates: "970101-061231".into()
                },
                RawRole {
                    line: 5,
                    code: "ELI".into(),
                    dates: String::new()
                },
            ]
        );
    }

    #[test]
    fn roles_on_the_name_line_and_blank_lines_inside_entries() {
        let (e, _) = parse_text("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n\nB_ [USAGOV]\n\n+C\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].roles.len(), 2);
        assert_eq!(e[1].synonyms[0].raw, "C");
    }

    #[test]
    fn codeless_name_lines_merge_only_into_the_same_name() {
        let (e, t) = parse_text(
            "LEONID_BREZHNEV_\nGORBACHEV_ADMINISTRATION\nCOMMUNIST_LEADER_LEONID_BREZHNEV\n\t[RUSGOV 641014-821110]\nU.N._\nUN_SECRETARY_GENERAL\n\t[IGOUNO]\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].earlier[0].raw, "LEONID_BREZHNEV_");
        assert!(e[1].earlier.is_empty());
        assert_eq!(t.dropped(NO_CODE), 2);
        assert_eq!(t.noted(MERGED), 1);
    }

    #[test]
    fn an_unreadable_name_line_drops_its_roles() {
        let (e, t) = parse_text("A_\n\t[DZAGOV]\nLIAMINE_Z\x1aROUAL_\n\t[DZAGOV 940131-990427]\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].roles.len(), 1);
        assert_eq!(t.dropped(NAME_UNREADABLE), 1);
    }

    #[test]
    fn glued_synonyms_are_split() {
        let (e, _) = parse_text("X_ [YEMREB]\n+ARMY_OF_MOHAMMED+_ISLAMIC_ADEN_ARMY_\n");
        assert_eq!(e[0].synonyms.len(), 2);
    }
}
