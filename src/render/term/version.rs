//! Terminal rendering: aligned `Key: value` blocks, colour only when asked.

use std::io::Write;

use super::style::{Label, paint};
use crate::log::LogEntry;
use crate::render::{
    ClaimLine, RenderOptions, RenderResult, claim_lines, dates_line, document_line,
    extraction_line, source_line, status_line,
};
use crate::version::Version;

/// Renders the version log.
pub(in crate::render) fn log(
    entries: &[LogEntry],
    oneline: bool,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    if oneline {
        for entry in entries {
            title_line(&entry.version, opts, out)?;
            match entry.version.meta.dates.best() {
                Some(date) => writeln!(out, "  {date}")?,
                None => writeln!(out)?,
            }
        }
        return Ok(());
    }
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        version_header(&entry.version, opts, out)?;
        entry_details(entry, opts, out)?;
    }
    Ok(())
}

/// What `log` and `show` say of a version below its header: parents, corrections,
/// withdrawals, events, sources and claims.
fn entry_details(entry: &LogEntry, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    let parents = if entry.parents.is_empty() {
        "(none: first version of its lineage)".to_owned()
    } else {
        entry
            .parents
            .iter()
            .map(|p| format!("{} ({})", p.label, crate::version::short_id(&p.id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(opts, out, "Parents", &parents)?;
    let named =
        |p: &crate::log::ParentRef| format!("{} ({})", p.label, crate::version::short_id(&p.id));
    if let Some(old) = &entry.supersedes {
        field(opts, out, "Corrects", &named(old))?;
    }
    if let Some(old) = &entry.retables {
        field(
            opts,
            out,
            "Re-tables",
            &format!("the text of {}", named(old)),
        )?;
    }
    if let Some(new) = &entry.superseded_by {
        let text = format!("superseded by {}", named(new));
        field(opts, out, "Amended", &paint(opts, Label::Warning, &text))?;
    }
    let v = &entry.version;
    for w in &v.withdrawals {
        let text = format!("{} ({}, {})", w.why, w.by, w.at);
        field(opts, out, "Withdrawn", &paint(opts, Label::Warning, &text))?;
    }
    for e in &v.meta.events {
        field(opts, out, "Event", e)?;
    }
    if let Some(x) = &v.meta.extraction {
        field(opts, out, "Extract", &extraction_line(x))?;
        for step in &x.steps {
            field(opts, out, "", step)?;
        }
    }
    if let Some(d) = &v.meta.document {
        field(opts, out, "File", &document_line(d))?;
    }
    for s in &v.meta.sources {
        field(opts, out, "Source", &source_line(s))?;
    }
    for line in claim_lines(&v.id, &v.meta.claims) {
        let key = match line {
            ClaimLine::Claim(_) => "Claim",
            ClaimLine::Denial(_) => "",
        };
        field(opts, out, key, line.text())?;
    }
    Ok(())
}

/// Renders one version: its header, then its exact body.
pub(in crate::render) fn show(
    entry: &LogEntry,
    body: &str,
    reuses: &[crate::trace::Reuse],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    version_header(&entry.version, opts, out)?;
    entry_details(entry, opts, out)?;
    for r in reuses {
        let text = format!(
            "provision {}: {} words of {} {}",
            r.provision, r.words, r.document, r.source_provision
        );
        field(opts, out, "Reuses", &text)?;
    }
    writeln!(out)?;
    out.write_all(body.as_bytes())?;
    if !body.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

/// `id label  [track]`: the first line of a version's header.
fn title_line(v: &Version, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    write!(
        out,
        "{} {}  {}",
        paint(opts, Label::Id, v.short_id()),
        paint(opts, Label::Title, v.label()),
        paint(opts, Label::Track, &format!("[{}]", v.track())),
    )
}

fn version_header(v: &Version, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    title_line(v, opts, out)?;
    writeln!(out)?;
    let status = status_line(&v.meta);
    if !status.is_empty() {
        field(opts, out, "Status", &status)?;
    }
    if !v.meta.verbatim() {
        let warn = "this text is not the document's own wording";
        field(opts, out, "Note", &paint(opts, Label::Warning, warn))?;
    }
    let dates = dates_line(&v.meta.dates);
    if !dates.is_empty() {
        field(opts, out, "Dates", &dates)?;
    }
    if let Some(note) = &v.meta.note {
        field(opts, out, "About", note.trim())?;
    }
    Ok(())
}

fn field(opts: &RenderOptions, out: &mut dyn Write, key: &str, value: &str) -> RenderResult {
    let key = if key.is_empty() {
        String::new()
    } else {
        format!("{key}:")
    };
    writeln!(
        out,
        "  {} {value}",
        paint(opts, Label::Key, &format!("{key:<8}"))
    )
}
