//! `drafttrail blame [REV]` and `drafttrail shares [REV]`.

use anyhow::Result;
use drafttrail::render::{self, Format};

use super::output::{FormatArg, render_options, with_stdout};
use super::{Global, load_lineage};

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

fn version_index(
    global: &Global,
    rev: Option<&str>,
) -> Result<(drafttrail::lineage::Lineage, usize)> {
    let store = global.store()?;
    let version = match rev {
        Some(rev) => store.resolve(rev)?,
        None => store.tip()?.ok_or(drafttrail::Error::EmptyStore)?,
    };
    let lineage = load_lineage(&store)?;
    let v = lineage
        .node(&version.id)
        .ok_or_else(|| drafttrail::Error::UnknownRevision(version.id.clone()))?;
    Ok((lineage, v))
}

pub fn run_blame(global: &Global, args: BlameArgs) -> Result<()> {
    let (lineage, v) = version_index(global, args.rev.as_deref())?;
    let opts = render_options(global.color);
    with_stdout(global.pager().as_deref(), |out| {
        match Format::from(args.format) {
            Format::Term => render::lineage_term::blame(&lineage, v, &opts, out),
            Format::Markdown => render::lineage_md::blame(&lineage, v, &opts, out),
            Format::Json => render::lineage_json::blame(&lineage, v, &opts, out),
        }
    })
}

pub fn run_shares(global: &Global, args: SharesArgs) -> Result<()> {
    let (lineage, v) = version_index(global, args.rev.as_deref())?;
    let shares = lineage.shares(v);
    let opts = render_options(global.color);
    with_stdout(global.pager().as_deref(), |out| {
        match Format::from(args.format) {
            Format::Term => render::lineage_term::shares(&lineage, &shares, &opts, out),
            Format::Markdown => render::lineage_md::shares(&lineage, &shares, &opts, out),
            Format::Json => render::lineage_json::shares(&lineage, &shares, &opts, out),
        }
    })
}
