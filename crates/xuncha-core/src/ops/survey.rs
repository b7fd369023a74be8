//! Use cases of questionnaires: saving and freezing them, new versions, responses
//! and paper batches.

use super::*;

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
    let (record, change) = stamp(ctx, ctx.ids.next_id(), None, None, data);
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
        return Err(OpError::Invalid(vec![Invalid {
            field: "questionnaire",
            msg: T::ErrQuestionnaireMissing,
            missing: false,
        }]));
    };
    let record = response_record(ctx.ids, ctx.office, &q.data, data)
        .map_err(|_| OpError::Invalid(vec![Invalid { field: "answers", msg: T::ErrAnswersInvalid, missing: false }]))?;
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
