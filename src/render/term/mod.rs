//! Terminal text, plain or coloured: each styled piece carries a semantic label whose colour
//! `style.rs` chooses (or whose name `--color=debug` prints).

mod diff;
mod lineage;
mod style;
mod verify;
mod version;

use std::io::Write;

use super::{RenderOptions, RenderResult, View};
use crate::redline::{Op, Span};
use style::{Label, paint, styled};

/// Renders a view as terminal text.
pub(super) fn render(view: &View<'_>, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    match *view {
        View::Log(entries) => version::log(entries, opts, out),
        View::Show { version, body } => version::show(version, body, opts, out),
        View::Diff(d) => diff::diff(d, opts, out),
        View::History {
            lineage,
            identity,
            entries,
        } => lineage::history(lineage, identity, entries, opts, out),
        View::Blame { lineage, version } => lineage::blame(lineage, version, opts, out),
        View::Shares { lineage, shares } => lineage::shares(lineage, shares, opts, out),
        View::Timeline { lineage, items } => lineage::timeline(lineage, items, opts, out),
        View::Verify(report) => verify::verify(report, opts, out),
    }
}

/// Writes a redline, indented: coloured on a tty, `[-deleted-]{+inserted+}` otherwise.
pub(super) fn redline(out: &mut dyn Write, spans: &[Span], opts: &RenderOptions) -> RenderResult {
    write!(out, "    ")?;
    for span in spans {
        let text = span.text.replace('\n', "\n    ");
        let shown = match (span.op, styled(opts)) {
            (Op::Equal, _) => text,
            (Op::Delete, true) => paint(opts, Label::Delete, &text),
            (Op::Insert, true) => paint(opts, Label::Insert, &text),
            (Op::Delete, false) => format!("[-{text}-]"),
            (Op::Insert, false) => format!("{{+{text}+}}"),
        };
        write!(out, "{shown}")?;
    }
    writeln!(out)
}
