//! Matcher logic on a small fictional world, so these tests stay put when real data changes.

use chrono::NaiveDate;

use super::*;
use crate::source::parse_line_file;

fn layer(name: &str, text: &str, fields: std::ops::RangeInclusive<usize>) -> Vec<crate::LineFile> {
    vec![parse_line_file(name, text, fields).unwrap()]
}

fn world() -> ActorLexicon {
    let sources = ActorSources {
        countries: layer("countries.txt", "FRE | Freedonia | state\nSYL | Sylvania | state\n", 3..=3),
        country_names: layer(
            "country_names.txt",
            "Freedonia | FRE | name\nFreedonian | FRE | adjective\nFreedonians | FRE | demonym\n\
             FRN | FRE | abbrev\nMarx | FRE | capital | ambiguous\nSylvania | SYL | name\n\
             Sylvanian | SYL | adjective\nthe Palace | FRE | seat\nTrentino City | SYL | capital\n",
            3..=4,
        ),
        leaders: layer(
            "leaders.txt",
            "Ambassador Trentino | SYL | GOV | president | 2010-01-01 | 2020-01-01 | ~Trentino |\n\
             Chicolini Firefly | SYL | GOV | foreign minister | 2012-01-01 | | ~Firefly |\n\
             Rufus T. Firefly | FRE | GOV | president | 2015-01-01 | 2019-01-01 | Rufus Firefly; ~Firefly |\n\
             Rufus T. Firefly | FRE | GOV | president | 2022-01-01 | | Rufus Firefly; ~Firefly |\n",
            7..=8,
        ),
        organizations: layer(
            "organizations.txt",
            "League of Nations | IGO | LON | IGO | LON\nRoyal Guard | FRE |  | MIL | \n",
            5..=5,
        ),
        agents: layer(
            "agents.txt",
            "defense ministry | GOV | \ndiplomat | GOV | s\nforces | MIL | \nmilitiamen | UAF |  | party\nofficials | GOV | \n",
            3..=4,
        ),
        titles: layer("titles.txt", "Foreign Minister | GOV\nPresident | GOV\n", 2..=2),
        blocked: layer("blocked.txt", "Freedonia Street | a street\n", 2..=2),
        phoenix_people: layer(
            "phoenix/people.txt",
            "Groucho Marx | FRE | ELI | 1930-01-01 | 1940-12-31 | Julius Marx |\n\
             Rufus T. Firefly | SYL | GOV |  |  |  |\n\
             Zeppo | FRE | GOV |  |  |  |\n",
            6..=7,
        ),
        phoenix_organizations: layer(
            "phoenix/organizations.txt",
            "Freedonian Liberation Front | FRE |  | REB | FLF\nMarx Brothers Inc | FRE |  | BUS | \n",
            5..=5,
        ),
    };
    ActorLexicon::from_sources(
        &sources,
        &|s| ["GOV", "MIL", "UAF", "IGO", "ELI", "REB", "BUS"].contains(&s),
        &crate::Grammar::load(None).unwrap(),
    )
    .unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (text, code, sector) of each mention.
fn found(lex: &ActorLexicon, s: &str, date: Option<NaiveDate>) -> Vec<(String, String, String)> {
    let mut memory = MentionMemory::new();
    lex.find(s, date, &mut memory)
        .into_iter()
        .map(|m| {
            let code = m.actor.code_str().to_string();
            let sector = m.actor.sector.map(|s| s.to_string()).unwrap_or_default();
            (m.actor.text, code, sector)
        })
        .collect()
}

fn t(text: &str, code: &str, sector: &str) -> (String, String, String) {
    (text.into(), code.into(), sector.into())
}

#[test]
fn names_adjectives_and_compounds() {
    let lex = world();
    assert_eq!(
        found(&lex, "Freedonia and Sylvania signed a pact.", None),
        vec![t("Freedonia", "FRE", ""), t("Sylvania", "SYL", "")]
    );
    assert_eq!(
        found(&lex, "Freedonians cheered.", None),
        vec![t("Freedonians", "FRE", "CVL")]
    );
}

#[test]
fn longest_first_and_blocked_phrases() {
    let lex = world();
    assert_eq!(
        found(&lex, "Trentino City replied.", None),
        vec![t("Trentino City", "SYL", "GOV")]
    );
    assert!(found(&lex, "They met on Freedonia Street.", None).is_empty());
}

#[test]
fn acronyms_need_capitals_and_words_need_boundaries() {
    let lex = world();
    assert_eq!(
        found(&lex, "The FRN objected.", None),
        vec![t("FRN", "FRE", "")]
    );
    assert!(found(&lex, "the frn objected", None).is_empty());
    assert!(found(&lex, "Freedonianism is a creed.", None).is_empty());
    assert!(found(&lex, "LONDON calling", None).is_empty());
}

#[test]
fn seats_match_with_a_capital_first_letter() {
    let lex = world();
    assert_eq!(
        found(&lex, "The Palace said no.", None),
        vec![t("The Palace", "FRE", "GOV")]
    );
}

#[test]
fn possessives_with_either_apostrophe() {
    let lex = world();
    let mut memory = MentionMemory::new();
    for s in ["Sylvania's army", "Sylvania\u{2019}s army"] {
        let m = &lex.find(s, None, &mut memory)[0];
        assert!(m.possessive);
        assert_eq!(m.range.slice(s), "Sylvania");
    }
}

#[test]
fn adjective_or_possessive_plus_agent() {
    let lex = world();
    assert_eq!(
        found(&lex, "Freedonian forces advanced.", None),
        vec![t("Freedonian forces", "FRE", "MIL")]
    );
    assert_eq!(
        found(&lex, "Sylvanian militiamen fled.", None),
        vec![t("Sylvanian militiamen", "SYL", "UAF")]
    );
    assert_eq!(
        found(&lex, "Marx\u{2019}s diplomats left.", None),
        vec![t("Marx\u{2019}s diplomats", "FRE", "GOV")]
    );
    assert_eq!(
        found(&lex, "the Sylvanian Defense Ministry said", None),
        vec![t("Sylvanian Defense Ministry", "SYL", "GOV")]
    );
}

#[test]
fn state_organs_join_their_state() {
    let lex = world();
    assert_eq!(
        found(&lex, "Freedonian Royal Guard troops", None),
        vec![t("Freedonian Royal Guard", "FRE", "MIL")]
    );
}

#[test]
fn title_and_full_name_make_one_mention() {
    let lex = world();
    let s = "Freedonian President Rufus T. Firefly arrived.";
    let mut memory = MentionMemory::new();
    let m = lex.find(s, day(2016, 5, 1), &mut memory);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].range.slice(s), "Freedonian President Rufus T. Firefly");
    assert_eq!(m[0].kind, MentionKind::Leader);
    assert_eq!(m[0].actor.name, "Rufus T. Firefly");
    assert!(m[0].rule.as_deref().unwrap().starts_with("leaders.txt:"));
}

#[test]
fn lone_surnames_resolve_by_tenure_or_memory_never_when_shared() {
    let lex = world();
    // 2016: both Fireflys in office: ambiguous.
    assert!(found(&lex, "Firefly spoke.", day(2016, 5, 1)).is_empty());
    // 2020: only the Sylvanian foreign minister.
    assert_eq!(
        found(&lex, "Firefly spoke.", day(2020, 5, 1)),
        vec![t("Firefly", "SYL", "GOV")]
    );
    // An adjective narrows it down.
    assert_eq!(
        found(&lex, "Freedonian President Firefly spoke.", day(2016, 5, 1)),
        vec![t("Freedonian President Firefly", "FRE", "GOV")]
    );
    // Named in full before, in the same article.
    let mut memory = MentionMemory::new();
    lex.find("Rufus Firefly landed.", day(2016, 5, 1), &mut memory);
    let m = lex.find("Firefly spoke.", day(2016, 5, 1), &mut memory);
    assert_eq!(m[0].actor.code_str(), "FRE");
    // A surname that starts another person's name is not that leader.
    assert!(found(&lex, "Firefly Jones spoke.", day(2020, 5, 1)).is_empty());
    // Out of office and never named: the only Trentino's state, as an elite, not its
    // government.
    assert_eq!(
        found(&lex, "Trentino spoke.", day(2021, 1, 1)),
        vec![t("Trentino", "SYL", "ELI")]
    );
    // With no date at all, a surname that every bearer served one state with codes it.
    assert_eq!(
        found(&lex, "Trentino spoke.", None),
        vec![t("Trentino", "SYL", "GOV")]
    );
    assert_eq!(
        found(&lex, "Trentino spoke.", day(2019, 1, 1)),
        vec![t("Trentino", "SYL", "GOV")]
    );
}

#[test]
fn ambiguous_names_skip_before_a_capitalized_word() {
    let lex = world();
    assert!(found(&lex, "Marx Brothers films", None).is_empty());
    assert_eq!(
        found(&lex, "Marx agreed.", None),
        vec![t("Marx", "FRE", "GOV")]
    );
}

#[test]
fn bare_agents_are_parties_without_a_code() {
    let lex = world();
    let mut memory = MentionMemory::new();
    lex.find("Sylvania protested.", None, &mut memory);
    // The state named before is not taken: the words do not say whose militiamen these are.
    let m = lex.find("Militiamen fired.", None, &mut memory);
    assert_eq!(m[0].actor.code, None);
    assert_eq!(m[0].actor.text, "Militiamen");
    assert_eq!(m[0].actor.sector.as_ref().map(|s| s.as_str()), Some("UAF"));
    // "officials" is an actor only with its state.
    assert!(lex.find("Officials said so.", None, &mut memory).is_empty());
    assert_eq!(
        found(&lex, "Freedonian officials said so.", None),
        vec![t("Freedonian officials", "FRE", "GOV")]
    );
}

#[test]
fn organizations_carry_their_short_name() {
    let lex = world();
    let mut memory = MentionMemory::new();
    let m = lex.find("The League of Nations met.", None, &mut memory);
    assert_eq!(m[0].actor.code_str(), "IGO");
    assert_eq!(m[0].actor.org.as_deref(), Some("LON"));
    assert_eq!(m[0].kind, MentionKind::Organization);
}

#[test]
fn converted_phoenix_entries_add_below_the_curated_ones() {
    let lex = world();
    // A person of the converted file, with its dated role; its inclusive end is kept.
    assert_eq!(
        found(&lex, "Julius Marx spoke.", day(1940, 12, 31)),
        vec![t("Julius Marx", "FRE", "ELI")]
    );
    // A curated leader's name is not taken from the converted file (our entry wins).
    assert_eq!(
        found(&lex, "Rufus T. Firefly spoke.", day(2016, 5, 1)),
        vec![t("Rufus T. Firefly", "FRE", "GOV")]
    );
    // One-word names are left out: too often a common word or a first name.
    assert!(found(&lex, "Zeppo spoke.", None).is_empty());
    // Armed groups are added; companies are not.
    assert_eq!(
        found(&lex, "The FLF attacked.", None),
        vec![t("FLF", "FRE", "REB")]
    );
    assert!(found(&lex, "Marx Brothers Inc spoke.", None)
        .iter()
        .all(|(_, _, sector)| sector != "BUS"));
}
