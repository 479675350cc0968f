//! A part of the interface whose code is downloaded when it is first shown.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::adapters::page;
use crate::i18n::ui;
use crate::split::{ChunkUnavailable, Deferred};
use crate::state::{Announcer, UiLang};

/// Where a part loaded on demand is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Loading,
    Failed,
    /// Loading again after a failure, the visitor having asked for it.
    Retrying,
    Ready,
}

/// What a part shows: a retry keeps the failure (and the focused Retry button) on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Loading,
    Failure,
    Content,
}

/// What fetches a part's chunk and hands back its view: a split point, or a stand-in in tests.
/// Any `Fn() -> impl Future<Output = Result<Deferred, ChunkUnavailable>>` converts into one.
#[derive(Clone)]
pub struct PartLoader(Rc<dyn Fn() -> Loading>);

/// One load of a part, under way.
type Loading = Pin<Box<dyn Future<Output = Result<Deferred, ChunkUnavailable>>>>;

impl<Load, Fut> From<Load> for PartLoader
where
    Load: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<Deferred, ChunkUnavailable>> + 'static,
{
    fn from(load: Load) -> PartLoader {
        PartLoader(Rc::new(move || Box::pin(load())))
    }
}

/// Shows what `load` returns once its chunk is there: a polite loading line meanwhile, and
/// [`PartFailed`] with a retry (which calls `load` again) when the chunk cannot be had.
/// Only this part waits or fails: the header, the navigation and the follow-up list around
/// it keep working.
#[component]
pub fn OnDemand(
    /// Fetches the part's chunk and hands back its view. Not generic on purpose: one copy of
    /// this component serves every split point (a generic one was 13 KB of the landing module
    /// before wasm-opt, 1.4 KB brotli after).
    #[prop(into)]
    load: PartLoader,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let part = RwSignal::new(Part::Loading);
    // The built view, kept outside the signal graph: views are neither `Send` nor `Clone`.
    let content = StoredValue::new_local(None::<AnyView>);
    let load = StoredValue::new_local(load);
    // The page's components are built in this component's owner, so their contexts are the
    // app's and they are disposed of with it. Held weakly: a strong owner kept in its own
    // arena would never be dropped.
    let owner = StoredValue::new_local(Owner::current().map(|owner| owner.downgrade()));
    let announcer = use_context::<Announcer>();
    let start = move |attempt: Part| {
        let Some(loading) = load.try_with_value(|load| (load.0)()) else { return };
        part.set(attempt);
        leptos::task::spawn_local(async move {
            let outcome = loading.await;
            // Left while it loaded: nothing to show it in.
            if part.try_get_untracked().is_none() {
                return;
            }
            match outcome {
                Ok(build) => {
                    let Some(owner) = owner.try_get_value().flatten().and_then(|owner| owner.upgrade()) else {
                        return;
                    };
                    let view = owner.with(build);
                    content.set_value(Some(view));
                    part.set(Part::Ready);
                    // The Retry button goes away with the failure: the keyboard starts again
                    // from the page's content rather than from nowhere.
                    if attempt == Part::Retrying {
                        page::focus_main();
                    }
                }
                Err(ChunkUnavailable) => {
                    part.set(Part::Failed);
                    // The failure on screen does not change, so its alert is not said again.
                    if let (Part::Retrying, Some(announcer)) = (attempt, announcer) {
                        announcer.announce(ui(lang.get_untracked()).part_failed.to_owned());
                    }
                }
            }
        });
    };
    start(Part::Loading);
    let shown = Memo::new(move |_| match part.get() {
        Part::Loading => Shown::Loading,
        Part::Failed | Part::Retrying => Shown::Failure,
        Part::Ready => Shown::Content,
    });
    let retrying = Signal::derive(move || part.get() == Part::Retrying);
    move || match shown.get() {
        Shown::Loading => {
            view! { <p class="loading part-loading" role="status">{move || ui(lang.get()).part_loading}</p> }.into_any()
        }
        Shown::Failure => {
            view! { <PartFailed on_retry=Callback::new(move |()| start(Part::Retrying)) busy=retrying /> }.into_any()
        }
        // Taken once: `part` does not change after `Ready`.
        Shown::Content => content.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
    }
}

/// "This part could not be loaded", with a Retry button: for a part of a page, or an action
/// (an export, a share) whose code could not be downloaded.
#[component]
pub fn PartFailed(
    /// Tries again: calls the split point once more (a failed download is not kept).
    on_retry: Callback<()>,
    /// True while a retry is under way: the button stays (and keeps the focus) but does nothing.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let retry = move |_| {
        if !busy.get_untracked() {
            on_retry.run(());
        }
    };
    // `alert`: screen readers say it as it appears, like the directory's own load error.
    view! {
        <div class="part-failed notice notice-warning" role="alert" aria-busy=move || busy.get().to_string()>
            <p>{move || ui(lang.get()).part_failed}</p>
            <button type="button" class="button" on:click=retry aria-disabled=move || busy.get().to_string()>
                {move || ui(lang.get()).part_retry}
            </button>
        </div>
    }
}
