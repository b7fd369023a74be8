//! The ledger's rows joined from the records: every row at once when the data is
//! read, or only the rows of the records a save wrote, so that a save at a county's
//! scale does not join 50,000 rows again.

use super::table::{Item, Ledger, Row};
use crate::date::Day;
use crate::i18n::Lang;
use crate::id::Id;
use crate::ops::Snapshot;
use crate::record::{AnyRecord, Kind, Record};
use crate::rectification::Rectification;
use crate::target::TargetKind;
use std::collections::{HashMap, HashSet};

pub(super) struct Places<'a> {
    rounds: HashMap<Id, (Option<Id>, String, Option<Day>, bool)>,
    targets: HashMap<Id, (&'a str, Option<Id>, TargetKind)>,
    groups: HashMap<Id, &'a str>,
    group_of: HashMap<(Id, Id), Id>,
}

impl<'a> Places<'a> {
    fn new(d: &'a Snapshot, lang: Lang) -> Places<'a> {
        let terms: HashMap<Id, &str> = d.terms.iter().map(|t| (t.meta.id, t.data.name.as_str())).collect();
        let rounds = d
            .rounds
            .iter()
            .map(|r| {
                let term = terms.get(&r.data.term).copied().unwrap_or("?");
                (r.meta.id, (Some(r.data.term), r.data.title(term, lang), r.data.start, r.data.kind.is_county()))
            })
            .collect();
        Places {
            rounds,
            targets: d
                .targets
                .iter()
                .map(|t| (t.meta.id, (t.data.name.as_str(), t.data.township, t.data.kind)))
                .collect(),
            groups: d.groups.iter().map(|g| (g.meta.id, g.data.name.as_str())).collect(),
            group_of: d.inspections.iter().map(|i| ((i.data.round, i.data.target), i.data.group)).collect(),
        }
    }

    fn row(&self, item: Item, round: Id, target: Option<Id>, words: &[&str]) -> Row {
        let (term, round_title, round_start, county) =
            self.rounds.get(&round).cloned().unwrap_or((None, String::new(), None, true));
        let (target_name, parent, target_kind) = match target.and_then(|t| self.targets.get(&t)) {
            Some((name, parent, kind)) => (*name, *parent, Some(*kind)),
            None => ("", None, None),
        };
        let township = parent;
        let township_name = township.and_then(|w| self.targets.get(&w)).map(|t| t.0).unwrap_or("").to_owned();
        let group = target.and_then(|t| self.group_of.get(&(round, t)).copied());
        let group_name = group.and_then(|g| self.groups.get(&g)).copied().unwrap_or("").to_owned();
        let mut haystack = String::new();
        for w in [round_title.as_str(), group_name.as_str(), target_name, township_name.as_str()].iter().chain(words) {
            haystack.push_str(&w.to_lowercase());
            haystack.push('\u{1f}');
        }
        Row {
            item,
            term,
            round,
            group,
            target,
            township,
            round_start,
            county,
            target_kind,
            round_title,
            group_name,
            target_name: target_name.to_owned(),
            township_name,
            haystack,
        }
    }
}

/// What every row is joined with: the places, the townships, the rectification of each problem.
struct Join<'a> {
    places: Places<'a>,
    townships: HashSet<Id>,
}

impl<'a> Join<'a> {
    fn new(d: &'a Snapshot, lang: Lang) -> Join<'a> {
        let townships = d.targets.iter().filter(|t| t.data.kind == TargetKind::Township).map(|t| t.meta.id).collect();
        Join { places: Places::new(d, lang), townships }
    }

    /// A township inspected itself counts as its own township in filters.
    fn fix_township(&self, mut row: Row) -> Row {
        if let Some(t) = row.target.filter(|t| self.townships.contains(t)) {
            row.township = Some(t);
            row.township_name = row.target_name.clone();
        }
        row
    }

    fn problem(&self, p: &Record<crate::problem::Problem>, r: Option<&Record<Rectification>>) -> Row {
        let r = r.map(|r| Box::new(r.clone()));
        let mut words = vec![p.data.description.as_str(), p.data.sub_category.as_str()];
        if let Some(r) = &r {
            words.extend([r.data.measures.as_str(), r.data.unit.as_str(), r.data.person.as_str()]);
        }
        let row = self.places.row(Item::Problem(p.clone(), r.clone()), p.data.round, Some(p.data.target), &words);
        self.fix_township(row)
    }

    fn clue(&self, c: &Record<crate::clue::Clue>) -> Row {
        let words = [c.data.summary.as_str(), c.data.result.as_str(), c.data.recipient_other.as_str()];
        self.fix_township(self.places.row(Item::Clue(c.clone()), c.data.round, Some(c.data.target), &words))
    }

    fn letter(&self, l: &Record<crate::recommendation::Recommendation>) -> Row {
        let words = [l.data.addressee.as_str(), l.data.sector.as_str(), l.data.response.as_str()];
        self.places.row(Item::Letter(l.clone()), l.data.round, None, &words)
    }
}

/// Puts `fresh` rows in place of the rows of `list` with their ids, drops the rows of
/// ids in `gone`, and appends the rest: the order `Ledger::build` gives, since a
/// snapshot replaces records in place and appends new ones.
fn replace(list: &mut Vec<Row>, fresh: Vec<Row>, gone: &HashSet<Id>) -> Vec<usize> {
    if !gone.is_empty() {
        list.retain(|r| !gone.contains(&r.id()));
    }
    let mut fresh: Vec<Option<Row>> = fresh.into_iter().map(Some).collect();
    let at: HashMap<Id, usize> = fresh.iter().enumerate().filter_map(|(i, r)| Some((r.as_ref()?.id(), i))).collect();
    let mut changed = Vec::new();
    for (i, row) in list.iter_mut().enumerate() {
        if let Some(new) = at.get(&row.id()).and_then(|j| fresh[*j].take()) {
            *row = new;
            changed.push(i);
        }
    }
    for row in fresh.into_iter().flatten() {
        changed.push(list.len());
        list.push(row);
    }
    changed
}

/// The ids written whose records are no longer live: their rows go.
fn missing(written: &HashSet<Id>, fresh: &[Row]) -> HashSet<Id> {
    let live: HashSet<Id> = fresh.iter().map(Row::id).collect();
    written.difference(&live).copied().collect()
}

impl Ledger {
    pub fn build(d: &Snapshot, lang: Lang) -> Ledger {
        let join = Join::new(d, lang);
        let rects: HashMap<Id, &Record<Rectification>> = d.rectifications.iter().map(|r| (r.data.problem, r)).collect();
        Ledger {
            problems: d.problems.iter().map(|p| join.problem(p, rects.get(&p.meta.id).copied())).collect(),
            clues: d.clues.iter().map(|c| join.clue(c)).collect(),
            letters: d.recommendations.iter().map(|l| join.letter(l)).collect(),
            lang,
            version: next_version(),
            changed: None,
        }
    }

    /// Brings the rows up to date with `written`, records already put into `d`: the
    /// rows of written problems, rectifications, clues and letters are joined again
    /// alone, and `changed` names them. A write of any other kind (a round's title, a
    /// unit's name) may show in every row, so everything is joined again.
    pub fn apply(&mut self, d: &Snapshot, written: &[AnyRecord], lang: Lang) {
        let own = |k: Kind| matches!(k, Kind::Problem | Kind::Rectification | Kind::Clue | Kind::Recommendation);
        if written.iter().any(|r| !own(r.kind())) {
            *self = Ledger::build(d, lang);
            return;
        }
        let join = Join::new(d, lang);
        let mut problems: HashSet<Id> = HashSet::new();
        let mut clues: HashSet<Id> = HashSet::new();
        let mut letters: HashSet<Id> = HashSet::new();
        for record in written {
            match record {
                AnyRecord::Problem(p) => problems.insert(p.meta.id),
                AnyRecord::Rectification(r) => problems.insert(r.data.problem),
                AnyRecord::Clue(c) => clues.insert(c.meta.id),
                AnyRecord::Recommendation(l) => letters.insert(l.meta.id),
                _ => false,
            };
        }
        let mut changed = Changed { from: self.version, ..Changed::default() };
        if !problems.is_empty() {
            let rects: HashMap<Id, &Record<Rectification>> = d
                .rectifications
                .iter()
                .filter(|r| problems.contains(&r.data.problem))
                .map(|r| (r.data.problem, r))
                .collect();
            let fresh: Vec<Row> = d
                .problems
                .iter()
                .filter(|p| problems.contains(&p.meta.id))
                .map(|p| join.problem(p, rects.get(&p.meta.id).copied()))
                .collect();
            let gone = missing(&problems, &fresh);
            changed.problems = replace(&mut self.problems, fresh, &gone);
            changed.kept_order &= gone.is_empty();
        }
        if !clues.is_empty() {
            let fresh: Vec<Row> = d.clues.iter().filter(|c| clues.contains(&c.meta.id)).map(|c| join.clue(c)).collect();
            let gone = missing(&clues, &fresh);
            changed.clues = replace(&mut self.clues, fresh, &gone);
            changed.kept_order &= gone.is_empty();
        }
        if !letters.is_empty() {
            let fresh: Vec<Row> =
                d.recommendations.iter().filter(|l| letters.contains(&l.meta.id)).map(|l| join.letter(l)).collect();
            let gone = missing(&letters, &fresh);
            changed.letters = replace(&mut self.letters, fresh, &gone);
            changed.kept_order &= gone.is_empty();
        }
        self.version = next_version();
        self.changed = Some(changed);
    }
}

/// A new `Ledger::version`: unique among every ledger of the page, so an order
/// sorted from one ledger is never taken for another's.
fn next_version() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The rows the last `Ledger::apply` joined again, by position, and the version it
/// started from. When `kept_order`, every other row kept its position, so an order
/// sorted at version `from` can be brought up to date by moving these alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub from: u64,
    pub problems: Vec<usize>,
    pub clues: Vec<usize>,
    pub letters: Vec<usize>,
    pub kept_order: bool,
}

impl Default for Changed {
    fn default() -> Changed {
        Changed { from: 0, problems: Vec::new(), clues: Vec::new(), letters: Vec::new(), kept_order: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collate::CodePoints;
    use crate::ledger::table::{Col, LedgerKind};

    fn day(s: &str) -> Day {
        s.parse().expect("a day")
    }

    fn county() -> Snapshot {
        let mut d = crate::generate::generate(0.02, 4, day("2026-11-22")).records;
        for kind in Kind::ALL {
            struct Live<'a>(&'a mut Snapshot);
            impl crate::record::KindVisitor for Live<'_> {
                type Out = ();
                fn visit<B: crate::record::Body>(self) {
                    B::list_of(self.0).retain(Record::is_live);
                }
            }
            kind.visit(Live(&mut d));
        }
        d
    }

    /// A save's records: a rectification's measures and deadline, a problem's
    /// description and date, a new problem, a clue's summary.
    fn saves(d: &Snapshot) -> Vec<AnyRecord> {
        let mut rect = d.rectifications[7].clone();
        rect.data.measures = "建立健全制度".into();
        rect.data.deadline = day("2019-01-01");
        let mut problem = d.problems[3].clone();
        problem.data.description = "新的问题表述".into();
        problem.data.found_on = day("2030-06-30");
        let mut new = d.problems[5].clone();
        new.meta.id = Id::from_random_bytes([9; 16]);
        let mut clue = d.clues[2].clone();
        clue.data.summary = "反映某村干部优亲厚友".into();
        vec![
            AnyRecord::Rectification(rect),
            AnyRecord::Problem(problem),
            AnyRecord::Problem(new),
            AnyRecord::Clue(clue),
        ]
    }

    #[test]
    fn a_save_joins_only_its_rows_and_leaves_the_rows_a_full_join_gives() {
        let mut d = county();
        let mut ledger = Ledger::build(&d, Lang::Zh);
        let written = saves(&d);
        d.apply(written.clone());
        ledger.apply(&d, &written, Lang::Zh);
        let full = Ledger::build(&d, Lang::Zh);
        assert_eq!(ledger.problems, full.problems);
        assert_eq!(ledger.clues, full.clues);
        assert_eq!(ledger.letters, full.letters);
        let changed = ledger.changed.as_ref().expect("an apply says what it changed");
        assert_eq!(changed.problems.len(), 3, "the rectification's problem, the problem edited and the new one");
        assert!(changed.kept_order);

        // A deletion drops its row; a write of another kind joins everything again.
        let mut gone = d.problems[0].clone();
        gone.meta.deleted = true;
        let written = vec![AnyRecord::Problem(gone)];
        d.apply(written.clone());
        ledger.apply(&d, &written, Lang::Zh);
        assert_eq!(ledger.problems, Ledger::build(&d, Lang::Zh).problems);
        assert!(ledger.changed.as_ref().is_some_and(|c| !c.kept_order));
        let mut round = d.rounds[0].clone();
        round.data.ordinal += 1;
        let written = vec![AnyRecord::Round(round)];
        d.apply(written.clone());
        ledger.apply(&d, &written, Lang::Zh);
        assert_eq!(ledger.problems, Ledger::build(&d, Lang::Zh).problems);
        assert_eq!(ledger.changed, None);
    }

    #[test]
    fn an_order_brought_up_to_date_after_a_save_is_the_order_a_full_sort_gives() {
        let cases = [
            (LedgerKind::Problems, Col::FoundOn),
            (LedgerKind::Rectifications, Col::Deadline),
            (LedgerKind::Clues, Col::TransferredOn),
        ];
        for (kind, col) in cases {
            for descending in [false, true] {
                let mut d = county();
                let mut ledger = Ledger::build(&d, Lang::Zh);
                let today = day("2026-11-22");
                let before = ledger.sorted(kind, col, descending, Lang::Zh, today, &CodePoints);
                let written = saves(&d);
                d.apply(written.clone());
                ledger.apply(&d, &written, Lang::Zh);
                let full = ledger.sorted(kind, col, descending, Lang::Zh, today, &CodePoints);
                let moved = ledger.resorted(kind, &before, col, descending, Lang::Zh, today);
                assert_eq!(moved.as_ref(), Some(&full), "{kind:?} by {col:?}, descending {descending}");
            }
        }
        let mut d = county();
        let mut ledger = Ledger::build(&d, Lang::Zh);
        let before =
            ledger.sorted(LedgerKind::Problems, Col::Description, false, Lang::Zh, day("2026-11-22"), &CodePoints);
        let written = saves(&d);
        d.apply(written.clone());
        ledger.apply(&d, &written, Lang::Zh);
        let by_text =
            ledger.resorted(LedgerKind::Problems, &before, Col::Description, false, Lang::Zh, day("2026-11-22"));
        assert_eq!(by_text, None, "texts are placed by the collator, in a full sort");
    }
}
