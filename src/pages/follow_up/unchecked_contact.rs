//! An entry's stored e-mail or phone that is not valid, shown as plain text with what is wrong.

use leptos::prelude::*;
use vitrina_core::follow_up::Snapshot;

use crate::i18n::ui;
use crate::state::UiLang;

/// Explains a missing "Correo" or "Llamar" button: the stored text (from a list saved before
/// the form checked it, a backup or a handoff) is shown as it is, so nothing is lost, with
/// what is wrong; it never becomes a link or reaches an export.
#[component]
pub fn UncheckedContact(snapshot: Snapshot) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let email = snapshot.unchecked_email().map(|(text, problem)| (text.to_owned(), problem));
    let phone = snapshot.unchecked_phone().map(|(text, problem)| (text.to_owned(), problem));
    let email = email.map(|(text, problem)| {
        view! {
            <p class="hint unchecked-contact">
                {move || ui(lang.get()).unchecked_email}
                " "
                <span class="unchecked-value">{text}</span>
                " "
                {move || problem.message(lang.get())}
            </p>
        }
    });
    let phone = phone.map(|(text, problem)| {
        view! {
            <p class="hint unchecked-contact">
                {move || ui(lang.get()).unchecked_phone}
                " "
                <span class="unchecked-value">{text}</span>
                " "
                {move || problem.message(lang.get())}
            </p>
        }
    });
    view! {
        {email}
        {phone}
    }
}
