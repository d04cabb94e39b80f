//! `tacitus explain` (not implemented yet).

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: &Args) -> anyhow::Result<u8> {
    anyhow::bail!("`tacitus explain` is not implemented yet")
}
