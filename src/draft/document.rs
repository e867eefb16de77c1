//! What a version knows of the file it was taken from, when that file was not a plain text
//! draft: how the text was extracted (`[extraction]`), the file's own metadata (`[document]`),
//! and the original bytes, kept beside the text in the version's tree.
//!
//! These are plain data: `ingest` fills them, the store writes them, views show them. File
//! metadata is evidence (an author field, a template name), never a verified claim.

use serde::{Deserialize, Serialize};

/// How a version's text was taken out of its original file (`[extraction]` in `draft.toml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extraction {
    /// How: `pdf-text`, `docx`, `odt`, `html`, `ocr` or `text` (a text file in another
    /// encoding than UTF-8).
    pub method: String,
    /// The program that extracted it, with its version (`pdf-extract 0.12`, `tesseract 5.3.0`).
    pub tool: String,
    /// The original's file name in the version's tree (`original.pdf`).
    pub original: String,
    /// SHA-256 of the original's bytes, in hex: what `verify` checks.
    pub sha256: String,
    /// The original's character encoding, for a text file that was not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The OCR languages (tesseract's codes, `rus+ukr+eng`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_lang: Option<String>,
    /// The OCR's mean word confidence, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f64>,
    /// For a file with tracked changes: which state the text is (`accepted` or `rejected`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<String>,
    /// Each normalisation applied to the extracted text, in order, with what it did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
}

/// The original file's own metadata (`[document]` in `draft.toml`): PDF Info, Word or
/// OpenDocument core properties, a web page's meta tags. Shown as file metadata: anyone can
/// write these fields, so they are leads, not facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// The title the file gives itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The author or creator field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who saved it last (Word's `lastModifiedBy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_by: Option<String>,
    /// The program that made the document (PDF Creator, Word's Application).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// The program that wrote the PDF (PDF Producer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
    /// The template the document was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The revision number the file records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// When the file says it was created, as it writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the file says it was last modified, as it writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
}

impl DocumentMeta {
    /// The fields that are set, as (name, value) pairs in a fixed order, for display.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("title", &self.title),
            ("author", &self.author),
            ("last modified by", &self.last_modified_by),
            ("creator", &self.creator),
            ("producer", &self.producer),
            ("template", &self.template),
            ("revision", &self.revision),
            ("created", &self.created),
            ("modified", &self.modified),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.as_deref().map(|v| (name, v)))
        .collect()
    }

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }
}

/// The original file of a version, kept byte for byte in its tree.
#[derive(Clone, PartialEq, Eq)]
pub struct Original {
    /// The name it is stored under (`original.pdf`).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Original {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Original({}, {} bytes)", self.name, self.bytes.len())
    }
}

/// What kind of record a claim is, when it is not a reported claim: one read off the file's
/// own revision marks or comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// An insertion or deletion tracked by a word processor, with its author and date.
    TrackedChange,
    /// A comment left in the file, with its author and date.
    Comment,
}

impl ClaimKind {
    /// The kind as written in `draft.toml` and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TrackedChange => "tracked-change",
            Self::Comment => "comment",
        }
    }
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
