//! `tacitus bench` (not implemented yet).

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: &Args) -> anyhow::Result<u8> {
    anyhow::bail!("`tacitus bench` is not implemented yet")
}
