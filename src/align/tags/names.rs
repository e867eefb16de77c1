//! Names, for the `party` tag: which capitalised words name a party, and when two names on
//! either side are one party. A capital marks a name; places (`at Moscow`, `the Kinburn
//! Spit`), titles, compounds (`Russian-language`), headings in capitals and Roman numerals do
//! not; acronyms (`US` for `United States`), demonyms (`Ukrainian` beside `Ukraine`) and other
//! spellings (`Etat`, `État`) are the same party.

use super::{Lexical, Typed};

/// An acronym (`NATO`, `IAEA`, `G8`): a name wherever it stands, sentence starts included.
pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !is_roman(word)
}

/// A Roman numeral (`II`, `XIV`): a paragraph or chapter label, not an acronym.
pub(super) fn is_roman(word: &str) -> bool {
    word.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// A word lower-cased, without its accents.
fn fold(word: &str) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
}

/// Whether some texts write `name` in any case, with or without accents. Runs only for a
/// name the other checks leave differing (rarely more than one per change), so it scans
/// rather than builds a set; ASCII words compare without decomposing.
pub(super) fn writes_folded<'t>(texts: impl Iterator<Item = &'t str>, name: &str) -> bool {
    let target: String = fold(name).collect();
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .any(|w| {
            if w.is_ascii() {
                w.len() == target.len() && w.eq_ignore_ascii_case(&target)
            } else {
                fold(w).eq(target.chars())
            }
        })
}

/// The capitalised words of some texts, sorted and unique: a scan for word starts, without
/// typing every word.
pub(super) fn capitalised<'t>(texts: &[&'t str]) -> Vec<&'t str> {
    let mut out = Vec::new();
    for text in texts {
        let mut start: Option<usize> = None;
        for (at, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(at);
            } else if let Some(st) = start.take()
                && text[st..].starts_with(char::is_uppercase)
            {
                out.push(&text[st..at]);
            }
        }
        if let Some(st) = start
            && text[st..].starts_with(char::is_uppercase)
        {
            out.push(&text[st..]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `name`, written on one side (`this`) and not on the other, is there under another
/// form: an acronym of a run of names (`US`, `United States`), or a word one letter away from
/// a longer or shorter name with the same stem (`Ukrainian`, `Ukraine`; `Russia`, `Russian`).
pub(super) fn aliased(name: &str, this: &Typed, other: &Typed) -> bool {
    let acronym_of = |typed: &Typed, word: &str| {
        typed
            .initials
            .iter()
            .filter(|(_, w)| *w == word)
            .any(|(init, _)| other.capitalised.binary_search(&init.as_str()).is_ok())
    };
    if acronym_of(this, name) || other.initials.iter().any(|(init, _)| init == name) {
        return true;
    }
    other.capitalised.iter().any(|c| same_stem(name, c))
}

/// Whether two names share a stem: the shorter, less its last letter, opens the longer, and
/// that stem is at least four letters (`Europe`, `European`; `Russia`, `Russians`).
fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some((cut, _)) = short.char_indices().last() else {
        return false;
    };
    short.len() < long.len() && short[..cut].chars().count() >= 4 && long.starts_with(&short[..cut])
}

/// Whether a word is followed by a possessive (`Ukraine's response`): a name even where it
/// opens a sentence.
pub(super) fn possessive(text: &str, word: &str) -> bool {
    let rest = &text[offset(text, word) + word.len()..];
    ["'s ", "’s "].iter().any(|p| rest.starts_with(p))
}

/// Whether a word is the first half of a compound modifier (`Russian-language media`,
/// `Ukrainian- and …`): it qualifies a thing, it does not name a party.
pub(super) fn modifier(text: &str, word: &str) -> bool {
    let rest = &text[offset(text, word) + word.len()..];
    rest.strip_prefix('-')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_lowercase() || c.is_whitespace())
}

/// Whether token `k` is written in capitals beside another word in capitals (`AN ACT`,
/// `IMPROVING COORDINATION`): a heading set in capitals, not an acronym.
pub(super) fn shouted(text: &str, tokens: &[(&str, bool)], k: usize) -> bool {
    let caps = |k: usize| tokens.get(k).is_some_and(|t| is_acronym(t.0));
    (k > 0 && caps(k - 1) && joined(text, tokens, k))
        || (caps(k + 1) && joined(text, tokens, k + 1))
}

/// Records the initials of a run of two or more capitalised words, with each word of it.
pub(super) fn push_initials<'t>(initials: &mut Vec<(String, &'t str)>, run: &[&'t str]) {
    if run.len() < 2 {
        return;
    }
    let init: String = run.iter().filter_map(|w| w.chars().next()).collect();
    initials.extend(run.iter().map(|w| (init.clone(), *w)));
}

/// Where a token starts in `text` (tokens are slices of it).
fn offset(text: &str, word: &str) -> usize {
    word.as_ptr() as usize - text.as_ptr() as usize
}

/// Whether token `k` follows the previous one across a single space or hyphen: two words of
/// one name (`United States`), not two names of a list (`Russia, Ukraine`).
pub(super) fn joined(text: &str, tokens: &[(&str, bool)], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| tokens[p].0) else {
        return false;
    };
    let end = offset(text, prev) + prev.len();
    matches!(&text[end..offset(text, tokens[k].0)], " " | "-")
}

/// Which tokens name a place: a capitalised word after a preposition of place (`at Moscow`,
/// `in the Arctic`), the names it opens a run or a list with (`at Moscow or Saint
/// Petersburg`), and a run of capitalised words that a geographic feature ends (`the Kinburn
/// Spit`). A place is not a party, whichever side names it.
pub(super) fn places(text: &str, tokens: &[(&str, bool)], lex: &[Option<Lexical>]) -> Vec<bool> {
    let upper = |k: usize| tokens[k].0.starts_with(char::is_uppercase);
    let mut place = vec![false; tokens.len()];
    for k in 0..tokens.len() {
        if lex[k] == Some(Lexical::Feature) {
            let mut r = k;
            while r > 0 && upper(r - 1) && joined(text, tokens, r) {
                r -= 1;
                place[r] = true;
            }
            place[k] = upper(k);
        }
        if !upper(k) || place[k] {
            continue;
        }
        let mut p = k.checked_sub(1);
        if let Some(q) = p
            && lex[q] == Some(Lexical::Article)
        {
            p = q.checked_sub(1);
        }
        place[k] = match p {
            Some(q) if lex[q] == Some(Lexical::Locative) => true,
            // The next word of a place's name, or the next place of a list.
            Some(q) if upper(q) && place[q] => true,
            Some(q) if lex[q] == Some(Lexical::Conjunction) => {
                q.checked_sub(1).is_some_and(|r| upper(r) && place[r])
            }
            _ => false,
        };
    }
    place
}
