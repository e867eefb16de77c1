//! The `verify` report as terminal text: counts of what was checked, then each problem and
//! warning, then the verdict.

use std::io::Write;

use super::style::{Label, paint};
use crate::render::{RenderOptions, RenderResult, verify_counts};
use crate::verify::Report;

/// Terminal text: one line of counts, one line per problem and warning, then the verdict.
pub(in crate::render) fn verify(
    r: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "checked {}", verify_counts(r))?;
    for p in &r.problems {
        writeln!(
            out,
            "{} {}: {}",
            paint(opts, Label::Problem, "problem:"),
            p.what,
            p.message
        )?;
    }
    for w in &r.warnings {
        writeln!(out, "{} {w}", paint(opts, Label::Warning, "warning:"))?;
    }
    if r.is_ok() {
        writeln!(out, "{}", paint(opts, Label::Ok, "ok: no problem found"))
    } else {
        let n = r.problems.len();
        let s = if n == 1 { "" } else { "s" };
        writeln!(
            out,
            "{}",
            paint(opts, Label::Problem, &format!("{n} problem{s} found"))
        )
    }
}
