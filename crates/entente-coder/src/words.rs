//! Closed-class words of English grammar the coder reasons with: prepositions, determiners,
//! clause breaks. They are grammar, not vocabulary, so they live here rather than in the
//! lexicon files an analyst extends.

/// A preposition before an actor makes it an oblique, not a subject: "to Russia", "of both
/// North Korea and Russia".
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "to"
            | "from"
            | "for"
            | "with"
            | "on"
            | "against"
            | "by"
            | "at"
            | "into"
            | "over"
            | "between"
            | "among"
            | "toward"
            | "towards"
            | "across"
            | "about"
            | "near"
            | "inside"
            | "within"
            | "through"
            | "than"
            | "like"
            | "including"
            | "under"
            | "upon"
            | "onto"
            | "after"
            | "before"
            | "during"
            | "despite"
            | "amid"
            | "via"
            | "behind"
            | "beyond"
            | "outside"
            | "around"
            | "unlike"
            | "aside"
            | "alongside"
            | "beside"
    )
}

/// Prepositions that put an actor on the agent's side ("fought for Russia", "alongside
/// Russian troops"): with a hostile act such an actor is an ally, never the target.
pub fn is_ally_preposition(w: &str) -> bool {
    matches!(w, "for" | "alongside" | "beside" | "behind")
}

/// Prepositions that put an actor against the agent ("defended Iraq against Western
/// criticism"): with a friendly act such an actor is never the one helped.
pub fn is_opponent_preposition(w: &str) -> bool {
    w == "against"
}

/// Words that may stand between a preposition and its actor ("of both North Korea").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "both"
            | "its"
            | "their"
            | "his"
            | "her"
            | "neighboring"
            | "neighbouring"
            | "fellow"
            | "all"
            | "some"
            | "several"
            | "other"
            | "rival"
            | "neighbour"
            | "neighbor"
    )
}

/// Tokens that end a clause for the search of a subject or an object.
pub fn is_hard_break(w: &str) -> bool {
    matches!(
        w,
        ";" | ":" | "—" | "(" | ")" | "?" | "!" | "\"" | "“" | "”"
    )
}

/// Tokens that end the search for an object (objects do not sit behind a comma).
pub fn is_object_break(w: &str) -> bool {
    is_hard_break(w)
        || matches!(
            w,
            "," | "."
                | "which"
                | "who"
                | "whom"
                | "while"
                | "whereas"
                | "because"
                | "but"
                | "although"
                | "though"
                | "as"
                | "when"
                | "after"
                | "before"
                | "since"
                | "that"
                | "where"
                | "if"
                | "unless"
        )
}

/// Words that join actors into one compound actor: "Russia and North Korea", "China,
/// Russia, North Korea, and Iran", "the Russia–North Korea agreement".
pub fn is_connector(w: &str) -> bool {
    matches!(w, "and" | "," | "&" | "–" | "-" | "/" | "or" | "nor")
}

/// Forms of "be" and "get" that make a participle passive ("was sanctioned by").
pub fn is_passive_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "get"
            | "gets"
            | "got"
            | "gotten"
            | "getting"
    )
}

/// Subject pronouns: "Russia said it would attack" makes the reporter the agent.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "it" | "they" | "he" | "she" | "we")
}

/// Possessive pronouns: "its support of Russia" takes its owner from the nearest actor.
pub fn is_possessive_pronoun(w: &str) -> bool {
    matches!(w, "its" | "their" | "his" | "her")
}

/// The possessive clitic as the tokenizer splits it off ("Korea" + "’s").
pub fn is_possessive_clitic(w: &str) -> bool {
    matches!(w, "'s" | "'" | "s'")
}

/// Heads of "X of Y" phrases whose Y is the real actor: "thousands of Iranians".
pub fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "member"
            | "hundreds"
            | "dozens"
            | "millions"
            | "scores"
            | "tens"
            | "some"
            | "many"
            | "most"
            | "all"
            | "group"
            | "groups"
            | "members"
            | "supporters"
            | "crowds"
            | "units"
            | "forces"
            | "troops"
            | "delegation"
            | "team"
            | "one"
            | "two"
            | "several"
    )
}

/// Nouns for people acting for a state or a group, whose state may follow in a phrase:
/// "security forces in Guinea", "opposition groups in Zimbabwe", "the leader of Iran".
pub fn is_agent_noun(w: &str) -> bool {
    matches!(
        w,
        "forces"
            | "force"
            | "rebels"
            | "groups"
            | "group"
            | "students"
            | "police"
            | "troops"
            | "militants"
            | "officials"
            | "leaders"
            | "leader"
            | "authorities"
            | "protesters"
            | "demonstrators"
            | "workers"
            | "activists"
            | "government"
            | "army"
            | "military"
            | "guerrillas"
            | "insurgents"
            | "soldiers"
            | "president"
            | "minister"
            | "ministry"
            | "parliament"
            | "opposition"
            | "diplomats"
            | "envoy"
            | "ambassador"
            | "king"
            | "people"
            | "citizens"
            | "refugees"
            | "villagers"
            | "farmers"
            | "lawmakers"
            | "ministers"
            | "inhabitants"
            | "residents"
            | "settlers"
            | "envoys"
            | "delegates"
            | "delegation"
            | "delegations"
            | "representatives"
            | "commanders"
            | "spokesman"
            | "spokeswoman"
            // Parties, unions, courts and irregulars are a state's own as well ("opposition
            // parties in Nepal"); peacekeepers and fighters often are not, so they stay out.
            | "parties"
            | "party"
            | "unions"
            | "union"
            | "militias"
            | "militia"
            | "paramilitaries"
            | "separatists"
            | "dissidents"
            | "judges"
            | "court"
            | "courts"
            | "teachers"
            | "youths"
            | "legislators"
            | "senators"
            | "clerics"
    )
}

/// Verbs whose object noun names what their subject does: "began the withdrawal",
/// "launched an attack", "staged a protest", "completed its investigation".
pub fn is_light_verb(w: &str) -> bool {
    matches!(
        w,
        "began"
            | "tighten"
            | "tightened"
            | "tightens"
            | "enforce"
            | "enforced"
            | "enforces"
            | "organized"
            | "organised"
            | "begun"
            | "begin"
            | "begins"
            | "started"
            | "starts"
            | "start"
            | "completed"
            | "complete"
            | "completes"
            | "launched"
            | "launch"
            | "launches"
            | "conducted"
            | "conduct"
            | "conducts"
            | "continued"
            | "continue"
            | "continues"
            | "resumed"
            | "resume"
            | "resumes"
            | "speeded"
            | "sped"
            | "stepped"
            | "halted"
            | "halt"
            | "ended"
            | "end"
            | "ends"
            | "ordered"
            | "staged"
            | "stage"
            | "made"
            | "make"
            | "makes"
            | "held"
            | "hold"
            | "holds"
            | "undertook"
            | "undertake"
            | "carried"
            | "carry"
            | "announced"
            | "announce"
            | "announces"
            | "opened"
            | "open"
            | "opens"
            | "mounted"
            | "mount"
            | "initiated"
            | "finished"
            | "suspended"
            | "intensified"
            | "issued"
            | "issue"
            | "issues"
            | "lodged"
            | "lodge"
            | "signed"
            | "sign"
            | "reached"
            | "reach"
            | "reiterated"
            | "renewed"
            | "expanded"
    )
}

/// Offices and organs of a state, and its domestic opponents, which name it only with an
/// adjective or possessive; a bare one ("President Mugabe", "the government", "Darfur
/// rebels") belongs to the state in context.
pub fn is_office(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "prime"
            | "premier"
            | "government"
            | "king"
            | "parliament"
            | "authorities"
            | "regime"
            | "cabinet"
            | "junta"
            | "chancellor"
            | "emir"
            | "rebels"
            | "insurgents"
            | "militants"
            | "guerrillas"
            | "separatists"
            | "opposition"
            | "dissidents"
            | "protesters"
            | "demonstrators"
    )
}
