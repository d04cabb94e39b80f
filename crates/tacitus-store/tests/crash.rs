//! Crash safety of the ingest pipeline: an ingest killed with SIGKILL at random moments and
//! resumed each time ends with exactly the store of a clean run (documents, mentions,
//! canonical events, aggregates). The test binary re-executes itself as the ingesting child.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tacitus_store::{ingest, CodedDoc, DedupConfig, DocMeta, EventRecord, Incoming, IngestOptions, IngestStats, Reporter, Store};

const CHILD_ENV: &str = "TACITUS_STORE_CRASH_CHILD_DB";
const DOCS: usize = 4000;

struct Quiet;
impl Reporter for Quiet {
    fn bad(&self, _: &str) {}
    fn progress(&self, _: &IngestStats) {}
}

fn actor(code: &str) -> tacitus_doc::ActorRecord {
    tacitus_doc::ActorRecord {
        code: code.into(),
        country: code[..3].into(),
        sector: code[3..].into(),
        text: code.into(),
        span: [0, 3],
    }
}

/// A deterministic corpus: documents whose events overlap so that de-duplication merges some.
fn corpus() -> impl Iterator<Item = Incoming<usize>> {
    let start: chrono::NaiveDate = "2022-01-01".parse().unwrap();
    (0..DOCS).map(move |i| {
        if i % 97 == 5 {
            return Incoming::Bad {
                message: format!("corpus:{i}: malformed"),
                units: 1,
            };
        }
        let date = start + chrono::Duration::days((i / 20) as i64);
        let text = format!("document {i}");
        Incoming::Doc {
            meta: DocMeta::new(&format!("doc-{i:05}"), &text, date),
            payload: i,
            units: 1,
        }
    })
}

/// A stand-in coder: a little work, and events drawn from a small set of parties and codes.
fn code(meta: &DocMeta, i: usize) -> CodedDoc {
    let parties = ["ARMGOV", "AZEGOV", "RUSGOV", "TURGOV", "UKRMIL"];
    let codes = [("040", 1, 1.0, "CONSULT"), ("190", 4, -10.0, "FIGHT"), ("112", 3, -2.0, "ACCUSE")];
    let mut spin = i as u64;
    for k in 0..20_000u64 {
        spin = spin.wrapping_mul(6364136223846793005).wrapping_add(k);
    }
    let events = (0..(i % 3))
        .map(|k| {
            let a = parties[(i + k) % 5];
            let b = parties[(i / 5 + k + 1) % 5];
            let (cameo, quad, goldstein, event) = codes[(i / 7 + k) % 3];
            EventRecord {
                id: format!("{}-{k}", meta.id),
                doc_id: meta.id.clone(),
                sentence: k as u32,
                sentence_span: [0, 10],
                trigger_span: [0, 3],
                date: None,
                date_precision: None,
                actor: vec![actor(a)],
                recipient: if a == b { vec![] } else { vec![actor(b)] },
                cameo: cameo.into(),
                quad_class: quad,
                goldstein,
                event: Some(event.into()),
                mode: None,
                context: vec![],
                location: None,
                modality: "asserted".into(),
                attributed_to: None,
                text: format!("sentence {k} of {} ({spin:x})", meta.id),
                rule: "test".into(),
                confidence: 0.5,
                trigger: "x".into(),
            }
        })
        .collect();
    CodedDoc {
        meta: meta.clone(),
        n_sentences: 3,
        events,
    }
}

fn options() -> IngestOptions {
    IngestOptions {
        threads: 2,
        batch_docs: 32,
        dedup: DedupConfig::default(),
        ..IngestOptions::default()
    }
}

fn run_ingest(db: &Path) -> IngestStats {
    ingest(db, corpus(), code, &options(), &Quiet).expect("ingest")
}

/// The child: ingest into the store named by the environment, then exit.
#[test]
fn crash_child() {
    if let Ok(db) = std::env::var(CHILD_ENV) {
        run_ingest(Path::new(&db));
    }
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tacitus-store-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn spawn_child(db: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads", "1"])
        .env(CHILD_ENV, db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn the test binary as a child")
}

#[test]
fn killed_ingest_resumes_to_the_same_store() {
    let dir = temp_dir();
    let clean = dir.join("clean.db");
    let started = Instant::now();
    let clean_stats = run_ingest(&clean);
    let clean_ms = started.elapsed().as_millis().max(50) as u64;
    let expected = Store::open_readonly(&clean).unwrap().fingerprint().unwrap();
    assert!(clean_stats.events > 1000 && clean_stats.docs > 3900, "{clean_stats:?}");

    let crashed = dir.join("crashed.db");
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill -9 test: clean run {clean_ms} ms, seed {seed}");
    let mut interrupted = 0;
    for _ in 0..10 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Child start-up plus up to a third of a clean run, so most kills land mid-ingest.
        let wait = 20 + seed % (clean_ms / 3 + 1);
        let mut child = spawn_child(&crashed);
        std::thread::sleep(Duration::from_millis(wait));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();
        if crashed.exists() {
            let s = Store::open_readonly(&crashed).unwrap();
            assert!(s.check_aggregates().unwrap().is_empty(), "aggregates consistent after a kill");
        }
    }
    eprintln!("kill -9 test: {interrupted} of 10 kills interrupted a running ingest");
    let mut child = spawn_child(&crashed);
    assert!(child.wait().unwrap().success());
    let store = Store::open_readonly(&crashed).unwrap();
    assert_eq!(store.fingerprint().unwrap(), expected, "resumed store differs from a clean run");
    assert!(store.check_aggregates().unwrap().is_empty());
    assert!(interrupted >= 1, "no kill landed during an ingest");
    let _ = std::fs::remove_dir_all(&dir);
}
