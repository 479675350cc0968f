//! The root component: provides the shared state, loads the directory, picks the page.

use leptos::prelude::*;
use vitrina_core::{Lang, Route};

use crate::adapters::{hash_location, page, preferences};
use crate::components::load_error::LoadErrorScreen;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::i18n::ui;
use crate::pages::directory::{DirectoryPage, LIST_PAGE_SIZE};
use crate::pages::member::MemberPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::problems::ProblemsPage;
use crate::state::{CurrentRoute, DirectoryState, ListLength, LoadState, UiLang};

/// The language to start in: the visitor's earlier choice, else their browser's, else Spanish.
fn initial_language() -> Lang {
    preferences::stored_language().unwrap_or_else(|| {
        let browser = page::browser_languages();
        Lang::negotiate(browser.iter().map(String::as_str))
    })
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_language());
    let route = RwSignal::new(hash_location::current_route());
    let directory = DirectoryState(RwSignal::new(LoadState::Loading));
    provide_context(UiLang(lang));
    provide_context(CurrentRoute(route));
    provide_context(directory);
    provide_context(ListLength(RwSignal::new(LIST_PAGE_SIZE)));

    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(hash_location::current_route());
    });
    on_cleanup(move || hash_listener.remove());

    Effect::new(move |_| page::set_document_language(lang.get()));
    Effect::new(move |_| page::set_title(&document_title(directory, route.get(), lang.get())));
    // A new page starts at its top; returning to the list is handled by the list itself.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|previous| previous != current) && !matches!(current, Route::Directory { .. }) {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        current
    });

    directory.load();

    let current_page = move || match directory.0.get() {
        LoadState::Loading => {
            view! { <p class="loading" role="status">{move || ui(lang.get()).loading}</p> }.into_any()
        }
        LoadState::Failed(failure) => view! { <LoadErrorScreen failure=failure /> }.into_any(),
        LoadState::Ready(loaded) => match route.get() {
            Route::Directory { .. } => view! { <DirectoryPage loaded=loaded /> }.into_any(),
            Route::Member { id } => view! { <MemberPage loaded=loaded id=id /> }.into_any(),
            Route::Problems => view! { <ProblemsPage loaded=loaded /> }.into_any(),
            Route::Events | Route::Event { .. } | Route::Unknown { .. } => view! { <NotFoundPage /> }.into_any(),
        },
    };

    view! {
        <SiteHeader />
        <main id="main" tabindex="-1">
            {current_page}
        </main>
        <SiteFooter />
    }
}

fn document_title(directory: DirectoryState, route: Route, lang: Lang) -> String {
    let Some(loaded) = directory.loaded() else {
        return "Vitrina".to_owned();
    };
    let cluster = &loaded.directory.cluster.name;
    match route {
        Route::Member { id } => match loaded.directory.member(&id) {
            Some(member) => format!("{} · {cluster}", member.name),
            None => format!("{} · {cluster}", ui(lang).not_found_title),
        },
        Route::Problems => format!("{} · {cluster}", ui(lang).data_problems),
        Route::Events | Route::Event { .. } | Route::Unknown { .. } => {
            format!("{} · {cluster}", ui(lang).not_found_title)
        }
        Route::Directory { .. } => format!("{cluster} · Vitrina"),
    }
}
