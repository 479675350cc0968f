//! The data problems view, for the staff who keep the directory file.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::{Lang, Loaded};

use crate::state::Catalog;

use crate::i18n::{problems_found, showing_n_of, ui};
use crate::split::Deferred;
use crate::state::UiLang;

/// Problems rendered at once; a broken generated file can have tens of thousands.
const PROBLEMS_PAGE_SIZE: usize = 200;

/// Every problem the loader found: member, field, what was wrong, what was done.
#[component]
pub fn ProblemsPage(loaded: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let shown = RwSignal::new(PROBLEMS_PAGE_SIZE);
    let total = loaded.problems.len();
    let rows = move || {
        let lang = lang.get();
        (0..shown.get().min(total)).map(move |index| (index, lang))
    };
    view! {
        <section class="problems" aria-labelledby="problems-heading">
            <h1 id="problems-heading">{move || ui(lang.get()).data_problems}</h1>
            <p>{move || ui(lang.get()).problems_intro}</p>
            <p class="result-count" role="status">
                {move || if total == 0 { ui(lang.get()).problems_none.to_owned() } else { problems_found(total, lang.get()) }}
            </p>
            <ol class="problem-list">
                <For
                    each=rows
                    key=|row| *row
                    children=move |(index, lang)| problem_row(&loaded, index, lang)
                />
            </ol>
            <Show when=move || { shown.get() < total }>
                <div class="show-more">
                    <p>{move || showing_n_of(shown.get().min(total), total, lang.get())}</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| shown.update(|shown| *shown += PROBLEMS_PAGE_SIZE)
                    >
                        {move || ui(lang.get()).show_more}
                    </button>
                </div>
            </Show>
            // The staff page sits beside the app (dist/staff/), so a relative link finds it
            // under any sub-path.
            <p>
                <a class="staff-link" href="staff/">{move || ui(lang.get()).staff_page_link}</a>
            </p>
            <p class="hint">{move || ui(lang.get()).problems_cli_hint}</p>
        </section>
    }
}

fn problem_row(loaded: &Loaded, index: usize, lang: Lang) -> impl IntoView {
    let ui = ui(lang);
    let problem = &loaded.problems[index];
    let member = problem.member.clone().unwrap_or_else(|| ui.problem_whole_file.to_owned());
    view! {
        <li class="problem">
            <dl>
                <dt>{ui.problem_member}</dt>
                <dd class="problem-member">{member}</dd>
                <dt>{ui.problem_field}</dt>
                <dd>
                    <code class="problem-field">{problem.field.clone()}</code>
                </dd>
                <dt>{ui.problem_what}</dt>
                <dd class="problem-what">{problem.describe(lang)}</dd>
                <dt>{ui.problem_action}</dt>
                <dd class="problem-action">{problem.describe_action(lang)}</dd>
            </dl>
        </li>
    }
}

crate::split_point! {
    chunk = problems, preload = preload_problems;
    /// The problems view, from its chunk: for the staff, not for visitors.
    pub fn problems_page(loaded: Arc<Catalog>) -> Deferred {
        Box::new(move || view! { <ProblemsPage loaded=loaded /> }.into_any())
    }
}
