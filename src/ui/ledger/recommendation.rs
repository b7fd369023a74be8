//! 巡察建议书: the letter form, with the problems of its round to tick.

use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, parse_day, round_options, tr, FormButtons, Input, RecordSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use std::collections::BTreeSet;
use xuncha_core::i18n::T;
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::recommendation::Recommendation;
use xuncha_core::record::Record;
use xuncha_core::validation::Invalid;

#[component]
pub fn LetterForm(base: Option<Record<Recommendation>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditLetter } else { T::NewLetter };
    let d = base.as_ref().map(|b| b.data.clone());
    let round = RwSignal::new(d.as_ref().map(|d| d.round).or_else(|| st.ledger_filter.round.get_untracked()));
    let text = |f: fn(&Recommendation) -> String| RwSignal::new(d.as_ref().map(f).unwrap_or_default());
    let addressee = text(|l| l.addressee.clone());
    let sector = text(|l| l.sector.clone());
    let sent_on = text(|l| day_text(l.sent_on));
    let response = text(|l| l.response.clone());
    let responded_on = text(|l| day_text(l.responded_on));
    let chosen: RwSignal<BTreeSet<Id>> =
        RwSignal::new(d.as_ref().map(|l| l.problems.iter().copied().collect()).unwrap_or_default());
    let only_common = RwSignal::new(true);
    let errors = RwSignal::new(None);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let choices = move || {
        let r = round.get();
        let common = only_common.get();
        st.data.with(|d| {
            d.problems
                .iter()
                .filter(|p| Some(p.data.round) == r)
                .filter(|p| {
                    !common
                        || p.data.scope == xuncha_core::problem::Scope::Common
                        || chosen.with_untracked(|c| c.contains(&p.meta.id))
                })
                .map(|p| {
                    let id = p.meta.id;
                    let target = d.target(p.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
                    let checked = move || chosen.with(|c| c.contains(&id));
                    let toggle = move |_| {
                        chosen.update(|c| {
                            if !c.remove(&id) {
                                c.insert(id);
                            }
                        })
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="letter-problem" prop:checked=checked on:change=toggle/>
                            <span>{format!("{target}：{}", p.data.description)}</span>
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let data = Recommendation {
            round: round.get_untracked().unwrap_or(Id::nil()),
            addressee: addressee.get_untracked(),
            sector: sector.get_untracked(),
            problems: chosen.get_untracked().into_iter().collect(),
            sent_on: parse_day(&sent_on.get_untracked(), "sent_on", &mut bad),
            response: response.get_untracked(),
            responded_on: parse_day(&responded_on.get_untracked(), "responded_on", &mut bad),
        };
        // Every empty required field is named at once, before any other check.
        let missing = Invalid::only_missing(
            st.data.with_untracked(|d| data.validate(&d.rounds, &d.problems)).err().unwrap_or_default(),
        );
        if !missing.is_empty() {
            return errors.set(Some(OpError::Invalid(missing)));
        }
        if !bad.is_empty() {
            return errors.set(Some(OpError::Invalid(bad)));
        }
        let meta = meta.clone();
        st.act(
            errors,
            async move |s, ctx| ops::save_recommendation(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="letter-form">
            <form on:submit=save>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <Input label=T::ColAddressee value=addressee field="addressee" errors=errors/>
                <Input label=T::ColSector value=sector field="sector" errors=errors/>
                <fieldset>
                    <legend>{tr(T::LetterProblems)}</legend>
                    <label class="check">
                        <input type="checkbox" bind:checked=only_common/>
                        <span>{tr(T::OnlyCommonProblems)}</span>
                    </label>
                    <div class="checklist single">{choices}</div>
                </fieldset>
                <Input label=T::ColSentOn value=sent_on field="sent_on" errors=errors kind="date"/>
                <TextArea label=T::ColResponse value=response field="response" rows=2 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <Input label=T::ColRespondedOn value=responded_on field="responded_on" errors=errors kind="date"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
