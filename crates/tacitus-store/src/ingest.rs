//! The parallel ingest pipeline: one reader → N coding workers → one writer.
//!
//! Channels are bounded and at most [`IngestOptions::in_flight`] documents are between the
//! reader and the writer at any time, so memory stays flat however large the corpus. The
//! writer stores documents in input order (a small reorder buffer), batching them into
//! transactions: the store is always a prefix of the input, so the result is the same whatever
//! the number of threads, and an ingest killed at any moment resumes where it stopped (the
//! reader skips documents already stored with the same hash).

use crate::{CodedDoc, DedupConfig, DocMeta, Error, Result, Store};
use crossbeam_channel::{bounded, Receiver, Sender};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One item from the input: a document to code, or a bad line/file already located.
pub enum Incoming<T> {
    /// `units` is how far this item advances the progress (bytes, files, ...).
    Doc {
        meta: DocMeta,
        payload: T,
        units: u64,
    },
    Bad {
        message: String,
        units: u64,
    },
}

/// Settings of an ingest run.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Coding workers (at least 1).
    pub threads: usize,
    /// Documents per transaction at most.
    pub batch_docs: usize,
    /// Longest time a transaction stays open before it is committed.
    pub batch_time: Duration,
    /// Documents read but not yet written, at most.
    pub in_flight: usize,
    pub dedup: DedupConfig,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            threads: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            batch_docs: 256,
            batch_time: Duration::from_millis(500),
            in_flight: 256,
            dedup: DedupConfig::default(),
        }
    }
}

/// What an ingest run did.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct IngestStats {
    /// Documents written (new or updated).
    pub docs: u64,
    /// Documents already stored with the same content.
    pub skipped: u64,
    /// Bad lines or files, and documents the coder failed on.
    pub bad: u64,
    /// Event mentions written.
    pub events: u64,
    /// Sentences of the documents written.
    pub sentences: u64,
    /// Progress units done (see [`Incoming`]).
    pub units: u64,
    pub elapsed: Duration,
}

impl IngestStats {
    /// The one-line summary printed at the end of a run.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 { self.sentences as f64 / secs } else { 0.0 };
        format!(
            "ingested {} docs, skipped {}, bad {}, {} events, {} sentences in {:.1}s ({:.0} sentences/s)",
            self.docs, self.skipped, self.bad, self.events, self.sentences, secs, rate
        )
    }
}

/// Where an ingest run reports problems and progress.
pub trait Reporter: Sync {
    /// A bad line, file or document (already located), skipped.
    fn bad(&self, message: &str);
    /// Progress after each commit.
    fn progress(&self, stats: &IngestStats);
}

/// A reporter that writes bad items to stderr and shows no progress.
pub struct StderrReporter;

impl Reporter for StderrReporter {
    fn bad(&self, message: &str) {
        eprintln!("{message}");
    }
    fn progress(&self, _stats: &IngestStats) {}
}

/// What a worker hands to the writer, in input order (`seq`).
enum Coded {
    Doc(Box<CodedDoc>, u64),
    Failed(String, u64),
}

/// Counters the reader updates and the writer reports.
#[derive(Default)]
struct ReaderCounts {
    skipped: AtomicU64,
    bad: AtomicU64,
    units: AtomicU64,
}

/// Ingest `items` into the store at `path`, coding each document with `code` on
/// `options.threads` workers. `code` may panic: the document is then reported and skipped.
pub fn ingest<I, T, F>(path: &Path, items: I, code: F, options: &IngestOptions, reporter: &dyn Reporter) -> Result<IngestStats>
where
    I: Iterator<Item = Incoming<T>> + Send,
    T: Send,
    F: Fn(&DocMeta, T) -> CodedDoc + Sync,
{
    let start = Instant::now();
    let mut store = Store::open(path)?;
    store.set_meta(
        "dedup",
        &format!("window_days={} max_km={}", options.dedup.window_days, options.dedup.max_km),
    )?;
    let reader_store = Store::open_readonly(path)?;
    let threads = options.threads.max(1);
    let in_flight = options.in_flight.max(threads * 2);
    let (job_tx, job_rx) = bounded::<Job<T>>(threads * 2);
    let (done_tx, done_rx) = bounded::<(u64, Coded)>(threads * 2);
    // One token per document between reader and writer bounds the reorder buffer.
    let (token_tx, token_rx) = bounded::<()>(in_flight);
    let counts = ReaderCounts::default();

    std::thread::scope(|scope| {
        let counts_ref = &counts;
        let reader = scope.spawn(move || read_loop(items, &reader_store, job_tx, token_tx, counts_ref, reporter));
        for _ in 0..threads {
            let (rx, tx, code) = (job_rx.clone(), done_tx.clone(), &code);
            scope.spawn(move || work_loop(rx, tx, code));
        }
        drop((job_rx, done_tx));
        let written = write_loop(&mut store, done_rx, token_rx, &counts, options, reporter, start);
        let read = reader.join().map_err(|_| Error::Ingest("the reader thread panicked".into()))?;
        let stats = written?;
        read?;
        Ok(stats)
    })
}

/// A document on its way to a worker: input order, metadata, payload, progress units.
type Job<T> = (u64, DocMeta, T, u64);

/// Reader: skip stored documents, report bad items, hand the rest to the workers in order.
fn read_loop<I, T>(
    items: I,
    store: &Store,
    job_tx: Sender<Job<T>>,
    token_tx: Sender<()>,
    counts: &ReaderCounts,
    reporter: &dyn Reporter,
) -> Result<()>
where
    I: Iterator<Item = Incoming<T>>,
{
    let mut seq = 0u64;
    for item in items {
        match item {
            Incoming::Bad { message, units } => {
                reporter.bad(&message);
                counts.bad.fetch_add(1, Ordering::Relaxed);
                counts.units.fetch_add(units, Ordering::Relaxed);
            }
            Incoming::Doc { meta, payload, units } => {
                if store.contains(&meta.id, &meta.hash)? {
                    counts.skipped.fetch_add(1, Ordering::Relaxed);
                    counts.units.fetch_add(units, Ordering::Relaxed);
                    continue;
                }
                // Both sends fail only when the writer has stopped (on an error it reports).
                if token_tx.send(()).is_err() || job_tx.send((seq, meta, payload, units)).is_err() {
                    return Ok(());
                }
                seq += 1;
            }
        }
    }
    Ok(())
}

/// Worker: code documents; a panic in the coder becomes a reported failure.
fn work_loop<T, F>(jobs: Receiver<Job<T>>, done: Sender<(u64, Coded)>, code: &F)
where
    F: Fn(&DocMeta, T) -> CodedDoc + Sync,
{
    for (seq, meta, payload, units) in jobs {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| code(&meta, payload)));
        let coded = match result {
            Ok(doc) => Coded::Doc(Box::new(doc), units),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Coded::Failed(format!("{}: the coder failed on this document ({why}); skipped", meta.id), units)
            }
        };
        if done.send((seq, coded)).is_err() {
            return;
        }
    }
}

/// Writer: put results back in input order and commit them in batches.
fn write_loop(
    store: &mut Store,
    done: Receiver<(u64, Coded)>,
    tokens: Receiver<()>,
    counts: &ReaderCounts,
    options: &IngestOptions,
    reporter: &dyn Reporter,
    start: Instant,
) -> Result<IngestStats> {
    let mut stats = IngestStats::default();
    let mut pending: BTreeMap<u64, Coded> = BTreeMap::new();
    let mut next = 0u64;
    let mut batch: Vec<CodedDoc> = Vec::new();
    let mut batch_units = 0u64;
    let mut batch_started = Instant::now();
    let snapshot = |stats: &IngestStats| IngestStats {
        skipped: stats.skipped + counts.skipped.load(Ordering::Relaxed),
        bad: stats.bad + counts.bad.load(Ordering::Relaxed),
        units: stats.units + counts.units.load(Ordering::Relaxed),
        elapsed: start.elapsed(),
        ..*stats
    };
    let mut commit = |batch: &mut Vec<CodedDoc>, batch_units: &mut u64, stats: &mut IngestStats| -> Result<()> {
        if !batch.is_empty() {
            let outcome = store.write_batch(batch, &options.dedup)?;
            stats.docs += outcome.inserted + outcome.replaced;
            stats.skipped += outcome.unchanged;
            stats.events += outcome.events;
            stats.sentences += outcome.sentences;
            batch.clear();
        }
        stats.units += std::mem::take(batch_units);
        reporter.progress(&snapshot(stats));
        Ok(())
    };
    let mut finished = false;
    while !finished {
        match done.recv_timeout(options.batch_time) {
            Ok((seq, coded)) => {
                pending.insert(seq, coded);
            }
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => finished = true,
        }
        while let Some(coded) = pending.remove(&next) {
            next += 1;
            let _ = tokens.try_recv();
            match coded {
                Coded::Doc(doc, units) => {
                    if batch.is_empty() {
                        batch_started = Instant::now();
                    }
                    batch.push(*doc);
                    batch_units += units;
                }
                Coded::Failed(message, units) => {
                    reporter.bad(&message);
                    stats.bad += 1;
                    batch_units += units;
                }
            }
            if batch.len() >= options.batch_docs.max(1) {
                commit(&mut batch, &mut batch_units, &mut stats)?;
            }
        }
        if finished || batch_started.elapsed() >= options.batch_time {
            commit(&mut batch, &mut batch_units, &mut stats)?;
            batch_started = Instant::now();
        }
    }
    if !pending.is_empty() {
        return Err(Error::Ingest(format!(
            "{} coded documents were lost between workers and writer",
            pending.len()
        )));
    }
    Ok(snapshot(&stats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::record;

    struct Quiet;
    impl Reporter for Quiet {
        fn bad(&self, _: &str) {}
        fn progress(&self, _: &IngestStats) {}
    }

    fn items(n: usize) -> Vec<Incoming<String>> {
        let date = "2022-10-31".parse().unwrap();
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    return Incoming::Bad {
                        message: format!("in:{i}: bad"),
                        units: 1,
                    };
                }
                let text = format!("doc {i} {}", "x".repeat(i % 5));
                Incoming::Doc {
                    meta: DocMeta::new(&format!("d{i}"), &text, date),
                    payload: text,
                    units: 1,
                }
            })
            .collect()
    }

    fn code(meta: &DocMeta, text: String) -> CodedDoc {
        if text.contains("doc 13 ") {
            panic!("boom");
        }
        let mut r = record("e0", &meta.id, if text.contains("xx") { "190" } else { "040" });
        r.text = text;
        CodedDoc {
            meta: meta.clone(),
            n_sentences: 2,
            events: vec![r],
        }
    }

    #[test]
    fn parallel_ingest_equals_serial_and_reruns_skip_everything() {
        let dir = std::env::temp_dir().join(format!("tacitus-store-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (one, four) = (dir.join("one.db"), dir.join("four.db"));
        for p in [&one, &four] {
            let _ = std::fs::remove_file(p);
        }
        let opts = |threads| IngestOptions {
            threads,
            batch_docs: 5,
            ..IngestOptions::default()
        };
        let s1 = ingest(&one, items(60).into_iter(), code, &opts(1), &Quiet).unwrap();
        let s4 = ingest(&four, items(60).into_iter(), code, &opts(4), &Quiet).unwrap();
        assert_eq!(s1.bad, 9 + 1, "9 bad lines plus one coder panic");
        assert_eq!(s1.docs, 60 - 9 - 1);
        assert_eq!(
            (s1.docs, s1.events, s1.sentences, s1.units),
            (s4.docs, s4.events, s4.sentences, s4.units)
        );
        let f1 = Store::open_readonly(&one).unwrap().fingerprint().unwrap();
        assert_eq!(f1, Store::open_readonly(&four).unwrap().fingerprint().unwrap());
        let again = ingest(&one, items(60).into_iter(), code, &opts(2), &Quiet).unwrap();
        assert_eq!((again.docs, again.skipped), (0, 50));
        assert_eq!(f1, Store::open_readonly(&one).unwrap().fingerprint().unwrap());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
