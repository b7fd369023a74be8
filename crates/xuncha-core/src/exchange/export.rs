//! Building export files from a store, and naming them so people can tell them apart.

use super::format::{ExchangeFile, FileKind, Records, Source};
use crate::clue::Clue;
use crate::date::Day;
use crate::group::Group;
use crate::i18n::{fill, Lang, T};
use crate::id::Id;
use crate::inspection::Inspection;
use crate::meta::Timestamp;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::recommendation::Recommendation;
use crate::record::Record;
use crate::rectification::Rectification;
use crate::registry::RecordsById;
use crate::response::{PaperBatch, Response};
use crate::round::{ordinal_label, Round};
use crate::schema::keys;
use crate::store::{Store, StoreError};
use crate::target::Target;
use crate::term::Term;
use std::collections::BTreeMap;

/// The app version written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything in the store, tombstones included, as one backup file.
pub async fn full_backup<S: Store>(store: &S, source: Source, now: Timestamp) -> Result<ExchangeFile, StoreError> {
    Ok(ExchangeFile::new(source, now, FileKind::Backup, store.all_records().await?))
}

/// Takes the talent pool's persons out of a file, for an office that should not
/// receive personal data. A backup without them is no longer every record, so it
/// becomes a package saying so. Packages never carry persons: a group names its
/// people and ties to them loosely (`Group::seats`).
pub fn leave_out_persons(file: &mut ExchangeFile, lang: Lang) {
    file.records.persons.clear();
    if file.kind == FileKind::Backup {
        file.kind = FileKind::Package { scope: T::ScopeAllButPersons.text(lang).to_owned() };
    }
}

/// What a package holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One round: its term, groups, inspections and their targets, with the ledgers of those inspections.
    Round(Id),
    /// One group of a round, with what it inspects.
    Group(Id),
    /// A township with its villages and communities, and their inspections.
    Township(Id),
    /// One questionnaire, blank, with the round and units it names: for respondents.
    Questionnaire(Id),
    /// One questionnaire with its responses and paper batches: for another office.
    Responses(Id),
}

/// Records collected once each, by id.
#[derive(Default)]
struct Collect {
    by_id: RecordsById,
    /// The problems and clues of each round read so far, read once per round
    /// however many of its targets a package takes.
    round_ledgers: BTreeMap<Id, RoundLedger>,
}

struct RoundLedger {
    problems: Vec<Record<Problem>>,
    clues: Vec<Record<Clue>>,
}

impl Collect {
    async fn target<S: Store>(&mut self, store: &S, id: Id) -> Result<(), StoreError> {
        if self.by_id.targets.contains_key(&id) {
            return Ok(());
        }
        if let Some(t) = store.get::<Target>(id).await? {
            let township = t.data.township;
            self.by_id.targets.insert(id, t);
            if let Some(w) = township {
                if let Some(town) = store.get::<Target>(w).await? {
                    self.by_id.targets.insert(w, town);
                }
            }
        }
        Ok(())
    }

    async fn round<S: Store>(&mut self, store: &S, id: Id) -> Result<(), StoreError> {
        if self.by_id.rounds.contains_key(&id) {
            return Ok(());
        }
        if let Some(r) = store.get::<Round>(id).await? {
            if let Some(term) = store.get::<Term>(r.data.term).await? {
                self.by_id.terms.insert(term.meta.id, term);
            }
            self.by_id.rounds.insert(id, r);
        }
        Ok(())
    }

    /// Adds inspections with everything they refer to.
    async fn inspections<S: Store>(&mut self, store: &S, list: Vec<Record<Inspection>>) -> Result<(), StoreError> {
        for i in list {
            self.round(store, i.data.round).await?;
            if !self.by_id.groups.contains_key(&i.data.group) {
                if let Some(g) = store.get::<Group>(i.data.group).await? {
                    self.by_id.groups.insert(g.meta.id, g);
                }
            }
            self.target(store, i.data.target).await?;
            self.ledger(store, i.data.round, i.data.target).await?;
            self.by_id.inspections.insert(i.meta.id, i);
        }
        Ok(())
    }

    /// The round, target and inspection (with its group) a ledger row belongs to, without its other rows.
    async fn place<S: Store>(&mut self, store: &S, round: Id, target: Id) -> Result<(), StoreError> {
        self.round(store, round).await?;
        self.target(store, target).await?;
        for i in store.by_index::<Inspection>(keys::BY_TARGET, target).await? {
            if i.data.round != round || self.by_id.inspections.contains_key(&i.meta.id) {
                continue;
            }
            if !self.by_id.groups.contains_key(&i.data.group) {
                if let Some(g) = store.get::<Group>(i.data.group).await? {
                    self.by_id.groups.insert(g.meta.id, g);
                }
            }
            self.by_id.inspections.insert(i.meta.id, i);
        }
        Ok(())
    }

    /// The problems, rectifications and clues of one target in one round.
    async fn ledger<S: Store>(&mut self, store: &S, round: Id, target: Id) -> Result<(), StoreError> {
        let ledger = match self.round_ledgers.entry(round) {
            std::collections::btree_map::Entry::Occupied(read) => read.into_mut(),
            std::collections::btree_map::Entry::Vacant(unread) => unread.insert(RoundLedger {
                problems: store.by_index(keys::BY_ROUND, round).await?,
                clues: store.by_index(keys::BY_ROUND, round).await?,
            }),
        };
        let problems: Vec<_> = ledger.problems.iter().filter(|p| p.data.target == target).cloned().collect();
        let clues: Vec<_> = ledger.clues.iter().filter(|c| c.data.target == target).cloned().collect();
        for p in problems {
            for r in store.by_index::<Rectification>(keys::BY_PROBLEM, p.meta.id).await? {
                self.by_id.rectifications.insert(r.meta.id, r);
            }
            self.by_id.problems.insert(p.meta.id, p);
        }
        for c in clues {
            self.by_id.clues.insert(c.meta.id, c);
        }
        Ok(())
    }

    /// A questionnaire with the round and the units it names.
    async fn questionnaire<S: Store>(
        &mut self,
        store: &S,
        id: Id,
    ) -> Result<Option<Record<Questionnaire>>, StoreError> {
        let Some(q) = store.get::<Questionnaire>(id).await? else { return Ok(None) };
        if let Some(round) = q.data.round {
            self.round(store, round).await?;
        }
        for t in q.data.target.into_iter().chain(q.data.handed_out.iter().filter_map(|h| h.target)) {
            self.target(store, t).await?;
        }
        self.by_id.questionnaires.insert(id, q.clone());
        Ok(Some(q))
    }

    /// The letters of the collected rounds whose problems all came along.
    async fn letters<S: Store>(&mut self, store: &S) -> Result<(), StoreError> {
        let rounds: Vec<Id> = self.by_id.rounds.keys().copied().collect();
        for round in rounds {
            for l in store.by_index::<Recommendation>(keys::BY_ROUND, round).await? {
                if l.data.problems.iter().all(|p| self.by_id.problems.contains_key(p)) {
                    self.by_id.recommendations.insert(l.meta.id, l);
                }
            }
        }
        Ok(())
    }

    fn records(self) -> Records {
        self.by_id.into_records()
    }
}

/// A package of `scope`, self-contained: every record its records refer to comes
/// along, and deletions inside the scope travel as tombstones. Returns the file
/// and a short label for its name; `None` when the scope's record does not exist.
pub async fn package<S: Store>(
    store: &S,
    scope: Scope,
    source: Source,
    now: Timestamp,
    lang: Lang,
) -> Result<Option<(ExchangeFile, String)>, StoreError> {
    let mut c = Collect::default();
    let (description, label) = match scope {
        Scope::Round(id) => {
            let Some(round) = store.get::<Round>(id).await? else { return Ok(None) };
            c.round(store, id).await?;
            for g in store.by_index::<Group>(keys::BY_ROUND, id).await? {
                c.by_id.groups.insert(g.meta.id, g);
            }
            c.inspections(store, store.by_index(keys::BY_ROUND, id).await?).await?;
            let term = c.by_id.terms.get(&round.data.term).map(|t| t.data.name.clone()).unwrap_or_default();
            (round.data.title(&term, lang), format!("{term}{}", ordinal_label(round.data.ordinal, lang)))
        }
        Scope::Group(id) => {
            let Some(group) = store.get::<Group>(id).await? else { return Ok(None) };
            c.round(store, group.data.round).await?;
            c.by_id.groups.insert(id, group.clone());
            c.inspections(store, store.by_index(keys::BY_GROUP, id).await?).await?;
            let round = c.by_id.rounds.get(&group.data.round);
            let term =
                round.and_then(|r| c.by_id.terms.get(&r.data.term)).map(|t| t.data.name.clone()).unwrap_or_default();
            let title = round.map(|r| r.data.title(&term, lang)).unwrap_or_default();
            let ordinal = round.map(|r| ordinal_label(r.data.ordinal, lang)).unwrap_or_default();
            (format!("{title} {}", group.data.name), format!("{term}{ordinal}-{}", group.data.name))
        }
        Scope::Township(id) => {
            let Some(town) = store.get::<Target>(id).await? else { return Ok(None) };
            c.target(store, id).await?;
            let mut places = vec![id];
            for v in store.by_index::<Target>(keys::BY_TOWNSHIP, id).await? {
                places.push(v.meta.id);
                c.by_id.targets.insert(v.meta.id, v);
            }
            for place in places {
                c.inspections(store, store.by_index(keys::BY_TARGET, place).await?).await?;
            }
            (fill(T::ScopeTownship.text(lang), &[("name", &town.data.name)]), town.data.name.clone())
        }
        Scope::Questionnaire(id) => {
            let Some(q) = c.questionnaire(store, id).await? else { return Ok(None) };
            (fill(T::ScopeQuestionnaire.text(lang), &[("title", &q.data.title)]), q.data.title.clone())
        }
        Scope::Responses(id) => {
            let Some(q) = c.questionnaire(store, id).await? else { return Ok(None) };
            for r in store.by_index::<Response>(keys::BY_QUESTIONNAIRE, id).await? {
                if let Some(t) = r.data.target {
                    c.target(store, t).await?;
                }
                c.by_id.responses.insert(r.meta.id, r);
            }
            for b in store.by_index::<PaperBatch>(keys::BY_QUESTIONNAIRE, id).await? {
                if let Some(t) = b.data.target {
                    c.target(store, t).await?;
                }
                c.by_id.paper_batches.insert(b.meta.id, b);
            }
            let label = format!("{}-{}", q.data.title, T::KindResponse.text(lang));
            (fill(T::ScopeResponses.text(lang), &[("title", &q.data.title)]), label)
        }
    };
    c.letters(store).await?;
    let file = ExchangeFile::new(source, now, FileKind::Package { scope: description }, c.records());
    Ok(Some((file, label)))
}

/// The rows of a filtered ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerRows {
    pub problems: Vec<Id>,
    pub clues: Vec<Id>,
    pub letters: Vec<Id>,
}

/// A package of chosen ledger rows: each problem with its rectification, each clue,
/// each letter with the problems it lists, and whatever those refer to (round, term,
/// target, township, the inspection and its group). `description` is the filter in words.
pub async fn ledger_package<S: Store>(
    store: &S,
    rows: &LedgerRows,
    description: String,
    source: Source,
    now: Timestamp,
) -> Result<ExchangeFile, StoreError> {
    let mut c = Collect::default();
    let mut problems: Vec<Id> = rows.problems.clone();
    for id in &rows.letters {
        if let Some(l) = store.get::<Recommendation>(*id).await? {
            c.round(store, l.data.round).await?;
            problems.extend(l.data.problems.iter().copied());
            c.by_id.recommendations.insert(l.meta.id, l);
        }
    }
    for id in problems {
        if c.by_id.problems.contains_key(&id) {
            continue;
        }
        if let Some(p) = store.get::<Problem>(id).await? {
            c.place(store, p.data.round, p.data.target).await?;
            for r in store.by_index::<Rectification>(keys::BY_PROBLEM, id).await? {
                c.by_id.rectifications.insert(r.meta.id, r);
            }
            c.by_id.problems.insert(id, p);
        }
    }
    for id in &rows.clues {
        if let Some(x) = store.get::<Clue>(*id).await? {
            c.place(store, x.data.round, x.data.target).await?;
            c.by_id.clues.insert(x.meta.id, x);
        }
    }
    Ok(ExchangeFile::new(source, now, FileKind::Package { scope: description }, c.records()))
}

/// "巡察-城关镇纪委-城关镇-2026-11-22.json": the sending office, then what the file
/// holds, so a township's file never overwrites the county's of the same scope on a
/// USB stick.
pub fn package_file_name(sender: &str, label: &str, day: Day) -> String {
    let (sender, label) = (file_name_part(sender), file_name_part(label));
    if sender == label {
        format!("巡察-{sender}-{day}.json")
    } else {
        format!("巡察-{sender}-{label}-{day}.json")
    }
}

/// Settings keys for the backup reminder.
pub const LAST_BACKUP_KEY: &str = "last_backup";
pub const REMINDER_DAYS_KEY: &str = "backup_reminder_days";
pub const DEFAULT_REMINDER_DAYS: u32 = 7;

/// Whether to remind the user to back up: never backed up, or longer ago than `days`.
/// A clock set back before the last backup does not silence the reminder forever.
pub fn backup_overdue(last: Option<Timestamp>, now: Timestamp, days: u32) -> bool {
    match last {
        None => true,
        Some(last) => {
            let age = now.0 - last.0;
            age > time::Duration::days(i64::from(days)) || age < -time::Duration::days(1)
        }
    }
}

/// The shortest passphrase accepted for an encrypted export.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Characters Windows does not allow in file names, and spaces.
fn file_name_part(s: &str) -> String {
    let cleaned: String =
        s.trim()
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .filter(|c| !c.is_whitespace())
            .collect();
    if cleaned.is_empty() {
        "_".to_owned()
    } else {
        cleaned
    }
}

/// "巡察台账-完整备份-某某县委巡察办-2026-11-22.json"
pub fn backup_file_name(office_name: &str, day: Day) -> String {
    format!("巡察台账-完整备份-{}-{day}.json", file_name_part(office_name))
}

/// The name of a backup saved from what a page still held after the database
/// could no longer be trusted: live records only, so named apart from a backup.
pub fn rescue_file_name(office_name: &str, day: Day) -> String {
    format!("巡察台账-抢救备份-{}-{day}.json", file_name_part(office_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_comes_after_the_chosen_number_of_days() {
        let day = |d: f64| Timestamp::from_unix_millis(1_795_000_000_000.0 + d * 86_400_000.0);
        assert!(backup_overdue(None, day(0.0), 7));
        assert!(!backup_overdue(Some(day(0.0)), day(6.9), 7));
        assert!(backup_overdue(Some(day(0.0)), day(7.1), 7));
        assert!(!backup_overdue(Some(day(0.0)), day(7.1), 30));
        assert!(backup_overdue(Some(day(10.0)), day(0.0), 7), "a backup dated in the future");
    }

    #[test]
    fn a_package_file_name_says_who_sent_it_and_what_it_holds() {
        let day = Day::from_ymd(2026, 12, 1).unwrap_or_else(|| panic!("valid day"));
        assert_eq!(package_file_name("城关镇纪委", "城关镇", day), "巡察-城关镇纪委-城关镇-2026-12-01.json");
        assert_eq!(package_file_name("县委巡察办", "城关镇", day), "巡察-县委巡察办-城关镇-2026-12-01.json");
        assert_eq!(package_file_name("城关镇", "城关镇", day), "巡察-城关镇-2026-12-01.json");
    }

    #[test]
    fn a_backup_file_name_says_what_whose_and_when_in_chinese() {
        let day = Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("valid day"));
        assert_eq!(backup_file_name("某某县委巡察办", day), "巡察台账-完整备份-某某县委巡察办-2026-11-22.json");
        assert_eq!(
            backup_file_name(" 城关镇/纪委: 办公室 ", day),
            "巡察台账-完整备份-城关镇_纪委_办公室-2026-11-22.json"
        );
        assert_eq!(backup_file_name("", day), "巡察台账-完整备份-_-2026-11-22.json");
    }
}
