//! Numbering schemes and the keywords that name them (`Article`, `Section`, `§`, `Статья`):
//! what both a provision's line and a heading's line are read against.

/// The kinds of numbering marker, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Scheme {
    /// `Article 5`, `Art. 5`, `Artículo 5`, `Artikel 5`, `Статья 5`.
    Article,
    /// `§ 5`.
    Paragraph,
    /// `Section 5`, `SEC. 5.`.
    Section,
    /// `Point 5`, `Clause 5`, `Rule 5`, `Regulation 5`, `Paragraph 5`.
    Point,
    /// A Markdown heading carrying a bare number: `## 5. Title`.
    Heading,
    /// `5.`
    DecimalDot,
    /// `5)`
    DecimalParen,
    /// `V.`
    Roman,
    /// `5 Short title` (UK style): a number and a title, no punctuation.
    BareNumber,
    /// `(5)`
    ParenNumber,
}

impl Scheme {
    /// Keyword schemes: a word or sign names the unit, and body text may cite it.
    pub(super) fn is_keyword(self) -> bool {
        self <= Scheme::Point
    }
}

/// Provision keywords and their scheme, lower case. A keyword ending in `.` may be followed
/// directly by the number.
pub(super) const KEYWORDS: [(&str, Scheme); 33] = [
    ("article", Scheme::Article),
    ("art.", Scheme::Article),
    // `Art 1` without a full stop: the Grundgesetz as bundestag/gesetze publishes it.
    ("art", Scheme::Article),
    ("artículo", Scheme::Article),
    ("articulo", Scheme::Article),
    ("artigo", Scheme::Article),
    ("articolo", Scheme::Article),
    ("artikel", Scheme::Article),
    ("artykuł", Scheme::Article),
    ("статья", Scheme::Article),
    ("стаття", Scheme::Article),
    ("section", Scheme::Section),
    ("sec.", Scheme::Section),
    ("sect.", Scheme::Section),
    ("point", Scheme::Point),
    ("clause", Scheme::Point),
    ("rule", Scheme::Point),
    ("regulation", Scheme::Point),
    ("paragraph", Scheme::Point),
    ("item", Scheme::Point),
    ("punto", Scheme::Point),
    ("пункт", Scheme::Point),
    ("statja", Scheme::Article),
    ("articolul", Scheme::Article),
    ("článek", Scheme::Article),
    ("článok", Scheme::Article),
    ("čl.", Scheme::Article),
    ("член", Scheme::Article),
    ("članak", Scheme::Article),
    ("člen", Scheme::Article),
    ("član", Scheme::Article),
    // Spanish final provisions (`Disposición final primera`) are numbered beside the articles.
    ("disposición", Scheme::Article),
    ("disposicion", Scheme::Article),
];

/// Matches a provision keyword at the start of `rest`; returns its scheme and what follows.
pub(super) fn keyword(rest: &str) -> Option<(Scheme, &str)> {
    if let Some(after) = rest.strip_prefix('§') {
        return Some((Scheme::Paragraph, after));
    }
    let mut buf = [0u8; WORD_BUF];
    let (word, len) = lower_word(rest, &mut buf)?;
    let after = &rest[len..];
    let find = |w: &str| KEYWORDS.iter().find(|(kw, _)| *kw == w).map(|(_, s)| *s);
    // `Art.5`, `SEC. 2.`: keywords that end in a full stop.
    if let Some(tail) = after.strip_prefix('.')
        && word.len() < WORD_BUF
    {
        let mut dotted = [0u8; WORD_BUF + 1];
        dotted[..word.len()].copy_from_slice(word.as_bytes());
        dotted[word.len()] = b'.';
        if let Some(scheme) = std::str::from_utf8(&dotted[..=word.len()])
            .ok()
            .and_then(find)
        {
            return Some((scheme, tail));
        }
    }
    // A keyword is a whole word: `Article 5`, `Articles 5 to 7`; not `Articled`.
    if after.starts_with([' ', '\t']) {
        if let Some(scheme) = find(word) {
            return Some((scheme, after));
        }
        if let Some(singular) = word.strip_suffix('s')
            && let Some(scheme) = find(singular)
        {
            return Some((scheme, &rest[len - 1..]));
        }
    }
    None
}

/// Room for the longest keyword, lower-cased (Cyrillic letters take two bytes).
pub(super) const WORD_BUF: usize = 32;

/// The word `s` starts with (letters and inner hyphens), lower-cased into `buf` without
/// allocating; returns it and its length in `s`. `None` when `s` does not start with a letter
/// or the word is too long to be a keyword.
pub(super) fn lower_word<'b>(s: &str, buf: &'b mut [u8; WORD_BUF]) -> Option<(&'b str, usize)> {
    // ASCII words, the common case, without decoding characters.
    let ascii = s
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic() || *b == b'-')
        .count();
    if ascii > 0 && s.as_bytes().get(ascii).is_none_or(|b| *b < 0x80) && s.as_bytes()[0] != b'-' {
        let len = s[..ascii].trim_end_matches('-').len();
        if len > WORD_BUF {
            return None;
        }
        for (d, b) in buf.iter_mut().zip(s.as_bytes()[..len].iter()) {
            *d = b.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..len]).ok().map(|w| (w, len));
    }
    let mut n = 0;
    let mut len = 0;
    for (i, c) in s.char_indices() {
        if !(c.is_alphabetic() || (c == '-' && i > 0)) {
            break;
        }
        for l in c.to_lowercase() {
            let w = l.len_utf8();
            if n + w > WORD_BUF {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + w]);
            n += w;
        }
        len = i + c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    // A trailing hyphen belongs to the punctuation, not the word (`Teil -`).
    while s[..len].ends_with('-') {
        len -= 1;
        n -= 1;
    }
    std::str::from_utf8(&buf[..n]).ok().map(|w| (w, len))
}
