//! `drafttrail show REV`.

use anyhow::Result;
use drafttrail::render::{self, View};

use super::Global;
use super::output::{FormatArg, with_stdout};

/// Show one version: its metadata and its exact text
///
/// REV is a commit id or prefix, a label or its slug, a track (its latest version), or any of
/// these followed by `~N` (N versions back along the first parent).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail show 28-point-plan           by slug
  drafttrail show \"E3 counter-proposal\"   by label
  drafttrail show us~1                    the version before the tip of track us
  drafttrail show us --raw > plan.md      the exact bytes of the text
  drafttrail show bocg-36-1 --original > bocg.pdf
                                          the file the text was extracted from
  drafttrail show 20-point-framework 4    one provision")]
pub struct ShowArgs {
    /// The version
    rev: String,
    /// Show only this provision (its id: `6`, `IV`, `preamble`, `7#2`)
    provision: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// Print only the text, byte for byte
    #[arg(long, conflicts_with = "format")]
    raw: bool,
    /// Write the original file the text was extracted from (PDF, Word, image…), byte for byte;
    /// redirect it to a file
    #[arg(long, conflicts_with_all = ["format", "raw", "provision"])]
    original: bool,
}

pub fn run(global: &Global, args: ShowArgs) -> Result<()> {
    let store = global.store()?;
    if args.original {
        return original(&store, &args.rev);
    }
    let (version, mut body) = store.read(&args.rev)?;
    if let Some(id) = &args.provision {
        let provisions = drafttrail::provisions::parse(&body);
        let Some(p) = provisions.iter().find(|p| &p.id == id) else {
            let ids: Vec<&str> = provisions.iter().map(|p| p.id.as_str()).collect();
            anyhow::bail!(
                "`{}` has no provision `{id}` (it has: {})",
                version.label(),
                ids.join(", ")
            );
        };
        body = body[p.span.clone()].to_owned();
    }
    let entry = drafttrail::log::entry(&store.versions()?, &version);
    // What the whole version reuses from reference documents (none without references).
    let reuses = if args.provision.is_none() && !args.raw {
        let (provisions, documents, passages) =
            drafttrail::load::trace_references(&store, &version)?;
        drafttrail::trace::reuses(&provisions, &documents, &passages)
    } else {
        Vec::new()
    };
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        if args.raw {
            return out.write_all(body.as_bytes());
        }
        let view = View::Show {
            entry: &entry,
            body: &body,
            reuses: &reuses,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}

/// `show --original`: the kept original's bytes on standard output.
fn original(store: &drafttrail::Store, rev: &str) -> Result<()> {
    use std::io::{IsTerminal, Write};
    let version = store.resolve(rev)?;
    let Some(file) = store.original(&version.id)? else {
        anyhow::bail!(
            "`{}` keeps no original file: its text was recorded as a text draft (use --raw for \
             the text)",
            version.label()
        );
    };
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        anyhow::bail!(
            "`{}`'s original is a binary file ({}, {} bytes): redirect it, e.g. `> {}`",
            version.label(),
            file.name,
            file.bytes.len(),
            file.name
        );
    }
    let mut out = stdout.lock();
    match out.write_all(&file.bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
