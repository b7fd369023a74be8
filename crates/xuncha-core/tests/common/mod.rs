//! What the exchange tests share: a clock, a small county database and its backup.

use pollster::block_on;
use xuncha_core::exchange::format::{ExchangeFile, FileKind, Source};
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx};
use xuncha_core::store::{MemoryStore, Store};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(1_795_000_000_000.0)
}

/// A county database with a term, a township and a village.
pub fn county(ids: &SequentialIds) -> (MemoryStore, Id) {
    let store = MemoryStore::new();
    let office = ids.next_id();
    let ctx = Ctx { office, now: now(), ids };
    block_on(async {
        ops::save_term(&store, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 }).await.ok();
        let town = ops::save_target(&store, &ctx, None, Target::new("城关镇", TargetKind::Township, None)).await.ok();
        let town = town.map(|t| t.meta.id);
        ops::save_target(&store, &ctx, None, Target::new("新村", TargetKind::Village, town)).await.ok();
    });
    (store, office)
}

pub fn backup(store: &MemoryStore, office: Id) -> ExchangeFile {
    block_on(async {
        ExchangeFile {
            format_version: (1, 0),
            app_version: "0.1.0".into(),
            exported_at: now(),
            source: Source { office_id: office, office_name: "某某县委巡察办".into() },
            kind: FileKind::Backup,
            records: store.all_records().await.unwrap_or_default(),
        }
    })
}

/// Puts `record` into `store` as it arrived from another office.
pub fn receive<B: xuncha_core::Body>(store: &MemoryStore, record: &xuncha_core::Record<B>) {
    let change =
        xuncha_core::store::Change { record: B::into_any(record.clone()), expect: xuncha_core::store::Expect::Absent };
    block_on(store.commit(vec![change])).unwrap_or_else(|e| panic!("{e}"));
}
