//! What arrives by link: a shared shortlist, or parts of a whole list handed over.

use leptos::prelude::*;
use vitrina_core::follow_up::merge;
use vitrina_core::follow_up::share::parse_shortlist;
use vitrina_core::follow_up::Shortlist;
use vitrina_core::Route;

use crate::adapters::clock;
use crate::follow_up::FollowUp;
use crate::i18n::{handoff_progress, ui};
use crate::split::Deferred;
use crate::state::{DirectoryState, HandoffInbox, Navigation, UiLang};

/// A shortlist someone shared: the members, and one button to add those the directory has.
#[component]
pub fn SharedPage(fragment: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let directory = expect_context::<DirectoryState>();
    let navigation = expect_context::<Navigation>();
    let shortlist = StoredValue::new(parse_shortlist(&fragment));
    let added = RwSignal::new(false);
    // What the loaded directory still has (`None` until it is loaded): members removed from it
    // since the link was made are said, not offered (issue 13).
    let check = move || {
        let catalog = directory.loaded()?;
        shortlist.with_value(|shortlist| shortlist.as_ref().map(|shortlist| shortlist.check(&catalog.directory)))
    };
    let items = move || {
        let lang = lang.get();
        let catalog = directory.loaded();
        shortlist.with_value(|shortlist| {
            shortlist.as_ref().map(|shortlist| {
                shortlist
                    .items
                    .iter()
                    .map(|item| {
                        let member =
                            catalog.as_ref().and_then(|catalog| catalog.directory.member(item.member.as_str()));
                        let name =
                            member.map(|member| member.name.clone()).unwrap_or_else(|| item.member.as_str().to_owned());
                        let gone =
                            catalog.as_ref().is_some_and(|catalog| !Shortlist::is_in(item, &catalog.directory));
                        let href = Route::Member { id: item.member.as_str().to_owned(), via_qr: false }.to_fragment();
                        view! {
                            <li>
                                {if gone {
                                    view! { <span>{name}</span> " " <span class="hint">{ui(lang).shared_item_gone}</span> }.into_any()
                                } else {
                                    view! { <a href=href>{name}</a> }.into_any()
                                }}
                                {item.note.clone().map(|note| view! { <p class="hint">{note}</p> })}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let add_all = move |_| {
        let Some(catalog) = directory.loaded() else { return };
        shortlist.with_value(|shortlist| {
            if let Some(shortlist) = shortlist {
                follow_up.apply(|list, now| list.add_shortlist(&catalog.directory, shortlist, now));
                added.set(true);
            }
        });
    };
    view! {
        <section class="received" aria-labelledby="shared-heading">
            <h1 id="shared-heading">{move || ui(lang.get()).shared_heading}</h1>
            {move || match shortlist.with_value(Option::is_some) {
                true => view! {
                    <p>{ui(lang.get()).shared_intro}</p>
                    <ul class="shared-items">{items}</ul>
                    {move || check().and_then(|check| check.notice(lang.get())).map(|notice| view! {
                        <p class="notice notice-warning" role="status">{notice}</p>
                    })}
                    // Nothing the directory has, nothing to offer.
                    <Show when=move || check().is_none_or(|check| check.has_any())>
                        <button
                            type="button"
                            class="button"
                            on:click=add_all
                            disabled=move || added.get() || !follow_up.is_writable() || check().is_none()
                            aria-describedby=move || follow_up.read_only_reason()
                        >
                            {move || match check() {
                                Some(check) => check.add_label(lang.get()),
                                None => ui(lang.get()).shared_add_all.to_owned(),
                            }}
                        </button>
                    </Show>
                    <Show when=move || added.get()>
                        <p class="notice" role="status">
                            {move || ui(lang.get()).shared_added}
                            " "
                            <a href="#/follow-up" on:click=move |event| {
                                event.prevent_default();
                                navigation.go(Route::FollowUp);
                            }>{move || ui(lang.get()).go_to_follow_up}</a>
                        </p>
                    </Show>
                }
                .into_any(),
                false => view! { <p class="notice notice-warning" role="alert">{ui(lang.get()).shared_invalid}</p> }.into_any(),
            }}
        </section>
    }
}

/// One part of a handed-over list: progress, then one button to merge it in.
#[component]
pub fn HandoffPage(fragment: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let inbox = expect_context::<HandoffInbox>();
    let directory = expect_context::<DirectoryState>();
    let part_error = inbox.receive(&fragment).err();
    let done = RwSignal::new(None::<Result<String, String>>);
    let progress = move || {
        let lang = lang.get();
        inbox.progress().map(|progress| handoff_progress(&progress, lang))
    };
    let import = move |_| {
        let lang = lang.get_untracked();
        match inbox.take(clock::wall_clock_ms()) {
            Ok(received) => {
                let catalog = directory.loaded();
                follow_up.take_in(catalog.as_ref().map(|catalog| &catalog.directory), |list, _| {
                    *list = merge(list, &received)
                });
                done.set(Some(Ok(ui(lang).handoff_done.to_owned())));
            }
            Err(error) => done.set(Some(Err(error.message(lang)))),
        }
    };
    view! {
        <section class="received" aria-labelledby="handoff-heading">
            <h1 id="handoff-heading">{move || ui(lang.get()).handoff_heading}</h1>
            <p>{move || ui(lang.get()).handoff_intro}</p>
            {part_error.map(|error| view! {
                <p class="notice notice-warning" role="alert">{move || error.message(lang.get())}</p>
            })}
            <p role="status">{progress}</p>
            <Show when=move || inbox.holds_no_entries() && done.with(Option::is_none)>
                <p class="notice notice-warning" role="status">{move || ui(lang.get()).handoff_empty}</p>
            </Show>
            <Show when=move || inbox.is_complete() && !inbox.holds_no_entries() && done.with(Option::is_none)>
                <button
                    type="button"
                    class="button"
                    on:click=import
                    disabled=move || !follow_up.is_writable()
                    aria-describedby=move || follow_up.read_only_reason()
                >
                    {move || ui(lang.get()).handoff_import}
                </button>
            </Show>
            {move || done.get().map(|outcome| match outcome {
                Ok(message) => view! {
                    <p class="notice" role="status">
                        {message}
                        " "
                        <a href="#/follow-up">{move || ui(lang.get()).go_to_follow_up}</a>
                    </p>
                }
                .into_any(),
                Err(message) => view! { <p class="notice notice-warning" role="alert">{message}</p> }.into_any(),
            })}
        </section>
    }
}

crate::split_point! {
    chunk = received, preload = preload_received;
    /// A shared shortlist, from its chunk: opened from a link, once.
    pub fn shared_page(fragment: String) -> Deferred {
        Box::new(move || view! { <SharedPage fragment=fragment /> }.into_any())
    }
}

crate::split_point! {
    chunk = received;
    /// A part of a handed-over list, from its chunk (with the decompression the import needs).
    pub fn handoff_page(fragment: String) -> Deferred {
        Box::new(move || view! { <HandoffPage fragment=fragment /> }.into_any())
    }
}
