//! Helpers shared by the core's unit tests, so each test module says only what
//! is particular to it.

use crate::date::Day;
use crate::id::Id;
use crate::meta::{Meta, Timestamp, VersionVector};
use crate::record::Record;
use crate::term::Term;

/// A record whose id is sixteen bytes of `n`, created by no office at the epoch.
pub fn rec<B>(n: u8, data: B) -> Record<B> {
    Record { meta: Meta::new(Id::from_random_bytes([n; 16]), Id::nil(), Timestamp::from_unix_millis(0.0)), data }
}

/// A day written as `2026-11-22`; a test with a wrong day is wrong.
pub fn day(s: &str) -> Day {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// A day written as `2026-11-22`, or `None` for a blank or invalid one, as a form gives it.
pub fn maybe_day(s: &str) -> Option<Day> {
    s.parse().ok()
}

/// The id of office number `n`.
pub fn office(n: u8) -> Id {
    Id::from_random_bytes([n; 16])
}

/// A term edited `count` times by each `(office, count)` of `version`.
pub fn term_with(version: &[(u8, u64)], name: &str) -> Record<Term> {
    let mut meta = Meta::new(office(99), office(1), Timestamp::from_unix_millis(0.0));
    meta.version = VersionVector::default();
    for (o, n) in version {
        for _ in 0..*n {
            meta.version.bump(office(*o));
        }
    }
    Record { meta, data: Term { name: name.into(), start_year: 2021, end_year: 2026 } }
}
