//! 整改: the rectification of a fed-back problem, registered (挂号) and struck off
//! (销号) only when verified, with every status change kept in its history.

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::labelled_enum;
use crate::problem::Problem;
use crate::record::Record;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

use super::steps::history_words;
pub use super::steps::{merge_steps, Event, Step, StepInput};

labelled_enum! {
    pub enum RectStatus {
        /// 未整改
        NotStarted => RsNotStarted,
        /// 整改中
        InProgress => RsInProgress,
        /// 待核验
        AwaitingVerification => RsAwaiting,
        /// 已销号
        Closed => RsClosed,
        /// 长期整改: stays open and is followed up periodically.
        LongTerm => RsLongTerm,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rectification {
    pub problem: Id,
    /// 整改措施
    pub measures: String,
    /// 责任单位
    pub unit: String,
    /// 责任人
    #[serde(default)]
    pub person: String,
    /// 整改时限, moved only by an extension.
    pub deadline: Day,
    pub status: RectStatus,
    /// 佐证材料
    #[serde(default)]
    pub evidence: String,
    /// 核验人
    #[serde(default)]
    pub verifier: String,
    /// 销号日期
    #[serde(default)]
    pub closed_on: Option<Day>,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub history: Vec<Event>,
    /// What 回头看 rounds found of it, one check per round; written only when there is one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<super::lookback::Check>,
}

impl Rectification {
    pub fn new(problem: Id, deadline: Day) -> Rectification {
        Rectification {
            problem,
            measures: String::new(),
            unit: String::new(),
            person: String::new(),
            deadline,
            status: RectStatus::NotStarted,
            evidence: String::new(),
            verifier: String::new(),
            closed_on: None,
            history: Vec::new(),
            checks: Vec::new(),
        }
    }

    /// Past the deadline and not struck off. The deadline day itself is not overdue.
    pub fn is_overdue(&self, today: Day) -> bool {
        self.status != RectStatus::Closed && self.deadline < today
    }

    /// The steps a person may take now, in menu order.
    pub fn allowed_steps(&self) -> Vec<Step> {
        Step::ALL.iter().copied().filter(|s| *s != Step::Extend && self.allows(*s)).collect()
    }

    /// Whether `step` may be taken now: from this status, and an extension's answer
    /// only while a request waits, a new request only while none does.
    pub fn allows(&self, step: Step) -> bool {
        let pending = self.pending_extension().is_some();
        step.next(self.status).is_some()
            && match step {
                Step::RequestExtension => !pending,
                Step::ApproveExtension | Step::RejectExtension => pending,
                _ => true,
            }
    }

    /// The extension asked for and not yet answered.
    pub fn pending_extension(&self) -> Option<&Event> {
        let answers = [Step::RequestExtension, Step::ApproveExtension, Step::RejectExtension];
        self.history.iter().rev().find(|e| answers.contains(&e.step)).filter(|e| e.step == Step::RequestExtension)
    }

    /// How often a supervisor found the work 整改不到位.
    pub fn inadequate_count(&self) -> usize {
        self.history.iter().filter(|e| e.step == Step::Inadequate).count()
    }

    /// The day of the latest step, before which no new step may be dated.
    pub fn last_step_on(&self) -> Option<Day> {
        self.history.iter().map(|e| e.on).max()
    }

    /// Takes one step: checks it is legal and complete, then changes the status
    /// and appends to the history. On error nothing changes.
    pub fn apply(&mut self, input: StepInput) -> Result<(), Vec<Invalid>> {
        let (Some(to), true) = (input.step.next(self.status), self.allows(input.step)) else {
            return Err(vec![Invalid { field: "step", msg: T::ErrStepNotAllowed, missing: false }]);
        };
        let note = input.note.trim().to_owned();
        let mut c = Checker::default();
        c.check(self.last_step_on().is_none_or(|d| input.on >= d), "on", T::ErrStepBeforeLast);
        if input.step.needs_note() {
            c.required(!note.is_empty(), "note", T::ErrNoteRequired);
        }
        let verifier = first_filled(&input.verifier, &self.verifier);
        let evidence = first_filled(&input.evidence, &self.evidence);
        if input.step == Step::Close {
            c.required(!verifier.is_empty(), "verifier", T::ErrVerifierRequired);
            c.required(!evidence.is_empty(), "evidence", T::ErrEvidenceRequired);
        }
        c.within_limit(&note, "note", T::ErrNoteTooLong);
        c.within_limit(&evidence, "evidence", T::ErrEvidenceTooLong);
        let approver = input.approver.trim().to_owned();
        if input.step == Step::ApproveExtension {
            c.required(!approver.is_empty(), "approver", T::ErrApproverRequired);
        }
        if matches!(input.step, Step::Extend | Step::RequestExtension) {
            match input.new_deadline {
                None => {
                    c.required(false, "new_deadline", T::ErrNewDeadlineRequired);
                }
                Some(d) => {
                    c.check(d > self.deadline, "new_deadline", T::ErrNewDeadlineNotLater);
                }
            }
        }
        c.finish()?;
        let mut event = Event {
            on: input.on,
            step: input.step,
            from: self.status,
            to,
            note,
            old_deadline: None,
            new_deadline: None,
            approver: String::new(),
            evidence: String::new(),
        };
        match input.step {
            Step::Close => {
                self.verifier = verifier;
                self.evidence = evidence;
                self.closed_on = Some(input.on);
            }
            Step::Inadequate => self.closed_on = None,
            Step::Extend => {
                event.old_deadline = Some(self.deadline);
                event.new_deadline = input.new_deadline;
                if let Some(d) = input.new_deadline {
                    self.deadline = d;
                }
            }
            // Asked for: the deadline holds, and the item stays overdue, until approved.
            Step::RequestExtension => {
                event.old_deadline = Some(self.deadline);
                event.new_deadline = input.new_deadline;
            }
            Step::ApproveExtension => {
                let asked = self.pending_extension().and_then(|e| e.new_deadline);
                event.old_deadline = Some(self.deadline);
                event.new_deadline = asked;
                event.approver = approver;
                if let Some(d) = asked {
                    self.deadline = d;
                }
            }
            Step::Progress => {
                event.evidence = input.evidence.trim().to_owned();
                if self.evidence.trim().is_empty() {
                    self.evidence = event.evidence.clone();
                }
            }
            _ => {}
        }
        self.status = to;
        self.history.push(event);
        Ok(())
    }

    /// The fields a person may edit directly; status, deadline and history move only by steps.
    pub fn validate(
        &self,
        id: Id,
        problems: &[Record<Problem>],
        rectifications: &[Record<Rectification>],
    ) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let problem = problems.iter().find(|p| p.is_live() && p.meta.id == self.problem);
        c.check(problem.is_some(), "problem", T::ErrProblemMissing);
        if let Some(p) = problem {
            c.check(p.data.fed_back_on.is_some(), "problem", T::ErrProblemNotFedBack);
            c.check(p.data.fed_back_on.is_none_or(|f| self.deadline >= f), "deadline", T::ErrDeadlineBeforeFeedback);
        }
        let twice = rectifications.iter().any(|r| r.is_live() && r.meta.id != id && r.data.problem == self.problem);
        c.check(!twice, "problem", T::ErrProblemHasRectification);
        c.required(!blank(&self.measures), "measures", T::ErrMeasuresRequired);
        c.required(!blank(&self.unit), "unit", T::ErrUnitRequired);
        c.within_limit(&self.measures, "measures", T::ErrMeasuresTooLong);
        c.within_limit(&self.evidence, "evidence", T::ErrEvidenceTooLong);
        c.check(self.status != RectStatus::Closed || self.closed_on.is_some(), "closed_on", T::ErrStepNotAllowed);
        c.finish()
    }
}

fn first_filled(new: &str, old: &str) -> String {
    let new = new.trim();
    if new.is_empty() {
        old.trim().to_owned()
    } else {
        new.to_owned()
    }
}

impl crate::record::Model for Rectification {
    /// The limits the forms set, kept by every way in.
    fn too_long(&self) -> Option<(&'static str, usize)> {
        use crate::record::over;
        over("measures", &self.measures, crate::validation::MAX_TEXT_CHARS)
            .or_else(|| over("evidence", &self.evidence, crate::validation::MAX_TEXT_CHARS))
    }

    /// A rectification is known by its problem.
    fn title(&self, _lang: crate::i18n::Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        name_of(crate::Kind::Problem, self.problem)
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        vec![crate::record::Reference::to("problem", crate::Kind::Problem, self.problem)]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "problem" => Field::reference(T::KindProblem, crate::Kind::Problem),
            "measures" => Field::plain(T::ColMeasures),
            "unit" => Field::plain(T::ColUnit),
            "person" => Field::plain(T::ColPerson),
            "deadline" => Field::plain(T::ColDeadline),
            "status" => Field::choice::<RectStatus>(T::ColStatus),
            "evidence" => Field::plain(T::ColEvidence),
            "verifier" => Field::plain(T::ColVerifier),
            "closed_on" => Field::plain(T::ColClosedOn),
            "history" => Field::words(T::HistoryTitle, history_words),
            "checks" => Field::words(T::LookBackTitle, super::lookback::check_words),
            _ => return None,
        })
    }

    fn union(
        path: &str,
        local: &serde_json::Value,
        incoming: &serde_json::Value,
    ) -> Option<Result<serde_json::Value, ()>> {
        if path == "checks" {
            return Some(super::lookback::union_checks(local, incoming));
        }
        if path != "history" {
            return None;
        }
        let parse = |v: &serde_json::Value| serde_json::from_value::<Vec<Event>>(v.clone()).map_err(|_| ());
        let merged = parse(local).and_then(|l| merge_steps(&l, &parse(incoming)?).ok_or(()));
        Some(merged.and_then(|steps| serde_json::to_value(steps).map_err(|_| ())))
    }

    /// The status, the deadline and the day struck off move only by steps.
    fn derived(path: &str) -> bool {
        matches!(path, "status" | "deadline" | "closed_on")
    }

    fn settle(&mut self) {
        let Some(last) = self.history.last() else { return };
        self.status = last.to;
        self.closed_on = match self.status {
            RectStatus::Closed => self.history.iter().rev().find(|e| e.step == Step::Close).map(|e| e.on),
            _ => None,
        };
        if let Some(d) =
            self.history.iter().rev().find_map(|e| e.step.moves_deadline().then_some(e.new_deadline).flatten())
        {
            self.deadline = d;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;
    use RectStatus::*;

    fn rect() -> Rectification {
        let mut r = Rectification::new(Id::nil(), day("2026-09-30"));
        r.measures = "建立村务公开制度".into();
        r.unit = "城关镇党委".into();
        r
    }

    fn input(step: Step, on: &str) -> StepInput {
        let mut i = StepInput::new(step, day(on));
        i.note = "原因".into();
        i.verifier = "张三".into();
        i.evidence = "会议纪要".into();
        i.new_deadline = Some(day("2026-12-31"));
        i
    }

    fn msgs(r: Result<(), Vec<Invalid>>) -> Vec<T> {
        r.err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    #[test]
    fn every_step_is_legal_from_exactly_the_listed_statuses() {
        let table: &[(Step, &[RectStatus], Option<RectStatus>)] = &[
            (Step::Start, &[NotStarted], Some(InProgress)),
            (Step::Submit, &[InProgress, LongTerm], Some(AwaitingVerification)),
            (Step::Close, &[AwaitingVerification], Some(Closed)),
            (Step::Inadequate, &[AwaitingVerification, Closed], Some(InProgress)),
            (Step::LongTerm, &[NotStarted, InProgress], Some(LongTerm)),
            (Step::FollowUp, &[LongTerm], Some(LongTerm)),
            (Step::Extend, &[NotStarted, InProgress, LongTerm], None),
            (Step::RequestExtension, &[NotStarted, InProgress, LongTerm], None),
            (Step::Progress, &[NotStarted, InProgress, LongTerm, AwaitingVerification], None),
        ];
        for (step, legal, to) in table {
            for from in RectStatus::ALL.iter() {
                let next = step.next(*from);
                if legal.contains(from) {
                    let expected = to.unwrap_or(*from);
                    assert_eq!(next, Some(expected), "{step:?} from {from:?}");
                    let mut r = rect();
                    r.status = *from;
                    assert_eq!(r.apply(input(*step, "2026-07-01")), Ok(()), "{step:?} from {from:?}");
                    assert_eq!(r.status, expected);
                } else {
                    assert_eq!(next, None, "{step:?} from {from:?} must be illegal");
                    let mut r = rect();
                    r.status = *from;
                    let before = r.clone();
                    assert_eq!(msgs(r.apply(input(*step, "2026-07-01"))), vec![T::ErrStepNotAllowed]);
                    assert_eq!(r, before, "a refused step changes nothing");
                }
            }
        }
    }

    #[test]
    fn the_full_path_to_struck_off_is_kept_in_the_history() {
        let mut r = rect();
        for (step, on) in [(Step::Start, "2026-07-01"), (Step::Submit, "2026-08-01"), (Step::Close, "2026-08-10")] {
            assert_eq!(r.apply(input(step, on)), Ok(()));
        }
        assert_eq!(r.status, Closed);
        assert_eq!(r.closed_on, Some(day("2026-08-10")));
        assert_eq!(r.verifier, "张三");
        let path: Vec<(RectStatus, RectStatus)> = r.history.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(
            path,
            vec![(NotStarted, InProgress), (InProgress, AwaitingVerification), (AwaitingVerification, Closed)]
        );
        assert!(!r.is_overdue(day("2030-01-01")), "a struck-off item is never overdue");
    }

    #[test]
    fn striking_off_needs_a_verifier_and_evidence() {
        let mut r = rect();
        r.status = AwaitingVerification;
        let mut bare = StepInput::new(Step::Close, day("2026-08-10"));
        assert_eq!(msgs(r.apply(bare.clone())), vec![T::ErrVerifierRequired, T::ErrEvidenceRequired]);
        assert_eq!(r.status, AwaitingVerification);
        r.evidence = "整改报告".into();
        bare.verifier = "李四".into();
        assert_eq!(r.apply(bare), Ok(()), "evidence recorded earlier counts");
        assert_eq!(r.evidence, "整改报告");
    }

    #[test]
    fn a_step_note_or_evidence_longer_than_the_limit_is_refused_naming_the_field() {
        let mut r = rect();
        let mut step = StepInput::new(Step::Progress, day("2026-08-10"));
        step.note = "进".repeat(crate::validation::MAX_TEXT_CHARS + 1);
        step.evidence = "证".repeat(crate::validation::MAX_TEXT_CHARS + 1);
        assert_eq!(msgs(r.apply(step.clone())), vec![T::ErrNoteTooLong, T::ErrEvidenceTooLong]);
        assert!(r.history.is_empty(), "nothing recorded");
        step.note = "进".repeat(crate::validation::MAX_TEXT_CHARS);
        step.evidence = String::new();
        assert_eq!(r.apply(step), Ok(()), "exactly the limit is accepted");
    }

    #[test]
    fn inadequate_work_goes_back_in_progress_and_is_counted() {
        let mut r = rect();
        r.status = AwaitingVerification;
        assert_eq!(r.apply(input(Step::Close, "2026-08-10")), Ok(()));
        assert_eq!(r.apply(input(Step::Inadequate, "2026-09-01")), Ok(()));
        assert_eq!(r.status, InProgress);
        assert_eq!(r.closed_on, None);
        assert_eq!(r.inadequate_count(), 1);
        let mut no_reason = StepInput::new(Step::Inadequate, day("2026-09-02"));
        r.status = AwaitingVerification;
        no_reason.note = "  ".into();
        assert_eq!(msgs(r.apply(no_reason)), vec![T::ErrNoteRequired]);
    }

    #[test]
    fn an_extension_needs_a_later_deadline_and_a_reason_and_is_kept_in_the_history() {
        let mut r = rect();
        let mut ext = StepInput::new(Step::Extend, day("2026-09-01"));
        assert_eq!(msgs(r.apply(ext.clone())), vec![T::ErrNoteRequired, T::ErrNewDeadlineRequired]);
        ext.note = "涉及资金需县财政审批".into();
        ext.new_deadline = Some(day("2026-09-30"));
        assert_eq!(msgs(r.apply(ext.clone())), vec![T::ErrNewDeadlineNotLater]);
        ext.new_deadline = Some(day("2026-12-31"));
        assert_eq!(r.apply(ext), Ok(()));
        assert_eq!(r.deadline, day("2026-12-31"));
        assert_eq!(r.status, NotStarted, "an extension does not change the status");
        let e = &r.history[0];
        assert_eq!((e.old_deadline, e.new_deadline), (Some(day("2026-09-30")), Some(day("2026-12-31"))));
    }

    #[test]
    fn overdue_starts_the_day_after_the_deadline_and_moves_with_an_extension() {
        let mut r = rect();
        assert!(!r.is_overdue(day("2026-09-29")));
        assert!(!r.is_overdue(day("2026-09-30")), "the deadline day itself is still in time");
        assert!(r.is_overdue(day("2026-10-01")));
        r.status = LongTerm;
        assert!(r.is_overdue(day("2026-10-01")), "long-term items keep their deadline");
        assert_eq!(r.apply(input(Step::Extend, "2026-10-01")), Ok(()));
        assert!(!r.is_overdue(day("2026-10-01")));
        assert!(!r.is_overdue(day("2026-12-31")));
        assert!(r.is_overdue(day("2027-01-01")));
    }

    #[test]
    fn a_step_cannot_be_dated_before_the_previous_one() {
        let mut r = rect();
        assert_eq!(r.apply(input(Step::Start, "2026-07-10")), Ok(()));
        assert_eq!(msgs(r.apply(input(Step::Submit, "2026-07-09"))), vec![T::ErrStepBeforeLast]);
        assert_eq!(r.apply(input(Step::Submit, "2026-07-10")), Ok(()));
    }

    #[test]
    fn a_requested_extension_moves_the_deadline_only_when_approved_and_the_item_stays_overdue_until_then() {
        let mut r = rect();
        r.apply(input(Step::Start, "2026-07-01")).unwrap_or_else(|e| panic!("{e:?}"));
        let mut ask = input(Step::RequestExtension, "2026-10-05");
        ask.new_deadline = Some(day("2026-12-31"));
        assert_eq!(r.apply(ask), Ok(()));
        assert_eq!(r.deadline, day("2026-09-30"), "asked for, not yet granted");
        assert!(r.is_overdue(day("2026-10-06")));
        assert_eq!(r.pending_extension().and_then(|e| e.new_deadline), Some(day("2026-12-31")));
        assert!(!r.allowed_steps().contains(&Step::RequestExtension), "one request at a time");
        let mut approve = input(Step::ApproveExtension, "2026-10-08");
        assert_eq!(msgs(r.apply(approve.clone())), vec![T::ErrApproverRequired]);
        approve.approver = "县委巡察办 赵六".into();
        assert_eq!(r.apply(approve), Ok(()));
        assert_eq!(r.deadline, day("2026-12-31"));
        assert!(!r.is_overdue(day("2026-10-09")));
        assert!(r.pending_extension().is_none());
        let last = r.history.last().cloned().unwrap_or_else(|| panic!("a step"));
        assert_eq!((last.old_deadline, last.new_deadline), (Some(day("2026-09-30")), Some(day("2026-12-31"))));
        assert_eq!(last.approver, "县委巡察办 赵六");
        // A refused request leaves the deadline as it was.
        let mut ask = input(Step::RequestExtension, "2026-12-01");
        ask.new_deadline = Some(day("2027-03-31"));
        assert_eq!(r.apply(ask), Ok(()));
        assert_eq!(r.apply(input(Step::RejectExtension, "2026-12-02")), Ok(()));
        assert_eq!(r.deadline, day("2026-12-31"));
        assert!(r.allowed_steps().contains(&Step::RequestExtension));
        let mut again = r.clone();
        crate::record::Model::settle(&mut again);
        assert_eq!(again, r, "the deadline follows from the steps");
    }

    #[test]
    fn progress_is_recorded_on_any_open_rectification_with_its_evidence() {
        let mut r = rect();
        let mut report = input(Step::Progress, "2026-07-01");
        report.note = "已召开专题会议".into();
        report.evidence = "会议纪要".into();
        assert_eq!(r.apply(report), Ok(()));
        assert_eq!(r.status, NotStarted);
        assert_eq!(r.evidence, "会议纪要", "the first evidence fills the field");
        let last = r.history.last().cloned().unwrap_or_else(|| panic!("a step"));
        assert_eq!((last.note.as_str(), last.evidence.as_str()), ("已召开专题会议", "会议纪要"));
        let mut empty = input(Step::Progress, "2026-07-02");
        empty.note.clear();
        assert_eq!(msgs(r.apply(empty)), vec![T::ErrNoteRequired]);
    }

    #[test]
    fn the_menu_offers_only_legal_steps() {
        let mut r = rect();
        assert_eq!(r.allowed_steps(), vec![Step::Start, Step::LongTerm, Step::Progress, Step::RequestExtension]);
        r.status = Closed;
        assert_eq!(r.allowed_steps(), vec![Step::Inadequate]);
    }

    #[test]
    fn a_rectification_needs_a_fed_back_problem_measures_and_a_unit() {
        use crate::meta::{Meta, Timestamp};
        let pid = Id::from_random_bytes([5; 16]);
        let mut problem = crate::problem::Problem::new(Id::nil(), Id::nil(), day("2026-04-01"));
        problem.description = "x".into();
        let meta = Meta::new(pid, Id::nil(), Timestamp::from_unix_millis(0.0));
        let mut problems = vec![Record { meta, data: problem }];
        let mut r = rect();
        r.problem = pid;
        assert_eq!(msgs(r.validate(Id::nil(), &problems, &[])), vec![T::ErrProblemNotFedBack]);
        problems[0].data.fed_back_on = Some(day("2026-07-01"));
        assert_eq!(msgs(r.validate(Id::nil(), &problems, &[])), Vec::<T>::new());
        r.deadline = day("2026-06-30");
        r.measures.clear();
        assert_eq!(
            msgs(r.validate(Id::nil(), &problems, &[])),
            vec![T::ErrMeasuresRequired],
            "the missing field first"
        );
        r.measures = "措施".into();
        assert_eq!(msgs(r.validate(Id::nil(), &problems, &[])), vec![T::ErrDeadlineBeforeFeedback]);
        let other = Record {
            meta: Meta::new(Id::from_random_bytes([6; 16]), Id::nil(), Timestamp::from_unix_millis(0.0)),
            data: rect(),
        };
        let mut other = other;
        other.data.problem = pid;
        r = rect();
        r.problem = pid;
        assert_eq!(msgs(r.validate(Id::nil(), &problems, &[other])), vec![T::ErrProblemHasRectification]);
    }
}
