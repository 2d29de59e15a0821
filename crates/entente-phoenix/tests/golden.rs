//! The committed converted files are exactly what the converter makes of the Phoenix
//! dictionaries in `../shared/reference/phoenix`: nobody edits them by hand, and a change to
//! the converter shows up as a change to them.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_committed_files_are_the_conversion_of_the_shared_dictionaries() {
    let from = root().join("../shared/reference/phoenix");
    assert!(
        from.join("CAMEO.2.0.txt").is_file(),
        "the Phoenix dictionaries are not at `{}`: this test needs ../shared beside the repository",
        from.display()
    );
    let crosswalk = from.join("../cameo_to_plover.csv");
    let conversion = entente_phoenix::convert(&from, &crosswalk).expect("the conversion runs");
    let out = root().join("crates/entente-lexicon/data/phoenix");
    // Only people.txt ships (the other outputs lowered precision on the development sets).
    let made = conversion
        .files
        .iter()
        .find(|f| f.name == "people.txt")
        .expect("the converter makes people.txt")
        .render();
    let committed = std::fs::read_to_string(out.join("people.txt")).expect("it is committed");
    assert!(
        made == committed,
        "`people.txt` differs from its conversion; regenerate it with \
         `cargo run --release -p entente-phoenix -- --from ../shared/reference/phoenix`"
    );
    let license = std::fs::read_to_string(out.join("LICENSE")).expect("LICENSE is committed");
    assert_eq!(license, conversion.license);
}
