//! `CAMEO.2.0.txt` -> `verbs.txt` (`pattern | EVENT | mode | cameo | frame | note`) and
//! `irregular.txt` (`lemma | past | participle`).
//!
//! ```text
//! &CURRENCY                       a synonym set and its members
//! +DOLLAR
//! ---  ACCELERATE   [---]  ---    a block: name and code (`---`: the bare verbs code nothing)
//! RUSH                            a verb of the block
//! SPEED {SPEEDING SPEEDS SPED }   a verb with its irregular forms
//! +ASK_FOR {+ASKED_FOR} [020]     a verb of several words, with its own code
//! - * POLICE (TO BORDER)  [153]   a pattern: subject side * object side [code]
//! ```
//!
//! Conversion:
//!
//! - A verb with its own code, or in a block whose code is not `---`, gives the lemma alone.
//! - A pattern gives, for every verb of its block, the lemma followed by the words after
//!   `*`: each word a required near word `{word}` (within entente's window of 8 tokens);
//!   CAMEO's phrase `{A B}` and the preposition group `(PREP NOUN)` give `{a} b` (the first
//!   word near, the rest directly after it); `A_B` alike; `TO/FOR` is `{to/for}`; a synonym
//!   set `&NAME` is `{m1/m2/...}` of its one-word members (members of several words are
//!   dropped: entente's alternatives are single words).
//! - Markers: `+` (the target is here) and `^` (skip a phrase) are dropped, the rest kept:
//!   the frame `src>tgt?` already takes the target from after the verb, and the near window
//!   skips phrases. A `$` before `*` (the source is the subject) is dropped too. A `$` after
//!   `*` (the source is on the object side) or a `%` (a compound actor) would change who
//!   acts: the pattern is dropped.
//! - Words before `*` (the subject side) cannot be expressed: the pattern is dropped.
//! - The code: the first of `[a:b]` (TABARI's paired codes: `a` from the subject to the
//!   object, `b` back). `[:b]` codes only the reverse event, so it is kept with `b` and the
//!   frame `tgt<src` (the subject undergoes the act of the actor after the verb: "appear
//!   before court" is the court's). A code the crosswalk has no PLOVER event for (CAMEO 01
//!   and 02, and `---`) drops the line.
//! - Frame `src>tgt?`; `src` for MOBILIZE and PROTEST lines with no object words.
//! - Note: `cameo <code> <block>`. The pattern comments only name the verb the pattern was
//!   first written for (`# RUSH`), which the line itself shows; they are not kept.
//! - The same pattern twice (from two blocks, or with two codes) keeps one line: the more
//!   specific code (more digits, then not ending in 0), else the first. Conflicts are listed.
//!
//! Irregular forms are written only where past and participle can be told apart from the
//! list alone: after removing "-s" and "-ing" forms and regular pasts, either two forms are
//! left of which exactly one ends in "n" or "ne" (GREW, GROWN; UNDERWENT, UNDERGONE), or one
//! such form is left and a regular past is listed (SHOWED, SHOWN). A single other form (SPED, but also FELL,
//! whose participle is not listed) cannot be placed, and is counted.

use std::collections::BTreeMap;

use crate::crosswalk::Crosswalk;
use crate::input::SourceFile;
use crate::report::Tally;

pub const SUBJECT_SIDE: &str = "pattern lines with words before `*` (the subject side)";
pub const SOURCE_AFTER: &str = "pattern lines with `$` after `*` (the source on the object side)";
pub const COMPOUND: &str = "pattern lines with `%` (a compound actor)";
pub const NO_STAR: &str = "pattern lines without `*`";
pub const MALFORMED: &str = "pattern lines with unbalanced brackets or no [code]";
pub const UNDEFINED_SYNSET: &str = "pattern lines with an undefined &SYNSET";
pub const EMPTY_SYNSET: &str = "pattern lines whose &SYNSET has no one-word member";
pub const BAD_CHARS: &str = "pattern lines with characters entente's pattern parser does not take";
pub const NULL_CODE: &str = "lines with the null code `---`";
pub const NO_PLOVER: &str = "lines whose CAMEO code has no PLOVER event in the crosswalk";
pub const MALFORMED_CODE: &str = "lines with a malformed code";
pub const DUPLICATE: &str = "lines repeating a pattern with the same code";
pub const CONFLICT: &str = "lines repeating a pattern with another code (conflict, one kept)";
pub const BAD_VERB: &str = "verb lines entente's pattern parser does not take";
pub const TRANSFORMATION: &str =
    "transformation lines (`~ a (a b ATTACK) SAY = ...`), no equivalent";
pub const OUTSIDE: &str = "lines outside any block";
pub const REVERSED: &str = "lines with a reverse-only code `[:b]` (frame `tgt<src`)";
pub const SLASHED_MEMBER: &str =
    "synonym-set members with `/` (left out: `/` separates alternatives)";
pub const MULTIWORD_MEMBER: &str =
    "synonym-set members of several words (left out of alternatives)";
pub const HYPHENATED: &str = "verbs of several words inflected on the last word, written with `-`";
pub const IRREGULAR_UNPLACED: &str = "verbs whose irregular forms cannot be told apart";
pub const IRREGULAR_CONFLICT: &str = "verbs listed again with other irregular forms (first kept)";

/// One line of `verbs.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbLine {
    pub pattern: String,
    pub event: String,
    pub mode: String,
    pub cameo: String,
    pub frame: &'static str,
    pub note: String,
    pub line: usize,
    /// The lemma and the rest, apart, for grouping conflicts in the summary.
    pub lemma: String,
    pub rest: String,
}

impl VerbLine {
    pub fn render(&self) -> String {
        crate::output::fields(&[
            &self.pattern,
            &self.event,
            &self.mode,
            &self.cameo,
            self.frame,
            &self.note,
        ])
    }
}

/// One line of `irregular.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Irregular {
    pub lemma: String,
    pub past: String,
    pub participle: String,
}

impl Irregular {
    pub fn render(&self) -> String {
        crate::output::fields(&[&self.lemma, &self.past, &self.participle])
    }
}

/// Synonym sets: label (capitals, without `&` and a trailing `_`) -> one-word members.
#[derive(Debug, Clone, Default)]
pub struct Synsets {
    map: BTreeMap<String, Vec<String>>,
}

impl Synsets {
    fn key(label: &str) -> String {
        label
            .trim()
            .trim_start_matches('&')
            .trim_end_matches('_')
            .to_uppercase()
    }

    pub fn get(&self, label: &str) -> Option<&[String]> {
        self.map.get(&Synsets::key(label)).map(Vec::as_slice)
    }
}

#[derive(Debug, Clone)]
struct Verb {
    line: usize,
    lemma: String,
    code: Option<String>,
    forms: Vec<Vec<String>>,
    words: Vec<String>,
}

#[derive(Debug, Clone)]
struct PatternLine {
    line: usize,
    text: String,
    code: Option<String>,
}

#[derive(Debug, Clone)]
struct Block {
    name: String,
    code: String,
    verbs: Vec<Verb>,
    patterns: Vec<PatternLine>,
}

/// What the parser is inside.
enum State {
    Nothing,
    Synset(String),
    Block,
}

/// The converted verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    pub verbs: Vec<VerbLine>,
    pub irregular: Vec<Irregular>,
    /// One line per pair of source lines whose patterns clashed, for the summary.
    pub conflicts: Vec<String>,
}

/// Two source lines whose patterns clashed: (kept line, kept code, dropped line, dropped
/// code, the pattern after the lemma).
type ConflictKey = (usize, String, usize, String, String);

/// Converts the verb dictionary; `tally` gets the verbs.txt counts, `irregular_tally` those of
/// irregular.txt.
pub fn convert(
    file: &SourceFile,
    crosswalk: &Crosswalk,
    tally: &mut Tally,
    irregular_tally: &mut Tally,
) -> Converted {
    let (synsets, blocks) = parse(file, tally);
    let name = file.name.as_str();
    let mut out = Converted::default();
    let mut dedup = Dedup::default();
    for block in &blocks {
        let ctx = Context {
            crosswalk,
            file: name,
            block,
        };
        for verb in &block.verbs {
            let code = verb.code.clone().unwrap_or_else(|| block.code.clone());
            if code.trim() == "---" {
                continue;
            }
            if let Some(line) = ctx.line(&verb.lemma, &[], &code, verb.line, tally) {
                dedup.emit(line, &mut out, name, tally);
            }
        }
        for p in &block.patterns {
            let Some(code) = &p.code else {
                tally.drop(MALFORMED, name, p.line, p.text.clone());
                continue;
            };
            let units = match convert_pattern(&p.text, &synsets) {
                Ok(u) => u,
                Err(reason) => {
                    tally.drop(reason, name, p.line, p.text.clone());
                    continue;
                }
            };
            let Some(probe) = block.verbs.first() else {
                continue;
            };
            // Check the code once per pattern line, so the counts are per line.
            if ctx
                .line(&probe.lemma, &units, code, p.line, tally)
                .is_none()
            {
                continue;
            }
            for verb in &block.verbs {
                let mut quiet = Tally::default();
                if let Some(line) = ctx.line(&verb.lemma, &units, code, p.line, &mut quiet) {
                    dedup.emit(line, &mut out, name, tally);
                }
            }
        }
    }
    for ((kl, kn, dl, dn, rest), lemmas) in dedup.clashes {
        let what = if rest.is_empty() {
            "the verb alone".to_string()
        } else {
            format!("`* {rest}`")
        };
        let shown: Vec<&str> = lemmas.iter().take(4).map(String::as_str).collect();
        let more = if lemmas.len() > 4 {
            format!(" and {} more", lemmas.len() - 4)
        } else {
            String::new()
        };
        out.conflicts.push(format!(
            "{name}: {what}: kept line {kl} ({kn}) over line {dl} ({dn}) for {}{more}",
            shown.join(", ")
        ));
    }
    out.irregular = irregulars(&blocks, name, irregular_tally);
    out
}

/// Keeps one line per pattern (module docs) and remembers the clashes.
#[derive(Default)]
struct Dedup {
    index: BTreeMap<String, usize>,
    clashes: BTreeMap<ConflictKey, Vec<String>>,
}

impl Dedup {
    fn emit(&mut self, line: VerbLine, out: &mut Converted, file: &str, tally: &mut Tally) {
        match self.index.get(&line.pattern) {
            None => {
                self.index.insert(line.pattern.clone(), out.verbs.len());
                out.verbs.push(line);
            }
            Some(&i) if out.verbs[i].cameo == line.cameo => {
                tally.drop(DUPLICATE, file, line.line, line.pattern);
            }
            Some(&i) => {
                let old = &out.verbs[i];
                let (kept, dropped) = if specificity(&line.cameo) > specificity(&old.cameo) {
                    (line, old.clone())
                } else {
                    (old.clone(), line)
                };
                let detail = format!(
                    "`{}`: kept {} (line {}), dropped {} (line {})",
                    kept.pattern, kept.cameo, kept.line, dropped.cameo, dropped.line
                );
                tally.drop(CONFLICT, file, dropped.line, detail);
                let key = (
                    kept.line,
                    kept.note.clone(),
                    dropped.line,
                    dropped.note.clone(),
                    kept.rest.clone(),
                );
                self.clashes
                    .entry(key)
                    .or_default()
                    .push(kept.lemma.clone());
                out.verbs[i] = kept;
            }
        }
    }
}

/// What a line needs besides its words: the crosswalk, and the file and block it is from.
struct Context<'a> {
    crosswalk: &'a Crosswalk,
    file: &'a str,
    block: &'a Block,
}

/// How specific a CAMEO code is: more digits first, then a code not ending in 0.
fn specificity(code: &str) -> (usize, bool) {
    (code.len(), !code.ends_with('0'))
}

impl Context<'_> {
    /// The line for `lemma` and `units` with `code`, or `None` (counted in `tally`).
    fn line(
        &self,
        lemma: &str,
        units: &[Vec<Vec<String>>],
        code: &str,
        line: usize,
        tally: &mut Tally,
    ) -> Option<VerbLine> {
        let (file, block) = (self.file, self.block);
        let (cameo, reversed) = match parse_code(code) {
            Ok(c) => c,
            Err(reason) => {
                tally.drop(reason, file, line, format!("{lemma} [{code}]"));
                return None;
            }
        };
        let Some(plover) = self.crosswalk.get(&cameo) else {
            tally.drop(NO_PLOVER, file, line, format!("{lemma} [{code}]"));
            return None;
        };
        let mut rest = String::new();
        for unit in units {
            for (i, alts) in unit.iter().enumerate() {
                rest.push(' ');
                if i == 0 {
                    rest.push_str(&format!("{{{}}}", alts.join("/")));
                } else {
                    rest.push_str(&alts.join("/"));
                }
            }
        }
        let pattern = format!("{lemma}{rest}");
        let rest = rest.trim_start().to_string();
        if let Err(why) = check_pattern(&pattern) {
            tally.drop(BAD_CHARS, file, line, format!("{pattern}: {why}"));
            return None;
        }
        let frame = if reversed {
            tally.note(REVERSED, file, line, pattern.clone());
            "tgt<src"
        } else if units.is_empty() && matches!(plover.event.as_str(), "MOBILIZE" | "PROTEST") {
            "src"
        } else {
            "src>tgt?"
        };
        let note = if reversed {
            format!("cameo {cameo} {}, reversed", block.name)
        } else {
            format!("cameo {cameo} {}", block.name)
        };
        Some(VerbLine {
            pattern,
            event: plover.event.clone(),
            mode: plover.mode.clone(),
            cameo,
            frame,
            note,
            line,
            lemma: lemma.to_string(),
            rest,
        })
    }
}

/// `042:043` -> (`042`, false); `:173` -> (`173`, true); `---` and junk are errors.
fn parse_code(raw: &str) -> Result<(String, bool), &'static str> {
    let raw = raw.trim().trim_end_matches('!');
    let (first, second) = match raw.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (raw, None),
    };
    let (code, reversed) = match (first, second) {
        ("", Some(b)) => (b, true),
        (a, _) => (a, false),
    };
    if code.chars().all(|c| c == '-') {
        return Err(NULL_CODE);
    }
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MALFORMED_CODE);
    }
    Ok((code.to_string(), reversed))
}

/// The checks entente's pattern parser makes, and the characters this converter allows.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    for (i, word) in pattern.split(' ').enumerate() {
        let (near, body) = match word.strip_prefix('{') {
            Some(inner) => (true, inner.strip_suffix('}').ok_or("unclosed `{`")?),
            None => (false, word),
        };
        if near && i == 0 {
            return Err("starts with `{`".into());
        }
        for alt in body.split('/') {
            if alt.is_empty() {
                return Err(format!("`{word}` has an empty alternative"));
            }
            if !alt
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '\'' | '.'))
            {
                return Err(format!(
                    "`{alt}` has a character other than lower-case letters, digits, `-`, `'`, `.`"
                ));
            }
        }
    }
    Ok(())
}

fn parse(file: &SourceFile, tally: &mut Tally) -> (Synsets, Vec<Block>) {
    let mut synsets = Synsets::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut state = State::Nothing;
    let name = file.name.as_str();
    for line in &file.lines {
        let Some(text) = &line.text else { continue };
        let content = text.split('#').next().unwrap_or("");
        let trimmed = content.trim();
        if trimmed.is_empty() {
            continue;
        }
        let n = line.number;
        if trimmed.starts_with('~') {
            tally.drop(TRANSFORMATION, name, n, trimmed);
        } else if trimmed.starts_with("---") {
            let inner = trimmed.trim_matches('-').trim();
            let (bname, code) = match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if a < b => (inner[..a].trim(), inner[a + 1..b].trim()),
                _ => (inner, "---"),
            };
            blocks.push(Block {
                name: bname.to_string(),
                code: code.to_string(),
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            state = State::Block;
        } else if let Some(label) = trimmed.strip_prefix('&') {
            let key = Synsets::key(label);
            synsets.map.entry(key.clone()).or_default();
            state = State::Synset(key);
        } else if let Some(rest) = trimmed.strip_prefix('-') {
            match (&state, blocks.last_mut()) {
                (State::Block, Some(block)) => {
                    let (text, code) = match (rest.rfind('['), rest.rfind(']')) {
                        (Some(a), Some(b)) if a < b => {
                            (rest[..a].trim(), Some(rest[a + 1..b].trim().to_string()))
                        }
                        _ => (rest.trim(), None),
                    };
                    block.patterns.push(PatternLine {
                        line: n,
                        text: text.to_string(),
                        code,
                    });
                }
                _ => tally.drop(OUTSIDE, name, n, trimmed),
            }
        } else if let (State::Synset(key), Some(member)) = (&state, trimmed.strip_prefix('+')) {
            let ws = crate::names::words(member.trim_end_matches('_'));
            match ws.as_slice() {
                [w] if w.contains('/') => tally.note(SLASHED_MEMBER, name, n, member.trim()),
                [w] => {
                    let w = w.to_lowercase();
                    let list = synsets.map.entry(key.clone()).or_default();
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
                _ => tally.note(MULTIWORD_MEMBER, name, n, member.trim()),
            }
        } else if let (State::Block, Some(block)) = (&state, blocks.last_mut()) {
            match parse_verb(trimmed, n) {
                Some((verb, hyphenated)) => {
                    if hyphenated {
                        tally.note(HYPHENATED, name, n, verb.lemma.clone());
                    }
                    match block.verbs.iter_mut().find(|v| v.lemma == verb.lemma) {
                        Some(v) => {
                            v.forms.extend(verb.forms);
                            if v.code.is_none() {
                                v.code = verb.code;
                            }
                        }
                        None => block.verbs.push(verb),
                    }
                }
                None => tally.drop(BAD_VERB, name, n, trimmed),
            }
        } else {
            tally.drop(OUTSIDE, name, n, trimmed);
        }
    }
    (synsets, blocks)
}

/// A verb line; the flag says the lemma was hyphenated (`wire-tap`).
fn parse_verb(text: &str, line: usize) -> Option<(Verb, bool)> {
    let text = text.trim_start_matches('+');
    let cut = text.find(['{', '[']).unwrap_or(text.len());
    let words: Vec<String> = crate::names::words(&text[..cut])
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        return None;
    }
    let forms: Vec<Vec<String>> = match (text.find('{'), text.find('}')) {
        (Some(a), Some(b)) if a < b => text[a + 1..b]
            .split([' ', ',', '\t'])
            .map(|f| f.trim().trim_start_matches('+'))
            .filter(|f| !f.is_empty())
            .map(|f| {
                crate::names::words(f)
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    };
    let code = match (text.find('['), text.find(']')) {
        (Some(a), Some(b)) if a < b => Some(text[a + 1..b].trim().to_string()),
        _ => None,
    };
    // `WIRE_TAP {WIRE_TAPS WIRE_TAPPED}`: the last word inflects, which entente's head-first
    // inflection can only do for one hyphenated word.
    let last_inflects = words.len() > 1
        && !forms.is_empty()
        && forms.iter().all(|f| {
            f.len() == words.len()
                && f[..f.len() - 1] == words[..words.len() - 1]
                && f.last() != words.last()
        });
    let lemma = if last_inflects {
        words.join("-")
    } else {
        words.join(" ")
    };
    if check_pattern(&lemma).is_err() {
        return None;
    }
    Some((
        Verb {
            line,
            lemma,
            code,
            forms,
            words,
        },
        last_inflects,
    ))
}

/// Tokens of a pattern's object side: brackets, markers, words.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}') {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A pattern's object side -> units (runs of words that follow each other), each word a
/// list of alternatives; `Err` is the drop reason.
fn convert_pattern(text: &str, synsets: &Synsets) -> Result<Vec<Vec<Vec<String>>>, &'static str> {
    let star = text.find('*').ok_or(NO_STAR)?;
    let before = &text[..star];
    if before.split_whitespace().any(|t| t != "$") {
        return Err(SUBJECT_SIDE);
    }
    let mut units: Vec<Vec<Vec<String>>> = Vec::new();
    let mut depth = 0usize;
    let mut group: Vec<Vec<String>> = Vec::new();
    for tok in tokens(&text[star + 1..]) {
        match tok.as_str() {
            "(" | "{" => depth += 1,
            ")" | "}" => {
                depth = depth.checked_sub(1).ok_or(MALFORMED)?;
                if depth == 0 && !group.is_empty() {
                    units.push(std::mem::take(&mut group));
                }
            }
            "+" | "^" => {}
            "$" => return Err(SOURCE_AFTER),
            "%" => return Err(COMPOUND),
            _ if tok.contains('*') => return Err(MALFORMED),
            _ => {
                let items = items_of(&tok, synsets)?;
                if depth == 0 {
                    if !items.is_empty() {
                        units.push(items);
                    }
                } else {
                    group.extend(items);
                }
            }
        }
    }
    if depth != 0 {
        return Err(MALFORMED);
    }
    Ok(units)
}

/// One token: `&SET`, `A/B`, or `A_B` (several items).
fn items_of(tok: &str, synsets: &Synsets) -> Result<Vec<Vec<String>>, &'static str> {
    if tok.starts_with('&') {
        let members = synsets.get(tok).ok_or(UNDEFINED_SYNSET)?;
        if members.is_empty() {
            return Err(EMPTY_SYNSET);
        }
        return Ok(vec![members.to_vec()]);
    }
    let mut items = Vec::new();
    for part in tok.split('_').filter(|p| !p.is_empty()) {
        if part.starts_with('&') {
            items.extend(items_of(part, synsets)?);
            continue;
        }
        let alts: Vec<String> = part.split('/').map(|a| a.to_lowercase()).collect();
        let ok = alts.iter().all(|a| {
            !a.is_empty()
                && a.chars().all(|c| {
                    c.is_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '\'' | '.')
                })
        });
        if !ok {
            return Err(BAD_CHARS);
        }
        items.push(alts);
    }
    Ok(items)
}

/// Irregular forms (module docs).
fn irregulars(blocks: &[Block], file: &str, tally: &mut Tally) -> Vec<Irregular> {
    let mut out: Vec<Irregular> = Vec::new();
    for verb in blocks.iter().flat_map(|b| &b.verbs) {
        if verb.forms.is_empty() {
            continue;
        }
        // Head-inflected forms only: the tail words must be the lemma's.
        let tail = &verb.words[1..];
        let heads: Vec<&str> = verb
            .forms
            .iter()
            .filter(|f| f.len() == verb.words.len() && &f[1..] == tail)
            .map(|f| f[0].as_str())
            .collect();
        let lemma = verb.words[0].as_str();
        let pasts = regular_pasts(lemma);
        let has_regular_past = heads.iter().any(|h| pasts.contains(&h.to_string()));
        let mut rest: Vec<&str> = heads
            .iter()
            .copied()
            .filter(|h| {
                *h != lemma
                    && !h.ends_with("ing")
                    && !regular_thirds(lemma).contains(&h.to_string())
            })
            .filter(|h| !pasts.contains(&h.to_string()))
            .collect();
        rest.sort();
        rest.dedup();
        let placed = match rest.as_slice() {
            [] => continue,
            [a, b] if participle_like(a) != participle_like(b) => {
                let (past, part) = if participle_like(a) { (b, a) } else { (a, b) };
                Some((past.to_string(), part.to_string()))
            }
            [p] if participle_like(p) && has_regular_past => {
                let past = heads
                    .iter()
                    .find(|h| pasts.contains(&h.to_string()))
                    .map(|h| h.to_string());
                past.map(|past| (past, p.to_string()))
            }
            _ => None,
        };
        let Some((past, participle)) = placed else {
            tally.drop(
                IRREGULAR_UNPLACED,
                file,
                verb.line,
                format!("{} {{{}}}", verb.lemma, rest.join(" ")),
            );
            continue;
        };
        let new = Irregular {
            lemma: lemma.to_string(),
            past,
            participle,
        };
        match out.iter().find(|i| i.lemma == new.lemma) {
            Some(old) if *old == new => {}
            Some(_) => tally.drop(IRREGULAR_CONFLICT, file, verb.line, new.render()),
            None => out.push(new),
        }
    }
    out
}

/// Participles of strong verbs end in "n" or "ne" (grown, undergone).
fn participle_like(form: &str) -> bool {
    form.ends_with('n') || form.ends_with("ne")
}

fn consonant_before(word: &str, suffix: char) -> bool {
    let b = word.as_bytes();
    word.ends_with(suffix) && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2])
}

fn regular_pasts(lemma: &str) -> Vec<String> {
    let mut v = vec![format!("{lemma}ed")];
    if lemma.ends_with('e') {
        v.push(format!("{lemma}d"));
    }
    if consonant_before(lemma, 'y') {
        v.push(format!("{}ied", &lemma[..lemma.len() - 1]));
    }
    if let Some(last) = lemma.chars().last() {
        v.push(format!("{lemma}{last}ed"));
    }
    v
}

fn regular_thirds(lemma: &str) -> Vec<String> {
    let mut v = vec![format!("{lemma}s"), format!("{lemma}es")];
    if consonant_before(lemma, 'y') {
        v.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn crosswalk() -> Crosswalk {
        Crosswalk::parse(
            Path::new("c.csv"),
            "cameo_code,plover_event,plover_mode\n042,CONSULT,visit\n043,CONSULT,visit\n070,AID,\n\
             073,AID,\n141,PROTEST,demo\n154,MOBILIZE,troops\n173,COERCE,arrest\n1722,COERCE,ban\n",
        )
        .unwrap()
    }

    fn run(text: &str) -> (Converted, Tally) {
        let mut t = Tally::default();
        let mut it = Tally::default();
        let f = SourceFile::decode("CAMEO.txt", text.as_bytes(), &mut t);
        let c = convert(&f, &crosswalk(), &mut t, &mut it);
        (c, t)
    }

    fn lines(c: &Converted) -> Vec<String> {
        let mut v: Vec<String> = c.verbs.iter().map(VerbLine::render).collect();
        v.sort();
        v
    }

    #[test]
    fn a_block_with_a_synonym_set_and_patterns() {
        let (c, t) = run("&FOOD\n+FOOD\n+RICE_\n+BABY FORMULA\n\n\
             ---  ACCELERATE   [---]  ---\n\
             RUSH\n\
             SPEED {SPEEDING SPEEDS SPED }\n\
             - * &FOOD                 [073]   # RUSH\n\
             - * POLICE (TO BORDER)    [154]   # RUSH\n\
             - * (TO)                  [042:043]\n\
             - &MILITARY *             [154]\n\
             - * (BEFORE COURT)        [:173]\n\
             - * (TO {BANNED PARTIES}) $ [1722]\n\
             - * {RELIEF ASSISTANCE}   [010]\n");
        assert_eq!(
            lines(&c),
            [
                "rush {before} court | COERCE | arrest | 173 | tgt<src | cameo 173 ACCELERATE, reversed",
                "rush {food/rice} | AID |  | 073 | src>tgt? | cameo 073 ACCELERATE",
                "rush {police} {to} border | MOBILIZE | troops | 154 | src>tgt? | cameo 154 ACCELERATE",
                "rush {to} | CONSULT | visit | 042 | src>tgt? | cameo 042 ACCELERATE",
                "speed {before} court | COERCE | arrest | 173 | tgt<src | cameo 173 ACCELERATE, reversed",
                "speed {food/rice} | AID |  | 073 | src>tgt? | cameo 073 ACCELERATE",
                "speed {police} {to} border | MOBILIZE | troops | 154 | src>tgt? | cameo 154 ACCELERATE",
                "speed {to} | CONSULT | visit | 042 | src>tgt? | cameo 042 ACCELERATE",
            ]
        );
        assert_eq!(t.dropped(SUBJECT_SIDE), 1);
        assert_eq!(t.dropped(SOURCE_AFTER), 1);
        assert_eq!(t.dropped(NO_PLOVER), 1);
        assert_eq!(t.noted(MULTIWORD_MEMBER), 1);
    }

    #[test]
    fn verb_codes_frames_and_conflicts() {
        let (c, t) = run("---  DEMONSTRATE   [141]  ---\n\
             DEMONSTRATE\n\
             RALLY [---]\n\
             - * (IN SUPPORT)    [141]\n\
             ---  HELP   [070]  ---\n\
             +ASK_FOR {+ASKED_FOR +ASKING_FOR} [073]\n\
             DEMONSTRATE\n");
        assert_eq!(
            lines(&c),
            [
                "ask for | AID |  | 073 | src>tgt? | cameo 073 HELP",
                "demonstrate {in} support | PROTEST | demo | 141 | src>tgt? | cameo 141 DEMONSTRATE",
                "demonstrate | PROTEST | demo | 141 | src | cameo 141 DEMONSTRATE",
                "rally {in} support | PROTEST | demo | 141 | src>tgt? | cameo 141 DEMONSTRATE",
            ]
        );
        assert_eq!(t.dropped(CONFLICT), 1);
        assert_eq!(c.conflicts.len(), 1);
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("042:043"), Ok(("042".into(), false)));
        assert_eq!(parse_code(":173"), Ok(("173".into(), true)));
        assert_eq!(parse_code("080!"), Ok(("080".into(), false)));
        assert_eq!(parse_code("---"), Err(NULL_CODE));
        assert_eq!(parse_code("abc"), Err(MALFORMED_CODE));
    }

    #[test]
    fn irregular_forms_when_they_can_be_told_apart() {
        let mut it = Tally::default();
        let mut t = Tally::default();
        let f = SourceFile::decode(
            "CAMEO.txt",
            b"--- X [---] ---\nGROW {GROWS GROWING GREW GROWN }\nSHOW {SHOWS SHOWING SHOWED SHOWN }\n\
              SPEED {SPEEDING SPEEDS SPED }\nDEFY {DEFYING DEFIED DEFIES }\n\
              +TAKE_LEAVE {+TAKES_LEAVE +TAKING_LEAVE +TOOK_LEAVE +TAKEN_LEAVE }\n\
              +WIRE_TAP {+WIRE_TAPS +WIRE_TAPPED +WIRE_TAPPING }\n",
            &mut t,
        );
        let c = convert(&f, &crosswalk(), &mut t, &mut it);
        let got: Vec<String> = c.irregular.iter().map(Irregular::render).collect();
        assert_eq!(
            got,
            [
                "grow | grew | grown",
                "show | showed | shown",
                "take | took | taken"
            ]
        );
        assert_eq!(it.dropped(IRREGULAR_UNPLACED), 1);
        assert_eq!(t.noted(HYPHENATED), 1);
    }

    #[test]
    fn patterns_pass_entente_checks() {
        assert!(check_pattern("rush {police} {to} border").is_ok());
        assert!(check_pattern("{x} rush").is_err());
        assert!(check_pattern("rush {Police}").is_err());
        assert!(check_pattern("rush {a//b}").is_err());
    }
}
