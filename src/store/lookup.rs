//! What `by_index` finds without reading every page of a kind: for a kind read whole
//! once (by `all`, by the long lists read in steps at opening, or by `by_index`
//! itself), the ids under each (index, key). It holds while the kind's stamp is the one
//! it was built under; this connection's own writes keep it up to date, and a write
//! from another tab moves the stamp on, so the next lookup reads the kind again.

use std::cell::RefCell;
use std::collections::HashMap;
use xuncha_core::id::Id;
use xuncha_core::record::{AnyRecord, Kind};
use xuncha_core::schema::index_keys_of;

type Keys = Vec<(&'static str, Id)>;

#[derive(Debug, Default)]
struct Lookup {
    stamp: u64,
    /// A list, not a set: most keys hold one or two ids (a problem's rectification),
    /// and a set's node would cost a county some 10 MB.
    ids: HashMap<(&'static str, Id), Vec<Id>>,
    keys_of: HashMap<Id, Keys>,
}

impl Lookup {
    fn put(&mut self, id: Id, keys: Keys) {
        self.remove(id);
        for key in &keys {
            self.ids.entry(*key).or_default().push(id);
        }
        self.keys_of.insert(id, keys);
    }

    fn remove(&mut self, id: Id) {
        for key in self.keys_of.remove(&id).unwrap_or_default() {
            if let Some(ids) = self.ids.get_mut(&key) {
                ids.retain(|i| *i != id);
            }
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Lookups {
    kinds: RefCell<HashMap<Kind, Lookup>>,
    /// Lookups being made from a kind read in steps (`Store::page`).
    building: RefCell<HashMap<Kind, Lookup>>,
}

impl Lookups {
    /// The ids under (`index`, `key`) when the lookup of `kind` was built at `stamp`.
    pub(super) fn ids(&self, kind: Kind, stamp: u64, index: &'static str, key: Id) -> Option<Vec<Id>> {
        let kinds = self.kinds.borrow();
        let lookup = kinds.get(&kind).filter(|l| l.stamp == stamp)?;
        Some(lookup.ids.get(&(index, key)).cloned().unwrap_or_default())
    }

    /// Builds the lookup of `kind` from every one of its records, read at `stamp`.
    pub(super) fn build(&self, kind: Kind, stamp: u64, records: impl Iterator<Item = (Id, Keys)>) {
        let mut lookup = Lookup { stamp, ..Lookup::default() };
        for (id, keys) in records {
            lookup.put(id, keys);
        }
        self.kinds.borrow_mut().insert(kind, lookup);
    }

    /// Takes one step of a kind read in steps, read at `stamp`: the first step starts
    /// a lookup, the last makes it the kind's. A step read at another stamp than the
    /// first (a write came between) drops it.
    pub(super) fn feed(
        &self,
        kind: Kind,
        stamp: u64,
        first: bool,
        records: impl Iterator<Item = (Id, Keys)>,
        last: bool,
    ) {
        let mut building = self.building.borrow_mut();
        if first {
            building.insert(kind, Lookup { stamp, ..Lookup::default() });
        }
        let Some(lookup) = building.get_mut(&kind) else { return };
        if lookup.stamp != stamp {
            building.remove(&kind);
            return;
        }
        for (id, keys) in records {
            lookup.put(id, keys);
        }
        if last {
            if let Some(made) = building.remove(&kind) {
                self.kinds.borrow_mut().insert(kind, made);
            }
        }
    }

    /// After this connection's write moved `kind` from stamp `from` to `to`: the
    /// lookup takes the records written (`None` for one removed), or is dropped
    /// when it was not at `from`.
    pub(super) fn written(&self, kind: Kind, from: u64, to: u64, records: &[(Id, Option<&AnyRecord>)]) {
        let mut kinds = self.kinds.borrow_mut();
        let Some(lookup) = kinds.get_mut(&kind) else { return };
        if lookup.stamp != from {
            kinds.remove(&kind);
            return;
        }
        for (id, record) in records {
            match record {
                Some(r) => lookup.put(*id, index_keys_of(kind, &r.references())),
                None => lookup.remove(*id),
            }
        }
        lookup.stamp = to;
    }
}
