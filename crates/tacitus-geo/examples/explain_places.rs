//! Show how the place tagger decides on each gazetteer match of a text (stdin or argument).
//! Usage: `cargo run -p tacitus-geo --example explain_places -- "They met in Sochi."`

use std::io::{Read, Write};
use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let tagger = tacitus_geo::PlaceTagger::new(Arc::new(tacitus_geo::Gazetteer::load_default()?));
    let doc = tacitus_doc::Document::new("x", text, None);
    let mut out = std::io::stdout().lock();
    for line in tagger.explain(&doc) {
        if writeln!(out, "{line}").is_err() {
            break; // reader went away (e.g. `| head`)
        }
    }
    Ok(())
}
