//! The header: cluster name (home link) and language switch.

use leptos::prelude::*;

use crate::adapters::page;
use crate::components::language_switch::LanguageSwitch;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::{DirectoryState, Navigation, Today, UiLang};
use vitrina_core::fair::events_running;
use vitrina_core::{Route, APP_NAME};

/// The top bar on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let directory = expect_context::<DirectoryState>();
    let route = expect_context::<Navigation>().route();
    let on_directory = move || {
        route
            .with(|route| matches!(route, Route::Directory { .. } | Route::Member { .. } | Route::MemberCard { .. }))
            .then_some("page")
    };
    let follow_up = expect_context::<FollowUp>();
    let today = expect_context::<Today>();
    let overdue = move || {
        let today = today.get();
        follow_up.list().with(|list| list.overdue_count(today) + list.due_today_count(today))
    };
    let on_follow_up = move || route.with(|route| matches!(route, Route::FollowUp)).then_some("page");
    let on_events = move || route.with(|route| matches!(route, Route::Events | Route::Event { .. })).then_some("page");
    let on_fair = move || route.with(|route| matches!(route, Route::Fair { .. })).then_some("page");
    // Fair-day mode is one tap away only while an event of the directory runs today.
    let fair_today =
        move || directory.loaded().is_some_and(|catalog| !events_running(&catalog.directory, today.get()).is_empty());
    let cluster_name = move || {
        directory
            .loaded()
            .map(|loaded| loaded.directory.cluster.display_name().to_owned())
            .unwrap_or_else(|| APP_NAME.to_owned())
    };
    let skip_to_content = move |event: leptos::ev::MouseEvent| {
        // A plain "#main" link would be read as a route, so move focus by hand.
        event.prevent_default();
        page::focus_main();
    };
    view! {
        // Inside the banner landmark, so that no content lives outside a landmark.
        <header class="site-header">
            <a class="skip-link" href="#/" on:click=skip_to_content>
                {move || ui(lang.get()).skip_to_content}
            </a>
            <a class="brand" href="#/">
                {cluster_name}
            </a>
            <nav class="main-nav" aria-label=move || ui(lang.get()).main_navigation>
                <a href="#/" aria-current=on_directory>
                    {move || ui(lang.get()).nav_directory}
                </a>
                <a href="#/events" aria-current=on_events>
                    {move || ui(lang.get()).nav_events}
                </a>
                <Show when=fair_today>
                    <a href="#/fair" class="nav-fair" aria-current=on_fair>
                        {move || ui(lang.get()).nav_fair}
                    </a>
                </Show>
                <a href="#/follow-up" aria-current=on_follow_up>
                    {move || ui(lang.get()).nav_follow_up}
                    {move || {
                        let n = overdue();
                        (n > 0).then(|| view! {
                            <span class="badge">
                                {n}
                                <span class="visually-hidden">{format!(" {}", ui(lang.get()).overdue_in_nav)}</span>
                            </span>
                        })
                    }}
                </a>
            </nav>
            <LanguageSwitch />
        </header>
    }
}
