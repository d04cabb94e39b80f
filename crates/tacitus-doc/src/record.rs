//! Output records of `tacitus code` (see spec/io.md): character offsets, flat and serialisable.

use serde::{Deserialize, Serialize};

/// One party of an event as written to output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub code: String,
    pub country: String,
    pub sector: String,
    pub text: String,
    /// Character offsets, end exclusive.
    pub span: [u32; 2],
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    pub text: String,
    pub name: String,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    pub country: String,
}

/// One coded event, exactly the fields of spec/io.md (plus extensions at the end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    pub doc_id: String,
    pub sentence: u32,
    pub sentence_span: [u32; 2],
    pub trigger_span: [u32; 2],
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub actor: Vec<ActorRecord>,
    pub recipient: Vec<ActorRecord>,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub event: Option<String>,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub location: Option<LocationRecord>,
    pub modality: String,
    pub attributed_to: Option<ActorRecord>,
    pub text: String,
    pub rule: String,
    pub confidence: f32,
    /// Extension: the trigger words themselves.
    pub trigger: String,
}
