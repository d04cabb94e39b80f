//! The tacitus event coder: actors and events from a parsed document.
//!
//! [`Coder`] runs two steps on a document whose syntax layer is filled:
//! 1. [`actors`]: noun phrases → actor mentions (country + sector, persons by the document
//!    date, organisations, capitals acting as governments), and in-document coreference
//!    (pronouns, "the two sides", surnames);
//! 2. [`events`]: triggers (verbs, nouns, predicates) matched against the pattern dictionary,
//!    arguments found through the dependency parse (active/passive, coordination, relative
//!    clauses, "between A and B", light verbs), modality (reported speech, denial, negation,
//!    intent, conditions).
//!
//! Every decision can be traced ([`Trace`]) for `tacitus explain`.
//!
//! ```no_run
//! let coder = tacitus_code::Coder::english().unwrap();
//! let mut doc = tacitus_doc::Document::new("d", "…", None);
//! // segmentation and parsing first, then:
//! coder.code(&mut doc, None);
//! ```

pub mod actors;
pub mod events;
pub mod intent;
mod tree;

use tacitus_dict::actors::ActorDict;
use tacitus_dict::cameo::CameoTable;
use tacitus_dict::verbs::PatternDict;
use tacitus_doc::Document;

/// Errors while loading the coder's dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("actor dictionary: {0}")]
    Actors(String),
    #[error("pattern dictionary: {0}")]
    Patterns(String),
    #[error("CAMEO tables: {0}")]
    Cameo(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Lines explaining the coder's decisions, for `tacitus explain`.
#[derive(Debug, Default, Clone)]
pub struct Trace {
    pub lines: Vec<String>,
}

impl Trace {
    pub fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }
}

/// The event coder with its dictionaries.
pub struct Coder {
    pub actors: ActorDict,
    pub patterns: PatternDict,
    pub cameo: CameoTable,
}

impl Coder {
    /// The bundled English dictionaries. `TACITUS_ACTORS_DIR` and `TACITUS_PATTERNS_DIR` point
    /// at folders in the same formats to use instead (dictionary work without rebuilding).
    pub fn english() -> Result<Coder> {
        let actors = match std::env::var_os("TACITUS_ACTORS_DIR") {
            Some(dir) => ActorDict::load_dir(std::path::Path::new(&dir)),
            None => ActorDict::load_default(),
        }
        .map_err(|e| Error::Actors(e.to_string()))?;
        let patterns = match std::env::var_os("TACITUS_PATTERNS_DIR") {
            Some(dir) => PatternDict::load_dir(std::path::Path::new(&dir)),
            None => PatternDict::load_default(),
        }
        .map_err(|e| Error::Patterns(e.to_string()))?;
        let cameo = CameoTable::load_default().map_err(|e| Error::Cameo(e.to_string()))?;
        Ok(Coder { actors, patterns, cameo })
    }

    pub fn from_parts(actors: ActorDict, patterns: PatternDict, cameo: CameoTable) -> Coder {
        Coder { actors, patterns, cameo }
    }

    /// Fill `doc.actors` and `doc.events`. Needs `doc.syntax`; a document without syntax gets
    /// no events. With `trace`, every decision is recorded.
    pub fn code(&self, doc: &mut Document, mut trace: Option<&mut Trace>) {
        doc.actors.clear();
        doc.events.clear();
        if !doc.has_syntax() {
            if let Some(t) = trace.as_deref_mut() {
                t.push("no syntax layer: nothing coded");
            }
            return;
        }
        actors::recognize(self, doc, trace.as_deref_mut());
        events::extract(self, doc, trace);
    }
}
