//! A PETRARCH-compatible event coder for tacitus.
//!
//! It reads the dictionaries research groups keep in PETRARCH/TABARI formats (through
//! [`tacitus_dict::petrarch`]), builds a phrase view of a sentence — noun phrases with their
//! actor codes and verbs with the words before (upper) and after (lower) them — from either a
//! Penn Treebank parse ([`tree::Tree::parse_penn`]) or a dependency-parsed
//! [`tacitus_doc::Document`] ([`deptree`]), and matches the verb patterns against it.
//!
//! Main types: [`Dictionaries`] (a loaded set), [`Coder`] (dictionaries + [`Config`]),
//! [`CodedEvent`]; [`validate`] runs PETRARCH validation records.
//!
//! ```no_run
//! # fn main() -> tacitus_petrarch::Result<()> {
//! let coder = tacitus_petrarch::Coder::from_dir(std::path::Path::new("dictionaries"))?;
//! let mut doc = tacitus_doc::Document::new("d", "Arnor left for Gondor.", None);
//! // ... after the tagger/parser filled doc.syntax:
//! coder.code(&mut doc);
//! # Ok(()) }
//! ```

pub mod coder;
pub mod deptree;
pub mod dicts;
pub mod document;
mod matcher;
mod nps;
pub mod records;
pub mod tree;
pub mod validate;

pub use coder::{CodedEvent, Coder, Config, PairMode};
pub use dicts::Dictionaries;

/// Errors of the PETRARCH coder.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dictionary could not be loaded.
    #[error(transparent)]
    Dictionary(#[from] tacitus_dict::petrarch::PetrarchError),
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A Treebank parse or a records file is malformed.
    #[error("{file}:{line}: {message}")]
    Parse { file: String, line: usize, message: String },
    /// A dictionary directory lacks a file the configuration names.
    #[error("{0}")]
    Missing(String),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, Error>;
