//! The `verify` report in every format: counts of what was checked, then each problem and
//! warning. JSON is the [`crate::verify::Report`] itself, with `ok`.

use std::io::Write;

use super::style::{Label, paint};
use super::{RenderOptions, RenderResult};
use crate::verify::Report;

fn counts(r: &Report) -> String {
    format!(
        "{} objects, {} refs, {} versions ({} provisions), {} annotated versions, {} events, {} pins; lineage {}",
        r.objects,
        r.refs,
        r.versions,
        r.provisions,
        r.annotated,
        r.events,
        r.pins,
        if r.lineage {
            "computed"
        } else {
            "not computed"
        }
    )
}

/// Terminal text: one line of counts, one line per problem and warning, then the verdict.
pub fn term(r: &Report, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    writeln!(out, "checked {}", counts(r))?;
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

/// Markdown: the same as a list.
pub fn markdown(r: &Report, out: &mut dyn Write) -> RenderResult {
    writeln!(out, "# Store check\n\nChecked {}.\n", counts(r))?;
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

/// JSON: the report's fields plus `ok`.
pub fn json(r: &Report, out: &mut dyn Write) -> RenderResult {
    #[derive(serde::Serialize)]
    struct Json<'a> {
        ok: bool,
        #[serde(flatten)]
        report: &'a Report,
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &Json {
            ok: r.is_ok(),
            report: r,
        },
    )?;
    writeln!(out)
}
