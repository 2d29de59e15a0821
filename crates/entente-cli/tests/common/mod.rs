//! Shared helpers for the end-to-end tests of the `entente` binary.
//!
//! Every test gets its own [`Sandbox`]: a temporary folder holding the test's inputs and its
//! database. Every command run through it has `ENTENTE_DB` and `HOME` pointed inside that folder,
//! so no test can ever touch the user's default database.

// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary folder with a database path inside it.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The test's database (created by the first command that stores something).
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    /// `entente ARGS` with the environment pinned to this sandbox; no `--db` added, for
    /// commands that take none (`code`, `eval`, `lexicon check`).
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("entente").expect("the entente binary is built");
        cmd.args(args)
            .env("ENTENTE_DB", self.db())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env_remove("RUST_LOG");
        cmd
    }

    /// `entente COMMAND --db DB REST`, for commands that open the store. `--db` goes right
    /// after the command name so that callers can append an option's value with `.arg()`.
    pub fn db_cmd(&self, args: &[&str]) -> Command {
        let (command, rest) = args.split_first().expect("a command name");
        let mut cmd = self.cmd(&[command]);
        cmd.arg("--db").arg(self.db()).args(rest);
        cmd
    }

    /// Writes `content` to `name` (folders created as needed) and returns the full path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, content).expect("write input file");
        path
    }

    /// Runs `entente ingest PATHS --db DB --quiet` and returns its output, whatever the exit code.
    pub fn ingest(&self, paths: &[&Path]) -> Output {
        let mut cmd = self.db_cmd(&["ingest", "--quiet"]);
        cmd.args(paths);
        cmd.output().expect("run entente ingest")
    }

    /// Every stored article, as `entente articles --format json` lists it.
    pub fn articles(&self) -> Vec<Value> {
        let out = self
            .db_cmd(&["articles", "--format", "json", "--limit", "1000000"])
            .output()
            .expect("run entente articles");
        assert!(
            out.status.success(),
            "entente articles failed: {}",
            text(&out.stderr)
        );
        match serde_json::from_slice(&out.stdout).expect("articles --format json is JSON") {
            Value::Array(rows) => rows,
            other => panic!("articles --format json is not an array: {other}"),
        }
    }

    /// The input keys of every stored article, sorted.
    pub fn stored_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .articles()
            .iter()
            .map(|a| a["key"].as_str().unwrap_or_default().to_string())
            .collect();
        keys.sort();
        keys
    }

    /// `entente demo --samples SAMPLES --db DB`.
    pub fn demo_cmd(&self) -> Command {
        let mut cmd = self.cmd(&["demo", "--samples"]);
        cmd.arg(samples_dir()).arg("--db").arg(self.db());
        cmd
    }

    /// Runs `entente demo` on the shipped samples into this sandbox's database.
    pub fn demo(&self) {
        let out = self.demo_cmd().output().expect("run entente demo");
        assert!(
            out.status.success(),
            "entente demo failed ({:?}): {}",
            out.status.code(),
            text(&out.stderr)
        );
    }
}

/// The sample articles that ship with entente.
pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

/// The repository root (for `tests/eval/cases.jsonl`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Bytes as text, for messages and assertions.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Parses standard output as one JSON value.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            text(&out.stdout),
            text(&out.stderr)
        )
    })
}

/// Parses standard output as JSON Lines: every non-empty line one JSON value.
pub fn json_lines(out: &Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Runs a command that must succeed and returns its output.
pub fn ok(mut cmd: impl std::borrow::BorrowMut<Command>) -> Output {
    let out = cmd.borrow_mut().output().expect("run entente");
    assert!(
        out.status.success(),
        "expected exit 0, got {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// A short news story of our own, numbered so that every one has a distinct text.
pub fn story(n: usize) -> String {
    const PAIRS: [(&str, &str); 8] = [
        ("France", "Germany"),
        ("Japan", "India"),
        ("Brazil", "Argentina"),
        ("Kenya", "Uganda"),
        ("Egypt", "Jordan"),
        ("Canada", "Mexico"),
        ("Spain", "Portugal"),
        ("Norway", "Sweden"),
    ];
    let (a, b) = PAIRS[n % PAIRS.len()];
    format!(
        "{a} criticized {b} over a fishing quota dispute numbered {n}. \
         Diplomats from both capitals met on Thursday to discuss clause {n} of the treaty."
    )
}
