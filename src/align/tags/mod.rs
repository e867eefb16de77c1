//! What kind of rewording a change is, read off the words each side has: a number that one
//! side has and the other has not is a `quantity` (or a `date` when it counts days or names a
//! year or a month), a modal verb one side has and the other has not is `modality` (`will`
//! alone, a tense as often as an obligation, does not count), a name (a capitalised
//! word inside a sentence) that only one side has is `party`, and a change that leaves the
//! words intact is `editorial`.
//!
//! Comparing what each side *has*, not what the redline marks, keeps words that only moved
//! (`will give` → `give … will`) and sub-clause numbers that were renumbered (`(3)` → `(1)`)
//! from being read as changes. Numbers after a reference word (`Article 5`, `section 12`) are
//! references, not quantities; capitalised reference and procedure words (`Article`,
//! `Committee`, `Schedule`) are not names.

mod names;

use super::Tag;
use crate::redline::{Op, Span};
use names::{
    aliased, capitalised, is_acronym, is_roman, joined, modifier, places, possessive,
    push_initials, shouted, writes_folded,
};

/// Returns the tags of a rewording, read off its redline, sorted. `same_words` says whether
/// both sides have the same words (only punctuation, case or spacing differ): the change is
/// then editorial. `names_by_capitals` says whether a capital inside a sentence marks a name
/// (not in German, which capitalises every noun: there only acronyms are names).
///
/// Only the text around the changes is read: what both sides share far from any change
/// types the same on both and cancels out, and a long article changed in one clause should
/// not cost a scan of all its words. Each change is read with a margin of shared text on
/// either side (the neighbours that make a number a date, a reference or a sentence start),
/// cut at the same place on both sides.
pub(super) fn classify(spans: &[Span], same_words: bool, names_by_capitals: bool) -> Vec<Tag> {
    if same_words {
        return vec![Tag::Editorial];
    }
    let (old, new, shared) = windows(spans);
    let (a, b) = (
        typed(&old, names_by_capitals),
        typed(&new, names_by_capitals),
    );
    let mut tags = Vec::new();
    // Every number counts: 100 billion twice is not 100 billion once.
    if a.quantities != b.quantities {
        tags.push(Tag::Quantity);
    }
    // Deadlines and modal verbs count once each: a sentence recast around the same `will`
    // or the same date has not changed either.
    if a.dates != b.dates {
        tags.push(Tag::Date);
    }
    // `will` is a tense as often as an obligation: adding or dropping it alone is no change
    // of modality; trading it for another modal verb (`will` → `may`) is.
    if a.modals != b.modals {
        let strong = |m: &[&str]| m.iter().filter(|w| **w != "will").count();
        if strong(&a.modals) + strong(&b.modals) > 0 {
            tags.push(Tag::Modality);
        }
    }
    // Names: the capitalised words either side has inside a sentence; a side has a name when
    // it writes it anywhere, sentence starts included (`Russia will …`).
    // A name written in the shared text far from the changes is on both sides.
    // A name is the same party on the other side when written there under another form: its
    // acronym (`US` for `United States`) or its demonym (`Ukrainian` beside `Ukraine`).
    // A name the other side writes in small letters or without its accents (`Euros` →
    // `euros`, `Etat` → `État`) is the same word there.
    let mut in_shared: Option<Vec<&str>> = None;
    let mut differs = |names: &[&str], this: &Typed, other: &Typed, other_text: &str| {
        names.iter().any(|n| {
            other.capitalised.binary_search(n).is_err()
                && !aliased(n, this, other)
                && in_shared
                    .get_or_insert_with(|| capitalised(&shared))
                    .binary_search(n)
                    .is_err()
                && !writes_folded(std::iter::once(other_text).chain(shared.iter().copied()), n)
        })
    };
    if differs(&a.names, &a, &b, &new) || differs(&b.names, &b, &a, &old) {
        tags.push(Tag::Party);
    }
    tags.sort_unstable();
    tags
}

/// Shared text kept on each side of a change, in bytes (extended to the next space).
const MARGIN: usize = 64;

/// The old and new texts around the changes, and the shared text left out (for name
/// look-ups). Shared text between two changes is kept whole when short; a longer run keeps
/// `MARGIN` bytes after the change before it and before the change after it, cut by a blank
/// line — the same cut on both sides.
fn windows(spans: &[Span]) -> (String, String, Vec<&str>) {
    let (mut old, mut new) = (String::new(), String::new());
    let mut shared = Vec::new();
    let both = |old: &mut String, new: &mut String, t: &str| {
        old.push_str(t);
        new.push_str(t);
    };
    let last = spans.len().saturating_sub(1);
    for (k, span) in spans.iter().enumerate() {
        match span.op {
            Op::Delete => old.push_str(&span.text),
            Op::Insert => new.push_str(&span.text),
            Op::Equal => {
                let text: &str = &span.text;
                let (after_change, before_change) = (k > 0, k < last);
                if after_change && before_change && text.len() <= 2 * MARGIN {
                    both(&mut old, &mut new, text);
                    continue;
                }
                shared.push(text);
                if after_change {
                    both(&mut old, &mut new, lead(text));
                }
                if before_change {
                    both(&mut old, &mut new, "\n\n");
                    both(&mut old, &mut new, tail(text));
                }
            }
        }
    }
    (old, new, shared)
}

/// The last `MARGIN` bytes of a text, from a space on.
fn tail(text: &str) -> &str {
    if text.len() <= MARGIN {
        return text;
    }
    let mut from = text.len() - MARGIN;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    match text[from..].find(char::is_whitespace) {
        Some(at) => &text[from + at..],
        None => "",
    }
}

/// The first `MARGIN` bytes of a text, up to a space.
fn lead(text: &str) -> &str {
    if text.len() <= MARGIN {
        return text;
    }
    let mut to = MARGIN;
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    match text[..to].rfind(char::is_whitespace) {
        Some(at) => &text[..at],
        None => "",
    }
}

/// The words of one side that tags read; each list sorted.
#[derive(Default)]
struct Typed<'t> {
    /// Numbers stated (a multiset).
    quantities: Vec<&'t str>,
    /// Dates and deadline words, lower-cased (a set).
    dates: Vec<String>,
    /// Modal verbs, lower-cased (a set).
    modals: Vec<&'static str>,
    /// Names: capitalised words inside a sentence, and acronyms (a set).
    names: Vec<&'t str>,
    /// Every capitalised word, sentence starts included (a set).
    capitalised: Vec<&'t str>,
    /// The initials of each run of two or more capitalised words (`US` for `United
    /// States`), and the words of those runs, paired (a set).
    initials: Vec<(String, &'t str)>,
}

/// What a word is to the tagger, by its lower-cased form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lexical {
    Modal(&'static str),
    /// A word that states a deadline by itself.
    Deadline,
    Month,
    /// A unit of time, a deadline after a number.
    Time,
    /// A reference word: the number after it is a reference.
    Reference,
    /// A capitalised word that is not a name.
    NotName,
    /// A preposition of place: a name after it is a place, not a party.
    Locative,
    /// A geographic feature: a run of names it ends (`Kinburn Spit`) is a place.
    Feature,
    /// Joins names in a list (`Moscow or Saint Petersburg`).
    Conjunction,
    /// `the`, which may stand between a preposition and a name.
    Article,
}

/// Looks a word up in the tagger's word lists (all short ASCII words): a byte comparison on
/// the lower-cased word, no allocation — this runs for every word of every changed provision.
fn lexical(word: &str) -> Option<Lexical> {
    let bytes = word.as_bytes();
    if bytes.len() > 12 || bytes.len() < 2 || !bytes[0].is_ascii_alphabetic() {
        return None;
    }
    let mut buf = [0u8; 12];
    for (b, &c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    let lower = &buf[..bytes.len()];
    // One `match` on the bytes: the compiler dispatches on length and bytes, where scanning
    // the lists would compare every word with every entry.
    Some(match lower {
        b"shall" => Lexical::Modal("shall"),
        b"may" => Lexical::Modal("may"),
        b"will" => Lexical::Modal("will"),
        b"must" => Lexical::Modal("must"),
        b"should" => Lexical::Modal("should"),
        b"can" => Lexical::Modal("can"),
        b"could" => Lexical::Modal("could"),
        b"might" => Lexical::Modal("might"),
        b"would" => Lexical::Modal("would"),
        b"expected" => Lexical::Modal("expected"),
        b"required" => Lexical::Modal("required"),
        b"permitted" => Lexical::Modal("permitted"),
        b"obliged" => Lexical::Modal("obliged"),
        b"entitled" => Lexical::Modal("entitled"),
        b"january" | b"february" | b"march" | b"april" | b"june" | b"july" | b"august"
        | b"september" | b"october" | b"november" | b"december" => Lexical::Month,
        b"immediately" | b"soon" | b"deadline" | b"date" => Lexical::Deadline,
        b"day" | b"days" | b"week" | b"weeks" | b"month" | b"months" | b"year" | b"years"
        | b"hour" | b"hours" => Lexical::Time,
        b"article" | b"articles" | b"section" | b"sections" | b"paragraph" | b"paragraphs"
        | b"point" | b"points" | b"clause" | b"subsection" | b"schedule" | b"annex"
        | b"chapter" | b"part" => Lexical::Reference,
        b"act" | b"agreement" | b"amendment" | b"appendix" | b"bill" | b"code" | b"committee"
        | b"convention" | b"memorandum" | b"protocol" | b"regulation" | b"title" | b"treaty"
        | b"stage" | b"president" | b"presidents" | b"minister" | b"ministers" | b"prime"
        | b"chancellor" | b"secretary" => Lexical::NotName,
        b"at" | b"in" | b"across" | b"near" | b"along" | b"into" | b"around" => Lexical::Locative,
        b"sea" | b"river" | b"spit" | b"island" | b"islands" | b"bay" | b"gulf" | b"strait"
        | b"peninsula" | b"canal" | b"lake" | b"mountains" | b"oblast" | b"coast" => {
            Lexical::Feature
        }
        b"and" | b"or" => Lexical::Conjunction,
        b"the" => Lexical::Article,
        _ => return None,
    })
}

/// The typed words of a text.
fn typed(text: &str, names_by_capitals: bool) -> Typed<'_> {
    let tokens = side_tokens(text);
    let lex: Vec<Option<Lexical>> = tokens.iter().map(|t| lexical(t.0)).collect();
    let places = places(text, &tokens, &lex);
    let mut out = Typed::default();
    let mut sentence_start = true;
    let mut run: Vec<&str> = Vec::new();
    for (k, &(word, enumerator)) in tokens.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| lex[p]);
        let first = word.chars().next().unwrap_or(' ');
        let upper = first.is_uppercase();
        if !upper || enumerator || !joined(text, &tokens, k) {
            push_initials(&mut out.initials, &run);
            run.clear();
        }
        if enumerator {
            // A clause opens after its label: `(c) Nazi ideology …` starts a sentence.
            sentence_start = true;
            continue;
        } else if first.is_ascii_digit()
            && word
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
        {
            let year = word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
            let next_is_time = lex.get(k + 1).copied().flatten() == Some(Lexical::Time);
            if prev == Some(Lexical::Reference) {
            } else if year || next_is_time || prev == Some(Lexical::Month) {
                out.dates.push(word.to_owned());
            } else {
                out.quantities.push(word);
            }
        } else if let Some(Lexical::Modal(m)) = lex[k]
            && word != "May"
        {
            out.modals.push(m);
        } else if matches!(lex[k], Some(Lexical::Deadline | Lexical::Month)) {
            out.dates.push(word.to_lowercase());
        } else if upper {
            out.capitalised.push(word);
            run.push(word);
            let by_capital = names_by_capitals && (!sentence_start || possessive(text, word));
            if (by_capital || (is_acronym(word) && !shouted(text, &tokens, k)))
                && word.chars().nth(1).is_some()
                && !is_roman(word)
                && !places[k]
                && !modifier(text, word)
                && !matches!(
                    lex[k],
                    Some(Lexical::NotName | Lexical::Reference | Lexical::Feature)
                )
            {
                out.names.push(word);
            }
        }
        sentence_start = tokens_end_sentence(text, word);
    }
    push_initials(&mut out.initials, &run);
    out.quantities.sort_unstable();
    for v in [&mut out.names, &mut out.capitalised] {
        v.sort_unstable();
        v.dedup();
    }
    out.initials.sort_unstable();
    out.initials.dedup();
    out.modals.sort_unstable();
    out.modals.dedup();
    out.dates.sort_unstable();
    out.dates.dedup();
    out
}

/// Whether the character right after this word (a slice of `text`) ends a sentence or
/// opens a new clause line.
fn tokens_end_sentence(text: &str, word: &str) -> bool {
    let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
    text[end..]
        .chars()
        .find(|c| !c.is_whitespace() || *c == '\n')
        .is_some_and(|c| matches!(c, '.' | ':' | ';' | '!' | '?' | '\n'))
}

/// The words of a text, each marked when it is an enumerator (`(3)`, `(a)`, `1.` or `b)` at
/// the start of a line): a sub-clause's label, not a number the text states. Numbers keep
/// their inner separators (`600,000`, `1.5`).
fn side_tokens<'t>(text: &'t str) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    let push = |st: usize, end: usize, out: &mut Vec<(&'t str, bool)>| {
        let word = &text[st..end];
        let before = text[..st].trim_end_matches([' ', '\t']);
        let at_line_start = before.is_empty() || before.ends_with('\n');
        let opened = before.ends_with('(');
        let closer = text[end..].chars().next();
        let short = word.chars().count() <= 4;
        let enumerator = short
            && ((opened && closer == Some(')'))
                || (at_line_start && matches!(closer, Some('.' | ')' | '°'))));
        out.push((word, enumerator));
    };
    while i < bytes.len() {
        // ASCII bytes are chars of their own; only other bytes are decoded.
        let b = bytes[i];
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        let inner_sep = (b == b',' || b == b'.')
            && start.is_some()
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if is_word || inner_sep {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            push(st, i, &mut out);
        }
        i += len;
    }
    if let Some(st) = start {
        push(st, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(a: &str, b: &str) -> Vec<Tag> {
        let same = crate::provisions::words_key(a) == crate::provisions::words_key(b);
        classify(&crate::redline::words(a, b), same, true)
    }

    #[test]
    fn tags_read_the_redline() {
        assert_eq!(
            tags("capped at 600,000 personnel", "capped at 800,000 personnel"),
            [Tag::Quantity]
        );
        assert_eq!(
            tags("elections within 100 days", "elections as soon as possible"),
            [Tag::Date]
        );
        assert_eq!(
            tags("The Parties shall notify", "The Parties may notify"),
            [Tag::Modality]
        );
        assert_eq!(
            tags(
                "Russia, Ukraine and Europe agree",
                "Russia, Ukraine and NATO agree"
            ),
            [Tag::Party]
        );
        assert_eq!(tags("Peace, now.", "peace now"), [Tag::Editorial]);
        assert_eq!(tags("signed in 2025", "signed in 2026"), [Tag::Date]);
    }

    /// Observed wrong tags of the previous tagger: words that only moved, renumbered
    /// sub-clauses, references and procedure words are not changes of substance.
    #[test]
    fn moves_labels_and_references_are_not_tags() {
        assert_eq!(
            tags(
                "(3) The Secretary may issue guidance.",
                "(1) The Secretary may issue guidance and forms."
            ),
            []
        );
        assert_eq!(
            tags(
                "The guarantee given by the United States is subject to conditions.",
                "The United States will give a guarantee mirroring Article 5."
            ),
            []
        );
        assert_eq!(tags("As introduced.", "As amended in Committee."), []);
        // A name dropped among words replaced one by one is still a party change.
        assert_eq!(
            tags(
                "The United States will mediate a dialogue between Russia and NATO.",
                "Once a peace agreement is signed, a dialogue between Russia and NATO."
            ),
            [Tag::Party]
        );
        assert_eq!(
            tags(
                "Russia will reintegrate, case by case.",
                "Russia will reintegrate, conditional on Russia's compliance."
            ),
            []
        );
    }
    /// Places, titles, demonyms, acronyms of a name, clause labels, headings in capitals
    /// and accents are not parties: each was a wrong `party` on the sample corpus or on
    /// real law.
    #[test]
    fn only_parties_are_parties() {
        let no_party = [
            (
                "The guarantee is void if Ukraine invades Russia.",
                "The guarantee is void if Ukraine invades Russia or fires a missile at Moscow or Saint Petersburg.",
            ),
            (
                "Russia will not obstruct shipping.",
                "Russia will not obstruct shipping, and the Kinburn Spit will be demilitarised.",
            ),
            (
                "Cooperation on rare earths in the Arctic.",
                "Cooperation on rare earths.",
            ),
            (
                "Frozen funds go to a joint fund of Russia and the United States.",
                "Frozen funds go to a joint US-Russian fund.",
            ),
            (
                "Both countries guarantee the rights of Ukrainian- and Russian-language media.",
                "Both countries guarantee the rights of media.",
            ),
            (
                "Ukraine will protect minorities:\n(a) schools will teach tolerance;\n(c) Nazi ideology will be prohibited.",
                "Ukraine will protect minorities:\n(a) schools will teach tolerance.",
            ),
            (
                "Ukraine's revised response to the framework.",
                "The framework as presented by the President of Ukraine.",
            ),
            (
                "le paragraphe II de l'article L. 121-1 s'applique",
                "le paragraphe IV de l'article R. 121-1 s'applique",
            ),
            (
                "A BILL To improve coordination.",
                "AN ACT To improve coordination.",
            ),
            (
                "après avis du Conseil d'Etat",
                "après avis du Conseil d'État",
            ),
        ];
        for (a, b) in no_party {
            assert!(!tags(a, b).contains(&Tag::Party), "{a:?} → {b:?}");
        }
        // A name opening a sentence with a possessive is a name.
        assert_eq!(
            tags(
                "Updated framework agreed by the negotiators.",
                "Ukraine's response to the framework."
            ),
            [Tag::Party]
        );
        // In German every noun has a capital: only acronyms name parties there.
        let de = |a: &str, b: &str| classify(&crate::redline::words(a, b), false, false);
        assert_eq!(
            de("Die Regierung beschließt.", "Der Bundestag beschließt."),
            []
        );
        assert_eq!(
            de("Die Regierung beschließt.", "Die NATO beschließt."),
            [Tag::Party]
        );
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    proptest! {
        /// Tags read any text without panicking: margins are cut on character boundaries
        /// whatever the script.
        #[test]
        fn tags_read_any_text(
            p in "[a-zé€Ж ,.0-9A-Z]{60,140}",
            x in "[a-zé€Ж ,.()0-9A-Z]{0,30}",
            y in "[a-zé€Ж ,.()0-9A-Z]{0,30}",
            q in "[a-zé€Ж ,.0-9A-Z]{60,140}",
        ) {
            let spans = crate::redline::words(&format!("{p} {x} {q}"), &format!("{p} {y} {q}"));
            let _ = super::classify(&spans, false, true);
        }
    }
}
