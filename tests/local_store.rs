//! The follow-up list's storage in a real browser: the localStorage adapter, its
//! faults (full, corrupt, newer), and the `FollowUp` context following other tabs.
//! Run by `make test-wasm` in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::sync::Arc;

use common::{directory_json, mount, Contexts, Mounted};
use leptos::prelude::*;
use leptos::task::tick;
use vitrina::adapters::local_store::LocalStore;
use vitrina::follow_up::FollowUp;
use vitrina::pages::follow_up::FollowUpPage;
use vitrina::state::Catalog;
use vitrina_core::follow_up::store::Corruption;
use vitrina_core::follow_up::{
    storage_key, FollowUpList, FollowUpStore, KeyValueStore, LoadOutcome, Persistence, SaveOutcome, StoreError,
};
use vitrina_core::{Lang, Route};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, Storage, StorageEvent, StorageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// A directory with members `m-0` … `m-{n-1}`.
fn catalog(n: usize) -> Arc<Catalog> {
    common::catalog(&directory_json(n))
}

fn local_storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().expect("localStorage")
}

/// A directory URL of its own per test, so lists (and storage listeners left
/// by earlier tests) never meet.
fn directory_url(test: &str) -> String {
    format!("https://cluster.example.org/{test}/data/directory.json")
}

/// Removes every key that starts with the list key of `url` (the list, its backups, its index).
fn clear_list(url: &str) {
    let key = storage_key(url);
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap()).filter_map(|i| storage.key(i).unwrap()).collect();
    for stored in keys.into_iter().filter(|stored| stored.starts_with(&key)) {
        storage.remove_item(&stored).unwrap();
    }
}

/// Fills localStorage until it refuses even a short value; returns the filler keys to remove.
fn fill_local_storage() -> Vec<String> {
    let storage = local_storage();
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 16 {
        let key = format!("test.filler.{}", keys.len());
        match storage.set_item(&key, &"x".repeat(chunk)) {
            Ok(()) => keys.push(key),
            Err(_) => chunk /= 2,
        }
    }
    keys
}

fn empty_storage_of(keys: &[String]) {
    let storage = local_storage();
    for key in keys {
        storage.remove_item(key).unwrap();
    }
}

/// Mounts the follow-up page with a `FollowUp` context started for `url`, as the app does;
/// the page is unmounted when the returned value is dropped.
fn mount_follow_up_page(catalog: Arc<Catalog>, url: &str) -> Mounted {
    let contexts = Contexts {
        route: Route::FollowUp,
        directory: Some(catalog),
        follow_up_for: url.to_owned(),
        ..Contexts::default()
    };
    mount(contexts, || view! { <FollowUpPage /> })
}

/// Lets the reactive system run (render effects run a few microtasks after a change)
/// until `done` holds, for at most a bounded number of turns.
async fn settle(done: impl Fn() -> bool) {
    for _ in 0..20 {
        if done() {
            return;
        }
        tick().await;
    }
}

fn note_values(host: &HtmlElement) -> Vec<String> {
    let notes = host.query_selector_all("textarea").unwrap();
    (0..notes.length())
        .map(|i| notes.item(i).unwrap().unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        .collect()
}

fn saved(follow_up: FollowUp, member: &str) -> bool {
    follow_up.list().with_untracked(|list| list.is_saved(member, None))
}

fn entry_names(host: &HtmlElement) -> Vec<String> {
    let nodes = host.query_selector_all(".entry-name").unwrap();
    (0..nodes.length()).filter_map(|i| nodes.item(i).and_then(|node| node.text_content())).collect()
}

#[wasm_bindgen_test]
fn local_store_round_trips_values_and_removes_them() {
    let mut store = LocalStore;
    let key = "test.local-store.round-trip";
    local_storage().remove_item(key).unwrap();
    assert_eq!(store.get(key), Ok(None));
    let value = "Núñez, \"Ana\"; 🚀\nsegunda línea";
    store.set(key, value).unwrap();
    assert_eq!(store.get(key), Ok(Some(value.to_owned())));
    assert_eq!(local_storage().get_item(key).unwrap().as_deref(), Some(value), "written to the real localStorage");
    store.set(key, "otro").unwrap();
    assert_eq!(store.get(key), Ok(Some("otro".to_owned())));
    store.remove(key).unwrap();
    assert_eq!(store.get(key), Ok(None));
    // Removing a missing key succeeds, as the trait promises.
    assert_eq!(store.remove(key), Ok(()));
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_as_quota_exceeded_and_keeps_the_saved_list() {
    let url = directory_url("quota");
    clear_list(&url);
    let catalog = catalog(2);
    let mut store = FollowUpStore::for_directory(&url);
    assert_eq!(store.load(&mut LocalStore, 1), LoadOutcome::Empty);
    let mut list = FollowUpList::new();
    list.add_member(&catalog.directory, "m-0", 2).unwrap();
    assert!(matches!(store.save(&mut LocalStore, &mut list, 3), SaveOutcome::Saved { .. }));
    let before = local_storage().get_item(store.key()).unwrap().expect("saved");
    let id = list.entries()[0].id.clone();
    let long_note = "nota larga ".repeat(1000);
    list.set_note(&id, &long_note, 4).unwrap();

    // Nothing is asserted while the storage is full (a failing test must not leave it full).
    let filler = fill_local_storage();
    let one_more = LocalStore.set("test.local-store.one-more", &"y".repeat(4096));
    let saved = store.save(&mut LocalStore, &mut list, 5);
    let persistence = store.persistence().clone();
    let stored = local_storage().get_item(store.key()).unwrap();
    empty_storage_of(&filler);
    let _ = local_storage().remove_item("test.local-store.one-more");

    assert!(!filler.is_empty(), "localStorage took nothing: cannot play a full storage");
    assert_eq!(one_more, Err(StoreError::QuotaExceeded));
    // A bigger list does not fit: the save reports it, and the stored list is the previous one.
    assert_eq!(saved, SaveOutcome::Failed { error: StoreError::QuotaExceeded });
    assert_eq!(persistence, Persistence::MemoryOnly { error: StoreError::QuotaExceeded });
    assert_eq!(stored.as_deref(), Some(before.as_str()));
    assert_eq!(list.entries()[0].note, long_note, "the edit stays in memory");
    // Space freed: the next save goes through.
    assert!(matches!(store.save(&mut LocalStore, &mut list, 6), SaveOutcome::Saved { .. }));
    assert_eq!(store.persistence(), &Persistence::Saving);
    let reloaded = FollowUpStore::for_directory(&url).load(&mut LocalStore, 7).into_list();
    assert_eq!(reloaded.entries()[0].note, long_note);
    clear_list(&url);
}

#[wasm_bindgen_test]
fn a_corrupt_stored_list_is_set_aside_untouched_before_anything_is_written() {
    let url = directory_url("corrupt");
    clear_list(&url);
    let catalog = catalog(2);
    let key = storage_key(&url);
    let raw = r#"{"kind":"vitrina.follow-up","version":1,"entries":[{"id":"m.m-0","note":"cotizar"#;
    local_storage().set_item(&key, raw).unwrap();

    let mut store = FollowUpStore::for_directory(&url);
    let outcome = store.load(&mut LocalStore, 1_800_000_000_000);
    let LoadOutcome::Corrupt { raw: read, backup_key: Some(backup_key), salvaged, corruption } = &outcome else {
        panic!("expected a corrupt list set aside, got {outcome:?}")
    };
    assert_eq!(read, raw);
    assert!(matches!(corruption, Corruption::Unreadable(_)), "{corruption:?}");
    assert!(salvaged.is_empty());
    assert!(outcome.message(Lang::Es).is_some(), "the visitor is told");
    assert!(backup_key.starts_with(&key) && backup_key != &key, "{backup_key}");
    assert_eq!(local_storage().get_item(backup_key).unwrap().as_deref(), Some(raw), "kept byte for byte");
    assert_eq!(store.corrupt_backups(&LocalStore), std::slice::from_ref(backup_key));
    // The main key holds the damaged value or nothing: never anything else before a save.
    let main = local_storage().get_item(&key).unwrap();
    assert!(main.is_none() || main.as_deref() == Some(raw), "{main:?}");

    let mut list = outcome.clone().into_list();
    list.add_member(&catalog.directory, "m-1", 1_800_000_000_001).unwrap();
    assert!(matches!(store.save(&mut LocalStore, &mut list, 1_800_000_000_002), SaveOutcome::Saved { .. }));
    assert_eq!(local_storage().get_item(backup_key).unwrap().as_deref(), Some(raw), "the copy survives the save");
    let reloaded = FollowUpStore::for_directory(&url).load(&mut LocalStore, 1_800_000_000_003);
    assert!(matches!(&reloaded, LoadOutcome::Loaded { list, .. } if list.len() == 1), "{reloaded:?}");
    clear_list(&url);
}

#[wasm_bindgen_test]
fn a_corrupt_list_in_a_full_storage_is_left_exactly_where_it_is() {
    let url = directory_url("corrupt-full");
    clear_list(&url);
    let catalog = catalog(2);
    let key = storage_key(&url);
    let raw = "<html>404</html>";
    local_storage().set_item(&key, raw).unwrap();

    // Nothing is asserted while the storage is full (a failing test must not leave it full).
    let filler = fill_local_storage();
    let mut store = FollowUpStore::for_directory(&url);
    let outcome = store.load(&mut LocalStore, 10);
    let persistence_after_load = store.persistence().clone();
    let mut list = outcome.clone().into_list();
    list.add_member(&catalog.directory, "m-0", 11).unwrap();
    let saved = store.save(&mut LocalStore, &mut list, 12);
    let stored = local_storage().get_item(&key).unwrap();
    empty_storage_of(&filler);

    assert!(!filler.is_empty(), "localStorage took nothing: cannot play a full storage");
    // The copy could not be made: the damaged value stays where it is, and nothing is written.
    assert!(matches!(&outcome, LoadOutcome::Corrupt { backup_key: None, raw: read, .. } if read == raw), "{outcome:?}");
    assert!(outcome.message(Lang::Es).is_some(), "the visitor is told");
    assert_eq!(persistence_after_load, Persistence::MemoryOnly { error: StoreError::QuotaExceeded });
    assert_eq!(saved, SaveOutcome::Failed { error: StoreError::QuotaExceeded });
    assert_eq!(stored.as_deref(), Some(raw));
    // Space again: the save sets the damaged value aside first, then writes.
    let SaveOutcome::Saved { set_aside: Some(kept), .. } = store.save(&mut LocalStore, &mut list, 14) else {
        panic!("the save should set the damaged value aside")
    };
    assert_eq!(local_storage().get_item(&kept).unwrap().as_deref(), Some(raw));
    assert!(FollowUpStore::for_directory(&url).load(&mut LocalStore, 15).into_list().is_saved("m-0", None));
    clear_list(&url);
}

#[wasm_bindgen_test]
fn a_list_from_a_newer_app_is_read_only_and_never_written() {
    let url = directory_url("newer");
    clear_list(&url);
    let catalog = catalog(2);
    let key = storage_key(&url);
    let raw = r#"{"kind":"vitrina.follow-up","version":9,"entries":[{"id":"m.m-0","member":"m-0","added_at":1,"updated_at":1}],"future":true}"#;
    local_storage().set_item(&key, raw).unwrap();
    let keys_before = local_storage().length().unwrap();

    let mut store = FollowUpStore::for_directory(&url);
    let outcome = store.load(&mut LocalStore, 5);
    assert!(matches!(&outcome, LoadOutcome::NewerVersion { version: 9, .. }), "{outcome:?}");
    assert!(outcome.message(Lang::Es).unwrap().contains("solo lectura"));
    assert_eq!(store.persistence(), &Persistence::ReadOnly { version: 9 });
    let mut list = outcome.into_list();
    list.add_member(&catalog.directory, "m-1", 6).unwrap();
    assert_eq!(store.save(&mut LocalStore, &mut list, 7), SaveOutcome::ReadOnly { version: 9 });
    assert_eq!(local_storage().get_item(&key).unwrap().as_deref(), Some(raw), "left untouched");
    assert_eq!(local_storage().length().unwrap(), keys_before, "no backup or other key written");
    clear_list(&url);
}

#[wasm_bindgen_test]
async fn the_follow_up_context_writes_through_and_merges_another_tabs_list() {
    let url = directory_url("tabs");
    clear_list(&url);
    let catalog = catalog(3);
    let key = storage_key(&url);
    let host = mount_follow_up_page(catalog.clone(), &url);
    let follow_up = host.follow_up;
    tick().await;

    // This tab saves m-0: the stored document holds it at once.
    follow_up.toggle(&catalog.directory, "m-0", None, "m-0");
    settle(|| entry_names(&host).len() == 1).await;
    assert!(saved(follow_up, "m-0"));
    let stored = local_storage().get_item(&key).unwrap().expect("written through");
    let document: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(document["kind"], "vitrina.follow-up");
    assert_eq!(document["entries"][0]["member"], "m-0", "{stored}");
    assert_eq!(entry_names(&host), ["Miembro 0"]);

    // Another tab, which never saw m-0, saves m-1 with a note.
    let mut other = FollowUpList::new();
    other.add_member(&catalog.directory, "m-1", 1_000).unwrap();
    let id = other.entries()[0].id.clone();
    other.set_note(&id, "desde la otra pestaña", 1_001).unwrap();
    let init = StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&other.to_json()));
    init.set_old_value(Some(&stored));
    init.set_storage_area(Some(&local_storage()));
    let event = StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    settle(|| entry_names(&host).len() == 2).await;

    // Both entries are shown, the other tab's note arrived, and neither is lost in storage.
    assert!(saved(follow_up, "m-0") && saved(follow_up, "m-1"));
    let mut names = entry_names(&host);
    names.sort();
    assert_eq!(names, ["Miembro 0", "Miembro 1"]);
    settle(|| note_values(&host).iter().any(|note| note == "desde la otra pestaña")).await;
    let notes = note_values(&host);
    assert!(notes.iter().any(|note| note == "desde la otra pestaña"), "{notes:?}");
    let stored = local_storage().get_item(&key).unwrap().unwrap();
    let reloaded = FollowUpStore::for_directory(&url).load(&mut LocalStore, 2_000).into_list();
    assert!(reloaded.is_saved("m-0", None) && reloaded.is_saved("m-1", None), "{stored}");

    // An event for another key (another directory on this origin) changes nothing.
    let mut unrelated = FollowUpList::new();
    unrelated.add_member(&catalog.directory, "m-2", 3_000).unwrap();
    let init = StorageEventInit::new();
    init.set_key(Some(&storage_key(&directory_url("elsewhere"))));
    init.set_new_value(Some(&unrelated.to_json()));
    init.set_storage_area(Some(&local_storage()));
    let event = StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    tick().await;
    assert!(!saved(follow_up, "m-2"));
    assert_eq!(entry_names(&host).len(), 2);
    clear_list(&url);
}

#[wasm_bindgen_test]
fn blocked_storage_is_reported_as_unavailable_and_never_throws() {
    let window = web_sys::window().unwrap();
    let name = wasm_bindgen::JsValue::from_str("localStorage");
    let original = js_sys::Object::get_own_property_descriptor(&window, &name);
    assert!(original.is_object(), "localStorage is an own property of window in this browser");
    // What private modes and "block all cookies" settings do: reading localStorage throws.
    let blocked = js_sys::Object::new();
    let getter = js_sys::Function::new_no_args("throw new DOMException('The operation is insecure.', 'SecurityError')");
    js_sys::Reflect::set(&blocked, &"get".into(), &getter).unwrap();
    js_sys::Reflect::set(&blocked, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &name, &blocked);

    // Nothing is asserted while storage is blocked (a failing test must not leave it so).
    let got = LocalStore.get("test.blocked");
    let set = LocalStore.set("test.blocked", "x");
    let removed = LocalStore.remove("test.blocked");
    let language = vitrina::adapters::preferences::stored_language();
    let language_stored = vitrina::adapters::preferences::store_language(Lang::En);
    let mut store = FollowUpStore::for_directory(&directory_url("blocked"));
    let outcome = store.load(&mut LocalStore, 1);
    let mut list = outcome.clone().into_list();
    list.add_member(&catalog(1).directory, "m-0", 2).unwrap();
    let saved = store.save(&mut LocalStore, &mut list, 3);
    js_sys::Object::define_property(&window, &name, original.unchecked_ref());

    assert!(web_sys::window().unwrap().local_storage().is_ok(), "storage restored");
    assert_eq!(got, Err(StoreError::Unavailable));
    assert_eq!(set, Err(StoreError::Unavailable));
    assert_eq!(removed, Err(StoreError::Unavailable));
    assert_eq!((language, language_stored), (None, false), "the language preference just lasts the visit");
    assert_eq!(outcome, LoadOutcome::Unavailable { error: StoreError::Unavailable });
    assert!(outcome.message(Lang::Es).unwrap().contains("modo privado"));
    assert_eq!(saved, SaveOutcome::Failed { error: StoreError::Unavailable });
    assert_eq!(list.len(), 1, "the list works in memory");
}

#[wasm_bindgen_test]
async fn the_follow_up_context_never_changes_a_newer_apps_list() {
    let url = directory_url("newer-context");
    clear_list(&url);
    let catalog = catalog(2);
    let key = storage_key(&url);
    let raw = r#"{"kind":"vitrina.follow-up","version":5,"entries":[{"id":"m.m-0","member":"m-0","note":"v5","added_at":1,"updated_at":1}]}"#;
    local_storage().set_item(&key, raw).unwrap();
    let host = mount_follow_up_page(catalog.clone(), &url);
    let follow_up = host.follow_up;
    settle(|| note_values(&host) == ["v5"]).await;
    assert!(!follow_up.persistence().get_untracked().is_saving());

    follow_up.toggle(&catalog.directory, "m-1", None, "m-1");
    follow_up.toggle(&catalog.directory, "m-0", None, "m-0");
    tick().await;
    assert!(!saved(follow_up, "m-1"), "not added, not even in memory");
    assert!(saved(follow_up, "m-0"), "not removed, not even in memory");
    assert_eq!(note_values(&host), ["v5"]);
    assert_eq!(local_storage().get_item(&key).unwrap().as_deref(), Some(raw));
    let textarea = host.query_selector("textarea").unwrap().unwrap();
    assert!(textarea.has_attribute("disabled"), "the editor says it is read-only");
    clear_list(&url);
}
