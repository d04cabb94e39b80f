//! One module per sub-command; each has an `Args` (clap) and `run(&Args) -> Result<u8>`
//! returning the process exit code (0 ok, 1 failed, 2 bad arguments/configuration).

pub mod bench;
pub mod code;
pub mod dates;
pub mod demo;
pub mod eval;
pub mod explain;
pub mod export;
pub mod gazetteer;
pub mod ingest;
pub mod parse;
pub mod petrarch;
pub mod places;
pub mod query;
pub mod train;
