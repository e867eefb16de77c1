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
  drafttrail report --out - --title \"Peace plan drafts\" > r.html
  drafttrail report --pdf report.pdf                        printed by headless Chromium")]
pub struct ReportArgs {
    /// Where to write the report (`-` for standard output)
    #[arg(long, short, value_name = "FILE.html", required_unless_present = "pdf")]
    out: Option<PathBuf>,
    /// Also (or only) print the report to a PDF file, with headless Chromium (its print
    /// layout: page numbers, redlines legible in black and white)
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Versions to include [default: all]
    revs: Vec<String>,
    /// The report's title
    #[arg(long, default_value = "How the text changed")]
    title: String,
    /// Replace FILE even when it is a symbolic link (the link itself is replaced)
    #[arg(long)]
    force: bool,
}

pub fn run(global: &Global, args: ReportArgs) -> Result<()> {
    let store = global.store()?;
    for target in args.out.iter().chain(&args.pdf) {
        if target.as_os_str() != "-" {
            check_target(target, store.path(), args.force)?;
        }
    }
    let lineage = load_lineage(global, &store)?;
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
    // What each version shown reuses from reference documents (none without references).
    let mut reuses = Vec::new();
    if !store.references()?.is_empty() {
        for &v in &versions {
            let version = store.resolve(&lineage.nodes[v].id)?;
            let (provisions, documents, passages) =
                drafttrail::load::trace_references(&store, &version)?;
            reuses.push((
                v,
                drafttrail::trace::reuses(&provisions, &documents, &passages),
            ));
        }
    }
    let report = Report {
        lineage: &lineage,
        events: &events,
        versions: &versions,
        title: &args.title,
        reuses: &reuses,
    };
    let mut buf = Vec::new();
    html::report(&report, &Default::default(), &mut buf)?;
    if let Some(pdf) = &args.pdf {
        let named = std::env::var_os("CHROMIUM").filter(|p| !p.is_empty());
        let browser = drafttrail::print::pdf_from_html(
            &buf,
            pdf,
            named.as_deref().map(std::path::Path::new),
        )?;
        warn!("wrote {} (printed by {browser})", pdf.display());
    }
    let Some(out) = &args.out else {
        return Ok(());
    };
    if out.as_os_str() == "-" {
        std::io::stdout().write_all(&buf)?;
        return Ok(());
    }
    // Write beside the target under a name nobody else uses, then rename: a crash never leaves
    // half a report, and no other file is touched.
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let tmp = out.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let cannot = || format!("{}: cannot write", out.display());
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(&buf).and_then(|()| f.sync_all()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(cannot);
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(cannot);
    }
    warn!(
        "wrote {} ({} versions, {:.0} KB)",
        out.display(),
        versions.len(),
        buf.len() as f64 / 1024.0
    );
    Ok(())
}

/// Refuses a report target that would damage something: a path inside the store (`--out
/// history/refs/heads/us` would write HTML over a track), an existing file that is not a
/// regular file (a device or FIFO would become a regular file), or a symbolic link (its
/// target would be left alone and the link replaced) unless `force`.
fn check_target(out: &std::path::Path, store: &std::path::Path, force: bool) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    // The folder must exist; the file need not.
    let dir = parent
        .canonicalize()
        .with_context(|| format!("{}: cannot write", out.display()))?;
    if let Ok(store) = store.canonicalize()
        && dir.starts_with(&store)
    {
        anyhow::bail!(
            "{}: is inside the store ({}); write the report elsewhere",
            out.display(),
            store.display()
        );
    }
    match std::fs::symlink_metadata(out) {
        Ok(meta) if meta.file_type().is_symlink() && !force => anyhow::bail!(
            "{}: is a symbolic link; pass --force to replace the link (its target is left alone)",
            out.display()
        ),
        Ok(meta) if !meta.file_type().is_symlink() && !meta.is_file() => anyhow::bail!(
            "{}: exists and is not a regular file; choose another path",
            out.display()
        ),
        _ => Ok(()),
    }
}
