//! 现场填写: kiosk mode, where the whole window is one anonymous form until the
//! PIN chosen at its start is typed.

use super::response::{FormHead, ResponseForm};
use crate::platform;
use crate::ui::state::state;
use crate::ui::widgets::{today, tr};
use leptos::prelude::*;
use xuncha_core::i18n::{fill, T};
use xuncha_core::kiosk::{KioskSession, KIOSK_KEY};
use xuncha_core::ops::{self, OpError};
use xuncha_core::response::{Answer, Channel, Response};
use xuncha_core::route::Route;
use xuncha_core::store::Store;

/// 现场填写: the whole window is one anonymous form, handed from person to person.
/// Nothing else of the app is reachable until the PIN set at the start is typed.
#[component]
pub fn KioskScreen(session: KioskSession) -> impl IntoView {
    let st = state();
    let q = st.data.with_untracked(|d| d.questionnaires.iter().find(|q| q.meta.id == session.questionnaire).cloned());
    let clear = RwSignal::new(0u32);
    let thanks = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let errors = RwSignal::new(None::<OpError>);
    let target = session.target;
    let Some(q) = q else {
        // The questionnaire is gone (deleted in another tab): the session cannot go on.
        return view! { <KioskExit session=session always_open=true/> }.into_any();
    };
    let qid = q.meta.id;
    let submit = Callback::new(move |answers: Vec<Answer>| {
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let data = Response { questionnaire: qid, target, day: today(), channel: Channel::Kiosk, answers };
        leptos::task::spawn_local(async move {
            match st.write(async move |s, ctx| ops::save_response(s, ctx, data).await).await {
                Some(Ok(_)) => {
                    errors.set(None);
                    clear.update(|n| *n += 1);
                    thanks.set(true);
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
                // The answers stay in the form, so nothing is lost; the message says why.
                Some(Err(e)) => errors.set(Some(e)),
                None => {}
            }
            saving.set(false);
        });
    });
    let target_name =
        target.and_then(|t| st.data.with_untracked(|d| d.target(t).map(|t| t.data.name.clone()))).unwrap_or_default();
    let data = q.data.clone();
    view! {
        <div class="kiosk" data-testid="kiosk">
            <FormHead q=data.clone()/>
            {(!target_name.is_empty()).then(|| view! { <p class="kiosk-target">{move || fill(st.t(T::KioskAbout), &[("name", &target_name)])}</p> })}
            <Show when=move || thanks.get()>
                <div class="kiosk-thanks" role="status" data-testid="kiosk-thanks">
                    <p>{tr(T::KioskThanks)}</p>
                    <button type="button" data-testid="next-respondent" on:click=move |_| thanks.set(false)>{tr(T::KioskNext)}</button>
                </div>
            </Show>
            <div class:hidden=move || thanks.get()>
                <ResponseForm q=data submit_label=T::KioskSubmit on_submit=submit clear=clear/>
                {move || errors.get().map(|e| view! { <p class="form-errors" role="alert">{e.messages(st.lang.get()).join(" ")}</p> })}
            </div>
            <KioskExit session=session always_open=false/>
        </div>
    }
    .into_any()
}

/// The small way out of kiosk mode: it asks for the PIN.
#[component]
fn KioskExit(session: KioskSession, always_open: bool) -> impl IntoView {
    let st = state();
    let open = RwSignal::new(always_open);
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let questionnaire = session.questionnaire;
    let session = StoredValue::new(session);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !session.with_value(|s| s.unlocks(&pin.get_untracked())) {
            wrong.set(true);
            pin.set(String::new());
            return;
        }
        let Some(store) = st.store() else { return };
        leptos::task::spawn_local(async move {
            match store.put_setting(KIOSK_KEY, &None::<KioskSession>).await {
                Ok(()) => {
                    st.kiosk.set(None);
                    st.go(Route::Questionnaire(questionnaire));
                }
                Err(e) => st.notify(e.message().text(st.lang.get_untracked()), true),
            }
        });
    };
    view! {
        <div class="kiosk-exit no-print">
            <Show
                when=move || open.get()
                fallback=move || view! { <button type="button" class="link" data-testid="kiosk-exit" on:click=move |_| open.set(true)>{tr(T::KioskLeave)}</button> }
            >
                <form class="toolbar" on:submit=unlock>
                    <label class="field inline">
                        <span class="label">{tr(T::KioskPin)}</span>
                        <input type="password" inputmode="numeric" autocomplete="off" data-testid="kiosk-pin" bind:value=pin/>
                    </label>
                    <button type="submit" data-testid="kiosk-unlock">{tr(T::KioskUnlock)}</button>
                    <Show when=move || wrong.get()><span class="error-text" role="alert" data-testid="kiosk-wrong-pin">{tr(T::ErrPinWrong)}</span></Show>
                </form>
            </Show>
        </div>
    }
}

/// Starts kiosk mode for `q` once the PIN is typed twice alike. Takes the state
/// because it runs in an event handler, outside the component tree.
pub fn start_kiosk(
    st: crate::ui::state::AppState,
    q: xuncha_core::Id,
    target: Option<xuncha_core::Id>,
    pin: &str,
    again: &str,
) -> Result<(), T> {
    xuncha_core::kiosk::check_pin(pin, again)?;
    let salt = platform::random_bytes::<16>().map_err(|_| T::ErrBackend)?;
    let session = KioskSession::start(q, target, pin, salt);
    let Some(store) = st.store() else { return Err(T::ErrBackend) };
    leptos::task::spawn_local(async move {
        match store.put_setting(KIOSK_KEY, &Some(&session)).await {
            Ok(()) => st.kiosk.set(Some(session)),
            Err(e) => st.notify(e.message().text(st.lang.get_untracked()), true),
        }
    });
    Ok(())
}
