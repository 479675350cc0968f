//! The staff page of issue 14: spreadsheets in, a checked `directory.json` out, in the browser.
//!
//! One wasm serves the page and its parsing worker: on a page, `main` mounts the interface; in
//! the worker (no window) it returns, and `staff-worker.js` calls [`staff_worker_handle`].

mod adapters;
mod app;
mod i18n;
mod protocol;
mod reading;

use wasm_bindgen::prelude::wasm_bindgen;

/// The worker's entry: a request frame in, a reply's bytes out (see `protocol`).
#[wasm_bindgen]
pub fn staff_worker_handle(frame: &[u8]) -> Vec<u8> {
    reading::handle_frame(frame)
}

fn main() {
    if !adapters::page::has_window() {
        return;
    }
    leptos::mount::mount_to_body(app::StaffPage);
}
