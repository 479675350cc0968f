//! Browser-side pieces in headless Chromium: the fetch and storage adapters and
//! the components that render a loaded directory. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{catalog, click, count, hostile_directory_json, in_lang, mount, text_of};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::tick;
use vitrina::adapters::directory_fetch::{fetch_directory, fetch_directory_copy, FetchError, Wanted};
use vitrina::adapters::{preferences, scheduling};
use vitrina::components::language_switch::LanguageSwitch;
use vitrina::components::load_error::LoadErrorScreen;
use vitrina::components::member_search::{MemberSearch, LIST_PAGE_SIZE};
use vitrina::pages::directory::DirectoryPage;
use vitrina::pages::member::MemberPage;
use vitrina::pages::problems::ProblemsPage;
use vitrina::state::UiLang;
use vitrina_core::{Lang, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn blob_url(body: &str, content_type: &str) -> String {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    let options = BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

#[wasm_bindgen_test]
async fn fetch_adapter_loads_a_directory_served_by_the_browser() {
    let url = blob_url(&hostile_directory_json(3), "application/json");
    let loaded = fetch_directory(&url).await.expect("loads");
    assert_eq!(loaded.directory.members.len(), 3);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
}

#[wasm_bindgen_test]
async fn without_a_service_worker_the_copy_is_fresh_from_the_network_and_dated_now() {
    let url = blob_url(&hostile_directory_json(3), "application/json");
    let before = js_sys::Date::now();
    let copy = fetch_directory_copy(&url, Wanted::Usual).await.expect("loads");
    let after = js_sys::Date::now();
    assert_eq!(copy.loaded.directory.members.len(), 3);
    // No worker answered, so there is no saved copy to check against and nothing to hash.
    assert!(!copy.from_saved_copy);
    assert_eq!(copy.fingerprint, None);
    assert!((before..=after).contains(&copy.fetched_at_ms), "{} not in {before}..={after}", copy.fetched_at_ms);
}

#[wasm_bindgen_test]
async fn fetch_adapter_reports_a_missing_file_with_its_status() {
    let failure = fetch_directory("/this/file/does/not/exist.json").await.expect_err("404");
    assert!(matches!(failure.error, FetchError::Status { status: 404, .. }), "{failure:?}");
    assert_eq!(failure.url, "/this/file/does/not/exist.json");
    assert!(failure.error.message(Lang::Es).contains("404"));
}

#[wasm_bindgen_test]
async fn fetch_adapter_recognises_an_html_page() {
    let url = blob_url("<!doctype html><title>404</title>", "text/html");
    let failure = fetch_directory(&url).await.expect_err("html");
    assert_eq!(failure.error, FetchError::Invalid(LoadError::Html));
}

#[wasm_bindgen_test]
fn language_preference_survives_and_damaged_values_are_ignored() {
    LocalStorage::clear();
    assert_eq!(preferences::stored_language(), None);
    assert!(preferences::store_language(Lang::En));
    assert_eq!(preferences::stored_language(), Some(Lang::En));
    // Storage edited by hand or by another app: not JSON, or not a language.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("vitrina.language", "{broken").unwrap();
    assert_eq!(preferences::stored_language(), None);
    storage.set_item("vitrina.language", "\"fr\"").unwrap();
    assert_eq!(preferences::stored_language(), None);
    LocalStorage::clear();
}

#[wasm_bindgen_test]
async fn directory_page_renders_a_page_at_a_time_and_escapes_markup() {
    let loaded = catalog(&hostile_directory_json(100));
    let host = mount(in_lang(Lang::Es), move || view! { <DirectoryPage catalog=loaded /> });
    tick().await;
    // A first screenful at once, the rest of the page once that frame is painted, a few rows
    // per task (each one short, so a phone answers taps in between).
    let first_frame = count(&host, ".member-card");
    assert!((1..LIST_PAGE_SIZE as u32).contains(&first_frame), "{first_frame} rows in the first frame");
    scheduling::after_next_paint().await;
    let mut on_the_way = vec![first_frame];
    for _ in 0..LIST_PAGE_SIZE {
        tick().await;
        let rows = count(&host, ".member-card");
        if rows == LIST_PAGE_SIZE as u32 {
            break;
        }
        on_the_way.push(rows);
        scheduling::next_task().await;
    }
    assert_eq!(count(&host, ".member-card"), LIST_PAGE_SIZE as u32, "rows on the way: {on_the_way:?}");
    assert!(on_the_way.len() > 2 && on_the_way.windows(2).all(|pair| pair[0] < pair[1]), "{on_the_way:?}");
    assert_eq!(text_of(&host, ".result-count"), "100 miembros");
    assert_eq!(count(&host, "input[type='search']"), 1);
    // Markup in a name is text, never elements.
    assert_eq!(count(&host, ".member-card b"), 0);
    assert!(text_of(&host, ".member-name").contains("Miembro <b>0</b>"));
    click(&host, ".show-more button");
    tick().await;
    assert_eq!(count(&host, ".member-card"), (2 * LIST_PAGE_SIZE) as u32);
    click(&host, ".show-more button");
    tick().await;
    assert_eq!(count(&host, ".member-card"), 100);
    assert_eq!(count(&host, ".show-more"), 0);
}

#[wasm_bindgen_test]
async fn member_page_never_links_unsafe_values() {
    let loaded = catalog(&hostile_directory_json(2));
    let host = mount(in_lang(Lang::En), move || view! { <MemberPage loaded=loaded id="m-0".to_owned() /> });
    tick().await;
    assert!(text_of(&host, "h1").contains("Miembro <b>0</b>"));
    for anchor in (0..count(&host, "a")).map(|i| host.query_selector_all("a").unwrap().item(i).unwrap()) {
        let href = anchor.unchecked_ref::<web_sys::Element>().get_attribute("href").unwrap_or_default();
        assert!(
            href.starts_with("#/") || href.starts_with("https://") || href.starts_with("tel:"),
            "unexpected link {href}"
        );
    }
    assert!(host.query_selector("a[href='tel:+526145550101']").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn unknown_member_shows_a_quiet_notice() {
    let loaded = catalog(&hostile_directory_json(2));
    let host = mount(in_lang(Lang::Es), move || view! { <MemberPage loaded=loaded id="ya-no-existe".to_owned() /> });
    tick().await;
    assert_eq!(count(&host, ".not-found"), 1);
    assert_eq!(count(&host, "a[href='#/']"), 1);
}

#[wasm_bindgen_test]
async fn problems_page_lists_every_problem_with_member_and_field() {
    let loaded = catalog(&hostile_directory_json(3));
    let host = mount(in_lang(Lang::Es), move || view! { <ProblemsPage loaded=loaded /> });
    tick().await;
    assert_eq!(count(&host, ".problem"), 2);
    let fields: Vec<String> = (0..2)
        .map(|i| host.query_selector_all(".problem-field").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(fields, ["members[0].website", "members[0].contacts[0].email"]);
    assert_eq!(text_of(&host, ".problem-member"), "m-0");
}

#[wasm_bindgen_test]
async fn load_error_screen_says_what_was_fetched_and_follows_the_language() {
    let lang = UiLang::new(Lang::Es);
    let failure = vitrina::adapters::directory_fetch::LoadFailure {
        url: "https://example.org/vitrina/data/directory.json".to_owned(),
        error: FetchError::Invalid(LoadError::Syntax { line: 5, column: 12, cut_off: true, detail: String::new() }),
    };
    let host = mount(in_lang(Lang::Es), move || {
        provide_context(lang);
        view! { <LoadErrorScreen failure=failure /> }
    });
    tick().await;
    assert_eq!(text_of(&host, ".fetched-url"), "https://example.org/vitrina/data/directory.json");
    let spanish = text_of(&host, ".error-message");
    assert!(spanish.contains('5') && spanish.contains("12"), "{spanish}");
    assert_eq!(text_of(&host, "h1"), "No se pudo cargar el directorio");
    lang.choose(Lang::En);
    tick().await;
    assert_eq!(text_of(&host, "h1"), "The directory could not be loaded");
    LocalStorage::clear();
}

#[wasm_bindgen_test]
async fn language_switch_changes_and_remembers_the_language() {
    LocalStorage::clear();
    let lang = UiLang::new(Lang::Es);
    let host = mount(in_lang(Lang::Es), move || {
        provide_context(lang);
        view! { <LanguageSwitch /> }
    });
    tick().await;
    assert_eq!(text_of(&host, "button[aria-pressed='true']"), "ESEspañol");
    click(&host, "button[lang='en']");
    tick().await;
    assert_eq!(lang.signal().get_untracked(), Lang::En);
    assert_eq!(text_of(&host, "button[aria-pressed='true']"), "ENEnglish");
    assert_eq!(preferences::stored_language(), Some(Lang::En));
    LocalStorage::clear();
}

#[wasm_bindgen_test]
async fn a_mounted_view_leaves_nothing_behind_when_its_test_ends() {
    let loaded = catalog(&hostile_directory_json(3));
    let owned_by_the_view = RwSignal::new(None::<RwSignal<u32>>);
    let page = mount(in_lang(Lang::Es), move || {
        owned_by_the_view.set(Some(RwSignal::new(1)));
        view! { <DirectoryPage catalog=loaded /> }
    });
    tick().await;
    let signal = owned_by_the_view.get_untracked().expect("set by the view");
    // Only this test's page is in the document: the tests before it took theirs away.
    assert_eq!(document().query_selector_all(".member-search").unwrap().length(), 1);
    assert_eq!(signal.try_get_untracked(), Some(1));
    drop(page);
    tick().await;
    assert_eq!(document().query_selector_all(".member-search").unwrap().length(), 0);
    assert_eq!(signal.try_get_untracked(), None, "the view's reactive owner is disposed");
}

/// Issue 12: each member list has its own length. "Show more" on one event's list used to
/// lengthen every other event's list too (one app-wide length); Back to a list still finds
/// it as long as it was left.
#[wasm_bindgen_test]
async fn show_more_lengthens_only_its_own_list() {
    let members: Vec<String> = (0..100)
        .map(|i| format!(r#"{{ "id": "m-{i}", "name": "Miembro {i}", "events": ["feria-a", "feria-b"] }}"#))
        .collect();
    let json = format!(
        r#"{{ "format": 1, "cluster": {{ "name": "Clúster", "languages": ["es"] }},
             "events": [{{ "id": "feria-a", "name": "Feria A", "start": "2026-01-22" }},
                        {{ "id": "feria-b", "name": "Feria B", "start": "2026-03-22" }}],
             "members": [{}] }}"#,
        members.join(",")
    );
    let catalog = catalog(&json);
    let event = RwSignal::new("feria-a".to_owned());
    let host = mount(in_lang(Lang::Es), move || {
        // As the app does: a new page (and list) for each event.
        move || {
            let event = Some(event.get());
            view! { <MemberSearch catalog=catalog.clone() event=event /> }
        }
    });
    let rows_after = async |host: &HtmlElement, rows: u32| {
        for _ in 0..200 {
            if count(host, ".member-card") >= rows {
                break;
            }
            scheduling::next_task().await;
            tick().await;
        }
        count(host, ".member-card")
    };
    assert_eq!(rows_after(&host, LIST_PAGE_SIZE as u32).await, LIST_PAGE_SIZE as u32);
    click(&host, ".show-more button");
    tick().await;
    assert_eq!(count(&host, ".member-card"), (2 * LIST_PAGE_SIZE) as u32);

    event.set("feria-b".to_owned());
    tick().await;
    assert_eq!(rows_after(&host, 2 * LIST_PAGE_SIZE as u32).await, LIST_PAGE_SIZE as u32, "feria-b's own length");

    event.set("feria-a".to_owned());
    tick().await;
    assert_eq!(rows_after(&host, 2 * LIST_PAGE_SIZE as u32).await, (2 * LIST_PAGE_SIZE) as u32, "feria-a as left");
}
