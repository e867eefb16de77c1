//! Groups: the parts of a document that number their provisions on their own — annexes,
//! schedules, appendices, protocols (cut into segments before the scheme is chosen), and kinds
//! of heading under which the numbering restarts (qualified after the provisions are found).

use std::collections::{HashMap, HashSet};

use super::line::{Line, Marker};
use super::{Found, Row, heading};
use crate::hash::FxBuild;

/// A run of rows parsed on its own: the main text, or one group (annex).
pub(super) struct Segment {
    pub rows: std::ops::Range<usize>,
    /// The group heading's short name, for a group.
    pub group: Option<String>,
}

/// Cuts the document at group headings. A group lasts until the next group, or until the
/// main outline resumes: a Markdown heading at the group's level or above, or a keyword
/// heading of a kind the main text used before the group (`Livre II` after the annexes of
/// `Livre Ier`).
pub(super) fn segments(rows: &[Row]) -> Vec<Segment> {
    let mut out = vec![Segment {
        rows: 0..rows.len(),
        group: None,
    }];
    let mut main_kinds: HashSet<&str, FxBuild> = Default::default();
    let mut group_level: Option<Option<u8>> = None;
    for (k, row) in rows.iter().enumerate() {
        let h = match &row.line {
            Line::Heading(h) => h,
            Line::Marker(Marker {
                structure: Some(h), ..
            }) if group_level.is_none() => {
                main_kinds.insert(&h.kind);
                continue;
            }
            _ => continue,
        };
        let starts = match (&h.group, group_level) {
            (Some(g), _) => Some(Some(g.clone())),
            (None, None) => {
                main_kinds.insert(&h.kind);
                None
            }
            (None, Some(level)) => {
                let outer = match (level, h.md_level) {
                    (Some(g), Some(l)) => l <= g,
                    _ => false,
                };
                let resumes = !h.kind.starts_with('#') && main_kinds.contains(h.kind.as_str());
                (outer || resumes).then_some(None)
            }
        };
        if let Some(group) = starts {
            group_level = group.is_some().then_some(h.md_level);
            if let Some(last) = out.last_mut() {
                last.rows.end = k;
            }
            out.push(Segment {
                rows: k..rows.len(),
                group,
            });
        }
    }
    out
}

/// Qualifies the ids of provisions under headings of a kind where numbering restarts: every
/// heading of that kind after the first provision starts again at the segment's first number.
pub(super) fn qualify_restarts(rows: &[Row], found: &mut [Found]) {
    let Some(start_number) = found.iter().find_map(|f| f.number.clone()) else {
        return;
    };
    // kind -> (headings whose first provision restarts, headings that do not)
    let mut verdict: HashMap<&str, (usize, usize), FxBuild> = HashMap::default();
    let mut seen_heading: HashSet<usize, FxBuild> = Default::default();
    let (mut any_seen, mut start_seen) = (false, false);
    for f in found.iter() {
        for &h in &f.stack {
            if seen_heading.insert(h) {
                let e = verdict.entry(&heading(rows, h).kind).or_default();
                if start_seen && f.number.as_deref() == Some(start_number.as_str()) {
                    e.0 += 1;
                } else if any_seen {
                    e.1 += 1;
                }
            }
        }
        if let Some(n) = &f.number {
            any_seen = true;
            start_seen |= *n == start_number;
        }
    }
    let restarting: Vec<&str> = verdict
        .into_iter()
        .filter(|(_, (yes, no))| *yes >= 1 && *no == 0)
        .map(|(k, _)| k)
        .collect();
    if restarting.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let names: Vec<String> = f
            .stack
            .iter()
            .map(|&h| heading(rows, h))
            .filter(|h| restarting.contains(&h.kind.as_str()))
            .map(|h| h.short.clone())
            .collect();
        if !names.is_empty() {
            let mut q = f.group.take().map(|g| vec![g]).unwrap_or_default();
            q.extend(names);
            f.group = Some(q.join("/"));
        }
    }
}
