//! The coder's questions about single words, answered from the lexicon's grammar
//! (`data/grammar.txt`): is this a preposition, a clause break, an agent noun? One function a
//! class keeps call sites readable and names the grammar the rules rely on.

use entente_lexicon::{Grammar, WordClass};

macro_rules! class {
    ($($(#[$doc:meta])* $name:ident => $class:ident;)*) => {
        $(
            $(#[$doc])*
            pub(crate) fn $name(g: &Grammar, w: &str) -> bool {
                g.is(WordClass::$class, w)
            }
        )*
    };
}

class! {
    /// A preposition before an actor makes it an oblique, not a subject: "to Russia".
    is_preposition => Preposition;
    /// "fought for Russia", "alongside Russian troops": with a hostile act an ally.
    is_ally_preposition => AllyPreposition;
    /// May stand between a preposition and its actor ("of both North Korea").
    is_determiner => Determiner;
    /// Ends a clause for the search of a subject or an object.
    is_hard_break => HardBreak;
    /// Joins actors into one compound actor.
    is_connector => Connector;
    /// A form of "be" or "get" that makes a participle passive.
    is_passive_auxiliary => PassiveAuxiliary;
    /// "Russia said it would attack": the pronoun points back.
    is_subject_pronoun => SubjectPronoun;
    /// "its support of Russia": owned by the nearest actor.
    is_possessive_pronoun => PossessivePronoun;
    /// The possessive clitic as the tokenizer splits it off ("Korea" + "’s").
    is_possessive_clitic => PossessiveClitic;
    /// Heads of "X of Y" phrases whose Y is the real actor: "thousands of Iranians".
    is_quantity => Quantity;
    /// People acting for a state or a group, whose state may follow in a phrase.
    is_agent_noun => AgentNoun;
    /// Verbs whose object noun names what their subject does: "launched an attack".
    is_light_verb => LightVerb;
    /// Offices and domestic opponents that belong to the state in context.
    is_office => Office;
    /// Verbs whose object is the subject of the infinitive after them ("urged X to").
    is_control_verb => ControlVerb;
    /// A relative pronoun ("which", "who").
    is_relative => Relative;
    /// An auxiliary or modal verb ("would", "has", "must").
    is_auxiliary => Auxiliary;
    /// A person known by whom they are related to ("Brown's closest ally", "Khan's lawyer").
    is_relation_noun => RelationNoun;
}

/// Tokens that end the search for an object (objects do not sit behind a comma).
pub(crate) fn is_object_break(g: &Grammar, w: &str) -> bool {
    g.is(WordClass::HardBreak, w) || g.is(WordClass::ObjectBreak, w)
}
