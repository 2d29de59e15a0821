//! Broken user files: every problem is reported, with its file and line.

use std::fs;
use std::path::Path;

use entente_lexicon::{check, Lexicon, LexiconErrors, MentionMemory};

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

fn errors(dir: &Path) -> LexiconErrors {
    check(Some(dir)).expect_err("the broken lexicon must not load")
}

fn has(errs: &LexiconErrors, file: &str, line: usize, words: &str) -> bool {
    errs.iter()
        .any(|e| e.path.ends_with(file) && e.line == line && e.message.contains(words))
}

#[test]
fn duplicate_unknown_code_and_unsorted_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "country_names.txt",
        "# test\nAtlantis | ATL | name\nGondor | XXX | name\nAtlantis | ATL | adjective\nAlpha | ATL | name\n",
    );
    write(dir.path(), "countries.txt", "ATL | Atlantis | state\n");
    let errs = errors(dir.path());
    let shown = errs.to_string();
    // Parsing stops at unsorted lines before validating, so fix order and look again.
    assert!(
        has(&errs, "country_names.txt", 5, "out of order"),
        "{shown}"
    );
    write(
        dir.path(),
        "country_names.txt",
        "Alpha | ATL | name\nAtlantis | ATL | adjective\nAtlantis | ATL | name\nGondor | XXX | name\nMordor | ATL | place\n",
    );
    let errs = errors(dir.path());
    let shown = errs.to_string();
    assert!(
        has(&errs, "country_names.txt", 3, "duplicate entry"),
        "{shown}"
    );
    assert!(
        has(&errs, "country_names.txt", 4, "unknown country code `XXX`"),
        "{shown}"
    );
    assert!(
        has(&errs, "country_names.txt", 5, "unknown name kind"),
        "{shown}"
    );
    assert!(shown.contains("country_names.txt`:4: "), "{shown}");
}

#[test]
fn overlapping_tenures_bad_dates_and_unknown_sectors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "leaders.txt",
        "A One | RUS | GOV | president | 2030-01-01 | | ~One |\n\
         B Two | RUS | GOV | president | 2031-05-01 | 2032-01-01 | |\n\
         C Three | RUS | XXX | envoy | 2031-13-01 | | |\n",
    );
    let errs = errors(dir.path());
    let shown = errs.to_string();
    // Vladimir Putin's built-in open term overlaps both, and A One overlaps B Two.
    assert!(
        has(&errs, "leaders.txt", 1, "overlaps `Vladimir Putin`"),
        "{shown}"
    );
    assert!(has(&errs, "leaders.txt", 2, "overlaps `A One`"), "{shown}");
    assert!(
        has(&errs, "leaders.txt", 3, "unknown sector `XXX`"),
        "{shown}"
    );
    assert!(
        has(&errs, "leaders.txt", 3, "bad date `2031-13-01`"),
        "{shown}"
    );
}

#[test]
fn wrong_field_counts_in_several_files_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "agents.txt", "troops | MIL\n");
    write(dir.path(), "titles.txt", "Marshal | MIL | extra\n");
    let errs = errors(dir.path());
    assert!(
        has(&errs, "agents.txt", 1, "expected 3 to 4 fields"),
        "{errs}"
    );
    assert!(has(&errs, "titles.txt", 1, "expected 2 fields"), "{errs}");
}

#[test]
fn a_missing_directory_is_an_error() {
    let errs = Lexicon::load(Some(Path::new("/nonexistent/lexicon/dir"))).unwrap_err();
    assert!(errs.to_string().contains("does not exist"));
}

#[test]
fn user_files_add_and_override_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    // Override: "Pyongyang" now codes as South Korea (absurd, but visible); add: "Hermit Kingdom".
    write(
        dir.path(),
        "country_names.txt",
        "Hermit Kingdom | PRK | name\nPyongyang | KOR | capital\n",
    );
    let lex = Lexicon::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(lex.digest(), Lexicon::builtin().unwrap().digest());
    let mut memory = MentionMemory::new();
    let m = lex
        .actors
        .find("The Hermit Kingdom and Pyongyang", None, &mut memory);
    assert_eq!(m[0].actor.code_str(), "PRK");
    assert_eq!(m[1].actor.code_str(), "KOR");
    // Built-in entries the user did not touch are still there.
    let m = lex.actors.find("North Korea", None, &mut memory);
    assert_eq!(m[0].actor.code_str(), "PRK");
}
