//! `identify` as Markdown: a table of the closest recorded versions.

use std::io::Write;

use crate::identify::Candidate;
use crate::render::{RenderOptions, RenderResult};

/// Renders the matching candidates as a table, best first.
pub(in crate::render) fn identify(
    name: &str,
    candidates: &[Candidate],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Closest recorded versions to `{name}`\n")?;
    let matches: Vec<&Candidate> = candidates.iter().filter(|c| c.is_match()).take(5).collect();
    if matches.is_empty() {
        writeln!(out, "No recorded version resembles it.")?;
        return Ok(());
    }
    writeln!(
        out,
        "| score | version | track | changes | editorial only |"
    )?;
    writeln!(out, "|---|---|---|---|---|")?;
    for c in matches {
        writeln!(
            out,
            "| {:.2} | {} (`{}`) | {} | {} | {} |",
            c.score,
            c.version.label(),
            c.version.short_id(),
            c.version.track(),
            c.alignment.summary(),
            c.editorial().count()
        )?;
    }
    Ok(())
}
