//! `tacitus bench`: throughput of each pipeline stage on a JSONL corpus, one core and all cores,
//! measured on the real code path in one run so the figures compare.

use rayon::prelude::*;
use std::time::Instant;
use tacitus::doc::Document;
use tacitus::InputDoc;

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines corpus (e.g. ../shared/corpus/news-dev.jsonl).
    #[arg(long)]
    pub input: std::path::PathBuf,
    /// Passes over the corpus per measurement (the best pass is reported).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Threads for the multi-core figure (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// One pipeline stage run on a document: (sentences, tokens, events).
type Stage<'a> = &'a (dyn Fn(&InputDoc) -> (u64, u64, u64) + Sync);

struct Figure {
    secs: f64,
    sentences: u64,
    tokens: u64,
    events: u64,
}

fn measure(docs: &[InputDoc], repeat: usize, f: Stage, threads: usize) -> anyhow::Result<Figure> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let mut best: Option<Figure> = None;
    for _ in 0..repeat.max(1) {
        let t0 = Instant::now();
        let (s, t, e) = pool.install(|| {
            docs.par_iter()
                .map(f)
                .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
        });
        let secs = t0.elapsed().as_secs_f64();
        if best.as_ref().is_none_or(|b| secs < b.secs) {
            best = Some(Figure {
                secs,
                sentences: s,
                tokens: t,
                events: e,
            });
        }
    }
    Ok(best.expect("at least one pass"))
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let reader = tacitus::input::open_jsonl(&args.input)?;
    let mut docs = Vec::new();
    let mut bad = 0;
    for item in tacitus::input::read_jsonl(reader, &args.input.display().to_string()) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("tacitus bench: {e}; skipped");
                bad += 1;
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t0 = Instant::now();
    let pipeline = tacitus::Pipeline::english()?;
    println!(
        "corpus: {} documents, {:.1} MB ({} bad lines); pipeline load {:.0} ms",
        docs.len(),
        bytes as f64 / 1e6,
        bad,
        t0.elapsed().as_secs_f64() * 1e3
    );
    let p = &pipeline;
    let new = |d: &InputDoc| Document::new(d.id.clone(), d.text.clone(), Some(d.date));
    let segment = |d: &InputDoc| {
        let mut doc = new(d);
        tacitus_nlp::segment::segment(&mut doc);
        (doc.sentences.len() as u64, doc.tokens.len() as u64, 0)
    };
    let parse = |d: &InputDoc| {
        let mut doc = new(d);
        p.parse(&mut doc);
        (doc.sentences.len() as u64, doc.tokens.len() as u64, 0)
    };
    let code = |d: &InputDoc| {
        let mut doc = new(d);
        p.parse(&mut doc);
        p.coder.code(&mut doc, None);
        (doc.sentences.len() as u64, doc.tokens.len() as u64, doc.events.len() as u64)
    };
    let full = |d: &InputDoc| {
        let (doc, records) = p.code(d);
        let json: usize = records.iter().map(|r| serde_json::to_string(r).map(|s| s.len()).unwrap_or(0)).sum();
        std::hint::black_box(json);
        (doc.sentences.len() as u64, doc.tokens.len() as u64, records.len() as u64)
    };
    let cores = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    println!(
        "{:<44} {:>8} {:>12} {:>12} {:>9}",
        "stage (threads)", "secs", "sentences/s", "tokens/s", "events"
    );
    let stages: [(&str, Stage); 4] = [
        ("segment", &segment),
        ("segment+tag+parse", &parse),
        ("segment+tag+parse+code (actors, events)", &code),
        ("full: + dates + places + records JSON", &full),
    ];
    let mut one_core_full = 0.0;
    for (name, f) in stages {
        let fig = measure(&docs, args.repeat, f, 1)?;
        let sps = fig.sentences as f64 / fig.secs;
        println!(
            "{:<44} {:>8.3} {:>12.0} {:>12.0} {:>9}",
            format!("{name} (1)"),
            fig.secs,
            sps,
            fig.tokens as f64 / fig.secs,
            fig.events
        );
        if name.starts_with("full") {
            one_core_full = sps;
        }
    }
    let fig = measure(&docs, args.repeat, &full, cores)?;
    let sps = fig.sentences as f64 / fig.secs;
    println!(
        "{:<44} {:>8.3} {:>12.0} {:>12.0} {:>9}",
        format!("full ({cores})"),
        fig.secs,
        sps,
        fig.tokens as f64 / fig.secs,
        fig.events
    );
    println!(
        "multi-core speed-up (full pipeline, {cores} threads vs 1): {:.2}x",
        sps / one_core_full.max(1e-9)
    );
    Ok(0)
}
