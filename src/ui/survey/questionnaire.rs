//! 问卷: the list of questionnaires, and one questionnaire's page with its tabs —
//! design (questions, frozen once answered), preview, collect (kiosk, files,
//! forms handed out) and the tally.

use super::collect::Collect;
use super::designer::Designer;
use super::response::{FormHead, ResponseForm};
use crate::ui::layout::NotFoundPage;
use crate::ui::state::{state, AppState};
use crate::ui::widgets::{round_options, target_sections, tr, EnumSelect, PrintButton, RecordSelect, SectionSelect};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::questionnaire::{template, Purpose, Questionnaire};
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::tally::tally;

#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let st = state();
    let purpose = RwSignal::new(Purpose::Survey);
    let creating = RwSignal::new(None::<Questionnaire>);
    let round = RwSignal::new(None::<Id>);
    let target = RwSignal::new(None::<Id>);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(|d| target_sections(d, st.lang.get())));
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
                <EnumSelect label=T::FieldPurpose options=&Purpose::ALL value=purpose field="new-purpose"/>
                <button type="button" data-testid="new-questionnaire" on:click=new>{tr(T::NewQuestionnaire)}</button>
            </div>
            <p class="hint">{tr(T::QuestionnairesHint)}</p>
            <div class="filters no-print">
                <RecordSelect label=T::ColRound options=rounds value=round field="q-round" empty=T::All errors=None/>
                <SectionSelect label=T::ColTarget sections=targets value=target field="q-target" empty=T::All errors=None/>
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
            return view! { <NotFoundPage/> }.into_any();
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

/// The form as respondents see it; answers given here are not kept.
#[component]
fn Preview(q: Questionnaire) -> impl IntoView {
    let st = state();
    let on_submit = Callback::new(move |_| st.notify(st.t(T::PreviewChecked), false));
    view! {
        <div class="preview-form" data-testid="preview">
            <p class="hint no-print">{tr(T::PreviewHint)}" "<PrintButton/></p>
            <FormHead q=q.clone()/>
            <ResponseForm q=q submit_label=T::PreviewSubmit on_submit=on_submit/>
        </div>
    }
}
