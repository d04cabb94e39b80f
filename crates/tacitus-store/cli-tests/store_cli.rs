//! End-to-end tests of `tacitus ingest`, `query`, `export` and `demo` through the built
//! binary: bad input reported and skipped, idempotence, kill -9 at random moments then resume
//! (the final store equals a clean run's), and exports read back.
//! (Registered as a test of tacitus-cli so that the binary is built first.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use tacitus_store::Store;

fn tacitus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tacitus"))
        .args(args)
        .output()
        .expect("run tacitus")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tacitus-store-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SENTENCES: [&str; 8] = [
    "Russian president Vladimir Putin met Turkish president Recep Tayyip Erdogan in Sochi on Friday.",
    "Armenia accused Azerbaijan of shelling villages near the border.",
    "Ukrainian forces attacked Russian positions near Kherson.",
    "The European Union imposed new sanctions on Iran.",
    "Chinese and American diplomats held talks in Beijing.",
    "Thousands of protesters rallied against the government in Yerevan.",
    "Azerbaijani president Ilham Aliyev and Armenian prime minister Nikol Pashinyan met in Brussels.",
    "The minister said the talks had been useful.",
];

/// A generated corpus of `n` documents (3 to 5 sentences each), as JSONL.
fn corpus(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let k = 3 + i % 3;
        let body: Vec<&str> = (0..k).map(|j| SENTENCES[(i * 3 + j * 5) % SENTENCES.len()]).collect();
        let date = format!("2022-{:02}-{:02}", 1 + i % 12, 1 + (i / 12) % 28);
        let doc = serde_json::json!({"id": format!("gen-{i:05}"), "text": body.join(" "), "date": date, "source": "gen"});
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

fn fingerprint(db: &Path) -> String {
    Store::open_readonly(db).unwrap().fingerprint().unwrap()
}

#[test]
fn ingest_reports_bad_lines_and_is_idempotent() {
    let dir = temp_dir("idem");
    let input = dir.join("docs.jsonl");
    let mut data = corpus(20).into_bytes();
    data.extend_from_slice(b"{\"id\": \"broken\", \"text\": \n");
    data.extend_from_slice(b"{\"id\": \"bytes\", \"text\": \"caf\xe9\", \"date\": \"2022-01-01\"}\n");
    data.extend_from_slice(b"{\"id\": \"no-text\", \"date\": \"2022-01-01\"}\n");
    data.extend_from_slice(b"{\"id\": \"bad-date\", \"text\": \"x\", \"date\": \"yesterday\"}\n");
    data.extend_from_slice(corpus(22)[..].lines().skip(20).collect::<Vec<_>>().join("\n").as_bytes());
    std::fs::write(&input, &data).unwrap();
    let db = dir.join("t.db");
    let (db_s, input_s) = (db.to_str().unwrap(), input.to_str().unwrap());
    let out = tacitus(&["ingest", "--db", db_s, "--input", input_s, "--threads", "2"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for line in [":21:", ":22:", ":23:", ":24:"] {
        assert!(err.contains(line), "bad line {line} not reported: {err}");
    }
    assert!(err.contains("ingested 22 docs, skipped 0, bad 4"), "{err}");
    let first = fingerprint(&db);
    let again = tacitus(&["ingest", "--db", db_s, "--input", input_s, "--threads", "1"]);
    assert!(
        text(&again.stderr).contains("ingested 0 docs, skipped 22, bad 4"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(first, fingerprint(&db), "a second ingest changed the store");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folder_ingest_skips_binary_invalid_and_undated_files() {
    let dir = temp_dir("folder");
    let docs = dir.join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("dated.txt"), format!("date: 2022-10-31\n\n{}", SENTENCES[0])).unwrap();
    std::fs::write(docs.join("sub/plain.txt"), SENTENCES[1]).unwrap();
    std::fs::write(docs.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(docs.join("latin1.txt"), b"Caf\xe9 talks").unwrap();
    let db = dir.join("t.db");
    let db_s = db.to_str().unwrap();
    let no_date = tacitus(&["ingest", "--db", db_s, "--input", docs.to_str().unwrap()]);
    let err = text(&no_date.stderr);
    assert_eq!(no_date.status.code(), Some(0), "{err}");
    assert!(err.contains("image.png") && err.contains("binary"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("plain.txt:1: no date"), "{err}");
    assert!(err.contains("ingested 1 docs, skipped 0, bad 3"), "{err}");
    let dated = tacitus(&["ingest", "--db", db_s, "--input", docs.to_str().unwrap(), "--date", "2022-11-01"]);
    assert!(
        text(&dated.stderr).contains("ingested 1 docs, skipped 1, bad 2"),
        "{}",
        text(&dated.stderr)
    );
    let store = Store::open_readonly(&db).unwrap();
    assert!(store.stored_hash("sub/plain").unwrap().is_some(), "ids are paths inside the folder");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn killed_ingest_resumes_to_the_clean_store() {
    let dir = temp_dir("kill9");
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, corpus(300)).unwrap();
    let input_s = input.to_str().unwrap();
    let clean = dir.join("clean.db");
    let started = Instant::now();
    let out = tacitus(&[
        "ingest",
        "--db",
        clean.to_str().unwrap(),
        "--input",
        input_s,
        "--threads",
        "2",
        "--batch",
        "8",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let clean_ms = started.elapsed().as_millis().max(20) as u64;
    let expected = fingerprint(&clean);
    let crashed = dir.join("crashed.db");
    let crashed_s = crashed.to_str().unwrap();
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill -9 via the binary: clean run {clean_ms} ms, seed {seed}");
    let mut interrupted = 0;
    for _ in 0..10 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = 5 + seed % (clean_ms / 2 + 1);
        let mut child = Command::new(env!("CARGO_BIN_EXE_tacitus"))
            .args(["ingest", "--db", crashed_s, "--input", input_s, "--threads", "2", "--batch", "8"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
    }
    eprintln!("kill -9 via the binary: {interrupted} of 10 kills interrupted a running ingest");
    let out = tacitus(&["ingest", "--db", crashed_s, "--input", input_s, "--threads", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fingerprint(&crashed), expected, "the resumed store differs from a clean run");
    assert!(Store::open_readonly(&crashed).unwrap().check_aggregates().unwrap().is_empty());
    assert!(interrupted >= 1, "no kill landed during an ingest");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn query_export_and_demo() {
    let dir = temp_dir("query");
    let db = dir.join("demo.db");
    let db_s = db.to_str().unwrap();
    let first = tacitus(&["demo", "--db", db_s]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let printed = text(&first.stdout);
    assert!(
        printed.contains("sochi-talks") && printed.contains("date") && printed.contains("whom"),
        "{printed}"
    );
    let before = fingerprint(&db);
    let second = tacitus(&["demo", "--db", db_s]);
    assert_eq!(text(&second.stdout), printed, "the demo prints the same twice");
    assert_eq!(fingerprint(&db), before, "the demo is idempotent");
    let n_events = Store::open_readonly(&db).unwrap().counts().unwrap().events;

    let json = tacitus(&["query", "--db", db_s, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("query --format json is JSON");
    assert_eq!(rows.as_array().map(|a| a.len() as u64), Some(n_events));
    let csv = tacitus(&["query", "--db", db_s, "--format", "csv", "--from", "2000-01-01"]);
    assert_eq!(csv.status.code(), Some(0));
    let series = tacitus(&["query", "--db", db_s, "--series", "ARM,AZE", "--by", "week", "--format", "json"]);
    assert!(serde_json::from_slice::<serde_json::Value>(&series.stdout).unwrap().is_array());
    assert_eq!(tacitus(&["query", "--db", db_s, "--bbox", "1,2"]).status.code(), Some(2));
    assert_eq!(tacitus(&["query", "--db", db_s, "--format", "xml"]).status.code(), Some(2));

    for format in ["jsonl", "csv", "parquet"] {
        let out = dir.join(format!("events.{format}"));
        let run = tacitus(&["export", "--db", db_s, "--format", format, "--output", out.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        assert!(text(&run.stderr).contains(&format!("exported {n_events} event mentions")));
    }
    let jsonl = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count() as u64, n_events);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/store/check_parquet.py");
    match Command::new("python3").arg(&script).arg(dir.join("events.parquet")).output() {
        Ok(o) if o.status.code() == Some(3) => eprintln!("SKIP: {}", text(&o.stderr).trim()),
        Ok(o) => {
            assert!(o.status.success(), "{}", text(&o.stderr));
            let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            assert_eq!(summary["rows"].as_u64(), Some(n_events));
        }
        Err(e) => eprintln!("SKIP: python3 not runnable ({e})"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
