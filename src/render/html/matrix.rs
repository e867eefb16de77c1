//! The report's provisions × versions matrix, readable at the scale of a national code: by
//! default only the provisions that changed somewhere (the others are one click away, in a
//! hidden table body that a checkbox shows without JavaScript), compact cells whose kind shows
//! by colour and by a sign (legible in black and white, with a legend), rows named by the
//! number as first written, the short label of the version that first had it and the
//! provision's first words, and a filter by number or word.

use std::fmt::Write as _;

use super::{Report, esc, short};
use crate::align::ChangeKind;
use crate::lineage::index::LineageIndex;

/// The sign of each kind of cell, for black-and-white reading, with its legend.
const SIGNS: [(&str, &str, &str); 9] = [
    ("unchanged", "", "unchanged"),
    ("reworded", "~", "reworded"),
    ("moved", "↕", "moved"),
    ("split", "<", "split"),
    ("merged", ">", "merged"),
    ("added", "+", "added"),
    ("reinstated", "↺", "reinstated from an earlier version"),
    ("removed", "−", "removed"),
    ("not-covered", "?", "not in a partial text"),
];

fn sign(state: &str) -> &'static str {
    SIGNS
        .iter()
        .find(|(s, _, _)| *s == state)
        .map_or("", |(_, g, _)| g)
}

/// The matrix; `histories[p]` holds identity `p`'s appearances among the versions shown.
pub(super) fn matrix(
    r: &Report<'_>,
    index: &LineageIndex<'_>,
    histories: &[Vec<crate::lineage::HistoryEntry>],
    html: &mut String,
) {
    let l = r.lineage;
    let mut changed_rows = String::new();
    let mut same_rows = String::new();
    let (mut n_changed, mut n_same) = (0usize, 0usize);
    for (p, id) in index.identities.iter().enumerate() {
        // Where it first appears among the versions shown: its number as written there.
        let first = r
            .versions
            .iter()
            .find_map(|&v| index.place(id, v).map(|j| (v, j)));
        let (number, origin, title) = match first {
            Some((v, j)) => {
                let prov = &l.nodes[v].provisions[j];
                (
                    prov.id.as_str(),
                    short(l.nodes[v].label()),
                    crate::render::provision_title(&prov.text),
                )
            }
            None => (*id, String::new(), String::new()),
        };
        let mut row = String::new();
        let mut changed = false;
        for &v in r.versions {
            match index.place(id, v) {
                Some(j) => {
                    let num = esc(&l.nodes[v].provisions[j].id);
                    let producing = index
                        .producing(v, j)
                        .map(|(e, k)| (e, k, &l.edges[e].alignment.changes[k]));
                    let Some((e, k, c)) = producing else {
                        let _ = write!(
                            row,
                            "<td class=\"present\" title=\"first appearance\">{num}</td>"
                        );
                        continue;
                    };
                    let (state, title) = match (c.kind, l.instances[v][j].reinstated_from) {
                        (ChangeKind::Added, Some((a, _))) => (
                            "reinstated",
                            format!("reinstated from {}", l.nodes[a].label()),
                        ),
                        (ChangeKind::Unchanged, _) if c.moved => ("moved", "moved".to_owned()),
                        (ChangeKind::NotCovered, _) => ("not-covered", "not covered".to_owned()),
                        (kind, _) => (kind.as_str(), kind.as_str().to_owned()),
                    };
                    let renumbered = c.renumbered && state != "added";
                    changed |= state != "unchanged" || renumbered;
                    let title = if renumbered {
                        format!("{title}, renumbered")
                    } else {
                        title
                    };
                    if state == "unchanged" && !renumbered {
                        // Most cells of a code: kept small (no link, no title).
                        let _ = write!(row, "<td>{num}</td>");
                        continue;
                    }
                    let mark = format!("{}{}", sign(state), if renumbered { "#" } else { "" });
                    let _ = write!(
                        row,
                        "<td class=\"{state}\" title=\"{}\"><a href=\"#c-{e}-{k}\">{num}{}{}</a></td>",
                        esc(&title),
                        if mark.is_empty() { "" } else { " " },
                        esc(&mark)
                    );
                }
                None => match index.removed(v, id) {
                    Some((e, k)) => {
                        changed = true;
                        let _ = write!(
                            row,
                            "<td class=\"removed\" title=\"removed\"><a href=\"#c-{e}-{k}\">−</a></td>"
                        );
                    }
                    None => row.push_str("<td></td>"),
                },
            }
        }
        if !changed && let Some((v0, j0)) = first {
            // Never changed: one cell spanning the versions that have it (a code's report
            // holds thousands of these rows; one cell each keeps it quick to open).
            let before = r.versions.iter().take_while(|&&v| v != v0).count();
            let span = r.versions.len() - before;
            row = "<td></td>".repeat(before);
            let _ = write!(
                row,
                "<td class=\"same\" colspan=\"{span}\">{} in every version from here</td>",
                esc(&l.nodes[v0].provisions[j0].id)
            );
        }
        let key = format!("{number} {title}").to_lowercase();
        let target = if changed {
            n_changed += 1;
            &mut changed_rows
        } else {
            n_same += 1;
            &mut same_rows
        };
        // A provision that never changed has no history to link to.
        let told = histories
            .get(p)
            .is_some_and(|e| !e.is_empty() && !super::never_changed(r, e));
        let name = if told {
            format!("<a href=\"#p-{p}\">{}</a>", esc(number))
        } else {
            esc(number)
        };
        let _ = writeln!(
            target,
            "<tr data-k=\"{}\"><th>{name} <span class=\"origin\">{}</span> <span class=\"meta\">{}</span></th>{row}</tr>",
            esc(&key),
            esc(&origin),
            esc(&title)
        );
    }
    html.push_str("<section id=\"matrix\">\n<h2>Provisions × versions</h2>\n");
    let _ = writeln!(
        html,
        "<p class=\"meta\">Each row is one provision followed through the versions, named by its number where it first appeared and the version that first had it. Each cell gives its number there and a sign for what the version did to it; click a cell for its redline. {n_changed} provisions changed somewhere; {n_same} never changed and are hidden.</p>"
    );
    let _ = writeln!(
        html,
        "<p class=\"controls\"><label>Find <input id=\"matrix-filter\" type=\"search\" placeholder=\"number or word\"></label> \
         <label><input type=\"checkbox\" id=\"matrix-all\"> also show the {n_same} provisions that never changed</label></p>"
    );
    html.push_str("<p class=\"legend\">");
    for (state, glyph, what) in SIGNS {
        let glyph = if glyph.is_empty() { "17" } else { glyph };
        let _ = write!(
            html,
            "<span class=\"cell {state}\">{}</span> {what} · ",
            esc(glyph)
        );
    }
    html.push_str("<span class=\"cell\">#</span> renumbered</p>\n");
    html.push_str(
        "<div class=\"matrix-wrap\"><table class=\"matrix\">\n<thead><tr><th>provision</th>",
    );
    for &v in r.versions {
        let _ = write!(
            html,
            "<th><a href=\"#v-{v}\" title=\"{}\">{}</a></th>",
            esc(l.nodes[v].label()),
            esc(&short(l.nodes[v].label()))
        );
    }
    html.push_str("</tr></thead>\n<tbody class=\"changed\">\n");
    html.push_str(&changed_rows);
    html.push_str("</tbody>\n<tbody class=\"same\">\n");
    html.push_str(&same_rows);
    html.push_str("</tbody></table></div>\n</section>\n");
}
