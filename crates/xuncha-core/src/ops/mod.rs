//! The things a user does, as functions over any `Store`: load what the rules
//! need, validate, stamp the envelope, and commit every affected record at once.

use crate::clue::Clue;
use crate::date::Day;
use crate::group::Group;
use crate::i18n::{Lang, T};
use crate::id::{Id, IdSource};
use crate::inspection::{Inspection, InspectionContext};
use crate::meta::{Meta, Timestamp};
use crate::office::{Office, OfficeRole};
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::recommendation::Recommendation;
use crate::record::{AnyRecord, Body, KindVisitor, Record};
use crate::rectification::{RectStatus, Rectification, StepInput};
use crate::response::{PaperBatch, Response};
use crate::round::Round;
use crate::schema::keys;
use crate::store::{live, Change, Expect, Store, StoreError};
use crate::target::{OrgForm, Target, TargetKind};
use crate::term::Term;
use crate::validation::Invalid;

/// Who is writing and when.
pub struct Ctx<'a> {
    pub office: Id,
    pub now: Timestamp,
    pub ids: &'a dyn IdSource,
}

impl std::fmt::Debug for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("office", &self.office).field("now", &self.now).finish()
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OpError {
    #[error("the form has errors: {0:?}")]
    Invalid(Vec<Invalid>),
    #[error("refused: {0:?}")]
    Refused(T),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl OpError {
    /// Every sentence to show the user.
    pub fn messages(&self, lang: Lang) -> Vec<&'static str> {
        match self {
            OpError::Invalid(errors) => errors.iter().map(|e| e.msg.text(lang)).collect(),
            OpError::Refused(msg) => vec![msg.text(lang)],
            OpError::Store(e) => vec![e.message().text(lang)],
        }
    }

    /// The invalid form fields, for marking inputs.
    pub fn fields(&self) -> Vec<&'static str> {
        match self {
            OpError::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
            _ => Vec::new(),
        }
    }
}

/// The id the record will have: its own when editing, a fresh one when new.
fn id_for(ctx: &Ctx<'_>, base: Option<&Meta>) -> Id {
    base.map(|m| m.id).unwrap_or_else(|| ctx.ids.next_id())
}

/// Wraps `data` in a new envelope, or the edited one with one more version step.
fn stamp<B: Body>(ctx: &Ctx<'_>, id: Id, base: Option<&Meta>, data: B) -> (Record<B>, Change) {
    let (meta, expect) = match base {
        Some(m) => {
            let mut meta = m.clone();
            meta.touch(ctx.office, ctx.now);
            (meta, Expect::Version(m.version.clone()))
        }
        None => (Meta::new(id, ctx.office, ctx.now), Expect::Absent),
    };
    let record = Record { meta, data };
    let change = Change { record: B::into_any(record.clone()), expect };
    (record, change)
}

/// A tombstone of `record`: same content, marked deleted, one version on.
fn tombstone<B: Body>(ctx: &Ctx<'_>, record: &Record<B>) -> Change {
    let mut meta = record.meta.clone();
    meta.deleted = true;
    meta.touch(ctx.office, ctx.now);
    Change {
        record: B::into_any(Record { meta, data: record.data.clone() }),
        expect: Expect::Version(record.meta.version.clone()),
    }
}

async fn save_checked<B: Body, S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    id: Id,
    base: Option<&Meta>,
    data: B,
    checked: Result<(), Vec<Invalid>>,
) -> Result<Record<B>, OpError> {
    checked.map_err(OpError::Invalid)?;
    let (record, change) = stamp(ctx, id, base, data);
    store.commit(vec![change]).await?;
    Ok(record)
}

/// First-run setup: names this PC's office and gives it a fresh id.
pub async fn set_up_office<S: Store>(
    store: &S,
    ids: &dyn IdSource,
    name: &str,
    role: OfficeRole,
) -> Result<Office, OpError> {
    let office = Office { id: ids.next_id(), name: name.trim().to_owned(), role };
    office.validate().map_err(OpError::Invalid)?;
    store.put_setting(Office::SETTINGS_KEY, &office).await?;
    Ok(office)
}

/// Renames the office or changes its role; the id never changes.
pub async fn update_office<S: Store>(store: &S, office: &Office) -> Result<(), OpError> {
    let mut office = office.clone();
    office.name = office.name.trim().to_owned();
    office.validate().map_err(OpError::Invalid)?;
    store.put_setting(Office::SETTINGS_KEY, &office).await?;
    Ok(())
}

pub async fn load_office<S: Store>(store: &S) -> Result<Option<Office>, StoreError> {
    store.setting(Office::SETTINGS_KEY).await
}

pub async fn save_term<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Term,
) -> Result<Record<Term>, OpError> {
    data.name = data.name.trim().to_owned();
    let id = id_for(ctx, base);
    let checked = data.validate(id, &store.all::<Term>().await?);
    save_checked(store, ctx, id, base, data, checked).await
}

pub async fn delete_term<S: Store>(store: &S, ctx: &Ctx<'_>, term: &Record<Term>) -> Result<(), OpError> {
    let rounds = store.by_index::<Round>(keys::BY_TERM, term.meta.id).await?;
    if rounds.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTermHasRounds));
    }
    store.commit(vec![tombstone(ctx, term)]).await?;
    Ok(())
}

pub async fn save_target<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Target,
) -> Result<Record<Target>, OpError> {
    data.name = data.name.trim().to_owned();
    if !data.kind.needs_township() {
        data.township = None;
    }
    let id = id_for(ctx, base);
    let all = store.all::<Target>().await?;
    let mut checked = data.validate(id, &all);
    if checked.is_ok() && base.is_some() && data.kind != TargetKind::Township {
        // A township that still has villages may not become another kind.
        if all.iter().any(|t| t.is_live() && t.data.township == Some(id)) {
            checked = Err(vec![Invalid { field: "kind", msg: T::ErrTownshipHasVillages }]);
        }
    }
    save_checked(store, ctx, id, base, data, checked).await
}

/// What a bulk entry did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkOutcome {
    pub added: Vec<Record<Target>>,
    /// Names already in the register, left alone.
    pub skipped: Vec<String>,
}

/// Adds many targets of one kind at once, all in one transaction; names that
/// already exist are reported, not duplicated.
pub async fn bulk_add_targets<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    names: &[String],
    kind: TargetKind,
    org_form: OrgForm,
    township: Option<Id>,
) -> Result<BulkOutcome, OpError> {
    let mut all = store.all::<Target>().await?;
    let mut outcome = BulkOutcome { added: Vec::new(), skipped: Vec::new() };
    let mut changes = Vec::new();
    for name in names {
        let mut data = Target::new(name, kind, township.filter(|_| kind.needs_township()));
        data.org_form = org_form;
        let id = ctx.ids.next_id();
        match data.validate(id, &all) {
            Ok(()) => {
                let (record, change) = stamp(ctx, id, None, data);
                all.push(record.clone());
                outcome.added.push(record);
                changes.push(change);
            }
            Err(errors) if errors.iter().all(|e| e.msg == T::ErrTargetNameTaken) => outcome.skipped.push(name.clone()),
            Err(errors) => return Err(OpError::Invalid(errors)),
        }
    }
    if !changes.is_empty() {
        store.commit(changes).await?;
    }
    Ok(outcome)
}

pub async fn delete_target<S: Store>(store: &S, ctx: &Ctx<'_>, target: &Record<Target>) -> Result<(), OpError> {
    let villages = store.by_index::<Target>(keys::BY_TOWNSHIP, target.meta.id).await?;
    if villages.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTownshipHasVillages));
    }
    let inspections = store.by_index::<Inspection>(keys::BY_TARGET, target.meta.id).await?;
    if inspections.iter().any(Record::is_live) {
        return Err(OpError::Refused(T::ErrTargetInspected));
    }
    store.commit(vec![tombstone(ctx, target)]).await?;
    Ok(())
}

pub async fn save_round<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Round,
) -> Result<Record<Round>, OpError> {
    data.topic = data.topic.trim().to_owned();
    let id = id_for(ctx, base);
    let terms = store.all::<Term>().await?;
    let rounds = store.by_index::<Round>(keys::BY_TERM, data.term).await?;
    let checked = data.validate(id, &terms, &rounds);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a round with its groups and their assignments, in one transaction.
/// A round whose ledgers hold records is kept: those records would lose their round.
pub async fn delete_round<S: Store>(store: &S, ctx: &Ctx<'_>, round: &Record<Round>) -> Result<(), OpError> {
    let id = round.meta.id;
    let used = store.by_index::<Problem>(keys::BY_ROUND, id).await?.iter().any(Record::is_live)
        || store.by_index::<Clue>(keys::BY_ROUND, id).await?.iter().any(Record::is_live)
        || store.by_index::<Recommendation>(keys::BY_ROUND, id).await?.iter().any(Record::is_live);
    if used {
        return Err(OpError::Refused(T::ErrRoundHasLedger));
    }
    let mut changes = vec![tombstone(ctx, round)];
    for g in store.by_index::<Group>(keys::BY_ROUND, round.meta.id).await?.iter().filter(|g| g.is_live()) {
        changes.push(tombstone(ctx, g));
    }
    for i in store.by_index::<Inspection>(keys::BY_ROUND, round.meta.id).await?.iter().filter(|i| i.is_live()) {
        changes.push(tombstone(ctx, i));
    }
    store.commit(changes).await?;
    Ok(())
}

pub async fn save_group<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Group,
) -> Result<Record<Group>, OpError> {
    data.name = data.name.trim().to_owned();
    data.leader = data.leader.trim().to_owned();
    data.deputy = data.deputy.trim().to_owned();
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let groups = store.by_index::<Group>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(id, &rounds, &groups);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a group and its assignments together.
pub async fn delete_group<S: Store>(store: &S, ctx: &Ctx<'_>, group: &Record<Group>) -> Result<(), OpError> {
    let mut changes = vec![tombstone(ctx, group)];
    for i in store.by_index::<Inspection>(keys::BY_GROUP, group.meta.id).await?.iter().filter(|i| i.is_live()) {
        refuse_if_ledgered(store, &i.data).await?;
        changes.push(tombstone(ctx, i));
    }
    store.commit(changes).await?;
    Ok(())
}

/// Creates or edits the inspection of one target; assigning a target to a group is saving a new one.
pub async fn save_inspection<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    data: Inspection,
) -> Result<Record<Inspection>, OpError> {
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    if !data.round_is_live(&rounds) {
        return Err(OpError::Invalid(vec![Invalid { field: "round", msg: T::ErrRoundMissing }]));
    }
    let groups = store.by_index::<Group>(keys::BY_ROUND, data.round).await?;
    let targets = store.all::<Target>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let cx = InspectionContext { groups: &groups, targets: &targets, inspections: &inspections };
    let checked = data.validate(id, cx);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Assigns several targets to a group at once; nothing is written if any is refused.
pub async fn assign_targets<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    round: Id,
    group: Id,
    targets: &[Id],
) -> Result<Vec<Record<Inspection>>, OpError> {
    let rounds = store.all::<Round>().await?;
    let groups = store.by_index::<Group>(keys::BY_ROUND, round).await?;
    let all_targets = store.all::<Target>().await?;
    let mut inspections = store.by_index::<Inspection>(keys::BY_ROUND, round).await?;
    let mut changes = Vec::new();
    let mut added = Vec::new();
    for target in targets {
        let data = Inspection::new(round, group, *target);
        if !data.round_is_live(&rounds) {
            return Err(OpError::Invalid(vec![Invalid { field: "round", msg: T::ErrRoundMissing }]));
        }
        let id = ctx.ids.next_id();
        let cx = InspectionContext { groups: &groups, targets: &all_targets, inspections: &inspections };
        data.validate(id, cx).map_err(OpError::Invalid)?;
        let (record, change) = stamp(ctx, id, None, data);
        inspections.push(record.clone());
        added.push(record);
        changes.push(change);
    }
    if !changes.is_empty() {
        store.commit(changes).await?;
    }
    Ok(added)
}

/// Takes a target off a round (tombstones its inspection record).
pub async fn unassign<S: Store>(store: &S, ctx: &Ctx<'_>, inspection: &Record<Inspection>) -> Result<(), OpError> {
    refuse_if_ledgered(store, &inspection.data).await?;
    store.commit(vec![tombstone(ctx, inspection)]).await?;
    Ok(())
}

/// An inspection whose target has problems or clues in the round must stay.
async fn refuse_if_ledgered<S: Store>(store: &S, i: &Inspection) -> Result<(), OpError> {
    let problems = store.by_index::<Problem>(keys::BY_ROUND, i.round).await?;
    let clues = store.by_index::<Clue>(keys::BY_ROUND, i.round).await?;
    if problems.iter().any(|p| p.is_live() && p.data.target == i.target)
        || clues.iter().any(|c| c.is_live() && c.data.target == i.target)
    {
        return Err(OpError::Refused(T::ErrInspectionHasLedger));
    }
    Ok(())
}

pub async fn save_problem<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Problem,
) -> Result<Record<Problem>, OpError> {
    data.description = data.description.trim().to_owned();
    data.sub_category = data.sub_category.trim().to_owned();
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &inspections);
    save_checked(store, ctx, id, base, data, checked).await
}

/// Deletes a problem and its rectification together; a problem listed in a letter stays.
pub async fn delete_problem<S: Store>(store: &S, ctx: &Ctx<'_>, problem: &Record<Problem>) -> Result<(), OpError> {
    let letters = store.by_index::<Recommendation>(keys::BY_ROUND, problem.data.round).await?;
    if letters.iter().any(|l| l.is_live() && l.data.problems.contains(&problem.meta.id)) {
        return Err(OpError::Refused(T::ErrProblemHasLedger));
    }
    let mut changes = vec![tombstone(ctx, problem)];
    for r in store.by_index::<Rectification>(keys::BY_PROBLEM, problem.meta.id).await?.iter().filter(|r| r.is_live()) {
        changes.push(tombstone(ctx, r));
    }
    store.commit(changes).await?;
    Ok(())
}

/// 反馈: records the feedback day on the problem and opens its rectification, in one transaction.
pub async fn feed_back<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    problem: &Record<Problem>,
    fed_back_on: Day,
    mut draft: Rectification,
) -> Result<Record<Rectification>, OpError> {
    let mut updated = problem.data.clone();
    updated.fed_back_on = Some(fed_back_on);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, updated.round).await?;
    let mut errors = updated.validate(&rounds, &inspections).err().unwrap_or_default();
    draft.problem = problem.meta.id;
    draft.status = RectStatus::NotStarted;
    draft.history.clear();
    draft.closed_on = None;
    trim_rectification(&mut draft);
    let (problem_record, problem_change) = stamp(ctx, problem.meta.id, Some(&problem.meta), updated);
    let existing = store.by_index::<Rectification>(keys::BY_PROBLEM, problem.meta.id).await?;
    let id = ctx.ids.next_id();
    if let Err(e) = draft.validate(id, &[problem_record], &existing) {
        errors.extend(e);
    }
    if !errors.is_empty() {
        return Err(OpError::Invalid(errors));
    }
    let (record, change) = stamp(ctx, id, None, draft);
    store.commit(vec![problem_change, change]).await?;
    Ok(record)
}

fn trim_rectification(r: &mut Rectification) {
    for text in [&mut r.measures, &mut r.unit, &mut r.person, &mut r.evidence, &mut r.verifier] {
        *text = text.trim().to_owned();
    }
}

/// Edits measures, unit, person and evidence. Status, deadline and history change only by a step.
pub async fn save_rectification<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: &Record<Rectification>,
    mut data: Rectification,
) -> Result<Record<Rectification>, OpError> {
    data.problem = base.data.problem;
    data.status = base.data.status;
    data.deadline = base.data.deadline;
    data.history = base.data.history.clone();
    data.closed_on = base.data.closed_on;
    trim_rectification(&mut data);
    let problems: Vec<Record<Problem>> = store.get::<Problem>(data.problem).await?.into_iter().collect();
    let existing = store.by_index::<Rectification>(keys::BY_PROBLEM, data.problem).await?;
    let checked = data.validate(base.meta.id, &problems, &existing);
    save_checked(store, ctx, base.meta.id, Some(&base.meta), data, checked).await
}

/// Takes one status step (开始整改, 销号, 申请延期 …) on a rectification.
pub async fn step_rectification<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: &Record<Rectification>,
    input: StepInput,
) -> Result<Record<Rectification>, OpError> {
    let mut data = base.data.clone();
    data.apply(input).map_err(OpError::Invalid)?;
    let (record, change) = stamp(ctx, base.meta.id, Some(&base.meta), data);
    store.commit(vec![change]).await?;
    Ok(record)
}

pub async fn save_clue<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Clue,
) -> Result<Record<Clue>, OpError> {
    for text in [&mut data.summary, &mut data.names, &mut data.recipient_other, &mut data.result] {
        *text = text.trim().to_owned();
    }
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let inspections = store.by_index::<Inspection>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &inspections);
    save_checked(store, ctx, id, base, data, checked).await
}

pub async fn save_recommendation<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    mut data: Recommendation,
) -> Result<Record<Recommendation>, OpError> {
    for text in [&mut data.addressee, &mut data.sector, &mut data.response] {
        *text = text.trim().to_owned();
    }
    let id = id_for(ctx, base);
    let rounds = store.all::<Round>().await?;
    let problems = store.by_index::<Problem>(keys::BY_ROUND, data.round).await?;
    let checked = data.validate(&rounds, &problems);
    save_checked(store, ctx, id, base, data, checked).await
}

/// True when a live response or paper batch answers questionnaire `id`.
pub async fn has_answers<S: Store>(store: &S, id: Id) -> Result<bool, StoreError> {
    let responses = store.by_index::<Response>(keys::BY_QUESTIONNAIRE, id).await?;
    if responses.iter().any(Record::is_live) {
        return Ok(true);
    }
    Ok(store.by_index::<PaperBatch>(keys::BY_QUESTIONNAIRE, id).await?.iter().any(Record::is_live))
}

/// Saves a questionnaire. Once it has answers, its questions are frozen: only the
/// title, introduction, round, target and the counts handed out may change, and
/// `new_questionnaire_version` is the way to change a question.
pub async fn save_questionnaire<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Record<Questionnaire>>,
    mut data: Questionnaire,
) -> Result<Record<Questionnaire>, OpError> {
    data.title = data.title.trim().to_owned();
    data.intro = data.intro.trim().to_owned();
    for q in &mut data.questions {
        q.text = q.text.trim().to_owned();
        q.options.iter_mut().for_each(|o| *o = o.trim().to_owned());
        q.levels.iter_mut().for_each(|l| l.label = l.label.trim().to_owned());
    }
    if let Some(base) = base {
        // The series and version say which tally a response belongs to; they never change.
        data.series = base.data.series;
        data.version = base.data.version;
        if !base.data.same_questions(&data) && has_answers(store, base.meta.id).await? {
            return Err(OpError::Refused(T::ErrQuestionsFrozen));
        }
    }
    let rounds = store.all::<Round>().await?;
    let targets = store.all::<Target>().await?;
    let checked = data.validate(&rounds, &targets);
    save_checked(store, ctx, id_for(ctx, base.map(|b| &b.meta)), base.map(|b| &b.meta), data, checked).await
}

/// A new version of a questionnaire, numbered after the latest of its series, with
/// the same questions ready to change. The old version and its tally stay as they are.
pub async fn new_questionnaire_version<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    of: &Record<Questionnaire>,
) -> Result<Record<Questionnaire>, OpError> {
    let latest = store
        .all::<Questionnaire>()
        .await?
        .iter()
        .filter(|q| q.data.series == of.data.series)
        .map(|q| q.data.version)
        .max()
        .unwrap_or(of.data.version);
    let data = of.data.next_version(latest);
    let (record, change) = stamp(ctx, ctx.ids.next_id(), None, data);
    store.commit(vec![change]).await?;
    Ok(record)
}

/// Deletes a questionnaire that nobody has answered; answered ones stay for their tally.
pub async fn delete_questionnaire<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    q: &Record<Questionnaire>,
) -> Result<(), OpError> {
    if has_answers(store, q.meta.id).await? {
        return Err(OpError::Refused(T::ErrQuestionnaireHasResponses));
    }
    store.commit(vec![tombstone(ctx, q)]).await?;
    Ok(())
}

/// One anonymous response as a record: blank answers dropped, text trimmed, and an
/// envelope with a random id and no time finer than the day. Pure, so a respondent's
/// page without a database makes its response file the same way.
pub fn response_record(
    ids: &dyn IdSource,
    office: Id,
    q: &Questionnaire,
    mut data: Response,
) -> Result<Record<Response>, Vec<crate::response::AnswerError>> {
    data.answers.iter_mut().for_each(|a| a.text = a.text.trim().to_owned());
    data.answers.retain(|a| !a.is_empty() && q.question(a.question).is_some());
    data.check(q)?;
    Ok(Record { meta: crate::response::anonymous_meta(ids.next_id(), office, data.day), data })
}

/// Stores one response collected on this PC (kiosk or keyboard entry of a paper form).
pub async fn save_response<S: Store>(store: &S, ctx: &Ctx<'_>, data: Response) -> Result<Record<Response>, OpError> {
    let q = store.get::<Questionnaire>(data.questionnaire).await?.filter(Record::is_live);
    let Some(q) = q else {
        return Err(OpError::Invalid(vec![Invalid { field: "questionnaire", msg: T::ErrQuestionnaireMissing }]));
    };
    let record = response_record(ctx.ids, ctx.office, &q.data, data)
        .map_err(|_| OpError::Invalid(vec![Invalid { field: "answers", msg: T::ErrAnswersInvalid }]))?;
    store.commit(vec![Change { record: Response::into_any(record.clone()), expect: Expect::Absent }]).await?;
    Ok(record)
}

/// Saves the per-option counts of a batch of paper forms.
pub async fn save_paper_batch<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    base: Option<&Meta>,
    data: PaperBatch,
) -> Result<Record<PaperBatch>, OpError> {
    let q = store.get::<Questionnaire>(data.questionnaire).await?.filter(Record::is_live);
    let checked = data.validate(q.as_ref().map(|q| &q.data));
    save_checked(store, ctx, id_for(ctx, base), base, data, checked).await
}

/// Deletes a record that nothing else refers to (a clue, a letter, a rectification).
pub async fn delete_record<S: Store, B: Body>(store: &S, ctx: &Ctx<'_>, record: &Record<B>) -> Result<(), OpError> {
    store.commit(vec![tombstone(ctx, record)]).await?;
    Ok(())
}

/// Everything the lists show, loaded once: the live records of every kind.
pub type Snapshot = crate::record::Records;

/// Puts written records into a live list: replaces, appends, or drops a record
/// that became a tombstone. One pass with an index, so an import of 100,000
/// records costs no more than reading them.
fn upsert_all<B: Body>(list: &mut Vec<Record<B>>, written: Vec<Record<B>>) {
    if written.is_empty() {
        return;
    }
    let mut at: std::collections::HashMap<Id, usize> = list.iter().enumerate().map(|(i, r)| (r.meta.id, i)).collect();
    let mut dropped = std::collections::HashSet::new();
    for record in written {
        let id = record.meta.id;
        match (at.get(&id).copied(), record.is_live()) {
            (Some(i), true) => {
                list[i] = record;
                dropped.remove(&id);
            }
            (Some(_), false) => {
                dropped.insert(id);
            }
            (None, true) => {
                at.insert(id, list.len());
                list.push(record);
            }
            (None, false) => {}
        }
    }
    if !dropped.is_empty() {
        list.retain(|r| !dropped.contains(&r.meta.id));
    }
}

impl Snapshot {
    /// Brings the snapshot up to date with records just written, without reading everything again.
    pub fn apply(&mut self, written: Vec<AnyRecord>) {
        struct Upsert<'a>(&'a mut Snapshot, &'a mut Snapshot);
        impl KindVisitor for Upsert<'_> {
            type Out = ();
            fn visit<B: Body>(self) {
                upsert_all(B::list_of(self.0), std::mem::take(B::list_of(self.1)));
            }
        }
        let mut by_kind = Snapshot::from_any(written);
        for kind in crate::Kind::ALL {
            kind.visit(Upsert(self, &mut by_kind));
        }
    }

    /// Every live record.
    pub async fn load<S: Store>(store: &S) -> Result<Snapshot, StoreError> {
        let mut snapshot = Snapshot::load_first(store).await?;
        let mut rest = DeferredLoad::default();
        while !rest.step(store, 10_000).await? {}
        rest.finish(&mut snapshot);
        Ok(snapshot)
    }

    /// The live records of every kind but the `DEFERRED` ones, whose lists stay empty:
    /// enough for the first page, which takes its figures from `FirstCounts`.
    pub async fn load_first<S: Store>(store: &S) -> Result<Snapshot, StoreError> {
        let mut first = Snapshot::default();
        macro_rules! read_first {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                $(if !DEFERRED.contains(&crate::Kind::$kind) {
                    first.$list = live(store).await?;
                })*
            };
        }
        crate::for_each_kind!(read_first);
        Ok(first)
    }

    /// The name people know a record by, for references shown in words: a round by
    /// its title, other records by their name or first words.
    pub fn name_of(&self, kind: crate::Kind, id: Id, lang: Lang) -> Option<String> {
        struct Find<'a>(&'a Snapshot, Id);
        impl KindVisitor for Find<'_> {
            type Out = Option<String>;
            fn visit<B: Body>(self) -> Option<String> {
                B::list(self.0).iter().find(|r| r.meta.id == self.1).map(|r| B::into_any(r.clone()).title())
            }
        }
        match kind {
            crate::Kind::Round => self.round(id).map(|r| self.round_title(r, lang)),
            other => other.visit(Find(self, id)),
        }
    }

    pub fn term(&self, id: Id) -> Option<&Record<Term>> {
        self.terms.iter().find(|t| t.meta.id == id)
    }

    pub fn target(&self, id: Id) -> Option<&Record<Target>> {
        self.targets.iter().find(|t| t.meta.id == id)
    }

    pub fn round(&self, id: Id) -> Option<&Record<Round>> {
        self.rounds.iter().find(|r| r.meta.id == id)
    }

    pub fn group(&self, id: Id) -> Option<&Record<Group>> {
        self.groups.iter().find(|g| g.meta.id == id)
    }

    /// The title of a round with its term, e.g. 十五届县委第三轮巡察.
    pub fn round_title(&self, round: &Record<Round>, lang: Lang) -> String {
        let term = self.term(round.data.term).map(|t| t.data.name.as_str()).unwrap_or("?");
        round.data.title(term, lang)
    }

    pub fn townships(&self) -> impl Iterator<Item = &Record<Target>> {
        self.targets.iter().filter(|t| t.data.kind == TargetKind::Township)
    }
}

/// The kinds that run to tens of thousands of records. The first page is drawn
/// before they are read; `DeferredLoad` then reads them in steps.
pub const DEFERRED: [crate::Kind; 4] =
    [crate::Kind::Problem, crate::Kind::Rectification, crate::Kind::Clue, crate::Kind::Response];

/// Reads the `DEFERRED` kinds a page of records at a time, so the caller can
/// report progress and give the page back between steps.
#[derive(Debug, Default)]
pub struct DeferredLoad {
    /// Index into `DEFERRED` of the kind being read.
    kind: usize,
    after: Option<Id>,
    read: usize,
    lists: Snapshot,
}

/// Reads one page of `B` after `after` into `list` (live records only); returns how
/// many records the page held and the id of its last.
async fn page_into<B: Body, S: Store>(
    store: &S,
    after: Option<Id>,
    limit: usize,
    list: &mut Vec<Record<B>>,
) -> Result<(usize, Option<Id>), StoreError> {
    let page = store.page::<B>(after, limit).await?;
    let last = page.last().map(|r| r.meta.id);
    let n = page.len();
    list.extend(page.into_iter().filter(Record::is_live));
    Ok((n, last))
}

impl DeferredLoad {
    /// Reads up to `limit` records; true once every deferred kind has been read.
    pub async fn step<S: Store>(&mut self, store: &S, limit: usize) -> Result<bool, StoreError> {
        let limit = limit.max(1);
        let Some(kind) = DEFERRED.get(self.kind) else {
            return Ok(true);
        };
        let lists = &mut self.lists;
        macro_rules! read_page {
            ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
                match kind { $(crate::Kind::$kind => page_into(store, self.after, limit, &mut lists.$list).await?,)* }
            };
        }
        let (n, last) = crate::for_each_kind!(read_page);
        self.read += n;
        if n < limit {
            self.kind += 1;
            self.after = None;
        } else {
            self.after = last;
        }
        Ok(self.kind >= DEFERRED.len())
    }

    /// Records read so far, tombstones included.
    pub fn read(&self) -> usize {
        self.read
    }

    /// Puts the lists read into `snapshot`. A record already there was written
    /// while they were being read, so it is the newer version and stays.
    pub fn finish(self, snapshot: &mut Snapshot) {
        struct Merge<'a>(&'a mut Snapshot, &'a mut Snapshot);
        impl KindVisitor for Merge<'_> {
            type Out = ();
            fn visit<B: Body>(self) {
                let mut read = std::mem::take(B::list_of(self.1));
                let written = std::mem::take(B::list_of(self.0));
                upsert_all(&mut read, written);
                *B::list_of(self.0) = read;
            }
        }
        let mut lists = self.lists;
        for kind in DEFERRED {
            kind.visit(Merge(snapshot, &mut lists));
        }
    }
}

/// The figures of the first page, which the store counts before the long lists are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FirstCounts {
    pub problems: usize,
    pub rectifications: usize,
    pub clues: usize,
    pub responses: usize,
    /// Rectifications still open past their deadline.
    pub overdue: usize,
}

impl FirstCounts {
    /// Counted by the store's indexes, without reading the records.
    pub async fn read<S: Store>(store: &S, today: Day) -> Result<FirstCounts, StoreError> {
        Ok(FirstCounts {
            problems: store.count_live(crate::Kind::Problem).await?,
            rectifications: store.count_live(crate::Kind::Rectification).await?,
            clues: store.count_live(crate::Kind::Clue).await?,
            responses: store.count_live(crate::Kind::Response).await?,
            overdue: store.count_overdue(today).await?,
        })
    }

    /// The same figures from records in memory.
    pub fn of(snapshot: &Snapshot, today: Day) -> FirstCounts {
        FirstCounts {
            problems: snapshot.problems.len(),
            rectifications: snapshot.rectifications.len(),
            clues: snapshot.clues.len(),
            responses: snapshot.responses.len(),
            overdue: snapshot.rectifications.iter().filter(|r| r.data.is_overdue(today)).count(),
        }
    }

    /// How many live records `DeferredLoad` will read, for its progress bar.
    pub fn deferred(&self) -> usize {
        self.problems + self.rectifications + self.clues + self.responses
    }
}

/// Brings back an archived version as a new local edit that has seen the
/// current one; the current version goes to the archive in its place.
pub async fn restore_archived<S: Store>(
    store: &S,
    ctx: &Ctx<'_>,
    entry: &crate::store::ArchivedVersion,
) -> Result<(), OpError> {
    use crate::record::AnyRecord;
    let archived = AnyRecord::from_json(entry.kind, entry.record.clone())
        .map_err(|e| OpError::Store(StoreError::Corrupt(e.to_string())))?;
    let current = store.get_any(entry.kind, entry.record_id).await?;
    let (meta, expect) = match &current {
        Some(c) => {
            let mut meta = c.meta().clone();
            meta.version = meta.version.join(&archived.meta().version);
            meta.version.bump(ctx.office);
            meta.updated_at = ctx.now;
            meta.deleted = archived.meta().deleted;
            (meta, Expect::Version(c.meta().version.clone()))
        }
        None => (archived.meta().clone(), Expect::Absent),
    };
    let mut archive = Vec::new();
    if let Some(c) = &current {
        archive.push(crate::store::ArchivedVersion {
            id: ctx.ids.next_id(),
            kind: entry.kind,
            record_id: entry.record_id,
            archived_at: ctx.now,
            from: String::new(),
            record: c.to_json().map_err(|e| OpError::Store(StoreError::Corrupt(e.to_string())))?,
        });
    }
    store.commit_all(vec![Change { record: archived.with_meta(meta), expect }], archive).await?;
    Ok(())
}
