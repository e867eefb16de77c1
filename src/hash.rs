//! The one non-cryptographic hasher of the engine's hash maps.

use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-fold hash in the spirit of rustc's FxHash: much faster than SipHash on short
/// keys, and HashDoS resistance is irrelevant for a local diff. Unlike a plain multiply, the
/// fold makes the low bits (which pick the bucket) depend on every input bit: keys that differ
/// only in their high half (word pairs packed into a u64) no longer collide, which made one
/// hostile 100,000-provision diff spend a third of its time probing.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = fold(self.0, word);
    }
}

/// Builds [`FxHasher`]s: `HashMap<K, V, FxBuild>`.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Folded 64×64→128 multiply of `h ^ w`: a cheap mix whose every output bit depends on every
/// input bit.
#[inline]
pub(crate) fn fold(h: u64, w: u64) -> u64 {
    let m = u128::from(h ^ w) * 0x9E37_79B9_7F4A_7C15;
    (m as u64) ^ ((m >> 64) as u64)
}
