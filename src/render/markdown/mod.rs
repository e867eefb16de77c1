//! Markdown: headings, tables and lists a newsroom can paste; redlines as `~~deleted~~`
//! and `**inserted**`.

mod diff;
mod events;
mod identify;
mod lineage;
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

use super::{ClaimLine, RenderResult, claim_lines};
use crate::redline::{Op, Span};

/// Returns a redline as Markdown: `~~deleted~~`, `**inserted**`. The text's paragraphs (and
/// its headings, which stand as paragraphs) stay apart, each marked up on its own, since
/// Markdown emphasis cannot span paragraphs; a line of the text that starts with `#` is
/// escaped so that it does not become a heading of the page.
pub(super) fn redline(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        for (k, para) in s.text.split("\n\n").enumerate() {
            if k > 0 && !out.ends_with("\n\n") {
                let kept = out.trim_end_matches([' ', '\n']).len();
                out.truncate(kept);
                out.push_str("\n\n");
            }
            let text = para.replace('\n', " ");
            let t = text.trim();
            let lead = &text[..text.len() - text.trim_start().len()];
            let trail = &text[text.trim_end().len()..];
            let lead = if out.is_empty() || out.ends_with("\n\n") {
                ""
            } else {
                lead
            };
            match s.op {
                Op::Equal => out.push_str(if lead.is_empty() {
                    text.trim_start()
                } else {
                    &text
                }),
                _ if t.is_empty() => out.push_str(lead),
                Op::Delete => out.push_str(&format!("{lead}~~{t}~~{trail}")),
                Op::Insert => out.push_str(&format!("{lead}**{t}**{trail}")),
            }
        }
    }
    let lines: Vec<String> = out
        .trim_end()
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                format!("\\{l}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    lines.join("\n")
}

/// Writes `text` as a block quote, every line of it (a blank line as `>`).
fn quote(out: &mut dyn Write, text: &str) -> RenderResult {
    for line in text.lines() {
        if line.is_empty() {
            writeln!(out, ">")?;
        } else {
            writeln!(out, "> {line}")?;
        }
    }
    Ok(())
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
