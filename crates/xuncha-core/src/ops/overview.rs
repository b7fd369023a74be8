//! What the overview page tells an office beyond its counts: the next step while
//! it is still setting up (which depends on its role), and the 整改报告 that are
//! past due, so the page can point at the records behind its figures.

use super::snapshot::Snapshot;
use crate::date::Day;
use crate::i18n::T;
use crate::inspection::Inspection;
use crate::office::OfficeRole;
use crate::record::Record;

/// How far an office has come, in the counts that decide its next step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub terms: usize,
    pub targets: usize,
    pub rounds: usize,
    pub groups: usize,
    pub inspections: usize,
    /// Problems and clues together: the work a group or township records.
    pub findings: usize,
}

impl Progress {
    pub fn of(snapshot: &Snapshot, findings: usize) -> Progress {
        Progress {
            terms: snapshot.terms.len(),
            targets: snapshot.targets.len(),
            rounds: snapshot.rounds.len(),
            groups: snapshot.groups.len(),
            inspections: snapshot.inspections.len(),
            findings,
        }
    }

    /// The hint for the step that comes next, or none once the office works with
    /// its data. A county office builds the register itself; a group or a township
    /// receives it in the county's file and records what it finds.
    pub fn next_step(&self, role: OfficeRole) -> Option<T> {
        match role {
            OfficeRole::County => {
                if self.terms == 0 || self.targets == 0 {
                    Some(T::HintCountyRegister)
                } else if self.rounds == 0 {
                    Some(T::HintCountyRound)
                } else if self.groups == 0 || self.inspections == 0 {
                    Some(T::HintCountyGroups)
                } else {
                    None
                }
            }
            OfficeRole::Group | OfficeRole::Township => {
                if self.inspections == 0 {
                    Some(match role {
                        OfficeRole::Group => T::HintGroupImport,
                        _ => T::HintTownshipImport,
                    })
                } else if self.findings == 0 {
                    Some(match role {
                        OfficeRole::Group => T::HintGroupRecord,
                        _ => T::HintTownshipRecord,
                    })
                } else {
                    None
                }
            }
        }
    }
}

/// The inspections whose 整改报告 is past its due day and not yet sent, the
/// longest overdue first.
pub fn reports_overdue(snapshot: &Snapshot, today: Day) -> Vec<&Record<Inspection>> {
    let mut out: Vec<&Record<Inspection>> =
        snapshot.inspections.iter().filter(|i| i.data.report_overdue(today)).collect();
    out.sort_by_key(|i| i.data.milestones.rectification_due);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Id;
    use crate::testing::{day, rec};

    fn progress(
        terms: usize,
        targets: usize,
        rounds: usize,
        groups: usize,
        inspections: usize,
        findings: usize,
    ) -> Progress {
        Progress { terms, targets, rounds, groups, inspections, findings }
    }

    #[test]
    fn a_county_office_is_led_from_the_register_to_the_rounds_to_the_groups_and_then_left_alone() {
        let county = OfficeRole::County;
        assert_eq!(progress(0, 0, 0, 0, 0, 0).next_step(county), Some(T::HintCountyRegister));
        assert_eq!(progress(1, 0, 0, 0, 0, 0).next_step(county), Some(T::HintCountyRegister), "targets still missing");
        assert_eq!(progress(1, 40, 0, 0, 0, 0).next_step(county), Some(T::HintCountyRound));
        assert_eq!(progress(1, 40, 1, 0, 0, 0).next_step(county), Some(T::HintCountyGroups));
        assert_eq!(progress(1, 40, 1, 3, 0, 0).next_step(county), Some(T::HintCountyGroups), "groups without targets");
        assert_eq!(progress(1, 40, 1, 3, 9, 0).next_step(county), None);
    }

    #[test]
    fn a_group_or_township_is_asked_to_import_the_county_file_first_and_then_to_record_findings() {
        assert_eq!(progress(0, 0, 0, 0, 0, 0).next_step(OfficeRole::Group), Some(T::HintGroupImport));
        assert_eq!(progress(0, 0, 0, 0, 0, 0).next_step(OfficeRole::Township), Some(T::HintTownshipImport));
        assert_eq!(progress(1, 40, 1, 3, 9, 0).next_step(OfficeRole::Group), Some(T::HintGroupRecord));
        assert_eq!(progress(1, 40, 1, 3, 9, 0).next_step(OfficeRole::Township), Some(T::HintTownshipRecord));
        assert_eq!(progress(1, 40, 1, 3, 9, 2).next_step(OfficeRole::Group), None);
        assert_eq!(progress(1, 40, 1, 3, 9, 2).next_step(OfficeRole::Township), None);
    }

    #[test]
    fn reports_past_due_and_unsent_are_listed_longest_overdue_first() {
        let inspection = |n: u8, due: Option<&str>, sent: Option<&str>| {
            let mut i = Inspection::new(Id::nil(), Id::nil(), Id::nil());
            i.milestones.rectification_due = due.map(day);
            i.report_sent = sent.map(day);
            rec(n, i)
        };
        let snapshot = Snapshot {
            inspections: vec![
                inspection(1, Some("2026-10-01"), None),
                inspection(2, Some("2026-09-01"), None),
                inspection(3, Some("2026-08-01"), Some("2026-07-30")),
                inspection(4, Some("2026-12-31"), None),
                inspection(5, None, None),
            ],
            ..Snapshot::default()
        };
        let late: Vec<u8> = reports_overdue(&snapshot, day("2026-12-01"))
            .iter()
            .map(|i| {
                if i.meta.id == rec(2, ()).meta.id {
                    2
                } else if i.meta.id == rec(1, ()).meta.id {
                    1
                } else {
                    0
                }
            })
            .collect();
        assert_eq!(late, vec![2, 1]);
    }
}
