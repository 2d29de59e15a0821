//! Phoenix names -> natural case.
//!
//! Phoenix writes names in capitals with `_` between words (`BAN_KI-MOON`) and a trailing
//! `_` as PETRARCH's "exact end" mark. entente matches a name by its spelling: a lower-case
//! letter also matches its capital at the start of a word, a capital matches only itself,
//! and an all-capital name matches only in capitals. So the case written here decides what
//! matches, and the rule leans to lower case where news text varies:
//!
//! 1. `_` is a space, the trailing `_` goes, spaces are collapsed.
//! 2. A word stays in capitals when it is an acronym: written with dots (`U.S.`, `A.P.J.`),
//!    listed as one in the source ([`Acronyms`]: a one-word synonym that spells the initials
//!    of another name of the same entry or code, like `UN` beside `THE_UNITED_NATIONS`, or a
//!    short word in parentheses, `(ALF)`), of at most five letters with no vowel (`CNN`,
//!    `MPLA` has one and is caught by the list), or a Roman numeral that ends a name of
//!    several words (`Abdullah II`; not "Xi" in "President Xi Jinping"). A word with a digit keeps its letters as written (`G-7`, `F-16`).
//! 3. Any other word, and each part of it between hyphens, is capitalized: first letter up,
//!    the rest down (`Ki-Moon`, `Boutros-Ghali`), with `Mc` names (`McCain`) and one-letter
//!    prefixes before an apostrophe (`O'Brien`) capitalized inside.
//! 4. Except particles: al, el, bin, ibn, bint, abu, de, del, della, di, da, dos, das, du,
//!    van, von, der, den, la, le, y, and the English of, the, and, for, in, on, at, to, by,
//!    with, from: lower case unless they are the first word. A particle joined by a hyphen
//!    to what follows stays lower even first (`al-Qaeda`, as the press writes it; the lower
//!    case also matches "Al-Qaeda" at the start of a sentence).
//!
//! `Ki-Moon` is not the Korean convention (`Ki-moon`), but a rule that lowers the part after
//! a hyphen would write `Boutros-ghali` and `Jean-marie`; the simple rule is kept.

use std::collections::BTreeSet;

const PARTICLES: &[&str] = &[
    "abu", "al", "and", "at", "bin", "bint", "by", "da", "das", "de", "del", "della", "den", "der",
    "di", "dos", "du", "el", "for", "from", "ibn", "in", "la", "le", "of", "on", "the", "to",
    "van", "von", "with", "y",
];

/// Short words without a vowel that are abbreviations, not acronyms.
const NOT_ACRONYMS: &[&str] = &[
    "DR", "FT", "JR", "LT", "MR", "MRS", "MS", "MT", "SGT", "SR", "ST",
];

/// Phoenix spelling -> words: `_` to spaces, the end mark dropped, spaces collapsed.
pub fn words(raw: &str) -> Vec<String> {
    raw.replace('_', " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Phoenix spelling -> one space-separated string, case unchanged.
pub fn plain(raw: &str) -> String {
    words(raw).join(" ")
}

/// Acronyms the source lists, in capitals.
#[derive(Debug, Clone, Default)]
pub struct Acronyms {
    set: BTreeSet<String>,
}

impl Acronyms {
    pub fn insert(&mut self, word: &str) {
        self.set.insert(word.to_uppercase());
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(&word.to_uppercase())
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Learns from one group of names (an entry, or all entries of one code): a one-word
    /// name that spells the initials of a name of several words is an acronym.
    pub fn learn_from_group<'a>(&mut self, names: impl IntoIterator<Item = &'a str> + Clone) {
        let mut initials = BTreeSet::new();
        for n in names.clone() {
            let ws = words(n);
            if ws.len() >= 2 {
                initials.insert(initials_of(&ws, false));
                initials.insert(initials_of(&ws, true));
            }
        }
        for n in names {
            let mut ws = words(n);
            if ws.len() == 2 && ws[0].eq_ignore_ascii_case("THE") {
                ws.remove(0);
            }
            if let [w] = ws.as_slice() {
                let bare = w.replace('.', "");
                if (2..=6).contains(&bare.chars().count())
                    && bare.chars().all(|c| c.is_alphabetic())
                    && initials.contains(&bare.to_uppercase())
                {
                    self.insert(&bare);
                }
            }
        }
    }
}

/// The initials of `words` (parts between hyphens count as words; a dotted acronym gives
/// all its letters), optionally skipping particles and English small words.
pub fn initials_of(words: &[String], skip_small: bool) -> String {
    let mut out = String::new();
    for w in words {
        if is_dotted(w) {
            out.extend(w.chars().filter(|c| c.is_alphabetic()));
            continue;
        }
        for part in w.split(['-', '/']) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.is_empty() || (skip_small && PARTICLES.contains(&part.to_lowercase().as_str()))
            {
                continue;
            }
            if let Some(c) = part.chars().next() {
                out.extend(c.to_uppercase());
            }
        }
    }
    out
}

/// `U.S.`, `A.P.J.`, `K.`: letters each followed by a dot.
pub fn is_dotted(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
    }
    letters > 0
}

/// Whether a word is written as an acronym (rule 2, without the digits case).
pub fn is_acronym(word: &str, acronyms: &Acronyms) -> bool {
    if is_dotted(word) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || word.chars().any(|c| !c.is_alphabetic()) {
        return false;
    }
    if acronyms.contains(word) {
        return true;
    }
    let upper = word.to_uppercase();
    letters.len() <= 5
        && !letters.iter().any(|c| "AEIOUYaeiouy".contains(*c))
        && !NOT_ACRONYMS.contains(&upper.as_str())
}

/// Whether a one-word organization name looks like an acronym though it has vowels: three
/// consonants in a row that English does not put together (`UNDP`, `UNHCR`), or two at the
/// start that no English word starts with (`WSPA`). Pronounceable ones (`UNICEF`, `HAMAS`)
/// do not; the caller writes the other spelling as an alias, since capitals match only
/// capitals.
pub fn looks_like_acronym(word: &str) -> bool {
    const CLUSTERS: &[&str] = &[
        "CHL", "CHM", "CHN", "CHR", "CHT", "CHW", "GHT", "LCH", "LDS", "LTS", "MBL", "MBR", "MPL",
        "MPR", "MPS", "NCH", "NCL", "NCR", "NDR", "NDS", "NGL", "NGR", "NGS", "NKS", "NST", "NTR",
        "NTS", "PHR", "RCH", "RDS", "RST", "RTH", "RTS", "SCH", "SCR", "SHR", "SHT", "SPL", "SPR",
        "STR", "TCH", "THR",
    ];
    const ONSETS: &[&str] = &[
        "BL", "BR", "CH", "CL", "CR", "DR", "DW", "FL", "FR", "GH", "GL", "GN", "GR", "KH", "KL",
        "KN", "KR", "PH", "PL", "PR", "PS", "QU", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "ST",
        "SW", "TH", "TR", "TS", "TW", "WH", "WR", "ZH",
    ];
    let up = word.to_uppercase();
    let letters: Vec<char> = up.chars().collect();
    if !(2..=7).contains(&letters.len()) || !letters.iter().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let consonant = |c: &char| !"AEIOUY".contains(*c);
    if !letters.iter().any(|c| !consonant(c)) {
        return true;
    }
    let triple = letters.windows(3).any(|w| {
        w.iter().all(consonant) && !CLUSTERS.contains(&w.iter().collect::<String>().as_str())
    });
    let onset = consonant(&letters[0])
        && consonant(&letters[1])
        && !ONSETS.contains(&up[..2].to_string().as_str());
    triple || onset
}

fn is_roman(word: &str) -> bool {
    const ROMAN: &[&str] = &[
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
    ];
    ROMAN.contains(&word.to_uppercase().as_str())
}

/// Splits an acronym in parentheses off a name: `ANIMAL_LIBERATION_FRONT_(ALF)_` ->
/// (`ANIMAL_LIBERATION_FRONT_`, `ALF`). The parenthesis must hold one word of two to seven
/// capitals, digits or hyphens whose first letter is the initial of a word of the name;
/// anything else (`(COLOMBIA)`, a qualifier) stays in the name.
pub fn split_acronym(raw: &str) -> (String, Option<String>) {
    let (Some(open), Some(close)) = (raw.rfind('('), raw.rfind(')')) else {
        return (raw.to_string(), None);
    };
    if close < open {
        return (raw.to_string(), None);
    }
    let inner = raw[open + 1..close].trim_matches(|c: char| c == '_' || c == ' ');
    let rest = format!("{} {}", &raw[..open], &raw[close + 1..]);
    let initials = initials_of(&words(&rest), false);
    let ok = (2..=7).contains(&inner.chars().count())
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && inner
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() && initials.contains(c));
    if ok {
        (plain(&rest), Some(inner.to_string()))
    } else {
        (raw.to_string(), None)
    }
}

/// A Phoenix name in natural case (module docs).
pub fn natural_case(raw: &str, acronyms: &Acronyms) -> String {
    natural_case_with(raw, acronyms, false)
}

/// [`natural_case`]; with `guess`, words of two to four letters that [`looks_like_acronym`]
/// stay in capitals too (for organization names: "CPI Corporation", not "Cpi").
pub fn natural_case_with(raw: &str, acronyms: &Acronyms, guess: bool) -> String {
    let ws = words(raw);
    let last = ws.len().saturating_sub(1);
    ws.iter()
        .enumerate()
        .map(|(i, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let guessed = guess
                && ws.len() > 1
                && (2..=4).contains(&core.chars().count())
                && looks_like_acronym(core);
            if guessed {
                w.to_uppercase()
            } else {
                case_word(w, i == 0, i == last, acronyms)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn case_word(word: &str, first: bool, last: bool, acronyms: &Acronyms) -> String {
    // `(ETA)`, `NATO's`: the word inside the punctuation decides.
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let core = core
        .strip_suffix("'S")
        .or_else(|| core.strip_suffix("'s"))
        .unwrap_or(core);
    if (!core.is_empty() && is_acronym(core, acronyms)) || (!first && last && is_roman(word)) {
        return word.to_uppercase().replace("'S", "'s");
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        return lower_ordinals(word);
    }
    let parts: Vec<&str> = word.split('-').collect();
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(j, part)| {
            let lower = part.to_lowercase();
            let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
            let particle = PARTICLES.contains(&bare);
            if particle && (!first || j > 0 || j + 1 < n) {
                lower
            } else if is_acronym(part, acronyms) {
                part.to_uppercase()
            } else {
                capitalize_part(part)
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// `20TH` -> `20th`: letters right after a digit that make an ordinal go lower case.
fn lower_ordinals(word: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        if c.is_ascii_digit() && i + 2 < chars.len() + 1 {
            let suffix: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if ["ST", "ND", "RD", "TH"].contains(&suffix.to_uppercase().as_str()) {
                out.push_str(&suffix.to_lowercase());
                i += 1 + suffix.chars().count();
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `MCCAIN` -> `McCain`, `O'BRIEN` -> `O'Brien`, `PEOPLE'S` -> `People's`, `'AZIZ` -> `'Aziz`.
fn capitalize_part(part: &str) -> String {
    let lower = part.to_lowercase();
    let mut out = String::new();
    let mut done_first = false;
    for c in lower.chars() {
        if !done_first && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done_first = true;
        } else {
            out.push(c);
        }
    }
    // Mc + at least two letters.
    if out.starts_with("Mc") && out.chars().skip(2).filter(|c| c.is_alphabetic()).count() >= 2 {
        let rest: String = out.chars().skip(2).collect();
        return format!("Mc{}", capitalize_part(&rest));
    }
    // One letter, an apostrophe, at least two letters: O'Brien, D'Alema.
    if let Some((head, tail)) = out.split_once('\'') {
        if head.chars().count() == 1 && tail.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            return format!("{head}'{}", capitalize_part(tail));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nc(raw: &str) -> String {
        let mut a = Acronyms::default();
        a.insert("UN");
        a.insert("NATO");
        natural_case(raw, &a)
    }

    #[test]
    fn title_case_with_particles() {
        assert_eq!(nc("BAN_KI-MOON"), "Ban Ki-Moon");
        assert_eq!(nc("BOUTROS_BOUTROS-GHALI_"), "Boutros Boutros-Ghali");
        assert_eq!(nc("JAVIER_DE_CUELLAR_"), "Javier de Cuellar");
        assert_eq!(nc("ABU_BAKR_AL-BAGHDADI"), "Abu Bakr al-Baghdadi");
        assert_eq!(nc("OSAMA_BIN_LADEN"), "Osama bin Laden");
        assert_eq!(nc("AL-QAEDA_"), "al-Qaeda");
        assert_eq!(nc("DE_GAULLE"), "De Gaulle");
        assert_eq!(
            nc("ORGANIZATION_OF_AMERICAN_STATES_"),
            "Organization of American States"
        );
        assert_eq!(nc("THE_UNITED_NATIONS_"), "The United Nations");
    }

    #[test]
    fn acronyms_initials_and_numerals() {
        assert_eq!(nc("UN_SECRETARY_GENERAL"), "UN Secretary General");
        assert_eq!(nc("U.N._MONITOR_"), "U.N. Monitor");
        assert_eq!(nc("K._ANNAN_"), "K. Annan");
        assert_eq!(nc("CNN"), "CNN");
        assert_eq!(nc("ABDULLAH_II"), "Abdullah II");
        assert_eq!(nc("XI_JINPING"), "Xi Jinping");
        assert_eq!(nc("PRESIDENT_XI_JINPING"), "President Xi Jinping");
        assert_eq!(nc("DR_RAJAB"), "Dr Rajab");
        assert_eq!(nc("ROBERT_BYRD"), "Robert Byrd");
        assert_eq!(nc("G-7"), "G-7");
        assert_eq!(nc("OPR-33_"), "OPR-33");
        assert_eq!(nc("GROUP_OF_THE_20TH_OF_JULY"), "Group of the 20th of July");
        assert_eq!(nc("NATO'S_ENVOY"), "NATO's Envoy");
        assert_eq!(nc("FREEDOM_(NATO)"), "Freedom (NATO)");
        assert_eq!(
            natural_case_with("CPI_CORPORATION", &Acronyms::default(), true),
            "CPI Corporation"
        );
    }

    #[test]
    fn mc_and_apostrophes() {
        assert_eq!(nc("JOHN_MCCAIN"), "John McCain");
        assert_eq!(nc("CONOR_O'BRIEN"), "Conor O'Brien");
        assert_eq!(
            nc("SUDAN_PEOPLE'S_LIBERATION_ARMY"),
            "Sudan People's Liberation Army"
        );
        assert_eq!(nc("ABU_ABDUL_'AZIZ_AL-QATARI"), "Abu Abdul 'Aziz al-Qatari");
    }

    #[test]
    fn unicode_letters() {
        assert_eq!(nc("RECEP_TAYYIP_ERDOĞAN"), "Recep Tayyip Erdoğan");
        assert_eq!(nc("MANFRED_WÖRNER_"), "Manfred Wörner");
    }

    #[test]
    fn acronym_looking_words() {
        for w in ["UNDP", "UNHCR", "OHCHR", "UNSC", "WSPA", "WZOA", "ICRC"] {
            assert!(looks_like_acronym(w), "{w}");
        }
        for w in [
            "UNICEF", "HAMAS", "KACH", "MONUC", "ZONTA", "ALEPH", "SCHMIDT", "STRAUSS",
        ] {
            assert!(!looks_like_acronym(w), "{w}");
        }
    }

    #[test]
    fn acronyms_in_parentheses() {
        assert_eq!(
            split_acronym("ANIMAL_LIBERATION_FRONT_(ALF)_"),
            (
                "ANIMAL LIBERATION FRONT".to_string(),
                Some("ALF".to_string())
            )
        );
        assert_eq!(split_acronym("CPN_(CPN-M)").1.as_deref(), Some("CPN-M"));
        assert_eq!(split_acronym("PEOPLE'S_ARMY_(COLOMBIA)_").1, None);
        assert_eq!(split_acronym("NO_PARENS").1, None);
    }

    #[test]
    fn learns_acronyms_from_initials() {
        let mut a = Acronyms::default();
        a.learn_from_group([
            "THE_UNITED_NATIONS_",
            "UN_",
            "U.N._SECRETARY_GENERAL",
            "UNSG",
        ]);
        assert!(a.contains("UN"));
        assert!(a.contains("UNSG"));
        a.learn_from_group(["THE_EUROPEAN_UNION_", "THE_EU_"]);
        assert!(a.contains("EU"));
        a.learn_from_group(["NORTH_ATLANTIC_TREATY_ORGANIZATION", "NATO", "OTAN"]);
        assert!(a.contains("NATO"));
        assert!(!a.contains("OTAN"));
    }
}
