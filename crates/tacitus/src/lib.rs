//! tacitus: political event coding from news text.
//!
//! This facade composes the stages into a [`Pipeline`] and reads input documents ([`input`]).
//! Front ends (the CLI, the store's ingest) depend on this crate only.
//!
//! ```no_run
//! let pipeline = tacitus::Pipeline::english().unwrap();
//! let doc = tacitus::input::InputDoc::new("d1", "Russia hosted talks.", "2022-10-31".parse().unwrap());
//! let (_doc, events) = pipeline.code(&doc);
//! # let _ = events;
//! ```

pub mod input;

pub use input::InputDoc;
pub use tacitus_doc as doc;

use tacitus_doc::{Document, EventRecord};

/// The composed English pipeline: segmentation → syntax → actors and events → dates → places.
pub struct Pipeline {}

/// Errors while building a pipeline (loading models and dictionaries).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Load(String),
}

impl Pipeline {
    /// The default English pipeline with the bundled models and dictionaries.
    pub fn english() -> Result<Pipeline, Error> {
        Ok(Pipeline {})
    }

    /// Run every stage on a document.
    pub fn annotate(&self, doc: &mut Document) {
        tacitus_nlp::segment::segment(doc);
    }

    /// Annotate one input document and build its event records.
    pub fn code(&self, input: &InputDoc) -> (Document, Vec<EventRecord>) {
        let mut doc = Document::new(input.id.clone(), input.text.clone(), Some(input.date));
        self.annotate(&mut doc);
        (doc, Vec::new())
    }
}
