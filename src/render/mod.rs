//! Output: finished data in, text out through a writer. Nothing here computes or reads state.
//!
//! One file per format: [`term`] (plain or coloured terminal text), [`markdown`], [`json`]
//! (the stable wire schema). Each exposes one function per view taking the view's data, the
//! [`RenderOptions`] and a `&mut dyn Write`.

pub mod diff_md;
pub mod diff_term;
pub mod html;
pub mod json;
pub mod lineage_json;
pub mod lineage_md;
pub mod lineage_term;
pub mod markdown;
mod style;
pub mod term;
pub mod verify;

use std::io;

use crate::draft::{Dates, DraftMeta};

/// Output formats every view offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal text, coloured when [`RenderOptions::color`] is set.
    Term,
    /// Markdown.
    Markdown,
    /// JSON with a stable schema.
    Json,
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Emit ANSI colours (terminal format only). Default: off.
    pub color: bool,
    /// Print each styled piece as `<<label::text>>` instead of colouring it (terminal format
    /// only; the hidden `--color=debug`, for reviewing styles in tests). Default: off.
    pub labels: bool,
}

/// The result type of renderers.
pub type RenderResult = io::Result<()>;

/// Returns `date1 · date2`-style text for the known dates, e.g. `drafted 2025-10-26`.
pub(crate) fn dates_line(d: &Dates) -> String {
    [
        ("drafted", d.drafted),
        ("presented", d.presented),
        ("leaked", d.leaked),
        ("published", d.published),
    ]
    .iter()
    .filter_map(|(name, date)| date.map(|date| format!("{name} {date}")))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Returns the status/text-kind line, e.g. `reported · reconstructed (not verbatim)`.
pub(crate) fn status_line(meta: &DraftMeta) -> String {
    let mut parts = Vec::new();
    if let Some(s) = meta.status {
        parts.push(s.to_string());
    }
    if let Some(t) = meta.text {
        if t.is_not_verbatim() {
            parts.push(format!("{t} (not verbatim)"));
        } else {
            parts.push(t.to_string());
        }
    }
    parts.join(" · ")
}

/// Returns the one-line description of a claim, e.g.
/// `Steve Witkoff (US envoy) — drafted the plan [reported; Axios]`.
pub(crate) fn claim_line(c: &crate::draft::Claim) -> String {
    let mut s = c.who.clone();
    if let Some(role) = &c.role {
        s.push_str(&format!(" ({role})"));
    }
    let verb = match c.stance {
        crate::draft::Stance::Asserts => "",
        crate::draft::Stance::Denies => "DENIES: ",
    };
    s.push_str(&format!(" — {verb}{}", c.did));
    if !c.provisions.is_empty() {
        s.push_str(&format!(" (provisions {})", c.provisions.join(", ")));
    }
    let mut tail = Vec::new();
    if let Some(conf) = c.confidence {
        tail.push(conf.to_string());
    }
    if let Some(src) = &c.source {
        tail.push(src.clone());
    }
    if let Some(url) = &c.url {
        tail.push(url.clone());
    }
    if !tail.is_empty() {
        s.push_str(&format!(" [{}]", tail.join("; ")));
    }
    if let Some(q) = &c.quote {
        s.push_str(&format!(" “{q}”"));
    }
    s
}

/// Returns claim lines with each denial right after the claim it contradicts, prefixed
/// `↳ denied: ` (unmatched denials stand alone as `DENIES:` lines).
pub(crate) fn claim_lines(claims: &[crate::draft::Claim]) -> Vec<String> {
    let mut out = Vec::new();
    for group in crate::draft::pair_denials(claims) {
        out.push(claim_line(group.claim));
        for d in group.denials {
            let mut line = format!("↳ denied by {}", d.source.as_deref().unwrap_or("a source"));
            if let Some(q) = &d.quote {
                line.push_str(&format!(": “{q}”"));
            }
            if let Some(conf) = d.confidence {
                line.push_str(&format!(" [{conf}]"));
            }
            out.push(line);
        }
    }
    out
}

/// Returns `label [track]` plus `(not verbatim)` for paraphrases and reconstructions.
pub(crate) fn node_name(n: &crate::lineage::Node) -> String {
    let mut s = format!("{} [{}]", n.label(), n.track());
    if let Some(t) = n.meta.text.filter(|t| t.is_not_verbatim()) {
        s.push_str(&format!(" ({t}, not verbatim)"));
    }
    s
}

/// Returns the claims of a version that concern provision `id` there (or the whole version).
pub(crate) fn claims_for(n: &crate::lineage::Node, id: &str) -> Vec<crate::draft::Claim> {
    n.meta
        .claims
        .iter()
        .filter(|c| c.provisions.is_empty() || c.provisions.iter().any(|p| p == id))
        .cloned()
        .collect()
}

/// Returns the one-line description of a source: outlet, date, address.
pub(crate) fn source_line(s: &crate::draft::Source) -> String {
    let mut line = s.outlet.clone();
    if let Some(date) = s.date {
        line.push_str(&format!(", {date}"));
    }
    if let Some(url) = &s.url {
        line.push_str(&format!(" — {url}"));
    }
    if let Some(archived) = &s.archived {
        line.push_str(&format!(" (archived: {archived})"));
    }
    line
}

/// Says in words why a change links its sides, naming anchors by provision id:
/// `similar 0.62: nato, troops`, `context: between 6 → 6 and 8 → 8; shared: nato`.
pub fn why_phrase(a: &crate::align::Alignment, c: &crate::align::Change) -> Option<String> {
    use crate::align::Why;
    let pair =
        |p: &Option<(usize, usize)>| p.map(|(i, j)| format!("{} → {}", a.old[i].id, a.new[j].id));
    let shared = |w: &[String]| {
        if w.is_empty() {
            "no word in common".to_owned()
        } else {
            w.join(", ")
        }
    };
    Some(match c.why.as_ref()? {
        Why::Exact => "exact: the same text".to_owned(),
        Why::Editorial => "editorial: the same words".to_owned(),
        Why::Similar { shared: w } => {
            format!("similar {:.2}: {}", c.similarity, shared(w))
        }
        Why::Context {
            after,
            before,
            shared: w,
        } => {
            let between = match (pair(after), pair(before)) {
                (Some(x), Some(y)) => format!("between {x} and {y}"),
                (Some(x), None) => format!("after {x}, at the end"),
                (None, Some(y)) => format!("before {y}, at the start"),
                (None, None) => "alone on both sides".to_owned(),
            };
            format!(
                "context {:.2}: {between}; shared: {}",
                c.similarity,
                shared(w)
            )
        }
        Why::Split { coverage } => {
            format!("split: {:.0}% of its words in the pieces", coverage * 100.0)
        }
        Why::Merge { coverage } => {
            format!(
                "merge: {:.0}% of its words from the parts",
                coverage * 100.0
            )
        }
        Why::Containment { coverage } => format!(
            "containment: {:.0}% of the shorter side's words in the other",
            coverage * 100.0
        ),
        Why::Pin => "pin: a user's decision".to_owned(),
    })
}

/// One side of a diff as the views name it: a stored version or a plain file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiffSide {
    /// The version's full id (stored versions).
    pub rev: Option<String>,
    /// The file's path (`--no-index`).
    pub path: Option<String>,
    /// The version's label.
    pub label: Option<String>,
    /// The version's best-known date.
    pub date: Option<chrono::NaiveDate>,
    /// `false` when the text is a paraphrase or a reconstruction.
    pub verbatim: bool,
}

impl DiffSide {
    /// Returns the label, else the path, else the short id.
    pub fn name(&self) -> String {
        self.label
            .clone()
            .or_else(|| self.path.clone())
            .or_else(|| self.rev.as_ref().map(|r| r[..r.len().min(10)].to_owned()))
            .unwrap_or_default()
    }
}

/// Everything a diff view shows.
#[derive(Debug, Clone)]
pub struct DiffView<'a> {
    /// The old side.
    pub old: DiffSide,
    /// The new side.
    pub new: DiffSide,
    /// The alignment.
    pub alignment: &'a crate::align::Alignment,
    /// Hide unchanged provisions.
    pub changed_only: bool,
    /// Show only changes involving this provision id (old or new side).
    pub provision: Option<String>,
    /// Say why each pair was linked (terminal and Markdown; JSON always does).
    pub explain: bool,
    /// Hide unchanged provisions and editorial-only changes.
    pub substantive: bool,
}

impl DiffView<'_> {
    /// The place a change is shown under: its new side's, or its old side's for a removal.
    pub fn place_of(&self, c: &crate::align::Change) -> &[String] {
        let a = self.alignment;
        if c.new.is_empty() {
            a.old_place(c)
        } else {
            a.new_place(c)
        }
    }

    /// Where a change came from when it crossed places: the old place, from the first heading
    /// that differs (`None` when the place is the same or either side has none).
    pub fn moved_from<'v>(&'v self, c: &crate::align::Change) -> Option<&'v [String]> {
        let a = self.alignment;
        let (old, new) = (a.old_place(c), a.new_place(c));
        if old.is_empty() || new.is_empty() || old == new {
            return None;
        }
        let common = old.iter().zip(new).take_while(|(x, y)| x == y).count();
        Some(&old[common..])
    }

    /// Returns the changes the view shows.
    pub fn visible(&self) -> impl Iterator<Item = &crate::align::Change> {
        let a = self.alignment;
        a.changes.iter().filter(move |c| {
            let hide_same = self.changed_only || self.substantive;
            let editorial = c.tags == [crate::align::Tag::Editorial];
            (!hide_same || c.kind != crate::align::ChangeKind::Unchanged || c.renumbered || c.moved)
                && (!self.substantive || !editorial || c.renumbered || c.moved)
                && self.provision.as_ref().is_none_or(|p| {
                    a.old_ids(c).contains(&p.as_str()) || a.new_ids(c).contains(&p.as_str())
                })
        })
    }
}
