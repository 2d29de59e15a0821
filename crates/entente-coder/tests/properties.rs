//! Properties over generated sentences: evidence offsets slice to the sentence, ids are
//! deterministic, and coding the same text twice gives the same bytes.

mod common;

use entente_coder::Coder;
use entente_model::Genre;
use proptest::prelude::*;

const ACTORS: &[&str] = &[
    "Russia",
    "North Korea’s army",
    "Ukrainian forces",
    "China",
    "the United States",
    "Iran and Syria",
    "Beijing",
    "Égypte’s allies",
    "France",
];
const VERBS: &[&str] = &[
    "attacked",
    "sanctioned",
    "praised",
    "may visit",
    "did not supply weapons to",
    "was criticized by",
    "signed an agreement with",
    "threatened to strike",
];
const FILLERS: &[&str] = &[
    "",
    "“Yes,” he said. ",
    "On June 19, 2024, ",
    "In late October, ",
    "Ça va. ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn offsets_slice_to_the_sentence_and_ids_are_stable(
        parts in prop::collection::vec((0..FILLERS.len(), 0..ACTORS.len(), 0..VERBS.len(), 0..ACTORS.len()), 1..4)
    ) {
        let text: String = parts
            .iter()
            .map(|&(f, s, v, o)| format!("{}{} {} {}.", FILLERS[f], ACTORS[s], VERBS[v], ACTORS[o]))
            .collect::<Vec<_>>()
            .join(" ");
        let doc = common::doc(&text, Genre::News);
        let coder = Coder::new(common::lexicon());
        let events = coder.code(&doc);
        for e in &events {
            let sliced: String = doc
                .article
                .text
                .chars()
                .skip(e.evidence.start)
                .take(e.evidence.end - e.evidence.start)
                .collect();
            prop_assert_eq!(&sliced, &e.evidence.sentence);
            prop_assert!(e.evidence.sentence.contains(&e.evidence.trigger));
        }
        let again = coder.code(&common::doc(&text, Genre::News));
        prop_assert_eq!(&events, &again);
    }
}
