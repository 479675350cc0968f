//! The root component: provides the shared state, loads the directory, picks the page.

use leptos::prelude::*;
use vitrina_core::route::Page;
use vitrina_core::{Lang, Route, APP_NAME};

use crate::adapters::{hash_location, network, page, preferences, preview};
use crate::components::connection_status::ConnectionStatus;
use crate::components::fresh_data_notice::FreshDataNotice;
use crate::components::live_region::LiveRegion;
use crate::components::load_error::LoadErrorScreen;
use crate::components::on_demand::OnDemand;
use crate::components::preview_banner::PreviewBanner;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::undo_toast::UndoToast;
use crate::follow_up::{FollowUp, READ_ONLY_REASON_ID};
use crate::i18n::ui;
use crate::pages::cluster::cluster_view;
use crate::pages::directory::DirectoryPage;
use crate::pages::event::event_page;
use crate::pages::events::events_page;
use crate::pages::fair::fair_page;
use crate::pages::follow_up::follow_up_page;
use crate::pages::matches::matches_view;
use crate::pages::member::member_page;
use crate::pages::not_found::NotFoundPage;
use crate::pages::problems::problems_page;
use crate::pages::received::{handoff_page, shared_page};
use crate::pages::stand_card::stand_card_page;
use crate::pages::{preload_for, preload_likely_next, styled_view};
use crate::state::{Announcer, DirectoryState, HandoffInbox, ListLengths, LoadState, Navigation, Today, UiLang};

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
    let ui_lang = UiLang::new(initial_language());
    let lang = ui_lang.signal();
    provide_context(ui_lang);
    let navigation = Navigation::new(hash_location::current_route());
    let route = navigation.route();
    provide_context(navigation);
    let directory = DirectoryState::new(navigation);
    provide_context(directory);
    provide_context(ListLengths::new());
    provide_context(Today::start());
    let announcer = Announcer::new();
    provide_context(announcer);
    // The list belongs to the directory's address, and works even when that file fails to load.
    let follow_up = FollowUp::start(&page::directory_url(), announcer, lang);
    provide_context(follow_up);
    provide_context(HandoffInbox::new());
    // A newer directory refreshes the saved snapshots and marks members it no longer has.
    Effect::new(move |_| {
        if let Some(catalog) = directory.loaded() {
            follow_up.refresh(&catalog.directory);
        }
    });

    // Back, Forward, and links the visitor follows or edits by hand.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| navigation.follow_location());
    on_cleanup(move || hash_listener.remove());

    // Back online with the saved copy on screen: see whether the server has a newer one.
    let stop_watching_network = network::watch(move |online| directory.network_changed(online));
    on_cleanup(stop_watching_network);

    let page_key = Memo::new(move |_| route.with(Route::page));
    // The page's code downloads beside the directory, not after it.
    preload_for(&page_key.get_untracked());
    // Once the directory is on screen, what is opened next from it is fetched in idle time
    // (once: after that the effect reads nothing and never runs again).
    let directory_shown = Memo::new(move |_| directory.state().with(|state| matches!(state, LoadState::Ready(_))));
    Effect::new(move |fetched: Option<bool>| {
        let fetched = fetched.unwrap_or(false);
        if !fetched && directory_shown.get() {
            preload_likely_next();
            return true;
        }
        fetched
    });

    Effect::new(move |_| page::set_document_language(lang.get()));
    Effect::new(move |_| page::set_title(&document_title(directory, &page_key.get(), lang.get())));
    // A new page starts at its top, and so does the keyboard: focus moves to the content,
    // instead of staying on a link the new page no longer has (which leaves Tab lost in
    // the middle of the new page). A new query on the same page keeps scroll and focus.
    Effect::new(move |previous: Option<Page>| {
        let current = page_key.get();
        if previous.is_some_and(|previous| previous != current) {
            page::scroll_to_top();
            page::focus_main();
        }
        current
    });

    directory.load();

    // The member list stays alive (hidden) while a profile opened from it is shown: opening
    // a profile and going Back then cost neither a teardown nor a rebuild of the list.
    // Kept only from the list to its profiles; any other page drops it.
    let keep_list = Memo::new(move |kept: Option<&bool>| match page_key.get() {
        Page::Directory => true,
        Page::Member(_) => kept.copied().unwrap_or(false),
        _ => false,
    });
    let list_hidden = Signal::derive(move || page_key.with(|key| *key != Page::Directory));
    let kept_list = move || {
        let LoadState::Ready(catalog) = directory.state().get() else { return None };
        keep_list.get().then(|| view! { <DirectoryPage catalog=catalog hidden=list_hidden /> })
    };
    let current_page = move || match page_key.get() {
        // The follow-up list and what arrives by link never wait for the directory.
        Page::FollowUp => view! { <OnDemand load=follow_up_page /> }.into_any(),
        Page::Handoff(fragment) => view! { <OnDemand load=move || handoff_page(fragment.clone()) /> }.into_any(),
        Page::Directory if directory.state().with(|state| matches!(state, LoadState::Ready(_))) => ().into_any(),
        other => (move || directory_page(directory.state().get(), other.clone(), lang)).into_any(),
    };

    view! {
        // A preview of an unpublished directory, opened by the staff page (issue 14).
        {preview::requested().then(|| view! { <PreviewBanner /> })}
        <SiteHeader />
        <ConnectionStatus />
        <FreshDataNotice />
        <main id="main" tabindex="-1">
            {kept_list}
            {current_page}
        </main>
        <UndoToast />
        <SiteFooter />
        <LiveRegion />
        // What disabled controls point to (aria-describedby) when the list is read-only.
        <p id=READ_ONLY_REASON_ID hidden>
            {move || follow_up.persistence().with(|persistence| persistence.read_only_message(lang.get()))}
        </p>
    }
}

fn directory_page(state: LoadState, page_key: Page, lang: ReadSignal<Lang>) -> AnyView {
    match state {
        LoadState::Loading => {
            view! { <p class="loading" role="status">{move || ui(lang.get()).loading}</p> }.into_any()
        }
        LoadState::Failed(failure) => view! { <LoadErrorScreen failure=failure /> }.into_any(),
        LoadState::Ready(catalog) => match page_key {
            Page::Directory => view! { <DirectoryPage catalog=catalog /> }.into_any(),
            // Every page but the list is a chunk of its own (`crate::split`).
            Page::Member(id) => view! { <OnDemand load=move || member_page(catalog.clone(), id.clone()) /> }.into_any(),
            Page::MemberCard(id) => {
                view! { <OnDemand load=move || stand_card_page(catalog.clone(), id.clone()) /> }.into_any()
            }
            Page::Events => view! { <OnDemand load=move || events_page(catalog.clone()) /> }.into_any(),
            Page::Fair(event) => {
                view! { <OnDemand load=move || fair_page(catalog.clone(), event.clone()) /> }.into_any()
            }
            Page::Event(id) => view! { <OnDemand load=move || event_page(catalog.clone(), id.clone()) /> }.into_any(),
            Page::Problems => view! { <OnDemand load=move || problems_page(catalog.clone()) /> }.into_any(),
            Page::Shared(fragment) => view! { <OnDemand load=move || shared_page(fragment.clone()) /> }.into_any(),
            // The cluster's views and matchmaking: a chunk each, one split point each.
            page @ (Page::Cluster
            | Page::CapabilityMap
            | Page::Opportunities
            | Page::Investment
            | Page::ClusterMembers(_)) => {
                view! { <OnDemand load=move || styled_view(Box::pin(cluster_view(catalog.clone(), page.clone()))) /> }
                    .into_any()
            }
            page @ (Page::MyCompany | Page::Matches | Page::Pairs | Page::PrepareFair(_)) => {
                view! { <OnDemand load=move || styled_view(Box::pin(matches_view(catalog.clone(), page.clone()))) /> }
                    .into_any()
            }
            Page::FollowUp | Page::Handoff(_) | Page::Unknown => view! { <NotFoundPage /> }.into_any(),
        },
    }
}

fn document_title(directory: DirectoryState, page: &Page, lang: Lang) -> String {
    let Some(catalog) = directory.loaded() else {
        return APP_NAME.to_owned();
    };
    let directory = &catalog.directory;
    let cluster = directory.cluster.display_name();
    let ui = ui(lang);
    let page_title = match page {
        Page::Directory => return format!("{cluster} · {APP_NAME}"),
        Page::Member(id) => directory.member(id).map(|member| member.name.clone()),
        Page::MemberCard(id) => directory.member(id).map(|member| format!("{} · {}", member.name, ui.stand_card_link)),
        Page::Fair(_) => Some(ui.fair_heading.to_owned()),
        Page::Events => Some(ui.events_heading.to_owned()),
        Page::Event(id) => {
            directory.event(id).map(|event| event.name.resolve(lang.tag(), directory.fallback_language()).to_owned())
        }
        Page::Problems => Some(ui.data_problems.to_owned()),
        Page::FollowUp => Some(ui.follow_up_heading.to_owned()),
        Page::Shared(_) => Some(ui.shared_heading.to_owned()),
        Page::Handoff(_) => Some(ui.handoff_heading.to_owned()),
        // The cluster's views name themselves in their chunks; the tab says the cluster.
        Page::Cluster
        | Page::MyCompany
        | Page::Matches
        | Page::Pairs
        | Page::PrepareFair(_)
        | Page::CapabilityMap
        | Page::Opportunities
        | Page::Investment
        | Page::ClusterMembers(_) => Some(ui.nav_cluster.to_owned()),
        Page::Unknown => None,
    };
    format!("{} · {cluster}", page_title.unwrap_or_else(|| ui.not_found_title.to_owned()))
}
