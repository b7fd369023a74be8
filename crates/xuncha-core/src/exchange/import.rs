//! Importing a file, as one use case for the app and the command line: the file is
//! checked in steps (`Reader`), then planned against the database reading each
//! store it touches once, then applied in one transaction that also keeps the
//! import's undo record, so a crash can never leave the one without the other.

use super::format::{ExchangeFile, ParseError};
use super::merge::{plan_against, ImportPlan, PlanItem, Resolution};
use super::undo::{ImportUndo, LAST_IMPORT_KEY};
use crate::i18n::Lang;
use crate::id::Id;
use crate::meta::Timestamp;
use crate::record::{Body, Kind, Record};
use crate::registry::ListVisitor;
use crate::store::{Commit, SettingWrite, Store, StoreError};
use std::collections::HashSet;

/// Why a file cannot be imported: the file itself, or the database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    File(ParseError),
    Store(StoreError),
}

impl ImportError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::File(e) => e.message(lang),
            ImportError::Store(e) => e.message().text(lang).to_owned(),
        }
    }
}

/// A file checked on its own, as the command line does: every reference must
/// resolve inside the file.
pub fn check_alone(bytes: &[u8], passphrase: Option<&str>) -> Result<ExchangeFile, ParseError> {
    let file = ExchangeFile::open(bytes, passphrase)?;
    file.check_rules(&|_, _| false, &super::consistency::Local::default())?;
    Ok(file)
}

/// The kinds a file's records belong to or refer to: the stores an import reads.
fn kinds_touched(file: &ExchangeFile) -> HashSet<Kind> {
    struct Touched(HashSet<Kind>);
    impl ListVisitor for Touched {
        fn list<B: Body>(&mut self, records: &[Record<B>]) {
            if !records.is_empty() {
                self.0.insert(B::KIND);
            }
            for r in records.iter().filter(|r| r.is_live()) {
                self.0.extend(r.data.references().iter().map(|x| x.kind));
            }
        }
    }
    let mut touched = Touched(HashSet::new());
    file.records.each(&mut touched);
    touched.0
}

/// The database's few targets and questionnaires, kept from the one read of their
/// stores for the rules that compare a record with them (`check_consistency`).
#[derive(Default)]
struct Kept {
    targets: Vec<Record<crate::target::Target>>,
    questionnaires: Vec<Record<crate::questionnaire::Questionnaire>>,
}

impl Kept {
    #[allow(clippy::ptr_arg)] // The downcast needs the list type itself, not a slice.
    fn keep<B: Body>(&mut self, local: &Vec<Record<B>>) {
        let any: &dyn std::any::Any = local;
        if let Some(t) = any.downcast_ref::<Vec<Record<crate::target::Target>>>() {
            self.targets.clone_from(t);
        } else if let Some(q) = any.downcast_ref::<Vec<Record<crate::questionnaire::Questionnaire>>>() {
            self.questionnaires.clone_from(q);
        }
    }
}

/// Checks the file's references against the database and classifies every record,
/// reading each store the file touches once. Nothing is written.
pub async fn plan<S: Store>(store: &S, file: &ExchangeFile) -> Result<ImportPlan, ImportError> {
    let touched = kinds_touched(file);
    let mut known: HashSet<(Kind, Id)> = HashSet::new();
    let mut items = Vec::with_capacity(file.records.len());
    let mut kept = Kept::default();
    macro_rules! read_each_store_once {
        ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
            $(if touched.contains(&Kind::$kind) {
                let local = store.all::<$ty>().await.map_err(ImportError::Store)?;
                kept.keep(&local);
                known.extend(local.iter().map(|r| (Kind::$kind, r.meta.id)));
                plan_against(local, &file.records.$list, &mut items);
            })*
        };
    }
    crate::for_each_kind!(read_each_store_once);
    let local = super::consistency::Local { targets: &kept.targets, questionnaires: &kept.questionnaires };
    file.check_rules(&|kind, id| known.contains(&(kind, id)), &local).map_err(ImportError::File)?;
    Ok(ImportPlan { items })
}

/// Disk room an import takes per record it writes. Measured in Chromium: a ×0.1
/// county (13,562 records) grew the database by 11 MB, about 0.8 KB a record;
/// the database also needs room to reorganise its files beside the new data, so
/// an import asks for well over twice that.
pub const DISK_BYTES_PER_RECORD: u64 = 2 * 1024;

/// Room to spare besides, so that the rest of the browser can still write.
pub const DISK_RESERVE: u64 = 20 * 1024 * 1024;

/// When the browser's figures say an import of `writes` records does not fit:
/// the bytes it needs and the bytes left, for the message.
pub fn space_shortfall(writes: usize, quota: u64, usage: u64) -> Option<(u64, u64)> {
    let need = (writes as u64).saturating_mul(DISK_BYTES_PER_RECORD).saturating_add(DISK_RESERVE);
    let free = quota.saturating_sub(usage);
    (need > free).then_some((need, free))
}

/// Who applies an import, when, and how conflicts are settled.
#[derive(Clone, Copy)]
pub struct Apply<'a> {
    /// The name the undo button shows for this import.
    pub name: &'a str,
    pub office: Id,
    pub now: Timestamp,
    /// Answers each conflicting field: the record and the field's path.
    pub resolve: &'a dyn Fn(&PlanItem, &str) -> Resolution,
    pub new_id: &'a dyn Fn() -> Id,
}

impl std::fmt::Debug for Apply<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Apply").field("name", &self.name).field("now", &self.now).finish_non_exhaustive()
    }
}

/// Writes the plan and its undo record in one transaction, telling `progress` how
/// far the writing has come; returns the undo record.
pub async fn apply<S: Store>(
    store: &S,
    file: &ExchangeFile,
    plan: &ImportPlan,
    how: Apply<'_>,
    progress: &dyn Fn(usize, usize),
) -> Result<ImportUndo, StoreError> {
    let (changes, archive) = plan.changes(how.resolve, how.office, how.now, file, how.new_id)?;
    let undo = ImportUndo { id: (how.new_id)(), ..ImportUndo::of(how.name, how.now, plan, &changes, &archive) };
    let settings = vec![SettingWrite::new(LAST_IMPORT_KEY, &Some(&undo))?];
    store.commit_with(Commit { changes, archive, settings }, progress).await?;
    Ok(undo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_fits_only_with_room_for_its_records_and_a_reserve_to_spare() {
        let mb = 1024 * 1024;
        assert_eq!(space_shortfall(1000, 1000 * mb, 10 * mb), None);
        let (need, free) =
            space_shortfall(126_242, 200 * mb, 10 * mb).unwrap_or_else(|| panic!("a ×1 county needs more"));
        assert_eq!(free, 190 * mb);
        assert!(need > 250 * mb, "{need}");
        assert!(space_shortfall(0, 10 * mb, 0).is_some(), "the reserve itself must be free");
        assert_eq!(
            space_shortfall(10, 5, 10),
            Some((10 * DISK_BYTES_PER_RECORD + DISK_RESERVE, 0)),
            "usage over quota leaves nothing"
        );
    }
}
