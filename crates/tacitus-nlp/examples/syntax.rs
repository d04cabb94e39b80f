//! Train, evaluate and benchmark the syntax models without the CLI:
//!
//! ```text
//! cargo run --release -p tacitus-nlp --example syntax -- train ../shared/ud resources/models/en_syntax.bin [--no-gum] [--jackknife K] [--tagger-epochs N] [--parser-epochs N]
//! cargo run --release -p tacitus-nlp --example syntax -- eval MODEL FILE.conllu
//! cargo run --release -p tacitus-nlp --example syntax -- bench MODEL FILE.conllu [--rounds N] [--hot K]
//! cargo run --release -p tacitus-nlp --example syntax -- prune MODEL OUT TAGGER_MIN PARSER_MIN
//! ```
//! `MODEL` may be `default` for the bundled model.

use std::path::Path;
use std::time::Instant;
use tacitus_nlp::syntax::conllu::read_treebank;
use tacitus_nlp::syntax::train::{package, train, training_sentences, TrainConfig};
use tacitus_nlp::syntax::{evaluate, Analyzer};

fn load(model: &str) -> Result<Analyzer, Box<dyn std::error::Error>> {
    let t = Instant::now();
    let a = if model == "default" {
        Analyzer::load_default()?
    } else {
        Analyzer::load(Path::new(model))?
    };
    eprintln!("model load {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    Ok(a)
}

/// CPU time of this thread in seconds (Linux schedstat; wall clock elsewhere).
fn cpu_seconds() -> f64 {
    let read = || -> Option<f64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
    };
    read().unwrap_or_else(|| {
        use std::sync::OnceLock;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64()
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    match args.first().map(String::as_str) {
        Some("train") if args.len() >= 3 => {
            let t0 = Instant::now();
            let no_gum = args.iter().any(|a| a == "--no-gum");
            let mut cfg = TrainConfig {
                use_gum: !no_gum,
                ..TrainConfig::default()
            };
            if let Some(k) = flag("--jackknife").and_then(|v| v.parse().ok()) {
                cfg.jackknife = k;
            }
            if let Some(e) = flag("--tagger-epochs").and_then(|v| v.parse().ok()) {
                cfg.tagger.epochs = e;
            }
            if let Some(e) = flag("--parser-epochs").and_then(|v| v.parse().ok()) {
                cfg.parser.epochs = e;
            }
            if let Some(w) = flag("--tagger-min").and_then(|v| v.parse().ok()) {
                cfg.tagger.min_weight = w;
            }
            if let Some(w) = flag("--parser-min").and_then(|v| v.parse().ok()) {
                cfg.parser.min_weight = w;
            }
            if let Some(r) = flag("--recase").and_then(|v| v.parse().ok()) {
                cfg.tagger.recase = r;
            }
            let ud = Path::new(&args[1]);
            let sents = training_sentences(ud, cfg.use_gum)?;
            let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
            if let Some(p) = flag("--tagger-prune").and_then(|v| v.parse().ok()) {
                cfg.tagger_prune = p;
            }
            if let Some(p) = flag("--parser-prune").and_then(|v| v.parse().ok()) {
                cfg.parser_prune = p;
            }
            let trained = train(&sents, &cfg, &mut log);
            let bytes = package(&trained, &cfg)?;
            std::fs::write(&args[2], &bytes)?;
            let a = Analyzer::from_bytes(&bytes)?;
            log(&format!("wrote {} ({} bytes, weights {:?})", args[2], bytes.len(), a.sizes()));
            let dev = read_treebank(&ud.join("en_ewt-ud-dev.conllu"))?;
            log(&format!("EWT dev: {}", evaluate(&a, &dev).summary()));
        }
        Some("eval") if args.len() >= 3 => {
            let a = load(&args[1])?;
            let gold = read_treebank(Path::new(&args[2]))?;
            println!("{}", evaluate(&a, &gold).summary());
        }
        Some("prune") if args.len() >= 5 => {
            let mut a = load(&args[1])?;
            let (tmin, min): (f32, f32) = (args[3].parse()?, args[4].parse()?);
            a.prune(tmin, min);
            let bytes = a.to_bytes();
            std::fs::write(&args[2], &bytes)?;
            println!("pruned at {tmin} {min}: {} bytes, weights {:?}", bytes.len(), a.sizes());
        }
        Some("confuse") if args.len() >= 3 => {
            let a = load(&args[1])?;
            let gold = read_treebank(Path::new(&args[2]))?;
            let mut c: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
            for g in &gold {
                let words: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
                for (w, p) in g.words.iter().zip(a.analyze(&words)) {
                    if w.upos != p.upos {
                        *c.entry(format!("{}->{} {}", w.upos.as_str(), p.upos.as_str(), w.form.to_lowercase()))
                            .or_default() += 1;
                        *c.entry(format!("{}->{}", w.upos.as_str(), p.upos.as_str())).or_default() += 1;
                    }
                }
            }
            let mut v: Vec<_> = c.into_iter().collect();
            v.sort_by_key(|x| std::cmp::Reverse(x.1));
            for (k, n) in v.iter().take(60) {
                println!("{n}\t{k}");
            }
        }
        Some("bench") if args.len() >= 3 => {
            // Best of N rounds over the file, per second of this thread's CPU time (a shared
            // machine disturbs single rounds; the best one is the least disturbed).
            let a = load(&args[1])?;
            let gold = read_treebank(Path::new(&args[2]))?;
            let mut sents: Vec<Vec<&str>> = gold.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
            if let Some(k) = flag("--hot").and_then(|v| v.parse::<usize>().ok()) {
                // The first k sentences over and over (their weights stay in the caches).
                sents = (0..sents.len()).map(|i| sents[i % k.max(1)].clone()).collect();
            }
            let rounds: usize = flag("--rounds").and_then(|v| v.parse().ok()).unwrap_or(8);
            let tokens: usize = sents.iter().map(|s| s.len()).sum();
            for full in [false, true] {
                let mut best = f64::MAX;
                for _ in 0..rounds {
                    let c = cpu_seconds();
                    let mut n = 0usize;
                    for s in &sents {
                        n += if full { a.analyze(s).len() } else { a.tag(s).len() };
                    }
                    assert_eq!(n, tokens);
                    best = best.min(cpu_seconds() - c);
                }
                println!(
                    "{} {:.0} tokens/s (best of {rounds} rounds, 1 thread, CPU time)",
                    if full { "tag+lemma+parse" } else { "tag only" },
                    tokens as f64 / best
                );
            }
        }
        _ => eprintln!("usage: syntax train UD_DIR OUT | eval MODEL FILE | bench MODEL FILE"),
    }
    Ok(())
}
