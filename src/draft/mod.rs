//! Draft files: TOML front matter between `+++` lines, then the exact text of a version.
//!
//! [`read_file`] checks the bytes (not a directory, not binary, valid UTF-8), splits the front
//! matter from the body and deserialises the front matter into [`DraftMeta`]. The body is kept
//! byte for byte: line endings, trailing spaces and a missing final newline survive. Errors name
//! the file, the line and the field, so a user can fix a draft in one go.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

mod claims;
mod document;
mod file;
mod keywords;
mod unrecorded;

pub use claims::{ClaimWithDenials, claim_id, pair_denials};
pub use document::{ClaimKind, DocumentMeta, Extraction, Original, sha256_hex};
pub use file::{MAX_DRAFT_BYTES, check_text, read_bytes, read_stream};
pub use keywords::{Confidence, Coverage, Stance, Status, TextKind};

/// One draft version: its metadata and its exact text.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// What is known about the version.
    pub meta: DraftMeta,
    /// The text, byte for byte as in the file (front matter removed), or as extracted from
    /// a document.
    pub body: String,
    /// The file the text was extracted from, when it was not a text draft (kept in the
    /// version's tree; see [`DraftMeta::extraction`]).
    pub original: Option<Original>,
}

/// The metadata of a draft version, as written in its front matter.
///
/// Unknown fields are rejected so that a typo (`dats` for `dates`) is an error, not silently lost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    /// Human-readable name of the version, e.g. `28-point plan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The lineage branch it belongs to (default `main`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// Revisions it derives from (default: the track's tip).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub parent: Vec<String>,
    /// How well established the text is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// What kind of text the body is (verbatim, translation, paraphrase, reconstruction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextKind>,
    /// Ids of the events (talks, meetings) the version came out of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// The language of the text (`en`, `fr`, `de`, …): how its words are stemmed for
    /// matching. Detected from the text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// A free-text note on the version: what it is, how it was reconstructed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How much of the document the text covers; reconstructions default to `partial`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// The id of an earlier version whose text this one tables again (set when a text already
    /// recorded, and not the track's latest, is recorded under another label): a version of
    /// its own, with its own label, dates and sources, and the same text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retabled: Option<String>,
    /// The id of the version this one corrects (written by `drafttrail amend`): same text,
    /// corrected metadata. The corrected version stays in the store, shown as superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// The reported dates of the version.
    #[serde(default, skip_serializing_if = "Dates::is_empty")]
    pub dates: Dates,
    /// How the text was extracted from its original file (PDF, Word, web page, scan, or a
    /// text in another encoding); absent for a text draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extraction: Option<Extraction>,
    /// The original file's own metadata: evidence, not a claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentMeta>,
    /// Where the text comes from.
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Who reportedly did what.
    #[serde(default, rename = "claim", skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
}

/// The dates of a version; each is optional and has its own meaning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// When it was written, as reported.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub drafted: Option<NaiveDate>,
    /// When it was handed to a party.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub presented: Option<NaiveDate>,
    /// When it was first reported.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub leaked: Option<NaiveDate>,
    /// When the full text became public.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
}

impl Dates {
    /// Each kind of date with its name (`drafted`, `presented`, `leaked`, `published`), in
    /// that order, known or not.
    pub fn named(&self) -> [(&'static str, Option<NaiveDate>); 4] {
        [
            ("drafted", self.drafted),
            ("presented", self.presented),
            ("leaked", self.leaked),
            ("published", self.published),
        ]
    }

    /// Returns `true` when no date is known.
    pub fn is_empty(&self) -> bool {
        self.best().is_none()
    }

    /// Returns the best-known date: drafted, else presented, else leaked, else published.
    pub fn best(&self) -> Option<NaiveDate> {
        self.drafted
            .or(self.presented)
            .or(self.leaked)
            .or(self.published)
    }
}

/// A source of a version's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The outlet (newspaper, agency, official site).
    pub outlet: String,
    /// The article's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An archived copy's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<String>,
    /// The article's date.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl Source {
    /// Returns `true` when both name the same article (same outlet and address).
    pub fn same_as(&self, other: &Source) -> bool {
        self.outlet.eq_ignore_ascii_case(&other.outlet) && self.url == other.url
    }
}

/// A claim about who did what. A claim is never a fact: it is what a source reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The person or body the claim is about.
    pub who: String,
    /// Their role, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// What they reportedly did.
    pub did: String,
    /// Provision ids the claim is about (empty: the whole version).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<String>,
    /// Whether the source asserts or denies it.
    #[serde(default, skip_serializing_if = "Stance::is_asserts")]
    pub stance: Stance,
    /// How sure the reporting is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The outlet that reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The address of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A short quote backing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// For a denial or a retraction: the id of the claim it answers (see [`claim_id`]). A
    /// denial without it answers the claim of the same `who` and `did`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Set for a record read off the original file (a tracked change, a comment) rather than
    /// reported by a source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClaimKind>,
    /// When it was made, as the file records it (tracked changes and comments).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "date_opt")]
    pub date: Option<NaiveDate>,
}

impl Claim {
    /// Returns `true` when the claim says `who` shaped the text: drafted, wrote, negotiated,
    /// proposed or revised it, or pushed for part of it. Such claims count in "whose wording
    /// survived".
    pub fn is_contribution(&self) -> bool {
        if self.kind == Some(ClaimKind::TrackedChange) {
            return self.stance == Stance::Asserts;
        }
        let did = self.did.to_lowercase();
        self.stance == Stance::Asserts
            && [
                "draft", "wrote", "author", "negotiat", "pushed", "propos", "revis", "insert",
            ]
            .iter()
            .any(|stem| did.contains(stem))
    }

    /// Returns `true` when the claim asserts that `who` drafted or wrote the version.
    ///
    /// Such claims become the git author of the version's commit. Disputed claims and denials
    /// do not: the author line should not carry what the sources themselves contest.
    pub fn is_drafting(&self) -> bool {
        if self.stance != Stance::Asserts || self.confidence == Some(Confidence::Disputed) {
            return false;
        }
        let did = self.did.to_lowercase();
        ["drafted", "co-drafted", "wrote", "authored", "co-authored"]
            .iter()
            .any(|verb| {
                did.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w == *verb)
            })
    }
}

/// Returns the slug of a label: lower case, runs of other characters turned into one `-`.
///
/// ```
/// assert_eq!(drafttrail::draft::slug("28-point plan (US)"), "28-point-plan-us");
/// ```
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Reads and parses a draft file.
pub fn read_file(path: &Path) -> Result<Draft> {
    parse(path, &read_bytes(path)?)
}

/// Parses a draft from its bytes; `path` is used in error messages only.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Draft> {
    let text = check_text(path, bytes)?;
    let (front, body) = split_front_matter(path, text)?;
    let meta = match front {
        Some(front) => parse_meta(path, front, 2)?,
        None => DraftMeta::default(),
    };
    if body.trim().is_empty() {
        return Err(Error::EmptyBody {
            path: path.to_owned(),
        });
    }
    Ok(Draft {
        meta,
        body: body.to_owned(),
        original: None,
    })
}

/// Splits `+++` front matter from the body.
fn split_front_matter<'a>(path: &Path, text: &'a str) -> Result<(Option<&'a str>, &'a str)> {
    let Some(rest) = strip_fence(text) else {
        return Ok((None, text));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((Some(&rest[..offset]), &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(Error::FrontMatter {
        path: path.to_owned(),
        line: 1,
        msg: "front matter opened with `+++` is never closed (add a `+++` line after it)".into(),
    })
}

/// Returns what follows an opening `+++` line, if the text starts with one.
fn strip_fence(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("+++")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// Parses front-matter TOML; `first_line` is the file line where `front` starts.
pub fn parse_meta(path: &Path, front: &str, first_line: usize) -> Result<DraftMeta> {
    let meta: DraftMeta =
        toml::from_str(front).map_err(|e| toml_error(path, front, first_line, &e))?;
    if let Some(lang) = &meta.lang
        && let Err(e) = lang.parse::<crate::lang::Lang>()
    {
        let line = front
            .lines()
            .position(|l| l.trim_start().starts_with("lang"))
            .map_or(first_line, |k| first_line + k);
        return Err(Error::FrontMatter {
            path: path.to_owned(),
            line,
            msg: format!("`lang`: {e}"),
        });
    }
    Ok(meta)
}

impl DraftMeta {
    /// Whether the text is the document's own wording: not a paraphrase or a reconstruction.
    /// A text of unknown kind counts as verbatim.
    pub fn verbatim(&self) -> bool {
        self.not_verbatim().is_none()
    }

    /// The text's kind when it is not the document's own wording (a paraphrase, a
    /// reconstruction): what every view warns about.
    pub fn not_verbatim(&self) -> Option<TextKind> {
        self.text.filter(|t| t.is_not_verbatim())
    }

    /// Whether the text covers only part of the document (`coverage = "partial"`, or a
    /// reconstruction that does not say): provisions it lacks are unknown, not removed.
    pub fn is_partial(&self) -> bool {
        match self.coverage {
            Some(c) => c == Coverage::Partial,
            None => self.text == Some(TextKind::Reconstructed),
        }
    }

    /// The language named in the front matter, if any (checked when the front matter is read).
    pub fn language(&self) -> Option<crate::lang::Lang> {
        self.lang.as_deref().and_then(|l| l.parse().ok())
    }
}

/// Turns a TOML error into an [`Error::FrontMatter`] naming the line and the field.
pub(crate) fn toml_error(path: &Path, src: &str, first_line: usize, e: &toml::de::Error) -> Error {
    let start = e.span().map_or(0, |s| s.start.min(src.len()));
    let line_idx = src[..start].matches('\n').count();
    let line_text = src.lines().nth(line_idx).unwrap_or("");
    let field = line_text
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && !k.starts_with('[') && !k.starts_with('#'));
    let message = e.message().trim_end_matches('\n').replace('\n', "; ");
    let msg = match field {
        Some(field) if !message.contains(&format!("`{field}`")) => {
            format!("field `{field}`: {message}")
        }
        _ => message,
    };
    Error::FrontMatter {
        path: path.to_owned(),
        line: first_line + line_idx,
        msg,
    }
}

impl DraftMeta {
    /// Serialises the metadata as TOML (the `draft.toml` stored with each version). An error
    /// here must stop the write: storing an empty `draft.toml` would lose the metadata.
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string(self).map_err(|e| Error::store("serialising metadata", e.to_string()))
    }

    /// Returns the names of the people claimed to have drafted the version, in claim order.
    pub fn drafters(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for c in self.claims.iter().filter(|c| c.is_drafting()) {
            if !names.contains(&c.who.as_str()) {
                names.push(&c.who);
            }
        }
        names
    }
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    match OneOrMany::deserialize(d) {
        Ok(OneOrMany::One(s)) => Ok(vec![s]),
        Ok(OneOrMany::Many(v)) => Ok(v),
        Err(_) => Err(serde::de::Error::custom(
            "expected a revision or a list of revisions",
        )),
    }
}

/// (De)serialises an optional date from a TOML date (`2025-11-20`) or a string (`"2025-11-20"`).
pub(crate) mod date_opt {
    use super::*;

    // Written as a string so the same value serialises cleanly to TOML and JSON alike.
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        use serde::de::Error as _;
        let text = match toml::Value::deserialize(d)? {
            toml::Value::Datetime(dt) => match (dt.date, dt.time) {
                (Some(date), _) => {
                    return NaiveDate::from_ymd_opt(
                        i32::from(date.year),
                        u32::from(date.month),
                        u32::from(date.day),
                    )
                    .map(Some)
                    .ok_or_else(|| D::Error::custom(format!("invalid date `{dt}`")));
                }
                (None, _) => dt.to_string(),
            },
            toml::Value::String(s) => s,
            other => {
                return Err(D::Error::custom(format!(
                    "expected a date, found `{other}`"
                )));
            }
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| D::Error::custom(format!("invalid date `{text}`, expected YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Draft> {
        parse(Path::new("d.md"), text.as_bytes())
    }

    #[test]
    fn body_is_kept_byte_for_byte() {
        let body = "Préambule  \r\n1. Première\r\n2. Zweite ✓ ";
        let d = p(&format!("+++\r\nlabel = \"x\"\r\n+++\r\n{body}")).expect("valid draft");
        assert_eq!(d.body, body);
        assert_eq!(d.meta.label.as_deref(), Some("x"));
    }

    #[test]
    fn no_front_matter_means_whole_file_is_body() {
        let d = p("1. One\n").expect("valid draft");
        assert_eq!(d.body, "1. One\n");
        assert_eq!(d.meta, DraftMeta::default());
    }

    #[test]
    fn parses_every_field() {
        let d = p(r#"+++
label = "28-point plan"
track = "us"
parent = ["a", "b"]
status = "single-source"
text = "reconstructed"
events = ["miami"]
[dates]
drafted = 2025-10-26
leaked = "2025-11-19"
[[source]]
outlet = "Axios"
url = "https://example.org/a"
date = 2025-11-20
[[claim]]
who = "Steve Witkoff"
did = "drafted the plan"
confidence = "reported"
stance = "asserts"
+++
1. x
"#)
        .expect("valid draft");
        let m = d.meta;
        assert_eq!(m.parent, vec!["a", "b"]);
        assert_eq!(m.status, Some(Status::SingleSource));
        assert_eq!(m.dates.best(), NaiveDate::from_ymd_opt(2025, 10, 26));
        assert_eq!(m.dates.leaked, NaiveDate::from_ymd_opt(2025, 11, 19));
        assert_eq!(m.drafters(), vec!["Steve Witkoff"]);
        let again: DraftMeta =
            toml::from_str(&m.to_toml().expect("serialises")).expect("round trip");
        assert_eq!(again, m);
    }

    #[test]
    fn errors_name_line_and_field() {
        let e = p("+++\nlabel = \"x\"\nstatus = \"rumour\"\n+++\nbody").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("d.md:3: "), "{msg}");
        assert!(msg.contains("status"), "{msg}");

        let e = p("+++\nlabel = \"x\"\ncolour = 1\n+++\nbody").unwrap_err();
        assert!(
            e.to_string().contains("d.md:3:") && e.to_string().contains("colour"),
            "{e}"
        );

        let e = p("+++\n[dates]\ndrafted = \"2025-13-01\"\n+++\nbody").unwrap_err();
        assert!(
            e.to_string().contains("d.md:3:") && e.to_string().contains("drafted"),
            "{e}"
        );

        let e = p("+++\nlabel = \"x\nbody").unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");

        let e = p("+++\nlabel = = 1\n+++\nbody").unwrap_err();
        assert!(e.to_string().starts_with("d.md:2:"), "{e}");
    }

    #[test]
    fn rejects_empty_binary_and_invalid_utf8() {
        assert!(matches!(
            p("+++\nlabel='x'\n+++\n \n"),
            Err(Error::EmptyBody { .. })
        ));
        assert!(matches!(
            parse(Path::new("b"), b"ab\0cd"),
            Err(Error::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            parse(Path::new("b"), b"ok\n\xff"),
            Err(Error::InvalidUtf8 {
                line: 2,
                offset: 3,
                ..
            })
        ));
    }

    #[test]
    fn drafting_claims_exclude_denials_and_disputes() {
        let mut c = Claim {
            who: "A".into(),
            did: "co-drafted the annex".into(),
            ..Claim::default()
        };
        assert!(c.is_drafting());
        c.confidence = Some(Confidence::Disputed);
        assert!(!c.is_drafting());
        c.confidence = None;
        c.stance = Stance::Denies;
        assert!(!c.is_drafting());
        c.stance = Stance::Asserts;
        c.did = "delivered the draft".into();
        assert!(!c.is_drafting());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("E3 counter-proposal"), "e3-counter-proposal");
        assert_eq!(slug("  20-point framework!! "), "20-point-framework");
    }
}
