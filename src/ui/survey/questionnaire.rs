//! 问卷: the list of questionnaires, and one questionnaire's page with its tabs —
//! design (questions, frozen once answered), preview, collect (kiosk, files,
//! forms handed out) and the tally.

use super::response::{start_kiosk, FormHead, PaperBatchForm, PaperEntry, ResponseForm};
use crate::platform;
use crate::ui::ledger::round_options;
use crate::ui::state::{state, AppState};
use crate::ui::widgets::{confirm_delete, tr, EnumSelect, FormErrors, Input, RecordSelect, TextArea};
use leptos::prelude::*;
use xuncha_core::exchange::export::{package, package_file_name, Scope};
use xuncha_core::exchange::format::Source;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::{Id, IdSource};
use xuncha_core::ops::{self, OpError, Snapshot};
use xuncha_core::questionnaire::{template, Level, Purpose, Question, QuestionType, Questionnaire};
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::tally::tally;

/// (id, name) of every live target, by name, for pickers.
pub fn target_options(d: &Snapshot) -> Vec<(Id, String)> {
    let mut out: Vec<(Id, String)> = d.targets.iter().map(|t| (t.meta.id, t.data.name.clone())).collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// True when `q` has a live response or paper batch, so its questions are frozen.
fn answered(d: &Snapshot, q: Id) -> bool {
    d.responses.iter().any(|r| r.data.questionnaire == q) || d.paper_batches.iter().any(|b| b.data.questionnaire == q)
}

#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let st = state();
    let purpose = RwSignal::new(Purpose::Survey);
    let creating = RwSignal::new(None::<Questionnaire>);
    let round = RwSignal::new(None::<Id>);
    let target = RwSignal::new(None::<Id>);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(target_options));
    let rows = move || {
        let lang = st.lang.get();
        let (round, target) = (round.get(), target.get());
        st.data.with(|d| {
            let mut list: Vec<&Record<Questionnaire>> = d
                .questionnaires
                .iter()
                .filter(|q| round.is_none() || q.data.round == round)
                .filter(|q| {
                    target.is_none() || q.data.target == target || q.data.handed_out.iter().any(|h| h.target == target)
                })
                .collect();
            list.sort_by(|a, b| (&a.data.title, a.data.version).cmp(&(&b.data.title, b.data.version)));
            list.into_iter()
                .map(|q| {
                    let t = tally(q, &d.responses, &d.paper_batches, None);
                    let round =
                        q.data.round.and_then(|r| d.round(r)).map(|r| d.round_title(r, lang)).unwrap_or_default();
                    let rate = t.return_rate.map(|r| format!("{r:.1}%")).unwrap_or_default();
                    view! {
                        <tr data-testid="questionnaire-row">
                            <td><a href=Route::Questionnaire(q.meta.id).hash()>{q.data.title.clone()}</a></td>
                            <td>{q.data.purpose.label().text(lang)}</td>
                            <td class="num">{q.data.version}</td>
                            <td>{round}</td>
                            <td class="num">{t.handed_out}</td>
                            <td class="num">{t.returned}</td>
                            <td class="num">{rate}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let new = move |_| creating.set(Some(template(purpose.get_untracked(), AppState::ids())));
    view! {
        <section>
            <div class="toolbar">
                <h1>{tr(T::QuestionnairesTitle)}</h1>
            </div>
            <div class="toolbar no-print">
                <EnumSelect label=T::FieldPurpose options=Purpose::ALL value=purpose field="new-purpose"/>
                <button type="button" data-testid="new-questionnaire" on:click=new>{tr(T::NewQuestionnaire)}</button>
            </div>
            <p class="hint">{tr(T::QuestionnairesHint)}</p>
            <div class="filters no-print">
                <RecordSelect label=T::ColRound options=rounds value=round field="q-round" empty=T::All errors=None/>
                <RecordSelect label=T::ColTarget options=targets value=target field="q-target" empty=T::All errors=None/>
            </div>
            {move || creating.get().map(|draft| view! {
                <div class="designer-box">
                    <Designer base=None draft=draft on_close=Callback::new(move |_: ()| creating.set(None))/>
                </div>
            })}
            <table class="list" data-testid="questionnaires-table">
                <thead><tr>
                    <th>{tr(T::FieldQTitle)}</th><th>{tr(T::FieldPurpose)}</th><th>{tr(T::FieldQVersion)}</th>
                    <th>{tr(T::ColRound)}</th><th>{tr(T::FieldHandedOut)}</th><th>{tr(T::TallyReturned)}</th><th>{tr(T::ReturnRate)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {move || st.data.with(|d| d.questionnaires.is_empty()).then(|| view! { <p class="empty">{tr(T::NoRecords)}</p> })}
        </section>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Design,
    Preview,
    Collect,
    Tally,
}

#[component]
pub fn QuestionnairePage(id: Id) -> impl IntoView {
    let st = state();
    let tab = RwSignal::new(Tab::Design);
    let record = Memo::new(move |_| st.data.with(|d| d.questionnaires.iter().find(|q| q.meta.id == id).cloned()));
    move || {
        let Some(q) = record.get() else {
            return view! { <crate::ui::layout::NotFoundPage/> }.into_any();
        };
        let tab_button = move |t: Tab, label: T, testid: &'static str| {
            view! {
                <button type="button" class="tab" class:active=move || tab.get() == t data-testid=testid on:click=move |_| tab.set(t)>{tr(label)}</button>
            }
        };
        let title = q.data.title.clone();
        let version = q.data.version;
        view! {
            <section class="questionnaire">
                <p class="no-print"><a href=Route::Questionnaires.hash()>{tr(T::BackToQuestionnaires)}</a></p>
                <h1 class="no-print">{title}" "<small data-testid="q-version">{move || fill(st.t(T::VersionN), &[("n", &version)])}</small></h1>
                <div class="tabs no-print">
                    {tab_button(Tab::Design, T::TabDesign, "tab-design")}
                    {tab_button(Tab::Preview, T::TabPreview, "tab-preview")}
                    {tab_button(Tab::Collect, T::TabCollect, "tab-collect")}
                    {tab_button(Tab::Tally, T::TabTally, "tab-tally")}
                </div>
                {move || {
                    let q = record.get();
                    q.map(|q| match tab.get() {
                        Tab::Design => {
                            let draft = q.data.clone();
                            view! { <Designer base=Some(q) draft=draft on_close=Callback::new(|_: ()| ())/> }.into_any()
                        }
                        Tab::Preview => view! { <Preview q=q.data/> }.into_any(),
                        Tab::Collect => view! { <Collect q=q/> }.into_any(),
                        Tab::Tally => view! { <super::tally::TallyView q=q/> }.into_any(),
                    })
                }}
            </section>
        }
        .into_any()
    }
}

/// The questionnaire editor. Questions are edited in place; once the
/// questionnaire has answers they are shown frozen, with "另存为新版本".
#[component]
fn Designer(base: Option<Record<Questionnaire>>, draft: Questionnaire, on_close: Callback<()>) -> impl IntoView {
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
    let targets = Signal::derive(move || st.data.with(target_options));
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
        let saved = RwSignal::new(None::<Id>);
        st.act(
            errors,
            move |s, ctx| async move {
                let r = ops::save_questionnaire(s.as_ref(), &ctx, base.as_ref(), data).await?;
                saved.set(Some(r.meta.id));
                Ok(())
            },
            move || {
                if let Some(id) = saved.get_untracked().filter(|_| is_new) {
                    on_close.run(());
                    st.go(Route::Questionnaire(id));
                }
            },
        );
    };
    let new_version = {
        let base = base.clone();
        move |_| {
            let Some(of) = base.clone() else { return };
            let made = RwSignal::new(None::<Id>);
            st.act(
                errors,
                move |s, ctx| async move {
                    let r = ops::new_questionnaire_version(s.as_ref(), &ctx, &of).await?;
                    made.set(Some(r.meta.id));
                    Ok(())
                },
                move || {
                    if let Some(id) = made.get_untracked() {
                        st.go(Route::Questionnaire(id));
                    }
                },
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
            st.act(
                errors,
                move |s, ctx| async move { ops::delete_questionnaire(s.as_ref(), &ctx, &q).await },
                move || st.go(Route::Questionnaires),
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
    let cards = move || {
        questions
            .with(|qs| qs.iter().map(|q| q.id).collect::<Vec<_>>())
            .into_iter()
            .enumerate()
            .map(|(i, id)| view! { <QuestionCard index=i id=id questions=questions frozen=Signal::derive(frozen)/> })
            .collect_view()
    };
    view! {
        <form class="designer" data-testid="designer" on:submit=save>
            <div class="filters">
                <Input label=T::FieldQTitle value=title field="title" errors=errors autofocus=is_new/>
                <EnumSelect label=T::FieldPurpose options=Purpose::ALL value=purpose field="purpose"/>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <RecordSelect label=T::ColTarget options=targets value=target field="target" empty=T::None errors=Some(errors)/>
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

/// The form as respondents see it; answers given here are not kept.
#[component]
fn Preview(q: Questionnaire) -> impl IntoView {
    let st = state();
    let on_submit = Callback::new(move |_| st.notify(st.t(T::PreviewChecked), false));
    view! {
        <div class="preview-form" data-testid="preview">
            <p class="hint no-print">{tr(T::PreviewHint)}" "<crate::ui::widgets::PrintButton/></p>
            <FormHead q=q.clone()/>
            <ResponseForm q=q submit_label=T::PreviewSubmit on_submit=on_submit/>
        </div>
    }
}

/// Collecting answers: forms handed out, kiosk mode, files for respondents and offices.
#[component]
fn Collect(q: Record<Questionnaire>) -> impl IntoView {
    let st = state();
    let errors = RwSignal::new(None::<OpError>);
    let targets = Signal::derive(move || st.data.with(target_options));
    let hand_target = RwSignal::new(q.data.target);
    let hand_count = RwSignal::new(q.data.handed_out_for(q.data.target).to_string());
    let kiosk_target = RwSignal::new(q.data.target);
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let kiosk_error = RwSignal::new(None::<T>);
    let paper_target = RwSignal::new(q.data.target);
    let paper_mode = RwSignal::new(None::<bool>);
    let paper_q = q.clone();
    let id = q.meta.id;
    let current = move || st.data.with(|d| d.questionnaires.iter().find(|x| x.meta.id == id).cloned());
    Effect::new(move |_| {
        let t = hand_target.get();
        if let Some(q) = current() {
            hand_count.set(q.data.handed_out_entry(t).to_string());
        }
    });
    let save_handed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(q) = current() else { return };
        let mut bad = Vec::new();
        let count = crate::ui::widgets::parse_count(&hand_count.get_untracked(), "handed_out", &mut bad);
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let mut data = q.data.clone();
        data.set_handed_out(hand_target.get_untracked(), count);
        st.act(
            errors,
            move |s, ctx| async move { ops::save_questionnaire(s.as_ref(), &ctx, Some(&q), data).await.map(|_| ()) },
            || (),
        );
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match start_kiosk(st, id, kiosk_target.get_untracked(), &pin.get_untracked(), &again.get_untracked()) {
            Ok(()) => kiosk_error.set(None),
            Err(e) => kiosk_error.set(Some(e)),
        }
    };
    let export = move |scope: Scope| {
        let Some(store) = st.store() else { return };
        let Some(office) = st.office.get_untracked() else { return };
        let lang = st.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let now = platform::now();
            let source = Source { office_id: office.id, office_name: office.name.clone() };
            let result = async {
                let found = package(store.as_ref(), scope, source, now, lang)
                    .await
                    .map_err(|e| e.message().text(lang).to_owned())?;
                let (file, label) = found.ok_or_else(|| T::NoRecords.text(lang).to_owned())?;
                let text = file.to_json().map_err(|e| e.to_string())?;
                platform::download(&package_file_name(&label, now.local_date_day()), &text)
                    .map_err(|e| format!("{e:?}"))
            };
            if let Err(msg) = result.await {
                st.notify(msg, true);
            }
        });
    };
    let handed_list = move || {
        let lang = st.lang.get();
        current().map(|q| {
            st.data.with(|d| {
                q.data
                    .handed_out
                    .iter()
                    .map(|h| {
                        let name = h
                            .target
                            .and_then(|t| d.target(t))
                            .map(|t| t.data.name.clone())
                            .unwrap_or_else(|| T::Overall.text(lang).to_owned());
                        view! { <li>{format!("{name}：{}", h.count)}</li> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="collect" data-testid="collect">
            <h2>{tr(T::HandedOutTitle)}</h2>
            <form class="filters" on:submit=save_handed>
                <RecordSelect label=T::ColTarget options=targets value=hand_target field="hand-target" empty=T::Overall errors=Some(errors)/>
                <Input label=T::FieldHandedOut value=hand_count field="handed_out" errors=errors kind="number"/>
                <button type="submit" data-testid="save-handed-out">{tr(T::Save)}</button>
            </form>
            <ul class="plain" data-testid="handed-out-list">{handed_list}</ul>
            <FormErrors errors=errors/>

            <h2>{tr(T::KioskTitle)}</h2>
            <p class="hint">{tr(T::KioskHint)}</p>
            <form class="filters" on:submit=start>
                <RecordSelect label=T::ColTarget options=targets value=kiosk_target field="kiosk-target" empty=T::None errors=None/>
                <label class="field filter">
                    <span class="label">{tr(T::KioskPin)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="kiosk-new-pin" bind:value=pin/>
                </label>
                <label class="field filter">
                    <span class="label">{tr(T::KioskPinAgain)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="kiosk-new-pin-again" bind:value=again/>
                </label>
                <button type="submit" data-testid="start-kiosk">{tr(T::StartKiosk)}</button>
            </form>
            {move || kiosk_error.get().map(|e| view! { <p class="form-errors" role="alert" data-testid="kiosk-error">{st.t(e)}</p> })}

            <h2>{tr(T::PaperTitle)}</h2>
            <p class="hint">{tr(T::PaperHint)}</p>
            <div class="toolbar">
                <RecordSelect label=T::ColTarget options=targets value=paper_target field="paper-target" empty=T::None errors=None/>
                <button type="button" class="secondary" data-testid="paper-entry-start" on:click=move |_| paper_mode.set(Some(true))>{tr(T::PaperEntryStart)}</button>
                <button type="button" class="secondary" data-testid="paper-batch-start" on:click=move |_| paper_mode.set(Some(false))>{tr(T::PaperBatchStart)}</button>
            </div>
            {move || {
                let t = paper_target.get();
                match paper_mode.get() {
                    Some(true) => view! { <PaperEntry q=paper_q.clone() target=t/> }.into_any(),
                    Some(false) => view! { <PaperBatchForm q=paper_q.clone() target=t/> }.into_any(),
                    None => ().into_any(),
                }
            }}

            <h2>{tr(T::ByFileTitle)}</h2>
            <p class="hint">{tr(T::ByFileHint)}</p>
            <div class="toolbar">
                <button type="button" class="secondary" data-testid="export-questionnaire" on:click=move |_| export(Scope::Questionnaire(id))>{tr(T::ExportBlankQuestionnaire)}</button>
                <button type="button" class="secondary" data-testid="export-responses" on:click=move |_| export(Scope::Responses(id))>{tr(T::ExportWithResponses)}</button>
                <a href=Route::Exchange.hash()>{tr(T::ImportResponsesLink)}</a>
            </div>
        </div>
    }
}
