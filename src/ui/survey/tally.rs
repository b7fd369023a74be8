//! 问卷统计: one questionnaire's tally for all units or one, with bars, weighted
//! scores, the free-text answers listed, units side by side, .xlsx and print.

use crate::ui::state::state;
use crate::ui::widgets::{download_workbook, today, tr, PrintButton, RecordSelect};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::questionnaire::{QuestionType, Questionnaire};
use xuncha_core::rating::{summaries, RatingRow, RatingSummary};
use xuncha_core::record::Record;
use xuncha_core::sheet::Sheet;
use xuncha_core::tally::{compare, tally, targets_answered, QuestionTally, Tally};

#[component]
pub fn TallyView(q: Record<Questionnaire>) -> impl IntoView {
    let st = state();
    let target = RwSignal::new(None::<Id>);
    let qid = q.meta.id;
    let record = q.clone();
    let answered_targets = Signal::derive(move || {
        st.data.with(|d| {
            let mut ids = targets_answered(qid, &d.responses, &d.paper_batches);
            ids.extend(record.data.target);
            ids.extend(record.data.handed_out.iter().filter_map(|h| h.target));
            let mut out: Vec<(Id, String)> = Vec::new();
            for id in ids {
                if !out.iter().any(|(x, _)| *x == id) {
                    out.push((id, d.target(id).map(|t| t.data.name.clone()).unwrap_or_default()));
                }
            }
            out
        })
    });
    let record = q.clone();
    let current = Memo::new(move |_| {
        let t = target.get();
        st.data.with(|d| tally(&record, &d.responses, &d.paper_batches, t))
    });
    let scope_text = move || {
        target
            .get()
            .and_then(|t| st.data.with(|d| d.target(t).map(|x| x.data.name.clone())))
            .unwrap_or_else(|| st.t(T::AllTargets).to_owned())
    };
    let title = q.data.title.clone();
    let export_title = title.clone();
    let export = move |_| {
        let lang = st.lang.get_untracked();
        let scope = scope_text();
        let tally = current.get_untracked();
        // The tally on the first tab, each scale's 测评汇总 on a tab of its own.
        let mut sheets = vec![Sheet::of_tally(&export_title, &scope, &tally, lang, today())];
        sheets.extend(summaries(&tally).iter().map(|s| Sheet::of_rating(&export_title, &scope, s, lang, today())));
        let name = format!("{}-{}-{}.xlsx", file_safe(&export_title), T::TallyTitle.text(lang), today());
        download_workbook(st, &sheets, &name);
    };
    let record = q.clone();
    let side_by_side = move || {
        let targets: Vec<(Id, String)> = answered_targets.get();
        (targets.len() >= 2 && target.get().is_none()).then(|| {
            let ids: Vec<Id> = targets.iter().map(|(id, _)| *id).collect();
            let tallies = st.data.with(|d| compare(&record, &d.responses, &d.paper_batches, &ids));
            view! { <Compare names=targets tallies=tallies q=record.data.clone()/> }
        })
    };
    view! {
        <div class="tally" data-testid="tally">
            <h2 class="print-title">{title}" "{tr(T::TallyTitle)}</h2>
            <div class="toolbar no-print">
                <RecordSelect label=T::ColTarget options=answered_targets value=target field="tally-target" empty=T::AllTargets errors=None/>
                <button type="button" class="secondary" data-testid="export-tally" on:click=export>{tr(T::ExportXlsx)}</button>
                <PrintButton/>
            </div>
            <p class="print-only">{scope_text}</p>
            {move || view! { <Summary t=current.get()/> }}
            {move || summaries(&current.get()).into_iter().map(|s| view! { <RatingTable s=s/> }).collect_view()}
            {move || current.get().questions.into_iter().enumerate().map(|(i, qt)| view! { <QuestionResult index=i qt=qt/> }).collect_view()}
            {side_by_side}
        </div>
    }
}

fn file_safe(name: &str) -> String {
    name.chars().filter(|c| !"\\/:*?\"<>|".contains(*c)).collect::<String>().trim().to_owned()
}

#[component]
fn Summary(t: Tally) -> impl IntoView {
    let st = state();
    let rate = t.return_rate.map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".to_owned());
    view! {
        <p class="tally-summary" data-testid="tally-summary">
            {move || fill(st.t(T::TallySummary), &[("handed", &t.handed_out), ("returned", &t.returned), ("rate", &rate)])}
        </p>
    }
}

/// 测评汇总: each rated item's votes per level and favourable rate, then all items.
#[component]
fn RatingTable(s: RatingSummary) -> impl IntoView {
    let st = state();
    let lang = st.lang.get_untracked();
    let rate_head =
        fill(T::RatingFavourable.text(lang), &[("levels", &s.favourable_names(T::RatingJoiner.text(lang)))]);
    let heads = s.levels.iter().map(|l| view! { <th class="num">{l.clone()}</th> }).collect_view();
    let line = |seq: String, item: String, r: RatingRow, overall: bool| {
        let rate = r.favourable.map(|f| format!("{f:.1}%")).unwrap_or_default();
        view! {
            <tr class:overall=overall>
                <td class="num">{seq}</td>
                <td>{item}</td>
                {r.counts.iter().map(|c| view! { <td class="num">{*c}</td> }).collect_view()}
                <td class="num">{r.votes}</td>
                <td class="num" data-testid="rating-rate">{rate}</td>
            </tr>
        }
    };
    let rows = s
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| line((n + 1).to_string(), r.item.clone(), r.clone(), false))
        .collect_view();
    let overall = line(String::new(), T::RatingOverall.text(lang).to_owned(), s.overall.clone(), true);
    view! {
        <section class="rating-summary">
            <h3>{tr(T::RatingTitle)}</h3>
            <table class="list compact" data-testid="rating-summary">
                <thead>
                    <tr>
                        <th class="num">{tr(T::ColSeq)}</th>
                        <th>{tr(T::RatingItem)}</th>
                        {heads}
                        <th class="num">{tr(T::RatingVotes)}</th>
                        <th class="num">{rate_head}</th>
                    </tr>
                </thead>
                <tbody>{rows}{overall}</tbody>
            </table>
        </section>
    }
}

#[component]
fn QuestionResult(index: usize, qt: QuestionTally) -> impl IntoView {
    let st = state();
    let head = format!("{}. {}", index + 1, qt.question.text);
    let body = match qt.question.kind {
        QuestionType::Single | QuestionType::Multiple | QuestionType::Rating => {
            let rows = qt
                .options
                .iter()
                .map(|o| {
                    let width = format!("width: {:.1}%", o.percent.clamp(0.0, 100.0));
                    view! {
                        <tr>
                            <td>{o.label.clone()}</td>
                            <td class="num">{o.count}</td>
                            <td class="num">{format!("{:.1}%", o.percent)}</td>
                            <td class="bar-cell"><span class="bar" style=width></span></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="list compact tally-table">
                    <thead><tr><th>{tr(T::TallyOption)}</th><th>{tr(T::TallyCount)}</th><th>{tr(T::TallyPercent)}</th><th></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        QuestionType::Number => {
            let text = qt.numbers.clone().map(|n| {
                move || {
                    fill(
                        st.t(T::TallyNumbers),
                        &[("min", &n.min), ("max", &n.max), ("mean", &format!("{:.1}", n.mean))],
                    )
                }
            });
            view! { <p data-testid="tally-numbers">{text}</p> }.into_any()
        }
        QuestionType::Text => {
            let items = qt.texts.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
            view! { <ol class="texts" data-testid="tally-texts">{items}</ol> }.into_any()
        }
    };
    let score = qt.score.map(|s| move || fill(st.t(T::TallyScoreIs), &[("score", &format!("{s:.1}"))]));
    let answered = qt.answered;
    view! {
        <section class="tally-question" data-testid=format!("tally-q-{index}")>
            <h3>{head}</h3>
            <p class="hint">
                <span data-testid="tally-answered">{move || fill(st.t(T::TallyAnswered), &[("n", &answered)])}</span>
                {score.map(|s| view! { " · " <strong data-testid="tally-score">{s}</strong> })}
            </p>
            {body}
        </section>
    }
}

/// Units side by side: forms returned, the return rate and each scale's score.
#[component]
fn Compare(names: Vec<(Id, String)>, tallies: Vec<(Id, Tally)>, q: Questionnaire) -> impl IntoView {
    let scales: Vec<(usize, String)> = q
        .questions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == QuestionType::Rating)
        .map(|(i, x)| (i, format!("{}. {}", i + 1, x.text)))
        .collect();
    let heads = names.iter().map(|(_, n)| view! { <th>{n.clone()}</th> }).collect_view();
    let row = |label: String, cells: Vec<String>| {
        view! { <tr><td>{label}</td>{cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}</tr> }
    };
    let st = state();
    let lang = st.lang.get_untracked();
    let mut rows = vec![
        row(T::TallyReturned.text(lang).to_owned(), tallies.iter().map(|(_, t)| t.returned.to_string()).collect()),
        row(
            T::ReturnRate.text(lang).to_owned(),
            tallies.iter().map(|(_, t)| t.return_rate.map(|r| format!("{r:.1}%")).unwrap_or_default()).collect(),
        ),
    ];
    for (i, label) in scales {
        let cells =
            tallies.iter().map(|(_, t)| t.questions[i].score.map(|s| format!("{s:.1}")).unwrap_or_default()).collect();
        rows.push(row(label, cells));
    }
    view! {
        <section class="tally-compare">
            <h3>{tr(T::CompareTargets)}</h3>
            <table class="list compact" data-testid="tally-compare">
                <thead><tr><th></th>{heads}</tr></thead>
                <tbody>{rows.into_iter().collect_view()}</tbody>
            </table>
        </section>
    }
}
