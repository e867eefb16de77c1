//! `drafttrail trace [REV]`: which wording a version reuses from reference documents.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, with_stdout};

/// Find the wording a version reuses from reference documents and other tracks
///
/// Each provision is compared with every reference document (`drafttrail reference add`) and
/// every version of another track that is neither an ancestor nor a descendant (wording both
/// inherited from a common ancestor is left out):
/// candidates share rare word pairs, then a word-by-word local alignment finds the reused
/// stretch on both sides. A passage needs at least 12 matched words: fewer happen by chance
/// (ACCURACY.md, calibrated on real law).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail trace 28-point-plan
  drafttrail trace 28-point-plan --provision 7
  drafttrail trace HEAD --format json")]
pub struct TraceArgs {
    /// The version [default: HEAD, the version recorded last]
    rev: Option<String>,
    /// Only this provision
    #[arg(long, value_name = "ID")]
    provision: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: TraceArgs) -> Result<()> {
    let store = global.store()?;
    let version = store.resolve(args.rev.as_deref().unwrap_or("HEAD"))?;
    let (provisions, documents, mut passages) = drafttrail::load::trace(&store, &version)?;
    if let Some(id) = &args.provision {
        let Some(j) = provisions.iter().position(|p| &p.id == id) else {
            let ids: Vec<&str> = provisions.iter().map(|p| p.id.as_str()).collect();
            anyhow::bail!(
                "`{}` has no provision `{id}` (it has: {})",
                version.label(),
                ids.join(", ")
            );
        };
        passages.retain(|p| p.provision == j);
    }
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Trace {
            label: version.label(),
            provisions: &provisions,
            documents: &documents,
            passages: &passages,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
