//! Every kind of bad input gives a clear error naming the file (and line), or a warning,
//! and never stops the inputs after it.

use std::fs;

use entente_ingest::{discover, read_input, IngestError, ReadOptions};

fn read_all(
    paths: &[std::path::PathBuf],
    opts: &ReadOptions,
) -> Vec<Result<entente_model::Article, String>> {
    discover(paths)
        .into_iter()
        .flat_map(|i| match i {
            Ok(input) => read_input(&input, opts)
                .map(|r| r.map_err(|e| e.to_string()))
                .collect::<Vec<_>>(),
            Err(e) => vec![Err(e.to_string())],
        })
        .collect()
}

#[test]
fn a_batch_of_bad_files_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("1_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(d.join("2_empty.txt"), b"   \n").unwrap();
    fs::write(
        d.join("3_latin1.txt"),
        b"Talks in M\xfcnster ended on Friday with a joint statement by both ministers.",
    )
    .unwrap();
    fs::write(
        d.join("4_big.txt"),
        "Sanctions were widened again. ".repeat(10),
    )
    .unwrap();
    fs::write(d.join("5_broken.html"), "<html><body><div><p>The envoy <b>arrived in Seoul on Monday for talks.</div></span><p>Both sides").unwrap();
    fs::write(
        d.join("6_ok.txt"),
        "Ministers met in Lima and agreed to meet again in June.",
    )
    .unwrap();
    let opts = ReadOptions {
        max_bytes: 200,
        ..ReadOptions::default()
    };
    let out = read_all(&[d.to_path_buf()], &opts);
    assert_eq!(out.len(), 6);
    let err = |i: usize| {
        out[i]
            .as_ref()
            .unwrap_err()
            .replace(&*d.to_string_lossy(), "D")
    };
    assert!(
        err(0).starts_with("`D/1_binary.txt`: looks binary, not text (NUL byte at offset 8)"),
        "{}",
        err(0)
    );
    assert!(err(0).contains("\nhint: "));
    assert_eq!(err(1), "`D/2_empty.txt`: empty");
    let latin = out[2].as_ref().unwrap();
    assert!(latin.text.contains("M\u{FFFD}nster"));
    assert_eq!(latin.warnings.len(), 1);
    assert!(
        latin.warnings[0].contains("3_latin1.txt") && latin.warnings[0].contains("invalid UTF-8")
    );
    assert!(
        err(3).starts_with("`D/4_big.txt`: 300 bytes is over the limit of 200 bytes\nhint: "),
        "{}",
        err(3)
    );
    let html = out[4].as_ref().unwrap();
    assert!(
        html.text
            .contains("The envoy arrived in Seoul on Monday for talks."),
        "{}",
        html.text
    );
    assert!(out[5].is_ok());
}

#[test]
fn missing_path_is_reported() {
    let out = discover(&["/nonexistent/entente/x.txt".into()]);
    assert!(matches!(&out[0], Err(IngestError::NotFound { .. })));
    assert_eq!(
        out[0].as_ref().unwrap_err().to_string(),
        "`/nonexistent/entente/x.txt`: no such file or folder"
    );
}

#[test]
fn error_location_has_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.jsonl");
    fs::write(&p, "{\"text\": \"One.\"}\n{\"text\": 5}\n{oops}\n").unwrap();
    let input = discover(std::slice::from_ref(&p)).pop().unwrap().unwrap();
    let errs: Vec<IngestError> = read_input(&input, &ReadOptions::default())
        .filter_map(Result::err)
        .collect();
    let lines: Vec<Option<u64>> = errs.iter().map(|e| e.location().line).collect();
    assert_eq!(lines, vec![Some(2), Some(3)]);
    assert!(errs.iter().all(|e| e.location().path == p));
}

#[test]
fn invalid_utf8_in_records_is_flagged_on_the_touched_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.jsonl");
    fs::write(
        &p,
        b"{\"text\": \"Clean.\"}\n{\"text\": \"Caf\xe9 talks.\"}\n",
    )
    .unwrap();
    let input = discover(std::slice::from_ref(&p)).pop().unwrap().unwrap();
    let out: Vec<_> = read_input(&input, &ReadOptions::default())
        .map(Result::unwrap)
        .collect();
    assert!(out[0].warnings.is_empty());
    assert_eq!(out[1].warnings.len(), 1);
    assert!(
        out[1].warnings[0].ends_with("x.jsonl` line 2: invalid UTF-8 replaced with U+FFFD"),
        "{}",
        out[1].warnings[0]
    );
}
