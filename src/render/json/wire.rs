//! The JSON wire types every JSON view shares. These *are* the stable schema: domain types may
//! change, these may only grow.

use std::io::Write;

use serde::Serialize;

use crate::redline::Span;
use crate::render::RenderResult;

/// Writes a value as pretty JSON and a newline.
pub(super) fn write_json(value: &impl Serialize, out: &mut dyn Write) -> RenderResult {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// One span of a redline: `equal`, `delete` or `insert`, and its text.
#[derive(Serialize)]
pub(super) struct SpanJson<'a> {
    op: &'static str,
    text: &'a str,
}

impl SpanJson<'_> {
    /// The spans of a redline.
    pub(super) fn all(spans: &[Span]) -> Vec<SpanJson<'_>> {
        spans
            .iter()
            .map(|x| SpanJson {
                op: x.op.as_str(),
                text: &x.text,
            })
            .collect()
    }
}

/// The counts of a diff summary, as the schema names them.
#[derive(Serialize)]
pub(super) struct SummaryJson {
    unchanged: usize,
    reworded: usize,
    renumbered: usize,
    moved: usize,
    split: usize,
    merged: usize,
    added: usize,
    removed: usize,
    #[serde(skip_serializing_if = "is_zero")]
    not_covered: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl From<&crate::align::Summary> for SummaryJson {
    fn from(s: &crate::align::Summary) -> Self {
        SummaryJson {
            unchanged: s.unchanged,
            reworded: s.reworded,
            renumbered: s.renumbered,
            moved: s.moved,
            split: s.split,
            merged: s.merged,
            added: s.added,
            removed: s.removed,
            not_covered: s.not_covered,
        }
    }
}

/// A claim with its short id (see [`crate::draft::claim_id`]), its fields beside the id.
#[derive(Serialize)]
pub(super) struct ClaimJson {
    id: String,
    #[serde(flatten)]
    claim: crate::draft::Claim,
}

impl ClaimJson {
    /// The claims of version `version` (full id) with their ids.
    pub(super) fn all(version: &str, claims: &[crate::draft::Claim]) -> Vec<ClaimJson> {
        claims
            .iter()
            .map(|claim| ClaimJson {
                id: crate::draft::claim_id(version, claim),
                claim: claim.clone(),
            })
            .collect()
    }
}
