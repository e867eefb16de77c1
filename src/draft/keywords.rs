//! The keyword values of front matter: status, text kind, stance, confidence.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Returns the keyword as written in front matter.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> std::result::Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("expected one of: {}", [$($text),+].join(", "))),
                }
            }
        }
    };
}

keyword_enum!(
    /// How well established a version's text is.
    Status {
        /// Confirmed by a principal or an official document.
        Verified = "verified",
        /// Reported by media.
        Reported = "reported",
        /// Reported by a single source only.
        SingleSource = "single-source",
        /// Reports conflict.
        Disputed = "disputed",
        /// Officially denied.
        Denied = "denied",
    }
);

keyword_enum!(
    /// What kind of text a version's body is.
    TextKind {
        /// The exact wording of the document.
        Verbatim = "verbatim",
        /// A translation of the document.
        Translation = "translation",
        /// A summary in other words; not the document's wording.
        Paraphrase = "paraphrase",
        /// Rebuilt from reported changes; not the document's wording.
        Reconstructed = "reconstructed",
    }
);

impl TextKind {
    /// Returns `true` when the body is not the document's own wording.
    pub fn is_not_verbatim(self) -> bool {
        matches!(self, TextKind::Paraphrase | TextKind::Reconstructed)
    }
}

keyword_enum!(
    /// Whether a claim asserts or denies something.
    Stance {
        /// The source says it happened.
        Asserts = "asserts",
        /// The source says it did not.
        Denies = "denies",
        /// The source withdraws a claim it reported.
        Retracts = "retracts",
    }
);

// The enum comes from `keyword_enum!`, whose derive list cannot take `Default` for one type.
#[allow(clippy::derivable_impls)]
impl Default for Stance {
    fn default() -> Self {
        Stance::Asserts
    }
}

impl Stance {
    pub(super) fn is_asserts(&self) -> bool {
        *self == Stance::Asserts
    }
}

keyword_enum!(
    /// How much of the document a version's text covers.
    Coverage {
        /// The whole document.
        Full = "full",
        /// Part of it (a reconstruction from reports, an excerpt): what it lacks is unknown,
        /// not removed.
        Partial = "partial",
    }
);

keyword_enum!(
    /// How sure a claim is.
    Confidence {
        /// Said on the record or officially.
        Confirmed = "confirmed",
        /// Reported by media.
        Reported = "reported",
        /// Alleged by one side.
        Alleged = "alleged",
        /// Contested by other sources.
        Disputed = "disputed",
    }
);
