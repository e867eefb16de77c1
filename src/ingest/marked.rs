//! A word processor's text in both states of its tracked changes, built line by line (one line
//! per paragraph) by the DOCX and ODT walkers, with each revision and comment tied to the line
//! it sits in. `ingest` turns the lines into bodies and the revisions into claims.

/// One insertion or deletion, as the file records it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Revision {
    /// An insertion (or the arrival of a move); else a deletion.
    pub inserted: bool,
    /// Who made it, as the file names them.
    pub author: String,
    /// When, as the file writes it (ISO 8601 in DOCX and ODT).
    pub date: Option<String>,
    /// The words inserted or deleted.
    pub text: String,
    /// The line (paragraph) of the accepted text it sits in.
    pub line: usize,
}

/// A comment left in the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Note {
    /// Who wrote it.
    pub author: String,
    /// When, as the file writes it.
    pub date: Option<String>,
    /// Its text.
    pub text: String,
    /// The line (paragraph) of the accepted text it is anchored in.
    pub line: usize,
}

/// Text with tracked changes, in both states.
#[derive(Debug, Default)]
pub(crate) struct Marked {
    /// Lines with every change accepted.
    pub accepted: Vec<String>,
    /// Lines with every change rejected.
    pub rejected: Vec<String>,
    /// The revisions, in document order.
    pub revisions: Vec<Revision>,
    /// The comments, in document order.
    pub comments: Vec<Note>,
    line_accepted: String,
    line_rejected: String,
    open: Option<usize>,
}

impl Marked {
    /// Appends text: to both states outside a revision, to the accepted state inside an
    /// insertion (`Some(true)`), to the rejected state inside a deletion (`Some(false)`).
    pub fn text(&mut self, s: &str, revision: Option<bool>) {
        if revision != Some(false) {
            self.line_accepted.push_str(s);
        }
        if revision != Some(true) {
            self.line_rejected.push_str(s);
        }
        if revision.is_some()
            && let Some(r) = self.open.and_then(|i| self.revisions.get_mut(i))
        {
            r.text.push_str(s);
        }
    }

    /// Opens a revision; one that continues the previous revision of the same kind, author and
    /// date in the same line (Word splits one edit into a run per formatting) extends it.
    pub fn open(&mut self, inserted: bool, author: &str, date: Option<&str>) {
        let line = self.accepted.len();
        if let Some(last) = self.revisions.last_mut()
            && last.inserted == inserted
            && last.author == author
            && last.date.as_deref() == date
            && last.line == line
        {
            self.open = Some(self.revisions.len() - 1);
            return;
        }
        self.revisions.push(Revision {
            inserted,
            author: author.to_owned(),
            date: date.map(str::to_owned),
            text: String::new(),
            line,
        });
        self.open = Some(self.revisions.len() - 1);
    }

    /// Closes the open revision.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Adds whole paragraphs deleted at this point (ODT keeps them apart from the body): the
    /// first joins the current line of the rejected text, the others follow it as lines.
    pub fn deleted_paragraphs(&mut self, paragraphs: &[String], author: &str, date: Option<&str>) {
        self.open(false, author, date);
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                let line = std::mem::take(&mut self.line_rejected);
                self.rejected.push(line);
                if let Some(r) = self.open.and_then(|i| self.revisions.get_mut(i)) {
                    r.text.push(' ');
                }
            }
            self.text(p, Some(false));
        }
        self.close();
    }

    /// Anchors a comment in the current line.
    pub fn comment(&mut self, author: &str, date: Option<&str>, text: &str) {
        self.comments.push(Note {
            author: author.to_owned(),
            date: date.map(str::to_owned),
            text: text.to_owned(),
            line: self.accepted.len(),
        });
    }

    /// Puts text before the current paragraph's text in both states (a list number).
    pub fn prefix(&mut self, s: &str) {
        for line in [&mut self.line_accepted, &mut self.line_rejected] {
            // The tab or spaces Word puts after a number are layout.
            let text = line.trim_start().to_owned();
            *line = format!("{s}{text}");
        }
    }

    /// Ends the current paragraph.
    pub fn end_line(&mut self) {
        let a = std::mem::take(&mut self.line_accepted);
        let r = std::mem::take(&mut self.line_rejected);
        self.accepted.push(a);
        self.rejected.push(r);
    }

    /// Whether the file records any change.
    pub fn has_changes(&self) -> bool {
        !self.revisions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_revisions() {
        let mut m = Marked::default();
        m.text("1. Elections within ", None);
        m.open(false, "Ann", Some("2025-11-20T10:00:00Z"));
        m.text("100 days", Some(false));
        m.close();
        m.open(true, "Bob", None);
        m.text("the earliest date", Some(true));
        m.close();
        m.text(".", None);
        m.end_line();
        assert_eq!(m.accepted, ["1. Elections within the earliest date."]);
        assert_eq!(m.rejected, ["1. Elections within 100 days."]);
        assert_eq!(m.revisions.len(), 2);
        assert_eq!(
            (m.revisions[0].inserted, m.revisions[0].text.as_str()),
            (false, "100 days")
        );
        assert_eq!(
            (m.revisions[1].author.as_str(), m.revisions[1].line),
            ("Bob", 0)
        );
    }
}
