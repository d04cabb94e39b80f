//! `tacitus export`: write a store's events to Parquet, CSV or JSON Lines.

use anyhow::Context;
use std::path::PathBuf;
use tacitus_store::{ExportFormat, Store};

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "tacitus.db")]
    pub db: PathBuf,
    /// parquet, csv or jsonl.
    #[arg(long, default_value = "parquet")]
    pub format: String,
    /// The file to write.
    #[arg(long)]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let format: ExportFormat = match args.format.parse() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("tacitus export: --format: {e}");
            return Ok(2);
        }
    };
    let store = Store::open_readonly(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let n = store.export(format, &args.output)?;
    eprintln!("exported {n} event mentions to {}", args.output.display());
    Ok(0)
}
