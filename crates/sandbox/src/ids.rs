//! Identifier helpers: random and deterministic 32-hex ids in ISC's style.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A fresh random 32-hex id (128 bits).
pub fn random_hex32() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// A fresh random 64-hex secret (256 bits).
pub fn random_hex64() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The SHA-256 of `text` as 64 hex digits.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// A 32-hex id derived from `parts`, the same on every run (so seeds are idempotent).
pub fn stable_hex32(parts: &[&str]) -> String {
    sha256_hex(&parts.join("\u{1f}"))[..32].to_owned()
}
