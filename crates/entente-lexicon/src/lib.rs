//! entente-lexicon: see ARCHITECTURE.md.
