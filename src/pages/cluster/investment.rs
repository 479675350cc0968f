//! `#/investment`: planned investment, the share above 15 MDD both ways, by group and kind,
//! and a distribution whose every bar links to its members.

use std::sync::Arc;

use leptos::prelude::*;
use vitrina_core::capability_map::group_label;
use vitrina_core::chart::{lay_out, svg_document, RowInput};
use vitrina_core::format::{count, member_kind};
use vitrina_core::investment::{investment_view, InvestmentStats};
use vitrina_core::member_selection::{GroupFilter, InvestmentFilter, KindFilter, MemberSelection};
use vitrina_core::Lang;

use super::chart::LinkedBars;
use super::{actions, download, print_page, scroll_region, texts};
use crate::state::{Catalog, UiLang};

/// Millions of US dollars as the cluster writes them: "1,234.5 MDD".
pub fn musd(figure: f64, lang: Lang) -> String {
    let tenths = (figure * 10.0).round();
    if !tenths.is_finite() || tenths >= 1e17 {
        return format!("{figure:.0} MDD");
    }
    let tenths = tenths as u64;
    let whole = count(tenths / 10, lang);
    match tenths % 10 {
        0 => format!("{whole} MDD"),
        tenth => format!("{whole}.{tenth} MDD"),
    }
}

/// A share as a whole percentage, with the counts it comes from: "67 % (40 de 60)".
pub fn share(part: usize, whole: usize, lang: Lang) -> String {
    if whole == 0 {
        return lang.pick("sin datos", "no data").to_owned();
    }
    let percent = (part as f64 * 100.0 / whole as f64).round();
    lang.pick(format!("{percent} % ({part} de {whole})"), format!("{percent}% ({part} of {whole})"))
}

/// A count linked to the members a selection picks (plain text when 0).
fn selection_link(n: usize, selection: MemberSelection) -> AnyView {
    if n == 0 {
        view! { <span>"0"</span> }.into_any()
    } else {
        view! { <a href=selection.to_fragment()>{n}</a> }.into_any()
    }
}

/// One row of a "by group" or "by kind" table.
fn stats_row(label: String, stats: &InvestmentStats, base: MemberSelection, lang: Lang) -> impl IntoView {
    let with = |investment| MemberSelection { investment: Some(investment), ..base.clone() };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{selection_link(stats.members, base.clone())}</td>
            <td>{selection_link(stats.with_figure, with(InvestmentFilter::Given))}</td>
            <td>{musd(stats.total_musd, lang)}</td>
            <td>{selection_link(stats.above_threshold, with(InvestmentFilter::Above15))}</td>
            <td>{selection_link(stats.not_given(), with(InvestmentFilter::Bucket(vitrina_core::investment::Bucket::NotGiven)))}</td>
        </tr>
    }
}

/// The investment page.
#[component]
pub fn InvestmentPage(catalog: Arc<Catalog>) -> impl IntoView {
    let lang = expect_context::<UiLang>().signal();
    let investment = Arc::new(investment_view(&catalog.directory));
    move || {
        let lang = lang.get();
        let t = texts(lang);
        let directory = &catalog.directory;
        let overall = &investment.overall;
        let bucket_selection =
            |bucket| MemberSelection { investment: Some(InvestmentFilter::Bucket(bucket)), ..Default::default() };
        let rows: Vec<RowInput> = investment
            .buckets
            .iter()
            .map(|(bucket, n)| RowInput {
                label: bucket.label(lang).to_owned(),
                values: vec![*n],
                hrefs: vec![Some(bucket_selection(*bucket).to_fragment())],
            })
            .collect();
        let description = lang.pick(
            format!(
                "{} miembros: {} dieron una cifra y {} no. Más de 15 MDD: {}.",
                overall.members,
                overall.with_figure,
                overall.not_given(),
                share(overall.above_threshold, overall.with_figure, lang)
            ),
            format!(
                "{} members: {} gave a figure and {} did not. More than 15 MDD: {}.",
                overall.members,
                overall.with_figure,
                overall.not_given(),
                share(overall.above_threshold, overall.with_figure, lang)
            ),
        );
        let chart = lay_out(t.distribution_title.to_owned(), description, &[t.members_column.to_owned()], &rows);
        let svg = svg_document(&chart);
        let svg_name = lang.pick("inversion-planeada.svg", "planned-investment.svg");
        let buttons = vec![
            view! { <button type="button" class="button button-secondary" on:click=move |_| download(svg_name, "image/svg+xml", svg.clone())>{t.download_svg}</button> }.into_any(),
            view! { <button type="button" class="button button-secondary" on:click=|_| print_page()>{t.print}</button> }.into_any(),
        ];
        let group_rows = investment
            .by_group
            .iter()
            .map(|(group, stats)| {
                let filter = match group {
                    Some(g) => GroupFilter::Group(directory.capability_groups[*g].id.clone()),
                    None => GroupFilter::Other,
                };
                let base = MemberSelection { group: Some(filter), ..Default::default() };
                stats_row(group_label(directory, *group, lang), stats, base, lang)
            })
            .collect_view();
        let kind_rows = investment
            .by_kind
            .iter()
            .map(|(kind, stats)| {
                let label = kind.map_or(t.no_kind, |kind| member_kind(kind, lang)).to_owned();
                let base = MemberSelection {
                    kind: Some(kind.map_or(KindFilter::NotGiven, KindFilter::Kind)),
                    ..Default::default()
                };
                stats_row(label, stats, base, lang)
            })
            .collect_view();
        let stats_head = move |first: &'static str| {
            view! {
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">{t.members_column}</th>
                        <th scope="col">{t.with_figure_label}</th>
                        <th scope="col">{t.total_label}</th>
                        <th scope="col">{t.above_column}</th>
                        <th scope="col">{t.not_given_label}</th>
                    </tr>
                </thead>
            }
        };
        let all = MemberSelection::default();
        let given = MemberSelection { investment: Some(InvestmentFilter::Given), ..Default::default() };
        let above = MemberSelection { investment: Some(InvestmentFilter::Above15), ..Default::default() };
        view! {
            <section class="cluster-view investment" aria-labelledby="investment-heading">
                <h1 id="investment-heading">{t.investment_heading}</h1>
                <p>{t.investment_intro}</p>
                {actions(buttons)}
                <dl class="investment-summary">
                    <div><dt>{t.total_label}</dt><dd data-testid="investment-total">{musd(overall.total_musd, lang)}</dd></div>
                    <div>
                        <dt>{t.with_figure_label}</dt>
                        <dd data-testid="investment-with-figure">
                            {selection_link(overall.with_figure, given)} " / "
                            {selection_link(overall.members, all)}
                        </dd>
                    </div>
                    <div>
                        <dt>{t.not_given_label}</dt>
                        <dd data-testid="investment-not-given">
                            {selection_link(overall.not_given(), bucket_selection(vitrina_core::investment::Bucket::NotGiven))}
                        </dd>
                    </div>
                    <div>
                        <dt>{t.above_given_label}</dt>
                        <dd data-testid="investment-above-given">{share(overall.above_threshold, overall.with_figure, lang)}</dd>
                    </div>
                    <div>
                        <dt>{t.above_all_label}</dt>
                        <dd data-testid="investment-above-all">{share(overall.above_threshold, overall.members, lang)}</dd>
                    </div>
                </dl>
                <p class="table-note">
                    {t.above_note} " "
                    <a href=above.to_fragment()>{t.above_column}</a>
                </p>
                <h2>{t.distribution_heading}</h2>
                <LinkedBars chart=chart id="investment-chart" />
                <h2>{t.by_group_heading}</h2>
                <p class="table-note">{t.by_group_note}</p>
                {scroll_region(t.by_group_heading, view! {
                    <table class="cluster-table by-group-table">
                        <caption>{t.by_group_heading}</caption>
                        {stats_head(t.group_column)}
                        <tbody>{group_rows}</tbody>
                    </table>
                })}
                <h2>{t.by_kind_heading}</h2>
                {scroll_region(t.by_kind_heading, view! {
                    <table class="cluster-table by-kind-table">
                        <caption>{t.by_kind_heading}</caption>
                        {stats_head(t.kind_column)}
                        <tbody>{kind_rows}</tbody>
                    </table>
                })}
            </section>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_the_cluster_writes_them() {
        assert_eq!(musd(1234.5, Lang::En), "1,234.5 MDD");
        assert_eq!(musd(15.0, Lang::Es), "15 MDD");
        assert_eq!(musd(0.04, Lang::Es), "0 MDD");
        assert_eq!(share(2, 3, Lang::Es), "67 % (2 de 3)");
        assert_eq!(share(1, 4, Lang::En), "25% (1 of 4)");
        assert_eq!(share(0, 0, Lang::En), "no data");
    }
}
