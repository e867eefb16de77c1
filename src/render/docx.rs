//! A comparison as a Word document whose tracked changes turn the old text into the new one:
//! what legal teams review. The layout comes from [`crate::export::layout`]; this module
//! only writes it, through `docx-rs`: a title block (both versions' labels, dates, status and
//! kind of text), then one paragraph per piece, its deletions and insertions (`w:del`,
//! `w:ins`; `w:moveFrom`, `w:moveTo` for moved provisions) authored by the new version's
//! claimed drafters and dated with its best-known date, and each claim or denial about the
//! new version as a comment on its provision (or on the title).

use std::io::{self, Write};

use docx_rs::{
    BreakType, Comment, Delete, Docx, Insert, MoveFrom, MoveTo, Paragraph, Run, Style, StyleType,
};

use crate::export::Piece;
use crate::redline::Op;

/// What the Word document says besides the texts.
#[derive(Debug, Clone, Default)]
pub struct DocxMeta {
    /// The title: `OLD → NEW`.
    pub title: String,
    /// Lines under the title: each version's label, date, status and kind of text.
    pub subtitle: Vec<String>,
    /// Who the changes are attributed to (the new version's claimed drafters, else
    /// `drafttrail`).
    pub author: String,
    /// When: the new version's best-known date, ISO 8601.
    pub date: String,
    /// Comments: (provision id of the new version, or `None` for the whole version; author;
    /// text).
    pub comments: Vec<(Option<String>, String, String)>,
}

impl DocxMeta {
    /// The title block, authorship and comments of a comparison of two recorded versions.
    pub fn for_versions(old: &crate::version::Version, new: &crate::version::Version) -> Self {
        let side = |which: &str, v: &crate::version::Version| {
            let mut parts = vec![format!("{which}: {}", v.label())];
            if let Some(d) = v.meta.dates.best() {
                parts.push(d.to_string());
            }
            let status = crate::render::status_line(&v.meta);
            if !status.is_empty() {
                parts.push(status);
            }
            parts.join(" · ")
        };
        let drafters = new.meta.drafters();
        let author = if drafters.is_empty() {
            "drafttrail".to_owned()
        } else {
            drafters.join(", ")
        };
        let date = match new.meta.dates.best() {
            Some(d) => format!("{d}T00:00:00Z"),
            None => new.recorded_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        };
        let mut comments = Vec::new();
        for c in &new.meta.claims {
            let line = crate::render::claim_lines(&new.id, std::slice::from_ref(c));
            let text = line
                .first()
                .map(|l| l.text().to_owned())
                .unwrap_or_default();
            if c.provisions.is_empty() {
                comments.push((None, c.who.clone(), text));
            } else {
                for p in &c.provisions {
                    comments.push((Some(p.clone()), c.who.clone(), text.clone()));
                }
            }
        }
        DocxMeta {
            title: format!("{} → {}", old.label(), new.label()),
            subtitle: vec![side("Old", old), side("New", new)],
            author,
            date,
            comments,
        }
    }
}

/// Writes the layout as a DOCX file.
pub fn docx(pieces: &[Piece], meta: &DocxMeta, out: &mut dyn Write) -> io::Result<()> {
    let mut doc = Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(32)
                .bold(),
        )
        .add_style(Style::new("Subtitle", StyleType::Paragraph).name("Subtitle"));
    let mut next_comment = 1usize;
    let mut comment = |author: &str, text: &str| {
        let id = next_comment;
        next_comment += 1;
        let c = Comment::new(id)
            .author(author)
            .date(meta.date.clone())
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)));
        (id, c)
    };
    let mut title = Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text(&meta.title));
    for (_, author, text) in meta.comments.iter().filter(|(p, _, _)| p.is_none()) {
        let (id, c) = comment(author, text);
        title = title.add_comment_start(c).add_comment_end(id);
    }
    doc = doc.add_paragraph(title);
    for line in &meta.subtitle {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(line)),
        );
    }
    for piece in pieces {
        let mut p = Paragraph::new();
        let new_ids: &[String] = match piece {
            Piece::Kept { new, .. } | Piece::Added { new, .. } => new,
            Piece::Removed { .. } => &[],
        };
        for (_, author, text) in meta
            .comments
            .iter()
            .filter(|(on, _, _)| on.as_ref().is_some_and(|id| new_ids.contains(id)))
        {
            let (id, c) = comment(author, text);
            p = p.add_comment_start(c).add_comment_end(id);
        }
        match piece {
            Piece::Kept { spans, .. } => {
                for (op, text) in crate::export::paragraph_spans(spans) {
                    p = match op {
                        Op::Equal => p.add_run(text_run(text, false)),
                        Op::Delete => p.add_delete(
                            Delete::new()
                                .add_run(text_run(text, true))
                                .author(&meta.author)
                                .date(&meta.date),
                        ),
                        Op::Insert => p.add_insert(
                            Insert::new(text_run(text, false))
                                .author(&meta.author)
                                .date(&meta.date),
                        ),
                    };
                }
            }
            Piece::Removed {
                text, moved: false, ..
            } => {
                p = p.add_delete(
                    Delete::new()
                        .add_run(text_run(text.trim_end_matches('\n'), true))
                        .author(&meta.author)
                        .date(&meta.date),
                );
            }
            Piece::Removed {
                text, moved: true, ..
            } => {
                p = p.add_move_from(
                    MoveFrom::new()
                        .add_run(text_run(text.trim_end_matches('\n'), false))
                        .author(&meta.author)
                        .date(&meta.date),
                );
            }
            Piece::Added {
                text, moved: false, ..
            } => {
                p = p.add_insert(
                    Insert::new(text_run(text.trim_end_matches('\n'), false))
                        .author(&meta.author)
                        .date(&meta.date),
                );
            }
            Piece::Added {
                text, moved: true, ..
            } => {
                p = p.add_move_to(
                    MoveTo::new(text_run(text.trim_end_matches('\n'), false))
                        .author(&meta.author)
                        .date(&meta.date),
                );
            }
        }
        doc = doc.add_paragraph(p);
    }
    let mut buf = io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| io::Error::other(format!("writing the Word document: {e}")))?;
    out.write_all(buf.get_ref())
}

/// A run holding `text`, its line ends as line breaks (a provision is one paragraph);
/// deleted text as `w:delText`.
fn text_run(text: &str, deleted: bool) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = if deleted {
            run.add_delete_text(line)
        } else {
            run.add_text(line)
        };
    }
    run
}
