//! Parts of the app loaded on demand (issue 15): the loading line, "this part could not be
//! loaded" with its retry in both languages, and the content once a retry succeeds, with a
//! loader that fails first as a chunk that did not download would. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{catalog, click, count, hostile_directory_json, in_lang, mount, text_of};
use leptos::prelude::*;
use leptos::task::tick;
use vitrina::components::on_demand::OnDemand;
use vitrina::pages::problems::problems_page;
use vitrina::split::{ChunkUnavailable, Deferred};
use vitrina::state::UiLang;
use vitrina_core::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A loader whose first `failures` calls fail as a chunk that did not download, then hands
/// back a paragraph; and how many times it was called.
fn failing_then_loading(
    failures: u32,
) -> (impl Fn() -> std::future::Ready<Result<Deferred, ChunkUnavailable>>, Rc<Cell<u32>>) {
    let calls = Rc::new(Cell::new(0));
    let counted = Rc::clone(&calls);
    let load = move || {
        counted.set(counted.get() + 1);
        std::future::ready(if counted.get() <= failures {
            Err(ChunkUnavailable)
        } else {
            Ok(Box::new(|| view! { <p class="loaded-part">"Contenido"</p> }.into_any()) as Deferred)
        })
    };
    (load, calls)
}

#[wasm_bindgen_test]
async fn a_part_that_fails_to_load_says_so_in_spanish_and_shows_after_retry() {
    let (load, calls) = failing_then_loading(1);
    let host = mount(in_lang(Lang::Es), move || view! { <OnDemand load=load /> });
    // Before the loader answers: the polite loading line.
    assert_eq!(text_of(&host, ".part-loading[role='status']"), "Cargando esta parte…");
    tick().await;
    assert_eq!(text_of(&host, ".part-failed[role='alert'] p"), "Esta parte no se pudo cargar.");
    assert_eq!(text_of(&host, ".part-failed button[type='button']"), "Reintentar");
    assert_eq!(count(&host, ".loaded-part"), 0);
    assert_eq!(calls.get(), 1);

    click(&host, ".part-failed button");
    tick().await;
    assert_eq!(calls.get(), 2, "the retry calls the loader again");
    assert_eq!(text_of(&host, ".loaded-part"), "Contenido");
    assert_eq!(count(&host, ".part-failed"), 0);
    assert_eq!(count(&host, ".part-loading"), 0);
}

#[wasm_bindgen_test]
async fn a_part_that_fails_to_load_says_so_in_english_and_follows_the_language() {
    let lang = UiLang::new(Lang::En);
    let (load, _) = failing_then_loading(2);
    let host = mount(in_lang(Lang::En), move || {
        provide_context(lang);
        view! { <OnDemand load=load /> }
    });
    assert_eq!(text_of(&host, ".part-loading"), "Loading this part…");
    tick().await;
    assert_eq!(text_of(&host, ".part-failed p"), "This part could not be loaded.");
    assert_eq!(text_of(&host, ".part-failed button"), "Retry");

    // A retry that fails again leaves the failure as it was, the very button (and the
    // keyboard's focus on it) included, and the next one loads.
    let button = host.query_selector(".part-failed button").unwrap().expect("a Retry button");
    click(&host, ".part-failed button");
    tick().await;
    assert_eq!(text_of(&host, ".part-failed p"), "This part could not be loaded.");
    let same = host.query_selector(".part-failed button").unwrap().expect("a Retry button");
    assert!(same.is_same_node(Some(&button)), "the failure was rebuilt, and the focus lost with it");
    assert_eq!(same.get_attribute("aria-disabled").as_deref(), Some("false"));
    lang.choose(Lang::Es);
    tick().await;
    assert_eq!(text_of(&host, ".part-failed button"), "Reintentar");
    click(&host, ".part-failed button");
    tick().await;
    assert_eq!(text_of(&host, ".loaded-part"), "Contenido");
}

#[wasm_bindgen_test]
async fn the_rest_of_the_page_keeps_working_beside_a_part_that_failed() {
    let (load, _) = failing_then_loading(u32::MAX);
    let clicks = RwSignal::new(0);
    let host = mount(in_lang(Lang::Es), move || {
        view! {
            <button type="button" class="elsewhere" on:click=move |_| clicks.update(|n| *n += 1)>
                {move || clicks.get()}
            </button>
            <OnDemand load=load />
        }
    });
    tick().await;
    assert_eq!(count(&host, ".part-failed"), 1);
    click(&host, ".elsewhere");
    tick().await;
    assert_eq!(text_of(&host, ".elsewhere"), "1");
}

#[wasm_bindgen_test]
async fn a_part_left_while_it_loads_is_never_built() {
    let built = Rc::new(Cell::new(false));
    let mut resolve = None;
    let answered = js_sys::Promise::new(&mut |resolve_fn, _| resolve = Some(resolve_fn));
    let answered = Rc::new(answered);
    let load = {
        let built = Rc::clone(&built);
        move || {
            let answered = wasm_bindgen_futures::JsFuture::from((*answered).clone());
            let built = Rc::clone(&built);
            async move {
                let _ = answered.await;
                Ok::<Deferred, ChunkUnavailable>(Box::new(move || {
                    built.set(true);
                    view! { <p class="loaded-part">"Contenido"</p> }.into_any()
                }))
            }
        }
    };
    let host = mount(in_lang(Lang::Es), move || view! { <OnDemand load=load /> });
    tick().await;
    assert_eq!(count(&host, ".part-loading"), 1);
    drop(host);
    resolve.expect("the promise gave its resolver").call0(&wasm_bindgen::JsValue::UNDEFINED).unwrap();
    tick().await;
    tick().await;
    assert!(!built.get(), "a page the visitor left is not built in a disposed owner");
}

#[wasm_bindgen_test]
async fn a_real_split_point_shows_its_page() {
    let loaded = catalog(&hostile_directory_json(3));
    let host = mount(in_lang(Lang::Es), move || view! { <OnDemand load=move || problems_page(loaded.clone()) /> });
    tick().await;
    assert_eq!(count(&host, ".problem"), 2);
    assert_eq!(count(&host, ".part-loading"), 0);
}
