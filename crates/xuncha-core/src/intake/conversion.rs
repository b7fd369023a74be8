//! What a sheet's check came to: the records to write, what became of each row, why
//! rows were refused, and what is said of rows left as they are.

use crate::i18n::{fill, Label, Lang, T};
use crate::id::Id;
use crate::record::Records;
use crate::rectification::RectStatus;
use std::collections::{HashMap, HashSet};

/// What became of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// New records from the row: a problem (and its rectification) or a clue.
    Added,
    /// The row's problem or clue is already kept.
    Same,
    /// The row's rectification is kept and the row has moved it on: a newer ledger.
    Updated,
    /// The row's record was deleted here; it stays deleted.
    Deleted,
    Refused,
}

/// A sheet read: the records to add, what became of each data row, and why rows were refused.
#[derive(Clone, Debug, Default)]
pub struct Conversion {
    pub records: Records,
    /// (Excel row number, outcome), for every data row.
    pub rows: Vec<(usize, RowOutcome)>,
    /// Excel row numbers of headings, totals and notes, which are no data.
    pub passed_over: Vec<usize>,
    pub problems: Vec<super::RowProblem>,
    /// Rows kept as they are that the person should hear about.
    pub notes: Vec<RowNote>,
    /// Each record made, with the Excel row number that made it.
    pub made: HashMap<Id, usize>,
}

impl Conversion {
    pub fn count(&self, outcome: RowOutcome) -> usize {
        self.rows.iter().filter(|(_, o)| *o == outcome).count()
    }
}

impl Conversion {
    /// Takes out the records of `deleted` ids (deleted here, which the check could not
    /// see): their rows are `Deleted`, and they are not offered for writing.
    pub fn mark_deleted(&mut self, deleted: &HashSet<Id>) {
        let rows: HashSet<usize> = deleted.iter().filter_map(|id| self.made.get(id).copied()).collect();
        for (row, outcome) in &mut self.rows {
            if rows.contains(row) && *outcome == RowOutcome::Added {
                *outcome = RowOutcome::Deleted;
            }
        }
        let r = &mut self.records;
        let kept = |id: &Id| !deleted.contains(id) && !self.made.get(id).is_some_and(|row| rows.contains(row));
        r.problems.retain(|x| kept(&x.meta.id));
        r.rectifications.retain(|x| kept(&x.meta.id));
        r.clues.retain(|x| kept(&x.meta.id));
        r.recommendations.retain(|x| kept(&x.meta.id));
        r.targets.retain(|x| kept(&x.meta.id));
        r.persons.retain(|x| kept(&x.meta.id));
    }
}

/// A row kept as it is, with something the person should hear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowNote {
    /// Its rectification's status is behind this PC's, which stands.
    Behind { row: usize, kept: RectStatus, sheet: RectStatus },
    /// No further along, and its measures, unit or person read otherwise: left as kept.
    Differs { row: usize },
}

impl RowNote {
    fn row(&self) -> usize {
        match self {
            RowNote::Behind { row, .. } | RowNote::Differs { row } => *row,
        }
    }

    fn words(&self, lang: Lang) -> String {
        match self {
            RowNote::Behind { kept, sheet, .. } => fill(
                T::SheetNoteBehind.text(lang),
                &[("sheet", &sheet.label().text(lang)), ("kept", &kept.label().text(lang))],
            ),
            RowNote::Differs { .. } => T::SheetNoteDiffers.text(lang).to_owned(),
        }
    }

    /// The notes as a page lists them: one line per thing said, naming its rows.
    pub fn grouped(notes: &[RowNote], lang: Lang) -> Vec<String> {
        let mut lines: Vec<(String, Vec<usize>)> = Vec::new();
        for n in notes {
            let words = n.words(lang);
            match lines.iter_mut().find(|(w, _)| *w == words) {
                Some((_, rows)) => rows.push(n.row()),
                None => lines.push((words, vec![n.row()])),
            }
        }
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        lines
            .into_iter()
            .map(|(words, rows)| {
                let listed: Vec<String> = rows.iter().map(usize::to_string).collect();
                let key = if rows.len() > 1 { T::IntakeAtRows } else { T::IntakeAtRow };
                format!("{}{words}", fill(key.text(lang), &[("row", &listed.join(sep))]))
            })
            .collect()
    }
}
