//! How the IndexedDB backend keeps records: each kind's records in pages of a few
//! hundred, a page being one stored value that holds its records' JSON text in id
//! order. IndexedDB's cost is per request, not per byte, so a county's 126,000
//! records are a few hundred writes instead of 126,000. Everything here is pure:
//! page keys, finding a record's page, reading, changing and splitting a page, and
//! the figures the backend keeps beside the pages in the same transaction.

use crate::date::Day;
use crate::id::Id;
use crate::meta::VersionVector;
use crate::record::{AnyRecord, Kind};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Records a page is cut to when pages are written anew or split. Measured with the
/// paged baseline (`bench/raw.html#pages=N`, a ×1 county of 126,000 records, twice
/// each): import 1.6–1.7 s at 100 and 250 a page, 1.75–1.8 s at 500, 1.8–1.9 s at
/// 1,000 and 2,000; export 1.6–1.8 s at every size. The bulk cost hardly moves, so the
/// smaller page wins: one edit rewrites a page, 250 records' text instead of 1,000.
pub const PAGE_RECORDS: usize = 250;

/// A page that later writes grow past this is split into pages of `PAGE_RECORDS`.
pub const PAGE_LIMIT: usize = 2 * PAGE_RECORDS;

/// The key of the page of `kind` whose records start at `first`: every record of a
/// page sorts at or after its page's key and before the next page's. A kind's first
/// page starts at the empty text, so every id has a page to go to.
pub fn page_key(kind: Kind, first: &str) -> String {
    format!("{}/{}", kind.store_name(), first)
}

/// The lowest and highest key a page of `kind` can have.
pub fn kind_bounds(kind: Kind) -> (String, String) {
    (page_key(kind, ""), page_key(kind, "\u{ffff}"))
}

/// The kind whose page `key` is, if it is one.
pub fn kind_of_key(key: &str) -> Option<Kind> {
    let (store, _) = key.split_once('/')?;
    Kind::ALL.into_iter().find(|k| k.store_name() == store)
}

/// Which of `keys` (the sorted keys of `kind`'s pages) holds `id`: the last key at or
/// before the id's own. `None` when the id sorts before every page, or there is none.
pub fn page_of(keys: &[String], kind: Kind, id: Id) -> Option<usize> {
    let own = page_key(kind, &id.to_string());
    keys.partition_point(|k| k.as_str() <= own.as_str()).checked_sub(1)
}

/// A record as its page holds it: the text, and what a write checks and counts it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub version: VersionVector,
    pub deleted: bool,
}

/// Only the envelope of a stored record, read when a page is changed.
#[derive(Deserialize)]
struct Envelope {
    meta: EnvelopeMeta,
}

#[derive(Deserialize)]
struct EnvelopeMeta {
    id: Id,
    version: VersionVector,
    #[serde(default)]
    deleted: bool,
}

impl Entry {
    /// The entry for `record` as written now: its canonical JSON text.
    pub fn of(record: &AnyRecord) -> serde_json::Result<Entry> {
        let mut text = Vec::with_capacity(800);
        record.write_json(&mut text)?;
        let text = String::from_utf8(text).map_err(serde::ser::Error::custom)?;
        Ok(Entry { text, version: record.meta().version.clone(), deleted: record.meta().deleted })
    }

    /// The record itself, for the figures that need more than the envelope.
    pub fn record(&self, kind: Kind) -> serde_json::Result<AnyRecord> {
        AnyRecord::from_json(kind, serde_json::from_str(&self.text)?)
    }
}

/// One page's records by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub entries: BTreeMap<Id, Entry>,
}

impl Page {
    /// Reads a page's text: a JSON array of records. A record without a readable id
    /// and version makes the page unreadable, since it could not be placed or checked.
    pub fn read(text: &str) -> serde_json::Result<Page> {
        let raws: Vec<&RawValue> = serde_json::from_str(text)?;
        let mut entries = BTreeMap::new();
        for raw in raws {
            let envelope: Envelope = serde_json::from_str(raw.get())?;
            let meta = envelope.meta;
            entries.insert(meta.id, Entry { text: raw.get().to_owned(), version: meta.version, deleted: meta.deleted });
        }
        Ok(Page { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The page's records in id order, as one JSON array.
    pub fn text(&self) -> String {
        join(self.entries.values())
    }

    /// The page as written back under `key`: itself, or, grown past `PAGE_LIMIT`,
    /// pages of `PAGE_RECORDS`, the first keeping `key` and each other keyed by its
    /// first record. Nothing when the page is empty (the caller deletes `key`).
    pub fn write(&self, kind: Kind, key: &str) -> Vec<(String, String)> {
        if self.entries.len() <= PAGE_LIMIT {
            return if self.is_empty() { Vec::new() } else { vec![(key.to_owned(), self.text())] };
        }
        let all: Vec<(&Id, &Entry)> = self.entries.iter().collect();
        all.chunks(PAGE_RECORDS)
            .enumerate()
            .map(|(i, chunk)| {
                let key = match (i, chunk.first()) {
                    (0, _) | (_, None) => key.to_owned(),
                    (_, Some((id, _))) => page_key(kind, &id.to_string()),
                };
                (key, join(chunk.iter().map(|(_, e)| *e)))
            })
            .collect()
    }
}

fn join<'a>(entries: impl Iterator<Item = &'a Entry>) -> String {
    let mut out = String::from("[");
    for (i, entry) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&entry.text);
    }
    out.push(']');
    out
}

/// How a write changes the figures kept beside the pages: live records per kind,
/// open rectifications per deadline, and which kinds it touched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub live: BTreeMap<Kind, i64>,
    pub open: BTreeMap<Day, i64>,
    pub touched: std::collections::BTreeSet<Kind>,
}

/// The deadline a record counts under among the open rectifications, if it does.
fn open_deadline(record: &AnyRecord) -> Option<Day> {
    match record {
        AnyRecord::Rectification(r) if !r.meta.deleted && r.data.status != crate::rectification::RectStatus::Closed => {
            Some(r.data.deadline)
        }
        _ => None,
    }
}

impl Tally {
    /// Counts a record of `kind` going from `before` (as stored) to `after` (`None`
    /// when it is removed).
    pub fn change(&mut self, kind: Kind, before: Option<&Entry>, after: Option<&AnyRecord>) -> serde_json::Result<()> {
        self.touched.insert(kind);
        let was = before.is_some_and(|e| !e.deleted);
        let is = after.is_some_and(|r| !r.meta().deleted);
        *self.live.entry(kind).or_default() += i64::from(is) - i64::from(was);
        if kind == Kind::Rectification {
            if let Some(day) = before.map(|e| e.record(kind)).transpose()?.as_ref().and_then(open_deadline) {
                *self.open.entry(day).or_default() -= 1;
            }
            if let Some(day) = after.and_then(open_deadline) {
                *self.open.entry(day).or_default() += 1;
            }
        }
        Ok(())
    }

    /// Applies the live counts to those kept (by store name).
    pub fn apply_live(&self, counts: &mut BTreeMap<String, i64>) {
        for (kind, d) in &self.live {
            let n = counts.entry(kind.store_name().to_owned()).or_default();
            *n = (*n + d).max(0);
        }
    }

    /// Applies the open deadlines to those kept; a day left with none is dropped.
    pub fn apply_open(&self, open: &mut OpenDeadlines) {
        for (day, d) in &self.open {
            let n = open.entry(*day).or_default();
            *n = (*n + d).max(0);
            if *n == 0 {
                open.remove(day);
            }
        }
    }

    /// Moves on the stamp of every kind touched, so a reader holding what it read
    /// under the old stamp knows to read again.
    pub fn apply_stamps(&self, stamps: &mut Stamps) {
        for kind in &self.touched {
            *stamps.entry(kind.store_name().to_owned()).or_default() += 1;
        }
    }
}

/// Open rectifications by deadline, kept beside the pages.
pub type OpenDeadlines = BTreeMap<Day, i64>;

/// A counter per kind, moved on by every write of the kind.
pub type Stamps = BTreeMap<String, u64>;

/// The stamp of `kind` in `stamps` (0 before its first write).
pub fn stamp_of(stamps: &Stamps, kind: Kind) -> u64 {
    stamps.get(kind.store_name()).copied().unwrap_or(0)
}

/// Rectifications still open before `today`.
pub fn overdue(open: &OpenDeadlines, today: Day) -> usize {
    open.range(..today).map(|(_, n)| (*n).max(0) as usize).sum()
}

/// Open deadlines counted afresh from records.
pub fn open_deadlines<'a>(records: impl Iterator<Item = &'a AnyRecord>) -> OpenDeadlines {
    let mut open = OpenDeadlines::new();
    for day in records.filter_map(open_deadline) {
        *open.entry(day).or_default() += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{IdSource, SequentialIds};
    use crate::meta::{Meta, Timestamp};
    use crate::record::Record;
    use crate::rectification::{RectStatus, Rectification};

    fn day(s: &str) -> Day {
        s.parse().expect("a day")
    }

    fn rect(ids: &SequentialIds, deadline: &str, status: RectStatus, deleted: bool) -> AnyRecord {
        let mut meta = Meta::new(ids.next_id(), Id::nil(), Timestamp::from_unix_millis(1_790_000_000_000.0));
        meta.deleted = deleted;
        let mut data = Rectification::new(ids.next_id(), day(deadline));
        data.status = status;
        AnyRecord::Rectification(Record { meta, data })
    }

    fn page_of_records(records: &[AnyRecord]) -> Page {
        let entries = records.iter().map(|r| (r.meta().id, Entry::of(r).expect("writes"))).collect();
        Page { entries }
    }

    #[test]
    fn a_record_goes_to_the_last_page_starting_at_or_before_its_id() {
        let ids = SequentialIds::default();
        let (a, b, c) = (ids.next_id(), ids.next_id(), ids.next_id());
        let kind = Kind::Problem;
        let keys = vec![page_key(kind, ""), page_key(kind, &b.to_string())];
        assert_eq!(page_of(&keys, kind, a), Some(0));
        assert_eq!(page_of(&keys, kind, b), Some(1));
        assert_eq!(page_of(&keys, kind, c), Some(1));
        assert_eq!(page_of(&[], kind, a), None);
        assert_eq!(page_of(&[page_key(kind, &b.to_string())], kind, a), None, "before the first page");
        let (low, high) = kind_bounds(kind);
        assert!(keys.iter().all(|k| low <= *k && *k <= high));
        assert!(page_key(Kind::Plan, "") > high || page_key(Kind::Plan, "ffffffff") < low, "kinds do not overlap");
        assert_eq!(kind_of_key(&keys[1]), Some(kind));
        assert_eq!(kind_of_key("nothing"), None);
    }

    #[test]
    fn a_page_reads_back_its_records_in_id_order_with_their_versions() {
        let ids = SequentialIds::default();
        let records = [
            rect(&ids, "2026-03-31", RectStatus::InProgress, false),
            rect(&ids, "2026-04-30", RectStatus::Closed, true),
        ];
        let page = page_of_records(&records);
        let read = Page::read(&page.text()).expect("reads");
        assert_eq!(read, page);
        let second = &read.entries[&records[1].meta().id];
        assert!(second.deleted);
        assert_eq!(second.version, records[1].meta().version);
        assert_eq!(second.record(Kind::Rectification).expect("decodes"), records[1]);
        assert!(Page::read("[{\"meta\":{\"id\":\"broken\"},\"data\":42}]").is_err(), "a record without an id");
        assert!(Page::read("not json").is_err());
        assert_eq!(Page::read("[]").expect("an empty page").len(), 0);
    }

    #[test]
    fn a_page_grown_past_its_limit_is_split_into_pages_keyed_by_their_first_records() {
        let ids = SequentialIds::default();
        let records: Vec<AnyRecord> =
            (0..PAGE_LIMIT + 1).map(|_| rect(&ids, "2026-03-31", RectStatus::NotStarted, false)).collect();
        let kind = Kind::Rectification;
        let page = page_of_records(&records);
        let written = page.write(kind, &page_key(kind, ""));
        assert_eq!(written.len(), 3);
        assert_eq!(written[0].0, page_key(kind, ""), "the first keeps its key");
        let mut seen = 0;
        for (i, (key, text)) in written.iter().enumerate() {
            let part = Page::read(text).expect("reads");
            let first = part.entries.keys().next().expect("not empty");
            if i > 0 {
                assert_eq!(*key, page_key(kind, &first.to_string()));
            }
            assert!(part.len() <= PAGE_RECORDS);
            seen += part.len();
        }
        assert_eq!(seen, records.len());
        let small = page_of_records(&records[..PAGE_LIMIT]);
        assert_eq!(small.write(kind, "k").len(), 1, "a page at its limit stays whole");
        assert!(Page::default().write(kind, "k").is_empty(), "an empty page is not written");
    }

    #[test]
    fn a_tally_counts_live_records_and_open_deadlines_as_they_change() {
        let ids = SequentialIds::default();
        let kind = Kind::Rectification;
        let open = rect(&ids, "2026-03-31", RectStatus::InProgress, false);
        let mut closed = open.clone();
        if let AnyRecord::Rectification(r) = &mut closed {
            r.data.status = RectStatus::Closed;
        }
        let gone = rect(&ids, "2026-01-31", RectStatus::NotStarted, true);
        let mut tally = Tally::default();
        tally.change(kind, None, Some(&open)).expect("counts");
        tally.change(kind, None, Some(&gone)).expect("counts");
        assert_eq!(tally.live[&kind], 1);
        assert_eq!(tally.open[&day("2026-03-31")], 1);
        let stored = Entry::of(&open).expect("writes");
        tally.change(kind, Some(&stored), Some(&closed)).expect("counts");
        assert_eq!(tally.open[&day("2026-03-31")], 0, "closing takes it out");
        tally.change(kind, Some(&Entry::of(&closed).expect("writes")), None).expect("counts");
        assert_eq!(tally.live[&kind], 0, "removed");

        let mut counts = BTreeMap::from([(kind.store_name().to_owned(), 5)]);
        tally.apply_live(&mut counts);
        assert_eq!(counts[kind.store_name()], 5);
        let mut deadlines = OpenDeadlines::from([(day("2026-03-31"), 2), (day("2026-06-30"), 1)]);
        let mut closing = Tally::default();
        closing.change(kind, Some(&stored), Some(&closed)).expect("counts");
        closing.apply_open(&mut deadlines);
        assert_eq!(deadlines, OpenDeadlines::from([(day("2026-03-31"), 1), (day("2026-06-30"), 1)]));
        assert_eq!(overdue(&deadlines, day("2026-04-01")), 1);
        assert_eq!(overdue(&deadlines, day("2026-03-31")), 0, "due today is not overdue");
        let mut stamps = Stamps::new();
        closing.apply_stamps(&mut stamps);
        closing.apply_stamps(&mut stamps);
        assert_eq!(stamp_of(&stamps, kind), 2);
        assert_eq!(stamp_of(&stamps, Kind::Problem), 0);
    }

    #[test]
    fn open_deadlines_counted_afresh_leave_out_closed_and_deleted_rectifications() {
        let ids = SequentialIds::default();
        let records = [
            rect(&ids, "2026-01-31", RectStatus::InProgress, false),
            rect(&ids, "2026-01-31", RectStatus::Closed, false),
            rect(&ids, "2026-01-31", RectStatus::NotStarted, true),
            rect(&ids, "2026-12-31", RectStatus::NotStarted, false),
        ];
        let open = open_deadlines(records.iter());
        assert_eq!(open, OpenDeadlines::from([(day("2026-01-31"), 1), (day("2026-12-31"), 1)]));
    }
}
