//! The app-wide state shared through context: plain data in signals, no logic.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use vitrina_core::{Lang, Loaded, Route};

use crate::adapters::directory_fetch::{fetch_directory, LoadFailure};
use crate::adapters::page;

/// The interface language the visitor sees.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The screen the URL fragment points at.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

/// Where loading the directory file stands.
#[derive(Clone, Debug)]
pub enum LoadState {
    /// The file is being fetched and read.
    Loading,
    /// The directory loaded, perhaps with problems listed for the staff.
    Ready(Arc<Loaded>),
    /// Nothing usable arrived; the error screen says why.
    Failed(LoadFailure),
}

/// The loaded directory, with the intent to (re)load it.
#[derive(Clone, Copy)]
pub struct DirectoryState(pub RwSignal<LoadState>);

impl DirectoryState {
    /// Fetches the configured directory file and publishes the outcome.
    pub fn load(self) {
        self.0.set(LoadState::Loading);
        spawn_local(async move {
            let url = page::directory_url();
            let outcome = match fetch_directory(&url).await {
                Ok(loaded) => LoadState::Ready(loaded),
                Err(failure) => LoadState::Failed(failure),
            };
            self.0.set(outcome);
        });
    }

    /// The loaded directory, if there is one (tracked).
    pub fn loaded(self) -> Option<Arc<Loaded>> {
        match self.0.get() {
            LoadState::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }
}

/// How many rows of the member list are rendered, kept across visits to profiles
/// so that Back returns to the same list.
#[derive(Clone, Copy)]
pub struct ListLength(pub RwSignal<usize>);
