//! De-duplication measured on our own duplicate set (fixtures/dedup): pairwise precision and
//! recall of "these two mentions are the same event" against the gold pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use tacitus_store::{CodedDoc, DedupConfig, DocMeta, EventFilter, EventRecord, Store};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/dedup")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Documents rebuilt from the mentions (grouped by doc id), in publication order.
fn documents() -> Vec<CodedDoc> {
    let mut docs: Vec<CodedDoc> = Vec::new();
    for (n, line) in fixture("mentions.jsonl").lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("mentions.jsonl:{}: {e}", n + 1));
        let record: EventRecord = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("mentions.jsonl:{}: {e}", n + 1));
        let published = value["published"].as_str().and_then(|s| s.parse().ok()).expect("published date");
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
    docs
}

fn gold_pairs() -> BTreeSet<(String, String)> {
    fixture("gold_pairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('\t');
            let (a, b) = (parts.next().unwrap().to_string(), parts.next().unwrap().to_string());
            if a < b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect()
}

fn predicted_pairs(config: &DedupConfig) -> BTreeSet<(String, String)> {
    let mut store = Store::open_in_memory().unwrap();
    for doc in documents() {
        store.write_batch(&[doc], config).unwrap();
    }
    assert!(store.check_aggregates().unwrap().is_empty());
    let mut by_canonical: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for row in store.query_events(&EventFilter::default()).unwrap() {
        by_canonical.entry(row.canonical_id).or_default().push(row.id);
    }
    let mut pairs = BTreeSet::new();
    for ids in by_canonical.values() {
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                pairs.insert(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) });
            }
        }
    }
    pairs
}

fn score(predicted: &BTreeSet<(String, String)>, gold: &BTreeSet<(String, String)>) -> (f64, f64) {
    let tp = predicted.intersection(gold).count() as f64;
    let precision = if predicted.is_empty() { 1.0 } else { tp / predicted.len() as f64 };
    let recall = if gold.is_empty() { 1.0 } else { tp / gold.len() as f64 };
    (precision, recall)
}

#[test]
fn dedup_precision_and_recall_on_our_duplicate_set() {
    let gold = gold_pairs();
    assert!(gold.len() >= 30, "the fixture lost pairs");
    let predicted = predicted_pairs(&DedupConfig::default());
    let (p, r) = score(&predicted, &gold);
    let false_merges: Vec<_> = predicted.difference(&gold).collect();
    let missed: Vec<_> = gold.difference(&predicted).collect();
    eprintln!(
        "dedup: {} gold pairs, {} predicted, precision {p:.3}, recall {r:.3}; false merges {false_merges:?}; missed {missed:?}",
        gold.len(),
        predicted.len()
    );
    assert!(p >= 0.95, "precision {p:.3}");
    assert!(r >= 0.8, "recall {r:.3}");
}

#[test]
fn without_dedup_nothing_merges_and_a_wide_window_merges_follow_ups() {
    let none = predicted_pairs(&DedupConfig {
        enabled: false,
        ..DedupConfig::default()
    });
    assert!(none.is_empty());
    let wide = predicted_pairs(&DedupConfig {
        window_days: 10,
        ..DedupConfig::default()
    });
    let follow_up = ("m06".to_string(), "m11".to_string());
    assert!(wide.contains(&follow_up), "a 10-day window merges the clash of a week later");
    assert!(!predicted_pairs(&DedupConfig::default()).contains(&follow_up));
    // Different parties never merge, whatever the window.
    let parties: HashMap<String, String> = documents()
        .iter()
        .flat_map(|d| d.events.iter())
        .map(|e| (e.id.clone(), tacitus_store::dedup::party_key(e)))
        .collect();
    for (a, b) in &wide {
        assert_eq!(parties[a], parties[b], "{a} and {b} merged across parties");
    }
}
