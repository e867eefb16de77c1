//! The store's write lock: a file created exclusively for the length of one write command.
//!
//! Ref updates are compare-and-swap on their own, but a lock taken *before* anything is written
//! means a losing writer never leaves an unreferenced commit behind.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Held while a command writes to the store; removes the lock file when dropped.
#[derive(Debug)]
pub(crate) struct WriteLock {
    path: PathBuf,
}

impl WriteLock {
    /// Takes the lock in `store_dir`, waiting up to `timeout` for another writer to finish.
    pub(crate) fn acquire(store_dir: &Path, timeout: Duration) -> Result<WriteLock> {
        let path = store_dir.join("drafttrail.lock");
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => return Ok(WriteLock { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if started.elapsed() >= timeout {
                        return Err(Error::StoreLocked { lock: path });
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(Error::io(path, e)),
            }
        }
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Nothing sensible can be done if removal fails; the next writer reports the stale lock.
        let _ = std::fs::remove_file(&self.path);
    }
}
