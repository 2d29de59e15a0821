//! Alliance analytics over coded events: who cooperates with whom, who depends on whom, who
//! hedges between patrons, who is exposed to sanctions, and where relations jump.
//!
//! Every measure takes a slice of [`entente_model::Interaction`] (one directed tie of one
//! event) and a [`Window`] (dates and the modalities taken as fact: asserted and reported by
//! default), and returns a plain result struct that serializes with serde and renders as a
//! table. The measures are pure and deterministic: the same interactions, in any order, give
//! the same result byte for byte (intensities are summed as integer thousandths, and every
//! list is sorted with ties broken by name). The formulas are in `docs/ANALYTICS.md`.
//!
//! | question | function |
//! |---|---|
//! | what did A and B do to each other, period by period? | [`dyad`] |
//! | the signed network, and its exports | [`network`], [`to_graphml`], [`to_gexf`], [`to_dot`], [`edge_rows`] |
//! | which groups hold together? | [`blocs`] |
//! | who supplies A's material cooperation, whom does A supply? | [`dependence`] |
//! | is A shifting between partners? | [`hedging`] |
//! | is A tied to sanctioned actors, directly or through one step? | [`exposure`] |
//! | which dyads departed from their own history? | [`alerts`] |
//! | one real event told by many articles | [`merge_reports`] |
//! | formal alliances and memberships | [`Alignments`] |
//! | all of it for one actor, as Markdown or HTML | [`brief`] |
//!
//! ```
//! use chrono::NaiveDate;
//! use entente_graph::{dependence, Window};
//! use entente_model::{EventId, EventType, Interaction, Modality, QuadClass};
//!
//! let aid = |id: &str, from: &str, g: f32| Interaction {
//!     event_id: EventId::from_stored(id),
//!     source: from.to_string(),
//!     target: Some("PRK".to_string()),
//!     event: EventType::Aid,
//!     quad: QuadClass::MATERIAL_COOPERATION,
//!     intensity: g,
//!     modality: Modality::Asserted,
//!     date: NaiveDate::from_ymd_opt(2024, 6, 19).unwrap(),
//!     mentions: 1,
//! };
//! let ix = [aid("e1", "CHN", 6.0), aid("e2", "RUS", 2.0)];
//! let d = dependence(&ix, "PRK", &Window::default());
//! assert_eq!(d.suppliers[0].partner, "CHN");
//! assert_eq!(d.suppliers[0].share, 0.75);
//! assert_eq!(d.hhi, 0.625);
//! ```

mod alerts;
mod alignments;
mod blocs;
mod brief;
mod dependence;
mod dyad;
mod error;
mod export;
mod exposure;
mod hedging;
mod measure;
mod network;
mod reports;
mod sanctions;
mod svg;
pub mod synth;
mod table;
mod window;

pub use alerts::{alerts, alerts_table, Alert, Departure, MIN_HISTORY, SCALE_FLOOR};
pub use alignments::{Alignment, AlignmentKind, Alignments, Membership};
pub use blocs::{blocs, Bloc, Blocs, Tie};
pub use brief::{brief, Briefing, EvidenceEntry, Quote};
pub use dependence::{dependence, Client, Dependence, Supplier};
pub use dyad::{dyad, DyadRow, DyadTimeline};
pub use error::GraphError;
pub use export::{edge_rows, to_dot, to_gexf, to_graphml, EdgeRow};
pub use exposure::{exposure, Exposure, FirstOrder, SecondOrder, MAX_PATHS};
pub use hedging::{hedging, Change, Driver, Hedging, Portfolio, Share, Step};
pub use measure::{hhi, jensen_shannon, EventRef};
pub use network::{network, Edge, Network, Node};
pub use reports::merge_reports;
pub use sanctions::{Sanctioned, SanctionedSet};
pub use svg::{network_svg, timeline_svg};
pub use window::{Period, Window};
