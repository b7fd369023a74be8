//! Leptos components.
#[leptos::component]
pub fn App() -> impl leptos::IntoView {}
