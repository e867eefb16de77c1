//! Terminal styles. Terminal renderers tag every styled piece of text with a semantic
//! [`Label`]; its colour is chosen here, in one place. With [`RenderOptions::labels`] (the
//! hidden `--color=debug`), the label's name is printed around the text instead of colours,
//! `<<change.reworded::~ 6 → 6  reworded>>`, so that snapshot tests can review styling.

use anstyle::{AnsiColor, Style};

use crate::align::ChangeKind;
use crate::render::RenderOptions;

/// What a piece of terminal output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// A version id.
    Id,
    /// A title: a version's label, a heading line.
    Title,
    /// A track name.
    Track,
    /// Something the reader must not miss (not verbatim, denied).
    Warning,
    /// A field name in a `Key: value` block.
    Key,
    /// An event line of the timeline.
    Event,
    /// Deleted words of a redline.
    Delete,
    /// Inserted words of a redline.
    Insert,
    /// A change's heading line, by kind.
    Change(ChangeKind),
    /// Words whose wording comes from version `n` (0-based) in blame.
    Origin(usize),
    /// A provision's place in the outline (chapter path).
    Place,
    /// A problem found by `verify`.
    Problem,
    /// The all-clear of `verify`.
    Ok,
}

const ORIGIN_PALETTE: [AnsiColor; 6] = [
    AnsiColor::Blue,
    AnsiColor::Green,
    AnsiColor::Magenta,
    AnsiColor::Cyan,
    AnsiColor::Yellow,
    AnsiColor::Red,
];

impl Label {
    fn name(self) -> String {
        match self {
            Label::Id => "id".into(),
            Label::Title => "title".into(),
            Label::Track => "track".into(),
            Label::Warning => "warning".into(),
            Label::Key => "key".into(),
            Label::Event => "event".into(),
            Label::Delete => "redline.delete".into(),
            Label::Insert => "redline.insert".into(),
            Label::Change(kind) => format!("change.{}", kind.as_str()),
            Label::Origin(n) => format!("origin.v{}", n + 1),
            Label::Place => "place".into(),
            Label::Problem => "verify.problem".into(),
            Label::Ok => "verify.ok".into(),
        }
    }

    fn style(self) -> Style {
        match self {
            Label::Id => AnsiColor::Yellow.on_default(),
            Label::Title => Style::new().bold(),
            Label::Track | Label::Event => AnsiColor::Cyan.on_default(),
            Label::Warning | Label::Problem => AnsiColor::Red.on_default().bold(),
            Label::Key => Style::new().dimmed(),
            Label::Place => AnsiColor::Blue.on_default().bold(),
            Label::Delete => AnsiColor::Red.on_default().strikethrough(),
            Label::Insert => AnsiColor::Green.on_default().underline(),
            Label::Change(kind) => match kind {
                ChangeKind::Unchanged => Style::new().dimmed(),
                ChangeKind::Reworded => AnsiColor::Yellow.on_default(),
                ChangeKind::Split | ChangeKind::Merged => AnsiColor::Magenta.on_default(),
                ChangeKind::Added => AnsiColor::Green.on_default(),
                ChangeKind::Removed => AnsiColor::Red.on_default(),
                ChangeKind::NotCovered => Style::new().dimmed().italic(),
            },
            Label::Origin(n) => ORIGIN_PALETTE[n % ORIGIN_PALETTE.len()].on_default(),
            Label::Ok => AnsiColor::Green.on_default(),
        }
    }
}

/// Returns `text` styled as `label`: labelled, coloured, or as is (see the module docs).
pub(crate) fn paint(opts: &RenderOptions, label: Label, text: &str) -> String {
    if opts.labels {
        format!("<<{}::{text}>>", label.name())
    } else if opts.color {
        let s = label.style();
        format!("{}{text}{}", s.render(), s.render_reset())
    } else {
        text.to_owned()
    }
}

/// Whether text will be styled at all (renderers fall back to plain markers otherwise).
pub(crate) fn styled(opts: &RenderOptions) -> bool {
    opts.color || opts.labels
}
