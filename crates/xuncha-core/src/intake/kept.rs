//! What the office already keeps, indexed once per sheet by the words rows are matched
//! on, so each of thousands of rows is matched in constant time against a county's
//! tens of thousands of records.

use super::values::squeeze;
use crate::id::Id;
use crate::record::Records;
use std::collections::HashSet;

#[derive(Debug, Default)]
pub(super) struct Kept {
    /// (round, unit, description)
    problems: HashSet<(Id, Id, String)>,
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
                .filter(|p| p.is_live())
                .map(|p| (p.data.round, p.data.target, squeeze(&p.data.description)))
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
        }
    }

    pub(super) fn problem(&self, round: Id, target: Id, description: &str) -> bool {
        self.problems.contains(&(round, target, squeeze(description)))
    }

    pub(super) fn clue(&self, round: Id, target: Id, summary: &str) -> bool {
        self.clues.contains(&(round, target, squeeze(summary)))
    }

    pub(super) fn letter(&self, round: Id, addressee: &str, sector: &str) -> bool {
        self.letters.contains(&(round, squeeze(addressee), squeeze(sector)))
    }
}
