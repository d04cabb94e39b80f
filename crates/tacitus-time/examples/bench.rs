//! Throughput of the time tagger: `cargo run --release -p tacitus-time --example bench [FILE]`
//! (default ../shared/corpus/news-dev.jsonl; skipped with a message when absent).

use std::io::BufRead;
use std::time::Instant;
use tacitus_doc::Document;
use tacitus_time::TimeTagger;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev.jsonl"));
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("SKIP: {} absent", path.display());
        return;
    };
    let mut docs = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { continue };
        match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) => {
                let text = v["text"].as_str().unwrap_or_default().to_string();
                let date = v["date"]
                    .as_str()
                    .and_then(|d| d.get(..10))
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                docs.push(Document::new(v["id"].to_string(), text, date));
            }
            Err(e) => eprintln!("{}:{}: {e}; skipped", path.display(), n + 1),
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tagger = TimeTagger::new();
    let rounds = 5;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for d in docs.iter_mut() {
            tagger.tag(d);
            found += d.timexes.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = (docs.len() * rounds) as f64;
    println!(
        "{} docs x {rounds}: {:.0} docs/s, {:.1} MB/s, {} expressions per pass",
        docs.len(),
        n / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        found / rounds
    );
}
