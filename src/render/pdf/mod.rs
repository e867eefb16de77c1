//! A comparison laid out by [`crate::export::layout`] written as a PDF, directly: the title
//! block, a legend, then each piece with its deletions struck through and its insertions
//! underlined (legible in black and white), moved pieces with a double bar in the margin,
//! claims as notes under their provision, and "page N / M" at the foot of every page.
//!
//! Data flows pieces → [`Block`]s (what to print) → [`layout`] (lines and pages) → PDF
//! objects (`pdf-writer`), set in one embedded TrueType font (`font.rs`). No browser is
//! involved, so a code's redline prints in about the time its diff takes.

mod font;
pub mod layout;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::export::Piece;
use crate::redline::Op;
use crate::render::docx::DocxMeta;
use layout::{Block, Ink, Run};

pub use font::check as check_font;

/// A4, in points.
const PAGE: (f32, f32) = (595.28, 841.89);
/// Left, right, top and bottom margins, in points.
const MARGIN: (f32, f32, f32, f32) = (62.0, 56.0, 56.0, 64.0);
/// Body text size, in points.
const BODY: f32 = 10.5;
/// Notes, legends and the page number, in points.
const SMALL: f32 = 8.5;

/// The PDF of `pieces`, set in the TrueType font `font_data`. With `full` false, runs of
/// unchanged provisions are one line (`… 120 unchanged provisions …`): what a reader of a
/// printed redline wants, and what keeps a code's redline a few pages rather than a thousand.
pub fn export_pdf(
    pieces: &[Piece],
    meta: &DocxMeta,
    full: bool,
    font_data: &[u8],
) -> std::result::Result<Vec<u8>, String> {
    let mut font = font::Font::new(font_data)?;
    let blocks = blocks(pieces, meta, full);
    let width = PAGE.0 - MARGIN.0 - MARGIN.1;
    let height = PAGE.1 - MARGIN.2 - MARGIN.3;
    let pages = layout::layout(&blocks, width, height, &mut |c| font.measure(c));
    Ok(write(&pages, meta, &font))
}

fn run(text: impl Into<String>, ink: Ink) -> Run {
    Run {
        text: text.into(),
        ink,
    }
}

fn block(runs: Vec<Run>, size: f32, space_before: f32) -> Block {
    Block {
        runs,
        size,
        indent: 0.0,
        space_before,
        bar: false,
    }
}

/// A provision removed or added whole, in the ink of its side; a moved one is marked in the
/// text and by a bar in the margin.
fn whole(text: &str, ink: Ink, moved: bool, note: &'static str) -> Block {
    let mut runs = Vec::new();
    if moved {
        runs.push(run(note, Ink::Quiet));
    }
    runs.push(run(text, ink));
    Block {
        bar: moved,
        ..block(trim(runs), BODY, 6.0)
    }
}

/// What to print, in order.
fn blocks(pieces: &[Piece], meta: &DocxMeta, full: bool) -> Vec<Block> {
    let mut out = vec![block(vec![run(&meta.title, Ink::Plain)], 16.0, 0.0)];
    for line in &meta.subtitle {
        out.push(block(vec![run(line, Ink::Quiet)], 9.5, 2.0));
    }
    out.push(block(
        vec![
            run("struck through", Ink::Deleted),
            run(": in the old text only · ", Ink::Quiet),
            run("underlined", Ink::Inserted),
            run(
                format!(
                    ": in the new text only · a double bar in the margin: moved · changes by {}, {}",
                    meta.author,
                    meta.date.get(..10).unwrap_or(&meta.date)
                ),
                Ink::Quiet,
            ),
        ],
        SMALL,
        10.0,
    ));
    let note = |who: &str, text: &str| Block {
        indent: 16.0,
        ..block(vec![run(format!("{who}: {text}"), Ink::Quiet)], SMALL, 2.0)
    };
    for (_, who, text) in meta.comments.iter().filter(|(p, _, _)| p.is_none()) {
        out.push(note(who, text));
    }
    let notes_on = |ids: &[String]| {
        meta.comments
            .iter()
            .filter(|(on, _, _)| on.as_ref().is_some_and(|id| ids.contains(id)))
            .map(|(_, who, text)| note(who, text))
            .collect::<Vec<_>>()
    };
    let mut skipped = 0usize;
    let flush = |skipped: &mut usize, out: &mut Vec<Block>| {
        if *skipped > 0 {
            let s = if *skipped == 1 { "" } else { "s" };
            out.push(block(
                vec![run(
                    format!("… {skipped} unchanged provision{s} …"),
                    Ink::Quiet,
                )],
                SMALL,
                6.0,
            ));
            *skipped = 0;
        }
    };
    for piece in pieces {
        let unchanged = matches!(piece, Piece::Kept { spans, new, .. }
            if spans.iter().all(|s| s.op == Op::Equal) && notes_on(new).is_empty());
        if unchanged && !full {
            skipped += 1;
            continue;
        }
        flush(&mut skipped, &mut out);
        match piece {
            Piece::Kept { spans, new, .. } => {
                let runs = spans
                    .iter()
                    .map(|s| {
                        let ink = match s.op {
                            Op::Equal => Ink::Plain,
                            Op::Delete => Ink::Deleted,
                            Op::Insert => Ink::Inserted,
                        };
                        run(&*s.text, ink)
                    })
                    .collect();
                out.push(block(trim(runs), BODY, 6.0));
                out.extend(notes_on(new));
            }
            Piece::Removed { text, moved, .. } => {
                out.push(whole(text, Ink::Deleted, *moved, "[moved from here] "));
            }
            Piece::Added { text, moved, new } => {
                out.push(whole(text, Ink::Inserted, *moved, "[moved here] "));
                out.extend(notes_on(new));
            }
        }
    }
    flush(&mut skipped, &mut out);
    out
}

/// Drops the line ends that close a provision's text: the blocks are the paragraphs.
fn trim(mut runs: Vec<Run>) -> Vec<Run> {
    while let Some(last) = runs.last_mut() {
        let kept = last.text.trim_end().len();
        last.text.truncate(kept);
        if last.text.is_empty() {
            runs.pop();
        } else {
            break;
        }
    }
    runs
}

/// The colour of an ink, as RGB.
fn colour(ink: Ink) -> (f32, f32, f32) {
    match ink {
        Ink::Plain => (0.07, 0.07, 0.07),
        Ink::Deleted => (0.70, 0.15, 0.12),
        Ink::Inserted => (0.11, 0.43, 0.23),
        Ink::Quiet => (0.33, 0.33, 0.33),
    }
}

/// The compressed content stream of one page.
fn page_stream(
    lines: &layout::Page,
    number: &str,
    font: &font::Font,
    used: &mut font::Used,
) -> Vec<u8> {
    let f1 = Name(b"F1");
    let top = PAGE.1 - MARGIN.2;
    let mut c = Content::new();
    let mut show = |c: &mut Content, text: &str, size: f32, x: f32, y: f32| {
        c.begin_text();
        c.set_font(f1, size);
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
        used.bytes.clear();
        font.encode(text, used);
        c.show(Str(&used.bytes));
        c.end_text();
    };
    for line in lines {
        let y = top - line.baseline;
        for frag in &line.frags {
            let x = MARGIN.0 + frag.x;
            let (r, g, b) = colour(frag.ink);
            c.set_fill_rgb(r, g, b);
            show(&mut c, &frag.text, line.size, x, y);
            let rule = match frag.ink {
                Ink::Deleted => Some(y + line.size * 0.3),
                Ink::Inserted => Some(y - line.size * 0.14),
                _ => None,
            };
            if let Some(at) = rule {
                c.set_stroke_rgb(r, g, b);
                c.set_line_width(line.size * 0.06);
                c.move_to(x, at);
                c.line_to(x + frag.width, at);
                c.stroke();
            }
        }
        if line.bar {
            c.set_stroke_rgb(0.33, 0.33, 0.33);
            c.set_line_width(0.7);
            for dx in [12.0, 9.5] {
                c.move_to(MARGIN.0 - dx, y - line.size * 0.3);
                c.line_to(MARGIN.0 - dx, y + line.size * 1.1);
            }
            c.stroke();
        }
    }
    let width: f32 = number.chars().map(|ch| font.glyph_width(ch) * SMALL).sum();
    let (r, g, b) = colour(Ink::Quiet);
    c.set_fill_rgb(r, g, b);
    show(
        &mut c,
        number,
        SMALL,
        (PAGE.0 - width) / 2.0,
        MARGIN.3 / 2.0,
    );
    font::deflate(&c.finish())
}

/// Writes the laid-out pages as a PDF. Pages are drawn and compressed on two threads: a
/// code's redline runs to a thousand pages.
fn write(pages: &[layout::Page], meta: &DocxMeta, font: &font::Font) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let info = Ref::new(3);
    let type0 = Ref::new(4);
    // Refs 5 to 8 are the font's other objects; pages and their contents come after.
    let first_page = 9;
    let page_ref = |i: usize| Ref::new(first_page + 2 * i as i32);
    let content_ref = |i: usize| Ref::new(first_page + 2 * i as i32 + 1);
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(page_ref))
        .count(pages.len() as i32);
    pdf.document_info(info)
        .title(TextStr(&meta.title))
        .producer(TextStr(concat!("drafttrail ", env!("CARGO_PKG_VERSION"))));
    let total = pages.len();
    let half = total.div_ceil(2);
    let draw = |from: usize, to: usize| {
        let mut used = font::Used::default();
        let streams: Vec<Vec<u8>> = (from..to)
            .map(|i| page_stream(&pages[i], &format!("{} / {total}", i + 1), font, &mut used))
            .collect();
        (streams, used)
    };
    let ((mut streams, mut used), (rest, rest_used)) = std::thread::scope(|s| {
        let second = s.spawn(|| draw(half, total));
        let first = draw(0, half);
        (first, second.join().unwrap_or_else(|_| draw(half, total)))
    });
    streams.extend(rest);
    used.merge(&rest_used);
    for (i, stream) in streams.iter().enumerate() {
        pdf.stream(content_ref(i), stream)
            .filter(pdf_writer::Filter::FlateDecode);
        let mut page = pdf.page(page_ref(i));
        page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1))
            .parent(tree)
            .contents(content_ref(i));
        page.resources().fonts().pair(Name(b"F1"), type0);
        page.finish();
    }
    font.write(&mut pdf, type0, &used);
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redline_prints_its_deletions_and_insertions_apart() {
        let pieces = [
            Piece::Kept {
                old: vec!["1".into()],
                new: vec!["1".into()],
                spans: crate::redline::words("1. Elections in 100 days.\n", "1. Elections soon.\n"),
            },
            Piece::Kept {
                old: vec!["2".into()],
                new: vec!["2".into()],
                spans: crate::redline::words("2. Same.\n", "2. Same.\n"),
            },
            Piece::Added {
                new: vec!["3".into()],
                text: "3. New.\n".into(),
                moved: true,
            },
        ];
        let meta = DocxMeta {
            title: "A → B".into(),
            ..Default::default()
        };
        let b = blocks(&pieces, &meta, false);
        let inks = |k: usize| b[k].runs.iter().map(|r| r.ink).collect::<Vec<_>>();
        let changed = b
            .iter()
            .position(|x| x.runs.iter().any(|r| r.text.contains("Elections")))
            .expect("provision 1 printed");
        assert!(inks(changed).contains(&Ink::Deleted) && inks(changed).contains(&Ink::Inserted));
        assert!(
            b.iter()
                .any(|x| x.runs[0].text == "… 1 unchanged provision …")
        );
        assert!(
            b.last()
                .is_some_and(|x| x.bar && x.runs[0].text == "[moved here] ")
        );
        let all = blocks(&pieces, &meta, true);
        assert!(all.iter().any(|x| x.runs[0].text == "2. Same."));
    }
}
