//! Markdown: headings, tables and lists a newsroom can paste; redlines as `~~deleted~~`
//! and `**inserted**`.

mod diff;
mod lineage;
mod verify;
mod version;

use std::io::Write;

use super::{ClaimLine, RenderOptions, RenderResult, View, claim_lines};
use crate::redline::{Op, Span};

/// Renders a view as Markdown.
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
        View::Verify(report) => verify::verify(report, out),
    }
}

/// Returns a redline as Markdown: `~~deleted~~`, `**inserted**`, on one line.
pub(super) fn redline(spans: &[Span]) -> String {
    let mut line = String::new();
    for s in spans {
        let text = s.text.replace('\n', " ");
        let t = text.trim();
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        match s.op {
            Op::Equal => line.push_str(&text),
            _ if t.is_empty() => line.push_str(&text),
            Op::Delete => line.push_str(&format!("{lead}~~{t}~~{trail}")),
            Op::Insert => line.push_str(&format!("{lead}**{t}**{trail}")),
        }
    }
    line.trim_end().to_owned()
}

/// Writes claims as a list, each denial indented under the claim it contradicts.
fn claims(out: &mut dyn Write, claims: &[crate::draft::Claim]) -> RenderResult {
    for line in claim_lines(claims) {
        match line {
            ClaimLine::Claim(t) => writeln!(out, "- **Claim:** {t}")?,
            ClaimLine::Denial(t) => writeln!(out, "  - {t}")?,
        }
    }
    Ok(())
}
