//! tacitus-store: the embedded SQLite event store.
//!
//! A [`Store`] keeps documents (id, content hash, metadata), their coded events (one row per
//! [`EventRecord`], the full record kept as JSON), canonical events that group the mentions of
//! the same real-world event across documents ([`dedup`]), and daily dyad aggregates kept up to
//! date at each write ([`Store::dyad_series`] rolls them up by day, ISO week or month).
//!
//! Writes are transactional per batch of documents: a document and all its events land
//! together or not at all, so an ingest killed at any moment resumes with nothing lost or
//! doubled. [`ingest::ingest`] runs the parallel pipeline (reader → coding workers → one
//! writer) around any coding function; [`export`] writes CSV, JSON Lines and Parquet.
//!
//! ```
//! use tacitus_store::{Store, DocMeta, CodedDoc, DedupConfig};
//! let mut store = Store::open_in_memory().unwrap();
//! let meta = DocMeta::new("d1", "Russia hosted talks.", "2022-10-31".parse().unwrap());
//! let doc = CodedDoc { meta, n_sentences: 1, events: vec![] };
//! store.write_batch(&[doc], &DedupConfig::default()).unwrap();
//! assert_eq!(store.counts().unwrap().documents, 1);
//! ```

pub mod dedup;
pub mod export;
pub mod ingest;
pub mod query;
mod schema;
mod store;

pub use dedup::DedupConfig;
pub use export::ExportFormat;
pub use ingest::{ingest, Incoming, IngestOptions, IngestStats, Reporter};
pub use query::{AggregateRow, EventFilter, EventRow, Period, SeriesPoint};
pub use store::{content_hash, CodedDoc, Counts, DocMeta, Store, WriteOutcome};
pub use tacitus_doc::EventRecord;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite refused an operation (locked, corrupt, disk full, ...).
    #[error("database {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A stored or given value is not what was expected (bad date, bad bbox, ...).
    #[error("{0}")]
    Invalid(String),
    /// Writing Parquet failed.
    #[error("parquet {path}: {message}")]
    Parquet { path: String, message: String },
    /// An ingest worker or writer thread failed.
    #[error("ingest: {0}")]
    Ingest(String),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
