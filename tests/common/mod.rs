//! What the browser tests share: generated directories, and mounting a view with the app's
//! contexts into a fresh element that is unmounted when the test ends. Each test file uses
//! some of these.
#![allow(dead_code)]

use std::sync::Arc;

use leptos::prelude::*;
use vitrina::follow_up::FollowUp;
use vitrina::state::{Announcer, Catalog, DirectoryState, ListLengths, Navigation, Today, UiLang};
use vitrina_core::{load_directory, Lang, Route};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A directory of members `m-0` … `m-{n-1}` named "Miembro {i}": tier-2 stampers in Chihuahua
/// with a pitch in both languages, and no problem.
pub fn directory_json(n: usize) -> String {
    generated_directory(n, |i| format!("Miembro {i}"), "")
}

/// The same directory with markup in every name (`Miembro <b>{i}</b>`), and member 0 with a
/// `javascript:` website and a contact whose email is not one: two problems, on `m-0`.
pub fn hostile_directory_json(n: usize) -> String {
    generated_directory(
        n,
        |i| format!("Miembro <b>{i}</b>"),
        r#", "website": "javascript:alert(1)", "contacts": [{ "id": "ana", "name": "Ana", "email": "nope", "phone": "+52 614 555 0101" }]"#,
    )
}

/// `n` members named by `name`, the first with `first_member_extra` (more JSON fields) added.
fn generated_directory(n: usize, name: impl Fn(usize) -> String, first_member_extra: &str) -> String {
    let members: Vec<String> = (0..n)
        .map(|i| {
            let extra = if i == 0 { first_member_extra } else { "" };
            format!(
                r#"{{ "id": "m-{i}", "name": "{name}", "kind": "tier2", "capabilities": ["stamping"],
                     "pitch": {{ "es": "Estampamos piezas {i}", "en": "We stamp parts {i}" }},
                     "location": {{ "city": "Chihuahua", "state": "Chihuahua", "country": "MX" }}{extra} }}"#,
                name = name(i)
            )
        })
        .collect();
    format!(
        r#"{{ "format": 1, "cluster": {{ "name": "Clúster de prueba", "updated": "2026-11-20", "languages": ["es", "en"] }},
             "capability_groups": [{{ "id": "metal", "label": {{ "es": "Metal", "en": "Metal" }} }}],
             "capabilities": [{{ "id": "stamping", "group": "metal", "label": {{ "es": "Estampado", "en": "Stamping" }} }}],
             "members": [{}] }}"#,
        members.join(",")
    )
}

/// A loaded directory and its search index, as the app holds them.
pub fn catalog(json: &str) -> Arc<Catalog> {
    Arc::new(Catalog::new(load_directory(json.as_bytes()).expect("test directory loads")))
}

/// The contexts `App` provides, as a mounted view finds them.
pub struct Contexts {
    /// The interface language.
    pub lang: Lang,
    /// The route the page is at.
    pub route: Route,
    /// The directory shown, or none yet (still loading).
    pub directory: Option<Arc<Catalog>>,
    /// The directory address whose follow-up list the `FollowUp` context keeps (a test of
    /// its own per test that saves, so that lists never meet).
    pub follow_up_for: String,
}

impl Default for Contexts {
    fn default() -> Contexts {
        Contexts {
            lang: Lang::Es,
            route: Route::default(),
            directory: None,
            follow_up_for: "https://cluster.example.org/browser-tests/data/directory.json".to_owned(),
        }
    }
}

/// A view mounted into an element of its own. Dropping it (at the end of the test that
/// mounted it) unmounts the view and disposes of its reactive owner, which removes its
/// window listeners, and takes the element out of the document, so no test sees another's.
pub struct Mounted {
    /// The element the view is rendered into.
    pub host: HtmlElement,
    /// The follow-up list's context, as the view found it.
    pub follow_up: FollowUp,
    /// Leptos' unmount handle (its type names the view's).
    handle: Option<Box<dyn std::any::Any>>,
}

impl std::ops::Deref for Mounted {
    type Target = HtmlElement;

    fn deref(&self) -> &HtmlElement {
        &self.host
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.host.remove();
    }
}

/// Mounts `view` into a fresh element with `contexts` provided, as `App` provides them.
pub fn mount<V: IntoView + 'static>(contexts: Contexts, view: impl FnOnce() -> V + 'static) -> Mounted {
    let document = web_sys::window().expect("a window").document().expect("a document");
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let Contexts { lang, route, directory, follow_up_for } = contexts;
    let follow_up_slot = RwSignal::new(None::<FollowUp>);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let ui_lang = UiLang::new(lang);
        provide_context(ui_lang);
        let navigation = Navigation::new(route);
        provide_context(navigation);
        provide_context(match directory {
            Some(catalog) => DirectoryState::showing(navigation, catalog),
            None => DirectoryState::new(navigation),
        });
        provide_context(ListLengths::new());
        provide_context(Today::start());
        let announcer = Announcer::new();
        provide_context(announcer);
        // Cards and profiles carry save buttons, and the follow-up page shows the list.
        let follow_up = FollowUp::start(&follow_up_for, announcer, ui_lang.signal());
        provide_context(follow_up);
        follow_up_slot.set(Some(follow_up));
        view()
    });
    let follow_up = follow_up_slot.get_untracked().expect("the FollowUp context started");
    follow_up_slot.dispose();
    Mounted { host, follow_up, handle: Some(Box::new(handle)) }
}

/// The app's contexts in `lang`, the rest as in [`Contexts::default`].
pub fn in_lang(lang: Lang) -> Contexts {
    Contexts { lang, ..Contexts::default() }
}

/// How many elements under `host` match `selector`.
pub fn count(host: &HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

/// The text of the first element under `host` matching `selector`, or "" when there is none.
pub fn text_of(host: &HtmlElement, selector: &str) -> String {
    host.query_selector(selector).unwrap().and_then(|element| element.text_content()).unwrap_or_default()
}

/// Clicks the first element under `host` matching `selector` (which must exist).
pub fn click(host: &HtmlElement, selector: &str) {
    let element: HtmlElement = host.query_selector(selector).unwrap().expect(selector).unchecked_into();
    element.click();
}
