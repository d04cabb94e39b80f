//! `tacitus dates`: find and resolve temporal expressions, one JSON record per expression with
//! character offsets (spec/io.md "Dates"): `--input docs.jsonl`, or `FILE --date D [--id ID]`.

use crate::docs::{DocArgs, Summary};
use std::io::Write;
use tacitus_doc::{CharIndex, Document};
use tacitus_time::TimeTagger;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocArgs,
}

/// The output record of one expression.
pub fn record(doc: &Document, ix: &CharIndex, t: &tacitus_doc::Timex) -> serde_json::Value {
    let [start, end] = ix.span(t.span);
    serde_json::json!({
        "doc_id": doc.id,
        "start": start,
        "end": end,
        "text": doc.slice(t.span),
        "value": t.value,
        "precision": t.precision.as_str(),
        "type": t.kind,
    })
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let docs = match args.docs.open() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tacitus dates: {e:#}");
            return Ok(crate::docs::exit_code(&e));
        }
    };
    let tagger = TimeTagger::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    for item in docs {
        let input = match item {
            Ok(d) => d,
            Err(e) => {
                eprintln!("tacitus dates: {e}; skipped");
                summary.skipped += 1;
                continue;
            }
        };
        let mut doc = Document::new(input.id, input.text, Some(input.date));
        tacitus_nlp::segment::segment(&mut doc);
        tagger.tag(&mut doc);
        summary.docs += 1;
        summary.sentences += doc.sentences.len() as u64;
        let ix = CharIndex::new(&doc.text);
        for t in &doc.timexes {
            writeln!(out, "{}", record(&doc, &ix, t))?;
            summary.records += 1;
        }
    }
    out.flush()?;
    summary.report("temporal expressions");
    Ok(0)
}
