//! Terminal text, plain or coloured: each styled piece carries a semantic label whose colour
//! `style.rs` chooses (or whose name `--color=debug` prints).

mod diff;
mod events;
mod identify;
mod lineage;
mod style;
mod trace;
mod verify;
mod version;

use std::io::Write;

pub(super) use diff::diff;
pub(super) use events::events;
pub(super) use identify::identify;
pub(super) use lineage::{blame, history, shares, timeline};
pub(super) use trace::trace;
pub(super) use verify::verify;
pub(super) use version::{log, show};

use super::{RenderOptions, RenderResult};
use crate::redline::{Op, Span};
use style::{Label, paint, styled};

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
