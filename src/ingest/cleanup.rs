//! Normalising text taken off printed pages (PDF text layers and OCR): only what must go goes,
//! and every step says what it did. Margin line numbers, running headers and footers
//! repeated on most pages, and page numbers are dropped; ligatures are spelled out; words hyphenated at a line's end are
//! rejoined; lines wrapped by the page are rejoined into their paragraph, except where a line
//! could open a provision or a heading.

use std::collections::HashMap;

use crate::provisions;

/// Text rebuilt from pages, with the steps applied.
pub(super) struct Cleaned {
    /// One paragraph per line, blank lines between blocks.
    pub text: String,
    /// What each step did, in order.
    pub steps: Vec<String>,
}

/// How many lines at the top and at the bottom of a page may be running headers or footers.
const ZONE: usize = 4;

/// Cleans the text of pages (one string per page).
pub(super) fn pages(pages: &[String]) -> Cleaned {
    let mut steps = Vec::new();
    let mut pages: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.lines().map(|l| l.trim_end().to_owned()).collect())
        .collect();
    let spaces = collapse_spaces(&mut pages);
    if spaces > 0 {
        steps.push(format!(
            "collapsed runs of spaces in {spaces} justified lines"
        ));
    }
    let ligatures = spell_ligatures(&mut pages);
    if ligatures > 0 {
        steps.push(format!("spelled out {ligatures} ligatures (ﬁ → fi)"));
    }
    let margin = drop_line_numbers(&mut pages);
    if margin > 0 {
        steps.push(format!(
            "removed {margin} line numbers printed in the margin"
        ));
    }
    let glued = drop_glued_suffix(&mut pages);
    if glued > 0 {
        steps.push(format!(
            "cut a running footer glued to the last line of {glued} pages"
        ));
    }
    let (furniture, numbers) = drop_furniture(&mut pages);
    if furniture > 0 {
        steps.push(format!(
            "removed {furniture} running header and footer lines repeated on most of {} pages",
            pages.len()
        ));
    }
    if numbers > 0 {
        steps.push(format!("removed {numbers} page numbers"));
    }
    let lines: Vec<String> = pages.into_iter().flatten().collect();
    let (text, hyphens, joined) = rejoin(&lines);
    if hyphens > 0 {
        steps.push(format!(
            "rejoined {hyphens} words hyphenated at a line's end"
        ));
    }
    if joined > 0 {
        steps.push(format!(
            "rejoined {joined} lines wrapped by the page into their paragraphs"
        ));
    }
    Cleaned { text, steps }
}

/// Runs of spaces inside a line are the layout of justified text, not words: one space
/// stays (leading indentation is kept). Returns the lines changed.
fn collapse_spaces(pages: &mut [Vec<String>]) -> usize {
    let mut n = 0;
    for line in pages.iter_mut().flatten() {
        let indent = line.len() - line.trim_start().len();
        if !line[indent..].contains("  ") {
            continue;
        }
        let mut out = line[..indent].to_owned();
        let mut last_space = false;
        for c in line[indent..].chars() {
            let space = c == ' ';
            if !(space && last_space) {
                out.push(c);
            }
            last_space = space;
        }
        *line = out;
        n += 1;
    }
    n
}

fn spell_ligatures(pages: &mut [Vec<String>]) -> usize {
    const LIGATURES: [(char, &str); 8] = [
        ('ﬀ', "ff"),
        ('ﬁ', "fi"),
        ('ﬂ', "fl"),
        ('ﬃ', "ffi"),
        ('ﬄ', "ffl"),
        ('ﬅ', "st"),
        ('ﬆ', "st"),
        ('\u{ad}', ""),
    ];
    let mut n = 0;
    for line in pages.iter_mut().flatten() {
        if line.chars().any(|c| LIGATURES.iter().any(|(l, _)| *l == c)) {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                match LIGATURES.iter().find(|(l, _)| *l == c) {
                    Some((l, s)) => {
                        if *l != '\u{ad}' {
                            n += 1;
                        }
                        out.push_str(s);
                    }
                    None => out.push(c),
                }
            }
            *line = out;
        }
    }
    n
}

/// A line with each run of digits masked as one `#` and its spacing collapsed: running
/// headers differ only in their page number (`Pág. 7`, `Pág. 12`) and date.
fn mask(line: &str) -> String {
    let mut out = String::new();
    let mut last_space = true;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
            last_space = false;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

/// Strips a running footer glued to the end of a page's text line by the extractor (`… En la
/// cve: BOCG-15-A-36-1`): the longest ending, of at least 8 characters, that the last line of
/// at least half the pages (and three) shares. Returns the lines cut.
fn drop_glued_suffix(pages: &mut [Vec<String>]) -> usize {
    let last = |page: &Vec<String>| page.iter().rposition(|l| !l.trim().is_empty());
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for page in pages.iter() {
        let Some(i) = last(page) else { continue };
        let line = page[i].trim_end();
        let mut seen = std::collections::HashSet::new();
        for (k, _) in line.char_indices() {
            let suffix = &line[k..];
            let n = suffix.chars().count();
            if (8..=80).contains(&n) && !suffix.starts_with(' ') && seen.insert(suffix) {
                *counts.entry(suffix).or_default() += 1;
            }
        }
    }
    // The ending most pages share, made as long as nearly as many pages share: `cve: …` on
    // every page, not `a cve: …` on the pages whose last word ends in `a`.
    let most = counts.values().copied().max().unwrap_or(0);
    let needed = pages.len().div_ceil(2).max(3).max(most * 9 / 10);
    let Some(suffix) = counts
        .into_iter()
        .filter(|&(_, n)| n >= needed)
        .map(|(s, _)| s.to_owned())
        .max_by_key(|s| s.len())
    else {
        return 0;
    };
    let mut cut = 0;
    for page in pages.iter_mut() {
        let Some(i) = last(page) else { continue };
        let line = page[i].trim_end();
        if let Some(rest) = line.strip_suffix(suffix.as_str()) {
            page[i] = rest.trim_end().to_owned();
            cut += 1;
        }
    }
    cut
}

/// A line that is only a page number: `3`, `- 3 -`, `Page 3 of 10`, `Pág. 3`, `Стр. 3`.
fn is_page_number(line: &str) -> bool {
    let m = mask(line).to_lowercase();
    let m = m.trim_matches(|c: char| !c.is_alphanumeric() && c != '#');
    let words = [
        "page", "pág", "pag", "p", "s", "seite", "стр", "с", "página", "pagina",
    ];
    let rest = words
        .iter()
        .find_map(|w| m.strip_prefix(w).filter(|r| r.starts_with([' ', '.', '#'])))
        .unwrap_or(m);
    let rest = rest.trim_start_matches(['.', ' ']);
    let Some(rest) = rest.strip_prefix('#') else {
        return false;
    };
    let rest = rest.trim_start_matches('#').trim();
    rest.is_empty()
        || ["of", "de", "/", "из", "von", "sur"].iter().any(|sep| {
            rest.strip_prefix(sep)
                .is_some_and(|r| r.trim().trim_start_matches('#').is_empty() && r.contains('#'))
        })
}

/// The indexes of the non-blank lines in a page's top and bottom zones.
fn zone(page: &[String]) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].trim().is_empty())
        .collect();
    let mut out: Vec<usize> = filled.iter().take(ZONE).copied().collect();
    for &i in filled.iter().rev().take(ZONE) {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Bills are printed with their lines numbered in the margin (every line, or every fifth),
/// counting from the top of each page; the text layer gives those numbers as a column of
/// lines of their own (`1`, `2`, `3`…) or in front of each line (`3 SEC. 2. DEFINITIONS.`).
/// A run of them that counts up from the start (1, 2, 3… or 5, 10, 15…) on at least two
/// pages is taken out; a numbered list continues from page to page, and a single page is
/// left alone. Returns the numbers removed.
fn drop_line_numbers(pages: &mut [Vec<String>]) -> usize {
    let runs: Vec<Option<MarginRun>> = pages.iter().map(|p| margin_run(p)).collect();
    if runs.iter().flatten().count() < 2 {
        return 0;
    }
    let mut removed = 0;
    for (page, run) in pages.iter_mut().zip(runs) {
        let Some(run) = run else { continue };
        removed += run.lines.len();
        for &i in run.lines.iter().rev() {
            if run.prefixed {
                let rest = page[i]
                    .trim_start()
                    .trim_start_matches(|c: char| c.is_ascii_digit());
                page[i] = rest.trim_start().to_owned();
            } else {
                page.remove(i);
            }
        }
    }
    removed
}

/// Margin line numbers found on one page: the lines that carry them, and whether each is in
/// front of the line's text (else alone on its line).
struct MarginRun {
    lines: Vec<usize>,
    prefixed: bool,
}

/// Shortest run of margin numbers taken as such: every line numbered, or every fifth.
const MARGIN_RUN: usize = 5;
const MARGIN_RUN_SPARSE: usize = 3;

/// The longest run of margin line numbers on a page, if there is one: lines that are only a
/// number, or lines that start with one, consecutive but for blank lines, counting 1, 2, 3…
/// or 5, 10, 15… from the first.
fn margin_run(page: &[String]) -> Option<MarginRun> {
    let lead = |line: &str, alone: bool| -> Option<u32> {
        let t = line.trim();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let rest = &t[digits..];
        let fits = if alone {
            rest.is_empty()
        } else {
            rest.starts_with(' ') && !rest.trim_start().is_empty()
        };
        fits.then(|| t[..digits].parse().ok()).flatten()
    };
    let mut best: Option<MarginRun> = None;
    for prefixed in [false, true] {
        let mut run: Vec<usize> = Vec::new();
        let mut step = 0;
        for (i, line) in page.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value = lead(line, !prefixed);
            let next = |run: &Vec<usize>| run.len() as u32 * step + step;
            match value {
                Some(v) if !run.is_empty() && v == next(&run) => run.push(i),
                Some(v) if matches!(v, 1 | 5 | 10) && (prefixed || run.is_empty()) => {
                    if run.len() >= MARGIN_RUN_SPARSE {
                        break;
                    }
                    run = vec![i];
                    step = v;
                }
                // Every fifth line numbered: the lines between carry none.
                None if prefixed && step > 1 && !run.is_empty() => {}
                _ => {
                    if run.len() >= MARGIN_RUN_SPARSE {
                        break;
                    }
                    run.clear();
                }
            }
        }
        let needed = if step > 1 {
            MARGIN_RUN_SPARSE
        } else {
            MARGIN_RUN
        };
        if run.len() >= needed && best.as_ref().is_none_or(|b| b.lines.len() < run.len()) {
            best = Some(MarginRun {
                lines: run,
                prefixed,
            });
        }
    }
    best
}

/// Drops lines that recur, masked, in the top or bottom zone of at least half the pages (and
/// three), and page numbers there. Returns (furniture lines, page numbers) removed.
fn drop_furniture(pages: &mut [Vec<String>]) -> (usize, usize) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut masks: Vec<String> = zone(page).iter().map(|&i| mask(&page[i])).collect();
        masks.sort();
        masks.dedup();
        for m in masks {
            *seen.entry(m).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(3);
    let (mut furniture, mut numbers) = (0, 0);
    for page in pages.iter_mut() {
        let mut drop: Vec<usize> = Vec::new();
        for i in zone(page) {
            let m = mask(&page[i]);
            // A line that could open a provision is never furniture, however often its shape
            // recurs (`Article #.` at the top of every page of a short text).
            let opens = provisions::may_open_provision(&page[i]);
            if seen.get(&m).is_some_and(|&n| n >= needed) && m.chars().count() > 1 && !opens {
                furniture += 1;
                drop.push(i);
            } else if !opens && is_page_number(&page[i]) {
                numbers += 1;
                drop.push(i);
            }
        }
        drop.sort_unstable();
        for i in drop.into_iter().rev() {
            page.remove(i);
        }
    }
    (furniture, numbers)
}

/// Rejoins hyphenated words and wrapped lines. A line continues onto the next when both are
/// text, the next does not open a provision or heading, and the line is full (at least 70%
/// of the document's usual long line) and does not end a sentence, or ends with a hyphen,
/// a comma or a lower-case word. Returns (text, hyphenations, joins).
fn rejoin(lines: &[String]) -> (String, usize, usize) {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    let usual = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0);
    let full = usual * 7 / 10;
    // The document's own words decide a hyphen at a line's end: `non-` + `aggression` keeps
    // it when `non-aggression` is written elsewhere in the text and `nonaggression` is not.
    let vocabulary: std::collections::HashSet<String> = lines
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty() && !w.ends_with('-'))
        .map(str::to_lowercase)
        .collect();
    let (mut hyphens, mut joins) = (0, 0);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            // Runs of blank lines are one blank line: page breaks leave several.
            if !out.is_empty() && !out.ends_with("\n\n") {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push('\n');
            }
            continue;
        }
        out.push_str(if out.ends_with(['\n', ' ']) || out.is_empty() {
            trimmed
        } else {
            line.as_str()
        });
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        let continues = !next.is_empty()
            && !provisions::may_open(next)
            && (trimmed.chars().count() >= full && !ends_sentence(trimmed)
                || trimmed.ends_with([',', '-'])
                || next.starts_with(|c: char| c.is_lowercase()) && !ends_sentence(trimmed));
        if !continues {
            out.push('\n');
            continue;
        }
        joins += 1;
        let split_word = trimmed.ends_with('-')
            && trimmed
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_lowercase())
            && next.starts_with(|c: char| c.is_lowercase());
        if split_word {
            // `econo-` + `mía` → `economía`; a capitalised compound (`Decreto-` + `ley`) keeps
            // its hyphen.
            let word_start = trimmed
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |k| k + 1);
            let head = trimmed[word_start..trimmed.len() - 1].to_lowercase();
            let tail: String = next
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            let written = |w: String| vocabulary.contains(&w);
            let keep = written(format!("{head}-{tail}")) && !written(format!("{head}{tail}"));
            if trimmed[word_start..].starts_with(|c: char| c.is_lowercase()) && !keep {
                out.pop();
                hyphens += 1;
            }
        } else if !trimmed.ends_with('-') {
            out.push(' ');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    (out, hyphens, joins)
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', ':', ';', '!', '?', '»', '"', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, body: &str) -> String {
        format!("OFFICIAL GAZETTE No. 36-{n}\n\n{body}\n\nPage {n}\n")
    }

    #[test]
    fn running_headers_and_page_numbers_go() {
        let words = ["peace", "security", "elections", "sanctions"];
        let pages: Vec<String> = (1..=4)
            .map(|n| {
                let w = words[n - 1];
                page(
                    n,
                    &format!("Article {n}. Text of article {n}.\nAbout {w} and {w}."),
                )
            })
            .collect();
        let c = super::pages(&pages);
        assert!(!c.text.contains("GAZETTE"), "{}", c.text);
        assert!(!c.text.contains("Page"), "{}", c.text);
        assert!(c.text.contains("Article 3. Text of article 3."));
        assert_eq!(c.steps.len(), 1, "{:?}", c.steps);
    }

    #[test]
    fn wrapped_lines_and_hyphens_rejoin_but_provisions_stay_apart() {
        let text = "Artículo 1. La presente ley tiene por objeto regular la econo-\n\
                    mía social y el Real Decreto-\nley citado en su texto completo, un pacto de no-\n\
                    agresión.\n\
                    Artículo 2. Otro texto breve sobre la no-agresión.\n";
        let c = super::pages(&[text.to_owned()]);
        let lines: Vec<&str> = c.text.lines().collect();
        assert_eq!(
            lines,
            [
                "Artículo 1. La presente ley tiene por objeto regular la economía social y el Real Decreto-ley citado en su texto completo, un pacto de no-agresión.",
                "Artículo 2. Otro texto breve sobre la no-agresión."
            ]
        );
    }

    /// A bill printed with numbered lines: the text layer gives the numbers as a column of
    /// their own on one page and in front of the lines on the next.
    #[test]
    fn margin_line_numbers_go() {
        let text =
            |n: usize| format!("SEC. {n}. SHORT TITLE.\nThis Act may be cited as the Act {n}.");
        let mut column = text(1);
        for k in 1..=12 {
            column.push_str(&format!("\n{k}"));
        }
        column.push_str("\nThe Secretary shall report.");
        let prefixed: String = (1..=8)
            .map(|k| format!("{k} line {k} of the second page, which goes on\n"))
            .collect();
        let every_fifth: String = (1..=30)
            .map(|k| match k % 5 {
                0 => format!("{k} line {k} of the third page\n"),
                _ => format!("line {k} of the third page\n"),
            })
            .collect();
        let c = super::pages(&[column, prefixed, every_fifth]);
        assert!(
            !c.text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
            "{}",
            c.text
        );
        assert!(c.text.contains("line 1 of the second page"), "{}", c.text);
        assert!(!c.text.contains("5 line 5"), "{}", c.text);
        assert!(!c.text.contains("10 line 10"), "{}", c.text);
        assert!(c.text.contains("SEC. 1. SHORT TITLE."), "{}", c.text);
        // A numbered list that runs on from page to page is the text.
        let list: Vec<String> = (0..2)
            .map(|p| {
                (1..=6)
                    .map(|k| format!("{} Point {}\n", p * 6 + k, p * 6 + k))
                    .collect()
            })
            .collect();
        let c = super::pages(&list);
        assert!(c.text.contains("7 Point 7"), "{}", c.text);
    }

    #[test]
    fn page_numbers_are_recognised() {
        for l in ["3", "- 3 -", "Page 3 of 10", "Pág. 3", "Стр. 12", "3/10"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["3. The parties agree.", "Article 3", "2025"] {
            assert!(!is_page_number(l) || l == "2025", "{l}");
        }
    }
}
