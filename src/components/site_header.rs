//! The header: cluster name (home link), the main navigation and the language switch.
//!
//! One markup, two layouts (style/main.css, "Header and navigation"): on wide screens one
//! row; on phones, and wherever the text is large for the screen, the navigation is a
//! bar at the bottom with at most five places, the last one "Más", a panel with the
//! cluster's name, the language and whatever does not fit in the bar. Views to come
//! (matches, the capability map, opportunities, investment) go in that panel, or take a
//! place of the bar, so the bar never grows.

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
    let on_cluster = move || {
        route
            .with(|route| {
                matches!(
                    route,
                    Route::Cluster
                        | Route::MyCompany
                        | Route::Matches { .. }
                        | Route::Pairs
                        | Route::PrepareFair { .. }
                        | Route::CapabilityMap
                        | Route::Opportunities
                        | Route::Investment
                        | Route::ClusterMembers { .. }
                )
            })
            .then_some("page")
    };
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
    let close_more = move |_| page::hide_popover(MORE_PANEL_ID);
    view! {
        // Inside the banner landmark, so that no content lives outside a landmark.
        <header class="site-header">
            <a class="skip-link" href="#/" on:click=skip_to_content>
                {move || ui(lang.get()).skip_to_content}
            </a>
            <a class="brand" href="#/">
                {cluster_name}
            </a>
            // Each place is an icon (drawn by the stylesheet) and a label; where the labels do
            // not fit, the bar shows the icons and the labels stay the links' names.
            <nav class="main-nav" aria-label=move || ui(lang.get()).main_navigation>
                <a href="#/" class="nav-directory" aria-current=on_directory>
                    <span class="nav-label">{move || ui(lang.get()).nav_directory}</span>
                </a>
                <a href="#/events" class="nav-events" aria-current=on_events>
                    <span class="nav-label">{move || ui(lang.get()).nav_events}</span>
                </a>
                <Show when=fair_today>
                    <a href="#/fair" class="nav-fair" aria-current=on_fair>
                        <span class="nav-label">{move || ui(lang.get()).nav_fair}</span>
                    </a>
                </Show>
                <a href="#/cluster" class="nav-cluster" aria-current=on_cluster>
                    <span class="nav-label">{move || ui(lang.get()).nav_cluster}</span>
                </a>
                <a href="#/follow-up" class="nav-follow-up" aria-current=on_follow_up>
                    <span class="nav-label">{move || ui(lang.get()).nav_follow_up}</span>
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
                // Phones only; the browser opens and closes the panel (popover), no script.
                <button type="button" class="nav-more" popovertarget=MORE_PANEL_ID>
                    <span class="nav-label">{move || ui(lang.get()).nav_more}</span>
                </button>
                // On wide screens the panel is simply shown in the row (the stylesheet
                // overrides the popover's hiding), so the language switch has one home.
                <div id=MORE_PANEL_ID class="nav-more-panel" popover="auto">
                    <a class="more-brand" href="#/" on:click=close_more>
                        {cluster_name}
                    </a>
                    // Events leaves the bar to the fair-day entry while an event runs.
                    <a class="more-events" href="#/events" aria-current=on_events on:click=close_more>
                        {move || ui(lang.get()).nav_events}
                    </a>
                    <LanguageSwitch />
                </div>
            </nav>
        </header>
    }
}

/// The id of the phone bar's "more" panel, which its button opens.
const MORE_PANEL_ID: &str = "nav-more";
