//! Labels a new version may take: each must stay reachable by name. A revision is read as a
//! commit id, then a track, then a label, then a slug, then an id prefix, with `~N` walking
//! back (see `revision`), so a label that is a track's name, looks like an id, holds `~` or
//! spans lines would name something else, or nothing.

use crate::error::{Error, Result};

/// Checks `label` for a new version on `track`, given the store's track names and the labels
/// of its versions. A track that is new must not be an existing label either.
pub(super) fn check_label<'a>(
    label: &str,
    track: &str,
    tracks: &[&str],
    labels: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let invalid = |msg: String| Error::InvalidArgument {
        what: "label",
        value: label.to_owned(),
        msg,
    };
    if label.trim().is_empty() || label.trim() != label {
        return Err(invalid(
            "a label is not empty and has no space at either end".into(),
        ));
    }
    if label.chars().any(char::is_control) {
        return Err(invalid(
            "a label is one line, without control characters".into(),
        ));
    }
    if label == "HEAD" {
        return Err(invalid("`HEAD` names the version recorded last".into()));
    }
    if label.contains('~') {
        return Err(invalid(
            "`~` is revision syntax (`LABEL~1` is its parent); use another character".into(),
        ));
    }
    if label.len() >= 4 && label.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid(
            "hex digits only would be read as a version id; add a word".into(),
        ));
    }
    if label == track || tracks.contains(&label) {
        return Err(invalid(format!(
            "`{label}` is a track's name, which names the track's latest version"
        )));
    }
    let new_track = !tracks.contains(&track);
    if new_track && labels.into_iter().any(|l| l == track) {
        return Err(Error::InvalidArgument {
            what: "track name",
            value: track.to_owned(),
            msg: format!("a version is labelled `{track}`; a track of that name would hide it"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_label;

    fn check(label: &str, track: &str) -> Result<(), String> {
        let tracks = ["us", "europe"];
        let labels = ["28-point plan", "geneva"];
        check_label(label, track, &tracks, labels.into_iter()).map_err(|e| e.to_string())
    }

    #[test]
    fn labels_that_would_name_something_else_are_refused() {
        assert!(check("Geneva framework", "us").is_ok());
        assert!(check("Budget 2025", "us").is_ok());
        assert!(check("abc", "us").is_ok());
        for (label, why) in [
            ("us", "track's name"),
            ("europe", "track's name"),
            ("eu", "track's name"),
            ("draft~2", "revision syntax"),
            ("HEAD", "recorded last"),
            ("2025", "version id"),
            ("deadbeef", "version id"),
            ("two\nlines", "one line"),
            ("x\u{1b}[2J", "one line"),
            (" padded", "space"),
            ("", "empty"),
        ] {
            let track = if label == "eu" { "eu" } else { "us" };
            let err = check(label, track).unwrap_err();
            assert!(err.contains(why), "{label:?}: {err}");
        }
        let err = check("Geneva v2", "geneva").unwrap_err();
        assert!(err.contains("would hide it"), "{err}");
        assert!(check("Geneva v2", "us").is_ok());
    }
}
