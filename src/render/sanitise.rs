//! Terminal safety: a writer that shows control characters instead of sending them. Drafts,
//! labels, claims and events come from leaks, sources and remotes; printed raw, an escape
//! sequence would set the window title or clear the screen, and a carriage return would
//! overwrite a line. Terminal and Markdown output go through [`Sanitise`]; JSON and HTML
//! escape by their own rules.
//!
//! Kept: tab, line feed, a carriage return before a line feed (CRLF text) and, when colour is
//! on, the colour sequences (`ESC [ … m`) the renderer itself writes. Everything else below
//! U+0020, DEL and the C1 controls (U+0080–U+009F) is written as a visible escape: `\e`,
//! `\r`, `\x07`, `\u{9b}`.

use std::io::{self, Write};

/// Wraps a writer; see the module docs. Call [`Sanitise::finish`] (or flush) at the end: a
/// carriage return or an escape sequence cut between two writes waits for the next one.
pub struct Sanitise<'w> {
    inner: &'w mut dyn Write,
    allow_colour: bool,
    carry: Vec<u8>,
}

impl<'w> Sanitise<'w> {
    /// A sanitising writer over `inner`; `allow_colour` keeps colour sequences.
    pub fn new(inner: &'w mut dyn Write, allow_colour: bool) -> Sanitise<'w> {
        Sanitise {
            inner,
            allow_colour,
            carry: Vec::new(),
        }
    }

    /// Writes what is held back (escaped: nothing can complete it now) and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        let carry = std::mem::take(&mut self.carry);
        self.emit(&carry, true)?;
        self.inner.flush()
    }

    /// Writes `buf`, escaping controls; with `last`, nothing is held back.
    fn emit(&mut self, buf: &[u8], last: bool) -> io::Result<()> {
        let mut start = 0;
        let mut i = 0;
        while i < buf.len() {
            let b = buf[i];
            let keep = match b {
                b'\n' | b'\t' => true,
                b'\r' => match buf.get(i + 1) {
                    Some(b'\n') => true,
                    None if !last => return self.hold(&buf[start..], i - start),
                    _ => false,
                },
                0x1b if self.allow_colour => match colour_sequence(&buf[i..]) {
                    Some(Some(len)) => {
                        i += len;
                        continue;
                    }
                    None if !last => return self.hold(&buf[start..], i - start),
                    _ => false,
                },
                0xc2 => match buf.get(i + 1) {
                    Some(0x80..=0x9f) => {
                        self.inner.write_all(&buf[start..i])?;
                        write!(self.inner, "\\u{{{:x}}}", buf[i + 1])?;
                        i += 2;
                        start = i;
                        continue;
                    }
                    None if !last => return self.hold(&buf[start..], i - start),
                    _ => true,
                },
                0x00..=0x1f | 0x7f => false,
                _ => true,
            };
            if !keep {
                self.inner.write_all(&buf[start..i])?;
                match b {
                    0x1b => self.inner.write_all(b"\\e")?,
                    b'\r' => self.inner.write_all(b"\\r")?,
                    _ => write!(self.inner, "\\x{b:02x}")?,
                }
                start = i + 1;
            }
            i += 1;
        }
        self.inner.write_all(&buf[start..])
    }

    /// Writes `buf[..upto]` and keeps the rest for the next write.
    fn hold(&mut self, buf: &[u8], upto: usize) -> io::Result<()> {
        self.inner.write_all(&buf[..upto])?;
        self.carry = buf[upto..].to_vec();
        Ok(())
    }
}

/// A one-line message (an error, a warning) with every control character shown as an escape,
/// line breaks included: what a remote or a draft put in a name cannot forge another line.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// At an ESC: `Some(Some(len))` for a whole colour sequence `ESC [ digits/semicolons m`,
/// `Some(None)` for anything else, `None` when the buffer ends before it can tell.
fn colour_sequence(buf: &[u8]) -> Option<Option<usize>> {
    match buf.get(1) {
        None => return None,
        Some(b'[') => {}
        Some(_) => return Some(None),
    }
    for (k, &c) in buf.iter().enumerate().skip(2) {
        match c {
            b'0'..=b'9' | b';' => {}
            b'm' => return Some(Some(k + 1)),
            _ => return Some(None),
        }
    }
    None
}

impl Write for Sanitise<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.carry.is_empty() {
            self.emit(buf, false)?;
        } else {
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(buf);
            self.emit(&joined, false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(pieces: &[&[u8]], colour: bool) -> String {
        let mut out = Vec::new();
        let mut s = Sanitise::new(&mut out, colour);
        for p in pieces {
            s.write_all(p).unwrap();
        }
        s.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(
            clean(&[b"A\x1b]0;pwned\x07B\x1b[2J"], false),
            "A\\e]0;pwned\\x07B\\e[2J"
        );
        assert_eq!(
            clean(&[b"ok\rforged\r\nnext\n"], false),
            "ok\\rforged\r\nnext\n"
        );
        assert_eq!(clean(&["x\u{9b}2Jy".as_bytes()], false), "x\\u{9b}2Jy");
        // Colour sequences pass when colour is on, and only those.
        assert_eq!(
            clean(&[b"\x1b[1;31mred\x1b[0m \x1b]0;t\x07"], true),
            "\x1b[1;31mred\x1b[0m \\e]0;t\\x07"
        );
        assert_eq!(clean(&[b"\x1b[1mbold"], false), "\\e[1mbold");
        // Cut between writes, a CRLF and a colour sequence are still recognised.
        assert_eq!(clean(&[b"line\r", b"\nnext"], false), "line\r\nnext");
        assert_eq!(clean(&[b"\x1b[3", b"1mx"], true), "\x1b[31mx");
        assert_eq!(clean(&[b"end\r"], false), "end\\r");
        assert_eq!(clean(&["é€Ж\t✓".as_bytes()], false), "é€Ж\t✓");
        assert_eq!(
            visible("a\u{1b}]0;t\u{7}\nerror: forged\r"),
            "a\\e]0;t\\u{7}\\nerror: forged\\r"
        );
    }
}
