//! `drafttrail log`.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, render_options, with_stdout};

/// List recorded versions, newest first
///
/// Each version with its label, track, parents, status and text kind, dates, events, sources
/// and claims.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail log                 newest first
  drafttrail log --reverse       oldest first, as the story unfolded
  drafttrail log --format json   for scripts (stable schema)")]
pub struct LogArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// Oldest first
    #[arg(long)]
    reverse: bool,
    /// Only versions of this track
    #[arg(long)]
    track: Option<String>,
}

pub fn run(global: &Global, args: LogArgs) -> Result<()> {
    let store = global.store()?;
    let mut versions = store.versions()?;
    if let Some(track) = &args.track {
        versions.retain(|v| v.track() == track);
    }
    let entries = drafttrail::log::entries(&versions, !args.reverse);
    let opts = render_options(global.color);
    with_stdout(global.pager().as_deref(), |out| {
        render::render(&View::Log(&entries), args.format.into(), &opts, out)
    })
}
