//! A comparison laid out by [`crate::export::layout`] as one printable HTML page: the title
//! block, then each piece with its deletions struck through and its insertions underlined
//! (legible in black and white), moved pieces marked, claims as notes under their provision.
//! Printed to PDF by [`crate::print`].

use std::fmt::Write as _;

use super::esc;
use crate::export::Piece;
use crate::redline::Op;
use crate::render::docx::DocxMeta;

const CSS: &str = "body{font:11pt/1.45 Georgia,serif;max-width:48rem;margin:2rem auto;color:#111}\
h1{font-size:1.5rem;margin:0 0 .3rem}.sub{color:#444;margin:0;font-size:.95rem}\
p.piece{margin:.55rem 0;white-space:pre-wrap}\
del{color:#b3261e;text-decoration:line-through}ins{color:#1b6e3a;text-decoration:underline}\
.moved{border-left:3px double #555;padding-left:.5rem}.tag{font:8pt sans-serif;color:#555}\
.note{font:9pt sans-serif;color:#333;margin:.1rem 0 .1rem 1.2rem}\
.legend{font:9pt sans-serif;color:#333;margin:.8rem 0 1.2rem}\
@page{margin:16mm 14mm 18mm;@bottom-center{content:counter(page) \" / \" counter(pages);font:9pt sans-serif}}";

/// The page for `pieces`; with `full` false, runs of unchanged provisions are one line (`…
/// 120 unchanged provisions …`): what a reader of a printed redline wants, and what keeps a
/// code's redline a few pages rather than a thousand.
pub fn export_page(pieces: &[Piece], meta: &DocxMeta, full: bool) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body><h1>{}</h1>",
        esc(&meta.title),
        esc(&meta.title)
    );
    for line in &meta.subtitle {
        let _ = write!(html, "<p class=\"sub\">{}</p>", esc(line));
    }
    let _ = write!(
        html,
        "<p class=\"legend\"><del>struck through</del>: in the old text only · <ins>underlined</ins>: in the new text only · a double bar in the margin: moved · changes by {}, {}</p>",
        esc(&meta.author),
        esc(meta.date.get(..10).unwrap_or(&meta.date))
    );
    for (_, who, text) in meta.comments.iter().filter(|(p, _, _)| p.is_none()) {
        let _ = write!(html, "<p class=\"note\">{}: {}</p>", esc(who), esc(text));
    }
    let mut skipped = 0usize;
    let flush = |skipped: &mut usize, html: &mut String| {
        if *skipped > 0 {
            let _ = write!(
                html,
                "<p class=\"legend\">… {} unchanged provision{} …</p>",
                skipped,
                if *skipped == 1 { "" } else { "s" }
            );
            *skipped = 0;
        }
    };
    for piece in pieces {
        let unchanged = matches!(piece, Piece::Kept { spans, new, .. }
            if spans.iter().all(|s| s.op == Op::Equal)
                && !meta.comments.iter().any(|(on, _, _)| on.as_ref().is_some_and(|id| new.contains(id))));
        if unchanged && !full {
            skipped += 1;
            continue;
        }
        flush(&mut skipped, &mut html);
        match piece {
            Piece::Kept { spans, new, .. } => {
                html.push_str("<p class=\"piece\">");
                for s in spans {
                    let text = esc(s.text.trim_end_matches('\n'));
                    match s.op {
                        Op::Equal => html.push_str(&text),
                        Op::Delete => {
                            let _ = write!(html, "<del>{text}</del>");
                        }
                        Op::Insert => {
                            let _ = write!(html, "<ins>{text}</ins>");
                        }
                    }
                }
                html.push_str("</p>");
                notes(&mut html, meta, new);
            }
            Piece::Removed { text, moved, .. } => {
                let _ = write!(
                    html,
                    "<p class=\"piece{}\">{}<del>{}</del></p>",
                    if *moved { " moved" } else { "" },
                    if *moved {
                        "<span class=\"tag\">moved from here</span> "
                    } else {
                        ""
                    },
                    esc(text.trim_end_matches('\n'))
                );
            }
            Piece::Added { text, moved, new } => {
                let _ = write!(
                    html,
                    "<p class=\"piece{}\">{}<ins>{}</ins></p>",
                    if *moved { " moved" } else { "" },
                    if *moved {
                        "<span class=\"tag\">moved here</span> "
                    } else {
                        ""
                    },
                    esc(text.trim_end_matches('\n'))
                );
                notes(&mut html, meta, new);
            }
        }
    }
    flush(&mut skipped, &mut html);
    html.push_str("</body></html>\n");
    html
}

/// The claims about these provisions, as notes under them.
fn notes(html: &mut String, meta: &DocxMeta, ids: &[String]) {
    for (_, who, text) in meta
        .comments
        .iter()
        .filter(|(on, _, _)| on.as_ref().is_some_and(|id| ids.contains(id)))
    {
        let _ = write!(html, "<p class=\"note\">{}: {}</p>", esc(who), esc(text));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redlines_read_in_black_and_white() {
        let pieces = [crate::export::Piece::Kept {
            old: vec!["1".into()],
            new: vec!["1".into()],
            spans: crate::redline::words("1. Elections in 100 days.", "1. Elections soon."),
        }];
        let page = super::export_page(&pieces, &Default::default(), false);
        // Not colour alone: struck through and underlined, and a page counter when printed.
        assert!(page.contains("del{color:#b3261e;text-decoration:line-through}"));
        assert!(page.contains("ins{color:#1b6e3a;text-decoration:underline}"));
        assert!(page.contains("counter(page)"));
        assert!(page.contains("<del>") && page.contains("<ins>"));
    }
}
