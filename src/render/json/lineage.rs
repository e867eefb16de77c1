//! JSON views of the lineage. The wire structs here are the schema.

use std::io::Write;

use serde::Serialize;

use super::wire::{ClaimJson, SpanJson, SummaryJson, write_json};
use crate::draft::{Dates, Source};
use crate::lineage::timeline::Item;
use crate::lineage::{HistoryEntry, Lineage, Node, Shares};
use crate::render::{RenderOptions, RenderResult, claims_for};

#[derive(Serialize)]
struct VersionRef<'a> {
    id: &'a str,
    label: &'a str,
    track: &'a str,
    status: Option<&'static str>,
    text: Option<&'static str>,
    verbatim: bool,
    dates: &'a Dates,
}

fn vref(n: &Node) -> VersionRef<'_> {
    VersionRef {
        id: &n.id,
        label: n.label(),
        track: n.track(),
        status: n.meta.status.map(|s| s.as_str()),
        text: n.meta.text.map(|t| t.as_str()),
        verbatim: n.verbatim(),
        dates: &n.meta.dates,
    }
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    identity: &'a str,
    versions: Vec<HistoryEntryJson<'a>>,
}

#[derive(Serialize)]
struct HistoryEntryJson<'a> {
    version: VersionRef<'a>,
    provision: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    place: &'a [String],
    text: &'a str,
    from: Option<FromJson<'a>>,
    change: Option<&'static str>,
    /// `from` is an ancestor further back that had it before a later version dropped it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reinstated: bool,
    /// Wording reused from reference documents.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reuses: &'a [crate::trace::Reuse],
    redline: Vec<SpanJson<'a>>,
    sources: &'a [Source],
    claims: Vec<ClaimJson>,
}

#[derive(Serialize)]
struct FromJson<'a> {
    version: &'a str,
    label: &'a str,
    provision: &'a str,
}

/// Renders one provision's history.
pub(in crate::render) fn history(
    l: &Lineage,
    identity: &str,
    entries: &[HistoryEntry],
    _full: bool,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let versions = entries
        .iter()
        .map(|e| {
            let n = &l.nodes[e.version];
            let p = &n.provisions[e.provision];
            HistoryEntryJson {
                version: vref(n),
                provision: &p.id,
                place: &p.place,
                text: &p.text,
                from: e.previous.map(|(pv, pi)| FromJson {
                    version: &l.nodes[pv].id,
                    label: l.nodes[pv].label(),
                    provision: &l.nodes[pv].provisions[pi].id,
                }),
                change: e.change.map(|k| k.as_str()),
                reinstated: e.reinstated,
                reuses: &e.reuses,
                redline: SpanJson::all(&e.redline),
                sources: &n.meta.sources,
                claims: ClaimJson::all(&n.id, &claims_for(n, &p.id)),
            }
        })
        .collect();
    write_json(&HistoryJson { identity, versions }, out)
}

#[derive(Serialize)]
struct BlameJson<'a> {
    version: VersionRef<'a>,
    provisions: Vec<BlameProvisionJson<'a>>,
}

#[derive(Serialize)]
struct BlameProvisionJson<'a> {
    id: &'a str,
    identity: &'a str,
    wording_from: &'a str,
    segments: Vec<SegmentJson<'a>>,
    /// The original file's own revision marks and comments on this provision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<super::wire::ClaimJson>,
}

#[derive(Serialize)]
struct SegmentJson<'a> {
    text: &'a str,
    origin: &'a str,
    origin_label: &'a str,
}

/// Renders word-level blame of one version.
pub(in crate::render) fn blame(
    l: &Lineage,
    v: usize,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let provisions = l.instances[v]
        .iter()
        .enumerate()
        .map(|(j, inst)| BlameProvisionJson {
            id: &l.nodes[v].provisions[j].id,
            identity: &inst.identity,
            wording_from: &l.nodes[inst.wording_from].id,
            segments: inst
                .segments
                .iter()
                .map(|s| SegmentJson {
                    text: &s.text,
                    origin: &l.nodes[s.origin].id,
                    origin_label: l.nodes[s.origin].label(),
                })
                .collect(),
            marks: {
                let node = &l.nodes[v];
                let marks: Vec<_> = crate::render::claims_for(node, &node.provisions[j].id)
                    .into_iter()
                    .filter(|c| c.kind.is_some())
                    .collect();
                super::wire::ClaimJson::all(&node.id, &marks)
            },
        })
        .collect();
    write_json(
        &BlameJson {
            version: vref(&l.nodes[v]),
            provisions,
        },
        out,
    )
}

#[derive(Serialize)]
struct SharesJson<'a> {
    version: VersionRef<'a>,
    words: usize,
    by_version: Vec<ShareJson<'a>>,
    by_track: Vec<ShareJson<'a>>,
    by_contributor: Vec<ContributorJson<'a>>,
}

#[derive(Serialize)]
struct ShareJson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    words: usize,
    share: f64,
}

#[derive(Serialize)]
struct ContributorJson<'a> {
    who: &'a str,
    words: usize,
    share: f64,
    confidence: Option<&'static str>,
    sources: &'a [String],
}

/// Renders "whose wording survived".
pub(in crate::render) fn shares(
    l: &Lineage,
    s: &Shares,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let share = |n: usize| (s.fraction(n) * 10_000.0).round() / 10_000.0;
    let doc = SharesJson {
        version: vref(&l.nodes[s.version]),
        words: s.total,
        by_version: s
            .by_version
            .iter()
            .map(|&(v, n)| ShareJson {
                name: l.nodes[v].label(),
                id: Some(&l.nodes[v].id),
                words: n,
                share: share(n),
            })
            .collect(),
        by_track: s
            .by_track
            .iter()
            .map(|(t, n)| ShareJson {
                name: t,
                id: None,
                words: *n,
                share: share(*n),
            })
            .collect(),
        by_contributor: s
            .by_contributor
            .iter()
            .map(|c| ContributorJson {
                who: &c.who,
                words: c.words,
                share: share(c.words),
                confidence: c.confidence.map(|c| c.as_str()),
                sources: &c.sources,
            })
            .collect(),
    };
    write_json(&doc, out)
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum ItemJson<'a> {
    Event {
        date: Option<String>,
        #[serde(flatten)]
        event: &'a crate::events::Event,
    },
    Version {
        date: Option<String>,
        fallback_date: bool,
        version: VersionRef<'a>,
        against: Option<&'a str>,
        changes: Option<Box<ChangesJson<'a>>>,
        claims: Vec<ClaimJson>,
    },
}

#[derive(Serialize)]
struct ChangesJson<'a> {
    #[serde(flatten)]
    counts: SummaryJson,
    notable: Vec<NotableJson<'a>>,
}

#[derive(Serialize)]
struct NotableJson<'a> {
    kind: &'static str,
    old: &'a [String],
    new: &'a [String],
    tags: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reinstated_from: Option<&'a str>,
}

/// Renders the timeline.
pub(in crate::render) fn timeline(
    l: &Lineage,
    items: &[Item],
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let doc: Vec<ItemJson<'_>> = items
        .iter()
        .map(|i| match i {
            Item::Event { event, date } => ItemJson::Event {
                date: date.map(|d| d.to_string()),
                event,
            },
            Item::Version(v) => ItemJson::Version {
                date: v.date.map(|d| d.to_string()),
                fallback_date: v.fallback_date,
                version: vref(&l.nodes[v.node]),
                against: v.changes.as_ref().map(|(p, _, _)| l.nodes[*p].id.as_str()),
                changes: v.changes.as_ref().map(|(_, s, notable)| {
                    Box::new(ChangesJson {
                        counts: s.into(),
                        notable: notable
                            .iter()
                            .map(|c| NotableJson {
                                kind: c.kind.as_str(),
                                old: &c.old,
                                new: &c.new,
                                tags: c.tags.iter().map(|t| t.as_str()).collect(),
                                reinstated_from: c.reinstated_from.as_deref(),
                            })
                            .collect(),
                    })
                }),
                claims: ClaimJson::all(&l.nodes[v.node].id, &v.claims),
            },
        })
        .collect();
    write_json(&doc, out)
}
