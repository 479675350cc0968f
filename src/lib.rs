//! Vitrina, the app: Leptos components over the pure core in `vitrina-core`.
//!
//! Components only render and wire signals; everything that decides something
//! lives in the core, and everything that touches a browser API lives in `adapters`.

pub mod adapters;
pub mod app;
pub mod components;
pub mod follow_up;
pub mod i18n;
pub mod pages;
pub mod split;
pub mod state;

pub use app::App;
