//! `drafttrail history PROVISION`.

use anyhow::{Result, bail};
use drafttrail::render::{self, View};

use super::output::{FormatArg, with_stdout};
use super::{Global, load_lineage};

/// Follow one provision through every version where it exists
///
/// PROVISION is a lineage identity (`28-point-plan#6`: the version and number where it first
/// appeared) or a provision id in --rev (default: the latest version that has that id). Each
/// appearance shows its number there, its redline against where it came from, the version's
/// status, dates and sources, and the claims about that version or that provision.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail history 28-point-plan#6           the army-size provision from its first appearance
  drafttrail history 4 --rev 20-point-framework  point 4 of the 20-point framework, back to its origin
  drafttrail history 21 --rev 28-point-plan --format md
  drafttrail history 28-point-plan#6 --format csv    one row per appearance")]
pub struct HistoryArgs {
    /// The provision: an identity, or an id in --rev
    provision: String,
    /// The version PROVISION is numbered in
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// List every source and claim of each version (by default: the outlets, and the claims
    /// about this provision; JSON always has everything)
    #[arg(long)]
    full: bool,
}

pub fn run(global: &Global, args: HistoryArgs) -> Result<()> {
    let store = global.store()?;
    let lineage = load_lineage(global, &store)?;
    let at = match &args.rev {
        Some(rev) => Some(
            lineage
                .node(&store.resolve(rev)?.id)
                .ok_or(drafttrail::Error::UnknownRevision(rev.clone()))?,
        ),
        None => None,
    };
    let Some(identity) = lineage.find_identity(&args.provision, at) else {
        bail!(
            "no provision `{}`{}; ids look like `6`, `IV` or `preamble`, identities like `28-point-plan#6`",
            args.provision,
            args.rev
                .as_ref()
                .map(|r| format!(" in `{r}`"))
                .unwrap_or_default()
        );
    };
    let mut entries = lineage.history(&identity);
    // Each appearance's wording traced to the reference documents, if there are any.
    let documents = drafttrail::load::reference_documents(&store)?;
    if !documents.is_empty() {
        for e in &mut entries {
            let provision = &lineage.nodes[e.version].provisions[e.provision];
            let one = std::slice::from_ref(provision);
            let passages = drafttrail::trace::trace(one, &documents);
            e.reuses = drafttrail::trace::reuses(one, &documents, &passages);
        }
    }
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::History {
            lineage: &lineage,
            identity: &identity,
            entries: &entries,
            full: args.full,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
