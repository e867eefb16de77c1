//! `drafttrail log`.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, with_stdout};

/// List recorded versions, newest first
///
/// Each version with its label, track, parents, status and text kind, dates, events, sources
/// and claims.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail log                 newest first
  drafttrail log --reverse       oldest first, as the story unfolded
  drafttrail log --oneline       one line per version
  drafttrail log -n 3            the three most recent
  drafttrail log --format json   for scripts (stable schema)
  drafttrail log --format csv --bom > versions.csv   one row per version, for a spreadsheet")]
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
    /// Also the versions withdrawn as recorded by mistake (`drafttrail withdraw`)
    #[arg(long)]
    all: bool,
    /// One line per version: id, label, track (terminal format)
    #[arg(long)]
    oneline: bool,
    /// Show only the N most recent versions (with --reverse, those N oldest first)
    #[arg(short = 'n', long = "max-count", value_name = "N")]
    max_count: Option<usize>,
}

pub fn run(global: &Global, args: LogArgs) -> Result<()> {
    let store = global.store()?;
    let mut versions = store.versions()?;
    if let Some(track) = &args.track {
        versions.retain(|v| v.track() == track);
    }
    if !args.all {
        versions.retain(|v| v.withdrawals.is_empty());
    }
    // As git: the N newest, then in the order asked for.
    let mut entries = drafttrail::log::entries(&versions, true);
    if let Some(n) = args.max_count {
        entries.truncate(n);
    }
    if args.reverse {
        entries.reverse();
    }
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Log {
            entries: &entries,
            oneline: args.oneline,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
