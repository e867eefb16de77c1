//! Languages for matching words across versions: which language a text is in, its stop
//! words, and its stemmer.
//!
//! The aligner compares provisions by their words; two wordings of one provision rarely use
//! the same inflections (`territories` / `territorial`, `reconstruction` / `reconstructed`),
//! and share function words with every other provision (`the`, `of`, `will`). So it matches
//! on stems (Snowball, through `rust-stemmers`) and leaves stop words out of the scores. The
//! language comes from the caller (`--lang`, front matter `lang`) or is detected per document
//! from its stop words. Nothing here changes what is stored or shown: it only decides which
//! words count as the same for matching.

use std::str::FromStr;

use rust_stemmers::{Algorithm, Stemmer};

/// A language drafttrail stems and knows the stop words of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    English,
    /// French.
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Russian.
    Russian,
    /// Ukrainian: stemmed with the Russian stemmer (Snowball has none for Ukrainian; the
    /// two share most noun and verb endings), with Ukrainian stop words.
    Ukrainian,
}

/// Every language, in the order detection tries them.
pub const ALL: [Lang; 9] = [
    Lang::English,
    Lang::French,
    Lang::German,
    Lang::Spanish,
    Lang::Italian,
    Lang::Portuguese,
    Lang::Dutch,
    Lang::Russian,
    Lang::Ukrainian,
];

impl Lang {
    /// Whether the language writes every noun with a capital (German): capitals then do
    /// not mark names.
    pub fn capitalises_nouns(self) -> bool {
        self == Lang::German
    }

    /// The ISO 639-1 code (`en`, `fr`, …).
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::French => "fr",
            Lang::German => "de",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Portuguese => "pt",
            Lang::Dutch => "nl",
            Lang::Russian => "ru",
            Lang::Ukrainian => "uk",
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Lang::English => Algorithm::English,
            Lang::French => Algorithm::French,
            Lang::German => Algorithm::German,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Italian => Algorithm::Italian,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Dutch => Algorithm::Dutch,
            Lang::Russian | Lang::Ukrainian => Algorithm::Russian,
        }
    }

    /// The language's stop words: articles, pronouns, prepositions, conjunctions, auxiliary
    /// and modal verbs — the words every provision has.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Lang::English => EN,
            Lang::French => FR,
            Lang::German => DE,
            Lang::Spanish => ES,
            Lang::Italian => IT,
            Lang::Portuguese => PT,
            Lang::Dutch => NL,
            Lang::Russian => RU,
            Lang::Ukrainian => UK,
        }
    }

    /// Detects the language of a text from its stop words (the one whose stop words are most
    /// of the text's words); `None` when no language has stop words in at least one word in
    /// twelve (a list of names or numbers, or a language drafttrail does not know).
    pub fn detect(text: &str) -> Option<Lang> {
        let mut hits = [0usize; ALL.len()];
        let mut total = 0usize;
        let mut ukrainian_letters = false;
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(DETECT_WORDS)
        {
            total += 1;
            // Stop words are short: longer words cannot be one (and cost no allocation).
            if word.chars().count() > MAX_STOP_CHARS {
                continue;
            }
            let lower = word.to_lowercase();
            ukrainian_letters |= lower.contains(['і', 'ї', 'є', 'ґ']);
            for (k, lang) in ALL.iter().enumerate() {
                if lang.stop_words().binary_search(&lower.as_str()).is_ok() {
                    hits[k] += 1;
                }
            }
        }
        let (best, &n) = hits
            .iter()
            .enumerate()
            .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
        if n == 0 || n * 12 < total {
            return None;
        }
        Some(match ALL[best] {
            Lang::Russian | Lang::Ukrainian if ukrainian_letters => Lang::Ukrainian,
            Lang::Ukrainian => Lang::Russian,
            other => other,
        })
    }
}

/// Words read to detect a language.
const DETECT_WORDS: usize = 400;

/// Longest stop word of any list, in characters.
const MAX_STOP_CHARS: usize = 9;

/// Error for an unknown language name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = ALL.iter().map(|l| l.code()).collect();
        write!(
            f,
            "unknown language `{}` (known: {})",
            self.0,
            codes.join(", ")
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads an ISO 639-1 code or an English name, in any case: `fr`, `French`, `de-DE`.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let lower = s.trim().to_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or_default();
        ALL.iter()
            .copied()
            .find(|l| l.code() == primary || format!("{l:?}").eq_ignore_ascii_case(lower.as_str()))
            .ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

/// Normalises words for matching in one language: lower case, stop words out, stems.
pub struct Normaliser {
    stemmer: Option<Stemmer>,
    stops: &'static [&'static str],
}

impl Normaliser {
    /// A normaliser for `lang`; without a language, words are only lower-cased.
    pub fn new(lang: Option<Lang>) -> Normaliser {
        Normaliser {
            stemmer: lang.map(|l| Stemmer::create(l.algorithm())),
            stops: lang.map_or(&[], Lang::stop_words),
        }
    }

    /// The form a word is matched by (`None` for a stop word): lower-cased, then stemmed.
    /// Numbers are kept whole.
    pub fn stem(&self, word: &str) -> Option<String> {
        self.stem_lower(&word.to_lowercase())
    }

    /// Like [`Normaliser::stem`] for a word already lower-cased.
    pub fn stem_lower(&self, lower: &str) -> Option<String> {
        if self.stops.binary_search(&lower).is_ok() {
            return None;
        }
        match &self.stemmer {
            Some(s) if !lower.starts_with(|c: char| c.is_ascii_digit()) => {
                Some(s.stem(lower).into_owned())
            }
            _ => Some(lower.to_owned()),
        }
    }
}

// Stop-word lists, sorted (binary search): function words of each language, written for
// drafttrail. Modal verbs are stop words for matching only; the tagger reads them apart.
const EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "do", "does", "each",
    "either", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is",
    "it", "its", "may", "might", "must", "neither", "no", "nor", "not", "of", "on", "once", "or",
    "other", "our", "shall", "she", "should", "so", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "under", "until", "upon",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "will", "with", "within", "without", "would",
];
const FR: &[&str] = &[
    "a",
    "afin",
    "au",
    "aux",
    "avec",
    "ce",
    "ces",
    "cet",
    "cette",
    "dans",
    "de",
    "des",
    "doit",
    "doivent",
    "du",
    "elle",
    "elles",
    "en",
    "entre",
    "est",
    "et",
    "il",
    "ils",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lorsque",
    "mais",
    "ne",
    "ni",
    "notamment",
    "ou",
    "où",
    "par",
    "pas",
    "peut",
    "peuvent",
    "pour",
    "qu",
    "que",
    "qui",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "son",
    "sont",
    "sous",
    "sur",
    "un",
    "une",
    "y",
    "à",
    "été",
    "être",
];
const DE: &[&str] = &[
    "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
    "des", "die", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "es", "für", "hat",
    "ihre", "im", "in", "ist", "kann", "mit", "muss", "nach", "nicht", "noch", "oder", "sein",
    "sich", "sie", "sind", "so", "soll", "um", "und", "unter", "von", "vor", "wenn", "werden",
    "wird", "zu", "zum", "zur", "über",
];
const ES: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "el", "en", "entre", "es", "esta", "este", "la", "las",
    "lo", "los", "no", "o", "para", "pero", "por", "que", "se", "ser", "si", "sin", "sobre", "su",
    "sus", "un", "una", "y",
];
const IT: &[&str] = &[
    "a", "al", "alla", "alle", "che", "con", "da", "dal", "dalla", "dei", "del", "della", "delle",
    "di", "e", "gli", "i", "il", "in", "la", "le", "lo", "nel", "nella", "non", "o", "per", "si",
    "sono", "su", "sua", "un", "una",
];
const PT: &[&str] = &[
    "a", "ao", "aos", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "entre", "na", "nas",
    "no", "nos", "não", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "sem", "ser",
    "seu", "sua", "um", "uma",
];
const NL: &[&str] = &[
    "aan", "als", "bij", "dat", "de", "die", "dit", "door", "een", "en", "het", "in", "is", "met",
    "naar", "niet", "of", "om", "op", "over", "te", "tot", "uit", "van", "voor", "wordt", "zijn",
];
const RU: &[&str] = &[
    "а",
    "без",
    "в",
    "во",
    "для",
    "до",
    "его",
    "же",
    "за",
    "и",
    "из",
    "или",
    "их",
    "к",
    "как",
    "на",
    "не",
    "ни",
    "о",
    "об",
    "от",
    "по",
    "при",
    "с",
    "со",
    "также",
    "то",
    "у",
    "что",
    "это",
];
const UK: &[&str] = &[
    "а",
    "або",
    "в",
    "від",
    "для",
    "до",
    "з",
    "за",
    "й",
    "на",
    "не",
    "ні",
    "по",
    "при",
    "та",
    "також",
    "у",
    "це",
    "через",
    "що",
    "як",
    "і",
    "із",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_word_lists_are_sorted_for_binary_search() {
        for lang in ALL {
            let words = lang.stop_words();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{lang:?}");
        }
    }

    #[test]
    fn languages_are_detected_from_their_stop_words() {
        let cases = [
            (
                "The Parties shall notify the Secretariat of the measures within thirty days.",
                Some(Lang::English),
            ),
            (
                "Les infractions pénales sont classées, suivant leur gravité, en crimes et délits.",
                Some(Lang::French),
            ),
            (
                "Die Strafe wird nach dem Gesetz bestimmt, das zur Zeit der Tat gilt.",
                Some(Lang::German),
            ),
            (
                "El presente acuerdo entra en vigor en la fecha de su firma por las partes.",
                Some(Lang::Spanish),
            ),
            (
                "Настоящий закон вступает в силу со дня его официального опубликования.",
                Some(Lang::Russian),
            ),
            (
                "Цей закон набирає чинності з дня його опублікування та діє до виборів.",
                Some(Lang::Ukrainian),
            ),
            ("Kherson Odesa Sumy 2025 600,000", None),
        ];
        for (text, lang) in cases {
            assert_eq!(Lang::detect(text), lang, "{text}");
        }
    }

    #[test]
    fn names_and_codes_parse() {
        assert_eq!("fr".parse(), Ok(Lang::French));
        assert_eq!("de-DE".parse(), Ok(Lang::German));
        assert_eq!("English".parse(), Ok(Lang::English));
        assert!("klingon".parse::<Lang>().is_err());
    }

    #[test]
    fn stems_join_inflections_and_stop_words_leave() {
        let n = Normaliser::new(Some(Lang::English));
        assert_eq!(n.stem("Territories"), n.stem("territorial"));
        assert_eq!(n.stem("reconstruction"), n.stem("reconstructed"));
        assert_eq!(n.stem("the"), None);
        assert_eq!(n.stem("600"), Some("600".to_owned()));
        let fr = Normaliser::new(Some(Lang::French));
        assert_eq!(fr.stem("infractions"), fr.stem("infraction"));
    }
}
