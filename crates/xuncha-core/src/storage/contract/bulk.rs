//! Contract cases at the scale where a backend keeps records in pages: thousands of
//! records written in several commits whose ids fall between those already stored,
//! read back, looked up, edited, paged through and taken back like a few.

use super::{create, day, edit, must, rectification};
use crate::id::{Id, IdSource};
use crate::meta::VersionVector;
use crate::record::{Kind, Record};
use crate::rectification::{RectStatus, Rectification};
use crate::schema::keys;
use crate::store::{live, Revert, Store, StoreError};

/// Ids spread over the whole range, as random ones are, but the same in every run.
struct SpreadIds(std::cell::Cell<u64>);

impl IdSource for SpreadIds {
    fn next_id(&self) -> Id {
        let n = self.0.get().wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0.set(n);
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&n.to_be_bytes());
        bytes[8..].copy_from_slice(&n.rotate_left(17).to_le_bytes());
        Id::from_random_bytes(bytes)
    }
}

fn sorted<T>(mut list: Vec<Record<T>>) -> Vec<Record<T>> {
    list.sort_by_key(|r| r.meta.id);
    list
}

pub async fn thousands_of_records_written_in_turns_read_edit_page_and_revert_as_a_few_do(s: &impl Store) {
    let ids = SpreadIds(std::cell::Cell::new(7));
    let office = ids.next_id();
    let problems: Vec<Id> = (0..3).map(|_| ids.next_id()).collect();
    let seq = crate::id::SequentialIds::starting_at(1_000_000);
    let make = |i: usize| {
        let mut r = rectification(&seq, office, day(2026, 1 + (i % 12) as u8, 28), RectStatus::InProgress);
        r.meta.id = ids.next_id();
        r.data.problem = problems[i % 3];
        r
    };
    // Three commits whose ids fall between each other's, so stored pages take new
    // records in their middle and grow past any page's limit.
    let mut all: Vec<Record<Rectification>> = Vec::new();
    for turn in 0..3 {
        let batch: Vec<_> = (0..1800).map(|i| make(turn * 1800 + i)).collect();
        must(s.commit(batch.iter().map(create).collect())).await;
        all.extend(batch);
    }
    assert_eq!(sorted(must(s.all::<Rectification>()).await), sorted(all.clone()), "every record once");
    assert_eq!(must(s.count_live(Kind::Rectification)).await, 5400);
    let under_first = must(s.by_index::<Rectification>(keys::BY_PROBLEM, problems[0])).await;
    assert_eq!(under_first.len(), 1800);
    assert!(under_first.iter().all(|r| r.data.problem == problems[0]));

    // Edits across the range, one moving a record to another problem, one deleting.
    let mut moved = all[9].clone();
    moved.data.problem = problems[1];
    moved.meta.version.bump(office);
    let mut closed = all[4000].clone();
    closed.data.status = RectStatus::Closed;
    closed.meta.version.bump(office);
    let mut gone = all[5399].clone();
    gone.meta.deleted = true;
    gone.meta.version.bump(office);
    let edits = vec![edit(&moved, &all[9]), edit(&closed, &all[4000]), edit(&gone, &all[5399])];
    must(s.commit(edits)).await;
    assert_eq!(must(s.get::<Rectification>(moved.meta.id)).await, Some(moved.clone()));
    assert_eq!(must(s.get::<Rectification>(gone.meta.id)).await, Some(gone.clone()), "a tombstone stays");
    assert_eq!(must(s.by_index::<Rectification>(keys::BY_PROBLEM, problems[0])).await.len(), 1799);
    assert_eq!(must(s.by_index::<Rectification>(keys::BY_PROBLEM, problems[1])).await.len(), 1801);
    assert_eq!(must(s.count_live(Kind::Rectification)).await, 5399);
    let stale = s.commit(vec![edit(&all[9], &all[9])]).await;
    assert_eq!(stale, Err(StoreError::Stale { kind: Kind::Rectification, id: moved.meta.id }));

    // Paged through with a limit that crosses page boundaries: each once, in order.
    let mut read = Vec::new();
    let mut after = None;
    loop {
        let step = must(s.page::<Rectification>(after, 777)).await;
        after = step.last().map(|r| r.meta.id);
        let n = step.len();
        read.extend(step);
        if n < 777 {
            break;
        }
    }
    assert_eq!(read.len(), 5400);
    assert!(read.windows(2).all(|w| w[0].meta.id < w[1].meta.id), "in id order");

    // The second commit taken back whole: its records removed, an edit restored.
    let second = &all[1800..3600];
    let remove: Vec<(Kind, Id, VersionVector)> =
        second.iter().map(|r| (Kind::Rectification, r.meta.id, r.meta.version.clone())).collect();
    let restore = vec![edit(&all[4000], &closed)];
    let revert = Revert { restore, remove, unarchive: Vec::new(), guard: None };
    must(s.revert(revert)).await;
    let left = must(live::<Rectification, _>(s)).await;
    assert_eq!(left.len(), 5399 - 1800);
    assert!(left.iter().all(|r| !second.iter().any(|g| g.meta.id == r.meta.id)));
    assert_eq!(must(s.get::<Rectification>(all[4000].meta.id)).await, Some(all[4000].clone()));
    assert_eq!(must(s.count_live(Kind::Rectification)).await, 3599);
    let open_before_june =
        left.iter().filter(|r| r.data.status != RectStatus::Closed && r.data.deadline < day(2026, 6, 1));
    assert_eq!(must(s.count_overdue(day(2026, 6, 1))).await, open_before_june.count());
}
