//! 补建: the units, rounds and inspections a ledger names that this office has not
//! entered, made from what the ledger says so its rows can come in, only when the
//! person asks (`xuncha from-sheet --create-missing`, or the page's offer after a
//! check, through a preview). A ledger gives no more than a round's number and its
//! rows' days, so what it lacks is taken as documented here and said in each made
//! record's notes for the office to check:
//! - a unit: its kind from its name, else the kind chosen;
//! - a round: its number in the term its words name, else the term holding its
//!   earliest day; that earliest day (of any date column) is its start; 已结束;
//!   a 回头看 when its words say so;
//! - an inspection of a unit in a round: by the group "原台账导入组" of that round,
//!   entered on the round's start and fed back on the latest day a row of the unit
//!   was found (else the start), so every row's days follow its feedback.

use super::grid::Grid;
use super::header::{Header, Mapping};
use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter, Defaults};
use super::values::{round_ordinal, small_number, squeeze};
use crate::date::Day;
use crate::group::Group;
use crate::i18n::{fill, T};
use crate::id::Id;
use crate::inspection::{Inspection, InspectionContext};
use crate::ledger::table::Col;
use crate::record::{Body, Record, Records};
use crate::round::{Round, RoundKind, RoundStatus};
use crate::target::TargetKind;
use std::collections::BTreeMap;

/// What 补建 would make, and what it cannot, in words.
#[derive(Clone, Debug, Default)]
pub struct Made {
    pub records: Records,
    pub cannot: Vec<String>,
}

impl Made {
    pub fn is_empty(&self) -> bool {
        self.records.targets.is_empty()
            && self.records.rounds.is_empty()
            && self.records.groups.is_empty()
            && self.records.inspections.is_empty()
    }
}

/// A round the rows name and the office lacks, by its words.
#[derive(Debug, Default)]
struct Wanted {
    earliest: Option<Day>,
    /// Each unit with the latest day a row of it was found.
    units: BTreeMap<Id, Option<Day>>,
}

/// Whether a refusal is for a unit, round or inspection the office lacks.
pub fn is_missing(p: &RowProblem) -> bool {
    matches!(p.why, Why::UnknownTarget(_) | Why::UnknownRound(_) | Why::NotInspected { .. })
}

/// What the refusals say is missing, by name, in the order met: units not registered,
/// rounds not entered, and units not inspected in the round a row names ("单位（轮次）").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub units: Vec<String>,
    pub rounds: Vec<String>,
    pub places: Vec<(String, String)>,
}

impl Named {
    pub fn of(problems: &[RowProblem]) -> Named {
        let mut named = Named::default();
        fn add<T: PartialEq>(list: &mut Vec<T>, item: T) {
            if !list.contains(&item) {
                list.push(item);
            }
        }
        for p in problems {
            match &p.why {
                Why::UnknownTarget(name) => add(&mut named.units, name.clone()),
                Why::UnknownRound(words) => add(&mut named.rounds, words.clone()),
                Why::NotInspected { target, round } => add(&mut named.places, (target.clone(), round.clone())),
                _ => {}
            }
        }
        named
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.rounds.is_empty() && self.places.is_empty()
    }
}

/// The days a row gives, of any date column, and the day it was found.
fn days_of(conv: &Converter<'_>, row: usize) -> (Vec<Day>, Option<Day>) {
    let mut ignored = Vec::new();
    let found = conv.day(row, Col::FoundOn, &mut ignored);
    let days = [Col::FoundOn, Col::Deadline, Col::ClosedOn].iter().filter_map(|c| conv.day(row, *c, &mut ignored));
    (days.collect(), found)
}

/// Plans 补建 for the rows a check refused (`refused`) for a missing unit, round or inspection.
pub fn plan(
    sheet: (&Grid, &Header, &Mapping),
    stored: &Records,
    defaults: &Defaults,
    refused: &[RowProblem],
    kind: TargetKind,
    file: &str,
) -> Made {
    let (grid, header, mapping) = sheet;
    let mut rows: Vec<usize> = refused.iter().filter(|p| is_missing(p)).map(|p| p.row - 1).collect();
    rows.dedup();
    let lang = defaults.lang;
    let mut made = Made::default();
    // Units first: rounds and inspections name them.
    let mut names: Vec<String> = Vec::new();
    {
        let conv = Converter::new(grid, header, mapping, stored, defaults.clone());
        for row in &rows {
            if let Err(Why::UnknownTarget(_)) = conv.unit_of(*row) {
                let (name, town) = (conv.text(*row, Col::Target), conv.text(*row, Col::Township));
                let name = if town.is_empty() || name.starts_with(&town) { name } else { format!("{town}{name}") };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    if !names.is_empty() {
        let (g, h, m) = super::targets::units_sheet(&names, kind);
        let units = super::convert(&g, &h, &m, stored, defaults.clone());
        made.cannot.extend(units.problems.iter().map(|p| p.why.message(lang)));
        made.records.targets = units.records.targets;
    }
    let mut with = stored.clone();
    with.targets.extend(made.records.targets.iter().cloned());
    let conv = Converter::new(grid, header, mapping, &with, defaults.clone());
    let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
    // (round, unit) → the latest day a row of the unit was found, for the inspections to make.
    let mut places: BTreeMap<(Id, Id), Option<Day>> = BTreeMap::new();
    for row in rows {
        let Ok(unit) = conv.unit_of(row) else { continue };
        let (days, found) = days_of(&conv, row);
        let earliest = days.iter().min().copied();
        let mut errors = Vec::new();
        match conv.round_of(row, earliest, &mut errors) {
            Some(round) => {
                let slot = places.entry((round, unit)).or_default();
                *slot = (*slot).max(found);
            }
            None => {
                let Some(words) = conv.round_words(row) else { continue };
                if !matches!(errors.first().map(|e| &e.why), Some(Why::UnknownRound(_))) {
                    continue;
                }
                let w = wanted.entry(words).or_default();
                w.earliest = match (w.earliest, earliest) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                let slot = w.units.entry(unit).or_default();
                *slot = (*slot).max(found);
            }
        }
    }
    let note = fill(T::IntakeMadeNote.text(lang), &[("file", &file)]);
    for (words, w) in wanted {
        match new_round(&words, &w, &with, defaults, &note) {
            Ok(round) => {
                for (unit, found) in &w.units {
                    places.insert((round.meta.id, *unit), *found);
                }
                with.rounds.push(round.clone());
                made.records.rounds.push(round);
            }
            Err(why) => made.cannot.push(why),
        }
    }
    for ((round, unit), found) in places {
        if with.inspections.iter().any(|i| i.is_live() && i.data.round == round && i.data.target == unit) {
            continue;
        }
        let group = group_of(round, &mut with, &mut made, defaults);
        let start = with.rounds.iter().find(|r| r.meta.id == round).and_then(|r| r.data.start);
        let mut inspection = Inspection::new(round, group, unit);
        inspection.milestones.entry = start;
        inspection.milestones.feedback = match (start, found) {
            (Some(s), Some(f)) => Some(s.max(f)),
            (s, f) => s.or(f),
        };
        inspection.notes = note.clone();
        let id = derived_id(&["inspection", &defaults.office.to_string(), &round.to_string(), &unit.to_string()]);
        let same_round: Vec<Record<Inspection>> =
            with.inspections.iter().filter(|i| i.data.round == round).cloned().collect();
        let cx = InspectionContext { groups: &with.groups, targets: &with.targets, inspections: &same_round };
        if let Err(invalid) = inspection.validate(id, cx) {
            made.cannot.extend(invalid.iter().map(|i| i.msg.text(lang).to_owned()));
            continue;
        }
        let record = envelope(defaults, id, inspection);
        with.inspections.push(record.clone());
        made.records.inspections.push(record);
    }
    made
}

fn envelope<B: Body>(defaults: &Defaults, id: Id, data: B) -> Record<B> {
    Record { meta: crate::meta::Meta::new(id, defaults.office, defaults.now), data }
}

/// The round `words` name, in the term they name or that holds its earliest day.
fn new_round(
    words: &str,
    w: &Wanted,
    with: &Records,
    defaults: &Defaults,
    note: &str,
) -> Result<Record<Round>, String> {
    let lang = defaults.lang;
    let said = |key: T, year: i32| fill(key.text(lang), &[("round", &words), ("year", &year)]);
    let squeezed = squeeze(words);
    let Some(ordinal) = round_ordinal(&squeezed).or_else(|| small_number(squeezed.trim_end_matches('轮'))) else {
        return Err(Why::UnknownRound(words.to_owned()).message(lang));
    };
    let Some(start) = w.earliest else { return Err(said(T::IntakeMadeNoDay, 0)) };
    let live_terms = || with.terms.iter().filter(|t| t.is_live());
    let term = live_terms()
        .find(|t| !t.data.name.trim().is_empty() && squeezed.contains(&squeeze(&t.data.name)))
        .or_else(|| live_terms().find(|t| t.data.contains_year(defaults.year.unwrap_or(start.year()))));
    let Some(term) = term else { return Err(said(T::IntakeMadeNoTerm, start.year())) };
    let mut round = Round::new(term.meta.id, ordinal);
    if squeezed.contains("回头看") {
        round.kind = RoundKind::LookBack;
    }
    round.start = Some(start);
    round.status = RoundStatus::Finished;
    round.notes = note.to_owned();
    let id = derived_id(&["round", &defaults.office.to_string(), &term.meta.id.to_string(), &ordinal.to_string()]);
    if let Err(invalid) = round.validate(id, &with.terms, &with.rounds) {
        let why: Vec<&str> = invalid.iter().map(|i| i.msg.text(lang)).collect();
        return Err(fill(T::IntakeMadeRoundInvalid.text(lang), &[("round", &words), ("why", &why.join("；"))]));
    }
    Ok(envelope(defaults, id, round))
}

/// The group "原台账导入组" of `round`: the one kept, else one made now.
fn group_of(round: Id, with: &mut Records, made: &mut Made, defaults: &Defaults) -> Id {
    let name = T::IntakeMadeGroup.text(defaults.lang);
    if let Some(g) = with.groups.iter().find(|g| g.is_live() && g.data.round == round && g.data.name == name) {
        return g.meta.id;
    }
    let id = derived_id(&["group", &defaults.office.to_string(), &round.to_string()]);
    let group = envelope(defaults, id, Group::new(round, name.to_owned()));
    with.groups.push(group.clone());
    made.records.groups.push(group);
    id
}
