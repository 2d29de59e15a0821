//! Actor codes as the scorer compares them.
//!
//! entente codes states with ISO 3166-1 alpha-3 and organizations with `IGO`/`NGO`. Older gold
//! files use CAMEO-era codes, which mostly agree with ISO but not always; the table below maps
//! the known differences, so that a coder is not marked wrong for using the current standard.

/// CAMEO-era or withdrawn codes and the code entente uses for the same actor.
///
/// - `JAP` Japan, `ITL` Italy, `VTN` Vietnam: CAMEO spellings found in PLOVER-GSR.
/// - `ROM` Romania, `ZAR` Zaire (now the DR Congo), `TMP` East Timor, `BUR` Burma: ISO codes
///   withdrawn since (ROU 2002, COD 1997, TLS 2002, MMR 1989) that old dictionaries still emit.
/// - `IMG` (international militarized group, e.g. al-Qaeda) and `ISM` (transnational Muslim
///   group): CAMEO's transnational non-state actors; entente codes them `NGO`.
///
/// Sorted by the old code (a test checks it, so lookups can use binary search).
pub const CAMEO_TO_ISO: &[(&str, &str)] = &[
    ("BUR", "MMR"),
    ("IMG", "NGO"),
    ("ISM", "NGO"),
    ("ITL", "ITA"),
    ("JAP", "JPN"),
    ("ROM", "ROU"),
    ("TMP", "TLS"),
    ("VTN", "VNM"),
    ("ZAR", "COD"),
];

/// The code to compare: mapped through [`CAMEO_TO_ISO`], and CAMEO's long
/// organization codes (`IGOUNO`, `NGOHRI`) cut to their `IGO`/`NGO` root, because gold files
/// rarely say which organization and entente's own record keeps that in a separate `org` field.
pub fn normalize(code: &str) -> String {
    // Case is kept: a lower-case code is a typo the gold reader should report, not hide.
    let code = code.trim();
    if code.len() > 3 && (code.starts_with("IGO") || code.starts_with("NGO")) {
        return code[..3].to_string();
    }
    match CAMEO_TO_ISO.binary_search_by(|(old, _)| old.cmp(&code)) {
        Ok(i) => CAMEO_TO_ISO[i].1.to_string(),
        Err(_) => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_targets_are_current_codes() {
        assert!(CAMEO_TO_ISO.windows(2).all(|w| w[0].0 < w[1].0));
        for (_, new) in CAMEO_TO_ISO {
            assert!(
                CAMEO_TO_ISO.iter().all(|(old, _)| old != new),
                "`{new}` maps again"
            );
        }
    }

    #[test]
    fn normalizes_cameo_codes() {
        assert_eq!(normalize("JAP"), "JPN");
        assert_eq!(normalize("ITL"), "ITA");
        assert_eq!(normalize("itl"), "itl");
        assert_eq!(normalize("IMG"), "NGO");
        assert_eq!(normalize("IGOUNO"), "IGO");
        assert_eq!(normalize("PRK"), "PRK");
        assert_eq!(normalize("IGO"), "IGO");
    }
}
