//! Embeds every file under `data/` so the binary carries its default lexicon, and so the
//! lexicon digest covers all of them (the trigger files included) without a hand-kept list.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_files.rs");
    let mut f = fs::File::create(out).unwrap();
    writeln!(
        f,
        "/// Every file under `data/`, by its path relative to it, sorted."
    )
    .unwrap();
    writeln!(f, "pub static BUILTIN_FILES: &[(&str, &str)] = &[").unwrap();
    for (rel, abs) in &files {
        writeln!(f, "    ({rel:?}, include_str!({abs:?})),").unwrap();
    }
    writeln!(f, "];").unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            let rel = path.strip_prefix(root).unwrap();
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
