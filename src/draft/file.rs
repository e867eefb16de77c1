//! Reading a text file from disk for drafttrail: bounded by what is read, regular files only,
//! and checked to be text (no NUL byte, valid UTF-8), every error naming the file.

use std::path::Path;

use crate::error::{Error, Result};

/// The largest draft file drafttrail reads: 64 MiB, about three times a 64,000-provision
/// document (which aligns in under 1 GB of memory; see BENCHMARKS.md). Larger files are
/// refused before they are read, so memory stays bounded whatever a folder holds.
pub const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file of at most [`MAX_DRAFT_BYTES`] (a draft or an events file).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_owned(),
        });
    }
    // Checked before opening: opening a FIFO blocks until a writer comes, and a device's size
    // says nothing of what reading it yields (`/dev/zero` never ends).
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotRegularFile {
            path: path.to_owned(),
            what: file_kind(&meta.file_type()),
        });
    }
    let too_large = |size| Error::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_DRAFT_BYTES,
    };
    if meta.len() > MAX_DRAFT_BYTES {
        return Err(too_large(meta.len()));
    }
    // The read itself is capped too: a file can grow between the check and the read.
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_DRAFT_BYTES + 1),
        &mut bytes,
    )
    .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a draft from a stream (standard input), stopping at [`MAX_DRAFT_BYTES`]; `name`
/// names it in errors.
pub fn read_stream(reader: impl std::io::Read, name: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(reader, MAX_DRAFT_BYTES + 1),
        &mut bytes,
    )
    .map_err(|e| Error::io(name, e))?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(Error::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_DRAFT_BYTES,
        });
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in words.
fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Checks that `bytes` are text: no NUL byte, valid UTF-8.
pub fn check_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    // `contains` on bytes is a vectorised memchr; the position is looked for only on failure.
    if bytes.contains(&0)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        return Err(Error::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Error::InvalidUtf8 {
            path: path.to_owned(),
            line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
            offset,
        }
    })
}
