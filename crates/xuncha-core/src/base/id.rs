//! Record and office identifiers: random UUIDs, so offices never collide without talking.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// A record or office id. The randomness comes from the caller (the browser's
/// `crypto.getRandomValues`) so that this crate needs no platform entropy source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(Uuid);

/// In files and storage an id is the hyphenated form, `8-4-4-4-12` hex digits, in
/// either case (written lower-case): the form the schema names, and no other of the
/// forms the uuid crate would take (simple, braced, urn).
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let hyphenated = s.len() == 36
            && s.bytes().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_hexdigit(),
            });
        if !hyphenated {
            return Err(serde::de::Error::custom("invalid value: not a hyphenated uuid"));
        }
        Uuid::parse_str(&s).map(Id).map_err(|_| serde::de::Error::custom("invalid value: not a uuid"))
    }
}

impl Id {
    /// A version-4 UUID made from 16 random bytes.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Id(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    pub const fn nil() -> Self {
        Id(Uuid::nil())
    }

    pub fn is_nil(&self) -> bool {
        self.0.is_nil()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Id)
    }
}

/// A source of fresh ids; the app backs it with WebCrypto, tests with a counter.
pub trait IdSource {
    fn next_id(&self) -> Id;
}

/// Deterministic ids for tests and fixtures: 1, 2, 3… in the random bits.
#[derive(Debug, Default)]
pub struct SequentialIds(std::cell::Cell<u64>);

impl SequentialIds {
    /// Ids counting up after `n`, so that two offices in one test never share one.
    pub fn starting_at(n: u64) -> SequentialIds {
        SequentialIds(std::cell::Cell::new(n))
    }
}

impl IdSource for SequentialIds {
    fn next_id(&self) -> Id {
        let n = self.0.get() + 1;
        self.0.set(n);
        let mut bytes = [0u8; 16];
        bytes[8..].copy_from_slice(&n.to_be_bytes());
        Id::from_random_bytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_from_random_bytes_is_a_version_4_uuid() {
        let id = Id::from_random_bytes([0xff; 16]);
        assert_eq!(id.0.get_version_num(), 4);
        assert_eq!(id.to_string().len(), 36);
    }

    #[test]
    fn an_id_survives_a_round_trip_through_text_and_json() {
        let id = SequentialIds::default().next_id();
        assert_eq!(id.to_string().parse::<Id>().ok(), Some(id));
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Id>(&json).ok(), Some(id));
        let upper = json.to_uppercase();
        assert_eq!(serde_json::from_str::<Id>(&upper).ok(), Some(id), "either case");
        let simple = json.replace('-', "");
        assert!(serde_json::from_str::<Id>(&simple).is_err(), "only the hyphenated form");
        assert!(serde_json::from_str::<Id>(&format!("\"{{{}}}\"", id)).is_err(), "not braced");
    }

    #[test]
    fn sequential_ids_are_distinct() {
        let ids = SequentialIds::default();
        assert_ne!(ids.next_id(), ids.next_id());
    }
}
