//! `drafttrail blame [REV]`: where each provision's wording comes from.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::output::{FormatArg, with_stdout};
use super::{Global, lineage_at};

/// Show where each provision's wording comes from, word by word
///
/// For each provision of REV (default: the latest version): the version that gave it its
/// current wording, and for each word the version it first stood in within that provision's
/// lineage. A word keeps its origin through renumbering and moves.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail blame 20-point-framework
  drafttrail blame europe --format json")]
pub struct BlameArgs {
    /// The version [default: the latest recorded]
    rev: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: BlameArgs) -> Result<()> {
    let (lineage, v) = lineage_at(global, args.rev.as_deref())?;
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Blame {
            lineage: &lineage,
            version: v,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
