//! Unnumbered texts split by position: each top-level bullet is a provision `•N`, or else
//! each paragraph `¶N`; an unnumbered group (annex) is one provision named after it.

use super::groups::Segment;
use super::line::Line;
use super::{Found, Row, demote_outline_markers, push_heading};

/// Provisions of a segment without numbering: a group is one provision; the main text is
/// split into top-level bullets, or else paragraphs.
pub(super) fn positional(doc: &str, rows: &mut [Row], seg: Segment, found: &mut Vec<Found>) {
    let range = seg.rows.clone();
    demote_outline_markers(doc, rows, range.clone(), |_| true);
    let rows = &*rows;
    if let Some(group) = &seg.group {
        let first = range.start;
        let body_end = rows[range.clone()]
            .iter()
            .rev()
            .find(|r| !matches!(r.line, Line::Blank))
            .map_or(rows[first].end, |r| r.end);
        let text_start = rows
            .get(first + 1)
            .map_or(rows[first].end, |r| r.start)
            .min(body_end);
        found.push(Found {
            start: rows[first].start,
            text_start,
            text_end: body_end,
            number: None,
            label: Some(group.clone()),
            stack: Vec::new(),
            group: None,
        });
        return;
    }
    let bullet_indent = rows[range.clone()]
        .iter()
        .filter(|r| matches!(r.line, Line::Body))
        .filter_map(|r| bullet(&doc[r.start..r.end]))
        .min();
    let bullets = bullet_indent.map_or(0, |i| {
        rows[range.clone()]
            .iter()
            .filter(|r| matches!(r.line, Line::Body))
            .filter(|r| bullet(&doc[r.start..r.end]) == Some(i))
            .count()
    });
    let mut stack: Vec<usize> = Vec::new();
    let mut n = 0;
    let mut open = false;
    let mut prev_blank = true;
    let mut candidates: Vec<Found> = Vec::new();
    for k in range {
        let row = &rows[k];
        match &row.line {
            Line::Heading(_) | Line::Marker(_) if is_heading_row(&row.line) => {
                push_heading(rows, &mut stack, k);
                open = false;
                prev_blank = true;
                continue;
            }
            Line::Blank => {
                prev_blank = true;
                if bullets < 2 {
                    open = false;
                }
                continue;
            }
            Line::Gap => {
                open = false;
                continue;
            }
            _ => {}
        }
        let text = &doc[row.start..row.end];
        let starts = if bullets >= 2 {
            bullet(text) == bullet_indent
        } else {
            prev_blank || !open
        };
        prev_blank = false;
        if starts {
            n += 1;
            let marker = if bullets >= 2 {
                let t = text.trim_start();
                let skip = t.chars().next().map_or(0, char::len_utf8);
                row.end - t.len() + skip
            } else {
                row.start
            };
            let sign = if bullets >= 2 { '•' } else { '¶' };
            candidates.push(Found {
                start: row.start,
                text_start: marker,
                text_end: row.end,
                number: None,
                label: Some(format!("{sign}{n}")),
                stack: stack.clone(),
                group: None,
            });
            open = true;
        } else if open && let Some(f) = candidates.last_mut() {
            f.text_end = row.end;
        }
    }
    // One paragraph is the whole text: it stays the preamble.
    if candidates.len() >= 2 {
        found.extend(candidates);
    }
}

pub(super) fn is_heading_row(line: &Line) -> bool {
    match line {
        Line::Heading(_) => true,
        Line::Marker(m) => m.structure.is_some(),
        _ => false,
    }
}

/// The indentation of a bullet line (`- `, `• `, `* `, `– `), or `None`.
fn bullet(line: &str) -> Option<usize> {
    let t = line.trim_start_matches([' ', '\t']);
    let mut cs = t.chars();
    let c = cs.next()?;
    (matches!(c, '-' | '•' | '*' | '–' | '—' | '‣' | '◦')
        && cs.next().is_some_and(char::is_whitespace))
    .then_some(line.len() - t.len())
}
