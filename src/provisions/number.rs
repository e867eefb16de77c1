//! Provision numbers as legislatures write them.
//!
//! A number is read whole, never cut: an optional code prefix (`L111-1`, `L. 111-1`,
//! `R*131-1`, `D. 123-4`, `LO. 12`), digits, hyphenated or dotted segments (`1231-2`,
//! `L111-7-2`, `1.2`), an ordinal mark (`1er`, `1°`, `1.º`), a letter (`5a`, `651e`), Latin
//! insertion suffixes (`6 bis`, `12 ter A`, `2-bis`), or a word that stands for a number
//! (`Artículo único`, `Article liminaire`). The text is kept as written (runs of spaces become
//! one); [`SortKey`] orders numbers for the numbering-sequence rule of the parser.

/// Longest run of digits taken as a number: national codes and generated documents run past
/// 9,999 provisions, and a longer run is a year, an amount or an identifier.
pub(super) const MAX_DIGITS: usize = 6;

/// Latin suffixes of provisions inserted between two others, in order.
const LATIN: [&str; 30] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "novies",
    "decies",
    "undecies",
    "duodecies",
    "terdecies",
    "quaterdecies",
    "quindecies",
    "sexdecies",
    "septdecies",
    "octodecies",
    "novodecies",
    "vicies",
    "unvicies",
    "duovicies",
    "tervicies",
    "quatervicies",
    "quinvicies",
    "sexvicies",
    "septvicies",
    "octovicies",
    "novovicies",
    "tricies",
];

/// Words that stand for a number after a keyword: the sole article, a preliminary one, and
/// ordinals as Spanish, Portuguese and Italian legislatures write them (`Artículo primero`,
/// `Disposición adicional segunda`, `Articolo primo`), in both genders.
const WORD_NUMBERS: &[&str] = &[
    // Chile's sole transitional article (`Artículo transitorio.-`).
    "transitorio",
    "único",
    "unico",
    "única",
    "unica",
    "unique",
    "liminaire",
    "préliminaire",
    "preliminaire",
    "preliminar",
    "preliminare",
    "premier",
    "primero",
    "primera",
    "primer",
    "segundo",
    "segunda",
    "tercero",
    "tercera",
    "cuarto",
    "cuarta",
    "quinto",
    "quinta",
    "sexto",
    "sexta",
    "séptimo",
    "séptima",
    "septimo",
    "septima",
    "octavo",
    "octava",
    "noveno",
    "novena",
    "décimo",
    "décima",
    "decimo",
    "decima",
    "undécimo",
    "undécima",
    "duodécimo",
    "duodécima",
    "decimotercero",
    "decimotercera",
    "decimocuarto",
    "decimocuarta",
    "decimoquinto",
    "decimoquinta",
    "decimosexto",
    "decimosexta",
    "decimoséptimo",
    "decimoséptima",
    "decimoctavo",
    "decimoctava",
    "decimonoveno",
    "decimonovena",
    "vigésimo",
    "vigésima",
    "primo",
    "prima",
    "secondo",
    "seconda",
    "terzo",
    "terza",
    "quarto",
    "sesto",
    "settimo",
    "ottavo",
    "nono",
    "primeiro",
    "primeira",
    "terceiro",
    "terceira",
    "sétimo",
    "oitavo",
    "nono",
];

/// Reads a number after a keyword or section sign (`Article `, `§ `). Returns the number as
/// written and the bytes it used. `None` when `s` does not start with a number.
pub(super) fn after_keyword(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let start = code_prefix(s);
    let digits = count_digits(&s[start..]);
    if digits == 0 {
        if start > 0 {
            return None;
        }
        return roman(s).or_else(|| word_number(s));
    }
    if digits > MAX_DIGITS {
        return None;
    }
    let mut i = start + digits;
    // Segments: `-1`, `.2`, `-L3` (a cited code's number), `-bis`.
    loop {
        // `7:400`: the Dutch Civil Code numbers articles within its books.
        let sep = if b.get(i) == Some(&b'-')
            || b.get(i) == Some(&b'.')
            || (b.get(i) == Some(&b':') && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            1
        } else if s[i..].starts_with('–') {
            '–'.len_utf8()
        } else {
            0
        };
        if sep == 0 {
            break;
        }
        let rest = &s[i + sep..];
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_uppercase())
                .len();
        let d = if letters <= 2 {
            count_digits(&rest[letters..])
        } else {
            0
        };
        if d > 0 && d <= MAX_DIGITS {
            i += sep + letters + d;
        } else if b[i] == b'-'
            && letters == 1
            && !rest[1..].starts_with(|c: char| c.is_alphanumeric())
        {
            i += sep + 1; // `226-16-1-A`
        } else if b[i] == b'-'
            && let Some(n) = latin(rest)
        {
            i += sep + n;
        } else {
            break;
        }
    }
    // `12bis`: Switzerland writes the suffix against the number.
    let mark = match latin(&s[i..]) {
        Some(n) => n,
        None => ordinal_mark(&s[i..]),
    };
    i += mark;
    i += suffixes(&s[i..], mark > 0);
    Some((collapse_spaces(&s[..i]), i))
}

/// The insertion suffixes after a number, as many as there are: a Latin word (`6 bis`), a
/// capital or two standing alone (`712-1 A`, `39 quinquies FA`), and a hyphenated number or
/// suffix after either (`1649 quater-0 B bis`, `199 terdecies-0 A`, as the Code général des
/// impôts numbers its articles; `5.º-A` after an ordinal mark, as Portugal inserts them).
/// Returns the bytes they take.
fn suffixes(s: &str, after_mark: bool) -> usize {
    let mut i = 0;
    loop {
        let rest = &s[i..];
        if (i > 0 || after_mark)
            && let Some(tail) = rest.strip_prefix('-')
        {
            let d = count_digits(tail);
            if d > 0 && d <= MAX_DIGITS && !tail[d..].starts_with(|c: char| c.is_alphabetic()) {
                i += 1 + d;
                continue;
            }
            if let Some(n) = latin(tail) {
                i += 1 + n;
                continue;
            }
            let caps = tail.bytes().take_while(u8::is_ascii_uppercase).count();
            if (1..=2).contains(&caps) && !tail[caps..].starts_with(|c: char| c.is_alphanumeric()) {
                i += 1 + caps;
                continue;
            }
        }
        let Some(rest) = rest.strip_prefix(' ') else {
            break;
        };
        if let Some(n) = latin(rest) {
            // `§§ 1 bis 3` is a range, not a suffix.
            if rest[n..].starts_with(' ') && rest[n + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            i += 1 + n;
            continue;
        }
        if let Some(n) = capitals(rest) {
            i += 1 + n;
            continue;
        }
        // Chile counts its transitional articles apart: `Artículo 2° transitorio`.
        if let Some(tail) = rest.get(..11)
            && tail.eq_ignore_ascii_case("transitorio")
            && !rest[11..].starts_with(|c: char| c.is_alphabetic())
        {
            i += 12;
            continue;
        }
        break;
    }
    i
}

/// One or two capitals standing alone as a suffix: then the end, another suffix, or
/// punctuation that ends the number (`A.`, `FA :`); not the first word of a title
/// (`5 A new rule`, `5 bis DE LA LOI`).
fn capitals(s: &str) -> Option<usize> {
    let n = s.bytes().take_while(u8::is_ascii_uppercase).count();
    if n == 0 || n > 2 {
        return None;
    }
    let after = &s[n..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let ends = after.trim_start().is_empty()
        || after
            .strip_prefix(' ')
            .is_some_and(|next| latin(next).is_some())
        || after.starts_with('-') && latin(&after[1..]).is_some()
        || (after.starts_with(['.', ':', ')', ' ', '-'])
            && !after
                .trim_start()
                .starts_with(|c: char| c.is_alphanumeric()));
    ends.then_some(n)
}

/// Reads a bare list number (`1.`, `1)`, `(1)`, `12a.`): digits and an optional lower-case
/// letter. Returns it and the bytes used.
pub(super) fn bare(s: &str) -> Option<(String, usize)> {
    let digits = count_digits(s);
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let mut end = digits;
    if s[end..].starts_with(|c: char| c.is_ascii_lowercase())
        && !s[end + 1..].starts_with(|c: char| c.is_alphabetic())
    {
        end += 1;
    }
    Some((s[..end].to_owned(), end))
}

/// Reads a roman numeral (upper case, optionally followed by `er`: `Ier`). Returns it and the
/// bytes used.
pub(super) fn roman(s: &str) -> Option<(String, usize)> {
    let n = s.len()
        - s.trim_start_matches(['I', 'V', 'X', 'L', 'C', 'D', 'M'])
            .len();
    if n == 0 || !is_roman(&s[..n]) {
        return None;
    }
    let end = n + ordinal_mark(&s[n..]);
    if s[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((s[..end].to_owned(), end))
}

/// Whether `s` could be a roman numeral.
pub(super) fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 8 && !s.contains("IIII") && !s.contains("VV")
}

fn word_number(s: &str) -> Option<(String, usize)> {
    let word_at = |s: &str| {
        s.char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(i, _)| i)
    };
    // Word numbers are 4 to 14 bytes long: a longer or shorter word is not looked up (and
    // is lower-cased once when it is).
    let is_number = |word: &str| {
        (4..=14).contains(&word.len()) && {
            let lower = word.to_lowercase();
            WORD_NUMBERS.contains(&lower.as_str())
        }
    };
    // An insertion suffix after an ordinal: `primera pre` (before the first), `segundo bis`;
    // or the transitional articles' own count (`Artículo primero transitorio`, Chile).
    let suffixed = |number: String, used: usize| {
        let rest = &s[used..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let next = &rest[gap..];
        let len = word_at(next);
        let w = next[..len].to_lowercase();
        if gap > 0 && (w == "pre" || w == "transitorio" || LATIN.contains(&w.as_str())) {
            (format!("{number} {}", &next[..len]), used + gap + len)
        } else {
            (number, used)
        }
    };
    let word_len = word_at(s);
    if word_len == 0 {
        return None;
    }
    let word = &s[..word_len];
    if is_number(word) {
        return Some(suffixed(word.to_owned(), word_len));
    }
    // Spanish final provisions: `Disposición adicional primera`, `transitoria única`.
    if (5..=11).contains(&word_len) && DISPOSITION_KINDS.contains(&word.to_lowercase().as_str()) {
        let rest = &s[word_len..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let next = &rest[gap..];
        let next_len = word_at(next);
        if gap > 0 && is_number(&next[..next_len]) {
            let used = word_len + gap + next_len;
            return Some(suffixed(format!("{word} {}", &next[..next_len]), used));
        }
    }
    None
}

/// The kinds of Spanish final provisions, between `Disposición` and its ordinal.
const DISPOSITION_KINDS: [&str; 4] = ["adicional", "transitoria", "derogatoria", "final"];

/// A code prefix before the digits (`L`, `L. `, `R*`, `LO. `, `A. `): its length in bytes, or
/// 0 when there is none (or no digit follows it).
fn code_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if letters == 0 || letters > 3 {
        return 0;
    }
    let mut k = letters;
    if b.get(k) == Some(&b'*') {
        k += 1;
    }
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    if b.get(k).is_some_and(u8::is_ascii_digit) {
        k
    } else {
        0
    }
}

/// `er`, `re`, `ère` (French ordinals), `°`, `º`, `ª`, `.º`, or one letter (`5a`, `651e`,
/// `12A`) right after the digits, not followed by another letter.
fn ordinal_mark(s: &str) -> usize {
    for mark in ["ère", "er", "re", ".º", "°", "º", "ª"] {
        if let Some(rest) = s.strip_prefix(mark)
            && !rest.starts_with(|c: char| c.is_alphabetic())
        {
            return mark.len();
        }
    }
    if s.starts_with(|c: char| c.is_ascii_alphabetic())
        && !s[1..].starts_with(|c: char| c.is_alphabetic())
    {
        return 1;
    }
    0
}

/// A Latin insertion suffix at the start of `s` (any case), not followed by a letter.
fn latin(s: &str) -> Option<usize> {
    // Most calls look at punctuation or a space after a number.
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    LATIN.iter().find_map(|w| {
        let head = s.get(..w.len())?;
        (head.eq_ignore_ascii_case(w) && !s[w.len()..].starts_with(|c: char| c.is_alphabetic()))
            .then_some(w.len())
    })
}

fn count_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn collapse_spaces(s: &str) -> String {
    if !s.contains("  ") {
        return s.to_owned();
    }
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An order on numbers of one scheme, for the rule that a heading candidate which is not
/// laid out as a heading must not repeat or go back in the numbering.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct SortKey {
    prefix: String,
    parts: Vec<u32>,
}

impl SortKey {
    /// The key of a number as written; `None` when it has no digits (roman numerals and word
    /// numbers are not ordered here).
    pub(super) fn of(number: &str) -> Option<SortKey> {
        let first_digit = number.find(|c: char| c.is_ascii_digit())?;
        let prefix: String = number[..first_digit]
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        let mut parts = Vec::new();
        let mut rest = &number[first_digit..];
        while !rest.is_empty() {
            let d = count_digits(rest);
            if d > 0 {
                parts.push(rest[..d].parse().unwrap_or(u32::MAX));
                rest = &rest[d..];
                continue;
            }
            let word_len = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(rest.len(), |(i, _)| i);
            if word_len == 0 {
                let skip = rest.chars().next().map_or(1, char::len_utf8);
                rest = &rest[skip..];
                continue;
            }
            let word = rest[..word_len].to_ascii_lowercase();
            rest = &rest[word_len..];
            // A letter or Latin suffix sorts after the bare number it extends: 6 < 6a < 6 bis.
            if let Some(p) = LATIN.iter().position(|w| *w == word) {
                parts.push(100 + p as u32);
                continue;
            }
            // Letters sort as letters do: F < FA < FB < G.
            if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_lowercase()) {
                parts.extend(word.bytes().map(|b| u32::from(b - b'a') + 1));
                continue;
            }
            parts.push(0);
        }
        Some(SortKey { prefix, parts })
    }

    /// Whether two keys can be compared: the same code prefix.
    pub(super) fn comparable(&self, other: &SortKey) -> bool {
        self.prefix == other.prefix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        after_keyword(s).map(|(n, _)| n)
    }

    #[test]
    fn numbers_are_read_whole() {
        let cases = [
            ("111-1", "111-1"),
            ("L111-1 text", "L111-1"),
            ("L. 111-1", "L. 111-1"),
            ("R*131-1", "R*131-1"),
            ("D. 123-4", "D. 123-4"),
            ("LO. 12", "LO. 12"),
            ("A. 1", "A. 1"),
            ("1231-2", "1231-2"),
            ("L111-7-2", "L111-7-2"),
            ("1er", "1er"),
            ("6 bis", "6 bis"),
            ("12 ter A", "12 ter A"),
            ("5a", "5a"),
            ("651e Titel", "651e"),
            ("2-bis.", "2-bis"),
            ("1°", "1°"),
            ("1.º", "1.º"),
            ("único", "único"),
            ("liminaire", "liminaire"),
            ("IV", "IV"),
            ("Ier", "Ier"),
            ("5.", "5"),
            ("1.2 text", "1.2"),
            ("226-16-1-A", "226-16-1-A"),
            ("712-1 A", "712-1 A"),
            ("5 A new rule", "5"),
            // The Code général des impôts: suffixes on suffixes.
            ("39 quinquies FA", "39 quinquies FA"),
            ("150-0 B ter", "150-0 B ter"),
            ("199 terdecies-0 A", "199 terdecies-0 A"),
            ("1649 quater-0 B bis", "1649 quater-0 B bis"),
            ("244 quater E", "244 quater E"),
            ("1609 quatervicies A", "1609 quatervicies A"),
            ("302 bis ZA", "302 bis ZA"),
            ("1679 A", "1679 A"),
            ("5 bis DE LA LOI", "5 bis"),
            ("12 B. Le texte", "12 B"),
            ("5.º-A", "5.º-A"),
            ("7:400", "7:400"),
            ("7: De koop", "7"),
            ("12bis", "12bis"),
            ("12bisher", "12"),
        ];
        for (input, want) in cases {
            assert_eq!(num(input).as_deref(), Some(want), "{input}");
        }
        // A range is not a suffix; a word is not a number.
        assert_eq!(num("1 bis 3").as_deref(), Some("1"));
        assert_eq!(num("of the Act"), None);
        assert_eq!(num("1234567"), None);
    }

    #[test]
    fn sort_keys_order_numbers() {
        let k = |s: &str| SortKey::of(s).expect("has digits");
        assert!(k("111-1") < k("111-2"));
        assert!(k("111-9") < k("112-1"));
        assert!(k("6") < k("6a") && k("6a") < k("6 bis") && k("6 bis") < k("7"));
        assert!(k("39 quinquies F") < k("39 quinquies FA"));
        assert!(k("39 quinquies FA") < k("39 quinquies FB"));
        assert!(k("39 quinquies FB") < k("39 quinquies G"));
        assert!(k("1649 quater-0 B bis") < k("1649 quater-0 B ter"));
        assert!(k("199 novovicies") < k("199 tricies") && k("199 tricies") < k("200"));
        assert!(k("L111-1").comparable(&k("L. 111-2")));
        assert!(!k("L111-1").comparable(&k("R111-1")));
        assert!(SortKey::of("IV").is_none());
    }
}
