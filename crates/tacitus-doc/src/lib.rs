//! The tacitus document model.
//!
//! A [`Document`] owns the original text (never mutated) and every annotation layer that the
//! pipeline stages add: sentences and tokens (byte ranges into the text), syntax (tags, lemmas,
//! heads, relations), actor mentions, events, temporal expressions and places. Stages take
//! `&mut Document` and fill the layer they own; they meet only here.
//!
//! Offsets inside the document are byte offsets (`u32`) into [`Document::text`]; output records
//! use character offsets (Unicode scalar values), computed with [`CharIndex`].
//!
//! ```
//! use tacitus_doc::{Document, Span};
//! let doc = Document::new("d1", "Russia hosts talks.", None);
//! assert_eq!(doc.slice(Span::new(0, 6)), "Russia");
//! ```

pub mod offsets;
pub mod record;
pub mod syntax;

pub use offsets::CharIndex;
pub use record::{ActorRecord, EventRecord, LocationRecord};
pub use syntax::{DepRel, TokenSyntax, Upos, XPOS_TAGS};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the document text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> u32 {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One token: a byte span of the text. Its index in [`Document::tokens`] is its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
}

/// One sentence: its byte span and the half-open range of its token indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub first_token: u32,
    pub end_token: u32,
}

impl Sentence {
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
    pub fn len(&self) -> usize {
        (self.end_token - self.first_token) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end_token == self.first_token
    }
}

/// An actor code split into its parts, e.g. `ARMGOV` = country `ARM` + sector `GOV`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorCode {
    /// ISO 3166-1 alpha-3, or an organisation code (`IGO`, `NGO`, `UNO`, `EUR`, ...).
    pub country: String,
    /// Organisation or group part of a CAMEO code (`UNO` in `IGOUNO`, `HMS` in `PSEREBHMS`), or empty.
    pub org: String,
    /// CAMEO agent code (`GOV`, `MIL`, ...) or empty.
    pub sector: String,
}

impl ActorCode {
    pub fn new(country: &str, sector: &str) -> Self {
        ActorCode {
            country: country.to_string(),
            org: String::new(),
            sector: sector.to_string(),
        }
    }
    pub fn with_org(country: &str, org: &str, sector: &str) -> Self {
        ActorCode {
            country: country.to_string(),
            org: org.to_string(),
            sector: sector.to_string(),
        }
    }
    /// The joined CAMEO-style code: country, sector, group (`ARMGOV`, `PSEREBHMS`); for
    /// international and non-governmental organisations the organisation comes first
    /// (`IGOUNO`, `IGONATMIL`).
    pub fn code(&self) -> String {
        if matches!(self.country.as_str(), "IGO" | "NGO" | "IMG" | "MNC") {
            format!("{}{}{}", self.country, self.org, self.sector)
        } else {
            format!("{}{}{}", self.country, self.sector, self.org)
        }
    }
}

/// A noun phrase (or pronoun) recognised as an actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Byte span of the whole mention.
    pub span: Span,
    /// Token index of the mention's syntactic head.
    pub head: u32,
    pub sentence: u32,
    pub code: ActorCode,
    /// Canonical name when the mention names a known entity (a person, an organisation).
    pub name: Option<String>,
    /// Which dictionary entry or rule recognised it (for `explain`).
    pub rule: String,
    /// The mention this one refers back to (pronouns, "the two sides", surnames).
    pub antecedent: Option<u32>,
}

/// How the text commits to an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Claimed,
    Denied,
    Intended,
    Hypothetical,
    Negated,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Claimed => "claimed",
            Modality::Denied => "denied",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// Precision of a resolved date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
    Century,
    /// Durations, sets and references such as `PRESENT_REF`.
    Other,
}

impl DatePrecision {
    pub fn as_str(&self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
            DatePrecision::Decade => "decade",
            DatePrecision::Century => "century",
            DatePrecision::Other => "other",
        }
    }
}

/// A temporal expression resolved against the document date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    /// TimeML value: `2022-10-31`, `2022-09`, `2022`, `2022-W44`, `PRESENT_REF`, `P2Y`, ...
    pub value: String,
    pub precision: DatePrecision,
    /// TimeML type: DATE, TIME, DURATION or SET.
    pub kind: String,
}

/// A place mention resolved (or not) to a gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub name: String,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3 of the country the place is in.
    pub country: String,
    /// `country`, `admin1`, `city`, `region`, ...
    pub feature: String,
}

/// A coded event: who did what to whom, with the words it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub sentence: u32,
    /// Token index of the trigger's head word.
    pub trigger: u32,
    /// Byte span of the trigger words.
    pub trigger_span: Span,
    /// Indices into [`Document::actors`].
    pub actors: Vec<u32>,
    pub recipients: Vec<u32>,
    /// Full CAMEO code, e.g. `"040"`.
    pub cameo: String,
    pub modality: Modality,
    /// For claimed/denied events: index of the actor mention making the claim.
    pub attributed_to: Option<u32>,
    /// Index into [`Document::timexes`] of the expression dating the event.
    pub timex: Option<u32>,
    /// Index into [`Document::places`] of where it happened.
    pub place: Option<u32>,
    /// Which dictionary entry or rule produced it.
    pub rule: String,
    pub confidence: f32,
}

/// One document and all its annotation layers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// Publication date, the anchor for relative dates.
    pub date: Option<NaiveDate>,
    /// The original text, never mutated.
    pub text: String,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Parallel to `tokens` once a tagger/parser has run; empty before.
    pub syntax: Vec<TokenSyntax>,
    pub actors: Vec<ActorMention>,
    pub events: Vec<Event>,
    pub timexes: Vec<Timex>,
    pub places: Vec<PlaceMention>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, date: Option<NaiveDate>) -> Self {
        Document {
            id: id.into(),
            date,
            text: text.into(),
            ..Default::default()
        }
    }

    /// The text of a byte span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start as usize..span.end as usize]
    }

    /// The text of one token.
    pub fn token_text(&self, token: usize) -> &str {
        self.slice(self.tokens[token].span)
    }

    /// The sentence that holds a token.
    pub fn sentence_of(&self, token: u32) -> Option<u32> {
        let i = self.sentences.partition_point(|s| s.end_token <= token);
        (i < self.sentences.len()).then_some(i as u32)
    }

    /// Byte span covering tokens `first..end` (end exclusive).
    pub fn token_span(&self, first: usize, end: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[end - 1].span.end)
    }

    /// Is the syntax layer filled?
    pub fn has_syntax(&self) -> bool {
        !self.tokens.is_empty() && self.syntax.len() == self.tokens.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_of_finds_the_containing_sentence() {
        let mut d = Document::new("x", "A b. C d.", None);
        d.sentences = vec![
            Sentence {
                span: Span::new(0, 4),
                first_token: 0,
                end_token: 3,
            },
            Sentence {
                span: Span::new(5, 9),
                first_token: 3,
                end_token: 6,
            },
        ];
        assert_eq!(d.sentence_of(0), Some(0));
        assert_eq!(d.sentence_of(2), Some(0));
        assert_eq!(d.sentence_of(3), Some(1));
        assert_eq!(d.sentence_of(6), None);
    }
}
