//! The overview: what the register and the rounds hold, and where to start.

use super::state::state;
use super::widgets::tr;
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::ops::FirstCounts;
use xuncha_core::round::RoundStatus;
use xuncha_core::route::Route;
use xuncha_core::target::{TargetKind, TargetStatus};

#[component]
pub fn HomePage() -> impl IntoView {
    let st = state();
    let count = move |f: fn(&xuncha_core::ops::Snapshot) -> usize| move || st.data.with(f);
    let tile = |key: T, testid: &'static str, n: Box<dyn Fn() -> usize + Send + Sync>| {
        view! {
            <div class="tile" data-testid=testid>
                <span class="number">{move || n()}</span>
                <span class="caption">{tr(key)}</span>
            </div>
        }
    };
    let office = move || {
        st.office.get().map(|o| fill(st.t(T::HomeOffice), &[("name", &o.name), ("role", &st.t(o.role.label()))]))
    };
    let current_rounds = move || {
        let lang = st.lang.get();
        st.data.with(|d| {
            d.rounds
                .iter()
                .filter(|r| r.data.status != RoundStatus::Finished)
                .map(|r| {
                    let href = Route::Round(r.meta.id).hash();
                    let title = d.round_title(r, lang);
                    let status = r.data.status.label().text(lang);
                    view! { <li><a href=href>{title}</a>" · "{status}</li> }
                })
                .collect_view()
        })
    };
    let today = super::widgets::today();
    // The store's counts until the long lists are read, then the lists themselves,
    // so the page is drawn before they are and stays right after every edit.
    let figures = Memo::new(move |_| match st.lists_ready.get() {
        true => st.data.with(|d| FirstCounts::of(d, today)),
        false => st.first_counts.get(),
    });
    view! {
        <section>
            <h1>{tr(T::HomeTitle)}</h1>
            <p data-testid="home-office">{office}</p>
            <BackupStatus/>
            <div class="tiles">
                {tile(T::StatTargets, "stat-targets", Box::new(count(|d| d.targets.iter().filter(|t| t.data.status == TargetStatus::Active).count())))}
                {tile(T::StatTownships, "stat-townships", Box::new(count(|d| d.targets.iter().filter(|t| t.data.kind == TargetKind::Township).count())))}
                {tile(T::StatVillages, "stat-villages", Box::new(count(|d| d.targets.iter().filter(|t| t.data.kind.needs_township()).count())))}
                {tile(T::StatTerms, "stat-terms", Box::new(count(|d| d.terms.len())))}
                {tile(T::StatRounds, "stat-rounds", Box::new(count(|d| d.rounds.len())))}
                {tile(T::StatGroups, "stat-groups", Box::new(count(|d| d.groups.len())))}
                {tile(T::StatInspections, "stat-inspections", Box::new(count(|d| d.inspections.len())))}
                {tile(T::StatProblems, "stat-problems", Box::new(move || figures.get().problems))}
                {tile(T::StatRectOverdue, "stat-rect-overdue", Box::new(move || figures.get().overdue))}
                {tile(T::StatClues, "stat-clues", Box::new(move || figures.get().clues))}
            </div>
            <ul class="current-rounds">{current_rounds}</ul>
            <p class="hint">{tr(T::HomeStart)}</p>
        </section>
    }
}

/// When the last full backup was made, and a reminder once it is too old.
#[component]
pub fn BackupStatus() -> impl IntoView {
    let st = state();
    move || {
        let last = st.last_backup.get();
        let days = st.reminder_days.get();
        let has_data = st.data.with(|d| !d.targets.is_empty() || !d.rounds.is_empty() || !d.terms.is_empty());
        let overdue = has_data && xuncha_core::exchange::export::backup_overdue(last, crate::platform::now(), days);
        let text = match last {
            Some(t) => fill(st.t(T::LastBackup), &[("when", &t.display_local())]),
            None => st.t(T::NeverBackedUp).to_owned(),
        };
        let reminder = overdue.then(|| {
            // Without any backup yet, "more than N days" would contradict the line before it.
            let words = match last {
                Some(_) => fill(st.t(T::BackupReminder), &[("days", &days)]),
                None => st.t(T::BackupNow).to_owned(),
            };
            view! { <a class="reminder" href=Route::Exchange.hash() data-testid="backup-reminder">{words}</a> }
        });
        view! { <p class="backup-status" data-testid="backup-status">{text}" "{reminder}</p> }
    }
}
