//! CAMEO actor codes -> entente's actor code and sector.
//!
//! A CAMEO code is a string of three-letter groups: `AFGGOVAGR` is Afghanistan, government,
//! agriculture; `IGOUNOKID` an intergovernmental organization, the UN, children;
//! `NGOCHRCTHDEV` a Christian, Catholic, development NGO. entente keeps one actor code
//! (ISO 3166-1 alpha-3, `IGO` or `NGO`) and one sector (`sectors.txt`).
//!
//! The first group says who:
//!
//! | first group | entente code | why |
//! |---|---|---|
//! | a code of `countries.txt` | itself | ISO 3166-1 alpha-3 |
//! | an entry of [`CAMEO_TO_ISO`] | the ISO code | CAMEO spellings and withdrawn codes |
//! | `IGO` | `IGO` | |
//! | `NGO`, `NGM` | `NGO` | |
//! | `MNC` | `NGO`, sector `MNC` | a company is non-governmental; entente has no third kind |
//! | `IMG` | `NGO`, sector `REB` | international militarized group (al-Qaeda): entente codes al-Qaeda `NGO`/`REB` |
//! | a religion ([`RELIGIONS`]) | `NGO`, sector `REL` | a transnational religious body |
//! | a region ([`REGIONS`]) or `INT` | `NGO` | a group CAMEO ties to no single state ("West Europe" for the IRA) |
//! | [`UNMAPPED`], `---`, anything else | dropped | no state of today, no code, or a typo |
//!
//! For a state, a second group that is itself a country or territory code names the part
//! of the state the actor belongs to (`GBRIMYGOV`: the Isle of Man's government, `IMN`;
//! `USAPRIGOV`: Puerto Rico's, `PRI`). The sector is the first later group that is an
//! entente sector or has a nearest one ([`NEAREST_SECTOR`]); else a religion group gives
//! `REL`; else a modifier's fallback ([`MODIFIERS`]); else the first group's default
//! (`IGO` for IGOs, `NGO` for NGOs, `MNC`, `REB`, `REL` as in the table; none for a state,
//! which makes a bare `[AFG]` a place name, not an actor with a role). Groups that name an
//! organization (`UNO`, `WBK`, `NAT`), a region or a second country inside an IGO or NGO
//! code say nothing entente's record keeps: they are ignored, and counted.

use std::collections::BTreeSet;

/// CAMEO spellings and withdrawn ISO codes, and the code entente uses. Sorted (a test
/// checks), so lookups can binary-search.
///
/// - `ANG` Angola, `DEN` Denmark, `ITL` Italy, `JAP` Japan, `VTN` Vietnam: CAMEO spellings.
/// - `BUR` Burma (ISO until 1989, now `MMR`), `ROM` Romania (`ROU` since 2002), `TMP` East
///   Timor (`TLS` since 2002), `ZAR` Zaire (`COD` since 1997): withdrawn ISO codes.
/// - `IMY` Isle of Man: CAMEO's code; ISO's is `IMN`.
/// - `KSV` Kosovo: the World Bank's code in CAMEO; entente uses `XKX` (`countries.txt`).
/// - `SUN` (ISO's withdrawn code for the USSR) and `USR` (CAMEO's): `RUS`, the state that
///   continues the USSR's legal personality; the Phoenix files already code Brezhnev and
///   Gorbachev `RUSGOV`.
/// - `FRY` Federal Republic of Yugoslavia (1992-2003) and `SCG` Serbia and Montenegro
///   (2003-2006): `SRB`, their continuing state.
pub const CAMEO_TO_ISO: &[(&str, &str)] = &[
    ("ANG", "AGO"),
    ("BUR", "MMR"),
    ("DEN", "DNK"),
    ("FRY", "SRB"),
    ("IMY", "IMN"),
    ("ITL", "ITA"),
    ("JAP", "JPN"),
    ("KSV", "XKX"),
    ("ROM", "ROU"),
    ("SCG", "SRB"),
    ("SUN", "RUS"),
    ("TMP", "TLS"),
    ("USR", "RUS"),
    ("VTN", "VNM"),
    ("ZAR", "COD"),
];

/// First groups that look like states but have no entente code: dropped, with the reason.
pub const UNMAPPED: &[(&str, &str)] = &[
    ("CSK", "Czechoslovakia: no continuing state"),
    ("DDR", "the German Democratic Republic: no continuing state"),
    ("FRN", "not a CAMEO code"),
    ("KKL", "a coder's initials typed as a code"),
    ("KNT", "Kinakuta, a fictional country"),
    ("KRJ", "the Republic of Serbian Krajina: never a state"),
    ("SRP", "Republika Srpska: part of Bosnia and Herzegovina"),
    (
        "YUG",
        "the Socialist Federal Republic of Yugoslavia: no continuing state",
    ),
];

/// CAMEO role codes with no entente sector of the same name, and the nearest one.
///
/// - `IMG` (international militarized group) -> `REB`: armed non-state fighters.
/// - `NGM` (PETRARCH's non-governmental movement) -> `NGO`.
/// - `PPL` (people: "men", "persons") -> `CVL`: the general public.
pub const NEAREST_SECTOR: &[(&str, &str)] = &[("IMG", "REB"), ("NGM", "NGO"), ("PPL", "CVL")];

/// Modifiers: they qualify another group (`SYRREBRAD`) and give a sector only when nothing
/// else does.
///
/// - `RAD` radical -> `REB`: "extremists" in news are mostly militants.
/// - `MOD` moderate -> `OPP`.
/// - `UNR` unrecognized, `OCC` occupied, `AUT` autonomous: about a territory's status, no
///   sector.
pub const MODIFIERS: &[(&str, Option<&str>)] = &[
    ("AUT", None),
    ("MOD", Some("OPP")),
    ("OCC", None),
    ("RAD", Some("REB")),
    ("UNR", None),
];

/// CAMEO religion codes (and `MUS`, the Phoenix files' spelling of `MOS`, Muslim): sector
/// `REL`.
pub const RELIGIONS: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "HSD", "ITR",
    "JAN", "JEW", "JHW", "LDS", "MAR", "MOS", "MRN", "MUS", "NEW", "ORT", "PRO", "RAS", "SHI",
    "SIK", "SUF", "SUN", "TAO", "UDS", "YAZ", "ZRO",
];

/// CAMEO region codes, and `INT` (international), which the MilNonState file uses alike.
pub const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "INT",
    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU",
    "WST",
];

/// Who an actor is, in entente's terms.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Actor {
    State(String),
    Igo,
    Ngo,
}

impl Actor {
    pub fn code(&self) -> &str {
        match self {
            Actor::State(c) => c,
            Actor::Igo => "IGO",
            Actor::Ngo => "NGO",
        }
    }

    pub fn is_organization(&self) -> bool {
        !matches!(self, Actor::State(_))
    }
}

/// What kind of first group a code had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    State,
    Igo,
    Ngo,
    Mnc,
    Img,
    Religion,
    Region,
}

/// A resolved code: the actor, its sector if the code gives one, and the groups ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub actor: Actor,
    pub root: Root,
    pub sector: Option<String>,
    pub ignored: Vec<String>,
}

/// Why a code gives no actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// `---`: PETRARCH's null code.
    Null,
    /// Not a string of three-letter groups.
    Malformed(String),
    /// A sector with no state or organization (`ELI`, `MED`).
    NoActor(String),
    /// A first group entente has no code for.
    Unmapped(String),
}

/// The country and sector lists a code is checked against.
#[derive(Debug, Clone)]
pub struct Codebook {
    countries: BTreeSet<String>,
    sectors: BTreeSet<String>,
}

impl Codebook {
    /// entente's own lists, from `entente-lexicon/data/` at build time.
    pub fn builtin() -> Codebook {
        Codebook::from_texts(
            include_str!("../../entente-lexicon/data/countries.txt"),
            include_str!("../../entente-lexicon/data/sectors.txt"),
        )
    }

    /// Lists in the lexicon's format: the first `|` field of each data line.
    pub fn from_texts(countries: &str, sectors: &str) -> Codebook {
        let firsts = |text: &str| -> BTreeSet<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split('|').next())
                .map(|f| f.trim().to_string())
                .collect()
        };
        Codebook {
            countries: firsts(countries),
            sectors: firsts(sectors),
        }
    }

    pub fn is_sector(&self, s: &str) -> bool {
        self.sectors.contains(s)
    }

    /// Whether a group after the first names one organization (`UNO`, `EEC`, `ALQ`): it is
    /// no sector, modifier, religion, region or country.
    pub fn names_organization(&self, group: &str) -> bool {
        !self.is_sector(group)
            && lookup(NEAREST_SECTOR, group).is_none()
            && lookup(MODIFIERS, group).is_none()
            && !RELIGIONS.contains(&group)
            && !REGIONS.contains(&group)
            && self.country(group).is_none()
            && !["IGO", "NGO", "MNC", "IMG"].contains(&group)
    }

    /// The ISO code for a CAMEO state code, if entente has one.
    pub fn country(&self, group: &str) -> Option<String> {
        if self.countries.contains(group) {
            return Some(group.to_string());
        }
        lookup(CAMEO_TO_ISO, group).map(str::to_string)
    }

    /// Resolves a whole code (see the module docs).
    pub fn resolve(&self, code: &str) -> Result<Resolved, Unresolved> {
        let code = code.trim();
        if code.chars().all(|c| c == '-') {
            return Err(Unresolved::Null);
        }
        if code.is_empty()
            || !code.len().is_multiple_of(3)
            || !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Err(Unresolved::Malformed(code.to_string()));
        }
        let groups: Vec<&str> = (0..code.len() / 3)
            .map(|i| &code[i * 3..i * 3 + 3])
            .collect();
        let (first, mut rest) = (groups[0], &groups[1..]);
        let (actor, root) = match first {
            "IGO" => (Actor::Igo, Root::Igo),
            "NGO" | "NGM" => (Actor::Ngo, Root::Ngo),
            "MNC" => (Actor::Ngo, Root::Mnc),
            "IMG" => (Actor::Ngo, Root::Img),
            _ if RELIGIONS.contains(&first) && self.country(first).is_none() => {
                (Actor::Ngo, Root::Religion)
            }
            _ if REGIONS.contains(&first) => (Actor::Ngo, Root::Region),
            _ if lookup(UNMAPPED, first).is_some() => {
                return Err(Unresolved::Unmapped(first.to_string()))
            }
            _ => match self.country(first) {
                Some(iso) => {
                    // A territory of the state: `GBRIMY`, `USAPRI`.
                    let part = rest
                        .first()
                        .filter(|g| !self.is_sector(g) && !RELIGIONS.contains(g))
                        .and_then(|g| self.territory(g));
                    match part {
                        Some(t) => {
                            rest = &rest[1..];
                            (Actor::State(t), Root::State)
                        }
                        None => (Actor::State(iso), Root::State),
                    }
                }
                None if self.is_sector(first) || lookup(NEAREST_SECTOR, first).is_some() => {
                    return Err(Unresolved::NoActor(first.to_string()))
                }
                None => return Err(Unresolved::Unmapped(first.to_string())),
            },
        };
        let (sector, ignored) = self.sector(rest, root);
        Ok(Resolved {
            actor,
            root,
            sector,
            ignored,
        })
    }

    /// A country or territory code as the second group of a state's code.
    fn territory(&self, group: &str) -> Option<String> {
        if self.countries.contains(group) {
            return Some(group.to_string());
        }
        // Only the old codes of places that can be part of another state: `SUN` there
        // would be Sunni, not the USSR.
        ["IMY", "KSV", "TMP"]
            .contains(&group)
            .then(|| lookup(CAMEO_TO_ISO, group).map(str::to_string))
            .flatten()
    }

    /// The sector of the groups after the actor's, and the groups that gave nothing.
    pub fn sector(&self, groups: &[&str], root: Root) -> (Option<String>, Vec<String>) {
        let direct = groups
            .iter()
            .position(|g| self.is_sector(g) || lookup(NEAREST_SECTOR, g).is_some());
        let religion = groups.iter().position(|g| RELIGIONS.contains(g));
        let religious_root = root == Root::Religion;
        let modifier = groups
            .iter()
            .position(|g| lookup(MODIFIERS, g).is_some_and(|s| s.is_some()));
        let (used, sector) = if let Some(i) = direct {
            let g = groups[i];
            let s = if self.is_sector(g) {
                g
            } else {
                lookup(NEAREST_SECTOR, g).unwrap_or(g)
            };
            (Some(i), Some(s.to_string()))
        } else if let Some(i) = religion {
            (Some(i), Some("REL".to_string()))
        } else if religious_root {
            (None, Some("REL".to_string()))
        } else if let Some(i) = modifier {
            (
                Some(i),
                lookup(MODIFIERS, groups[i]).flatten().map(str::to_string),
            )
        } else {
            let default = match root {
                Root::State => None,
                Root::Igo => Some("IGO"),
                Root::Ngo | Root::Region => Some("NGO"),
                Root::Mnc => Some("MNC"),
                Root::Img => Some("REB"),
                Root::Religion => Some("REL"),
            };
            (None, default.map(str::to_string))
        };
        // An MNC stays a company whatever it makes; an IMG stays armed whatever its faith.
        let sector = match root {
            Root::Mnc => Some("MNC".to_string()),
            Root::Img if sector.as_deref() == Some("REL") => Some("REB".to_string()),
            _ => sector,
        };
        let ignored = groups
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != used)
            .map(|(_, g)| g.to_string())
            .collect();
        (sector, ignored)
    }
}

fn lookup<V: Copy>(table: &[(&str, V)], key: &str) -> Option<V> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Codebook {
        Codebook::builtin()
    }

    fn res(code: &str) -> (String, Option<String>) {
        let r = book().resolve(code).unwrap();
        (r.actor.code().to_string(), r.sector)
    }

    #[test]
    fn tables_are_sorted() {
        assert!(CAMEO_TO_ISO.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(UNMAPPED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NEAREST_SECTOR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MODIFIERS.windows(2).all(|w| w[0].0 < w[1].0));
        let b = book();
        for (_, iso) in CAMEO_TO_ISO {
            assert!(
                b.countries.contains(*iso),
                "`{iso}` is not in countries.txt"
            );
        }
        for (_, s) in NEAREST_SECTOR {
            assert!(b.is_sector(s));
        }
    }

    #[test]
    fn states_and_their_sectors() {
        assert_eq!(res("AFGGOVAGR"), ("AFG".into(), Some("GOV".into())));
        assert_eq!(res("AFGELI"), ("AFG".into(), Some("ELI".into())));
        assert_eq!(res("TMPGOV"), ("TLS".into(), Some("GOV".into())));
        assert_eq!(res("KSVGOV"), ("XKX".into(), Some("GOV".into())));
        assert_eq!(res("GBRIMYELI"), ("IMN".into(), Some("ELI".into())));
        assert_eq!(res("USAPRIGOV"), ("PRI".into(), Some("GOV".into())));
        assert_eq!(res("SYRREBMUS"), ("SYR".into(), Some("REB".into())));
        assert_eq!(res("AFG"), ("AFG".into(), None));
    }

    #[test]
    fn organizations() {
        assert_eq!(res("IGOUNO"), ("IGO".into(), Some("IGO".into())));
        assert_eq!(res("IGOUNOREFHCR"), ("IGO".into(), Some("REF".into())));
        assert_eq!(res("NGOCHRCTHDEV"), ("NGO".into(), Some("DEV".into())));
        assert_eq!(res("NGOCHR"), ("NGO".into(), Some("REL".into())));
        assert_eq!(res("MNCUSAHLH"), ("NGO".into(), Some("MNC".into())));
        assert_eq!(res("IMGMUSALQ"), ("NGO".into(), Some("REB".into())));
        assert_eq!(res("HINRAD"), ("NGO".into(), Some("REL".into())));
        assert_eq!(res("MEAREB"), ("NGO".into(), Some("REB".into())));
        assert_eq!(res("WEU"), ("NGO".into(), Some("NGO".into())));
        assert_eq!(res("BUDREB"), ("NGO".into(), Some("REB".into())));
    }

    #[test]
    fn unresolved_codes() {
        let b = book();
        assert_eq!(b.resolve("---"), Err(Unresolved::Null));
        assert_eq!(b.resolve("ELI"), Err(Unresolved::NoActor("ELI".into())));
        assert_eq!(b.resolve("DDRGOV"), Err(Unresolved::Unmapped("DDR".into())));
        assert_eq!(b.resolve("QQQGOV"), Err(Unresolved::Unmapped("QQQ".into())));
        assert!(matches!(
            b.resolve("NGOEEURENV"),
            Err(Unresolved::Malformed(_))
        ));
    }

    #[test]
    fn ignored_groups_are_listed() {
        let r = book().resolve("IGOUNOHLHWHO").unwrap();
        assert_eq!(r.sector.as_deref(), Some("HLH"));
        assert_eq!(r.ignored, ["UNO", "WHO"]);
    }
}
