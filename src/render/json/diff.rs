//! A diff as JSON, exactly the documented schema (README, "JSON").

use std::io::Write;

use serde::Serialize;

use super::wire::{SpanJson, SummaryJson, write_json};
use crate::render::{DiffSide, DiffView, RenderOptions, RenderResult};

#[derive(Serialize)]
struct DiffJson<'a> {
    old: SideJson<'a>,
    new: SideJson<'a>,
    summary: SummaryJson,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rev: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    label: Option<&'a str>,
    date: Option<String>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'static str,
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    renumbered: bool,
    moved: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    old_place: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    new_place: &'a [String],
    similarity: f64,
    tags: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<WhyJson<'a>>,
    /// An added provision that an ancestor of the new version had: that ancestor's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    reinstated_from: Option<&'a str>,
    redline: Vec<SpanJson<'a>>,
}

/// Why a change links its sides: `by` names the evidence, the other fields are present when
/// they apply.
#[derive(Serialize)]
struct WhyJson<'a> {
    by: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    shared: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<PairJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<PairJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<f64>,
}

/// An aligned pair named by provision ids.
#[derive(Serialize)]
struct PairJson<'a> {
    old: &'a str,
    new: &'a str,
}

fn why_json<'a>(a: &'a crate::align::Alignment, w: &'a crate::align::Why) -> WhyJson<'a> {
    use crate::align::Why;
    let pair = |p: &Option<(usize, usize)>| {
        p.map(|(i, j)| PairJson {
            old: &a.old[i].id,
            new: &a.new[j].id,
        })
    };
    let round = |x: f64| Some((x * 1000.0).round() / 1000.0);
    let mut j = WhyJson {
        by: w.as_str(),
        shared: None,
        after: None,
        before: None,
        coverage: None,
    };
    match w {
        Why::Similar { shared } => j.shared = Some(shared),
        Why::Context {
            after,
            before,
            shared,
        } => {
            j.shared = Some(shared);
            j.after = pair(after);
            j.before = pair(before);
        }
        Why::Split { coverage } | Why::Merge { coverage } | Why::Containment { coverage } => {
            j.coverage = round(*coverage);
        }
        Why::Exact | Why::Editorial | Why::Placeholder | Why::Pin => {}
    }
    j
}

fn side_json(s: &DiffSide) -> SideJson<'_> {
    SideJson {
        rev: s.rev.as_deref(),
        path: s.path.as_deref(),
        label: s.label.as_deref(),
        date: s.date.map(|d| d.to_string()),
    }
}

/// Renders a diff as JSON, exactly the documented schema.
pub(in crate::render) fn diff(
    view: &DiffView<'_>,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let a = view.alignment;
    let s = a.summary();
    let doc = DiffJson {
        old: side_json(&view.old),
        new: side_json(&view.new),
        summary: SummaryJson::from(&s),
        changes: view
            .visible()
            .map(|c| ChangeJson {
                kind: c.kind.as_str(),
                old: a.old_ids(c),
                new: a.new_ids(c),
                renumbered: c.renumbered,
                moved: c.moved,
                old_place: a.old_place(c),
                new_place: a.new_place(c),
                // Three decimals keep snapshots stable across platforms' float printing.
                similarity: (c.similarity * 1000.0).round() / 1000.0,
                tags: c.tags.iter().map(|t| t.as_str()).collect(),
                why: c.why.as_ref().map(|w| why_json(a, w)),
                reinstated_from: view.reinstated_from(c),
                redline: SpanJson::all(&c.redline),
            })
            .collect(),
    };
    write_json(&doc, out)
}
