//! entente-coder: see ARCHITECTURE.md.
