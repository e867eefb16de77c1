//! Word's automatic numbering: the numbers a reader sees in front of numbered paragraphs are
//! not in the text of `word/document.xml` but computed from `word/numbering.xml` (each list's
//! levels: format, pattern such as `%1.` or `%1.%2`, start) and counters kept per list. They
//! are rebuilt here so that provisions keep their numbers. Bullets are not numbers and stay
//! out of the text.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::package::{attr, malformed};
use crate::error::Result;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    pattern: String,
    start: u32,
}

/// The lists of a document and the counters of the paragraphs read so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Abstract list id → its levels (0–8).
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// List instance id (`w:numId`) → (abstract id, start overrides by level).
    lists: HashMap<String, (String, HashMap<u8, u32>)>,
    /// Paragraph style id → the list and level it numbers with.
    styles: HashMap<String, (String, u8)>,
    /// List instance id → the current count at each level.
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads `word/numbering.xml` and the numbered paragraph styles of `word/styles.xml`.
    pub(super) fn parse(path: &Path, numbering: &str, styles: Option<&str>) -> Result<Self> {
        let part = "word/numbering.xml";
        let mut out = Numbering::default();
        let mut reader = quick_xml::Reader::from_str(numbering);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            match reader.read_event().map_err(|e| malformed(path, part, e))? {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = attr(&e, "w:abstractNumId"),
                    b"w:num" => num_id = attr(&e, "w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(n), Some(a)) = (&num_id, attr(&e, "w:val")) {
                            out.lists.entry(n.clone()).or_default().0 = a;
                        }
                    }
                    b"w:lvlOverride" => {
                        override_level = attr(&e, "w:ilvl").and_then(|l| l.parse().ok());
                    }
                    b"w:startOverride" => {
                        if let (Some(n), Some(l), Some(v)) = (
                            &num_id,
                            override_level,
                            attr(&e, "w:val").and_then(|v| v.parse().ok()),
                        ) {
                            out.lists.entry(n.clone()).or_default().1.insert(l, v);
                        }
                    }
                    b"w:lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, "w:ilvl").and_then(|l| l.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    b"w:start" => {
                        if let (Some((_, l)), Some(v)) =
                            (&mut level, attr(&e, "w:val").and_then(|v| v.parse().ok()))
                        {
                            l.start = v;
                        }
                    }
                    b"w:numFmt" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, "w:val")) {
                            l.format = v;
                        }
                    }
                    b"w:lvlText" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, "w:val")) {
                            l.pattern = v;
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:lvl" => {
                        if let (Some(a), Some((ilvl, l))) = (&abstract_id, level.take()) {
                            out.abstracts.entry(a.clone()).or_default().insert(ilvl, l);
                        }
                    }
                    b"w:abstractNum" => abstract_id = None,
                    b"w:num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(styles) = styles {
            out.styles = numbered_styles(path, styles)?;
        }
        Ok(out)
    }

    /// The list a paragraph style numbers with, if any.
    pub(super) fn style(&self, style: &str) -> Option<(String, u8)> {
        self.styles.get(style).cloned()
    }

    /// Counts one more paragraph of list `num_id` at `ilvl` and returns the number Word shows
    /// for it (`3.`, `4.2`, `b)`), or `None` for a bullet or an unknown list.
    pub(super) fn next(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let (abstract_id, overrides) = self.lists.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let start = |l: u8| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(&l).map(|lv| lv.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num_id.to_owned()).or_insert_with(|| {
            let mut c = [0u32; 9];
            for (l, slot) in c.iter_mut().enumerate() {
                *slot = start(l as u8).saturating_sub(1);
            }
            c
        });
        counters[ilvl as usize] += 1;
        for (deeper, slot) in counters.iter_mut().enumerate().skip(ilvl as usize + 1) {
            *slot = start(deeper as u8).saturating_sub(1);
        }
        let level = levels.get(&ilvl)?;
        if matches!(level.format.as_str(), "bullet" | "none" | "") || level.pattern.is_empty() {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.pattern.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as usize;
                    let format = levels.get(&(l as u8)).map_or("decimal", |lv| &lv.format);
                    label.push_str(&format_number(counters[l].max(1), format));
                }
                _ => label.push(c),
            }
        }
        Some(label)
    }
}

/// The paragraph styles that carry numbering (`w:style` with `w:pPr/w:numPr`).
fn numbered_styles(path: &Path, xml: &str) -> Result<HashMap<String, (String, u8)>> {
    let part = "word/styles.xml";
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut style: Option<String> = None;
    let mut num: Option<String> = None;
    let mut ilvl = 0u8;
    loop {
        match reader.read_event().map_err(|e| malformed(path, part, e))? {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => {
                    style = attr(&e, "w:styleId");
                    num = None;
                    ilvl = 0;
                }
                b"w:numId" if style.is_some() => num = attr(&e, "w:val"),
                b"w:ilvl" if style.is_some() => {
                    ilvl = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                if let (Some(s), Some(n)) = (style.take(), num.take())
                    && n != "0"
                {
                    out.insert(s, (n, ilvl));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// One level of an OpenDocument list style: `style:num-format`, prefix, suffix, start, and how
/// many levels its label shows (`text:display-levels`).
#[derive(Debug, Clone, Default)]
pub(super) struct OdtLevel {
    format: String,
    prefix: String,
    suffix: String,
    start: u32,
    shown: u8,
}

/// OpenDocument list styles by name, levels from 1, read from `content.xml` or `styles.xml`.
pub(super) type OdtStyles = HashMap<String, HashMap<u8, OdtLevel>>;

/// Reads the numbered list styles of an OpenDocument part (bullets are left out).
pub(super) fn odt_list_styles(
    path: &Path,
    part: &str,
    xml: &str,
    out: &mut OdtStyles,
) -> Result<()> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().map_err(|e| malformed(path, part, e))? {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"text:list-style" => current = attr(&e, "style:name"),
                b"text:list-level-style-number" => {
                    let (Some(style), Some(level)) = (
                        &current,
                        attr(&e, "text:level").and_then(|l| l.parse::<u8>().ok()),
                    ) else {
                        continue;
                    };
                    let get = |name: &str| attr(&e, name).unwrap_or_default();
                    out.entry(style.clone()).or_default().insert(
                        level,
                        OdtLevel {
                            format: get("style:num-format"),
                            prefix: get("style:num-prefix"),
                            suffix: get("style:num-suffix"),
                            start: get("text:start-value").parse().unwrap_or(1),
                            shown: get("text:display-levels").parse().unwrap_or(1),
                        },
                    );
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"text:list-style" => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// Counters of OpenDocument lists while the body is read.
#[derive(Debug, Default)]
pub(super) struct OdtCounters {
    /// The open lists: their style (inherited from the enclosing list when unnamed).
    stack: Vec<Option<String>>,
    /// Counts by style and level.
    counts: HashMap<String, [u32; 10]>,
}

impl OdtCounters {
    /// A `text:list` opens; a top-level list restarts its style's counts unless it continues.
    pub(super) fn open(&mut self, style: Option<String>, continues: bool) {
        let style = style.or_else(|| self.stack.last().cloned().flatten());
        if self.stack.is_empty()
            && !continues
            && let Some(s) = &style
        {
            self.counts.remove(s);
        }
        self.stack.push(style);
    }

    /// A `text:list` closes.
    pub(super) fn close(&mut self) {
        self.stack.pop();
    }

    /// A `text:list-item` opens: counts it and returns its label (`2.`, `(b)`, `1.2.`).
    pub(super) fn item(&mut self, styles: &OdtStyles, start: Option<u32>) -> Option<String> {
        let level = self.stack.len().clamp(1, 10) as u8;
        let style = self.stack.last().cloned().flatten()?;
        let levels = styles.get(&style)?;
        let this = levels.get(&level)?;
        if this.format.is_empty() {
            return None;
        }
        let counts = self.counts.entry(style.clone()).or_insert_with(|| {
            let mut c = [0u32; 10];
            for (l, slot) in c.iter_mut().enumerate() {
                *slot = levels
                    .get(&(l as u8 + 1))
                    .map_or(0, |lv| lv.start.saturating_sub(1));
            }
            c
        });
        let k = level as usize - 1;
        counts[k] = match start {
            Some(s) => s,
            None => counts[k] + 1,
        };
        for (deeper, slot) in counts.iter_mut().enumerate().skip(k + 1) {
            *slot = levels
                .get(&(deeper as u8 + 1))
                .map_or(0, |lv| lv.start.saturating_sub(1));
        }
        let first = (level.saturating_sub(this.shown.max(1)) + 1).max(1);
        let parts: Vec<String> = (first..=level)
            .map(|l| {
                let format = levels.get(&l).map_or("1", |lv| lv.format.as_str());
                let n = counts[l as usize - 1].max(1);
                match format {
                    "a" => letters(n).to_lowercase(),
                    "A" => letters(n),
                    "i" => roman(n).to_lowercase(),
                    "I" => roman(n),
                    _ => n.to_string(),
                }
            })
            .collect();
        Some(format!("{}{}{}", this.prefix, parts.join("."), this.suffix))
    }
}

/// A counter in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// `1 → A`, `26 → Z`, `27 → AA` (Word repeats the letter).
fn letters(n: u32) -> String {
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    letter.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="8">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn counters_follow_levels_and_formats() {
        let mut n = Numbering::parse(Path::new("x.docx"), NUMBERING, None).unwrap();
        let seq: Vec<Option<String>> = [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1), ("1", 2)]
            .iter()
            .map(|(id, l)| n.next(id, *l))
            .collect();
        let want = ["1.", "(a)", "(b)", "2.", "(a)", "2.1"];
        assert_eq!(seq, want.map(|s| Some(s.to_owned())));
        assert_eq!(n.next("2", 0), None, "bullets are not numbers");
        assert_eq!(n.next("3", 0).as_deref(), Some("5."));
        assert_eq!(n.next("9", 0), None);
        assert_eq!(
            (roman(14), letters(28)),
            ("XIV".to_owned(), "BB".to_owned())
        );
    }
}
