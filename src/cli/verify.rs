//! `drafttrail verify`.

use anyhow::{Result, bail};
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, with_stdout};

/// Check a store: objects, refs, every version, annotations, events, pins and lineage
///
/// Every object is re-read and re-hashed, every ref must point at a commit that exists, every
/// version must have valid metadata and a text body, annotations must annotate versions, pins
/// must name versions, and the lineage of all versions must compute. Every problem is listed;
/// the exit status is 1 if there is any.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail verify
  drafttrail --repo archive/treaty verify --format json")]
pub struct VerifyArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: VerifyArgs) -> Result<()> {
    let store = global.store()?;
    let report = drafttrail::verify::verify(&store);
    let opts = global.render_options();
    with_stdout(None, |out| {
        render::render(&View::Verify(&report), args.format.into(), &opts, out)
    })?;
    if !report.is_ok() {
        let n = report.problems.len();
        bail!(
            "the store has {n} problem{}; see above",
            if n == 1 { "" } else { "s" }
        );
    }
    Ok(())
}
