//! entente-graph: see ARCHITECTURE.md.
