//! Build a store from the de-duplication fixture (fixtures/dedup/mentions.jsonl), to try
//! `tacitus query` and `tacitus export` without running the coder:
//!
//! ```text
//! cargo run -p tacitus-store --example fixture_store -- /tmp/fixture.db
//! tacitus query --db /tmp/fixture.db --country ARM
//! ```

use tacitus_store::{CodedDoc, DedupConfig, DocMeta, EventRecord, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fixture.db".into());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/dedup/mentions.jsonl");
    let mut docs: Vec<CodedDoc> = Vec::new();
    for (n, line) in std::fs::read_to_string(&path)?.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let record: EventRecord = serde_json::from_value(value.clone())?;
        let published = value["published"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .ok_or("missing published date")?;
        match docs.iter_mut().find(|d| d.meta.id == record.doc_id) {
            Some(doc) => doc.events.push(record),
            None => {
                let mut meta = DocMeta::new(&record.doc_id, &record.doc_id, published);
                meta.source = value["source"].as_str().map(String::from);
                docs.push(CodedDoc {
                    meta,
                    n_sentences: 1,
                    events: vec![record],
                });
            }
        }
    }
    docs.sort_by_key(|d| d.meta.date);
    let mut store = Store::open(std::path::Path::new(&out))?;
    let outcome = store.write_batch(&docs, &DedupConfig::default())?;
    println!("{out}: {outcome:?}; {:?}", store.counts()?);
    Ok(())
}
