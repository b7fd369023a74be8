//! 政治生态评估: the list of assessments with its filters, workbook and print, the
//! form that scores one unit in a round, and this PC's indicator set.

use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, download_workbook, page_of, pages_for, parse_day, round_options, sheet_rows, today, tr, EnumFilter,
    FormButtons, FormErrors, Input, ListCount, ListPage, Pager, PrintButton, RecordSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::ecology::{assessment_sheet, Assessment, AssessmentFilter, Grade, Indicator, Points, Scheme, Scored};
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::inspection::Inspection;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::validation::Invalid;

/// The list's filters, kept while the user moves between pages and set by a
/// figure of the statistics page.
#[derive(Clone, Copy, Debug, Default)]
pub struct EcologyFilter {
    pub round: RwSignal<Option<Id>>,
    pub target: RwSignal<Option<Id>>,
    pub grade: RwSignal<Option<Grade>>,
    pub inspections: RwSignal<Option<Vec<Id>>>,
}

impl EcologyFilter {
    pub fn value(&self) -> AssessmentFilter {
        AssessmentFilter {
            round: self.round.get(),
            target: self.target.get(),
            grade: self.grade.get(),
            inspections: self.inspections.get(),
        }
    }

    pub fn set(&self, f: &AssessmentFilter) {
        self.round.set(f.round);
        self.target.set(f.target);
        self.grade.set(f.grade);
        self.inspections.set(f.inspections.clone());
    }
}

#[component]
pub fn AssessmentsPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Record<Inspection>>);
    let page_errors = RwSignal::new(None);
    let filter = st.ecology_filter;
    let shown = Memo::new(move |_| {
        let f = filter.value();
        st.data.with(|d| {
            let mut rows: Vec<Record<Inspection>> = d.inspections.iter().filter(|i| f.matches(i)).cloned().collect();
            rows.sort_by_key(|i| std::cmp::Reverse(i.data.assessment.as_ref().map(|a| a.on)));
            rows
        })
    });
    let total = Signal::derive(move || {
        st.data.with(|d| d.inspections.iter().filter(|i| AssessmentFilter::default().matches(i)).count())
    });
    let count = Signal::derive(move || shown.with(Vec::len));
    let page = RwSignal::new(0usize);
    let printing = RwSignal::new(false);
    let pages = Signal::derive(move || pages_for(count.get()));
    Effect::watch(move || filter.value(), move |_, _, _| page.set(0), false);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    // The units ever assessed, to follow one over time.
    let units = Signal::derive(move || {
        st.data.with(|d| {
            let mut seen: Vec<(Id, String)> = Vec::new();
            for i in d.inspections.iter().filter(|i| i.is_live() && i.data.assessment.is_some()) {
                if !seen.iter().any(|(id, _)| *id == i.data.target) {
                    seen.push((
                        i.data.target,
                        d.target(i.data.target).map(|t| t.data.name.clone()).unwrap_or_default(),
                    ));
                }
            }
            xuncha_core::collate::sort_by_text(&mut seen, &crate::platform::ZhCollator, |u| u.1.clone());
            seen
        })
    });
    let sheet = move |all: bool| {
        let lang = st.lang.get();
        let office = st.office.get().map(|o| o.name).unwrap_or_default();
        shown.with(|rows| {
            let rows = if all { rows.as_slice() } else { page_of(rows, page.get(), printing.get()) };
            let refs: Vec<&Record<Inspection>> = rows.iter().collect();
            let s = st.data.with(|d| {
                let words = filter_words(d, &filter.value(), lang);
                assessment_sheet(&office, &words, &refs, &d.inspections, &|k, id| d.name_of(k, id, lang), lang, today())
            });
            (s, rows.to_vec())
        })
    };
    let export = move |_| {
        let (s, _) = untrack(|| sheet(true));
        let name = format!("{}-{}.xlsx", s.title.replace(' ', "-"), today());
        download_workbook(st, &[s], &name);
    };
    let rows = move || {
        let (s, items) = sheet(false);
        let remove = move |i: Record<Inspection>| {
            st.act_saying(page_errors, T::Deleted, async move |s, ctx| ops::assess(s, ctx, &i, None).await, |_| ())
        };
        let name = move |i: &Record<Inspection>| {
            let unit = st.data.with_untracked(|d| d.target(i.data.target).map(|t| t.data.name.clone()));
            format!("{}{}", unit.unwrap_or_default(), st.t(T::EcologyTitle))
        };
        sheet_rows(s.rows, items, usize::MAX, "assessment-row", name, move |i| panel.set(Some(i)), remove)
    };
    let heads = move || {
        let lang = st.lang.get();
        let heads = assessment_sheet("", "", &[], &[], &|_, _| None, lang, today()).headers;
        let heads = heads.into_iter().map(|h| view! { <th>{h}</th> }).collect_view();
        view! { {heads}<th class="no-print">{tr(T::Actions)}</th> }
    };
    let scoped = move || {
        filter.inspections.get().map(|ids| {
            let words = fill(st.t(T::EcologyScoped), &[("n", &ids.len())]);
            view! { <label class="check"><input type="checkbox" checked on:change=move |_| filter.inspections.set(None)/>{words}</label> }
        })
    };
    view! {
        <ListPage panel=panel form=|i, close| view! { <AssessmentForm inspection=i on_close=close/> }.into_any()>
            <div class="toolbar">
                <h1>{tr(T::EcologyTitle)}</h1>
                <button type="button" class="secondary no-print" data-testid="export-assessments" on:click=export>{tr(T::ExportXlsx)}</button>
                <PrintButton printing=printing/>
            </div>
            <FormErrors errors=page_errors/>
            <div class="filters no-print">
                <RecordSelect label=T::ColRound options=rounds value=filter.round field="round" empty=T::All errors=None/>
                <RecordSelect label=T::ColTarget options=units value=filter.target field="target" empty=T::All errors=None/>
                <EnumFilter label=T::ColGrade options=&Grade::ALL value=filter.grade field="grade"/>
                {scoped}
            </div>
            <ListCount shown=count total=total/>
            <Show when=move || total.get() == 0>
                <p class="empty" data-testid="no-assessments">{tr(T::EcologyNone)}</p>
            </Show>
            <table class="list" data-testid="assessments-table">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager page=page pages=pages shown=count/>
            <SchemeEditor/>
        </ListPage>
    }
}

/// The filter in words, for the workbook's and the print's subtitle.
fn filter_words(d: &xuncha_core::ops::Snapshot, f: &AssessmentFilter, lang: xuncha_core::i18n::Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(r) = f.round.and_then(|r| d.round(r)) {
        parts.push(d.round_title(r, lang));
    }
    if let Some(t) = f.target.and_then(|t| d.target(t)) {
        parts.push(t.data.name.clone());
    }
    if let Some(g) = f.grade {
        parts.push(g.label().text(lang).to_owned());
    }
    if let Some(ids) = &f.inspections {
        parts.push(fill(T::EcologyScoped.text(lang), &[("n", &ids.len())]));
    }
    crate::ui::widgets::filter_words(parts, "", lang)
}

/// One indicator's row of a form: what it is and the text typed for it.
#[derive(Clone, Copy, Debug)]
struct Line {
    name: RwSignal<String>,
    weight: RwSignal<String>,
    max: RwSignal<String>,
    score: RwSignal<String>,
}

impl Line {
    fn of(i: &Indicator, score: Option<Points>) -> Line {
        Line {
            name: RwSignal::new(i.name.clone()),
            weight: RwSignal::new(i.weight.to_string()),
            max: RwSignal::new(i.max.to_string()),
            score: RwSignal::new(score.map(|s| s.to_string()).unwrap_or_default()),
        }
    }

    /// The indicator as typed; a weight or full marks that do not read are named.
    fn indicator(&self, bad: &mut Vec<Invalid>) -> Indicator {
        // Read as a score so that full-width digits count; a weight is whole.
        let weight = Points::parse(&self.weight.get_untracked()).filter(|p| p.0 % 10 == 0 && p.0 > 0).map(|p| p.0 / 10);
        let max = Points::parse(&self.max.get_untracked());
        if weight.is_none() {
            bad.push(Invalid::missing("weight", T::ErrEcologyWeights));
        }
        if max.is_none_or(|m| m.0 == 0) {
            bad.push(Invalid::missing("max", T::ErrEcologyMax));
        }
        Indicator {
            name: self.name.get_untracked().trim().to_owned(),
            weight: weight.unwrap_or(0),
            max: max.unwrap_or_default(),
        }
    }
}

/// Scores one unit: the day, who, a mark per indicator of the set it is scored by
/// (its own when it was assessed before, else this PC's), the total and grade as typed.
#[component]
pub fn AssessmentForm(inspection: Record<Inspection>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let base = inspection.data.assessment.clone();
    let on = RwSignal::new(day_text(base.as_ref().map(|a| a.on).or(inspection.data.milestones.feedback)));
    let assessor = RwSignal::new(base.as_ref().map(|a| a.assessor.clone()).unwrap_or_default());
    let notes = RwSignal::new(base.as_ref().map(|a| a.notes.clone()).unwrap_or_default());
    let errors = RwSignal::new(None);
    let lines = RwSignal::new(None::<(Vec<Line>, xuncha_core::ecology::Thresholds)>);
    let fill_lines = move |scheme: Scheme, scores: Vec<Points>| {
        let made = scheme.indicators.iter().enumerate().map(|(n, i)| Line::of(i, scores.get(n).copied())).collect();
        lines.set(Some((made, scheme.thresholds)));
    };
    match &base {
        Some(a) => fill_lines(a.scheme(), a.items.iter().map(|s| s.score).collect()),
        None => {
            if let Some(store) = st.store() {
                leptos::task::spawn_local(async move {
                    let scheme = ops::ecology_scheme(store.as_ref()).await.unwrap_or_default();
                    fill_lines(scheme, Vec::new());
                });
            }
        }
    }
    // The assessment as typed, with what does not read named.
    let typed = move |bad: &mut Vec<Invalid>| -> Option<Assessment> {
        let (ls, thresholds) = lines.get()?;
        let mut items = Vec::new();
        for l in &ls {
            let i = l.indicator(bad);
            let score = Points::parse(&l.score.get());
            if score.is_none_or(|s| s > i.max) {
                bad.push(Invalid::missing("score", T::ErrEcologyScore));
            }
            items.push(Scored { name: i.name, weight: i.weight, max: i.max, score: score.unwrap_or_default() });
        }
        let day = parse_day(&on.get(), "assessed_on", bad);
        if on.get().trim().is_empty() {
            bad.push(Invalid::missing("assessed_on", T::ErrEcologyDay));
        }
        Some(Assessment { on: day?, assessor: assessor.get().trim().to_owned(), items, thresholds, notes: notes.get() })
    };
    let sum = move || {
        let mut bad = Vec::new();
        let a = typed(&mut bad).filter(|_| bad.is_empty())?;
        Some(fill(st.t(T::EcologyTotalLine), &[("total", &a.total()), ("grade", &st.t(a.grade().label()))]))
    };
    let record = inspection.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let a = untrack(|| typed(&mut bad));
        match a {
            Some(a) if bad.is_empty() => {
                let record = record.clone();
                st.act(
                    errors,
                    async move |s, ctx| ops::assess(s, ctx, &record, Some(a)).await,
                    move |_| on_close.run(()),
                );
            }
            None if bad.is_empty() => {}
            _ => errors.set(Some(OpError::Invalid(bad))),
        }
    };
    // Whom and in which round; an earlier assessment says it keeps its own lines.
    let target = st.data.with_untracked(|d| {
        let unit = d.target(inspection.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
        let round =
            d.round(inspection.data.round).map(|r| d.round_title(r, st.lang.get_untracked())).unwrap_or_default();
        format!("{unit}（{round}）")
    });
    let kept = base.as_ref().map(|a| {
        let t = a.thresholds;
        fill(st.t(T::EcologyKeptLines), &[("good", &t.good), ("fair", &t.fair), ("average", &t.average)])
    });
    let table = move || {
        lines.get().map(|(ls, _)| {
            let rows = ls
                .into_iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td>{l.name.get_untracked()}</td>
                            <td>{l.weight.get_untracked()}</td>
                            <td>{l.max.get_untracked()}</td>
                            <td><input class="score" data-testid="field-score" inputmode="decimal" bind:value=l.score/></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="list compact scores" data-testid="score-table">
                    <thead><tr><th>{tr(T::ColIndicator)}</th><th>{tr(T::ColWeight)}</th><th>{tr(T::ColMaxScore)}</th><th>{tr(T::ColScore)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <SidePanel title=T::EcologyTitle testid="assessment-form">
            <p class="hint">{target}</p>
            {kept.map(|k| view! { <p class="hint">{k}</p> })}
            <form on:submit=save>
                <Input label=T::FieldAssessedOn value=on field="assessed_on" errors=errors kind="date"/>
                <Input label=T::FieldAssessor value=assessor field="assessor" errors=errors/>
                {table}
                <p class="total" data-testid="assessment-total">{sum}</p>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}

/// This PC's indicator set and grade lines, edited in place; later assessments use it.
#[component]
fn SchemeEditor() -> impl IntoView {
    let st = state();
    let lines = RwSignal::new(Vec::<Line>::new());
    let good = RwSignal::new(String::new());
    let fair = RwSignal::new(String::new());
    let average = RwSignal::new(String::new());
    let errors = RwSignal::new(None);
    let show = move |s: Scheme| {
        lines.set(s.indicators.iter().map(|i| Line::of(i, None)).collect());
        good.set(s.thresholds.good.to_string());
        fair.set(s.thresholds.fair.to_string());
        average.set(s.thresholds.average.to_string());
    };
    if let Some(store) = st.store() {
        leptos::task::spawn_local(async move { show(ops::ecology_scheme(store.as_ref()).await.unwrap_or_default()) });
    }
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let indicators = lines.get_untracked().iter().map(|l| l.indicator(&mut bad)).collect();
        let mut line = |s: RwSignal<String>| {
            Points::parse(&s.get_untracked()).unwrap_or_else(|| {
                bad.push(Invalid::missing("thresholds", T::ErrEcologyThresholds));
                Points(0)
            })
        };
        let thresholds =
            xuncha_core::ecology::Thresholds { good: line(good), fair: line(fair), average: line(average) };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let scheme = Scheme { indicators, thresholds };
        st.act_saying(errors, T::Saved, async move |s, _| ops::set_ecology_scheme(s, &scheme).await, |_| ());
    };
    let rows = move || {
        lines
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, l)| {
                view! {
                    <tr>
                        <td><input data-testid="scheme-name" bind:value=l.name/></td>
                        <td><input class="score" data-testid="scheme-weight" inputmode="numeric" bind:value=l.weight/></td>
                        <td><input class="score" data-testid="scheme-max" inputmode="decimal" bind:value=l.max/></td>
                        <td><button type="button" class="link danger" on:click=move |_| lines.update(|ls| { ls.remove(n); })>"×"</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        let blank = Indicator { name: String::new(), weight: 0, max: Points::whole(10) };
        let line = Line::of(&blank, None);
        line.weight.set(String::new());
        lines.update(|ls| ls.push(line));
    };
    view! {
        <details class="scheme no-print" data-testid="ecology-scheme">
            <summary>{tr(T::EcologyScheme)}</summary>
            <p class="hint">{tr(T::EcologySchemeHint)}</p>
            <form on:submit=save>
                <table class="list compact">
                    <thead><tr><th>{tr(T::ColIndicator)}</th><th>{tr(T::ColWeight)}</th><th>{tr(T::ColMaxScore)}</th><th></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <div class="row-form">
                    <Input label=T::ThresholdGood value=good field="thresholds" errors=errors/>
                    <Input label=T::ThresholdFair value=fair field="thresholds" errors=errors/>
                    <Input label=T::ThresholdAverage value=average field="thresholds" errors=errors/>
                </div>
                <div class="buttons">
                    <button type="submit" data-testid="save-scheme">{tr(T::Save)}</button>
                    <button type="button" class="secondary" on:click=add>{tr(T::EcologyAddIndicator)}</button>
                    <button type="button" class="secondary" data-testid="scheme-builtin" on:click=move |_| show(Scheme::default())>{tr(T::EcologyBuiltin)}</button>
                </div>
                <FormErrors errors=errors/>
            </form>
        </details>
    }
}
