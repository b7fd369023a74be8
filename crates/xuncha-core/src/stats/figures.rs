//! The figures themselves, grouped as the summaries write them, each with a
//! stable key (for the CLI's JSON) and the records behind it.

use super::{code, StatsScope};
use crate::clue::Recipient;
use crate::date::Day;
use crate::i18n::{Label, T};
use crate::id::Id;
use crate::inspection::{Activity, Inspection};
use crate::ledger::{Ledger, LedgerFilter, LedgerKind, Subset};
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::record::Record;
use crate::rectification::RectStatus;
use crate::round::RoundKind;
use crate::target::TargetKind;
use std::collections::{BTreeMap, HashSet};

/// Which inspected targets a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    All,
    Kind(TargetKind),
    /// Villages and communities reached by a 延伸巡察 round.
    Extended,
    /// The targets where this was done, with how often.
    Activity(Activity),
}

/// Where the records behind a figure are shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// A ledger with this filter: it shows exactly the figure's rows.
    Ledger(LedgerKind, LedgerFilter),
    /// The list of inspected targets on the statistics page.
    Targets(Pick),
    /// The list of rounds on the statistics page.
    Rounds(Option<RoundKind>),
    /// The questionnaires of the period.
    Questionnaires,
    /// A plan's page, with its rounds and its plan against actual.
    Plan(Id),
    /// The talent pool's list with these filters.
    People(crate::pool::PersonFilter),
    /// The outcomes' list with these filters.
    Outcomes(crate::outcome::OutcomeFilter),
    /// The list of 政治生态评估 with these filters.
    Assessments(crate::ecology::AssessmentFilter),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// "problems.focus.policy": stable, for tools reading the CLI's JSON.
    pub key: String,
    pub label: T,
    pub value: u64,
    /// A share the summaries quote beside the value, 0–100.
    pub percent: Option<f64>,
    pub link: Option<Link>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub title: T,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub groups: Vec<Group>,
}

fn figure(key: String, label: T, value: u64, link: Option<Link>) -> Figure {
    Figure { key, label, value, percent: None, link }
}

impl Stats {
    pub fn of(d: &Snapshot, ledger: &Ledger, scope: &StatsScope, today: Day) -> Stats {
        let base = scope.ledger_filter();
        let mut groups = vec![rounds(d, scope, today), targets(d, scope, today), activities(d, scope, today)];
        groups.extend(ledger_groups(ledger, &base, today));
        groups.push(questionnaires(d, scope, today));
        groups.extend(super::plan::group(d, scope, today));
        groups.extend(super::lookback::group(d, ledger, scope, today));
        groups.extend(super::ecology::group(d, scope, today));
        groups.extend(super::outcomes::group(d, scope, today));
        groups.extend(super::pool::group(d, scope, today));
        Stats { groups }
    }

    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.groups.iter().flat_map(|g| &g.figures).find(|f| f.key == key)
    }

    /// A figure's value; 0 for a key not counted.
    pub fn value(&self, key: &str) -> u64 {
        self.figure(key).map(|f| f.value).unwrap_or(0)
    }

    /// Every figure by its key, for JSON.
    pub fn by_key(&self) -> BTreeMap<String, u64> {
        self.groups.iter().flat_map(|g| &g.figures).map(|f| (f.key.clone(), f.value)).collect()
    }
}

fn rounds(d: &Snapshot, scope: &StatsScope, today: Day) -> Group {
    let rounds = scope.rounds(d, today);
    let mut figures =
        vec![figure("rounds.total".into(), T::StatsRounds, rounds.len() as u64, Some(Link::Rounds(None)))];
    for kind in RoundKind::COUNTY {
        let n = rounds.iter().filter(|r| r.data.kind == kind).count() as u64;
        figures.push(figure(format!("rounds.kind.{}", code(kind)), kind.label(), n, Some(Link::Rounds(Some(kind)))));
    }
    Group { title: T::StatsGroupRounds, figures }
}

/// The inspected targets `pick` selects, each with its inspections in the scope.
pub fn picked_targets<'a>(
    d: &'a Snapshot,
    scope: &StatsScope,
    pick: Pick,
    today: Day,
) -> Vec<(Id, Vec<&'a Record<Inspection>>)> {
    let extended: HashSet<Id> =
        d.rounds.iter().filter(|r| r.data.kind == RoundKind::Extended).map(|r| r.meta.id).collect();
    let mut out: Vec<(Id, Vec<&Record<Inspection>>)> = Vec::new();
    for i in scope.inspections(d, today) {
        let kind = d.target(i.data.target).map(|t| t.data.kind);
        let wanted = match pick {
            Pick::All => true,
            Pick::Kind(k) => kind == Some(k),
            Pick::Extended => kind.is_some_and(|k| k.needs_township()) && extended.contains(&i.data.round),
            Pick::Activity(a) => i.data.activities.get(a) > 0,
        };
        if !wanted {
            continue;
        }
        match out.iter_mut().find(|(t, _)| *t == i.data.target) {
            Some((_, list)) => list.push(i),
            None => out.push((i.data.target, vec![i])),
        }
    }
    out
}

fn targets(d: &Snapshot, scope: &StatsScope, today: Day) -> Group {
    let count = |pick| picked_targets(d, scope, pick, today).len() as u64;
    let mut figures =
        vec![figure("targets.total".into(), T::StatsTargets, count(Pick::All), Some(Link::Targets(Pick::All)))];
    for kind in TargetKind::ALL {
        let link = Some(Link::Targets(Pick::Kind(kind)));
        figures.push(figure(format!("targets.kind.{}", code(kind)), kind.label(), count(Pick::Kind(kind)), link));
    }
    let extended = count(Pick::Extended);
    figures.push(figure(
        "targets.extended_villages".into(),
        T::StatsExtendedVillages,
        extended,
        Some(Link::Targets(Pick::Extended)),
    ));
    Group { title: T::StatsGroupTargets, figures }
}

fn activities(d: &Snapshot, scope: &StatsScope, today: Day) -> Group {
    let inspections = scope.inspections(d, today);
    let figures = Activity::ALL
        .into_iter()
        .map(|a| {
            let sum: u64 = inspections.iter().map(|i| u64::from(i.data.activities.get(a))).sum();
            figure(format!("activities.{}", code(a)), a.label(), sum, Some(Link::Targets(Pick::Activity(a))))
        })
        .collect();
    Group { title: T::StatsGroupActivities, figures }
}

/// Counts the rows of `kind` that pass `filter`, looking only at `within`.
struct Counter<'a> {
    ledger: &'a Ledger,
    today: Day,
}

impl Counter<'_> {
    fn rows(&self, kind: LedgerKind, filter: &LedgerFilter) -> Vec<usize> {
        let all: Vec<usize> = (0..self.ledger.rows(kind).len()).collect();
        self.ledger.filter(kind, &all, filter, self.today)
    }

    /// `filter` differs from the base that picked `within` only in its parts
    /// (`LedgerFilter::matches_parts`), so only those are checked.
    fn figure(&self, key: &str, label: T, kind: LedgerKind, within: &[usize], filter: LedgerFilter) -> Figure {
        let rows = self.ledger.rows(kind);
        let n =
            within.iter().filter_map(|i| rows.get(*i)).filter(|r| filter.matches_parts(r, self.today)).count() as u64;
        figure(key.to_owned(), label, n, Some(Link::Ledger(kind, filter)))
    }
}

fn ledger_groups(ledger: &Ledger, base: &LedgerFilter, today: Day) -> Vec<Group> {
    let c = Counter { ledger, today };
    let with = |change: &dyn Fn(&mut LedgerFilter)| {
        let mut f = base.clone();
        change(&mut f);
        f
    };
    // Problems.
    let problems = c.rows(LedgerKind::Problems, base);
    let total = problems.len() as u64;
    let mut p = vec![figure(
        "problems.total".into(),
        T::StatsProblems,
        total,
        Some(Link::Ledger(LedgerKind::Problems, base.clone())),
    )];
    for focus in Focus::ALL {
        let key = format!("problems.focus.{}", code(focus));
        p.push(c.figure(&key, focus.label(), LedgerKind::Problems, &problems, with(&|f| f.focus = Some(focus))));
    }
    for (key, label, subset) in [
        ("problems.common", T::ScopeCommon, Subset::Common),
        ("problems.individual", T::ScopeIndividual, Subset::Individual),
        ("problems.on_spot", T::StatsOnSpot, Subset::OnSpot),
    ] {
        p.push(c.figure(key, label, LedgerKind::Problems, &problems, with(&|f| f.subset = Some(subset.clone()))));
    }
    // Rectification.
    let rects = c.rows(LedgerKind::Rectifications, base);
    let mut r = vec![figure(
        "rectification.total".into(),
        T::StatsRectifications,
        rects.len() as u64,
        Some(Link::Ledger(LedgerKind::Rectifications, base.clone())),
    )];
    for status in RectStatus::ALL {
        let key = format!("rectification.status.{}", code(status));
        r.push(c.figure(&key, status.label(), LedgerKind::Rectifications, &rects, with(&|f| f.status = Some(status))));
    }
    r.push(c.figure(
        "rectification.overdue",
        T::StatsOverdue,
        LedgerKind::Rectifications,
        &rects,
        with(&|f| f.overdue_only = true),
    ));
    let mut inadequate = c.figure(
        "rectification.inadequate",
        T::StatsInadequate,
        LedgerKind::Rectifications,
        &rects,
        with(&|f| f.subset = Some(Subset::Inadequate)),
    );
    inadequate.percent = (total > 0).then(|| inadequate.value as f64 * 100.0 / total as f64);
    r.push(inadequate);
    // Clues.
    let clues = c.rows(LedgerKind::Clues, base);
    let (cadres, others) = clues
        .iter()
        .filter_map(|i| ledger.clues.get(*i))
        .filter_map(|row| row.clue())
        .fold((0u64, 0u64), |(a, b), clue| (a + u64::from(clue.data.cadres), b + u64::from(clue.data.others)));
    let clue_link = || Some(Link::Ledger(LedgerKind::Clues, base.clone()));
    let mut k = vec![
        figure("clues.total".into(), T::StatsClues, clues.len() as u64, clue_link()),
        figure("clues.cadres".into(), T::ColCadres, cadres, clue_link()),
        figure("clues.others".into(), T::ColOthers, others, clue_link()),
    ];
    for (key, label, to) in [
        ("clues.to_discipline", T::StatsToDiscipline, Recipient::DisciplineCommission),
        ("clues.to_organisation", T::StatsToOrganisation, Recipient::Organisation),
    ] {
        k.push(c.figure(key, label, LedgerKind::Clues, &clues, with(&|f| f.subset = Some(Subset::TransferredTo(to)))));
    }
    // Letters.
    let letters = c.rows(LedgerKind::Letters, base);
    let l = vec![c.figure(
        "letters.sent",
        T::StatsLettersSent,
        LedgerKind::Letters,
        &letters,
        with(&|f| f.subset = Some(Subset::Sent)),
    )];
    vec![
        Group { title: T::StatsGroupProblems, figures: p },
        Group { title: T::StatsGroupClues, figures: k },
        Group { title: T::StatsGroupRectification, figures: r },
        Group { title: T::StatsGroupLetters, figures: l },
    ]
}

/// The questionnaires of the period's rounds: the forms their own records say were
/// handed out and those returned. The inspections' 发放调查问卷 is counted apart,
/// under the activities, so a difference between the two shows.
fn questionnaires(d: &Snapshot, scope: &StatsScope, today: Day) -> Group {
    let rounds: HashSet<Id> = scope.rounds(d, today).iter().map(|r| r.meta.id).collect();
    let chosen: Vec<_> = d
        .questionnaires
        .iter()
        .filter(|q| q.data.round.is_some_and(|r| rounds.contains(&r)))
        .filter(|q| q.data.target.is_none_or(|t| scope.has_target(d, t)))
        .collect();
    let ids: HashSet<Id> = chosen.iter().map(|q| q.meta.id).collect();
    let handed: u64 = chosen.iter().map(|q| u64::from(q.data.handed_out_for(None))).sum();
    let responses = d.responses.iter().filter(|r| ids.contains(&r.data.questionnaire)).count() as u64;
    let batches: u64 =
        d.paper_batches.iter().filter(|b| ids.contains(&b.data.questionnaire)).map(|b| u64::from(b.data.forms)).sum();
    let link = || Some(Link::Questionnaires);
    let mut returned = figure("questionnaires.returned".into(), T::TallyReturned, responses + batches, link());
    returned.percent = (handed > 0).then(|| returned.value as f64 * 100.0 / handed as f64);
    Group {
        title: T::StatsGroupQuestionnaires,
        figures: vec![
            figure("questionnaires.count".into(), T::StatsQuestionnaires, chosen.len() as u64, link()),
            figure("questionnaires.handed_out".into(), T::StatsHandedOut, handed, link()),
            returned,
        ],
    }
}
