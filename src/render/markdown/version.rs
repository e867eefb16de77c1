//! Markdown rendering, for pasting into notes and articles.

use std::io::Write;

use crate::log::LogEntry;
use crate::render::{RenderOptions, RenderResult, dates_line, source_line, status_line};
use crate::version::Version;
use crate::version::short_id;

/// Renders the version log as Markdown sections.
pub(in crate::render) fn log(
    entries: &[LogEntry],
    _oneline: bool,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Versions\n")?;
    for entry in entries {
        header(&entry.version, out)?;
        lineage_lines(entry, out)?;
        details(&entry.version, out)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Parents, corrections and withdrawals, as list items.
fn lineage_lines(entry: &LogEntry, out: &mut dyn Write) -> RenderResult {
    if !entry.parents.is_empty() {
        let parents: Vec<String> = entry.parents.iter().map(|p| p.label.clone()).collect();
        writeln!(out, "- **Derives from:** {}", parents.join(", "))?;
    }
    if let Some(old) = &entry.supersedes {
        writeln!(
            out,
            "- **Corrects:** {} (`{}`)",
            old.label,
            short_id(&old.id)
        )?;
    }
    if let Some(old) = &entry.retables {
        let id = short_id(&old.id);
        writeln!(out, "- **Re-tables:** the text of {} (`{id}`)", old.label)?;
    }
    if let Some(new) = &entry.superseded_by {
        let id = short_id(&new.id);
        writeln!(out, "- **Superseded by:** {} (`{id}`)", new.label)?;
    }
    for w in &entry.version.withdrawals {
        writeln!(out, "- **Withdrawn:** {} ({}, {})", w.why, w.by, w.at)?;
    }
    Ok(())
}

/// Renders one version as Markdown: its header, then its body verbatim.
pub(in crate::render) fn show(
    entry: &LogEntry,
    body: &str,
    reuses: &[crate::trace::Reuse],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    header(&entry.version, out)?;
    lineage_lines(entry, out)?;
    details(&entry.version, out)?;
    for r in reuses {
        writeln!(
            out,
            "- **Reuses:** provision {}: {} words of {} {}",
            r.provision, r.words, r.document, r.source_provision
        )?;
    }
    writeln!(out)?;
    out.write_all(body.as_bytes())?;
    if !body.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

fn header(v: &Version, out: &mut dyn Write) -> RenderResult {
    writeln!(
        out,
        "## {} (`{}`, track `{}`)\n",
        v.label(),
        v.short_id(),
        v.track()
    )?;
    let status = status_line(&v.meta);
    if !status.is_empty() {
        writeln!(out, "- **Status:** {status}")?;
    }
    if !v.meta.verbatim() {
        writeln!(
            out,
            "- **Note:** this text is not the document's own wording"
        )?;
    }
    let dates = dates_line(&v.meta.dates);
    if !dates.is_empty() {
        writeln!(out, "- **Dates:** {dates}")?;
    }
    Ok(())
}

fn details(v: &Version, out: &mut dyn Write) -> RenderResult {
    if let Some(note) = &v.meta.note {
        writeln!(out, "- **About:** {}", note.trim())?;
    }
    if let Some(x) = &v.meta.extraction {
        writeln!(
            out,
            "- **Extracted:** {}",
            crate::render::extraction_line(x)
        )?;
        for step in &x.steps {
            writeln!(out, "  - {step}")?;
        }
    }
    if let Some(d) = &v.meta.document {
        writeln!(out, "- **File:** {}", crate::render::document_line(d))?;
    }
    if !v.meta.events.is_empty() {
        writeln!(out, "- **Events:** {}", v.meta.events.join(", "))?;
    }
    for s in &v.meta.sources {
        writeln!(out, "- **Source:** {}", source_line(s))?;
    }
    super::claims(out, &v.id, &v.meta.claims)
}
