//! tacitus-geo: an offline gazetteer and place recognition/resolution for news text.
//!
//! [`Gazetteer`] holds GeoNames places (≥ 500 inhabitants), countries and first-level
//! divisions from registry packages (built by `scripts/geo/build_gazetteer.py` and
//! `tacitus gazetteer build`, embedded gzip-compressed), plus regions and aliases written by us
//! (`resources/geo/regions.txt`, `aliases.txt`). [`PlaceTagger`] finds place names in a
//! [`tacitus_doc::Document`] and resolves them (population prior, document country/admin-1
//! context, "Town, State" qualifiers), skipping people and metonymic actors; demonyms outside
//! actor phrases ("Russian") are reported as mentions of their country or region.
//!
//! ```no_run
//! use std::sync::Arc;
//! use tacitus_geo::{Gazetteer, PlaceTagger};
//! let tagger = PlaceTagger::new(Arc::new(Gazetteer::load_default().unwrap()));
//! let mut doc = tacitus_doc::Document::new("d", "They met in the Russian resort city of Sochi.", None);
//! tagger.tag(&mut doc);
//! assert_eq!(doc.places[0].name, "Russia"); // from the demonym
//! assert_eq!(doc.places[1].name, "Sochi");
//! ```

pub mod compact;
pub mod gazetteer;
pub mod iso;
pub mod lexicon;
pub mod tagger;

pub use gazetteer::{build_resource, BuildStats, Entry, Feature, Gazetteer, NameRef};
pub use tagger::PlaceTagger;

/// Great-circle distance in kilometres between two (latitude, longitude) points in degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let (dp, dl) = (p2 - p1, (b.1 - a.1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Errors of the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A line of a gazetteer, region or alias file is malformed.
    #[error("{origin}:{line}: {message}")]
    Format { origin: String, line: u64, message: String },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
