use super::*;
use std::fs;

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn events(lexicon: &TriggerLexicon, sentence: &str) -> Vec<(String, usize, usize)> {
    let w = words(sentence);
    lexicon
        .find(&w)
        .into_iter()
        .map(|m| (lexicon.rule(m.rule).pattern.clone(), m.start, m.end))
        .collect()
}

#[test]
fn builtin_files_load_and_cover_every_type() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    assert!(lexicon.rules().len() > 300, "{}", lexicon.rules().len());
    for t in EventType::ALL {
        assert!(
            lexicon.rules().iter().any(|r| r.event == t),
            "no rule codes {t}"
        );
    }
    assert!(lexicon
        .cues()
        .iter()
        .any(|c| c.modality == Modality::Negated));
}

#[test]
fn verbs_match_their_inflections_and_irregular_forms() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    let found = events(
        &lexicon,
        "north korea has deployed approximately 11,000 soldiers to russia",
    );
    assert!(found.contains(&("deploy {troops/soldiers/forces/personnel/units/warships/ships/jets/missiles/peacekeepers/police/marines} to".into(), 3, 8)));
    let found = events(&lexicon, "the troops withdrew from the town");
    assert!(found
        .iter()
        .any(|(p, s, _)| p == "withdraw from" && *s == 2));
    let found = events(&lexicon, "putin met xi");
    assert!(found.iter().any(|(p, _, _)| p == "meet"));
}

#[test]
fn participles_are_flagged_for_passive_voice() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    let w = words("china was sanctioned by the united states");
    let m = lexicon
        .find(&w)
        .into_iter()
        .find(|m| lexicon.rule(m.rule).pattern == "sanction")
        .unwrap();
    assert!(m.participle);
    let w = words("the united states sanctions china");
    assert!(lexicon.find(&w).iter().all(|m| !m.participle));
}

#[test]
fn near_words_do_not_cross_a_comma() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    let found = events(&lexicon, "they deployed , troops");
    assert!(found.iter().all(|(p, _, _)| p == "deploy"));
}

#[test]
fn cues_match_phrases() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    let w = words("he is expected to visit");
    let cues = lexicon.find_cues(&w);
    assert!(cues
        .iter()
        .any(|c| lexicon.cue(c.cue).phrase == "expected to" && c.start == 2 && c.end == 4));
}

#[test]
fn user_files_add_and_override_rules() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("events")).unwrap();
    fs::write(
        dir.path().join("events/verbs.txt"),
        "# mine\nattack | COERCE |  |  | src>tgt | we disagree\nparley with | CONSULT |  |  | mutual |\n",
    )
    .unwrap();
    let lexicon = TriggerLexicon::load(Some(dir.path())).unwrap();
    let attack: Vec<_> = lexicon
        .rules()
        .iter()
        .filter(|r| r.pattern == "attack")
        .collect();
    assert_eq!(attack.len(), 1);
    assert_eq!(attack[0].event, EventType::Coerce);
    assert!(attack[0].origin.ends_with("events/verbs.txt:2"));
    assert!(!events(&lexicon, "they parleyed with them").is_empty());
}

#[test]
fn bad_user_files_report_every_problem_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("events")).unwrap();
    fs::write(
        dir.path().join("events/verbs.txt"),
        "a {b | ATTACK |  |  | src>tgt\nb | ASSAULT |  | 1x | src>tgt\nc | ASSAULT |  |  | sideways\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("events/modality.txt"),
        "maybe | unsure | 3\n",
    )
    .unwrap();
    let errors = TriggerLexicon::load(Some(dir.path())).unwrap_err();
    let lines: Vec<_> = errors
        .iter()
        .map(|e| (e.path.rsplit('/').next().unwrap().to_string(), e.line))
        .collect();
    assert_eq!(
        lines,
        [
            ("modality.txt".to_string(), 1),
            ("verbs.txt".to_string(), 1),
            ("verbs.txt".to_string(), 2),
            ("verbs.txt".to_string(), 3)
        ],
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.message.contains("frame")));
}

#[test]
fn domain_words_load_and_a_bad_kind_is_reported_with_its_line() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    assert!(lexicon.domain().is_non_political_head("striker"));
    assert!(lexicon.domain().is_sport_word("tournament"));
    assert!(!lexicon.domain().is_non_political_head("troops"));
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("events")).unwrap();
    fs::write(
        dir.path().join("events/domain.txt"),
        "# mine\ncroupier | head\nroulette | casino\n",
    )
    .unwrap();
    let errors = TriggerLexicon::load(Some(dir.path())).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].path.ends_with("events/domain.txt"));
    assert_eq!(errors[0].line, 3);
}

#[test]
fn a_time_adjunct_may_stand_before_the_to_of_a_complement() {
    let lexicon = TriggerLexicon::load(None).unwrap();
    for sentence in [
        "korea threatened today to strike",
        "korea threatened on monday to strike",
        "korea agreed in principle to talks",
    ] {
        let w = words(sentence);
        let found = lexicon.find(&w);
        assert!(
            found
                .iter()
                .any(|m| m.start == 1 && lexicon.rule(m.rule).pattern.ends_with(" to")),
            "{sentence}: {found:?}"
        );
    }
    // Only a complement's "to" is reached over an adjunct: "fire on" stays contiguous.
    let w = words("troops fire today on protesters");
    assert!(lexicon
        .find(&w)
        .iter()
        .all(|m| lexicon.rule(m.rule).pattern != "fire on"));
}
