//! entente-store: see ARCHITECTURE.md.
