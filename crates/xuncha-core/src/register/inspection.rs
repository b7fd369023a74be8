//! The inspection of one target in one round by one group: its milestone dates and activity counts.

use crate::date::Day;
use crate::group::Group;
use crate::i18n::{Label, T};
use crate::id::Id;
use crate::record::Record;
use crate::round::Round;
use crate::target::Target;
use crate::validation::{Checker, Invalid};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// The milestones of one target in a round, in the order they happen.
    pub enum Milestone {
        /// 进驻
        Entry => MsEntry,
        /// 巡察结束
        End => MsEnd,
        /// 向领导小组汇报
        LeadingGroupReport => MsLeadingGroupReport,
        /// 向书记专题会汇报
        SecretaryReport => MsSecretaryReport,
        /// 反馈
        Feedback => MsFeedback,
        /// 移交
        Transfer => MsTransfer,
        /// 整改报告截止
        RectificationDue => MsRectificationDue,
        /// 整改公开
        Disclosure => MsDisclosure,
    }
}

impl Milestone {
    /// The form field name, also used in validation results.
    pub fn field(self) -> &'static str {
        match self {
            Milestone::Entry => "entry",
            Milestone::End => "end",
            Milestone::LeadingGroupReport => "leading_group_report",
            Milestone::SecretaryReport => "secretary_report",
            Milestone::Feedback => "feedback",
            Milestone::Transfer => "transfer",
            Milestone::RectificationDue => "rectification_due",
            Milestone::Disclosure => "disclosure",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestones {
    pub entry: Option<Day>,
    pub end: Option<Day>,
    pub leading_group_report: Option<Day>,
    pub secretary_report: Option<Day>,
    pub feedback: Option<Day>,
    pub transfer: Option<Day>,
    pub rectification_due: Option<Day>,
    pub disclosure: Option<Day>,
}

/// Rectification reports are commonly due two months after feedback.
pub const RECTIFICATION_MONTHS: u32 = 2;

impl Milestones {
    pub fn get(&self, m: Milestone) -> Option<Day> {
        match m {
            Milestone::Entry => self.entry,
            Milestone::End => self.end,
            Milestone::LeadingGroupReport => self.leading_group_report,
            Milestone::SecretaryReport => self.secretary_report,
            Milestone::Feedback => self.feedback,
            Milestone::Transfer => self.transfer,
            Milestone::RectificationDue => self.rectification_due,
            Milestone::Disclosure => self.disclosure,
        }
    }

    pub fn set(&mut self, m: Milestone, day: Option<Day>) {
        let slot = match m {
            Milestone::Entry => &mut self.entry,
            Milestone::End => &mut self.end,
            Milestone::LeadingGroupReport => &mut self.leading_group_report,
            Milestone::SecretaryReport => &mut self.secretary_report,
            Milestone::Feedback => &mut self.feedback,
            Milestone::Transfer => &mut self.transfer,
            Milestone::RectificationDue => &mut self.rectification_due,
            Milestone::Disclosure => &mut self.disclosure,
        };
        *slot = day;
    }

    /// The suggested 整改报告 deadline: feedback plus two months.
    pub fn suggested_rectification_due(&self) -> Option<Day> {
        self.feedback?.add_months(RECTIFICATION_MONTHS)
    }

    /// The furthest milestone reached, for a progress column.
    pub fn latest(&self) -> Option<Milestone> {
        Milestone::ALL.into_iter().filter(|m| self.get(*m).is_some()).max_by_key(|m| (Self::rank(*m), self.get(*m)))
    }

    /// Where a milestone stands in the sequence; the three after feedback may come in any order.
    fn rank(m: Milestone) -> u8 {
        match m {
            Milestone::Entry => 0,
            Milestone::End => 1,
            Milestone::LeadingGroupReport => 2,
            Milestone::SecretaryReport => 3,
            Milestone::Feedback => 4,
            Milestone::Transfer | Milestone::RectificationDue | Milestone::Disclosure => 5,
        }
    }

    /// Each date set must not precede a date set for an earlier milestone.
    fn check(&self, c: &mut Checker) {
        for later in Milestone::ALL {
            let Some(after) = self.get(later) else {
                continue;
            };
            let before = Milestone::ALL
                .into_iter()
                .filter(|m| Self::rank(*m) < Self::rank(later))
                .filter_map(|m| self.get(m))
                .max();
            if let Some(before) = before {
                c.check(after >= before, later.field(), T::ErrMilestoneOrder);
            }
        }
    }
}

crate::labelled_enum! {
    /// What the group did at this target (the figures every summary counts).
    pub enum Activity {
        /// 受理来电来访 件次
        CallsAndVisits => ActCallsAndVisits,
        /// 个别谈话 人次
        Talks => ActTalks,
        /// 听取专题汇报 个
        Briefings => ActBriefings,
        /// 调阅资料 份
        Documents => ActDocuments,
        /// 查阅财务凭证 本
        Vouchers => ActVouchers,
        /// 发放调查问卷 份
        Questionnaires => ActQuestionnaires,
        /// 走访调研 处
        FieldVisits => ActFieldVisits,
    }
}

impl Activity {
    pub fn field(self) -> &'static str {
        match self {
            Activity::CallsAndVisits => "calls_and_visits",
            Activity::Talks => "talks",
            Activity::Briefings => "briefings",
            Activity::Documents => "documents",
            Activity::Vouchers => "vouchers",
            Activity::Questionnaires => "questionnaires",
            Activity::FieldVisits => "field_visits",
        }
    }
}

/// A counter a file leaves out is 0, as the schema has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activities {
    pub calls_and_visits: u32,
    pub talks: u32,
    pub briefings: u32,
    pub documents: u32,
    pub vouchers: u32,
    pub questionnaires: u32,
    pub field_visits: u32,
}

impl Activities {
    pub fn get(&self, a: Activity) -> u32 {
        match a {
            Activity::CallsAndVisits => self.calls_and_visits,
            Activity::Talks => self.talks,
            Activity::Briefings => self.briefings,
            Activity::Documents => self.documents,
            Activity::Vouchers => self.vouchers,
            Activity::Questionnaires => self.questionnaires,
            Activity::FieldVisits => self.field_visits,
        }
    }

    pub fn set(&mut self, a: Activity, n: u32) {
        let slot = match a {
            Activity::CallsAndVisits => &mut self.calls_and_visits,
            Activity::Talks => &mut self.talks,
            Activity::Briefings => &mut self.briefings,
            Activity::Documents => &mut self.documents,
            Activity::Vouchers => &mut self.vouchers,
            Activity::Questionnaires => &mut self.questionnaires,
            Activity::FieldVisits => &mut self.field_visits,
        };
        *slot = n;
    }
}

/// One target inspected in one round, assigned to one group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub round: Id,
    pub group: Id,
    pub target: Id,
    #[serde(default, deserialize_with = "crate::validation::object")]
    pub milestones: Milestones,
    #[serde(default, deserialize_with = "crate::validation::object")]
    pub activities: Activities,
    #[serde(default)]
    pub notes: String,
    /// 整改报告报送: the day the target sent its rectification report, due by the milestone.
    #[serde(default)]
    pub report_sent: Option<Day>,
    /// 政治生态评估 of the unit in this round; written only when made, so older
    /// records keep their text and checksums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<crate::ecology::Assessment>,
}

/// A ledger record's place: its round must exist and its target be inspected in that
/// round. `inspections` may be those of the round only.
pub fn check_place(
    c: &mut Checker,
    round: Id,
    target: Id,
    rounds: &[Record<Round>],
    inspections: &[Record<Inspection>],
) {
    c.required(!round.is_nil(), "round", T::ErrRoundRequired);
    c.required(!target.is_nil(), "target", T::ErrTargetRequired);
    if round.is_nil() || target.is_nil() {
        return;
    }
    c.check(rounds.iter().any(|r| r.is_live() && r.meta.id == round), "round", T::ErrRoundMissing);
    let inspected = inspections.iter().any(|i| i.is_live() && i.data.round == round && i.data.target == target);
    c.check(inspected, "target", T::ErrTargetNotInRound);
}

/// What an inspection is checked against.
#[derive(Clone, Copy, Debug)]
pub struct InspectionContext<'a> {
    pub groups: &'a [Record<Group>],
    pub targets: &'a [Record<Target>],
    /// The inspections of the same round.
    pub inspections: &'a [Record<Inspection>],
}

impl Inspection {
    pub fn new(round: Id, group: Id, target: Id) -> Inspection {
        Inspection {
            round,
            group,
            target,
            milestones: Milestones::default(),
            activities: Activities::default(),
            notes: String::new(),
            report_sent: None,
            assessment: None,
        }
    }

    /// The dates of what has happened (every milestone but the 整改报告 deadline, and
    /// the day the report was sent) that lie after `today` and differ from `before`:
    /// most likely a wrong year, so the form asks before saving them.
    pub fn future_facts(&self, before: &Inspection, today: Day) -> Vec<(T, Day)> {
        let mut out: Vec<(T, Day)> = Milestone::ALL
            .into_iter()
            .filter(|m| *m != Milestone::RectificationDue)
            .filter_map(|m| {
                let day = self.milestones.get(m)?;
                (day > today && before.milestones.get(m) != Some(day)).then_some((m.label(), day))
            })
            .collect();
        if let Some(sent) = self.report_sent.filter(|d| *d > today && before.report_sent != Some(*d)) {
            out.push((T::ReportSent, sent));
        }
        out
    }

    /// The rectification report is overdue after its due day until it is sent.
    pub fn report_overdue(&self, today: Day) -> bool {
        self.report_sent.is_none() && self.milestones.rectification_due.is_some_and(|due| due < today)
    }

    pub fn validate(&self, id: Id, cx: InspectionContext<'_>) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let group_ok = cx.groups.iter().any(|g| g.is_live() && g.meta.id == self.group && g.data.round == self.round);
        c.check(group_ok, "group", T::ErrGroupMissing);
        c.check(cx.targets.iter().any(|t| t.is_live() && t.meta.id == self.target), "target", T::ErrTargetMissing);
        let twice = cx
            .inspections
            .iter()
            .any(|i| i.is_live() && i.meta.id != id && i.data.round == self.round && i.data.target == self.target);
        c.check(!twice, "target", T::ErrTargetTwiceInRound);
        self.milestones.check(&mut c);
        let after_feedback = match (self.milestones.feedback, self.report_sent) {
            (Some(f), Some(r)) => r >= f,
            _ => true,
        };
        c.check(after_feedback, "report_sent", T::ErrReportBeforeFeedback);
        if let Some(a) = &self.assessment {
            a.check(&mut c, self.milestones.entry);
        }
        c.finish()
    }

    /// The round this belongs to must exist; kept apart because callers load the round anyway.
    pub fn round_is_live(&self, rounds: &[Record<Round>]) -> bool {
        rounds.iter().any(|r| r.is_live() && r.meta.id == self.round)
    }
}

impl crate::record::Model for Inspection {
    /// The target, then the round: 城关镇（十五届县委第三轮巡察）.
    fn title(&self, _: crate::i18n::Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        let target = name_of(crate::Kind::Target, self.target)?;
        Some(match name_of(crate::Kind::Round, self.round) {
            Some(round) => format!("{target}（{round}）"),
            None => target,
        })
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        vec![
            Reference::to("round", Kind::Round, self.round),
            Reference::to("group", Kind::Group, self.group),
            Reference::to("target", Kind::Target, self.target),
        ]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        use crate::Kind;
        if let Some(m) = path.strip_prefix("milestones.") {
            return Milestone::ALL.iter().find(|x| x.field() == m).map(|x| Field::plain(x.label()));
        }
        if let Some(a) = path.strip_prefix("activities.") {
            return Activity::ALL.iter().find(|x| x.field() == a).map(|x| Field::plain(x.label()));
        }
        if let Some(part) = path.strip_prefix("assessment") {
            return crate::ecology::field(part);
        }
        Some(match path {
            "round" => Field::reference(T::ColRound, Kind::Round),
            "group" => Field::reference(T::ColGroup, Kind::Group),
            "target" => Field::reference(T::ColTarget, Kind::Target),
            "notes" => Field::plain(T::FieldNotes),
            "report_sent" => Field::plain(T::ReportSent),
            "assessment" => Field::plain(T::EcologyTitle),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{maybe_day as day, rec};

    use crate::target::TargetKind;

    struct World {
        round: Id,
        groups: Vec<Record<Group>>,
        targets: Vec<Record<Target>>,
    }

    fn world() -> World {
        let round = Id::from_random_bytes([7; 16]);
        let group = |n, name: &str| rec(n, Group::new(round, name.into()));
        World {
            round,
            groups: vec![group(1, "第一巡察组"), group(2, "第二巡察组")],
            targets: vec![
                rec(3, Target::new("城关镇", TargetKind::Township, None)),
                rec(4, Target::new("县财政局", TargetKind::CountyGovDept, None)),
            ],
        }
    }

    fn check(w: &World, i: &Inspection, existing: &[Record<Inspection>]) -> Vec<T> {
        let cx = InspectionContext { groups: &w.groups, targets: &w.targets, inspections: existing };
        i.validate(Id::nil(), cx).err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    #[test]
    fn a_target_appears_at_most_once_per_round_even_in_another_group() {
        let w = world();
        let first = rec(9, Inspection::new(w.round, w.groups[0].meta.id, w.targets[0].meta.id));
        let again = Inspection::new(w.round, w.groups[1].meta.id, w.targets[0].meta.id);
        assert_eq!(check(&w, &again, std::slice::from_ref(&first)), vec![T::ErrTargetTwiceInRound]);
        let other = Inspection::new(w.round, w.groups[1].meta.id, w.targets[1].meta.id);
        assert!(check(&w, &other, std::slice::from_ref(&first)).is_empty());
        let mut removed = first;
        removed.meta.deleted = true;
        assert!(check(&w, &again, &[removed]).is_empty(), "a removed assignment frees the target");
    }

    #[test]
    fn the_group_must_belong_to_the_same_round() {
        let w = world();
        let stray = Inspection::new(Id::nil(), w.groups[0].meta.id, w.targets[0].meta.id);
        assert_eq!(check(&w, &stray, &[]), vec![T::ErrGroupMissing]);
    }

    #[test]
    fn milestones_must_follow_each_other_in_time() {
        let w = world();
        let mut i = Inspection::new(w.round, w.groups[0].meta.id, w.targets[0].meta.id);
        i.milestones.entry = day("2026-03-10");
        i.milestones.end = day("2026-06-01");
        i.milestones.feedback = day("2026-07-15");
        assert!(check(&w, &i, &[]).is_empty(), "skipped milestones in between are fine");
        i.milestones.feedback = day("2026-05-01");
        assert_eq!(check(&w, &i, &[]), vec![T::ErrMilestoneOrder]);
        i.milestones.feedback = day("2026-07-15");
        i.milestones.rectification_due = day("2026-07-01");
        assert_eq!(check(&w, &i, &[]), vec![T::ErrMilestoneOrder]);
    }

    #[test]
    fn the_rectification_report_is_suggested_two_months_after_feedback() {
        let mut m = Milestones::default();
        assert_eq!(m.suggested_rectification_due(), None);
        m.feedback = day("2026-12-31");
        assert_eq!(m.suggested_rectification_due(), day("2027-02-28"));
    }

    #[test]
    fn the_rectification_report_is_overdue_after_its_due_day_until_sent() {
        let w = world();
        let mut i = Inspection::new(w.round, w.groups[0].meta.id, w.targets[0].meta.id);
        let today = |s| day(s).unwrap_or_else(|| panic!("{s}"));
        assert!(!i.report_overdue(today("2030-01-01")), "no due day, never overdue");
        i.milestones.feedback = day("2026-07-15");
        i.milestones.rectification_due = day("2026-09-15");
        assert!(!i.report_overdue(today("2026-09-15")));
        assert!(i.report_overdue(today("2026-09-16")));
        i.report_sent = day("2026-09-20");
        assert!(!i.report_overdue(today("2026-09-21")));
        assert!(check(&w, &i, &[]).is_empty());
        i.report_sent = day("2026-07-01");
        assert_eq!(check(&w, &i, &[]), vec![T::ErrReportBeforeFeedback]);
    }

    #[test]
    fn dates_of_what_happened_after_today_are_asked_about_once_but_not_the_report_deadline() {
        let w = world();
        let before = Inspection::new(w.round, w.groups[0].meta.id, w.targets[0].meta.id);
        let today = day("2026-12-01").unwrap_or_else(|| panic!("today"));
        let mut i = before.clone();
        i.milestones.entry = day("2027-12-01");
        i.milestones.feedback = day("2026-11-30");
        i.milestones.rectification_due = day("2027-01-30");
        i.report_sent = day("2026-12-02");
        let asked: Vec<(T, Option<Day>)> =
            i.future_facts(&before, today).into_iter().map(|(t, d)| (t, Some(d))).collect();
        assert_eq!(asked, vec![(T::MsEntry, day("2027-12-01")), (T::ReportSent, day("2026-12-02"))]);
        assert!(i.future_facts(&i, today).is_empty(), "saved before: not asked again");
    }

    #[test]
    fn progress_is_the_furthest_milestone_reached() {
        let mut m = Milestones::default();
        assert_eq!(m.latest(), None);
        m.entry = day("2026-03-10");
        assert_eq!(m.latest(), Some(Milestone::Entry));
        m.feedback = day("2026-07-10");
        m.transfer = day("2026-07-20");
        m.rectification_due = day("2026-09-10");
        assert_eq!(m.latest(), Some(Milestone::RectificationDue));
    }

    #[test]
    fn every_milestone_and_activity_can_be_set_and_read_back() {
        let mut m = Milestones::default();
        for (n, ms) in Milestone::ALL.into_iter().enumerate() {
            m.set(ms, Day::from_ymd(2026, 1, n as u8 + 1));
        }
        for (n, ms) in Milestone::ALL.into_iter().enumerate() {
            assert_eq!(m.get(ms), Day::from_ymd(2026, 1, n as u8 + 1));
        }
        let mut a = Activities::default();
        for (n, act) in Activity::ALL.into_iter().enumerate() {
            a.set(act, n as u32 * 10);
        }
        for (n, act) in Activity::ALL.into_iter().enumerate() {
            assert_eq!(a.get(act), n as u32 * 10);
        }
    }
}
