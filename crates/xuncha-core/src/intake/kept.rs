//! What the office already keeps, indexed once per sheet by the words rows are matched
//! on, so each of thousands of rows is matched in constant time against a county's
//! tens of thousands of records.

use super::values::squeeze;
use crate::id::Id;
use crate::record::Records;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub(super) struct Kept {
    /// (round, unit, description) → the problem's place in the kept list.
    problems: HashMap<(Id, Id, String), usize>,
    /// The problems that have their rectification.
    rectified: HashSet<Id>,
    /// (round, unit, summary)
    clues: HashSet<(Id, Id, String)>,
    /// (round, addressee, sector)
    letters: HashSet<(Id, String, String)>,
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
            rectified: records.rectifications.iter().filter(|r| r.is_live()).map(|r| r.data.problem).collect(),
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
        }
    }

    /// Where the kept problem of this round, unit and description is in the kept list.
    pub(super) fn problem(&self, round: Id, target: Id, description: &str) -> Option<usize> {
        self.problems.get(&(round, target, squeeze(description))).copied()
    }

    pub(super) fn rectified(&self, problem: Id) -> bool {
        self.rectified.contains(&problem)
    }

    pub(super) fn clue(&self, round: Id, target: Id, summary: &str) -> bool {
        self.clues.contains(&(round, target, squeeze(summary)))
    }

    pub(super) fn letter(&self, round: Id, addressee: &str, sector: &str) -> bool {
        self.letters.contains(&(round, squeeze(addressee), squeeze(sector)))
    }
}
