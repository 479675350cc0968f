//! A part of the interface whose code is downloaded when it is first shown.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::i18n::ui;
use crate::split::{ChunkUnavailable, Deferred};
use crate::state::UiLang;

/// Where a part loaded on demand is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Loading,
    Failed,
    Ready,
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
    /// this component serves every split point (a generic one cost 13 KB of landing wasm).
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
    let start = move || {
        let Some(loading) = load.try_with_value(|load| (load.0)()) else { return };
        part.set(Part::Loading);
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
                }
                Err(ChunkUnavailable) => part.set(Part::Failed),
            }
        });
    };
    start();
    move || match part.get() {
        Part::Loading => {
            view! { <p class="loading part-loading" role="status">{move || ui(lang.get()).part_loading}</p> }.into_any()
        }
        Part::Failed => view! { <PartFailed on_retry=Callback::new(move |()| start()) /> }.into_any(),
        // Taken once: `part` does not change after `Ready`.
        Part::Ready => content.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
    }
}

/// "This part could not be loaded", with a Retry button: for a part of a page, or an action
/// (an export, a share) whose code could not be downloaded.
#[component]
pub fn PartFailed(
    /// Tries again: calls the split point once more (a failed download is not kept).
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    // `alert`: screen readers say it as it appears, like the directory's own load error.
    view! {
        <div class="part-failed notice notice-warning" role="alert">
            <p>{move || ui(lang.get()).part_failed}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || ui(lang.get()).part_retry}
            </button>
        </div>
    }
}
