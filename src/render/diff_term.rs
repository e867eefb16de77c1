//! Terminal view of a diff: a summary line, then each change with its numbers, kind, flags,
//! tags and the redline — coloured on a tty, `[-deleted-]{+inserted+}` otherwise (as
//! `git diff --word-diff=plain`).

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::{DiffView, RenderOptions, RenderResult};
use crate::align::{Change, ChangeKind};

fn paint(opts: &RenderOptions, style: Style, text: &str) -> String {
    if opts.color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_owned()
    }
}

/// Renders a diff for the terminal.
pub fn diff(view: &DiffView<'_>, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    let a = view.alignment;
    writeln!(
        out,
        "{} → {}: {}",
        paint(opts, Style::new().bold(), &view.old.name()),
        paint(opts, Style::new().bold(), &view.new.name()),
        a.summary()
    )?;
    for side in [&view.old, &view.new] {
        if !side.verbatim {
            let warn = format!(
                "note: {} is not verbatim text (paraphrase or reconstruction)",
                side.name()
            );
            writeln!(out, "{}", paint(opts, AnsiColor::Red.on_default(), &warn))?;
        }
    }
    for c in view.visible() {
        writeln!(out)?;
        writeln!(out, "{}", heading(view, c, opts))?;
        if c.kind == ChangeKind::Unchanged {
            continue;
        }
        super::lineage_term::redline(out, &c.redline, opts)?;
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
    let (mark, style) = match c.kind {
        ChangeKind::Unchanged => ("=", Style::new().dimmed()),
        ChangeKind::Reworded => ("~", AnsiColor::Yellow.on_default()),
        ChangeKind::Split => ("<", AnsiColor::Magenta.on_default()),
        ChangeKind::Merged => (">", AnsiColor::Magenta.on_default()),
        ChangeKind::Added => ("+", AnsiColor::Green.on_default()),
        ChangeKind::Removed => ("-", AnsiColor::Red.on_default()),
    };
    let mut parts = vec![
        format!("{mark} {} → {}", ids(a.old_ids(c)), ids(a.new_ids(c))),
        c.kind.as_str().to_owned(),
    ];
    if c.renumbered {
        parts.push("renumbered".into());
    }
    if c.moved {
        parts.push("moved".into());
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
    paint(opts, style, &parts.join("  "))
}
