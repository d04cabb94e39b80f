//! `tacitus places --input docs.jsonl`: find and resolve place names, one JSON record per
//! mention with character offsets (spec/io.md "Places"). Demonyms ("Russian") are reported as
//! mentions of their country or region unless `--no-demonyms` is given.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use tacitus::input::{open_jsonl, read_jsonl};
use tacitus_doc::{CharIndex, Document};
use tacitus_geo::{Gazetteer, PlaceTagger};

#[derive(clap::Args)]
pub struct Args {
    /// Input documents, JSON Lines (`id`, `text`, `date`), plain or .gz.
    #[arg(long)]
    input: PathBuf,
    /// Do not report demonyms ("Russian") as mentions of their country or region.
    #[arg(long)]
    no_demonyms: bool,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let reader = match open_jsonl(&args.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tacitus: error: {}: {e}", args.input.display());
            return Ok(2);
        }
    };
    let gazetteer = Gazetteer::load_default()?;
    let tagger = PlaceTagger::new(Arc::new(gazetteer)).with_demonyms(!args.no_demonyms);
    let origin = args.input.display().to_string();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut docs, mut bad, mut places) = (0u64, 0u64, 0u64);
    for item in read_jsonl(reader, &origin) {
        let input = match item {
            Ok(d) => d,
            Err(e) => {
                eprintln!("tacitus: skipped {e}");
                bad += 1;
                continue;
            }
        };
        docs += 1;
        let mut doc = Document::new(input.id.clone(), input.text, Some(input.date));
        tacitus_nlp::segment::segment(&mut doc);
        tagger.tag(&mut doc);
        let ix = CharIndex::new(&doc.text);
        for p in &doc.places {
            let [start, end] = ix.span(p.span);
            let rec = serde_json::json!({
                "doc_id": doc.id,
                "start": start,
                "end": end,
                "text": doc.slice(p.span),
                "name": p.name,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "feature": p.feature,
            });
            writeln!(out, "{rec}")?;
            places += 1;
        }
    }
    out.flush()?;
    eprintln!("places: {docs} documents, {places} places, {bad} bad lines skipped");
    Ok(0)
}
