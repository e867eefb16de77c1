//! Structural headings: the outline above provisions (parts, books, titles, chapters,
//! sections, in the words of several legal traditions) and the groups that number their
//! provisions on their own (annexes, schedules, appendices, protocols).
//!
//! [`structure`] reads one heading line; [`Heading::rank`] places it in the outline.

use super::keyword::{WORD_BUF, keyword, lower_word};
use super::number;

/// Keywords of structural headings above provisions, lower case. Part of the document's
/// outline, never provisions.
pub(super) const STRUCTURE: [&str; 51] = [
    "partie",
    "livre",
    "titre",
    "chapitre",
    "section",
    "sous-section",
    "paragraphe",
    "sous-paragraphe",
    "part",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "subpart",
    "division",
    "subdivision",
    "book",
    "buch",
    "teil",
    "abschnitt",
    "unterabschnitt",
    "titel",
    "untertitel",
    "kapitel",
    "capítulo",
    "capitulo",
    "título",
    "titulo",
    "libro",
    "sección",
    "seccion",
    "subsección",
    "parte",
    "capitolo",
    "capo",
    "titolo",
    "sezione",
    "hoofdstuk",
    "afdeling",
    "boek",
    "раздел",
    "подраздел",
    "глава",
    "розділ",
    "підрозділ",
    "paragraph",
    "tytuł",
    // Numbered before the keyword: `1 kap.` (Sweden, Norway), `2 luku` (Finland),
    // `3. fejezet` (Hungary).
    "kap",
    "kapittel",
    "luku",
    "fejezet",
];

/// Structure keywords written after their number (`1 kap.`, `2 luku`, `3. fejezet`).
const NUMBER_FIRST: [&str; 4] = ["kap", "kapittel", "luku", "fejezet"];

/// Keywords of groups whose provisions are numbered on their own: annexes, schedules,
/// appendices, protocols. Lower case.
pub(super) const GROUPS: [&str; 21] = [
    "annex",
    "annexes",
    "annexe",
    "anhang",
    "anlage",
    "schedule",
    "appendix",
    "appendice",
    "apéndice",
    "anexo",
    "allegato",
    "protocol",
    "protocole",
    "protokoll",
    "protocolo",
    "attachment",
    "exhibit",
    "addendum",
    "приложение",
    "додаток",
    "annexe",
];

/// A structural heading.
#[derive(Debug, Clone)]
pub(super) struct Heading {
    /// Its label: the line without Markdown marks and trailing decoration.
    pub label: String,
    /// Markdown level, if it is a Markdown heading.
    pub md_level: Option<u8>,
    /// Kind: the keyword, lower case, or `#N` for a Markdown heading without keyword.
    pub kind: String,
    /// For an annex-like group: its short name (`Annex I`, `Schedule 2`, `Anhang`).
    pub group: Option<String>,
    /// Keyword and designator (`Part B`), used when its kind restarts numbering.
    pub short: String,
    /// A heading without designator (`Partie législative`) counts only when it stands
    /// alone between blank lines.
    pub needs_standalone: bool,
}

/// A Markdown heading as part of the outline: a structural heading if its words say so, else
/// a heading of its level.
pub(super) fn md_heading(text: &str, level: u8) -> Heading {
    structure(text, Some(level)).unwrap_or_else(|| Heading {
        label: tidy_label(text),
        md_level: Some(level),
        kind: format!("#{level}"),
        group: None,
        short: tidy_label(text),
        needs_standalone: false,
    })
}

/// Reads a structural heading: a structure or group keyword, then a designator and a title
/// (`Titre Ier : De la loi pénale`, `TITLE I—GENERAL PROVISIONS`, `Part B. Economy`,
/// `Annex I`), or a keyword and up to three words (`Partie législative`), or an ordinal and a
/// keyword (`Erster Abschnitt - Das Strafgesetz`, `Allgemeiner Teil`).
pub(super) fn structure(text: &str, md_level: Option<u8>) -> Option<Heading> {
    let text = text.trim().trim_matches(['*', '_']).trim();
    if text.len() > 300 {
        return None;
    }
    let mut buf = [0u8; WORD_BUF];
    let (first, first_len) = lower_word(text, &mut buf).unwrap_or(("", 0));
    let first = first.to_owned();
    let is_group = GROUPS.contains(&first.as_str());
    let make = |short: String, needs_standalone: bool| Heading {
        label: tidy_label(text),
        md_level,
        kind: first.clone(),
        group: is_group.then(|| short.clone()),
        short,
        needs_standalone,
    };
    if first_len > 0 && (is_group || STRUCTURE.contains(&first.as_str())) {
        let after = &text[first_len..];
        let rest = after.trim_start();
        if rest.is_empty() {
            return Some(make(text.to_owned(), md_level.is_none()));
        }
        if after.len() == rest.len() && !after.starts_with(['.', ':', '—', '–']) {
            return None; // `Partial`, `Titles`: the keyword is only the start of a word
        }
        let mut desig_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '*' | '°' | 'º')))
            .map_or(rest.len(), |(i, _)| i);
        // A numbered designator may carry a Latin suffix: `Section 2 bis : …`.
        if rest.starts_with(|c: char| c.is_ascii_digit())
            && let Some((_, used)) = number::after_keyword(rest)
        {
            desig_len = desig_len.max(used);
        }
        let desig = &rest[..desig_len];
        // `Annex I`, `Part B` when a separator or nothing follows; the whole heading when a
        // title runs on (`ANNEXE A L'ARTICLE R311-6`: there `A` is a word, not a letter).
        let runs_on = rest[desig_len..].starts_with(' ')
            && !rest[desig_len..]
                .trim_start()
                .starts_with(['.', ':', '—', '–', '-', '(']);
        let short = if runs_on {
            tidy_label(text)
        } else {
            format!("{} {desig}", &text[..first_len])
        };
        let title = rest[desig_len..].trim_start_matches(['.', ':', ' ', '—', '–', '-', '\t']);
        let separated = rest[desig_len..].len() != rest[desig_len..].trim_start().len()
            || rest[desig_len..].starts_with(['.', ':', '—', '–', '-']);
        if is_designator(desig) && (desig_len == rest.len() || separated) {
            // A title after `:` or a dash may end with a full stop (`Section 2 bis : Du recours
            // … vulnérables.`); after nothing or `.` a final stop makes a sentence.
            let colon = rest[desig_len..].trim_start().starts_with([':', '—', '–']);
            let sentence = title.ends_with([';', ','])
                || (title.ends_with('.') && !colon && title.to_uppercase() != title);
            let plain_title = rest[desig_len..].starts_with(' ')
                && !rest[desig_len..]
                    .trim_start()
                    .starts_with(['.', ':', '—', '–', '-']);
            if sentence
                || title.split_whitespace().count() > 25
                || (plain_title && !title.starts_with(|c: char| c.is_uppercase() || c == '('))
            {
                return None;
            }
            return Some(make(short, false));
        }
        // No designator: a few words, no sentence (`Partie législative`, `Annexes`).
        if rest.split_whitespace().count() <= 3 && !rest.ends_with(['.', ';', ',', ':']) {
            return Some(make(text[..first_len].to_owned(), md_level.is_none()));
        }
        return None;
    }
    // `Erster Abschnitt - …`, `Allgemeiner Teil`: an ordinal or adjective, then the keyword.
    let mut words = text.split_whitespace();
    let (Some(w1), Some(w2)) = (words.next(), words.next()) else {
        return None;
    };
    let w2l = w2.trim_end_matches([':', '.']).to_lowercase();
    // `1 kap. Inledande bestämmelser`, `2 luku`, `3. fejezet`: a number, then the keyword; the
    // number is its designator, so the line need not stand alone.
    // Only these keywords: a UK section titled `23 Division of functions` is a provision.
    let number = w1.trim_end_matches('.');
    let count = text.split_whitespace().count();
    if !number.is_empty()
        && number.len() <= 3
        && number.bytes().all(|b| b.is_ascii_digit())
        && NUMBER_FIRST.contains(&w2l.as_str())
        && count <= 12
        && (count == 2 || !text.ends_with(['.', ';', ',']))
    {
        let short = format!("{w1} {w2}");
        return Some(Heading {
            label: tidy_label(text),
            md_level,
            kind: w2l.clone(),
            group: None,
            short,
            needs_standalone: false,
        });
    }
    if w1.starts_with(|c: char| c.is_uppercase())
        && keyword(text).is_none()
        && (STRUCTURE.contains(&w2l.as_str()) || GROUPS.contains(&w2l.as_str()))
        && text.split_whitespace().count() <= 12
        && !text.ends_with(['.', ';', ','])
    {
        let short = format!("{w1} {w2}");
        return Some(Heading {
            label: tidy_label(text),
            md_level,
            kind: w2l.clone(),
            group: GROUPS.contains(&w2l.as_str()).then(|| short.clone()),
            short,
            needs_standalone: md_level.is_none(),
        });
    }
    None
}

/// A heading's designator: a number, a roman numeral, one letter, or an ordinal word.
fn is_designator(d: &str) -> bool {
    if d.is_empty() || d.chars().count() > 14 {
        return false;
    }
    if d.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let upper = d.trim_end_matches("er").trim_end_matches("re");
    if number::is_roman(upper) && upper.chars().all(|c| "IVXLCDM".contains(c)) {
        return true;
    }
    if d.chars().count() == 1 && d.chars().all(char::is_alphabetic) {
        return true;
    }
    let l = d.to_lowercase();
    [
        "unique",
        "único",
        "preliminaire",
        "préliminaire",
        "preliminar",
        "liminaire",
        "premier",
        "first",
        "one",
    ]
    .contains(&l.as_str())
}

/// A heading's text without emphasis, trailing dashes and colons (`Allgemeiner Teil -`).
fn tidy_label(text: &str) -> String {
    let t = text
        .trim()
        .trim_matches(['*', '_'])
        .trim_end_matches(['-', '—', '–', ':', ' ', '#'])
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Heading {
    /// Depth in the outline, smaller is outer: known keywords by the hierarchy of their
    /// legal tradition (Partie > Livre > Titre > Chapitre > Section; Teil > Abschnitt > Titel;
    /// Part > Chapter), other Markdown headings below them by level.
    pub(super) fn rank(&self) -> u32 {
        if self.group.is_some() {
            return 5;
        }
        match self.kind.as_str() {
            "partie" | "parte" | "teil" | "part" => 10,
            "subpart" => 15,
            "livre" | "book" | "buch" | "libro" | "boek" | "раздел" | "розділ" => 20,
            "titre" | "title" | "título" | "titulo" | "titolo" | "tytuł" => 30,
            "subtitle" | "подраздел" | "підрозділ" => 35,
            "chapitre" | "chapter" | "capítulo" | "capitulo" | "capitolo" | "kapitel"
            | "hoofdstuk" | "глава" | "abschnitt" | "capo" => 40,
            "subchapter" | "unterabschnitt" => 45,
            "titel" => 50,
            "untertitel" => 55,
            "section" | "sección" | "seccion" | "sezione" | "afdeling" => 60,
            "division" => 62,
            "sous-section" | "subsección" => 65,
            "subdivision" => 66,
            "paragraphe" | "paragraph" => 70,
            "sous-paragraphe" => 75,
            _ => 100 + 10 * u32::from(self.md_level.unwrap_or(6)),
        }
    }
}
