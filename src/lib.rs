//! xuncha in the browser: an IndexedDB store and Leptos components over `xuncha-core`.

pub mod platform;
pub mod store;
mod ui;

/// Installs the panic panel and mounts the app on `<body>`.
pub fn start() {
    platform::install_panic_hook();
    leptos::mount::mount_to_body(ui::App);
}
