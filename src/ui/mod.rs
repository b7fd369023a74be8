//! Leptos components: they render the core's data and call the core's operations
//! on the IndexedDB store. No rule about the domain is decided here.

mod documents;
mod exchange;
mod home;
mod layout;
mod ledger;
mod register;
mod settings;
mod setup;
mod state;
pub(crate) mod stats;
mod survey;
mod widgets;

use leptos::prelude::*;
use xuncha_core::route::Route;

pub use state::AppState;
use state::Phase;

/// The whole app: opens the database, asks for the office on first run, then routes.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    state.boot();
    let page = move || match state.phase.get() {
        // A respondent needs neither an office nor the database.
        _ if state.route.get() == Route::Answer && state.kiosk.get().is_none() => {
            view! { <survey::AnswerPage/> }.into_any()
        }
        Phase::Opening => view! { <p class="loading">{widgets::tr(xuncha_core::i18n::T::Loading)}</p> }.into_any(),
        Phase::Failed(message, detail) => view! { <layout::OpenFailed message=message detail=detail/> }.into_any(),
        Phase::NeedsOffice => view! { <setup::SetupPage/> }.into_any(),
        Phase::Ready => match state.kiosk.get() {
            // Kiosk mode shows the form alone; no route leads out of it.
            Some(session) => view! { <survey::KioskScreen session=session/> }.into_any(),
            None => view! {
                <layout::Shell>
                    {move || {
                        let route = state.route.get();
                        if route.needs_deferred_lists() && !state.lists_ready.get() {
                            view! { <layout::ReadingLists/> }.into_any()
                        } else {
                            routed(route)
                        }
                    }}
                </layout::Shell>
            }
            .into_any(),
        },
    };
    view! { {page} <layout::VersionChangeBanner/> }
}

fn routed(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::HomePage/> }.into_any(),
        Route::Targets => view! { <register::target::TargetsPage/> }.into_any(),
        Route::Terms => view! { <register::term::TermsPage/> }.into_any(),
        Route::Rounds => view! { <register::round::RoundsPage/> }.into_any(),
        Route::Round(id) => view! { <register::round::RoundPage id=id/> }.into_any(),
        Route::Ledger(kind) => view! { <ledger::LedgerPage kind=kind/> }.into_any(),
        Route::Questionnaires => view! { <survey::questionnaire::QuestionnairesPage/> }.into_any(),
        Route::Questionnaire(id) => view! { <survey::questionnaire::QuestionnairePage id=id/> }.into_any(),
        Route::Answer => view! { <survey::AnswerPage/> }.into_any(),
        Route::Stats => view! { <stats::StatsPage/> }.into_any(),
        Route::Coverage => view! { <stats::coverage::CoveragePage/> }.into_any(),
        Route::Plans => view! { <register::plan::PlansPage/> }.into_any(),
        Route::Plan(id) => view! { <register::plan_page::PlanPage id=id/> }.into_any(),
        Route::People => view! { <register::people::PeoplePage/> }.into_any(),
        Route::Outcomes => view! { <ledger::outcome::OutcomesPage/> }.into_any(),
        Route::Assessments => view! { <register::ecology::AssessmentsPage/> }.into_any(),
        Route::Document(doc) => view! { <documents::DocumentPage doc=doc/> }.into_any(),
        Route::Exchange => view! { <exchange::ExchangePage/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::NotFound => view! { <layout::NotFoundPage/> }.into_any(),
    }
}
