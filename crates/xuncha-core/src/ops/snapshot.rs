//! What the screens show, read once and kept up to date from each write: the
//! snapshot of live records, read in two stages so the first page is quick.

use super::*;

/// Everything the lists show, loaded once: the live records of every kind.
pub type Snapshot = crate::record::Records;

/// Written records up to which `upsert_all` finds each by walking the list.
const FEW: usize = 16;

/// Puts written records into a live list: replaces, appends, or drops a record
/// that became a tombstone. One pass with an index, so an import of 100,000
/// records costs no more than reading them.
fn upsert_all<B: Body>(list: &mut Vec<Record<B>>, written: Vec<Record<B>>) {
    if written.is_empty() {
        return;
    }
    // A save's few records are found by walking the list: cheaper than indexing
    // 200,000 records for them.
    if written.len() <= FEW {
        for record in written {
            let at = list.iter().position(|r| r.meta.id == record.meta.id);
            match (at, record.is_live()) {
                (Some(i), true) => list[i] = record,
                (Some(i), false) => {
                    list.remove(i);
                }
                (None, true) => list.push(record),
                (None, false) => {}
            }
        }
        return;
    }
    let mut at: std::collections::HashMap<Id, usize> = list.iter().enumerate().map(|(i, r)| (r.meta.id, i)).collect();
    let mut dropped = std::collections::HashSet::new();
    for record in written {
        let id = record.meta.id;
        match (at.get(&id).copied(), record.is_live()) {
            (Some(i), true) => {
                list[i] = record;
                dropped.remove(&id);
            }
            (Some(_), false) => {
                dropped.insert(id);
            }
            (None, true) => {
                at.insert(id, list.len());
                list.push(record);
            }
            (None, false) => {}
        }
    }
    if !dropped.is_empty() {
        list.retain(|r| !dropped.contains(&r.meta.id));
    }
}

impl Snapshot {
    /// Brings the snapshot up to date with records just written, without reading everything again.
    pub fn apply(&mut self, written: Vec<AnyRecord>) {
        struct Upsert<'a>(&'a mut Snapshot, &'a mut Snapshot);
        impl KindVisitor for Upsert<'_> {
            type Out = ();
            fn visit<B: Body>(self) {
                upsert_all(B::list_of(self.0), std::mem::take(B::list_of(self.1)));
            }
        }
        let mut by_kind = Snapshot::from_any(written);
        for kind in crate::Kind::ALL {
            kind.visit(Upsert(self, &mut by_kind));
        }
    }

    /// Every live record.
    pub async fn load<S: Store>(store: &S) -> Result<Snapshot, StoreError> {
        let mut snapshot = Snapshot::load_first(store).await?;
        let mut rest = DeferredLoad::default();
        while !rest.step(store, 10_000).await? {}
        rest.finish(&mut snapshot);
        Ok(snapshot)
    }

    /// The live records of every kind but the `DEFERRED` ones, whose lists stay empty:
    /// enough for the first page, which takes its figures from `FirstCounts`.
    pub async fn load_first<S: Store>(store: &S) -> Result<Snapshot, StoreError> {
        let mut first = Snapshot::default();
        macro_rules! read_first {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                $(if !DEFERRED.contains(&crate::Kind::$kind) {
                    first.$list = live(store).await?;
                })*
            };
        }
        crate::for_each_kind!(read_first);
        Ok(first)
    }

    /// The name people know a record by, for references shown in words: a round by
    /// its title, other records by their name or first words.
    pub fn name_of(&self, kind: crate::Kind, id: Id, lang: Lang) -> Option<String> {
        struct Find<'a>(&'a Snapshot, Id);
        impl KindVisitor for Find<'_> {
            type Out = Option<AnyRecord>;
            fn visit<B: Body>(self) -> Option<AnyRecord> {
                B::list(self.0).iter().find(|r| r.meta.id == self.1).map(|r| B::into_any(r.clone()))
            }
        }
        let record = kind.visit(Find(self, id))?;
        Some(record.title_in(lang, &|kind, id| self.name_of(kind, id, lang)))
    }

    pub fn term(&self, id: Id) -> Option<&Record<Term>> {
        self.terms.iter().find(|t| t.meta.id == id)
    }

    pub fn target(&self, id: Id) -> Option<&Record<Target>> {
        self.targets.iter().find(|t| t.meta.id == id)
    }

    pub fn round(&self, id: Id) -> Option<&Record<Round>> {
        self.rounds.iter().find(|r| r.meta.id == id)
    }

    pub fn group(&self, id: Id) -> Option<&Record<Group>> {
        self.groups.iter().find(|g| g.meta.id == id)
    }

    /// The title of a round with its term, e.g. 十五届县委第三轮巡察.
    pub fn round_title(&self, round: &Record<Round>, lang: Lang) -> String {
        let term = self.term(round.data.term).map(|t| t.data.name.as_str()).unwrap_or("?");
        round.data.title(term, lang)
    }

    pub fn townships(&self) -> impl Iterator<Item = &Record<Target>> {
        self.targets.iter().filter(|t| t.data.kind == TargetKind::Township)
    }
}

/// The kinds that run to tens of thousands of records. The first page is drawn
/// before they are read; `DeferredLoad` then reads them in steps.
pub const DEFERRED: [crate::Kind; 4] =
    [crate::Kind::Problem, crate::Kind::Rectification, crate::Kind::Clue, crate::Kind::Response];

/// Reads the `DEFERRED` kinds a page of records at a time, so the caller can
/// report progress and give the page back between steps.
#[derive(Debug, Default)]
pub struct DeferredLoad {
    /// Index into `DEFERRED` of the kind being read.
    kind: usize,
    after: Option<Id>,
    read: usize,
    lists: Snapshot,
}

/// Reads one page of `B` after `after` into `list` (live records only); returns how
/// many records the page held and the id of its last.
async fn page_into<B: Body, S: Store>(
    store: &S,
    after: Option<Id>,
    limit: usize,
    list: &mut Vec<Record<B>>,
) -> Result<(usize, Option<Id>), StoreError> {
    let page = store.page::<B>(after, limit).await?;
    let last = page.last().map(|r| r.meta.id);
    let n = page.len();
    list.extend(page.into_iter().filter(Record::is_live));
    Ok((n, last))
}

impl DeferredLoad {
    /// Reads up to `limit` records; true once every deferred kind has been read.
    pub async fn step<S: Store>(&mut self, store: &S, limit: usize) -> Result<bool, StoreError> {
        let limit = limit.max(1);
        let Some(kind) = DEFERRED.get(self.kind) else {
            return Ok(true);
        };
        let lists = &mut self.lists;
        macro_rules! read_page {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                match kind { $(crate::Kind::$kind => page_into(store, self.after, limit, &mut lists.$list).await?,)* }
            };
        }
        let (n, last) = crate::for_each_kind!(read_page);
        self.read += n;
        if n < limit {
            self.kind += 1;
            self.after = None;
        } else {
            self.after = last;
        }
        Ok(self.kind >= DEFERRED.len())
    }

    /// Records read so far, tombstones included.
    pub fn read(&self) -> usize {
        self.read
    }

    /// Puts the lists read into `snapshot`. A record already there was written
    /// while they were being read, so it is the newer version and stays.
    pub fn finish(self, snapshot: &mut Snapshot) {
        struct Merge<'a>(&'a mut Snapshot, &'a mut Snapshot);
        impl KindVisitor for Merge<'_> {
            type Out = ();
            fn visit<B: Body>(self) {
                let mut read = std::mem::take(B::list_of(self.1));
                let written = std::mem::take(B::list_of(self.0));
                upsert_all(&mut read, written);
                *B::list_of(self.0) = read;
            }
        }
        let mut lists = self.lists;
        for kind in DEFERRED {
            kind.visit(Merge(snapshot, &mut lists));
        }
    }
}

/// The figures of the first page, which the store counts before the long lists are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FirstCounts {
    pub problems: usize,
    pub rectifications: usize,
    pub clues: usize,
    pub responses: usize,
    /// Rectifications still open past their deadline.
    pub overdue: usize,
}

impl FirstCounts {
    /// Counted by the store's indexes, without reading the records.
    pub async fn read<S: Store>(store: &S, today: Day) -> Result<FirstCounts, StoreError> {
        Ok(FirstCounts {
            problems: store.count_live(crate::Kind::Problem).await?,
            rectifications: store.count_live(crate::Kind::Rectification).await?,
            clues: store.count_live(crate::Kind::Clue).await?,
            responses: store.count_live(crate::Kind::Response).await?,
            overdue: store.count_overdue(today).await?,
        })
    }

    /// The same figures from records in memory.
    pub fn of(snapshot: &Snapshot, today: Day) -> FirstCounts {
        FirstCounts {
            problems: snapshot.problems.len(),
            rectifications: snapshot.rectifications.len(),
            clues: snapshot.clues.len(),
            responses: snapshot.responses.len(),
            overdue: snapshot.rectifications.iter().filter(|r| r.data.is_overdue(today)).count(),
        }
    }

    /// How many live records `DeferredLoad` will read, for its progress bar.
    pub fn deferred(&self) -> usize {
        self.problems + self.rectifications + self.clues + self.responses
    }
}
