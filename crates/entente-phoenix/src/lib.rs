//! Converts the Phoenix/PETRARCH dictionaries (Open Event Data Alliance, MIT licence) into
//! entente's lexicon files.
//!
//! | input | output |
//! |---|---|
//! | `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt` | `people.txt`, `organizations.txt` |
//! | `Phoenix.agents.txt` | `agents.txt` |
//! | `CAMEO.2.0.txt` and `cameo_to_plover.csv` | `verbs.txt`, `irregular.txt` |
//!
//! and `LICENSE`, the dictionaries' MIT licence, which must travel with the copies.
//!
//! The stages, one module each: [`input`] decodes lines (UTF-8, else Windows-1252);
//! [`actors`] reads actor entries; [`codes`] maps CAMEO actor codes to entente's codes and
//! sectors, [`dates`] reads role dates, [`names`] writes names in natural case, [`kinds`]
//! tells places, persons and organizations apart; [`people`] and [`organizations`] write
//! the actor files; [`agents`] and [`verbs`] (with [`crosswalk`]) the others; [`output`]
//! renders headers. What is left out is counted in a [`report::Tally`] per output file.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let from = Path::new("../shared/reference/phoenix");
//! let conversion = entente_phoenix::convert(from, &from.join("../cameo_to_plover.csv")).unwrap();
//! for file in &conversion.files {
//!     println!("{}: {} entries", file.name, file.lines.len());
//! }
//! conversion.write(Path::new("crates/entente-lexicon/data/phoenix")).unwrap();
//! ```

pub mod actors;
pub mod agents;
pub mod codes;
pub mod crosswalk;
pub mod dates;
mod error;
pub mod input;
pub mod kinds;
pub mod names;
pub mod organizations;
pub mod output;
pub mod people;
pub mod report;
pub mod verbs;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use error::Error;

use actors::Entry;
use codes::Codebook;
use input::SourceFile;
use kinds::{Classifier, Kind, Role};
use names::Acronyms;
use output::OutputFile;
use report::Tally;

/// The actor files, in the order their organizations win a name clash.
pub const ACTOR_FILES: [&str; 3] = [
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.Countries.actors.txt",
];
pub const AGENTS_FILE: &str = "Phoenix.agents.txt";
pub const VERBS_FILE: &str = "CAMEO.2.0.txt";
pub const LICENSE_FILE: &str = "LICENSE";

/// The result: the files to write, and the tallies behind their headers for the summary.
#[derive(Debug, Clone)]
pub struct Conversion {
    pub files: Vec<OutputFile>,
    pub license: String,
    /// (what, tally), in the order the summary shows them.
    pub tallies: Vec<(String, Tally)>,
    /// Patterns that came with two codes, and which was kept.
    pub conflicts: Vec<String>,
}

impl Conversion {
    /// Writes every file and `LICENSE` into `dir` (created if missing).
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let all: Vec<&str> = self.files.iter().map(|f| f.name).collect();
        self.write_only(dir, &all)
    }

    /// Writes the files named in `names` (`people.txt`, ...) and `LICENSE` into `dir`.
    pub fn write_only(&self, dir: &Path, names: &[&str]) -> Result<(), Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        for f in self.files.iter().filter(|f| names.contains(&f.name)) {
            let path = dir.join(f.name);
            std::fs::write(&path, f.render()).map_err(|e| Error::io(&path, e))?;
        }
        let path = dir.join(LICENSE_FILE);
        std::fs::write(&path, &self.license).map_err(|e| Error::io(&path, e))
    }
}

/// Converts the dictionaries in `from`, with the CAMEO-to-PLOVER crosswalk at `crosswalk`.
pub fn convert(from: &Path, crosswalk: &Path) -> Result<Conversion, Error> {
    let book = Codebook::builtin();
    let crosswalk = crosswalk::Crosswalk::read(crosswalk)?;
    let license_path = from.join(LICENSE_FILE);
    let license =
        std::fs::read_to_string(&license_path).map_err(|e| Error::io(&license_path, e))?;

    // Actors.
    let mut actor_input = Tally::default();
    let mut actor_tally = Tally::default();
    let mut entries: Vec<Entry> = Vec::new();
    for name in ACTOR_FILES {
        let file = SourceFile::read(&from.join(name), &mut actor_input)?;
        entries.extend(actors::parse(&file, &mut actor_tally));
    }
    let with_roles: Vec<(&Entry, Vec<Role>)> = entries
        .iter()
        .map(|e| (e, kinds::resolve_roles(e, &book)))
        .collect();

    // The agents and verb dictionaries, read first: their words are the English vocabulary
    // that tells an organization's name from a person's, and an acronym from a word.
    let mut agents_input = Tally::default();
    let agents_file = SourceFile::read(&from.join(AGENTS_FILE), &mut agents_input)?;
    let mut verbs_input = Tally::default();
    let verbs_file = SourceFile::read(&from.join(VERBS_FILE), &mut verbs_input)?;
    let english = vocabulary(&[&agents_file, &verbs_file]);
    let acronyms = learn_acronyms(&entries, &english);
    let classifier = Classifier::learn(&with_roles, english);

    let mut org_tally = Tally::default();
    let mut people_tally = Tally::default();
    let mut persons: Vec<(&Entry, &[Role])> = Vec::new();
    let mut org_lines = Vec::new();
    for (entry, roles) in &with_roles {
        match classifier.classify(entry, roles, &acronyms) {
            Kind::Place => actor_tally.drop(
                kinds::PLACE,
                &entry.file,
                entry.primary.line,
                entry.primary.raw.clone(),
            ),
            Kind::Unusable => {
                // Each role says why; an entry whose roles all fail is then left out whole.
                for r in roles {
                    let what = format!("{}: [{} {}]", entry.primary.raw, r.code, r.dates);
                    match (&r.resolved, &r.span) {
                        (_, Err(why)) => actor_tally.drop(
                            people::MALFORMED_DATE,
                            &entry.file,
                            r.line,
                            format!("{what}: {why}"),
                        ),
                        (Err(e), _) => {
                            people::drop_unresolved(e, &entry.file, r.line, &what, &mut actor_tally)
                        }
                        (Ok(_), Ok(_)) => {
                            actor_tally.drop(people::NO_SECTOR, &entry.file, r.line, what)
                        }
                    }
                }
            }
            Kind::Person => persons.push((entry, roles)),
            Kind::Organization => {
                if let Some(line) = organizations::build(entry, roles, &acronyms, &mut org_tally) {
                    org_lines.push(line);
                }
            }
        }
    }
    let mut org_index = people::OrgIndex::default();
    let mut indexed = BTreeSet::new();
    for l in &org_lines {
        if !l.org.is_empty() && indexed.insert(l.name.to_lowercase()) {
            org_index.add(&l.cameo, &l.org);
        }
    }
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut org_out = Vec::new();
    for l in org_lines {
        let key = l.name.to_lowercase();
        if let Some((file, line)) = seen.get(&key) {
            let detail = format!("{} (kept {file}, line {line})", l.name);
            org_tally.drop(organizations::DUPLICATE_NAME, &l.file, l.line, detail);
            continue;
        }
        seen.insert(key, (l.file.clone(), l.line));
        org_out.push(l.render());
    }
    let mut people_out = BTreeSet::new();
    for (entry, roles) in persons {
        for l in people::build(
            entry,
            roles,
            &acronyms,
            &org_index,
            &book,
            &mut people_tally,
        ) {
            let line = l.render();
            if !people_out.insert(line.clone()) {
                people_tally.drop(people::DUPLICATE, &entry.file, entry.primary.line, line);
            }
        }
    }

    // Agents.
    let mut agents_tally = Tally::default();
    let agent_lines = agents::convert(&agents_file, &book, &acronyms, &mut agents_tally);
    agents_tally.absorb(&agents_input);

    // Verbs.
    let mut verbs_tally = Tally::default();
    let mut irregular_tally = Tally::default();
    let converted = verbs::convert(
        &verbs_file,
        &crosswalk,
        &mut verbs_tally,
        &mut irregular_tally,
    );
    verbs_tally.absorb(&verbs_input);

    let mut shared = actor_input.clone();
    shared.absorb(&actor_tally);
    let actor_inputs = ACTOR_FILES.join(", ");
    let files = vec![
        OutputFile::new(
            "people.txt",
            &PEOPLE_ABOUT,
            &actor_inputs,
            &[
                ("from the actor files before sorting persons from organizations (shared with organizations.txt)", &shared),
                ("from the person entries", &people_tally),
            ],
            people_out.into_iter().collect(),
        ),
        OutputFile::new(
            "organizations.txt",
            &ORGANIZATIONS_ABOUT,
            &actor_inputs,
            &[
                ("from the actor files before sorting persons from organizations (shared with people.txt)", &shared),
                ("from the organization entries", &org_tally),
            ],
            org_out,
        ),
        OutputFile::new(
            "agents.txt",
            &AGENTS_ABOUT,
            AGENTS_FILE,
            &[("", &agents_tally)],
            agent_lines.iter().map(agents::AgentLine::render).collect(),
        ),
        OutputFile::new(
            "verbs.txt",
            &VERBS_ABOUT,
            &format!("{VERBS_FILE}, with the CAMEO-to-PLOVER crosswalk cameo_to_plover.csv,"),
            &[("", &verbs_tally)],
            converted.verbs.iter().map(verbs::VerbLine::render).collect(),
        ),
        OutputFile::new(
            "irregular.txt",
            &IRREGULAR_ABOUT,
            VERBS_FILE,
            &[("", &irregular_tally)],
            converted.irregular.iter().map(verbs::Irregular::render).collect(),
        ),
    ];
    Ok(Conversion {
        files,
        license,
        tallies: vec![
            (
                "actor files (people.txt and organizations.txt)".into(),
                shared,
            ),
            ("people.txt".into(), people_tally),
            ("organizations.txt".into(), org_tally),
            ("agents.txt".into(), agents_tally),
            ("verbs.txt".into(), verbs_tally),
            ("irregular.txt".into(), irregular_tally),
        ],
        conflicts: converted.conflicts,
    })
}

/// Every word of at least three letters outside comments, in capitals.
fn vocabulary(files: &[&SourceFile]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for f in files {
        for line in &f.lines {
            let Some(text) = &line.text else { continue };
            let content = text.split('#').next().unwrap_or("");
            for w in content.split(|c: char| !c.is_alphabetic()) {
                if w.chars().count() >= 3 {
                    words.insert(w.to_uppercase());
                }
            }
        }
    }
    words
}

/// Acronyms the actor files list (see [`names`]): per entry and per code, a one-word name
/// that spells the initials of a longer one; and capitals of three or more in parentheses
/// that are not English words (`(DAWN)` stays the alias of its NGO, but "Macedonia Dawn"
/// is not "Macedonia DAWN").
fn learn_acronyms(entries: &[Entry], english: &BTreeSet<String>) -> Acronyms {
    let mut acronyms = Acronyms::default();
    let mut by_code: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in entries {
        let names: Vec<&str> = e.spellings().map(|s| s.raw.as_str()).collect();
        acronyms.learn_from_group(names.iter().copied());
        if let Some(code) = e.first_code() {
            by_code
                .entry(code)
                .or_default()
                .extend(names.iter().copied());
        }
        for n in &names {
            if let Some(a) = names::split_acronym(n).1 {
                if a.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !english.contains(&a) {
                    acronyms.insert(&a);
                }
            }
        }
    }
    for names in by_code.values() {
        acronyms.learn_from_group(names.iter().copied());
    }
    acronyms
}

const PEOPLE_ABOUT: [&str; 6] = [
    "People with a role: office-holders, elites, staff of organizations, from the Phoenix actor dictionaries.",
    "Fields: name | CODE | sector | from | to | aliases | org",
    "One line per person per role. CODE: ISO 3166-1 alpha-3, IGO or NGO (CAMEO codes mapped as in entente-phoenix's codes.rs). sector: as in sectors.txt. from/to: ISO dates, inclusive, empty = open; a Phoenix role without dates holds when none of the person's dated roles does, so it is written as the gaps between them. aliases: `;`-separated other spellings, as Phoenix lists them (titles included). org: for IGO and NGO, the organization's short name (the one most organizations with the same CAMEO code have); empty otherwise.",
    "Names in natural case: each word and each part between hyphens capitalized, except acronyms (dotted, listed in the source as initials of a longer name or in parentheses, or of at most five letters with no vowel), Roman numerals after the first word, and the particles al, el, bin, ibn, bint, abu, de, del, della, di, da, dos, das, du, van, von, der, den, la, le, y and the English of, the, and, for, in, on, at, to, by, with, from, which are lower case unless first (a particle joined by a hyphen stays lower even first: al-Qaeda).",
    "The name is the first spelling without a title word (president, minister, secretary-general, ...); persons and organizations are told apart by the rules of entente-phoenix's kinds.rs (a body word in the name, dated roles, a given name).",
    "Two-digit years: 00-29 are 20xx, 30-99 19xx.",
];

const ORGANIZATIONS_ABOUT: [&str; 4] = [
    "International organizations, NGOs, companies, armed groups and organs of states, from the Phoenix actor dictionaries.",
    "Fields: name | CODE | org | sector | aliases",
    "CODE: IGO, NGO, or the ISO 3166-1 alpha-3 code of the state an organ or group belongs to; companies (CAMEO MNC) are NGO with sector MNC; groups CAMEO ties to a region or religion, not a state, are NGO. org: the short name for IGO and NGO (an acronym synonym, else the name), empty for organs of a state. Of several roles the undated one is kept, else the latest. aliases: `;`-separated. Country and territory names are not converted (entente has its own).",
    "Names in natural case by the rule in people.txt's header; an acronym in parentheses moves to the aliases. Names are unique: on a clash the first of International, MilNonState, Countries is kept.",
];

const AGENTS_ABOUT: [&str; 3] = [
    "Generic agent nouns (\"ambassador\", \"rebels\") and the sector they give, from the Phoenix agents dictionary.",
    "Fields: noun | sector | plural",
    "plural: `s` if the noun also matches with a plain -s plural; other plurals are lines of their own. !MACRO! sets are expanded (no plural formed, as in PETRARCH); {P} gives P its own line; a noun without braces gets its regular plural (-es after ss, x, z, ch, sh; -ies after a consonant and y; none for a stopped noun or one ending in s). Sector: the first code group that is an entente sector (or has a nearest one, see entente-phoenix's codes.rs), else REL for a religion; later groups are dropped. Lower case except acronyms.",
];

const VERBS_ABOUT: [&str; 4] = [
    "Event triggers headed by a verb, from the CAMEO verb dictionary of PETRARCH: `pattern | EVENT | mode | cameo | frame | note`.",
    "Pattern: a verb lemma, then the words after `*` in the CAMEO pattern, each a required near word {word}; a CAMEO phrase {A B} and a preposition group (PREP NOUN) give {a} b; a synonym set gives {m1/m2/...} of its one-word members. Every pattern of a block is written for every verb of the block. Patterns with words before `*` (subject side), with `$` after `*` or with `%` are not converted.",
    "EVENT and mode: from the CAMEO code through the crosswalk (the first code of [a:b]; [:b] codes the reverse event and is written with frame tgt<src). cameo: the CAMEO code. Frame src>tgt?, or src for MOBILIZE and PROTEST with no object words. note: the CAMEO code and block.",
    "The same pattern from two blocks or with two codes is written once, with the more specific code (more digits, then not ending in 0), else the first.",
];

const IRREGULAR_ABOUT: [&str; 2] = [
    "Irregular English verbs: `lemma | past | participle`, from the {...} forms of the CAMEO verb dictionary.",
    "Only where the list tells past and participle apart: two forms besides -s, -ing and regular pasts, one ending in n or ne (grew, grown; underwent, undergone); or one such form beside a regular past (showed, shown).",
];
