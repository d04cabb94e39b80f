//! `tacitus demo`: code the bundled example articles into a store and show what happened.

use crate::cmd::ingest::meta_of;
use anyhow::Context;
use std::path::PathBuf;
use tacitus_store::{CodedDoc, DedupConfig, EventFilter, Store};

#[derive(clap::Args)]
pub struct Args {
    /// The store to write (created if missing; running the demo twice changes nothing).
    #[arg(long, default_value = "tacitus.db")]
    pub db: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let pipeline = tacitus::Pipeline::english().context("loading the English pipeline")?;
    let docs = tacitus::examples::examples();
    let coded: Vec<CodedDoc> = docs
        .iter()
        .map(|doc| {
            let (annotated, events) = pipeline.code(doc);
            CodedDoc {
                meta: meta_of(doc),
                n_sentences: annotated.sentences.len() as u32,
                events,
            }
        })
        .collect();
    let mut store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let outcome = store.write_batch(&coded, &DedupConfig::default())?;
    let rows: Vec<_> = store
        .query_events(&EventFilter::default())?
        .into_iter()
        .filter(|r| docs.iter().any(|d| d.id == r.doc_id))
        .collect();
    for doc in &docs {
        let n = rows.iter().filter(|r| r.doc_id == doc.id).count();
        println!("{} ({}): {} event(s)", doc.id, doc.date, n);
    }
    println!();
    print!("{}", crate::cmd::query::event_table(&rows));
    eprintln!(
        "{}: {} new, {} updated, {} unchanged example document(s); try `tacitus query --db {} --country ARM`",
        args.db.display(),
        outcome.inserted,
        outcome.replaced,
        outcome.unchanged,
        args.db.display()
    );
    Ok(0)
}
