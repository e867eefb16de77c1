//! The report's sections, each appended to one string.

use std::fmt::Write as _;

use super::{Report, esc, safe_url};
use crate::align::ChangeKind;
use crate::draft::{Claim, Source, pair_denials};
use crate::lineage::Node;
use crate::lineage::timeline::{self, Filter, Item};
use crate::redline::{Op, Span};

fn version_title(n: &Node) -> String {
    let mut s = format!(
        "{} <span class=\"meta\">[{}]</span>",
        esc(n.label()),
        esc(n.track())
    );
    if let Some(t) = n.meta.not_verbatim() {
        let _ = write!(
            s,
            " <span class=\"warning\">{} — not the document's own wording</span>",
            esc(t.as_str())
        );
    }
    s
}

fn source_html(s: &Source) -> String {
    let name = esc(&s.outlet);
    let mut out = match s.url.as_deref().and_then(safe_url) {
        Some(url) => format!("<a href=\"{url}\" rel=\"noopener noreferrer\">{name}</a>"),
        None => match &s.url {
            Some(u) => format!("{name} <span class=\"meta\">({})</span>", esc(u)),
            None => name,
        },
    };
    if let Some(d) = s.date {
        let _ = write!(out, " <span class=\"meta\">{d}</span>");
    }
    if let Some(a) = s.archived.as_deref().and_then(safe_url) {
        let _ = write!(
            out,
            " (<a href=\"{a}\" rel=\"noopener noreferrer\">archived</a>)"
        );
    }
    out
}

fn claim_html(c: &Claim) -> String {
    let mut s = format!("<strong>{}</strong>", esc(&c.who));
    if let Some(role) = &c.role {
        let _ = write!(s, " ({})", esc(role));
    }
    let _ = write!(s, " — {}", esc(&c.did));
    if !c.provisions.is_empty() {
        let _ = write!(
            s,
            " <span class=\"meta\">(provisions {})</span>",
            esc(&c.provisions.join(", "))
        );
    }
    if let Some(conf) = c.confidence {
        let _ = write!(s, " <span class=\"conf\">{}</span>", conf.as_str());
    }
    if let Some(src) = &c.source {
        match c.url.as_deref().and_then(safe_url) {
            Some(url) => {
                let _ = write!(
                    s,
                    " <span class=\"meta\">— <a href=\"{url}\" rel=\"noopener noreferrer\">{}</a></span>",
                    esc(src)
                );
            }
            None => {
                let _ = write!(s, " <span class=\"meta\">— {}</span>", esc(src));
            }
        }
    }
    if let Some(q) = &c.quote {
        let _ = write!(s, " <q>{}</q>", esc(q));
    }
    s
}

fn claims_html(version: &str, claims: &[Claim], html: &mut String) {
    use crate::draft::{Stance, claim_id};
    if claims.is_empty() {
        return;
    }
    html.push_str("<ul class=\"claims\">\n");
    for g in pair_denials(version, claims) {
        let denies = match g.claim.stance {
            Stance::Asserts => "",
            Stance::Denies => "Denial: ",
            Stance::Retracts => "Retraction: ",
        };
        let retracted = if g.is_retracted() {
            " — retracted"
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<li class=\"claim\"><code>{}</code> {denies}{}{retracted}",
            claim_id(version, g.claim),
            claim_html(g.claim)
        );
        for d in g.denials {
            let verb = if d.stance == Stance::Retracts {
                "retracted"
            } else {
                "denied"
            };
            let _ = writeln!(
                html,
                "<ul><li class=\"denial\">↳ <code>{}</code> {verb}: {}</li></ul>",
                claim_id(version, d),
                claim_html(d)
            );
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
}

fn redline_html(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        match span.op {
            Op::Equal => s.push_str(&esc(&span.text)),
            Op::Delete => {
                let _ = write!(s, "<del>{}</del>", esc(&span.text));
            }
            Op::Insert => {
                let _ = write!(s, "<ins>{}</ins>", esc(&span.text));
            }
        }
    }
    s
}

pub(super) fn header(r: &Report<'_>, html: &mut String) {
    let l = r.lineage;
    let _ = writeln!(html, "<header>\n<h1>{}</h1>", esc(r.title));
    let _ = writeln!(
        html,
        "<p class=\"meta\">{} versions and {} events, recorded with drafttrail. Claims are what sources report, never facts; \
         texts marked <span class=\"warning\">not the document's own wording</span> are paraphrases or reconstructions.</p>",
        r.versions.len(),
        r.events.events.len()
    );
    let _ = l;
    html.push_str(
        "<nav><a href=\"#timeline\">Timeline</a><a href=\"#matrix\">Provisions × versions</a>\
         <a href=\"#changes\">Changes</a><a href=\"#histories\">Provision histories</a><a href=\"#shares\">Whose wording survived</a></nav>\n</header>\n",
    );
}

pub(super) fn timeline(r: &Report<'_>, html: &mut String) {
    let l = r.lineage;
    html.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    html.push_str(
        "<p class=\"controls\"><label>Place versions by <select id=\"axis\"><option value=\"best\">best-known date</option>\
         <option value=\"drafted\">drafted</option><option value=\"presented\">presented</option>\
         <option value=\"leaked\">leaked</option><option value=\"published\">published</option></select></label></p>\n",
    );
    html.push_str("<ol class=\"timeline\" id=\"timeline-list\">\n");
    let items = timeline::timeline(l, r.events, &Filter::default());
    for (order, item) in items.iter().enumerate() {
        match item {
            Item::Event { event, date } => {
                let d = date.map(|d| d.to_string()).unwrap_or_default();
                let _ = write!(
                    html,
                    "<li class=\"event\" data-order=\"{order}\" data-best=\"{d}\"><span class=\"date\">{d}</span><strong>{}</strong>",
                    esc(&event.title)
                );
                if let Some(p) = &event.place {
                    let _ = write!(html, " <span class=\"meta\">— {}</span>", esc(p));
                }
                if let (Some(s), Some(e)) = (event.start, event.end) {
                    let _ = write!(html, " <span class=\"meta\">({s} to {e})</span>");
                }
                if !event.participants.is_empty() {
                    let _ = write!(
                        html,
                        "<div class=\"meta\">with {}</div>",
                        esc(&event.participants.join(", "))
                    );
                }
                if let Some(n) = &event.note {
                    let _ = write!(html, "<div>{}</div>", esc(n));
                }
                if !event.sources.is_empty() {
                    html.push_str("<ul class=\"sources\">");
                    for s in &event.sources {
                        let _ = write!(html, "<li>{}</li>", source_html(s));
                    }
                    html.push_str("</ul>");
                }
                html.push_str("</li>\n");
            }
            Item::Version(vi) if r.versions.contains(&vi.node) => {
                let n = &l.nodes[vi.node];
                let d = &n.meta.dates;
                let attr =
                    |x: Option<chrono::NaiveDate>| x.map(|x| x.to_string()).unwrap_or_default();
                let _ = write!(
                    html,
                    "<li class=\"version\" id=\"v-{}\" data-order=\"{order}\" data-best=\"{}\" data-drafted=\"{}\" data-presented=\"{}\" data-leaked=\"{}\" data-published=\"{}\">",
                    vi.node,
                    attr(d.best()),
                    attr(d.drafted),
                    attr(d.presented),
                    attr(d.leaked),
                    attr(d.published)
                );
                let _ = write!(
                    html,
                    "<span class=\"date\">{}</span><strong>{}</strong>",
                    attr(vi.date),
                    version_title(n)
                );
                let status = crate::render::status_line(&n.meta);
                let dates = crate::render::dates_line(d);
                let _ = write!(
                    html,
                    "<div class=\"meta\">{} · {}</div>",
                    esc(&status),
                    esc(&dates)
                );
                if let Some(note) = &n.meta.note {
                    let _ = write!(html, "<div>{}</div>", esc(note));
                }
                if let Some(x) = &n.meta.extraction {
                    let steps = x.steps.join("; ");
                    let _ = write!(
                        html,
                        "<div class=\"meta\" title=\"{}\">Extracted: {}</div>",
                        esc(&steps),
                        esc(&crate::render::extraction_line(x))
                    );
                }
                if let Some(d) = &n.meta.document {
                    let _ = write!(
                        html,
                        "<div class=\"meta\">File: {}</div>",
                        esc(&crate::render::document_line(d))
                    );
                }
                if let Some((p, summary, _)) = &vi.changes {
                    let _ = write!(
                        html,
                        "<div>Against {}: {}</div>",
                        esc(l.nodes[*p].label()),
                        esc(&summary.to_string())
                    );
                }
                if !n.meta.sources.is_empty() {
                    html.push_str("<ul class=\"sources\">");
                    for s in &n.meta.sources {
                        let _ = write!(html, "<li>{}</li>", source_html(s));
                    }
                    html.push_str("</ul>");
                }
                claims_html(&n.id, &n.meta.claims, html);
                html.push_str("</li>\n");
            }
            Item::Version(_) => {}
        }
    }
    html.push_str("</ol>\n</section>\n");
}

pub(super) fn changes(r: &Report<'_>, html: &mut String) {
    let l = r.lineage;
    html.push_str("<section id=\"changes\">\n<h2>Changes from each version to the next</h2>\n");
    html.push_str(
        "<p class=\"controls\"><label>Redlines <select id=\"redline-mode\"><option value=\"inline\">inline</option>\
         <option value=\"side-by-side\">side by side</option></select></label></p>\n",
    );
    for (e, edge) in l.edges.iter().enumerate() {
        if !r.versions.contains(&edge.child) {
            continue;
        }
        let a = &edge.alignment;
        let _ = writeln!(
            html,
            "<article class=\"pair\" id=\"e-{e}\">\n<h3>{} → {}</h3>\n<p class=\"meta\">{}</p>",
            version_title(&l.nodes[edge.parent]),
            version_title(&l.nodes[edge.child]),
            esc(&a.summary().to_string())
        );
        let unchanged = a
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Unchanged && !c.renumbered && !c.moved)
            .count();
        for (k, c) in a.changes.iter().enumerate() {
            if c.kind == ChangeKind::Unchanged && !c.renumbered && !c.moved {
                // Still an anchor target for the matrix.
                let _ = writeln!(html, "<span id=\"c-{e}-{k}\"></span>");
                continue;
            }
            let ids = |v: Vec<&str>| {
                if v.is_empty() {
                    "—".to_owned()
                } else {
                    esc(&v.join(" + "))
                }
            };
            // Why the pair was linked, on hover over the heading.
            let why = crate::render::why_phrase(a, c)
                .map(|w| format!(" title=\"why: {}\"", esc(&w)))
                .unwrap_or_default();
            let _ = write!(
                html,
                "<div class=\"change {}\" id=\"c-{e}-{k}\"><h4{why}>{} → {}<span class=\"kind\">{}</span>",
                c.kind.as_str(),
                ids(a.old_ids(c)),
                ids(a.new_ids(c)),
                c.kind.as_str()
            );
            if c.renumbered {
                html.push_str("<span class=\"flag\">renumbered</span>");
            }
            if c.moved {
                html.push_str("<span class=\"flag\">moved</span>");
            }
            for t in &c.tags {
                let _ = write!(html, "<span class=\"tag\">{}</span>", t.as_str());
            }
            html.push_str("</h4>\n");
            // Where the provision stands in the outline (and stood, when it changed place).
            let (old_place, new_place) = (a.old_place(c), a.new_place(c));
            let place = if new_place.is_empty() {
                old_place
            } else {
                new_place
            };
            if !place.is_empty() {
                let _ = write!(html, "<p class=\"place\">{}", esc(&place.join(" › ")));
                if !old_place.is_empty() && !new_place.is_empty() && old_place != new_place {
                    let _ = write!(html, " (was {})", esc(&old_place.join(" › ")));
                }
                html.push_str("</p>\n");
            }
            let _ = writeln!(
                html,
                "<div class=\"redline inline\">{}</div>",
                redline_html(&c.redline)
            );
            // The side-by-side view is built from the inline one by the script, when asked
            // for: a code's report would otherwise hold every redline twice.
            html.push_str("</div>\n");
        }
        if unchanged > 0 {
            let _ = writeln!(
                html,
                "<p class=\"meta\">{unchanged} provision(s) unchanged in number and wording.</p>"
            );
        }
        html.push_str("</article>\n");
    }
    html.push_str("</section>\n");
}

/// The provision histories; `histories[p]` holds identity `p`'s appearances among the
/// versions shown.
pub(super) fn provisions(
    r: &Report<'_>,
    histories: &[Vec<crate::lineage::HistoryEntry>],
    html: &mut String,
) {
    let l = r.lineage;
    html.push_str("<section id=\"histories\">\n<h2>Provision histories</h2>\n");
    for (p, entries) in histories.iter().enumerate() {
        if entries.is_empty() || super::never_changed(r, entries) {
            // Its text is in every version shown and it has no story: the matrix says so in
            // one cell, and a code's report stays small enough to open quickly.
            continue;
        }
        let _ = writeln!(
            html,
            "<details id=\"p-{p}\"><summary><strong>{}</strong> <span class=\"origin\">{}</span> {} — {} version(s)</summary>",
            esc(&l.nodes[entries[0].version].provisions[entries[0].provision].id),
            esc(&super::short(l.nodes[entries[0].version].label())),
            esc(&crate::render::provision_title(
                &l.nodes[entries[0].version].provisions[entries[0].provision].text
            )),
            entries.len()
        );
        // A run of appearances that only repeat the text, flushed as one line.
        let mut run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, html: &mut String| {
            if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
                let span = if a == b {
                    version_title(&l.nodes[a])
                } else {
                    format!(
                        "{} … {} ({} versions)",
                        version_title(&l.nodes[a]),
                        version_title(&l.nodes[b]),
                        run.len()
                    )
                };
                let _ = writeln!(html, "<p class=\"meta\">unchanged in {span}</p>");
            }
            run.clear();
        };
        for e in entries {
            let n = &l.nodes[e.version];
            let prov = &n.provisions[e.provision];
            let claims: Vec<Claim> = crate::render::claims_for(n, &prov.id)
                .into_iter()
                .filter(|c| !c.provisions.is_empty())
                .collect();
            // An appearance that repeats the text before it, under the same number and with
            // no claim of its own, is one line: a code's report stays readable and small.
            let same = e.change == Some(ChangeKind::Unchanged)
                && e.previous
                    .is_some_and(|(pv, pi)| l.nodes[pv].provisions[pi].id == prov.id);
            if same && claims.is_empty() {
                run.push(e.version);
                continue;
            }
            flush(&mut run, html);
            let from = match (e.previous, e.change) {
                (Some((pv, pi)), Some(kind)) => format!(
                    " <span class=\"meta\">← {} {} ({})</span>",
                    esc(l.nodes[pv].label()),
                    esc(&l.nodes[pv].provisions[pi].id),
                    kind.as_str()
                ),
                _ => " <span class=\"meta\">(first appearance)</span>".into(),
            };
            let _ = writeln!(
                html,
                "<h4>{} — provision {}{from}</h4>",
                version_title(n),
                esc(&prov.id)
            );
            let _ = writeln!(
                html,
                "<div class=\"redline\">{}</div>",
                redline_html(&e.redline)
            );
            claims_html(&n.id, &claims, html);
        }
        flush(&mut run, html);
        html.push_str("</details>\n");
    }
    html.push_str("</section>\n");
}

pub(super) fn shares(r: &Report<'_>, html: &mut String) {
    let l = r.lineage;
    html.push_str("<section id=\"shares\">\n<h2>Whose wording survived</h2>\n");
    html.push_str("<p class=\"meta\">Share of each version's words by the version they first appeared in; contributor shares follow the claims about those versions (claims, not facts; they overlap).</p>\n");
    for &v in r.versions {
        let s = l.shares(v);
        let pct = |n: usize| {
            if s.total == 0 {
                0.0
            } else {
                100.0 * n as f64 / s.total as f64
            }
        };
        let _ = writeln!(
            html,
            "<h3>{} <span class=\"meta\">{} words</span></h3>",
            version_title(&l.nodes[v]),
            s.total
        );
        html.push_str("<table class=\"shares\"><tbody>\n");
        for &(o, n) in &s.by_version {
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{:.1}%</td><td><span class=\"bar\" style=\"width:{:.1}px\"></span></td></tr>",
                esc(l.nodes[o].label()),
                pct(n),
                pct(n) * 2.0
            );
        }
        for c in &s.by_contributor {
            let conf = c.confidence.map_or("unrated", |c| c.as_str());
            let _ = writeln!(
                html,
                "<tr><td>claimed: {}</td><td>{:.1}%</td><td><span class=\"conf\">{conf}</span> <span class=\"meta\">{}</span></td></tr>",
                esc(&c.who),
                pct(c.words),
                esc(&c.sources.join(", "))
            );
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("</section>\n");
}
