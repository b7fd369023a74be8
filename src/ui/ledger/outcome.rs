//! 成果运用: the outcomes of inspections with their filters, workbook and print, and
//! the form that ties an outcome to its round, unit, problem or clue.

use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, download_workbook, inspected_targets, page_of, pages_for, parse_count, parse_day, round_options,
    sheet_rows, today, tr, EnumFilter, EnumSelect, FormButtons, FormErrors, Input, ListCount, ListPage,
    OptionalEnumSelect, Pager, PrintButton, RecordSelect, SectionSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::outcome::{outcome_sheet, Outcome, OutcomeFilter, OutcomeKind, Sanction};
use xuncha_core::record::Record;

/// The list's filters, kept while the user moves between pages and set by a
/// figure of the statistics page.
#[derive(Clone, Copy, Debug, Default)]
pub struct OutcomesFilter {
    pub kind: RwSignal<Option<OutcomeKind>>,
    pub round: RwSignal<Option<Id>>,
    pub rounds: RwSignal<Option<Vec<Id>>>,
    pub text: RwSignal<String>,
}

impl OutcomesFilter {
    pub fn value(&self) -> OutcomeFilter {
        OutcomeFilter {
            kind: self.kind.get(),
            round: self.round.get(),
            rounds: self.rounds.get(),
            text: self.text.get(),
        }
    }

    pub fn set(&self, f: &OutcomeFilter) {
        self.kind.set(f.kind);
        self.round.set(f.round);
        self.rounds.set(f.rounds.clone());
        self.text.set(f.text.clone());
    }
}

/// The filter in words, for the workbook's and the print's subtitle.
fn filter_words(d: &xuncha_core::ops::Snapshot, f: &OutcomeFilter, lang: xuncha_core::i18n::Lang) -> String {
    use xuncha_core::i18n::Label;
    let mut parts: Vec<String> = Vec::new();
    if let Some(r) = f.round.and_then(|r| d.round(r)) {
        parts.push(d.round_title(r, lang));
    }
    if let Some(k) = f.kind {
        parts.push(k.label().text(lang).to_owned());
    }
    if let Some(rs) = &f.rounds {
        parts.push(fill(T::OutcomeScoped.text(lang), &[("n", &rs.len())]));
    }
    crate::ui::widgets::filter_words(parts, &f.text, lang)
}

#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Box<Record<Outcome>>),
}

#[component]
pub fn OutcomesPage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let page_errors = RwSignal::new(None);
    let filter = st.outcome_filter;
    let shown = Memo::new(move |_| {
        let f = filter.value();
        st.data.with(|d| {
            let mut rows: Vec<Record<Outcome>> = d.outcomes.iter().filter(|o| f.matches(o)).cloned().collect();
            // Newest round first, then by kind, as the summaries list them.
            let start = |o: &Record<Outcome>| d.round(o.data.round).and_then(|r| r.data.start);
            rows.sort_by(|a, b| start(b).cmp(&start(a)).then(a.data.kind.cmp(&b.data.kind)));
            rows
        })
    });
    let total = Signal::derive(move || st.data.with(|d| d.outcomes.iter().filter(|o| o.is_live()).count()));
    let count = Signal::derive(move || shown.with(Vec::len));
    let page = RwSignal::new(0usize);
    let printing = RwSignal::new(false);
    let pages = Signal::derive(move || pages_for(count.get()));
    Effect::watch(move || filter.value(), move |_, _, _| page.set(0), false);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let sheet = move |all: bool| {
        let lang = st.lang.get();
        let office = st.office.get().map(|o| o.name).unwrap_or_default();
        shown.with(|rows| {
            let rows = if all { rows.as_slice() } else { page_of(rows, page.get(), printing.get()) };
            let refs: Vec<&Record<Outcome>> = rows.iter().collect();
            let s = st.data.with(|d| {
                let words = filter_words(d, &filter.value(), lang);
                outcome_sheet(&office, &words, &refs, &|k, id| d.name_of(k, id, lang), lang, today())
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
        let edit = move |o: Record<Outcome>| panel.set(Some(Panel::Edit(Box::new(o))));
        let delete = move |o: Record<Outcome>| {
            st.act_saying(page_errors, T::Deleted, async move |s, ctx| ops::delete_outcome(s, ctx, &o).await, |_| ())
        };
        let name = |o: &Record<Outcome>| o.data.title.clone();
        sheet_rows(s.rows, items, usize::MAX, "outcome-row", name, edit, delete)
    };
    // The headings are the workbook's, so screen, paper and file say the same.
    let heads = move || {
        let lang = st.lang.get();
        let heads = outcome_sheet("", "", &[], &|_, _| None, lang, today()).headers;
        let heads = heads.into_iter().map(|h| view! { <th>{h}</th> }).collect_view();
        view! { {heads}<th class="no-print">{tr(T::Actions)}</th> }
    };
    let scoped = move || {
        filter.rounds.get().map(|r| {
            let words = fill(st.t(T::OutcomeScoped), &[("n", &r.len())]);
            view! { <label class="check"><input type="checkbox" checked on:change=move |_| filter.rounds.set(None)/>{words}</label> }
        })
    };
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <OutcomeForm base=None on_close=close/> }.into_any(),
            Panel::Edit(o) => view! { <OutcomeForm base=Some(*o) on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::OutcomesTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-outcome" on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewOutcome)}</button>
                <button type="button" class="secondary no-print" data-testid="export-outcomes" on:click=export>{tr(T::ExportXlsx)}</button>
                <PrintButton printing=printing/>
            </div>
            <FormErrors errors=page_errors/>
            <div class="filters no-print">
                <label class="field filter">
                    <span class="label">{tr(T::Search)}</span>
                    <input type="search" data-testid="filter-text" bind:value=filter.text/>
                </label>
                <RecordSelect label=T::ColRound options=rounds value=filter.round field="round" empty=T::All errors=None/>
                <EnumFilter label=T::FieldOutcomeKind options=&OutcomeKind::ALL value=filter.kind field="kind"/>
                {scoped}
            </div>
            <ListCount shown=count total=total/>
            <Show when=move || total.get() == 0>
                <p class="empty" data-testid="no-outcomes">{tr(T::NoOutcomes)}</p>
            </Show>
            <table class="list" data-testid="outcomes-table">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager page=page pages=pages shown=count/>
        </ListPage>
    }
}

#[component]
fn OutcomeForm(base: Option<Record<Outcome>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditOutcome } else { T::NewOutcome };
    let first_round = st.outcome_filter.round.get_untracked();
    let draft = base
        .as_ref()
        .map(|b| b.data.clone())
        .unwrap_or_else(|| Outcome::new(first_round.unwrap_or(Id::nil()), OutcomeKind::Rule));
    let round = RwSignal::new((!draft.round.is_nil()).then_some(draft.round));
    let target = RwSignal::new(draft.target);
    let problem = RwSignal::new(draft.problem);
    let clue = RwSignal::new(draft.clue);
    let kind = RwSignal::new(draft.kind);
    let matter = RwSignal::new(draft.title.clone());
    let day = RwSignal::new(day_text(draft.day));
    let count = RwSignal::new(draft.count.to_string());
    let sanction = RwSignal::new(draft.sanction);
    let amount = RwSignal::new(draft.amount.map(|a| a.to_string()).unwrap_or_default());
    let notes = RwSignal::new(draft.notes.clone());
    let errors = RwSignal::new(None);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(|d| inspected_targets(d, round.get(), st.lang.get())));
    // The problems and clues of the round and unit chosen, by their words.
    let of_place = move |problems: bool| {
        let (r, t) = (round.get(), target.get());
        st.data.with(|d| {
            let fits = |round: Id, unit: Id| Some(round) == r && t.is_none_or(|t| t == unit);
            if problems {
                let found = d.problems.iter().filter(|p| p.is_live() && fits(p.data.round, p.data.target));
                found.map(|p| (p.meta.id, p.data.description.chars().take(40).collect())).collect::<Vec<(Id, String)>>()
            } else {
                let found = d.clues.iter().filter(|c| c.is_live() && fits(c.data.round, c.data.target));
                found.map(|c| (c.meta.id, c.data.summary.chars().take(40).collect())).collect()
            }
        })
    };
    let problems = Signal::derive(move || of_place(true));
    let clues = Signal::derive(move || of_place(false));
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let amount_text = amount.get_untracked();
        let data = Outcome {
            round: round.get_untracked().unwrap_or(Id::nil()),
            target: target.get_untracked(),
            problem: problem.get_untracked(),
            clue: clue.get_untracked(),
            kind: kind.get_untracked(),
            title: matter.get_untracked(),
            day: parse_day(&day.get_untracked(), "day", &mut bad),
            count: parse_count(&count.get_untracked(), "count", &mut bad),
            sanction: sanction.get_untracked().filter(|_| kind.get_untracked() == OutcomeKind::Accountability),
            amount: (!amount_text.trim().is_empty()).then(|| parse_count(&amount_text, "amount", &mut bad)),
            notes: notes.get_untracked(),
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_outcome(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="outcome-form">
            <form on:submit=save>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <SectionSelect label=T::ColTarget sections=targets value=target field="target" empty=T::None errors=Some(errors)/>
                <EnumSelect label=T::FieldOutcomeKind options=&OutcomeKind::ALL value=kind field="kind"/>
                <Input label=T::FieldOutcomeTitle value=matter field="title" errors=errors hint=T::OutcomeTitleHint/>
                <Input label=T::FieldOutcomeDay value=day field="day" errors=errors kind="date"/>
                <Input label=T::FieldOutcomeCount value=count field="count" errors=errors kind="number"/>
                <Show when=move || kind.get() == OutcomeKind::Accountability>
                    <OptionalEnumSelect label=T::FieldSanction options=&Sanction::ALL value=sanction field="sanction" empty=T::None/>
                </Show>
                <Show when=move || kind.get() == OutcomeKind::Recovery || !amount.get().is_empty()>
                    <Input label=T::FieldAmount value=amount field="amount" errors=errors kind="number"/>
                </Show>
                <RecordSelect label=T::KindProblem options=problems value=problem field="problem" empty=T::None errors=Some(errors)/>
                <RecordSelect label=T::KindClue options=clues value=clue field="clue" empty=T::None errors=Some(errors)/>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
