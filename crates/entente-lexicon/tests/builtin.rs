//! The real, embedded data: it validates clean and codes the cases the product depends on.

use chrono::NaiveDate;
use entente_lexicon::{check, Lexicon, MentionKind, MentionMemory};
use entente_model::EventType;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().unwrap_or_else(|e| panic!("builtin lexicon:\n{e}")))
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (text, code, sector) of each mention.
fn codes(s: &str, date: Option<NaiveDate>) -> Vec<(String, String, String)> {
    let mut memory = MentionMemory::new();
    lexicon()
        .actors
        .find(s, date, &mut memory)
        .into_iter()
        .map(|m| {
            let sector = m
                .actor
                .sector
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_default();
            let code = m.actor.code_str().to_string();
            (m.actor.text, code, sector)
        })
        .collect()
}

fn t(text: &str, code: &str, sector: &str) -> (String, String, String) {
    (text.into(), code.into(), sector.into())
}

#[test]
fn builtin_validates_clean_and_reports_stats() {
    let report = check(None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.countries, 250, "249 ISO codes and Kosovo");
    assert!(report.leaders > 200);
    assert!(report
        .files
        .iter()
        .all(|(path, n)| path.starts_with("builtin:") && *n > 0));
    assert_eq!(report.digest, lexicon().digest());
    let shown = report.to_string();
    assert!(shown.contains("`builtin:leaders.txt`: "), "{shown}");
    assert!(shown.ends_with(lexicon().digest()), "{shown}");
}

#[test]
fn ontology_has_all_sixteen_types() {
    let o = &lexicon().ontology;
    for event in EventType::ALL {
        let info = o.get(event);
        assert_eq!(info.event, event);
        assert!((-10.0..=10.0).contains(&info.intensity));
    }
    assert_eq!(o.get(EventType::Aid).intensity, 7.4);
    assert_eq!(o.get(EventType::Assault).cameo, "18");
    assert!(o.is_sector("UAF") && !o.is_sector("XYZ"));
}

#[test]
fn north_korea_in_all_its_names() {
    for (s, text) in [
        ("North Korea protested.", "North Korea"),
        ("The DPRK protested.", "DPRK"),
        (
            "The Democratic People's Republic of Korea protested.",
            "Democratic People's Republic of Korea",
        ),
        ("Pyongyang protested.", "Pyongyang"),
        ("North Koreans fought.", "North Koreans"),
    ] {
        let got = codes(s, None);
        assert_eq!(got.len(), 1, "{s}: {got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), (text, "PRK"), "{s}");
    }
}

#[test]
fn us_and_russia_forms() {
    assert_eq!(
        codes("U.S. officials met.", None),
        vec![t("U.S. officials", "USA", "GOV")]
    );
    assert_eq!(codes("the US said", None), vec![t("US", "USA", "")]);
    assert!(codes("let us go to the un meeting", None).is_empty());
    assert_eq!(
        codes("The Kremlin denied it.", None),
        vec![t("The Kremlin", "RUS", "GOV")]
    );
    assert_eq!(
        codes("the White House said", None),
        vec![t("the White House", "USA", "GOV")]
    );
    assert_eq!(
        codes("The U.S. State Department expects more.", None),
        vec![t("U.S. State Department", "USA", "GOV")]
    );
    assert_eq!(
        codes("The State Department said.", None),
        vec![t("State Department", "USA", "GOV")]
    );
}

#[test]
fn longest_first() {
    assert_eq!(
        codes("the United States Army", None),
        vec![t("United States Army", "USA", "MIL")]
    );
    assert_eq!(codes("Latin America and Indiana", None), vec![]);
}

#[test]
fn agents_take_their_state() {
    assert_eq!(
        codes("Ukrainian forces fired.", None),
        vec![t("Ukrainian forces", "UKR", "MIL")]
    );
    assert_eq!(
        codes("Burundian militiamen crossed.", None),
        vec![t("Burundian militiamen", "BDI", "UAF")]
    );
    assert_eq!(
        codes("North Korean troops", None),
        vec![t("North Korean troops", "PRK", "MIL")]
    );
    assert_eq!(
        codes("Chinese officials", None),
        vec![t("Chinese officials", "CHN", "GOV")]
    );
    assert_eq!(
        codes("Pyongyang\u{2019}s diplomats", None),
        vec![t("Pyongyang\u{2019}s diplomats", "PRK", "GOV")]
    );
    assert_eq!(
        codes("the Russian Defense Ministry said", None),
        vec![t("Russian Defense Ministry", "RUS", "GOV")]
    );
}

#[test]
fn possessive_country() {
    let s = "North Korea\u{2019}s deployment";
    let mut memory = MentionMemory::new();
    let m = lexicon().actors.find(s, None, &mut memory);
    assert_eq!(m.len(), 1);
    assert!(m[0].possessive);
    assert_eq!(m[0].range.slice(s), "North Korea");
}

#[test]
fn compound_actors_are_separate_mentions() {
    assert_eq!(
        codes("Russia and North Korea signed a pact.", None),
        vec![t("Russia", "RUS", ""), t("North Korea", "PRK", "")]
    );
}

#[test]
fn titles_and_leaders() {
    let s = "Russian President Vladimir Putin met Kim Jong Un in Pyongyang.";
    let mut memory = MentionMemory::new();
    let m = lexicon().actors.find(s, day(2024, 6, 19), &mut memory);
    assert_eq!(m[0].range.slice(s), "Russian President Vladimir Putin");
    assert_eq!(
        (m[0].actor.code_str(), m[0].kind),
        ("RUS", MentionKind::Leader)
    );
    assert_eq!(m[1].actor.code_str(), "PRK");
    assert_eq!(m[2].actor.code_str(), "PRK");
    assert_eq!(
        codes("President Xi arrived.", None),
        vec![t("President Xi", "CHN", "GOV")]
    );
    assert_eq!(
        codes("President Xi arrived.", day(2024, 1, 1)),
        vec![t("President Xi", "CHN", "GOV")]
    );
}

#[test]
fn the_same_surname_codes_by_date() {
    assert_eq!(
        codes("Putin spoke.", day(2017, 3, 1)),
        vec![t("Putin", "RUS", "GOV")]
    );
    assert_eq!(
        codes("Putin spoke.", day(2024, 3, 1)),
        vec![t("Putin", "RUS", "GOV")]
    );
    assert_eq!(
        codes("President Trump spoke.", day(2019, 3, 1)),
        vec![t("President Trump", "USA", "GOV")]
    );
    // Out of office in 2023 and not named before: the state, as an elite.
    assert_eq!(
        codes("Trump spoke.", day(2023, 3, 1)),
        vec![t("Trump", "USA", "ELI")]
    );
    assert_eq!(
        codes("Biden spoke.", day(2023, 3, 1)),
        vec![t("Biden", "USA", "GOV")]
    );
    assert_eq!(
        codes("Yoon spoke.", day(2023, 3, 1)),
        vec![t("Yoon", "KOR", "GOV")]
    );
    assert_eq!(
        codes("Yoon spoke.", day(2025, 8, 1)),
        vec![t("Yoon", "KOR", "ELI")]
    );
    assert_eq!(
        codes("Lee spoke.", day(2025, 8, 1)),
        vec![t("Lee", "KOR", "GOV")]
    );
    // Donald Tusk led the European Council, then Poland again.
    let tusk = |d| {
        lexicon()
            .actors
            .leader("Donald Tusk", d)
            .unwrap()
            .code
            .to_string()
    };
    assert_eq!(tusk(day(2017, 1, 1)), "IGO");
    assert_eq!(tusk(day(2024, 1, 1)), "POL");
}

#[test]
fn a_surname_two_leaders_share_needs_memory() {
    // October 2024: Kim Jong Un and South Korea's defence minister Kim Yong-hyun.
    let date = day(2024, 10, 1);
    assert!(codes("Kim warned.", date).is_empty());
    let mut memory = MentionMemory::new();
    lexicon()
        .actors
        .find("Kim Jong Un spoke.", date, &mut memory);
    let m = lexicon().actors.find("Kim warned.", date, &mut memory);
    assert_eq!(m[0].actor.code_str(), "PRK");
}

#[test]
fn digest_is_stable() {
    let again = Lexicon::builtin().unwrap();
    assert_eq!(again.digest(), lexicon().digest());
    assert!(again.digest().bytes().all(|b| b.is_ascii_hexdigit()));
}

#[test]
fn seed_article_actors() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let path = shared.join("seed/behind-the-russia-north-korea-alliance.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is missing", path.display());
        return;
    };
    let mut memory = MentionMemory::new();
    let mut seen = std::collections::BTreeSet::new();
    for sentence in text.split_inclusive(". ") {
        for m in lexicon()
            .actors
            .find(sentence, day(2024, 11, 1), &mut memory)
        {
            let sector = m
                .actor
                .sector
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_default();
            let code = m.actor.code_str().to_string();
            seen.insert((m.actor.text, code, sector));
        }
    }
    for want in [
        t("Russian President Vladimir Putin", "RUS", "GOV"),
        t("North Korean leader Kim Jong Un", "PRK", "GOV"),
        t("Ukrainian forces", "UKR", "MIL"),
        t("North Korean troops", "PRK", "MIL"),
        t("State Department", "USA", "GOV"),
        t("United Nations Security Council", "IGO", "IGO"),
        t("Chinese Communist Party", "CHN", "GOV"),
        t("Xi", "CHN", "GOV"),
    ] {
        assert!(seen.contains(&want), "missing {want:?} in {seen:#?}");
    }
}

#[test]
fn another_kim_is_not_kim_jong_un() {
    assert!(codes("Kim Yo Jong warned.", day(2023, 1, 1)).is_empty());
    assert_eq!(
        codes("Kim warned.", day(2023, 1, 1)),
        vec![t("Kim", "PRK", "GOV")]
    );
}

/// Two presidents Bush, one state: an undated "President Bush" codes as the United States,
/// and a date picks the one in office.
#[test]
fn a_title_and_a_surname_of_one_state_code_that_state_without_a_date() {
    assert_eq!(
        codes("President Bush met the press.", None),
        vec![t("President Bush", "USA", "GOV")]
    );
    assert_eq!(
        codes("President Bush met the press.", day(2003, 3, 20)),
        vec![t("President Bush", "USA", "GOV")]
    );
}

/// A weekday after a name that is also a person's ("Israel", "Jordan") does not turn the
/// country into a person.
#[test]
fn a_weekday_after_an_ambiguous_country_keeps_the_country() {
    let found = codes(
        "Jordan Friday closed its border with Syria.",
        day(2024, 3, 1),
    );
    assert!(found.iter().any(|(_, code, _)| code == "JOR"), "{found:?}");
}

#[test]
fn cameo_codes_score_by_their_longest_listed_prefix() {
    let o = &lexicon().ontology;
    let (quad, score) = o.cameo_score("020").unwrap();
    assert_eq!(
        (quad.get(), score),
        (1, 3.0),
        "an appeal is verbal cooperation"
    );
    let (quad, score) = o.cameo_score("100").unwrap();
    assert_eq!(
        (quad.get(), score),
        (3, -5.0),
        "a demand is verbal conflict"
    );
    // 1213 has no score of its own in the crosswalk: its prefix 121 stands in.
    assert_eq!(o.cameo_score("1213"), o.cameo_score("121"));
    assert!(o.cameo_score("99").is_none());
}

#[test]
fn a_title_before_a_known_last_name_names_the_office_holder() {
    // No `~` short name is needed after an office's title.
    let found = codes("President Ruto arrived.", day(2024, 1, 1));
    assert_eq!(found, vec![t("President Ruto", "KEN", "GOV")]);
    assert_eq!(
        codes("Prime Minister Brown arrived.", day(2008, 1, 1)),
        vec![t("Prime Minister Brown", "GBR", "GOV")]
    );
    // An honorific names only someone the article named in full before.
    assert!(codes("Mr Brown arrived.", day(2008, 1, 1)).is_empty());
    // A title before a first name the dictionary does not know goes on to the surname.
    assert!(
        codes("Home Secretary Charles Clarke arrived.", day(2005, 1, 1))
            .iter()
            .all(|(text, _, _)| text != "Home Secretary Charles")
    );
}

#[test]
fn leaders_since_2014_of_every_region_resolve_by_date() {
    // One office-holder per region added from public records, each at a date in office.
    let cases = [
        ("Prime Minister Mette Frederiksen", day(2024, 5, 1), "DNK"),
        ("President Alexander Stubb", day(2025, 1, 1), "FIN"),
        ("Prime Minister Anthony Albanese", day(2024, 5, 1), "AUS"),
        ("Prime Minister Anwar Ibrahim", day(2024, 5, 1), "MYS"),
        ("Prime Minister Péter Magyar", day(2026, 6, 1), "HUN"),
    ];
    for (name, date, code) in cases {
        let text = format!("{name} arrived.");
        let found = codes(&text, date);
        assert!(
            found.iter().any(|(t, c, _)| t == name && c == code),
            "{name}: {found:?}"
        );
    }
    // Viktor Orbán left office on 2026-05-09: afterwards he is Hungary's elite, no longer
    // its government.
    let after = codes("Viktor Orbán arrived.", day(2026, 6, 1));
    assert_eq!(after, vec![t("Viktor Orbán", "HUN", "ELI")]);
}
