//! 问题线索: a clue about persons or matters, transferred to the body that handles
//! it, with its disposal and the feedback due three months after transfer.

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::inspection::Inspection;
use crate::labelled_enum;
use crate::record::Record;
use crate::round::Round;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// 移交: who receives the clue.
    pub enum Recipient {
        /// 县纪委监委
        DisciplineCommission => RcptDiscipline,
        /// 县委组织部
        Organisation => RcptOrganisation,
        /// 其他, named in `recipient_other`
        Other => RcptOther,
    }
}

labelled_enum! {
    /// 分类处置
    pub enum Disposal {
        /// 谈话函询
        Inquiry => DispInquiry,
        /// 初步核实
        Preliminary => DispPreliminary,
        /// 暂存待查
        Shelved => DispShelved,
        /// 予以了结
        Concluded => DispConcluded,
        /// 立案审查
        Case => DispCase,
    }
}

/// Feedback on a transferred clue is due this many months after the transfer.
pub const FEEDBACK_MONTHS: u32 = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clue {
    pub round: Id,
    pub target: Id,
    pub summary: String,
    /// 涉及党员干部人数
    #[serde(default)]
    pub cadres: u32,
    /// 涉及其他人员人数
    #[serde(default)]
    pub others: u32,
    /// Names of the persons involved: optional and sensitive, hidden unless asked for.
    #[serde(default)]
    pub names: String,
    pub recipient: Recipient,
    #[serde(default)]
    pub recipient_other: String,
    #[serde(default)]
    pub transferred_on: Option<Day>,
    #[serde(default)]
    pub disposal: Option<Disposal>,
    /// 处置结果
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub closed_on: Option<Day>,
}

impl Clue {
    pub fn new(round: Id, target: Id) -> Clue {
        Clue {
            round,
            target,
            summary: String::new(),
            cadres: 0,
            others: 0,
            names: String::new(),
            recipient: Recipient::DisciplineCommission,
            recipient_other: String::new(),
            transferred_on: None,
            disposal: None,
            result: String::new(),
            closed_on: None,
        }
    }

    /// Three months after transfer; a day the month lacks becomes its last day.
    pub fn feedback_due(&self) -> Option<Day> {
        self.transferred_on?.add_months(FEEDBACK_MONTHS)
    }

    /// Past the feedback date and not closed.
    pub fn is_overdue(&self, today: Day) -> bool {
        self.closed_on.is_none() && self.feedback_due().is_some_and(|due| due < today)
    }

    pub fn persons(&self) -> u32 {
        self.cadres.saturating_add(self.others)
    }

    /// `inspections` are those of the clue's round.
    pub fn validate(&self, rounds: &[Record<Round>], inspections: &[Record<Inspection>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        crate::inspection::check_place(&mut c, self.round, self.target, rounds, inspections);
        c.required(!blank(&self.summary), "summary", T::ErrSummaryRequired);
        c.within_limit(&self.summary, "summary", T::ErrSummaryTooLong);
        c.within_limit(&self.result, "result", T::ErrResultTooLong);
        c.check(
            self.recipient != Recipient::Other || !blank(&self.recipient_other),
            "recipient_other",
            T::ErrRecipientRequired,
        );
        c.check(self.closed_on.is_none() || self.transferred_on.is_some(), "transferred_on", T::ErrCloseNeedsTransfer);
        c.check(self.closed_on.is_none() || self.disposal.is_some(), "disposal", T::ErrCloseNeedsDisposal);
        let order = match (self.transferred_on, self.closed_on) {
            (Some(t), Some(c)) => c >= t,
            _ => true,
        };
        c.check(order, "closed_on", T::ErrCloseBeforeTransfer);
        c.finish()
    }
}

impl crate::record::Model for Clue {
    /// The limits the forms set, kept by every way in.
    fn too_long(&self) -> Option<(&'static str, usize)> {
        use crate::record::over;
        over("summary", &self.summary, crate::validation::MAX_TEXT_CHARS)
            .or_else(|| over("result", &self.result, crate::validation::MAX_TEXT_CHARS))
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        use crate::record::Reference;
        use crate::Kind;
        vec![Reference::to("round", Kind::Round, self.round), Reference::to("target", Kind::Target, self.target)]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::i18n::T;
        use crate::record::Field;
        use crate::Kind;
        Some(match path {
            "round" => Field::reference(T::ColRound, Kind::Round),
            "target" => Field::reference(T::ColTarget, Kind::Target),
            "summary" => Field::plain(T::ColSummary),
            "cadres" => Field::plain(T::ColCadres),
            "others" => Field::plain(T::ColOthers),
            "names" => Field::plain(T::ColNames),
            "recipient" => Field::choice::<Recipient>(T::ColRecipient),
            "recipient_other" => Field::plain(T::FieldRecipientOther),
            "transferred_on" => Field::plain(T::ColTransferredOn),
            "disposal" => Field::choice::<Disposal>(T::ColDisposal),
            "result" => Field::plain(T::ColResult),
            "closed_on" => Field::plain(T::ColClosedOn),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    fn clue(transferred: &str) -> Clue {
        let mut c = Clue::new(Id::nil(), Id::nil());
        c.summary = "反映村干部优亲厚友".into();
        c.transferred_on = Some(day(transferred));
        c
    }

    #[test]
    fn feedback_is_due_three_months_after_transfer_across_month_ends() {
        assert_eq!(clue("2026-11-30").feedback_due(), Some(day("2027-02-28")));
        assert_eq!(clue("2027-11-30").feedback_due(), Some(day("2028-02-29")), "a leap year");
        assert_eq!(clue("2026-08-31").feedback_due(), Some(day("2026-11-30")));
        assert_eq!(clue("2026-10-15").feedback_due(), Some(day("2027-01-15")));
        assert_eq!(Clue::new(Id::nil(), Id::nil()).feedback_due(), None, "not yet transferred");
    }

    #[test]
    fn a_clue_is_overdue_from_the_day_after_feedback_was_due_until_closed() {
        let mut c = clue("2026-11-30");
        assert!(!c.is_overdue(day("2027-02-28")));
        assert!(c.is_overdue(day("2027-03-01")));
        c.disposal = Some(Disposal::Concluded);
        c.closed_on = Some(day("2027-03-05"));
        assert!(!c.is_overdue(day("2027-03-06")));
        assert!(!Clue::new(Id::nil(), Id::nil()).is_overdue(day("2099-01-01")));
    }

    #[test]
    fn closing_needs_a_transfer_a_disposal_and_a_date_after_the_transfer() {
        let mut c = Clue::new(Id::nil(), Id::nil());
        c.summary = "x".into();
        c.closed_on = Some(day("2026-01-01"));
        let errors = |c: &Clue| -> Vec<T> {
            c.validate(&[], &[])
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.msg)
                .filter(|m| !matches!(m, T::ErrRoundMissing | T::ErrTargetNotInRound))
                .collect()
        };
        assert_eq!(errors(&c), vec![T::ErrRoundRequired, T::ErrTargetRequired], "what is missing comes first");
        c.round = Id::from_random_bytes([1; 16]);
        c.target = Id::from_random_bytes([2; 16]);
        assert_eq!(errors(&c), vec![T::ErrCloseNeedsTransfer, T::ErrCloseNeedsDisposal]);
        c.transferred_on = Some(day("2026-02-01"));
        c.disposal = Some(Disposal::Inquiry);
        assert_eq!(errors(&c), vec![T::ErrCloseBeforeTransfer]);
        c.closed_on = Some(day("2026-02-01"));
        assert!(errors(&c).is_empty());
        c.recipient = Recipient::Other;
        assert_eq!(errors(&c), vec![T::ErrRecipientRequired]);
        c.recipient_other = "县审计局".into();
        assert!(errors(&c).is_empty());
    }

    #[test]
    fn a_summary_or_result_longer_than_the_limit_is_refused_naming_the_field() {
        // A round and target that are named (not missing), so every other error shows.
        let mut c = Clue::new(Id::from_random_bytes([1; 16]), Id::from_random_bytes([2; 16]));
        c.summary = "线".repeat(crate::validation::MAX_TEXT_CHARS + 1);
        c.result = "果".repeat(crate::validation::MAX_TEXT_CHARS + 1);
        let fields: Vec<(&str, T)> = c
            .validate(&[], &[])
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.field == "summary" || e.field == "result")
            .map(|e| (e.field, e.msg))
            .collect();
        assert_eq!(fields, vec![("summary", T::ErrSummaryTooLong), ("result", T::ErrResultTooLong)]);
    }

    #[test]
    fn persons_involved_add_up_without_overflow() {
        let mut c = clue("2026-01-01");
        c.cadres = 2;
        c.others = 3;
        assert_eq!(c.persons(), 5);
        c.others = u32::MAX;
        assert_eq!(c.persons(), u32::MAX);
    }
}
