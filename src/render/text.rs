//! Words every format shares: one line per date list, status, claim, source, node name, and
//! why a change links its sides. Formats style or escape these lines; they never word them
//! again.

use crate::draft::{Dates, DraftMeta};

/// Returns `date1 · date2`-style text for the known dates, e.g. `drafted 2025-10-26`.
pub(crate) fn dates_line(d: &Dates) -> String {
    d.named()
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
fn claim_line(c: &crate::draft::Claim) -> String {
    let mut s = c.who.clone();
    if let Some(role) = &c.role {
        s.push_str(&format!(" ({role})"));
    }
    let verb = match c.stance {
        crate::draft::Stance::Asserts => "",
        crate::draft::Stance::Denies => "DENIES: ",
        crate::draft::Stance::Retracts => "RETRACTS: ",
    };
    s.push_str(&format!(" — {verb}{}", c.did));
    if !c.provisions.is_empty() {
        s.push_str(&format!(" (provisions {})", c.provisions.join(", ")));
    }
    let mut tail = Vec::new();
    if let Some(kind) = c.kind {
        tail.push(kind.as_str().replace('-', " "));
    }
    if let Some(date) = c.date {
        tail.push(date.to_string());
    }
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

/// How a version's text was extracted from its original file, in one line: `pdf-text by
/// pdf-extract 0.12 from original.pdf (SHA-256 1a2b3c4d5e6f…)`.
pub(crate) fn extraction_line(x: &crate::draft::Extraction) -> String {
    let mut s = format!("{} by {} from {}", x.method, x.tool, x.original);
    if let Some(enc) = &x.encoding {
        s.push_str(&format!(" in {enc}"));
    }
    if let Some(lang) = &x.ocr_lang {
        s.push_str(&format!(", OCR languages {lang}"));
    }
    if let Some(c) = x.ocr_confidence {
        s.push_str(&format!(", mean confidence {c:.1}"));
    }
    if let Some(state) = &x.changes {
        s.push_str(&format!(", tracked changes {state}"));
    }
    s.push_str(&format!(
        " (SHA-256 {}…)",
        x.sha256.get(..12).unwrap_or(&x.sha256)
    ));
    s
}

/// The original file's own metadata in one line, labelled as such: anyone can write it.
pub(crate) fn document_line(d: &crate::draft::DocumentMeta) -> String {
    let fields: Vec<String> = d
        .fields()
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    format!("{} (file metadata, not verified)", fields.join("; "))
}

/// One line of a version's claims: a claim, or a denial shown under the claim it contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ClaimLine {
    /// A claim (or a denial that matches no claim: `… — DENIES: …`).
    Claim(String),
    /// A denial of the claim above it: `↳ denied by Kremlin: “…” [confirmed]`.
    Denial(String),
}

impl ClaimLine {
    /// The line's text.
    pub(crate) fn text(&self) -> &str {
        match self {
            ClaimLine::Claim(t) | ClaimLine::Denial(t) => t,
        }
    }
}

/// Returns claim lines with each denial right after the claim it contradicts (unmatched
/// denials stand alone as `DENIES:` claims).
pub(crate) fn claim_lines(version: &str, claims: &[crate::draft::Claim]) -> Vec<ClaimLine> {
    use crate::draft::{Stance, claim_id};
    let mut out = Vec::new();
    for group in crate::draft::pair_denials(version, claims) {
        let mut line = format!(
            "{} {}",
            claim_id(version, group.claim),
            claim_line(group.claim)
        );
        if group.is_retracted() {
            line.push_str(" — RETRACTED");
        }
        out.push(ClaimLine::Claim(line));
        for d in group.denials {
            let verb = if d.stance == Stance::Retracts {
                "retracted"
            } else {
                "denied"
            };
            let mut line = format!(
                "↳ {} {verb} by {}",
                claim_id(version, d),
                d.source.as_deref().unwrap_or("a source")
            );
            if let Some(q) = &d.quote {
                line.push_str(&format!(": “{q}”"));
            }
            if let Some(conf) = d.confidence {
                line.push_str(&format!(" [{conf}]"));
            }
            out.push(ClaimLine::Denial(line));
        }
    }
    out
}

/// A provision's first words, to name it beside its number (`armed forces limited to…`):
/// at most about 48 characters, cut at a word.
pub(crate) fn provision_title(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() && out.chars().count() + word.chars().count() + 1 > 48 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Returns `label [track]` plus `(not verbatim)` for paraphrases and reconstructions.
pub(crate) fn node_name(n: &crate::lineage::Node) -> String {
    let mut s = format!("{} [{}]", n.label(), n.track());
    if let Some(t) = n.meta.not_verbatim() {
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
        Why::Placeholder => {
            "placeholder: the same number, one side marks it repealed or deleted".to_owned()
        }
        Why::Pin => "pin: a user's decision".to_owned(),
    })
}

/// What `verify` checked, counted: `27 objects, 5 refs, … lineage computed`.
pub(crate) fn verify_counts(r: &crate::verify::Report) -> String {
    let originals = match r.originals {
        0 => String::new(),
        n => format!(", {n} original files"),
    };
    format!(
        "{} objects, {} refs, {} versions ({} provisions), {} annotated versions, {} events, {} pins{originals}; lineage {}",
        r.objects,
        r.refs,
        r.versions,
        r.provisions,
        r.annotated,
        r.events,
        r.pins,
        if r.lineage {
            "computed"
        } else {
            "not computed"
        }
    )
}
