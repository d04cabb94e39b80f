//! Prints how many event patterns each CAMEO root has, which codes have none, and any duplicate
//! or conflicting patterns: `cargo run -p tacitus-dict --example pattern_stats [DIR]`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use tacitus_dict::cameo::CameoTable;
use tacitus_dict::verbs::{PatternDict, TriggerPos};

fn main() -> ExitCode {
    let loaded = match std::env::args().nth(1) {
        Some(dir) => PatternDict::load_dir(Path::new(&dir)),
        None => PatternDict::load_default(),
    };
    let (dict, table) = match (loaded, CameoTable::load_default()) {
        (Ok(d), Ok(t)) => (d, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let counts = dict.counts_by_code();
    let mut by_root: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for code in table.codes() {
        let n = counts.get(code.code.as_str()).copied().unwrap_or(0);
        let entry = by_root.entry(code.root()).or_default();
        entry.0 += n;
        entry.1 += 1;
        entry.2 += usize::from(n > 0);
    }
    println!("{:<5} {:<40} {:>8} {:>14}", "root", "name", "patterns", "codes covered");
    for (root, (n, codes, covered)) in &by_root {
        let name = table.get(root).map(|c| c.name.as_str()).unwrap_or("?");
        println!("{root:<5} {name:<40} {n:>8} {covered:>8}/{codes:<5}");
    }
    let pos_count = |pos: TriggerPos| dict.patterns.iter().filter(|p| p.pos == pos).count();
    println!(
        "total {} patterns (verbs {}, nouns {}, adjectives {}), {} codes",
        dict.len(),
        pos_count(TriggerPos::Verb),
        pos_count(TriggerPos::Noun),
        pos_count(TriggerPos::Adj),
        table.len()
    );
    let missing: Vec<&str> = table.codes().map(|c| c.code.as_str()).filter(|c| !counts.contains_key(c)).collect();
    if !missing.is_empty() {
        println!("codes without patterns ({}): {}", missing.len(), missing.join(" "));
    }
    let thin: Vec<&str> = table
        .codes()
        .map(|c| c.code.as_str())
        .filter(|c| counts.get(c).is_some_and(|&n| n < 3))
        .collect();
    if !thin.is_empty() {
        println!("codes with 1-2 patterns ({}): {}", thin.len(), thin.join(" "));
    }
    for w in &dict.warnings {
        println!("warning: {w}");
    }
    ExitCode::SUCCESS
}
