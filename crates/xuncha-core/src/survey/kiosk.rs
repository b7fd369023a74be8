//! 现场填写 (kiosk mode): one PC hands an anonymous form from person to person.
//! The session is kept as a setting, so reloading the page does not leave it, and
//! only the PIN set when it started ends it. The PIN is stored salted and hashed.

use crate::i18n::T;
use crate::id::Id;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The settings key of the running session.
pub const KIOSK_KEY: &str = "kiosk";

/// Digits a PIN may have.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskSession {
    pub questionnaire: Id,
    /// The unit the answers are about, chosen when the session started.
    pub target: Option<Id>,
    salt: String,
    pin_hash: String,
}

fn hash(salt: &str, pin: &str) -> String {
    Sha256::digest(format!("{salt}:{pin}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A PIN is 4 to 8 digits, typed twice the same.
pub fn check_pin(pin: &str, again: &str) -> Result<(), T> {
    if !PIN_DIGITS.contains(&pin.chars().count()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(T::ErrPinFormat);
    }
    if pin != again {
        return Err(T::ErrPinMismatch);
    }
    Ok(())
}

impl KioskSession {
    /// Starts a session; `salt` comes from the browser's random source.
    pub fn start(questionnaire: Id, target: Option<Id>, pin: &str, salt: [u8; 16]) -> KioskSession {
        let salt: String = salt.iter().map(|b| format!("{b:02x}")).collect();
        let pin_hash = hash(&salt, pin);
        KioskSession { questionnaire, target, salt, pin_hash }
    }

    /// True when `pin` ends the session.
    pub fn unlocks(&self, pin: &str) -> bool {
        hash(&self.salt, pin.trim()) == self.pin_hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pin_set_at_the_start_ends_the_session() {
        let s = KioskSession::start(Id::nil(), None, "2468", [7; 16]);
        assert!(s.unlocks("2468"));
        assert!(s.unlocks(" 2468 "), "stray spaces from the keyboard are forgiven");
        assert!(!s.unlocks("2469"));
        assert!(!s.unlocks(""));
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert!(!json.contains("2468"), "the PIN itself is never stored: {json}");
        let other = KioskSession::start(Id::nil(), None, "2468", [8; 16]);
        assert_ne!(other.pin_hash, s.pin_hash, "salted");
    }

    #[test]
    fn a_pin_is_four_to_eight_digits_typed_twice() {
        assert_eq!(check_pin("1234", "1234"), Ok(()));
        assert_eq!(check_pin("12345678", "12345678"), Ok(()));
        assert_eq!(check_pin("123", "123"), Err(T::ErrPinFormat));
        assert_eq!(check_pin("12a4", "12a4"), Err(T::ErrPinFormat));
        assert_eq!(check_pin("123456789", "123456789"), Err(T::ErrPinFormat));
        assert_eq!(check_pin("1234", "1235"), Err(T::ErrPinMismatch));
    }
}
