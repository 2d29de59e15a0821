//! The matcher: one automaton scan per sentence, then a pass that joins adjacent pieces
//! ("Russian" + "President" + "Vladimir Putin", "Pyongyang's" + "diplomats") into mentions.

use aho_corasick::{Anchored, Input};
use chrono::NaiveDate;
use entente_model::{ActorCode, ActorRef, Sector, TextRange};

use super::compile::{case_ok, Target};
use super::tables::NameKind;
use super::{ActorLexicon, ActorMention, MentionKind, MentionMemory};

/// One verified automaton match.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) start: usize,
    /// End of the name itself.
    pub(super) end: usize,
    /// End including a possessive `'s` / `’s` / `'`.
    pub(super) full_end: usize,
    pub(super) possessive: bool,
    pub(super) item: Item,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    Place {
        code: ActorCode,
        kind: NameKind,
        ambiguous: bool,
    },
    Org(usize),
    Persons(Vec<usize>),
    Shorts(Vec<usize>),
    Agent(Sector, bool),
    Title(Sector),
    Blocked,
}

impl Item {
    /// When one spelling means several things, the most specific wins.
    fn from_targets(targets: Vec<Target>) -> Item {
        let rank = |t: &Target| match t {
            Target::Blocked => 0,
            Target::Person(_) => 1,
            Target::Organization(_) => 2,
            Target::Country { .. } => 3,
            Target::Title(_) => 4,
            Target::Agent(..) => 5,
            Target::Short(_) => 6,
        };
        let best = targets.iter().map(rank).min().expect("at least one target");
        let mut chosen = targets.into_iter().filter(|t| rank(t) == best);
        match chosen.next().expect("best exists") {
            Target::Blocked => Item::Blocked,
            Target::Organization(i) => Item::Org(i),
            Target::Country {
                code,
                kind,
                ambiguous,
            } => Item::Place {
                code,
                kind,
                ambiguous,
            },
            Target::Title(s) => Item::Title(s),
            Target::Agent(s, party) => Item::Agent(s, party),
            Target::Person(p) => {
                let mut v = vec![p];
                v.extend(chosen.filter_map(|t| match t {
                    Target::Person(q) => Some(q),
                    _ => None,
                }));
                Item::Persons(v)
            }
            Target::Short(p) => {
                let mut v = vec![p];
                v.extend(chosen.filter_map(|t| match t {
                    Target::Short(q) => Some(q),
                    _ => None,
                }));
                Item::Shorts(v)
            }
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Length of a possessive suffix at the start of `rest`, if any.
fn possessive_len(name: &str, rest: &str) -> Option<usize> {
    for suffix in ["'s", "\u{2019}s"] {
        if let Some(after) = rest.strip_prefix(suffix) {
            if !after.starts_with(is_word_char) {
                return Some(suffix.len());
            }
        }
    }
    if name.ends_with('s') {
        for suffix in ["'", "\u{2019}"] {
            if let Some(after) = rest.strip_prefix(suffix) {
                if !after.starts_with(is_word_char) {
                    return Some(suffix.len());
                }
            }
        }
    }
    None
}

/// Whether the next word after `raw` starts with a capital (and is not part of the match).
/// Days and months are capitalized but name no one: "Israel Friday reimposed ...", "Jordan
/// in March" keep their country.
fn capital_follows(s: &str, raw: &Raw, grammar: &crate::Grammar) -> bool {
    let rest = &s[raw.full_end..];
    let next = rest.trim_start();
    let word: &str = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !raw.possessive
        && rest.starts_with(' ')
        && next.starts_with(|c: char| c.is_uppercase())
        && !grammar.is(crate::WordClass::Calendar, &word.to_lowercase())
}

impl ActorLexicon {
    /// All actor mentions in one sentence, leftmost-longest, on word boundaries. Acronyms
    /// (US, UN, EU) must be in capitals; other names may have a capitalized first letter
    /// (sentence start, headlines). `date` picks the leader in office; `memory` carries
    /// what the article said before (people named in full, the last state named) and is
    /// updated. "Russia and North Korea" gives two mentions: grouping is the coder's job.
    ///
    /// A lone surname codes only if the article named that person in full before, or if
    /// exactly one leader with that surname held office on `date`.
    pub fn find(
        &self,
        sentence: &str,
        date: Option<NaiveDate>,
        memory: &mut MentionMemory,
    ) -> Vec<ActorMention> {
        let mut raws = self.scan(sentence);
        self.drop_redefined(sentence, &mut raws, memory);
        self.compose(sentence, &raws, date, memory)
    }

    fn scan(&self, s: &str) -> Vec<Raw> {
        let ac = &self.compiled.automaton;
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < s.len() {
            let Some(m) = ac.find(Input::new(s).span(pos..s.len())) else {
                break;
            };
            let start = m.start();
            let (mut end, mut pattern) = (m.end(), m.pattern().as_usize());
            // Mid-word ("Abe" in "label"): every shorter spelling at this start fails too.
            let mid_word = s[..start].chars().next_back().is_some_and(is_word_char);
            let found = loop {
                if mid_word {
                    break None;
                }
                if let Some(raw) = self.verify(s, start, end, pattern) {
                    break Some(raw);
                }
                // The longest spelling here failed (case, word boundary): a shorter one at
                // the same start may still hold ("Chinese" when "Chinese Communist Party"
                // is spelled in lower case).
                if end <= start + 1 {
                    break None;
                }
                let shorter = Input::new(s).span(start..end - 1).anchored(Anchored::Yes);
                match ac.find(shorter) {
                    Some(m) => (end, pattern) = (m.end(), m.pattern().as_usize()),
                    None => break None,
                }
            };
            match found {
                Some(raw) => {
                    pos = raw.full_end;
                    out.push(raw);
                }
                None => {
                    pos = start + s[start..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        out
    }

    fn verify(&self, s: &str, start: usize, end: usize, pattern: usize) -> Option<Raw> {
        if !s.is_char_boundary(start) || !s.is_char_boundary(end) {
            return None;
        }
        if s[..start].chars().next_back().is_some_and(is_word_char) {
            return None;
        }
        let text = &s[start..end];
        let rest = &s[end..];
        let last = text.chars().next_back()?;
        // "U.S." ends in a dot, so what follows it may be anything but a letter glued on.
        if is_word_char(last) && rest.starts_with(is_word_char) {
            return None;
        }
        // "rebel-held", "police-run", "Kremlin-friendly": an agent noun or a seat glued to a
        // hyphen is a modifier, not a party (a state's name before a hyphen still names the
        // state: "Iran-linked", "US-led").
        let glued = rest.starts_with('-') && rest[1..].starts_with(char::is_alphabetic);
        // "a Madrid-style bombing", "Soviet-era tanks": a name that only qualifies a manner or
        // a time names no actor.
        if glued && self.manner_suffix(&rest[1..]) {
            return None;
        }
        let targets: Vec<Target> = self.compiled.patterns[pattern]
            .spellings
            .iter()
            .filter(|(spelling, _)| case_ok(spelling, text))
            .filter(|(_, t)| !glued || !matches!(t, Target::Agent(..) | Target::Title(_)))
            .map(|(_, t)| t.clone())
            .collect();
        if targets.is_empty() {
            return None;
        }
        let possessive = possessive_len(text, rest);
        Some(Raw {
            start,
            end,
            full_end: end + possessive.unwrap_or(0),
            possessive: possessive.is_some(),
            item: Item::from_targets(targets),
        })
    }

    fn compose(
        &self,
        s: &str,
        raws: &[Raw],
        date: Option<NaiveDate>,
        memory: &mut MentionMemory,
    ) -> Vec<ActorMention> {
        // Only spaces between two pieces, and the first not possessive unless it is the
        // state that owns the rest ("Pyongyang's diplomats").
        let joins = |a: &Raw, b: &Raw, a_is_prefix: bool| {
            let gap = &s[a.full_end..b.start];
            let spaces = !gap.is_empty() && gap.len() <= 3 && gap.chars().all(char::is_whitespace);
            // "Iran-linked hackers", "Russian-backed separatists": the link makes the state
            // the agent's.
            let linked = a_is_prefix
                && !a.possessive
                && matches!(b.item, Item::Agent(..))
                && self.link_suffix(gap);
            // "European Community foreign ministers", "Israeli riot police": modifiers of the
            // agent noun may stand between the state and it.
            let modified = a_is_prefix
                && matches!(b.item, Item::Agent(..))
                && gap.starts_with(' ')
                && gap.ends_with(' ')
                && gap.split_whitespace().count() <= 2
                && gap.split_whitespace().all(|w| {
                    self.grammar
                        .is(crate::WordClass::AgentModifier, &w.to_lowercase())
                });
            (spaces && (!a.possessive || a_is_prefix)) || linked || modified
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < raws.len() {
            let first = &raws[i];
            if first.item == Item::Blocked {
                i += 1;
                continue;
            }
            // "the Sea of Japan", "the Taiwan Strait": a place inside a feature's name.
            if matches!(first.item, Item::Place { .. }) && self.in_feature_name(s, first) {
                i += 1;
                continue;
            }
            let has_prefix = matches!(first.item, Item::Place { .. } | Item::Org(_));
            let mut k = if has_prefix { i + 1 } else { i };
            let mut title: Option<Sector> = None;
            while k < raws.len()
                && (k == i || joins(&raws[k - 1], &raws[k], has_prefix && k - 1 == i))
            {
                let Item::Title(sector) = &raws[k].item else {
                    break;
                };
                title = Some(sector.clone());
                k += 1;
            }
            let head = (k < raws.len()
                && (k == i || joins(&raws[k - 1], &raws[k], has_prefix && k - 1 == i)))
            .then_some(k);
            let prefix = has_prefix.then_some(first);
            // An ambiguous name ("Jordan", "Chad") followed by an unknown capitalized word is
            // a person or a place of another kind.
            if let Item::Place {
                ambiguous: true, ..
            } = first.item
            {
                let glued = k > i + 1 || head.is_some();
                if !glued && capital_follows(s, first, &self.grammar) {
                    i += 1;
                    continue;
                }
            }
            let hint = prefix.and_then(|p| self.raw_code(p));
            let titled = title.is_some();
            if let Some(h) = head {
                let made = match &raws[h].item {
                    Item::Persons(ps) => self
                        .resolve_full(ps, date, hint)
                        .map(|p| self.person_mention(s, raws, i, h, p, date, memory)),
                    // "Kim" in "Kim Yo Jong" is part of another person's name.
                    Item::Shorts(_) if capital_follows(s, &raws[h], &self.grammar) => None,
                    Item::Shorts(ps) => self
                        .resolve_short(ps, date, hint, titled, memory)
                        .map(|p| self.person_mention(s, raws, i, h, p, date, memory)),
                    Item::Agent(..) if prefix.is_some() && !titled => {
                        let base = self.raw_actor(s, first).expect("prefix is a place or org");
                        // "Syrian government forces", "Russian military officials": the last
                        // of adjacent agent nouns is the head, and gives the sector.
                        let mut last = h;
                        while raws.get(last + 1).is_some_and(|r| {
                            matches!(r.item, Item::Agent(..))
                                && s[raws[last].full_end..r.start]
                                    .chars()
                                    .all(char::is_whitespace)
                                && r.start > raws[last].full_end
                        }) {
                            last += 1;
                        }
                        let Item::Agent(sector, _) = &raws[last].item else {
                            unreachable!("the loop stops on agents")
                        };
                        let m = self.combined(
                            s,
                            raws,
                            i,
                            last,
                            base,
                            Some(sector.clone()),
                            MentionKind::Agent,
                        );
                        out.push(m);
                        i = last + 1;
                        continue;
                    }
                    Item::Org(o) if prefix.is_some() && !titled => {
                        let org = &self.tables.organizations[*o];
                        let same_state = hint.is_some_and(|c| c == org.code);
                        same_state.then(|| {
                            let base = self.raw_actor(s, &raws[h]).expect("org");
                            self.combined(
                                s,
                                raws,
                                i,
                                h,
                                base,
                                Some(org.sector.clone()),
                                MentionKind::Organization,
                            )
                        })
                    }
                    _ => None,
                };
                if let Some(m) = made {
                    out.push(m);
                    i = h + 1;
                    continue;
                }
            }
            // "President Ruto", "Mr Blair": a title before the last name of an office-holder
            // the dictionary knows, when no spelling of the name matched.
            if titled
                && head.is_none_or(|h| !matches!(raws[h].item, Item::Persons(_) | Item::Shorts(_)))
            {
                // "Mr Brown", "Dr Smith": an honorific names whoever the article named in full
                // before, never a stranger who shares the surname.
                let title_text = s[raws[k - 1].start..raws[k - 1].end].trim_end_matches('.');
                let honorific = matches!(title_text, "Mr" | "Mrs" | "Ms" | "Dr");
                if let Some((end, mut ps)) = self.surname_after(s, raws[k - 1].full_end) {
                    if honorific {
                        ps.retain(|p| memory.persons.contains(p));
                    }
                    // "Prime Minister Brown": among the bearers of the name, those who held
                    // that office, when the dictionary records offices for any of them.
                    let holders: Vec<usize> = ps
                        .iter()
                        .copied()
                        .filter(|&p| self.held_office(p, title_text))
                        .collect();
                    if !holders.is_empty() {
                        ps = holders;
                    }
                    if let Some(p) = self.resolve_short(&ps, date, hint, true, memory) {
                        out.push(self.person_mention_at(s, raws[i].start, end, p, date));
                        i = k.max(i + 1);
                        while i < raws.len() && raws[i].start < end {
                            i += 1;
                        }
                        continue;
                    }
                }
            }
            if let Some(p) = prefix {
                let base = self.raw_actor(s, p).expect("prefix is a place or org");
                let m = match title {
                    // "the Russian president": the office, coded as its state.
                    Some(sector) => {
                        self.combined(s, raws, i, k - 1, base, Some(sector), MentionKind::Agent)
                    }
                    None => {
                        let kind = self.raw_kind(p);
                        self.combined(s, raws, i, i, base, None, kind)
                    }
                };
                out.push(m);
                i = k.max(i + 1);
                continue;
            }
            if let Item::Agent(sector, party) = &first.item {
                let m = match self.linked_state(s, raws, i) {
                    // "hackers linked to Iran's government", "militias loyal to Tehran".
                    Some((last, state)) => {
                        k = k.max(last + 1);
                        self.combined(
                            s,
                            raws,
                            i,
                            last,
                            state,
                            Some(sector.clone()),
                            MentionKind::Agent,
                        )
                    }
                    // "Officials said", "troops": an actor only with its state; the words
                    // do not say which.
                    None if !party => {
                        i = k.max(i + 1);
                        continue;
                    }
                    // "the militia", "gunmen", "a lawyer": a party the words do not say is
                    // whose. It keeps its words and sector, with no code.
                    None => self.combined(
                        s,
                        raws,
                        i,
                        i,
                        ActorRef {
                            text: String::new(),
                            code: None,
                            sector: None,
                            name: s[first.start..first.end].to_lowercase(),
                            org: None,
                        },
                        Some(sector.clone()),
                        MentionKind::Agent,
                    ),
                };
                out.push(m);
            }
            // A title with no state and no person, or an unresolved surname: nothing to code.
            i = k.max(i + 1);
        }
        out
    }

    /// Whether a state's name is part of a geographic feature's proper name: a capitalized
    /// feature word right after it ("the South China Sea", "the Korean War") or right before
    /// "of" in front of it ("the Sea of Japan", "the Gulf of Oman").
    fn in_feature_name(&self, s: &str, raw: &Raw) -> bool {
        let feature = |w: &str| {
            w.starts_with(|c: char| c.is_uppercase())
                && self
                    .grammar
                    .is(crate::WordClass::Geographic, &w.to_lowercase())
        };
        let after = s[raw.end..].strip_prefix(' ').map(|rest| {
            rest.split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
        });
        if !raw.possessive && after.is_some_and(feature) {
            return true;
        }
        let mut before = s[..raw.start].split_whitespace().rev();
        matches!(before.next(), Some("of")) && before.next().is_some_and(feature)
    }

    /// Whether the word at the start of `rest` (after a name and its hyphen) makes the name a
    /// manner or a time ("-style", "-era").
    fn manner_suffix(&self, rest: &str) -> bool {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        self.grammar.is(crate::WordClass::MannerSuffix, &word)
    }

    /// Whether the text between a state's name and an agent noun is a hyphenated link
    /// ("-linked ", "-backed ").
    fn link_suffix(&self, gap: &str) -> bool {
        let Some(rest) = gap.strip_prefix('-') else {
            return false;
        };
        let word = rest.trim_end();
        word.len() < rest.len()
            && rest.len() - word.len() <= 2
            && self
                .grammar
                .is(crate::WordClass::LinkSuffix, &word.to_lowercase())
    }

    /// "hackers linked to Iran's government": an agent, a link phrase and a state's name
    /// (possibly owning an agent of its own) right after it. Returns the last piece and the
    /// state's actor.
    fn linked_state(&self, s: &str, raws: &[Raw], i: usize) -> Option<(usize, ActorRef)> {
        let next = raws.get(i + 1)?;
        if !matches!(next.item, Item::Place { .. } | Item::Org(_)) {
            return None;
        }
        let gap = s[raws[i].full_end..next.start].trim().to_lowercase();
        let gap = gap.strip_suffix(" the").map(str::to_string).unwrap_or(gap);
        // "opposition groups in Zimbabwe", "militia members loyal to Tehran": a group noun
        // may head the phrase before the link.
        let gap = match gap.split_once(' ') {
            Some((head, rest)) if self.grammar.is(crate::WordClass::Quantity, head) => {
                rest.to_string()
            }
            _ => gap,
        };
        if !self.grammar.is(crate::WordClass::LinkPhrase, &gap) {
            return None;
        }
        let state = self.raw_actor(s, next)?;
        let owned = raws.get(i + 2).filter(|r| {
            next.possessive
                && matches!(r.item, Item::Agent(..))
                && s[next.full_end..r.start].chars().all(char::is_whitespace)
        });
        Some((if owned.is_some() { i + 2 } else { i + 1 }, state))
    }

    /// The code a prefix piece stands for, used to pick among people with one surname.
    fn raw_code(&self, raw: &Raw) -> Option<ActorCode> {
        match &raw.item {
            Item::Place { code, .. } => Some(*code),
            Item::Org(o) => Some(self.tables.organizations[*o].code),
            _ => None,
        }
    }

    fn raw_kind(&self, raw: &Raw) -> MentionKind {
        match &raw.item {
            Item::Place { kind, .. } => match kind {
                NameKind::Name | NameKind::Formal | NameKind::Abbrev => MentionKind::Country,
                NameKind::Adjective => MentionKind::Adjective,
                NameKind::Demonym => MentionKind::Demonym,
                NameKind::Capital => MentionKind::Capital,
                NameKind::Seat => MentionKind::Seat,
            },
            _ => MentionKind::Organization,
        }
    }

    /// The actor a place or organization piece names on its own.
    pub(super) fn raw_actor(&self, s: &str, raw: &Raw) -> Option<ActorRef> {
        let text = s[raw.start..raw.end].to_string();
        match &raw.item {
            Item::Place { code, kind, .. } => Some(ActorRef {
                text,
                code: Some(*code),
                // A capital or a seat of power used as a subject stands for the government;
                // a demonym ("Iranians") names the people.
                sector: match kind {
                    NameKind::Capital | NameKind::Seat => {
                        Some("GOV".parse().expect("valid sector"))
                    }
                    NameKind::Demonym => Some("CVL".parse().expect("valid sector")),
                    _ => None,
                },
                name: self
                    .country(*code)
                    .map_or_else(|| code.to_string(), |c| c.name.clone()),
                org: None,
            }),
            Item::Org(o) => {
                let org = &self.tables.organizations[*o];
                Some(ActorRef {
                    text,
                    code: Some(org.code),
                    sector: Some(org.sector.clone()),
                    name: org.name.clone(),
                    org: org.org.clone(),
                })
            }
            _ => None,
        }
    }

    /// A mention covering pieces `from..=to`, coded as `base` with `sector` when given.
    #[allow(clippy::too_many_arguments)]
    fn combined(
        &self,
        s: &str,
        raws: &[Raw],
        from: usize,
        to: usize,
        mut base: ActorRef,
        sector: Option<Sector>,
        kind: MentionKind,
    ) -> ActorMention {
        let range = TextRange::new(raws[from].start, raws[to].end);
        base.text = range.slice(s).to_string();
        if sector.is_some() {
            base.sector = sector;
        }
        ActorMention {
            range,
            actor: base,
            kind,
            possessive: raws[to].possessive,
            rule: None,
            note: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn person_mention(
        &self,
        s: &str,
        raws: &[Raw],
        from: usize,
        to: usize,
        person: usize,
        date: Option<NaiveDate>,
        memory: &mut MentionMemory,
    ) -> ActorMention {
        let tenure = &self.tables.tenures[self.tenure_at(person, date)];
        if matches!(raws[to].item, Item::Persons(_)) {
            memory.remember_person(person);
        }
        let range = TextRange::new(raws[from].start, raws[to].end);
        // A former (or future) office-holder speaks for no government: an elite of the state.
        let out_of_office = date.is_some_and(|d| !tenure.covers(d));
        let (sector, note) = match date {
            None => (
                tenure.sector.clone(),
                Some("no date: the person's term was not checked"),
            ),
            Some(_) if out_of_office => (
                "ELI".parse().expect("a valid sector"),
                Some("not in office on the article's date"),
            ),
            Some(_) => (tenure.sector.clone(), None),
        };
        ActorMention {
            range,
            actor: ActorRef {
                text: range.slice(s).to_string(),
                code: Some(tenure.code),
                sector: Some(sector),
                name: tenure.name.clone(),
                org: tenure.org.clone(),
            },
            kind: MentionKind::Leader,
            possessive: raws[to].possessive,
            rule: Some(tenure.rule.clone()),
            note,
        }
    }

    /// Whether person `p` ever held the office `title` names ("Prime Minister").
    fn held_office(&self, p: usize, title: &str) -> bool {
        self.compiled.persons[p]
            .tenures
            .iter()
            .any(|&i| self.tables.tenures[i].office.eq_ignore_ascii_case(title))
    }

    /// The capitalized word right after byte `at` (one space between), if it is the last
    /// name of known people: its end and the people.
    fn surname_after(&self, s: &str, at: usize) -> Option<(usize, Vec<usize>)> {
        let rest = s.get(at..)?.strip_prefix(' ')?;
        let word: &str = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()?;
        if !word.starts_with(|c: char| c.is_uppercase()) || word.len() < 3 {
            return None;
        }
        // "Home Secretary Charles Clarke": a first name the dictionary does not know goes on.
        let after = rest[word.len()..].trim_start_matches(' ');
        if rest[word.len()..].starts_with(' ') && after.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let ps = self.compiled.surnames.get(&word.to_lowercase())?;
        let end = at + 1 + word.len();
        Some((end, ps.clone()))
    }

    /// A person's mention over bytes `start..end` (see [`ActorLexicon::person_mention`]).
    fn person_mention_at(
        &self,
        s: &str,
        start: usize,
        end: usize,
        person: usize,
        date: Option<NaiveDate>,
    ) -> ActorMention {
        let tenure = &self.tables.tenures[self.tenure_at(person, date)];
        let out_of_office = date.is_some_and(|d| !tenure.covers(d));
        let possessive = possessive_len(&s[start..end], &s[end..]).is_some();
        let range = TextRange::new(start, end);
        ActorMention {
            range,
            actor: ActorRef {
                text: range.slice(s).to_string(),
                code: Some(tenure.code),
                sector: Some(if out_of_office {
                    "ELI".parse().expect("a valid sector")
                } else {
                    tenure.sector.clone()
                }),
                name: tenure.name.clone(),
                org: tenure.org.clone(),
            },
            kind: MentionKind::Leader,
            possessive,
            rule: Some(tenure.rule.clone()),
            note: Some("a title and the last name of a known office-holder"),
        }
    }

    /// The term that codes a person on `date`: the one in office then; else the last one
    /// before it; else the first. Without a date, the current (or last) term.
    pub(super) fn tenure_at(&self, person: usize, date: Option<NaiveDate>) -> usize {
        let terms = &self.compiled.persons[person].tenures;
        let t = |i: &usize| &self.tables.tenures[*i];
        let pick = match date {
            Some(d) => terms
                .iter()
                .rev()
                .find(|i| t(i).covers(d))
                .or_else(|| terms.iter().rev().find(|i| t(i).from <= d)),
            None => terms.iter().rev().find(|i| t(i).to.is_none()),
        };
        *pick.or(terms.last()).expect("a person has a term")
    }

    fn in_office(&self, person: usize, date: NaiveDate, hint: Option<ActorCode>) -> bool {
        self.compiled.persons[person].tenures.iter().any(|&i| {
            let t = &self.tables.tenures[i];
            t.covers(date) && hint.is_none_or(|c| c == t.code)
        })
    }

    fn has_code(&self, person: usize, hint: Option<ActorCode>) -> bool {
        hint.is_none_or(|c| {
            self.compiled.persons[person]
                .tenures
                .iter()
                .any(|&i| self.tables.tenures[i].code == c)
        })
    }

    /// A full name is one person unless two share it; then the one in office wins.
    fn resolve_full(
        &self,
        ps: &[usize],
        date: Option<NaiveDate>,
        hint: Option<ActorCode>,
    ) -> Option<usize> {
        if let [p] = ps {
            return Some(*p);
        }
        let d = date?;
        let live: Vec<usize> = ps
            .iter()
            .copied()
            .filter(|&p| self.in_office(p, d, hint))
            .collect();
        (live.len() == 1).then(|| live[0])
    }

    fn resolve_short(
        &self,
        ps: &[usize],
        date: Option<NaiveDate>,
        hint: Option<ActorCode>,
        titled: bool,
        memory: &MentionMemory,
    ) -> Option<usize> {
        let cands: Vec<usize> = ps
            .iter()
            .copied()
            .filter(|&p| self.has_code(p, hint))
            .collect();
        if let Some(p) = memory.persons.iter().rev().find(|p| cands.contains(p)) {
            return Some(*p);
        }
        if let Some(d) = date {
            let live: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&p| self.in_office(p, d, hint))
                .collect();
            if live.len() == 1 {
                return Some(live[0]);
            }
            if !live.is_empty() {
                return None;
            }
        }
        // "President Xi" with no date, or "President Trump" out of office: a title plus a
        // surname no other leader bears.
        if titled && cands.len() == 1 {
            return Some(cands[0]);
        }
        // "Obama will hold talks with Kenyatta" in an undated text, "President Bush": every
        // leader who bears the name served the same state, so the state is certain even if
        // the person is not; the latest of them stands for all. A name that several states'
        // leaders share stays uncoded.
        let codes: std::collections::BTreeSet<ActorCode> = cands
            .iter()
            .flat_map(|&p| self.compiled.persons[p].tenures.iter())
            .map(|&i| self.tables.tenures[i].code)
            .collect();
        if codes.len() == 1 {
            return cands
                .iter()
                .copied()
                .max_by_key(|&p| self.tables.tenures[self.tenure_at(p, None)].from);
        }
        None
    }
}
