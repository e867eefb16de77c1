//! Terminal view of a diff: a summary line, then each change with its numbers, kind, flags,
//! tags and the redline — coloured on a tty, `[-deleted-]{+inserted+}` otherwise (as
//! `git diff --word-diff=plain`). A line `§ Livre Ier › Titre II › …` names the place in the
//! outline whenever it changes from one change to the next.

use std::io::Write;

use super::style::{Label, paint};
use crate::align::{Change, ChangeKind};
use crate::render::{DiffView, RenderOptions, RenderResult, why_phrase};

/// Renders a diff for the terminal.
pub(in crate::render) fn diff(
    view: &DiffView<'_>,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let a = view.alignment;
    writeln!(
        out,
        "{} → {}: {}",
        paint(opts, Label::Title, &view.old.name()),
        paint(opts, Label::Title, &view.new.name()),
        a.summary()
    )?;
    for side in [&view.old, &view.new] {
        if !side.verbatim {
            let warn = format!(
                "note: {} is not verbatim text (paraphrase or reconstruction)",
                side.name()
            );
            writeln!(out, "{}", paint(opts, Label::Warning, &warn))?;
        }
    }
    let mut shown_place: &[String] = &[];
    for c in view.visible() {
        writeln!(out)?;
        let place = view.place_of(c);
        if place != shown_place && !place.is_empty() {
            writeln!(
                out,
                "{}",
                paint(opts, Label::Place, &format!("§ {}", place.join(" › ")))
            )?;
            shown_place = place;
        }
        writeln!(out, "{}", heading(view, c, opts))?;
        if view.explain
            && let Some(why) = why_phrase(a, c)
        {
            writeln!(
                out,
                "    {}",
                paint(opts, Label::Place, &format!("why: {why}"))
            )?;
        }
        if c.kind == ChangeKind::Unchanged {
            continue;
        }
        if c.kind == ChangeKind::NotCovered {
            // Neither deleted nor inserted: the text of the side that has it, as it stands.
            let text: String = c.redline.iter().map(|s| &*s.text).collect();
            writeln!(out, "    {}", paint(opts, Label::Key, text.trim()))?;
            continue;
        }
        super::redline(out, &c.redline, opts)?;
    }
    Ok(())
}

fn heading(view: &DiffView<'_>, c: &Change, opts: &RenderOptions) -> String {
    let a = view.alignment;
    let ids = |v: Vec<&str>| {
        if v.is_empty() {
            "—".to_owned()
        } else {
            v.join("+")
        }
    };
    let mark = match c.kind {
        ChangeKind::Unchanged => "=",
        ChangeKind::Reworded => "~",
        ChangeKind::Split => "<",
        ChangeKind::Merged => ">",
        ChangeKind::Added => "+",
        ChangeKind::Removed => "-",
        ChangeKind::NotCovered => "?",
    };
    let mut parts = vec![
        format!("{mark} {} → {}", ids(a.old_ids(c)), ids(a.new_ids(c))),
        c.kind.as_str().replace('-', " "),
    ];
    if let Some(from) = view.reinstated_from(c) {
        parts.push(format!("reinstated from {from}"));
    }
    if c.renumbered {
        parts.push("renumbered".into());
    }
    if c.moved {
        match view.moved_from(c) {
            Some(from) => parts.push(format!("moved from {}", from.join(" › "))),
            None => parts.push("moved".into()),
        }
    }
    if !c.tags.is_empty() {
        parts.push(format!(
            "[{}]",
            c.tags
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if matches!(
        c.kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    ) {
        parts.push(format!("similarity {:.2}", c.similarity));
    }
    paint(opts, Label::Change(c.kind), &parts.join("  "))
}
