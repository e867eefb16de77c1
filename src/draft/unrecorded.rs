//! What a draft says about a text that is already recorded, beyond its sources and claims.
//!
//! A body recorded once is one version: committing it again adds the draft's new sources and
//! claims to that version, and nothing else. Everything else the draft states differently
//! (label, track, parents, status, dates, …) is listed here so that the caller can say
//! exactly what was not recorded, instead of dropping it silently.

use std::fmt::Display;

use super::DraftMeta;

impl DraftMeta {
    /// The fields this draft states that differ from `recorded` (a version's metadata), each
    /// as `field "given" (recorded: "old")`. Fields the draft leaves out are not listed.
    pub fn unrecorded_against(&self, recorded: &DraftMeta) -> Vec<String> {
        let mut out = Vec::new();
        differs(&mut out, "label", &self.label, &recorded.label);
        differs(&mut out, "track", &self.track, &recorded.track);
        if !self.parent.is_empty() && self.parent != recorded.parent {
            out.push(format!(
                "parent {} (recorded: {})",
                quoted_list(&self.parent),
                quoted_list(&recorded.parent)
            ));
        }
        differs(&mut out, "status", &self.status, &recorded.status);
        differs(&mut out, "text", &self.text, &recorded.text);
        if !self.events.is_empty() && self.events != recorded.events {
            out.push(format!(
                "events {} (recorded: {})",
                quoted_list(&self.events),
                quoted_list(&recorded.events)
            ));
        }
        differs(&mut out, "lang", &self.lang, &recorded.lang);
        differs(&mut out, "note", &self.note, &recorded.note);
        for ((name, given), (_, old)) in self.dates.named().into_iter().zip(recorded.dates.named())
        {
            differs(&mut out, &format!("dates.{name}"), &given, &old);
        }
        // A document whose extracted text is already recorded: its file is not kept.
        if let Some(x) = &self.extraction
            && recorded.extraction.as_ref().map(|r| &r.sha256) != Some(&x.sha256)
        {
            let kept = match &recorded.extraction {
                Some(r) => format!("{} {}…", r.original, r.sha256.get(..12).unwrap_or("")),
                None => "none".to_owned(),
            };
            out.push(format!(
                "the original file {} {}… (recorded: {kept})",
                x.original,
                x.sha256.get(..12).unwrap_or("")
            ));
        }
        out
    }
}

fn differs<T: Display + PartialEq>(
    out: &mut Vec<String>,
    name: &str,
    given: &Option<T>,
    recorded: &Option<T>,
) {
    if let Some(g) = given
        && given != recorded
    {
        let old = match recorded {
            Some(r) => format!("\"{r}\""),
            None => "none".to_owned(),
        };
        out.push(format!("{name} \"{g}\" (recorded: {old})"));
    }
}

fn quoted_list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let quoted: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::draft::{DraftMeta, Status};

    #[test]
    fn only_stated_fields_that_differ_are_listed() {
        let recorded = DraftMeta {
            label: Some("Geneva draft".into()),
            track: Some("us".into()),
            status: Some(Status::Reported),
            ..DraftMeta::default()
        };
        let mut given = DraftMeta {
            label: Some("Geneva draft".into()),
            ..DraftMeta::default()
        };
        assert!(given.unrecorded_against(&recorded).is_empty());
        given.label = Some("Geneva v2".into());
        given.track = Some("eu".into());
        given.status = Some(Status::Verified);
        given.dates.leaked = chrono::NaiveDate::from_ymd_opt(2025, 11, 23);
        assert_eq!(
            given.unrecorded_against(&recorded),
            [
                "label \"Geneva v2\" (recorded: \"Geneva draft\")",
                "track \"eu\" (recorded: \"us\")",
                "status \"verified\" (recorded: \"reported\")",
                "dates.leaked \"2025-11-23\" (recorded: none)",
            ]
        );
    }
}
