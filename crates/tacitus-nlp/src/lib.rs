//! Natural-language analysis for English news: sentence splitting and tokenization
//! ([`segment`]), part-of-speech tagging, lemmatization and dependency parsing ([`syntax`]).
//!
//! Every stage fills layers of a [`tacitus_doc::Document`].

pub mod segment;
pub mod syntax;
