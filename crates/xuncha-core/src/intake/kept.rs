//! What the office already keeps, indexed once per sheet by the words rows are matched
//! on, so each of thousands of rows is matched in constant time against a county's
//! tens of thousands of records. Records deleted here are remembered too, so a row
//! that would bring one back is said as such rather than counted as new.

use super::values::squeeze;
use crate::id::Id;
use crate::record::Records;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub(super) struct Kept {
    /// (round, unit, description) → the problem's place in the kept list.
    problems: HashMap<(Id, Id, String), usize>,
    /// Each problem's live rectification, by its place in the kept list.
    rectified: HashMap<Id, usize>,
    /// (round, unit, summary)
    clues: HashSet<(Id, Id, String)>,
    /// (round, addressee, sector)
    letters: HashSet<(Id, String, String)>,
    /// Ids of the records deleted here (tombstones), of every kind a sheet can make.
    deleted: HashSet<Id>,
}

impl Kept {
    pub(super) fn of(records: &Records) -> Kept {
        Kept {
            problems: records
                .problems
                .iter()
                .enumerate()
                .filter(|(_, p)| p.is_live())
                .map(|(i, p)| ((p.data.round, p.data.target, squeeze(&p.data.description)), i))
                .collect(),
            rectified: records
                .rectifications
                .iter()
                .enumerate()
                .filter(|(_, r)| r.is_live())
                .map(|(i, r)| (r.data.problem, i))
                .collect(),
            clues: records
                .clues
                .iter()
                .filter(|c| c.is_live())
                .map(|c| (c.data.round, c.data.target, squeeze(&c.data.summary)))
                .collect(),
            letters: records
                .recommendations
                .iter()
                .filter(|l| l.is_live())
                .map(|l| (l.data.round, squeeze(&l.data.addressee), squeeze(&l.data.sector)))
                .collect(),
            deleted: deleted_ids(records),
        }
    }

    /// Where the kept problem of this round, unit and description is in the kept list.
    pub(super) fn problem(&self, round: Id, target: Id, description: &str) -> Option<usize> {
        self.problems.get(&(round, target, squeeze(description))).copied()
    }

    /// Where the live rectification of `problem` is in the kept list.
    pub(super) fn rectification(&self, problem: Id) -> Option<usize> {
        self.rectified.get(&problem).copied()
    }

    /// Whether the record of this id was deleted here.
    pub(super) fn deleted(&self, id: Id) -> bool {
        self.deleted.contains(&id)
    }

    pub(super) fn clue(&self, round: Id, target: Id, summary: &str) -> bool {
        self.clues.contains(&(round, target, squeeze(summary)))
    }

    pub(super) fn letter(&self, round: Id, addressee: &str, sector: &str) -> bool {
        self.letters.contains(&(round, squeeze(addressee), squeeze(sector)))
    }
}

fn deleted_ids(records: &Records) -> HashSet<Id> {
    let dead = |meta: &crate::meta::Meta| meta.deleted.then_some(meta.id);
    let mut ids = HashSet::new();
    ids.extend(records.problems.iter().filter_map(|r| dead(&r.meta)));
    ids.extend(records.rectifications.iter().filter_map(|r| dead(&r.meta)));
    ids.extend(records.clues.iter().filter_map(|r| dead(&r.meta)));
    ids.extend(records.recommendations.iter().filter_map(|r| dead(&r.meta)));
    ids.extend(records.targets.iter().filter_map(|r| dead(&r.meta)));
    ids.extend(records.persons.iter().filter_map(|r| dead(&r.meta)));
    ids
}
