//! What every stored record carries besides its content: identity, times, origin,
//! a version vector for exchange between offices, and the tombstone flag.

use crate::id::Id;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// A wall-clock time, kept for display only. Office PCs have wrong clocks, so no
/// decision about which version is newer may ever rest on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Timestamp(#[serde(with = "time::serde::rfc3339")] pub OffsetDateTime);

/// RFC 3339 with `T` between date and time (the schema's pattern): the space some
/// parsers allow is refused, so every reader judges a file alike.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        if s.as_bytes().get(10) != Some(&b'T') || s.ends_with('z') {
            return Err(serde::de::Error::custom("invalid value: a time needs T between date and time"));
        }
        OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339)
            .map(Timestamp)
            .map_err(|_| serde::de::Error::custom("invalid value: not an RFC 3339 time"))
    }
}

/// The largest edit counter a file may hold, 2^53 − 1: every reader, JavaScript's
/// too, reads it exactly.
pub const MAX_COUNTER: u64 = (1 << 53) - 1;

/// A record's version: at least its creation (one counter), each counter 1 to `MAX_COUNTER`.
fn edits<'de, D: serde::Deserializer<'de>>(d: D) -> Result<VersionVector, D::Error> {
    let v = VersionVector::deserialize(d)?;
    if v.0.is_empty() {
        return Err(serde::de::Error::custom("invalid length: a version holds at least the creation"));
    }
    if v.0.values().any(|n| *n == 0 || *n > MAX_COUNTER) {
        return Err(serde::de::Error::custom("invalid value: an edit counter out of range"));
    }
    Ok(v)
}

/// `dots_from`: may be empty, each counter within `MAX_COUNTER`.
fn seen_edits<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<VersionVector>, D::Error> {
    let v = Option::<VersionVector>::deserialize(d)?;
    if v.as_ref().is_some_and(|v| v.0.values().any(|n| *n > MAX_COUNTER)) {
        return Err(serde::de::Error::custom("invalid value: an edit counter out of range"));
    }
    Ok(v)
}

/// A dot's counter: an edit, so 1 to `MAX_COUNTER`.
fn counter<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let n = u64::deserialize(d)?;
    if n == 0 || n > MAX_COUNTER {
        return Err(serde::de::Error::custom("invalid value: an edit counter out of range"));
    }
    Ok(n)
}

impl Timestamp {
    /// From the browser's `Date.now()`; out-of-range values fall back to the epoch
    /// rather than failing a save.
    pub fn from_unix_millis(millis: f64) -> Self {
        let nanos = (millis as i128).saturating_mul(1_000_000);
        Timestamp(OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH))
    }

    /// "2026-11-22 14:05" in China Standard Time, for display.
    pub fn display_local(&self) -> String {
        let t = self.0.to_offset(time::macros::offset!(+8));
        format!("{} {:02}:{:02}", crate::date::Day::from_date(t.date()), t.hour(), t.minute())
    }

    /// The local calendar day as a `Day`.
    pub fn local_date_day(&self) -> crate::date::Day {
        crate::date::Day::from_date(self.local_date())
    }

    /// The calendar day in China Standard Time, where every user of this app works.
    pub fn local_date(&self) -> time::Date {
        self.0.to_offset(time::macros::offset!(+8)).date()
    }
}

/// Per-office edit counters. Version A has seen version B when every counter of B
/// is at most the same counter of A; when neither has seen the other, the two
/// edits were concurrent and need a person to decide.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(BTreeMap<Id, u64>);

/// How two versions of the same record relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Causality {
    Same,
    Older,
    Newer,
    Concurrent,
}

impl VersionVector {
    pub fn get(&self, office: Id) -> u64 {
        self.0.get(&office).copied().unwrap_or(0)
    }

    /// Records one more edit by `office`.
    pub fn bump(&mut self, office: Id) {
        *self.0.entry(office).or_insert(0) += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|n| *n == 0)
    }

    /// How `self` relates to `other`: `Older` means `other` has seen `self`.
    pub fn compare(&self, other: &VersionVector) -> Causality {
        let mut less = false;
        let mut greater = false;
        for office in self.0.keys().chain(other.0.keys()) {
            match self.get(*office).cmp(&other.get(*office)) {
                Ordering::Less => less = true,
                Ordering::Greater => greater = true,
                Ordering::Equal => {}
            }
        }
        match (less, greater) {
            (false, false) => Causality::Same,
            (true, false) => Causality::Older,
            (false, true) => Causality::Newer,
            (true, true) => Causality::Concurrent,
        }
    }

    /// The least version that has seen both.
    pub fn join(&self, other: &VersionVector) -> VersionVector {
        let mut out = self.clone();
        for (office, n) in &other.0 {
            let slot = out.0.entry(*office).or_insert(0);
            *slot = (*slot).max(*n);
        }
        out
    }
}

/// The envelope fields of every record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Id,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The office whose PC created the record.
    pub origin_office: Id,
    #[serde(deserialize_with = "edits")]
    pub version: VersionVector,
    /// A deleted record stays as a tombstone so the deletion can travel to other offices.
    #[serde(default)]
    pub deleted: bool,
    /// Which edit last set each field of the content (by its path, as in the conflict
    /// table); a field not listed was set when the record was created. Two versions
    /// that have not seen each other merge field by field through these.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dots: BTreeMap<String, Dot>,
    /// The edits this vector includes may have set fields without a dot (made before
    /// dots existed, or by an app that does not write them); every later edit is
    /// dotted. A record created with dots has `{}`: its creation is seen by every copy.
    /// Absent on a record whose edits cannot be told apart at all.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "seen_edits")]
    pub dots_from: Option<VersionVector>,
}

/// One edit: the office that made it and that office's counter after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dot {
    pub office: Id,
    #[serde(deserialize_with = "counter")]
    pub counter: u64,
}

impl Meta {
    /// Whether this version holds an edit without dots that `other` has not seen:
    /// then its silence about a field proves nothing.
    pub fn undotted_unseen_by(&self, other: &VersionVector) -> bool {
        let from = self.dots_from.as_ref().unwrap_or(&self.version);
        matches!(from.compare(other), Causality::Newer | Causality::Concurrent)
    }
}

impl Dot {
    /// Whether a version with vector `v` includes this edit.
    pub fn seen_by(&self, v: &VersionVector) -> bool {
        v.get(self.office) >= self.counter
    }
}

impl Meta {
    pub fn new(id: Id, office: Id, now: Timestamp) -> Self {
        let mut version = VersionVector::default();
        version.bump(office);
        Meta {
            id,
            created_at: now,
            updated_at: now,
            origin_office: office,
            version,
            deleted: false,
            dots: BTreeMap::new(),
            dots_from: Some(VersionVector::default()),
        }
    }

    /// Marks one more local edit.
    pub fn touch(&mut self, office: Id, now: Timestamp) {
        self.version.bump(office);
        self.updated_at = now;
    }

    /// Marks one more local edit that set the fields at `paths`.
    pub fn touch_fields(&mut self, office: Id, now: Timestamp, paths: impl IntoIterator<Item = String>) {
        // From this edit on, the record's edits are dotted.
        if self.dots_from.is_none() {
            self.dots_from = Some(self.version.clone());
        }
        self.touch(office, now);
        let dot = Dot { office, counter: self.version.get(office) };
        for path in paths {
            self.dots.insert(path, dot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{IdSource, SequentialIds};

    fn offices() -> (Id, Id) {
        let ids = SequentialIds::default();
        (ids.next_id(), ids.next_id())
    }

    #[test]
    fn a_new_record_has_seen_one_edit_by_its_origin_office() {
        let (a, _) = offices();
        let meta = Meta::new(Id::nil(), a, Timestamp::from_unix_millis(0.0));
        assert_eq!(meta.version.get(a), 1);
        assert_eq!(meta.origin_office, a);
        assert!(!meta.deleted);
    }

    #[test]
    fn touching_a_record_makes_its_version_newer_than_before() {
        let (a, _) = offices();
        let mut meta = Meta::new(Id::nil(), a, Timestamp::from_unix_millis(0.0));
        let before = meta.version.clone();
        meta.touch(a, Timestamp::from_unix_millis(1000.0));
        assert_eq!(meta.version.compare(&before), Causality::Newer);
        assert_eq!(before.compare(&meta.version), Causality::Older);
        assert_eq!(meta.created_at, Timestamp::from_unix_millis(0.0));
        assert_eq!(meta.updated_at, Timestamp::from_unix_millis(1000.0));
    }

    #[test]
    fn edits_by_two_offices_from_the_same_base_are_concurrent() {
        let (a, b) = offices();
        let base = Meta::new(Id::nil(), a, Timestamp::from_unix_millis(0.0)).version;
        let mut left = base.clone();
        left.bump(a);
        let mut right = base.clone();
        right.bump(b);
        assert_eq!(left.compare(&right), Causality::Concurrent);
        let joined = left.join(&right);
        assert_eq!(joined.compare(&left), Causality::Newer);
        assert_eq!(joined.compare(&right), Causality::Newer);
    }

    #[test]
    fn a_missing_counter_counts_as_zero() {
        let (a, b) = offices();
        let mut v = VersionVector::default();
        v.bump(a);
        let mut w = v.clone();
        w.0.insert(b, 0);
        assert_eq!(v.compare(&w), Causality::Same);
    }

    #[test]
    fn timestamps_are_written_as_rfc3339_and_read_back() {
        let t = Timestamp::from_unix_millis(1_763_800_000_123.0);
        let json = serde_json::to_string(&t).unwrap_or_default();
        assert!(json.starts_with("\"2025-11-22T"), "{json}");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).ok(), Some(t));
    }

    #[test]
    fn the_local_date_is_taken_in_china_standard_time() {
        // 2026-11-21 17:00 UTC is already 22 November in Beijing.
        let t = Timestamp::from_unix_millis(1_795_280_400_000.0);
        assert_eq!(t.local_date().to_string(), "2026-11-22");
    }
}
