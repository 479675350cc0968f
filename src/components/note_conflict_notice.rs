//! The notice under a note that another tab changed or removed while it was typed in.

use leptos::prelude::*;
use vitrina_core::follow_up::typing::{ConflictChoice, NoteConflict};
use vitrina_core::follow_up::EntryId;

use crate::adapters::page;
use crate::follow_up::FollowUp;
use crate::i18n::ui;
use crate::state::UiLang;

/// Says that another tab changed or removed the note of `entry` while it was typed in (the
/// typed text stayed) and offers the two ways out; then the focus goes back to the field
/// whose HTML id is `field_id`, where it was.
#[component]
pub fn NoteConflictNotice(entry: EntryId, field_id: String) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let follow_up = expect_context::<FollowUp>();
    let field_id = StoredValue::new(field_id);
    move || {
        let conflict = follow_up.note_conflict().get().filter(|conflict| conflict.id() == &entry)?;
        let lang = lang.get();
        let ui = ui(lang);
        let settle = move |choice: ConflictChoice| {
            follow_up.settle_note_conflict(choice);
            field_id.with_value(|id| page::focus_by_id(id));
        };
        let take_theirs = match conflict {
            NoteConflict::Edited { .. } => ui.take_their_note,
            NoteConflict::Removed { .. } => ui.take_their_removal,
        };
        Some(view! {
            <div class="notice notice-warning note-conflict" role="alert">
                <p>{conflict.message(lang)}</p>
                <button type="button" class="button" on:click=move |_| settle(ConflictChoice::KeepMine)>
                    {ui.keep_my_note}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| settle(ConflictChoice::TakeTheirs)
                >
                    {take_theirs}
                </button>
            </div>
        })
    }
}
