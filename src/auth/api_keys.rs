//! Personal API keys: `tsu_` followed by 43 URL-safe characters (256 random bits).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

const PREFIX: &str = "tsu_";
const SECRET_CHARS: usize = 43;
/// How many leading characters of a key are kept, in clear, to recognise it in a list.
pub const DISPLAY_PREFIX_CHARS: usize = 12;

/// A freshly generated key: the secret (shown once) and what is stored.
#[derive(Debug)]
pub struct GeneratedKey {
    /// The whole key; give it to the member, never store it.
    pub secret: String,
    /// The first characters, kept to recognise the key.
    pub prefix: String,
    /// SHA-256 of the key, hex: what the database holds.
    pub hash: String,
}

/// Generates a new random key.
pub fn generate() -> GeneratedKey {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    GeneratedKey {
        prefix: secret[..DISPLAY_PREFIX_CHARS].to_owned(),
        hash: hash(&secret),
        secret,
    }
}

/// The stored form of a key. Keys carry 256 random bits, so a fast hash is enough.
pub fn hash(key: &str) -> String {
    sha256_hex(key.as_bytes())
}

/// SHA-256 of `bytes`, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a token has the shape of a tsunagu key (checked before any database lookup).
pub fn looks_like_key(token: &str) -> bool {
    token.len() == PREFIX.len() + SECRET_CHARS
        && token.starts_with(PREFIX)
        && token[PREFIX.len()..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_unique_and_recognisable() {
        let a = generate();
        let b = generate();
        assert_ne!(a.secret, b.secret);
        assert!(looks_like_key(&a.secret));
        assert!(a.secret.starts_with(&a.prefix));
        assert_eq!(hash(&a.secret), a.hash);
        assert_eq!(a.hash.len(), 64);
        assert!(!looks_like_key("tsu_short"));
        assert!(!looks_like_key(&a.secret.replace("tsu_", "xyz_")));
    }
}
