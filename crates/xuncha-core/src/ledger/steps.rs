//! The steps a rectification moves by (开始整改, 提请核验, 核验销号, 申请延期 …), the
//! entries of its 办理记录, and how two offices' step logs merge into one.

use super::rectification::RectStatus;
use crate::date::Day;
use crate::id::Id;
use crate::labelled_enum;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// What a person does to a rectification; each step is legal from some statuses only.
    pub enum Step {
        /// 开始整改
        Start => StepStart,
        /// 提请核验
        Submit => StepSubmit,
        /// 核验销号
        Close => StepClose,
        /// 整改不到位: a supervisor sends it back.
        Inadequate => StepInadequate,
        /// 转为长期整改
        LongTerm => StepLongTerm,
        /// 跟踪督办 of a long-term item
        FollowUp => StepFollowUp,
        /// 记录进展: what was done, with its evidence, on any open rectification.
        Progress => StepProgress,
        /// 申请延期: a later deadline asked for; the deadline holds until it is approved.
        RequestExtension => StepRequestExtension,
        /// 批准延期: the requested deadline takes effect.
        ApproveExtension => StepApproveExtension,
        /// 不予延期: the request is turned down.
        RejectExtension => StepRejectExtension,
        /// 调整时限 at once, as extensions were recorded before requests needed approval;
        /// read in older logs, no longer offered.
        Extend => StepExtend,
    }
}

impl Step {
    /// The status after this step from `from`, or `None` when the step is not allowed there.
    pub fn next(self, from: RectStatus) -> Option<RectStatus> {
        use RectStatus::*;
        match (self, from) {
            (Step::Start, NotStarted) => Some(InProgress),
            (Step::Submit, InProgress | LongTerm) => Some(AwaitingVerification),
            (Step::Close, AwaitingVerification) => Some(Closed),
            (Step::Inadequate, AwaitingVerification | Closed) => Some(InProgress),
            (Step::LongTerm, NotStarted | InProgress) => Some(LongTerm),
            (Step::FollowUp, LongTerm) => Some(LongTerm),
            (Step::Extend | Step::RequestExtension, NotStarted | InProgress | LongTerm) => Some(from),
            (
                Step::Progress | Step::ApproveExtension | Step::RejectExtension,
                NotStarted | InProgress | LongTerm | AwaitingVerification,
            ) => Some(from),
            _ => None,
        }
    }

    /// Steps that must say why (the reason for an extension, what was inadequate, what
    /// was followed up or done, why an extension is refused).
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Step::Inadequate
                | Step::FollowUp
                | Step::Extend
                | Step::RequestExtension
                | Step::RejectExtension
                | Step::Progress
        )
    }

    /// Steps that move the deadline: the chain of deadlines runs through them.
    pub fn moves_deadline(self) -> bool {
        matches!(self, Step::Extend | Step::ApproveExtension)
    }
}

/// One entry of the history: who could read it later sees what changed and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub on: Day,
    pub step: Step,
    pub from: RectStatus,
    pub to: RectStatus,
    #[serde(default)]
    pub note: String,
    /// For an extension: the deadline before and after (asked for, for a request).
    #[serde(default)]
    pub old_deadline: Option<Day>,
    #[serde(default)]
    pub new_deadline: Option<Day>,
    /// Who approved an extension.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    /// The evidence a progress report comes with.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// What the user enters to take a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepInput {
    pub step: Step,
    pub on: Day,
    pub note: String,
    /// Extension only.
    pub new_deadline: Option<Day>,
    /// 销号 only; kept when blank and already recorded.
    pub verifier: String,
    /// 销号 and 记录进展.
    pub evidence: String,
    /// 批准延期 only.
    pub approver: String,
}

impl StepInput {
    pub fn new(step: Step, on: Day) -> StepInput {
        StepInput {
            step,
            on,
            note: String::new(),
            new_deadline: None,
            verifier: String::new(),
            evidence: String::new(),
            approver: String::new(),
        }
    }
}

/// Two step logs as one: every step of either side once, in one order that does not
/// depend on which side is which, so every PC merges alike. Steps go by day; on one
/// day, the step that starts from the status (and, for an extension, the deadline)
/// the one before it ended in, a step that keeps the status first. `None` when the
/// steps cannot all stand: two offices took different steps from the same status, or
/// extended the same deadline apart.
pub fn merge_steps(local: &[Event], incoming: &[Event]) -> Option<Vec<Event>> {
    let mut pool: Vec<(&Event, String)> = Vec::new();
    for e in local.iter().chain(incoming) {
        if !pool.iter().any(|(p, _)| *p == e) {
            pool.push((e, serde_json::to_string(e).unwrap_or_default()));
        }
    }
    let mut out = Vec::with_capacity(pool.len());
    // Every rectification starts 未整改 (feeding back opens it so); the deadline is
    // known from the first extension on.
    let mut status = RectStatus::NotStarted;
    let mut deadline: Option<Day> = None;
    while let Some(day) = pool.iter().map(|(e, _)| e.on).min() {
        let fits = |e: &Event| {
            e.from == status && (!e.step.moves_deadline() || deadline.is_none() || e.old_deadline == deadline)
        };
        let (at, _) = pool
            .iter()
            .enumerate()
            .filter(|(_, (e, _))| e.on == day && fits(e))
            .min_by(|(_, (a, ja)), (_, (b, jb))| (a.from != a.to, ja).cmp(&(b.from != b.to, jb)))?;
        let (e, _) = pool.remove(at);
        status = e.to;
        if e.step.moves_deadline() {
            deadline = e.new_deadline;
        }
        out.push(e.clone());
    }
    Some(out)
}

/// The step log in words: one line a step, with the day, the step and the statuses.
pub(super) fn history_words(
    value: &serde_json::Value,
    lang: crate::i18n::Lang,
    _: &dyn Fn(crate::Kind, Id) -> Option<String>,
) -> String {
    use crate::i18n::Label;
    let Ok(events) = serde_json::from_value::<Vec<Event>>(value.clone()) else {
        return crate::record::plain(value);
    };
    let lines: Vec<String> = events
        .iter()
        .map(|e| {
            let mut line = format!(
                "{} {}：{} → {}",
                e.on,
                e.step.label().text(lang),
                e.from.label().text(lang),
                e.to.label().text(lang)
            );
            if let (Some(old), Some(new)) = (e.old_deadline, e.new_deadline) {
                line.push_str(&format!("（{old} → {new}）"));
            }
            if !e.note.is_empty() {
                line.push_str(&format!("，{}", e.note));
            }
            if !e.approver.is_empty() {
                line.push_str(&format!("（{}）", e.approver));
            }
            if !e.evidence.is_empty() {
                line.push_str(&format!("；{}", e.evidence));
            }
            line
        })
        .collect();
    lines.join("；")
}
