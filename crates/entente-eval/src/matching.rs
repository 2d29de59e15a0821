//! One-to-one matching of a sentence's predicted events to its gold events.
//!
//! Each predicted/gold pair gets an agreement weight: 5 if the types agree, 2 if the source
//! codes agree, 2 if the target codes agree, 1 more if the types and the modalities agree. Pairs
//! are taken greedily, heaviest first (ties: the earlier gold event, then the earlier
//! prediction), each event used at most once; pairs that agree on nothing are never taken. The
//! weights make a full triple always win over a partial one, and the type count first because
//! an event of the wrong type is a different event, whoever its actors are.

use entente_model::{Event, EventType, Modality};

use crate::codes::normalize;
use crate::gold::GoldEvent;

/// An event reduced to what is scored: codes normalized, sorted and de-duplicated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Coded {
    pub event: EventType,
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub modality: Option<Modality>,
}

impl Coded {
    pub fn from_event(e: &Event) -> Coded {
        let codes = |actors: &[entente_model::ActorRef]| {
            let mut v: Vec<String> = actors.iter().map(|a| normalize(a.code_str())).collect();
            v.sort();
            v.dedup();
            v
        };
        Coded {
            event: e.event,
            source: codes(&e.source),
            target: codes(&e.target),
            modality: Some(e.modality),
        }
    }

    pub fn from_gold(g: &GoldEvent) -> Coded {
        let norm = |codes: &[String]| {
            let mut v: Vec<String> = codes.iter().map(|c| normalize(c)).collect();
            v.sort();
            v.dedup();
            v
        };
        Coded {
            event: g.event,
            source: norm(&g.source),
            target: norm(&g.target),
            modality: g.modality,
        }
    }

    /// "Russia and North Korea signed a pact": several sources, no target.
    fn is_reciprocal(&self) -> bool {
        self.target.is_empty() && self.source.len() >= 2
    }

    fn all_actors(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .source
            .iter()
            .chain(&self.target)
            .map(String::as_str)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// A compact rendering for error listings: `PRK,RUS -AGREE-> (none) [asserted]`.
    pub fn render(&self) -> String {
        let side = |v: &[String]| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                v.join(",")
            }
        };
        let modality = self.modality.map(|m| format!(" [{m}]")).unwrap_or_default();
        format!(
            "{} -{}-> {}{modality}",
            side(&self.source),
            self.event,
            side(&self.target)
        )
    }
}

/// Which parts of a matched pair agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Agreement {
    pub event_type: bool,
    pub source: bool,
    pub target: bool,
    /// Types agree and the gold modality is annotated and equal.
    pub modality: bool,
}

impl Agreement {
    pub fn of(predicted: &Coded, gold: &Coded) -> Agreement {
        let (source, target) = actors_agree(predicted, gold);
        let event_type = predicted.event == gold.event;
        Agreement {
            event_type,
            source,
            target,
            modality: event_type && gold.modality.is_some() && predicted.modality == gold.modality,
        }
    }

    pub fn triple(self) -> bool {
        self.event_type && self.source && self.target
    }

    fn weight(self) -> u8 {
        5 * u8::from(self.event_type)
            + 2 * u8::from(self.source)
            + 2 * u8::from(self.target)
            + u8::from(self.modality)
    }
}

/// Source and target agree when their code sets are equal (an empty gold target matches an
/// empty predicted target). A reciprocal event may be written with both actors as sources or
/// with one on each side (docs/PRODUCT.md allows both), so when either event is reciprocal, the
/// two agree on source and target if they name the same actors altogether.
fn actors_agree(predicted: &Coded, gold: &Coded) -> (bool, bool) {
    let source = predicted.source == gold.source;
    let target = predicted.target == gold.target;
    if source && target {
        return (true, true);
    }
    if (predicted.is_reciprocal() || gold.is_reciprocal())
        && predicted.all_actors() == gold.all_actors()
    {
        return (true, true);
    }
    (source, target)
}

/// The greedy one-to-one matching: `(gold index, predicted index, agreement)` triples, sorted
/// by gold index.
pub(crate) fn match_events(predicted: &[Coded], gold: &[Coded]) -> Vec<(usize, usize, Agreement)> {
    let mut pairs: Vec<(u8, usize, usize, Agreement)> = Vec::new();
    for (g, gold_event) in gold.iter().enumerate() {
        for (p, predicted_event) in predicted.iter().enumerate() {
            let agreement = Agreement::of(predicted_event, gold_event);
            let weight = agreement.weight();
            if weight > 0 {
                pairs.push((weight, g, p, agreement));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut predicted_used = vec![false; predicted.len()];
    let mut matched = Vec::new();
    for (_, g, p, agreement) in pairs {
        if !gold_used[g] && !predicted_used[p] {
            gold_used[g] = true;
            predicted_used[p] = true;
            matched.push((g, p, agreement));
        }
    }
    matched.sort_by_key(|&(g, _, _)| g);
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(source: &[&str], event: EventType, target: &[&str]) -> Coded {
        Coded {
            event,
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            modality: None,
        }
    }

    #[test]
    fn full_triple_beats_partial_agreement() {
        let gold = [coded(&["PRK"], EventType::Aid, &["RUS"])];
        let predicted = [
            coded(&["PRK"], EventType::Aid, &["UKR"]),
            coded(&["PRK"], EventType::Aid, &["RUS"]),
        ];
        let m = match_events(&predicted, &gold);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].0, m[0].1), (0, 1));
        assert!(m[0].2.triple());
    }

    #[test]
    fn type_outweighs_both_actors() {
        let gold = [coded(&["PRK"], EventType::Aid, &["RUS"])];
        let predicted = [
            coded(&["PRK"], EventType::Sanction, &["RUS"]),
            coded(&["USA"], EventType::Aid, &["CHN"]),
        ];
        let m = match_events(&predicted, &gold);
        assert_eq!((m[0].1, m[0].2.event_type), (1, true));
    }

    #[test]
    fn reciprocal_forms_agree() {
        let gold = coded(&["PRK", "RUS"], EventType::Agree, &[]);
        let one_each_side = coded(&["RUS"], EventType::Agree, &["PRK"]);
        assert!(Agreement::of(&one_each_side, &gold).triple());
        let other = coded(&["RUS"], EventType::Agree, &["CHN"]);
        assert!(!Agreement::of(&other, &gold).triple());
    }

    #[test]
    fn nothing_in_common_is_not_matched() {
        let gold = [coded(&["PRK"], EventType::Aid, &["RUS"])];
        let predicted = [coded(&["USA"], EventType::Sanction, &["CHN"])];
        assert!(match_events(&predicted, &gold).is_empty());
    }
}
