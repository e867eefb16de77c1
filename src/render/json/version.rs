//! The version log and one version as JSON.

use std::io::Write;

use serde::Serialize;

use super::wire::write_json;
use crate::draft::{Dates, Source};
use crate::log::LogEntry;
use crate::render::{RenderOptions, RenderResult};
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
    /// How the text was extracted from its original file (absent for a text draft).
    #[serde(skip_serializing_if = "Option::is_none")]
    extraction: Option<&'a crate::draft::Extraction>,
    /// The original file's own metadata: evidence, not verified claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a crate::draft::DocumentMeta>,
    sources: &'a [Source],
    claims: Vec<super::wire::ClaimJson>,
    recorded: RecordedJson<'a>,
    /// The version this one corrects (`amend`).
    #[serde(skip_serializing_if = "Option::is_none")]
    supersedes: Option<&'a str>,
    /// The earlier version whose text this one tables again.
    #[serde(skip_serializing_if = "Option::is_none")]
    retabled: Option<&'a str>,
    /// The correction that supersedes this version.
    #[serde(skip_serializing_if = "Option::is_none")]
    superseded_by: Option<&'a str>,
    /// Withdrawals (the version was recorded by mistake).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    withdrawn: &'a [crate::version::Withdrawal],
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    /// Wording reused from reference documents (`show` only).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reuses: &'a [crate::trace::Reuse],
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
        verbatim: v.meta.verbatim(),
        dates: &v.meta.dates,
        events: &v.meta.events,
        note: v.meta.note.as_deref(),
        extraction: v.meta.extraction.as_ref(),
        document: v.meta.document.as_ref(),
        sources: &v.meta.sources,
        claims: super::wire::ClaimJson::all(&v.id, &v.meta.claims),
        recorded: RecordedJson {
            by: &v.recorded_by,
            at: v.recorded_at.to_rfc3339(),
        },
        supersedes: v.meta.supersedes.as_deref(),
        superseded_by: v.superseded_by.as_deref(),
        retabled: v.meta.retabled.as_deref(),
        withdrawn: &v.withdrawals,
        body,
        reuses: &[],
    }
}

/// Renders the version log as a JSON array.
pub(in crate::render) fn log(
    entries: &[LogEntry],
    _oneline: bool,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
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
pub(in crate::render) fn show(
    entry: &LogEntry,
    body: &str,
    reuses: &[crate::trace::Reuse],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let parents = entry
        .parents
        .iter()
        .map(|p| ParentJson {
            id: &p.id,
            label: &p.label,
        })
        .collect();
    let mut json = version_json(&entry.version, parents, Some(body));
    json.reuses = reuses;
    write_json(&json, out)
}
