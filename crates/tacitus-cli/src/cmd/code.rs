//! `tacitus code` (not implemented yet).

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: &Args) -> anyhow::Result<u8> {
    anyhow::bail!("`tacitus code` is not implemented yet")
}
