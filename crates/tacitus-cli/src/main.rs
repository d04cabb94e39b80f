//! `tacitus`: political event coding from news text. See `tacitus --help`.

mod cmd;
mod docs;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// tacitus turns news text into coded political events (CAMEO and PLOVER): who did what to
/// whom, when and where, with the words each event came from.
#[derive(Parser)]
#[command(name = "tacitus", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into event records (JSONL or TSV).
    Code(cmd::code::Args),
    /// Tokenize, tag and parse text or CoNLL-U into CoNLL-U.
    Parse(cmd::parse::Args),
    /// Find and resolve place names (JSONL, one record per mention).
    Places(cmd::places::Args),
    /// Find and resolve temporal expressions (JSONL, one record per expression).
    Dates(cmd::dates::Args),
    /// Code the bundled example articles into a SQLite store and print what happened.
    Demo(cmd::demo::Args),
    /// Show how one sentence is analysed and coded, and why.
    Explain(cmd::explain::Args),
    /// Score the coder against the development sets (PLOVER, CAMEO manual, actor spans).
    Eval(cmd::eval::Args),
    /// Train the tagger and parser from Universal Dependencies treebanks.
    Train(cmd::train::Args),
    /// Measure throughput of the pipeline stages on a corpus.
    Bench(cmd::bench::Args),
    /// Ingest a corpus into a SQLite store (parallel, resumable, de-duplicated).
    Ingest(cmd::ingest::Args),
    /// Query a store: events, filters, dyad time series.
    Query(cmd::query::Args),
    /// Export a store to Parquet, CSV or JSONL.
    Export(cmd::export::Args),
    /// Build the compact gazetteer resource from GeoNames data.
    Gazetteer(cmd::gazetteer::Args),
    /// Run PETRARCH validation records with PETRARCH dictionaries.
    PetrarchValidate(cmd::petrarch::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Parse(a) => cmd::parse::run(a),
        Command::Places(a) => cmd::places::run(a),
        Command::Dates(a) => cmd::dates::run(a),
        Command::Demo(a) => cmd::demo::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Query(a) => cmd::query::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Gazetteer(a) => cmd::gazetteer::run(a),
        Command::PetrarchValidate(a) => cmd::petrarch::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("tacitus: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
