//! Seeded generator of treaty-style documents and of new versions with known ground truth.
//! Shared by the accuracy harness and the benchmarks (included with `#[path]`).

#![allow(dead_code)]

/// A small deterministic PRNG (SplitMix64): reproducible across platforms and crate versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The Parties",
    "Each Contracting State",
    "The Commission",
    "The Secretariat",
    "Member States",
    "The Joint Committee",
    "The competent authorities",
    "The Monitoring Mission",
    "The Depositary",
    "The Government of Ukraine",
    "The Russian Federation",
    "The United States",
    "The Council",
];
const MODALS: &[&str] = &[
    "shall",
    "may",
    "will",
    "should",
    "undertake to",
    "are expected to",
];
const VERBS: &[&str] = &[
    "notify",
    "establish",
    "ensure",
    "adopt",
    "submit",
    "review",
    "withdraw",
    "guarantee",
    "monitor",
    "implement",
    "suspend",
    "restore",
    "publish",
    "coordinate",
    "verify",
    "finance",
];
const OBJECTS: &[&str] = &[
    "the register of prisoners",
    "a demilitarised zone along the line of contact",
    "the reconstruction fund",
    "measures for the protection of minorities",
    "the schedule for the withdrawal of forces",
    "a report on compliance",
    "the sanctions regime",
    "the supply of electricity from the plant",
    "the list of frozen assets",
    "the procedures for the exchange of detainees",
    "the arrangements for grain shipping",
    "the rules on religious tolerance",
    "the national budget for recovery",
    "the elections",
    "the investment vehicle",
    "the mandate of the observers",
    "arms control commitments",
    "security guarantees",
    "the ceasefire lines",
    "the return of displaced persons",
];
const QUALIFIERS: &[&str] = &[
    "within {n} days of the entry into force of this Agreement",
    "in accordance with Article {n}",
    "subject to paragraph {n}",
    "no later than {n} months after signature",
    "in consultation with the other Parties",
    "under the supervision of the International Atomic Energy Agency",
    "with a ceiling of {n},000 personnel",
    "on the basis of a joint assessment",
    "as soon as practicable",
    "for a period of {n} years",
];
const TOPICS: &[&str] = &[
    "Kherson",
    "Zaporizhzhia",
    "Donetsk",
    "Crimea",
    "Dnipro",
    "Black Sea",
    "Kinburn",
    "Odesa",
    "Kharkiv",
    "Sumy",
    "Arctic",
    "Geneva",
    "Vienna",
    "Istanbul",
    "Warsaw",
    "Helsinki",
    "Brussels",
    "customs",
    "pensions",
    "railways",
    "ports",
    "pipelines",
    "fisheries",
    "archives",
    "schools",
];
pub const FILLER: &[&str] = &[
    "promptly",
    "jointly",
    "fully",
    "all",
    "relevant",
    "national",
    "appropriate",
    "such",
    "further",
    "other",
    "necessary",
    "effective",
    "mutual",
    "respective",
    "international",
];

fn sentence(r: &mut Rng) -> String {
    let q = r
        .pick(QUALIFIERS)
        .replace("{n}", &(2 + r.below(400)).to_string());
    format!(
        "{} {} {} {} concerning {} and {}, {}.",
        r.pick(SUBJECTS),
        r.pick(MODALS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(TOPICS),
        r.pick(TOPICS),
        q
    )
}

/// A provision of one to four sentences.
pub fn provision(r: &mut Rng) -> String {
    let n = 1 + r.below(4);
    (0..n).map(|_| sentence(r)).collect::<Vec<_>>().join(" ")
}

/// Rewords a share `level` of the words: each chosen word is replaced, dropped, or gets a
/// filler inserted after it.
pub fn reword(r: &mut Rng, text: &str, level: f64) -> String {
    if level <= 0.0 {
        return text.to_owned();
    }
    let mut out: Vec<String> = Vec::new();
    for w in text.split(' ') {
        if r.chance(level) {
            match r.below(3) {
                0 => out.push(r.pick(FILLER).to_owned()),
                1 => {}
                _ => {
                    out.push(w.to_owned());
                    out.push(r.pick(FILLER).to_owned());
                }
            }
        } else {
            out.push(w.to_owned());
        }
    }
    if out.is_empty() {
        out.push(r.pick(FILLER).to_owned());
    }
    out.join(" ")
}

/// Renders provisions as a numbered document.
pub fn render(title: &str, provisions: &[String]) -> String {
    let mut s = format!("{title}\n\n");
    for (k, p) in provisions.iter().enumerate() {
        s.push_str(&format!("{}. {p}\n", k + 1));
    }
    s
}

/// Gives a provision the texture of real law: accented letters in about a third of its words
/// (`é`, `à`, `ü`, `ç`, as French and German codes have), and, when `cyrillic`, every Latin
/// letter written in Cyrillic (a Russian or Ukrainian text). Deterministic per word, so a word
/// keeps its spelling across versions.
pub fn texture(text: &str, cyrillic: bool) -> String {
    const CYR: [&str; 26] = [
        "а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м", "н", "о", "п", "к", "р",
        "с", "т", "у", "в", "в", "кс", "ы", "з",
    ];
    text.split_inclusive(' ')
        .map(|word| {
            let h = word
                .bytes()
                .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            word.chars()
                .map(|c| {
                    if cyrillic && c.is_ascii_alphabetic() {
                        let l = CYR[(c.to_ascii_lowercase() as u8 - b'a') as usize];
                        return if c.is_ascii_uppercase() {
                            l.to_uppercase()
                        } else {
                            l.to_owned()
                        };
                    }
                    match (h % 3, c) {
                        (0, 'e') => "é".to_owned(),
                        (0, 'a') => "à".to_owned(),
                        (0, 'u') => "ü".to_owned(),
                        (0, 'c') => "ç".to_owned(),
                        _ => c.to_string(),
                    }
                })
                .collect::<String>()
        })
        .collect()
}

/// Renders provisions as a code is published: YAML front matter, a title, `Livre` and
/// `Chapitre` headings (a chapter every eight articles), articles numbered `L{book}{chapter}-{n}`
/// alone on their line, and the text in `texture` (accented; Cyrillic when `cyrillic`). The
/// provisions keep their order; numbers follow from the position, as in a recodified code.
pub fn render_code(title: &str, provisions: &[String], cyrillic: bool) -> String {
    let mut s = format!("---\ntitle: \"{title}\"\n---\n# {title}\n\nPartie législative\n\n");
    for (k, p) in provisions.iter().enumerate() {
        let (book, chapter, n) = (1 + k / 32, 1 + (k / 8) % 4, 1 + k % 8);
        if k % 32 == 0 {
            s.push_str(&format!("Livre {book} : Dispositions du livre {book}\n\n"));
        }
        if k % 8 == 0 {
            s.push_str(&format!(
                "Chapitre {chapter} : Règles communes {book}.{chapter}\n\n"
            ));
        }
        // An article of several sentences is laid out as an introduction and sub-points
        // (`1° …`), as French codes do; the same text always gets the same layout.
        let sentences: Vec<&str> = p.split_inclusive(". ").collect();
        let body = if sentences.len() >= 3 {
            let points: Vec<String> = sentences[1..]
                .iter()
                .enumerate()
                .map(|(k, t)| format!("{}° {}", k + 1, t.trim()))
                .collect();
            format!("{}\n\n{}", sentences[0].trim(), points.join("\n\n"))
        } else {
            p.clone()
        };
        s.push_str(&format!(
            "Article L{book}{chapter}{n:02}-{n}\n\n{}\n\n",
            texture(&body, cyrillic)
        ));
    }
    s
}

/// Provisions of a code: mostly generated provisions, and every seventh a near-duplicate of
/// the code's boilerplate (`The provisions of Article 12 apply to Odesa …`), which real codes
/// repeat with only a number or a place changed.
pub fn code_provisions(r: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| {
            if k % 7 == 6 {
                format!(
                    "The provisions of Article {} apply to {} under the same conditions.",
                    1 + r.below(400),
                    r.pick(TOPICS)
                )
            } else {
                provision(r)
            }
        })
        .collect()
}

/// A mutation kind the generator applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mutation {
    Reword,
    Renumber,
    Move,
    Split,
    Merge,
    Add,
    Remove,
    /// Mutations combined in one pair, as real redrafts do: a provision replaced (removed, and
    /// an unrelated one added at its place), the first removed (every later number shifts), and
    /// a provision moved.
    Mixed,
    /// A few provisions rewritten almost completely (80% of their words) in a text otherwise
    /// left as it was: the links an editor draws first.
    Rewrite,
    /// A few provisions replaced by unrelated generated ones in their own slots (same number,
    /// nothing else shifts): the trap of the context pass, which must leave them removed and
    /// added.
    Replace,
}

pub const MUTATIONS: [Mutation; 10] = [
    Mutation::Reword,
    Mutation::Renumber,
    Mutation::Move,
    Mutation::Split,
    Mutation::Merge,
    Mutation::Add,
    Mutation::Remove,
    Mutation::Mixed,
    Mutation::Rewrite,
    Mutation::Replace,
];

/// A generated pair: old and new provisions, and the true links (old index, new index).
pub struct Pair {
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub links: Vec<(usize, usize)>,
    /// Links that belong to a split or merge.
    pub group_links: Vec<(usize, usize)>,
}

/// Builds a new version of `old` by `m` (applied `count` times), then rewords every provision
/// at `level`.
pub fn mutate(r: &mut Rng, old: &[String], m: Mutation, count: usize, level: f64) -> Pair {
    // Each entry: (text, old indexes it comes from, part of a group?).
    let mut items: Vec<(String, Vec<usize>, bool)> = old
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), vec![i], false))
        .collect();
    for _ in 0..count {
        let n = items.len();
        match m {
            Mutation::Reword => {}
            Mutation::Renumber => {
                if !items.is_empty() {
                    items.remove(0);
                }
            }
            Mutation::Move => {
                let from = r.below(n);
                let it = items.remove(from);
                let to = r.below(items.len() + 1);
                items.insert(to, it);
            }
            Mutation::Split => {
                let k = r.below(n);
                if items[k].2 {
                    continue;
                }
                let sentences: Vec<String> = items[k]
                    .0
                    .split_inclusive(". ")
                    .map(str::to_owned)
                    .collect();
                if sentences.len() < 2 {
                    // Too short to split: add a sentence so the split is meaningful.
                    let extra = format!("{} {}", items[k].0, sentence(r));
                    items[k].0 = extra;
                    continue;
                }
                let cut = 1 + r.below(sentences.len() - 1);
                let a = sentences[..cut].concat().trim().to_owned();
                let b = sentences[cut..].concat().trim().to_owned();
                let src = items[k].1.clone();
                items[k] = (a, src.clone(), true);
                items.insert(k + 1, (b, src, true));
            }
            Mutation::Merge => {
                if n < 2 {
                    continue;
                }
                let k = r.below(n - 1);
                if items[k].2 || items[k + 1].2 {
                    continue;
                }
                let b = items.remove(k + 1);
                let a = &mut items[k];
                a.0 = format!("{} {}", a.0, b.0);
                a.1.extend(b.1);
                a.2 = true;
            }
            Mutation::Add => {
                let at = r.below(n + 1);
                items.insert(at, (provision(r), vec![], false));
            }
            Mutation::Remove => {
                if n > 1 {
                    items.remove(r.below(n));
                }
            }
            Mutation::Rewrite => {
                let k = r.below(n);
                items[k].0 = reword(r, &items[k].0, 0.8);
            }
            Mutation::Replace => {
                let k = r.below(n);
                items[k] = (provision(r), vec![], false);
            }
            Mutation::Mixed => {
                if n < 3 {
                    continue;
                }
                let k = r.below(n);
                items[k] = (provision(r), vec![], false);
                items.remove(0);
                let from = r.below(items.len());
                let it = items.remove(from);
                let to = r.below(items.len() + 1);
                items.insert(to, it);
            }
        }
    }
    let mut links = Vec::new();
    let mut group_links = Vec::new();
    let mut new = Vec::new();
    for (j, (text, from, grouped)) in items.into_iter().enumerate() {
        new.push(reword(r, &text, level));
        for i in from {
            links.push((i, j));
            if grouped {
                group_links.push((i, j));
            }
        }
    }
    Pair {
        old: old.to_vec(),
        new,
        links,
        group_links,
    }
}

/// One realistic drafting step: a handful of provisions reworded (10% of their words), moved,
/// split, merged, added and removed; everything else untouched.
pub fn step(r: &mut Rng, prev: &[String], changes: usize) -> Vec<String> {
    let mut v = prev.to_vec();
    for _ in 0..changes {
        let n = v.len().max(1);
        match r.below(6) {
            0 | 1 => {
                let k = r.below(n);
                if let Some(t) = v.get(k).cloned() {
                    v[k] = reword(r, &t, 0.1);
                }
            }
            2 => {
                let p = mutate(r, &v, Mutation::Move, 1, 0.0);
                v = p.new;
            }
            3 => v = mutate(r, &v, Mutation::Split, 1, 0.0).new,
            4 => v = mutate(r, &v, Mutation::Add, 1, 0.0).new,
            _ => v = mutate(r, &v, Mutation::Remove, 1, 0.0).new,
        }
    }
    v
}

/// Writes `versions` drafts of `provisions` provisions each into `dir`, one [`step`] apart,
/// one leaked per day from 2020-01-01.
pub fn write_history(
    dir: &std::path::Path,
    versions: usize,
    provisions: usize,
    seed: u64,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut r = Rng::new(seed);
    let mut text: Vec<String> = (0..provisions).map(|_| provision(&mut r)).collect();
    for v in 0..versions {
        if v > 0 {
            text = step(&mut r, &text, 10);
        }
        write_draft(dir, &format!("v{v:03}"), v, "Code", &text)?;
    }
    Ok(())
}

/// 2020-01-01 plus `offset` days (months of 28 days: dates only need to be valid and ordered).
fn day(offset: usize) -> String {
    let (y, m, d) = (
        2020 + offset / (28 * 12),
        1 + (offset / 28) % 12,
        1 + offset % 28,
    );
    format!("{y:04}-{m:02}-{d:02}")
}

/// A pair of versions for diff benchmarks: `provisions` provisions, then 1% each moved, split,
/// merged, added and removed (at least 5), and 30% of provisions reworded at 10%.
pub fn bench_pair(provisions: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut r = Rng::new(seed);
    let old: Vec<String> = (0..provisions).map(|_| provision(&mut r)).collect();
    let n = (provisions / 100).max(5);
    let mut pair = mutate(&mut r, &old, Mutation::Move, n, 0.0);
    for m in [
        Mutation::Split,
        Mutation::Merge,
        Mutation::Add,
        Mutation::Remove,
    ] {
        pair = mutate(&mut r, &pair.new, m, n, 0.0);
    }
    let new = pair
        .new
        .iter()
        .map(|t| {
            if r.chance(0.3) {
                reword(&mut r, t, 0.1)
            } else {
                t.clone()
            }
        })
        .collect();
    (old, new)
}

/// Writes `versions` drafts of about `bytes` bytes, each one small edit (a rewording, an
/// added or a removed provision) after the previous.
pub fn write_small_history(
    dir: &std::path::Path,
    versions: usize,
    bytes: usize,
    seed: u64,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut r = Rng::new(seed);
    let mut text: Vec<String> = Vec::new();
    while text.iter().map(String::len).sum::<usize>() < bytes {
        text.push(provision(&mut r));
    }
    for v in 0..versions {
        if v > 0 {
            let k = r.below(text.len());
            text[k] = reword(&mut r, &text[k], 0.1);
        }
        write_draft(dir, &format!("s{v:03}"), v, "Agreement", &text)?;
    }
    Ok(())
}

/// Writes one draft file `LABEL.md`, leaked on day `v` of the generated calendar.
fn write_draft(
    dir: &std::path::Path,
    label: &str,
    v: usize,
    title: &str,
    text: &[String],
) -> std::io::Result<()> {
    let front = format!(
        "+++\nlabel = \"{label}\"\n[dates]\nleaked = {}\n+++\n",
        day(v)
    );
    std::fs::write(
        dir.join(format!("{label}.md")),
        front + &render(title, text),
    )
}
