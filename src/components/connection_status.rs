//! The quiet line that says the browser is offline and how old the saved data is.

use leptos::prelude::*;
use vitrina_core::format::moment;
use vitrina_core::valid::IsoDate;

use crate::adapters::page;
use crate::i18n::ui;
use crate::state::{DataFreshness, DirectoryState, Today, UiLang};

/// "Data downloaded today at 10:12" in the visitor's language, if the download time is known.
pub fn downloaded_when(
    freshness: DataFreshness,
    lang: ReadSignal<vitrina_core::Lang>,
    today: IsoDate,
) -> Option<String> {
    let ms = freshness.fetched_at_ms()?;
    let (date, hour, minute) = page::local_time(ms);
    let lang = lang.get();
    Some(format!("{} {}", ui(lang).data_downloaded, moment(date, hour, minute, today, lang)))
}

/// Shown only while offline, as a status message (announced when it appears).
#[component]
pub fn ConnectionStatus() -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let freshness = expect_context::<DirectoryState>().freshness();
    let today = expect_context::<Today>();
    move || {
        if freshness.online() {
            return None;
        }
        let when = downloaded_when(freshness, lang, today.get()).map(|when| format!(" {when}."));
        Some(view! {
            <p class="offline-notice" role="status">
                <strong>{ui(lang.get()).offline_notice}</strong>
                {when}
            </p>
        })
    }
}
