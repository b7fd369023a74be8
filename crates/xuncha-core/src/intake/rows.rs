//! Rows into records: a problem (with its rectification when the row has one) or a
//! clue per row, each checked by the rules the forms keep. Titles, section headings,
//! 合计 rows and notes are passed over; a row that matches a record already kept is
//! left as it is, so importing the same sheet again changes nothing, unless it is a
//! later version of a 整改台账 row (`update`).

use super::grid::{Cell, Grid};
use super::header::{Header, Mapping};
use super::place::{Rounds, Units};
use super::refusal::{RowProblem, Why};
use super::update::Left;
use super::values::{self, squeeze, DateProblem};
use crate::date::Day;
use crate::id::Id;
use crate::inspection::Inspection;
use crate::ledger::table::Col;
use crate::meta::{Meta, Timestamp};
use crate::problem::{Focus, Problem, ProblemSource, Scope};
use crate::record::{Body, Record, Records};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub use super::conversion::{Conversion, RowNote, RowOutcome};

/// What the person importing decides for the whole sheet.
#[derive(Clone, Debug)]
pub struct Defaults {
    /// The round of every row when the sheet has no round column.
    pub round: Option<Id>,
    /// The year of days written without one ("3月5日").
    pub year: Option<i32>,
    /// The 三个聚焦 of rows that name none.
    pub focus: Option<Focus>,
    /// The importing office and the time, for the records' envelopes.
    pub office: Id,
    pub now: Timestamp,
    /// The language of the notes the import writes into a rectification's history.
    pub lang: crate::i18n::Lang,
}

/// A record id from what a row says, so the same row always makes the same record.
pub(super) fn derived_id(parts: &[&str]) -> Id {
    let mut hash = Sha256::new();
    for p in parts {
        hash.update(p.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Id::from_random_bytes(bytes)
}

/// Works through a sheet in steps, so a page can show progress between them.
#[derive(Debug)]
pub struct Converter<'a> {
    grid: &'a Grid,
    header: &'a Header,
    mapping: &'a Mapping,
    defaults: Defaults,
    stored: &'a Records,
    units: Units<'a>,
    kept: super::kept::Kept,
    rounds: Rounds<'a>,
    next: usize,
    /// The sheet's width, measured once.
    width: usize,
    /// The 三个聚焦 of the section heading above the rows.
    section: Option<Focus>,
    /// Keys of the rows made so far, with their row numbers.
    made: HashMap<Id, usize>,
    out: Conversion,
}

impl<'a> Converter<'a> {
    pub fn new(
        grid: &'a Grid,
        header: &'a Header,
        mapping: &'a Mapping,
        stored: &'a Records,
        defaults: Defaults,
    ) -> Converter<'a> {
        Converter {
            grid,
            header,
            mapping,
            defaults,
            stored,
            units: Units::new(stored),
            kept: super::kept::Kept::of(stored),
            rounds: Rounds::new(stored),
            next: header.data_start(),
            width: grid.width(),
            section: None,
            made: HashMap::new(),
            out: Conversion::default(),
        }
    }

    /// Rows still to read, and rows in all.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.grid.rows.len().saturating_sub(self.header.data_start());
        (self.next.saturating_sub(self.header.data_start()).min(total), total)
    }

    /// Reads up to `budget` rows; true when the sheet is done.
    pub fn step(&mut self, budget: usize) -> bool {
        let end = (self.next + budget).min(self.grid.rows.len());
        while self.next < end {
            self.row(self.next);
            self.next += 1;
        }
        self.next >= self.grid.rows.len()
    }

    pub fn finish(mut self) -> Conversion {
        while !self.step(1000) {}
        self.out.made = self.made;
        self.out
    }

    pub(super) fn cell(&self, row: usize, col: Col) -> Option<&'a Cell> {
        self.mapping.column_of(col).map(|c| self.grid.cell(row, c))
    }

    pub(super) fn text(&self, row: usize, col: Col) -> String {
        self.cell(row, col).map(Cell::text).unwrap_or_default()
    }

    pub(super) fn heading(&self, col: Col) -> (Option<usize>, String) {
        let c = self.mapping.column_of(col);
        (
            c,
            c.and_then(|c| self.header.names.get(c).cloned())
                .unwrap_or_else(|| col.label().text(crate::i18n::Lang::Zh).to_owned()),
        )
    }

    pub(super) fn problem(&self, row: usize, col: Col, why: Why) -> RowProblem {
        let (c, heading) = self.heading(col);
        RowProblem { row: row + 1, col: c, heading, field: col, why }
    }

    /// A rule of the record broken by the row, at the column its field is read from.
    pub(super) fn refusal_of(&self, row: usize, invalid: crate::validation::Invalid) -> RowProblem {
        self.problem(row, field_col(invalid.field), Why::Rule(invalid.msg))
    }

    /// A day from a column: `Ok(None)` when the column is absent or blank.
    pub(super) fn day(&self, row: usize, col: Col, errors: &mut Vec<RowProblem>) -> Option<Day> {
        let cell = self.cell(row, col)?;
        if cell.is_blank() {
            return None;
        }
        match values::day(cell, self.defaults.year) {
            Ok(d) => Some(d),
            Err(DateProblem::NeedsYear) => {
                errors.push(self.problem(row, col, Why::NeedsYear(cell.text())));
                None
            }
            Err(DateProblem::NotADate) => {
                let words = cell.text();
                let long_term = col == Col::Deadline && (words.contains("长期") || words.contains("持续"));
                errors.push(self.problem(
                    row,
                    col,
                    if long_term { Why::LongTermDeadline(words) } else { Why::NotADate(words) },
                ));
                None
            }
        }
    }

    fn row(&mut self, row: usize) {
        let texts: Vec<String> = (0..self.width).map(|c| self.grid.cell(row, c).text()).collect();
        if texts.iter().all(|t| t.is_empty()) {
            return;
        }
        match super::layout::passed_over(&texts) {
            None => {}
            Some(passed) => {
                // A top-level heading ("二、……") starts a section: its focus, or none when
                // it names none; a sub-heading ("（一）……") keeps the section's unless it names one.
                if let super::layout::Passed::Heading(words) = &passed {
                    let top = super::layout::numbered_heading(words) && !words.starts_with(['（', '(']);
                    match values::focus(words) {
                        Some(f) => self.section = Some(f),
                        None if top => self.section = None,
                        None => {}
                    }
                }
                self.out.passed_over.push(row + 1);
                return;
            }
        }
        let mut errors = Vec::new();
        // A 整改台账 may also have a column about clues (是否移交问题线索): a description makes it a problem ledger.
        let outcome = if self.mapping.column_of(Col::Description).is_some() {
            self.problem_row(row, &mut errors)
        } else if self.mapping.column_of(Col::Summary).is_some() {
            self.clue_row(row, &mut errors)
        } else if self.mapping.column_of(Col::Addressee).is_some() {
            self.letter_row(row, &mut errors)
        } else if self.mapping.column_of(Col::PersonName).is_some() {
            self.person_row(row, &mut errors)
        } else if self.is_register() {
            self.target_row(row, &mut errors)
        } else {
            // A ledger whose description column was left out: each row says so.
            self.problem_row(row, &mut errors)
        };
        let outcome = if errors.is_empty() { outcome } else { RowOutcome::Refused };
        // A cell read for two purposes (a deadline dates the row and the rectification) is refused once.
        let mut said: Vec<RowProblem> = Vec::with_capacity(errors.len());
        for e in errors {
            if !said.contains(&e) {
                said.push(e);
            }
        }
        let errors = said;
        self.out.problems.extend(errors);
        self.out.rows.push((row + 1, outcome));
    }

    /// The round and unit of a row, and its inspection.
    /// The round of a row: its round column, else the round chosen for the sheet, else
    /// the one its title names.
    pub(super) fn round_of(&self, row: usize, day: Option<Day>, errors: &mut Vec<RowProblem>) -> Option<Id> {
        let round = match self.cell(row, Col::Round).map(Cell::text).filter(|t| !t.is_empty()) {
            Some(words) => self.rounds.find(&words, day),
            None => match self.defaults.round {
                Some(r) => Ok(r),
                None if values::round_ordinal(&self.header.title).is_some() => {
                    self.rounds.find(&self.header.title, day)
                }
                None => Err(Why::NoRound),
            },
        };
        round.map_err(|why| errors.push(self.problem(row, Col::Round, why))).ok()
    }

    /// The registered unit a row names, by its unit and township columns.
    pub(super) fn unit_of(&self, row: usize) -> Result<Id, Why> {
        let name = self.text(row, Col::Target);
        if name.is_empty() {
            return Err(Why::Missing(Col::Target));
        }
        self.units.find(&name, &self.text(row, Col::Township))
    }

    /// The words a row's round is named by: its round column, else the sheet's title;
    /// `None` when the round was chosen for the sheet.
    pub(super) fn round_words(&self, row: usize) -> Option<String> {
        match self.cell(row, Col::Round).map(Cell::text).filter(|t| !t.is_empty()) {
            Some(words) => Some(words),
            None if self.defaults.round.is_some() => None,
            None => Some(self.header.title.clone()),
        }
    }

    pub(super) fn place(
        &self,
        row: usize,
        day: Option<Day>,
        errors: &mut Vec<RowProblem>,
    ) -> Option<(Id, Id, &'a Record<Inspection>)> {
        let round = self.round_of(row, day, errors);
        let name = self.text(row, Col::Target);
        let target = self.unit_of(row).map_err(|why| errors.push(self.problem(row, Col::Target, why))).ok();
        let (round, target) = (round?, target?);
        let inspection =
            self.stored.inspections.iter().find(|i| i.is_live() && i.data.round == round && i.data.target == target);
        match inspection {
            Some(i) => Some((round, target, i)),
            None => {
                let why = Why::NotInspected { target: name, round: self.rounds.title(round) };
                errors.push(self.problem(row, Col::Target, why));
                None
            }
        }
    }

    pub(super) fn envelope<B: Body>(&self, id: Id, data: B) -> Record<B> {
        Record { meta: Meta::new(id, self.defaults.office, self.defaults.now), data }
    }

    fn problem_row(&mut self, row: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let description = self.text(row, Col::Description);
        if description.is_empty() {
            errors.push(self.problem(row, Col::Description, Why::Missing(Col::Description)));
        }
        let found = self.day(row, Col::FoundOn, errors);
        let deadline = self.day(row, Col::Deadline, errors);
        let Some((round, target, inspection)) = self.place(row, found.or(deadline), errors) else {
            return RowOutcome::Refused;
        };
        if description.is_empty() {
            return RowOutcome::Refused;
        }
        let key = squeeze(&description);
        if let Some(at) = self.kept.problem(round, target, &key) {
            return self.rectification_for_kept(row, at, errors);
        }
        let office = self.defaults.office.to_string();
        let id = derived_id(&["problem", &office, &round.to_string(), &target.to_string(), &key]);
        if self.kept.deleted(id) {
            return RowOutcome::Deleted;
        }
        if let Some(first_row) = self.made.get(&id) {
            errors.push(self.problem(row, Col::Description, Why::Repeated { first_row: *first_row }));
            return RowOutcome::Refused;
        }
        let round_start = self.rounds.get(round).and_then(|r| r.data.start);
        let Some(found_on) = found.or(inspection.data.milestones.entry).or(round_start) else {
            errors.push(self.problem(row, Col::FoundOn, Why::Missing(Col::FoundOn)));
            return RowOutcome::Refused;
        };
        let mut problem = Problem::new(round, target, found_on);
        problem.description = description;
        problem.sub_category = self.text(row, Col::SubCategory);
        problem.focus = match self.cell(row, Col::Focus).map(Cell::text).filter(|t| !t.is_empty()) {
            Some(words) => match values::focus(&words) {
                Some(f) => f,
                None => {
                    errors.push(self.problem(row, Col::Focus, Why::UnknownFocus(words)));
                    Focus::Policy
                }
            },
            None => match self.section.or(self.defaults.focus) {
                Some(f) => f,
                None => {
                    errors.push(self.problem(row, Col::Focus, Why::Missing(Col::Focus)));
                    Focus::Policy
                }
            },
        };
        problem.source = self.choice(row, Col::Source, &ProblemSource::ALL, errors).unwrap_or(ProblemSource::Other);
        problem.scope = match self.text(row, Col::Scope) {
            t if t.contains("共性") || t.eq_ignore_ascii_case("common") => Scope::Common,
            _ => Scope::Individual,
        };
        problem.rectified_on_spot = self.on_spot(row, found_on, errors);
        let rectification = super::rect::has_rectification(self, row);
        if rectification {
            problem.fed_back_on = inspection.data.milestones.feedback;
        }
        let rounds: Vec<Record<crate::round::Round>> = self.rounds.get(round).cloned().into_iter().collect();
        if let Err(invalid) = problem.validate(&rounds, std::slice::from_ref(inspection)) {
            errors.extend(invalid.into_iter().map(|i| self.refusal_of(row, i)));
        }
        let problem = self.envelope(id, problem);
        let rect = if rectification { super::rect::build(self, row, &problem, errors) } else { None };
        if !errors.is_empty() {
            return RowOutcome::Refused;
        }
        self.made.insert(id, row + 1);
        self.out.records.problems.push(problem);
        if let Some(r) = rect {
            self.made.insert(r.meta.id, row + 1);
            self.out.records.rectifications.push(r);
        }
        RowOutcome::Added
    }

    /// A row whose problem is kept already: its rectification comes in when the
    /// problem has none, or moves the kept one on when the row is further along.
    fn rectification_for_kept(&mut self, row: usize, at: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let Some(problem) = self.stored.problems.get(at) else { return RowOutcome::Same };
        if !super::rect::has_rectification(self, row) {
            return RowOutcome::Same;
        }
        let kept = self.kept.rectification(problem.meta.id).and_then(|i| self.stored.rectifications.get(i));
        let rect = match kept {
            Some(kept) => match super::update::rectification(self, row, kept, problem, errors) {
                Ok(r) => Some(r),
                Err(Left::Behind { kept, sheet }) => {
                    self.out.notes.push(RowNote::Behind { row: row + 1, kept, sheet });
                    None
                }
                Err(Left::Differs) => {
                    self.out.notes.push(RowNote::Differs { row: row + 1 });
                    None
                }
                Err(Left::Same | Left::Refused) => None,
            },
            None => super::rect::build(self, row, problem, errors),
        };
        match rect {
            Some(r) if errors.is_empty() => {
                if let Some(first_row) = self.made.get(&r.meta.id) {
                    errors.push(self.problem(row, Col::Description, Why::Repeated { first_row: *first_row }));
                    return RowOutcome::Refused;
                }
                if kept.is_none() && self.kept.deleted(r.meta.id) {
                    return RowOutcome::Deleted;
                }
                self.made.insert(r.meta.id, row + 1);
                self.out.records.rectifications.push(r);
                if kept.is_some() {
                    RowOutcome::Updated
                } else {
                    RowOutcome::Added
                }
            }
            None if errors.is_empty() => RowOutcome::Same,
            _ => RowOutcome::Refused,
        }
    }

    /// 立行立改: a day, or a tick, which dates it with the day the problem was found.
    fn on_spot(&self, row: usize, found_on: Day, errors: &mut Vec<RowProblem>) -> Option<Day> {
        let cell = self.cell(row, Col::OnSpot)?;
        if cell.is_blank() {
            return None;
        }
        match values::flag(cell) {
            Some(false) => None,
            Some(true) => Some(found_on),
            None => self.day(row, Col::OnSpot, errors),
        }
    }

    /// A labelled choice by its words; blank is `None`, unknown words are refused.
    pub(super) fn choice<E: crate::i18n::Label + Copy>(
        &self,
        row: usize,
        col: Col,
        all: &[E],
        errors: &mut Vec<RowProblem>,
    ) -> Option<E> {
        let words = self.text(row, col);
        if words.is_empty() {
            return None;
        }
        let found = values::by_label(all, &words);
        if found.is_none() {
            errors.push(self.problem(row, col, Why::UnknownChoice(words)));
        }
        found
    }

    fn clue_row(&mut self, row: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let Some(clue) = super::clues::build(self, row, errors) else { return RowOutcome::Refused };
        if !errors.is_empty() {
            return RowOutcome::Refused;
        }
        let same = self.kept.clue(clue.data.round, clue.data.target, &clue.data.summary);
        self.keep(row, clue, same, Col::Summary, errors)
    }

    /// A 巡察建议书 of a letters ledger: new, or already kept for the same round, addressee and sector.
    fn letter_row(&mut self, row: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let Some(letter) = super::letters::build(self, row, errors) else { return RowOutcome::Refused };
        if !errors.is_empty() {
            return RowOutcome::Refused;
        }
        let same = self.kept.letter(letter.data.round, &letter.data.addressee, &letter.data.sector);
        self.keep(row, letter, same, Col::Addressee, errors)
    }

    /// A unit of a register: new, or already kept under the same name and township.
    fn target_row(&mut self, row: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let Some(target) = super::targets::build(self, row, errors) else { return RowOutcome::Refused };
        let same = self.stored.targets.iter().any(|t| {
            t.is_live()
                && t.data.township == target.data.township
                && super::place::unit_name(&t.data.name) == super::place::unit_name(&target.data.name)
        });
        self.keep(row, target, same, Col::Target, errors)
    }

    /// A person of the talent pool: new, or already kept under the same name and unit.
    fn person_row(&mut self, row: usize, errors: &mut Vec<RowProblem>) -> RowOutcome {
        let Some(person) = super::persons::build(self, row, errors) else { return RowOutcome::Refused };
        let targets = &self.stored.targets;
        let unit = |p: &crate::person::Person| super::place::unit_name(&p.unit_text(targets));
        let same = self
            .stored
            .persons
            .iter()
            .any(|p| p.is_live() && p.data.name == person.data.name && unit(&p.data) == unit(&person.data));
        self.keep(row, person, same, Col::PersonName, errors)
    }

    /// A row's record: the same as one kept, the same as an earlier row's (refused at
    /// `col`), or new and added.
    fn keep<B: Body>(
        &mut self,
        row: usize,
        record: Record<B>,
        same: bool,
        col: Col,
        errors: &mut Vec<RowProblem>,
    ) -> RowOutcome {
        if same {
            return RowOutcome::Same;
        }
        if self.kept.deleted(record.meta.id) {
            return RowOutcome::Deleted;
        }
        if let Some(first_row) = self.made.get(&record.meta.id) {
            errors.push(self.problem(row, col, Why::Repeated { first_row: *first_row }));
            return RowOutcome::Refused;
        }
        self.made.insert(record.meta.id, row + 1);
        B::list_of(&mut self.out.records).push(record);
        RowOutcome::Added
    }

    /// A register of units: a kind, party organisation or township column, and none
    /// that only a ledger has.
    fn is_register(&self) -> bool {
        let has = |c: &Col| self.mapping.column_of(*c).is_some();
        [Col::TargetKind, Col::OrgForm, Col::Township].iter().any(has)
            && ![Col::Focus, Col::Measures, Col::Deadline, Col::Status, Col::Round, Col::FoundOn].iter().any(has)
    }

    /// The units kept and those this sheet has added so far: a village's township may be either.
    pub(super) fn targets_so_far(&self) -> Vec<&Record<crate::target::Target>> {
        self.stored.targets.iter().chain(self.out.records.targets.iter()).filter(|t| t.is_live()).collect()
    }

    pub(super) fn stored(&self) -> &'a Records {
        self.stored
    }

    pub(super) fn defaults(&self) -> &Defaults {
        &self.defaults
    }
}

/// The column a form field is entered in, for a rule's refusal.
pub(super) fn field_col(field: &str) -> Col {
    match field {
        "round" => Col::Round,
        "target" => Col::Target,
        "description" => Col::Description,
        "rectified_on_spot" => Col::OnSpot,
        "fed_back_on" | "problem" => Col::Target,
        "measures" => Col::Measures,
        "unit" => Col::Unit,
        "deadline" => Col::Deadline,
        "evidence" => Col::Evidence,
        "verifier" => Col::Verifier,
        "closed_on" => Col::ClosedOn,
        "summary" => Col::Summary,
        "name" => Col::Target,
        "township" => Col::Township,
        "kind" => Col::TargetKind,
        "org_form" => Col::OrgForm,
        "addressee" => Col::Addressee,
        "sent_on" => Col::SentOn,
        "responded_on" => Col::RespondedOn,
        "response" => Col::Response,
        "result" => Col::Result,
        "recipient_other" => Col::Recipient,
        "transferred_on" => Col::TransferredOn,
        "disposal" => Col::Disposal,
        _ => Col::FoundOn,
    }
}

/// Reads a whole sheet at once (the command line; the page steps a `Converter`).
pub fn convert(grid: &Grid, header: &Header, mapping: &Mapping, stored: &Records, defaults: Defaults) -> Conversion {
    Converter::new(grid, header, mapping, stored, defaults).finish()
}
