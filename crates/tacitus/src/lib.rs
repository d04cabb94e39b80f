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

pub mod examples;
pub mod input;
pub mod records;

pub use input::InputDoc;
pub use tacitus_doc as doc;

use std::sync::Arc;
use tacitus_code::Coder;
use tacitus_doc::{Document, EventRecord};
use tacitus_geo::{Gazetteer, PlaceTagger};
use tacitus_nlp::syntax::Analyzer;
use tacitus_time::TimeTagger;

/// Which dictionaries code events: ours, imported PETRARCH/TABARI ones, or both.
pub enum Dictionaries {
    Tacitus,
    /// PETRARCH dictionaries only.
    Petrarch(Box<tacitus_petrarch::Coder>),
    /// Ours, then the PETRARCH ones adding their events.
    Merged(Box<tacitus_petrarch::Coder>),
}

/// The composed English pipeline: segmentation → syntax → actors and events → dates → places.
pub struct Pipeline {
    pub analyzer: Analyzer,
    pub coder: Coder,
    pub time: TimeTagger,
    pub places: PlaceTagger,
    pub dictionaries: Dictionaries,
}

/// Errors while building a pipeline (loading models and dictionaries).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("syntax model: {0}")]
    Syntax(String),
    #[error("{0}")]
    Coder(#[from] tacitus_code::Error),
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    #[error("PETRARCH dictionaries: {0}")]
    Petrarch(String),
}

impl Pipeline {
    /// The default English pipeline with the bundled models and dictionaries.
    pub fn english() -> Result<Pipeline, Error> {
        // TACITUS_SYNTAX_MODEL points at another model file (e.g. one just trained)
        let analyzer = match std::env::var_os("TACITUS_SYNTAX_MODEL") {
            Some(path) => {
                Analyzer::load(std::path::Path::new(&path)).map_err(|e| Error::Syntax(format!("{}: {e}", path.to_string_lossy())))?
            }
            None => Analyzer::load_default().map_err(|e| Error::Syntax(e.to_string()))?,
        };
        let coder = Coder::english()?;
        let gazetteer = Gazetteer::load_default().map_err(|e| Error::Gazetteer(e.to_string()))?;
        Ok(Pipeline {
            analyzer,
            coder,
            time: TimeTagger::new(),
            places: PlaceTagger::new(Arc::new(gazetteer)),
            dictionaries: Dictionaries::Tacitus,
        })
    }

    /// Code with PETRARCH/TABARI dictionaries from `dir` (the Phoenix file set), alone or merged
    /// with ours. Unreadable dictionaries are an error naming the file.
    pub fn with_petrarch(mut self, dir: &std::path::Path, merge: bool) -> Result<Pipeline, Error> {
        let coder = tacitus_petrarch::Coder::from_dir(dir).map_err(|e| Error::Petrarch(e.to_string()))?;
        self.dictionaries = if merge {
            Dictionaries::Merged(Box::new(coder))
        } else {
            Dictionaries::Petrarch(Box::new(coder))
        };
        Ok(self)
    }

    /// Segment and parse only.
    pub fn parse(&self, doc: &mut Document) {
        tacitus_nlp::segment::segment(doc);
        self.analyzer.annotate(doc);
    }

    /// Run every stage on a document; with `trace`, the coder explains itself.
    pub fn annotate_traced(&self, doc: &mut Document, trace: Option<&mut tacitus_code::Trace>) {
        self.parse(doc);
        match &self.dictionaries {
            Dictionaries::Tacitus => self.coder.code(doc, trace),
            Dictionaries::Petrarch(p) => {
                doc.actors.clear();
                doc.events.clear();
                p.code(doc);
            }
            Dictionaries::Merged(p) => {
                self.coder.code(doc, trace);
                p.code(doc);
            }
        }
        self.time.tag(doc);
        self.time.attach(doc);
        self.places.tag(doc);
        self.places.attach(doc);
        // a party of the event is not where it happened ("Putin hosts Armenia ..."), unless the
        // text also says so ("demonstrated in Serbia")
        let locative = |span: tacitus_doc::Span| -> bool {
            let Some(t) = doc.tokens.iter().position(|t| t.span.start == span.start) else {
                return false;
            };
            doc.syntax.iter().enumerate().any(|(c, x)| {
                x.head == t as u32
                    && x.deprel == tacitus_doc::DepRel::Case
                    && matches!(
                        doc.token_text(c).to_lowercase().as_str(),
                        "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout"
                    )
            })
        };
        let mut drop = Vec::new();
        for (i, e) in doc.events.iter().enumerate() {
            if let Some(p) = e.place.and_then(|p| doc.places.get(p as usize)) {
                let party = e
                    .actors
                    .iter()
                    .chain(&e.recipients)
                    .any(|&m| doc.actors[m as usize].span.contains(p.span));
                if party && !locative(p.span) {
                    drop.push(i);
                }
            }
        }
        for i in drop {
            doc.events[i].place = None;
        }
    }

    /// Run every stage on a document.
    pub fn annotate(&self, doc: &mut Document) {
        self.annotate_traced(doc, None);
    }

    /// Annotate one input document and build its event records.
    pub fn code(&self, input: &InputDoc) -> (Document, Vec<EventRecord>) {
        let mut doc = Document::new(input.id.clone(), input.text.clone(), Some(input.date));
        self.annotate(&mut doc);
        let records = records::event_records(&doc, &self.coder.cameo);
        (doc, records)
    }
}
