//! Lines and pages: blocks of styled runs broken into lines that fit the text width (greedy,
//! at spaces; a word wider than the line is cut between characters), and lines stacked onto
//! A4 pages. Widths come from a measuring function, so that this module knows nothing of
//! fonts and its tests need none.

/// How a run is inked. Deleted and inserted text differ by a line (through the text, under
/// it) as well as by colour, so that a redline reads in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Ordinary text.
    Plain,
    /// In the old text only: struck through.
    Deleted,
    /// In the new text only: underlined.
    Inserted,
    /// Notes, tags and legends: grey.
    Quiet,
}

/// A run of text in one ink.
#[derive(Debug, Clone)]
pub struct Run {
    /// The text; `\n` breaks the line.
    pub text: String,
    /// Its ink.
    pub ink: Ink,
}

/// A paragraph to lay out.
#[derive(Debug, Clone)]
pub struct Block {
    /// Its runs, in order.
    pub runs: Vec<Run>,
    /// Font size, in points.
    pub size: f32,
    /// Left indent from the text margin, in points.
    pub indent: f32,
    /// Space above it, in points.
    pub space_before: f32,
    /// A double bar in the margin: the provision moved.
    pub bar: bool,
}

/// A piece of a line in one ink.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    /// Its left edge from the text margin, in points.
    pub x: f32,
    /// Its width, in points.
    pub width: f32,
    /// The text.
    pub text: String,
    /// Its ink.
    pub ink: Ink,
}

/// A laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The baseline, in points down from the top of the text area.
    pub baseline: f32,
    /// Font size, in points.
    pub size: f32,
    /// Its pieces.
    pub frags: Vec<Frag>,
    /// A double bar in the margin.
    pub bar: bool,
}

/// The lines of one page.
pub type Page = Vec<Line>;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.4;

/// Lays `blocks` out in a text area `width` × `height` points; `measure(c)` is the advance
/// of `c` at size 1.
pub fn layout(
    blocks: &[Block],
    width: f32,
    height: f32,
    measure: &mut dyn FnMut(char) -> f32,
) -> Vec<Page> {
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut y = 0.0f32;
    for block in blocks {
        let lines = break_lines(block, width - block.indent, measure);
        let step = block.size * LEADING;
        let mut first = true;
        for frags in lines {
            let before = if first { block.space_before } else { 0.0 };
            first = false;
            let on_page = pages.last().is_some_and(|p| !p.is_empty());
            if on_page && y + before + step > height {
                pages.push(Vec::new());
                y = 0.0;
            }
            if pages.last().is_some_and(|p| !p.is_empty()) {
                y += before;
            }
            y += step;
            let frags = frags
                .into_iter()
                .map(|f| Frag {
                    x: f.x + block.indent,
                    ..f
                })
                .collect();
            if let Some(page) = pages.last_mut() {
                page.push(Line {
                    baseline: y - step * 0.3,
                    size: block.size,
                    frags,
                    bar: block.bar,
                });
            }
        }
    }
    pages
}

/// Splits text into words, runs of spaces, and line breaks.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let end = if c == '\n' {
            1
        } else if c.is_whitespace() {
            rest.find(|c: char| c == '\n' || !c.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        let (head, tail) = rest.split_at(end);
        rest = tail;
        Some(head)
    })
}

/// Breaks a block into lines of at most `width` points (a line never starts with a space).
fn break_lines(block: &Block, width: f32, measure: &mut dyn FnMut(char) -> f32) -> Vec<Vec<Frag>> {
    let size = block.size;
    let mut lines: Vec<Vec<Frag>> = vec![Vec::new()];
    let mut x = 0.0f32;
    for run in &block.runs {
        for token in tokens(&run.text) {
            if token == "\n" {
                trim_end(lines.last_mut());
                lines.push(Vec::new());
                x = 0.0;
                continue;
            }
            // A run of spaces prints as one: the text's own spacing (justified lines of a
            // PDF, alignment in a plain-text draft) means nothing in a reflowed paragraph.
            let space = token.starts_with(char::is_whitespace);
            let token = if space { " " } else { token };
            if space && x == 0.0 {
                continue;
            }
            let w: f32 = token.chars().map(|c| measure(c) * size).sum();
            if !space && x > 0.0 && x + w > width {
                trim_end(lines.last_mut());
                lines.push(Vec::new());
                x = 0.0;
            }
            if w <= width || space {
                if let Some(line) = lines.last_mut() {
                    push(line, x, token, w, run.ink);
                }
                x += w;
                continue;
            }
            // A word wider than the line: as many characters as fit, line after line.
            let mut parts: Vec<(String, f32)> = Vec::new();
            let (mut part, mut pw) = (String::new(), 0.0f32);
            for c in token.chars() {
                let cw = measure(c) * size;
                if pw + cw > width && !part.is_empty() {
                    parts.push((std::mem::take(&mut part), pw));
                    pw = 0.0;
                }
                part.push(c);
                pw += cw;
            }
            parts.push((part, pw));
            let count = parts.len();
            for (i, (text, w)) in parts.into_iter().enumerate() {
                if let Some(line) = lines.last_mut() {
                    push(line, x, &text, w, run.ink);
                }
                x += w;
                if i + 1 < count {
                    lines.push(Vec::new());
                    x = 0.0;
                }
            }
        }
    }
    trim_end(lines.last_mut());
    lines
}

/// Appends text to a line, to its last piece when the ink is the same.
fn push(line: &mut Vec<Frag>, x: f32, text: &str, width: f32, ink: Ink) {
    match line.last_mut() {
        Some(last) if last.ink == ink => {
            last.text.push_str(text);
            last.width += width;
        }
        _ => line.push(Frag {
            x,
            width,
            text: text.to_owned(),
            ink,
        }),
    }
}

/// Drops the spaces that end a line, so that no underline or strike runs past its last word.
fn trim_end(line: Option<&mut Vec<Frag>>) {
    let Some(line) = line else { return };
    while let Some(last) = line.last_mut() {
        let kept = last.text.trim_end_matches(' ').len();
        let cut = last.text.len() - kept;
        if cut == 0 {
            break;
        }
        // Spaces are all one width in a line's font: take it from the piece's own measure.
        let per = last.width / last.text.chars().count().max(1) as f32;
        last.text.truncate(kept);
        last.width -= per * cut as f32;
        if last.text.is_empty() {
            line.pop();
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(runs: &[(&str, Ink)]) -> Block {
        Block {
            runs: runs
                .iter()
                .map(|(t, ink)| Run {
                    text: (*t).into(),
                    ink: *ink,
                })
                .collect(),
            size: 10.0,
            indent: 0.0,
            space_before: 4.0,
            bar: false,
        }
    }

    /// Every character is half an em wide: 5 points at size 10.
    fn half(_: char) -> f32 {
        0.5
    }

    #[test]
    fn lines_fit_the_width_and_keep_every_word() {
        let text = "The line of contact will be monitored by space-based surveillance with early warning of violations.";
        let pages = layout(&[block(&[(text, Ink::Plain)])], 100.0, 1000.0, &mut half);
        let lines = &pages[0];
        assert!(lines.len() > 3, "{lines:?}");
        for line in lines {
            let end = line.frags.iter().map(|f| f.x + f.width).fold(0.0, f32::max);
            assert!(end <= 100.0 + 1e-3, "{line:?}");
            assert!(!line.frags[0].text.starts_with(' '), "{line:?}");
        }
        let words: Vec<String> = lines
            .iter()
            .flat_map(|l| l.frags.iter().map(|f| f.text.clone()))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        assert_eq!(words.join(" "), text);
    }

    #[test]
    fn inks_stay_apart_and_a_long_word_is_cut() {
        let b = block(&[
            ("1. Elections in ", Ink::Plain),
            ("100 days", Ink::Deleted),
            ("soon", Ink::Inserted),
            (". Antidisestablishmentarianism", Ink::Plain),
        ]);
        let pages = layout(&[b], 60.0, 1000.0, &mut half);
        let frags: Vec<&Frag> = pages[0].iter().flat_map(|l| &l.frags).collect();
        assert!(
            frags
                .iter()
                .any(|f| f.ink == Ink::Deleted && f.text == "100 days")
        );
        assert!(
            frags
                .iter()
                .any(|f| f.ink == Ink::Inserted && f.text == "soon")
        );
        assert!(frags.iter().all(|f| f.width <= 60.0 + 1e-3), "{frags:?}");
        let word: String = frags
            .iter()
            .rev()
            .take_while(|f| !f.text.contains(' '))
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(word.ends_with("arianism"), "{frags:?}");
    }

    #[test]
    fn a_full_page_starts_another_and_line_breaks_are_kept() {
        let blocks: Vec<Block> = (0..40)
            .map(|i| block(&[(&format!("{i}. one\ntwo"), Ink::Plain)]))
            .collect();
        let pages = layout(&blocks, 200.0, 300.0, &mut half);
        assert!(pages.len() > 2, "{} pages", pages.len());
        assert_eq!(pages.iter().map(Vec::len).sum::<usize>(), 80);
        for page in &pages {
            assert!(page.iter().all(|l| l.baseline <= 300.0));
        }
    }
}
