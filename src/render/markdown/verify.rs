//! The `verify` report as Markdown: counts, then a list of problems and warnings.

use std::io::Write;

use crate::render::{RenderOptions, RenderResult, verify_counts};
use crate::verify::Report;

/// Markdown: the same as a list.
pub(in crate::render) fn verify(
    r: &Report,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Store check\n\nChecked {}.\n", verify_counts(r))?;
    for p in &r.problems {
        writeln!(out, "- **problem** {}: {}", p.what, p.message)?;
    }
    for w in &r.warnings {
        writeln!(out, "- warning: {w}")?;
    }
    if r.is_ok() {
        writeln!(out, "No problem found.")
    } else {
        writeln!(out, "\n{} problem(s) found.", r.problems.len())
    }
}
