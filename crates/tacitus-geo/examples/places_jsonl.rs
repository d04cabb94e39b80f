//! Tag places in a JSONL file of documents (`id`, `text`) without the CLI; prints the same
//! records as `tacitus places`. Usage: `cargo run -p tacitus-geo --release --example places_jsonl -- [--no-demonyms] docs.jsonl`

use std::io::{BufRead, Write};
use std::sync::Arc;
use tacitus_doc::{CharIndex, Document};
use tacitus_geo::{Gazetteer, PlaceTagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let demonyms = !args.iter().any(|a| a == "--no-demonyms");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: places_jsonl [--no-demonyms] DOCS.jsonl")?;
    let tagger = PlaceTagger::new(Arc::new(Gazetteer::load_default()?)).with_demonyms(demonyms);
    let reader = std::io::BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                continue;
            }
        };
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let text = v["text"].as_str().unwrap_or_default();
        let mut doc = Document::new(id, text, None);
        tagger.tag(&mut doc);
        let ix = CharIndex::new(&doc.text);
        for p in &doc.places {
            let [start, end] = ix.span(p.span);
            let rec = serde_json::json!({"doc_id": doc.id, "start": start, "end": end, "text": doc.slice(p.span),
                "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
                "feature": p.feature});
            writeln!(out, "{rec}")?;
        }
    }
    Ok(())
}
