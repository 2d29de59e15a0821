//! entente-coder: from a segmented article to PLOVER events, with modality, dates and
//! evidence.
//!
//! The steps for each sentence of the body and of the captions (never of other
//! boilerplate):
//!
//! 1. find the actors (the lexicon's actor matcher) and join them into compound actors
//!    ("Russia and North Korea") — [`sentence`];
//! 2. find the triggers (`events/verbs.txt`, `events/nouns.txt`) and keep the longest,
//!    non-overlapping ones — `select.rs`;
//! 3. find source and target by structure: subject before the trigger, object or
//!    prepositional recipient after it, passive "by X", a noun's possessive, "between X
//!    and Y" — [`roles`];
//! 4. decide the modality from the cues of `events/modality.txt` — [`modality`]; a
//!    stated intention becomes its own event (AGREE, THREATEN, REJECT) — [`intent`];
//! 5. resolve the date from the sentence against the article's date — [`dates`];
//! 6. build the public event record and merge repeats within the article — `record.rs`.
//!
//! `Coder::explain` runs the same steps and keeps the account of each decision.
//!
//! ```
//! use entente_coder::Coder;
//! use entente_lexicon::Lexicon;
//!
//! let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
//! let coder = Coder::new(&lexicon);
//! let (text, paragraphs) =
//!     entente_ingest::normalize::join_paragraphs(&["Russia imposed sanctions on Ukraine."]);
//! let doc = entente_ingest::segment(entente_model::Article::new(text, paragraphs));
//! let events = coder.code(&doc);
//! assert_eq!(events[0].event.as_str(), "SANCTION");
//! assert_eq!(events[0].source[0].code_str(), "RUS");
//! ```

mod actors;
mod domain;
mod explain;
pub(crate) mod intent;
pub(crate) mod modality;
mod pronoun;
mod record;
pub(crate) mod roles;
mod select;
mod sense;
pub(crate) mod sentence;
mod words;

pub use explain::{ActorNote, CandidateNote, Explanation, SentenceExplanation, TriggerNote};

use std::collections::HashMap;

use entente_lexicon::Lexicon;
use entente_model::{ArticleDate, DateBasis, Doc, Event, Genre, Section};

use entente_model::dates::DateResolver;
use record::Collector;
use sentence::Analysis;

/// The name stamped on every event this coder produces.
pub const CODER: &str = "rules.v1";

/// The rule-based event coder. Cheap to build; share one per lexicon.
pub struct Coder<'a> {
    pub(crate) lexicon: &'a Lexicon,
    pub(crate) dates: DateResolver,
    digest: String,
}

impl<'a> Coder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Coder {
            lexicon,
            dates: DateResolver::new(),
            digest: lexicon.digest().to_string(),
        }
    }

    /// All events of a segmented article, body and captions (never other boilerplate),
    /// deduplicated within the article (same source, target, type, modality and date ->
    /// one event with its `mentions` count).
    pub fn code(&self, doc: &Doc) -> Vec<Event> {
        self.run(doc, None)
    }

    /// The step-by-step account of how `code` treats the article.
    pub fn explain(&self, doc: &Doc) -> Explanation {
        let mut explanation = Explanation {
            article_id: doc.article.id.to_string(),
            genre: doc.article.genre.to_string(),
            reference_date: None,
            sentences: Vec::new(),
        };
        self.run(doc, Some(&mut explanation));
        explanation
    }

    fn run(&self, doc: &Doc, mut trace: Option<&mut Explanation>) -> Vec<Event> {
        let strict = matches!(doc.article.genre, Genre::Commentary | Genre::Analysis);
        let reference = self.reference_date(doc);
        if let Some(t) = trace.as_deref_mut() {
            t.reference_date = reference.map(|r| {
                format!(
                    "{} ({})",
                    r.date,
                    serde_json::to_value(r.basis)
                        .unwrap_or_default()
                        .as_str()
                        .unwrap_or("")
                )
            });
        }
        // A sports report names teams by their states ("Namibia v Botswana"): nothing in
        // it is an event between states.
        let sports = domain::is_sports_report(doc, self.lexicon.triggers.domain());
        if sports && trace.is_none() {
            return Vec::new();
        }
        let mut memory = actors::Memory::new();
        let mut collector = Collector::new(doc, &self.digest);
        // The previous body sentence's subject, for a sentence that opens with "He" or "It".
        let mut previous: Option<pronoun::Antecedent> = None;
        for sentence in &doc.sentences {
            let (label, caption_date) = match sentence.section {
                Section::Body => ("body", None),
                Section::Boilerplate(i) => {
                    let piece = &doc.article.boilerplate[i as usize];
                    if !piece.kind.is_codable() {
                        continue;
                    }
                    ("caption", piece.date.clone())
                }
            };
            let mut a = Analysis::new(doc, sentence, &self.lexicon.grammar);
            let mut found =
                actors::find(self.lexicon, a.text, reference.map(|r| r.date), &mut memory);
            let body = sentence.section == Section::Body;
            if let Some(p) = previous.as_ref().filter(|_| body) {
                if !found.iter().any(|f| f.0 == 0) {
                    found.extend(
                        pronoun::mention(&a, p)
                            .or_else(|| pronoun::office_mention(&a, p, self.lexicon)),
                    );
                }
            }
            let words = a.words();
            let matches = self.lexicon.triggers.find(&words);
            drop(words);
            if matches.is_empty() && trace.is_none() {
                // No event here, but the sentence may still be who the next one speaks of.
                if !body {
                } else if !found.is_empty() {
                    a.set_mentions(found);
                    a.drop_non_political(self.lexicon.triggers.domain());
                    previous = pronoun::subject_of(&a);
                } else if !pronoun::opens_with_pronoun(&a) {
                    previous = None;
                }
                continue;
            }
            a.set_mentions(found);
            a.set_verbs(|w| self.lexicon.triggers.is_verb_form(w));
            a.drop_non_political(self.lexicon.triggers.domain());
            a.code_domestic_parties();
            if body {
                previous = pronoun::subject_of(&a);
            }
            let context = record::SentenceContext {
                section: sentence.section,
                label,
                caption_date,
                reference,
                strict,
                sports,
            };
            let note = collector.sentence(self, &a, &context, matches, trace.is_some());
            if let (Some(t), Some(note)) = (trace.as_deref_mut(), note) {
                t.sentences.push(note);
            }
        }
        collector.finish()
    }

    /// The date relative expressions resolve against: the article's own, else the latest
    /// date spelled out in full in its body or captions (flagged inferred).
    fn reference_date(&self, doc: &Doc) -> Option<ArticleDate> {
        if let Some(d) = doc.article.date {
            return Some(d);
        }
        let mut texts: Vec<&str> = vec![&doc.article.text];
        texts.extend(
            doc.article
                .boilerplate
                .iter()
                .filter(|b| b.kind.is_codable())
                .map(|b| b.text.as_str()),
        );
        let mut latest = texts
            .into_iter()
            .filter_map(|t| self.dates.latest_full_date(t))
            .max();
        for b in &doc.article.boilerplate {
            if let Some(d) = b.date.as_ref().and_then(|d| d.start()) {
                latest = latest.max(Some(d));
            }
        }
        latest.map(|date| ArticleDate {
            date,
            basis: DateBasis::Inferred,
        })
    }
}

/// Per-section character offset tables, built once per article on demand.
#[derive(Default)]
pub(crate) struct OffsetCache {
    tables: HashMap<Section, entente_model::CharOffsets>,
}

impl OffsetCache {
    pub fn chars(&mut self, doc: &Doc, section: Section, byte: usize) -> usize {
        self.tables
            .entry(section)
            .or_insert_with(|| entente_model::CharOffsets::new(doc.section_text(section)))
            .char_offset(byte)
    }
}
