//! Leptos components.
use leptos::prelude::*;
#[component]
pub fn App() -> impl IntoView { view! { <h1>"巡察台账"</h1> } }
