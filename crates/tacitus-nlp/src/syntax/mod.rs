//! Tagging, lemmatization and dependency parsing (placeholder until the trained models land).
