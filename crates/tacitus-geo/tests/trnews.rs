//! End-to-end check on the TR-News development set in ../shared/eval (skipped when absent):
//! toponym recall and accuracy@161 km must not fall below a floor under the measured figures.

use std::path::PathBuf;
use std::sync::Arc;
use tacitus_doc::{CharIndex, Document};
use tacitus_geo::{distance_km as km, Gazetteer, PlaceTagger};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    p.join("trnews.docs.jsonl").exists().then_some(p)
}

#[test]
fn trnews_recall_and_accuracy_floor() {
    let Some(dir) = shared() else {
        eprintln!("SKIP: ../shared absent");
        return;
    };
    let read = |name: &str| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable eval file");
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    };
    let docs = read("trnews.docs.jsonl");
    let gold = read("trnews.gold.jsonl");
    let tagger = PlaceTagger::new(Arc::new(Gazetteer::load_default().expect("gazetteer")));
    let (mut n_gold, mut found, mut resolvable, mut within) = (0usize, 0usize, 0usize, 0usize);
    for (d, g) in docs.iter().zip(&gold) {
        assert_eq!(d["id"], g["id"], "docs and gold in the same order");
        let doc = Document::new(d["id"].as_str().unwrap_or(""), d["text"].as_str().unwrap_or(""), None);
        let ix = CharIndex::new(&doc.text);
        let pred: Vec<([u32; 2], (f64, f64))> = tagger.find(&doc).iter().map(|p| (ix.span(p.span), (p.lat, p.lon))).collect();
        for t in g["toponyms"].as_array().into_iter().flatten() {
            n_gold += 1;
            let (s, e) = (t["start"].as_u64().unwrap_or(0) as u32, t["end"].as_u64().unwrap_or(0) as u32);
            let Some((_, at)) = pred.iter().find(|(sp, _)| sp[0] < e && s < sp[1]) else {
                continue;
            };
            found += 1;
            if let (Some(lat), Some(lon)) = (t["lat"].as_f64(), t["lon"].as_f64()) {
                resolvable += 1;
                within += (km((lat, lon), *at) <= 161.0) as usize;
            }
        }
    }
    let recall = found as f64 / n_gold as f64;
    let acc = within as f64 / resolvable as f64;
    eprintln!("TR-News: recall {recall:.3} ({found}/{n_gold}), acc@161 {acc:.3} ({within}/{resolvable})");
    // Measured 0.79 recall (demonyms, which the gold marks, are not places for us) and 0.91.
    assert!(recall >= 0.85, "recall {recall}");
    assert!(acc >= 0.90, "acc@161 {acc}");
}
