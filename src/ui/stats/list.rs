//! The records behind a figure that no ledger shows: the inspected targets (with
//! how often an activity was done at each) and the rounds. Its rows add up to the
//! figure that opened it.

use crate::platform::ZhCollator;
use crate::ui::state::state;
use crate::ui::widgets::{today, tr};
use leptos::prelude::*;
use xuncha_core::collate::sort_by_text;
use xuncha_core::i18n::{Label, T};
use xuncha_core::route::Route;
use xuncha_core::stats::{picked_targets, Link, Pick, StatsScope};

#[component]
pub fn PickedList(link: Link, scope: StatsScope, shown: RwSignal<Option<Link>>) -> impl IntoView {
    let st = state();
    let lang = st.lang.get_untracked();
    let body = match link {
        Link::Targets(pick) => st.data.with(|d| {
            let mut rows = picked_targets(d, &scope, pick, today());
            sort_by_text(&mut rows, &ZhCollator, |(t, _)| d.target(*t).map(|t| t.data.name.clone()).unwrap_or_default());
            let activity = match pick {
                Pick::Activity(a) => Some(a),
                _ => None,
            };
            let lines = rows
                .into_iter()
                .enumerate()
                .map(|(n, (target, inspections))| {
                    let t = d.target(target);
                    let name = t.map(|t| t.data.name.clone()).unwrap_or_default();
                    let kind = t.map(|t| t.data.kind.label().text(lang)).unwrap_or_default();
                    let township =
                        t.and_then(|t| t.data.township).and_then(|w| d.target(w)).map(|w| w.data.name.clone());
                    let mut rounds: Vec<_> = inspections.iter().filter_map(|i| d.round(i.data.round)).collect();
                    rounds.sort_by_key(|r| (r.data.start, r.data.ordinal));
                    let rounds: Vec<String> = rounds.into_iter().map(|r| d.round_title(r, lang)).collect();
                    let count: u64 = activity
                        .map(|a| inspections.iter().map(|i| u64::from(i.data.activities.get(a))).sum())
                        .unwrap_or_default();
                    view! {
                        <tr data-testid="stats-list-row">
                            <td class="num">{n + 1}</td>
                            <td>{name}</td>
                            <td>{kind}</td>
                            <td>{township}</td>
                            <td>{rounds.join("、")}</td>
                            {activity.map(|_| view! { <td class="num" data-testid="stats-list-count">{count}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            let heads = view! {
                <th class="num">{tr(T::ColSeq)}</th><th>{tr(T::ColTarget)}</th><th>{tr(T::FieldKind)}</th>
                <th>{tr(T::ColTownship)}</th><th>{tr(T::StatsColRounds)}</th>
                {activity.map(|a| view! { <th class="num">{tr(a.label())}</th> })}
            };
            (T::StatsListTargets, heads.into_any(), lines.into_any())
        }),
        Link::Rounds(kind) => st.data.with(|d| {
            let mut rounds = scope.rounds(d, today());
            rounds.retain(|r| kind.is_none_or(|k| r.data.kind == k));
            rounds.sort_by_key(|r| (r.data.start, r.data.ordinal));
            let lines = rounds
                .into_iter()
                .enumerate()
                .map(|(n, r)| {
                    let dates = format!(
                        "{} — {}",
                        r.data.start.map(|d| d.to_string()).unwrap_or_default(),
                        r.data.end.map(|d| d.to_string()).unwrap_or_default()
                    );
                    view! {
                        <tr data-testid="stats-list-row">
                            <td class="num">{n + 1}</td>
                            <td><a href=Route::Round(r.meta.id).hash()>{d.round_title(r, lang)}</a></td>
                            <td>{r.data.kind.label().text(lang)}</td>
                            <td>{dates}</td>
                        </tr>
                    }
                })
                .collect_view();
            let heads = view! {
                <th class="num">{tr(T::ColSeq)}</th><th>{tr(T::ColRound)}</th><th>{tr(T::FieldKind)}</th><th>{tr(T::FilterDates)}</th>
            };
            (T::StatsListRounds, heads.into_any(), lines.into_any())
        }),
        Link::Ledger(..) | Link::Questionnaires | Link::Plan(_) | Link::People(_) | Link::Outcomes(_) | Link::Assessments(_) => {
            return ().into_any()
        }
    };
    let (title, heads, lines) = body;
    view! {
        <section class="stats-list" data-testid="stats-list">
            <h2>{tr(title)}" "<button type="button" class="link no-print" on:click=move |_| shown.set(None)>{tr(T::StatsListClose)}</button></h2>
            <table class="list compact">
                <thead><tr>{heads}</tr></thead>
                <tbody>{lines}</tbody>
            </table>
        </section>
    }
    .into_any()
}
