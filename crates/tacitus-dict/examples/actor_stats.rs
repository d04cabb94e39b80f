//! Print the size of the actor dictionaries, their load time and memory, and the matching
//! speed; with `--scan FILE.jsonl` also the most frequent matches over the `text` fields of a
//! JSON-lines file (a quick look for names that match too often).
//!
//! `cargo run --release -p tacitus-dict --example actor_stats [DIR] [--scan FILE.jsonl]`

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use tacitus_dict::actors::{ActorDict, Result};

fn load(dir: Option<&str>) -> Result<ActorDict> {
    match dir {
        Some(dir) => ActorDict::load_dir(Path::new(dir)),
        None => ActorDict::load_default(),
    }
}

/// Whitespace tokens with trailing punctuation and a possessive split off.
fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_start_matches(['"', '“', '(', '[', '‘']);
        let core = word.trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '”', ')', ']', '’']);
        let (stem, poss) = match core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")) {
            Some(stem) if !stem.is_empty() => (stem, &core[stem.len()..]),
            _ => (core, ""),
        };
        if !stem.is_empty() {
            out.push(stem);
        }
        if !poss.is_empty() {
            out.push(poss);
        }
        if core.len() < word.len() {
            out.push(&word[core.len()..]);
        }
    }
    out
}

fn run() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scan = args.iter().position(|a| a == "--scan").and_then(|i| args.get(i + 1)).cloned();
    let dir = args.first().filter(|a| !a.starts_with("--")).map(String::as_str);

    let start = Instant::now();
    let dict = load(dir)?;
    let first = start.elapsed();
    // Later loads give a steadier figure than the first (page faults, allocator warm-up).
    let mut best = first;
    for _ in 0..3 {
        let t = Instant::now();
        drop(load(dir)?);
        best = best.min(t.elapsed());
    }
    let stats = dict.stats();
    println!("actor dictionary: {} files", stats.files);
    for (kind, n) in &stats.entries {
        println!("  {:<13} {n:>6}", kind.as_str());
    }
    let total: usize = stats.entries.iter().map(|(_, n)| n).sum();
    println!("  {:<13} {total:>6}", "total entries");
    println!("surface forms compiled: {}", stats.forms);
    println!("trie nodes: {}, vocabulary: {}", stats.trie_nodes, stats.vocabulary);
    println!("approx. heap: {:.2} MiB", stats.heap_bytes as f64 / (1024.0 * 1024.0));
    println!(
        "load time: first {:.1} ms, best of 4 {:.1} ms",
        first.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3
    );

    let text = "Azerbaijani president Ilham Aliyev and Armenian prime minister Nikol Pashinyan met in the \
        Russian resort city of Sochi for peace talks hosted by Russian president Vladimir Putin , \
        described as productive by the Kremlin . Yerevan said Azerbaijani forces occupied ten square \
        kilometers of Armenian territory , while the United Nations Security Council urged restraint .";
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let rounds = 20_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        hits += count_matches(&dict, &tokens, |_, _| {});
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "matching: {:.0} tokens/s ({} matches per pass over {} tokens)",
        (rounds * tokens.len()) as f64 / secs,
        hits / rounds,
        tokens.len()
    );

    if let Some(path) = scan {
        let data = std::fs::read_to_string(&path)?;
        let mut counts: HashMap<(String, &'static str), usize> = HashMap::new();
        let (mut docs, mut ntokens, mut matches) = (0usize, 0usize, 0usize);
        let t = Instant::now();
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let Some(text) = value.get("text").and_then(|v| v.as_str()) else {
                continue;
            };
            let tokens = tokenize(text);
            docs += 1;
            ntokens += tokens.len();
            matches += count_matches(&dict, &tokens, |words, kind| {
                *counts.entry((words, kind)).or_default() += 1;
            });
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "scan of {path}: {docs} documents, {ntokens} tokens, {matches} matches, {:.0} tokens/s",
            ntokens as f64 / secs
        );
        let mut top: Vec<_> = counts.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for ((words, kind), n) in top
            .iter()
            .filter(|((_, k), _)| *k != "sector")
            .take(std::env::var("TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(60))
        {
            println!("  {n:>5}  {kind:<12} {words}");
        }
    }
    Ok(())
}

/// Greedy left-to-right longest matches; `seen` gets the matched words and the entry kind.
fn count_matches(dict: &ActorDict, tokens: &[&str], mut seen: impl FnMut(String, &'static str)) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < tokens.len() {
        match dict.longest_match(tokens, i) {
            Some(m) => {
                seen(tokens[i..i + m.len].join(" "), m.entry.kind.as_str());
                n += 1;
                i += m.len;
            }
            None => i += 1,
        }
    }
    n
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
