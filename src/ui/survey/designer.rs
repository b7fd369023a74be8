//! The questionnaire designer: title, purpose and questions edited in place, and
//! frozen once the questionnaire has answers, when only a new version may change them.

use crate::platform;
use crate::ui::state::{state, AppState};
use crate::ui::widgets::{
    confirm_delete, round_options, target_sections, tr, EnumSelect, FormErrors, Input, RecordSelect, SectionSelect,
    TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::{Id, IdSource};
use xuncha_core::ops::{self, OpError, Snapshot};
use xuncha_core::questionnaire::{Level, Purpose, Question, QuestionType, Questionnaire};
use xuncha_core::record::Record;
use xuncha_core::route::Route;

/// True when `q` has a live response or paper batch, so its questions are frozen.
fn answered(d: &Snapshot, q: Id) -> bool {
    d.responses.iter().any(|r| r.data.questionnaire == q) || d.paper_batches.iter().any(|b| b.data.questionnaire == q)
}

/// The questionnaire editor. Questions are edited in place; once the
/// questionnaire has answers they are shown frozen, with "另存为新版本".
#[component]
pub fn Designer(base: Option<Record<Questionnaire>>, draft: Questionnaire, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = RwSignal::new(draft.title.clone());
    let purpose = RwSignal::new(draft.purpose);
    let round = RwSignal::new(draft.round);
    let target = RwSignal::new(draft.target);
    let intro = RwSignal::new(draft.intro.clone());
    let questions = RwSignal::new(draft.questions.clone());
    let errors = RwSignal::new(None::<OpError>);
    let base_id = base.as_ref().map(|b| b.meta.id);
    let frozen = move || base_id.is_some_and(|id| st.data.with(|d| answered(d, id)));
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(|d| target_sections(d, st.lang.get())));
    let is_new = base.is_none();
    let base_for_save = base.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut data = draft.clone();
        data.title = title.get_untracked();
        data.purpose = purpose.get_untracked();
        data.round = round.get_untracked();
        data.target = target.get_untracked();
        data.intro = intro.get_untracked();
        data.questions = questions.get_untracked();
        let base = base_for_save.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_questionnaire(s, ctx, base.as_ref(), data).await,
            move |saved| {
                if is_new {
                    on_close.run(());
                    st.go(Route::Questionnaire(saved.meta.id));
                }
            },
        );
    };
    let new_version = {
        let base = base.clone();
        move |_| {
            let Some(of) = base.clone() else { return };
            st.act(
                errors,
                async move |s, ctx| ops::new_questionnaire_version(s, ctx, &of).await,
                move |made| st.go(Route::Questionnaire(made.meta.id)),
            );
        }
    };
    let delete = {
        let base = base.clone();
        move |_| {
            let Some(q) = base.clone() else { return };
            if !confirm_delete(st, &q.data.title) {
                return;
            }
            st.act_saying(
                errors,
                T::Deleted,
                async move |s, ctx| ops::delete_questionnaire(s, ctx, &q).await,
                move |_| st.go(Route::Questionnaires),
            );
        }
    };
    let add = move |_| {
        questions.update(|qs| {
            let mut q = Question::new(AppState::ids().next_id(), QuestionType::Single, "");
            q.options = vec![String::new(), String::new()];
            qs.push(q);
        });
        focus_last_question();
    };
    // The cards are drawn again only when questions are added, removed or moved:
    // typing in one must not replace the fields (and the focus) of all.
    let order = Memo::new(move |_| questions.with(|qs| qs.iter().map(|q| q.id).collect::<Vec<_>>()));
    let cards = move || {
        order
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, id)| view! { <QuestionCard index=i id=id questions=questions frozen=Signal::derive(frozen)/> })
            .collect_view()
    };
    view! {
        <form class="designer" data-testid="designer" on:submit=save>
            <div class="filters">
                <Input label=T::FieldQTitle value=title field="title" errors=errors autofocus=is_new/>
                <EnumSelect label=T::FieldPurpose options=&Purpose::ALL value=purpose field="purpose"/>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <SectionSelect label=T::ColTarget sections=targets value=target field="target" empty=T::None errors=Some(errors)/>
            </div>
            <TextArea label=T::FieldIntro value=intro field="intro" rows=3/>
            <Show when=frozen>
                <div class="frozen-note" role="note" data-testid="frozen-note">
                    <p>{tr(T::QuestionsFrozenNote)}</p>
                    <button type="button" class="secondary" data-testid="new-version" on:click=new_version.clone()>{tr(T::NewVersion)}</button>
                </div>
            </Show>
            <h2>{tr(T::FieldQuestions)}</h2>
            <div class="question-cards">{cards}</div>
            <div class="toolbar">
                <button type="button" class="secondary" data-testid="add-question" disabled=frozen on:click=add>{tr(T::AddQuestion)}</button>
            </div>
            <FormErrors errors=errors/>
            <div class="buttons">
                <button type="submit" data-testid="save-questionnaire">{tr(T::Save)}</button>
                {is_new.then(|| view! { <button type="button" class="secondary" on:click=move |_| on_close.run(())>{tr(T::Cancel)}</button> })}
                {(!is_new).then(|| view! { <button type="button" class="secondary danger" data-testid="delete-questionnaire" on:click=delete.clone()>{tr(T::Delete)}</button> })}
            </div>
        </form>
    }
}

fn focus_last_question() {
    leptos::task::spawn_local(async {
        platform::yield_to_page().await;
        let last = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector(".question-cards > fieldset:last-child [data-testid=question-text]").ok().flatten()
        });
        if let Some(el) = last.and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok()) {
            let _ = el.focus();
        }
    });
}

/// "好 100" per line → levels; a line without points is worth 0.
fn parse_levels(text: &str) -> Vec<Level> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let split = line.rsplit_once(|c: char| c.is_whitespace() || c == '=' || c == '：' || c == ':');
            match split.map(|(label, points)| (label.trim(), points.trim().parse::<u32>())) {
                Some((label, Ok(weight))) if !label.is_empty() => Level { label: label.to_owned(), weight },
                _ => Level { label: line.to_owned(), weight: 0 },
            }
        })
        .collect()
}

fn levels_text(levels: &[Level]) -> String {
    levels.iter().map(|l| format!("{} {}", l.label, l.weight)).collect::<Vec<_>>().join("\n")
}

/// One question in the designer.
#[component]
fn QuestionCard(index: usize, id: Id, questions: RwSignal<Vec<Question>>, frozen: Signal<bool>) -> impl IntoView {
    let st = state();
    let read = move |f: fn(&Question) -> String| {
        move || questions.with(|qs| qs.iter().find(|q| q.id == id).map(f).unwrap_or_default())
    };
    let change = move |f: Box<dyn Fn(&mut Question)>| {
        questions.update(|qs| {
            if let Some(q) = qs.iter_mut().find(|q| q.id == id) {
                f(q);
            }
        })
    };
    let kind =
        move || questions.with(|qs| qs.iter().find(|q| q.id == id).map(|q| q.kind)).unwrap_or(QuestionType::Text);
    let set_kind = move |ev: leptos::ev::Event| {
        let Some(k) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| QuestionType::ALL.get(i).copied())
        else {
            return;
        };
        change(Box::new(move |q| {
            q.kind = k;
            if k == QuestionType::Rating && q.levels.is_empty() {
                q.levels = [("好", 100), ("较好", 80), ("一般", 60), ("差", 0)]
                    .iter()
                    .map(|(label, weight)| Level { label: (*label).to_owned(), weight: *weight })
                    .collect();
            }
            if matches!(k, QuestionType::Single | QuestionType::Multiple) && q.options.is_empty() {
                q.options = vec![String::new(), String::new()];
            }
        }));
    };
    let move_by = move |by: isize| {
        questions.update(|qs| {
            if let Some(i) = qs.iter().position(|q| q.id == id) {
                let mut holder = Questionnaire::new(Id::nil(), Purpose::Custom, "");
                holder.questions = std::mem::take(qs);
                holder.move_question(i, by);
                *qs = holder.questions;
            }
        })
    };
    let remove = move |_| questions.update(|qs| qs.retain(|q| q.id != id));
    let kind_options = QuestionType::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let k = *k;
            view! { <option value=i.to_string() selected=move || kind() == k>{move || st.t(k.label())}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="question-card" data-testid="question-card" prop:disabled=frozen>
            <legend>{move || fill(st.t(T::QuestionN), &[("n", &(index + 1))])}</legend>
            <label class="field wide">
                <span class="label">{tr(T::QuestionText)}</span>
                <input type="text" data-testid="question-text" prop:value=read(|q| q.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); change(Box::new(move |q| q.text = v.clone())) }/>
            </label>
            <div class="filters">
                <label class="field">
                    <span class="label">{tr(T::QuestionKind)}</span>
                    <select data-testid="question-kind" on:change=set_kind>{kind_options}</select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="question-required"
                        prop:checked=move || questions.with(|qs| qs.iter().any(|q| q.id == id && q.required))
                        on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |q| q.required = on)) }/>
                    <span>{tr(T::Required)}</span>
                </label>
                <Show when=move || kind() == QuestionType::Multiple>
                    <label class="field inline">
                        <span class="label">{tr(T::MaxChoices)}</span>
                        <input type="number" min="1" data-testid="question-max"
                            prop:value=read(|q| q.max_choices.map(|m| m.to_string()).unwrap_or_default())
                            on:change=move |ev| { let v = event_target_value(&ev).trim().parse::<u32>().ok(); change(Box::new(move |q| q.max_choices = v)) }/>
                    </label>
                </Show>
            </div>
            <Show when=move || matches!(kind(), QuestionType::Single | QuestionType::Multiple)>
                <label class="field wide">
                    <span class="label">{tr(T::OptionsOnePerLine)}</span>
                    <textarea rows="4" data-testid="question-options" prop:value=read(|q| q.options.join("\n"))
                        on:change=move |ev| {
                            let v: Vec<String> = event_target_value(&ev).lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect();
                            change(Box::new(move |q| q.options = v.clone()))
                        }></textarea>
                </label>
            </Show>
            <Show when=move || kind() == QuestionType::Rating>
                <label class="field wide">
                    <span class="label">{tr(T::LevelsOnePerLine)}</span>
                    <textarea rows="4" data-testid="question-levels" prop:value=read(|q| levels_text(&q.levels))
                        on:change=move |ev| { let v = parse_levels(&event_target_value(&ev)); change(Box::new(move |q| q.levels = v.clone())) }></textarea>
                </label>
            </Show>
            <div class="buttons">
                <button type="button" class="link" data-testid="question-up" on:click=move |_| move_by(-1)>{tr(T::MoveUp)}</button>
                <button type="button" class="link" data-testid="question-down" on:click=move |_| move_by(1)>{tr(T::MoveDown)}</button>
                <button type="button" class="link danger" data-testid="question-remove" on:click=remove>{tr(T::Delete)}</button>
            </div>
        </fieldset>
    }
}
