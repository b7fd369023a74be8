//! The overview: what the register and the rounds hold, and where to start.

use super::state::state;
use super::widgets::tr;
use leptos::prelude::*;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::ledger::LedgerKind;
use xuncha_core::ops::{overview, FirstCounts};
use xuncha_core::round::RoundStatus;
use xuncha_core::route::Route;
use xuncha_core::target::{TargetKind, TargetStatus};

/// Where a figure's records are and which ledger filter shows just them.
#[derive(Clone, Copy)]
enum Behind {
    Page(Route),
    /// A ledger with the filters cleared, or with only overdue rows shown.
    Ledger(LedgerKind, bool),
    /// The list of late 整改报告 further down this page.
    LateReports,
}

#[component]
pub fn HomePage() -> impl IntoView {
    let st = state();
    let count = move |f: fn(&xuncha_core::ops::Snapshot) -> usize| move || st.data.with(f);
    let tile = move |key: T, testid: &'static str, behind: Behind, n: Box<dyn Fn() -> usize + Send + Sync>| {
        let href = match behind {
            Behind::Page(route) => route.hash(),
            Behind::Ledger(kind, _) => Route::Ledger(kind).hash(),
            Behind::LateReports => Route::Home.hash(),
        };
        let follow = move |ev: leptos::ev::MouseEvent| match behind {
            Behind::Page(_) => {}
            Behind::Ledger(_, overdue) => {
                st.ledger_filter.clear();
                st.ledger_filter.overdue_only.set(overdue);
            }
            Behind::LateReports => {
                ev.prevent_default();
                crate::platform::scroll_to_testid("late-reports");
            }
        };
        view! {
            <a class="tile" href=href data-testid=testid on:click=follow>
                <span class="number">{move || n()}</span>
                <span class="caption">{tr(key)}</span>
            </a>
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
    let late_reports = move || st.data.with(|d| overview::reports_overdue(d, today).len());
    let hint = move || {
        let role = st.office.get()?.role;
        let f = figures.get();
        let step = st.data.with(|d| overview::Progress::of(d, f.problems + f.clues)).next_step(role)?;
        Some(view! { <p class="hint" data-testid="home-hint">{tr(step)}</p> })
    };
    // A county office is told when this term's 全覆盖 falls behind the time gone.
    let coverage_lag = move || {
        if st.office.get()?.role != xuncha_core::office::OfficeRole::County {
            return None;
        }
        let (rate, expected) =
            st.coverage_goals.with(|g| st.data.with(|d| xuncha_core::stats::coverage::current_lag(d, g, today)))?;
        let text = fill(
            st.t(T::HomeCoverageBehind),
            &[("rate", &format!("{rate:.1}%")), ("expected", &format!("{expected:.1}%"))],
        );
        Some(
            view! { <p class="warning"><a href=Route::Coverage.hash() data-testid="home-coverage-behind">{text}</a></p> },
        )
    };
    let targets = Route::Targets;
    view! {
        <section>
            <h1>{tr(T::HomeTitle)}</h1>
            <p data-testid="home-office">{office}</p>
            <BackupStatus/>
            {hint}
            {coverage_lag}
            <div class="tiles">
                {tile(T::StatTargets, "stat-targets", Behind::Page(targets), Box::new(count(|d| d.targets.iter().filter(|t| t.data.status == TargetStatus::Active).count())))}
                {tile(T::StatTownships, "stat-townships", Behind::Page(targets), Box::new(count(|d| d.targets.iter().filter(|t| t.data.kind == TargetKind::Township).count())))}
                {tile(T::StatVillages, "stat-villages", Behind::Page(targets), Box::new(count(|d| d.targets.iter().filter(|t| t.data.kind.needs_township() && t.data.status == TargetStatus::Active).count())))}
                {tile(T::StatTerms, "stat-terms", Behind::Page(Route::Terms), Box::new(count(|d| d.terms.len())))}
                {tile(T::StatRounds, "stat-rounds", Behind::Page(Route::Rounds), Box::new(count(|d| d.rounds.len())))}
                {tile(T::StatGroups, "stat-groups", Behind::Page(Route::Rounds), Box::new(count(|d| d.groups.len())))}
                {tile(T::StatInspections, "stat-inspections", Behind::Page(Route::Rounds), Box::new(count(|d| d.inspections.len())))}
                {tile(T::StatProblems, "stat-problems", Behind::Ledger(LedgerKind::Problems, false), Box::new(move || figures.get().problems))}
                {tile(T::StatRectOverdue, "stat-rect-overdue", Behind::Ledger(LedgerKind::Rectifications, true), Box::new(move || figures.get().overdue))}
                {tile(T::StatReportsOverdue, "stat-reports-overdue", Behind::LateReports, Box::new(late_reports))}
                {tile(T::StatClues, "stat-clues", Behind::Ledger(LedgerKind::Clues, false), Box::new(move || figures.get().clues))}
            </div>
            <ul class="current-rounds">{current_rounds}</ul>
            <LateReports/>
        </section>
    }
}

/// The inspections whose 整改报告 is past due, each linking to its round.
#[component]
fn LateReports() -> impl IntoView {
    let st = state();
    let today = super::widgets::today();
    move || {
        let lang = st.lang.get();
        let lines = st.data.with(|d| {
            overview::reports_overdue(d, today)
                .into_iter()
                .map(|i| {
                    let target = d.target(i.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
                    let round = d.round(i.data.round).map(|r| d.round_title(r, lang)).unwrap_or_default();
                    let due = i.data.milestones.rectification_due.map(|d| d.to_string()).unwrap_or_default();
                    let text =
                        fill(st.t(T::ReportOverdueLine), &[("target", &target), ("round", &round), ("due", &due)]);
                    (Route::Round(i.data.round).hash(), text)
                })
                .collect::<Vec<_>>()
        });
        (!lines.is_empty()).then(|| {
            view! {
                <div class="late-reports" data-testid="late-reports">
                    <h2>{tr(T::ReportsOverdueTitle)}</h2>
                    <ul>
                        {lines.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
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
