//! Acts that are only asked for or fought beside are not events of their own.

mod common;

use entente_coder::Coder;
use entente_model::Genre;

fn coded(sentence: &str) -> Vec<String> {
    let coder = Coder::new(common::lexicon());
    coder
        .code(&common::doc(sentence, Genre::News))
        .iter()
        .map(common::summary)
        .collect()
}

#[test]
fn a_requested_act_is_not_coded_as_done() {
    let got = coded("Japan urged Russia to withdraw its troops from Ukraine.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("REQUEST"), "{got:?}");
    let got = coded("Egypt demanded that Israel lift the blockade of Gaza.");
    assert!(got.iter().all(|e| !e.contains("CONCEDE")), "{got:?}");
}

#[test]
fn the_demand_a_protest_is_staged_for_is_part_of_it() {
    for sentence in [
        "Indonesian students staged demonstrations to demand reforms from the government.",
        "Thousands of Iraqis demonstrated on Sunday calling for the resignation of the government.",
    ] {
        let got = coded(sentence);
        assert!(
            got.iter().any(|e| e.contains("PROTEST")),
            "{sentence}: {got:?}"
        );
        assert!(
            got.iter().all(|e| !e.contains("REQUEST")),
            "{sentence}: {got:?}"
        );
    }
}

#[test]
fn fighting_for_or_beside_an_ally_is_no_assault_on_it() {
    for sentence in [
        "North Korea sent troops to fight for Russia in the Kursk region.",
        "North Korean soldiers fought alongside Russian troops.",
    ] {
        let got = coded(sentence);
        assert!(
            got.iter()
                .all(|e| !(e.contains("ASSAULT") && e.contains("RUS")) || e.starts_with("RUS")),
            "{sentence}: {got:?}"
        );
    }
}
