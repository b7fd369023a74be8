//! Optional encryption of an exchange file with a passphrase: Argon2id derives a
//! key, AES-256-GCM seals the file. The envelope records every parameter, and
//! the parameters are authenticated too, so changing any byte is detected.
//! Randomness (salt, nonce) comes from the caller.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

pub const ENCRYPTED_FORMAT_ID: &str = "xuncha-encrypted";

/// Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes), which
/// stays within a few seconds in an office PC's browser.
pub const DEFAULT_M_COST: u32 = 19 * 1024;
pub const DEFAULT_T_COST: u32 = 2;
pub const DEFAULT_P_COST: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub m_cost: u32,
    pub t_cost: u32,
    pub p_cost: u32,
    pub salt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cipher {
    pub name: String,
    pub nonce: String,
}

/// The encrypted file as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub format_version: String,
    pub kdf: Kdf,
    pub cipher: Cipher,
    pub ciphertext: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("a passphrase is needed")]
    NeedsPassphrase,
    #[error("wrong passphrase, or the file was changed")]
    WrongPassphraseOrTampered,
    #[error("unsupported encryption: {0}")]
    Unsupported(String),
    #[error("damaged envelope: {0}")]
    Damaged(String),
    /// An envelope of a later major version: this app cannot know how it is sealed.
    #[error("envelope version {0} is newer than this app reads")]
    Newer(String),
}

/// True when the bytes look like an encrypted envelope (cheap sniff before parsing).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    String::from_utf8_lossy(head).contains(ENCRYPTED_FORMAT_ID)
}

fn derive_key(passphrase: &str, kdf: &Kdf, salt: &[u8]) -> Result<[u8; 32], CryptoError> {
    if kdf.name != "argon2id" {
        return Err(CryptoError::Unsupported(kdf.name.clone()));
    }
    // Refuse absurd costs from a hostile file instead of exhausting memory.
    if kdf.m_cost > 256 * 1024 || kdf.t_cost > 64 || kdf.p_cost == 0 || kdf.p_cost > 16 {
        return Err(CryptoError::Unsupported(format!("argon2id m={} t={} p={}", kdf.m_cost, kdf.t_cost, kdf.p_cost)));
    }
    let params =
        Params::new(kdf.m_cost, kdf.t_cost, kdf.p_cost, Some(32)).map_err(|e| CryptoError::Damaged(e.to_string()))?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| CryptoError::Damaged(e.to_string()))?;
    Ok(key)
}

/// The parameters, bound to the ciphertext as associated data.
fn associated_data(e: &Envelope) -> Vec<u8> {
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}",
        e.format,
        e.format_version,
        e.kdf.name,
        e.kdf.m_cost,
        e.kdf.t_cost,
        e.kdf.p_cost,
        e.kdf.salt,
        e.cipher.name,
        e.cipher.nonce
    )
    .into_bytes()
}

/// Seals `plain` (the JSON of an exchange file) under `passphrase`.
pub fn encrypt(plain: &[u8], passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> Result<String, CryptoError> {
    encrypt_with(plain, passphrase, salt, nonce, (DEFAULT_M_COST, DEFAULT_T_COST, DEFAULT_P_COST))
}

/// As `encrypt`, with explicit Argon2id costs (m in KiB, t passes, p lanes).
pub fn encrypt_with(
    plain: &[u8],
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; 12],
    (m_cost, t_cost, p_cost): (u32, u32, u32),
) -> Result<String, CryptoError> {
    if passphrase.is_empty() {
        return Err(CryptoError::NeedsPassphrase);
    }
    let mut envelope = Envelope {
        format: ENCRYPTED_FORMAT_ID.to_owned(),
        format_version: "1.0".to_owned(),
        kdf: Kdf { name: "argon2id".into(), m_cost, t_cost, p_cost, salt: B64.encode(salt) },
        cipher: Cipher { name: "aes-256-gcm".into(), nonce: B64.encode(nonce) },
        ciphertext: String::new(),
    };
    let key = derive_key(passphrase, &envelope.kdf, &salt)?;
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| CryptoError::Damaged(e.to_string()))?;
    let aad = associated_data(&envelope);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad: &aad })
        .map_err(|_| CryptoError::Damaged("encryption failed".into()))?;
    envelope.ciphertext = B64.encode(sealed);
    serde_json::to_string_pretty(&envelope).map_err(|e| CryptoError::Damaged(e.to_string()))
}

/// Opens an envelope; any changed byte or a wrong passphrase fails the same way.
pub fn decrypt(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let envelope: Envelope = serde_json::from_slice(bytes).map_err(|e| CryptoError::Damaged(e.to_string()))?;
    if envelope.format != ENCRYPTED_FORMAT_ID {
        return Err(CryptoError::Damaged("not an encrypted exchange file".into()));
    }
    let major = envelope.format_version.split('.').next().and_then(|m| m.trim().parse::<u32>().ok());
    match major {
        Some(1) => {}
        Some(m) if m > 1 => return Err(CryptoError::Newer(envelope.format_version.clone())),
        _ => return Err(CryptoError::Damaged("envelope version".into())),
    }
    if envelope.cipher.name != "aes-256-gcm" {
        return Err(CryptoError::Unsupported(envelope.cipher.name.clone()));
    }
    if passphrase.is_empty() {
        return Err(CryptoError::NeedsPassphrase);
    }
    let damaged = |what: &str| CryptoError::Damaged(what.to_owned());
    let salt = B64.decode(&envelope.kdf.salt).map_err(|_| damaged("salt"))?;
    let nonce = B64.decode(&envelope.cipher.nonce).map_err(|_| damaged("nonce"))?;
    let sealed = B64.decode(&envelope.ciphertext).map_err(|_| damaged("ciphertext"))?;
    if nonce.len() != 12 || salt.len() < 8 {
        return Err(damaged("salt or nonce length"));
    }
    let key = derive_key(passphrase, &envelope.kdf, &salt)?;
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| CryptoError::Damaged(e.to_string()))?;
    let aad = associated_data(&envelope);
    cipher
        .decrypt(Nonce::from_slice(&nonce), Payload { msg: &sealed, aad: &aad })
        .map_err(|_| CryptoError::WrongPassphraseOrTampered)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small costs keep the tests quick; the format is the same.
    const FAST: (u32, u32, u32) = (256, 1, 1);

    fn sealed(plain: &str, pass: &str) -> String {
        encrypt_with(plain.as_bytes(), pass, [7; 16], [9; 12], FAST).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_right_passphrase_opens_what_was_sealed() {
        let text = sealed("{\"format\":\"xuncha-exchange\"}", "城关镇2026");
        assert!(is_encrypted(text.as_bytes()));
        assert!(!text.contains("xuncha-exchange\\\""), "the content is not readable in the envelope");
        assert_eq!(decrypt(text.as_bytes(), "城关镇2026"), Ok(b"{\"format\":\"xuncha-exchange\"}".to_vec()));
    }

    #[test]
    fn the_envelope_records_the_kdf_its_parameters_salt_and_nonce() {
        let e: Envelope = serde_json::from_str(&sealed("x", "p")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((e.kdf.name.as_str(), e.kdf.m_cost, e.kdf.t_cost, e.kdf.p_cost), ("argon2id", 256, 1, 1));
        assert_eq!(e.cipher.name, "aes-256-gcm");
        assert_eq!(B64.decode(&e.kdf.salt).map(|s| s.len()), Ok(16));
        assert_eq!(B64.decode(&e.cipher.nonce).map(|n| n.len()), Ok(12));
    }

    #[test]
    fn a_wrong_passphrase_is_refused() {
        let text = sealed("secret", "right");
        assert_eq!(decrypt(text.as_bytes(), "wrong"), Err(CryptoError::WrongPassphraseOrTampered));
        assert_eq!(decrypt(text.as_bytes(), ""), Err(CryptoError::NeedsPassphrase));
    }

    #[test]
    fn any_changed_byte_of_ciphertext_or_parameters_is_refused() {
        let text = sealed("secret ledger", "right");
        let mut e: Envelope = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let mut bytes = B64.decode(&e.ciphertext).unwrap_or_default();
        bytes[3] ^= 1;
        e.ciphertext = B64.encode(&bytes);
        let flipped = serde_json::to_vec(&e).unwrap_or_default();
        assert_eq!(decrypt(&flipped, "right"), Err(CryptoError::WrongPassphraseOrTampered));

        let mut e: Envelope = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        e.format_version = "1.1".into();
        let relabelled = serde_json::to_vec(&e).unwrap_or_default();
        assert_eq!(decrypt(&relabelled, "right"), Err(CryptoError::WrongPassphraseOrTampered));
    }

    #[test]
    fn an_envelope_of_a_later_major_version_is_called_newer_not_a_wrong_passphrase() {
        let mut e: Envelope = serde_json::from_str(&sealed("x", "p")).unwrap_or_else(|e| panic!("{e}"));
        e.format_version = "2.0".into();
        let bytes = serde_json::to_vec(&e).unwrap_or_default();
        assert_eq!(decrypt(&bytes, "p"), Err(CryptoError::Newer("2.0".into())));
        e.format_version = "one".into();
        let bytes = serde_json::to_vec(&e).unwrap_or_default();
        assert!(matches!(decrypt(&bytes, "p"), Err(CryptoError::Damaged(_))));
    }

    #[test]
    fn hostile_parameters_are_refused_before_any_work() {
        let mut e: Envelope = serde_json::from_str(&sealed("x", "p")).unwrap_or_else(|e| panic!("{e}"));
        e.kdf.m_cost = u32::MAX;
        let bytes = serde_json::to_vec(&e).unwrap_or_default();
        assert!(matches!(decrypt(&bytes, "p"), Err(CryptoError::Unsupported(_))));
        assert!(matches!(decrypt(b"not json", "p"), Err(CryptoError::Damaged(_))));
    }

    /// The text between the first pair of backticks on the test vector's line `label`
    /// in docs/exchange-format.md, so the document and this test cannot drift apart.
    fn documented(label: &str) -> String {
        let doc = include_str!("../../../../docs/exchange-format.md");
        let vector = doc.split("#### Test vector").nth(1).unwrap_or_else(|| panic!("the doc has a test vector"));
        let row = vector
            .lines()
            .find(|l| l.starts_with(&format!("- {label}: ")))
            .unwrap_or_else(|| panic!("the test vector has a line {label}"));
        row.split('`').nth(1).unwrap_or_else(|| panic!("{label} is in backticks")).to_owned()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex<const N: usize>(text: &str) -> [u8; N] {
        let mut out = [0u8; N];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap_or_else(|e| panic!("{text}: {e}"));
        }
        out
    }

    #[test]
    fn the_documented_test_vector_holds_both_ways() {
        let passphrase = documented("passphrase");
        let salt: [u8; 16] = unhex(&documented("salt (hex)"));
        let nonce: [u8; 12] = unhex(&documented("nonce (hex)"));
        let costs: Vec<u32> =
            documented("Argon2id m_cost, t_cost, p_cost").split(", ").map(|n| n.parse().unwrap_or(0)).collect();
        let plain = documented("plaintext");
        let text = encrypt_with(plain.as_bytes(), &passphrase, salt, nonce, (costs[0], costs[1], costs[2]))
            .unwrap_or_else(|e| panic!("{e}"));
        let e: Envelope = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let key = derive_key(&passphrase, &e.kdf, &salt).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(hex(&key), documented("key (hex)"));
        assert_eq!(String::from_utf8_lossy(&associated_data(&e)), documented("associated data"));
        assert_eq!(e.ciphertext, documented("ciphertext (base64)"));
        assert_eq!(decrypt(text.as_bytes(), &passphrase), Ok(plain.into_bytes()));
    }

    #[test]
    fn the_default_costs_meet_the_recommended_minimum() {
        let text = encrypt(b"x", "p", [1; 16], [2; 12]).unwrap_or_else(|e| panic!("{e}"));
        let e: Envelope = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(e.kdf.m_cost >= 19 * 1024 && e.kdf.t_cost >= 2);
        assert_eq!(decrypt(text.as_bytes(), "p"), Ok(b"x".to_vec()));
    }
}
