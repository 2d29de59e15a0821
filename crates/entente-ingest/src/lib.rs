//! entente-ingest: see ARCHITECTURE.md.
