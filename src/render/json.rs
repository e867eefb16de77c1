//! JSON rendering. The wire structs here *are* the stable schema: domain types may change,
//! these may only grow.

use std::io::Write;

use serde::Serialize;

use super::{RenderOptions, RenderResult};
use crate::draft::{Claim, Dates, Source};
use crate::log::LogEntry;
use crate::version::Version;

#[derive(Serialize)]
struct VersionJson<'a> {
    id: &'a str,
    label: &'a str,
    slug: String,
    track: &'a str,
    parents: Vec<ParentJson<'a>>,
    status: Option<&'static str>,
    text: Option<&'static str>,
    verbatim: bool,
    dates: &'a Dates,
    events: &'a [String],
    note: Option<&'a str>,
    sources: &'a [Source],
    claims: &'a [Claim],
    recorded: RecordedJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
}

#[derive(Serialize)]
struct ParentJson<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct RecordedJson<'a> {
    by: &'a str,
    at: String,
}

fn version_json<'a>(
    v: &'a Version,
    parents: Vec<ParentJson<'a>>,
    body: Option<&'a str>,
) -> VersionJson<'a> {
    VersionJson {
        id: &v.id,
        label: v.label(),
        slug: crate::draft::slug(v.label()),
        track: v.track(),
        parents,
        status: v.meta.status.map(|s| s.as_str()),
        text: v.meta.text.map(|t| t.as_str()),
        verbatim: !v.meta.text.is_some_and(|t| t.is_not_verbatim()),
        dates: &v.meta.dates,
        events: &v.meta.events,
        note: v.meta.note.as_deref(),
        sources: &v.meta.sources,
        claims: &v.meta.claims,
        recorded: RecordedJson {
            by: &v.recorded_by,
            at: v.recorded_at.to_rfc3339(),
        },
        body,
    }
}

fn write_json(value: &impl Serialize, out: &mut dyn Write) -> RenderResult {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Renders the version log as a JSON array.
pub fn log(entries: &[LogEntry], _opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    let items: Vec<VersionJson<'_>> = entries
        .iter()
        .map(|e| {
            let parents = e
                .parents
                .iter()
                .map(|p| ParentJson {
                    id: &p.id,
                    label: &p.label,
                })
                .collect();
            version_json(&e.version, parents, None)
        })
        .collect();
    write_json(&items, out)
}

/// Renders one version with its body as a JSON object.
pub fn show(
    version: &Version,
    body: &str,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let parents = version
        .parents
        .iter()
        .map(|p| ParentJson { id: p, label: p })
        .collect();
    write_json(&version_json(version, parents, Some(body)), out)
}

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

/// The counts of a diff summary, as the schema names them.
#[derive(Serialize)]
pub(crate) struct SummaryJson {
    unchanged: usize,
    reworded: usize,
    renumbered: usize,
    moved: usize,
    split: usize,
    merged: usize,
    added: usize,
    removed: usize,
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
        Why::Exact | Why::Editorial | Why::Pin => {}
    }
    j
}

#[derive(Serialize)]
struct SpanJson<'a> {
    op: &'static str,
    text: &'a str,
}

fn side_json(s: &super::DiffSide) -> SideJson<'_> {
    SideJson {
        rev: s.rev.as_deref(),
        path: s.path.as_deref(),
        label: s.label.as_deref(),
        date: s.date.map(|d| d.to_string()),
    }
}

/// Renders a diff as JSON, exactly the documented schema.
pub fn diff(
    view: &super::DiffView<'_>,
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
                redline: c
                    .redline
                    .iter()
                    .map(|sp| SpanJson {
                        op: sp.op.as_str(),
                        text: &sp.text,
                    })
                    .collect(),
            })
            .collect(),
    };
    write_json(&doc, out)
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
        }
    }
}
