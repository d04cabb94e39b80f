//! Scale check (ignored by default; run with `cargo test --release -p tacitus-store --test scale
//! -- --ignored --nocapture`): writes 500,000 synthetic mentions through the ingest pipeline
//! and prints the write rate and the latency of the dyad weekly series. Prints, never asserts
//! a time (machines are shared).

use std::time::Instant;
use tacitus_store::{ingest, CodedDoc, DocMeta, EventRecord, Incoming, IngestOptions, IngestStats, Period, Reporter, Store};

struct Quiet;
impl Reporter for Quiet {
    fn bad(&self, _: &str) {}
    fn progress(&self, _: &IngestStats) {}
}

const COUNTRIES: [&str; 24] = [
    "USA", "RUS", "UKR", "CHN", "ARM", "AZE", "TUR", "IRN", "ISR", "PSE", "FRA", "DEU", "GBR", "IND", "PAK", "NER", "MLI", "SDN", "EGY",
    "SYR", "IRQ", "SAU", "JPN", "KOR",
];

fn code(meta: &DocMeta, i: usize) -> CodedDoc {
    let actor = |c: &str| tacitus_doc::ActorRecord {
        code: format!("{c}GOV"),
        country: c.into(),
        sector: "GOV".into(),
        text: c.into(),
        span: [0, 3],
    };
    let events = (0..10)
        .map(|k| {
            let h = (i * 31 + k * 17) % 997;
            let (a, b) = (COUNTRIES[h % 24], COUNTRIES[(h / 24 + 1 + h % 24) % 24]);
            let cameo = ["040", "190", "112", "057", "173"][(h / 7) % 5];
            EventRecord {
                id: format!("{}-{k}", meta.id),
                doc_id: meta.id.clone(),
                sentence: k as u32,
                sentence_span: [0, 80],
                trigger_span: [10, 15],
                date: None,
                date_precision: None,
                actor: vec![actor(a)],
                recipient: vec![actor(b)],
                cameo: cameo.into(),
                quad_class: 1 + (h % 4) as u8,
                goldstein: -5.0 + (h % 10) as f32,
                event: Some("CONSULT".into()),
                mode: None,
                context: vec![],
                location: None,
                modality: "asserted".into(),
                attributed_to: None,
                text: "A synthetic sentence of about eighty characters, standing in for real news text.".into(),
                rule: "synthetic".into(),
                confidence: 0.5,
                trigger: "met".into(),
            }
        })
        .collect();
    CodedDoc {
        meta: meta.clone(),
        n_sentences: 20,
        events,
    }
}

#[test]
#[ignore]
fn synthetic_store_write_rate_and_series_latency() {
    let dir = std::env::temp_dir().join(format!("tacitus-store-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("scale.db");
    let start: chrono::NaiveDate = "2021-01-01".parse().unwrap();
    let items = (0..50_000usize).map(move |i| {
        let date = start + chrono::Duration::days((i / 50) as i64);
        Incoming::Doc {
            meta: DocMeta::new(&format!("s{i}"), &format!("s{i}"), date),
            payload: i,
            units: 1,
        }
    });
    let t = Instant::now();
    let stats = ingest(
        &db,
        items,
        code,
        &IngestOptions {
            threads: 2,
            ..IngestOptions::default()
        },
        &Quiet,
    )
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    eprintln!("{}", stats.summary());
    eprintln!("write rate: {:.0} mentions/s", stats.events as f64 / secs);
    let store = Store::open_readonly(&db).unwrap();
    let counts = store.counts().unwrap();
    eprintln!("store: {counts:?}");
    for (src, tgt) in [("USA", "RUS"), ("ARM", "AZE")] {
        let t = Instant::now();
        let series = store.dyad_series(src, tgt, Period::Week).unwrap();
        eprintln!(
            "dyad weekly series {src}>{tgt}: {} weeks in {:.1} ms",
            series.len(),
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
