//! The frame around every page: title bar, navigation, language switch,
//! messages, and the status line that says where the data lives.

use super::state::state;
use super::widgets::tr;
use crate::platform;
use leptos::prelude::*;
use xuncha_core::i18n::{Label, Lang, T};
use xuncha_core::route::Route;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let st = state();
    let link = move |route: Route, key: T, testid: &'static str| {
        let active = move || {
            let current = st.route.get();
            current == route
                || (route == Route::Rounds && matches!(current, Route::Round(_)))
                || (matches!(route, Route::Ledger(_)) && matches!(current, Route::Ledger(_)))
                || (route == Route::Questionnaires && matches!(current, Route::Questionnaire(_)))
                || (route == Route::Plans && matches!(current, Route::Plan(_)))
        };
        view! { <a href=route.hash() class:active=active data-testid=testid>{tr(key)}</a> }
    };
    let office = move || st.office.get().map(|o| format!("{} · {}", o.name, st.t(o.role.label()))).unwrap_or_default();
    view! {
        <header class="topbar no-print">
            <div class="brand">
                <strong>{tr(T::AppTitle)}</strong>
                <span class="office" data-testid="office-name">{office}</span>
            </div>
            <nav>
                {link(Route::Home, T::NavHome, "nav-home")}
                {link(Route::Targets, T::NavTargets, "nav-targets")}
                {link(Route::Terms, T::NavTerms, "nav-terms")}
                {link(Route::Rounds, T::NavRounds, "nav-rounds")}
                {link(Route::Plans, T::NavPlans, "nav-plans")}
                {link(Route::People, T::NavPeople, "nav-people")}
                {link(Route::Outcomes, T::NavOutcomes, "nav-outcomes")}
                {link(Route::Assessments, T::NavEcology, "nav-ecology")}
                {link(Route::Ledger(xuncha_core::ledger::LedgerKind::Problems), T::NavLedger, "nav-ledger")}
                {link(Route::Questionnaires, T::NavQuestionnaires, "nav-questionnaires")}
                {link(Route::Stats, T::NavStats, "nav-stats")}
                {link(Route::Coverage, T::NavCoverage, "nav-coverage")}
                {link(Route::Exchange, T::NavExchange, "nav-exchange")}
                {link(Route::Settings, T::NavSettings, "nav-settings")}
            </nav>
            <LangSwitch/>
        </header>
        <FlashMessage/>
        <main>{children()}</main>
        <StatusLine/>
    }
}

/// "正在读取台账：done / total 条", in the current language (tracks it).
fn reading_text(st: super::state::AppState, done: usize, total: usize) -> String {
    xuncha_core::i18n::fill(st.t(T::LoadingLists), &[("done", &done), ("total", &total)])
}

/// Stands in for a page that shows the long lists while they are still being read.
#[component]
pub fn ReadingLists() -> impl IntoView {
    let st = state();
    move || {
        let (done, total) = st.loading.get().unwrap_or((0, 0));
        let text = reading_text(st, done, total);
        view! {
            <div class="import-progress" role="status" data-testid="reading-lists">
                <progress max=total.max(1) value=done></progress>
                <span>{text}</span>
            </div>
        }
    }
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let st = state();
    view! {
        <button type="button" class="lang-switch" data-testid="lang-switch" on:click=move |_| {
            st.set_lang(if st.lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh })
        }>{tr(T::LangSwitch)}</button>
    }
}

#[component]
fn FlashMessage() -> impl IntoView {
    let st = state();
    move || {
        st.flash.get().map(|f| {
            view! {
                <div class="flash no-print" class:error=f.error role="status" data-testid="flash">{f.text}</div>
            }
        })
    }
}

#[component]
pub fn StatusLine() -> impl IntoView {
    let st = state();
    view! {
        <footer class="status no-print" data-testid="status-line">
            <span>{tr(T::StorageWhere)}</span>
            " "
            <span data-testid="persistence">{move || st.t(st.persistence.get().message())}</span>
            {move || {
                st.loading.get().map(|(done, total)| {
                    let text = reading_text(st, done, total);
                    view! { " " <span data-testid="status-reading">{text}</span> }
                })
            }}
        </footer>
    }
}

/// The database could not be opened or read: say why, and offer the raw data.
#[component]
pub fn OpenFailed(message: T, detail: String) -> impl IntoView {
    view! {
        <div class="fatal" role="alert" data-testid="open-failed">
            <h1>{tr(T::AppTitle)}</h1>
            <p>{tr(message)}</p>
            <pre>{detail}</pre>
            <button type="button" data-testid="emergency-export" on:click=move |_| { platform::emergency_export(); }>{tr(T::EmergencyExport)}</button>
        </div>
    }
}

/// Shown after another tab upgraded the database and this one let go of it.
#[component]
pub fn VersionChangeBanner() -> impl IntoView {
    let st = state();
    move || {
        st.disconnected.get().then(|| {
            view! {
                <div class="blocking-banner" role="alert" data-testid="version-change">
                    <p>{tr(T::DbVersionChange)}</p>
                    <button type="button" on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }>{tr(T::Reload)}</button>
                </div>
            }
        })
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section>
            <p>{tr(T::NotFound)}</p>
            <a href=Route::Home.hash()>{tr(T::BackHome)}</a>
        </section>
    }
}
