//! One sentence made ready for coding: lower-cased words, the actors found in it mapped to
//! token spans, and actors joined into compound groups ("Russia and North Korea").

use entente_lexicon::triggers::domain::Domain;
use entente_lexicon::{Grammar, WordClass};
use entente_model::{ActorRef, Doc, Sentence};

use crate::words;

/// An actor mention, by token span within the sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub actor: ActorRef,
    /// How the lexicon recognised it (name, adjective, leader, agent, ...), for `explain`.
    pub kind: String,
    pub possessive: bool,
    /// A state's adjective or name that heads a company, a team or a person outside politics
    /// ("a US bank", "a Russian tennis player"): it may suffer an act ("hackers attacked US
    /// banks") but does not act for its state.
    pub private: bool,
}

/// Mentions joined by "and", commas or dashes: one compound actor.
#[derive(Debug, Clone)]
pub struct Group {
    pub members: Vec<usize>,
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
}

/// The words of one sentence and the actors in it.
pub struct Analysis<'d> {
    /// The closed-class words the structural rules consult.
    pub g: &'d Grammar,
    /// The sentence's text.
    pub text: &'d str,
    /// Byte offset of the sentence in its section's text.
    pub base: usize,
    /// Token byte ranges relative to `text`.
    pub spans: Vec<(usize, usize)>,
    lower: String,
    lower_spans: Vec<(usize, usize)>,
    pub mentions: Vec<Mention>,
    pub groups: Vec<Group>,
    /// For each token, whether it is a form of a verb (a trigger verb or a common one).
    verbs: Vec<bool>,
    /// For each token, the group it belongs to.
    group_of: Vec<Option<usize>>,
}

impl<'d> Analysis<'d> {
    /// Lower-cases the tokens (curly apostrophes folded to straight ones, so the lexicon
    /// writes `'s` and `didn't` once).
    pub fn new(doc: &'d Doc, sentence: &Sentence, g: &'d Grammar) -> Self {
        let text = doc.sentence_text(sentence);
        let base = sentence.range.start();
        let tokens = doc.sentence_tokens(sentence);
        let mut spans = Vec::with_capacity(tokens.len());
        let mut lower = String::with_capacity(text.len());
        let mut lower_spans = Vec::with_capacity(tokens.len());
        for t in tokens {
            let (s, e) = (t.range.start() - base, t.range.end() - base);
            spans.push((s, e));
            let from = lower.len();
            for c in text[s..e].chars() {
                match c {
                    '’' | '‘' => lower.push('\''),
                    c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
                    c => lower.extend(c.to_lowercase()),
                }
            }
            lower_spans.push((from, lower.len()));
        }
        Analysis {
            g,
            text,
            base,
            spans,
            lower,
            lower_spans,
            mentions: Vec::new(),
            groups: Vec::new(),
            verbs: Vec::new(),
            group_of: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Marks which tokens are verb forms (`is_verb_form(word)`), for the structural rules
    /// that tell a verb's object from the next verb's subject.
    pub fn set_verbs(&mut self, is_verb_form: impl Fn(&str) -> bool) {
        self.verbs = (0..self.len())
            .map(|i| {
                let w = self.word(i);
                is_verb_form(w) || self.g.is(entente_lexicon::WordClass::Verb, w)
            })
            .collect();
    }

    /// Whether token `i` is a verb form (see [`Analysis::set_verbs`]).
    pub fn is_verb(&self, i: usize) -> bool {
        self.verbs.get(i).copied().unwrap_or(false)
    }

    pub fn word(&self, i: usize) -> &str {
        let (s, e) = self.lower_spans[i];
        &self.lower[s..e]
    }

    pub fn words(&self) -> Vec<&str> {
        (0..self.len()).map(|i| self.word(i)).collect()
    }

    /// The original text of tokens `start..end`.
    pub fn text_of(&self, start: usize, end: usize) -> &'d str {
        if start >= end {
            return "";
        }
        &self.text[self.spans[start].0..self.spans[end - 1].1]
    }

    /// Attaches actor mentions given as byte ranges within the sentence.
    pub fn set_mentions(&mut self, found: Vec<(usize, usize, ActorRef, String, bool)>) {
        let mut mentions: Vec<Mention> = Vec::with_capacity(found.len());
        for (s, e, actor, kind, possessive) in found {
            let start = self.spans.partition_point(|&(_, te)| te <= s);
            let end = self.spans.partition_point(|&(ts, _)| ts < e);
            if start >= end {
                continue;
            }
            let possessive = possessive
                || (end < self.len() && words::is_possessive_clitic(self.g, self.word(end)));
            mentions.push(Mention {
                start,
                end,
                actor,
                kind,
                possessive,
                private: false,
            });
        }
        mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        // Overlapping mentions would make one word two actors; keep the first, longest.
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if kept.last().is_none_or(|k| k.end <= m.start) {
                kept.push(m);
            }
        }
        self.mentions = kept;
        self.build_groups();
    }

    /// "Liberian riot police dispersed demonstrators in Monrovia": a domestic party the
    /// words name without its state (protesters, rebels, police, students, a court) belongs
    /// to the one state the sentence names, when it names exactly one. Criminals, hackers and
    /// refugees are often foreign, so they stay uncoded.
    pub fn code_domestic_parties(&mut self) {
        // "the Sudanese government and the rebels in Darfur": in a compound, an uncoded
        // domestic party shares the state of its coded partners when they are one state.
        for g in &self.groups {
            let codes: std::collections::BTreeSet<_> = g
                .members
                .iter()
                .filter_map(|&m| self.mentions[m].actor.code)
                .collect();
            let [only] = codes.into_iter().collect::<Vec<_>>()[..] else {
                continue;
            };
            if only.is_organization() {
                continue;
            }
            for &m in &g.members {
                let mention = &mut self.mentions[m];
                if mention.actor.code.is_none() && is_domestic(self.g, &mention.actor) {
                    mention.actor.code = Some(only);
                    mention.kind = "agent of its compound partners' state".to_string();
                }
            }
        }
        let states: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| !m.private && m.actor.code.is_some_and(|c| !c.is_organization()))
            .collect();
        let Some(first) = states.first() else {
            return;
        };
        let only = first.actor.code;
        if states.iter().any(|m| m.actor.code != only) {
            return;
        }
        // The state as a place ("in Tehran", "across Kenya") frames the whole sentence; as an
        // actor it frames only what comes after it ("Syrian troops shelled rebels"): parties
        // before it may be its adversaries from elsewhere ("protesters stormed the British
        // embassy", "rebels shot down a Russian jet").
        // "protesters in Nairobi": a party linked to its place names the place too.
        let place_word = |w: &str| matches!(w, "in" | "across" | "throughout" | "inside");
        let place = states.iter().any(|m| {
            m.start > 0 && place_word(self.word(m.start - 1))
                || (m.start + 1..m.end).any(|i| place_word(self.word(i)))
        });
        let from = if place { 0 } else { first.start };
        let g = self.g;
        for m in self.mentions.iter_mut().filter(|m| m.actor.code.is_none()) {
            if m.start >= from && is_domestic(g, &m.actor) {
                m.actor.code = only;
                m.kind = "agent of the sentence's only state".to_string();
            }
        }
    }

    /// Marks a state's adjective or possessive that names a company, a team or a person
    /// outside politics ("Japanese car maker Mitsubishi", "Iranian striker Vahid Hashemian",
    /// "Russia's oil giant") as private: no political actor, though it may suffer an act. A
    /// state or city named as a meeting's place ("the Singapore summit") is dropped.
    pub fn drop_non_political(&mut self, domain: &Domain) {
        let venue: Vec<bool> = self
            .mentions
            .iter()
            .map(|m| self.names_venue(m, domain) || self.names_thing(m, domain))
            .collect();
        let private: Vec<bool> = self
            .mentions
            .iter()
            .map(|m| self.names_non_political(m, domain))
            .collect();
        for (m, p) in self.mentions.iter_mut().zip(private) {
            m.private = p;
        }
        if !venue.contains(&true) {
            return;
        }
        let mut flags = venue.into_iter();
        self.mentions.retain(|_| !flags.next().unwrap_or(false));
        self.build_groups();
    }

    /// "the Singapore summit", "the 2015 Minsk agreements": the place of a meeting.
    fn names_venue(&self, m: &Mention, domain: &Domain) -> bool {
        let place = matches!(m.kind.as_str(), "country" | "capital") && !m.possessive;
        let opens_phrase = m.start == 0
            || matches!(self.word(m.start - 1), "the" | "a" | "an")
            || self.word(m.start - 1).chars().all(|c| c.is_ascii_digit());
        place
            && opens_phrase
            && m.end < self.len()
            && domain.is_venue_head(self.word(m.end), m.kind == "capital")
    }

    /// "US dollars", "the Chinese currency": a state's adjective or name before a thing's
    /// noun names no actor.
    fn names_thing(&self, m: &Mention, domain: &Domain) -> bool {
        matches!(m.kind.as_str(), "adjective" | "country")
            && !m.possessive
            && m.end < self.len()
            && domain.is_thing_head(self.word(m.end))
    }

    /// Whether every member of a group is private (see [`Mention::private`]).
    pub fn is_private(&self, group: usize) -> bool {
        self.groups[group]
            .members
            .iter()
            .all(|&m| self.mentions[m].private)
    }

    /// Whether mention `m` is a state's adjective, name or possessive whose next two words (not
    /// another actor's: "the Israeli-occupied West Bank") hold a non-political head.
    fn names_non_political(&self, m: &Mention, domain: &Domain) -> bool {
        // "Japanese car maker", "Russia's oil giant", "a US bank": a state's adjective,
        // possessive or attributive name.
        let bare_state = matches!(m.kind.as_str(), "adjective" | "country")
            || m.possessive && m.kind == "capital";
        if !bare_state {
            return false;
        }
        let mut i = m.end;
        if i < self.len() && words::is_possessive_clitic(self.g, self.word(i)) {
            i += 1;
        }
        let in_mention = |j: usize| self.mentions.iter().any(|o| o.start <= j && j < o.end);
        // "Bulgarian Magdaleena Maleeva", "Germany's Tommy Haas": a nationality before a
        // name no dictionary knows is a person, not the state (officials come with a title
        // the lexicon reads: "Russian Foreign Minister Sergei Lavrov").
        let person = m.kind == "adjective"
            && i + 1 < self.len()
            && (i..i + 2).all(|j| {
                let t = self.text_of(j, j + 1);
                let w = self.word(j);
                t.starts_with(|c: char| c.is_uppercase())
                    && t.chars().skip(1).any(char::is_lowercase)
                    && !in_mention(j)
                    && !self.is_verb(j)
                    && !self.g.is(entente_lexicon::WordClass::Calendar, w)
                    && !self.g.is(entente_lexicon::WordClass::AgentModifier, w)
                    && !matches!(w, "vice" | "deputy" | "acting" | "prime" | "minister")
            });
        person
            || (i..(i + 2).min(self.len()))
                .take_while(|&j| self.word(j).chars().any(char::is_alphabetic) && !in_mention(j))
                .any(|j| domain.is_non_political_head(self.word(j)))
    }

    /// Where an office's mention ends once the holder's name that follows it is passed
    /// ("Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov": one
    /// compound of two offices). A name is up to four capitalized words before `limit`.
    fn after_person_name(&self, m: &Mention, limit: usize) -> usize {
        if m.kind != "agent" {
            return m.end;
        }
        let mut end = m.end;
        while end < limit
            && end - m.end < 4
            && self
                .text_of(end, end + 1)
                .starts_with(|c: char| c.is_uppercase())
            && !words::is_connector(self.g, self.word(end))
        {
            end += 1;
        }
        end
    }

    fn build_groups(&mut self) {
        let mut groups: Vec<Group> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            let joins = groups.last().is_some_and(|g| {
                let prev = &self.mentions[*g.members.last().unwrap()];
                let end = self.after_person_name(prev, m.start);
                // "sworn in in Minsk, and Germany's government called", "visited Beijing,
                // and President Xi praised": ", and" after a single actor opens a clause
                // with a subject of its own (a list of two is written without the comma; a
                // longer one, "Russia, China, and Iran", has joined already).
                let new_clause = g.members.len() == 1
                    && (end..m.start).any(|t| self.word(t) == ",")
                    && (end..m.start).any(|t| matches!(self.word(t), "and" | "but"));
                !prev.possessive
                    && !new_clause
                    && m.start > end
                    && m.start - end <= 3
                    && (end..m.start).any(|t| words::is_connector(self.g, self.word(t)))
                    && (end..m.start).all(|t| {
                        let w = self.word(t);
                        words::is_connector(self.g, w) || matches!(w, "both" | "the")
                    })
            });
            // "NATO-member Norway": of two adjacent names the last is the head.
            let adjacent = groups.last().is_some_and(|g| g.end == m.start);
            if adjacent {
                let g = groups.last_mut().unwrap();
                g.members.pop();
                if g.members.is_empty() {
                    g.start = m.start;
                }
                g.members.push(i);
                g.end = m.end;
                g.possessive = m.possessive;
            } else if joins {
                let g = groups.last_mut().unwrap();
                g.members.push(i);
                g.end = m.end;
                g.possessive = m.possessive;
            } else {
                groups.push(Group {
                    members: vec![i],
                    start: m.start,
                    end: m.end,
                    possessive: m.possessive,
                });
            }
        }
        let groups: Vec<Group> = groups
            .into_iter()
            .flat_map(|g| self.split_comma_runs(g))
            .collect();
        let mut group_of = vec![None; self.len()];
        for (gi, g) in groups.iter().enumerate() {
            for slot in &mut group_of[g.start..g.end] {
                *slot = Some(gi);
            }
        }
        self.groups = groups;
        self.group_of = group_of;
    }

    /// A list joined by commas is one actor only when it ends with "and" or "or" ("China,
    /// Russia and Iran"); otherwise the commas separate clauses ("Russia attacked Ukraine,
    /// Polish officials said"), and the group splits at them.
    fn split_comma_runs(&self, g: Group) -> Vec<Group> {
        let joins: Vec<bool> = g
            .members
            .windows(2)
            .map(|w| {
                let (prev, next) = (&self.mentions[w[0]], &self.mentions[w[1]]);
                // ", the Chinese foreign ministry said": a comma and an article split too.
                let gap = prev.end..next.start;
                gap.clone().any(|t| self.word(t) == ",")
                    && gap.clone().all(|t| matches!(self.word(t), "," | "the"))
            })
            .collect();
        let ends_with_and = g.members.windows(2).last().is_some_and(|w| {
            let (prev, next) = (&self.mentions[w[0]], &self.mentions[w[1]]);
            (prev.end..next.start).any(|t| matches!(self.word(t), "and" | "or" | "&" | "nor"))
        });
        if ends_with_and || !joins.iter().any(|&c| c) {
            return vec![g];
        }
        let mut out: Vec<Group> = Vec::new();
        for (k, &m) in g.members.iter().enumerate() {
            let mention = &self.mentions[m];
            if k == 0 || joins[k - 1] {
                out.push(Group {
                    members: vec![m],
                    start: mention.start,
                    end: mention.end,
                    possessive: mention.possessive,
                });
            } else {
                let last = out.last_mut().expect("a group was pushed");
                last.members.push(m);
                last.end = mention.end;
                last.possessive = mention.possessive;
            }
        }
        out
    }

    /// The group covering token `i`, if any.
    pub fn group_at(&self, i: usize) -> Option<usize> {
        self.group_of.get(i).copied().flatten()
    }

    /// Whether tokens `start..end` touch an actor mention.
    pub fn overlaps_actor(&self, start: usize, end: usize) -> bool {
        (start..end.min(self.len())).any(|i| {
            self.group_of[i].is_some() && self.mentions.iter().any(|m| m.start <= i && i < m.end)
        })
    }

    /// The actors of a group, in order.
    pub fn actors(&self, group: usize) -> Vec<ActorRef> {
        self.groups[group]
            .members
            .iter()
            .map(|&m| self.mentions[m].actor.clone())
            .collect()
    }

    /// Whether the group is governed by a preposition ("to Russia", "of both X and Y"):
    /// then it is an oblique, never the subject.
    pub fn after_preposition(&self, group: usize) -> Option<&str> {
        let mut i = self.groups[group].start;
        while i > 0 {
            i -= 1;
            let w = self.word(i);
            if words::is_determiner(self.g, w) || w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            // "thousands of Iranians", "members of Hamas": the actor heads the phrase.
            if w == "of" && i > 0 && words::is_quantity(self.g, self.word(i - 1)) {
                return None;
            }
            // "security forces in Guinea", "the leader of North Korea": the state of an
            // agent noun names the agent.
            if matches!(w, "of" | "in" | "from" | "throughout")
                && i > 0
                && words::is_agent_noun(self.g, self.word(i - 1))
            {
                return None;
            }
            return words::is_preposition(self.g, w).then(|| self.word(i));
        }
        None
    }
}

/// Whether an uncoded party is of the kind that acts inside its own state (protesters,
/// rebels, police, students, courts); criminals, hackers, refugees and companies are often
/// foreign.
fn is_domestic(g: &Grammar, actor: &ActorRef) -> bool {
    actor
        .sector
        .as_ref()
        .is_some_and(|s| !matches!(s.as_str(), "CRM" | "REF" | "MNC" | "BUS" | "IGO" | "NGO"))
        && !g.is(WordClass::Captive, &actor.name)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use entente_ingest::normalize::join_paragraphs;
    use entente_model::{ActorCode, Article};

    /// A one-sentence doc and its analysis, with the named words marked as actors of the
    /// given codes (a hand-made stand-in for the lexicon's matcher).
    pub fn analyse<'d>(doc: &'d Doc, actors: &[(&str, &str)]) -> Analysis<'d> {
        let mut a = Analysis::new(doc, &doc.sentences[0], grammar());
        let mut found = Vec::new();
        for (name, code) in actors {
            let mut from = 0;
            while let Some(at) = a.text[from..].find(name) {
                let s = from + at;
                let actor = ActorRef {
                    text: name.to_string(),
                    code: Some(code.parse::<ActorCode>().unwrap()),
                    sector: None,
                    name: name.to_string(),
                    org: None,
                };
                found.push((s, s + name.len(), actor, "test".to_string(), false));
                from = s + name.len();
            }
        }
        a.set_mentions(found);
        a
    }

    /// The built-in grammar, loaded once for all tests.
    pub fn grammar() -> &'static Grammar {
        static GRAMMAR: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
        GRAMMAR.get_or_init(|| Grammar::load(None).expect("the built-in grammar loads"))
    }

    pub fn doc(text: &str) -> Doc {
        let (text, paragraphs) = join_paragraphs(&[text]);
        entente_ingest::segment(Article::new(text, paragraphs))
    }

    fn groups(a: &Analysis<'_>) -> Vec<String> {
        a.groups
            .iter()
            .map(|g| a.text_of(g.start, g.end).to_string())
            .collect()
    }

    #[test]
    fn compound_actors_join_on_and_and_lists() {
        let d = doc("China, Russia, North Korea, and Iran met Japan.");
        let a = analyse(
            &d,
            &[
                ("China", "CHN"),
                ("Russia", "RUS"),
                ("North Korea", "PRK"),
                ("Iran", "IRN"),
                ("Japan", "JPN"),
            ],
        );
        assert_eq!(
            groups(&a),
            ["China, Russia, North Korea, and Iran", "Japan"]
        );
    }

    #[test]
    fn commas_without_and_separate_clauses() {
        let d = doc("Russia attacked Ukraine, Poland said.");
        let a = analyse(
            &d,
            &[("Russia", "RUS"), ("Ukraine", "UKR"), ("Poland", "POL")],
        );
        assert_eq!(groups(&a), ["Russia", "Ukraine", "Poland"]);
    }

    #[test]
    fn possessives_and_curly_apostrophes() {
        let d = doc("North Korea’s troops didn’t move.");
        let a = analyse(&d, &[("North Korea", "PRK")]);
        assert!(a.groups[0].possessive);
        assert!(a.words().contains(&"didn't"));
    }

    #[test]
    fn prepositions_make_obliques() {
        let d = doc("Troops went to both Russia and Iran.");
        let a = analyse(&d, &[("Russia", "RUS"), ("Iran", "IRN")]);
        assert_eq!(a.after_preposition(0), Some("to"));
    }
}
