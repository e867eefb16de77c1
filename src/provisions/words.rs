//! Word keys: hashes of a text's words, lower-cased, that ignore punctuation and spacing.
//!
//! Every provision's key is computed once at parse time; the aligner's exact pass and word
//! bags read these hashes. A word with compatibility or decomposed characters (ligatures,
//! full-width forms, letters written with combining accents) is read in its NFKC form, so a
//! typographic variant has the same words; the stored text is never changed.

use crate::hash::fold;

/// Lower-cased form of each ASCII byte that belongs to a word, 0 for the others. Letters and
/// digits both have bit 0x20 set once lower-cased, so a word byte is never 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Calls `f` with the hash of every word of `text` (a maximal run of letters and digits,
/// lower-cased, of the NFKC form), in order. Bytes are folded eight at a time: the hash is a
/// few instructions per byte, and it is on the path of every provision of every diff.
pub fn for_each_word_key(text: &str, mut f: impl FnMut(u64)) {
    hash_words(text, true, &mut |key, _: &str| f(key));
}

/// Like [`for_each_word_key`], with each word's text as well (a slice of `text`, or its
/// NFKC form when it has characters to fold), for callers that read words (stemming).
pub fn for_each_word(text: &str, mut f: impl FnMut(u64, &str)) {
    hash_words(text, true, &mut f);
}

/// Whether NFKC may change a character met outside the fast paths: letters and digits with a
/// compatibility form (ligatures, full-width, superscripts, `ª º`) and combining diacritics
/// (an accent written apart). Only Latin, Greek and the blocks from U+1AB0 on have such
/// characters among letters; Cyrillic, Hebrew, Arabic and the scripts of India are read
/// without a table look-up.
fn folds(c: char, alphanumeric: bool) -> bool {
    let u = u32::from(c);
    // The combining diacritical blocks: the marks that compose with a letter before them.
    let combining = matches!(u, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F);
    !(0x400..0x1AB0).contains(&u)
        && (combining || alphanumeric)
        && unicode_normalization::is_nfkc_quick(std::iter::once(c))
            != unicode_normalization::IsNormalized::Yes
}

fn hash_words<F: FnMut(u64, &str)>(text: &str, fold_forms: bool, f: &mut F) {
    const SEED: u64 = 0x243F_6A88_85A3_08D3;
    // A word's last chunk has fewer than 8 bytes, so its top byte is 0 before this marker is
    // applied; full chunks never have a top byte of 0xFF (no word byte is 0xFF in UTF-8).
    const END: u64 = 0xFF00_0000_0000_0000;
    let mut h = SEED;
    let mut acc: u64 = 0;
    let mut n = 0u32;
    let mut in_word = false;
    // The current word has a character to fold: it is hashed again from its NFKC form.
    let mut fold_word = false;
    let push = |byte: u8, h: &mut u64, acc: &mut u64, n: &mut u32| {
        *acc |= u64::from(byte) << (8 * *n);
        *n += 1;
        if *n == 8 {
            *h = fold(*h, *acc);
            *acc = 0;
            *n = 0;
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at = i;
        let word_char = if b < 0x80 {
            let lower = ASCII_WORD[usize::from(b)];
            if lower != 0 {
                push(lower, &mut h, &mut acc, &mut n);
            }
            i += 1;
            lower != 0
        } else if b == 0xC3 && i + 1 < bytes.len() {
            // Latin-1 letters (U+00C0–U+00FF), the accents of most European law: lower-cased
            // by adding 0x20 to the second byte, without Unicode tables. × and ÷ are not
            // letters.
            let c2 = bytes[i + 1];
            i += 2;
            if c2 == 0x97 || c2 == 0xB7 {
                false
            } else {
                push(0xC3, &mut h, &mut acc, &mut n);
                let lower = if (0x80..=0x9E).contains(&c2) {
                    c2 + 0x20
                } else {
                    c2
                };
                push(lower, &mut h, &mut acc, &mut n);
                true
            }
        } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && i + 2 < bytes.len() {
            // U+2000–U+203F: spaces, dashes, quotes, bullets — never part of a word.
            i += 3;
            false
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            let alphanumeric = c.is_alphanumeric();
            if fold_forms && folds(c, alphanumeric) {
                fold_word = true;
                true
            } else if alphanumeric {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &byte in l.encode_utf8(&mut buf).as_bytes() {
                        push(byte, &mut h, &mut acc, &mut n);
                    }
                }
                true
            } else {
                false
            }
        };
        if word_char {
            if !in_word {
                start = at;
            }
            in_word = true;
        } else if in_word {
            finish(f, fold(h, acc ^ END), &text[start..at], fold_word);
            (h, acc, n, in_word, fold_word) = (SEED, 0, 0, false, false);
        }
    }
    if in_word {
        finish(f, fold(h, acc ^ END), &text[start..], fold_word);
    }
}

/// Hands a finished word to `f`; a word with characters to fold is read again in its NFKC
/// form (which may hold several words: `½` is `1⁄2`), once.
fn finish<F: FnMut(u64, &str)>(f: &mut F, key: u64, word: &str, fold_word: bool) {
    if fold_word {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = word.nfkc().collect();
        // A mark with no precomposed letter stays apart after NFKC: read as it is then.
        hash_words(&folded, false, f);
    } else {
        f(key, word);
    }
}

/// Returns the hash of a text's words (lower-cased runs of letters and digits): equal for
/// texts that differ only in case, punctuation and spacing.
pub fn words_key(text: &str) -> u64 {
    let mut key = 0x1319_8A2E_0370_7344;
    for_each_word_key(text, |w| key = fold(key, w));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of the text with the standard library's idea of letters and lower case
    /// applied first: the fast paths must neither lower-case nor split differently.
    fn slow_key(text: &str) -> u64 {
        let lowered: String = text
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .to_lowercase();
        words_key(&lowered)
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for text in [
            "Élection À KYIV: l’État, ÉTÉ — « Übergangsfrist » × ÷ ß ÿ Ÿ Œuvre",
            "Les infractions pénales sont classées, suivant leur gravité, en crimes.",
            "Статья 5. Сфера действия — «Закон»",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ",
        ] {
            assert_eq!(words_key(text), slow_key(text), "{text}");
        }
        assert_eq!(words_key("ÉLECTION"), words_key("élection"));
    }

    /// Typographic variants are the same words: ligatures, decomposed accents, full-width
    /// and superscript forms, Latin-1 ordinals.
    #[test]
    fn compatibility_forms_fold() {
        for (a, b) in [
            ("ﬁnal", "final"),
            ("e\u{301}lection", "élection"),
            ("ＮＡＴＯ", "NATO"),
            ("m²", "m2"),
            ("2.º", "2.o"),
            ("élection\u{a0}§ 5", "élection § 5"),
            ("q\u{307}uorum", "q\u{307}uorum"),
        ] {
            assert_eq!(words_key(a), words_key(b), "{a} / {b}");
        }
        assert_ne!(words_key("final"), words_key("finale"));
        assert_ne!(words_key("a×b"), words_key("ab"));
    }
}
