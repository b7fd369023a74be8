//! 问题线索: the clue form — persons involved, transfer, disposal and closing.

use crate::ui::state::state;
use crate::ui::widgets::{
    day_text, inspected_targets, parse_count, parse_day, round_options, EnumSelect, FormButtons, Input,
    OptionalEnumSelect, RecordSelect, SectionSelect, SidePanel, TextArea,
};
use leptos::prelude::*;
use xuncha_core::clue::{Clue, Disposal, Recipient};
use xuncha_core::i18n::T;
use xuncha_core::id::Id;
use xuncha_core::ops::{self, OpError};
use xuncha_core::record::Record;
use xuncha_core::validation::Invalid;

#[component]
pub fn ClueForm(base: Option<Record<Clue>>, on_close: Callback<()>) -> impl IntoView {
    let st = state();
    let title = if base.is_some() { T::EditClue } else { T::NewClue };
    let filter = st.ledger_filter;
    let d = base.as_ref().map(|b| b.data.clone());
    let round = RwSignal::new(d.as_ref().map(|d| d.round).or_else(|| filter.round.get_untracked()));
    let target = RwSignal::new(d.as_ref().map(|d| d.target).or_else(|| filter.target.get_untracked()));
    let text = |f: fn(&Clue) -> String| RwSignal::new(d.as_ref().map(f).unwrap_or_default());
    let summary = text(|c| c.summary.clone());
    let cadres = text(|c| c.cadres.to_string());
    let others = text(|c| c.others.to_string());
    let names = text(|c| c.names.clone());
    let recipient_other = text(|c| c.recipient_other.clone());
    let transferred_on = text(|c| day_text(c.transferred_on));
    let result = text(|c| c.result.clone());
    let closed_on = text(|c| day_text(c.closed_on));
    let recipient = RwSignal::new(d.as_ref().map(|c| c.recipient).unwrap_or(Recipient::DisciplineCommission));
    let disposal = RwSignal::new(d.as_ref().and_then(|c| c.disposal));
    let errors = RwSignal::new(None);
    let rounds = Signal::derive(move || st.data.with(|d| round_options(d, st.lang.get())));
    let targets = Signal::derive(move || st.data.with(|d| inspected_targets(d, round.get(), st.lang.get())));
    let meta = base.map(|b| b.meta);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = Vec::new();
        let data = Clue {
            round: round.get_untracked().unwrap_or(Id::nil()),
            target: target.get_untracked().unwrap_or(Id::nil()),
            summary: summary.get_untracked(),
            cadres: parse_count(&cadres.get_untracked(), "cadres", &mut bad),
            others: parse_count(&others.get_untracked(), "others", &mut bad),
            names: names.get_untracked(),
            recipient: recipient.get_untracked(),
            recipient_other: recipient_other.get_untracked(),
            transferred_on: parse_day(&transferred_on.get_untracked(), "transferred_on", &mut bad),
            disposal: disposal.get_untracked(),
            result: result.get_untracked(),
            closed_on: parse_day(&closed_on.get_untracked(), "closed_on", &mut bad),
        };
        // Every empty required field is named at once, before any other check.
        let missing = Invalid::only_missing(
            st.data.with_untracked(|d| data.validate(&d.rounds, &d.inspections)).err().unwrap_or_default(),
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
            async move |s, ctx| ops::save_clue(s, ctx, meta.as_ref(), data).await,
            move |_| on_close.run(()),
        );
    };
    view! {
        <SidePanel title=title testid="clue-form">
            <form on:submit=save>
                <RecordSelect label=T::ColRound options=rounds value=round field="round" empty=T::None errors=Some(errors)/>
                <SectionSelect label=T::ColTarget sections=targets value=target field="target" empty=T::None errors=Some(errors)/>
                <TextArea label=T::ColSummary value=summary field="summary" rows=3 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <Input label=T::ColCadres value=cadres field="cadres" errors=errors kind="number"/>
                <Input label=T::ColOthers value=others field="others" errors=errors kind="number"/>
                <Input label=T::ColNames value=names field="names" errors=errors hint=T::SensitiveHint/>
                <EnumSelect label=T::ColRecipient options=&Recipient::ALL value=recipient field="recipient"/>
                <Show when=move || recipient.get() == Recipient::Other>
                    <Input label=T::FieldRecipientOther value=recipient_other field="recipient_other" errors=errors/>
                </Show>
                <Input label=T::ColTransferredOn value=transferred_on field="transferred_on" errors=errors kind="date"/>
                <OptionalEnumSelect label=T::ColDisposal options=&Disposal::ALL value=disposal field="disposal" empty=T::NotYet/>
                <TextArea label=T::ColResult value=result field="result" rows=2 max=xuncha_core::validation::MAX_TEXT_CHARS errors=errors/>
                <Input label=T::ColClosedOn value=closed_on field="closed_on" errors=errors kind="date"/>
                <FormButtons errors=errors on_close=on_close/>
            </form>
        </SidePanel>
    }
}
