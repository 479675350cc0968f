//! Draws a bar chart laid out by the core (`vitrina_core::chart`) with SVG elements: sizes
//! are attributes and colours are classes (the CSP forbids `style`).

use leptos::prelude::*;
use vitrina_core::chart::BarChart;

/// A bar chart, named by its title and described by its description.
///
/// With `linked`, every bar is a link to the members behind it (each named by its row and
/// value), and the chart is a group of links instead of one image.
#[component]
pub fn BarChartView(chart: BarChart, id: &'static str, #[prop(optional)] linked: bool) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let role = if linked { "group" } else { "img" };
    let legend = chart
        .legend
        .iter()
        .map(|item| {
            view! {
                <g class="chart-legend" aria-hidden="true">
                    <rect class=format!("chart-bar series-{}", item.series) x=item.x y="6" width="12" height="12" />
                    <text class="chart-text" x=item.x + 16 y="16">{item.text.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let rows = chart
        .rows
        .iter()
        .map(|row| {
            let label = row.full_label.clone();
            let bars = row
                .bars
                .iter()
                .map(|bar| {
                    let shape = view! {
                        <g>
                            <rect
                                class=format!("chart-bar series-{}", bar.series)
                                x=bar.x
                                y=bar.y
                                width=bar.width
                                height=bar.height
                            />
                            <text class="chart-value" x=bar.text_x y=bar.text_y>{bar.value}</text>
                        </g>
                    };
                    match (&bar.href, linked) {
                        (Some(href), true) => view! {
                            <g>
                                <a href=href.clone() aria-label=format!("{label}: {}", bar.value) class="chart-link">
                                    {shape}
                                </a>
                            </g>
                        }
                        .into_any(),
                        _ => shape.into_any(),
                    }
                })
                .collect_view();
            view! {
                <g class="chart-row">
                    <text class="chart-text" x=row.label_x y=row.label_y text-anchor="end">
                        {row.label.clone()}
                    </text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    let ticks = chart
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <g aria-hidden="true">
                    <line class="chart-axis" x1=tick.x y1=chart.axis_y x2=tick.x y2=chart.axis_y + 4 />
                    <text class="chart-text" x=tick.x y=chart.axis_y + 16 text-anchor="middle">{tick.value}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="bar-chart"
            viewBox=chart.view_box()
            width=chart.width
            height=chart.height
            role=role
            aria-labelledby=labelled_by
        >
            <title id=title_id>{chart.title.clone()}</title>
            <desc id=desc_id>{chart.description.clone()}</desc>
            {legend}
            {rows}
            <line
                class="chart-axis"
                x1=chart.plot_x
                y1=chart.axis_y
                x2=chart.axis_end_x
                y2=chart.axis_y
                aria-hidden="true"
            />
            {ticks}
        </svg>
    }
}
