//! Word forms generated from a lemma, so a rule says `deploy` once and matches `deploys`,
//! `deployed` and `deploying`. English spelling rules only; irregular verbs come from
//! `events/irregular.txt`. Over-generation is harmless (a form like `visitted` never occurs
//! in text), under-generation loses matches, so doubtful cases produce both spellings.

/// One generated verb form and whether it can be a past participle (for passive voice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub text: String,
    pub participle: bool,
}

/// The forms of a regular verb: base, third person, past (= participle), present participle.
pub fn verb_forms(lemma: &str) -> Vec<VerbForm> {
    let mut out = vec![form(lemma, false), form(&third_person(lemma), false)];
    for past in past_forms(lemma) {
        out.push(form(&past, true));
    }
    for ing in ing_forms(lemma) {
        out.push(form(&ing, false));
    }
    out.dedup();
    out
}

fn form(text: &str, participle: bool) -> VerbForm {
    VerbForm {
        text: text.to_string(),
        participle,
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the word ends consonant-vowel-consonant (`ban`, `commit`), where English may
/// double the last consonant (`banned`, `committed`) or not (`visited`): we cannot tell
/// stress from spelling, so callers emit both.
fn ends_cvc(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn third_person(lemma: &str) -> String {
    let b = lemma.as_bytes();
    if lemma.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn past_forms(lemma: &str) -> Vec<String> {
    let b = lemma.as_bytes();
    if lemma.ends_with('e') {
        vec![format!("{lemma}d")]
    } else if lemma.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        vec![format!("{}ied", &lemma[..lemma.len() - 1])]
    } else if ends_cvc(lemma) {
        let last = &lemma[lemma.len() - 1..];
        vec![format!("{lemma}ed"), format!("{lemma}{last}ed")]
    } else {
        vec![format!("{lemma}ed")]
    }
}

fn ing_forms(lemma: &str) -> Vec<String> {
    if let Some(stem) = lemma.strip_suffix("ie") {
        vec![format!("{stem}ying")]
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") && !lemma.ends_with("ye") {
        vec![format!("{}ing", &lemma[..lemma.len() - 1])]
    } else if ends_cvc(lemma) {
        let last = &lemma[lemma.len() - 1..];
        vec![format!("{lemma}ing"), format!("{lemma}{last}ing")]
    } else {
        vec![format!("{lemma}ing")]
    }
}

/// A noun's singular and plural (`sanction`, `sanctions`; `ally`, `allies`; `crisis`,
/// `crises`). Words that are already plural or uncountable get a harmless extra form.
pub fn noun_forms(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let plural = if let Some(stem) = word.strip_suffix("sis") {
        format!("{stem}ses")
    } else if word.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    };
    vec![word.to_string(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lemma: &str) -> Vec<String> {
        verb_forms(lemma).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(
            texts("deploy"),
            ["deploy", "deploys", "deployed", "deploying"]
        );
        assert_eq!(texts("seize"), ["seize", "seizes", "seized", "seizing"]);
        assert_eq!(
            texts("supply"),
            ["supply", "supplies", "supplied", "supplying"]
        );
        assert_eq!(
            texts("test-fire"),
            ["test-fire", "test-fires", "test-fired", "test-firing"]
        );
        assert!(texts("ban").contains(&"banned".to_string()));
        assert!(texts("ban").contains(&"banning".to_string()));
        assert!(texts("visit").contains(&"visited".to_string()));
        assert!(texts("approach").contains(&"approaches".to_string()));
    }

    #[test]
    fn participles_are_marked() {
        let forms = verb_forms("sanction");
        let part: Vec<_> = forms.iter().filter(|f| f.participle).collect();
        assert_eq!(part.len(), 1);
        assert_eq!(part[0].text, "sanctioned");
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_forms("sanction"), ["sanction", "sanctions"]);
        assert_eq!(noun_forms("ally"), ["ally", "allies"]);
        assert_eq!(noun_forms("crisis"), ["crisis", "crises"]);
        assert_eq!(noun_forms("approach"), ["approach", "approaches"]);
    }
}
