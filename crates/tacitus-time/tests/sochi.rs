//! End-to-end checks on the shared demo article (skipped when ../shared is absent).

use std::path::PathBuf;
use tacitus_doc::Document;
use tacitus_time::TimeTagger;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    p.exists().then_some(p)
}

#[test]
fn sochi_article_dates() {
    let Some(path) = shared("seed/sochi-talks.txt") else {
        eprintln!("SKIP: ../shared absent (seed/sochi-talks.txt)");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("sochi article is UTF-8");
    let mut doc = Document::new("sochi-talks", text, chrono::NaiveDate::from_ymd_opt(2022, 10, 31));
    TimeTagger::new().tag(&mut doc);
    let got: Vec<(String, String)> = doc
        .timexes
        .iter()
        .map(|t| (doc.slice(t.span).to_string(), t.value.clone()))
        .collect();
    let has = |text: &str, value: &str| got.iter().any(|(t, v)| t == text && v == value);
    for (text, value) in [
        ("September", "2022-09"),
        ("Monday", "2022-10-31"),
        ("2020", "2020"),
        ("November 2020", "2020-11"),
        ("decades", "PXDE"),
        ("two decades", "P20Y"),
        ("1988", "1988"),
        ("1991", "1991"),
    ] {
        assert!(has(text, value), "missing {text:?} = {value}; got {got:?}");
    }
    // both "on Monday" mentions, and "The 2020 conflict" as a year
    assert_eq!(got.iter().filter(|(t, _)| t == "Monday").count(), 2, "{got:?}");
    assert!(got.iter().filter(|(t, v)| t == "2020" && v == "2020").count() >= 2, "{got:?}");
    // nothing else is a date in this article
    assert!(got.len() <= 12, "unexpected extra expressions: {got:?}");
}
