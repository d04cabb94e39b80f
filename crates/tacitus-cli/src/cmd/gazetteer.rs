//! `tacitus gazetteer build`: validate the intermediate gazetteer TSV and write the compact
//! resource embedded by tacitus-geo (see resources/geo/SOURCE.md).

use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Build resources/geo/gazetteer.tsv.gz from the TSV written by scripts/geo/build_gazetteer.py.
    Build {
        /// Intermediate TSV (id, name, lat, lon, country, admin1, feature, population, flags, altnames).
        #[arg(long)]
        from: PathBuf,
        /// Output file (gzip-compressed TSV).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    match &args.action {
        Action::Build { from, out } => match tacitus_geo::build_resource(from, out) {
            Ok(s) => {
                eprintln!(
                    "gazetteer: {} entries, {} names; {} bytes in, {} bytes written to {}",
                    s.entries,
                    s.names,
                    s.bytes_in,
                    s.bytes_out,
                    out.display()
                );
                Ok(0)
            }
            Err(e @ tacitus_geo::Error::Format { .. }) => {
                eprintln!("tacitus: error: {e}");
                Ok(2)
            }
            Err(e) => Err(e.into()),
        },
    }
}
