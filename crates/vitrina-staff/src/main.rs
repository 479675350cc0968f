//! The staff page of issue 14: spreadsheets in, a checked `directory.json` out, in the browser.
//!
//! One wasm serves the page and its parsing worker: on a page, `main` mounts the interface; in
//! the worker (no window) it returns, and `staff-worker.js` calls
//! `adapters::worker::staff_worker_handle`.

mod adapters;
mod app;
mod i18n;
mod protocol;
mod reading;

fn main() {
    if !adapters::page::has_window() {
        return;
    }
    leptos::mount::mount_to_body(app::StaffPage);
}
