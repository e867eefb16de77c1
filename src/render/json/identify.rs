//! `identify` as JSON: every candidate with its score, whether it matches, its change counts
//! and its editorial-only differences.

use std::io::Write;

use serde::Serialize;

use super::wire::{SpanJson, SummaryJson, write_json};
use crate::identify::Candidate;
use crate::render::{RenderOptions, RenderResult};

#[derive(Serialize)]
struct CandidateJson<'a> {
    id: &'a str,
    label: &'a str,
    track: &'a str,
    score: f64,
    matches: bool,
    summary: SummaryJson,
    editorial: Vec<EditorialJson<'a>>,
}

#[derive(Serialize)]
struct EditorialJson<'a> {
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    redline: Vec<SpanJson<'a>>,
}

/// Renders the candidates, best first.
pub(in crate::render) fn identify(
    _name: &str,
    candidates: &[Candidate],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let items: Vec<CandidateJson<'_>> = candidates
        .iter()
        .map(|c| CandidateJson {
            id: &c.version.id,
            label: c.version.label(),
            track: c.version.track(),
            score: (c.score * 1000.0).round() / 1000.0,
            matches: c.is_match(),
            summary: (&c.alignment.summary()).into(),
            editorial: c
                .editorial()
                .map(|e| EditorialJson {
                    old: c.alignment.old_ids(e),
                    new: c.alignment.new_ids(e),
                    redline: SpanJson::all(&e.redline),
                })
                .collect(),
        })
        .collect();
    write_json(&items, out)
}
