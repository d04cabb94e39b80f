//! `tacitus parse`: tag, lemmatize and parse raw text or CoNLL-U into CoNLL-U; with `--eval`
//! score against the gold columns, with `--bench` measure single-core throughput.

use anyhow::{bail, Context};
use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::time::Instant;
use tacitus_doc::{CharIndex, Document};
use tacitus_nlp::syntax::conllu::parse_treebank;
use tacitus_nlp::syntax::{evaluate, Analyzer, WordAnalysis};

#[derive(clap::Args)]
pub struct Args {
    /// Raw text file to segment and parse (`-` for stdin).
    pub input: Option<PathBuf>,
    /// Read CoNLL-U and keep its sentences and tokens.
    #[arg(long, conflicts_with = "input")]
    pub conllu: Option<PathBuf>,
    /// With --conllu: print UPOS/XPOS/lemma/UAS/LAS against the file's own annotation.
    #[arg(long, requires = "conllu")]
    pub eval: bool,
    /// With --conllu: print tag+parse throughput (tokens/s, one core) instead of CoNLL-U.
    #[arg(long, requires = "conllu")]
    pub bench: bool,
    /// Use this model file instead of the bundled one.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

fn load(args: &Args) -> anyhow::Result<Analyzer> {
    let t = Instant::now();
    let a = match &args.model {
        Some(p) => Analyzer::load(p)?,
        None => Analyzer::load_default()?,
    };
    if args.bench {
        eprintln!("model load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(a)
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    match (&args.conllu, &args.input) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let analyzer = load(args)?;
            let name = path.display().to_string();
            if args.eval {
                let gold = parse_treebank(&text, &name)?;
                println!("{}", evaluate(&analyzer, &gold).summary());
                Ok(0)
            } else if args.bench {
                bench(&analyzer, &text, &name)
            } else {
                let stdout = std::io::stdout();
                let mut out = BufWriter::new(stdout.lock());
                parse_conllu(&analyzer, &text, &name, &mut out)?;
                out.flush()?;
                Ok(0)
            }
        }
        (None, Some(path)) => {
            let mut text = String::new();
            if path.as_os_str() == "-" {
                std::io::stdin().read_to_string(&mut text).context("reading stdin")?;
            } else {
                text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            }
            let analyzer = load(args)?;
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            parse_raw(&analyzer, text, &mut out)?;
            out.flush()?;
            Ok(0)
        }
        (None, None) => {
            eprintln!("tacitus parse: give a text FILE (or -) or --conllu FILE");
            Ok(2)
        }
    }
}

/// Rewrite CoNLL-U: keep comments, ids, forms, multi-word tokens and empty nodes; fill
/// LEMMA, UPOS, XPOS, HEAD and DEPREL of every word line.
fn parse_conllu(analyzer: &Analyzer, text: &str, name: &str, out: &mut impl Write) -> anyhow::Result<()> {
    let mut block: Vec<(usize, &str)> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush_block(analyzer, &block, name, out)?;
            block.clear();
        } else {
            block.push((n + 1, line));
        }
    }
    flush_block(analyzer, &block, name, out)?;
    Ok(())
}

fn flush_block(analyzer: &Analyzer, block: &[(usize, &str)], name: &str, out: &mut impl Write) -> anyhow::Result<()> {
    if block.is_empty() {
        return Ok(());
    }
    let mut words: Vec<&str> = Vec::new();
    for (n, line) in block {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            bail!("{name}:{n}: expected 10 tab-separated columns, got {}", cols.len());
        }
        if cols[0].parse::<u32>().is_ok() {
            words.push(cols[1]);
        } else if !(cols[0].contains('-') || cols[0].contains('.')) {
            bail!("{name}:{n}: bad word id {:?}", cols[0]);
        }
    }
    let analysis = analyzer.analyze(&words);
    let mut k = 0;
    for (_, line) in block {
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols[0].parse::<u32>().is_err() {
            writeln!(out, "{line}")?;
            continue;
        }
        let a: &WordAnalysis = &analysis[k];
        k += 1;
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            cols[0],
            cols[1],
            a.lemma,
            a.upos.as_str(),
            a.xpos_str(),
            cols[5],
            a.head,
            a.deprel.as_str(),
            cols[8],
            cols[9]
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// Segment raw text, analyse it and write CoNLL-U with character offsets in MISC.
fn parse_raw(analyzer: &Analyzer, text: String, out: &mut impl Write) -> anyhow::Result<()> {
    let mut doc = Document::new("stdin", text, None);
    tacitus_nlp::segment::segment(&mut doc);
    analyzer.annotate(&mut doc);
    let chars = CharIndex::new(&doc.text);
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.token_range();
        if range.is_empty() || range.end > doc.tokens.len() {
            continue;
        }
        writeln!(out, "# sent_id = {}", si + 1)?;
        let sent_text: String = doc.slice(s.span).split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "# text = {sent_text}")?;
        for (k, i) in range.clone().enumerate() {
            let tok = doc.tokens[i];
            let syn = &doc.syntax[i];
            let head = if syn.head == tacitus_doc::syntax::ROOT {
                0
            } else {
                syn.head - s.first_token + 1
            };
            let form = doc.slice(tok.span).replace(['\t', '\n', '\r'], " ");
            let lemma = syn.lemma.replace(['\t', '\n', '\r'], " ");
            let [a, b] = chars.span(tok.span);
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tstart_char={a}|end_char={b}",
                k + 1,
                form,
                lemma,
                syn.upos.as_str(),
                syn.xpos_str(),
                head,
                syn.deprel.as_str()
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// CPU time of this thread in seconds (Linux), to measure throughput on a shared machine.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Time tagging alone and tagging + lemmas + parsing over the file's sentences, one thread.
/// Rates are per second of this thread's CPU time when the OS reports it (other processes on
/// a shared machine then do not count), else per wall-clock second.
fn bench(analyzer: &Analyzer, text: &str, name: &str) -> anyhow::Result<u8> {
    let gold = parse_treebank(text, name)?;
    let sents: Vec<Vec<&str>> = gold.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    let tokens: usize = sents.iter().map(|s| s.len()).sum();
    let longest = sents.iter().map(|s| s.len()).max().unwrap_or(0);
    // Rounds over the whole file for about 3 seconds; the rate over all rounds and that of
    // the best round (the least disturbed by other processes on a shared machine).
    let run = |full: bool| {
        let (t, c) = (Instant::now(), thread_cpu_seconds());
        let mut rounds = 0usize;
        let mut sink = 0usize;
        let mut best = f64::MAX;
        while rounds == 0 || t.elapsed().as_secs_f64() < 3.0 {
            let (rt, rc) = (Instant::now(), thread_cpu_seconds());
            for s in &sents {
                sink += if full { analyzer.analyze(s).len() } else { analyzer.tag(s).len() };
            }
            let round = match (rc, thread_cpu_seconds()) {
                (Some(a), Some(b)) if b > a => b - a,
                _ => rt.elapsed().as_secs_f64(),
            };
            best = best.min(round);
            rounds += 1;
        }
        let wall = t.elapsed().as_secs_f64();
        let cpu = match (c, thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => wall,
        };
        (sink as f64 / cpu, sink as f64 / wall, rounds, tokens as f64 / best)
    };
    let (tag_cpu, _, _, tag_best) = run(false);
    let (full_cpu, full_wall, rounds, full_best) = run(true);
    println!(
        "sentences {} tokens {tokens} (longest {longest}); tag only {tag_cpu:.0} tokens/s; \
         tag+lemma+parse {full_cpu:.0} tokens/s per CPU-second ({full_wall:.0} per wall second; {rounds} rounds, 1 thread); \
         best round: tag only {tag_best:.0}, tag+lemma+parse {full_best:.0} tokens/s",
        sents.len(),
    );
    Ok(0)
}
