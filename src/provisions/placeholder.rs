//! Placeholders: what a code prints in place of a provision it repealed or a committee
//! deleted, so that the numbers after it keep their places (`§ 48 (weggefallen)`,
//! `Disposición final primera. (suprimida)`, `SEC. 5. [RESERVED].`).
//!
//! Every placeholder of a document has the same text, so the aligner cannot tell them apart by
//! their words: it pairs them by number, and pairs a provision with the placeholder that
//! replaced it under its own number (see `align::assign`).

use super::Provision;

/// The words a placeholder is made of, lower-cased, in the languages the parser reads.
const WORDS: [&str; 38] = [
    // German
    "weggefallen",
    "aufgehoben",
    "entfallen",
    // French
    "abrogé",
    "abrogée",
    "abrogés",
    "abrogées",
    "supprimé",
    "supprimée",
    "supprimés",
    "supprimées",
    // Spanish
    "suprimido",
    "suprimida",
    "suprimidos",
    "suprimidas",
    "derogado",
    "derogada",
    "contenido",
    // English
    "repealed",
    "deleted",
    "reserved",
    "omitted",
    "revoked",
    // Italian
    "abrogato",
    "abrogata",
    "soppresso",
    "soppressa",
    // Portuguese
    "revogado",
    "revogada",
    // Dutch
    "vervallen",
    // Polish
    "uchylony",
    "uchylona",
    // Russian, Ukrainian
    "утратил",
    "утратила",
    "исключена",
    "исключен",
    "виключено",
    "втратив",
];

/// Words that join a placeholder's word (`sin contenido`, `утратил силу`) but are not one.
const JOINERS: [&str; 3] = ["sin", "силу", "чинність"];

/// Longest placeholder, in words (`утратил силу`, `sin contenido`).
const MAX_WORDS: usize = 3;

/// Whether `text` is only a placeholder: one to three words of repeal or deletion, whatever
/// brackets and punctuation surround them (`(weggefallen)`, `[Reserved].`).
fn is_placeholder(text: &str) -> bool {
    let (mut n, mut core) = (0, false);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        n += 1;
        let word = word.to_lowercase();
        if n > MAX_WORDS {
            return false;
        }
        if WORDS.contains(&word.as_str()) {
            core = true;
        } else if !JOINERS.contains(&word.as_str()) {
            return false;
        }
    }
    core
}

impl Provision {
    /// Whether this provision is only the placeholder of a repealed or deleted one: one to
    /// three words of repeal or deletion (`(weggefallen)`, `(suprimida)`, `[Reserved].`).
    pub fn is_placeholder(&self) -> bool {
        // A placeholder is a few words: longer texts are not read.
        self.text.len() <= 64 && is_placeholder(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_are_the_words_of_repeal_alone() {
        for text in [
            "(weggefallen)\n\n-",
            "(suprimida)",
            "[RESERVED].",
            "Repealed.",
            "(Abrogé)",
            "Sin contenido.",
            "Утратила силу.",
        ] {
            assert!(is_placeholder(text), "{text:?}");
        }
        for text in [
            "",
            "-",
            "Deleted by the committee on 3 May.",
            "The guarantee is repealed.",
            "(1) Der Bund gewährt.",
            "sin",
        ] {
            assert!(!is_placeholder(text), "{text:?}");
        }
    }
}
