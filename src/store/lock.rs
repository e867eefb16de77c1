//! The store's write lock: an exclusive advisory lock (`flock`) on `drafttrail.lock`, held
//! for the length of one write command.
//!
//! Ref updates are compare-and-swap on their own, but a lock taken *before* anything is written
//! means a losing writer never leaves an unreferenced commit behind. The lock belongs to the
//! open file, not to the file's existence: when a writer dies (even by SIGKILL) the kernel
//! releases it, so a crash never leaves a stale lock that a user must delete by hand.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The lock file's name inside the repository.
pub(crate) const LOCK_FILE: &str = "drafttrail.lock";

/// Held while a command writes to the store; the lock is released when this is dropped (or
/// when the process ends, however it ends).
#[derive(Debug)]
pub(crate) struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Takes the lock in `store_dir`, waiting up to `timeout` for another writer to finish.
    pub(crate) fn acquire(store_dir: &Path, timeout: Duration) -> Result<WriteLock> {
        let path: PathBuf = store_dir.join(LOCK_FILE);
        // The file is never removed: removing it while another process waits on it would let
        // two writers lock two different files.
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    Error::ReadOnlyStore {
                        path: store_dir.to_owned(),
                        source: e,
                    }
                }
                _ => Error::io(&path, e),
            })?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WriteLock { _file: file }),
                Err(TryLockError::WouldBlock) => {
                    if started.elapsed() >= timeout {
                        return Err(Error::StoreLocked { lock: path });
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(path, e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_fails_and_a_dropped_lock_is_free_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let held = WriteLock::acquire(dir.path(), Duration::ZERO).expect("first lock");
        let second = WriteLock::acquire(dir.path(), Duration::from_millis(30));
        assert!(matches!(second, Err(Error::StoreLocked { .. })));
        drop(held);
        WriteLock::acquire(dir.path(), Duration::ZERO).expect("free after drop");
    }
}
