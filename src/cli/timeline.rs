//! `drafttrail timeline`.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use drafttrail::lineage::timeline::{self, Axis, Filter};
use drafttrail::render::{self, View};

use super::output::{FormatArg, with_stdout};
use super::{Global, load_lineage};

/// Date axes for `--by`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum AxisArg {
    /// The best-known date: drafted, else presented, leaked, published
    Best,
    /// When it was written
    Drafted,
    /// When it was handed to a party
    Presented,
    /// When it was first reported
    Leaked,
    /// When the full text became public
    Published,
}

/// Show versions and events in date order, with what each version changed
///
/// Each version lists its changes against its first parent (counts and the notable ones) and
/// the claims behind it; events are the talks and meetings from events.toml.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail timeline
  drafttrail timeline --who Dmitriev           versions and talks claimed for or attended by him
  drafttrail timeline --provision 28-point-plan#21 --by leaked
  drafttrail timeline --since 2025-12-01 --track ukraine --format md
  drafttrail timeline --format csv > timeline.csv    one row per version or event")]
pub struct TimelineArgs {
    /// Which date places a version
    #[arg(long, value_enum, default_value_t = AxisArg::Best)]
    by: AxisArg,
    /// Only versions with claims about this person (substring, any case) and events they attended
    #[arg(long, value_name = "NAME")]
    who: Option<String>,
    /// Only versions that changed this provision (an identity, or an id in the latest version)
    #[arg(long, value_name = "ID")]
    provision: Option<String>,
    /// Only items on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Only items on or before this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    until: Option<NaiveDate>,
    /// Only versions of this track
    #[arg(long)]
    track: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: TimelineArgs) -> Result<()> {
    let store = global.store()?;
    let lineage = load_lineage(global, &store)?;
    let events = store.events()?;
    let identity = match &args.provision {
        Some(p) => match lineage.find_identity(p, None) {
            Some(id) => Some(id),
            None => bail!("no provision `{p}`; identities look like `28-point-plan#6`"),
        },
        None => None,
    };
    let filter = Filter {
        axis: match args.by {
            AxisArg::Best => Axis::Best,
            AxisArg::Drafted => Axis::Drafted,
            AxisArg::Presented => Axis::Presented,
            AxisArg::Leaked => Axis::Leaked,
            AxisArg::Published => Axis::Published,
        },
        who: args.who,
        identity,
        since: args.since,
        until: args.until,
        track: args.track,
    };
    let items = timeline::timeline(&lineage, &events, &filter);
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Timeline {
            lineage: &lineage,
            items: &items,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
