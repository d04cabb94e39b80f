//! PETRARCH/TABARI dictionary importers: verb dictionaries (CAMEO.2.0 and PETRARCH-1/TABARI
//! pattern files), actors with date restrictions, agents with substitution sets, discards and
//! issues. Every loader reads the whole file, turns each line into an entry or accepts it as a
//! comment/blank, and reports every line it could not understand with its file and line number
//! in a [`FileReport`] instead of failing.
//!
//! ```
//! use tacitus_dict::petrarch::verbs::VerbDictionary;
//! let text = "--- ABANDON [080] ---\nABANDON\n- * EFFORT [987]\n";
//! let (dict, report) = VerbDictionary::parse(text, "inline.txt");
//! assert_eq!(report.unparsed.len(), 0);
//! assert_eq!(dict.forms_of("ABANDONED").len(), 1);
//! ```

pub mod actors;
pub mod agents;
pub mod discards;
pub mod issues;
pub mod text;
pub mod verbs;

pub use actors::{ActorDictionary, ActorEntry, DatedCode};
pub use agents::{AgentDictionary, AgentEntry};
pub use discards::DiscardList;
pub use issues::IssueList;
pub use text::{FileReport, Unparsed};
pub use verbs::{PatternElem, PatternToken, VerbDictionary, VerbPattern};

use std::path::Path;

/// Errors of the PETRARCH importers. Bad lines are not errors (they go to [`FileReport`]);
/// these are the failures that stop a load.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// A dictionary file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A file was read but is not usable at all (e.g. not UTF-8 nor Latin-1 text).
    #[error("{path}:{line}: {message}")]
    Syntax { path: String, line: usize, message: String },
}

/// Crate-local result for the PETRARCH importers.
pub type Result<T> = std::result::Result<T, PetrarchError>;

/// Read a dictionary file as text. Older dictionaries contain Latin-1 bytes; those are mapped
/// one byte to one character instead of failing.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| PetrarchError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

/// Load a verb dictionary file (either format).
pub fn load_verbs(path: &Path) -> Result<(VerbDictionary, FileReport)> {
    let text = read_text(path)?;
    Ok(VerbDictionary::parse(&text, &path.display().to_string()))
}

/// Load one actor dictionary file into `dict` (several files accumulate).
pub fn load_actors_into(dict: &mut ActorDictionary, path: &Path) -> Result<FileReport> {
    let text = read_text(path)?;
    Ok(dict.add_text(&text, &path.display().to_string()))
}

/// Load an agent dictionary file.
pub fn load_agents(path: &Path) -> Result<(AgentDictionary, FileReport)> {
    let text = read_text(path)?;
    Ok(AgentDictionary::parse(&text, &path.display().to_string()))
}

/// Load a discard list.
pub fn load_discards(path: &Path) -> Result<(DiscardList, FileReport)> {
    let text = read_text(path)?;
    Ok(DiscardList::parse(&text, &path.display().to_string()))
}

/// Load an issues list.
pub fn load_issues(path: &Path) -> Result<(IssueList, FileReport)> {
    let text = read_text(path)?;
    Ok(IssueList::parse(&text, &path.display().to_string()))
}

/// Load a one-word-per-line list (prepositions).
pub fn load_word_list(path: &Path) -> Result<(Vec<String>, FileReport)> {
    let text = read_text(path)?;
    Ok(text::parse_word_list(&text, &path.display().to_string()))
}

/// Which kind of PETRARCH dictionary a file name suggests (`Phoenix.agents.txt` → agents).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
    /// A plain word list (`Phoenix.prepositions.txt`).
    WordList,
    /// Not a dictionary this module reads (e.g. the prepositions list).
    Other,
}

/// Guess a dictionary's kind from its file name, as the PETRARCH distributions name them.
pub fn kind_of(file_name: &str) -> DictKind {
    let n = file_name.to_ascii_lowercase();
    if n.contains("actors") {
        DictKind::Actors
    } else if n.contains("agents") {
        DictKind::Agents
    } else if n.contains("discards") {
        DictKind::Discards
    } else if n.contains("issue") {
        DictKind::Issues
    } else if n.contains("preposition") {
        DictKind::WordList
    } else if n.contains("verb") || n.starts_with("cameo") || n == "newdict.txt" {
        DictKind::Verbs
    } else {
        DictKind::Other
    }
}
