//! 巡察人才库: the pool's list with its figures, filters, workbook and print, the
//! person form with the groups each person served in, and the 回避 span.

use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, download_workbook, page_of, pages_for, parse_day, sheet_rows, today, tr, Check, EnumFilter, EnumSelect,
    FormButtons, Input, ListCount, ListPage, OptionalEnumSelect, Pager, PrintButton, RecordSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::person::{former_units_text, parse_former_units, Person, PoolKind, Rank, Specialty};
use xuncha_core::pool::{person_sheet, service, PersonFilter, Pool, PoolFigures};
use xuncha_core::record::Record;
use xuncha_core::route::Route;
use xuncha_core::validation::Invalid;

/// The list's filters, kept while the user moves between pages and set by a
/// figure of the statistics page.
#[derive(Clone, Copy, Debug, Default)]
pub struct PeopleFilter {
    pub text: RwSignal<String>,
    pub pool: RwSignal<Option<PoolKind>>,
    pub full_time: RwSignal<bool>,
    pub cadres: RwSignal<bool>,
    pub on: RwSignal<Option<Day>>,
    pub all: RwSignal<bool>,
}

impl PeopleFilter {
    pub fn value(&self) -> PersonFilter {
        PersonFilter {
            text: self.text.get(),
            pool: self.pool.get(),
            full_time: self.full_time.get(),
            cadres: self.cadres.get(),
            on: self.on.get(),
            all: self.all.get(),
        }
    }

    pub fn set(&self, f: &PersonFilter) {
        self.text.set(f.text.clone());
        self.pool.set(f.pool);
        self.full_time.set(f.full_time);
        self.cadres.set(f.cadres);
        self.on.set(f.on);
        self.all.set(f.all);
    }
}

/// The filter in words, for the workbook's and the print's subtitle.
fn filter_words(f: &PersonFilter, lang: xuncha_core::i18n::Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = f.pool {
        parts.push(p.label().text(lang).to_owned());
    }
    for (on, key) in [(f.full_time, T::FieldFullTime), (f.cadres, T::FigPoolCadres), (f.all, T::ShowLeftPersons)] {
        if on {
            parts.push(key.text(lang).to_owned());
        }
    }
    if let Some(d) = f.on {
        parts.push(fill(T::PoolOnDay.text(lang), &[("day", &d)]));
    }
    crate::ui::widgets::filter_words(parts, &f.text, lang)
}

#[derive(Clone, Debug, PartialEq)]
enum Panel {
    New,
    Edit(Box<Record<Person>>),
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let st = state();
    let panel = RwSignal::new(None::<Panel>);
    let page_errors = RwSignal::new(None);
    let filter = st.people_filter;
    let today = today();
    let shown = Memo::new(move |_| {
        let f = filter.value();
        st.data.with(|d| {
            let mut rows: Vec<Record<Person>> =
                d.persons.iter().filter(|p| f.matches(p, &d.targets, today)).cloned().collect();
            xuncha_core::collate::sort_by_text(&mut rows, &platform::ZhCollator, |p| p.data.name.clone());
            rows
        })
    });
    let figures = move || st.data.with(|d| PoolFigures::count(&d.persons, today).sentence(st.lang.get()));
    let total = Signal::derive(move || st.data.with(|d| d.persons.iter().filter(|p| p.is_live()).count()));
    let count = Signal::derive(move || shown.with(Vec::len));
    let page = RwSignal::new(0usize);
    let printing = RwSignal::new(false);
    let pages = Signal::derive(move || pages_for(count.get()));
    Effect::watch(move || filter.value(), move |_, _, _| page.set(0), false);
    let sheet = move |all_rows: bool| {
        let lang = st.lang.get();
        let office = st.office.get().map(|o| o.name).unwrap_or_default();
        shown.with(|rows| {
            let rows = if all_rows { rows.as_slice() } else { page_of(rows, page.get(), printing.get()) };
            let refs: Vec<&Record<Person>> = rows.iter().collect();
            st.data.with(|d| {
                let pool = Pool { persons: &d.persons, targets: &d.targets };
                let words = filter_words(&filter.value(), lang);
                (
                    person_sheet(&office, &words, &refs, pool, &d.groups, lang, today),
                    refs.iter().map(|p| (*p).clone()).collect::<Vec<_>>(),
                )
            })
        })
    };
    let export = move |_| {
        let (s, _) = untrack(|| sheet(true));
        let name = format!("{}-{today}.xlsx", s.title.replace(' ', "-"));
        download_workbook(st, &[s], &name);
    };
    let rows = move || {
        let (s, people) = sheet(false);
        let edit = move |p: Record<Person>| panel.set(Some(Panel::Edit(Box::new(p))));
        let delete = move |p: Record<Person>| {
            st.act_saying(page_errors, T::Deleted, async move |s, ctx| ops::delete_person(s, ctx, &p).await, |_| ())
        };
        let name = |p: &Record<Person>| p.data.name.clone();
        // The former units and notes only in the workbook and on paper: too long for the screen.
        sheet_rows(s.rows, people, 10, "person-row", name, edit, delete)
    };
    // The headings are the workbook's, so screen, paper and file say the same.
    let heads = move || {
        let lang = st.lang.get();
        let s = person_sheet("", "", &[], Pool { persons: &[], targets: &[] }, &[], lang, today);
        let heads: Vec<String> = s.headers.into_iter().take(10).collect();
        let heads = heads.into_iter().map(|h| view! { <th>{h}</th> }).collect_view();
        view! { {heads}<th class="no-print">{tr(T::Actions)}</th> }
    };
    let on_day = move || filter.on.get().map(|d| fill(st.t(T::PoolOnDay), &[("day", &d)]));
    view! {
        <ListPage panel=panel form=|p, close| match p {
            Panel::New => view! { <PersonForm base=None on_close=close/> }.into_any(),
            Panel::Edit(p) => view! { <PersonForm base=Some(*p) on_close=close/> }.into_any(),
        }>
            <div class="toolbar">
                <h1>{tr(T::PeopleTitle)}</h1>
                <button type="button" class="no-print" data-testid="new-person" on:click=move |_| panel.set(Some(Panel::New))>{tr(T::NewPerson)}</button>
                <button type="button" class="secondary no-print" data-testid="export-people" on:click=export>{tr(T::ExportXlsx)}</button>
                <PrintButton printing=printing/>
            </div>
            <p class="pool-figures" data-testid="pool-figures">{figures}</p>
            <crate::ui::widgets::FormErrors errors=page_errors/>
            <div class="filters no-print">
                <label class="field filter">
                    <span class="label">{tr(T::Search)}</span>
                    <input type="search" data-testid="filter-text" bind:value=filter.text/>
                </label>
                <EnumFilter label=T::FieldPools options=&PoolKind::ALL value=filter.pool field="pool"/>
                <Check label=T::FieldFullTime value=filter.full_time testid="filter-full-time"/>
                <Check label=T::FigPoolCadres value=filter.cadres testid="filter-cadres"/>
                <Check label=T::ShowLeftPersons value=filter.all testid="filter-all"/>
                {move || on_day().map(|words| view! {
                    <label class="check"><input type="checkbox" checked on:change=move |_| filter.on.set(None)/>{words}</label>
                })}
            </div>
            <ListCount shown=count total=total/>
            <Show when=move || total.get() == 0>
                <p class="empty" data-testid="no-persons">{tr(T::NoPersons)}</p>
            </Show>
            <table class="list" data-testid="people-table">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager page=page pages=pages shown=count/>
            <RecusalSpan/>
        </ListPage>
    }
}

/// The 回避 span this PC uses, kept in its settings.
#[component]
fn RecusalSpan() -> impl IntoView {
    let st = state();
    let years = RwSignal::new(String::new());
    let errors = RwSignal::new(None);
    if let Some(store) = st.store() {
        leptos::task::spawn_local(async move {
            if let Ok(n) = ops::recusal_years(store.as_ref()).await {
                years.set(n.to_string());
            }
        });
    }
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(n) = years.get_untracked().trim().parse::<u32>() else {
            return errors.set(Some(OpError::Invalid(vec![Invalid::missing("recusal_years", T::ErrRecusalYears)])));
        };
        st.act_saying(errors, T::Saved, async move |s, _| ops::set_recusal_years(s, n).await, |_| ());
    };
    view! {
        <form class="row-form no-print" on:submit=save>
            <Input label=T::RecusalYears value=years field="recusal_years" errors=errors kind="number"/>
            <button type="submit" class="secondary" data-testid="save-recusal-years">{tr(T::Save)}</button>
            <p class="hint">{tr(T::RecusalYearsHint)}</p>
            <crate::ui::widgets::FormErrors errors=errors/>
        </form>
    }
}

#[component]
fn PersonForm(base: Option<Record<Person>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditPerson } else { T::NewPerson };
    // A new person is in no pool until one is ticked: the choice is the clerk's.
    let draft =
        base.as_ref().map(|b| b.data.clone()).unwrap_or_else(|| Person { pools: Vec::new(), ..Person::new("") });
    let name = RwSignal::new(draft.name.clone());
    let unit = RwSignal::new(draft.unit);
    let unit_name = RwSignal::new(draft.unit_name.clone());
    let post = RwSignal::new(draft.post.clone());
    let rank = RwSignal::new(draft.rank);
    let pools = PoolKind::ALL.map(|k| (k, RwSignal::new(draft.in_pool(k))));
    let full_time = RwSignal::new(draft.full_time);
    let specialty = RwSignal::new(draft.specialty);
    let joined = RwSignal::new(day_text(draft.joined));
    let left = RwSignal::new(day_text(draft.left));
    let former = RwSignal::new(st.data.with_untracked(|d| former_units_text(&draft.former_units, &d.targets)));
    let notes = RwSignal::new(draft.notes.clone());
    let errors = RwSignal::new(None);
    let targets = Signal::derive(move || {
        st.data.with(|d| {
            let mut out: Vec<(Id, String)> =
                d.targets.iter().filter(|t| t.is_live()).map(|t| (t.meta.id, t.data.name.clone())).collect();
            xuncha_core::collate::sort_by_text(&mut out, &platform::ZhCollator, |o| o.1.clone());
            out
        })
    });
    let id = base.as_ref().map(|b| b.meta.id);
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let former_units = st.data.with_untracked(|d| parse_former_units(&former.get_untracked(), &d.targets));
        let former_units = former_units.unwrap_or_else(|msg| {
            bad.push(Invalid { field: "former_units", msg, missing: false });
            Vec::new()
        });
        let data = Person {
            name: name.get_untracked(),
            unit: unit.get_untracked(),
            unit_name: unit_name.get_untracked(),
            post: post.get_untracked(),
            rank: rank.get_untracked(),
            pools: pools.iter().filter(|(_, on)| on.get_untracked()).map(|(k, _)| *k).collect(),
            full_time: full_time.get_untracked(),
            specialty: specialty.get_untracked(),
            joined: parse_day(&joined.get_untracked(), "joined", &mut bad),
            left: parse_day(&left.get_untracked(), "left", &mut bad),
            former_units,
            notes: notes.get_untracked(),
        };
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_person(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    let pool_checks = pools
        .map(|(k, on)| {
            view! {
                <label class="check"><input type="checkbox" data-testid=format!("pool-{k:?}") bind:checked=on/>{move || st.t(k.label())}</label>
            }
        })
        .to_vec();
    view! {
        <SidePanel title=title testid="person-form">
            <form on:submit=save>
                <Input label=T::FieldPersonName value=name field="name" errors=errors autofocus=true/>
                <RecordSelect label=T::FieldUnit options=targets value=unit field="unit" empty=T::UnitNotListed errors=Some(errors)/>
                <Show when=move || unit.get().is_none()>
                    <Input label=T::FieldUnitName value=unit_name field="unit_name" errors=errors/>
                </Show>
                <Input label=T::FieldPost value=post field="post" errors=errors/>
                <EnumSelect label=T::FieldRank options=&Rank::ALL value=rank field="rank"/>
                <fieldset class="field" data-testid="field-pools">
                    <legend class="label">{tr(T::FieldPools)}</legend>
                    {pool_checks}
                </fieldset>
                <Check label=T::FieldFullTime value=full_time testid="field-full_time"/>
                <OptionalEnumSelect label=T::FieldSpecialty options=&Specialty::ALL value=specialty field="specialty" empty=T::None/>
                <Input label=T::FieldJoined value=joined field="joined" errors=errors kind="date"/>
                <Input label=T::FieldLeft value=left field="left" errors=errors kind="date"/>
                <TextArea label=T::FieldFormerUnits value=former field="former_units" rows=3/>
                <p class="hint">{tr(T::FormerUnitsHint)}</p>
                <TextArea label=T::FieldNotes value=notes field="notes"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
            {id.map(|id| view! { <Service id=id/> })}
        </SidePanel>
    }
}

/// The groups a person served in: round, group, role and the units inspected.
#[component]
fn Service(id: Id) -> impl IntoView {
    let st = state();
    let items = move || {
        let lang = st.lang.get();
        st.data.with(|d| {
            let served = service(id, &d.groups, &d.inspections);
            if served.is_empty() {
                return view! { <p class="empty">{tr(T::NoService)}</p> }.into_any();
            }
            served
                .into_iter()
                .map(|s| {
                    let round = d.round(s.round).map(|r| d.round_title(r, lang)).unwrap_or_default();
                    let group =
                        d.groups.iter().find(|g| g.meta.id == s.group).map(|g| g.data.name.clone()).unwrap_or_default();
                    let names: Vec<String> =
                        s.targets.iter().filter_map(|t| d.target(*t)).map(|t| t.data.name.clone()).collect();
                    let line = format!("{round} · {group} · {} · {}", s.role.label().text(lang), names.join("、"));
                    view! { <li><a href=Route::Round(s.round).hash()>{line}</a></li> }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="service" data-testid="person-service">
            <h3>{tr(T::ServiceTitle)}</h3>
            <ul>{items}</ul>
        </section>
    }
}
