//! `drafttrail report`: the self-contained HTML report.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use drafttrail::render::html::{self, Report};

use super::{Global, load_lineage};

/// Write a self-contained HTML report: timeline, provisions × versions, redlines, histories
///
/// One file with inline CSS and a little JavaScript; it makes no network request and reads
/// fully without JavaScript, so it can be opened from disk or e-mailed.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail report --out report.html                       every version
  drafttrail report --out us.html 28-point-plan us          only some versions
  drafttrail report --out - --title \"Peace plan drafts\" > r.html")]
pub struct ReportArgs {
    /// Where to write the report (`-` for standard output)
    #[arg(long, short, value_name = "FILE.html")]
    out: PathBuf,
    /// Versions to include [default: all]
    revs: Vec<String>,
    /// The report's title
    #[arg(long, default_value = "How the text changed")]
    title: String,
}

pub fn run(global: &Global, args: ReportArgs) -> Result<()> {
    let store = global.store()?;
    let lineage = load_lineage(&store)?;
    let events = store.events()?;
    let versions: Vec<usize> = if args.revs.is_empty() {
        (0..lineage.nodes.len()).collect()
    } else {
        let mut v = Vec::new();
        for rev in &args.revs {
            let id = store.resolve(rev)?.id;
            if let Some(i) = lineage.node(&id) {
                v.push(i);
            }
        }
        v.sort_unstable();
        v.dedup();
        v
    };
    let report = Report {
        lineage: &lineage,
        events: &events,
        versions: &versions,
        title: &args.title,
    };
    let mut buf = Vec::new();
    html::report(&report, &Default::default(), &mut buf)?;
    if args.out.as_os_str() == "-" {
        std::io::stdout().write_all(&buf)?;
        return Ok(());
    }
    // Write beside the target, then rename: a crash never leaves half a report.
    let tmp = args.out.with_extension("html.tmp");
    std::fs::write(&tmp, &buf).with_context(|| format!("{}: cannot write", args.out.display()))?;
    std::fs::rename(&tmp, &args.out)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    warn!(
        "wrote {} ({} versions, {:.0} KB)",
        args.out.display(),
        versions.len(),
        buf.len() as f64 / 1024.0
    );
    Ok(())
}
