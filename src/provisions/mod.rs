//! Text → provisions: the top-level numbered units of a draft, each with its place in the
//! document's outline.
//!
//! Parsing runs in four steps; each submodule holds one concept: `line` (a line alone),
//! `number` (numbers as written), `heading` (the outline and its keywords), `groups`
//! (annexes and restarting numbering), `positional` (unnumbered texts), `words` (word keys).
//!
//! 1. **Lines** (`line`). Each line is classified alone: a *marker* that could open a
//!    provision (a keyword — `Article L111-1`, `Art. 2-bis`, `SEC. 2.`, `Artículo 1°` —, a
//!    section sign `§ 651e` (or after the number, `2 a §`, as Sweden and Finland write
//!    it), a Markdown heading with a number, a list number `1.` `1)` `(1)`,
//!    a roman `IV.`, a UK-style `12 Short title`), a *structural heading* (`Livre Ier`,
//!    `Chapitre II : …`, `Erster Abschnitt - …`, `TITLE I—…`, `Annex I`, any Markdown heading
//!    that carries no provision number), a *gap* (`§§ 1 bis 3 (weggefallen)`: a removed range),
//!    or body text. Numbers are read whole by `number`. A YAML front matter block (`---` …
//!    `---`) at the start is body text of the preamble, never classified.
//! 2. **Groups.** Annexes, schedules, appendices and protocols number their provisions on
//!    their own: each starts a segment of the document, parsed separately, whose provision ids
//!    are qualified by the group (`Annex I/2`). A segment without numbering is one provision
//!    named after its group.
//! 3. **Scheme.** In each segment the outermost scheme present wins: keyword schemes
//!    (articles, then `§`, then sections, then points) beat numbered Markdown headings, which
//!    beat list numbers (least indented first, then `1.` over `1)` over roman over `12 Title`
//!    over `(1)`). Only lines of that scheme open provisions; other markers (sub-items `(a)`,
//!    `1.1`, paragraphs `(1)` inside articles) are body text of the provision above.
//! 4. **Citations are not headings.** Body lines often begin with a citation
//!    (`§ 57 Abs. 1 Satz 2 und Abs. 6 gilt entsprechend.`, `Section 1(b) of Public Law 115–275
//!    is amended …`). A marker opens a provision only if it stands as a heading: a number
//!    directly followed by `(` is a citation; a number followed by a citing word (`Abs.`,
//!    `of`, `is`, `gilt`…) or by a sentence ending in punctuation does not read as a title.
//!    Among keyword and `12 Title` markers that are not laid out as headings (a Markdown
//!    heading, the number alone on its line, a separator after the number, bold), one that
//!    repeats or goes back in the numbering since the last structural heading is body text.
//!    When at least four in five of a scheme's candidates are laid out as headings, only those
//!    open provisions.
//!
//! Structural headings are never part of a provision's text: they make up its `place`, the
//! heading path above it (`["Livre Ier : …", "Titre Ier : …", "Chapitre Ier : …"]`); a
//! designator alone on its line takes the title line after it (`CHAPTER I` then `GENERAL
//! PROVISIONS`, as EU and Spanish texts set them: `CHAPTER I — GENERAL PROVISIONS`). Text
//! between a structural heading and the next provision (rare in codes) belongs to no
//! provision's text, though it stays in the span of the provision above. A document's title (a
//! lone top-level Markdown heading before the first provision) is not part of any place.
//! Where numbering restarts under every heading of one kind (`Part A` 1, 2; `Part B` 1, 2),
//! that kind qualifies ids like a group (`Part B/1`).
//!
//! A document without numbering is split by position: each top-level bullet (`-`, `•`, `*`,
//! `–`) is a provision `•1`, `•2`…, or else each paragraph `¶1`, `¶2`…; these positional
//! provisions have no number, so they are never "renumbered".
//!
//! Ids are the numbers as written, qualified by group, with `#2`, `#3`… only for real repeats.
//! Text before the first provision is the provision `preamble`. A provision's `text` excludes
//! its number marker, so renumbering alone never changes the text the aligner compares.

mod groups;
mod heading;
mod keyword;
mod line;
mod number;
mod placeholder;
mod positional;
mod words;

#[cfg(test)]
mod heading_lines;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::hash::FxBuild;
use std::ops::Range;
use std::sync::Arc;

use groups::{Segment, qualify_restarts, segments};
use heading::Heading;
use keyword::Scheme;
use line::{Line, Marker};
use positional::{is_heading_row, positional};
pub use words::{for_each_word, for_each_word_key, words_key};

/// A provision's place: the structural headings above it, outermost first.
pub type Place = Arc<[String]>;

/// One provision of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    /// Unique within its document: the number as written (`"7"`, `"IV"`, `"L111-1"`,
    /// `"6 bis"`), qualified by its group (`"Annex I/2"`), with `#2`, `#3`… appended to
    /// repeats; `•3` / `¶3` for positional provisions of an unnumbered text; or `preamble`.
    pub id: String,
    /// The number as written, without decoration (an unnumbered annex is numbered by its
    /// name); `None` for the preamble and positional provisions.
    pub number: Option<String>,
    /// Byte range of the whole provision (marker included) in the document. The spans tile
    /// the document: structural headings after a provision are in its span, not its text.
    pub span: Range<usize>,
    /// The provision's text: from after its marker to its last body line, trailing
    /// whitespace removed.
    pub text: Arc<str>,
    /// Hash of the text's words, lower-cased, ignoring punctuation and spacing: equal texts up
    /// to editorial changes have equal keys. Computed once here so that aligning a version
    /// with its parent and its child does not redo it.
    pub key: u64,
    /// The structural headings above the provision, outermost first (empty when the document
    /// has none).
    pub place: Place,
}

impl Provision {
    /// Whether two provisions carry the same number, whatever the capitals (`Artículo Único`
    /// and `Artículo único`, `SEC. 3A` and `Sec. 3a`); two unnumbered provisions (openings)
    /// count as the same.
    pub fn same_number(&self, other: &Provision) -> bool {
        match (&self.number, &other.number) {
            (Some(a), Some(b)) => a == b || a.to_lowercase() == b.to_lowercase(),
            (None, None) => true,
            _ => false,
        }
    }
}

/// Returns `true` when a document has no numbered provision: it is then one `preamble`, or
/// split by position into bullets or paragraphs (worth a warning to the user).
pub fn is_unnumbered(provisions: &[Provision]) -> bool {
    provisions.iter().all(|p| p.number.is_none())
}

/// Returns `true` when a line, on its own, could open a provision or head a part of the
/// document: text extracted from a page keeps such a line at the start of a line when it
/// rejoins wrapped lines.
pub fn may_open(line: &str) -> bool {
    // A line that starts in lower case continues a sentence (`artículo 97 del Reglamento`).
    if line.trim_start().starts_with(char::is_lowercase) {
        return false;
    }
    match line::classify(line) {
        line::Line::Blank | line::Line::Body => false,
        line::Line::Marker(m) => m.headlike,
        line::Line::Heading(_) | line::Line::Gap => true,
    }
}

/// Returns `true` when a line, on its own, could open a provision (not merely head a part):
/// such a line is never a page's running header, however often its shape recurs.
pub fn may_open_provision(line: &str) -> bool {
    matches!(line::classify(line), line::Line::Marker(m) if m.headlike)
}

/// One classified line.
struct Row {
    start: usize,
    /// End of the line's content (line ending excluded).
    end: usize,
    line: Line,
}

/// A provision found, before ids are made unique.
struct Found {
    start: usize,
    text_start: usize,
    text_end: usize,
    number: Option<String>,
    /// Positional id (`•3`, `¶3`) or group name, when there is no number.
    label: Option<String>,
    /// The place stack when it opened: (heading row, heading).
    stack: Vec<usize>,
    /// Group qualifier of its segment (`Annex I`).
    group: Option<String>,
}

/// Splits a document into provisions. Every byte of `doc` belongs to exactly one provision's
/// span (the spans tile the document), except that an empty document has no provision.
pub fn parse(doc: &str) -> Vec<Provision> {
    let mut rows = rows(doc);
    let mut found: Vec<Found> = Vec::new();
    for segment in segments(&rows) {
        parse_segment(doc, &mut rows, segment, &mut found);
    }
    assemble(doc, &rows, found)
}

/// Classifies every line; resolves what depends on neighbours (stand-alone headings, the
/// document title, YAML front matter).
fn rows(doc: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut offset = 0;
    let front = yaml_front_matter(doc);
    for raw in doc.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let line = if offset < front {
            if content.trim().is_empty() {
                Line::Blank
            } else {
                Line::Body
            }
        } else {
            line::classify(content)
        };
        rows.push(Row {
            start: offset,
            end: offset + content.len(),
            line,
        });
        offset += raw.len();
    }
    // A heading without designator (`Partie législative`) must stand alone between blank
    // lines, in a document whose outline has designated headings (`Livre Ier`); elsewhere the
    // same words are a title line or a sentence.
    let outlined = rows.iter().any(|r| match &r.line {
        Line::Heading(h) => !h.needs_standalone && !h.kind.starts_with('#'),
        _ => false,
    });
    for k in 0..rows.len() {
        if let Line::Heading(h) = &rows[k].line
            && h.needs_standalone
        {
            if !outlined {
                rows[k].line = Line::Body;
                continue;
            }
            let blank = |r: Option<&Row>| r.is_none_or(|r| matches!(r.line, Line::Blank));
            let before = if k == 0 { None } else { rows.get(k - 1) };
            if !(blank(before) || before.is_some_and(|r| matches!(r.line, Line::Heading(_))))
                || !blank(rows.get(k + 1))
            {
                rows[k].line = Line::Body;
            }
        }
    }
    // A designator alone (`CHAPTER I`, `CAPÍTULO II`) with its title on the next line, as EU
    // and Spanish texts set them: the title joins the heading's label.
    for k in 0..rows.len() {
        let Line::Heading(h) = &rows[k].line else {
            continue;
        };
        if h.label != h.short || h.group.is_some() || h.md_level.is_some() {
            continue;
        }
        let next = |from: usize| (from..rows.len()).find(|&m| !matches!(rows[m].line, Line::Blank));
        let Some(m) = next(k + 1) else { continue };
        let title = doc[rows[m].start..rows[m].end].trim();
        let ends_sentence = title.ends_with(['.', ';', ',', ':']);
        let then_outline = next(m + 1).is_none_or(|n| !matches!(rows[n].line, Line::Body));
        if matches!(rows[m].line, Line::Body)
            && title.len() <= 160
            && !ends_sentence
            && then_outline
        {
            let label = format!("{} — {title}", h.label);
            if let Line::Heading(h) = &mut rows[k].line {
                h.label = label;
            }
        }
    }
    // The document's title: the only level-1 Markdown heading, before any marker.
    let level1: Vec<usize> = (0..rows.len())
        .filter(|&k| match &rows[k].line {
            Line::Heading(h) => h.md_level == Some(1),
            Line::Marker(m) => m.md_level == Some(1),
            _ => false,
        })
        .collect();
    if let [k] = level1[..]
        && matches!(rows[k].line, Line::Heading(_))
        && !rows[..k].iter().any(|r| matches!(r.line, Line::Marker(_)))
    {
        rows[k].line = Line::Body;
    }
    rows
}

/// Length of a YAML front matter block (`---` … `---`) at the start of `doc`, or 0.
fn yaml_front_matter(doc: &str) -> usize {
    let Some(rest) = doc.strip_prefix("---") else {
        return 0;
    };
    if !rest.starts_with(['\n', '\r']) {
        return 0;
    }
    let mut offset = 3;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if offset > 3 + line.len() && matches!(line.trim_end(), "---" | "...") {
            return offset;
        }
    }
    0
}

/// Finds the provisions of one segment.
fn parse_segment(doc: &str, rows: &mut [Row], seg: Segment, found: &mut Vec<Found>) {
    let range = seg.rows.clone();
    let Some((scheme, indent, strict)) =
        choose_scheme(rows[range.clone()].iter().filter_map(|r| match &r.line {
            Line::Marker(m) if m.headlike => Some(m),
            _ => None,
        }))
    else {
        return positional(doc, rows, seg, found);
    };
    let first_found = found.len();
    demote_outline_markers(doc, rows, seg.rows.clone(), |m| {
        !opens_any(m, scheme, indent, strict)
    });
    let rows = &*rows;
    let mut stack: Vec<usize> = Vec::new();
    let mut last: Option<number::SortKey> = None;
    let mut open = false;
    for k in range {
        let row = &rows[k];
        match &row.line {
            Line::Marker(m) if opens(m, scheme, indent, strict, last.as_ref()) => {
                if let Some(level) = m.md_level {
                    stack.retain(|&h| heading(rows, h).md_level.is_none_or(|l| l < level));
                }
                let key = number::SortKey::of(&m.number);
                if key.is_some() {
                    last = key;
                }
                found.push(Found {
                    start: row.start,
                    text_start: row.start + m.text_start,
                    text_end: row.end,
                    number: Some(m.number.clone()),
                    label: None,
                    stack: stack.clone(),
                    group: seg.group.clone(),
                });
                open = true;
            }
            Line::Marker(Marker {
                structure: Some(_), ..
            })
            | Line::Heading(_) => {
                push_heading(rows, &mut stack, k);
                last = None;
                open = false;
            }
            Line::Gap => open = false,
            Line::Body | Line::Marker(_) => {
                if open && let Some(f) = found.last_mut() {
                    f.text_end = row.end;
                }
            }
            Line::Blank => {}
        }
    }
    qualify_restarts(rows, &mut found[first_found..]);
}

/// Gives a numbered Markdown heading that will not open a provision the heading it is in the
/// outline (built here, for the few such lines, rather than for every marker).
fn demote_outline_markers(
    doc: &str,
    rows: &mut [Row],
    range: Range<usize>,
    demote: impl Fn(&Marker) -> bool,
) {
    for row in &mut rows[range] {
        if let Line::Marker(m) = &mut row.line
            && m.md_level.is_some()
            && m.structure.is_none()
            && demote(m)
        {
            m.structure = line::outline_of(&doc[row.start..row.end]).map(Box::new);
        }
    }
}

/// Whether a marker could open a provision of the scheme at all (before the numbering rule).
fn opens_any(m: &Marker, scheme: Scheme, indent: usize, strict: bool) -> bool {
    m.scheme == scheme && m.indent <= indent && m.headlike && (!strict || m.strong)
}

/// Whether a marker opens a provision in a segment whose scheme is `scheme`.
fn opens(
    m: &Marker,
    scheme: Scheme,
    indent: usize,
    strict: bool,
    last: Option<&number::SortKey>,
) -> bool {
    if !opens_any(m, scheme, indent, strict) {
        return false;
    }
    if m.strong || !(scheme.is_keyword() || scheme == Scheme::BareNumber) {
        return true;
    }
    // Not laid out as a heading: it must continue the numbering.
    match (number::SortKey::of(&m.number), last) {
        (Some(key), Some(last)) if key.comparable(last) => key > *last,
        _ => true,
    }
}

/// The heading a row holds (a structural heading, or a marker line acting as one).
fn heading(rows: &[Row], k: usize) -> &Heading {
    static NONE: std::sync::OnceLock<Heading> = std::sync::OnceLock::new();
    match &rows[k].line {
        Line::Heading(h)
        | Line::Marker(Marker {
            structure: Some(h), ..
        }) => h,
        _ => NONE.get_or_init(|| Heading {
            label: String::new(),
            md_level: None,
            kind: String::new(),
            group: None,
            short: String::new(),
            needs_standalone: false,
        }),
    }
}

/// Pops the headings at or below a new heading's rank, then pushes it.
fn push_heading(rows: &[Row], stack: &mut Vec<usize>, k: usize) {
    let h = heading(rows, k);
    let rank = h.rank();
    stack.retain(|&o| heading(rows, o).rank() < rank);
    stack.push(k);
}

/// Picks the segment's scheme from the markers that read as headings: the scheme, the
/// indentation its markers have, and whether only markers laid out as headings count.
fn choose_scheme<'a>(markers: impl Iterator<Item = &'a Marker>) -> Option<(Scheme, usize, bool)> {
    // scheme -> (min indent, count, laid out as headings)
    let mut seen: HashMap<Scheme, (usize, usize, usize), FxBuild> = HashMap::default();
    for m in markers {
        let e = seen.entry(m.scheme).or_insert((usize::MAX, 0, 0));
        e.0 = e.0.min(m.indent);
        e.1 += 1;
        e.2 += usize::from(m.strong);
    }
    let keyword_total: usize = seen
        .iter()
        .filter(|(s, _)| s.is_keyword())
        .map(|(_, v)| v.1)
        .sum();
    let pick = |s: Scheme, (indent, count, strong): (usize, usize, usize)| {
        // Four in five laid out as headings: the others are citations in running text.
        let strict = strong >= 2 && strong * 5 >= count * 4;
        Some((s, indent, strict))
    };
    for s in [
        Scheme::Article,
        Scheme::Paragraph,
        Scheme::Section,
        Scheme::Point,
    ] {
        if let Some(&v) = seen.get(&s)
            && (v.1 >= 3 || v.1 * 20 >= keyword_total)
        {
            return pick(s, v);
        }
    }
    if let Some(&v) = seen.get(&Scheme::Heading) {
        return pick(Scheme::Heading, v);
    }
    seen.into_iter()
        .filter(|(s, _)| !s.is_keyword() && *s != Scheme::Heading)
        // A lone `I.` or `2025 Budget` is more likely a sentence than a numbering scheme.
        .filter(|(s, (_, count, _))| {
            !matches!(s, Scheme::Roman | Scheme::BareNumber) || *count >= 2
        })
        .min_by_key(|(s, (indent, _, _))| (*indent, *s))
        .and_then(|(s, v)| pick(s, v))
}

/// Builds the provisions: preamble, spans that tile the document, places, unique ids.
fn assemble(doc: &str, rows: &[Row], found: Vec<Found>) -> Vec<Provision> {
    let mut provisions = Vec::with_capacity(found.len() + 1);
    let first_start = found.first().map_or(doc.len(), |f| f.start);
    let empty: Place = Arc::from(Vec::new());
    // The preamble is the text before the first provision, its structural headings left out
    // (they are the first provision's place): headings alone make no preamble. It ends at the
    // first of those headings: what follows one (`CHAPTER I` then its title on the next line,
    // as EU and Spanish texts set them) belongs to no provision, like the text after any
    // structural heading.
    let outline_start = found
        .first()
        .and_then(|f| f.stack.first())
        .map_or(first_start, |&h| rows[h].start.min(first_start));
    let mut preamble = String::new();
    for row in rows.iter().take_while(|r| r.start < outline_start) {
        if !is_heading_row(&row.line) {
            preamble.push_str(&doc[row.start..row.end]);
            preamble.push('\n');
        }
    }
    // A text of headings alone is still a text: its preamble is all of it.
    if found.is_empty() && preamble.trim().is_empty() {
        preamble = doc.to_owned();
    }
    if !preamble.trim().is_empty() {
        let text: Arc<str> = preamble.trim().into();
        provisions.push(Provision {
            id: "preamble".into(),
            number: None,
            span: 0..first_start,
            key: words_key(&text),
            text,
            place: empty.clone(),
        });
    }
    let mut seen: HashMap<String, usize, FxBuild> = HashMap::default();
    // Consecutive provisions share one place: one allocation per heading change.
    let mut last_place: (Vec<usize>, Place) = (Vec::new(), empty);
    for (i, f) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(doc.len(), |n| n.start);
        // Text before the first marker that is only whitespace joins the first provision.
        let start = if i == 0 && provisions.is_empty() {
            0
        } else {
            f.start
        };
        let base = match (&f.number, &f.label) {
            (Some(n), _) => n.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => String::new(),
        };
        let base = match &f.group {
            Some(g) if f.number.is_some() || f.label.as_ref().is_some_and(|l| l != g) => {
                format!("{g}/{base}")
            }
            _ => base,
        };
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}#{count}")
        };
        if last_place.0 != f.stack {
            let labels: Vec<String> = f
                .stack
                .iter()
                .map(|&h| heading(rows, h).label.clone())
                .collect();
            last_place = (f.stack.clone(), Arc::from(labels));
        }
        let text_end = f.text_end.max(f.text_start).min(end);
        provisions.push(make(
            doc,
            f.number.clone().or_else(|| {
                // A group parsed as one provision is numbered by its name.
                f.label
                    .as_ref()
                    .filter(|l| !l.starts_with(['•', '¶']))
                    .cloned()
            }),
            id,
            start..end,
            f.text_start.min(end)..text_end,
            last_place.1.clone(),
        ));
    }
    provisions
}

fn make(
    doc: &str,
    number: Option<String>,
    id: String,
    span: Range<usize>,
    text: Range<usize>,
    place: Place,
) -> Provision {
    // Shared, not copied: alignments and redlines of every version pair point at this text.
    let text: Arc<str> = doc[text].trim().into();
    Provision {
        id,
        number,
        key: words_key(&text),
        text,
        span,
        place,
    }
}
