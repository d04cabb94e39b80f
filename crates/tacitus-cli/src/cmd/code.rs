//! `tacitus code`: documents in, event records out (spec/io.md), streamed in order.

use crate::docs::{DocArgs, Summary};
use rayon::prelude::*;
use std::io::Write;
use tacitus::doc::EventRecord;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Jsonl,
    Tsv,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub docs: DocArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Code with other dictionaries: `petrarch:DIR` reads a PETRARCH/TABARI dictionary folder
    /// (CAMEO.2.0.txt, Phoenix.*.txt).
    #[arg(long, value_name = "petrarch:DIR")]
    pub dictionaries: Option<String>,
    /// With --dictionaries: keep our dictionaries too and add the imported ones' events.
    #[arg(long)]
    pub merge: bool,
}

const TSV_HEADER: &str = "id\tdoc_id\tsentence\tdate\tdate_precision\tactor\trecipient\tcameo\tevent\tquad_class\tgoldstein\tmodality\tattributed_to\tlocation\tlat\tlon\ttrigger\trule\ttext";

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn tsv_line(r: &EventRecord) -> String {
    let codes = |v: &[tacitus::doc::ActorRecord]| v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(";");
    let loc = r.location.as_ref();
    [
        r.id.clone(),
        r.doc_id.clone(),
        r.sentence.to_string(),
        r.date.clone().unwrap_or_default(),
        r.date_precision.clone().unwrap_or_default(),
        codes(&r.actor),
        codes(&r.recipient),
        r.cameo.clone(),
        r.event.clone().unwrap_or_default(),
        r.quad_class.to_string(),
        r.goldstein.to_string(),
        r.modality.clone(),
        r.attributed_to.as_ref().map(|a| a.code.clone()).unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.map(|l| l.lat.to_string()).unwrap_or_default(),
        loc.map(|l| l.lon.to_string()).unwrap_or_default(),
        r.trigger.clone(),
        r.rule.clone(),
        r.text.clone(),
    ]
    .iter()
    .map(|s| tsv_field(s))
    .collect::<Vec<_>>()
    .join("\t")
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let docs = match args.docs.open() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tacitus code: {e:#}");
            return Ok(crate::docs::exit_code(&e));
        }
    };
    let mut pipeline = tacitus::Pipeline::english()?;
    if let Some(spec) = &args.dictionaries {
        let Some(dir) = spec.strip_prefix("petrarch:") else {
            eprintln!("tacitus code: --dictionaries {spec:?}: expected petrarch:DIR");
            return Ok(2);
        };
        pipeline = match pipeline.with_petrarch(std::path::Path::new(dir), args.merge) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("tacitus code: {e}");
                return Ok(2);
            }
        };
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == Format::Tsv {
        writeln!(out, "{TSV_HEADER}")?;
    }
    let mut summary = Summary::default();
    let mut batch = Vec::with_capacity(256);
    let mut docs = docs.peekable();
    while docs.peek().is_some() {
        batch.clear();
        // a bounded batch keeps memory flat however large the input
        for item in docs.by_ref().take(256) {
            match item {
                Ok(d) => batch.push(d),
                Err(e) => {
                    eprintln!("tacitus code: {e}; skipped");
                    summary.skipped += 1;
                }
            }
        }
        let coded: Vec<(u64, Vec<EventRecord>)> = pool.install(|| {
            batch
                .par_iter()
                .map(|d| {
                    let (doc, records) = pipeline.code(d);
                    (doc.sentences.len() as u64, records)
                })
                .collect()
        });
        for (sentences, records) in coded {
            summary.docs += 1;
            summary.sentences += sentences;
            summary.records += records.len() as u64;
            for r in &records {
                match args.format {
                    Format::Jsonl => {
                        serde_json::to_writer(&mut out, r)?;
                        out.write_all(b"\n")?;
                    }
                    Format::Tsv => writeln!(out, "{}", tsv_line(r))?,
                }
            }
        }
    }
    out.flush()?;
    summary.report("events");
    Ok(0)
}
