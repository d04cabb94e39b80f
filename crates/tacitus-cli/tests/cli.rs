//! End-to-end tests of the `tacitus` binary: the spec's contract, bad input, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tacitus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tacitus"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    tacitus().args(args).current_dir(root()).output().expect("tacitus runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

const SPEC_FIELDS: &[&str] = &[
    "id",
    "doc_id",
    "sentence",
    "sentence_span",
    "trigger_span",
    "date",
    "date_precision",
    "actor",
    "recipient",
    "cameo",
    "quad_class",
    "goldstein",
    "event",
    "mode",
    "context",
    "location",
    "modality",
    "attributed_to",
    "text",
    "rule",
    "confidence",
];

#[test]
fn code_emits_every_spec_field_on_our_sochi_fixture() {
    let o = run(&[
        "code",
        "examples/sochi-talks.txt",
        "--id",
        "sochi",
        "--date",
        "2022-10-31",
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let recs = records(&o);
    assert!(!recs.is_empty(), "events expected from the Sochi retelling");
    let text = std::fs::read_to_string(root().join("examples/sochi-talks.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for r in &recs {
        for f in SPEC_FIELDS {
            assert!(r.get(f).is_some(), "field {f} missing in {r}");
        }
        assert_eq!(r["doc_id"], "sochi");
        // offsets are character offsets into the document text
        let [s, e] = [
            r["trigger_span"][0].as_u64().unwrap() as usize,
            r["trigger_span"][1].as_u64().unwrap() as usize,
        ];
        let trigger: String = chars[s..e].iter().collect();
        assert_eq!(trigger, r["trigger"].as_str().unwrap());
        for a in r["actor"].as_array().unwrap().iter().chain(r["recipient"].as_array().unwrap()) {
            let [s, e] = [a["span"][0].as_u64().unwrap() as usize, a["span"][1].as_u64().unwrap() as usize];
            assert_eq!(chars[s..e].iter().collect::<String>(), a["text"].as_str().unwrap());
            assert!(a["code"].as_str().unwrap().starts_with(a["country"].as_str().unwrap()));
        }
        assert!(matches!(
            r["modality"].as_str().unwrap(),
            "asserted" | "claimed" | "denied" | "intended" | "hypothetical" | "negated"
        ));
        assert!((1..=4).contains(&r["quad_class"].as_u64().unwrap()));
    }
    // stable ids: same input, same ids
    let again = records(&run(&["code", "examples/sochi-talks.txt", "--id", "sochi", "--date", "2022-10-31"]));
    let ids = |v: &[serde_json::Value]| v.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&recs), ids(&again));
}

#[test]
fn a_broken_batch_codes_every_good_line_and_reports_every_bad_one() {
    let o = run(&["code", "--input", "fixtures/input/mixed-batch.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    for line in [2, 3, 4, 5] {
        assert!(
            err.contains(&format!("mixed-batch.jsonl:{line}:")),
            "line {line} not reported: {err}"
        );
    }
    assert!(err.contains("4 input lines/documents skipped"), "{err}");
    let docs: std::collections::BTreeSet<String> = records(&o).iter().map(|r| r["doc_id"].as_str().unwrap().to_string()).collect();
    assert!(docs.contains("good-1") && docs.contains("good-2"), "{docs:?}");
}

#[test]
fn missing_or_bad_date_is_a_usage_error() {
    let o = run(&["code", "examples/grain-deal.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--date"), "{}", stderr(&o));
    let o = run(&["code", "examples/grain-deal.txt", "--date", "July 22"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn binary_and_invalid_utf8_files_are_refused_with_their_location() {
    let dir = std::env::temp_dir().join(format!("tacitus-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("blob.bin");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let o = tacitus()
        .args(["code", bin.to_str().unwrap(), "--date", "2022-01-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("blob.bin") && stderr(&o).contains("binary"), "{}", stderr(&o));
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Iran condemned\nthe strike \xe9t\xe9.").unwrap();
    let o = tacitus()
        .args(["code", bad.to_str().unwrap(), "--date", "2022-01-01"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("latin1.txt:2") && stderr(&o).contains("byte offset 26"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn random_bytes_never_panic() {
    // deterministic pseudo-random documents, including control characters and broken UTF-8
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet: &[u8] = b" .,;:'\"()-?!AaBbCcDdEeRussiaattackedUkraine\n\t";
    let mut lines = Vec::new();
    for i in 0..60 {
        let n = 20 + (i * 37) % 900;
        let mut bytes = Vec::with_capacity(n);
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let b = (x & 0xff) as u8;
            // mostly text-like, with odd bytes mixed in
            bytes.push(if b.is_multiple_of(5) {
                b
            } else {
                alphabet[(b as usize) % alphabet.len()]
            });
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        lines.push(serde_json::json!({"id": format!("r{i}"), "text": text, "date": "2022-10-31"}).to_string());
    }
    let mut child = tacitus()
        .args(["code", "--input", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(lines.join("\n").as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("60 documents"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn tsv_has_a_header_and_one_line_per_event() {
    let j = records(&run(&["code", "examples/sahel-coup.txt", "--date", "2023-07-28"]));
    let t = run(&["code", "examples/sahel-coup.txt", "--date", "2023-07-28", "--format", "tsv"]);
    let out = stdout(&t);
    let mut lines = out.lines();
    assert!(lines.next().unwrap().starts_with("id\tdoc_id\tsentence"));
    assert_eq!(lines.count(), j.len());
}
