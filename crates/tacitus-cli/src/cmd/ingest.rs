//! `tacitus ingest`: code a corpus into a SQLite store, in parallel, resumably, de-duplicated.
//!
//! Input is a JSONL file (plain or `.gz`, one document per line, see spec/io.md) or a folder
//! of plain-text files (or one `.txt` file). A text file's id is its path inside the folder without extension; its
//! date comes from a first line `date: YYYY-MM-DD` followed by a blank line (the text then
//! starts after the blank line, as in examples/*.txt), or else from `--date`. Files that are
//! binary, not UTF-8 or undated are reported on stderr and skipped, like bad JSONL lines.

use anyhow::Context;
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tacitus::input::{decode_text, open_jsonl, read_jsonl, InputDoc};
use tacitus_store::{CodedDoc, DedupConfig, DocMeta, Incoming, IngestOptions, IngestStats, Reporter};

#[derive(clap::Args)]
pub struct Args {
    /// The store (created if missing).
    #[arg(long, default_value = "tacitus.db")]
    pub db: PathBuf,
    /// A JSONL file (plain or .gz) or a folder of .txt files.
    #[arg(long)]
    pub input: PathBuf,
    /// Publication date of text files that have no `date:` first line.
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// Coding workers (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per transaction at most.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Largest distance in days between mentions of one event.
    #[arg(long, default_value_t = 2)]
    pub window_days: i64,
    /// Largest distance in km between the places of mentions of one event.
    #[arg(long, default_value_t = 50.0)]
    pub max_km: f64,
    /// Keep every mention as its own event.
    #[arg(long)]
    pub no_dedup: bool,
    /// No progress bar even on a terminal.
    #[arg(long)]
    pub quiet: bool,
}

/// Progress on stderr: a bar on a terminal, nothing otherwise; bad items always.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: Option<u64>, show: bool) -> Progress {
        if !show {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(n) => {
                let bar = indicatif::ProgressBar::new(n);
                let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {percent}% ETA {eta} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
                bar.set_style(style);
                bar
            }
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Reporter for Progress {
    fn bad(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    fn progress(&self, stats: &IngestStats) {
        if let Some(bar) = &self.bar {
            bar.set_position(stats.units);
            let secs = stats.elapsed.as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} docs ({:.0} docs/s, {:.0} sentences/s), {} skipped, {} bad",
                stats.docs,
                stats.docs as f64 / secs,
                stats.sentences as f64 / secs,
                stats.skipped,
                stats.bad
            ));
        }
    }
}

/// The store's metadata of an input document.
pub(crate) fn meta_of(doc: &InputDoc) -> DocMeta {
    let mut meta = DocMeta::new(&doc.id, &doc.text, doc.date);
    meta.source = doc.source.clone();
    meta.url = doc.url.clone();
    meta.title = doc.title.clone();
    meta
}

/// A text file's document: `date:` header (then a blank line) or the fallback date.
pub(crate) fn text_document(id: &str, text: &str, fallback: Option<NaiveDate>, origin: &str) -> Result<InputDoc, String> {
    if let Some(doc) = tacitus::examples::parse_example(id, text) {
        let mut doc = doc;
        doc.source = None;
        return Ok(doc);
    }
    if text.starts_with("date:") {
        return Err(format!(
            "{origin}:1: bad `date:` line (expected `date: YYYY-MM-DD` then a blank line)"
        ));
    }
    match fallback {
        Some(date) => Ok(InputDoc::new(id, text, date)),
        None => Err(format!(
            "{origin}:1: no date (start the file with `date: YYYY-MM-DD` and a blank line, or pass --date)"
        )),
    }
}

/// A stream of input items for the ingest pipeline.
type Items = Box<dyn Iterator<Item = Incoming<InputDoc>> + Send>;

/// Every regular, non-hidden file under a folder, sorted (so runs are reproducible).
fn files_under(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Stream the documents of a folder of text files.
fn folder_items(root: &Path, date: Option<NaiveDate>) -> std::io::Result<(u64, Items)> {
    // A single .txt file is a folder of one, its id the file stem.
    let (files, root) = if root.is_file() {
        (vec![root.to_path_buf()], root.parent().unwrap_or(Path::new("")).to_path_buf())
    } else {
        (files_under(root)?, root.to_path_buf())
    };
    let total = files.len() as u64;
    let iter = files.into_iter().map(move |path| {
        let origin = path.display().to_string();
        let rel = path.strip_prefix(&root).unwrap_or(&path).with_extension("");
        let id = rel.to_string_lossy().replace('\\', "/");
        let result = std::fs::read(&path)
            .map_err(|e| format!("{origin}: {e}"))
            .and_then(|bytes| decode_text(bytes, &origin).map_err(|e| e.to_string()))
            .and_then(|text| text_document(&id, &text, date, &origin));
        match result {
            Ok(doc) => Incoming::Doc {
                meta: meta_of(&doc),
                payload: doc,
                units: 1,
            },
            Err(message) => Incoming::Bad { message, units: 1 },
        }
    });
    Ok((total, Box::new(iter)))
}

/// Stream the documents of a JSONL file; progress in bytes (approximate for escaped text).
fn jsonl_items(path: &Path) -> std::io::Result<(Option<u64>, Items)> {
    let reader = open_jsonl(path)?;
    let gz = path.extension().is_some_and(|e| e == "gz");
    let total = if gz { None } else { Some(std::fs::metadata(path)?.len()) };
    let origin = path.display().to_string();
    let iter = read_jsonl(reader, &origin).map(|item| match item {
        Ok(doc) => {
            let units = doc.text.len() as u64 + doc.id.len() as u64 + 40;
            Incoming::Doc {
                meta: meta_of(&doc),
                payload: doc,
                units,
            }
        }
        Err(e) => Incoming::Bad {
            message: e.to_string(),
            units: 0,
        },
    });
    Ok((total, Box::new(iter)))
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    if !args.input.exists() {
        eprintln!("tacitus ingest: {}: no such file or folder", args.input.display());
        return Ok(2);
    }
    if args.window_days < 0 || args.max_km.is_nan() || args.max_km < 0.0 {
        eprintln!("tacitus ingest: --window-days and --max-km must be non-negative");
        return Ok(2);
    }
    let is_text = args.input.extension().is_some_and(|e| e == "txt");
    let (total, items) = if args.input.is_dir() || is_text {
        let (n, items) = folder_items(&args.input, args.date).with_context(|| format!("reading {}", args.input.display()))?;
        (Some(n), items)
    } else {
        jsonl_items(&args.input).with_context(|| format!("reading {}", args.input.display()))?
    };
    let pipeline = tacitus::Pipeline::english().context("loading the English pipeline")?;
    let options = IngestOptions {
        threads: args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
        batch_docs: args.batch.max(1),
        dedup: DedupConfig {
            window_days: args.window_days,
            max_km: args.max_km,
            enabled: !args.no_dedup,
        },
        ..IngestOptions::default()
    };
    let progress = Progress::new(total, !args.quiet && std::io::stderr().is_terminal());
    let code = |meta: &DocMeta, doc: InputDoc| {
        let (coded, events) = pipeline.code(&doc);
        CodedDoc {
            meta: meta.clone(),
            n_sentences: coded.sentences.len() as u32,
            events,
        }
    };
    let result = tacitus_store::ingest(&args.db, items, code, &options, &progress);
    progress.finish();
    let stats = result.with_context(|| format!("ingesting into {}", args.db.display()))?;
    eprintln!("{}", stats.summary());
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_take_their_date_from_the_header_or_the_flag() {
        let d = text_document("a", "date: 2022-10-31\n\nPutin hosted talks.", None, "a.txt").unwrap();
        assert_eq!(
            (d.date.to_string().as_str(), d.text.as_str()),
            ("2022-10-31", "Putin hosted talks.")
        );
        let fallback = "2020-01-02".parse().ok();
        assert_eq!(
            text_document("b", "No header.", fallback, "b.txt").unwrap().date.to_string(),
            "2020-01-02"
        );
        assert!(text_document("c", "No header.", None, "c.txt")
            .unwrap_err()
            .contains("c.txt:1: no date"));
        assert!(text_document("d", "date: soon\n\nx", fallback, "d.txt")
            .unwrap_err()
            .contains("bad `date:`"));
    }
}
