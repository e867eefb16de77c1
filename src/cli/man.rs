//! `drafttrail man`: the man page.

use std::io::Write;

use anyhow::Result;

/// Print the man page (roff)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail man > drafttrail.1 && man ./drafttrail.1")]
pub struct ManArgs {}

pub fn run(_args: ManArgs) -> Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::command()).render(&mut out)?;
    std::io::stdout().write_all(&out)?;
    Ok(())
}
