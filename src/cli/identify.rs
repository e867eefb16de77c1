//! `drafttrail identify FILE`: which recorded version is this text?

use anyhow::Result;
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, with_stdout};

/// Say which recorded versions an unrecorded text (a leak, a copy) is closest to
///
/// Every live version is aligned with the text, provision by provision, and scored by the
/// share of both texts' provisions that align (weighted by similarity). The closest are
/// listed with what differs; editorial-only differences (a comma, a space, a capital) are
/// shown exactly: they are what tells apart copies of one draft handed to different
/// recipients. A text that resembles no version says so. `commit --parent auto` records a text
/// under its closest match.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail identify leak.txt
  drafttrail identify leak.txt --format json
  drafttrail commit leak.txt --label \"Leaked copy\" --parent auto")]
pub struct IdentifyArgs {
    /// The unrecorded text (`-` for standard input)
    file: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: IdentifyArgs) -> Result<()> {
    let store = global.store()?;
    let draft = super::reading::read_any(&args.file)?;
    let candidates = drafttrail::load::identify(&store, &draft.body)?;
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Identify {
            name: &args.file,
            candidates: &candidates,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
