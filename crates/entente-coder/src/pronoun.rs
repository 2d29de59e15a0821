//! A sentence that opens with a subject pronoun ("He accused the United States ...") speaks
//! of the previous sentence's subject: long articles name an actor once and then say "he",
//! "she" or "it" for the next few sentences. The pronoun becomes a mention of that
//! actor, with its own words as the text, so the evidence shows what the article says.

use entente_model::ActorRef;

use crate::sentence::Analysis;

/// The subject a sentence leaves to the next one.
#[derive(Debug, Clone)]
pub(crate) struct Antecedent {
    actors: Vec<ActorRef>,
    person: bool,
}

/// The main subject of an analysed sentence: an actor that opens it ("The Kremlin
/// expelled", "Russian President Vladimir Putin said"), not a possessive ("The resolution
/// bans North Korea's exports": the subject is no actor, and "it" then is the resolution).
pub(crate) fn subject_of(a: &Analysis<'_>) -> Option<Antecedent> {
    let g = a.group_at(0).or_else(|| {
        (a.len() > 1 && matches!(a.word(0), "the" | "a" | "an"))
            .then(|| a.group_at(1))
            .flatten()
    })?;
    let group = &a.groups[g];
    if group.possessive || a.after_preposition(g).is_some() {
        return None;
    }
    let members: Vec<_> = group.members.iter().map(|&m| &a.mentions[m]).collect();
    if members.iter().any(|m| m.private || m.actor.code.is_none()) {
        return None;
    }
    Some(Antecedent {
        actors: a.actors(g),
        person: members.len() == 1 && members[0].kind.starts_with("leader"),
    })
}

/// The mention a sentence-opening pronoun stands for: byte range in the sentence, the
/// antecedent's actors with the pronoun's words, and the note `explain` shows. "He" and
/// "she" name one person, "it" one state or organization, "they" several; "It is", "It
/// was" and the like name nothing.
pub(crate) fn mention(
    a: &Analysis<'_>,
    previous: &Antecedent,
) -> Option<(usize, usize, ActorRef, String, bool)> {
    if a.len() < 2 {
        return None;
    }
    let fits = match a.word(0) {
        "he" | "she" => previous.person,
        "it" => !previous.person && !expletive(a.word(1)),
        _ => false,
    };
    let [actor] = previous.actors.as_slice() else {
        return None;
    };
    if !fits {
        return None;
    }
    let (start, end) = a.spans[0];
    let named = ActorRef {
        text: a.text[start..end].to_string(),
        ..actor.clone()
    };
    let note = format!(
        "pronoun for {}, the previous sentence's subject",
        actor.name
    );
    Some((start, end, named, note, false))
}

/// The mention a sentence-opening "The government", "The army", "The authorities" stands
/// for: that organ of the state the previous sentence opened with ("Georgia's parliament
/// passed a law. The government accused the EU ..."). Only the organs the agents list names
/// as actors of a state (never a party such as "the rebels", who may be anyone's).
pub(crate) fn office_mention(
    a: &Analysis<'_>,
    previous: &Antecedent,
    lexicon: &entente_lexicon::Lexicon,
) -> Option<(usize, usize, ActorRef, String, bool)> {
    let [actor] = previous.actors.as_slice() else {
        return None;
    };
    let code = actor.code.filter(|c| !c.is_organization())?;
    if a.len() < 3 || a.word(0) != "the" {
        return None;
    }
    let agents = &lexicon.actors.tables().agents;
    let noun_of = |n: usize| -> Option<&entente_lexicon::actors::Agent> {
        let words: Vec<&str> = (1..=n).map(|i| a.word(i)).collect();
        let noun = words.join(" ");
        agents.iter().find(|g| g.noun == noun && !g.party)
    };
    let (n, agent) = [2, 1]
        .into_iter()
        .filter(|&n| n + 1 < a.len())
        .find_map(|n| noun_of(n).map(|g| (n, g)))?;
    // "The government of Japan": the words name the state themselves.
    if matches!(a.word(n + 1), "of" | "in" | "'s") {
        return None;
    }
    let (start, end) = (a.spans[0].0, a.spans[n].1);
    let country = lexicon
        .actors
        .country(code)
        .map_or_else(|| code.to_string(), |c| c.name.clone());
    let named = ActorRef {
        text: a.text[start..end].to_string(),
        code: Some(code),
        sector: Some(agent.sector.clone()),
        name: country.clone(),
        org: None,
    };
    let note = format!(
        "agent, the {} of {country}, the previous sentence's subject",
        agent.noun
    );
    Some((start, end, named, note, false))
}

/// Whether a sentence opens with a pronoun that may carry an antecedent on.
pub(crate) fn opens_with_pronoun(a: &Analysis<'_>) -> bool {
    a.len() > 1 && matches!(a.word(0), "he" | "she" | "it")
}

/// "It is unclear", "it was not until", "it seems": an "it" that names nothing.
fn expletive(next: &str) -> bool {
    matches!(
        next,
        "is" | "was"
            | "'s"
            | "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "remains"
            | "remained"
            | "looks"
            | "looked"
            | "may"
            | "might"
            | "could"
            | "would"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::tests::{analyse, doc};

    fn person(name: &str, code: &str) -> Antecedent {
        Antecedent {
            actors: vec![ActorRef {
                text: name.into(),
                code: Some(code.parse().unwrap()),
                sector: None,
                name: name.into(),
                org: None,
            }],
            person: true,
        }
    }

    #[test]
    fn he_and_she_name_a_person_it_a_state() {
        let putin = person("Vladimir Putin", "RUS");
        let d = doc("He accused the United States of provoking the war.");
        let a = analyse(&d, &[("United States", "USA")]);
        let (start, end, actor, note, _) = mention(&a, &putin).expect("he is Putin");
        assert_eq!((start, end, actor.text.as_str()), (0, 2, "He"));
        assert_eq!(actor.code_str(), "RUS");
        assert!(note.contains("Vladimir Putin"), "{note}");
        // "It" never stands for a person, "he" never for a state.
        let d = doc("It accused the United States of provoking the war.");
        assert!(mention(&analyse(&d, &[]), &putin).is_none());
        let kremlin = Antecedent {
            person: false,
            ..putin.clone()
        };
        assert!(mention(&analyse(&d, &[]), &kremlin).is_some());
        let d = doc("He accused the United States of provoking the war.");
        assert!(mention(&analyse(&d, &[]), &kremlin).is_none());
    }

    #[test]
    fn an_it_that_names_nothing_is_no_mention() {
        let kremlin = Antecedent {
            person: false,
            ..person("Russia", "RUS")
        };
        for text in [
            "It is unclear whether talks will resume.",
            "It was not until May.",
        ] {
            assert!(
                mention(&analyse(&doc(text), &[]), &kremlin).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn the_subject_is_an_actor_that_opens_the_sentence() {
        let d = doc("In Beijing, Russia signed a deal with China.");
        let a = analyse(
            &d,
            &[("Beijing", "CHN"), ("Russia", "RUS"), ("China", "CHN")],
        );
        // "In Beijing," then a comma before the subject: not a plain opening subject.
        assert!(subject_of(&a).is_none());
        // "The resolution bans North Korea's exports": the subject is no actor.
        let d = doc("The resolution bans North Korea's exports.");
        assert!(subject_of(&analyse(&d, &[("North Korea", "PRK")])).is_none());
        let d = doc("Russia signed a deal with China.");
        let a = analyse(&d, &[("Russia", "RUS"), ("China", "CHN")]);
        let s = subject_of(&a).expect("Russia");
        assert_eq!(s.actors[0].code_str(), "RUS");
        assert!(!s.person);
    }
}
