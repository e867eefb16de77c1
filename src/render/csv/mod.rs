//! CSV for spreadsheets and data desks (RFC 4180, through the `csv` crate): one header row,
//! then one row per change (`diff`, a concordance), per appearance (`history`), per item
//! (`timeline`) or per version (`log`). Lists inside a cell are joined with `; `, places with
//! ` > `. Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) is prefixed with `'`, which spreadsheets show as text.
//! Views that are not tables (show, blame, shares, verify…) have no CSV: their renderers say
//! so.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::lineage::timeline::Item;
use crate::lineage::{HistoryEntry, Lineage, Shares};
use crate::log::LogEntry;
use crate::render::{DiffView, RenderOptions, RenderResult};

/// A CSV writer over `out`, after a byte-order mark when asked.
fn table<'w>(
    opts: &RenderOptions,
    out: &'w mut dyn Write,
) -> io::Result<csv::Writer<&'w mut dyn Write>> {
    if opts.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// A text cell, defused: spreadsheets run a cell that starts with one of these as a formula.
pub(crate) fn cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn row<const N: usize>(
    w: &mut csv::Writer<&mut dyn Write>,
    cells: [Cow<'_, str>; N],
) -> RenderResult {
    w.write_record(cells.iter().map(|c| c.as_bytes()))
        .map_err(io::Error::other)
}

fn done(mut w: csv::Writer<&mut dyn Write>) -> RenderResult {
    w.flush()
}

fn joined<'a>(items: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    items.into_iter().collect::<Vec<_>>().join(sep)
}

/// Names in order, each once.
fn names<'a>(claims: impl IntoIterator<Item = &'a crate::draft::Claim>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for c in claims {
        if !seen.contains(&c.who.as_str()) {
            seen.push(&c.who);
        }
    }
    seen.join("; ")
}

fn owned(s: String) -> Cow<'static, str> {
    Cow::Owned(match cell(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    })
}

fn yes(b: bool) -> Cow<'static, str> {
    Cow::Borrowed(if b { "yes" } else { "no" })
}

/// Renders the version log: one row per version.
pub(in crate::render) fn log(
    entries: &[LogEntry],
    _oneline: bool,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let mut w = table(opts, out)?;
    row(
        &mut w,
        [
            "id",
            "label",
            "track",
            "parents",
            "status",
            "text",
            "drafted",
            "presented",
            "leaked",
            "published",
            "sources",
            "claims",
            "extracted",
            "file author",
            "recorded by",
            "recorded at",
        ]
        .map(Cow::Borrowed),
    )?;
    for e in entries {
        let v = &e.version;
        let m = &v.meta;
        let date =
            |d: Option<chrono::NaiveDate>| Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default());
        row(
            &mut w,
            [
                Cow::Borrowed(v.id.as_str()),
                cell(v.label()),
                cell(v.track()),
                owned(joined(e.parents.iter().map(|p| p.label.as_str()), "; ")),
                Cow::Borrowed(m.status.map_or("", |s| s.as_str())),
                Cow::Borrowed(m.text.map_or("", |t| t.as_str())),
                date(m.dates.drafted),
                date(m.dates.presented),
                date(m.dates.leaked),
                date(m.dates.published),
                owned(joined(m.sources.iter().map(|s| s.outlet.as_str()), "; ")),
                Cow::Owned(m.claims.len().to_string()),
                cell(m.extraction.as_ref().map_or("", |x| x.method.as_str())),
                cell(
                    m.document
                        .as_ref()
                        .and_then(|d| d.author.as_deref())
                        .unwrap_or(""),
                ),
                cell(&v.recorded_by),
                Cow::Owned(v.recorded_at.to_rfc3339()),
            ],
        )?;
    }
    done(w)
}

/// Renders a diff as a concordance: one row per change.
pub(in crate::render) fn diff(
    view: &DiffView<'_>,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let a = view.alignment;
    let mut w = table(opts, out)?;
    row(
        &mut w,
        [
            "old id",
            "new id",
            "kind",
            "renumbered",
            "moved",
            "similarity",
            "tags",
            "why",
            "old place",
            "new place",
            "reinstated from",
        ]
        .map(Cow::Borrowed),
    )?;
    for c in view.visible() {
        row(
            &mut w,
            [
                owned(a.old_ids(c).join("; ")),
                owned(a.new_ids(c).join("; ")),
                Cow::Borrowed(c.kind.as_str()),
                yes(c.renumbered),
                yes(c.moved),
                Cow::Owned(format!("{:.3}", c.similarity)),
                Cow::Owned(joined(c.tags.iter().map(|t| t.as_str()), "; ")),
                owned(crate::render::why_phrase(a, c).unwrap_or_default()),
                owned(a.old_place(c).join(" > ")),
                owned(a.new_place(c).join(" > ")),
                cell(view.reinstated_from(c).unwrap_or("")),
            ],
        )?;
    }
    done(w)
}

/// Renders one provision's history: one row per appearance.
pub(in crate::render) fn history(
    l: &Lineage,
    identity: &str,
    entries: &[HistoryEntry],
    _full: bool,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let mut w = table(opts, out)?;
    row(
        &mut w,
        [
            "identity",
            "version id",
            "version",
            "date",
            "provision",
            "change",
            "from version",
            "from provision",
            "reinstated",
            "claims",
            "text",
        ]
        .map(Cow::Borrowed),
    )?;
    for e in entries {
        let n = &l.nodes[e.version];
        let p = &n.provisions[e.provision];
        let (from_v, from_p) = match e.previous {
            Some((pv, pi)) => (l.nodes[pv].label(), l.nodes[pv].provisions[pi].id.as_str()),
            None => ("", ""),
        };
        let claims = crate::render::claims_for(n, &p.id);
        row(
            &mut w,
            [
                cell(identity),
                Cow::Borrowed(n.id.as_str()),
                cell(n.label()),
                Cow::Owned(
                    n.meta
                        .dates
                        .best()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
                cell(&p.id),
                Cow::Borrowed(e.change.map_or("", |k| k.as_str())),
                cell(from_v),
                cell(from_p),
                yes(e.reinstated),
                owned(names(&claims)),
                cell(&p.text),
            ],
        )?;
    }
    done(w)
}

/// Renders the timeline: one row per event or version.
pub(in crate::render) fn timeline(
    l: &Lineage,
    items: &[Item],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let mut w = table(opts, out)?;
    row(
        &mut w,
        [
            "date", "kind", "id", "label", "track", "against", "changes", "claims",
        ]
        .map(Cow::Borrowed),
    )?;
    for item in items {
        match item {
            Item::Event { event, date } => row(
                &mut w,
                [
                    Cow::Owned(date.map(|d| d.to_string()).unwrap_or_default()),
                    Cow::Borrowed("event"),
                    cell(&event.id),
                    cell(&event.title),
                    Cow::Borrowed(""),
                    Cow::Borrowed(""),
                    Cow::Borrowed(""),
                    Cow::Borrowed(""),
                ],
            )?,
            Item::Version(v) => {
                let n = &l.nodes[v.node];
                let (against, changes) = match &v.changes {
                    Some((p, summary, _)) => (l.nodes[*p].label(), summary.to_string()),
                    None => ("", String::new()),
                };
                row(
                    &mut w,
                    [
                        Cow::Owned(v.date.map(|d| d.to_string()).unwrap_or_default()),
                        Cow::Borrowed("version"),
                        Cow::Borrowed(n.id.as_str()),
                        cell(n.label()),
                        cell(n.track()),
                        cell(against),
                        owned(changes),
                        owned(names(&v.claims)),
                    ],
                )?;
            }
        }
    }
    done(w)
}

/// The error of a view that is not a table.
fn not_a_table(view: &str) -> RenderResult {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!(
            "{view} has no CSV form (CSV is offered by diff, history, timeline and log); use --format json"
        ),
    ))
}

pub(in crate::render) fn show(
    _e: &LogEntry,
    _b: &str,
    _r: &[crate::trace::Reuse],
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("show")
}

pub(in crate::render) fn blame(
    _l: &Lineage,
    _v: usize,
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("blame")
}

pub(in crate::render) fn shares(
    _l: &Lineage,
    _s: &Shares,
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("shares")
}

pub(in crate::render) fn verify(
    _r: &crate::verify::Report,
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("verify")
}

pub(in crate::render) fn events(
    _e: &crate::events::Events,
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("event list")
}

pub(in crate::render) fn trace(
    _label: &str,
    _p: &[crate::provisions::Provision],
    _d: &[crate::trace::Document],
    _x: &[crate::trace::Passage],
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("trace")
}

pub(in crate::render) fn identify(
    _name: &str,
    _c: &[crate::identify::Candidate],
    _o: &RenderOptions,
    _out: &mut dyn Write,
) -> RenderResult {
    not_a_table("identify")
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused() {
        assert_eq!(super::cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(super::cell("-2+3"), "'-2+3");
        assert_eq!(super::cell("Article 5"), "Article 5");
    }
}
