//! Where the documents of a command come from: one text file (or stdin) with `--date`/`--id`,
//! or a JSONL batch with `--input`. Problems are located (file:line) and never stop the batch.

use anyhow::Context;
use std::io::Read;
use std::path::{Path, PathBuf};
use tacitus::input::{decode_text, open_jsonl, parse_date, read_jsonl, InputDoc, InputError};

/// Documents to process, as a stream of documents or located errors.
pub type DocStream = Box<dyn Iterator<Item = Result<InputDoc, InputError>> + Send>;

/// A usage problem (exit code 2) rather than a failed run.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Open the documents named by the common arguments.
pub fn open(file: Option<&Path>, date: Option<&str>, id: Option<&str>, input: Option<&Path>) -> anyhow::Result<DocStream> {
    match (file, input) {
        (Some(_), Some(_)) => Err(UsageError("give either a FILE or --input, not both".into()).into()),
        (None, None) => {
            Err(UsageError("nothing to read: give a text FILE (or - for stdin) with --date, or --input docs.jsonl".into()).into())
        }
        (None, Some(path)) => {
            let reader = open_jsonl(path).with_context(|| format!("cannot open {}", path.display()))?;
            Ok(Box::new(read_jsonl(reader, &path.display().to_string())))
        }
        (Some(path), None) => {
            let Some(date_s) = date else {
                return Err(UsageError(format!(
                    "{}: --date YYYY-MM-DD is required for a text file (the publication date anchors relative dates)",
                    path.display()
                ))
                .into());
            };
            let Some(date) = parse_date(date_s) else {
                return Err(UsageError(format!("--date {date_s:?}: expected YYYY-MM-DD")).into());
            };
            let (bytes, origin, stem) = if path == Path::new("-") {
                let mut b = Vec::new();
                std::io::stdin().read_to_end(&mut b).context("cannot read stdin")?;
                (b, "<stdin>".to_string(), "stdin".to_string())
            } else {
                let b = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "doc".into());
                (b, path.display().to_string(), stem)
            };
            let id = id.map(str::to_string).unwrap_or(stem);
            let item = decode_text(bytes, &origin).map(|text| InputDoc::new(&id, &text, date));
            Ok(Box::new(std::iter::once(item)))
        }
    }
}

/// Counts for the run summary.
#[derive(Default, Debug)]
pub struct Summary {
    pub docs: u64,
    pub skipped: u64,
    pub records: u64,
    pub sentences: u64,
}

impl Summary {
    pub fn report(&self, what: &str) {
        eprintln!(
            "tacitus: {} documents, {} sentences, {} {what}; {} input lines/documents skipped",
            self.docs, self.sentences, self.records, self.skipped
        );
    }
}

/// Common arguments: which documents to read.
#[derive(clap::Args, Debug, Clone)]
pub struct DocArgs {
    /// A plain-text document (`-` reads stdin); needs --date.
    pub file: Option<PathBuf>,
    /// Publication date of FILE (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// Document id of FILE (default: the file's stem).
    #[arg(long)]
    pub id: Option<String>,
    /// JSON Lines documents ({"id","text","date",...}), plain or .gz.
    #[arg(long)]
    pub input: Option<PathBuf>,
}

impl DocArgs {
    pub fn open(&self) -> anyhow::Result<DocStream> {
        open(
            self.file.as_deref(),
            self.date.as_deref(),
            self.id.as_deref(),
            self.input.as_deref(),
        )
    }
}

/// Exit code for an error: 2 for usage problems, 1 otherwise.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<UsageError>().is_some() {
        2
    } else {
        1
    }
}
