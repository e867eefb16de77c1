//! Scores drafttrail's alignment of the sample corpus against the hand-made gold beside this
//! file (`tests/gold/*.json`, described in its README). Shared by the accuracy example and
//! the integration test through `#[path]`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use drafttrail::align::{self, AlignOptions, Alignment, ChangeKind};

/// Tag names in the order of the tables.
pub const TAGS: [&str; 5] = ["quantity", "modality", "party", "date", "editorial"];

/// Link counts of one pair, or of all pairs added up.
#[derive(Default, Clone, Copy, Debug)]
pub struct LinkScore {
    /// Links found that are sure or possible.
    pub found_right: usize,
    /// Links found.
    pub found: usize,
    /// Sure links found.
    pub sure_found: usize,
    /// Sure links.
    pub sure: usize,
}

impl LinkScore {
    /// Precision against sure ∪ possible links.
    pub fn precision(&self) -> f64 {
        ratio(self.found_right, self.found)
    }
    /// Recall of sure links.
    pub fn recall(&self) -> f64 {
        ratio(self.sure_found, self.sure)
    }
    /// Harmonic mean of the two.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &LinkScore) {
        self.found_right += o.found_right;
        self.found += o.found;
        self.sure_found += o.sure_found;
        self.sure += o.sure;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Tag counts: per tag, (given by the engine and by the editor, given by the engine, given by
/// the editor), over the gold's changes that the engine linked the same way.
pub type TagScore = BTreeMap<&'static str, (usize, usize, usize)>;

/// The score of one pair.
pub struct PairScore {
    /// `old → new`, by version id.
    pub name: String,
    /// Links.
    pub links: LinkScore,
    /// Sure links missed and links found outside the gold, for the report.
    pub misses: Vec<String>,
    /// Changes whose tags differ from the gold's, for the report.
    pub tag_misses: Vec<String>,
    /// Tags.
    pub tags: TagScore,
}

/// Reads the sample drafts (`drafts/`) by version id (the slug of each label).
pub fn drafts(root: &Path) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(dir) = std::fs::read_dir(root.join("drafts")) else {
        return out;
    };
    for entry in dir.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md")
            && let Ok(d) = drafttrail::draft::read_file(&path)
            && let Some(label) = &d.meta.label
        {
            out.insert(drafttrail::draft::slug(label), d.body);
        }
    }
    out
}

/// Scores every gold file under `root/tests/gold` with `opts`; pairs in file-name order.
pub fn score(root: &Path, opts: &AlignOptions) -> Vec<PairScore> {
    let texts = drafts(root);
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let gold: serde_json::Value = match std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
        {
            Some(v) => v,
            None => panic!("{}: not a gold file", file.display()),
        };
        let name = |k: &str| gold[k].as_str().unwrap_or_default().to_owned();
        let (old, new) = (name("old"), name("new"));
        let (Some(a), Some(b)) = (texts.get(&old), texts.get(&new)) else {
            panic!("{}: unknown versions {old}, {new}", file.display());
        };
        let d = align::diff(a, b, opts);
        out.push(score_pair(&format!("{old} → {new}"), &gold, &d));
    }
    out
}

fn links_of(v: &serde_json::Value) -> HashSet<(String, String)> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| Some((l[0].as_str()?.to_owned(), l[1].as_str()?.to_owned())))
        .collect()
}

fn score_pair(name: &str, gold: &serde_json::Value, d: &Alignment) -> PairScore {
    let sure = links_of(&gold["sure"]);
    let possible = links_of(&gold["possible"]);
    let mut found = HashSet::new();
    for c in d
        .changes
        .iter()
        .filter(|c| !c.old.is_empty() && !c.new.is_empty())
    {
        for o in d.old_ids(c) {
            for n in d.new_ids(c) {
                found.insert((o.to_owned(), n.to_owned()));
            }
        }
    }
    let mut misses = Vec::new();
    for l in sure.difference(&found) {
        misses.push(format!("missed {} → {}", l.0, l.1));
    }
    for l in found
        .iter()
        .filter(|l| !sure.contains(*l) && !possible.contains(*l))
    {
        misses.push(format!("wrong {} → {}", l.0, l.1));
    }
    misses.sort();
    let links = LinkScore {
        found_right: found
            .iter()
            .filter(|l| sure.contains(*l) || possible.contains(*l))
            .count(),
        found: found.len(),
        sure_found: sure.intersection(&found).count(),
        sure: sure.len(),
    };
    let mut tags = TagScore::new();
    let mut tag_misses = Vec::new();
    let gold_tags = gold["tags"].as_object().cloned().unwrap_or_default();
    for c in d.changes.iter().filter(|c| {
        matches!(
            c.kind,
            ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
        )
    }) {
        let key = format!("{} → {}", d.old_ids(c).join(", "), d.new_ids(c).join(", "));
        let Some(expected) = gold_tags.get(&key) else {
            continue;
        };
        let expected: HashSet<&str> = expected
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        let given_all: Vec<&str> = c.tags.iter().map(|t| t.as_str()).collect();
        if given_all.iter().copied().collect::<HashSet<_>>() != expected {
            let mut want: Vec<&str> = expected.iter().copied().collect();
            want.sort_unstable();
            tag_misses.push(format!("tags {key}: {given_all:?}, gold {want:?}"));
        }
        for tag in TAGS {
            let given = c.tags.iter().any(|t| t.as_str() == tag);
            let want = expected.contains(tag);
            let e = tags.entry(tag).or_default();
            e.0 += usize::from(given && want);
            e.1 += usize::from(given);
            e.2 += usize::from(want);
        }
    }
    PairScore {
        name: name.to_owned(),
        links,
        misses,
        tag_misses,
        tags,
    }
}

/// All pairs' links added up.
pub fn total(scores: &[PairScore]) -> LinkScore {
    let mut t = LinkScore::default();
    for s in scores {
        t.add(&s.links);
    }
    t
}

/// All pairs' tags added up.
pub fn total_tags(scores: &[PairScore]) -> TagScore {
    let mut t = TagScore::new();
    for s in scores {
        for (tag, (a, b, c)) in &s.tags {
            let e = t.entry(tag).or_default();
            e.0 += a;
            e.1 += b;
            e.2 += c;
        }
    }
    t
}
