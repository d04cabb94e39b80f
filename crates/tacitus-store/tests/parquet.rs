//! The Parquet export read back by pyarrow or duckdb (scripts/store/check_parquet.py);
//! skips visibly when Python or both libraries are missing.

use std::process::Command;
use tacitus_store::{CodedDoc, DedupConfig, DocMeta, EventRecord, ExportFormat, Store};

fn record(i: usize) -> EventRecord {
    let actor = |code: &str| tacitus_doc::ActorRecord {
        code: code.into(),
        country: code[..3].into(),
        sector: code[3..].into(),
        text: code.into(),
        span: [0, 3],
    };
    EventRecord {
        id: format!("e{i}"),
        doc_id: format!("d{i}"),
        sentence: i as u32,
        sentence_span: [0, 10],
        trigger_span: [0, 3],
        date: Some("2022-10-31".into()),
        date_precision: Some("day".into()),
        actor: vec![actor("AZEGOV")],
        recipient: if i.is_multiple_of(2) { vec![actor("ARMGOV")] } else { vec![] },
        cameo: "040".into(),
        quad_class: 1,
        goldstein: 1.0,
        event: if i.is_multiple_of(3) { None } else { Some("CONSULT".into()) },
        mode: None,
        context: vec![],
        location: (i.is_multiple_of(2)).then(|| tacitus_doc::LocationRecord {
            text: "Sochi".into(),
            name: "Sochi".into(),
            geonameid: Some(491422),
            lat: 43.6,
            lon: 39.73,
            country: "RUS".into(),
        }),
        modality: "asserted".into(),
        attributed_to: None,
        text: format!("Aliyev met Pashinyan — «{i}»"),
        rule: "test".into(),
        confidence: 0.9,
        trigger: "met".into(),
    }
}

#[test]
fn parquet_export_reads_back_with_pyarrow_or_duckdb() {
    let dir = std::env::temp_dir().join(format!("tacitus-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("t.db");
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db).unwrap();
    let docs: Vec<CodedDoc> = (0..70_000 / 1000)
        .map(|i| {
            let meta = DocMeta::new(&format!("d{i}"), "text", "2022-10-31".parse().unwrap());
            CodedDoc {
                meta,
                n_sentences: 1,
                events: (0..1000)
                    .map(|k| record(i * 1000 + k))
                    .map(|mut r| {
                        r.doc_id = format!("d{i}");
                        r
                    })
                    .collect(),
            }
        })
        .collect();
    store.write_batch(&docs, &DedupConfig::default()).unwrap();
    let out = dir.join("events.parquet");
    // More rows than one row group, so the reader sees several.
    assert_eq!(store.export(ExportFormat::Parquet, &out).unwrap(), 70_000);
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/store/check_parquet.py");
    let result = Command::new("python3").arg(&script).arg(&out).output();
    let output = match result {
        Ok(o) => o,
        Err(e) => {
            eprintln!("SKIP: python3 not runnable ({e})");
            return;
        }
    };
    if output.status.code() == Some(3) {
        eprintln!("SKIP: {}", String::from_utf8_lossy(&output.stderr).trim());
        return;
    }
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    eprintln!("parquet read back with {}", summary["reader"]);
    assert_eq!(summary["rows"], 70_000);
    let columns: Vec<&str> = summary["columns"].as_array().unwrap().iter().filter_map(|c| c.as_str()).collect();
    assert_eq!(columns, tacitus_store::export::COLUMNS.to_vec());
    let first = &summary["first"];
    assert_eq!(first["id"], "e0");
    assert_eq!(first["date"], "2022-10-31");
    assert_eq!(first["actor"], "AZEGOV");
    assert_eq!(first["recipient_country"], "ARM");
    assert_eq!(first["event"], serde_json::Value::Null);
    assert_eq!(first["lat"], 43.6);
    assert_eq!(first["text"], "Aliyev met Pashinyan — «0»");
    assert_eq!(
        first["mentions"],
        70_000 / 2,
        "same parties, code, day and place: one canonical event"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
