//! Markdown: headings, tables and lists a newsroom can paste; redlines as `~~deleted~~`
//! and `**inserted**`.

mod diff;
mod events;
mod lineage;
mod verify;
mod version;

use std::io::Write;

pub(super) use diff::diff;
pub(super) use events::events;
pub(super) use lineage::{blame, history, shares, timeline};
pub(super) use verify::verify;
pub(super) use version::{log, show};

use super::{ClaimLine, RenderResult, claim_lines};
use crate::redline::{Op, Span};

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
fn claims(out: &mut dyn Write, version: &str, claims: &[crate::draft::Claim]) -> RenderResult {
    for line in claim_lines(version, claims) {
        match line {
            ClaimLine::Claim(t) => writeln!(out, "- **Claim:** {t}")?,
            ClaimLine::Denial(t) => writeln!(out, "  - {t}")?,
        }
    }
    Ok(())
}
