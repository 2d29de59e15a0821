//! Which inputs a list of paths stands for, and in which format each is written.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::error::{IngestError, Location};

/// How an input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    JsonLines,
    Csv,
}

/// One file (or stdin, with path `-`) to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub format: Format,
    pub size: u64,
}

impl Input {
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// The format an extension names; `None` for extensions entente does not read.
pub fn format_of_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

/// Guesses the format from the first bytes, for stdin and files without a known extension.
pub fn sniff(head: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let t = head.trim_start_matches('\u{FEFF}').trim_start();
    let lower: String = t.chars().take(200).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<')
            && (lower.contains("<body") || lower.contains("<head") || lower.contains("<p")))
    {
        return Format::Html;
    }
    if t.starts_with('{') || t.starts_with('[') {
        return Format::JsonLines;
    }
    let first = t.lines().next().unwrap_or("").to_ascii_lowercase();
    if first.contains(',')
        && first
            .split(',')
            .any(|f| matches!(f.trim().trim_matches('"'), "text" | "body" | "content"))
    {
        return Format::Csv;
    }
    Format::Text
}

/// Stdin can be read only once; discovery reads it to sniff its format and keeps the bytes
/// for [`crate::read_input`].
static STDIN: Mutex<Option<Arc<Vec<u8>>>> = Mutex::new(None);

pub(crate) fn stdin_bytes() -> std::io::Result<Arc<Vec<u8>>> {
    let mut guard = STDIN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(bytes) = guard.as_ref() {
        return Ok(Arc::clone(bytes));
    }
    let mut buf = Vec::new();
    std::io::stdin().lock().read_to_end(&mut buf)?;
    let bytes = Arc::new(buf);
    *guard = Some(Arc::clone(&bytes));
    Ok(bytes)
}

/// Expands paths into inputs: a file stands for itself, a folder for every file under it with
/// a known extension (hidden entries skipped), `-` for stdin. Folders are walked in sorted
/// order, so the same tree always gives the same list; the arguments keep their own order.
pub fn discover(paths: &[PathBuf]) -> Vec<Result<Input, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(
                stdin_bytes()
                    .map(|bytes| Input {
                        path: path.clone(),
                        format: sniff(&bytes),
                        size: bytes.len() as u64,
                    })
                    .map_err(|source| IngestError::Io {
                        at: Location::file(path),
                        source,
                    }),
            );
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut Default::default()),
            Ok(meta) => out.push(file_input(path, meta.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Err(IngestError::NotFound {
                    at: Location::file(path),
                }))
            }
            Err(source) => out.push(Err(IngestError::Io {
                at: Location::file(path),
                source,
            })),
        }
    }
    out
}

/// A file named on the command line: by extension, else by its first bytes.
fn file_input(path: &Path, size: u64) -> Result<Input, IngestError> {
    let format = match format_of_extension(path) {
        Some(f) => f,
        None => {
            let mut head = Vec::with_capacity(4096);
            fs::File::open(path)
                .and_then(|f| f.take(4096).read_to_end(&mut head))
                .map_err(|source| IngestError::Io {
                    at: Location::file(path),
                    source,
                })?;
            sniff(&head)
        }
    };
    Ok(Input {
        path: path.to_path_buf(),
        format,
        size,
    })
}

/// Reads a folder tree in name order. Every folder and file is read once, by its real path:
/// a link back to a folder above (or to itself) ends there instead of looping, and a file
/// reached through two links is one input.
fn walk(dir: &Path, out: &mut Vec<Result<Input, IngestError>>, seen: &mut HashSet<PathBuf>) {
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            out.push(Err(IngestError::Io {
                at: Location::file(dir),
                source,
            }));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                if !e.file_name().to_string_lossy().starts_with('.') {
                    children.push(e.path());
                }
            }
            Err(source) => out.push(Err(IngestError::Io {
                at: Location::file(dir),
                source,
            })),
        }
    }
    children.sort();
    for child in children {
        match fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => walk(&child, out, seen),
            Ok(meta) => {
                let first_time = fs::canonicalize(&child).map_or(true, |real| seen.insert(real));
                if !first_time {
                    continue;
                }
                if let Some(format) = format_of_extension(&child) {
                    out.push(Ok(Input {
                        path: child,
                        format,
                        size: meta.len(),
                    }));
                }
            }
            Err(source) => out.push(Err(IngestError::Io {
                at: Location::file(&child),
                source,
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"  <p>Hello</p>"), Format::Html);
        assert_eq!(sniff(b"{\"text\": \"a\"}\n"), Format::JsonLines);
        assert_eq!(sniff(b"id,title,text\n1,a,b\n"), Format::Csv);
        assert_eq!(sniff(b"Plain words, with a comma.\n"), Format::Text);
    }

    #[test]
    fn walks_folders_sorted_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("b.txt"), "b").unwrap();
        fs::write(root.join("a.html"), "a").unwrap();
        fs::write(root.join("sub/c.jsonl"), "{}").unwrap();
        fs::write(root.join("skip.png"), "x").unwrap();
        fs::write(root.join(".hidden.txt"), "x").unwrap();
        let found: Vec<_> = discover(&[root.to_path_buf(), root.join("missing.txt")]);
        let names: Vec<String> = found
            .iter()
            .map(|r| match r {
                Ok(i) => format!(
                    "{:?} {}",
                    i.format,
                    i.path.strip_prefix(root).unwrap().display()
                ),
                Err(e) => e.to_string().replace(&root.display().to_string(), "ROOT"),
            })
            .collect();
        assert_eq!(
            names,
            vec![
                "Html a.html",
                "Text b.txt",
                "JsonLines sub/c.jsonl",
                "`ROOT/missing.txt`: no such file or folder"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_back_to_a_folder_end_the_walk_and_each_file_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.txt"), "a").unwrap();
        // Two links to the folder itself and one to its parent: a walk that follows them
        // never ends.
        std::os::unix::fs::symlink(root, root.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("sub/self")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("again")).unwrap();
        std::os::unix::fs::symlink(root.join("sub/a.txt"), root.join("alias.txt")).unwrap();
        let found: Vec<_> = discover(&[root.to_path_buf()]);
        let files: Vec<_> = found.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(files.len(), 1, "{found:?}");
        assert!(found.iter().all(|r| r.is_ok()), "{found:?}");
    }
}
