//! Rendering an output file: a `#` header that says what the file is, where it comes from
//! and what was left out, then the data lines sorted the way entente's loader checks them
//! (case-insensitively by the whole line).

use crate::report::Tally;

/// The licence notice every output header carries (MIT requires it with the copies).
pub const PROVENANCE: &str =
    "of the Phoenix/PETRARCH dictionaries (Open Event Data Alliance, MIT licence: \
Copyright (c) 2015 Open Event Data Alliance; the licence text is in LICENSE beside this file)";

/// The command that regenerates the files, from the repository root.
pub const REGENERATE: &str =
    "cargo run --release -p entente-phoenix -- --from ../shared/reference/phoenix";

/// `a | b | c`, with an empty last field written as a bare `|`, as in entente's own files.
pub fn fields(values: &[&str]) -> String {
    values.join(" | ").trim_end().to_string()
}

/// Sorts lines as entente's loader wants them: by the lower-cased line, then by the line.
pub fn sort_lines(lines: &mut [String]) {
    lines.sort_by_cached_key(|l| (l.trim().to_lowercase(), l.clone()));
}

/// One output file.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub name: &'static str,
    /// Paragraphs of the header, without `#`; wrapped when rendered.
    pub header: Vec<String>,
    pub lines: Vec<String>,
}

impl OutputFile {
    /// A file with the standard header: `about` (what it is, its fields), the provenance
    /// line naming `inputs`, and the counts from `tallies` (titled by their input).
    pub fn new(
        name: &'static str,
        about: &[&str],
        inputs: &str,
        tallies: &[(&str, &Tally)],
        mut lines: Vec<String>,
    ) -> OutputFile {
        sort_lines(&mut lines);
        let mut header: Vec<String> = about.iter().map(|s| s.to_string()).collect();
        header.push(format!(
            "Converted by entente-phoenix from {inputs} {PROVENANCE}."
        ));
        header.push(format!("Regenerate with `{REGENERATE}`."));
        header.push(format!("Entries written: {}.", lines.len()));
        for (title, tally) in tallies {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" {title}")
            };
            let dropped = tally.dropped_by_reason();
            let total: usize = dropped.iter().map(|(_, n)| n).sum();
            if total == 0 {
                header.push(format!("Dropped{title}: none."));
            } else {
                header.push(format!("Dropped{title}: {total}, of which:"));
                for (reason, n) in dropped {
                    header.push(format!("- {n} {reason}"));
                }
            }
            let noted = tally.noted_by_reason();
            if !noted.is_empty() {
                header.push(format!("Kept with changes{title}:"));
                for (reason, n) in noted {
                    header.push(format!("- {n} {reason}"));
                }
            }
        }
        OutputFile {
            name,
            header,
            lines,
        }
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for para in &self.header {
            for line in wrap(para, 96) {
                out.push_str("# ");
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
        for line in &self.lines {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// Greedy word wrap; a list item (`- `) continues indented.
fn wrap(para: &str, width: usize) -> Vec<String> {
    let indent = if para.starts_with("- ") { "  " } else { "" };
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in para.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
            cur.push_str(indent);
        } else if !cur.is_empty() && !cur.ends_with(' ') {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    lines.push(cur);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_sorting() {
        assert_eq!(fields(&["a", "B", ""]), "a | B |");
        let mut l = vec![
            "b | x".to_string(),
            "A | y".to_string(),
            "a | z".to_string(),
        ];
        sort_lines(&mut l);
        assert_eq!(l, ["A | y", "a | z", "b | x"]);
    }

    #[test]
    fn headers_wrap_and_count() {
        let mut t = Tally::default();
        t.drop("no code", "f.txt", 3, "X");
        let f = OutputFile::new(
            "x.txt",
            &["Things."],
            "f.txt",
            &[("from f.txt", &t)],
            vec!["b".into(), "a".into()],
        );
        let text = f.render();
        assert!(text.starts_with("# Things.\n# Converted by entente-phoenix from f.txt of the"));
        assert!(text.contains(
            "# Entries written: 2.\n# Dropped from f.txt: 1, of which:\n# - 1 no code\n"
        ));
        assert!(text.ends_with("\na\nb\n"));
        assert!(text.lines().all(|l| l.chars().count() <= 98));
    }
}
