//! `drafttrail shares [REV]`: whose wording survived in a version.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::output::{FormatArg, with_stdout};
use super::{Global, lineage_at};

/// Show whose wording survived in a version
///
/// The share of REV's words (default: the latest version) that originate in each earlier
/// version, each track, and the versions each claimed contributor is said to have shaped, with
/// the claims' confidence. Contributor shares are claims, not facts, and may overlap.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail shares 20-point-framework
  drafttrail shares --format md")]
pub struct SharesArgs {
    /// The version [default: the latest recorded]
    rev: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: SharesArgs) -> Result<()> {
    let (lineage, v) = lineage_at(global, args.rev.as_deref())?;
    let shares = lineage.shares(v);
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Shares {
            lineage: &lineage,
            shares: &shares,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
